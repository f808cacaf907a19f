import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const repositoryRoot = join(__dirname, "..", "..", "..", "..");

/**
 * A Pulumi program in a temporary directory that consumes this package exactly as a user would: from the tarball
 * `npm pack` makes, installed with npm (dependencies from the registry or npm's cache).
 */
export function createProgram(source: string, name = "engine-path-program"): string {
    const directory = mkdtempSync(join(tmpdir(), "sslmanager-engine-"));
    execFileSync("npm", ["pack", "--pack-destination", directory, "--silent"], {
        cwd: repositoryRoot,
        stdio: ["ignore", "pipe", "inherit"],
    });
    const tarball = readdirSync(directory).find((file) => file.endsWith(".tgz"))!;
    writeFileSync(
        join(directory, "package.json"),
        JSON.stringify({ name, version: "1.0.0", private: true, main: "index.js" }, null, 2),
    );
    writeFileSync(join(directory, "Pulumi.yaml"), `name: ${name}\nruntime: nodejs\n`);
    writeFileSync(join(directory, "index.js"), source);
    execFileSync(
        "npm",
        ["install", join(directory, tarball), "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"],
        {
            cwd: directory,
            stdio: ["ignore", "pipe", "inherit"],
        },
    );
    return directory;
}
