import { z } from "zod";

/** A `check` failure as the Pulumi dynamic provider contract wants it: the property and the reason. */
export interface CheckFailure {
    property: string;
    reason: string;
}

/** zod issues → failures naming the property (`address[1]`, `privateKey.rsaBits`, ...). */
export function failuresFromZod(error: z.ZodError): CheckFailure[] {
    return error.issues.map((issue) => ({
        property: issue.path.reduce<string>((path, part) => (typeof part === "number" ? `${path}[${part}]` : path ? `${path}.${part}` : String(part)), "") || "(inputs)",
        reason: issue.message,
    }));
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** ISO 3166-1 alpha-2, checked against the region list that ships with Node's ICU. */
export const countryCode = z
    .string()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code in capitals, e.g. DE")
    .refine(isKnownRegion, (code) => ({ message: `${code} is not an ISO 3166-1 country code` }));

function isKnownRegion(code: string): boolean {
    // A malformed code is reported by the format rule alone.
    if (!/^[A-Z]{2}$/.test(code)) return true;
    try {
        const name = regionNames.of(code);
        return name !== undefined && name !== code && code !== "ZZ";
    } catch {
        return false;
    }
}

/** InterNetX phone format `+49-941-1234560` (seed 001): country code, then digits with `-`, `.` or spaces. */
export const phoneNumber = z.string().regex(/^\+\d{1,4}[-. ]\d[\d .-]{2,24}$/, "must look like +49-941-1234560 (international, with country code)");

export const emailAddress = z.string().email("must be an email address like admin@example.com");

/** A DNS name as certificates carry them (optionally a leading wildcard label). */
export const dnsName = z
    .string()
    .max(253)
    .regex(/^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i, "must be a DNS name like example.com or *.example.com");

export const pemBlock = (label: string) =>
    z.string().regex(new RegExp(`-----BEGIN ${label}-----[\\s\\S]+-----END ${label}-----`), `must be a PEM ${label.toLowerCase()}`);

/** Inputs the engine may pass through unchanged and we never validate (`__provider`). */
export function withoutProviderKey<T extends Record<string, unknown>>(inputs: T): Omit<T, "__provider"> {
    const { __provider: _provider, ...rest } = inputs;
    return rest;
}
