import { OrderFailedError, WaitTimedOutError } from "../errors";
import { Clock, ProgressLog, systemClock } from "./context";
import { PendingOrder, StatusSource } from "./port";
import { finishedLine, OrderAction, waitingLine } from "../resources/progressWords";
import { nextPollDelay, WaitSettings } from "./waitSettings";

export interface PollOptions {
    settings: WaitSettings;
    log: ProgressLog;
    clock?: Clock;
    signal?: AbortSignal;
    /** For progress lines and errors. */
    label: string;
    /** A job just accepted is certainly still running: the first check waits one interval instead of asking at once. */
    freshOrder?: boolean;
    /** What is waited for, in the progress lines (default: an order). */
    action?: OrderAction;
}

function orderWords(order: PendingOrder): string {
    return (
        [
            order.jobId ? `job ${order.jobId}` : undefined,
            order.certificateId ? `certificate ${order.certificateId}` : undefined,
        ]
            .filter(Boolean)
            .join(", ") || "order"
    );
}

/**
 * The one poll loop of every backend: asks `source` until the order is issued, backing off from the configured
 * interval. Resolves with the certificate id; throws OrderFailedError with the backend's reason, WaitTimedOutError
 * (the order stands, the next run resumes it) or the signal's reason when the wait was cancelled.
 */
export async function waitUntilIssued(
    source: StatusSource,
    initial: PendingOrder,
    options: PollOptions,
): Promise<string> {
    const clock = options.clock ?? systemClock;
    const started = clock.now().getTime();
    let order = initial;
    let delay: number | undefined;
    let checks = 0;
    const action = options.action ?? "order";
    if (options.freshOrder) {
        delay = nextPollDelay(undefined, options.settings, options.settings.timeoutMs);
        await clock.sleep(delay, options.signal);
    }
    for (;;) {
        const status = await source.statusOf(order, options.signal);
        checks++;
        if (status.certificateId && status.certificateId !== order.certificateId)
            order = { ...order, certificateId: status.certificateId };
        const elapsed = clock.now().getTime() - started;
        if (status.outcome === "issued") {
            options.log(finishedLine(options.label, action, { check: checks, elapsedMs: elapsed }));
            return status.certificateId;
        }
        if (status.outcome === "failed") {
            const which = order.jobId
                ? `job ${order.jobId}`
                : `certificate ${order.certificateId ?? "-"}, ${status.status}`;
            throw new OrderFailedError(`${options.label}: the order failed (${which}): ${status.reason}`, {
                jobId: order.jobId,
                reason: status.reason,
            });
        }
        const remaining = options.settings.timeoutMs - elapsed;
        if (remaining <= 0) {
            throw new WaitTimedOutError(
                `${options.label}: still ${status.status} after ${Math.round(elapsed / 1000)}s (${orderWords(order)}); the order is kept and the next update resumes the wait`,
                {
                    jobId: order.jobId,
                    certificateId: order.certificateId,
                    lastStatus: status.status,
                    waitedMs: elapsed,
                },
            );
        }
        delay = nextPollDelay(delay, options.settings, remaining);
        options.log(
            waitingLine(options.label, action, {
                status: status.status,
                detail: status.outcome === "pending" ? status.detail : undefined,
                check: checks,
                elapsedMs: elapsed,
                nextMs: delay,
            }),
        );
        await clock.sleep(delay, options.signal);
    }
}
