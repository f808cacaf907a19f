import { ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { orderReference } from "../../provider/lifecycle/orderReference";
import { privateKeyMatchesCertificate } from "../../provider/x509";
import { pluginPath } from "../../scripts/native/sdks";
import { PulumiWorkspace, pulumiPath } from "../../scripts/pulumi-cli/workspace";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { parentOf, processesUsing } from "../support/processes";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { createTestContact } from "../support/stack";
import { nativeLauncher } from "../native/nativeProviderServer";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The native provider's process (`pulumi-resource-sslmanager`, started by the real CLI for a Pulumi YAML program)
 * killed with SIGKILL after it sent the order, while it waits for issuance: the CLI's `up` fails, and a plain
 * `pulumi up` afterwards adopts the order instead of placing another one.
 */
describe("the native provider killed with SIGKILL under the Pulumi CLI", function () {
    this.timeout(20 * 60 * 1000);
    let simulator: RunningSimulator;
    let admin: SimulatorAdmin;
    let launcherDirectory: string;
    let program: PulumiWorkspace;

    before(async () => {
        const path = [pulumiPath(), pluginPath().languageHosts];
        simulator = await startSimulator({ issuanceDelayMs: 6000 });
        admin = new SimulatorAdmin(simulator.adminUrl);
        // What npm does for a package's bin: an executable named after the plugin, in a directory only this test uses.
        chmodSync(nativeLauncher, 0o755);
        launcherDirectory = mkdtempSync(join(tmpdir(), "sslmanager-native-killed-plugin-"));
        symlinkSync(nativeLauncher, join(launcherDirectory, "pulumi-resource-sslmanager"));
        program = new PulumiWorkspace(
            mkdtempSync(join(tmpdir(), "sslmanager-native-killed-")),
            "test/e2e/programs/native-killed",
            [launcherDirectory, ...path].join(":"),
        );
    });
    after(async () => {
        // The CLI ends its plugins when it exits; any a failed run left behind end here.
        program?.reapOrphanedProcesses();
        await simulator?.close();
        if (launcherDirectory) rmSync(launcherDirectory, { recursive: true, force: true });
        if (program) rmSync(program.directory, { recursive: true, force: true });
    });

    /** The plugin processes this test's CLI started (their command line names the launcher directory). */
    const providerProcesses = () => processesUsing([launcherDirectory]);

    it("a plain pulumi up after the kill adopts the order: one order, the certificate in state matches the key in state, and the next preview is clean", async () => {
        await program.must(["stack", "init", "killed"]);
        await program.must(["config", "set", "sslmanager:internetxUrl", simulator.url]);
        await program.must(["config", "set", "sslmanager:internetxUser", simulator.user]);
        await program.must(["config", "set", "sslmanager:internetxContext", simulator.context]);
        await program.must(["config", "set", "--secret", "sslmanager:internetxPassword", "--", simulator.password]);
        await program.must(["config", "set", "contactId", await createTestContact(simulator)]);
        const before = (await admin.state()).orders;

        const interrupted = runPulumi(program, ["up", "--yes", "--skip-preview"]);
        const deadline = Date.now() + 120_000;
        while ((await admin.state()).orders === before && Date.now() < deadline) await sleep(50);
        // The plugin runs twice for a YAML program: the language host starts one to read the schema, the CLI the one
        // that creates the resources. That one dies.
        const killed = providerProcesses().filter((pid) => parentOf(pid) === interrupted.child.pid);
        expect(killed).to.have.length(1);
        process.kill(killed[0], "SIGKILL");
        const failed = await interrupted.done;
        expect(failed.code).not.to.equal(0);
        // What the user sees: the create failed with the broken connection, and the CLI names the plugin that died.
        expect(failed.output).to.contain(
            "sslmanager:internetx:Certificate www **creating failed** error: error reading from server: EOF",
        );
        expect(failed.output).to.contain("pulumi-resource-sslmanager exited prematurely");
        expect((await admin.state()).orders).to.equal(before + 1);
        // The kill came during the wait (the issuance takes 6 s): the order's job was still running.
        expect(jobsOf(await admin.state()).map((job) => job.status)).to.deep.equal(["RUNNING"]);

        // The CLI exited on its own: no lock is left, and the failed create left no pending operation to report.
        const recovered = await program.must(["up", "--yes", "--skip-preview"]);
        expect(recovered.stdout + recovered.stderr).not.to.contain("pending operations");
        const reference = orderReference({
            project: "native-killed",
            stack: "killed",
            type: "sslmanager:internetx:Certificate",
            name: "www",
            replacementInputs: ["QUICKSSLPREMIUM", 12],
        });
        expect(recovered.stdout).to.contain(
            `killed.example.com: adopting the order placed earlier under reference ${reference}`,
        );
        expect((await admin.state()).orders).to.equal(before + 1);
        const outputs = await program.outputs();
        expect([outputs.status, outputs.orderReference]).to.deep.equal(["ISSUED", reference]);
        // The adopted certificate carried the killed process's key: a free reissue gave it the key in state.
        expect(jobsOf(await admin.state()).map((job) => job.action)).to.deep.equal(["create", "reissue"]);
        expect(
            await privateKeyMatchesCertificate(String(outputs.privateKeyPem), String(outputs.certificatePem)),
        ).to.equal(true);

        const preview = await program.pulumi(["preview", "--expect-no-changes"]);
        expect(preview.code, preview.stdout + preview.stderr).to.equal(0);
        await program.must(["destroy", "--yes", "--skip-preview"]);
        expect(
            (await admin.state()).certificates.filter((certificate) => certificate.id === outputs.certificateId),
        ).to.deep.equal([]);
        expect((await admin.state()).orders).to.equal(before + 1);
        expect(providerProcesses()).to.deep.equal([]);
    });
});

/** The simulator's jobs for the program's certificate. */
function jobsOf(state: { jobs: unknown[] }): { status: string; action: string }[] {
    return (state.jobs as { name?: string; status: string; action: string }[]).filter(
        (job) => job.name === "killed.example.com",
    );
}

/** `pulumi <args>` in the program directory, still running: `done` resolves once the CLI has exited. */
function runPulumi(
    program: PulumiWorkspace,
    args: string[],
): { child: ChildProcess; done: Promise<{ code: number; output: string }> } {
    const child = spawn("pulumi", ["--non-interactive", ...args], {
        cwd: program.programDirectory,
        env: program.environment,
        stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    return {
        child,
        done: new Promise((resolve) => child.on("close", (code) => resolve({ code: code ?? -1, output }))),
    };
}
