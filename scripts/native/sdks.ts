import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pulumiPath } from "../pulumi-cli/workspace";
import { repositoryRoot, schemaFile } from "./schema";

/** The languages `pulumi package gen-sdk` writes into sdk-gen/<language>/ from schema.json. */
export const sdkLanguages = ["nodejs", "python", "go", "dotnet"] as const;
export const sdkDirectory = join(repositoryRoot, "sdk-gen");

/** PATH entries of the plugins (the YAML language host and the code generation plugin), built on first use. */
export function pluginPath(): { languageHosts: string; codegen: string } {
    const output = execFileSync("bash", [join(repositoryRoot, "scripts", "pulumi-cli", "plugins.sh")], {
        stdio: ["ignore", "pipe", "inherit"],
    })
        .toString()
        .trim();
    const [languageHosts, codegen] = output.split("\n").pop()!.split(":");
    return { languageHosts, codegen };
}

/** Runs `pulumi package gen-sdk <schema> --language <language> --out <out>` for every language (schema.json unless told). */
export function generateSdks(
    out: string,
    cliPath: string = pulumiPath(),
    codegenPath: string = pluginPath().codegen,
    schema: string = schemaFile,
): void {
    const { version } = require(join(repositoryRoot, "package.json")) as { version: string };
    const home = mkdtempSync(join(tmpdir(), "sslmanager-gen-sdk-home-"));
    try {
        for (const language of sdkLanguages) {
            execFileSync(
                "pulumi",
                ["package", "gen-sdk", schema, "--language", language, "--out", out, "--version", version],
                {
                    cwd: repositoryRoot,
                    stdio: ["ignore", "pipe", "pipe"],
                    // The code generation plugin first: it answers for pulumi-language-<language>.
                    env: {
                        ...process.env,
                        PATH: `${codegenPath}:${cliPath}:${process.env.PATH}`,
                        PULUMI_HOME: home,
                        PULUMI_SKIP_UPDATE_CHECK: "true",
                    },
                },
            );
        }
    } finally {
        rmSync(home, { recursive: true, force: true });
    }
}

/** Every file under a directory, relative path → content. */
export function filesUnder(directory: string): Map<string, Buffer> {
    const files = new Map<string, Buffer>();
    const walk = (current: string) => {
        for (const entry of readdirSync(current)) {
            const path = join(current, entry);
            if (statSync(path).isDirectory()) walk(path);
            else files.set(relative(directory, path), readFileSync(path));
        }
    };
    walk(directory);
    return files;
}

if (require.main === module) {
    rmSync(sdkDirectory, { recursive: true, force: true });
    generateSdks(sdkDirectory);
    console.log(`wrote ${sdkLanguages.map((language) => join(sdkDirectory, language)).join(", ")}`);
}
