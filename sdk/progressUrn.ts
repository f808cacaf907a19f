import * as pulumi from "@pulumi/pulumi";

/**
 * The hidden `progressUrn` input of a resource that waits: its own URN, so the provider can attach its progress lines
 * to it (the engine's log takes a URN) instead of the stack. Computed here because a dynamic provider's `create` and
 * `update` are not told the URN. It is not an argument: no decision looks at it.
 */
export function progressUrnInput(
    name: string,
    typeToken: string,
    opts: pulumi.CustomResourceOptions | undefined,
): pulumi.Output<string> {
    return pulumi.createUrn(name, typeToken, opts?.parent);
}
