import type { ProgressLog } from "../lifecycle/context";
import { sdkGrpc } from "./sdkModules";

/** The engine's LogSeverity values this provider sends (pulumirpc.LogSeverity). */
export type EngineLogSeverity = "INFO" | "WARNING";

/**
 * Progress lines sent to the engine's Log service with the resource's URN, so `pulumi up` shows them under the
 * resource (a dynamic provider's lines land on the stack). The engine's address is the provider's first argument.
 * Lines never carry secrets (the lifecycle's log contract).
 */
export class EngineLog {
    private readonly client:
        { log(request: unknown, callback: (error: Error | null) => void): void; close(): void } | undefined;
    private readonly proto: {
        LogRequest: new () => {
            setSeverity(value: number): unknown;
            setMessage(value: string): unknown;
            setUrn(value: string): unknown;
        };
        LogSeverity: Record<EngineLogSeverity, number>;
    };

    /** `grpc`: the SDK's @grpc/grpc-js (the bundle of the plugin tarball hands in its own copy). */
    constructor(engineAddress: string | undefined, grpc: typeof import("@grpc/grpc-js") = sdkGrpc()) {
        // The SDK's generated gRPC code for pulumirpc.Engine (the same files the SDK's own log module uses).
        this.proto = require("@pulumi/pulumi/proto/engine_pb");
        const services = require("@pulumi/pulumi/proto/engine_grpc_pb");
        this.client = engineAddress
            ? new services.EngineClient(engineAddress, grpc.credentials.createInsecure())
            : undefined;
    }

    /** Lines of one resource; WARNING lines show as `warning:` under the resource and in the CLI's diagnostics. */
    for(urn: string, severity: EngineLogSeverity = "INFO"): ProgressLog {
        return (message) => {
            if (!this.client) return;
            const request = new this.proto.LogRequest();
            request.setSeverity(this.proto.LogSeverity[severity]);
            request.setMessage(message);
            request.setUrn(urn);
            // Informational: a line the engine did not take is not worth failing an operation for.
            this.client.log(request, () => undefined);
        };
    }

    close(): void {
        this.client?.close();
    }
}
