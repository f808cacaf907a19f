import * as grpc from "@grpc/grpc-js";
import { ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

// The SDK's own generated protobuf code, as the engine uses it.
const providerService = require("@pulumi/pulumi/proto/provider_grpc_pb.js");
const providerProto = require("@pulumi/pulumi/proto/provider_pb.js");
const structProto = require("google-protobuf/google/protobuf/struct_pb.js");
const statusProto = require("@pulumi/pulumi/proto/status_pb.js");

/** The engine's marker for secret values inside a Struct (sdk/go/common/resource/sig). */
export const secretSignature = "1b47061264138c4ac30d75fd1eb44270";
export const unknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export function secret(value: unknown): Record<string, unknown> {
    return { "4dabf18193072939515e22adb298388d": secretSignature, value };
}

export type Properties = Record<string, unknown>;

/** The engine strips secret markers before calling a provider that answered Configure with acceptSecrets false. */
export function withoutSecrets(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(withoutSecrets);
    if (value !== null && typeof value === "object") {
        const record = value as Record<string, unknown>;
        if (record["4dabf18193072939515e22adb298388d"] === secretSignature) return withoutSecrets(record.value);
        return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, withoutSecrets(item)]));
    }
    return value;
}

export interface InitializationFailure {
    message: string;
    id: string;
    properties: Properties;
    reasons: string[];
}

/** A failed provider call: the gRPC message, plus ErrorResourceInitFailed details when the provider sent them. */
export class ProviderCallError extends Error {
    constructor(
        message: string,
        readonly initializationFailure?: InitializationFailure,
    ) {
        super(message);
    }
}

/**
 * The SDK's real dynamic-provider server (`@pulumi/pulumi/cmd/dynamic-provider`) as a child process in the program
 * directory, driven over gRPC with the SDK's protobuf definitions, the way the engine drives it.
 */
export class ProviderServer {
    private process?: ChildProcess;
    private client?: any;
    readonly output: string[] = [];
    readonly urnPrefix = "urn:pulumi:test::engine-path-program::";

    constructor(
        protected readonly programDirectory: string,
        protected readonly engineAddress: string,
        protected readonly environment: Record<string, string> = {},
    ) {}

    /** The provider process: the SDK's dynamic-provider server, started as the engine starts it. */
    protected spawnProvider(): ChildProcess {
        const entry = require.resolve("@pulumi/pulumi/cmd/dynamic-provider/index.js", {
            paths: [this.programDirectory],
        });
        return spawn(process.execPath, [entry, this.engineAddress], {
            cwd: this.programDirectory,
            env: {
                ...process.env,
                PULUMI_NODEJS_ENGINE: this.engineAddress,
                PULUMI_NODEJS_PROJECT: "engine-path-program",
                PULUMI_NODEJS_STACK: "test",
                ...this.environment,
            },
            stdio: ["ignore", "pipe", "pipe"],
        });
    }

    async start(): Promise<this> {
        const child = this.spawnProvider();
        this.process = child;
        const port = await new Promise<string>((resolve, reject) => {
            let buffered = "";
            child.stdout!.on("data", (chunk: Buffer) => {
                const text = chunk.toString();
                this.output.push(text);
                buffered += text;
                const line = buffered.split("\n")[0];
                if (/^\d+$/.test(line.trim()) && buffered.includes("\n")) resolve(line.trim());
            });
            child.stderr!.on("data", (chunk: Buffer) => this.output.push(chunk.toString()));
            child.on("exit", (code) =>
                reject(new Error(`the provider process exited with ${code}: ${this.output.join("")}`)),
            );
        });
        this.client = new providerService.ResourceProviderClient(
            `127.0.0.1:${port}`,
            grpc.credentials.createInsecure(),
        );
        return this;
    }

    /** Kills the provider process at once (SIGKILL): no chance to report anything. */
    kill(): void {
        this.process?.kill("SIGKILL");
    }

    async stop(): Promise<void> {
        this.client?.close();
        if (this.process && this.process.exitCode === null && this.process.signalCode === null) {
            const exited = new Promise((resolve) => this.process!.once("exit", resolve));
            this.process.kill("SIGTERM");
            await exited;
        }
    }

    private call<T>(method: string, request: unknown): Promise<T> {
        return new Promise((resolve, reject) => {
            this.client[method](request, (error: grpc.ServiceError | null, response: T) => {
                if (error) reject(toCallError(error));
                else resolve(response);
            });
        });
    }

    urn(type: string, name: string): string {
        return `${this.urnPrefix}${type}::${name}`;
    }

    async configure(config: Properties): Promise<{ acceptSecrets: boolean }> {
        const request = new providerProto.ConfigureRequest();
        request.setArgs(structProto.Struct.fromJavaScript(config));
        for (const [key, value] of Object.entries(config)) {
            request
                .getVariablesMap()
                .set(
                    key,
                    typeof value === "object" ? JSON.stringify((value as { value: unknown }).value) : String(value),
                );
        }
        request.setAcceptsecrets(true);
        request.setAcceptresources(true);
        const response = await this.call<any>("configure", request);
        return { acceptSecrets: response.getAcceptsecrets() };
    }

    async check(
        urn: string,
        olds: Properties,
        news: Properties,
    ): Promise<{ inputs?: Properties; failures: { property: string; reason: string }[] }> {
        const request = new providerProto.CheckRequest();
        request.setUrn(urn);
        request.setOlds(structProto.Struct.fromJavaScript(olds));
        request.setNews(structProto.Struct.fromJavaScript(news));
        const response = await this.call<any>("check", request);
        const failures = response
            .getFailuresList()
            .map((failure: any) => ({ property: failure.getProperty(), reason: failure.getReason() }));
        return { inputs: response.getInputs()?.toJavaScript(), failures };
    }

    async create(urn: string, properties: Properties): Promise<{ id: string; properties: Properties }> {
        const request = new providerProto.CreateRequest();
        request.setUrn(urn);
        request.setProperties(structProto.Struct.fromJavaScript(properties));
        const response = await this.call<any>("create", request);
        return { id: response.getId(), properties: response.getProperties().toJavaScript() };
    }

    async diff(
        urn: string,
        id: string,
        olds: Properties,
        news: Properties,
    ): Promise<{ changes: "none" | "some" | "unknown"; replaces: string[] }> {
        const request = new providerProto.DiffRequest();
        request.setUrn(urn);
        request.setId(id);
        request.setOlds(structProto.Struct.fromJavaScript(olds));
        request.setNews(structProto.Struct.fromJavaScript(news));
        const response = await this.call<any>("diff", request);
        const changes = { 0: "unknown", 1: "none", 2: "some" }[response.getChanges() as 0 | 1 | 2] as
            "none" | "some" | "unknown";
        return { changes, replaces: response.getReplacesList() };
    }

    async update(urn: string, id: string, olds: Properties, news: Properties): Promise<{ properties: Properties }> {
        const request = new providerProto.UpdateRequest();
        request.setUrn(urn);
        request.setId(id);
        request.setOlds(structProto.Struct.fromJavaScript(olds));
        request.setNews(structProto.Struct.fromJavaScript(news));
        const response = await this.call<any>("update", request);
        return { properties: response.getProperties().toJavaScript() };
    }

    async read(
        urn: string,
        id: string,
        properties: Properties,
    ): Promise<{ id: string; properties: Properties; inputs?: Properties }> {
        const request = new providerProto.ReadRequest();
        request.setUrn(urn);
        request.setId(id);
        request.setProperties(structProto.Struct.fromJavaScript(properties));
        const response = await this.call<any>("read", request);
        return {
            id: response.getId(),
            properties: response.getProperties()?.toJavaScript() ?? {},
            inputs: response.getInputs()?.toJavaScript(),
        };
    }

    async delete(urn: string, id: string, properties: Properties): Promise<void> {
        const request = new providerProto.DeleteRequest();
        request.setUrn(urn);
        request.setId(id);
        request.setProperties(structProto.Struct.fromJavaScript(properties));
        await this.call<unknown>("delete", request);
    }
}

function toCallError(error: grpc.ServiceError): ProviderCallError {
    const details = error.metadata?.get("grpc-status-details-bin")?.[0];
    if (details) {
        const status = statusProto.Status.deserializeBinary(new Uint8Array(details as Buffer));
        for (const any of status.getDetailsList()) {
            if (any.getTypeName() === "pulumirpc.ErrorResourceInitFailed") {
                const failure = providerProto.ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8());
                return new ProviderCallError(error.details, {
                    message: error.details,
                    id: failure.getId(),
                    properties: failure.getProperties()?.toJavaScript() ?? {},
                    reasons: failure.getReasonsList(),
                });
            }
        }
    }
    return new ProviderCallError(error.details ?? error.message);
}

export const harnessDirectory = join(__dirname);
