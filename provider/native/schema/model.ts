/**
 * The vocabulary the package schema is written in: a small typed subset of the Pulumi Package Schema ("Pulumi
 * Package Schema" reference: properties, object types, resources, config), so the resource shapes are written once,
 * in TypeScript, and schema.json, the provider's secret handling and the dynamic resources' TypeScript types
 * (scripts/sdkTypes.ts) are derived from them.
 */
export type PropertyType =
    "string" | "integer" | "number" | "boolean" | { array: PropertyType } | { map: PropertyType } | { object: string };

export interface Property {
    type: PropertyType;
    description: string;
    /** The engine keeps the value secret in state and in every language's SDK. */
    secret?: boolean;
    /** Allowed string values (documented in the description as well; the SDKs keep plain strings). */
    values?: readonly string[];
    /**
     * Values the provider knows, which editors offer, while any other string still type-checks (a product InterNetX
     * adds later; the provider's check has the last word). In schema.json: a string enum type named `token`, and the
     * input is one of string or that enum (the Pulumi Package Schema's `oneOf`, as Pulumi's own providers type an
     * open list); in TypeScript: the literals `| (string & {})`.
     */
    known?: KnownValues;
    /** Shown in the docs; the provider's check applies it. */
    default?: string | number | boolean;
    /** Changing this input replaces the resource (orders a new certificate). */
    replaces?: boolean;
}

export interface KnownValues {
    /** The enum type's token, e.g. sslmanager:internetx:CertificateProduct. */
    token: string;
    description: string;
    values: readonly string[];
}

export interface InputProperty extends Property {
    required?: boolean;
}

export interface OutputProperty extends Property {
    /** Present once the resource exists (with every status). */
    always?: boolean;
}

export interface ObjectType {
    description: string;
    properties: Record<string, InputProperty>;
    /**
     * Which properties go with which value of one string property (the Pulumi schema has no unions, so schema.json
     * keeps the flat object; the TypeScript types of the dynamic resources are a discriminated union of these cases).
     */
    variants?: { discriminator: string; cases: Record<string, { properties: string[]; required?: string[] }> };
}

export interface ResourceDefinition {
    token: string;
    description: string;
    /** Inputs; each is also an output of the same name. */
    inputs: Record<string, InputProperty>;
    /** Outputs beyond the inputs. */
    outputs: Record<string, OutputProperty>;
}

export interface ConfigVariable extends Property {
    /** Where the value goes: which backend's connection and which of its settings. */
    backend: "internetx" | "ispmanager";
    setting: string;
}
