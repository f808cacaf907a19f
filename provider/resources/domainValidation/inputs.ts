import { z } from "zod";
import { pemBlock } from "../check";
import { connectionSchema } from "../connection";

/**
 * DomainValidation arguments: CertificatePrepareOrder for a CSR and product, before anything is ordered, so the DNS
 * record the CA checks can be created in the same stack.
 */
export const domainValidationInputsSchema = z
    .object({
        csr: pemBlock("CERTIFICATE REQUEST"),
        product: z.string().regex(/^[A-Z0-9_]+$/, "must be an InterNetX product code like QUICKSSLPREMIUM"),
        /** Which prepared validation `authentication` hands to the certificate: the DNS record (default) or the file. */
        method: z.enum(["DNS", "FILE"]).optional(),
        connection: connectionSchema.optional(),
    })
    .strict();
export type DomainValidationInputs = z.infer<typeof domainValidationInputsSchema>;
