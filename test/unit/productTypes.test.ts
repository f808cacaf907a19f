import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";
import { checkCertificateInputs } from "../../provider/resources/certificate/check";
import { productsOf } from "../../provider/internetx/products";
import { repositoryRoot } from "../../scripts/pulumi-cli/workspace";
import { expect } from "../support/client";

/** A program as a user writes it, against the package's published declarations (bin/index.d.ts); `""` marks where completion is asked. */
const program = `import * as pulumi from "@pulumi/pulumi";
import { internetx } from "pulumi-sslmanager";
const fromConfig: string = new pulumi.Config().require("product");
export const known: internetx.CertificateArgs["product"] = "RAPIDSSL";
export const typo: internetx.CertificateArgs["product"] = "QUIKSSL";
export const configured: internetx.CertificateArgs["product"] = fromConfig;
export const smime: internetx.SmimeCertificateArgs["product"] = "GLOBALSIGN_PERSONALSIGN_1";
export const server: internetx.CertificateArgs["product"] = "";
export const mail: internetx.SmimeCertificateArgs["product"] = "";
export const prepared: internetx.DomainValidationArgs["product"] = "";
`;

/** TypeScript's language service (what editors run) over `program`, resolving the package to this checkout's build. */
function languageService(): { service: ts.LanguageService; fileName: string } {
    const fileName = join(repositoryRoot, "product-program.ts");
    const options: ts.CompilerOptions = {
        strict: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        moduleResolution: ts.ModuleResolutionKind.Node10,
        noEmit: true,
        baseUrl: repositoryRoot,
        paths: { "pulumi-sslmanager": ["bin/index.d.ts"] },
    };
    const host: ts.LanguageServiceHost = {
        getCompilationSettings: () => options,
        getScriptFileNames: () => [fileName],
        getScriptVersion: () => "1",
        getScriptSnapshot: (name) =>
            ts.ScriptSnapshot.fromString(name === fileName ? program : (ts.sys.readFile(name) ?? "")),
        getCurrentDirectory: () => repositoryRoot,
        getDefaultLibFileName: ts.getDefaultLibFilePath,
        fileExists: (name) => name === fileName || ts.sys.fileExists(name),
        readFile: (name) => (name === fileName ? program : ts.sys.readFile(name)),
        readDirectory: ts.sys.readDirectory,
        directoryExists: ts.sys.directoryExists,
        getDirectories: ts.sys.getDirectories,
    };
    return { service: ts.createLanguageService(host), fileName };
}

describe("product types: the known products offered, any other code accepted by the type and refused by check", function () {
    this.timeout(120_000);
    const { service, fileName } = languageService();

    /** What the editor offers inside the empty string of `export const <name>`. */
    function completionsAt(name: string): string[] {
        const start = program.indexOf(`export const ${name}:`);
        expect(start).to.be.greaterThan(-1);
        const position = program.indexOf('= ""', start) + '= "'.length;
        return (service.getCompletionsAtPosition(fileName, position, {})?.entries ?? []).map((entry) => entry.name);
    }

    it("compiles a program with a known product, a misspelt one and one from the stack config", () => {
        const diagnostics = [...service.getSyntacticDiagnostics(fileName), ...service.getSemanticDiagnostics(fileName)];
        expect(
            diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")),
        ).to.deep.equal([]);
    });

    it("offers in the editor exactly the product table's server products for Certificate and DomainValidation, and its S/MIME products for SmimeCertificate", () => {
        expect(productsOf("FQDN")).to.deep.equal([
            "QUICKSSLPREMIUM",
            "RAPIDSSL",
            "SSL123",
            "SECURESITE",
            "TRUEBUSINESSID",
        ]);
        expect(completionsAt("server")).to.deep.equal(productsOf("FQDN"));
        expect(completionsAt("prepared")).to.deep.equal(productsOf("FQDN"));
        expect(completionsAt("mail")).to.deep.equal(["GLOBALSIGN_PERSONALSIGN_1", "GLOBALSIGN_PERSONALSIGN_2"]);
    });

    it("declares the literals in the published .d.ts, and the misspelt product that type-checks is refused by check, listing the products", async () => {
        const declarations = readFileSync(join(repositoryRoot, "bin", "sdk", "generated", "internetx.d.ts"), "utf8");
        expect(declarations).to.contain(
            'product: pulumi.Input<"QUICKSSLPREMIUM" | "RAPIDSSL" | "SSL123" | "SECURESITE" | "TRUEBUSINESSID" | (string & {})>;',
        );
        const checked = await checkCertificateInputs({
            name: "www.example.com",
            product: "QUIKSSL",
            lifetimeMonths: 12,
            adminContactId: "1",
            technicalContactId: "1",
            privateKey: { algorithm: "RSA" },
        });
        expect(checked.failures).to.deep.equal([
            {
                property: "product",
                reason: "QUIKSSL is not a product this provider knows; server certificate products: QUICKSSLPREMIUM, RAPIDSSL, SSL123, SECURESITE, TRUEBUSINESSID",
            },
        ]);
    });

    it("gives every language the products as a string enum of schema.json that inputs take beside any string (oneOf)", () => {
        const schema = JSON.parse(readFileSync(join(repositoryRoot, "schema.json"), "utf8")) as {
            types: Record<string, { type: string; enum?: { value: string }[] }>;
            resources: Record<string, { inputProperties: Record<string, { oneOf?: unknown[] }> }>;
        };
        const enumValues = (token: string) => schema.types[token].enum?.map((entry) => entry.value);
        expect([
            enumValues("sslmanager:internetx:CertificateProduct"),
            enumValues("sslmanager:internetx:SmimeProduct"),
        ]).to.deep.equal([productsOf("FQDN"), productsOf("MAIL")]);
        const oneOf = (resource: string) => schema.resources[resource].inputProperties.product.oneOf;
        expect([
            oneOf("sslmanager:internetx:Certificate"),
            oneOf("sslmanager:internetx:DomainValidation"),
            oneOf("sslmanager:internetx:SmimeCertificate"),
        ]).to.deep.equal([
            [{ type: "string" }, { $ref: "#/types/sslmanager:internetx:CertificateProduct" }],
            [{ type: "string" }, { $ref: "#/types/sslmanager:internetx:CertificateProduct" }],
            [{ type: "string" }, { $ref: "#/types/sslmanager:internetx:SmimeProduct" }],
        ]);
    });
});
