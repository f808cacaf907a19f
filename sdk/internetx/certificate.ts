import * as pulumi from "@pulumi/pulumi";
import { orderReferenceInput } from "../orderReference";
import { certificateProvider } from "../../provider/dynamic/providers";
import { progressUrnInput } from "../progressUrn";
import { ConnectionArgs, secretConnection, typeModule } from "./connection";
import { DnsRecord, PrivateKeyArgs, SubjectArgs, ValidationArgs } from "./types";

export interface CertificateArgs {
    /** The common name, e.g. www.example.com; defaults to the CSR's CN. Changing it reissues the certificate. */
    name?: pulumi.Input<string>;
    /**
     * InterNetX product code: QUICKSSLPREMIUM, RAPIDSSL, SSL123, SECURESITE or TRUEBUSINESSID. Changing it orders a
     * new certificate (replace), which is paid again.
     */
    product: pulumi.Input<string>;
    /** Term in months, as the product offers it (12 or 24). Changing it orders a new certificate (replace). */
    lifetimeMonths: pulumi.Input<number>;
    /** The server software the certificate is for: APACHESSL (default), IIS5, NGINX, OTHER or NOT_SET. */
    software?: pulumi.Input<string>;
    /** The administrative contact: an `SslContact`'s `contactId`, or the id of a contact in your account (integer or string). */
    adminContactId: pulumi.Input<string | number>;
    /** The technical contact: an `SslContact`'s `contactId`, or the id of a contact in your account (integer or string). */
    technicalContactId: pulumi.Input<string | number>;
    /** Your own CSR (PEM); give either this or `privateKey`. Changing it reissues the certificate. */
    csr?: pulumi.Input<string>;
    /** Have the provider generate the key and the CSR; the key is the secret output `privateKeyPem`. */
    privateKey?: pulumi.Input<PrivateKeyArgs>;
    /** More DNS names for the certificate, besides `name`; with a CSR they must be in it. Changing them reissues. */
    subjectAlternativeNames?: pulumi.Input<pulumi.Input<string>[]>;
    /** Subject fields of the generated CSR (with `privateKey` only). */
    subject?: pulumi.Input<SubjectArgs>;
    /** How the CA validates the domain; default DNS validation provisioned by InterNetX. */
    validation?: pulumi.Input<ValidationArgs>;
    /** Renew when fewer days than this remain (default 30); `pulumi up` renews in place. */
    renewBeforeDays?: pulumi.Input<number>;
    /** How long `pulumi up` waits for issuance (default 3600); an unfinished order is resumed by the next run. */
    waitTimeoutSeconds?: pulumi.Input<number>;
    /** First interval between status checks in seconds, backing off ×1.5 up to 60 (default 10). */
    pollIntervalSeconds?: pulumi.Input<number>;
    /** How the wait learns about issuance: `job` (the order's job, default) or `notifications` (the account's poll queue). */
    waitStrategy?: pulumi.Input<"job" | "notifications">;
    /** Take over this existing InterNetX certificate instead of ordering one (integer or string id). */
    importCertificateId?: pulumi.Input<string | number>;
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

/**
 * A CA-issued SSL/TLS certificate through InterNetX SSL Manager. Changing names, SANs, CSR, key or contacts
 * reissues it (same resource); a due renewal renews it; `pulumi destroy` cancels it.
 */
export class Certificate extends pulumi.dynamic.Resource {
    /** InterNetX's id of the certificate; the same across reissues and renewals. */
    declare readonly certificateId: pulumi.Output<string>;
    /** The CA's order id, where InterNetX reports one. */
    declare readonly orderId: pulumi.Output<string | undefined>;
    /** The job of the last order, reissue or renewal. */
    declare readonly jobId: pulumi.Output<string | undefined>;
    /** ISSUED, or PENDING while an order waits to be resumed by the next `pulumi up`. */
    declare readonly status: pulumi.Output<string>;
    /** The common name. */
    declare readonly name: pulumi.Output<string>;
    /** The issued certificate (PEM). */
    declare readonly certificatePem: pulumi.Output<string>;
    /** Intermediates, leaf-first order. */
    declare readonly chainPem: pulumi.Output<string>;
    /** The root the chain ends at, where InterNetX sends it. */
    declare readonly rootPem: pulumi.Output<string | undefined>;
    /** Leaf followed by the intermediates: what a web server is configured with. */
    declare readonly fullChainPem: pulumi.Output<string>;
    /** The CSR the certificate was ordered with. */
    declare readonly csrPem: pulumi.Output<string>;
    /** The generated key (PEM), only with `privateKey`; a secret. */
    declare readonly privateKeyPem: pulumi.Output<string | undefined>;
    /** Serial number of the issued certificate, hexadecimal. */
    declare readonly serialNumber: pulumi.Output<string>;
    /** Start of validity (ISO 8601). */
    declare readonly notBefore: pulumi.Output<string>;
    /** End of validity (ISO 8601); renewal is due `renewBeforeDays` before it. */
    declare readonly notAfter: pulumi.Output<string>;
    /** SHA-256 fingerprint of the issued certificate. */
    declare readonly fingerprintSha256: pulumi.Output<string>;
    /** The alternative names as given (the input). */
    declare readonly subjectAlternativeNames: pulumi.Output<string[] | undefined>;
    /** The DNS names the issued certificate carries, common name included. */
    declare readonly issuedNames: pulumi.Output<string[]>;
    /** The TXT record of DNS validation, as InterNetX reports it. */
    declare readonly dnsValidationRecord: pulumi.Output<DnsRecord | undefined>;

    constructor(name: string, args: CertificateArgs, opts?: pulumi.CustomResourceOptions) {
        const outputs = {
            certificateId: undefined,
            orderId: undefined,
            jobId: undefined,
            status: undefined,
            certificatePem: undefined,
            chainPem: undefined,
            rootPem: undefined,
            fullChainPem: undefined,
            csrPem: undefined,
            privateKeyPem: undefined,
            serialNumber: undefined,
            notBefore: undefined,
            notAfter: undefined,
            fingerprintSha256: undefined,
            issuedNames: undefined,
            dnsValidationRecord: undefined,
        };
        super(
            certificateProvider,
            name,
            { ...outputs, ...args, orderReference: orderReferenceInput("internetx:Certificate", name, [args.product, args.lifetimeMonths]), connection: secretConnection(args.connection), progressUrn: progressUrnInput(name, `pulumi-nodejs:dynamic/${typeModule}:Certificate`, opts) },
            { ...opts, additionalSecretOutputs: ["privateKeyPem", "connection", ...(opts?.additionalSecretOutputs ?? [])] },
            typeModule,
            "Certificate",
        );
    }
}
