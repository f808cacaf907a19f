/**
 * One status request per interval for every pending order of an account in this process, instead of one per order.
 *
 * "Certificate Job List" (POST /job/_search, XML 400115) lists the running jobs; a job of ours that is no longer listed
 * has finished, and the job history ("Managing Certificate Orders": POST /job/history/_search) tells how, and names
 * its certificate, for all of them in one more request. So a round costs one or two requests whatever the number of
 * pending orders, and a round is only sent when no other request of this process waits for its turn: while creates
 * are queued a status request would only push them back, and when they are done one round answers for all of them.
 */

import { jobOutcome } from "../../internetx/jobStatus";

/** A running job as the list shows it. */
export interface RunningJob {
    jobId: string;
    status?: string;
    /** The domain validation of each name, where the list reports it (swagger ObjectJob.dcvAuth). */
    dcvAuth?: { domain?: string; status?: string }[];
    /** The job's certificate, where the row names it (`object.data.id`; the documented rows do not). */
    certificateId?: string;
}

/** A finished job as the history shows it. */
export interface FinishedJob {
    jobId: string;
    status?: string;
    certificateId?: string;
    reasons: string[];
}

/** What the poller asks the API, for a set of jobs at a time. */
export interface JobStatusPort {
    running(jobIds: string[]): Promise<RunningJob[]>;
    finished(jobIds: string[]): Promise<FinishedJob[]>;
    /** True while no other request of this process waits for the rate limit. */
    idle(): boolean;
    /** Called when no caller is left (the port may close what it opened). */
    release?(): Promise<void>;
}

export type JobRoundResult =
    | { outcome: "pending"; status: string; dcvAuth?: { domain?: string; status?: string }[]; certificateId?: string }
    | { outcome: "succeeded"; status: string; certificateId?: string }
    | { outcome: "failed"; status: string; reasons: string[] };

export interface RoundTiming {
    now: number;
    /** When the last round started (undefined before the first). */
    lastRoundAt?: number;
    /** The shortest poll interval among the callers waiting. */
    intervalMs: number;
    /** Since when the oldest waiting caller waits. */
    waitingSince: number;
    /** Since when the process has been idle without a break (undefined: busy now). */
    idleSince?: number;
}

/** How long the process must have been idle: a create follows its prepare after a moment of key generation. */
export const idleSettleMs = 250;
/** A round is never held back longer than this by other requests. */
export const maximumRoundDeferralMs = 60_000;
/** How often the poller looks whether it may send a round. */
export const roundCheckMs = 100;
/** A job nobody asked about for this long is dropped from the rounds (its wait ended elsewhere: timeout, cancel). */
export const forgetAfterMs = 10 * 60_000;
/** Ids per list request ("Running List Inquiries": at most 100 objects per answer). */
export const jobsPerRequest = 100;

/** Whether a round goes now, or how long until it is asked again. */
export function decideRound(timing: RoundTiming): { action: "poll" } | { action: "wait"; ms: number } {
    if (timing.lastRoundAt !== undefined && timing.now - timing.lastRoundAt < timing.intervalMs) {
        return { action: "wait", ms: timing.lastRoundAt + timing.intervalMs - timing.now };
    }
    if (timing.idleSince !== undefined && timing.now - timing.idleSince >= idleSettleMs) return { action: "poll" };
    if (timing.now - timing.waitingSince >= maximumRoundDeferralMs) return { action: "poll" };
    return { action: "wait", ms: roundCheckMs };
}

/** One job's result from a round: listed → still running; in the history → how it ended; neither → not yet recorded. */
export function jobResult(
    jobId: string,
    running: Map<string, RunningJob>,
    finished: Map<string, FinishedJob>,
): JobRoundResult {
    const listed = running.get(jobId);
    if (listed)
        return {
            outcome: "pending",
            status: listed.status ?? "RUNNING",
            ...(listed.dcvAuth?.length ? { dcvAuth: listed.dcvAuth } : {}),
            ...(listed.certificateId ? { certificateId: listed.certificateId } : {}),
        };
    const ended = finished.get(jobId);
    if (!ended) return { outcome: "pending", status: "FINISHED, not yet in the job history" };
    const outcome = jobOutcome(ended.status);
    if (outcome === "failed") return { outcome, status: ended.status ?? "FAILED", reasons: ended.reasons };
    if (outcome === "succeeded")
        return { outcome, status: ended.status ?? "SUCCESS", certificateId: ended.certificateId };
    return { outcome: "pending", status: ended.status ?? "unknown" };
}

interface Caller {
    jobId: string;
    intervalMs: number;
    since: number;
    resolve(result: JobRoundResult): void;
    reject(error: Error): void;
}

function chunks<T>(items: T[], size: number): T[][] {
    return Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
        items.slice(index * size, (index + 1) * size),
    );
}

export class JobListPoller {
    private readonly callers: Caller[] = [];
    /** Jobs seen pending: each round asks for all of them, so a caller that sleeps finds its answer waiting. */
    private readonly known = new Map<string, number>();
    /** Final answers found for jobs whose caller was sleeping. */
    private readonly settled = new Map<string, JobRoundResult>();
    private running = false;
    private lastRoundAt?: number;
    private idleSince?: number;
    /** Requests sent for rounds (for the benchmark and tests). */
    requests = 0;

    constructor(
        private readonly port: JobStatusPort,
        private readonly now: () => number = Date.now,
        private readonly sleep: (ms: number) => Promise<void> = (ms) =>
            new Promise((resolve) => setTimeout(resolve, ms)),
    ) {}

    /** The job's status as of the next round (at once when a round found it finished while its caller slept). */
    statusOf(jobId: string, intervalMs: number): Promise<JobRoundResult> {
        const ready = this.settled.get(jobId);
        if (ready) {
            this.settled.delete(jobId);
            return Promise.resolve(ready);
        }
        this.known.set(jobId, this.now());
        return new Promise((resolve, reject) => {
            this.callers.push({ jobId, intervalMs, since: this.now(), resolve, reject });
            if (!this.running) {
                this.running = true;
                void this.run();
            }
        });
    }

    private async run(): Promise<void> {
        try {
            while (this.callers.length > 0) {
                const now = this.now();
                this.idleSince = this.port.idle() ? (this.idleSince ?? now) : undefined;
                const decision = decideRound({
                    now,
                    lastRoundAt: this.lastRoundAt,
                    intervalMs: Math.min(...this.callers.map((caller) => caller.intervalMs)),
                    waitingSince: Math.min(...this.callers.map((caller) => caller.since)),
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
        const waiting = this.callers.splice(0);
        for (const [jobId, askedAt] of this.known) {
            if (this.now() - askedAt > forgetAfterMs) {
                this.known.delete(jobId);
                this.settled.delete(jobId);
            }
        }
        const jobIds = [...new Set([...this.known.keys(), ...waiting.map((caller) => caller.jobId)])];
        try {
            const running = new Map<string, RunningJob>();
            for (const part of chunks(jobIds, jobsPerRequest)) {
                this.requests++;
                for (const job of await this.port.running(part)) running.set(job.jobId, job);
            }
            const finished = new Map<string, FinishedJob>();
            for (const part of chunks(
                jobIds.filter((jobId) => !running.has(jobId)),
                jobsPerRequest,
            )) {
                this.requests++;
                for (const job of await this.port.finished(part)) finished.set(job.jobId, job);
            }
            const asked = new Set(waiting.map((caller) => caller.jobId));
            for (const jobId of jobIds) {
                const result = jobResult(jobId, running, finished);
                if (result.outcome === "pending") continue;
                this.known.delete(jobId);
                if (!asked.has(jobId)) this.settled.set(jobId, result);
            }
            for (const caller of waiting) caller.resolve(jobResult(caller.jobId, running, finished));
        } catch (error) {
            for (const caller of waiting) caller.reject(error as Error);
        }
    }
}
