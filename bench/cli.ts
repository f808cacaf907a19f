import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PulumiWorkspace, pulumiPath } from "../scripts/pulumi-cli/workspace";
import { SimulatorAdmin } from "../test/support/simulatorAdmin";
import { countRequests, RequestCount } from "./requests";
import type { SimulatorEndpoints } from "./scenario";

export interface CliMeasurement {
    wallMs: number;
    counts: RequestCount;
    previewRequests: number;
    /** Peak resident set of the dynamic-provider process the CLI started (VmHWM), not of the CLI or the program. */
    peakRssMb: number;
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

/** The highest VmHWM (peak resident set, MB) among the dynamic-provider processes below `root`. */
function dynamicProviderPeakMb(root: number): number | undefined {
    const table = processTable();
    const below = (pid: number): boolean => {
        for (let current = table.get(pid), depth = 0; current && depth < 20; current = table.get(current.parent), depth++) {
            if (current.parent === root) return true;
        }
        return false;
    };
    let peak: number | undefined;
    for (const [pid, { command }] of table) {
        if (!command.includes("dynamic-provider") || !below(pid)) continue;
        try {
            const kilobytes = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
            if (Number.isFinite(kilobytes)) peak = Math.max(peak ?? 0, Math.round(kilobytes / 102.4) / 10);
        } catch {
            // ended meanwhile
        }
    }
    return peak;
}

function run(workspace: PulumiWorkspace, args: string[], onTick?: (pid: number) => void): Promise<void> {
    return new Promise((resolve, reject) => {
        const child = spawn("pulumi", ["--non-interactive", ...args], { cwd: workspace.programDirectory, env: workspace.environment, stdio: ["ignore", "pipe", "pipe"] });
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

/**
 * `pulumi up` of examples/fleet with `count` certificates through the real CLI (scripts/pulumi-cli), then
 * `pulumi preview --expect-no-changes`, then `pulumi destroy`. The requests of the up include the stack's contact.
 */
export async function measureCli(simulator: SimulatorEndpoints, count: number, pollIntervalSeconds: number): Promise<CliMeasurement> {
    const admin = new SimulatorAdmin(simulator.adminUrl);
    const workspace = new PulumiWorkspace(join(tmpdir(), `pulumi-sslmanager-bench-${process.pid}`), "fleet", pulumiPath());
    await workspace.must(["stack", "init", "bench"]);
    for (const [key, value] of [["url", simulator.url], ["xmlUrl", simulator.xmlUrl], ["user", simulator.user], ["context", simulator.context], ["protocol", "json"]]) {
        await workspace.must(["config", "set", `internetx:${key}`, value]);
    }
    // "--" before the value: a generated password may begin with a dash.
    await workspace.must(["config", "set", "--secret", "internetx:password", "--", simulator.password]);
    await workspace.must(["config", "set", "count", String(count)]);
    await workspace.must(["config", "set", "pollIntervalSeconds", String(pollIntervalSeconds)]);
    await workspace.must(["config", "set", "zone", `cli${process.pid}.example.com`]);

    await admin.clearRequests();
    let peakRssMb = 0;
    const started = Date.now();
    await run(workspace, ["up", "--yes", "--skip-preview"], (pid) => (peakRssMb = Math.max(peakRssMb, dynamicProviderPeakMb(pid) ?? 0)));
    const wallMs = Date.now() - started;
    const counts = await countRequests(admin);

    await admin.clearRequests();
    await run(workspace, ["preview", "--expect-no-changes"]);
    const previewRequests = (await countRequests(admin)).requests;
    await run(workspace, ["destroy", "--yes", "--skip-preview"]);
    await run(workspace, ["stack", "rm", "--yes", "bench"]);
    return { wallMs, counts, previewRequests, peakRssMb };
}
