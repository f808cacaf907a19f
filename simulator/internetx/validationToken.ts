import { createHash } from "node:crypto";

/**
 * The domain-validation token CertificatePrepareOrder hands out (InterNetX help "Ordering SSL Certificates": `2018092608362142n4sbul8rv8…`, a
 * yyyymmddhhmmss stamp and 50 lowercase letters and digits). The 50 characters are derived from the CSR's public key
 * and the name, so a later CertificateCreate can check the record it carries; the stamp is fixed so that every
 * prepare of the same key and name answers the same record.
 */
export const tokenStamp = "20260101000000";
const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

/**
 * DNS and FILE get separate tokens, as in the prepare-order answer InterNetX's dev system gave
 * (InterNetX/php-domainrobot-sdk test/mock-data/Certificate/PrepareOrderResponse.json: `202003111007103gz85…` for the
 * TXT record, `2020031110071149hu0…` for the file).
 */
export type ValidationPurpose = "DNS" | "FILE";

export function validationToken(
    salt: string,
    publicKeySha256: string,
    name: string,
    purpose: ValidationPurpose,
): string {
    const digest = createHash("sha256").update(`${salt}|${purpose}|${publicKeySha256}|${name.toLowerCase()}`).digest();
    const body = Array.from(digest.subarray(0, 25), (byte) => alphabet[byte % 36] + alphabet[(byte >> 3) % 36]).join(
        "",
    );
    return `${tokenStamp}${body}`;
}

/** Whether two tokens carry the same key-and-name part (the stamp is not compared). */
export function sameToken(given: string, expected: string): boolean {
    return given.length === expected.length && given.slice(tokenStamp.length) === expected.slice(tokenStamp.length);
}

/**
 * Where the TXT record of a name lives: `_dnsauth.<name>.`, as in the prepare-order answer of InterNetX's dev system
 * (InterNetX/php-domainrobot-sdk test/mock-data/Certificate/PrepareOrderResponse.json); the help page "Ordering SSL
 * Certificates" shows `example.com.`, and the recording wins. A wildcard's record is that of its base name *(inferred)*.
 */
export function dnsValidationRecordName(name: string): string {
    return `_dnsauth.${name.replace(/^\*\./, "").toLowerCase()}.`;
}

/** The zone line of a prepare-order answer, `_dnsauth.example.com.\t300\tIN\tTXT\t"token"` (tabs, as recorded). */
export function zoneRecordLine(name: string, token: string): string {
    return `${dnsValidationRecordName(name)}\t300\tIN\tTXT\t"${token}"`;
}

export function parseZoneRecordLine(line: string): { name: string; value: string } | undefined {
    const match = /^\s*(\S+)\s+\d+\s+IN\s+TXT\s+"?([^"\s]+)"?\s*$/i.exec(line);
    return match ? { name: match[1], value: match[2] } : undefined;
}
