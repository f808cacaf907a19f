import { declareResource } from "../declaration";
import {
    contactId,
    internetxWaitInputs,
    issuedOutputs,
    listed,
    mailProducts,
    orderReferenceOutput,
    presentIssuedOutputs,
} from "../documentation";

/** sslmanager:internetx:SmimeCertificate (resources/declaration.ts says what each kind of change means). */
export const smimeCertificateDeclaration = declareResource(
    "sslmanager:internetx:SmimeCertificate",
    {
        /** Another product or term, or another mailbox, is another certificate. */
        replace: ["product", "lifetimeMonths", "email"],
        /** The holder's identity or key: a reissue of the same certificate. */
        reissue: ["firstName", "lastName", "organizationUnit", "csr", "privateKey", "adminContactId", "approverEmail"],
        record: [
            "downloadPassword",
            "renewBeforeDays",
            "waitTimeoutSeconds",
            "pollIntervalSeconds",
            "waitStrategy",
            "onDestroy",
            "connection",
        ],
    },
    /** Recorded as version 0.1.0 recorded it (outputs added since are optional): no migrations (layout 0). */
    [],
    /** Its inputs and outputs as the package schema, the SDKs and docs/reference.md describe them. */
    {
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
            status: {
                type: "string",
                always: true,
                description: "ISSUED, or PENDING while an order waits to be resumed.",
            },
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
    },
    /** Where the dynamic SDK differs from the schema (resources/declaration.ts, DynamicDifferences). */
    {
        description: "An S/MIME certificate (InterNetX certificate type MAIL): signing and encrypting mail.",
        inputTypes: { adminContactId: "string | number" },
        presentOutputs: [...presentIssuedOutputs, "emailAddresses"],
    },
);
