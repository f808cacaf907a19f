import { crypto, hex, sha256Hex, x509 } from "./crypto";
import { importKeyPair } from "./keys";
import { alternativeNames, nameFields } from "./names";
import { InvalidPemError, singlePem, splitPemBlocks } from "./pem";

export interface CertificateDetails {
    pem: string;
    subject: string;
    commonName?: string;
    issuer: string;
    dnsNames: string[];
    emailAddresses: string[];
    /** Uppercase hex without leading zero bytes (as InterNetX writes serials, InterNetX help "Reissue Certificate"). */
    serialNumber: string;
    notBefore: string;
    notAfter: string;
    /** Uppercase hex pairs joined by colons. */
    fingerprintSha256: string;
    publicKeySha256: string;
    isCertificateAuthority: boolean;
    extendedKeyUsages: string[];
}

export function readCertificate(pem: string): x509.X509Certificate {
    const normalized = singlePem(pem, "CERTIFICATE", "certificate");
    try {
        return new x509.X509Certificate(normalized);
    } catch (error) {
        throw new InvalidPemError("certificate", `not an X.509 certificate (${(error as Error).message})`);
    }
}

export async function parseCertificate(pem: string): Promise<CertificateDetails> {
    const certificate = readCertificate(pem);
    const { dnsNames, emailAddresses } = alternativeNames(
        certificate.getExtension(x509.SubjectAlternativeNameExtension),
    );
    const fingerprint = hex(await certificate.getThumbprint("SHA-256", crypto));
    const extendedKeyUsage = certificate.getExtension(x509.ExtendedKeyUsageExtension);
    return {
        pem: `${certificate.toString("pem")}\n`,
        subject: certificate.subject,
        commonName: nameFields(certificate.subjectName).commonName,
        issuer: certificate.issuer,
        dnsNames,
        emailAddresses,
        serialNumber: certificate.serialNumber.toUpperCase().replace(/^(00)+(?=.)/, ""),
        notBefore: certificate.notBefore.toISOString(),
        notAfter: certificate.notAfter.toISOString(),
        fingerprintSha256: fingerprint.match(/.{2}/g)!.join(":"),
        publicKeySha256: await sha256Hex(certificate.publicKey.rawData),
        isCertificateAuthority: certificate.getExtension(x509.BasicConstraintsExtension)?.ca ?? false,
        extendedKeyUsages: Array.from(extendedKeyUsage?.usages ?? [], String),
    };
}

export interface ChainVerification {
    valid: boolean;
    reason?: string;
}

/**
 * Leaf → intermediates → self-signed root: names chain, signatures verify, intermediates and root are CAs, every
 * certificate is valid at `at`. Input that is not a certificate makes the chain invalid (with the reason) rather than
 * throwing: callers ask a yes/no question about material the CA handed back.
 */
export async function verifyChain(
    leafPem: string,
    intermediatePems: string[],
    rootPem: string,
    at: Date = new Date(),
): Promise<ChainVerification> {
    let chain: x509.X509Certificate[];
    try {
        // An intermediate entry may hold several blocks (InterNetX's chain fields sometimes do); each is one link.
        const intermediates = intermediatePems.flatMap((pem) => {
            const blocks = splitPemBlocks(pem);
            if (blocks.length === 0) throw new InvalidPemError("certificate", "an intermediate holds no PEM block");
            return blocks;
        });
        chain = [leafPem, ...intermediates, rootPem].map(readCertificate);
    } catch (error) {
        if (error instanceof InvalidPemError) return { valid: false, reason: error.message };
        throw error;
    }
    for (const [index, certificate] of chain.entries()) {
        if (at < certificate.notBefore || at > certificate.notAfter)
            return { valid: false, reason: `${certificate.subject} is not valid at ${at.toISOString()}` };
        // The root is its own issuer: this checks that it is self-signed.
        const issuer = chain[Math.min(index + 1, chain.length - 1)];
        if (certificate.issuer !== issuer.subject)
            return {
                valid: false,
                reason: `${certificate.subject} was issued by ${certificate.issuer}, not by ${issuer.subject}`,
            };
        // A key of another algorithm than the signature makes the library throw; that is a failed signature too.
        const signed = await certificate
            .verify({ publicKey: issuer.publicKey, signatureOnly: true }, crypto)
            .catch(() => false);
        if (!signed)
            return {
                valid: false,
                reason: `the signature of ${certificate.subject} does not verify with the key of ${issuer.subject}`,
            };
        if (index > 0 && !(certificate.getExtension(x509.BasicConstraintsExtension)?.ca ?? false))
            return { valid: false, reason: `${certificate.subject} is not a CA` };
    }
    return { valid: true };
}

/** True when the certificate carries the public key of this private key. */
export async function privateKeyMatchesCertificate(privateKeyPem: string, certificatePem: string): Promise<boolean> {
    const keys = await importKeyPair(privateKeyPem);
    const spki = new Uint8Array(await crypto.subtle.exportKey("spki", keys.publicKey));
    const certificate = readCertificate(certificatePem);
    return Buffer.from(spki).equals(Buffer.from(new Uint8Array(certificate.publicKey.rawData)));
}
