/** Pure helpers every backend's decision table uses: input comparison and the renewal window, with an injected clock. */

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
        const normalize = (value: unknown) =>
            [...new Set(((value as string[] | undefined) ?? []).map((name) => name.toLowerCase()))].sort().join(",");
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
        return `{${Object.keys(value)
            .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
            .sort()
            .map((key) => `${key}:${canonical((value as Record<string, unknown>)[key])}`)
            .join(",")}}`;
    }
    return JSON.stringify(value);
}

export function changedProperties(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    properties: readonly string[],
): string[] {
    return properties.filter((property) => !sameValue(property, olds[property], news[property]));
}
