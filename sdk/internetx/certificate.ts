import * as pulumi from "@pulumi/pulumi";
import { certificateProvider } from "../../provider/dynamic/providers";
import { ConnectionArgs, secretConnection, typeModule } from "./connection";
import { DnsRecord, PrivateKeyArgs, SubjectArgs, ValidationArgs } from "./types";

export interface CertificateArgs {
    /** Common name; defaults to the CSR's CN. */
    name?: pulumi.Input<string>;
    /** InterNetX product code, e.g. QUICKSSLPREMIUM. Changing it orders a new certificate (replace). */
    product: pulumi.Input<string>;
    /** Term in months (QuickSSLPremium: 12 or 24). Changing it orders a new certificate (replace). */
    lifetimeMonths: pulumi.Input<number>;
    /** APACHESSL (default), IIS5, NGINX, OTHER. */
    software?: pulumi.Input<string>;
    adminContactId: pulumi.Input<string>;
    technicalContactId: pulumi.Input<string>;
    /** Your own CSR (PEM); or `privateKey` to have the provider generate key and CSR. */
    csr?: pulumi.Input<string>;
    privateKey?: pulumi.Input<PrivateKeyArgs>;
    subjectAlternativeNames?: pulumi.Input<pulumi.Input<string>[]>;
    subject?: pulumi.Input<SubjectArgs>;
    /** Default: DNS validation provisioned by InterNetX. */
    validation?: pulumi.Input<ValidationArgs>;
    /** Renew when fewer days than this remain (default 30). */
    renewBeforeDays?: pulumi.Input<number>;
    /** How long `pulumi up` waits for issuance (default 3600); an unfinished order is resumed by the next run. */
    waitTimeoutSeconds?: pulumi.Input<number>;
    /** First interval between status checks, backing off (default 10). */
    pollIntervalSeconds?: pulumi.Input<number>;
    /** `job` (GET /job/{id}, default) or `notifications` (PollInfo/PollConfirm). */
    waitStrategy?: pulumi.Input<"job" | "notifications">;
    /** Adopt this existing InterNetX certificate instead of ordering (the working form of an import). */
    importCertificateId?: pulumi.Input<string>;
    connection?: pulumi.Input<ConnectionArgs>;
}

/**
 * A CA-issued SSL/TLS certificate through InterNetX SSL Manager. Changing names, SANs, CSR, key or contacts
 * reissues it (same resource); a due renewal renews it; `pulumi destroy` cancels it.
 */
export class Certificate extends pulumi.dynamic.Resource {
    declare readonly certificateId: pulumi.Output<string>;
    declare readonly orderId: pulumi.Output<string | undefined>;
    declare readonly jobId: pulumi.Output<string | undefined>;
    /** ISSUED, or PENDING while an order waits to be resumed. */
    declare readonly status: pulumi.Output<string>;
    declare readonly name: pulumi.Output<string>;
    declare readonly certificatePem: pulumi.Output<string>;
    /** Intermediates, leaf-first order. */
    declare readonly chainPem: pulumi.Output<string>;
    declare readonly rootPem: pulumi.Output<string | undefined>;
    /** Leaf followed by the intermediates. */
    declare readonly fullChainPem: pulumi.Output<string>;
    declare readonly csrPem: pulumi.Output<string>;
    /** Only when the provider generated the key; secret. */
    declare readonly privateKeyPem: pulumi.Output<string | undefined>;
    declare readonly serialNumber: pulumi.Output<string>;
    declare readonly notBefore: pulumi.Output<string>;
    declare readonly notAfter: pulumi.Output<string>;
    declare readonly fingerprintSha256: pulumi.Output<string>;
    /** The DNS names the issued certificate carries. */
    declare readonly subjectAlternativeNames: pulumi.Output<string[]>;
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
            dnsValidationRecord: undefined,
        };
        super(
            certificateProvider,
            name,
            { ...outputs, ...args, connection: secretConnection(args.connection) },
            { ...opts, additionalSecretOutputs: ["privateKeyPem", "connection", ...(opts?.additionalSecretOutputs ?? [])] },
            typeModule,
            "Certificate",
        );
    }
}
