import { z } from "zod";
import { CheckFailure, countryCode, dnsName, emailAddress, numericId, pemBlock } from "../check";
import { orderReferenceSchema } from "../../lifecycle/orderReference";
import { defaultPollIntervalSeconds, defaultWaitTimeoutSeconds } from "../../lifecycle/waitSettings";
import { ispmanagerConnectionSchema } from "./connection";

/** The mailboxes BILLmanager's SSL reselling allows for approval: admin@, administrator@, hostmaster@, postmaster@, webmaster@ DOMAIN. */
export const approverMailboxes = ["admin", "administrator", "hostmaster", "postmaster", "webmaster"] as const;

export function allowedApproverEmails(domain: string): string[] {
    const base = domain.toLowerCase().replace(/^\*\./, "");
    return approverMailboxes.map((mailbox) => `${mailbox}@${base}`);
}

/** An administrative or technical contact (the order's adm_* / tech_* fields: name, last name, position, e-mail, phone). */
export const orderContactSchema = z
    .object({
        firstName: z.string().min(1, "is required"),
        lastName: z.string().min(1, "is required"),
        jobTitle: z.string().min(1, "is required"),
        email: emailAddress,
        phone: z.string().regex(/^\+?\d[\d\s().-]{4,30}$/, "must be a phone number like +7 495 1234567"),
    })
    .strict();

/** A country: the billing system's id (182 is Russia), as digits or an integer, or an ISO 3166-1 alpha-2 code mapped through its list. */
const countrySchema = z.preprocess(
    (value) => (typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? String(value) : value),
    z.union([z.string().regex(/^\d+$/), countryCode], {
        errorMap: () => ({
            message: "must be a billing-system country id like 182 or an ISO 3166-1 alpha-2 code like RU",
        }),
    }),
);

export const ispmanagerCertificateInputsSchema = z
    .object({
        /** CN, the main domain. */
        domain: dnsName,
        /** Additional domains (`altname`). */
        altNames: z.array(dnsName).optional(),
        /** Tariff id (`pricelist`). */
        pricelist: numericId("a tariff id"),
        periodMonths: z.number().refine((months) => months === 12 || months === 24, "must be 12 or 24 months"),
        /**
         * The add-on code counting additional domains (`addon_<code>`); defaults to the price list code, as in
         * BILLmanager's own example where GlobalSign DomainSSL is price list 55364 with add-on 55364.
         */
        altNameAddon: numericId("an add-on code").optional(),
        country: countrySchema,
        region: z.string().min(1, "is required"),
        city: z.string().min(1, "is required"),
        organization: z.string().min(1, "is required"),
        organizationUnit: z.string().min(1).optional(),
        email: emailAddress.optional(),
        adminContact: orderContactSchema,
        technicalContact: orderContactSchema,
        /** Approval address per domain; default `admin@<domain>`. */
        approverEmails: z.record(emailAddress).optional(),
        /** How the CA validates: DNS TXT (default), EMAIL, FILE or CNAME. */
        validationMethod: z.enum(["DNS", "EMAIL", "FILE", "CNAME"]).default("DNS"),
        /** Your CSR (`crt_type=manual`); without it the provider makes key and CSR, the CSR carrying the order reference (docs/ispmanager.md). */
        csr: pemBlock("CERTIFICATE REQUEST").optional(),
        /** false: `create` returns at once with the validation data and status PENDING; the next update waits. */
        waitForIssuance: z.boolean().default(true),
        waitTimeoutSeconds: z.number().positive().default(defaultWaitTimeoutSeconds),
        pollIntervalSeconds: z.number().positive().default(defaultPollIntervalSeconds),
        /** The resource's own URN, computed by the SDK, so progress lines appear under the resource. */
        progressUrn: z.string().optional(),
        connection: ispmanagerConnectionSchema.optional(),
        /** Set by the SDK, not by the program: how `create` finds an order an interrupted run placed (orderReference.ts). */
        orderReference: orderReferenceSchema.optional(),
    })
    .strict();

export type IspmanagerCertificateInputs = z.infer<typeof ispmanagerCertificateInputsSchema>;

/** The domains of the certificate in the order's order: the main one first, then the additional ones. */
export function domainsOf(inputs: { domain: string; altNames?: string[] }): string[] {
    return [inputs.domain, ...(inputs.altNames ?? [])];
}

/** `approver_email_N` for each domain: the given address, or admin@ of that domain. */
export function approverEmailsFor(inputs: {
    domain: string;
    altNames?: string[];
    approverEmails?: Record<string, string>;
}): string[] {
    const given = Object.fromEntries(
        Object.entries(inputs.approverEmails ?? {}).map(([domain, email]) => [domain.toLowerCase(), email]),
    );
    return domainsOf(inputs).map((domain) => given[domain.toLowerCase()] ?? allowedApproverEmails(domain)[0]);
}

/**
 * Rules across properties, checked on the raw inputs so they are reported together with the per-property ones
 * (zod skips object refinements once a property failed).
 */
export function crossPropertyProblems(inputs: Record<string, unknown>): CheckFailure[] {
    const problems: CheckFailure[] = [];
    const domain = typeof inputs.domain === "string" ? inputs.domain.toLowerCase() : undefined;
    const altNames = Array.isArray(inputs.altNames)
        ? inputs.altNames.filter((name): name is string => typeof name === "string")
        : [];
    const seen = new Set(domain ? [domain] : []);
    altNames.forEach((name, index) => {
        if (seen.has(name.toLowerCase()))
            problems.push({
                property: `altNames[${index}]`,
                reason: `${name} is listed twice (the main domain counts)`,
            });
        seen.add(name.toLowerCase());
    });
    const approverEmails = inputs.approverEmails;
    if (approverEmails && typeof approverEmails === "object" && !Array.isArray(approverEmails)) {
        for (const [name, email] of Object.entries(approverEmails as Record<string, unknown>)) {
            if (!seen.has(name.toLowerCase())) {
                problems.push({
                    property: `approverEmails.${name}`,
                    reason: `${name} is not a domain of this certificate`,
                });
            } else if (typeof email === "string" && !allowedApproverEmails(name).includes(email.toLowerCase())) {
                problems.push({
                    property: `approverEmails.${name}`,
                    reason: `must be one of ${allowedApproverEmails(name).join(", ")} (got ${JSON.stringify(email)})`,
                });
            }
        }
    }
    return problems;
}
