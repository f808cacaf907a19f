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
const stringList = z.union([z.array(z.string()), z.string()]).transform((value) => (Array.isArray(value) ? value : [value]));

/** JSON `2018-09-26T11:38:08.000+0200` and XML `2017-01-01 10:35:22` (read as UTC) → ISO 8601 UTC. */
export function isoTimestamp(text: string): string {
    let normalized = text.trim().replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
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
    // The JSON create answer in seed 001 shows `address` as one string; the request sends a list.
    address: stringList,
    pcode: z.string(),
    city: z.string(),
    country: z.string(),
    state: z.string().optional(),
});
export type SslContact = z.infer<typeof sslContactSchema>;
export type SslContactInput = Omit<SslContact, "id">;

export const authenticationMethods = ["DNS", "EMAIL", "FILE"] as const;
export const certAuthenticationSchema = z.object({
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

/** swagger JobStatusConstants */
export const jobStatuses = ["RUNNING", "SUCCESS", "FAILED", "CANCELED", "SUPPORT", "DEFERRED", "NOT_SET", "WAIT"] as const;

export const jobSchema = z.object({
    id: identifier,
    status: z.string().optional(),
    subStatus: z.string().optional(),
    action: z.string().optional(),
    subType: z.string().optional(),
    created: timestamp.optional(),
    updated: timestamp.optional(),
    object: z
        .object({
            type: z.string().optional(),
            value: z.string().optional(),
            data: z.object({ id: identifier.optional() }).passthrough().optional(),
        })
        .optional(),
});
export type Job = z.infer<typeof jobSchema>;

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
export interface QueryFilter {
    key: string;
    value: string;
    operator?: "EQUAL" | "LIKE" | "GREATER" | "LESS" | "NOT_EQUAL";
}
export interface Query {
    filters?: QueryFilter[];
    view?: { limit?: number; offset?: number };
}
