import {
    closeSync,
    linkSync,
    lstatSync,
    mkdirSync,
    openSync,
    readFileSync,
    renameSync,
    statSync,
    unlinkSync,
    writeFileSync,
    writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * One request window per host for every provider process of this user on this machine.
 *
 * InterNetX counts "3 requests per second and IP" ("JSON API Basics", "XML API Basics"): parallel `pulumi up` of
 * several stacks on one CI runner share that budget, so a window kept per process is not enough. The start times of
 * the most recent requests live in a small file per host in a per-user directory; a process may start a request
 * when fewer than `slots` starts lie in the last window, and records its start in the same step, under a lock file.
 * Nothing is reserved ahead: a process that wakes late simply asks again, so a late start can never crowd a window.
 */

/** How many recent starts the file keeps at least (more when a rate allows more starts per window). */
const keptStarts = 64;
/** A lock older than this was left by a process that died inside the few file operations it guards. */
export const staleLockMs = 2000;

/** Milliseconds until a new start fits: fewer than `slots` of `starts` (epoch ms) may lie within `spanMs` before it. 0: now. */
export function nextStartDelay(starts: readonly number[], now: number, slots: number, spanMs: number): number {
    const recent = starts
        .filter((start) => start > now - spanMs && start <= now + spanMs)
        .sort((left, right) => left - right);
    if (recent.length < slots) return 0;
    return Math.max(1, recent[recent.length - slots] + spanMs - now);
}

/** The per-user directory: `PULUMI_SSLMANAGER_RATE_DIRECTORY`, else `$XDG_RUNTIME_DIR` or the temp directory. */
export function machineWindowDirectory(environment: NodeJS.ProcessEnv = process.env): string {
    const explicit = environment.PULUMI_SSLMANAGER_RATE_DIRECTORY;
    if (explicit) return explicit;
    const user = typeof process.getuid === "function" ? String(process.getuid()) : (environment.USERNAME ?? "user");
    return join(environment.XDG_RUNTIME_DIR || tmpdir(), `pulumi-sslmanager-${user}`, "request-windows");
}

/**
 * Makes `directory` (mode 0700) and checks that it is a real directory of this user that we can write. Returns
 * undefined when it is usable, else why not (the caller then keeps the window in its own process only).
 */
export function prepareMachineWindowDirectory(directory: string): string | undefined {
    try {
        mkdirSync(directory, { recursive: true, mode: 0o700 });
        const stats = lstatSync(directory);
        if (!stats.isDirectory()) return `${directory} is not a directory`;
        if (typeof process.getuid === "function" && stats.uid !== process.getuid())
            return `${directory} belongs to another user`;
        const probe = join(directory, `.probe-${process.pid}`);
        writeFileSync(probe, "");
        unlinkSync(probe);
        return undefined;
    } catch (error) {
        return `${directory} is not usable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    }
}

export class MachineRequestWindow {
    private readonly file: string;
    private readonly lock: string;

    constructor(
        directory: string,
        host: string,
        private readonly now: () => number = Date.now,
    ) {
        const name = host.replace(/[^A-Za-z0-9.-]/g, "_");
        this.file = join(directory, `${name}.json`);
        this.lock = join(directory, `${name}.lock`);
    }

    /**
     * Under the lock: records a start now and returns 0 when it fits the window, else returns how long to wait
     * before asking again; undefined when the lock is held by another process this very moment.
     */
    tryStart(slots: number, spanMs: number): number | undefined {
        if (!this.acquire()) return undefined;
        try {
            const now = this.now();
            const starts = this.read().filter((start) => start > now - 10 * spanMs && start <= now + spanMs);
            const delay = nextStartDelay(starts, now, slots, spanMs);
            if (delay === 0) this.write([...starts, now].slice(-Math.max(keptStarts, slots)));
            return delay;
        } finally {
            this.release();
        }
    }

    private acquire(): boolean {
        try {
            const descriptor = openSync(this.lock, "wx", 0o600);
            writeSync(descriptor, String(process.pid));
            closeSync(descriptor);
            return true;
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
            this.breakIfStale();
            return false;
        }
    }

    /**
     * A lock left by a dead process: moved aside under a name of our own (one process wins the rename), then removed.
     * When what was moved turns out fresh, another process broke the stale lock first and holds a new one: it goes
     * back (link fails if a newer lock exists, and then that one stands).
     */
    private breakIfStale(): void {
        try {
            if (this.now() - statSync(this.lock).mtimeMs < staleLockMs) return;
            const aside = `${this.lock}.stale-${process.pid}`;
            renameSync(this.lock, aside);
            try {
                if (this.now() - statSync(aside).mtimeMs < staleLockMs) linkSync(aside, this.lock);
            } finally {
                unlinkSync(aside);
            }
        } catch {
            // released or broken by another process meanwhile: ask again
        }
    }

    private release(): void {
        try {
            unlinkSync(this.lock);
        } catch {
            // broken as stale by another process: nothing left to release
        }
    }

    private read(): number[] {
        try {
            const parsed: unknown = JSON.parse(readFileSync(this.file, "utf8"));
            return Array.isArray(parsed)
                ? parsed.filter((value): value is number => typeof value === "number" && Number.isFinite(value))
                : [];
        } catch {
            return [];
        }
    }

    /** Written aside and renamed, so that a reader never sees half a file. */
    private write(starts: number[]): void {
        const temporary = `${this.file}.${process.pid}`;
        writeFileSync(temporary, JSON.stringify(starts), { mode: 0o600 });
        renameSync(temporary, this.file);
    }
}
