import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pluginPath } from "../../scripts/native/sdks";
import { release, Release } from "../../scripts/release";
import { pluginPlatforms, pluginTarballName } from "../../scripts/release/pluginTarball";
import { installBundledPlugins, pulumiVersion } from "../../scripts/pulumi-cli/bundledPlugins";
import { CommandResult, localPulumiEnvironment, pulumiPath, repositoryRoot } from "../../scripts/pulumi-cli/workspace";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";

const { version } = require(join(repositoryRoot, "package.json")) as { version: string };

/**
 * The release's plugin tarball as a user of another language gets it: `pulumi plugin install ... -f <tarball>` into a
 * fresh PULUMI_HOME, then a YAML program whose folder holds nothing but its Pulumi.yaml, with nothing on PATH but
 * the CLI, node and the system's tools (no package of this repository to find). The YAML language host is where a
 * user's CLI finds it without a word: a Pulumi from pulumi.com ships it next to `pulumi`; the one built here
 * (docs/pulumi-cli.md) goes into the fresh PULUMI_HOME's plugin cache, the layout `pulumi plugin install language yaml`
 * writes. On PATH instead, the CLI would print "warning: using pulumi-language-yaml from $PATH at …" on every command.
 */
describe("the release's plugin tarball under the Pulumi CLI", function () {
    this.timeout(15 * 60 * 1000);
    let out: string;
    let built: Release;
    let simulator: RunningSimulator;
    let admin: SimulatorAdmin;
    let directory: string;
    let environment: Record<string, string>;
    let programDirectory: string;
    /** What every CLI command of the run printed, stdout and stderr. */
    const printed: string[] = [];

    const pulumi = (args: string[]): Promise<CommandResult> =>
        new Promise((resolve) => {
            const child = spawn("pulumi", ["--non-interactive", ...args], {
                cwd: programDirectory,
                env: environment,
                stdio: ["ignore", "pipe", "pipe"],
            });
            let stdout = "";
            let stderr = "";
            child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
            child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
            child.on("close", (code) => {
                printed.push(stdout, stderr);
                resolve({ code: code ?? -1, stdout, stderr });
            });
        });
    const must = async (args: string[]): Promise<CommandResult> => {
        const result = await pulumi(args);
        if (result.code !== 0)
            throw new Error(`pulumi ${args.join(" ")} exited with ${result.code}\n${result.stdout}\n${result.stderr}`);
        return result;
    };

    before(async () => {
        const cliPath = pulumiPath();
        const yamlHostPath = pluginPath().languageHosts;
        out = mkdtempSync(join(tmpdir(), "sslmanager-release-"));
        built = await release(out, "https://releases.example.com/sslmanager/", []);
        simulator = await startSimulator({ issuanceDelayMs: 500 });
        admin = new SimulatorAdmin(simulator.adminUrl);
        directory = mkdtempSync(join(tmpdir(), "sslmanager-release-e2e-"));
        programDirectory = join(directory, "program");
        mkdirSync(programDirectory);
        mkdirSync(join(directory, "state"));
        copyFileSync(
            join(repositoryRoot, "test", "e2e", "programs", "release-yaml", "Pulumi.yaml"),
            join(programDirectory, "Pulumi.yaml"),
        );
        // Only the CLI, node and the system's own tools (sh, tar); the YAML host in the plugin cache.
        const path = [cliPath, dirname(process.execPath), "/usr/bin", "/bin"].join(":");
        expect(installBundledPlugins(join(directory, "home"), yamlHostPath, pulumiVersion(repositoryRoot))).to.equal(
            "",
        );
        environment = { ...localPulumiEnvironment(directory, path), PATH: path, HOME: directory };
    });
    after(async () => {
        await simulator?.close();
        if (directory) rmSync(directory, { recursive: true, force: true });
        if (out) rmSync(out, { recursive: true, force: true });
    });

    it("writes one tarball per platform named as Pulumi downloads plugins, each holding the launcher at its root", () => {
        expect(built.pluginTarballs.map((tarball) => tarball.slice(out.length + 1))).to.deep.equal(
            pluginPlatforms.map((platform) => pluginTarballName(version, platform)),
        );
        expect(pluginTarballName(version, "linux-amd64")).to.equal(
            `pulumi-resource-sslmanager-v${version}-linux-amd64.tar.gz`,
        );
    });

    it("installs from the tarball into a fresh PULUMI_HOME and runs a YAML program from a folder holding nothing else: create, reissue on new SANs, destroy", async () => {
        const tarball = join(out, pluginTarballName(version, "linux-amd64"));
        const install = await must(["plugin", "install", "resource", "sslmanager", version, "-f", tarball]);
        expect(install.stdout + install.stderr).to.contain(`[resource plugin sslmanager-${version}] installing`);
        expect(readdirSync(join(directory, "home", "plugins", `resource-sslmanager-v${version}`)).sort()).to.deep.equal(
            ["package.json", "pulumi-resource-sslmanager", "pulumi-resource-sslmanager.js"],
        );
        expect(readdirSync(programDirectory)).to.deep.equal(["Pulumi.yaml"]);

        await must(["stack", "init", "release"]);
        await must(["config", "set", "sslmanager:internetxUrl", simulator.url]);
        await must(["config", "set", "sslmanager:internetxUser", simulator.user]);
        await must(["config", "set", "sslmanager:internetxContext", simulator.context]);
        await must(["config", "set", "--secret", "sslmanager:internetxPassword", "--", simulator.password]);
        const before = await admin.state();

        const up = await must(["up", "--yes"]);
        expect(up.stdout).to.match(/\+ 3 created/);
        const outputs = async () =>
            JSON.parse((await must(["stack", "output", "--json"])).stdout) as {
                certificateId: string;
                serialNumber: string;
                issuedNames: string[];
            };
        const first = await outputs();
        expect(first.issuedNames).to.have.members(["www.example.com", "example.com"]);
        let after = await admin.state();
        expect([
            after.orders - before.orders,
            after.reissues - before.reissues,
            after.contacts - before.contacts,
        ]).to.deep.equal([1, 0, 1]);

        for (const [index, name] of ["www.example.com", "example.com", "api.example.com"].entries()) {
            await must(["config", "set", "--path", `subjectAlternativeNames[${index}]`, name]);
        }
        const reissue = await must(["up", "--yes"]);
        expect(reissue.stdout).to.match(/~ 1 updated/);
        const second = await outputs();
        expect(second.certificateId).to.equal(first.certificateId);
        expect(second.serialNumber).not.to.equal(first.serialNumber);
        expect(second.issuedNames).to.have.members(["www.example.com", "example.com", "api.example.com"]);
        after = await admin.state();
        expect([after.orders - before.orders, after.reissues - before.reissues]).to.deep.equal([1, 1]);

        await must(["destroy", "--yes"]);
        after = await admin.state();
        expect(after.contacts).to.equal(before.contacts);
        expect(after.certificates.filter((certificate) => certificate.id === first.certificateId)).to.deep.equal([]);
        // The plugin ran from the PULUMI_HOME it was installed into; nothing was written beside the program.
        expect(readdirSync(programDirectory).sort()).to.deep.equal(["Pulumi.release.yaml", "Pulumi.yaml"]);
        expect(existsSync(join(programDirectory, "node_modules"))).to.equal(false);
        // No "warning: using pulumi-language-yaml from $PATH" (nor any other plugin's) on any command.
        expect(
            printed
                .join("\n")
                .split("\n")
                .filter((line) => line.includes("from $PATH")),
        ).to.deep.equal([]);
    });
});
