import { ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { repositoryRoot } from "../../scripts/pulumi-cli/workspace";
import { ProviderServer } from "../engine/harness/providerServer";

/** The launcher the CLI starts as `pulumi-resource-sslmanager`. */
export const nativeLauncher = join(repositoryRoot, "bin", "provider", "native", "main.js");

/**
 * The native provider's process (the `pulumi-resource-sslmanager` launcher), started as the engine starts a plugin
 * (engine address as the argument, port on stdout) and driven over gRPC with the SDK's protobuf definitions. Its URNs
 * name stack `test` of project `engine-path-program`.
 */
export class NativeProviderServer extends ProviderServer {
    constructor(engineAddress: string, environment: Record<string, string> = {}) {
        super(repositoryRoot, engineAddress, environment);
    }

    protected override spawnProvider(): ChildProcess {
        return spawn(process.execPath, [nativeLauncher, this.engineAddress], {
            cwd: repositoryRoot,
            env: { ...process.env, ...this.environment },
            stdio: ["ignore", "pipe", "pipe"],
        });
    }
}
