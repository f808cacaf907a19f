import { fork } from "node:child_process";
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MachineRateLimiter } from "../../provider/shared/transport/machineRateLimiter";
import { machineWindowDirectory, nextStartDelay, staleLockMs } from "../../provider/shared/transport/machineWindow";
import { expect } from "../support/client";

/** The most starts found in any window of `windowMs` (each window opening at a start). */
function busiestWindow(starts: number[], windowMs: number): number {
    const sorted = [...starts].sort((left, right) => left - right);
    return Math.max(
        ...sorted.map((start) => sorted.filter((other) => other >= start && other < start + windowMs).length),
    );
}

interface WorkerAnswer {
    starts: number[];
    fallbackReason: string | null;
}

/** Starts `directories.length` worker processes, releases them together and collects their start times. */
async function runWorkers(directories: (string | undefined)[], count: number): Promise<WorkerAnswer[]> {
    const workers = directories.map((directory) => {
        const child = fork(join(__dirname, "..", "support", "machineWindowWorker.js"), [], {
            stdio: ["ignore", "inherit", "inherit", "ipc"],
        });
        const ready = new Promise<void>((resolve) => child.once("message", () => resolve()));
        child.send({ directory, host: "api.example.test", count, requestsPerSecond: 3 });
        return { child, ready };
    });
    await Promise.all(workers.map((worker) => worker.ready));
    const answers = workers.map(
        ({ child }) =>
            new Promise<WorkerAnswer>((resolve) => child.once("message", (answer: WorkerAnswer) => resolve(answer))),
    );
    for (const { child } of workers) child.send("go");
    return Promise.all(answers);
}

describe("the machine-wide request window", () => {
    let directory: string;
    beforeEach(() => (directory = mkdtempSync(join(tmpdir(), "sslmanager-window-"))));
    afterEach(() => rmSync(directory, { recursive: true, force: true }));

    it("lets a start through while fewer than the allowed number lie in the window, else names the wait", () => {
        expect(nextStartDelay([], 10_000, 3, 1100)).to.equal(0);
        expect(nextStartDelay([9000, 9500], 10_000, 3, 1100)).to.equal(0);
        expect(nextStartDelay([8800, 9500, 9800], 10_000, 3, 1100)).to.equal(0);
        expect(nextStartDelay([9000, 9500, 9800], 10_000, 3, 1100)).to.equal(100);
        expect(nextStartDelay([9200, 9500, 9800], 10_000, 3, 1100)).to.equal(300);
        expect(nextStartDelay([9950, 9960, 9970, 9990], 10_000, 3, 1100)).to.equal(1060);
    });

    it("keeps four processes sharing one directory to three starts in any second", async function () {
        this.timeout(60_000);
        const answers = await runWorkers([directory, directory, directory, directory], 6);
        expect(answers.map((answer) => answer.fallbackReason)).to.deep.equal([null, null, null, null]);
        const starts = answers.flatMap((answer) => answer.starts);
        expect(starts).to.have.length(24);
        expect(busiestWindow(starts, 1000)).to.equal(3);
    });

    it("lets four processes with separate directories exceed three starts in a second (what the shared window prevents)", async function () {
        this.timeout(60_000);
        const separate = [0, 1, 2, 3].map((index) => join(directory, String(index)));
        const answers = await runWorkers(separate, 3);
        expect(
            busiestWindow(
                answers.flatMap((answer) => answer.starts),
                1000,
            ),
        ).to.be.greaterThan(3);
    });

    it("falls back to the process's own window when the directory cannot be made, naming why", async () => {
        const file = join(directory, "a-file");
        writeFileSync(file, "");
        const limiter = new MachineRateLimiter(3, "api.example.test", { directory: join(file, "windows") });
        expect(limiter.fallbackReason).to.equal(`${join(file, "windows")} is not usable (ENOTDIR)`);
        const starts: number[] = [];
        for (let index = 0; index < 6; index++) {
            await limiter.take();
            starts.push(Date.now());
        }
        expect(busiestWindow(starts, 1000)).to.equal(3);
    });

    it("breaks a lock left behind by a dead process", async () => {
        const lock = join(directory, "api.example.test.lock");
        writeFileSync(lock, "999999");
        const old = new Date(Date.now() - staleLockMs - 5000);
        utimesSync(lock, old, old);
        const limiter = new MachineRateLimiter(3, "api.example.test", { directory });
        expect(limiter.fallbackReason).to.equal(undefined);
        await limiter.take();
        expect(limiter.idle).to.equal(true);
    });

    it("lives in the user's own directory unless PULUMI_SSLMANAGER_RATE_DIRECTORY names one", () => {
        expect(machineWindowDirectory({ PULUMI_SSLMANAGER_RATE_DIRECTORY: "/srv/windows" })).to.equal("/srv/windows");
        expect(machineWindowDirectory({ XDG_RUNTIME_DIR: "/run/user/1000" })).to.equal(
            `/run/user/1000/pulumi-sslmanager-${process.getuid!()}/request-windows`,
        );
    });
});
