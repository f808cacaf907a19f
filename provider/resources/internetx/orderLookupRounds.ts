import type { FoundOrder, OrderClaim } from "../../internetx/services/certificate";

/**
 * One lookup round for every create of an account in this process that looks for its order reference at the same
 * time, instead of one per create: a round is one Certificate Job List and one Certificate List query for all the
 * references waiting (the client's `findOrders`), so its cost does not grow with the number of creates. Creates
 * start together (the engine creates independent resources concurrently), so a round waits for a short quiet spell
 * in which no new reference arrives, and no create ever waits longer than its poll interval for a round to start.
 */

/** What the rounds ask the API: the orders of several references at once, each proven ours (ownership.ts). */
export interface OrderLookupPort {
    lookup(claims: OrderClaim[]): Promise<Map<string, FoundOrder>>;
    /** Called when no caller is left (the port may close what it opened). */
    release?(): Promise<void>;
}

export interface LookupTiming {
    now: number;
    /** Since when the oldest waiting create waits. */
    oldestSince: number;
    /** When the newest waiting create arrived. */
    newestSince: number;
    /** Rounds sent and not yet answered. */
    inFlight: number;
    /** The shortest poll interval among the waiting creates. */
    intervalMs: number;
}

/** A round goes once no new reference has arrived for this long. */
export const gatherQuietMs = 100;
/** Nor does a round wait for more references longer than this (or the poll interval, if shorter). */
export const maximumGatherMs = 1000;
/** How often a waiting caller's round is reconsidered. */
export const lookupCheckMs = 25;

/**
 * Whether a round goes now, or how long until it is asked again. While a round is in flight the waiting creates
 * join the next one, unless they would then wait longer than their poll interval: then a round goes beside it.
 */
export function decideLookupRound(timing: LookupTiming): { action: "start" } | { action: "wait"; ms: number } {
    const waited = timing.now - timing.oldestSince;
    if (timing.inFlight > 0) {
        return waited >= timing.intervalMs
            ? { action: "start" }
            : { action: "wait", ms: Math.min(lookupCheckMs, timing.intervalMs - waited) };
    }
    const gatherLimit = Math.min(timing.intervalMs, maximumGatherMs);
    const quiet = timing.now - timing.newestSince;
    if (quiet >= gatherQuietMs || waited >= gatherLimit) return { action: "start" };
    return { action: "wait", ms: Math.min(gatherQuietMs - quiet, gatherLimit - waited) };
}

interface Waiter {
    claim: OrderClaim;
    intervalMs: number;
    since: number;
    resolve(found: FoundOrder | undefined): void;
    reject(error: Error): void;
}

export class OrderLookupRounds {
    private waiting: Waiter[] = [];
    private inFlight = 0;
    private running = false;
    /** Rounds sent (for the benchmark and tests). */
    rounds = 0;

    constructor(
        private readonly port: OrderLookupPort,
        private readonly now: () => number = Date.now,
        private readonly sleep: (ms: number) => Promise<void> = (ms) =>
            new Promise((resolve) => setTimeout(resolve, ms)),
    ) {}

    /** The order placed under the claim's reference and proven ours, as of the next round; undefined when there is none. */
    find(claim: OrderClaim, intervalMs: number): Promise<FoundOrder | undefined> {
        return new Promise((resolve, reject) => {
            this.waiting.push({ claim, intervalMs, since: this.now(), resolve, reject });
            if (!this.running) void this.run();
        });
    }

    private async run(): Promise<void> {
        this.running = true;
        try {
            while (this.waiting.length > 0) {
                const decision = decideLookupRound({
                    now: this.now(),
                    oldestSince: Math.min(...this.waiting.map((waiter) => waiter.since)),
                    newestSince: Math.max(...this.waiting.map((waiter) => waiter.since)),
                    inFlight: this.inFlight,
                    intervalMs: Math.min(...this.waiting.map((waiter) => waiter.intervalMs)),
                });
                if (decision.action === "wait") {
                    await this.sleep(Math.max(1, decision.ms));
                    continue;
                }
                void this.round(this.waiting.splice(0));
            }
        } finally {
            this.running = false;
        }
    }

    private async round(batch: Waiter[]): Promise<void> {
        this.inFlight++;
        this.rounds++;
        try {
            const claims = [...new Map(batch.map((waiter) => [waiter.claim.orderReference, waiter.claim])).values()];
            const found = await this.port.lookup(claims);
            for (const waiter of batch) waiter.resolve(found.get(waiter.claim.orderReference));
        } catch (error) {
            for (const waiter of batch) waiter.reject(error as Error);
        } finally {
            this.inFlight--;
            if (this.inFlight === 0 && this.waiting.length === 0) await this.port.release?.();
        }
    }
}
