import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { repositoryRoot } from "../../scripts/pulumi-cli/workspace";
import { expect } from "../support/client";

const launcher = join(repositoryRoot, "bin", "provider", "native", "main.js");

/** Runs a copy of the launcher until it prints its port (it serves) or exits (it failed). */
function runLauncher(
    copy: string,
    cwd: string,
    environment: Record<string, string>,
): Promise<{ port?: number; code?: number; stderr: string }> {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [copy], { cwd, env: environment, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.stdout.on("data", (chunk: Buffer) => {
            stdout += chunk.toString();
            const port = /^(\d+)\n/.exec(stdout);
            if (port) {
                child.kill("SIGTERM");
                resolve({ port: Number(port[1]), stderr });
            }
        });
        child.on("exit", (code) => resolve({ code: code ?? -1, stderr }));
    });
}

/**
 * `pulumi plugin install resource sslmanager <version> --file main.js` copies the launcher alone into the plugin
 * folder: it must find the package wherever npm installed it, and say where it looked when it cannot.
 */
describe("the launcher pulumi-resource-sslmanager copied alone", () => {
    let directory: string;
    let copy: string;
    let program: string;
    const baseEnvironment = () => ({ PATH: dirname(process.execPath), HOME: join(directory, "home") });

    beforeEach(() => {
        directory = mkdtempSync(join(tmpdir(), "sslmanager-launcher-"));
        mkdirSync(join(directory, "plugins", "resource-sslmanager-v0.1.0"), { recursive: true });
        mkdirSync(join(directory, "home"));
        program = join(directory, "program");
        mkdirSync(program);
        copy = join(directory, "plugins", "resource-sslmanager-v0.1.0", "pulumi-resource-sslmanager");
        copyFileSync(launcher, copy);
    });
    afterEach(() => rmSync(directory, { recursive: true, force: true }));

    /** A global npm install under `prefix`: {prefix}/lib/node_modules/pulumi-sslmanager. */
    function installUnder(prefix: string): void {
        mkdirSync(join(prefix, "lib", "node_modules"), { recursive: true });
        symlinkSync(repositoryRoot, join(prefix, "lib", "node_modules", "pulumi-sslmanager"));
    }

    it("finds the package under the prefix NPM_CONFIG_PREFIX names, and serves", async () => {
        installUnder(join(directory, "npm-global"));
        const result = await runLauncher(copy, program, {
            ...baseEnvironment(),
            NPM_CONFIG_PREFIX: join(directory, "npm-global"),
        });
        expect(result.stderr).to.equal("");
        expect(result.port).to.be.greaterThan(0);
    });

    it("finds the package under the prefix of ~/.npmrc (npm config set prefix ~/.npm-global)", async () => {
        installUnder(join(directory, "home", ".npm-global"));
        writeFileSync(join(directory, "home", ".npmrc"), `prefix=${join(directory, "home", ".npm-global")}\n`);
        const result = await runLauncher(copy, program, baseEnvironment());
        expect(result.port).to.be.greaterThan(0);
    });

    it("finds the package installed globally under another Node.js version of nvm, and under a prefix whose bin is on PATH", async () => {
        installUnder(join(directory, "home", ".nvm", "versions", "node", "v22.11.0"));
        const underNvm = await runLauncher(copy, program, baseEnvironment());
        expect(underNvm.port).to.be.greaterThan(0);

        rmSync(join(directory, "home", ".nvm"), { recursive: true });
        installUnder(join(directory, "volta", "tools", "image", "node"));
        const onPath = await runLauncher(copy, program, {
            ...baseEnvironment(),
            PATH: `${join(directory, "volta", "tools", "image", "node", "bin")}:${dirname(process.execPath)}`,
        });
        expect(onPath.port).to.be.greaterThan(0);
    });

    it("names every folder it looked in when the package is nowhere", async () => {
        const prefix = join(directory, "npm-global");
        const result = await runLauncher(copy, program, { ...baseEnvironment(), NPM_CONFIG_PREFIX: prefix });
        expect(result.code).to.equal(1);
        const programFolders: string[] = [];
        for (let folder = program; ; folder = dirname(folder)) {
            programFolders.push(`  ${join(folder, "node_modules")}`);
            if (dirname(folder) === folder) break;
        }
        const nodePrefix = dirname(dirname(process.execPath));
        const lines = result.stderr.trimEnd().split("\n");
        expect(lines[0]).to.equal(
            `pulumi-resource-sslmanager: cannot find the pulumi-sslmanager package next to ${copy} nor in any of:`,
        );
        expect(lines.slice(1, -2)).to.deep.equal([
            ...programFolders,
            `  ${join(prefix, "lib", "node_modules")}`,
            `  ${join(nodePrefix, "lib", "node_modules")}`,
        ]);
        expect(lines.slice(-1)[0]).to.equal(
            "from its release tarball, which needs no package: pulumi plugin install resource sslmanager <version> -f pulumi-resource-sslmanager-v<version>-<os>-<arch>.tar.gz",
        );
    });
});
