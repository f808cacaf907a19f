import * as grpc from "@grpc/grpc-js";

// The SDK's own generated protobuf code (CommonJS, no typings needed for these few calls).
const engineService = require("@pulumi/pulumi/proto/engine_grpc_pb.js");
const emptyProto = require("google-protobuf/google/protobuf/empty_pb.js");

export interface EngineLogEntry {
    severity: number;
    message: string;
    urn: string;
}

/** pulumirpc.LogSeverity, as the engine's Log RPC receives it. */
export const logSeverity = { debug: 0, info: 1, warning: 2, error: 3 } as const;

/** A minimal engine: the dynamic-provider process sends its log lines here (Log RPC). */
export class FakeEngine {
    readonly logs: EngineLogEntry[] = [];
    private readonly waiting: { matches(entry: EngineLogEntry): boolean; resolve(entry: EngineLogEntry): void }[] = [];
    private readonly server = new grpc.Server();
    address = "";

    async start(): Promise<this> {
        this.server.addService(engineService.EngineService, {
            log: (
                call: { request: { getSeverity(): number; getMessage(): string; getUrn(): string } },
                callback: grpc.sendUnaryData<unknown>,
            ) => {
                const entry = {
                    severity: call.request.getSeverity(),
                    message: call.request.getMessage(),
                    urn: call.request.getUrn(),
                };
                this.logs.push(entry);
                for (const waiter of this.waiting.filter((candidate) => candidate.matches(entry))) {
                    this.waiting.splice(this.waiting.indexOf(waiter), 1);
                    waiter.resolve(entry);
                }
                callback(null, new emptyProto.Empty());
            },
            getRootResource: (_call: unknown, callback: grpc.sendUnaryData<unknown>) =>
                callback({ code: grpc.status.UNIMPLEMENTED }, null),
            setRootResource: (_call: unknown, callback: grpc.sendUnaryData<unknown>) =>
                callback({ code: grpc.status.UNIMPLEMENTED }, null),
            startDebugging: (_call: unknown, callback: grpc.sendUnaryData<unknown>) =>
                callback(null, new emptyProto.Empty()),
            requirePulumiVersion: (_call: unknown, callback: grpc.sendUnaryData<unknown>) =>
                callback(null, new emptyProto.Empty()),
        });
        const port = await new Promise<number>((resolve, reject) =>
            this.server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
                error ? reject(error) : resolve(bound),
            ),
        );
        this.address = `127.0.0.1:${port}`;
        return this;
    }

    /**
     * The first line that matches, received or still to come: a provider sends its lines without waiting for them, so a
     * line may arrive just after the call's answer. The test's own timeout bounds the wait.
     */
    logged(matches: (entry: EngineLogEntry) => boolean): Promise<EngineLogEntry> {
        const received = this.logs.find(matches);
        return received ? Promise.resolve(received) : new Promise((resolve) => this.waiting.push({ matches, resolve }));
    }

    stop(): Promise<void> {
        return new Promise((resolve) => this.server.tryShutdown(() => resolve()));
    }
}
