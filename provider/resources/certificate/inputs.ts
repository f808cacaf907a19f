import { z } from "zod";
import { knownProducts, lifetimeProblem, softwareValues } from "../../internetx/products";
import { CheckFailure, dnsName, emailAddress, numericId, pemBlock, rsaBits } from "../check";
import { connectionSchema } from "../connection";
import { orderReferenceSchema } from "../../lifecycle/orderReference";
import { defaultPollIntervalSeconds, defaultWaitTimeoutSeconds } from "../../lifecycle/waitSettings";

/**
 * What `pulumi destroy` (and the old certificate of a replacement) does at InterNetX: `cancel` (CertificateDelete,
 * the default), `revoke` (Certificate Revoke, POST /certificate/{id}/_revoke: the certificate becomes invalid at once)
 * or `keep` (nothing: it stays in the account and stays valid until it expires).
 */
export const onDestroyValues = ["cancel", "revoke", "keep"] as const;
export type OnDestroy = (typeof onDestroyValues)[number];
/** Optional, not defaulted: a stack written before the argument existed must not show a change; absent is `cancel`. */
export const onDestroySchema = z.enum(onDestroyValues).optional();
export const defaultOnDestroy: OnDestroy = "cancel";

/** Renew when fewer than this many days of validity remain. */
export const defaultRenewBeforeDays = 30;

export const privateKeySpecSchema = z
    .object({
        algorithm: z.enum(["RSA", "ECDSA"]),
        rsaBits: rsaBits.optional(),
        curve: z.enum(["P256", "P384"]).optional(),
    })
    .strict()
    .superRefine((key, context) => {
        if (key.algorithm === "RSA" && key.curve)
            context.addIssue({ code: "custom", path: ["curve"], message: "applies to ECDSA keys only" });
        if (key.algorithm === "ECDSA" && key.rsaBits)
            context.addIssue({ code: "custom", path: ["rsaBits"], message: "applies to RSA keys only" });
    });
export type PrivateKeySpec = z.infer<typeof privateKeySpecSchema>;

export const subjectSchema = z
    .object({
        organization: z.string().max(64).optional(),
        organizationalUnit: z.string().max(64).optional(),
        country: z
            .string()
            .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code")
            .optional(),
        state: z.string().max(128).optional(),
        locality: z.string().max(128).optional(),
        emailAddress: emailAddress.optional(),
    })
    .strict();

/** One name's prepared validation (a CertificatePrepareOrder entry: its `name`, the DNS zone line or the file). */
export const domainAuthenticationSchema = z
    .object({
        name: z.string().min(1),
        method: z.enum(["DNS", "FILE"]),
        dns: z.string().optional(),
        fileName: z.string().optional(),
        fileContent: z.string().optional(),
    })
    .strict();

/**
 * How the CA validates the domain: DNS (TXT record, optionally provisioned by InterNetX), EMAIL to an approver, or
 * FILE; or the ready `authentication` of a DomainValidation (then `dns` / `fileName` / `approverEmails` are set).
 */
export const validationSchema = z
    .object({
        method: z.enum(["DNS", "EMAIL", "FILE"]),
        provisioning: z.boolean().optional(),
        approverEmail: emailAddress.optional(),
        dns: z.string().optional(),
        fileName: z.string().optional(),
        fileContent: z.string().optional(),
        approverEmails: z.array(emailAddress).optional(),
        /**
         * Every name's prepared data (DomainValidation's `authentication`), sent as swagger CertAuthentication
         * `domains` ("The authentication data for every domain") so the order carries each name's record.
         */
        domains: z.array(domainAuthenticationSchema).optional(),
    })
    .strict()
    .superRefine((validation, context) => {
        if (validation.method === "EMAIL" && !validation.approverEmail && !validation.approverEmails?.length) {
            context.addIssue({ code: "custom", path: ["approverEmail"], message: "is required for EMAIL validation" });
        }
        if (validation.method !== "EMAIL" && validation.approverEmail) {
            context.addIssue({ code: "custom", path: ["approverEmail"], message: "applies to EMAIL validation only" });
        }
    });
export type Validation = z.infer<typeof validationSchema>;

export const certificateInputsSchema = z
    .object({
        name: dnsName.optional(),
        product: z.string().regex(/^[A-Z0-9_]+$/, "must be an InterNetX product code like QUICKSSLPREMIUM"),
        lifetimeMonths: z.number().int().positive(),
        software: z.enum(softwareValues).default("APACHESSL"),
        adminContactId: numericId("an SslContact id"),
        technicalContactId: numericId("an SslContact id"),
        csr: pemBlock("CERTIFICATE REQUEST").optional(),
        privateKey: privateKeySpecSchema.optional(),
        subjectAlternativeNames: z.array(dnsName).optional(),
        subject: subjectSchema.optional(),
        validation: validationSchema.default({ method: "DNS", provisioning: true }),
        renewBeforeDays: z.number().int().min(0).max(365).default(defaultRenewBeforeDays),
        waitTimeoutSeconds: z.number().positive().default(defaultWaitTimeoutSeconds),
        pollIntervalSeconds: z.number().positive().default(defaultPollIntervalSeconds),
        waitStrategy: z.enum(["job", "notifications"]).default("job"),
        /**
         * Adopt this existing certificate instead of ordering one: what `pulumi import` would do, which Pulumi's
         * Node.js dynamic-provider server cannot (its Read crashes on an import, before any provider code runs).
         */
        importCertificateId: numericId("an InterNetX certificate id").optional(),
        onDestroy: onDestroySchema,
        /** The resource's own URN, computed by the SDK, so progress lines appear under the resource. */
        progressUrn: z.string().optional(),
        connection: connectionSchema.optional(),
        /** Set by the SDK, not by the program: how `create` finds an order an interrupted run placed (orderReference.ts). */
        orderReference: orderReferenceSchema.optional(),
    })
    .strict();

export type CertificateInputs = z.infer<typeof certificateInputsSchema>;

/**
 * Rules across properties, checked on the raw inputs so they are reported together with the per-property ones
 * (zod skips object refinements once a property failed).
 */
export function crossPropertyProblems(inputs: Record<string, unknown>): CheckFailure[] {
    const problems: CheckFailure[] = [];
    if (inputs.csr && inputs.privateKey)
        problems.push({ property: "privateKey", reason: "give either csr or privateKey, not both" });
    if (!inputs.csr && !inputs.privateKey)
        problems.push({
            property: "csr",
            reason: "give either csr (PEM) or privateKey (the provider generates key and CSR)",
        });
    if (inputs.csr && inputs.subject)
        problems.push({
            property: "subject",
            reason: "applies to generated keys only; the CSR carries its own subject",
        });
    const product = productProblem(inputs.product, "FQDN");
    if (product) problems.push({ property: "product", reason: product });
    if (
        !product &&
        typeof inputs.product === "string" &&
        typeof inputs.lifetimeMonths === "number" &&
        Number.isInteger(inputs.lifetimeMonths) &&
        inputs.lifetimeMonths > 0
    ) {
        const problem = lifetimeProblem(inputs.product, inputs.lifetimeMonths);
        if (problem) problems.push({ property: "lifetimeMonths", reason: problem });
    }
    return problems;
}

/**
 * Undefined when `product` is one of the products of this kind in the product table, else the reason naming the
 * ones that are (the API would refuse it only at `up`, after the contacts were created).
 */
export function productProblem(product: unknown, kind: "FQDN" | "MAIL"): string | undefined {
    if (typeof product !== "string" || !/^[A-Z0-9_]+$/.test(product)) return undefined;
    const rule = knownProducts[product];
    if (rule && rule.certificateType === kind) return undefined;
    if (rule)
        return kind === "FQDN"
            ? `${product} is an S/MIME product; use SmimeCertificate`
            : `${product} is not an S/MIME product; use Certificate`;
    const offered = Object.entries(knownProducts)
        .filter(([, candidate]) => candidate.certificateType === kind)
        .map(([code]) => code);
    return `${product} is not a product this provider knows; ${kind === "FQDN" ? "server certificate" : "S/MIME"} products: ${offered.join(", ")}`;
}
