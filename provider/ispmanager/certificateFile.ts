import { crypto, x509 } from "../x509/crypto";
import { splitPemBlocks } from "../x509/pem";
import { isZip, readZip } from "./zip";

/**
 * Reads the file of `certificate.file type=crt`. ISPsystem's GlobalSign processing module stores it as a zip holding
 * `<CN>.p7b` (the PKCS#7 the CA returned) and one `.crt` (PEM) per certificate in it, and as the plain PEM certificate
 * only when the CA returned no PKCS#7. Neither tells which certificate is the leaf or in what order the rest come, so
 * the leaf is the certificate carrying the CSR's key (or, without a CSR, the one that signed no other), and the chain
 * is followed by issuer name and signature up to, not including, a self-signed root.
 */
export interface CertificateFileContents {
    certificatePem: string;
    /** Intermediates in signing order: the one that signed the leaf first. */
    intermediatePems: string[];
}

export class CertificateFileError extends Error {
    override name = "CertificateFileError";
}

const toPem = (certificate: x509.X509Certificate) => `${certificate.toString("pem").replace(/\r\n?/g, "\n").trim()}\n`;

function certificatesInText(text: string): x509.X509Certificate[] {
    const found: x509.X509Certificate[] = [];
    for (const block of splitPemBlocks(text)) {
        const label = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(block)![1];
        if (label === "CERTIFICATE") found.push(new x509.X509Certificate(block));
        else if (label === "PKCS7" || label === "CMS")
            found.push(...new x509.X509Certificates(block.replace(/PKCS7/g, "CMS")));
    }
    return found;
}

/** The certificates of one file: PEM text (`.crt`, PEM `.p7b`, plain downloads) or a DER PKCS#7 `.p7b`. */
function certificatesInEntry(name: string, data: Buffer): x509.X509Certificate[] {
    const pem = data.toString("utf8");
    if (name.toLowerCase().endsWith(".p7b") && !pem.includes("-----BEGIN"))
        return [...new x509.X509Certificates(new Uint8Array(data))];
    return certificatesInText(pem);
}

/** Every certificate of the file, each once (the `.crt` files repeat what the `.p7b` holds). */
export function certificatesInFile(bytes: Buffer): x509.X509Certificate[] {
    const entries = isZip(bytes) ? readZip(bytes) : [{ name: "certificate.crt", data: bytes }];
    const unique = new Map<string, x509.X509Certificate>();
    for (const entry of entries) {
        for (const certificate of certificatesInEntry(entry.name, entry.data))
            unique.set(Buffer.from(certificate.rawData).toString("base64"), certificate);
    }
    return [...unique.values()];
}

const sameKey = (certificate: x509.X509Certificate, spki: ArrayBuffer) =>
    Buffer.from(certificate.publicKey.rawData).equals(Buffer.from(spki));

async function signedBy(certificate: x509.X509Certificate, issuer: x509.X509Certificate): Promise<boolean> {
    if (certificate.issuer !== issuer.subject) return false;
    // A key of another algorithm than the signature makes the library throw: not signed by it.
    return certificate.verify({ publicKey: issuer.publicKey, signatureOnly: true }, crypto).catch(() => false);
}

const selfSigned = (certificate: x509.X509Certificate) => signedBy(certificate, certificate);

/** Leaf and chain of the file; `csrPem` names the leaf by its key. */
export async function readCertificateFile(bytes: Buffer, csrPem?: string): Promise<CertificateFileContents> {
    const certificates = certificatesInFile(bytes);
    if (certificates.length === 0)
        throw new CertificateFileError(
            isZip(bytes) ? "the zip archive holds no certificate" : "the file holds no PEM certificate",
        );
    let leaf: x509.X509Certificate | undefined;
    if (csrPem) {
        const spki = new x509.Pkcs10CertificateRequest(csrPem).publicKey.rawData;
        leaf = certificates.find((certificate) => sameKey(certificate, spki));
        if (!leaf) throw new CertificateFileError("no certificate in the file carries the key of the order's CSR");
    } else {
        const signers = new Set<x509.X509Certificate>();
        for (const certificate of certificates)
            for (const issuer of certificates)
                if (issuer !== certificate && (await signedBy(certificate, issuer))) signers.add(issuer);
        const leaves = certificates.filter((certificate) => !signers.has(certificate));
        if (leaves.length !== 1)
            throw new CertificateFileError(
                `the file holds ${leaves.length} certificates that signed no other; cannot tell the leaf`,
            );
        leaf = leaves[0];
    }
    const chain: x509.X509Certificate[] = [];
    let current = leaf;
    for (;;) {
        if (await selfSigned(current)) break;
        const candidates = certificates.filter(
            (candidate) => candidate !== current && !chain.includes(candidate) && candidate !== leaf,
        );
        let issuer: x509.X509Certificate | undefined;
        for (const candidate of candidates) if (await signedBy(current, candidate)) issuer = candidate;
        if (!issuer || (await selfSigned(issuer))) break;
        chain.push(issuer);
        current = issuer;
    }
    return { certificatePem: toPem(leaf), intermediatePems: chain.map(toPem) };
}
