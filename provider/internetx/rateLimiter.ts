/**
 * Client-side token bucket, so that concurrent resources in one process stay under the gateway's request rate.
 * InterNetX does not publish one number for every account; the default (named below) is conservative and
 * configurable per connection (`requestsPerSecond`).
 */
export const defaultRequestsPerSecond = 25;

export class RateLimiter {
    private tokens: number;
    private lastRefill: number;
    private queue: Promise<void> = Promise.resolve();

    constructor(
        private readonly requestsPerSecond: number = defaultRequestsPerSecond,
        private readonly burst: number = requestsPerSecond,
        private readonly now: () => number = Date.now,
        private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    ) {
        this.tokens = burst;
        this.lastRefill = now();
    }

    /** Resolves when a request may be sent; callers are served in order. */
    take(): Promise<void> {
        const turn = this.queue.then(() => this.waitForToken());
        this.queue = turn.catch(() => undefined);
        return turn;
    }

    private async waitForToken(): Promise<void> {
        for (;;) {
            const now = this.now();
            this.tokens = Math.min(this.burst, this.tokens + ((now - this.lastRefill) / 1000) * this.requestsPerSecond);
            this.lastRefill = now;
            if (this.tokens >= 1) {
                this.tokens -= 1;
                return;
            }
            await this.sleep(Math.ceil(((1 - this.tokens) / this.requestsPerSecond) * 1000));
        }
    }
}

const sharedLimiters = new Map<string, RateLimiter>();

/**
 * One limiter per account and endpoint in this process: the many clients of concurrent resources (one per
 * operation) share the account's request budget.
 */
export function sharedRateLimiter(key: string, requestsPerSecond: number = defaultRequestsPerSecond): RateLimiter {
    const fullKey = `${key}|${requestsPerSecond}`;
    let limiter = sharedLimiters.get(fullKey);
    if (!limiter) {
        limiter = new RateLimiter(requestsPerSecond);
        sharedLimiters.set(fullKey, limiter);
    }
    return limiter;
}
