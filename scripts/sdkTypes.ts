/**
 * Writes sdk/generated/<module>.ts, the argument and output types of the dynamic resources, from the package schema
 * (provider/native/schema: shapes, descriptions, secrets) and the dynamic resources' differences (sdk/dynamicShapes.ts).
 * `npm run sdk-types` rewrites the files; a test fails when they are out of date.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { configVariables, objectTypes } from "../provider/native/schema";
import { InputProperty, ObjectType, Property, PropertyType } from "../provider/native/schema/model";
import { connections, DynamicResource, dynamicResources } from "../sdk/dynamicShapes";
import { configKeys } from "../provider/resources/connection";
import { ispmanagerConfigKeys } from "../provider/resources/ispmanager/connection";

export const repositoryRoot = join(__dirname, "..", "..");
export const generatedDirectory = join(repositoryRoot, "sdk", "generated");
export const sdkModules = ["internetx", "ispmanager"] as const;
type Module = (typeof sdkModules)[number];

const moduleOf = (token: string) => token.split(":")[1];
const shortName = (token: string) => token.split(":")[2];
const lowerFirst = (text: string) => text[0].toLowerCase() + text.slice(1);

/** Object types some resource takes as input are `<Name>Args` (as in version 0.1.0); output-only types keep their name. */
function inputTypeTokens(): Set<string> {
    const tokens = new Set<string>();
    const visit = (type: PropertyType) => {
        if (typeof type === "string") return;
        if ("array" in type) visit(type.array);
        else if ("map" in type) visit(type.map);
        else tokens.add(type.object);
    };
    for (const resource of dynamicResources)
        for (const property of Object.values(resource.schema.inputs)) visit(property.type);
    return tokens;
}

const inputTokens = inputTypeTokens();
const typeName = (token: string) => `${shortName(token)}${inputTokens.has(token) ? "Args" : ""}`;

const union = (values: readonly string[]) => values.map((value) => JSON.stringify(value)).join(" | ");

/**
 * The TypeScript of a schema type: plain (inside object types and outputs) or with `pulumi.Input` at every level. Known
 * values are the literals and `(string & {})`: editors offer the literals, and any other string still type-checks
 * (TypeScript keeps literals beside `string & {}`, where `| string` would absorb them).
 */
function typeScript(type: PropertyType, input: boolean, values?: readonly string[], known?: readonly string[]): string {
    const wrap = (text: string) => (input ? `pulumi.Input<${text}>` : text);
    if (typeof type === "string") {
        if (type === "string" && known) return `${union(known)} | (string & {})`;
        if (type === "string") return values ? union(values) : "string";
        return type === "boolean" ? "boolean" : "number";
    }
    if ("array" in type) return `${wrap(typeScript(type.array, input))}[]`;
    if ("map" in type) return `Record<string, ${wrap(typeScript(type.map, input))}>`;
    return typeName(type.object);
}

function description(property: Property, secretNote: string): string {
    return property.secret ? `${property.description} ${secretNote}` : property.description;
}

/** A TSDoc comment, wrapped at 120 columns. */
function docComment(text: string, indent: string): string[] {
    const width = 120 - indent.length - 3;
    if (text.length <= width - 4) return [`${indent}/** ${text} */`];
    const lines: string[] = [];
    let line = "";
    for (const word of text.split(" ")) {
        if (line && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        } else line = line ? `${line} ${word}` : word;
    }
    lines.push(line);
    return [`${indent}/**`, ...lines.map((text) => `${indent} * ${text}`), `${indent} */`];
}

interface Field {
    name: string;
    type: string;
    optional: boolean;
    doc: string;
    readonly?: boolean;
}

function fieldLines(fields: Field[]): string[] {
    return fields.flatMap((field) => [
        ...docComment(field.doc, "    "),
        `    ${field.readonly ? "readonly " : ""}${field.name}${field.optional ? "?" : ""}: ${field.type};`,
    ]);
}

function objectFields(type: ObjectType, names: string[]): Field[] {
    return names.map((name) => {
        const property = type.properties[name];
        return {
            name,
            type: typeScript(property.type, false, property.values, property.known?.values),
            optional: !property.required,
            doc: description(property, "A secret."),
        };
    });
}

function objectTypeDeclaration(token: string, type: ObjectType): string[] {
    const name = typeName(token);
    const doc = docComment(type.description, "");
    if (!type.variants)
        return [
            ...doc,
            `export interface ${name} {`,
            ...fieldLines(objectFields(type, Object.keys(type.properties))),
            "}",
        ];
    const { discriminator, cases } = type.variants;
    const variants = Object.entries(cases).map(([value, variant]) => {
        const fields = objectFields(type, [discriminator, ...variant.properties]).map((field) =>
            variant.required?.includes(field.name) ? { ...field, optional: false } : field,
        );
        fields[0] = { ...fields[0], type: JSON.stringify(value), optional: false };
        return ["    | {", ...fieldLines(fields).map((line) => `    ${line}`), "      }"];
    });
    return [
        ...doc,
        `export type ${name} =`,
        ...variants.flat().map((line, index, all) => (index === all.length - 1 ? `${line};` : line)),
    ];
}

/** The settings the dynamic providers also read from the stack config, `<module>:<setting>`. */
const stackConfigKeys: Record<Module, readonly string[]> = { internetx: configKeys, ispmanager: ispmanagerConfigKeys };
const stackConfigNote = (module: Module, setting: string) =>
    stackConfigKeys[module].includes(setting) ? ` Stack config \`${module}:${setting}\`.` : "";

function connectionDeclaration(module: Module): string[] {
    const fields = Object.values(configVariables)
        .filter((variable) => variable.backend === module)
        .map((variable): Field => ({
            name: variable.setting,
            type: `pulumi.Input<${typeScript(variable.type, false, variable.values)}>`,
            optional: true,
            doc: `${description(variable, "Kept as a secret.")}${stackConfigNote(module, variable.setting)}`,
        }));
    return [...docComment(connections[module], ""), "export interface ConnectionArgs {", ...fieldLines(fields), "}"];
}

/**
 * Inputs the SDK computes itself (sdk/registration.ts), never arguments or outputs of these types, should the schema
 * name them (the native schema has `orderReference` as an output: there the provider derives it).
 */
const computedBySdk = new Set(["orderReference", "progressUrn"]);

function inputFields(resource: DynamicResource): Field[] {
    const inputs: Record<string, InputProperty> = { ...resource.schema.inputs, ...resource.extraInputs };
    const fields = Object.entries(inputs)
        .filter(([name]) => !computedBySdk.has(name))
        .map(([name, property]): Field => {
            const type =
                resource.inputTypes?.[name] ??
                typeScript(property.type, false, property.values, property.known?.values);
            const inner =
                typeof property.type === "string" || "object" in property.type ? type : typeScript(property.type, true);
            return {
                name,
                type: `pulumi.Input<${inner}>`,
                optional: !property.required,
                doc: description(property, "Kept as a secret in state."),
            };
        });
    return [
        ...fields,
        { name: "connection", type: "pulumi.Input<ConnectionArgs>", optional: true, doc: connections[resource.module] },
    ];
}

function outputFields(resource: DynamicResource): Field[] {
    const present = new Set(resource.presentOutputs ?? []);
    const inputs = Object.entries(resource.schema.inputs)
        .filter(([name]) => !computedBySdk.has(name))
        .map(([name, property]) => ({ name, property, present: Boolean(property.required) || present.has(name) }));
    const outputs = Object.entries(resource.schema.outputs)
        .filter(([name]) => !computedBySdk.has(name))
        .map(([name, property]) => ({ name, property, present: Boolean(property.always) || present.has(name) }));
    return [...inputs, ...outputs].map(({ name, property, present }) => {
        const type =
            resource.inputTypes?.[name] ?? typeScript(property.type, false, property.values, property.known?.values);
        return {
            name,
            type: `pulumi.Output<${present ? type : `${type} | undefined`}>`,
            optional: false,
            readonly: true,
            doc: description(property, "A secret."),
        };
    });
}

function resourceDeclarations(resource: DynamicResource): string[] {
    const secrets = (properties: Record<string, Property>) =>
        Object.keys(properties).filter((name) => properties[name].secret);
    const lists = {
        outputs: Object.keys(resource.schema.outputs).filter((name) => !computedBySdk.has(name)),
        secretInputs: secrets(resource.schema.inputs),
        secretOutputs: secrets({ ...resource.schema.inputs, ...resource.schema.outputs }),
        ...(resource.orderReferenceInputs ? { orderReferenceInputs: resource.orderReferenceInputs } : {}),
    };
    return [
        `/** The arguments of ${resource.module}.${resource.name}. */`,
        `export interface ${resource.name}Args {`,
        ...fieldLines(inputFields(resource)),
        "}",
        "",
        `/** The outputs of ${resource.module}.${resource.name}: its arguments as given, then what the provider reports. */`,
        `export interface ${resource.name}Outputs {`,
        ...fieldLines(outputFields(resource)),
        "}",
        "",
        `/** What the ${resource.name} class registers: outputs beyond the arguments, secrets, the inputs of the order reference. */`,
        `export const ${lowerFirst(resource.name)}Shape = ${JSON.stringify(lists, null, 4)} as const;`,
    ];
}

/** The text of sdk/generated/<module>.ts. */
export function sdkTypesText(module: Module): string {
    const types = Object.entries(objectTypes).filter(([token]) => moduleOf(token) === module);
    const sections = [
        [
            "/* Generated by `npm run sdk-types` (scripts/sdkTypes.ts) from provider/native/schema and sdk/dynamicShapes.ts: edit those. */",
            'import * as pulumi from "@pulumi/pulumi";',
        ],
        connectionDeclaration(module),
        ...types.map(([token, type]) => objectTypeDeclaration(token, type)),
        ...dynamicResources.filter((resource) => resource.module === module).map(resourceDeclarations),
    ];
    return `${sections.map((lines) => lines.join("\n")).join("\n\n")}\n`;
}

export const generatedFile = (module: Module) => join(generatedDirectory, `${module}.ts`);

/** The class of a dynamic resource, registered with the one serialized provider (provider/dynamic/providers.ts). */
function resourceClass(resource: DynamicResource): string[] {
    const token = `sslmanager:${resource.module}:${resource.name}`;
    return [
        "/** The outputs, declared by the generated interface (from the package schema) merged into the class. */",
        `export interface ${resource.name} extends ${resource.name}Outputs {}`,
        "",
        `/** ${resource.description} */`,
        `export class ${resource.name} extends pulumi.dynamic.Resource {`,
        `    constructor(name: string, args: ${resource.name}Args, opts?: pulumi.CustomResourceOptions) {`,
        `        const { props, options } = registration(typeModule, "${resource.name}", name, args, ${lowerFirst(resource.name)}Shape, opts);`,
        `        super(declaredProvider("${token}"), name, props, options, typeModule, "${resource.name}");`,
        "    }",
        "}",
    ];
}

/**
 * The text of sdk/generated/<module>Resources.ts: the module's resource classes, by name (the order of
 * docs/reference.md). The type token `pulumi-nodejs:dynamic/<module>:<Name>` is in every stack's state: never rename.
 */
export function sdkResourcesText(module: Module): string {
    const resources = dynamicResources
        .filter((resource) => resource.module === module)
        .sort((a, b) => a.name.localeCompare(b.name));
    const generated = resources.flatMap((resource) => [
        `${resource.name}Args`,
        `${resource.name}Outputs`,
        `${lowerFirst(resource.name)}Shape`,
    ]);
    const sections = [
        [
            "/* Generated by `npm run sdk-types` (scripts/sdkTypes.ts) from each resource's declaration (provider/resources/<x>/declaration.ts): edit those. */",
            'import * as pulumi from "@pulumi/pulumi";',
            'import { declaredProvider } from "../../provider/dynamic/providers";',
            'import { registration } from "../registration";',
            `import { ${generated.join(", ")} } from "./${module}";`,
            "",
            `export type { ${resources.map((resource) => `${resource.name}Args`).join(", ")} };`,
            "",
            `const typeModule = "${module}";`,
        ],
        ...resources.map(resourceClass),
    ];
    return `${sections.map((lines) => lines.join("\n")).join("\n\n")}\n`;
}

export const generatedResourcesFile = (module: Module) => join(generatedDirectory, `${module}Resources.ts`);

if (require.main === module) {
    for (const sdkModule of sdkModules) {
        writeFileSync(generatedFile(sdkModule), sdkTypesText(sdkModule));
        console.log(`wrote ${generatedFile(sdkModule)}`);
        writeFileSync(generatedResourcesFile(sdkModule), sdkResourcesText(sdkModule));
        console.log(`wrote ${generatedResourcesFile(sdkModule)}`);
    }
}
