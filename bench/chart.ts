import * as echarts from "echarts";
import type { ResultRow } from "./row";

interface Line {
    name: string;
    match: (row: ResultRow) => boolean;
    dashed?: boolean;
}

const lines: Line[] = [
    {
        name: "ours, job, JSON",
        match: (row) => row.flow === "pulumi-sslmanager" && row.strategy === "job" && row.protocol === "json",
    },
    {
        name: "ours, job, XML",
        match: (row) => row.flow === "pulumi-sslmanager" && row.strategy === "job" && row.protocol === "xml",
    },
    {
        name: "ours, notifications, JSON",
        match: (row) => row.flow === "pulumi-sslmanager" && row.strategy === "notifications" && row.protocol === "json",
    },
    {
        name: "ours, notifications, XML",
        match: (row) => row.flow === "pulumi-sslmanager" && row.strategy === "notifications" && row.protocol === "xml",
    },
    {
        name: "js-domainrobot-sdk, sequential",
        match: (row) => row.flow === "js-domainrobot-sdk" && row.strategy === "sequential",
    },
    {
        name: "js-domainrobot-sdk, concurrent",
        match: (row) => row.flow === "js-domainrobot-sdk" && row.strategy === "concurrent",
    },
    {
        name: "ours through pulumi up (TypeScript, dynamic provider)",
        match: (row) => row.flow === "pulumi up (real CLI)",
    },
    {
        name: "ours through pulumi up (YAML, native provider)",
        match: (row) => row.flow === "pulumi up (real CLI, YAML, native provider)",
    },
];

/**
 * Two panels over N (log scale): wall time with the bound N + T as a dashed line (and, at the real CLI's N, its
 * floor and the floor plus the bound), and requests per certificate.
 * Apache ECharts renders the SVG on the server side (no canvas, no native code).
 */
export function chartSvg(rows: ResultRow[], issuanceSeconds: number): string {
    const counts = [...new Set(rows.map((row) => row.n))].sort((left, right) => left - right);
    const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: 1100, height: 520 });
    const xAxis = (gridIndex: number) => ({
        gridIndex,
        type: "log" as const,
        logBase: 10,
        min: 1,
        max: Math.max(...counts) * 1.2,
        name: "certificates in one run, N (log scale)",
        nameLocation: "middle" as const,
        nameGap: 28,
    });
    const bound = counts.map((count) => [count, count + issuanceSeconds]);
    // The real CLI's floor (the same `pulumi up` with no certificate) and the bound above it, at the CLI row's N.
    const floored = rows.filter((row) => row.floorSeconds !== null);
    const floorName = "pulumi up with no certificate (floor)";
    const flooredBoundName = "floor + N + T";
    const drawn = lines.filter((line) => rows.some(line.match));
    const series = drawn.flatMap((line) => {
        const points = rows.filter(line.match).sort((left, right) => left.n - right.n);
        if (points.length === 0) return [];
        return [
            {
                name: line.name,
                type: "line" as const,
                xAxisIndex: 0,
                yAxisIndex: 0,
                data: points.map((row) => [row.n, row.wallSeconds]),
                symbolSize: 7,
            },
            {
                name: line.name,
                type: "line" as const,
                xAxisIndex: 1,
                yAxisIndex: 1,
                data: points.map((row) => [row.n, row.requestsPerCertificate]),
                symbolSize: 7,
            },
        ];
    });
    chart.setOption({
        animation: false,
        backgroundColor: "#ffffff",
        title: [
            { text: "Wall time against N", left: "5%", top: 8, textStyle: { fontSize: 15 } },
            { text: "Requests per certificate against N", left: "55%", top: 8, textStyle: { fontSize: 15 } },
        ],
        legend: {
            bottom: 4,
            data: [
                ...drawn.map((line) => line.name),
                `bound N + T (T = ${issuanceSeconds} s)`,
                ...(floored.length > 0 ? [floorName, flooredBoundName] : []),
            ],
        },
        grid: [
            { left: "6%", width: "40%", top: 60, bottom: 110 },
            { left: "56%", width: "40%", top: 60, bottom: 110 },
        ],
        xAxis: [xAxis(0), xAxis(1)],
        yAxis: [
            {
                gridIndex: 0,
                type: "log",
                logBase: 10,
                name: "wall time, seconds (log scale)",
                nameLocation: "middle",
                nameGap: 40,
            },
            {
                gridIndex: 1,
                type: "value",
                min: 0,
                name: "requests per certificate",
                nameLocation: "middle",
                nameGap: 30,
            },
        ],
        series: [
            ...series,
            {
                name: `bound N + T (T = ${issuanceSeconds} s)`,
                type: "line",
                xAxisIndex: 0,
                yAxisIndex: 0,
                data: bound,
                symbol: "none",
                lineStyle: { type: "dashed", color: "#333333" },
                itemStyle: { color: "#333333" },
            },
            ...(floored.length > 0
                ? [
                      {
                          name: floorName,
                          type: "scatter" as const,
                          xAxisIndex: 0,
                          yAxisIndex: 0,
                          data: floored.map((row) => [row.n, row.floorSeconds]),
                          symbol: "rect",
                          symbolSize: 10,
                          itemStyle: { color: "#777777" },
                      },
                      {
                          name: flooredBoundName,
                          type: "scatter" as const,
                          xAxisIndex: 0,
                          yAxisIndex: 0,
                          data: floored.map((row) => [row.n, row.floorSeconds! + row.boundSeconds]),
                          symbol: "triangle",
                          symbolSize: 11,
                          itemStyle: { color: "#333333" },
                      },
                  ]
                : []),
        ],
    });
    const svg = chart.renderToSVGString();
    chart.dispose();
    return svg;
}
