import type { FoundOrder, OrderClaim } from "../../internetx/services/certificate";

/**
 * One lookup round for every create of an account in this process that looks for its order reference at the same
 * time, instead of one per create: a round is one Certificate Job List and one Certificate List query for all the
 * references waiting (the client's `findOrders`), so its cost does not grow with the number of creates. Creates
 * start together (the engine creates independent resources concurrently), so a round waits for a short quiet spell
 * in which no new reference arrives, and no create ever waits longer than its poll interval for a round to start.
 *
 * Under the Pulumi CLI the engine checks every new resource when the program registers it, but runs only a few
 * creates at once (`pulumi up --parallel`, by default four per CPU): the creates of a fleet arrive a few at a time
 * over the whole run. So `check` announces a new resource's claim (no request), and the first round sends it along;
 * a create whose announced claim that round answered "no order" takes that answer instead of sending a round of its
 * own. Only an order placed under the reference can change the answer, and only this resource's own create places
 * one: the stack is locked for the run, and an earlier, killed run ended before this process started. A round that
 * found an order for the claim answers nothing in advance: the create looks again, so adoption always goes on a
 * fresh read. An answer is taken once, with the same claim (name and CSR), and for at most `announcedAnswerMs`.
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
/** How long a round's "no order" stays the answer for a claim announced at `check`; a later create looks again. */
export const announcedAnswerMs = 5 * 60_000;

/** Whether an answer found for one claim is the answer for another: the same reference, name and CSR. */
export function sameClaim(one: OrderClaim, other: OrderClaim): boolean {
    const normalized = (pem: string | undefined) => (pem ?? "").replace(/\s+/g, "");
    return (
        one.orderReference === other.orderReference &&
        (one.name ?? "").toLowerCase() === (other.name ?? "").toLowerCase() &&
        normalized(one.csrPem) === normalized(other.csrPem)
    );
}

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
    /** Claims `check` announced, not yet sent in a round: the next round sends them along. */
    private readonly announced = new Map<string, { claim: OrderClaim; since: number }>();
    /** "No order" answers of rounds for announced claims, kept for their create. */
    private readonly answered = new Map<string, { claim: OrderClaim; at: number }>();
    /** Announced claims in a round that has not answered yet: settles once that round's answers are kept. */
    private readonly sentAlong = new Map<string, Promise<void>>();
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

    /**
     * A resource that `check` found new and that will be created later in this run: its claim goes along with the
     * next round (no request of its own).
     */
    announce(claim: OrderClaim, since: number = this.now()): void {
        this.answered.delete(claim.orderReference);
        this.announced.set(claim.orderReference, { claim, since });
        this.forgetOld();
    }

    /**
     * The order placed under the claim's reference and proven ours, as of the next round; undefined when there is none.
     * A round that already answered "no order" for this claim, announced at `check`, answers it at once.
     */
    async find(claim: OrderClaim, intervalMs: number): Promise<FoundOrder | undefined> {
        const inRound = this.sentAlong.get(claim.orderReference);
        if (inRound) await inRound;
        this.forgetOld();
        const answered = this.answered.get(claim.orderReference);
        this.answered.delete(claim.orderReference);
        if (answered && sameClaim(answered.claim, claim)) return undefined;
        this.announced.delete(claim.orderReference);
        return this.nextRound(claim, intervalMs);
    }

    private nextRound(claim: OrderClaim, intervalMs: number): Promise<FoundOrder | undefined> {
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

    /** Announcements and answers older than `announcedAnswerMs` are dropped: their create looks again. */
    private forgetOld(): void {
        const now = this.now();
        for (const [reference, { since }] of this.announced)
            if (now - since > announcedAnswerMs) this.announced.delete(reference);
        for (const [reference, { at }] of this.answered)
            if (now - at > announcedAnswerMs) this.answered.delete(reference);
    }

    private async round(batch: Waiter[]): Promise<void> {
        this.inFlight++;
        this.rounds++;
        const startedAt = this.now();
        this.forgetOld();
        const asked = new Map(batch.map((waiter) => [waiter.claim.orderReference, waiter.claim]));
        const alongside = [...this.announced.values()]
            .map(({ claim }) => claim)
            .filter((claim) => !asked.has(claim.orderReference));
        const lookup = this.port.lookup([...asked.values(), ...alongside]);
        // A failed round answers nothing in advance: those creates send a round of their own.
        const kept = lookup.then(
            (found) => {
                for (const claim of alongside)
                    if (!found.has(claim.orderReference))
                        this.answered.set(claim.orderReference, { claim, at: startedAt });
            },
            () => undefined,
        );
        for (const claim of alongside) {
            this.announced.delete(claim.orderReference);
            this.sentAlong.set(claim.orderReference, kept);
        }
        try {
            const found = await lookup;
            for (const waiter of batch) waiter.resolve(found.get(waiter.claim.orderReference));
        } catch (error) {
            for (const waiter of batch) waiter.reject(error as Error);
        } finally {
            for (const claim of alongside) this.sentAlong.delete(claim.orderReference);
            this.inFlight--;
            if (this.inFlight === 0 && this.waiting.length === 0) await this.port.release?.();
        }
    }
}
