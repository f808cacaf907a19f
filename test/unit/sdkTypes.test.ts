import { mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ts from "typescript";
import {
    generatedFile,
    generatedResourcesFile,
    repositoryRoot,
    sdkModules,
    sdkResourcesText,
    sdkTypesText,
} from "../../scripts/sdkTypes";
import { dynamicResources } from "../../sdk/dynamicShapes";
import { packedRelease, releaseCommit, unpack } from "../support/release";
import { expect } from "../support/client";

/** The type errors of one TypeScript program, written at `path` (not on disk) and compiled strict against this checkout. */
function typeErrors(path: string, text: string): string[] {
    const options: ts.CompilerOptions = {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        esModuleInterop: true,
        types: ["node"],
        baseUrl: repositoryRoot,
        paths: { "pulumi-sslmanager": ["index.ts"] },
    };
    const host = ts.createCompilerHost(options);
    const { getSourceFile, fileExists, readFile } = host;
    host.getSourceFile = (name, language, ...rest) =>
        name === path ? ts.createSourceFile(name, text, language) : getSourceFile.call(host, name, language, ...rest);
    host.fileExists = (name) => name === path || fileExists.call(host, name);
    host.readFile = (name) => (name === path ? text : readFile.call(host, name));
    const program = ts.createProgram([path], options, host);
    return ts
        .getPreEmitDiagnostics(program)
        .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}

describe("the dynamic resources' types", () => {
    for (const module of sdkModules) {
        it(`sdk/generated/${module}.ts is what npm run sdk-types generates from the package schema today`, () => {
            expect(readFileSync(generatedFile(module), "utf8"), "out of date: run npm run schema").to.equal(
                sdkTypesText(module),
            );
        });

        it(`sdk/generated/${module}Resources.ts is what npm run sdk-types generates from the declarations today`, () => {
            expect(readFileSync(generatedResourcesFile(module), "utf8"), "out of date: run npm run schema").to.equal(
                sdkResourcesText(module),
            );
        });
    }

    it("name only inputs and outputs the package schema has, besides the dynamic resources' own inputs", () => {
        const unknown = dynamicResources.flatMap((resource) => {
            const known = new Set([
                ...Object.keys(resource.schema.inputs),
                ...Object.keys(resource.schema.outputs),
                ...Object.keys(resource.extraInputs ?? {}),
            ]);
            const named = [
                ...Object.keys(resource.inputTypes ?? {}),
                ...(resource.presentOutputs ?? []),
                ...(resource.orderReferenceInputs ?? []),
            ];
            return named
                .filter((name) => !known.has(name))
                .map((name) => `${resource.module}.${resource.name}.${name}`);
        });
        expect(unknown).to.deep.equal([]);
    });

    it("leave the inputs the SDK computes (orderReference, progressUrn) out of every argument and output type", () => {
        for (const module of sdkModules)
            expect(sdkTypesText(module), module).not.to.match(/^ {4}(readonly )?(orderReference|progressUrn)\??:/m);
        expect(sdkTypesText("internetx")).to.match(/^ {4}importCertificateId\?: pulumi\.Input<string \| number>;$/m);
    });

    it("name in each ordering resource's order reference exactly the inputs whose change replaces it, in the order of version 0.1.0", () => {
        const ordering = dynamicResources.filter((resource) => resource.orderReferenceInputs);
        expect(
            ordering.map((resource) => [`${resource.module}.${resource.name}`, resource.orderReferenceInputs]),
        ).to.deep.equal([
            ["internetx.Certificate", ["product", "lifetimeMonths"]],
            ["internetx.SmimeCertificate", ["product", "lifetimeMonths", "email"]],
            ["ispmanager.Certificate", ["domain", "pricelist", "periodMonths"]],
        ]);
        for (const resource of ordering) {
            const replacing = Object.keys(resource.schema.inputs).filter(
                (name) => resource.schema.inputs[name].replaces,
            );
            expect(resource.orderReferenceInputs, resource.name).to.have.members(replacing);
        }
    });

    it("type-check the README's first example unchanged", function () {
        this.timeout(300_000);
        const readme = readFileSync(join(repositoryRoot, "README.md"), "utf8");
        const example = /```ts\n([\s\S]*?)```/.exec(readme)![1];
        expect(example).to.include("new internetx.Certificate(");
        expect(typeErrors(join(repositoryRoot, "README.example.ts"), example)).to.deep.equal([]);
    });

    it(`take every argument value version ${releaseCommit.version} took, and give every output it gave with its type`, function () {
        this.timeout(600_000);
        const directory = mkdtempSync(join(tmpdir(), "sslmanager-release-types-"));
        try {
            const released = join(directory, "package");
            unpack(packedRelease(), released);
            symlinkSync(join(repositoryRoot, "node_modules"), join(released, "node_modules"));
            const argumentTypes = {
                internetx: [
                    "CertificateArgs",
                    "ConnectionArgs",
                    "DomainValidationArgs",
                    "PrivateKeyArgs",
                    "SmimeCertificateArgs",
                    "SslContactArgs",
                    "SubjectArgs",
                    "ValidationArgs",
                ],
                ispmanager: ["CertificateArgs", "ConnectionArgs", "ContactArgs"],
            };
            const outputTypes = { internetx: ["DnsRecord"], ispmanager: ["ValidationRecord"] };
            const resources = {
                internetx: ["Certificate", "DomainValidation", "SmimeCertificate", "SslContact"],
                ispmanager: ["Certificate"],
            };
            const lines = [
                `import * as released from ${JSON.stringify(join(released, "bin", "index"))};`,
                'import * as current from "pulumi-sslmanager";',
            ];
            for (const [module, names] of Object.entries(argumentTypes)) {
                for (const name of names)
                    lines.push(
                        `export function ${module}${name}(value: released.${module}.${name}): current.${module}.${name} { return value; }`,
                    );
            }
            for (const [module, names] of Object.entries(outputTypes)) {
                for (const name of names)
                    lines.push(
                        `export function ${module}${name}(value: current.${module}.${name}): released.${module}.${name} { return value; }`,
                    );
            }
            // Version 0.1.0 typed Certificate's subjectAlternativeNames output as always present; it is empty when the
            // argument is not given, which the type has said since.
            const corrected = '"subjectAlternativeNames"';
            for (const [module, names] of Object.entries(resources)) {
                for (const name of names) {
                    lines.push(
                        `export function ${module}${name}Resource(value: current.${module}.${name}): Omit<released.${module}.${name}, ${corrected}> { return value; }`,
                    );
                }
            }
            expect(lines).to.have.length(2 + 11 + 2 + 5);
            expect(typeErrors(join(repositoryRoot, "released-types.ts"), lines.join("\n"))).to.deep.equal([]);
        } finally {
            rmSync(directory, { recursive: true, force: true });
        }
    });
});
