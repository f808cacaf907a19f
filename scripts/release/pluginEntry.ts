/**
 * The entry of the plugin tarball's bundle (bundle.ts): the provider server with every module it needs inside the
 * one file, so the plugin needs no package to search for. The gRPC module is the one bundled beside the SDK's server
 * (the bundle holds one copy of @grpc/grpc-js; bundle.ts refuses a second).
 */
import * as grpc from "@grpc/grpc-js";
import { serve } from "../../provider/native/server";

serve(process.argv.slice(2), grpc).catch((error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
});
