import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bundleProvider, minimumNodeMajor } from "./bundle";

/**
 * The platforms a tarball is written for. The bundle is JavaScript and the launcher a POSIX shell script, so every
 * tarball holds the same files; Pulumi still looks a plugin up by `<os>-<arch>` in its name ("Publishing packages",
 * plugin download URLs: `pulumi-resource-<name>-v<version>-<os>-<arch>.tar.gz`).
 */
export const pluginPlatforms = ["linux-amd64", "linux-arm64", "darwin-amd64", "darwin-arm64"] as const;

export function pluginTarballName(version: string, platform: string): string {
    return `pulumi-resource-sslmanager-v${version}-${platform}.tar.gz`;
}

/**
 * The executable Pulumi starts: the plugin directory holds no PulumiPlugin.yaml, so the CLI runs
 * `pulumi-resource-sslmanager` itself. It runs the bundle beside it with the first `node` on PATH.
 */
export function launcherScript(): string {
    return [
        "#!/bin/sh",
        "# pulumi-resource-sslmanager: the sslmanager resource provider plugin. Runs the bundle beside this file",
        `# (pulumi-resource-sslmanager.js, every dependency inside) with Node.js ${minimumNodeMajor} or newer from PATH.`,
        'here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)',
        "if ! command -v node >/dev/null 2>&1; then",
        `    echo "pulumi-resource-sslmanager: needs Node.js ${minimumNodeMajor} or newer on PATH; no node found on PATH=$PATH" >&2`,
        "    exit 1",
        "fi",
        'exec node "$here/pulumi-resource-sslmanager.js" "$@"',
        "",
    ].join("\n");
}

/**
 * Writes one tarball per platform into `out`: the launcher, the bundle, and a package.json naming the package and
 * its version (the provider reads its version there, for the engine and the API's User-Agent). Returns the paths.
 */
export async function writePluginTarballs(out: string, version: string, license: string): Promise<string[]> {
    const staging = mkdtempSync(join(tmpdir(), "sslmanager-plugin-"));
    try {
        await bundleProvider(join(staging, "pulumi-resource-sslmanager.js"));
        writeFileSync(join(staging, "pulumi-resource-sslmanager"), launcherScript());
        chmodSync(join(staging, "pulumi-resource-sslmanager"), 0o755);
        writeFileSync(
            join(staging, "package.json"),
            `${JSON.stringify({ name: "pulumi-sslmanager", version, private: true, license }, null, 2)}\n`,
        );
        mkdirSync(out, { recursive: true });
        const files = ["pulumi-resource-sslmanager", "pulumi-resource-sslmanager.js", "package.json"];
        return pluginPlatforms.map((platform) => {
            const tarball = join(out, pluginTarballName(version, platform));
            // Fixed owner and times: the same sources give the same archive.
            execFileSync("tar", [
                "-czf",
                tarball,
                "--owner=0",
                "--group=0",
                "--numeric-owner",
                "--mtime=1970-01-01 00:00:00Z",
                "-C",
                staging,
                ...files,
            ]);
            return tarball;
        });
    } finally {
        rmSync(staging, { recursive: true, force: true });
    }
}
