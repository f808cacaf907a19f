import { x509 } from "./crypto";

/** Subject fields beyond the common name, in the words of the resource's subject argument. */
export interface SubjectFields {
    organization?: string;
    organizationalUnit?: string;
    country?: string;
    state?: string;
    locality?: string;
    emailAddress?: string;
}

const oids = {
    commonName: "2.5.4.3",
    country: "2.5.4.6",
    locality: "2.5.4.7",
    state: "2.5.4.8",
    organization: "2.5.4.10",
    organizationalUnit: "2.5.4.11",
    emailAddress: "1.2.840.113549.1.9.1",
} as const;

/** RFC 4514 escaping of one attribute value (commas, quotes, plus, angle brackets, leading # or space, trailing space). */
function escapeValue(value: string): string {
    return value
        .replace(/[\\,+"<>;=]/g, (character) => `\\${character}`)
        .replace(/^[ #]/, (character) => `\\${character}`)
        .replace(/ $/, "\\ ");
}

/** A distinguished name from fields; values are escaped, so commas or quotes in an organization stay intact. */
export function distinguishedName(commonName: string, subject: SubjectFields = {}): x509.Name {
    const parts: string[] = [];
    const add = (oid: string, value: string | undefined) => {
        if (value) parts.push(`${oid}=${escapeValue(value)}`);
    };
    add(oids.country, subject.country);
    add(oids.state, subject.state);
    add(oids.locality, subject.locality);
    add(oids.organization, subject.organization);
    add(oids.organizationalUnit, subject.organizationalUnit);
    add(oids.commonName, commonName);
    add(oids.emailAddress, subject.emailAddress);
    return new x509.Name(parts.join(", "));
}

/** Fields of a parsed name. */
export function nameFields(name: x509.Name): SubjectFields & { commonName?: string } {
    const first = (oid: string) => name.getField(oid)[0];
    return {
        commonName: first(oids.commonName),
        organization: first(oids.organization),
        organizationalUnit: first(oids.organizationalUnit),
        country: first(oids.country),
        state: first(oids.state),
        locality: first(oids.locality),
        emailAddress: first(oids.emailAddress),
    };
}

/** SAN values of a certificate or CSR, split by kind. */
export function alternativeNames(extension: x509.SubjectAlternativeNameExtension | null): {
    dnsNames: string[];
    emailAddresses: string[];
} {
    const items = extension?.names.items ?? [];
    return {
        dnsNames: items.filter((item) => item.type === "dns").map((item) => item.value),
        emailAddresses: items.filter((item) => item.type === "email").map((item) => item.value),
    };
}
