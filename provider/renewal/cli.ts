#!/usr/bin/env node
import { certificateStandings } from "./overdue";

/**
 * `pulumi stack export | pulumi-sslmanager-renewal-check`: for a scheduled pipeline, after `pulumi up`. Prints one
 * line per certificate and exits 1 when any is inside its renewal window, i.e. `pulumi up` could not renew it.
 */
async function main(): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const standings = certificateStandings(JSON.parse(Buffer.concat(chunks).toString("utf8")), new Date());
    for (const standing of standings) {
        const state = standing.overdue ? "RENEWAL OVERDUE" : "ok";
        console.log(
            `${state}  ${standing.name}  not after ${standing.notAfter ?? "(not issued yet)"}, renewal due ${standing.renewBeforeDays} days before${standing.status === "PENDING" ? ", an order is pending" : ""}`,
        );
    }
    const overdue = standings.filter((standing) => standing.overdue);
    if (standings.length === 0) console.log("no certificates in this stack");
    if (overdue.length > 0) {
        console.error(
            `${overdue.length} certificate(s) inside the renewal window after pulumi up: ${overdue.map((standing) => standing.name).join(", ")}`,
        );
        process.exit(1);
    }
}

void main().catch((error) => {
    console.error(`renewal check failed: ${(error as Error).message}`);
    process.exit(2);
});
