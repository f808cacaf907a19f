export { Client } from "../../provider/internetx/client";
export type { ClientOptions } from "../../provider/internetx/config";
export { Certificate } from "./certificate";
export type { CertificateArgs } from "./certificate";
export type { ConnectionArgs } from "./connection";
export { DomainValidation } from "./domainValidation";
export type { DomainValidationArgs } from "./domainValidation";
export { SslContact } from "./sslContact";
export type { SslContactArgs } from "./sslContact";
export type {
    DnsRecord,
    FileValidation,
    PrivateKeyArgs,
    SmimePrivateKeyArgs,
    SubjectArgs,
    ValidationArgs,
} from "../generated/internetx";
export { SmimeCertificate } from "./smimeCertificate";
export type { SmimeCertificateArgs } from "./smimeCertificate";
