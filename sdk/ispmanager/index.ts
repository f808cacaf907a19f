export { Client } from "../../provider/ispmanager/client";
export type { ClientOptions } from "../../provider/ispmanager/config";
export { Certificate } from "./certificate";
export type { CertificateArgs } from "./certificate";
export type { CnameValidation, ContactArgs, FileValidation, ValidationRecord } from "../generated/ispmanager";
export type { ConnectionArgs } from "./connection";
