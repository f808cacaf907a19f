export { Client } from "../../provider/internetx/client";
export type { ClientOptions } from "../../provider/internetx/config";
export type { ConnectionArgs } from "./connection";
// Every resource class of the module and its arguments, generated from the declarations (npm run sdk-types).
export * from "../generated/internetxResources";
export type {
    DnsRecord,
    FileValidation,
    PrivateKeyArgs,
    SmimePrivateKeyArgs,
    SubjectArgs,
    ValidationArgs,
} from "../generated/internetx";
