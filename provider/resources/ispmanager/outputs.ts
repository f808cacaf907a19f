import type { DownloadedCertificate } from "../../ispmanager/certificate";
import type { ValidationData } from "../../ispmanager/schemas";
import { parseCertificate } from "../../x509";

/** A DNS record the CA checks; BILLmanager gives the value only (ispmanager help "Reselling SSL certificates" `auth_dnstxt_value`), the name is each domain. */
export interface ValidationRecord {
    name: string;
    type: string;
    value: string;
}

export interface ValidationOutputs {
    /** The TXT record of the main domain. */
    dnsValidationRecord?: ValidationRecord;
    /** One TXT record per domain (main domain first). */
    dnsValidationRecords?: ValidationRecord[];
    /** ispmanager help "Reselling SSL certificates" `auth_file_name` / `auth_file_value`. */
    fileValidation?: { name: string; content: string };
    /** ispmanager help "Reselling SSL certificates" `auth_cname_name` / `auth_cname_value`. */
    cnameValidation?: { name: string; value: string };
}

export function validationOutputs(data: ValidationData, domains: string[]): ValidationOutputs {
    const records = data.dnsTxtValue
        ? domains.map((domain) => ({ name: `${domain.replace(/^\*\./, "")}.`, type: "TXT", value: data.dnsTxtValue! }))
        : undefined;
    return {
        dnsValidationRecord: records?.[0],
        dnsValidationRecords: records,
        fileValidation:
            data.fileName && data.fileValue !== undefined
                ? { name: data.fileName, content: data.fileValue }
                : undefined,
        cnameValidation:
            data.cnameName && data.cnameValue ? { name: data.cnameName, value: data.cnameValue } : undefined,
    };
}

export interface IssuedOutputs {
    status: "ISSUED";
    certificatePem: string;
    /** Intermediates from the download, leaf-first order; empty when the file carries the leaf only. */
    chainPem: string;
    fullChainPem: string;
    serialNumber: string;
    notBefore: string;
    notAfter: string;
    fingerprintSha256: string;
    /** The DNS names the issued certificate carries. */
    issuedDomains: string[];
}

const withNewline = (pem: string) => (pem.endsWith("\n") ? pem : `${pem}\n`);

export async function issuedOutputs(downloaded: DownloadedCertificate): Promise<IssuedOutputs> {
    const leaf = await parseCertificate(downloaded.certificatePem);
    const certificatePem = withNewline(downloaded.certificatePem.trim());
    const chainPem = downloaded.intermediatePems.map((pem) => withNewline(pem.trim())).join("");
    return {
        status: "ISSUED",
        certificatePem,
        chainPem,
        fullChainPem: certificatePem + chainPem,
        serialNumber: leaf.serialNumber,
        notBefore: leaf.notBefore,
        notAfter: leaf.notAfter,
        fingerprintSha256: leaf.fingerprintSha256,
        issuedDomains: leaf.dnsNames,
    };
}
