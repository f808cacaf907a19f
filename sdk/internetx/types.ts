/** A DNS record the CA checks (from the zone line CertificatePrepareOrder answers). */
export interface DnsRecord {
    /** Fully qualified, with the trailing dot, e.g. `example.com.` */
    name: string;
    /** The record type, TXT. */
    type: string;
    /** Time to live in seconds, as InterNetX suggests it. */
    ttl: number;
    /** The token, unquoted. */
    value: string;
}

/**
 * How the CA validates the domain: `{ method: "DNS", provisioning: true }` (InterNetX creates the TXT record in a
 * zone it manages; the default), `{ method: "DNS", provisioning: false }` (you create it; see DomainValidation),
 * `{ method: "EMAIL", approverEmail }` (the CA mails an approver), `{ method: "FILE" }` (you serve a file over HTTP),
 * or the `authentication` output of a DomainValidation.
 */
export type ValidationArgs =
    | { method: "DNS"; provisioning?: boolean; dns?: string }
    | { method: "EMAIL"; approverEmail: string }
    | { method: "FILE"; fileName?: string; fileContent?: string };

/** The key the provider generates (then it also makes the CSR); the key is a secret output, `privateKeyPem`. */
export interface PrivateKeyArgs {
    /** RSA or ECDSA. */
    algorithm: "RSA" | "ECDSA";
    /** RSA key size: 2048 (default), 3072 or 4096 bits. */
    rsaBits?: 2048 | 3072 | 4096;
    /** ECDSA curve: P256 (default) or P384. */
    curve?: "P256" | "P384";
}

/** Subject fields of a generated CSR besides the common name (`name`). */
export interface SubjectArgs {
    /** O, up to 64 characters. */
    organization?: string;
    /** OU, up to 64 characters. */
    organizationalUnit?: string;
    /** C, an ISO 3166-1 alpha-2 code. */
    country?: string;
    /** ST, up to 128 characters. */
    state?: string;
    /** L, up to 128 characters. */
    locality?: string;
    /** emailAddress. */
    emailAddress?: string;
}
