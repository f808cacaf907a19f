/**
 * "Only 3 requests per second and IP can be executed" ("JSON API Basics", "XML API Basics"): at most
 * `requestsPerSecond` API requests from one client address in any one-second window. What the API answers above the
 * limit is not documented; the simulator refuses with HTTP 429 and `Retry-After: 1` (inferred) and counts refusals.
 */
export const referenceRequestsPerSecond = 3;

export class RequestRateLimit {
    private readonly arrivals = new Map<string, number[]>();
    refused = 0;
    accepted = 0;

    constructor(
        /** 0 switches the limit off (tests that need speed say so explicitly). */
        public requestsPerSecond: number = referenceRequestsPerSecond,
        private readonly now: () => number = Date.now,
    ) {}

    /** Whether a request from `address` arriving now is within the limit; a refused one does not use up the window. */
    admit(address: string): boolean {
        if (this.requestsPerSecond <= 0) {
            this.accepted++;
            return true;
        }
        const now = this.now();
        const recent = (this.arrivals.get(address) ?? []).filter((time) => now - time < 1000);
        if (recent.length >= this.requestsPerSecond) {
            this.arrivals.set(address, recent);
            this.refused++;
            return false;
        }
        recent.push(now);
        this.arrivals.set(address, recent);
        this.accepted++;
        return true;
    }

    view(): { requestsPerSecond: number; accepted: number; refused: number } {
        return { requestsPerSecond: this.requestsPerSecond, accepted: this.accepted, refused: this.refused };
    }

    reset(): void {
        this.arrivals.clear();
        this.refused = 0;
        this.accepted = 0;
    }
}
