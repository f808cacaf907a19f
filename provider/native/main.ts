#!/usr/bin/env node
/**
 * pulumi-resource-sslmanager: the plugin the Pulumi CLI starts for the `sslmanager` package. Found on PATH (npm puts
 * it in node_modules/.bin, or the global bin with `npm install -g`), or installed with
 * `pulumi plugin install resource sslmanager <version> --file <this file>`, which copies this file alone: then the
 * package is looked up from the program's directory (where the CLI starts plugins) and from the global npm root.
 */
import { dirname, join } from "node:path";

const serverModule = "pulumi-sslmanager/bin/provider/native/server";

function locateServer(): string {
    const tried: string[] = [];
    const candidates = [
        () => require.resolve("./server"),
        () => require.resolve(serverModule, { paths: [process.cwd()] }),
        () => require.resolve(serverModule, { paths: [join(dirname(process.execPath), "..", "lib", "node_modules")] }),
    ];
    for (const candidate of candidates) {
        try {
            return candidate();
        } catch (error) {
            tried.push((error as Error).message.split("\n")[0]);
        }
    }
    throw new Error(`pulumi-resource-sslmanager: cannot find the pulumi-sslmanager package (npm install pulumi-sslmanager in the program, or -g): ${tried.join("; ")}`);
}

(require(locateServer()) as typeof import("./server")).serve(process.argv.slice(2)).catch((error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
});
