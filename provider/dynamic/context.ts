import { configureFromStack } from "../resources/connection";
import { LifecycleContext } from "../resources/certificate/lifecycle";
import { pulumiLog } from "../resources/log";
import { Clock, systemClock } from "../resources/wait/clock";

/**
 * Process-wide settings of the dynamic providers: the clock (replaceable by tests to reach a renewal window) and
 * the progress log (Pulumi's log in the provider process).
 */
let clock: Clock = systemClock;
let log = pulumiLog();

export function lifecycleContext(): LifecycleContext {
    return { clock, log };
}

/** For tests and the simulator-driven demo: a different clock or log sink. */
export function setLifecycleContext(context: Partial<LifecycleContext>): void {
    if (context.clock) clock = context.clock;
    if (context.log) log = context.log;
}

export function resetLifecycleContext(): void {
    clock = systemClock;
    log = pulumiLog();
}

/** `configure` of every dynamic provider: the stack config (`internetx:*`) for connections without their own settings. */
export async function configure(request: { config: { get(key: string): string | undefined } }): Promise<void> {
    configureFromStack((key) => request.config.get(key));
}
