import * as pulumi from "@pulumi/pulumi";
import { orderReference } from "../provider/lifecycle/orderReference";

/**
 * The hidden `orderReference` input of a resource that orders (provider/lifecycle/orderReference.ts): computed here
 * because a dynamic provider's `create` is not told the resource's URN. It names the project, the stack, the type and
 * the resource, and the inputs whose change replaces the resource, so no other stack's or project's certificate and no
 * certificate of another product or term ever carries it.
 */
export function orderReferenceInput(
    type: string,
    name: string,
    replacementInputs: pulumi.Input<unknown>[],
): pulumi.Output<string> {
    return pulumi.all(replacementInputs).apply((values) =>
        orderReference({
            project: pulumi.getProject(),
            stack: pulumi.getStack(),
            type,
            name,
            replacementInputs: values,
        }),
    );
}
