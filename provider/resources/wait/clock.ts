/** Injected time, so waits and decisions are testable without real time passing. */
export interface Clock {
    now(): Date;
    sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
