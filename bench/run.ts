import { fork } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { Client } from "../provider/internetx/client";
import { RunningSimulator, SimulatorOptions, startSimulator } from "../simulator/internetx";
import { chartSvg } from "./chart";
import { CliMeasurement, measureCli } from "./cli";
import { measureNativeCli } from "./nativeCli";
import { replaceBetween, resultRows, resultsMarkdown } from "./report";
import type { MeasuredRow } from "./row";
import type { ChildResult, Scenario } from "./scenario";

/**
 * `npm run bench` (never part of `npm test`): this provider against InterNetX's own js-domainrobot-sdk on the
 * simulator, which refuses more than 3 requests per second per client address as the API does ("JSON API Basics"),
 * with 30 ms latency per request and issuance time T = 2 s. Every client runs in a process of its own, so its peak
 * memory is its own. Writes bench/results/results.json, results.md, chart.svg and the README's benchmark section.
 * Options: --counts 1,10,50, --cli-count 50 (0 skips the real-CLI scenarios: the TypeScript program on the dynamic
 * provider and the YAML program on the native provider), --latency-ms 30, --issuance-ms 2000,
 * --poll-seconds 1 (the same for every flow), --flows ours,sdk (either alone for a quicker look), --strategies
 * job,notifications and --protocols json,xml (this provider's rows only; either alone for a quicker look).
 */
function option(name: string, fallback: string): string {
    const index = process.argv.indexOf(`--${name}`);
    return index >= 0 ? process.argv[index + 1] : fallback;
}

const latencyMs = Number(option("latency-ms", "30"));
const issuanceMs = Number(option("issuance-ms", "2000"));
const counts = option("counts", "1,10,50").split(",").filter(Boolean).map(Number);
const cliCount = Number(option("cli-count", "50"));
const pollIntervalSeconds = Number(option("poll-seconds", "1"));
const flows = option("flows", "ours,sdk").split(",");
const strategies = option("strategies", "job,notifications").split(",");
const protocols = option("protocols", "json,xml").split(",");
/** Writes the measured rows here after each row (so parallel partial runs can be joined). */
const rowsOut = option("rows-out", "");
/** Measures nothing: renders the rows of these files (written by --rows-out) into the results. */
const rowsIn = option("rows-in", "").split(",").filter(Boolean);
/** The limit the simulator enforces: InterNetX's documented 3 requests per second and IP. */
const requestsPerSecond = 3;
const repositoryRoot = join(__dirname, "..", "..");

const testContact = {
    fname: "Ada",
    lname: "Lovelace",
    phone: "+49-941-1234560",
    email: "ada@example.com",
    organization: "Example GmbH",
    address: ["Maximilianstrasse 36"],
    pcode: "93047",
    city: "Regensburg",
    country: "DE",
};

/** A simulator of its own for each scenario: no notifications or jobs of an earlier scenario in its way. */
async function freshSimulator(): Promise<RunningSimulator> {
    const options: SimulatorOptions & { requestsPerSecond: number } = {
        issuanceDelayMs: issuanceMs,
        latencyMs,
        requestsPerSecond,
    };
    return startSimulator(options);
}

function endpoints(simulator: RunningSimulator) {
    return {
        url: simulator.url,
        xmlUrl: simulator.xmlUrl,
        adminUrl: simulator.adminUrl,
        user: simulator.user,
        password: simulator.password,
        context: simulator.context,
    };
}

/** The contact every certificate of a scenario names; then a pause, so the child starts with the whole window. */
async function createContact(simulator: RunningSimulator): Promise<string> {
    const client = new Client({
        url: simulator.url,
        user: simulator.user,
        password: simulator.password,
        context: simulator.context,
        requestsPerSecond,
    });
    const id = (await client.sslcontact.create(testContact)).id;
    await client.close();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    return id;
}

function inChild(scenario: Scenario): Promise<ChildResult> {
    return new Promise((resolve, reject) => {
        const child = fork(join(__dirname, "child.js"), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
        let settled = false;
        child.once("message", (message: { result?: ChildResult; error?: string }) => {
            settled = true;
            if (message.result) resolve(message.result);
            else reject(new Error(message.error));
        });
        child.once("exit", (code) => {
            if (!settled) reject(new Error(`the measuring process exited with ${code} before answering`));
        });
        child.send(scenario);
    });
}

function row(
    flow: string,
    n: number,
    strategy: string,
    protocol: "json" | "xml",
    measured: {
        wallMs: number;
        counts: ChildResult["counts"];
        previewRequests?: number;
        peakRssMb: number;
        orderReferences: boolean;
        floorMs?: number;
    },
): MeasuredRow {
    return {
        flow,
        n,
        strategy,
        protocol,
        wallSeconds: Math.round(measured.wallMs / 10) / 100,
        boundSeconds: n + issuanceMs / 1000,
        requestsPerCertificate: Math.round((measured.counts.requests / n) * 100) / 100,
        previewRequests: measured.previewRequests ?? null,
        peakRssMb: measured.peakRssMb,
        orderReferences: measured.orderReferences,
        floorSeconds: measured.floorMs === undefined ? null : Math.round(measured.floorMs / 10) / 100,
        requestsByTask: measured.counts.requestsByTask,
        refused: measured.counts.refused,
    };
}

function describe(measured: MeasuredRow): string {
    const floor = measured.floorSeconds === null ? "" : `, floor ${measured.floorSeconds.toFixed(1)} s`;
    return `${measured.flow} ${measured.strategy}/${measured.protocol} N=${measured.n}: ${measured.wallSeconds.toFixed(1)} s (bound ${measured.boundSeconds} s${floor}), order references ${measured.orderReferences ? "yes" : "no"}, ${measured.requestsPerCertificate.toFixed(2)} requests/certificate, ${measured.refused} refused, peak RSS ${measured.peakRssMb} MB`;
}

async function main(): Promise<void> {
    const rows: MeasuredRow[] = [];
    let label = 0;
    const measure = async (
        kind: Scenario["kind"],
        count: number,
        strategy: Scenario["strategy"],
        protocol: "json" | "xml",
    ) => {
        const simulator = await freshSimulator();
        try {
            const contactId = await createContact(simulator);
            const result = await inChild({
                kind,
                simulator: endpoints(simulator),
                count,
                strategy,
                protocol,
                pollIntervalSeconds,
                contactId,
                label: `${kind}${label++}`,
            });
            const measured = row(
                kind === "ours" ? "pulumi-sslmanager" : "js-domainrobot-sdk",
                count,
                strategy,
                protocol,
                result,
            );
            rows.push(measured);
            console.log(describe(measured));
            if (rowsOut) writeFileSync(rowsOut, JSON.stringify(rows));
        } finally {
            await simulator.close();
        }
    };
    for (const file of rowsIn) rows.push(...(JSON.parse(readFileSync(file, "utf8")) as MeasuredRow[]));
    for (const count of rowsIn.length > 0 ? [] : counts) {
        if (flows.includes("ours"))
            for (const protocol of ["json", "xml"] as const)
                for (const strategy of ["job", "notifications"] as const)
                    if (protocols.includes(protocol) && strategies.includes(strategy))
                        await measure("ours", count, strategy, protocol);
        for (const strategy of ["sequential", "concurrent"] as const)
            if (flows.includes("sdk") || flows.includes(`sdk-${strategy}`))
                await measure("sdk", count, strategy, "json");
    }
    const cliScenarios: [string, typeof measureCli][] = [
        ["pulumi up (real CLI)", measureCli],
        ["pulumi up (real CLI, YAML, native provider)", measureNativeCli],
    ];
    for (const [flow, measureScenario] of cliCount > 0 && rowsIn.length === 0 ? cliScenarios : []) {
        const simulator = await freshSimulator();
        try {
            const measurement: CliMeasurement = await measureScenario(
                endpoints(simulator),
                cliCount,
                pollIntervalSeconds,
            );
            const measured = row(flow, cliCount, "job", "json", measurement);
            rows.push(measured);
            console.log(describe(measured));
            if (rowsOut) writeFileSync(rowsOut, JSON.stringify(rows));
        } finally {
            await simulator.close();
        }
    }
    if (rowsOut) return;
    const order = (row: MeasuredRow) =>
        [
            row.n,
            row.flow.startsWith("pulumi up") ? 2 : row.flow === "js-domainrobot-sdk" ? 1 : 0,
            row.protocol,
            row.strategy,
        ].join("|");
    rows.sort((left, right) => left.n - right.n || order(left).localeCompare(order(right)));

    const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${Math.round(totalmem() / 1073741824)} GiB, Node.js ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end`;
    const setting = [
        `Run ${new Date().toISOString()} on ${machine}. Simulator: at most ${requestsPerSecond} requests in any one-second window per client address (more are refused with HTTP 429), ${latencyMs} ms latency per request, issuance time T = ${issuanceMs / 1000} s, a fresh simulator per row.`,
        `Poll interval ${pollIntervalSeconds} s for every flow. Each client runs in a process of its own: peak RSS is that process's (the provider's; under the real CLI the dynamic-provider process's VmHWM), never the simulator's.`,
        "The bound N + T: three requests per certificate (prepare, create, one read) at three per second, plus the issuance time. Wall time includes key generation.",
        "Every pulumi-sslmanager row goes the SDK's way: its creates carry the hidden `orderReference` input the SDK computes, so each looks for an order placed under it before ordering (order references: yes).",
        "The real-CLI rows' floor is the same `pulumi up` of a stack with no certificate, measured in the same run (the CLI, the language host, the program and the provider process starting, and the contact); their ratio is (wall − floor) / bound.",
        `The real CLI runs at most 4 × CPUs resource operations at once unless told otherwise (\`pulumi up --parallel\`, Pulumi's defaultParallel: ${cpus().length * 4} here), so under it the creates of a fleet arrive a few at a time as earlier ones finish, and each group shares its own lookup and status rounds.`,
        "Two real-CLI rows: the TypeScript program (examples/fleet) on the SDK's dynamic provider, whose process is Pulumi's own dynamic-provider server (Node.js with @pulumi/pulumi loaded takes about 126 MB before any code of this provider runs), and the same fleet as a YAML program on the native provider (the plugin every other language uses).",
    ].join(" ");
    const directory = join(repositoryRoot, "bench", "results");
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, "results.json"), `${JSON.stringify(resultRows(rows), null, 2)}\n`);
    writeFileSync(join(directory, "chart.svg"), chartSvg(resultRows(rows), issuanceMs / 1000));
    writeFileSync(join(directory, "results.md"), `${resultsMarkdown(rows, setting, "chart.svg")}\n`);
    const readmePath = join(repositoryRoot, "README.md");
    writeFileSync(
        readmePath,
        replaceBetween(
            readFileSync(readmePath, "utf8"),
            "<!-- benchmark results: start -->",
            "<!-- benchmark results: end -->",
            resultsMarkdown(rows, setting, "bench/results/chart.svg"),
        ),
    );
    console.log(resultsMarkdown(rows, setting, "bench/results/chart.svg"));
}

void main().then(
    () => process.exit(0),
    (error) => {
        console.error(error);
        process.exit(1);
    },
);
