/**
 * A Node.js language host for the Pulumi CLI (`pulumi-language-nodejs`), for machines where Pulumi's own cannot
 * be had: the Go module proxy here serves the CLI (`pkg/v3`) but refuses the language host's module
 * (docs/pulumi-cli.md). It implements the LanguageRuntime gRPC service with the SDK's own protobuf code and runs
 * programs exactly as Pulumi's host does: `node @pulumi/pulumi/cmd/run <program>` with the monitor and engine
 * addresses, the stack config in PULUMI_CONFIG, and TypeScript through the SDK's ts-node when the project asks for it.
 * Usage (by the CLI): pulumi-language-nodejs [flags] <engine address>
 */
import * as grpc from "@grpc/grpc-js";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const languageService = require("@pulumi/pulumi/proto/language_grpc_pb.js");
const languageProto = require("@pulumi/pulumi/proto/language_pb.js");
const pluginProto = require("@pulumi/pulumi/proto/plugin_pb.js");
const emptyProto = require("google-protobuf/google/protobuf/empty_pb.js");
const sdkVersion: string = require("@pulumi/pulumi/package.json").version;

const engineAddress =
    process.argv
        .slice(2)
        .filter((argument) => !argument.startsWith("-"))
        .pop() ?? "";

type Callback = grpc.sendUnaryData<unknown>;

function runProgram(request: any): Promise<{ error?: string; bail?: boolean }> {
    const info = request.getInfo();
    const programDirectory: string = info?.getProgramDirectory() || request.getPwd();
    const entryPoint: string = info?.getEntryPoint() || request.getProgram() || ".";
    const options = info?.getOptions()?.toJavaScript() ?? {};
    const runner = require.resolve("@pulumi/pulumi/cmd/run/index.js", { paths: [programDirectory, __dirname] });
    const config: Record<string, string> = {};
    request.getConfigMap().forEach((value: string, key: string) => (config[key] = value));
    const typescript = options.typescript ?? existsSync(join(programDirectory, "index.ts"));
    const args = [
        runner,
        "--monitor",
        request.getMonitorAddress(),
        "--engine",
        engineAddress,
        "--project",
        request.getProject(),
        "--stack",
        request.getStack(),
        "--pwd",
        request.getPwd(),
        "--organization",
        request.getOrganization(),
        "--root-directory",
        info?.getRootDirectory() || programDirectory,
        "--parallel",
        String(request.getParallel()),
        ...(request.getDryrun() ? ["--dry-run"] : []),
        ...(request.getQuerymode() ? ["--query-mode"] : []),
        entryPoint,
        ...request.getArgsList(),
    ];
    return new Promise((resolve) => {
        const child = spawn(process.execPath, args, {
            cwd: request.getPwd() || programDirectory,
            env: {
                ...process.env,
                PULUMI_CONFIG: JSON.stringify(config),
                PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(request.getConfigsecretkeysList()),
                PULUMI_NODEJS_TYPESCRIPT: String(Boolean(typescript)),
                ...(options.tsconfig ? { PULUMI_NODEJS_TSCONFIG_PATH: String(options.tsconfig) } : {}),
            },
            stdio: ["ignore", "inherit", "inherit"],
        });
        child.on("exit", (code, signal) => {
            // cmd/run exits with 32 when it already reported the error to the engine ("bail").
            if (code === 0) resolve({});
            else if (code === 32) resolve({ bail: true });
            else
                resolve({
                    error: `Program exited with ${signal ? `signal ${signal}` : `non-zero exit code: ${code}`}`,
                });
        });
    });
}

const unimplemented = (_call: unknown, callback: Callback) =>
    callback({ code: grpc.status.UNIMPLEMENTED, details: "not supported by this language host" }, null);

const implementation = {
    handshake: (_call: unknown, callback: Callback) => callback(null, new languageProto.LanguageHandshakeResponse()),
    getPluginInfo: (_call: unknown, callback: Callback) => {
        const info = new pluginProto.PluginInfo();
        info.setVersion(sdkVersion);
        callback(null, info);
    },
    getRequiredPlugins: (_call: unknown, callback: Callback) =>
        callback(null, new languageProto.GetRequiredPluginsResponse()),
    getRequiredPackages: (_call: unknown, callback: Callback) =>
        callback(null, new languageProto.GetRequiredPackagesResponse()),
    run: (call: { request: unknown }, callback: Callback) => {
        void runProgram(call.request).then((result) => {
            const response = new languageProto.RunResponse();
            if (result.error) response.setError(result.error);
            if (result.bail) response.setBail(true);
            callback(null, response);
        });
    },
    installDependencies: (call: grpc.ServerWritableStream<unknown, unknown>) => call.end(),
    runtimeOptionsPrompts: (_call: unknown, callback: Callback) =>
        callback(null, new languageProto.RuntimeOptionsResponse()),
    about: (_call: unknown, callback: Callback) => {
        const response = new languageProto.AboutResponse();
        response.setExecutable(process.execPath);
        response.setVersion(process.version);
        callback(null, response);
    },
    getProgramDependencies: (_call: unknown, callback: Callback) =>
        callback(null, new languageProto.GetProgramDependenciesResponse()),
    cancel: (_call: unknown, callback: Callback) => callback(null, new emptyProto.Empty()),
    runPlugin: unimplemented,
    generateProgram: unimplemented,
    generateProject: unimplemented,
    generatePackage: unimplemented,
    pack: unimplemented,
    link: unimplemented,
    template: unimplemented,
};

const server = new grpc.Server();
server.addService(languageService.LanguageRuntimeService, implementation);
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) => {
    if (error) {
        process.stderr.write(`language host failed to listen: ${error.message}\n`);
        process.exit(1);
    }
    // The CLI reads the port from the first line of stdout.
    process.stdout.write(`${port}\n`);
});
