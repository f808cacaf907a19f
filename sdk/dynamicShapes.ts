import {
    certificate,
    domainValidation,
    ispmanagerCertificate,
    smimeCertificate,
    sslContact,
} from "../provider/native/schema/resources";
import { InputProperty, ResourceDefinition } from "../provider/native/schema/model";
import { certificateDeclaration } from "../provider/resources/certificate/declaration";
import { ispmanagerCertificateDeclaration } from "../provider/resources/ispmanager/declaration";
import { smimeCertificateDeclaration } from "../provider/resources/smime/declaration";

/**
 * Where the dynamic resources differ from the package schema (provider/native/schema), which writes every input and
 * output once. scripts/sdkTypes.ts generates sdk/generated/<module>.ts from the two: the `*Args` interfaces, the
 * outputs and the lists the resource classes need. Only the differences are written here.
 */
export interface DynamicResource {
    /** The schema resource this dynamic resource serves. */
    schema: ResourceDefinition;
    /** The module and class name: the dynamic type `pulumi-nodejs:dynamic/<module>:<name>` is in every stack's state. */
    module: "internetx" | "ispmanager";
    name: string;
    /** Inputs only the dynamic resource takes (the native provider has `pulumi import` for them). */
    extraInputs?: Record<string, InputProperty>;
    /** TypeScript types wider than the schema's, which version 0.1.0 accepted (ids as numbers, any software name). */
    inputTypes?: Record<string, string>;
    /**
     * Outputs that version 0.1.0 typed as always present although the schema may leave them out (while an order is
     * PENDING): kept so that programs written against it still compile.
     */
    presentOutputs?: string[];
    /**
     * The inputs whose change replaces the resource, in the order the hidden `orderReference` input hashes them
     * (sdk/orderReference.ts): the order is part of every pending order's reference, never change it.
     */
    orderReferenceInputs?: readonly string[];
}

/**
 * The per-resource `connection` argument of each backend: the provider configuration's settings of that backend
 * (provider/native/schema/config.ts), as one object; what it leaves out comes from the stack config, then the
 * environment.
 */
export const connections = {
    internetx:
        "How to reach InterNetX; what it leaves out comes from the stack config `internetx:*`, then `AUTODNS_*`.",
    ispmanager:
        "How to reach BILLmanager; what it leaves out comes from the stack config `ispmanager:*`, then `ISPMANAGER_*`.",
} as const;

const issuedOutputs = [
    "certificatePem",
    "chainPem",
    "fullChainPem",
    "serialNumber",
    "notBefore",
    "notAfter",
    "fingerprintSha256",
];

export const dynamicResources: DynamicResource[] = [
    { schema: sslContact, module: "internetx", name: "SslContact" },
    { schema: domainValidation, module: "internetx", name: "DomainValidation" },
    {
        schema: certificate,
        module: "internetx",
        name: "Certificate",
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
        presentOutputs: ["name", ...issuedOutputs, "csrPem", "issuedNames"],
        orderReferenceInputs: certificateDeclaration.changes.replace,
    },
    {
        schema: smimeCertificate,
        module: "internetx",
        name: "SmimeCertificate",
        inputTypes: { adminContactId: "string | number" },
        presentOutputs: [...issuedOutputs, "emailAddresses"],
        orderReferenceInputs: smimeCertificateDeclaration.changes.replace,
    },
    {
        schema: ispmanagerCertificate,
        module: "ispmanager",
        name: "Certificate",
        inputTypes: { pricelist: "string | number", altNameAddon: "string | number", country: "string | number" },
        presentOutputs: ["csrPem"],
        orderReferenceInputs: ispmanagerCertificateDeclaration.changes.replace,
    },
];
