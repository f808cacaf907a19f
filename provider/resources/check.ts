import { z } from "zod";
import { dependsOnUnknown, parsePropertyPath, PropertyPath, unknownProperties, valueAt } from "./unknowns";
import { asText } from "../shared/text";

/** A `check` failure as the Pulumi dynamic provider contract wants it: the property and the reason. */
export interface CheckFailure {
    property: string;
    reason: string;
}

/** What a resource's `check` gives back: the validated inputs, or the failures. */
export interface CheckOutcome<T> {
    inputs?: T;
    failures: CheckFailure[];
}

/**
 * Failures as the engine prints them. The engine fills `property X value {…}` by looking X up among the top-level
 * inputs only (pkg/resource/deploy/step_generator.go, issueCheckFailures), so a nested property such as
 * `privateKey.rsaBits` would read `value {<nil>}` next to a reason that says otherwise. A nested failure therefore goes
 * to the engine without a property, its path leading the reason, which already carries the rejected value:
 * `resource 'www' has a problem: privateKey.rsaBits must be one of 2048, 3072, 4096 bits (got 1000)`.
 */
export function engineFailures(failures: CheckFailure[]): CheckFailure[] {
    return failures.map((failure) =>
        /[.[]/.test(failure.property) ? { property: "", reason: `${failure.property} ${failure.reason}` } : failure,
    );
}

export function propertyName(path: PropertyPath): string {
    return (
        path.reduce<string>(
            (name, part) => (typeof part === "number" ? `${name}[${part}]` : name ? `${name}.${part}` : String(part)),
            "",
        ) || "(inputs)"
    );
}

/**
 * Properties whose values never appear in a reason: secrets, and PEM blocks too long to read in one line. The engine
 * prints `value {<nil>}` for any nested property, so the reason itself has to say what was rejected.
 */
const unquotedProperties = /(password|privateKeyPem|csr|caCertificatePem|fileContent)$/i;

/** The rejected value as the reason shows it: JSON, cut at 80 characters; nothing for secrets or a missing value. */
export function describeRejected(property: string, value: unknown): string {
    if (value === undefined || unquotedProperties.test(property.replace(/\[\d+\]$/, ""))) return "";
    let text = typeof value === "string" ? JSON.stringify(value) : asText(value);
    if (text.length > 80) text = `${text.slice(0, 77)}...`;
    return ` (got ${text})`;
}

/** zod's own words where they say too little. */
function reasonOf(issue: z.ZodIssue): string {
    if (issue.code === "invalid_type" && issue.received === "undefined") return "is required";
    if (issue.code === "invalid_type" && issue.message.startsWith("Expected "))
        return `must be ${article(issue.expected)}, not ${article(issue.received)}`;
    if (issue.code === "unrecognized_keys")
        return `has no ${issue.keys.length > 1 ? "arguments" : "argument"} ${issue.keys.join(", ")}`;
    if (issue.code === "invalid_enum_value")
        return `must be one of ${issue.options.map((option) => JSON.stringify(option)).join(", ")}`;
    return issue.message;
}

function article(type: string): string {
    return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/**
 * zod issues → failures naming the property (`address[1]`, `privateKey.rsaBits`) and, in the reason, the rejected
 * value. Issues that may go away once the preview's unknown values are known are left out.
 */
export function failuresFromZod(error: z.ZodError, inputs?: unknown): CheckFailure[] {
    return error.issues
        .filter(
            (issue) =>
                issue.code === "unrecognized_keys" || inputs === undefined || !dependsOnUnknown(inputs, issue.path),
        )
        .map((issue) => {
            const property = propertyName(issue.path);
            const reason = reasonOf(issue);
            const value = valueAt(inputs, issue.path);
            const named =
                issue.code === "unrecognized_keys" ||
                (typeof value === "string" && value !== "" && reason.includes(value));
            return { property, reason: `${reason}${named ? "" : describeRejected(property, value)}` };
        });
}

/** Rules across properties, named by their property; those about an unknown value are left for `up`. */
export function knownFailures(failures: CheckFailure[], inputs: Record<string, unknown>): CheckFailure[] {
    return failures.filter((failure) => !dependsOnUnknown(inputs, parsePropertyPath(failure.property)));
}

/**
 * The validation every resource's `check` starts with: the schema and the rules across properties on the raw inputs,
 * so that all failures are reported together (zod skips object refinements once a property failed). At preview,
 * values from resources not created yet are unknown: everything known is still validated, only the failures that
 * depend on an unknown are left out, and then `parsed` is undefined (the inputs go to the engine as they came).
 */
export function validateInputs<T>(
    schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    raw: Record<string, unknown>,
    crossProperty: CheckFailure[],
): { parsed?: T; failures: CheckFailure[]; pending: boolean } {
    const pending = unknownProperties(raw).size > 0;
    const result = schema.safeParse(raw);
    const failures = [
        ...(result.success ? [] : failuresFromZod(result.error, raw)),
        ...knownFailures(crossProperty, raw),
    ];
    return { parsed: result.success && !pending ? result.data : undefined, failures, pending };
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

/**
 * An id as the API counts them: digits, given as a string or as an integer (InterNetX contact and certificate ids
 * are integers in the API's JSON; BILLmanager's price list ids are numbers in its own documents). Kept as a string.
 */
export const numericId = (what: string) =>
    z.preprocess(
        (value) => (typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? String(value) : value),
        z
            .string({ invalid_type_error: `must be ${what}: an integer or a string of digits` })
            .regex(/^\d+$/, `must be ${what}: an integer or a string of digits`),
    );

/** InterNetX's phone format `+49-941-1234560`: country code, then digits with `-`, `.` or spaces. */
export const phoneNumber = z
    .string()
    .regex(/^\+\d{1,4}[-. ]\d[\d .-]{2,24}$/, "must look like +49-941-1234560 (international, with country code)");

export const emailAddress = z.string().email("must be an email address like admin@example.com");

/** A DNS name as certificates carry them (optionally a leading wildcard label). */
export const dnsName = z
    .string()
    .max(253)
    .regex(
        /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i,
        "must be a DNS name like example.com or *.example.com",
    );

export const pemBlock = (label: string) =>
    z
        .string()
        .regex(
            new RegExp(`-----BEGIN ${label}-----[\\s\\S]+-----END ${label}-----`),
            `must be a PEM ${label.toLowerCase()}`,
        );

/** RSA key sizes the CAs behind InterNetX take and this provider generates. */
export const rsaKeySizes = [2048, 3072, 4096] as const;
export const rsaBits = z.union([z.literal(2048), z.literal(3072), z.literal(4096)], {
    errorMap: () => ({ message: `must be one of ${rsaKeySizes.join(", ")} bits` }),
});

/** Inputs the engine may pass through unchanged and we never validate (`__provider`). */
export function withoutProviderKey<T extends Record<string, unknown>>(inputs: T): Omit<T, "__provider"> {
    const { __provider: _provider, ...rest } = inputs;
    return rest;
}
