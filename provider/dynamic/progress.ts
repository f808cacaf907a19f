import { EngineLog, EngineLogSeverity } from "../native/engineLog";

/**
 * Progress lines of one resource operation, attached to the resource. In the dynamic-provider process the SDK's log
 * has no engine connection (it prints `info: [runtime] …`, which `pulumi up` shows under the Stack), so the lines go
 * to the engine's Log service directly, with the resource's URN; the engine's address is the process's first
 * argument (`@pulumi/pulumi/cmd/dynamic-provider <engine address>`). Without a URN (state written by 0.1.0 before its
 * first update) or an engine, the line goes where it went before.
 */
let engineLog: EngineLog | undefined;

function engineAddress(): string | undefined {
    const candidate = process.argv[2];
    return candidate && /^[\w.-]+:\d+$/.test(candidate) && /dynamic-provider/.test(process.argv[1] ?? "")
        ? candidate
        : undefined;
}

export function resourceProgressLog(
    urn: unknown,
    fallback: (message: string) => void,
    severity: EngineLogSeverity = "INFO",
): (message: string) => void {
    const address = engineAddress();
    if (typeof urn !== "string" || !urn.startsWith("urn:pulumi:") || !address) return fallback;
    engineLog ??= new EngineLog(address);
    return engineLog.for(urn, severity);
}
