import { declareResource } from "../declaration";
import { ispmanagerContact, issuedOutputs, orderReferenceOutput, waitInputs } from "../documentation";

/** sslmanager:ispmanager:Certificate (resources/declaration.ts says what each kind of change means). */
export const ispmanagerCertificateDeclaration = declareResource(
    "sslmanager:ispmanager:Certificate",
    {
        /** Another tariff, term or main domain is another certificate: a new order. */
        replace: ["domain", "pricelist", "periodMonths"],
        /** BILLmanager reissues with a new CSR or new alternative names (ispmanager help "Reselling SSL certificates"). */
        reissue: ["csr", "altNames"],
        /** Used by later calls only: contacts and approvers of reissues, waiting, the connection. */
        record: [
            "adminContact",
            "technicalContact",
            "approverEmails",
            "validationMethod",
            "altNameAddon",
            "waitForIssuance",
            "waitTimeoutSeconds",
            "pollIntervalSeconds",
            "connection",
        ],
        /** The subject a CSR made without the program carries (ispmanager help "Reselling SSL certificates": ST, L, O, OU, emailAddress, field_country). */
        replaceWithoutCsr: ["country", "region", "city", "organization", "organizationUnit", "email"],
    },
    /** Recorded as version 0.1.0 recorded it (the id under `orderId`; outputs added since are optional): no migrations (layout 0). */
    [],
    /** Its inputs and outputs as the package schema, the SDKs and docs/reference.md describe them. */
    {
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
    },
    /** Where the dynamic SDK differs from the schema (resources/declaration.ts, DynamicDifferences). */
    {
        description:
            "A commercial SSL certificate ordered through ispmanager's BILLmanager. Changing the CSR or the additional domains reissues it (same resource); `pulumi destroy` deletes it (certificate.delete).",
        inputTypes: { pricelist: "string | number", altNameAddon: "string | number", country: "string | number" },
        presentOutputs: ["csrPem"],
    },
);
