/**
 * One reader of the account's notification queue per process, shared by every order of the account that waits by
 * notifications.
 *
 * PollInfo (0905) shows the oldest unconfirmed message only, and InterNetX help "Poll confirm" says each retrieval must
 * be confirmed with PollConfirm (0906): "only then the next first message can be retrieved". Confirming removes the
 * message for every reader of the account. So a round reads the head and, while it is the message of a job this
 * process placed or waits for, keeps it for that job's waiter, confirms it and reads the next one; PollConfirm's answer
 * says how many are left (`object.summary`, XML `<summary>`), so a queue it empties costs no further PollInfo. A message
 * of any other job (another stack's run, another tool) is never confirmed: the round stops at it and says so, and the
 * waiters follow their jobs by the non-consuming Job List until its owner takes it.
 *
 * A round goes at most once per poll interval for all waiters and, like the job list's (jobListPoller.ts), only when no
 * other request of the process waits for the rate limit (never held back longer than a minute): while orders are still
 * being placed a PollInfo would only push them back, and one round afterwards reads every message that came meanwhile.
 */

import type { PollMessage } from "../../internetx/schemas";
import { decideRound, roundCheckMs } from "./jobListPoller";

/** What the reader asks the API. */
export interface QueuePort {
    info(): Promise<{ message?: PollMessage }>;
    /** Confirms the message; `pending` is how many are left, where the answer says. */
    confirm(id: string): Promise<{ pending?: number }>;
    /** True while no other request of this process waits for the rate limit. */
    idle(): boolean;
    /** Called when no waiter is left (the port may close what it opened). */
    release?(): Promise<void>;
}

/** A waiter's answer from a round: its job's message, or none yet (with the foreign message blocking the head, if any). */
export type QueueRoundResult = { outcome: "message"; message: PollMessage } | { outcome: "none"; blockedBy?: string };

/** Whether a message ends its job's wait (the job succeeded or failed; a running job may notify again). */
export type FinalMessage = (message: PollMessage) => boolean;

interface Waiter {
    jobId: string;
    intervalMs: number;
    since: number;
    resolve(result: QueueRoundResult): void;
    reject(error: Error): void;
}

export class NotificationQueue {
    private readonly waiters: Waiter[] = [];
    /** Jobs this process placed or waits for: their messages are this process's to read and confirm. */
    private readonly ours = new Set<string>();
    /** Messages read and confirmed for jobs whose waiter was not waiting at that round: it takes them when it asks. */
    private readonly kept = new Map<string, PollMessage>();
    private running = false;
    private lastRoundAt?: number;
    private idleSince?: number;
    /** The foreign message the last round stopped at, if any. */
    private blockedBy?: string;
    /** Requests sent (for the benchmark and tests). */
    requests = 0;

    constructor(
        private readonly port: QueuePort,
        private readonly isFinal: FinalMessage,
        private readonly now: () => number = Date.now,
        private readonly sleep: (ms: number) => Promise<void> = (ms) =>
            new Promise((resolve) => setTimeout(resolve, ms)),
    ) {}

    /** A job of this process: its message is ours, even when it comes before the job's first check. */
    expect(jobId: string): void {
        this.ours.add(jobId);
    }

    /** The job's message as of the next round (at once when an earlier round kept it while its waiter slept). */
    next(jobId: string, intervalMs: number): Promise<QueueRoundResult> {
        this.ours.add(jobId);
        const message = this.kept.get(jobId);
        if (message) {
            this.kept.delete(jobId);
            return Promise.resolve({ outcome: "message", message });
        }
        return new Promise((resolve, reject) => {
            this.waiters.push({ jobId, intervalMs, since: this.now(), resolve, reject });
            if (!this.running) {
                this.running = true;
                void this.run();
            }
        });
    }

    private async run(): Promise<void> {
        try {
            while (this.waiters.length > 0) {
                const now = this.now();
                this.idleSince = this.port.idle() ? (this.idleSince ?? now) : undefined;
                const decision = decideRound({
                    now,
                    lastRoundAt: this.lastRoundAt,
                    intervalMs: Math.min(...this.waiters.map((waiter) => waiter.intervalMs)),
                    waitingSince: Math.min(...this.waiters.map((waiter) => waiter.since)),
                    idleSince: this.idleSince,
                });
                if (decision.action === "wait") {
                    await this.sleep(Math.min(decision.ms, roundCheckMs));
                    continue;
                }
                this.lastRoundAt = now;
                await this.round();
            }
        } finally {
            this.running = false;
            await this.port.release?.();
        }
    }

    private async round(): Promise<void> {
        const waiting = this.waiters.splice(0);
        try {
            await this.drain();
            for (const waiter of waiting) {
                const message = this.kept.get(waiter.jobId);
                this.kept.delete(waiter.jobId);
                waiter.resolve(
                    message ? { outcome: "message", message } : { outcome: "none", blockedBy: this.blockedBy },
                );
            }
        } catch (error) {
            for (const waiter of waiting) waiter.reject(error as Error);
        }
    }

    /** Reads and confirms the head while it is ours; stops at an empty queue or at a message that is not ours. */
    private async drain(): Promise<void> {
        this.blockedBy = undefined;
        for (;;) {
            this.requests++;
            const { message } = await this.port.info();
            if (!message) return;
            const jobId = message.job?.id;
            if (!jobId || !this.ours.has(jobId)) {
                this.blockedBy = message.id;
                return;
            }
            // A later message of the same job (it notified before it ended) replaces the earlier one.
            this.kept.set(jobId, message);
            if (this.isFinal(message)) this.ours.delete(jobId);
            this.requests++;
            const { pending } = await this.port.confirm(message.id);
            if (pending === 0) return;
        }
    }
}
