import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pluginPath } from "../../scripts/native/sdks";
import { installBundledPlugins } from "../../scripts/pulumi-cli/bundledPlugins";
import { PulumiWorkspace, pulumiPath, repositoryRoot } from "../../scripts/pulumi-cli/workspace";
import { expect } from "../support/client";

const projectHosts = join(repositoryRoot, "scripts", "pulumi-cli", "bin");
/** The distinct "from $PATH" warnings of a run (the CLI shows each under the stack and again in its diagnostics). */
const fromPath = (output: string) => [
    ...new Set(
        output
            .split("\n")
            .filter((line) => / from \$PATH/.test(line))
            .map((line) => line.trim().replace(/^.*?warning: /, "warning: ")),
    ),
];

/**
 * The CLI's "using <plugin> from $PATH" warnings: where they come from (a bundled plugin found on PATH away from
 * `pulumi`), and that the runs of `npm start` and the tests (PulumiWorkspace) no longer print them.
 */
describe("no 'using … from $PATH' warnings from the Pulumi CLI", function () {
    this.timeout(10 * 60 * 1000);
    let path: string;

    before(() => {
        // As docs/pulumi-cli.md has one export it: the CLI, the project's launchers, the YAML host.
        path = [pulumiPath(), pluginPath().languageHosts].join(":");
    });

    async function preview(program: PulumiWorkspace): Promise<string> {
        await program.must(["stack", "init", "warnings"]);
        // No credentials: the preview fails at check, after the CLI found its language host and the dynamic-provider plugin.
        const result = await program.pulumi(["preview"]);
        expect(result.stdout, result.stderr).to.contain("InterNetX user is not set");
        return result.stdout + result.stderr;
    }

    it("warns for the project's Node.js language host when it is on PATH: the CLI's own warning, naming where it found it", async () => {
        const program = new PulumiWorkspace(
            mkdtempSync(join(tmpdir(), "sslmanager-warnings-")),
            "test/e2e/programs/first-hour",
            path,
        );
        // What a PATH that puts the launchers' folder on PATH gives the CLI (as before the plugin cache was used).
        program.environment.PATH = `${path}:${process.env.PATH ?? ""}`;
        expect(fromPath(await preview(program))).to.deep.equal([
            `warning: using pulumi-language-nodejs from $PATH at ${join(projectHosts, "pulumi-language-nodejs")}`,
        ]);
    });

    it("previews a TypeScript program without the warning: the language host runs from the workspace's plugin cache", async () => {
        const program = new PulumiWorkspace(
            mkdtempSync(join(tmpdir(), "sslmanager-warnings-")),
            "test/e2e/programs/first-hour",
            path,
        );
        expect(program.environment.PATH.split(":")).not.to.include(projectHosts);
        expect(fromPath(await preview(program))).to.deep.equal([]);
        const version = (
            require(join(repositoryRoot, "node_modules", "@pulumi", "pulumi", "package.json")) as { version: string }
        ).version;
        const launcher = join(
            program.directory,
            "home",
            "plugins",
            `language-nodejs-v${version}`,
            "pulumi-language-nodejs",
        );
        expect(readFileSync(launcher, "utf8")).to.equal(
            `#!/bin/sh\nexec '${join(projectHosts, "pulumi-language-nodejs")}' "$@"\n`,
        );
    });

    it("moves the YAML host and the Node.js host into the plugin cache and keeps on PATH `pulumi`'s folder and every folder holding anything else", () => {
        const home = mkdtempSync(join(tmpdir(), "sslmanager-warnings-home-"));
        const cliDirectory = path.split(":")[0];
        const yamlHosts = pluginPath().languageHosts;
        const kept = installBundledPlugins(
            home,
            [cliDirectory, projectHosts, yamlHosts, "/usr/bin"].join(":"),
            "3.248.0",
        );
        expect(kept).to.equal([cliDirectory, "/usr/bin"].join(":"));
        expect(
            ["language-nodejs", "language-yaml", "resource-pulumi-nodejs"].map((folder) =>
                existsSync(join(home, "plugins", `${folder}-v3.248.0`)),
            ),
        ).to.deep.equal([true, true, false]);
    });
});
