import { windowSafetyMarginMs } from "./rateLimiter";
import {
    MachineRequestWindow,
    machineWindowDirectory,
    nextStartDelay,
    prepareMachineWindowDirectory,
} from "./machineWindow";

const windowMs = 1000;
/** While another process holds the lock (a few file operations), ask again after about this long. */
const lockRetryMs = 2;

export interface MachineRateLimiterOptions {
    /** Where the per-host window files live (machineWindow.ts); undefined keeps the window in this process only. */
    directory?: string;
    now?: () => number;
    sleep?: (ms: number) => Promise<void>;
    /** Told once why the machine-wide window is not used, when it is not. */
    log?: (line: string) => void;
}

/**
 * At most `requestsPerSecond` request starts to one host in any window, counted across every process of this user
 * on this machine (MachineRequestWindow), callers of this process served in order. When the directory cannot be
 * used, or a file operation fails later, it falls back to the window of this process alone, which is still right for
 * one process and never sends faster.
 */
export class MachineRateLimiter {
    private window?: MachineRequestWindow;
    /** This process's own recent starts: the window when the machine-wide one cannot be used. */
    private readonly ownStarts: number[] = [];
    private queue: Promise<void> = Promise.resolve();
    private waiting = 0;
    private readonly now: () => number;
    private readonly sleep: (ms: number) => Promise<void>;
    /** Why the machine-wide window is not in use (undefined while it is). */
    readonly fallbackReason?: string;

    constructor(
        readonly requestsPerSecond: number,
        host: string,
        options: MachineRateLimiterOptions = {},
    ) {
        if (!(requestsPerSecond > 0))
            throw new RangeError(`requestsPerSecond must be positive, got ${requestsPerSecond}`);
        this.now = options.now ?? Date.now;
        this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
        const problem =
            options.directory === undefined
                ? "no directory for the machine-wide window"
                : prepareMachineWindowDirectory(options.directory);
        if (problem === undefined) this.window = new MachineRequestWindow(options.directory!, host, this.now);
        else {
            this.fallbackReason = problem;
            options.log?.(`request window kept in this process only: ${problem}`);
        }
    }

    /** True while no caller of this process waits for its turn: a request now would take no one's place. */
    get idle(): boolean {
        return this.waiting === 0;
    }

    /** Resolves when a request may be sent. */
    take(): Promise<void> {
        this.waiting++;
        const turn = this.queue.then(() => this.waitForStart()).finally(() => this.waiting--);
        this.queue = turn.catch(() => undefined);
        return turn;
    }

    private async waitForStart(): Promise<void> {
        // A fractional rate (0.5 per second) is one start per 2 s: the window grows instead of the count shrinking.
        const slots = Math.max(1, Math.floor(this.requestsPerSecond));
        const spanMs = (windowMs * slots) / this.requestsPerSecond + windowSafetyMarginMs;
        for (;;) {
            const delay = this.window
                ? this.machineDelay(slots, spanMs)
                : nextStartDelay(this.ownStarts, this.now(), slots, spanMs);
            if (delay === 0) {
                this.ownStarts.push(this.now());
                if (this.ownStarts.length > slots) this.ownStarts.splice(0, this.ownStarts.length - slots);
                return;
            }
            await this.sleep(delay ?? lockRetryMs + Math.random() * lockRetryMs);
        }
    }

    /** The machine-wide answer; a file that became unusable (disk full, directory removed) hands over to this process's window. */
    private machineDelay(slots: number, spanMs: number): number | undefined {
        try {
            return this.window!.tryStart(slots, spanMs);
        } catch {
            this.window = undefined;
            return nextStartDelay(this.ownStarts, this.now(), slots, spanMs);
        }
    }
}

const limiters = new Map<string, MachineRateLimiter>();

/**
 * The limiter of the host (and port) of `url` for this process, sharing the machine-wide window of that host with the
 * other processes of this user (directory: machineWindowDirectory()).
 */
export function machineRateLimiter(
    url: string,
    requestsPerSecond: number,
    log?: (line: string) => void,
): MachineRateLimiter {
    const host = new URL(url).host;
    const key = `${host}|${requestsPerSecond}`;
    let limiter = limiters.get(key);
    if (!limiter) {
        limiter = new MachineRateLimiter(requestsPerSecond, host, { directory: machineWindowDirectory(), log });
        limiters.set(key, limiter);
    }
    return limiter;
}
