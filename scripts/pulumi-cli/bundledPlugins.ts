/**
 * Keeps the Pulumi CLI from warning `using pulumi-language-nodejs from $PATH at …` (and the same for the YAML host and
 * the dynamic-provider plugin `pulumi-resource-pulumi-nodejs`).
 *
 * Why the CLI warns: the language hosts and `pulumi-resource-pulumi-nodejs` are "bundled" plugins, which ship next to
 * the `pulumi` binary. The CLI looks for a plugin on PATH first and warns when the one it finds there is not the one
 * next to the running `pulumi` (Pulumi's sdk/go/common/workspace/plugins.go, GetPluginPath: "using %s from $PATH at
 * %s%s", with " expected <bundled path>" when there is one). Where the CLI is built here (docs/pulumi-cli.md), the
 * Node.js language host is this project's own (scripts/pulumi-cli/bin) and the YAML host is built apart, so they are
 * not next to `pulumi`. PATH is then not the place for them: without them on PATH and without a bundled copy, the CLI
 * takes a plugin from its plugin cache, `$PULUMI_HOME/plugins/<kind>-<name>-v<version>/pulumi-<kind>-<name>` (the
 * layout `pulumi plugin install` writes), silently. So each of them becomes a one-line launcher in the plugin cache,
 * and the PATH entries that hold nothing but such plugins are left out.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";

/** The bundled plugins this project puts elsewhere: executable name → plugin cache folder prefix (`<kind>-<name>`). */
export const bundledPlugins: Record<string, string> = {
    "pulumi-language-nodejs": "language-nodejs",
    "pulumi-language-yaml": "language-yaml",
    "pulumi-resource-pulumi-nodejs": "resource-pulumi-nodejs",
};

function executableIn(directory: string, name: string): boolean {
    try {
        const stat = statSync(join(directory, name));
        return stat.isFile() && (stat.mode & 0o111) !== 0;
    } catch {
        return false;
    }
}

function entriesOf(directory: string): string[] {
    try {
        return readdirSync(directory);
    } catch {
        return [];
    }
}

/**
 * Installs into `home`'s plugin cache a launcher for every bundled plugin found on `path` away from `pulumi` (the first
 * one in PATH order, as the CLI would pick), and returns `path` without the entries that hold only bundled plugins.
 * `version` names the cache folder; the CLI asks for language hosts and the dynamic-provider plugin without a version
 * and takes the newest it has.
 */
export function installBundledPlugins(home: string, path: string, version: string): string {
    const entries = path.split(delimiter).filter((entry) => entry !== "");
    const pulumiDirectory = entries.find((entry) => executableIn(entry, "pulumi"));
    const installed = new Set<string>();
    const kept: string[] = [];
    for (const entry of entries) {
        const found = Object.keys(bundledPlugins).filter((name) => executableIn(entry, name));
        if (entry === pulumiDirectory || found.length === 0) {
            kept.push(entry);
            continue;
        }
        for (const name of found) {
            // The one next to `pulumi` is the bundled one: the CLI takes it without a word.
            if (installed.has(name) || (pulumiDirectory && executableIn(pulumiDirectory, name))) continue;
            const folder = join(home, "plugins", `${bundledPlugins[name]}-v${version}`);
            mkdirSync(folder, { recursive: true });
            writeFileSync(
                join(folder, name),
                `#!/bin/sh\nexec '${resolve(entry, name).replace(/'/g, "'\\''")}' "$@"\n`,
            );
            chmodSync(join(folder, name), 0o755);
            installed.add(name);
        }
        const others = entriesOf(entry).filter((file) => !Object.keys(bundledPlugins).includes(file));
        if (others.length > 0) kept.push(entry);
    }
    return kept.join(delimiter);
}

/** The version of the Pulumi CLI in use: the installed @pulumi/pulumi's (setup.sh builds the CLI at that version). */
export function pulumiVersion(root: string): string {
    const manifest = join(root, "node_modules", "@pulumi", "pulumi", "package.json");
    return existsSync(manifest) ? (require(manifest) as { version: string }).version : "3.0.0";
}
