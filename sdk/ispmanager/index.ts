export { Client } from "../../provider/ispmanager/client";
export type { ClientOptions } from "../../provider/ispmanager/config";
// Every resource class of the module and its arguments, generated from the declarations (npm run sdk-types).
export * from "../generated/ispmanagerResources";
export type { CnameValidation, ContactArgs, FileValidation, ValidationRecord } from "../generated/ispmanager";
export type { ConnectionArgs } from "./connection";
