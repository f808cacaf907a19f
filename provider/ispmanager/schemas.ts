import { z } from "zod";

/**
 * What this client reads from BILLmanager's answers (docs/ispmanager.md), only the fields it uses. Every value arrives
 * as a string once `document.ts` unwrapped it; conversion happens here, once.
 */

const pem = (label: string) =>
    z
        .string()
        .regex(
            new RegExp(`-----BEGIN ${label}-----[\\s\\S]+-----END ${label}-----`),
            `must be a PEM ${label.toLowerCase()}`,
        );

/** certificate.order.csr with `sok=ok`: "the model.csr and model.key fields will contain the request and the key" ("Reselling SSL certificates"). */
export const generatedCsrSchema = z.object({
    csr: pem("CERTIFICATE REQUEST"),
    // PKCS#8 or the traditional RSA/EC forms: the billing system's choice.
    key: z
        .string()
        .regex(
            /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+-----END [A-Z ]*PRIVATE KEY-----/,
            "must be a PEM private key",
        ),
});
export type GeneratedCsr = z.infer<typeof generatedCsrSchema>;

/** certificate.edit: the validation data of "Get data for SSL certificate validation" (DNS TXT, file, CNAME) and the order's CSR. */
export const validationDataSchema = z
    .object({
        auth_dnstxt_value: z.string().optional(),
        auth_file_name: z.string().optional(),
        auth_file_value: z.string().optional(),
        auth_cname_name: z.string().optional(),
        auth_cname_value: z.string().optional(),
        csr: z.string().optional(),
        approver_method: z.string().optional(),
        /** The additional domains, space-separated as in the order; read to tell whether a reissue was placed. */
        altname: z.string().optional(),
        /** The order's tariff and period as its form shows them (inferred: BILLmanager's service forms carry them). */
        pricelist: z.string().optional(),
        period: z.string().optional(),
        /** The order reference sent as `remoteid` (docs/ispmanager.md: how a lost order is found again). */
        remoteid: z.string().optional(),
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
        orderReference: fields.remoteid || undefined,
        pricelist: fields.pricelist || undefined,
        periodMonths: fields.period !== undefined && /^\d+$/.test(fields.period) ? Number(fields.period) : undefined,
    }));
export type ValidationData = z.infer<typeof validationDataSchema>;

/**
 * BILLmanager's service item statuses (`item_status_orig` of product lists, read as 1 ordered, 2 active, 3 suspended,
 * 4 deleted, 5 processing by public BILLmanager clients). The item turns active once the order reached the CA: it
 * says nothing about whether the certificate was issued (`issuance`).
 */
export const serviceStatuses: Record<string, CertificateStatus> = {
    "1": "ORDERED",
    "2": "ACTIVE",
    "3": "SUSPENDED",
    "4": "DELETED",
    "5": "PROCESSING",
};
export type CertificateStatus = "ORDERED" | "ACTIVE" | "SUSPENDED" | "DELETED" | "PROCESSING" | "UNKNOWN";

/**
 * The certificate's own state, which ISPsystem's GlobalSign processing module sets as the service status:
 * 3 requested, 4 enrolled (the CA has the order and waits for validation), 5 issued, 6 failed (the CA cancelled it).
 */
export type CertificateIssuance = "requested" | "enrolled" | "issued" | "failed";
export const issuanceCodes: Record<string, CertificateIssuance> = {
    "3": "requested",
    "4": "enrolled",
    "5": "issued",
    "6": "failed",
};

/**
 * The issuance state from the `status_msg` column: the module's code, or its English text (requests carry `lang=en`
 * so the text is stable). Which words the text uses is inferred (docs/ispmanager.md); "failed" is looked for first so
 * that "issue failed" is never read as issued.
 */
export function issuanceOf(statusMessage: string | undefined): CertificateIssuance | undefined {
    const text = (statusMessage ?? "").trim();
    if (issuanceCodes[text]) return issuanceCodes[text];
    if (/fail|cancel|reject|refus/i.test(text)) return "failed";
    if (/\bissued\b/i.test(text)) return "issued";
    if (/enrol/i.test(text)) return "enrolled";
    if (/request/i.test(text)) return "requested";
    return undefined;
}

/** The CA's reason from a failed state's text: what follows "Failed:" (or the whole text). */
function failureReason(statusMessage: string | undefined): string | undefined {
    const text = (statusMessage ?? "").trim();
    if (!text || issuanceCodes[text]) return undefined;
    const colon = text.indexOf(":");
    return colon >= 0 && /fail|cancel|reject|refus/i.test(text.slice(0, colon))
        ? text.slice(colon + 1).trim() || text
        : text;
}

/**
 * One row of the `certificate` list function. Columns of the function reference "SSL certificates (certificate)":
 * `id`, `CN` (domain), `pricelist`, `createdate`, `expiredate`, `status_msg`, `item_status`, `cost`; `item_status_orig`
 * (the code when `item_status` is the localized text) as public clients of BILLmanager's product lists read it.
 */
export const certificateRowSchema = z
    .object({
        id: z.string().min(1),
        CN: z.string().optional(),
        pricelist: z.string().optional(),
        pricelist_id: z.string().optional(),
        createdate: z.string().optional(),
        expiredate: z.string().optional(),
        status_msg: z.string().optional(),
        item_status: z.string().optional(),
        item_status_orig: z.string().optional(),
        cost: z.string().optional(),
        period: z.string().optional(),
    })
    .transform((row) => {
        const itemStatus =
            row.item_status_orig ??
            (row.item_status !== undefined && /^\d+$/.test(row.item_status) ? row.item_status : undefined);
        const issuance = issuanceOf(row.status_msg);
        return {
            id: row.id,
            domain: row.CN ?? "",
            /** The service item's status, named (ACTIVE is not issued: see `issuance`). */
            status: (itemStatus !== undefined ? serviceStatuses[itemStatus] : undefined) ?? "UNKNOWN",
            /** The item status code (`item_status_orig`). */
            statusCode: itemStatus,
            itemStatus,
            /** The item status as the billing system words it (`item_status`, English with `lang=en`). */
            itemStatusText: row.item_status,
            issuance,
            statusMessage: row.status_msg || undefined,
            expiresOn: row.expiredate || undefined,
            createdOn: row.createdate || undefined,
            /** The tariff id: `pricelist_id` (public clients of product lists), or `pricelist` when it is an id rather than the tariff's name. */
            pricelist:
                row.pricelist_id ??
                (row.pricelist !== undefined && /^\d+$/.test(row.pricelist) ? row.pricelist : undefined),
            pricelistName: row.pricelist !== undefined && !/^\d+$/.test(row.pricelist) ? row.pricelist : undefined,
            periodMonths: row.period !== undefined && /^\d+$/.test(row.period) ? Number(row.period) : undefined,
            cost: row.cost || undefined,
            /** The CA's reason when the issuance failed. */
            reason: issuance === "failed" ? failureReason(row.status_msg) : undefined,
        };
    });
export type CertificateRow = z.infer<typeof certificateRowSchema>;

/** The new certificate's id after certificate.order.param: `id` of the answer, or the form's `elid` / `item.id`. */
export const orderedIdSchema = z.string().regex(/^\d+$/, "must be a numeric id");
