import { randomBytes } from "node:crypto";
import { crypto, x509 } from "../provider/x509/crypto";
import { generateKeyPair, signingAlgorithmFor } from "../provider/x509/keys";
import { distinguishedName } from "../provider/x509/names";
import { readCsrPublicKey } from "./csrKey";

/** 16 random bytes, positive (first bit cleared), uppercase hex: the serial of a new certificate. */
export function randomSerialNumber(): string {
    const bytes = randomBytes(16);
    bytes[0] &= 0x7f;
    if (bytes[0] === 0) bytes[0] = 0x01;
    return bytes.toString("hex").toUpperCase();
}

const yearMs = 365 * 24 * 60 * 60 * 1000;

export interface IssueRequest {
    csrPem: string;
    commonName: string;
    dnsNames: string[];
    emailAddresses?: string[];
    /** IP address SANs (the simulator's own HTTPS certificate for 127.0.0.1). */
    ipAddresses?: string[];
    notBefore: Date;
    notAfter: Date;
    serialNumber: string;
    profile: "server" | "smime";
}

/**
 * The simulator's certificate authority: a self-signed root and an intermediate issuing real leaf certificates from
 * CSRs, so every chain the simulator hands out verifies. The CA keys are RSA 2048 with SHA-256 rather than the faster
 * ECDSA P-256: node-forge, which writes the S/MIME PKCS#12 bundles (provider/x509/pkcs12.ts), reads RSA certificates
 * only, and the public CAs InterNetX resells chain to RSA roots as well.
 */
export class TestCertificateAuthority {
    private constructor(
        private readonly intermediateKeys: CryptoKeyPair,
        private readonly intermediate: x509.X509Certificate,
        readonly rootPem: string,
        readonly intermediatePem: string,
    ) {}

    static async create(options: { organization?: string } = {}): Promise<TestCertificateAuthority> {
        const organization = options.organization ?? "pulumi-sslmanager Simulator";
        const now = Date.now();
        const rootKeys = await generateKeyPair({ algorithm: "RSA", rsaBits: 2048 });
        const root = await x509.X509CertificateGenerator.createSelfSigned(
            {
                serialNumber: randomSerialNumber(),
                name: distinguishedName(`${organization} Root CA`, { organization, country: "DE" }),
                notBefore: new Date(now - 24 * 60 * 60 * 1000),
                notAfter: new Date(now + 20 * yearMs),
                keys: rootKeys,
                signingAlgorithm: signingAlgorithmFor(rootKeys.privateKey),
                extensions: [
                    new x509.BasicConstraintsExtension(true, undefined, true),
                    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
                    await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey, false, crypto),
                    // Optional on a self-signed root (RFC 5280 4.2.1.1), present on the public roots and cheap.
                    await x509.AuthorityKeyIdentifierExtension.create(rootKeys.publicKey, false, crypto),
                ],
            },
            crypto,
        );
        const intermediateKeys = await generateKeyPair({ algorithm: "RSA", rsaBits: 2048 });
        const intermediate = await x509.X509CertificateGenerator.create(
            {
                serialNumber: randomSerialNumber(),
                subject: distinguishedName(`${organization} TLS Intermediate CA`, { organization, country: "DE" }),
                issuer: root.subjectName,
                notBefore: new Date(now - 24 * 60 * 60 * 1000),
                notAfter: new Date(now + 10 * yearMs),
                publicKey: intermediateKeys.publicKey,
                signingKey: rootKeys.privateKey,
                signingAlgorithm: signingAlgorithmFor(rootKeys.privateKey),
                extensions: [
                    new x509.BasicConstraintsExtension(true, 0, true),
                    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
                    await x509.SubjectKeyIdentifierExtension.create(intermediateKeys.publicKey, false, crypto),
                    await x509.AuthorityKeyIdentifierExtension.create(rootKeys.publicKey, false, crypto),
                ],
            },
            crypto,
        );
        return new TestCertificateAuthority(
            intermediateKeys,
            intermediate,
            `${root.toString("pem")}\n`,
            `${intermediate.toString("pem")}\n`,
        );
    }

    async issue(request: IssueRequest): Promise<string> {
        const publicKey = await readCsrPublicKey(request.csrPem);
        const isRsa = publicKey.algorithm.name !== "ECDSA";
        const names = [
            ...request.dnsNames.map((value) => ({ type: "dns" as const, value })),
            ...(request.emailAddresses ?? []).map((value) => ({ type: "email" as const, value })),
            ...(request.ipAddresses ?? []).map((value) => ({ type: "ip" as const, value })),
        ];
        const usages =
            request.profile === "smime"
                ? [x509.ExtendedKeyUsage.emailProtection]
                : [x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth];
        const leaf = await x509.X509CertificateGenerator.create(
            {
                serialNumber: request.serialNumber,
                subject: distinguishedName(
                    request.commonName,
                    request.profile === "smime" ? { emailAddress: request.emailAddresses?.[0] } : {},
                ),
                issuer: this.intermediate.subjectName,
                notBefore: request.notBefore,
                notAfter: request.notAfter,
                publicKey,
                signingKey: this.intermediateKeys.privateKey,
                signingAlgorithm: signingAlgorithmFor(this.intermediateKeys.privateKey),
                extensions: [
                    new x509.BasicConstraintsExtension(false, undefined, true),
                    new x509.KeyUsagesExtension(
                        x509.KeyUsageFlags.digitalSignature | (isRsa ? x509.KeyUsageFlags.keyEncipherment : 0),
                        true,
                    ),
                    new x509.ExtendedKeyUsageExtension(usages, false),
                    ...(names.length > 0 ? [new x509.SubjectAlternativeNameExtension(names, false)] : []),
                    await x509.SubjectKeyIdentifierExtension.create(publicKey, false, crypto),
                    await x509.AuthorityKeyIdentifierExtension.create(this.intermediateKeys.publicKey, false, crypto),
                ],
            },
            crypto,
        );
        return `${leaf.toString("pem")}\n`;
    }
}
