import { crypto, sha256Hex, x509 } from "./crypto";
import { generateKeyPair, importKeyPair, KeyAlgorithm, KeySpec, privateKeyToPem, signingAlgorithmFor } from "./keys";
import { alternativeNames, distinguishedName, nameFields, SubjectFields } from "./names";
import { InvalidPemError, singlePem } from "./pem";

export interface CsrNames {
    commonName: string;
    /** DNS names; the common name is always included first. */
    subjectAlternativeNames?: string[];
    /** rfc822Name SANs, for S/MIME. */
    emailAddresses?: string[];
    subject?: SubjectFields;
    /**
     * The PKCS#9 `unstructuredName` attribute of the request (RFC 2985 5.4, OID 1.2.840.113549.1.9.2; OpenSSL's
     * default `req` configuration asks for it as "An optional company name"): an attribute of the request only,
     * never part of the subject or an extension request, so a CA has nothing of it to copy into the certificate.
     */
    unstructuredName?: string;
}

export interface GeneratedKeyAndCsr {
    privateKeyPem: string;
    csrPem: string;
}

function sanExtension(names: CsrNames): x509.SubjectAlternativeNameExtension | undefined {
    const dnsNames = names.commonName.includes("@")
        ? [...(names.subjectAlternativeNames ?? [])]
        : [names.commonName, ...(names.subjectAlternativeNames ?? [])];
    const unique = [...new Set(dnsNames.map((name) => name.toLowerCase()))];
    const entries = [
        ...unique.map((value) => ({ type: "dns" as const, value })),
        ...(names.emailAddresses ?? []).map((value) => ({ type: "email" as const, value })),
    ];
    return entries.length > 0 ? new x509.SubjectAlternativeNameExtension(entries) : undefined;
}

/** PKCS#9 (RFC 2985) unstructuredName. */
const unstructuredNameOid = "1.2.840.113549.1.9.2";

/** DER IA5String (tag 22), the PKCS9String choice for ASCII text. */
function ia5String(text: string): ArrayBuffer {
    if ([...text].some((character) => character.charCodeAt(0) > 0x7f))
        throw new Error("unstructuredName: only ASCII text can be an IA5String");
    const bytes = Buffer.from(text, "ascii");
    return new Uint8Array([0x16, ...derLength(bytes.length), ...bytes]).buffer;
}

function derLength(length: number): number[] {
    if (length < 0x80) return [length];
    return length < 0x100 ? [0x81, length] : [0x82, length >> 8, length & 0xff];
}

/** The text of a DER string value (IA5String, PrintableString, UTF8String: the choices of PKCS9String and DirectoryString); undefined for anything else. */
function derText(value: ArrayBuffer): string | undefined {
    const bytes = new Uint8Array(value);
    if (![0x16, 0x13, 0x0c].includes(bytes[0])) return undefined;
    let offset = 2;
    let length = bytes[1];
    if (length === 0x81) [length, offset] = [bytes[2], 3];
    else if (length === 0x82) [length, offset] = [(bytes[2] << 8) | bytes[3], 4];
    else if (length >= 0x80) return undefined;
    if (offset + length > bytes.length) return undefined;
    return Buffer.from(bytes.subarray(offset, offset + length)).toString(bytes[0] === 0x0c ? "utf8" : "latin1");
}

async function csrFor(keys: CryptoKeyPair, names: CsrNames): Promise<string> {
    const extension = sanExtension(names);
    const request = await x509.Pkcs10CertificateRequestGenerator.create({
        name: distinguishedName(names.commonName, names.subject),
        keys,
        signingAlgorithm: signingAlgorithmFor(keys.privateKey),
        extensions: extension ? [extension] : [],
        attributes:
            names.unstructuredName === undefined
                ? []
                : [new x509.Attribute(unstructuredNameOid, [ia5String(names.unstructuredName)])],
    });
    return `${request.toString("pem")}\n`;
}

export async function generateKeyAndCsr(options: CsrNames & { key: KeySpec }): Promise<GeneratedKeyAndCsr> {
    const keys = await generateKeyPair(options.key);
    return { privateKeyPem: await privateKeyToPem(keys.privateKey), csrPem: await csrFor(keys, options) };
}

/** A new CSR for a kept key (a reissue with new names keeps the key). */
export async function csrFromPrivateKey(privateKeyPem: string, names: CsrNames): Promise<string> {
    return csrFor(await importKeyPair(privateKeyPem), names);
}

export interface CsrInfo {
    pem: string;
    commonName?: string;
    dnsNames: string[];
    emailAddresses: string[];
    subject: SubjectFields;
    keyAlgorithm: KeyAlgorithm;
    keySize: number;
    signatureValid: boolean;
    publicKeySha256: string;
    /** The request's PKCS#9 unstructuredName attribute (see CsrNames), when it has one. */
    unstructuredName?: string;
}

export async function parseCsr(pem: string): Promise<CsrInfo> {
    const normalized = singlePem(pem, "CERTIFICATE REQUEST", "CSR");
    let request: x509.Pkcs10CertificateRequest;
    try {
        request = new x509.Pkcs10CertificateRequest(normalized);
    } catch (error) {
        throw new InvalidPemError("CSR", `not a PKCS#10 request (${(error as Error).message})`);
    }
    const key = describePublicKey(request.publicKey);
    // CsrInfo promises RSA or ECDSA; an Ed25519 request is well-formed but nothing InterNetX's CAs accept.
    if (!key)
        throw new InvalidPemError("CSR", `the key algorithm ${request.publicKey.algorithm.name} is not RSA or ECDSA`);
    const { commonName, ...subject } = nameFields(request.subjectName);
    const { dnsNames, emailAddresses } = alternativeNames(
        request.extensions.find(
            (extension): extension is x509.SubjectAlternativeNameExtension =>
                extension instanceof x509.SubjectAlternativeNameExtension,
        ) ?? null,
    );
    let signatureValid = false;
    try {
        signatureValid = await request.verify(crypto);
    } catch {
        // A signature that cannot even be checked (unsupported hash, malformed value) is not a valid one.
        signatureValid = false;
    }
    return {
        // Re-encoded, so CRLF line ends or other line widths in the input do not show up as a different CSR.
        pem: `${request.toString("pem")}\n`,
        commonName,
        dnsNames,
        emailAddresses,
        subject: Object.fromEntries(Object.entries(subject).filter(([, value]) => value !== undefined)),
        ...key,
        signatureValid,
        publicKeySha256: await sha256Hex(request.publicKey.rawData),
        ...unstructuredNameOf(request),
    };
}

function unstructuredNameOf(request: x509.Pkcs10CertificateRequest): { unstructuredName?: string } {
    const value = request.getAttribute(unstructuredNameOid)?.values[0];
    const text = value === undefined ? undefined : derText(value);
    return text === undefined ? {} : { unstructuredName: text };
}

/** Algorithm and size of a public key (RSA modulus bits, or the EC curve size); undefined for other algorithms. */
/** SHA-256 of the CSR's public key, to tell whether an issued leaf carries this key; undefined without a CSR. */
export async function csrPublicKeySha256(csrPem: string | undefined): Promise<string | undefined> {
    return csrPem ? (await parseCsr(csrPem)).publicKeySha256 : undefined;
}

export function describePublicKey(
    publicKey: x509.PublicKey,
): { keyAlgorithm: KeyAlgorithm; keySize: number } | undefined {
    // @peculiar/x509 reads the SPKI into a WebCrypto algorithm: modulusLength for RSA, namedCurve for EC.
    const algorithm = publicKey.algorithm as { name: string; namedCurve?: string; modulusLength?: number };
    if (algorithm.name === "ECDSA" || algorithm.name === "ECDH") {
        const size = { "P-256": 256, "P-384": 384, "P-521": 521 }[algorithm.namedCurve ?? ""];
        return size ? { keyAlgorithm: "ECDSA", keySize: size } : undefined;
    }
    if (algorithm.modulusLength) return { keyAlgorithm: "RSA", keySize: algorithm.modulusLength };
    return undefined;
}
