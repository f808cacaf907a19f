/**
 * The dynamic-provider server turns any error with an `id` into ErrorResourceInitFailed (see
 * `@pulumi/pulumi/cmd/dynamic-provider`, grpcResponseFromError): the engine records the resource with `properties`
 * and the next `pulumi up` calls `update`, which resumes the wait instead of ordering again.
 */
export class ResourceInitializationError extends Error {
    override name = "ResourceInitializationError";
    constructor(
        message: string,
        readonly id: string,
        readonly properties: Record<string, unknown>,
        readonly reasons: string[] = [message],
    ) {
        super(message);
    }
}
