import type { Certificate } from "../../internetx/schemas";
import { parseCertificate, splitPemBlocks } from "../../x509";
import { DnsRecord, parseZoneRecord } from "../dnsRecord";

/** What CertificateInfo and the issued leaf tell about a certificate. */
export interface IssuedCertificateOutputs {
    certificateId: string;
    orderId?: string;
    status: "ISSUED" | "PENDING";
    certificatePem?: string;
    /** Intermediates, leaf-first order (the one that signed the leaf first). */
    chainPem?: string;
    rootPem?: string;
    /** Leaf + intermediates: what a web server is configured with. */
    fullChainPem?: string;
    serialNumber?: string;
    notBefore?: string;
    notAfter?: string;
    fingerprintSha256?: string;
    /**
     * The DNS names the issued certificate carries (common name included). Its own name, not
     * `subjectAlternativeNames`: in a dynamic provider an output of an input's name replaces the input in state, and
     * preview then shows a change that is not there.
     */
    issuedNames?: string[];
    dnsValidationRecord?: DnsRecord;
}

const withNewline = (pem: string) => (pem.endsWith("\n") ? pem : `${pem}\n`);

export async function certificateOutputs(certificate: Certificate): Promise<IssuedCertificateOutputs> {
    const base = {
        certificateId: certificate.id,
        orderId: certificate.orderId,
        dnsValidationRecord: parseZoneRecord(certificate.authentication?.dns),
    };
    if (!certificate.server) return { ...base, status: "PENDING" };
    const [leafPem] = splitPemBlocks(certificate.server);
    const leaf = await parseCertificate(leafPem);
    const intermediates = certificate.certificationAuthority
        .filter((authority) => authority.caType !== "ROOT")
        .map((authority) => withNewline(authority.caCertificate.trim()));
    const root = certificate.certificationAuthority.find((authority) => authority.caType === "ROOT");
    const chainPem = intermediates.join("");
    return {
        ...base,
        status: "ISSUED",
        certificatePem: withNewline(leafPem.trim()),
        chainPem,
        rootPem: root ? withNewline(root.caCertificate.trim()) : undefined,
        fullChainPem: withNewline(leafPem.trim()) + chainPem,
        serialNumber: leaf.serialNumber,
        notBefore: leaf.notBefore,
        notAfter: leaf.notAfter,
        fingerprintSha256: leaf.fingerprintSha256,
        issuedNames: leaf.dnsNames,
    };
}
