import * as pulumi from "@pulumi/pulumi";
import { smimeCertificateProvider } from "../../provider/dynamic/providers";
import { ConnectionArgs, secretConnection, typeModule } from "./connection";

export interface SmimeCertificateArgs {
    /** The mailbox the certificate is for (the certificate's name, seed 003). */
    email: pulumi.Input<string>;
    /** e.g. GLOBALSIGN_PERSONALSIGN_1. Changing it orders a new certificate (replace). */
    product: pulumi.Input<string>;
    lifetimeMonths: pulumi.Input<number>;
    adminContactId: pulumi.Input<string>;
    firstName: pulumi.Input<string>;
    lastName: pulumi.Input<string>;
    organizationUnit?: pulumi.Input<string>;
    /** Defaults to `email`. */
    approverEmail?: pulumi.Input<string>;
    /** The CA protects the download with it; also protects `pkcs12Base64`. Stored as a secret. */
    downloadPassword: pulumi.Input<string>;
    /** Your own CSR; or `privateKey` (RSA) to have the provider generate key and CSR; neither: the CA makes the key. */
    csr?: pulumi.Input<string>;
    privateKey?: pulumi.Input<{ algorithm: "RSA"; rsaBits?: 2048 | 3072 | 4096 }>;
    renewBeforeDays?: pulumi.Input<number>;
    waitTimeoutSeconds?: pulumi.Input<number>;
    pollIntervalSeconds?: pulumi.Input<number>;
    waitStrategy?: pulumi.Input<"job" | "notifications">;
    connection?: pulumi.Input<ConnectionArgs>;
}

/** An S/MIME certificate (InterNetX certificate type MAIL, seed 003): signing and encrypting mail. */
export class SmimeCertificate extends pulumi.dynamic.Resource {
    declare readonly certificateId: pulumi.Output<string>;
    declare readonly orderId: pulumi.Output<string | undefined>;
    declare readonly status: pulumi.Output<string>;
    declare readonly certificatePem: pulumi.Output<string>;
    declare readonly chainPem: pulumi.Output<string>;
    declare readonly rootPem: pulumi.Output<string | undefined>;
    declare readonly fullChainPem: pulumi.Output<string>;
    declare readonly serialNumber: pulumi.Output<string>;
    declare readonly notBefore: pulumi.Output<string>;
    declare readonly notAfter: pulumi.Output<string>;
    declare readonly fingerprintSha256: pulumi.Output<string>;
    declare readonly emailAddresses: pulumi.Output<string[]>;
    declare readonly privateKeyPem: pulumi.Output<string | undefined>;
    /** PKCS#12 (key, leaf, chain) protected by `downloadPassword`, base64; only when the key was generated here. */
    declare readonly pkcs12Base64: pulumi.Output<string | undefined>;

    constructor(name: string, args: SmimeCertificateArgs, opts?: pulumi.CustomResourceOptions) {
        const outputs = Object.fromEntries(
            ["certificateId", "orderId", "jobId", "status", "certificatePem", "chainPem", "rootPem", "fullChainPem", "serialNumber", "notBefore", "notAfter", "fingerprintSha256", "emailAddresses", "csrPem", "privateKeyPem", "pkcs12Base64"].map((key) => [key, undefined]),
        );
        super(
            smimeCertificateProvider,
            name,
            { ...outputs, ...args, downloadPassword: pulumi.secret(args.downloadPassword), connection: secretConnection(args.connection) },
            { ...opts, additionalSecretOutputs: ["downloadPassword", "privateKeyPem", "pkcs12Base64", "connection", ...(opts?.additionalSecretOutputs ?? [])] },
            typeModule,
            "SmimeCertificate",
        );
    }
}
