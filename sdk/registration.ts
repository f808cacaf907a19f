import * as pulumi from "@pulumi/pulumi";
import { orderReferenceInput } from "./orderReference";
import { progressUrnInput } from "./progressUrn";

/** What a resource class registers beyond its arguments (the `*Shape` lists of sdk/generated, from the package schema). */
export interface ResourceShape {
    /** Outputs beyond the arguments: registered empty, the provider fills them. */
    readonly outputs: readonly string[];
    /** Arguments the engine keeps secret. */
    readonly secretInputs: readonly string[];
    /** Outputs (arguments included) the engine keeps secret. */
    readonly secretOutputs: readonly string[];
    /** Present on a resource that orders: the inputs the hidden `orderReference` names, in their order. */
    readonly orderReferenceInputs?: readonly string[];
}

/**
 * The properties and options a dynamic resource registers: its arguments, its outputs empty, the secret ones wrapped,
 * the connection as a secret (a password in it never reaches state in plain text), and for a resource that orders the
 * hidden `orderReference` and `progressUrn` inputs, which the SDK computes because a dynamic provider's `create` is
 * not told the resource's URN.
 */
export function registration(
    typeModule: string,
    typeName: string,
    name: string,
    args: object,
    shape: ResourceShape,
    opts: pulumi.CustomResourceOptions | undefined,
): { props: Record<string, unknown>; options: pulumi.CustomResourceOptions } {
    const given = args as Record<string, unknown>;
    const props: Record<string, unknown> = {
        ...Object.fromEntries(shape.outputs.map((output) => [output, undefined])),
        ...given,
    };
    for (const secret of shape.secretInputs)
        if (given[secret] !== undefined) props[secret] = pulumi.secret(given[secret]);
    if (given.connection !== undefined) props.connection = pulumi.secret(given.connection);
    if (shape.orderReferenceInputs) {
        props.orderReference = orderReferenceInput(
            `${typeModule}:${typeName}`,
            name,
            shape.orderReferenceInputs.map((input) => given[input]),
        );
        props.progressUrn = progressUrnInput(name, `pulumi-nodejs:dynamic/${typeModule}:${typeName}`, opts);
    }
    return {
        props,
        options: {
            ...opts,
            additionalSecretOutputs: [...shape.secretOutputs, "connection", ...(opts?.additionalSecretOutputs ?? [])],
        },
    };
}
