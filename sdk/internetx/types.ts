/** A DNS record the CA checks (from the zone line of CertificatePrepareOrder, seed 001). */
export interface DnsRecord {
    /** Fully qualified, with the trailing dot, e.g. `example.com.` */
    name: string;
    type: string;
    ttl: number;
    /** The token, unquoted. */
    value: string;
}

/** How the CA validates the domain; or the `authentication` output of a DomainValidation. */
export type ValidationArgs =
    | { method: "DNS"; provisioning?: boolean; dns?: string }
    | { method: "EMAIL"; approverEmail: string }
    | { method: "FILE"; fileName?: string; fileContent?: string };

export interface PrivateKeyArgs {
    algorithm: "RSA" | "ECDSA";
    rsaBits?: 2048 | 3072 | 4096;
    curve?: "P256" | "P384";
}

export interface SubjectArgs {
    organization?: string;
    organizationalUnit?: string;
    country?: string;
    state?: string;
    locality?: string;
    emailAddress?: string;
}
