import { createHash } from "node:crypto";
import { z } from "zod";
import { InvalidPemError, parseCsr } from "../../x509";
import { CheckFailure, failuresFromZod, pemBlock, withoutProviderKey } from "../check";
import { connectionSchema, withClient } from "../connection";
import { DnsRecord, parseZoneRecord } from "../dnsRecord";
import { unknownProperties } from "../unknowns";

/**
 * DomainValidation: CertificatePrepareOrder (400110, seed 001) for a CSR and product, before anything is ordered,
 * so the DNS record the CA checks can be created in the same stack. No API object exists: delete is a no-op.
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

export interface DomainValidationProperties extends DomainValidationInputs {
    name: string;
    dnsRecord?: DnsRecord;
    fileValidation?: { url: string; content: string };
    approverEmails: string[];
    /** What Certificate.validation accepts: DNS with the prepared record (not provisioned by InterNetX), or the prepared file. */
    authentication: { method: "DNS"; dns: string; provisioning: false } | { method: "FILE"; fileName: string; fileContent: string };
}

export async function checkDomainValidationInputs(news: Record<string, unknown>): Promise<{ inputs?: DomainValidationInputs; failures: CheckFailure[] }> {
    const candidate = withoutProviderKey(news);
    const unknown = unknownProperties(candidate);
    const parsed = domainValidationInputsSchema.safeParse(candidate);
    if (!parsed.success) {
        const failures = failuresFromZod(parsed.error).filter((failure) => !unknown.has(failure.property.split(/[.[]/)[0]));
        return failures.length > 0 ? { failures } : { inputs: candidate as DomainValidationInputs, failures: [] };
    }
    try {
        await parseCsr(parsed.data.csr);
    } catch (error) {
        return { failures: [{ property: "csr", reason: error instanceof InvalidPemError ? error.message : (error as Error).message }] };
    }
    return { inputs: parsed.data, failures: [] };
}

/** Same CSR and product, same validation data: the id is derived from them. */
export function domainValidationId(inputs: DomainValidationInputs): string {
    return createHash("sha256").update(`${inputs.product}\n${inputs.csr.replace(/\s+/g, "")}`).digest("hex").slice(0, 32);
}

export async function createDomainValidation(inputs: DomainValidationInputs): Promise<{ id: string; outs: DomainValidationProperties }> {
    return withClient(inputs.connection, async (client) => {
        const prepared = await client.certificate.prepareOrder({ plain: inputs.csr, product: inputs.product });
        const dns = prepared.authentication.find((authentication) => authentication.method === "DNS");
        const file = prepared.authentication.find((authentication) => authentication.method === "FILE");
        const email = prepared.authentication.find((authentication) => authentication.method === "EMAIL");
        const authentication: DomainValidationProperties["authentication"] =
            dns?.dns && inputs.method !== "FILE"
                ? { method: "DNS", dns: dns.dns, provisioning: false }
                : { method: "FILE", fileName: file?.fileName ?? "", fileContent: file?.fileContent ?? "" };
        return {
            id: domainValidationId(inputs),
            outs: {
                ...inputs,
                name: prepared.name,
                dnsRecord: parseZoneRecord(dns?.dns),
                fileValidation: file?.fileName ? { url: file.fileName, content: file.fileContent ?? "" } : undefined,
                approverEmails: email?.approverEmails ?? [],
                authentication,
            },
        };
    });
}
