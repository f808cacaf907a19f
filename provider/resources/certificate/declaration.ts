import { softwareValues } from "../../internetx/products";
import { declareResource } from "../declaration";
import {
    contactId,
    internetxWaitInputs,
    issuedOutputs,
    listed,
    orderReferenceOutput,
    presentIssuedOutputs,
    serverProducts,
} from "../documentation";
import { certificateStateMigrations } from "./stateMigrations";

/** sslmanager:internetx:Certificate (resources/declaration.ts says what each kind of change means). */
export const certificateDeclaration = declareResource(
    "sslmanager:internetx:Certificate",
    {
        /** Another product or term is another certificate, paid again. */
        replace: ["product", "lifetimeMonths"],
        /** Names, key and contacts: CertificateReissue keeps the certificate. */
        reissue: [
            "name",
            "subjectAlternativeNames",
            "csr",
            "privateKey",
            "subject",
            "adminContactId",
            "technicalContactId",
        ],
        /** How we work: waiting, the validation of later reissues, the connection; `importCertificateId` only at create. */
        record: [
            "software",
            "validation",
            "renewBeforeDays",
            "waitTimeoutSeconds",
            "pollIntervalSeconds",
            "waitStrategy",
            "importCertificateId",
            "onDestroy",
            "connection",
        ],
    },
    /** Layout 1: the issued names moved out of `subjectAlternativeNames` (./stateMigrations.ts). */
    certificateStateMigrations,
    /** Its inputs and outputs as the package schema, the SDKs and docs/reference.md describe them. */
    {
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
    },
    /** Where the dynamic SDK differs from the schema (resources/declaration.ts, DynamicDifferences). */
    {
        description:
            "A CA-issued SSL/TLS certificate through InterNetX SSL Manager. Changing names, SANs, CSR, key or contacts reissues it (same resource); a due renewal renews it; `pulumi destroy` cancels it.",
        extraInputs: {
            importCertificateId: {
                type: "string",
                description:
                    "Take over this existing InterNetX certificate instead of ordering one (integer or string id).",
            },
        },
        inputTypes: {
            adminContactId: "string | number",
            technicalContactId: "string | number",
            importCertificateId: "string | number",
            software: "string",
        },
        presentOutputs: ["name", ...presentIssuedOutputs, "csrPem", "issuedNames"],
    },
);
