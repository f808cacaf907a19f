/** Named defaults for waiting on an order: overridable per resource (`waitTimeoutSeconds`, `pollIntervalSeconds`). */
export const defaultWaitTimeoutSeconds = 3600;
export const defaultPollIntervalSeconds = 10;
/** The interval grows by this factor after each pending answer, up to `maximumPollIntervalSeconds`. */
export const pollBackoffFactor = 1.5;
export const maximumPollIntervalSeconds = 60;

export interface WaitSettings {
    timeoutMs: number;
    intervalMs: number;
}

export function waitSettings(input: { waitTimeoutSeconds?: number; pollIntervalSeconds?: number }): WaitSettings {
    return {
        timeoutMs: (input.waitTimeoutSeconds ?? defaultWaitTimeoutSeconds) * 1000,
        intervalMs: (input.pollIntervalSeconds ?? defaultPollIntervalSeconds) * 1000,
    };
}

/** The delay before the next status check: backing off from the configured interval, never past the deadline. */
export function nextPollDelay(
    previousDelayMs: number | undefined,
    settings: WaitSettings,
    remainingMs: number,
): number {
    const ceiling = Math.max(settings.intervalMs, maximumPollIntervalSeconds * 1000);
    const next =
        previousDelayMs === undefined
            ? settings.intervalMs
            : Math.min(ceiling, Math.round(previousDelayMs * pollBackoffFactor));
    return Math.max(0, Math.min(next, remainingMs));
}
