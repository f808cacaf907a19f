import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { certificateProvider } from "../provider/dynamic/providers";
import { startSimulator } from "../simulator/internetx";
import { Raster, Color } from "./png";
import { measureBaseline, measureOurs, Measurement } from "./scenarios";

/**
 * `npm run bench`: this provider against the documented flow with InterNetX's own SDK, on the simulator with an
 * injected per-request latency and issuance time T. Writes bench/results/results.md and bench/results/chart.png.
 * Options: --latency-ms (30), --issuance-ms (2000), --counts 1,10,50, --poll-seconds (1, the same for both).
 */
function option(name: string, fallback: string): string {
    const index = process.argv.indexOf(`--${name}`);
    return index >= 0 ? process.argv[index + 1] : fallback;
}

const latencyMs = Number(option("latency-ms", "30"));
const issuanceMs = Number(option("issuance-ms", "2000"));
const counts = option("counts", "1,10,50").split(",").map(Number);
const pollSeconds = Number(option("poll-seconds", "1"));

interface Row {
    flow: string;
    count: number;
    strategy: string;
    protocol: string;
    measurement: Measurement & { previewRequests?: number; previewMs?: number; refreshRequests?: number; refreshMs?: number };
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

function byTask(measurement: Measurement, count: number): string {
    return Object.entries(measurement.requestsByTask)
        .sort(([left], [right]) => left.localeCompare(right))
        .map(([task, number]) => `${task} ${(number / count).toFixed(1)}`)
        .join(", ");
}

async function main(): Promise<void> {
    const rows: Row[] = [];
    const simulator = await startSimulator({ issuanceDelayMs: issuanceMs, latencyMs });
    const pulumi = await import("@pulumi/pulumi");
    const serialized = await pulumi.runtime.serializeFunction(() => certificateProvider);
    let label = 0;
    for (const count of counts) {
        for (const protocol of ["json", "xml"] as const) {
            for (const strategy of ["job", "notifications"] as const) {
                const measurement = await measureOurs(simulator, count, strategy, protocol, pollSeconds, `ours${label++}`);
                rows.push({ flow: "pulumi-sslmanager", count, strategy, protocol, measurement });
                console.log(`ours ${strategy}/${protocol} N=${count}: ${seconds(measurement.wallMs)}s, ${(measurement.requests / count).toFixed(1)} requests/certificate`);
            }
        }
        for (const concurrent of [false, true]) {
            const measurement = await measureBaseline(simulator, count, concurrent, pollSeconds, `baseline${label++}`);
            rows.push({ flow: `js-domainrobot-sdk (${concurrent ? "concurrent" : "sequential"})`, count, strategy: "poll", protocol: "json", measurement });
            console.log(`baseline ${concurrent ? "concurrent" : "sequential"} N=${count}: ${seconds(measurement.wallMs)}s, ${(measurement.requests / count).toFixed(1)} requests/certificate`);
        }
    }
    await simulator.close();

    const machine = `${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${Math.round(totalmem() / 1073741824)} GiB, Node.js ${process.version}`;
    const lines = [
        `Run ${new Date().toISOString()} on ${machine}. Simulator: ${latencyMs} ms latency per request, issuance time T = ${seconds(issuanceMs)} s; poll interval ${pollSeconds} s for both flows (ours backs off ×1.5). One process; wall time includes key generation for ours.`,
        `Serialized provider in state: ${serialized.text.length} characters. Peak memory is the resident set of the benchmark process (provider code and simulator together).`,
        "",
        "| flow | N | wait | protocol | wall s | wall / T | requests / certificate | by task (per certificate) | preview requests | refresh s | peak RSS MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
        ...rows.map(({ flow, count, strategy, protocol, measurement }) =>
            `| ${flow} | ${count} | ${strategy} | ${protocol} | ${seconds(measurement.wallMs)} | ${(measurement.wallMs / issuanceMs).toFixed(2)} | ${(measurement.requests / count).toFixed(1)} | ${byTask(measurement, count)} | ${measurement.previewRequests ?? "–"} | ${measurement.refreshMs === undefined ? "–" : seconds(measurement.refreshMs)} | ${measurement.peakRssMb} |`,
        ),
        "",
        "Ours against the baseline (JSON, job strategy):",
        "",
        "| N | wall: ours / sequential | wall: ours / concurrent | requests: ours / sequential | requests: ours / concurrent |",
        "|---|---|---|---|---|",
        ...counts.map((count) => {
            const ours = rows.find((row) => row.count === count && row.flow === "pulumi-sslmanager" && row.strategy === "job" && row.protocol === "json")!.measurement;
            const sequential = rows.find((row) => row.count === count && row.flow.includes("sequential"))!.measurement;
            const concurrent = rows.find((row) => row.count === count && row.flow.includes("(concurrent)"))!.measurement;
            return `| ${count} | ${(ours.wallMs / sequential.wallMs).toFixed(2)} | ${(ours.wallMs / concurrent.wallMs).toFixed(2)} | ${(ours.requests / sequential.requests).toFixed(2)} | ${(ours.requests / concurrent.requests).toFixed(2)} |`;
        }),
    ];
    const directory = join(__dirname, "..", "..", "bench", "results");
    writeFileSync(join(directory, "results.md"), `${lines.join("\n")}\n`);
    writeFileSync(join(directory, "chart.png"), chart(rows));
    console.log(lines.join("\n"));
}

/** Two panels: wall time vs N and requests per certificate vs N, ours against the baseline. */
function chart(rows: Row[]): Buffer {
    const raster = new Raster(1000, 440);
    const series: { name: string; color: Color; match: (row: Row) => boolean }[] = [
        { name: "OURS JOB", color: [31, 119, 180], match: (row) => row.flow === "pulumi-sslmanager" && row.strategy === "job" && row.protocol === "json" },
        { name: "OURS NOTIFY", color: [44, 160, 44], match: (row) => row.flow === "pulumi-sslmanager" && row.strategy === "notifications" && row.protocol === "json" },
        { name: "SDK SEQUENTIAL", color: [214, 39, 40], match: (row) => row.flow.includes("sequential") },
        { name: "SDK CONCURRENT", color: [255, 127, 14], match: (row) => row.flow.includes("(concurrent)") },
    ];
    const panels: { title: string; value: (row: Row) => number; left: number }[] = [
        { title: "WALL TIME S VS N", value: (row) => row.measurement.wallMs / 1000, left: 60 },
        { title: "REQUESTS/CERT VS N", value: (row) => row.measurement.requests / row.count, left: 560 },
    ];
    const top = 50;
    const width = 380;
    const height = 300;
    const maxCount = Math.max(...counts);
    for (const panel of panels) {
        const maximum = Math.max(...rows.map(panel.value)) * 1.1;
        raster.text(panel.left, 15, panel.title, [0, 0, 0], 2);
        raster.line(panel.left, top, panel.left, top + height, [0, 0, 0], 2);
        raster.line(panel.left, top + height, panel.left + width, top + height, [0, 0, 0], 2);
        for (let tick = 0; tick <= 4; tick++) {
            const y = top + height - (tick / 4) * height;
            raster.line(panel.left - 5, y, panel.left, y, [0, 0, 0], 1);
            raster.text(panel.left - 55, y - 6, ((maximum * tick) / 4).toFixed(maximum < 10 ? 1 : 0), [60, 60, 60], 2);
        }
        for (const count of counts) raster.text(panel.left + (count / maxCount) * width - 6, top + height + 8, String(count), [60, 60, 60], 2);
        for (const line of series) {
            const points = rows.filter(line.match).map((row) => [panel.left + (row.count / maxCount) * width, top + height - (panel.value(row) / maximum) * height]);
            for (let index = 1; index < points.length; index++) raster.line(points[index - 1][0], points[index - 1][1], points[index][0], points[index][1], line.color, 3);
            for (const [x, y] of points) raster.rectangle(x - 4, y - 4, 8, 8, line.color);
        }
    }
    series.forEach((line, index) => {
        raster.rectangle(60 + index * 230, 405, 14, 14, line.color);
        raster.text(80 + index * 230, 406, line.name, [0, 0, 0], 2);
    });
    return raster.toPng();
}

void main().then(
    () => process.exit(0),
    (error) => {
        console.error(error);
        process.exit(1);
    },
);
