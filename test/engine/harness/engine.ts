import * as grpc from "@grpc/grpc-js";

// The SDK's own generated protobuf code (CommonJS, no typings needed for these few calls).
const engineService = require("@pulumi/pulumi/proto/engine_grpc_pb.js");
const emptyProto = require("google-protobuf/google/protobuf/empty_pb.js");

export interface EngineLogEntry {
    severity: number;
    message: string;
}

/** A minimal engine: the dynamic-provider process sends its log lines here (Log RPC). */
export class FakeEngine {
    readonly logs: EngineLogEntry[] = [];
    private readonly server = new grpc.Server();
    address = "";

    async start(): Promise<this> {
        this.server.addService(engineService.EngineService, {
            log: (call: { request: { getSeverity(): number; getMessage(): string } }, callback: grpc.sendUnaryData<unknown>) => {
                this.logs.push({ severity: call.request.getSeverity(), message: call.request.getMessage() });
                callback(null, new emptyProto.Empty());
            },
            getRootResource: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback({ code: grpc.status.UNIMPLEMENTED }, null),
            setRootResource: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback({ code: grpc.status.UNIMPLEMENTED }, null),
            startDebugging: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback(null, new emptyProto.Empty()),
            requirePulumiVersion: (_call: unknown, callback: grpc.sendUnaryData<unknown>) => callback(null, new emptyProto.Empty()),
        });
        const port = await new Promise<number>((resolve, reject) =>
            this.server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
        );
        this.address = `127.0.0.1:${port}`;
        return this;
    }

    stop(): Promise<void> {
        return new Promise((resolve) => this.server.tryShutdown(() => resolve()));
    }
}
