import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";
import { configVariables } from "../../provider/native/schema";
import { resolveClientOptions as resolveInternetx } from "../../provider/internetx/config";
import { resolveClientOptions as resolveIspmanager } from "../../provider/ispmanager/config";
import { repositoryRoot } from "../../scripts/pulumi-cli/workspace";
import { csharpLanguage, parseCsharp, syntaxErrors } from "../native/csharp";
import { expect } from "../support/client";

const read = (file: string) => readFileSync(join(repositoryRoot, "docs", file), "utf8");

/** The example of each language on the overview page (the Registry's chooser blocks). */
function examples(): Record<string, string> {
    const found: Record<string, string> = {};
    for (const match of read("_index.md").matchAll(/\{\{% choosable language (\w+) %\}\}\s*```\w+\n([\s\S]*?)```/g))
        found[match[1]] = match[2];
    return found;
}

/** The rows of the configuration tables: key (without `sslmanager:`) and environment variable (undefined for –). */
function configurationRows(): { key: string; variable?: string }[] {
    return [...read("installation-configuration.md").matchAll(/^\| `sslmanager:(\w+)`[^|]*\| (?:`(\w+)`|–) \|/gm)].map(
        (match) => ({ key: match[1], variable: match[2] }),
    );
}

describe("the Registry pages docs/_index.md and docs/installation-configuration.md", function () {
    this.timeout(120_000);

    it("list exactly the configuration keys the provider reads, in its order", () => {
        expect(configurationRows().map((row) => row.key)).to.deep.equal(Object.keys(configVariables));
    });

    it("name for each setting the environment variable the client reads for it when the configuration leaves it out", () => {
        const samples: Record<string, string> = {
            url: "https://doc.example.net/v1",
            xmlUrl: "https://doc.example.net/xml",
            user: "doc-user",
            password: "doc-password",
            context: "7",
            protocol: "xml",
        };
        const withVariables = configurationRows().filter((row) => row.variable);
        expect(withVariables.map((row) => row.variable)).to.deep.equal([
            "AUTODNS_URL",
            "AUTODNS_XML_URL",
            "AUTODNS_USER",
            "AUTODNS_PASSWORD",
            "AUTODNS_CONTEXT",
            "AUTODNS_PROTOCOL",
            "ISPMANAGER_URL",
            "ISPMANAGER_USER",
            "ISPMANAGER_PASSWORD",
        ]);
        // Everything given but the one setting: the client must take that one from the variable the page names.
        const given = {
            internetx: {
                url: "https://given.example.net/v1",
                xmlUrl: "https://given.example.net/xml",
                user: "given-user",
                password: "given-password",
                context: "4",
                protocol: "json" as const,
            },
            ispmanager: {
                url: "https://given.example.net/billmgr",
                user: "given@example.net",
                password: "given-password",
            },
        };
        for (const { key, variable } of withVariables) {
            const { backend, setting } = configVariables[key];
            const { [setting as "url"]: _left, ...options } = given[backend];
            const environment = { [variable!]: samples[setting] };
            const resolved = (backend === "internetx"
                ? resolveInternetx(options, environment)
                : resolveIspmanager(options, environment)) as unknown as Record<string, unknown>;
            expect(resolved[setting], `${key} from ${variable}`).to.equal(samples[setting]);
        }
    });

    it("show an example in TypeScript, Python, Go, C# and YAML", () => {
        expect(Object.keys(examples())).to.deep.equal(["typescript", "python", "go", "csharp", "yaml"]);
    });

    it("have a TypeScript example that type-checks against the generated Node.js SDK", () => {
        const fileName = join(repositoryRoot, "registry-example.ts");
        const source = examples().typescript;
        const options: ts.CompilerOptions = {
            strict: true,
            target: ts.ScriptTarget.ES2022,
            module: ts.ModuleKind.CommonJS,
            moduleResolution: ts.ModuleResolutionKind.Node10,
            noEmit: true,
            skipLibCheck: true,
            baseUrl: repositoryRoot,
            paths: { "@pulumi-sslmanager/sslmanager": ["sdk-gen/nodejs/index.ts"] },
        };
        const host = ts.createCompilerHost(options);
        const readFile = host.readFile.bind(host);
        host.readFile = (name) => (name === fileName ? source : readFile(name));
        const fileExists = host.fileExists.bind(host);
        host.fileExists = (name) => name === fileName || fileExists(name);
        const getSourceFile = host.getSourceFile.bind(host);
        host.getSourceFile = (name, language) =>
            name === fileName ? ts.createSourceFile(name, source, language) : getSourceFile(name, language);
        const program = ts.createProgram([fileName], options, host);
        const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(fileName));
        expect(
            diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")),
        ).to.deep.equal([]);
    });

    it("have a Python example that parses, a Go example that gofmt leaves as it is, and a C# example without a syntax error", () => {
        const { python, go, csharp } = examples();
        const parsed = spawnSync("python3", ["-c", "import ast, sys; ast.parse(sys.stdin.read())"], {
            input: python,
            encoding: "utf8",
        });
        expect(parsed.status, parsed.stderr).to.equal(0);
        const formatted = spawnSync("gofmt", [], {
            input: go,
            encoding: "utf8",
            env: { ...process.env, PATH: `/usr/local/go/bin:${process.env.PATH ?? ""}` },
        });
        expect(formatted.status, formatted.stderr).to.equal(0);
        expect(formatted.stdout).to.equal(go);
        expect(syntaxErrors(parseCsharp(csharp, csharpLanguage()))).to.deep.equal([]);
    });

    it("have a YAML example whose resources are the schema's types with the schema's input properties", () => {
        const yaml = require("js-yaml") as { load(text: string): unknown };
        const program = yaml.load(examples().yaml) as {
            resources: Record<string, { type: string; properties: Record<string, unknown> }>;
        };
        const schema = JSON.parse(readFileSync(join(repositoryRoot, "schema.json"), "utf8")) as {
            resources: Record<string, { inputProperties: Record<string, unknown>; requiredInputs: string[] }>;
        };
        for (const [name, resource] of Object.entries(program.resources)) {
            const declared = schema.resources[resource.type];
            expect(declared, `${name}: ${resource.type}`).not.to.equal(undefined);
            expect(
                Object.keys(resource.properties).filter((property) => !(property in declared.inputProperties)),
                name,
            ).to.deep.equal([]);
            expect(
                declared.requiredInputs.filter((property) => !(property in resource.properties)),
                name,
            ).to.deep.equal([]);
        }
    });
});
