#!/usr/bin/env node
/**
 * pulumi-resource-sslmanager: the plugin the Pulumi CLI starts for the `sslmanager` package. Found on PATH (npm puts
 * it in node_modules/.bin, or the global bin with `npm install -g`), or installed with
 * `pulumi plugin install resource sslmanager <version> --file <this file>`, which copies this file alone: then the
 * package is searched for where npm installs packages (packageDirectories). The release's plugin tarball does not
 * use this file: its bundle holds the provider (scripts/release).
 * Self-contained on purpose: a copy of this file alone must run, so it imports nothing of the package.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, dirname, join } from "node:path";

const serverModule = "pulumi-sslmanager/bin/provider/native/server";

export interface SearchEnvironment {
    environment: Record<string, string | undefined>;
    cwd: string;
    execPath: string;
    home: string;
    platform: NodeJS.Platform;
}

/** npm's global package folder under a prefix ("folders" in npm's documentation: {prefix}/lib/node_modules, on Windows {prefix}/node_modules). */
function globalModules(prefix: string, platform: NodeJS.Platform): string {
    return platform === "win32" ? join(prefix, "node_modules") : join(prefix, "lib", "node_modules");
}

/** `prefix=` of a .npmrc (npm's `npm config set prefix <dir>` writes it there). */
function npmrcPrefix(file: string): string | undefined {
    try {
        const line = readFileSync(file, "utf8")
            .split(/\r?\n/)
            .find((entry) => /^\s*prefix\s*=/.test(entry));
        return line
            ?.split("=")
            .slice(1)
            .join("=")
            .trim()
            .replace(/^~(?=\/|$)/, homedir());
    } catch {
        return undefined;
    }
}

/**
 * The node_modules folders that may hold the package, in the order they are tried: the program's folder (where the
 * CLI starts plugins) and its parents, as Node.js resolves a module, the prefix of NPM_CONFIG_PREFIX and of ~/.npmrc, the prefix above every PATH entry (npm puts
 * global executables in {prefix}/bin: this covers nvm, Volta, Homebrew and a prefix of one's own), the prefix of the
 * running node, and every Node.js version nvm installed (a global package installed under another version).
 */
export function packageDirectories(search: SearchEnvironment): string[] {
    const { environment, platform } = search;
    const prefixes: string[] = [];
    for (const prefix of [
        environment.NPM_CONFIG_PREFIX,
        environment.npm_config_prefix,
        npmrcPrefix(join(search.home, ".npmrc")),
    ]) {
        if (prefix) prefixes.push(prefix);
    }
    for (const entry of (environment.PATH ?? "").split(delimiter)) {
        if (entry) prefixes.push(platform === "win32" ? entry : dirname(entry));
    }
    prefixes.push(platform === "win32" ? dirname(search.execPath) : dirname(dirname(search.execPath)));
    const nvmVersions = join(environment.NVM_DIR ?? join(search.home, ".nvm"), "versions", "node");
    if (existsSync(nvmVersions)) {
        for (const version of readdirSync(nvmVersions).sort().reverse()) prefixes.push(join(nvmVersions, version));
    }
    const programFolders: string[] = [];
    for (let directory = search.cwd; ; directory = dirname(directory)) {
        programFolders.push(join(directory, "node_modules"));
        if (dirname(directory) === directory) break;
    }
    const directories = [...programFolders, ...prefixes.map((prefix) => globalModules(prefix, platform))];
    return [...new Set(directories)];
}

/** Where `npm root -g` says global packages are: asked only when nothing else was found (it starts npm). */
function npmGlobalRoot(): string | undefined {
    const result = spawnSync("npm", ["root", "-g"], {
        encoding: "utf8",
        timeout: 10_000,
        shell: process.platform === "win32",
    });
    return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}

/** The provider's server module: beside this file when run from the package, else in the first folder holding the package. */
export function locateServer(search: SearchEnvironment, askNpm: () => string | undefined = npmGlobalRoot): string {
    const beside = join(__dirname, "server.js");
    if (existsSync(beside)) return beside;
    const directories = packageDirectories(search);
    const find = (directory: string) =>
        existsSync(join(directory, ...serverModule.split("/")) + ".js")
            ? join(directory, ...serverModule.split("/")) + ".js"
            : undefined;
    for (const directory of directories) {
        const found = find(directory);
        if (found) return found;
    }
    const npmRoot = askNpm();
    if (npmRoot) {
        const found = find(npmRoot);
        if (found) return found;
        if (!directories.includes(npmRoot)) directories.push(npmRoot);
    }
    throw new Error(
        [
            `pulumi-resource-sslmanager: cannot find the pulumi-sslmanager package next to ${__filename} nor in any of:`,
            ...directories.map((directory) => `  ${directory}`),
            "Install it (npm install -g pulumi-sslmanager, or npm install pulumi-sslmanager in the program), or install the plugin",
            "from its release tarball, which needs no package: pulumi plugin install resource sslmanager <version> -f pulumi-resource-sslmanager-v<version>-<os>-<arch>.tar.gz",
        ].join("\n"),
    );
}

if (require.main === module) {
    try {
        const server = locateServer({
            environment: process.env,
            cwd: process.cwd(),
            execPath: process.execPath,
            home: homedir(),
            platform: process.platform,
        });
        (require(server) as typeof import("./server")).serve(process.argv.slice(2)).catch((error: Error) => {
            console.error(error.stack ?? error.message);
            process.exit(1);
        });
    } catch (error) {
        console.error((error as Error).message);
        process.exit(1);
    }
}
