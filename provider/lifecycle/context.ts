/**
 * What every lifecycle operation is given instead of reading module state: the clock, the progress log, the stack
 * config the provider was configured with, and a signal that ends a wait early. Two resources on two accounts in one
 * process each carry their own context, so they never share a setting.
 */

/** Injected time, so waits and decisions are testable without real time passing. */
export interface Clock {
    now(): Date;
    /** Resolves after `ms`, or rejects with the signal's reason as soon as the signal is aborted. */
    sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
    now: () => new Date(),
    sleep: (ms, signal) =>
        new Promise((resolve, reject) => {
            if (signal?.aborted) return reject(abortReason(signal));
            const timer = setTimeout(() => {
                signal?.removeEventListener("abort", onAbort);
                resolve();
            }, ms);
            const onAbort = () => {
                clearTimeout(timer);
                reject(abortReason(signal!));
            };
            signal?.addEventListener("abort", onAbort, { once: true });
        }),
};

/** The error an aborted wait ends with: the signal's own reason when it is an Error, else a named one. */
export function abortReason(signal: AbortSignal): Error {
    if (signal.reason instanceof Error) return signal.reason;
    const error = new Error(typeof signal.reason === "string" ? signal.reason : "the operation was cancelled");
    error.name = "AbortError";
    return error;
}

/**
 * Progress lines for waits and orders. Inside the dynamic-provider process they go to the engine through Pulumi's
 * log (shown by `pulumi up`); elsewhere (tests, scripts) to an injected sink. Never given secrets.
 */
export type ProgressLog = (message: string) => void;

/** The stack config as `configure` delivered it, keys with their namespace (`internetx:user`, `ispmanager:url`). */
export type StackConfig = Readonly<Record<string, string>>;

export interface LifecycleContext {
    log: ProgressLog;
    clock: Clock;
    /** Settings for connections that do not carry their own; empty when the provider was not configured. */
    stackConfig?: StackConfig;
    /** Aborting it ends a running wait at once with the initialization error that carries the pending order. */
    signal?: AbortSignal;
    /** Where clients write their debug lines (one per request and answer, never bodies or credentials). */
    debugLog?: (line: string) => void;
}

/** One namespace's settings of a stack config (`internetx:user` → `user`), empty values left out. */
export function namespacedSettings<Key extends string>(
    stackConfig: StackConfig | undefined,
    namespace: string,
    keys: readonly Key[],
): Partial<Record<Key, string>> {
    const settings: Partial<Record<Key, string>> = {};
    for (const key of keys) {
        const value = stackConfig?.[`${namespace}:${key}`];
        if (value !== undefined && value !== "") settings[key] = value;
    }
    return settings;
}
