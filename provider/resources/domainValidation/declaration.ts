import { declareResource } from "../declaration";
import { listed, serverProducts } from "../documentation";
import { domainValidationStateMigrations } from "./stateMigrations";

/** sslmanager:internetx:DomainValidation: nothing exists at InterNetX, so anything that changes the validation data replaces it. */
export const domainValidationDeclaration = declareResource(
    "sslmanager:internetx:DomainValidation",
    {
        /** A new CSR, product or method means new validation data (CertificatePrepareOrder). */
        replace: ["csr", "product", "method"],
        record: ["connection"],
    },
    /** Layout 1: every name's record and file as lists, `dnsRecords` and `fileValidations` (./stateMigrations.ts). */
    domainValidationStateMigrations,
    /** Its inputs and outputs as the package schema, the SDKs and docs/reference.md describe them. */
    {
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
    },
    /** Where the dynamic SDK differs from the schema (resources/declaration.ts, DynamicDifferences). */
    {
        description:
            'The validation data of an order before it is placed (CertificatePrepareOrder): create the DNS record from `dnsRecord` with any DNS provider (or serve `fileValidation` with `method: "FILE"`), then pass `authentication` to `Certificate.validation`.',
    },
);
