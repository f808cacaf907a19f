/**
 * Secrets on the provider protocol. The provider tells the engine in Configure that it accepts secrets, so secret
 * values reach it wrapped as `{ [signatureKey]: secretSignature, value }` ("Pulumi Package Schema" / provider
 * protocol, @pulumi/pulumi runtime/rpc `specialSigKey`, `specialSecretSig`) and it returns secret outputs wrapped
 * the same way. The lifecycle works on plain values: `reveal` unwraps, `concealed` wraps again.
 */
export const signatureKey = "4dabf18193072939515e22adb298388d";
export const secretSignature = "1b47061264138c4ac30d75fd1eb44270";

function isSecret(value: unknown): value is { value: unknown } {
    return (
        value !== null &&
        typeof value === "object" &&
        (value as Record<string, unknown>)[signatureKey] === secretSignature
    );
}

function revealValue(value: unknown): { value: unknown; secret: boolean } {
    if (isSecret(value)) return { value: revealValue(value.value).value, secret: true };
    if (Array.isArray(value)) {
        const items = value.map(revealValue);
        return { value: items.map((item) => item.value), secret: items.some((item) => item.secret) };
    }
    if (value !== null && typeof value === "object") {
        const entries = Object.entries(value).map(([key, item]) => [key, revealValue(item)] as const);
        return {
            value: Object.fromEntries(entries.map(([key, item]) => [key, item.value])),
            secret: entries.some(([, item]) => item.secret),
        };
    }
    return { value, secret: false };
}

/** The properties with every secret unwrapped, and the names of the top-level properties that held one. */
export function reveal(properties: Record<string, unknown> | undefined): {
    values: Record<string, unknown>;
    secretNames: Set<string>;
} {
    const values: Record<string, unknown> = {};
    const secretNames = new Set<string>();
    for (const [name, value] of Object.entries(properties ?? {})) {
        const revealed = revealValue(value);
        values[name] = revealed.value;
        if (revealed.secret) secretNames.add(name);
    }
    return { values, secretNames };
}

export function secret(value: unknown): Record<string, unknown> {
    return { [signatureKey]: secretSignature, value };
}

/** The properties with the named ones (when present) wrapped as secrets. */
export function concealed(properties: Record<string, unknown>, names: Iterable<string>): Record<string, unknown> {
    const result = { ...properties };
    for (const name of names) {
        if (result[name] !== undefined && !isSecret(result[name])) result[name] = secret(result[name]);
    }
    return result;
}
