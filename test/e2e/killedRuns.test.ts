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
type Moment = "at a random moment" | "right after the first order" | "while waiting for issuance" | "after the first issuance";
const moments: Moment[] = ["at a random moment", "right after the first order", "while waiting for issuance", "after the first issuance"];
const runs = 20;

/** A small deterministic generator, so a failing run can be repeated from its number. */
function randomFor(seed: number): () => number {
    let state = seed * 2654435761;
    return () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
    };
}

/**
 * `pulumi up` runs of the real CLI killed with SIGKILL (the whole process group: CLI, language host and provider, as
 * when a CI runner dies), each followed by a plain `pulumi up`: every certificate of the stack is ordered exactly once,
 * its key in state matches it, and the stack previews without changes. One run is interrupted with SIGINT instead, as a
 * person pressing Ctrl-C would.
 */
describe("the Pulumi CLI killed in the middle of pulumi up", function () {
    this.timeout(60 * 60 * 1000);
    let path: string;
    let internetx: RunningSimulator;
    let internetxAdmin: SimulatorAdmin;
    let billing: RunningIspmanagerSimulator;
    let billingAdmin: IspmanagerSimulatorAdmin;
    let workspace: PulumiWorkspace;
    const pendingWarnings: string[] = [];
    const lockMessages: string[] = [];

    before(async () => {
        path = pulumiPath();
        internetx = await startSimulator({ issuanceDelayMs: 600 });
        internetxAdmin = new SimulatorAdmin(internetx.adminUrl);
        billing = await startIspmanagerSimulator({ issuanceDelayMs: 600 });
        billingAdmin = new IspmanagerSimulatorAdmin(billing.adminUrl);
        workspace = new PulumiWorkspace(mkdtempSync(join(tmpdir(), "sslmanager-killed-")), "test/e2e/programs/killed-runs", path, {
            AUTODNS_URL: internetx.url,
            AUTODNS_XML_URL: internetx.xmlUrl,
            AUTODNS_USER: internetx.user,
            AUTODNS_PASSWORD: internetx.password,
            AUTODNS_CONTEXT: internetx.context,
            ISPMANAGER_URL: billing.url,
            ISPMANAGER_USER: billing.user,
            ISPMANAGER_PASSWORD: billing.password,
        });
    });
    after(async () => {
        await internetx?.close();
        await billing?.close();
    });

    /** The certificates of one stack at both simulators: one entry per order placed. */
    async function ordersOf(stack: string): Promise<{ server: number; mail: number; shop: number }> {
        const internetxCertificates = (await internetxAdmin.state()).certificates;
        const billingCertificates = (await billingAdmin.state()).certificates;
        return {
            server: internetxCertificates.filter((certificate) => certificate.name === `${stack}.example.com`).length,
            mail: internetxCertificates.filter((certificate) => certificate.name === `${stack}@example.com`).length,
            shop: billingCertificates.filter((certificate) => certificate.domain === `shop-${stack}.example.com`).length,
        };
    }
    const total = (orders: { server: number; mail: number; shop: number }) => orders.server + orders.mail + orders.shop;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    /** `pulumi up` in a process group of its own, so that a signal reaches the CLI and every process it started. */
    function startUp(stack: string): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
        const child = spawn("pulumi", ["--non-interactive", "up", "--yes", "--skip-preview", "--stack", stack], { cwd: workspace.programDirectory, env: workspace.environment, detached: true, stdio: ["ignore", "pipe", "pipe"] });
        let output = "";
        child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
        const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
        return { child, exited, output: () => output };
    }

    /** Signals the run's process group; a run that already ended has no group left to signal. */
    function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
        try {
            process.kill(-child.pid!, signal);
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
        }
    }

    async function until(condition: () => Promise<boolean>, limitMs: number): Promise<void> {
        const deadline = Date.now() + limitMs;
        while (Date.now() < deadline && !(await condition())) await sleep(50);
    }

    async function killAt(moment: Moment, stack: string, random: () => number): Promise<void> {
        if (moment === "at a random moment") await sleep(500 + random() * 6000);
        if (moment === "right after the first order") await until(async () => total(await ordersOf(stack)) > 0, 60_000);
        if (moment === "while waiting for issuance") await until(async () => total(await ordersOf(stack)) === 3, 60_000);
        if (moment === "after the first issuance") {
            await until(async () => (await internetxAdmin.state()).certificates.some((certificate) => certificate.name.startsWith(stack) && certificate.status === "ISSUED"), 60_000);
        }
    }

    /**
     * What a user does after a killed run, and what it must leave: one order each, keys matching, no changes. A killed
     * CLI leaves its lock on the stack ("the stack is currently locked ... `pulumi cancel`"): `pulumi cancel` removes
     * it, then a plain `pulumi up` finishes the work.
     */
    async function recoverAndCheck(stack: string): Promise<void> {
        let up = await workspace.pulumi(["up", "--yes", "--skip-preview", "--stack", stack]);
        if (up.code !== 0 && (up.stdout + up.stderr).includes("the stack is currently locked")) {
            lockMessages.push(stack);
            await workspace.must(["cancel", "--yes", "--stack", stack]);
            up = await workspace.pulumi(["up", "--yes", "--skip-preview", "--stack", stack]);
        }
        expect(up.code, up.stdout + up.stderr).to.equal(0);
        const warning = (up.stdout + up.stderr).split("\n").find((line) => /pending operations/.test(line));
        if (warning) pendingWarnings.push(warning.trim());
        expect(await ordersOf(stack), stack).to.deep.equal({ server: 1, mail: 1, shop: 1 });
        const outputs = JSON.parse((await workspace.must(["stack", "output", "--json", "--show-secrets", "--stack", stack])).stdout) as Record<string, string>;
        expect(await privateKeyMatchesCertificate(outputs.serverKey, outputs.serverCertificate), `${stack} server key`).to.equal(true);
        expect(await privateKeyMatchesCertificate(outputs.shopKey, outputs.shopCertificate), `${stack} shop key`).to.equal(true);
        expect(outputs.mailCertificate).to.match(/^-----BEGIN CERTIFICATE-----/);
        const preview = await workspace.pulumi(["preview", "--expect-no-changes", "--stack", stack]);
        expect(preview.code, preview.stdout + preview.stderr).to.equal(0);
    }

    for (let run = 0; run < runs; run++) {
        const moment = moments[run % moments.length];
        it(`run ${run + 1}: killed with SIGKILL ${moment}, the next up orders nothing twice and previews clean`, async () => {
            const stack = `kill${run + 1}`;
            await workspace.must(["stack", "init", stack]);
            const up = startUp(stack);
            await killAt(moment, stack, randomFor(run + 1));
            signalGroup(up.child, "SIGKILL");
            await up.exited;
            const interrupted = await ordersOf(stack);
            expect(interrupted.server <= 1 && interrupted.mail <= 1 && interrupted.shop <= 1, JSON.stringify(interrupted)).to.equal(true);
            await recoverAndCheck(stack);
        });
    }

    it("tells on the next run that the killed run left its lock and pending operations", () => {
        expect(lockMessages.length).to.be.greaterThan(0);
        expect(pendingWarnings.length).to.be.greaterThan(0);
        expect(pendingWarnings[0]).to.match(/Attempting to deploy or update resources with \d+ pending operations? from previous deployment/);
    });

    it("an up interrupted with SIGINT while waiting, as Ctrl-C does, is finished by the next up with one order each", async () => {
        const stack = "interrupted";
        await workspace.must(["stack", "init", stack]);
        const up = startUp(stack);
        await killAt("while waiting for issuance", stack, randomFor(0));
        signalGroup(up.child, "SIGINT");
        const code = await up.exited;
        expect(code).not.to.equal(0);
        await recoverAndCheck(stack);
    });
});
