import * as pulumi from "@pulumi/pulumi";
import { orderReferenceInput } from "../orderReference";
import { ispmanagerCertificateProvider } from "../../provider/dynamic/ispmanagerProviders";
import { progressUrnInput } from "../progressUrn";
import { ConnectionArgs, secretConnection, typeModule } from "./connection";

/** An administrative or technical contact of the order (the order's adm_* / tech_* fields). */
export interface ContactArgs {
    /** Given name. */
    firstName: string;
    /** Family name. */
    lastName: string;
    /** Position in the organization. */
    jobTitle: string;
    /** Mailbox. */
    email: string;
    /** Phone number, e.g. +7 495 1234567. */
    phone: string;
}

/** A record the CA checks: create it with any DNS provider (name with the trailing dot). */
export interface ValidationRecord {
    /** Fully qualified, with the trailing dot. */
    name: string;
    /** TXT or CNAME. */
    type: string;
    /** The record's value. */
    value: string;
}

export interface CertificateArgs {
    /** The main domain (CN). Changing it orders a new certificate (replace). */
    domain: pulumi.Input<string>;
    /** Additional domains; changing them reissues the certificate (same resource). */
    altNames?: pulumi.Input<pulumi.Input<string>[]>;
    /** The billing system's tariff id (integer or string). Changing it orders a new certificate (replace). */
    pricelist: pulumi.Input<string | number>;
    /** 12 or 24. Changing it orders a new certificate (replace). */
    periodMonths: pulumi.Input<number>;
    /** The add-on code counting additional domains (integer or string); defaults to `pricelist` when there are altNames. */
    altNameAddon?: pulumi.Input<string | number>;
    /** The billing system's country id (e.g. 182, integer or string) or an ISO 3166-1 alpha-2 code mapped through its country list. */
    country: pulumi.Input<string | number>;
    /** Region of the organization. */
    region: pulumi.Input<string>;
    /** City of the organization. */
    city: pulumi.Input<string>;
    /** The organization the certificate is for. */
    organization: pulumi.Input<string>;
    /** Department; optional. */
    organizationUnit?: pulumi.Input<string>;
    /** The organization's mailbox; optional. */
    email?: pulumi.Input<string>;
    /** The administrative contact of the order. */
    adminContact: pulumi.Input<ContactArgs>;
    /** The technical contact of the order. */
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
    /** How to reach BILLmanager; what it leaves out comes from the stack config `ispmanager:*`, then `ISPMANAGER_*`. */
    connection?: pulumi.Input<ConnectionArgs>;
}

/**
 * A commercial SSL certificate ordered through ispmanager's BILLmanager. Changing the CSR or the additional
 * domains reissues it (same resource); `pulumi destroy` deletes it (certificate.delete).
 */
export class Certificate extends pulumi.dynamic.Resource {
    /** The billing system's certificate id; also the resource id. */
    declare readonly orderId: pulumi.Output<string>;
    /** ISSUED, or PENDING while an order or reissue waits to be resumed. */
    declare readonly status: pulumi.Output<string>;
    /** The issued certificate (PEM). */
    declare readonly certificatePem: pulumi.Output<string | undefined>;
    /** Intermediates from the download, leaf-first order. */
    declare readonly chainPem: pulumi.Output<string | undefined>;
    /** Leaf followed by the intermediates. */
    declare readonly fullChainPem: pulumi.Output<string | undefined>;
    /** The CSR the certificate was ordered with. */
    declare readonly csrPem: pulumi.Output<string>;
    /** Only when the billing system generated the key; secret. */
    declare readonly privateKeyPem: pulumi.Output<string | undefined>;
    /** Serial number, hexadecimal. */
    declare readonly serialNumber: pulumi.Output<string | undefined>;
    /** Start of validity (ISO 8601). */
    declare readonly notBefore: pulumi.Output<string | undefined>;
    /** End of validity (ISO 8601). */
    declare readonly notAfter: pulumi.Output<string | undefined>;
    /** SHA-256 fingerprint. */
    declare readonly fingerprintSha256: pulumi.Output<string | undefined>;
    /** The DNS names the issued certificate carries. */
    declare readonly issuedDomains: pulumi.Output<string[] | undefined>;
    /** The TXT record of the main domain. */
    declare readonly dnsValidationRecord: pulumi.Output<ValidationRecord | undefined>;
    /** One TXT record per domain. */
    declare readonly dnsValidationRecords: pulumi.Output<ValidationRecord[] | undefined>;
    /** FILE validation: the file name and content to serve on each domain. */
    declare readonly fileValidation: pulumi.Output<{ name: string; content: string } | undefined>;
    /** CNAME validation: the record to create. */
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
            { ...outputs, ...args, orderReference: orderReferenceInput("ispmanager:Certificate", name, [args.domain, args.pricelist, args.periodMonths]), connection: secretConnection(args.connection), progressUrn: progressUrnInput(name, `pulumi-nodejs:dynamic/${typeModule}:Certificate`, opts) },
            { ...opts, additionalSecretOutputs: ["privateKeyPem", "connection", ...(opts?.additionalSecretOutputs ?? [])] },
            typeModule,
            "Certificate",
        );
    }
}
