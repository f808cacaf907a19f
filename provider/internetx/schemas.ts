import { z } from "zod";

/**
 * The InterNetX objects this project reads (swagger definitions SslContact, Certificate, CertificateData,
 * CertAuthentication, Job, PollMessage), only with the fields we use. Both transports deliver JSON-shaped
 * objects; XML values arrive as strings, so numbers, flags and dates are converted here, once.
 */

const identifier = z.union([z.number(), z.string().min(1)]).transform(String);
const integer = z.union([z.number().int(), z.string().regex(/^-?\d+$/)]).transform(Number);
const flag = z
    .union([z.boolean(), z.enum(["1", "0", "true", "false"])])
    .transform((value) => value === true || value === "1" || value === "true");
const stringList = z
    .union([z.array(z.string()), z.string()])
    .transform((value) => (Array.isArray(value) ? value : [value]));

/** JSON `2018-09-26T11:38:08.000+0200` and XML `2017-01-01 10:35:22` (read as UTC) → ISO 8601 UTC. */
export function isoTimestamp(text: string): string {
    let normalized = text
        .trim()
        .replace(" ", "T")
        .replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
    if (!/([zZ]|[+-]\d{2}:\d{2})$/.test(normalized)) normalized += "Z";
    const time = Date.parse(normalized);
    return Number.isNaN(time) ? text : new Date(time).toISOString();
}
const timestamp = z.string().transform(isoTimestamp);

export const sslContactSchema = z.object({
    id: identifier,
    fname: z.string(),
    lname: z.string(),
    phone: z.string(),
    fax: z.string().optional(),
    email: z.string(),
    title: z.string().optional(),
    organization: z.string(),
    // The JSON create answer in InterNetX help "Ordering SSL Certificates" shows `address` as one string; the request sends a list.
    address: stringList,
    pcode: z.string(),
    city: z.string(),
    country: z.string(),
    state: z.string().optional(),
});
export type SslContact = z.infer<typeof sslContactSchema>;
export type SslContactInput = Omit<SslContact, "id">;

/**
 * A row of SslContactList: only the id is certain. A real list answer (InterNetX/js-domainrobot-sdk
 * tests/mock/SSLContact/SSLContactList.json, from InterNetX's dev system) carries names, organization, owner and
 * dates, but no phone, email, address or country ("Running List Inquiries": lists hold fewer details than Info).
 */
export const sslContactListRowSchema = sslContactSchema.partial().required({ id: true });
export type SslContactListRow = z.infer<typeof sslContactListRowSchema>;

export const authenticationMethods = ["DNS", "EMAIL", "FILE"] as const;
export const certAuthenticationSchema = z.object({
    /**
     * The name this entry validates (swagger CertAuthentication.name): InterNetX's prepare-order answer gives one entry
     * per name and method (InterNetX/php-domainrobot-sdk test/mock-data/Certificate/PrepareOrderResponse.json).
     */
    name: z.string().optional(),
    method: z.string(),
    dns: z.string().optional(),
    provisioning: flag.optional(),
    fileName: z.string().optional(),
    fileContent: z.string().optional(),
    approverEmails: stringList.optional(),
});
export type CertAuthentication = z.infer<typeof certAuthenticationSchema>;

export const certificateDataSchema = z.object({
    plain: z.string().optional(),
    name: z.string(),
    keySize: integer.optional(),
    countryCode: z.string().optional(),
    state: z.string().optional(),
    city: z.string().optional(),
    organization: z.string().optional(),
    organizationUnit: z.string().optional(),
    email: z.string().optional(),
    product: z.string().optional(),
    authentication: z.array(certAuthenticationSchema).default([]),
    algorithm: z.string().optional(),
    signatureHashAlgorithm: z.string().optional(),
});
export type CertificateData = z.infer<typeof certificateDataSchema>;

const contactReference = z.object({ id: identifier }).passthrough();

export const certificateSchema = z.object({
    id: identifier,
    orderId: identifier.optional(),
    /** The CA partner's order number ("Certificate Job Info" example: `IX-CC-…`), assigned by the system. */
    partnerOrderId: z.string().optional(),
    /** "A custom field" (swagger Certificate.comment): where our order reference travels. */
    comment: z.string().optional(),
    name: z.string(),
    product: z.string().optional(),
    lifetime: z.object({ unit: z.string().default("MONTH"), period: integer }).optional(),
    software: z.string().optional(),
    csr: z.string().optional(),
    server: z.string().optional(),
    serialNumber: z.string().optional(),
    expire: timestamp.optional(),
    created: timestamp.optional(),
    updated: timestamp.optional(),
    adminContact: contactReference.optional(),
    technicalContact: contactReference.optional(),
    authentication: certAuthenticationSchema.optional(),
    certificationAuthority: z.array(z.object({ caType: z.string(), caCertificate: z.string() })).default([]),
    subjectAlternativeNames: z.array(z.object({ name: z.string() }).passthrough()).optional(),
    certificateType: z.string().optional(),
    approverEmail: z.string().optional(),
    password: z.string().optional(),
    firstname: z.string().optional(),
    lastname: z.string().optional(),
    organizationUnitName: z.string().optional(),
    hasCsr: flag.optional(),
});
export type Certificate = z.infer<typeof certificateSchema>;

/** swagger JobStatusConstants ("DEFFERED" as the "Managing Certificate Orders" example spells it is read as DEFERRED). */
export const jobStatuses = [
    "RUNNING",
    "SUCCESS",
    "FAILED",
    "CANCELED",
    "SUPPORT",
    "DEFERRED",
    "NOT_SET",
    "WAIT",
] as const;

const jobStatus = z.string().transform((status) => (status === "DEFFERED" ? "DEFERRED" : status));

export const jobSchema = z.object({
    id: identifier,
    status: jobStatus.optional(),
    subStatus: z.string().optional(),
    action: z.string().optional(),
    subType: z.string().optional(),
    created: timestamp.optional(),
    updated: timestamp.optional(),
    /** "Job Object": the job's own messages, e.g. why it failed. */
    messages: z.array(z.object({ text: z.string().optional(), code: z.string().optional() }).passthrough()).optional(),
    object: z
        .object({
            type: z.string().optional(),
            value: z.string().optional(),
            data: z.object({ id: identifier.optional() }).passthrough().optional(),
        })
        .optional(),
});
export type Job = z.infer<typeof jobSchema>;

/** swagger CertAuthenticationStatus: the overall validation progress of a certificate order. */
export const certAuthenticationStatusSchema = z
    .object({ status: z.string().optional(), step: z.string().optional(), updated: timestamp.optional() })
    .passthrough();

/** swagger ResponseObject: `data` is the certificate while the order runs ("Certificate Job Info" example). */
export const responseObjectSchema = z
    .object({
        type: z.string().optional(),
        value: z.union([z.string(), z.number()]).transform(String).optional(),
        data: z
            .object({
                id: identifier.optional(),
                partnerOrderId: z.string().optional(),
                comment: z.string().optional(),
                name: z.string().optional(),
            })
            .passthrough()
            .optional(),
    })
    .passthrough();

/** swagger ObjectJob: what Job Info, Job List and Job History answer in `data[]`. */
export const objectJobSchema = z.object({
    job: jobSchema,
    object: responseObjectSchema.optional(),
    authentication: z.array(certAuthenticationStatusSchema).default([]),
    dcvAuth: z
        .array(z.object({ status: z.string().optional(), domain: z.string().optional() }).passthrough())
        .default([]),
});
export type ObjectJob = z.infer<typeof objectJobSchema>;

export const pollMessageSchema = z.object({
    id: identifier,
    job: jobSchema.optional(),
    stid: z.string().optional(),
    object: z
        .object({
            type: z.string().optional(),
            value: z.string().optional(),
            data: z.unknown().optional(),
        })
        .optional(),
    messages: z.array(z.object({ text: z.string().optional(), code: z.string().optional() }).passthrough()).optional(),
});
export type PollMessage = z.infer<typeof pollMessageSchema>;

/** swagger Query / QueryFilter, as we send it. */
export type QueryOperator = "EQUAL" | "NOT_EQUAL" | "LIKE" | "GREATER" | "LESS" | "GREATER_EQUAL" | "LESS_EQUAL";
/** A condition, or a group of conditions joined by `link` ("Running List Inquiries": where / and / or). */
export type QueryFilter =
    | { key: string; value: string; operator?: QueryOperator }
    | { link: "AND" | "OR"; filters: { key: string; value: string; operator?: QueryOperator }[] };
export interface Query {
    filters?: QueryFilter[];
    view?: { limit?: number; offset?: number };
}
