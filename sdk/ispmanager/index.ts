export { Client } from "../../provider/ispmanager/client";
export type { ClientOptions } from "../../provider/ispmanager/config";
export { Certificate } from "./certificate";
export type { CertificateArgs, ContactArgs, ValidationRecord } from "./certificate";
export type { ConnectionArgs } from "./connection";
