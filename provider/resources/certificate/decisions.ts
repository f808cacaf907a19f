/**
 * Pure decisions of the Certificate lifecycle (STYLE 7): what a change of inputs, or the passing of time, means.
 * `diff` decides with them; `update` acts on the same decision.
 */

export interface CertificateState {
    name?: string;
    product?: string;
    lifetimeMonths?: number;
    csr?: string;
    privateKey?: unknown;
    subjectAlternativeNames?: string[];
    subject?: unknown;
    adminContactId?: string;
    technicalContactId?: string;
    renewBeforeDays?: number;
    /** Output: ISSUED, or PENDING while an order's wait has not finished. */
    status?: string;
    notAfter?: string;
    [key: string]: unknown;
}

export type CertificateChange =
    | { kind: "none" }
    | { kind: "replace"; properties: string[]; reason: string }
    | { kind: "resume"; properties: string[]; reason: string }
    | { kind: "reissue"; properties: string[]; reason: string }
    | { kind: "renew"; properties: string[]; reason: string }
    | { kind: "settings"; properties: string[]; reason: string };

/** Changing these orders another product or term: a new certificate (replace). */
export const replaceProperties = ["product", "lifetimeMonths"] as const;
/** Changing these needs the CA: a reissue of the same certificate (resource id kept). */
export const reissueProperties = ["name", "subjectAlternativeNames", "csr", "privateKey", "subject", "adminContactId", "technicalContactId"] as const;
/** Changing these only changes how we work (wait, validation of later reissues, connection). */
export const settingsProperties = ["software", "validation", "renewBeforeDays", "waitTimeoutSeconds", "pollIntervalSeconds", "waitStrategy", "importCertificateId", "onDestroy", "connection"] as const;

const dayMs = 24 * 60 * 60 * 1000;

/** Renewal is due once `now ≥ notAfter − renewBeforeDays`. */
export function renewalDue(notAfter: string | undefined, renewBeforeDays: number, now: Date): boolean {
    if (!notAfter) return false;
    const expiry = Date.parse(notAfter);
    return !Number.isNaN(expiry) && now.getTime() >= expiry - renewBeforeDays * dayMs;
}

/** Structural equality for input values; SAN lists compare as sets, PEM ignores whitespace. */
export function sameValue(property: string, left: unknown, right: unknown): boolean {
    if (property === "subjectAlternativeNames") {
        const normalize = (value: unknown) => [...new Set(((value as string[] | undefined) ?? []).map((name) => name.toLowerCase()))].sort().join(",");
        return normalize(left) === normalize(right);
    }
    if (property === "csr") {
        const normalize = (value: unknown) => (typeof value === "string" ? value.replace(/\s+/g, "") : value);
        return normalize(left) === normalize(right);
    }
    return canonical(left) === canonical(right);
}

function canonical(value: unknown): string {
    if (value === undefined || value === null) return "null";
    if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
    if (typeof value === "object") {
        return `{${Object.keys(value as object)
            .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
            .sort()
            .map((key) => `${key}:${canonical((value as Record<string, unknown>)[key])}`)
            .join(",")}}`;
    }
    return JSON.stringify(value);
}

export function changedProperties(olds: CertificateState, news: CertificateState, properties: readonly string[]): string[] {
    return properties.filter((property) => !sameValue(property, olds[property], news[property]));
}

/**
 * The one decision for a Certificate between its recorded state (`olds`: inputs and outputs of the last run) and
 * the program's inputs (`news`). `__provider` is never looked at: upgrading the package changes nothing.
 * Precedence: replace > resume an unfinished order > reissue > renew > settings only > none.
 */
export function decideCertificateChange(olds: CertificateState, news: CertificateState, now: Date): CertificateChange {
    const replaced = changedProperties(olds, news, replaceProperties);
    if (replaced.length > 0) return { kind: "replace", properties: replaced, reason: `${replaced.join(", ")} changed: a new order is needed` };
    if (olds.status === "PENDING") return { kind: "resume", properties: [], reason: "the order of an earlier run is still pending" };
    const reissued = changedProperties(olds, news, reissueProperties);
    if (reissued.length > 0) return { kind: "reissue", properties: reissued, reason: `${reissued.join(", ")} changed: the certificate is reissued` };
    const renewBeforeDays = typeof news.renewBeforeDays === "number" ? news.renewBeforeDays : 30;
    if (renewalDue(olds.notAfter, renewBeforeDays, now)) {
        return { kind: "renew", properties: ["notAfter"], reason: `expires ${olds.notAfter}, within ${renewBeforeDays} days: renewal due` };
    }
    const settings = changedProperties(olds, news, settingsProperties);
    if (settings.length > 0) return { kind: "settings", properties: settings, reason: `${settings.join(", ")} changed` };
    return { kind: "none" };
}
