import type { LifecycleContext } from "../resources/certificate/lifecycle";
import { operationSignal } from "./cancellation";
import { lifecycleContext } from "./context";
import { resourceProgressLog } from "./progress";

/**
 * The context of one create, update or delete of a resource that waits: the process's clock and settings, progress
 * lines attached to the resource (its `progressUrn`, computed by the SDK), and waits that end at the first Ctrl-C
 * (cancellation.ts), leaving the order recorded as pending for the next `pulumi up`.
 */
export function operationContext(properties: Record<string, unknown> | undefined): LifecycleContext {
    const base = lifecycleContext();
    const signal = operationSignal();
    return { ...base, log: resourceProgressLog(properties?.progressUrn, base.log), signal };
}
