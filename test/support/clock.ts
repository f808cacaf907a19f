import { abortReason, Clock } from "../../provider/lifecycle/context";

/** A Clock whose waits take no real time, for tests where waiting is not the subject. */
export interface SkippingClock extends Clock {
    /** Milliseconds of waiting skipped so far. */
    skippedMs(): number;
}

interface Sleeper {
    wakeAt: number;
    resolve(): void;
}

/**
 * A clock on which sleeping takes no time: `now` is the system time plus every wait skipped so far, so it never runs
 * behind the system clock and never goes back. Sleepers wake one wake-up time at a time, earliest first, each after a
 * turn of the event loop (a timer of 0 ms, never a busy loop), so answers already in flight arrive before the next
 * wake-up. Pass `clock.now` to the simulator (`startSimulator({ now })`) and its jobs take their time on this clock:
 * a job the simulator issues after 1.5 s is issued once the provider has slept 1.5 s here.
 */
export function skippingClock(): SkippingClock {
    let skipped = 0;
    const sleepers: Sleeper[] = [];
    let wakeUpScheduled = false;
    const nowMs = () => Date.now() + skipped;

    function scheduleWakeUp(): void {
        if (wakeUpScheduled || sleepers.length === 0) return;
        wakeUpScheduled = true;
        setTimeout(wakeEarliest, 0);
    }

    function wakeEarliest(): void {
        wakeUpScheduled = false;
        if (sleepers.length === 0) return;
        const wakeAt = Math.min(...sleepers.map((sleeper) => sleeper.wakeAt));
        const late = wakeAt - nowMs();
        if (late > 0) skipped += late;
        for (const sleeper of sleepers.filter((candidate) => candidate.wakeAt <= wakeAt)) {
            sleepers.splice(sleepers.indexOf(sleeper), 1);
            sleeper.resolve();
        }
        scheduleWakeUp();
    }

    return {
        now: () => new Date(nowMs()),
        skippedMs: () => skipped,
        sleep: (ms, signal) =>
            new Promise<void>((resolve, reject) => {
                if (signal?.aborted) return reject(abortReason(signal));
                const onAbort = () => {
                    const index = sleepers.indexOf(sleeper);
                    if (index >= 0) sleepers.splice(index, 1);
                    reject(abortReason(signal!));
                };
                const sleeper: Sleeper = {
                    wakeAt: nowMs() + Math.max(0, ms),
                    resolve: () => {
                        signal?.removeEventListener("abort", onAbort);
                        resolve();
                    },
                };
                signal?.addEventListener("abort", onAbort, { once: true });
                sleepers.push(sleeper);
                scheduleWakeUp();
            }),
    };
}

/**
 * `clock` moved to `at` and running on from there, its waits still taken by `clock`: for a decision at another date
 * (inside a renewal window) while the simulator keeps `clock`'s time.
 */
export function clockFrom(clock: Clock, at: Date): Clock {
    const offset = at.getTime() - clock.now().getTime();
    return { now: () => new Date(clock.now().getTime() + offset), sleep: (ms, signal) => clock.sleep(ms, signal) };
}
