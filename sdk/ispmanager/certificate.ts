import * as pulumi from "@pulumi/pulumi";
import { ispmanagerCertificateProvider } from "../../provider/dynamic/ispmanagerProviders";
import { ConnectionArgs, secretConnection, typeModule } from "./connection";

/** An administrative or technical contact of the order (seed 004: adm_* / tech_*). */
export interface ContactArgs {
    firstName: string;
    lastName: string;
    jobTitle: string;
    email: string;
    phone: string;
}

/** A record the CA checks: create it with any DNS provider (name with the trailing dot). */
export interface ValidationRecord {
    name: string;
    type: string;
    value: string;
}

export interface CertificateArgs {
    /** The main domain (CN). Changing it orders a new certificate (replace). */
    domain: pulumi.Input<string>;
    /** Additional domains; changing them reissues the certificate (same resource). */
    altNames?: pulumi.Input<pulumi.Input<string>[]>;
    /** The billing system's tariff id. Changing it orders a new certificate (replace). */
    pricelist: pulumi.Input<string>;
    /** 12 or 24. Changing it orders a new certificate (replace). */
    periodMonths: pulumi.Input<number>;
    /** The add-on code counting additional domains (e.g. 55364 for GlobalSign DomainSSL); required with altNames. */
    altNameAddon?: pulumi.Input<string>;
    /** The billing system's country id (e.g. 182) or an ISO 3166-1 alpha-2 code mapped through its country list. */
    country: pulumi.Input<string>;
    region: pulumi.Input<string>;
    city: pulumi.Input<string>;
    organization: pulumi.Input<string>;
    organizationUnit?: pulumi.Input<string>;
    email?: pulumi.Input<string>;
    adminContact: pulumi.Input<ContactArgs>;
    technicalContact: pulumi.Input<ContactArgs>;
    /** Approval address per domain (admin@, administrator@, hostmaster@, postmaster@ or webmaster@ that domain); default admin@. */
    approverEmails?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** DNS (TXT, default), EMAIL, FILE or CNAME. */
    validationMethod?: pulumi.Input<"DNS" | "EMAIL" | "FILE" | "CNAME">;
    /** Your own CSR (PEM); without it the billing system generates key and CSR (`privateKeyPem`, secret). */
    csr?: pulumi.Input<string>;
    /** false: return at once with the validation data (status PENDING); the next `pulumi up` waits for the certificate. */
    waitForIssuance?: pulumi.Input<boolean>;
    /** How long `pulumi up` waits for issuance (default 3600); an unfinished order is resumed by the next run. */
    waitTimeoutSeconds?: pulumi.Input<number>;
    /** First interval between status checks, backing off (default 10). */
    pollIntervalSeconds?: pulumi.Input<number>;
    connection?: pulumi.Input<ConnectionArgs>;
}

/**
 * A commercial SSL certificate ordered through ispmanager's BILLmanager (seed 004). Changing the CSR or the additional
 * domains reissues it (same resource); `pulumi destroy` deletes it (certificate.delete).
 */
export class Certificate extends pulumi.dynamic.Resource {
    /** The billing system's certificate id; also the resource id. */
    declare readonly orderId: pulumi.Output<string>;
    /** ISSUED, or PENDING while an order or reissue waits to be resumed. */
    declare readonly status: pulumi.Output<string>;
    declare readonly certificatePem: pulumi.Output<string | undefined>;
    /** Intermediates from the download, leaf-first order. */
    declare readonly chainPem: pulumi.Output<string | undefined>;
    /** Leaf followed by the intermediates. */
    declare readonly fullChainPem: pulumi.Output<string | undefined>;
    declare readonly csrPem: pulumi.Output<string>;
    /** Only when the billing system generated the key; secret. */
    declare readonly privateKeyPem: pulumi.Output<string | undefined>;
    declare readonly serialNumber: pulumi.Output<string | undefined>;
    declare readonly notBefore: pulumi.Output<string | undefined>;
    declare readonly notAfter: pulumi.Output<string | undefined>;
    declare readonly fingerprintSha256: pulumi.Output<string | undefined>;
    /** The DNS names the issued certificate carries. */
    declare readonly issuedDomains: pulumi.Output<string[] | undefined>;
    /** The TXT record of the main domain. */
    declare readonly dnsValidationRecord: pulumi.Output<ValidationRecord | undefined>;
    /** One TXT record per domain. */
    declare readonly dnsValidationRecords: pulumi.Output<ValidationRecord[] | undefined>;
    declare readonly fileValidation: pulumi.Output<{ name: string; content: string } | undefined>;
    declare readonly cnameValidation: pulumi.Output<{ name: string; value: string } | undefined>;

    constructor(name: string, args: CertificateArgs, opts?: pulumi.CustomResourceOptions) {
        const outputs = Object.fromEntries(
            [
                "orderId",
                "status",
                "certificatePem",
                "chainPem",
                "fullChainPem",
                "csrPem",
                "privateKeyPem",
                "serialNumber",
                "notBefore",
                "notAfter",
                "fingerprintSha256",
                "issuedDomains",
                "dnsValidationRecord",
                "dnsValidationRecords",
                "fileValidation",
                "cnameValidation",
            ].map((key) => [key, undefined]),
        );
        super(
            ispmanagerCertificateProvider,
            name,
            { ...outputs, ...args, connection: secretConnection(args.connection) },
            { ...opts, additionalSecretOutputs: ["privateKeyPem", "connection", ...(opts?.additionalSecretOutputs ?? [])] },
            typeModule,
            "Certificate",
        );
    }
}
