import { dirname } from "node:path";

/**
 * gRPC as the SDK's provider server uses it: the @grpc/grpc-js that @pulumi/pulumi itself resolves (a second copy
 * would not know the server the SDK creates). Not a dependency of this package of its own.
 */
export function sdkGrpc(): typeof import("@grpc/grpc-js") {
    const sdkRoot = dirname(require.resolve("@pulumi/pulumi/package.json"));
    return require(require.resolve("@grpc/grpc-js", { paths: [sdkRoot] })) as typeof import("@grpc/grpc-js");
}
