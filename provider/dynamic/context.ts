import { Clock, LifecycleContext, ProgressLog, StackConfig, systemClock } from "../lifecycle/context";
import { configKeys } from "../resources/connection";
import { ispmanagerConfigKeys } from "../resources/ispmanager/configKeys";

/**
 * The one place where the dynamic providers keep what Pulumi hands them: the stack config delivered to `configure`,
 * and (for tests and the simulator-driven demo) a replacement clock or log sink. Pulumi calls the serialized
 * provider's functions by module name, so this per-process state is the provider's configuration, the counterpart of
 * a native provider's per-instance state; everything below (lifecycle, backends, clients) receives it as an argument.
 *
 * 0.1.0 state: serialized providers `require("pulumi-sslmanager/bin/provider/dynamic/context").configure`, so this
 * module keeps its path and its `configure` export.
 */
let stackConfig: StackConfig = {};
let clock: Clock = systemClock;
let log: ProgressLog = pulumiLog();

/** Progress lines go to the engine through Pulumi's log (shown by `pulumi up`). */
export function pulumiLog(): ProgressLog {
    return (message) => {
        try {
            const pulumi = require("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
            void pulumi.log.info(message);
        } catch {
            // No engine to log to (e.g. a unit test): progress is informational only.
        }
    };
}

/** Warnings about inputs where no engine connection of the resource's own is at hand: Pulumi's log, severity warning. */
export function pulumiWarning(message: string): void {
    try {
        void (require("@pulumi/pulumi") as typeof import("@pulumi/pulumi")).log.warn(message);
    } catch {
        // No engine to log to (e.g. a unit test).
    }
}

/**
 * Debug lines of the clients (one per request and answer, never bodies or credentials): off unless
 * PULUMI_SSLMANAGER_DEBUG=1, which sends them to Pulumi's debug log (`pulumi up -v=9`).
 */
function debugLog(): ((line: string) => void) | undefined {
    if (!process.env.PULUMI_SSLMANAGER_DEBUG) return undefined;
    return (line) => {
        try {
            void (require("@pulumi/pulumi") as typeof import("@pulumi/pulumi")).log.debug(line);
        } catch {
            // no engine: nothing to log to
        }
    };
}

export function lifecycleContext(): LifecycleContext {
    return { clock, log, stackConfig, debugLog: debugLog() };
}

/** For tests and the simulator-driven demo: a different clock or log sink. */
export function setLifecycleContext(context: Partial<Pick<LifecycleContext, "clock" | "log">>): void {
    if (context.clock) clock = context.clock;
    if (context.log) log = context.log;
}

export function resetLifecycleContext(): void {
    clock = systemClock;
    log = pulumiLog();
}

/** The stack config keys the providers read (the rest of a stack's config is the program's). */
const namespacedKeys = [
    ...configKeys.map((key) => `internetx:${key}`),
    ...ispmanagerConfigKeys.map((key) => `ispmanager:${key}`),
];

/** `configure` of every dynamic provider: the stack config (`internetx:*`, `ispmanager:*`) for connections without their own settings. */
export async function configure(request: { config: { get(key: string): string | undefined } }): Promise<void> {
    const next: Record<string, string> = {};
    for (const key of namespacedKeys) {
        const value = request.config.get(key);
        if (value !== undefined && value !== "") next[key] = value;
    }
    stackConfig = next;
}
