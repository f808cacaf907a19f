import { configVariables } from "./config";
import { InputProperty, KnownValues, ObjectType, Property, PropertyType, ResourceDefinition } from "./model";
import { resources } from "./resources";
import { objectTypes } from "./types";

export { configVariables } from "./config";
export { resources } from "./resources";
export { objectTypes } from "./types";

export const packageName = "sslmanager";

type JsonObject = Record<string, unknown>;

function typeSpec(type: PropertyType): JsonObject {
    if (typeof type === "string") return { type };
    if ("array" in type) return { type: "array", items: typeSpec(type.array) };
    if ("map" in type) return { type: "object", additionalProperties: typeSpec(type.map) };
    return { $ref: `#/types/${type.object}` };
}

function describe(property: Property): string {
    const values =
        property.values && !property.description.includes(property.values.join(", "))
            ? ` One of: ${property.values.join(", ")}.`
            : "";
    return property.description + values;
}

/**
 * An input with known values is one of string or their enum (the "Pulumi Package Schema" `oneOf`): every SDK offers
 * the values and still takes any string. An output is what the provider reports: a plain string.
 */
function propertySpec(property: Property, role: "input" | "output"): JsonObject {
    const type =
        property.known && role === "input"
            ? { oneOf: [{ type: "string" }, { $ref: `#/types/${property.known.token}` }] }
            : typeSpec(property.type);
    return {
        ...type,
        description: describe(property),
        ...(property.secret ? { secret: true } : {}),
        ...(property.replaces ? { replaceOnChanges: true } : {}),
    };
}

function propertiesSpec(properties: Record<string, Property>, role: "input" | "output"): JsonObject {
    return Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [name, propertySpec(property, role)]),
    );
}

/** The string enum types of the inputs' known values, by token. */
function enumTypes(): Record<string, JsonObject> {
    const known = new Map<string, KnownValues>();
    const inputs = [
        ...resources.flatMap((resource) => Object.values(resource.inputs)),
        ...Object.values(objectTypes).flatMap((type) => Object.values(type.properties)),
    ];
    for (const property of inputs) if (property.known) known.set(property.known.token, property.known);
    return Object.fromEntries(
        [...known.values()].map((enumType) => [
            enumType.token,
            { type: "string", description: enumType.description, enum: enumType.values.map((value) => ({ value })) },
        ]),
    );
}

const requiredOf = (properties: Record<string, InputProperty>) =>
    Object.keys(properties).filter((name) => properties[name].required);

function objectTypeSpec(type: ObjectType): JsonObject {
    const required = requiredOf(type.properties);
    return {
        type: "object",
        description: type.description,
        properties: propertiesSpec(type.properties, "input"),
        ...(required.length ? { required } : {}),
    };
}

function resourceSpec(resource: ResourceDefinition): JsonObject {
    const always = Object.keys(resource.outputs).filter((name) => resource.outputs[name].always);
    return {
        description: resource.description,
        properties: propertiesSpec({ ...resource.inputs, ...resource.outputs }, "output"),
        required: [...requiredOf(resource.inputs), ...always],
        inputProperties: propertiesSpec(resource.inputs, "input"),
        requiredInputs: requiredOf(resource.inputs),
    };
}

/** The Pulumi package schema of `sslmanager` (what GetSchema answers and schema.json holds). */
export function packageSchema(version: string): JsonObject {
    const config = propertiesSpec(configVariables, "input");
    return {
        name: packageName,
        displayName: "SSL Manager",
        version,
        description:
            "Commercial SSL/TLS and S/MIME certificates through InterNetX SSL Manager and ispmanager BILLmanager.",
        keywords: ["pulumi", "sslmanager", "certificates", "internetx", "ispmanager", "category/security"],
        license: "Apache-2.0",
        publisher: "pulumi-sslmanager",
        meta: { moduleFormat: "(.*)" },
        config: { variables: config },
        provider: {
            description:
                "The provider type of the sslmanager package: its arguments are the connections to InterNetX and BILLmanager.",
            inputProperties: config,
        },
        types: {
            ...Object.fromEntries(Object.entries(objectTypes).map(([token, type]) => [token, objectTypeSpec(type)])),
            ...enumTypes(),
        },
        resources: Object.fromEntries(resources.map((resource) => [resource.token, resourceSpec(resource)])),
        language: {
            nodejs: {
                packageName: "@pulumi-sslmanager/sslmanager",
                packageDescription: "Pulumi SDK of the sslmanager provider (generated).",
                respectSchemaVersion: true,
            },
            python: { packageName: "pulumi_sslmanager", respectSchemaVersion: true },
            go: {
                importBasePath: "github.com/pulumi-sslmanager/sdk/go/sslmanager",
                generateResourceContainerTypes: false,
                respectSchemaVersion: true,
            },
            csharp: { rootNamespace: "PulumiSslManager" },
        },
    };
}

/** The names of every secret property of a resource (top level), for marking outputs secret. */
export function secretProperties(resource: ResourceDefinition): string[] {
    return Object.entries({ ...resource.inputs, ...resource.outputs })
        .filter(([, property]) => property.secret)
        .map(([name]) => name);
}
