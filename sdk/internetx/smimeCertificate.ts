import * as pulumi from "@pulumi/pulumi";
import { orderReferenceInput } from "../orderReference";
import { smimeCertificateProvider } from "../../provider/dynamic/providers";
import { progressUrnInput } from "../progressUrn";
import { ConnectionArgs, secretConnection, typeModule } from "./connection";

export interface SmimeCertificateArgs {
    /** The mailbox the certificate is for (the certificate's name). Changing it orders a new certificate (replace). */
    email: pulumi.Input<string>;
    /** GLOBALSIGN_PERSONALSIGN_1 or GLOBALSIGN_PERSONALSIGN_2. Changing it orders a new certificate (replace). */
    product: pulumi.Input<string>;
    /** Term in months: 12, 24 or 36. Changing it orders a new certificate (replace). */
    lifetimeMonths: pulumi.Input<number>;
    /** The administrative contact: an `SslContact`'s `contactId` or a contact id of your account (integer or string). */
    adminContactId: pulumi.Input<string | number>;
    /** The holder's given name. */
    firstName: pulumi.Input<string>;
    /** The holder's family name. */
    lastName: pulumi.Input<string>;
    /** Department in the certificate; optional. */
    organizationUnit?: pulumi.Input<string>;
    /** Defaults to `email`. */
    approverEmail?: pulumi.Input<string>;
    /** The CA protects the download with it; also protects `pkcs12Base64`. Stored as a secret. */
    downloadPassword: pulumi.Input<string>;
    /** Your own CSR; or `privateKey` (RSA) to have the provider generate key and CSR; neither: the CA makes the key. */
    csr?: pulumi.Input<string>;
    /** Have the provider generate an RSA key (2048, 3072 or 4096 bits) and the CSR; then `pkcs12Base64` is filled. */
    privateKey?: pulumi.Input<{ algorithm: "RSA"; rsaBits?: 2048 | 3072 | 4096 }>;
    /** Renew when fewer days than this remain (default 30). */
    renewBeforeDays?: pulumi.Input<number>;
    /** How long `pulumi up` waits for issuance (default 3600); an unfinished order is resumed by the next run. */
    waitTimeoutSeconds?: pulumi.Input<number>;
    /** First interval between status checks in seconds, backing off (default 10). */
    pollIntervalSeconds?: pulumi.Input<number>;
    /** `job` (the order's job, default) or `notifications` (the account's poll queue). */
    waitStrategy?: pulumi.Input<"job" | "notifications">;
    /**
     * What `pulumi destroy` does at InterNetX (also to the old certificate when a product or term change replaces it):
     * `cancel` (default) cancels the certificate (CertificateDelete) and it leaves the account; `revoke` revokes it
     * (Certificate Revoke), invalid for every client at once and for good; `keep` leaves it in the account, valid
     * until it expires, and no stack renews it any more. Recorded by `pulumi up`: change it, run `pulumi up`, then destroy.
     */
    onDestroy?: pulumi.Input<"cancel" | "revoke" | "keep">;
    /** How to reach InterNetX; what it leaves out comes from the stack config `internetx:*`, then `AUTODNS_*`. */
    connection?: pulumi.Input<ConnectionArgs>;
}

/** An S/MIME certificate (InterNetX certificate type MAIL): signing and encrypting mail. */
export class SmimeCertificate extends pulumi.dynamic.Resource {
    /** InterNetX's id of the certificate. */
    declare readonly certificateId: pulumi.Output<string>;
    /** The CA's order id, where InterNetX reports one. */
    declare readonly orderId: pulumi.Output<string | undefined>;
    /** ISSUED, or PENDING while an order waits to be resumed by the next `pulumi up`. */
    declare readonly status: pulumi.Output<string>;
    /** The issued certificate (PEM). */
    declare readonly certificatePem: pulumi.Output<string>;
    /** Intermediates, leaf-first order. */
    declare readonly chainPem: pulumi.Output<string>;
    /** The root the chain ends at, where InterNetX sends it. */
    declare readonly rootPem: pulumi.Output<string | undefined>;
    /** Leaf followed by the intermediates. */
    declare readonly fullChainPem: pulumi.Output<string>;
    /** Serial number, hexadecimal. */
    declare readonly serialNumber: pulumi.Output<string>;
    /** Start of validity (ISO 8601). */
    declare readonly notBefore: pulumi.Output<string>;
    /** End of validity (ISO 8601). */
    declare readonly notAfter: pulumi.Output<string>;
    /** SHA-256 fingerprint. */
    declare readonly fingerprintSha256: pulumi.Output<string>;
    /** The mailboxes the certificate carries. */
    declare readonly emailAddresses: pulumi.Output<string[]>;
    /** The generated key (PEM), only with `privateKey`; a secret. */
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
            {
                ...outputs,
                ...args,
                orderReference: orderReferenceInput("internetx:SmimeCertificate", name, [args.product, args.lifetimeMonths, args.email]),
                downloadPassword: pulumi.secret(args.downloadPassword),
                connection: secretConnection(args.connection),
                progressUrn: progressUrnInput(name, `pulumi-nodejs:dynamic/${typeModule}:SmimeCertificate`, opts),
            },
            { ...opts, additionalSecretOutputs: ["downloadPassword", "privateKeyPem", "pkcs12Base64", "connection", ...(opts?.additionalSecretOutputs ?? [])] },
            typeModule,
            "SmimeCertificate",
        );
    }
}
