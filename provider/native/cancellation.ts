import { Clock, systemClock } from "../lifecycle/context";

/** What a wait throws once the engine asked the provider to cancel: the order stands and the next update resumes. */
export class OperationCancelledError extends Error {
    override name = "OperationCancelledError";
    constructor() {
        super("the engine cancelled the operation (Ctrl-C); the order is kept and the next `pulumi up` resumes the wait");
    }
}

/**
 * The clock the lifecycle waits on, stopped by the provider's Cancel: every sleep in progress ends at once with
 * OperationCancelledError, and so does every later one. The lifecycle turns an interrupted wait into the
 * initialization error that records the pending order.
 */
export function cancellableClock(signal: AbortSignal, base: Clock = systemClock): Clock {
    return {
        now: () => base.now(),
        sleep: (ms) =>
            new Promise<void>((resolve, reject) => {
                if (signal.aborted) return reject(new OperationCancelledError());
                const onAbort = () => {
                    clearTimeout(timer);
                    reject(new OperationCancelledError());
                };
                const timer = setTimeout(() => {
                    signal.removeEventListener("abort", onAbort);
                    resolve();
                }, ms);
                signal.addEventListener("abort", onAbort, { once: true });
            }),
    };
}
