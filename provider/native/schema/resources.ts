import { ispmanagerCertificateDeclaration } from "../../resources/ispmanager/declaration";
import { smimeCertificateDeclaration } from "../../resources/smime/declaration";
import { certificateDeclaration } from "../../resources/certificate/declaration";
import { domainValidationDeclaration } from "../../resources/domainValidation/declaration";
import { sslContactDeclaration } from "../../resources/sslContact/declaration";
import { defaultRenewBeforeDays } from "../../resources/certificate/inputs";
import {
    defaultPollIntervalSeconds,
    defaultWaitTimeoutSeconds,
    maximumPollIntervalSeconds,
    pollBackoffFactor,
} from "../../lifecycle/waitSettings";
import { productsOf, softwareValues } from "../../internetx/products";
import { declared } from "./declared";
import { InputProperty, KnownValues, OutputProperty, ResourceDefinition } from "./model";

/**
 * The resources of the `sslmanager` package: the single place their inputs and outputs are written (with
 * descriptions and secrets). schema.json is generated from this (scripts/schema.ts), and the provider marks secret
 * outputs from it. The validation rules stay in the lifecycle's zod schemas; a test keeps the property names of the
 * two in step. The token and which inputs replace the resource come from each resource's declaration
 * (provider/resources/<x>/declaration.ts), which the decision tables read as well.
 */
const waitInputs: Record<string, InputProperty> = {
    waitTimeoutSeconds: {
        type: "number",
        default: defaultWaitTimeoutSeconds,
        description: `How long \`pulumi up\` waits for issuance (default ${defaultWaitTimeoutSeconds}); an unfinished order stays recorded and the next \`pulumi up\` resumes the wait.`,
    },
    pollIntervalSeconds: {
        type: "number",
        default: defaultPollIntervalSeconds,
        description: `First interval between status checks in seconds, backing off ×${pollBackoffFactor} up to ${maximumPollIntervalSeconds} (default ${defaultPollIntervalSeconds}).`,
    },
};

const internetxWaitInputs: Record<string, InputProperty> = {
    renewBeforeDays: {
        type: "integer",
        default: defaultRenewBeforeDays,
        description: `Renew when fewer days of validity than this remain (default ${defaultRenewBeforeDays}): the next \`pulumi up\` after that renews in place.`,
    },
    ...waitInputs,
    waitStrategy: {
        type: "string",
        values: ["job", "notifications"],
        default: "job",
        description:
            "How to wait: `job` (the order's job status, default) or `notifications` (the account's poll queue: PollInfo and PollConfirm).",
    },
    onDestroy: {
        type: "string",
        values: ["cancel", "revoke", "keep"],
        default: "cancel",
        description:
            "What `pulumi destroy` does with the certificate, also with the old one when a product or term change replaces it: `cancel` (CertificateDelete, default): it leaves the account; `revoke` (Certificate Revoke): the CA revokes it, invalid for every client at once and for good; `keep`: it stays in the account, valid until it expires, and no stack renews it any more. Recorded by `pulumi up`: change it, run `pulumi up`, then destroy.",
    },
};

const issuedOutputs: Record<string, OutputProperty> = {
    certificatePem: { type: "string", description: "The issued leaf certificate (PEM)." },
    chainPem: {
        type: "string",
        description: "The intermediate certificates, the one that signed the leaf first (PEM).",
    },
    rootPem: { type: "string", description: "The root certificate (PEM), when the CA names one." },
    fullChainPem: {
        type: "string",
        description: "Leaf followed by the intermediates: what a web server is configured with.",
    },
    serialNumber: { type: "string", description: "Serial number of the issued leaf (hex)." },
    notBefore: { type: "string", description: "Start of validity (ISO 8601)." },
    notAfter: { type: "string", description: "End of validity (ISO 8601)." },
    fingerprintSha256: { type: "string", description: "SHA-256 fingerprint of the issued leaf (hex)." },
};

/** Recorded by every resource that orders; never set by a program, so it is an output, not an input. */
const orderReferenceOutput: OutputProperty = {
    type: "string",
    description:
        "The reference every order of this resource carries (InterNetX: the certificate's `comment`; BILLmanager: the service's `remoteid`), derived from the project, stack, type, resource name and the inputs that replace it (a replacement gets a successor): `create` looks for an order under it first, so an order placed by an interrupted run is adopted, not placed again. Absent for an imported resource and in state written before references existed.",
};

const contactId: InputProperty = {
    type: "string",
    required: true,
    description: "An SslContact's `contactId`, or the id of a contact in your account.",
};

export const sslContact = declared(sslContactDeclaration, {
    description:
        "An SSL contact at InterNetX (SslContact, ContactCreate): the administrative or technical contact of certificate orders.",
    inputs: {
        firstName: { type: "string", required: true, description: "First name, at most 64 characters." },
        lastName: { type: "string", required: true, description: "Last name, at most 64 characters." },
        email: { type: "string", required: true, description: "E-mail address." },
        phone: {
            type: "string",
            required: true,
            description: "Phone number in international format, e.g. +49-941-1234560.",
        },
        fax: { type: "string", description: "Fax number in international format." },
        title: { type: "string", description: "Title, at most 64 characters." },
        organization: { type: "string", required: true, description: "Organization, at most 128 characters." },
        address: { type: { array: "string" }, required: true, description: "Street address, one to three lines." },
        postalCode: { type: "string", required: true, description: "Postal code, at most 16 characters." },
        city: { type: "string", required: true, description: "City, at most 64 characters." },
        country: { type: "string", required: true, description: "ISO 3166-1 alpha-2 country code, e.g. DE." },
        state: { type: "string", description: "State or region, at most 64 characters." },
    },
    outputs: {
        contactId: {
            type: "string",
            always: true,
            description: "The contact's id at InterNetX (also the resource id).",
        },
    },
});

/** The product codes of the product table (provider/internetx/products.ts), by kind: what editors offer for `product`. */
const serverProducts: KnownValues = {
    token: "sslmanager:internetx:CertificateProduct",
    description:
        "The InterNetX server certificate products this provider knows; other product codes are accepted by the type and refused by the provider's check.",
    values: productsOf("FQDN"),
};
const mailProducts: KnownValues = {
    token: "sslmanager:internetx:SmimeProduct",
    description:
        "The InterNetX S/MIME products this provider knows; other product codes are accepted by the type and refused by the provider's check.",
    values: productsOf("MAIL"),
};
const listed = (products: KnownValues) => products.values.join(", ").replace(/, ([^,]+)$/, " or $1");

export const domainValidation = declared(domainValidationDeclaration, {
    description:
        "The validation data of an order before it is placed (CertificatePrepareOrder): publish every record of `dnsRecords` (one per name) with any DNS provider (or serve each of `fileValidations` with method FILE), then pass `authentication` to Certificate's `validation`. Nothing is created at InterNetX; delete does nothing.",
    inputs: {
        csr: {
            type: "string",
            required: true,
            description:
                "The PEM CSR the certificate will be ordered with; a new CSR means new validation data (replace).",
        },
        product: {
            type: "string",
            known: serverProducts,
            required: true,
            description: `The InterNetX product code the certificate will be ordered as: ${listed(serverProducts)} (replace when changed).`,
        },
        method: {
            type: "string",
            values: ["DNS", "FILE"],
            description: "Which prepared validation `authentication` carries: DNS (default) or FILE.",
        },
    },
    outputs: {
        name: { type: "string", always: true, description: "The common name of the CSR." },
        dnsRecord: {
            type: { object: "sslmanager:internetx:DnsRecord" },
            description: "The first name's TXT record (`dnsRecords` has every name's).",
        },
        dnsRecords: {
            type: { array: { object: "sslmanager:internetx:DnsRecord" } },
            description:
                "Every name's TXT record, each with the `domain` it validates; all must be published before the CA issues.",
        },
        fileValidation: {
            type: { object: "sslmanager:internetx:FileValidation" },
            description: "The first name's validation file (`fileValidations` has every name's).",
        },
        fileValidations: {
            type: { array: { object: "sslmanager:internetx:FileValidation" } },
            description: "Every name's validation file, each with the `domain` it validates.",
        },
        approverEmails: {
            type: { array: "string" },
            always: true,
            description: "The addresses EMAIL validation may use.",
        },
        authentication: {
            type: { object: "sslmanager:internetx:Validation" },
            always: true,
            description: "What Certificate's `validation` accepts.",
        },
    },
});

export const certificate = declared(certificateDeclaration, {
    description:
        "A CA-issued SSL/TLS certificate through InterNetX SSL Manager. Changing names, SANs, CSR, key or contacts reissues it (same resource, no new order); a due renewal renews it; `pulumi destroy` cancels it. Import an existing certificate with `pulumi import sslmanager:internetx:Certificate <name> <certificate id>`.",
    inputs: {
        name: {
            type: "string",
            description:
                "Common name, e.g. www.example.com; defaults to the CSR's CN (required with `privateKey`). Changing it reissues the certificate.",
        },
        product: {
            type: "string",
            known: serverProducts,
            required: true,
            description: `InterNetX product code: ${listed(serverProducts)}. Changing it orders a new certificate (replace), which is paid again.`,
        },
        lifetimeMonths: {
            type: "integer",
            required: true,
            description: "Term in months (QuickSSL Premium: 12 or 24). Changing it orders a new certificate.",
        },
        software: {
            type: "string",
            values: softwareValues,
            default: "APACHESSL",
            description:
                "The server software the certificate is for: APACHESSL (default), IIS5, NGINX, OTHER or NOT_SET.",
        },
        adminContactId: contactId,
        technicalContactId: contactId,
        csr: {
            type: "string",
            description:
                "Your own CSR (PEM); or `privateKey` to have the provider generate key and CSR. Changing it reissues the certificate.",
        },
        privateKey: {
            type: { object: "sslmanager:internetx:PrivateKey" },
            description: "Have the provider generate the key and CSR (then `privateKeyPem` is set, secret).",
        },
        subjectAlternativeNames: {
            type: { array: "string" },
            description:
                "More DNS names for the certificate, besides `name`; with a CSR they must be in it. Changing them reissues the certificate.",
        },
        subject: {
            type: { object: "sslmanager:internetx:Subject" },
            description: "Subject fields of the generated CSR.",
        },
        validation: {
            type: { object: "sslmanager:internetx:Validation" },
            description: "How the CA validates the domain (default: DNS, provisioned by InterNetX).",
        },
        ...internetxWaitInputs,
    },
    outputs: {
        certificateId: {
            type: "string",
            always: true,
            description: "The certificate's id at InterNetX (also the resource id).",
        },
        orderId: { type: "string", description: "The order's id at InterNetX." },
        jobId: { type: "string", description: "The job of the last order, reissue or renewal." },
        status: {
            type: "string",
            always: true,
            description: "ISSUED, or PENDING while an order waits to be resumed by the next `pulumi up`.",
        },
        ...issuedOutputs,
        csrPem: { type: "string", description: "The CSR the certificate was ordered with." },
        privateKeyPem: {
            type: "string",
            secret: true,
            description: "The generated private key (PEM), only when the provider generated it.",
        },
        issuedNames: {
            type: { array: "string" },
            description: "The DNS names the issued certificate carries, the common name included.",
        },
        requestedSubjectAlternativeNames: {
            type: { array: "string" },
            description:
                "The `subjectAlternativeNames` input as given (also recorded under this name for state of version 0.1.0).",
        },
        dnsValidationRecord: {
            type: { object: "sslmanager:internetx:DnsRecord" },
            description: "The TXT record of DNS validation, when InterNetX names one.",
        },
        orderReference: orderReferenceOutput,
    },
});

export const smimeCertificate = declared(smimeCertificateDeclaration, {
    description: "An S/MIME certificate (InterNetX certificate type MAIL) for signing and encrypting mail.",
    inputs: {
        email: {
            type: "string",
            required: true,
            description:
                "The mailbox the certificate is for (the certificate's name). Changing it orders a new certificate.",
        },
        product: {
            type: "string",
            known: mailProducts,
            required: true,
            description: `InterNetX product code: ${listed(mailProducts)}. Changing it orders a new certificate.`,
        },
        lifetimeMonths: {
            type: "integer",
            required: true,
            description: "Term in months: 12, 24 or 36. Changing it orders a new certificate.",
        },
        adminContactId: contactId,
        firstName: { type: "string", required: true, description: "The holder's first name." },
        lastName: { type: "string", required: true, description: "The holder's last name." },
        organizationUnit: { type: "string", description: "Organizational unit." },
        approverEmail: { type: "string", description: "Where the CA sends the approval (defaults to `email`)." },
        downloadPassword: {
            type: "string",
            required: true,
            secret: true,
            description: "The CA protects the download with it; also protects `pkcs12Base64`. 8 to 64 characters.",
        },
        csr: {
            type: "string",
            description:
                "Your own CSR (PEM); or `privateKey` to have the provider generate key and CSR; neither: the CA makes the key.",
        },
        privateKey: {
            type: { object: "sslmanager:internetx:SmimePrivateKey" },
            description: "Have the provider generate an RSA key and CSR; then `pkcs12Base64` is filled.",
        },
        ...internetxWaitInputs,
    },
    outputs: {
        certificateId: {
            type: "string",
            always: true,
            description: "The certificate's id at InterNetX (also the resource id).",
        },
        orderId: { type: "string", description: "The order's id at InterNetX." },
        jobId: { type: "string", description: "The job of the last order, reissue or renewal." },
        status: { type: "string", always: true, description: "ISSUED, or PENDING while an order waits to be resumed." },
        ...issuedOutputs,
        emailAddresses: { type: { array: "string" }, description: "The mailboxes the issued certificate carries." },
        csrPem: { type: "string", description: "The CSR the certificate was ordered with." },
        privateKeyPem: {
            type: "string",
            secret: true,
            description: "The generated private key (PEM), only when the provider generated it.",
        },
        pkcs12Base64: {
            type: "string",
            secret: true,
            description:
                "PKCS#12 (key, leaf, chain) protected by `downloadPassword`, base64; only when the key was generated here.",
        },
        orderReference: orderReferenceOutput,
    },
});

const ispmanagerContact = (role: string): InputProperty => ({
    type: { object: "sslmanager:ispmanager:Contact" },
    required: true,
    description: `The ${role} contact of the order.`,
});

export const ispmanagerCertificate = declared(ispmanagerCertificateDeclaration, {
    description:
        "A commercial SSL certificate ordered through ispmanager's BILLmanager. Changing the CSR or the additional domains reissues it (same resource); `pulumi destroy` deletes it. Import an existing one with `pulumi import sslmanager:ispmanager:Certificate <name> <certificate id>`.",
    inputs: {
        domain: {
            type: "string",
            required: true,
            description: "The main domain (CN). Changing it orders a new certificate.",
        },
        altNames: {
            type: { array: "string" },
            description: "Additional domains; changing them reissues the certificate.",
        },
        pricelist: {
            type: "string",
            required: true,
            description: "The billing system's tariff id. Changing it orders a new certificate.",
        },
        periodMonths: {
            type: "integer",
            required: true,
            description: "12 or 24. Changing it orders a new certificate.",
        },
        altNameAddon: {
            type: "string",
            description:
                "The add-on code counting additional domains; with `altNames` and without it: the tariff's documented add-on, else `pricelist`.",
        },
        country: {
            type: "string",
            required: true,
            description:
                "The billing system's country id (e.g. 182) or an ISO 3166-1 alpha-2 code, mapped through its country list.",
        },
        region: { type: "string", required: true, description: "Region of the organization." },
        city: { type: "string", required: true, description: "City of the organization." },
        organization: { type: "string", required: true, description: "Organization." },
        organizationUnit: { type: "string", description: "Organizational unit." },
        email: { type: "string", description: "E-mail address of the generated CSR." },
        adminContact: ispmanagerContact("administrative"),
        technicalContact: ispmanagerContact("technical"),
        approverEmails: {
            type: { map: "string" },
            description:
                "Approval address per domain (admin@, administrator@, hostmaster@, postmaster@ or webmaster@ that domain); default admin@. Used by EMAIL validation only: with DNS (the default), CNAME or FILE, check warns that they are unused.",
        },
        validationMethod: {
            type: "string",
            values: ["DNS", "EMAIL", "FILE", "CNAME"],
            default: "DNS",
            description: "DNS (TXT, default), EMAIL, FILE or CNAME.",
        },
        csr: {
            type: "string",
            description:
                "Your own CSR (PEM); without it the provider makes key and CSR (`privateKeyPem`, secret), the CSR carrying the order reference.",
        },
        waitForIssuance: {
            type: "boolean",
            default: true,
            description:
                "false: return at once with the validation data (status PENDING); the next `pulumi up` waits for the certificate.",
        },
        ...waitInputs,
    },
    outputs: {
        orderId: {
            type: "string",
            always: true,
            description: "The billing system's certificate id (also the resource id).",
        },
        status: {
            type: "string",
            always: true,
            description: "ISSUED, or PENDING while an order or reissue waits to be resumed.",
        },
        certificatePem: issuedOutputs.certificatePem,
        chainPem: issuedOutputs.chainPem,
        fullChainPem: issuedOutputs.fullChainPem,
        serialNumber: issuedOutputs.serialNumber,
        notBefore: issuedOutputs.notBefore,
        notAfter: issuedOutputs.notAfter,
        fingerprintSha256: issuedOutputs.fingerprintSha256,
        csrPem: { type: "string", description: "The CSR of the certificate." },
        privateKeyPem: {
            type: "string",
            secret: true,
            description:
                "The key the provider made (PEM; in state written by earlier versions, the key the billing system made), only without your own CSR.",
        },
        previousSerialNumber: {
            type: "string",
            description: "While a reissue is pending: the serial number of the certificate it replaces.",
        },
        issuedDomains: { type: { array: "string" }, description: "The DNS names the issued certificate carries." },
        dnsValidationRecord: {
            type: { object: "sslmanager:ispmanager:ValidationRecord" },
            description: "The TXT record of the main domain.",
        },
        dnsValidationRecords: {
            type: { array: { object: "sslmanager:ispmanager:ValidationRecord" } },
            description: "One TXT record per domain, the main domain first.",
        },
        fileValidation: {
            type: { object: "sslmanager:ispmanager:FileValidation" },
            description: "The validation file, with method FILE.",
        },
        cnameValidation: {
            type: { object: "sslmanager:ispmanager:CnameValidation" },
            description: "The CNAME record, with method CNAME.",
        },
        orderReference: orderReferenceOutput,
    },
});

export const resources: ResourceDefinition[] = [
    sslContact,
    domainValidation,
    certificate,
    smimeCertificate,
    ispmanagerCertificate,
];
