import type { MeasuredRow, ResultRow } from "./row";

const seconds = (value: number) => value.toFixed(1);

function byTask(row: MeasuredRow): string {
    return Object.entries(row.requestsByTask)
        .sort(([, left], [, right]) => right - left)
        .map(([task, number]) => `${task} ${(number / row.n).toFixed(2)}`)
        .join(", ");
}

/** The rows of results.json: exactly the fields the results file promises, in that order. */
export function resultRows(rows: MeasuredRow[]): ResultRow[] {
    return rows.map(
        ({
            flow,
            n,
            strategy,
            protocol,
            wallSeconds,
            boundSeconds,
            requestsPerCertificate,
            previewRequests,
            peakRssMb,
            orderReferences,
            floorSeconds,
        }) => ({
            flow,
            n,
            strategy,
            protocol,
            wallSeconds,
            boundSeconds,
            requestsPerCertificate,
            previewRequests,
            peakRssMb,
            orderReferences,
            floorSeconds,
        }),
    );
}

/** The markdown of the results: how it was measured, the table, and the chart. */
export function resultsMarkdown(rows: MeasuredRow[], setting: string, chartPath: string): string {
    return [
        setting,
        "",
        "| flow | N | strategy | protocol | order references | wall s | floor s | bound N + T s | (wall − floor) / bound | requests / certificate | by task, per certificate | refused (429) | preview requests | peak RSS MB |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        ...rows.map(
            (row) =>
                `| ${row.flow} | ${row.n} | ${row.strategy} | ${row.protocol} | ${row.orderReferences ? "yes" : "no"} | ${seconds(row.wallSeconds)} | ${row.floorSeconds === null ? "–" : seconds(row.floorSeconds)} | ${seconds(row.boundSeconds)} | ${((row.wallSeconds - (row.floorSeconds ?? 0)) / row.boundSeconds).toFixed(2)} | ${row.requestsPerCertificate.toFixed(2)} | ${byTask(row)} | ${row.refused} | ${row.previewRequests ?? "–"} | ${row.peakRssMb.toFixed(0)} |`,
        ),
        "",
        `![wall time and requests per certificate against N, with the bound N + T and the real CLI's floor](${chartPath})`,
    ].join("\n");
}

/** Replaces what stands between the two markers of `document` (the README's benchmark section). */
export function replaceBetween(document: string, start: string, end: string, content: string): string {
    const from = document.indexOf(start);
    const to = document.indexOf(end);
    if (from < 0 || to < from) throw new Error(`markers ${start} … ${end} not found`);
    return `${document.slice(0, from + start.length)}\n${content}\n${document.slice(to)}`;
}
