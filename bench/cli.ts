import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PulumiWorkspace, pulumiPath } from "../scripts/pulumi-cli/workspace";
import { orderReferencePattern } from "../provider/lifecycle/orderReference";
import { SimulatorAdmin } from "../test/support/simulatorAdmin";
import { countRequests, RequestCount } from "./requests";
import type { SimulatorEndpoints } from "./scenario";

export interface CliMeasurement {
    wallMs: number;
    counts: RequestCount;
    previewRequests: number;
    /** Peak resident set of the dynamic-provider process the CLI started (VmHWM), not of the CLI or the program. */
    peakRssMb: number;
    /** The same `pulumi up` with no certificate: what the CLI, language host, program and provider start cost. */
    floorMs: number;
    /** Every certificate in the stack's state carries the SDK's hidden `orderReference` input. */
    orderReferences: boolean;
}

/** Parent pid and command line of every process, from /proc. */
function processTable(): Map<number, { parent: number; command: string }> {
    const table = new Map<number, { parent: number; command: string }>();
    for (const entry of readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        try {
            const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
            const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
            const command = readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " ");
            table.set(Number(entry), { parent, command });
        } catch {
            // the process ended meanwhile
        }
    }
    return table;
}

/** The highest VmHWM (peak resident set, MB) among the processes below `root` whose command line matches `provider`. */
export function providerPeakMb(root: number, provider: RegExp): number | undefined {
    const table = processTable();
    const below = (pid: number): boolean => {
        for (
            let current = table.get(pid), depth = 0;
            current && depth < 20;
            current = table.get(current.parent), depth++
        ) {
            if (current.parent === root) return true;
        }
        return false;
    };
    let peak: number | undefined;
    for (const [pid, { command }] of table) {
        if (!provider.test(command) || !below(pid)) continue;
        try {
            const kilobytes = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
            if (Number.isFinite(kilobytes)) peak = Math.max(peak ?? 0, Math.round(kilobytes / 102.4) / 10);
        } catch {
            // ended meanwhile
        }
    }
    return peak;
}

export function run(workspace: PulumiWorkspace, args: string[], onTick?: (pid: number) => void): Promise<void> {
    return new Promise((resolve, reject) => {
        const child = spawn("pulumi", ["--non-interactive", ...args], {
            cwd: workspace.programDirectory,
            env: workspace.environment,
            stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
        const timer = onTick ? setInterval(() => onTick(child.pid!), 100) : undefined;
        child.on("close", (code) => {
            if (timer) clearInterval(timer);
            if (code === 0) resolve();
            else reject(new Error(`pulumi ${args.join(" ")} exited with ${code}\n${output}`));
        });
    });
}

/** Whether every certificate of the exported stack carries the hidden `orderReference` input the SDK computes. */
function everyCertificateHasReference(exported: string, count: number): boolean {
    const resources =
        (JSON.parse(exported) as { deployment: { resources?: { type: string; inputs?: Record<string, unknown> }[] } })
            .deployment.resources ?? [];
    const certificates = resources.filter(
        (resource) => resource.type === "pulumi-nodejs:dynamic/internetx:Certificate",
    );
    return (
        certificates.length === count &&
        certificates.every((resource) => orderReferencePattern.test(String(resource.inputs?.orderReference)))
    );
}

/** A stack of examples/fleet with `count` certificates, configured for the simulator. */
async function fleetStack(
    workspace: PulumiWorkspace,
    stack: string,
    simulator: SimulatorEndpoints,
    count: number,
    pollIntervalSeconds: number,
): Promise<void> {
    await workspace.must(["stack", "init", stack]);
    await workspace.configureSimulator(simulator, "json");
    await workspace.must(["config", "set", "count", String(count)]);
    await workspace.must(["config", "set", "pollIntervalSeconds", String(pollIntervalSeconds)]);
    await workspace.must(["config", "set", "zone", `${stack}${process.pid}.example.com`]);
}

export async function removeStack(workspace: PulumiWorkspace, stack: string): Promise<void> {
    await run(workspace, ["destroy", "--yes", "--skip-preview", "--stack", stack]);
    await run(workspace, ["stack", "rm", "--yes", stack]);
}

/**
 * `pulumi up` of examples/fleet with `count` certificates through the real CLI (scripts/pulumi-cli), then
 * `pulumi preview --expect-no-changes`, then `pulumi destroy`. The requests of the up include the stack's contact.
 * First the floor: the same `pulumi up` of a stack with no certificate (the CLI, the language host, the program and
 * the dynamic-provider process starting, and the contact), on a stack of its own.
 */
export async function measureCli(
    simulator: SimulatorEndpoints,
    count: number,
    pollIntervalSeconds: number,
): Promise<CliMeasurement> {
    const admin = new SimulatorAdmin(simulator.adminUrl);
    const workspace = new PulumiWorkspace(
        join(tmpdir(), `pulumi-sslmanager-bench-${process.pid}`),
        "fleet",
        pulumiPath(),
    );

    await fleetStack(workspace, "floor", simulator, 0, pollIntervalSeconds);
    const floorStarted = Date.now();
    await run(workspace, ["up", "--yes", "--skip-preview"]);
    const floorMs = Date.now() - floorStarted;
    await removeStack(workspace, "floor");

    await fleetStack(workspace, "bench", simulator, count, pollIntervalSeconds);
    await admin.clearRequests();
    let peakRssMb = 0;
    const started = Date.now();
    await run(
        workspace,
        ["up", "--yes", "--skip-preview"],
        (pid) => (peakRssMb = Math.max(peakRssMb, providerPeakMb(pid, /dynamic-provider/) ?? 0)),
    );
    const wallMs = Date.now() - started;
    const counts = await countRequests(admin);
    const orderReferences = everyCertificateHasReference((await workspace.must(["stack", "export"])).stdout, count);

    await admin.clearRequests();
    await run(workspace, ["preview", "--expect-no-changes"]);
    const previewRequests = (await countRequests(admin)).requests;
    await removeStack(workspace, "bench");
    return { wallMs, floorMs, counts, previewRequests, peakRssMb, orderReferences };
}
