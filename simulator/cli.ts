#!/usr/bin/env node
import { startSimulator } from "./internetx";
import { startIspmanagerSimulator } from "./ispmanager";

/**
 * `npm run simulator -- --port 8443 [--ispmanager-port 8444] [--issuance-delay-ms 1500] [--latency-ms 0]`: starts the
 * InterNetX simulator and the BILLmanager simulator and prints one JSON line with their URLs and credentials
 * (InterNetX at the top level, BILLmanager under `ispmanager`); runs until SIGINT/SIGTERM.
 */
function option(name: string): number | undefined {
    const index = process.argv.indexOf(`--${name}`);
    return index >= 0 ? Number(process.argv[index + 1]) : undefined;
}

async function main(): Promise<void> {
    const simulator = await startSimulator({
        port: option("port") ?? 0,
        issuanceDelayMs: option("issuance-delay-ms"),
        latencyMs: option("latency-ms"),
        password: process.env.SIMULATOR_PASSWORD,
    });
    const billing = await startIspmanagerSimulator({
        port: option("ispmanager-port") ?? 0,
        password: process.env.SIMULATOR_PASSWORD,
    });
    const { url, xmlUrl, adminUrl, user, password, context } = simulator;
    const ispmanager = { url: billing.url, adminUrl: billing.adminUrl, user: billing.user, password: billing.password };
    process.stdout.write(`${JSON.stringify({ url, xmlUrl, adminUrl, user, password, context, ispmanager })}\n`);
    const stop = () => void Promise.all([simulator.close(), billing.close()]).then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
}

void main().catch((error) => {
    process.stderr.write(`simulator failed to start: ${(error as Error).message}\n`);
    process.exit(1);
});
