import { ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { privateKeyMatchesCertificate } from "../../provider/x509";
import { PulumiWorkspace, pulumiPath } from "../../scripts/pulumi-cli/workspace";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { RunningIspmanagerSimulator, startIspmanagerSimulator } from "../../simulator/ispmanager";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { IspmanagerSimulatorAdmin } from "../ispmanager/simulatorAdmin";

/** When a run is killed: at a random moment, or at a moment the simulators show. */
type Moment =
    "at a random moment" | "right after the first order" | "while waiting for issuance" | "after the first issuance";
const moments: Moment[] = [
    "at a random moment",
    "right after the first order",
    "while waiting for issuance",
    "after the first issuance",
];
const runs = 20;

/** A small deterministic generator, so a failing run can be repeated from its number. */
function randomFor(seed: number): () => number {
    let state = seed * 2654435761;
    return () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
    };
}

/** One lane of runs: its own simulators and its own workspace, so lanes run side by side without sharing a request window. */
class Lane {
    readonly pendingWarnings: string[] = [];
    readonly lockMessages: string[] = [];
    private constructor(
        private readonly internetx: RunningSimulator,
        private readonly internetxAdmin: SimulatorAdmin,
        private readonly billing: RunningIspmanagerSimulator,
        private readonly billingAdmin: IspmanagerSimulatorAdmin,
        readonly workspace: PulumiWorkspace,
    ) {}

    static async start(path: string): Promise<Lane> {
        const internetx = await startSimulator({ issuanceDelayMs: 600 });
        const billing = await startIspmanagerSimulator({ issuanceDelayMs: 600 });
        const workspace = new PulumiWorkspace(
            mkdtempSync(join(tmpdir(), "sslmanager-killed-")),
            "test/e2e/programs/killed-runs",
            path,
            {
                AUTODNS_URL: internetx.url,
                AUTODNS_XML_URL: internetx.xmlUrl,
                AUTODNS_USER: internetx.user,
                AUTODNS_PASSWORD: internetx.password,
                AUTODNS_CONTEXT: internetx.context,
                ISPMANAGER_URL: billing.url,
                ISPMANAGER_USER: billing.user,
                ISPMANAGER_PASSWORD: billing.password,
                // BILLmanager publishes no limit; InterNetX's 3 per second stays.
                ISPMANAGER_REQUESTS_PER_SECOND: "20",
            },
        );
        return new Lane(
            internetx,
            new SimulatorAdmin(internetx.adminUrl),
            billing,
            new IspmanagerSimulatorAdmin(billing.adminUrl),
            workspace,
        );
    }

    async close(): Promise<void> {
        await this.internetx.close();
        await this.billing.close();
    }

    /** The certificates of one stack at both simulators: one entry per order placed. */
    async ordersOf(stack: string): Promise<{ server: number; mail: number; shop: number }> {
        const internetxCertificates = (await this.internetxAdmin.state()).certificates;
        const billingCertificates = (await this.billingAdmin.state()).certificates;
        return {
            server: internetxCertificates.filter((certificate) => certificate.name === `${stack}.example.com`).length,
            mail: internetxCertificates.filter((certificate) => certificate.name === `${stack}@example.com`).length,
            shop: billingCertificates.filter((certificate) => certificate.domain === `shop-${stack}.example.com`)
                .length,
        };
    }

    async anyIssued(stack: string): Promise<boolean> {
        return (await this.internetxAdmin.state()).certificates.some(
            (certificate) => certificate.name.startsWith(stack) && certificate.status === "ISSUED",
        );
    }

    /** `pulumi up` in a process group of its own, so that a signal reaches the CLI and every process it started. */
    startUp(stack: string): { child: ChildProcess; exited: Promise<number | null> } {
        const child = spawn("pulumi", ["--non-interactive", "up", "--yes", "--skip-preview", "--stack", stack], {
            cwd: this.workspace.programDirectory,
            env: this.workspace.environment,
            detached: true,
            stdio: "ignore",
        });
        const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
        return { child, exited };
    }

    async killAt(moment: Moment, stack: string, random: () => number): Promise<void> {
        if (moment === "at a random moment") await sleep(500 + random() * 6000);
        if (moment === "right after the first order")
            await until(async () => total(await this.ordersOf(stack)) > 0, 60_000);
        if (moment === "while waiting for issuance")
            await until(async () => total(await this.ordersOf(stack)) === 3, 60_000);
        if (moment === "after the first issuance") await until(() => this.anyIssued(stack), 60_000);
    }

    /**
     * What a user does after a killed run, and what it must leave: one order each, keys matching, no changes. A killed
     * CLI leaves its lock on the stack ("the stack is currently locked ... `pulumi cancel`"): `pulumi cancel` removes
     * it, then a plain `pulumi up` finishes the work.
     */
    async recoverAndCheck(stack: string): Promise<void> {
        let up = await this.workspace.pulumi(["up", "--yes", "--skip-preview", "--stack", stack]);
        if (up.code !== 0 && (up.stdout + up.stderr).includes("the stack is currently locked")) {
            this.lockMessages.push(stack);
            await this.workspace.must(["cancel", "--yes", "--stack", stack]);
            up = await this.workspace.pulumi(["up", "--yes", "--skip-preview", "--stack", stack]);
        }
        expect(up.code, `${stack}: ${up.stdout}${up.stderr}`).to.equal(0);
        const warning = (up.stdout + up.stderr).split("\n").find((line) => /pending operations/.test(line));
        if (warning) this.pendingWarnings.push(warning.trim());
        expect(await this.ordersOf(stack), stack).to.deep.equal({ server: 1, mail: 1, shop: 1 });
        const outputs = JSON.parse(
            (await this.workspace.must(["stack", "output", "--json", "--show-secrets", "--stack", stack])).stdout,
        ) as Record<string, string>;
        expect(
            await privateKeyMatchesCertificate(outputs.serverKey, outputs.serverCertificate),
            `${stack} server key`,
        ).to.equal(true);
        expect(
            await privateKeyMatchesCertificate(outputs.shopKey, outputs.shopCertificate),
            `${stack} shop key`,
        ).to.equal(true);
        expect(outputs.mailCertificate, stack).to.match(/^-----BEGIN CERTIFICATE-----/);
        const preview = await this.workspace.pulumi(["preview", "--expect-no-changes", "--stack", stack]);
        expect(preview.code, `${stack}: ${preview.stdout}${preview.stderr}`).to.equal(0);
    }

    /** One killed run and its recovery; the run's number names the stack (and seeds its random moment). */
    async killedRun(run: number, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
        const stack = signal === "SIGKILL" ? `kill${run}` : "interrupted";
        const moment = signal === "SIGKILL" ? moments[(run - 1) % moments.length] : "while waiting for issuance";
        await this.workspace.must(["stack", "init", stack]);
        const up = this.startUp(stack);
        await this.killAt(moment, stack, randomFor(run));
        signalGroup(up.child, signal);
        const code = await up.exited;
        // A dead CI runner takes the plugins with it; the CLI's group does not hold them (workspace.ts).
        if (signal === "SIGKILL") this.workspace.reapOrphanedProcesses();
        if (signal === "SIGINT") expect(code, stack).not.to.equal(0);
        const interrupted = await this.ordersOf(stack);
        expect(
            interrupted.server <= 1 && interrupted.mail <= 1 && interrupted.shop <= 1,
            `${stack} (${moment}): ${JSON.stringify(interrupted)}`,
        ).to.equal(true);
        await this.recoverAndCheck(stack);
    }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const total = (orders: { server: number; mail: number; shop: number }) => orders.server + orders.mail + orders.shop;

async function until(condition: () => Promise<boolean>, limitMs: number): Promise<void> {
    const deadline = Date.now() + limitMs;
    while (Date.now() < deadline && !(await condition())) await sleep(50);
}

/** Signals the run's process group; a run that already ended has no group left to signal. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
    try {
        process.kill(-child.pid!, signal);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
    }
}

/** Lanes of runs side by side: the runs spend their time waiting (for the CLI, the request window, issuance). */
const lanes = 4;

/**
 * `pulumi up` runs of the real CLI killed with SIGKILL (the whole process group: CLI, language host and provider, as
 * when a CI runner dies) before, during and after the orders and during the wait, each followed by a plain `pulumi up`:
 * every certificate of the stack (InterNetX SSL with a generated key, S/MIME with the CA's key, BILLmanager with the
 * billing system's key) is ordered exactly once, its key in state matches it, and the stack previews without changes.
 * One run is interrupted with SIGINT instead, as a person pressing Ctrl-C would.
 */
describe("the Pulumi CLI killed in the middle of pulumi up", function () {
    this.timeout(60 * 60 * 1000);
    const started: Lane[] = [];

    before(async () => {
        const path = pulumiPath();
        for (let lane = 0; lane < lanes; lane++) started.push(await Lane.start(path));
    });
    after(async () => {
        for (const lane of started) {
            lane.workspace.reapOrphanedProcesses();
            await lane.close();
        }
    });

    it(`${runs} runs killed with SIGKILL at random moments and at the order, the wait and the first issuance: the next up orders nothing twice and previews clean`, async () => {
        await Promise.all(
            started.map(async (lane, index) => {
                for (let run = index + 1; run <= runs; run += lanes) await lane.killedRun(run);
            }),
        );
        const lockMessages = started.flatMap((lane) => lane.lockMessages);
        const pendingWarnings = started.flatMap((lane) => lane.pendingWarnings);
        // What the user sees after a killed run: the lock the CLI left, then the pending operations it reports.
        expect(lockMessages.length).to.be.greaterThan(0);
        expect(pendingWarnings.length).to.be.greaterThan(0);
        expect(pendingWarnings[0]).to.match(
            /Attempting to deploy or update resources with \d+ pending operations? from previous deployment/,
        );
    });

    it("an up interrupted with SIGINT while waiting, as Ctrl-C does, is finished by the next up with one order each", async () => {
        await started[0].killedRun(0, "SIGINT");
    });
});
