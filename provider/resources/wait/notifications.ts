import { OrderFailedError } from "../../errors";
import type { Client } from "../../internetx/client";
import { PollMessage } from "../../internetx/schemas";
import { Clock, systemClock } from "./clock";
import { jobOutcome, nextPollDelay } from "./policy";
import { checkOnce, timedOut, WaitOptions, WaitTarget } from "./waitForIssuance";

interface Waiter {
    target: WaitTarget & { jobId: string };
    options: WaitOptions;
    started: number;
    resolve(certificateId: string): void;
    reject(error: Error): void;
}

/**
 * The `notifications` wait strategy (seeds 001/002: PollInfo, then PollConfirm). The queue is one per account and
 * PollInfo only shows its oldest message, so one dispatcher per account and process reads it and routes each
 * message to the resource waiting for that job. Messages of jobs this process ordered are confirmed; a foreign
 * message at the head is left for its owner, and while it blocks the queue the waiters check their jobs with the
 * non-consuming GET /job/{id}.
 */
export class NotificationDispatcher {
    private readonly waiters = new Map<string, Waiter>();
    /** Jobs ordered by this process whose waiter is gone (timed out): their messages are still ours to confirm. */
    private readonly formerJobs = new Set<string>();
    private running = false;
    private client?: Client;

    constructor(private readonly clock: Clock = systemClock) {}

    waitFor(client: Client, target: WaitTarget, options: WaitOptions, started: number): Promise<string> {
        const jobId = target.jobId!;
        return new Promise<string>((resolve, reject) => {
            this.waiters.set(jobId, { target: { ...target, jobId }, options, started, resolve, reject });
            if (!this.running) {
                this.running = true;
                // The dispatcher outlives each resource operation's client, so it keeps a client of its own.
                this.client = client.fork();
                void this.run();
            }
        });
    }

    get waiting(): number {
        return this.waiters.size;
    }

    private async run(): Promise<void> {
        let delay: number | undefined;
        try {
            while (this.waiters.size > 0) {
                const progressed = await this.step();
                this.expireWaiters();
                if (progressed) {
                    delay = undefined;
                    continue;
                }
                const interval = Math.min(...[...this.waiters.values()].map((waiter) => waiter.options.settings.intervalMs));
                const remaining = Math.min(...[...this.waiters.values()].map((waiter) => waiter.started + waiter.options.settings.timeoutMs - this.clock.now().getTime()));
                delay = nextPollDelay(delay, { intervalMs: interval, timeoutMs: 0 }, Math.max(0, remaining));
                if (this.waiters.size > 0) await this.clock.sleep(delay);
            }
        } catch (error) {
            for (const waiter of this.waiters.values()) waiter.reject(error as Error);
            this.waiters.clear();
        } finally {
            this.running = false;
            const client = this.client;
            this.client = undefined;
            await client?.close();
        }
    }

    /** Reads the head of the queue once; true when a message was handled (so the next one can be read at once). */
    private async step(): Promise<boolean> {
        const client = this.client!;
        const { message } = await client.poll.info();
        if (!message) return false;
        const jobId = message.job?.id;
        const waiter = jobId ? this.waiters.get(jobId) : undefined;
        if (waiter) {
            this.settle(waiter, message);
            await client.poll.confirm(message.id);
            return true;
        }
        if (jobId && this.formerJobs.has(jobId)) {
            await client.poll.confirm(message.id);
            this.formerJobs.delete(jobId);
            return true;
        }
        // A message of someone else heads the queue: ask for our jobs directly instead.
        let progressed = false;
        for (const pending of [...this.waiters.values()]) {
            const check = await checkOnce(client, pending.target);
            if (check.outcome === "succeeded") {
                this.waiters.delete(pending.target.jobId);
                this.formerJobs.add(pending.target.jobId);
                pending.resolve(check.certificateId!);
                progressed = true;
            } else if (check.outcome === "failed") {
                this.waiters.delete(pending.target.jobId);
                this.formerJobs.add(pending.target.jobId);
                pending.reject(failure(pending.target, check.reasons.join("; ") || check.status));
                progressed = true;
            }
        }
        return progressed && this.waiters.size > 0 ? false : progressed;
    }

    private settle(waiter: Waiter, message: PollMessage): void {
        this.waiters.delete(waiter.target.jobId);
        const outcome = jobOutcome(message.job?.status);
        const reasons = (message.messages ?? []).map((entry) => entry.text).filter((text): text is string => Boolean(text));
        if (outcome === "succeeded") {
            const data = message.object?.data as { id?: unknown } | undefined;
            const certificateId = data?.id !== undefined ? String(data.id) : waiter.target.certificateId;
            waiter.options.log(`${waiter.target.name}: notification for job ${waiter.target.jobId}: ${message.job?.status}`);
            if (certificateId) waiter.resolve(certificateId);
            else waiter.reject(new Error(`${waiter.target.name}: the notification for job ${waiter.target.jobId} names no certificate`));
        } else {
            waiter.reject(failure(waiter.target, reasons.join("; ") || message.job?.status || "failed"));
        }
    }

    private expireWaiters(): void {
        const now = this.clock.now().getTime();
        for (const waiter of [...this.waiters.values()]) {
            const elapsed = now - waiter.started;
            if (elapsed >= waiter.options.settings.timeoutMs) {
                this.waiters.delete(waiter.target.jobId);
                this.formerJobs.add(waiter.target.jobId);
                waiter.reject(timedOut(waiter.target, "RUNNING", elapsed));
            } else if (elapsed > 0) {
                waiter.options.log(`${waiter.target.name}: waiting for the notification of job ${waiter.target.jobId} (${Math.round(elapsed / 1000)}s)`);
            }
        }
    }
}

function failure(target: WaitTarget, reason: string): OrderFailedError {
    return new OrderFailedError(`${target.name}: the order failed (job ${target.jobId}): ${reason}`, { jobId: target.jobId, reason });
}

const dispatchers = new Map<string, NotificationDispatcher>();

/** One dispatcher per account (URL, protocol, user, context) in this process. */
export function notificationDispatcherFor(client: Client): NotificationDispatcher {
    const { url, xmlUrl, protocol, user, context } = client.options;
    const key = [protocol, protocol === "xml" ? xmlUrl : url, user, context].join("|");
    let dispatcher = dispatchers.get(key);
    if (!dispatcher) {
        dispatcher = new NotificationDispatcher();
        dispatchers.set(key, dispatcher);
    }
    return dispatcher;
}
