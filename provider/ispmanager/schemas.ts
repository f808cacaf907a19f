import { z } from "zod";

/**
 * What this client reads from BILLmanager's answers (seed 004; docs/ispmanager.md), only the fields it uses. Every
 * value arrives as a string (documents are converted from XML on the server side); conversion happens here, once.
 */

const pem = (label: string) => z.string().regex(new RegExp(`-----BEGIN ${label}-----[\\s\\S]+-----END ${label}-----`), `must be a PEM ${label.toLowerCase()}`);

/** certificate.order.csr with `sok=ok`: "the model.csr and model.key fields will contain the request and the key" (seed 004). */
export const generatedCsrSchema = z.object({
    csr: pem("CERTIFICATE REQUEST"),
    // PKCS#8 or the traditional RSA/EC forms: the billing system's choice.
    key: z.string().regex(/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+-----END [A-Z ]*PRIVATE KEY-----/, "must be a PEM private key"),
});
export type GeneratedCsr = z.infer<typeof generatedCsrSchema>;

/** certificate.edit: the validation data of seed 004 (DNS TXT, file, CNAME) and the order's CSR. */
export const validationDataSchema = z
    .object({
        auth_dnstxt_value: z.string().optional(),
        auth_file_name: z.string().optional(),
        auth_file_value: z.string().optional(),
        auth_cname_name: z.string().optional(),
        auth_cname_value: z.string().optional(),
        csr: z.string().optional(),
        approver_method: z.string().optional(),
        /** The additional domains, space-separated as in the order (seed 004); read to tell whether a reissue was placed. */
        altname: z.string().optional(),
    })
    .transform((fields) => ({
        dnsTxtValue: fields.auth_dnstxt_value || undefined,
        fileName: fields.auth_file_name || undefined,
        fileValue: fields.auth_file_value || undefined,
        cnameName: fields.auth_cname_name || undefined,
        cnameValue: fields.auth_cname_value || undefined,
        csr: fields.csr || undefined,
        approverMethod: fields.approver_method || undefined,
        altNames: fields.altname === undefined ? undefined : fields.altname.split(/\s+/).filter(Boolean),
    }));
export type ValidationData = z.infer<typeof validationDataSchema>;

/**
 * BILLmanager's service statuses (the `status` column of every product list in BILLmanager's API reference):
 * 1 ordered, 2 active, 3 suspended, 4 deleted, 5 being processed.
 */
export const serviceStatuses: Record<string, CertificateStatus> = { "1": "ORDERED", "2": "ACTIVE", "3": "SUSPENDED", "4": "DELETED", "5": "PROCESSING" };
export type CertificateStatus = "ORDERED" | "ACTIVE" | "SUSPENDED" | "DELETED" | "PROCESSING" | "UNKNOWN";

/** One row of the `certificate` list function (docs/ispmanager.md: inferred from BILLmanager's other product lists). */
export const certificateRowSchema = z
    .object({
        id: z.string().min(1),
        name: z.string().optional(),
        domain: z.string().optional(),
        status: z.string().optional(),
        expiredate: z.string().optional(),
        pricelist: z.string().optional(),
        period: z.string().optional(),
        /** A reason the billing system gives with a suspended (refused) certificate. */
        comment: z.string().optional(),
    })
    .transform((row) => ({
        id: row.id,
        domain: row.domain ?? row.name ?? "",
        status: (row.status !== undefined ? serviceStatuses[row.status] : undefined) ?? "UNKNOWN",
        statusCode: row.status,
        expiresOn: row.expiredate || undefined,
        pricelist: row.pricelist,
        periodMonths: row.period !== undefined && /^\d+$/.test(row.period) ? Number(row.period) : undefined,
        reason: row.comment || undefined,
    }));
export type CertificateRow = z.infer<typeof certificateRowSchema>;

/** The new certificate's id after certificate.order.param: `id` of the answer, or the form's `elid` / `item.id`. */
export const orderedIdSchema = z.string().regex(/^\d+$/, "must be a numeric id");
