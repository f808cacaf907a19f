import { RateLimitedError, ServerError, TransportError, ApiValidationError } from "../../provider/errors";
import { RateLimiter } from "../../provider/shared/transport/rateLimiter";
import { backoffDelay, decideRetry, defaultRetryPolicy } from "../../provider/shared/transport/retry";
import { nextPollDelay } from "../../provider/lifecycle/waitSettings";
import { expect } from "../support/client";

describe("retry and backoff decisions", () => {
    const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };

    it("doubles the backoff ceiling per attempt up to the cap, with jitter in the upper half", () => {
        expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, policy, () => 0))).to.deep.equal([
            50, 100, 200, 400, 500, 500,
        ]);
        expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, policy, () => 0.999999))).to.deep.equal([
            99, 199, 399, 799, 999, 999,
        ]);
    });

    const server = new ServerError("boom", { retryable: true });
    const sentReset = new TransportError("reset", { requestSent: true });
    const refused = new TransportError("refused", { requestSent: false });
    const limited = new RateLimitedError("slow down", { retryAfterMs: 2000 });
    const refusedInput = new ApiValidationError("bad csr");
    const table: [string, unknown, "read" | "write" | "order", string][] = [
        ["a 5xx read", server, "read", "retry"],
        ["a 5xx order", server, "order", "recover"],
        ["a reset after sending an order", sentReset, "order", "recover"],
        ["a refused connection for an order", refused, "order", "retry"],
        ["a 429 for an order", limited, "order", "recover"],
        ["a 429 for a read", limited, "read", "retry"],
        ["an API validation error", refusedInput, "read", "fail"],
        ["a plain TypeError", new TypeError("x"), "read", "fail"],
    ];
    for (const [situation, error, kind, action] of table) {
        it(`decides ${action} after ${situation}`, () => {
            expect(decideRetry(error, kind, 1, policy, () => 0).action).to.equal(action);
        });
    }

    it("waits at least the Retry-After the server asked for", () => {
        expect(decideRetry(limited, "read", 1, policy, () => 0)).to.deep.equal({
            action: "retry",
            delayMs: 2000,
            reason: "rate limited",
        });
    });

    it("gives up at the last attempt", () => {
        expect(decideRetry(server, "read", defaultRetryPolicy.maxAttempts, defaultRetryPolicy)).to.deep.equal({
            action: "fail",
            reason: "gave up after 5 attempts",
        });
    });

    it("backs the poll interval off by half each time up to a minute, never past the deadline", () => {
        const settings = { intervalMs: 10_000, timeoutMs: 3_600_000 };
        const delays: number[] = [];
        let delay: number | undefined;
        for (let step = 0; step < 7; step++) {
            delay = nextPollDelay(delay, settings, 3_600_000);
            delays.push(delay);
        }
        expect(delays).to.deep.equal([10_000, 15_000, 22_500, 33_750, 50_625, 60_000, 60_000]);
        expect(nextPollDelay(50_000, settings, 1_234)).to.equal(1_234);
    });
});

describe("client-side rate limiter", () => {
    it("starts at most three requests in any one-second window and does not burst after a pause", async () => {
        let time = 0;
        const sleeps: number[] = [];
        const starts: number[] = [];
        const limiter = new RateLimiter(
            3,
            () => time,
            async (ms) => {
                sleeps.push(ms);
                time += ms;
            },
            0,
        );
        for (let request = 0; request < 7; request++) {
            await limiter.take();
            starts.push(time);
        }
        expect(starts).to.deep.equal([0, 0, 0, 1000, 1000, 1000, 2000]);
        expect(sleeps).to.deep.equal([1000, 1000]);
        time = 2500; // a pause: only the one request at 2000 is inside the window
        for (let request = 0; request < 3; request++) {
            await limiter.take();
            starts.push(time);
        }
        expect(starts.slice(7)).to.deep.equal([2500, 2500, 3000]);
    });

    it("keeps a safety margin on top of the second by default, for the time between our start and the server's count", async () => {
        let time = 0;
        const limiter = new RateLimiter(
            3,
            () => time,
            async (ms) => {
                time += ms;
            },
        );
        for (let request = 0; request < 4; request++) await limiter.take();
        expect(time).to.equal(1100);
    });
});
