/**
 * Writes docs/reference.md from the TSDoc of the SDK (sdk/internetx, sdk/ispmanager, their classes and types in sdk/generated,
 * which `npm run sdk-types` writes from the package schema): each resource with its arguments and outputs, then the
 * argument types. `npm run reference` rewrites the page; a test fails when the page
 * is out of date or a property has no documentation.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";

export const repositoryRoot = join(__dirname, "..", "..");
const modules = ["internetx", "ispmanager"] as const;

interface Property {
    name: string;
    type: string;
    optional: boolean;
    doc: string;
}

interface Declaration {
    name: string;
    kind: "resource" | "interface" | "type";
    doc: string;
    properties: Property[];
    /** A resource's arguments type. */
    argumentsType?: string;
    /** A type alias's text. */
    text?: string;
}

function docOf(node: ts.Node): string {
    const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
    return docs
        .map((doc) => (typeof doc.comment === "string" ? doc.comment : (ts.getTextOfJSDocComment(doc.comment) ?? "")))
        .join(" ")
        .replace(/\s+/g, " ")
        .trim();
}

function typeText(node: ts.TypeNode | undefined, source: ts.SourceFile): string {
    if (!node) return "";
    let text = node.getText(source).replace(/\s+/g, " ");
    // pulumi.Input<T> and pulumi.Output<T> are how Pulumi passes values; the reference shows T.
    for (let previous = ""; previous !== text;) {
        previous = text;
        text = text.replace(/pulumi\.(Input|Output)<((?:[^<>]|<[^<>]*>)*)>/g, "$2");
    }
    return text;
}

function declarationsOf(path: string): Declaration[] {
    const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.ES2022, true);
    const found: Declaration[] = [];
    for (const statement of source.statements) {
        const exported =
            ts.canHaveModifiers(statement) &&
            ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
        if (!exported) continue;
        if (ts.isInterfaceDeclaration(statement)) {
            // `interface Certificate extends CertificateOutputs {}`: the generated outputs merged into the class.
            if (statement.members.length === 0 && statement.heritageClauses) continue;
            found.push({
                name: statement.name.text,
                kind: "interface",
                doc: docOf(statement),
                properties: statement.members.filter(ts.isPropertySignature).map((member) => ({
                    name: member.name.getText(source),
                    type: typeText(member.type, source),
                    optional: Boolean(member.questionToken),
                    doc: docOf(member),
                })),
            });
        } else if (ts.isTypeAliasDeclaration(statement)) {
            const text = ts
                .createPrinter({ removeComments: true })
                .printNode(ts.EmitHint.Unspecified, statement.type, source)
                .replace(/\s+/g, " ");
            found.push({ name: statement.name.text, kind: "type", doc: docOf(statement), properties: [], text });
        } else if (
            ts.isClassDeclaration(statement) &&
            statement.name &&
            statement.heritageClauses?.some((clause) => clause.getText(source).includes("pulumi.dynamic.Resource"))
        ) {
            const constructor = statement.members.find(ts.isConstructorDeclaration);
            found.push({
                name: statement.name.text,
                kind: "resource",
                doc: docOf(statement),
                argumentsType: constructor?.parameters[1]?.type?.getText(source),
                properties: statement.members.filter(ts.isPropertyDeclaration).map((member) => ({
                    name: member.name.getText(source),
                    type: typeText(member.type, source),
                    optional: false,
                    doc: docOf(member),
                })),
            });
        }
    }
    return found;
}

export function sdkDeclarations(): Record<(typeof modules)[number], Declaration[]> {
    const result = {} as Record<(typeof modules)[number], Declaration[]>;
    for (const module of modules) {
        const directory = join(repositoryRoot, "sdk", module);
        const declarations = [
            ...readdirSync(directory)
                .filter((file) => file.endsWith(".ts") && file !== "index.ts")
                .sort()
                .flatMap((file) => declarationsOf(join(directory, file))),
            ...declarationsOf(join(repositoryRoot, "sdk", "generated", `${module}Resources.ts`)),
            ...declarationsOf(join(repositoryRoot, "sdk", "generated", `${module}.ts`)),
        ];
        // A resource's outputs are the generated `<Name>Outputs` interface less its arguments (which are outputs too).
        const byName = new Map(declarations.map((declaration) => [declaration.name, declaration]));
        for (const resource of declarations.filter((declaration) => declaration.kind === "resource")) {
            const outputs = byName.get(`${resource.name}Outputs`);
            const argumentNames = new Set(
                byName.get(resource.argumentsType ?? "")?.properties.map((property) => property.name),
            );
            if (outputs)
                resource.properties = [
                    ...resource.properties,
                    ...outputs.properties.filter((property) => !argumentNames.has(property.name)),
                ];
        }
        result[module] = declarations.filter(
            (declaration) =>
                !(
                    declaration.kind === "interface" &&
                    byName.has(declaration.name.replace(/Outputs$/, "")) &&
                    declaration.name.endsWith("Outputs")
                ),
        );
    }
    return result;
}

/** Every argument, output and type without a doc comment, as `module.Type.property`. */
export function undocumented(): string[] {
    const missing: string[] = [];
    for (const [module, declarations] of Object.entries(sdkDeclarations())) {
        for (const declaration of declarations) {
            if (!declaration.doc && declaration.kind !== "interface") missing.push(`${module}.${declaration.name}`);
            for (const property of declaration.properties)
                if (!property.doc) missing.push(`${module}.${declaration.name}.${property.name}`);
        }
    }
    return missing;
}

const cell = (text: string) => text.replace(/\|/g, "\\|");

function table(properties: Property[], required: boolean): string[] {
    const header = required
        ? ["| argument | type | required | description |", "|---|---|---|---|"]
        : ["| output | type | description |", "|---|---|---|"];
    return [
        ...header,
        ...properties.map((property) =>
            required
                ? `| \`${property.name}\` | \`${cell(property.type)}\` | ${property.optional ? "no" : "yes"} | ${cell(property.doc)} |`
                : `| \`${property.name}\` | \`${cell(property.type)}\` | ${cell(property.doc)} |`,
        ),
    ];
}

export function referencePage(): string {
    const lines = [
        "# Reference",
        "",
        "Generated from the SDK's TSDoc by `npm run reference` (scripts/reference.ts); a test fails when this page is out of",
        "date. The argument and output types, with their descriptions, are generated from the package schema",
        "(provider/native/schema, `npm run sdk-types`). Types are shown without Pulumi's `Input<>`/`Output<>` wrappers:",
        "every argument also takes an Output.",
        "",
    ];
    for (const [module, declarations] of Object.entries(sdkDeclarations())) {
        lines.push(`## ${module}`, "", `\`import { ${module} } from "pulumi-sslmanager"\``, "");
        const byName = new Map(declarations.map((declaration) => [declaration.name, declaration]));
        const shown = new Set<string>();
        for (const resource of declarations.filter((declaration) => declaration.kind === "resource")) {
            lines.push(`### ${module}.${resource.name}`, "", resource.doc, "");
            const args = resource.argumentsType ? byName.get(resource.argumentsType) : undefined;
            if (args) {
                shown.add(args.name);
                lines.push(`**Arguments** (\`${args.name}\`)`, "", ...table(args.properties, true), "");
            }
            lines.push(
                "**Outputs** (besides the arguments, which are outputs too)",
                "",
                ...table(resource.properties, false),
                "",
            );
        }
        const types = declarations.filter(
            (declaration) => declaration.kind !== "resource" && !shown.has(declaration.name),
        );
        if (types.length > 0) lines.push(`### ${module} types`, "");
        for (const type of types) {
            lines.push(`#### ${type.name}`, "");
            if (type.doc) lines.push(type.doc, "");
            if (type.kind === "type") lines.push("```ts", `type ${type.name} = ${type.text};`, "```", "");
            else lines.push(...table(type.properties, true), "");
        }
    }
    return `${lines
        .join("\n")
        .replace(/\n{3,}/g, "\n\n")
        .trimEnd()}\n`;
}

if (require.main === module) {
    writeFileSync(join(repositoryRoot, "docs", "reference.md"), referencePage());
    const missing = undocumented();
    if (missing.length > 0) {
        console.error(`undocumented: ${missing.join(", ")}`);
        process.exit(1);
    }
}
