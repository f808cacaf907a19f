import { declared } from "../provider/native/schema/declared";
import { InputProperty, ResourceDefinition } from "../provider/native/schema/model";
import { backendOf } from "../provider/resources/resource";
import { resources } from "../provider/resources/registry";

/**
 * Where the dynamic resources differ from the package schema (provider/native/schema), which writes every input and
 * output once. scripts/sdkTypes.ts generates sdk/generated/<module>.ts from the two: the `*Args` interfaces, the
 * outputs and the lists the resource classes need. The differences are written in each resource's declaration.
 */
export interface DynamicResource {
    /** The schema resource this dynamic resource serves. */
    schema: ResourceDefinition;
    /** The module and class name: the dynamic type `pulumi-nodejs:dynamic/<module>:<name>` is in every stack's state. */
    module: "internetx" | "ispmanager";
    name: string;
    /** The class's doc comment. */
    description: string;
    /** Inputs only the dynamic resource takes (the native provider has `pulumi import` for them). */
    extraInputs?: Record<string, InputProperty>;
    /** TypeScript types wider than the schema's, which version 0.1.0 accepted (ids as numbers, any software name). */
    inputTypes?: Record<string, string>;
    /**
     * Outputs that version 0.1.0 typed as always present although the schema may leave them out (while an order is
     * PENDING): kept so that programs written against it still compile.
     */
    presentOutputs?: readonly string[];
    /**
     * The inputs whose change replaces the resource, in the order the hidden `orderReference` input hashes them
     * (sdk/orderReference.ts): the order is part of every pending order's reference, never change it.
     */
    orderReferenceInputs?: readonly string[];
}

/**
 * The per-resource `connection` argument of each backend: the provider configuration's settings of that backend
 * (provider/native/schema/config.ts), as one object; what it leaves out comes from the stack config, then the
 * environment.
 */
export const connections = {
    internetx:
        "How to reach InterNetX; what it leaves out comes from the stack config `internetx:*`, then `AUTODNS_*`.",
    ispmanager:
        "How to reach BILLmanager; what it leaves out comes from the stack config `ispmanager:*`, then `ISPMANAGER_*`.",
} as const;

/** The type name of a dynamic resource: the last part of its declaration's token (`sslmanager:<module>:<Name>`). */
const typeName = (token: string) => token.split(":")[2];

/**
 * Every resource of provider/resources/registry.ts as the dynamic SDK serves it: its schema, its module and name from
 * the type token, its differences from its declaration, and for a resource that orders the inputs its order reference
 * hashes, which are the declaration's replacing inputs in their order.
 */
export const dynamicResources: DynamicResource[] = resources.map(({ declaration, orders }) => ({
    schema: declared(declaration),
    module: backendOf(declaration),
    name: typeName(declaration.token),
    ...declaration.dynamic,
    description: declaration.dynamic.description ?? declaration.documentation.description,
    ...(orders ? { orderReferenceInputs: declaration.changes.replace } : {}),
}));
