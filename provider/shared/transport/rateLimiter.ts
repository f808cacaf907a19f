/**
 * Client-side request rate limit shared by every client of this process that talks to the same host.
 *
 * InterNetX: "Only 3 requests per second and IP can be executed" (help pages "JSON API Basics" and "XML API Basics").
 * The limit is per IP, so it is kept per host for the whole process, whatever user or context a client uses.
 * A sliding window (never more than `requestsPerSecond` starts in any window), not a bucket that bursts after a pause.
 */
export const defaultRequestsPerSecond = 3;

/**
 * Added to the one-second window on our side: the server counts arrivals, we count departures, and the time between
 * the two varies by a few milliseconds from request to request (a loaded machine, a new connection).
 */
export const windowSafetyMarginMs = 100;
const windowMs = 1000;

export class RateLimiter {
    /** Start times of the most recent requests, oldest first (at most `requestsPerSecond`). */
    private readonly starts: number[] = [];
    private queue: Promise<void> = Promise.resolve();

    constructor(
        readonly requestsPerSecond: number = defaultRequestsPerSecond,
        private readonly now: () => number = Date.now,
        private readonly sleep: (ms: number) => Promise<void> = (ms) =>
            new Promise((resolve) => setTimeout(resolve, ms)),
        private readonly marginMs: number = windowSafetyMarginMs,
    ) {
        if (!(requestsPerSecond > 0))
            throw new RangeError(`requestsPerSecond must be positive, got ${requestsPerSecond}`);
    }

    /** Resolves when a request may be sent; callers are served in order. */
    take(): Promise<void> {
        const turn = this.queue.then(() => this.waitForSlot());
        this.queue = turn.catch(() => undefined);
        return turn;
    }

    private async waitForSlot(): Promise<void> {
        // A fractional rate (0.5 per second) is one request per 2 s: the window grows instead of the count shrinking.
        const slots = Math.max(1, Math.floor(this.requestsPerSecond));
        const span = (windowMs * slots) / this.requestsPerSecond + this.marginMs;
        for (;;) {
            const now = this.now();
            if (this.starts.length < slots) break;
            const wait = this.starts[0] + span - now;
            if (wait <= 0) break;
            await this.sleep(wait);
        }
        this.starts.push(this.now());
        while (this.starts.length > slots) this.starts.shift();
    }
}

const sharedLimiters = new Map<string, RateLimiter>();

/** One limiter per key (and rate) in this process; clients created per operation share it. */
export function sharedRateLimiter(key: string, requestsPerSecond: number = defaultRequestsPerSecond): RateLimiter {
    const fullKey = `${key}|${requestsPerSecond}`;
    let limiter = sharedLimiters.get(fullKey);
    if (!limiter) {
        limiter = new RateLimiter(requestsPerSecond);
        sharedLimiters.set(fullKey, limiter);
    }
    return limiter;
}

/** The limiter of the host (and port) of `url`: the unit the API counts, whatever account or protocol path is used. */
export function hostRateLimiter(url: string, requestsPerSecond: number = defaultRequestsPerSecond): RateLimiter {
    return sharedRateLimiter(`host|${new URL(url).host}`, requestsPerSecond);
}
