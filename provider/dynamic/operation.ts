import type { LifecycleContext } from "../resources/certificate/lifecycle";
import type { Clock } from "../lifecycle/context";
import { operationSignal } from "./cancellation";
import { lifecycleContext } from "./context";
import { resourceProgressLog } from "./progress";

/** A clock whose sleeps end at once, with the signal's reason, when the signal is aborted. */
export function cancellableClock(base: Clock, signal: AbortSignal): Clock {
    return {
        now: () => base.now(),
        sleep: (ms) =>
            new Promise<void>((resolve, reject) => {
                if (signal.aborted) return reject(signal.reason);
                const onAbort = () => {
                    clearTimeout(timer);
                    reject(signal.reason);
                };
                const timer = setTimeout(() => {
                    signal.removeEventListener("abort", onAbort);
                    resolve();
                }, ms);
                signal.addEventListener("abort", onAbort, { once: true });
            }),
    };
}

/**
 * The context of one create, update or delete of a resource that waits: the process's clock and settings, progress
 * lines attached to the resource (its `progressUrn`, computed by the SDK), and waits that end at the first Ctrl-C
 * (cancellation.ts), leaving the order recorded as pending for the next `pulumi up`.
 */
export function operationContext(properties: Record<string, unknown> | undefined): LifecycleContext {
    const base = lifecycleContext();
    const signal = operationSignal();
    return { ...base, log: resourceProgressLog(properties?.progressUrn, base.log), clock: cancellableClock(base.clock, signal) };
}
