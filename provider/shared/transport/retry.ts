import { RateLimitedError, ServerError, SslManagerError, TransportError } from "../../errors";

/**
 * What a request does to the account, which decides how it may be repeated: reads freely; writes only when the server
 * certainly did not process them; orders (paid) never blindly, since a repeated order is a second paid order.
 */
export type RequestKind = "read" | "write" | "order";

/** Named defaults: how often and how long the client repeats a request that may succeed when repeated. */
export const defaultRetryPolicy = {
    maxAttempts: 5,
    baseDelayMs: 250,
    maxDelayMs: 8000,
};
export type RetryPolicy = typeof defaultRetryPolicy;

/** Capped exponential backoff with full jitter (`random` in [0, 1) injected for tests). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
    return Math.floor(ceiling / 2 + (random() * ceiling) / 2);
}

export type RetryDecision =
    | { action: "fail"; reason: string }
    | { action: "retry"; delayMs: number; reason: string }
    /** The order may have been placed: look for it before anything else (requestRunner.ts). */
    | { action: "recover"; delayMs: number; reason: string };

/**
 * What to do after attempt `attempt` of a request of `kind` failed with `error`.
 * Reads and writes are repeated on connection errors, 5xx, 429 and malformed bodies. Orders are repeated only when
 * the server certainly did not process them (a refused connection); after any other failure, 429 included, the
 * client must first look for the order it may have placed.
 */
export function decideRetry(
    error: unknown,
    kind: RequestKind,
    attempt: number,
    policy: RetryPolicy,
    random: () => number = Math.random,
): RetryDecision {
    if (!(error instanceof SslManagerError) || !error.retryable) return { action: "fail", reason: "not retryable" };
    if (attempt >= policy.maxAttempts) return { action: "fail", reason: `gave up after ${attempt} attempts` };
    const delayMs = backoffDelay(attempt, policy, random);
    if (error instanceof RateLimitedError) {
        const waitMs = Math.min(Math.max(delayMs, error.retryAfterMs ?? 0), 60_000);
        // What InterNetX answers above "3 requests per second and IP" is not documented ("JSON API Basics"), and
        // BILLmanager publishes no limit at all, so a 429 does not prove that an order was left unprocessed: an order
        // first looks for itself.
        if (kind === "order")
            return { action: "recover", delayMs: waitMs, reason: "rate limited; outcome of the order unknown" };
        return { action: "retry", delayMs: waitMs, reason: "rate limited" };
    }
    if (error instanceof TransportError && !error.requestSent)
        return { action: "retry", delayMs, reason: "request not sent" };
    if (kind === "order") return { action: "recover", delayMs, reason: "outcome of the order unknown" };
    return { action: "retry", delayMs, reason: error.code };
}

/**
 * How long to wait before looking for an order whose outcome is unknown. A request we gave up on (timed out, reset,
 * answered 5xx by a proxy) may still be in the server's hands: it gets as long again as we waited for its answer
 * (`timeoutMs`), or the order could appear only after we looked, and be placed a second time.
 */
export function recoveryDelay(decision: { delayMs: number }, timeoutMs: number): number {
    return Math.max(decision.delayMs, timeoutMs);
}

/**
 * How many times an order that got no answer at all is looked for before the run gives up on it. One lookup only
 * shows what the server had done by then: a request still in its hands (slower than our timeout, or its answer lost on
 * the way) can land just after the lookup, and ordering again would then pay twice.
 */
export const unansweredOrderLookups = 3;

/**
 * Whether a failed request may still be in the server's hands: no answer came (timed out, or the connection broke
 * after the request was sent), or a gateway answered for a server it stopped waiting for (RFC 9110: 502 Bad
 * Gateway, 504 Gateway Timeout). Any other answer came after the server was done with the request.
 */
export function mayStillBeProcessed(error: unknown): boolean {
    if (error instanceof TransportError) return error.requestSent;
    return error instanceof ServerError && (error.httpStatus === 502 || error.httpStatus === 504);
}

/**
 * The waits before each lookup for an order whose outcome is unknown. An answered failure is looked for once, after
 * recoveryDelay; an order that may still be processed (mayStillBeProcessed) is looked for unansweredOrderLookups
 * times, a timeout apart, and is never placed again in the same run when none finds it.
 */
export function recoveryLookupDelays(decision: { delayMs: number }, timeoutMs: number, unanswered: boolean): number[] {
    const first = recoveryDelay(decision, timeoutMs);
    if (!unanswered) return [first];
    return [first, ...Array.from({ length: unansweredOrderLookups - 1 }, () => timeoutMs)];
}
