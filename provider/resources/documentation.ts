import { productsOf } from "../internetx/products";
import {
    defaultPollIntervalSeconds,
    defaultWaitTimeoutSeconds,
    maximumPollIntervalSeconds,
    pollBackoffFactor,
} from "../lifecycle/waitSettings";
import type { InputProperty, KnownValues, OutputProperty } from "../native/schema/model";
import { defaultRenewBeforeDays } from "./certificate/inputs";

/**
 * Properties several resources document alike, for their declarations (provider/resources/<x>/declaration.ts), from
 * which the package schema, the SDKs and docs/reference.md are generated.
 */
export const waitInputs: Record<string, InputProperty> = {
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

export const internetxWaitInputs: Record<string, InputProperty> = {
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

export const issuedOutputs: Record<string, OutputProperty> = {
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
export const orderReferenceOutput: OutputProperty = {
    type: "string",
    description:
        "The reference every order of this resource carries (InterNetX: the certificate's `comment`; BILLmanager: the service's `remoteid`), derived from the project, stack, type, resource name and the inputs that replace it (a replacement gets a successor): `create` looks for an order under it first, so an order placed by an interrupted run is adopted, not placed again. Absent for an imported resource and in state written before references existed.",
};

export const contactId: InputProperty = {
    type: "string",
    required: true,
    description: "An SslContact's `contactId`, or the id of a contact in your account.",
};

/** The product codes of the product table (provider/internetx/products.ts), by kind: what editors offer for `product`. */
export const serverProducts: KnownValues = {
    token: "sslmanager:internetx:CertificateProduct",
    description:
        "The InterNetX server certificate products this provider knows; other product codes are accepted by the type and refused by the provider's check.",
    values: productsOf("FQDN"),
};
export const mailProducts: KnownValues = {
    token: "sslmanager:internetx:SmimeProduct",
    description:
        "The InterNetX S/MIME products this provider knows; other product codes are accepted by the type and refused by the provider's check.",
    values: productsOf("MAIL"),
};
export const listed = (products: KnownValues) => products.values.join(", ").replace(/, ([^,]+)$/, " or $1");

export const ispmanagerContact = (role: string): InputProperty => ({
    type: { object: "sslmanager:ispmanager:Contact" },
    required: true,
    description: `The ${role} contact of the order.`,
});

/** The issued outputs version 0.1.0 typed as always present in the dynamic SDK (sdk/dynamicShapes.ts). */
export const presentIssuedOutputs = [
    "certificatePem",
    "chainPem",
    "fullChainPem",
    "serialNumber",
    "notBefore",
    "notAfter",
    "fingerprintSha256",
];
