import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { repositoryRoot } from "../../scripts/pulumi-cli/workspace";

/** The commit of the 0.1.0 release on main: the version whose state every later version must keep reading. */
export const releaseCommit = { version: "0.1.0", commit: "a8a0bb7" } as const;

/**
 * The package of a released version exactly as `npm pack` made it, built from its commit and cached (the build takes a
 * minute; the tarball is kept under the same cache as the Pulumi CLI). Built rather than committed: the tarball is
 * 1 MB of generated code that would have to be trusted as it is, while the commit is on main for anyone to rebuild.
 */
export function packedRelease(release: { version: string; commit: string } = releaseCommit): string {
    const cache = join(
        process.env.PULUMI_SSLMANAGER_CACHE ?? join(homedir(), ".cache", "pulumi-sslmanager"),
        `release-${release.version}`,
    );
    const tarball = join(cache, `pulumi-sslmanager-${release.version}.tgz`);
    if (existsSync(tarball)) return tarball;
    mkdirSync(cache, { recursive: true });
    const source = mkdtempSync(join(tmpdir(), `sslmanager-release-${release.version}-`));
    try {
        execFileSync("bash", ["-c", `git -C "${repositoryRoot}" archive ${release.commit} | tar -x -C "${source}"`], {
            stdio: ["ignore", "ignore", "inherit"],
        });
        // The release's own dependencies are a subset of this checkout's: link them instead of installing.
        symlinkSync(join(repositoryRoot, "node_modules"), join(source, "node_modules"));
        execFileSync(
            process.execPath,
            [join(repositoryRoot, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"],
            { cwd: source, stdio: ["ignore", "inherit", "inherit"] },
        );
        const packed = mkdtempSync(join(tmpdir(), `sslmanager-packed-${release.version}-`));
        execFileSync("npm", ["pack", "--pack-destination", packed, "--silent"], {
            cwd: source,
            stdio: ["ignore", "ignore", "inherit"],
        });
        renameSync(
            join(
                packed,
                readdirSync(packed).find((file) => file.endsWith(".tgz"))!,
            ),
            tarball,
        );
        rmSync(packed, { recursive: true, force: true });
    } finally {
        rmSync(source, { recursive: true, force: true });
    }
    return tarball;
}

/** Unpacks a packed package into `directory` (its `package/` folder's content). */
export function unpack(tarball: string, directory: string): void {
    rmSync(directory, { recursive: true, force: true });
    mkdirSync(directory, { recursive: true });
    execFileSync("tar", ["-xzf", tarball, "-C", directory, "--strip-components=1"]);
}
