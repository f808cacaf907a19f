import { build } from "esbuild";
import { join } from "node:path";
import { repositoryRoot } from "../native/schema";

/** The oldest Node.js the bundle runs on: the package's `engines.node`. */
export const minimumNodeMajor = 20;

/** Refuses an older Node.js before anything else runs, with the version found (the first lines of the bundle). */
const nodeVersionCheck = [
    `if (Number(process.versions.node.split(".")[0]) < ${minimumNodeMajor}) {`,
    `    process.stderr.write("pulumi-resource-sslmanager: needs Node.js ${minimumNodeMajor} or newer on PATH; found " + process.version + " at " + process.execPath + "\\n");`,
    "    process.exit(1);",
    "}",
].join("\n");

/**
 * Bundles the native provider into one CommonJS file with esbuild: the compiled provider (bin/) and every runtime
 * dependency (@pulumi/pulumi with its gRPC and protobuf code, undici, node-forge, ...), no node_modules beside it.
 * Modules the provider only names for the dynamic providers' serialized code (`pulumi-sslmanager/bin/...`, loaded by
 * Pulumi's dynamic-provider host in a program's own node_modules) stay outside: the native provider never loads them.
 */
export async function bundleProvider(outfile: string): Promise<{ inputs: string[] }> {
    const result = await build({
        entryPoints: [join(repositoryRoot, "bin", "scripts", "release", "pluginEntry.js")],
        outfile,
        bundle: true,
        platform: "node",
        target: `node${minimumNodeMajor}`,
        format: "cjs",
        minify: true,
        legalComments: "eof",
        banner: { js: nodeVersionCheck },
        external: ["pulumi-sslmanager", "pulumi-sslmanager/*"],
        metafile: true,
        logLevel: "error",
    });
    const inputs = Object.keys(result.metafile.inputs);
    // The SDK's server and the provider must share one @grpc/grpc-js (server.ts patches its Server class).
    const grpcCopies = inputs.filter((input) => input.endsWith("@grpc/grpc-js/build/src/server.js"));
    if (grpcCopies.length !== 1)
        throw new Error(
            `the bundle must hold exactly one @grpc/grpc-js, found ${grpcCopies.length}: ${grpcCopies.join(", ")}`,
        );
    return { inputs };
}
