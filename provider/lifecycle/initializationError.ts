/**
 * The dynamic-provider server turns any error with an `id` into ErrorResourceInitFailed (see
 * `@pulumi/pulumi/cmd/dynamic-provider`, grpcResponseFromError): the engine records the resource with `properties`
 * and the next `pulumi up` calls `update`, which resumes the wait instead of ordering again.
 */
export class ResourceInitializationError extends Error {
    override name = "ResourceInitializationError";
    readonly properties: Record<string, unknown>;

    constructor(
        message: string,
        readonly id: string,
        properties: Record<string, unknown>,
        readonly reasons: string[] = [message],
    ) {
        super(message);
        // The server packs these into a protobuf Struct, which rejects `undefined`: keep plain JSON values only.
        this.properties = JSON.parse(JSON.stringify(properties)) as Record<string, unknown>;
    }
}
