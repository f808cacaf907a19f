import { startSimulator } from "./internetx";

/**
 * `npm run simulator -- --port 8443 [--issuance-delay-ms 1500] [--latency-ms 0]`: starts the InterNetX simulator and
 * prints one JSON line with its URLs and credentials; runs until SIGINT/SIGTERM.
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
    const { url, xmlUrl, adminUrl, user, password, context } = simulator;
    process.stdout.write(`${JSON.stringify({ url, xmlUrl, adminUrl, user, password, context })}\n`);
    const stop = () => void simulator.close().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
}

void main().catch((error) => {
    process.stderr.write(`simulator failed to start: ${(error as Error).message}\n`);
    process.exit(1);
});
