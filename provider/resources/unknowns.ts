/**
 * During `pulumi preview`, inputs that depend on resources not created yet arrive as this sentinel
 * (`@pulumi/pulumi` runtime/rpc `unknownValue`). `check` validates every known value and leaves only the unknown
 * ones for `up`, when they are known.
 */
export const unknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export type PropertyPath = readonly (string | number)[];

export function containsUnknown(value: unknown): boolean {
    if (value === unknownValue) return true;
    if (Array.isArray(value)) return value.some(containsUnknown);
    if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
    return false;
}

/** Top-level properties whose value is, or contains, an unknown. */
export function unknownProperties(inputs: Record<string, unknown>): Set<string> {
    return new Set(Object.keys(inputs).filter((key) => containsUnknown(inputs[key])));
}

/** The value at `path` (`["privateKey", "rsaBits"]`, `["subjectAlternativeNames", 0]`), undefined where there is none. */
export function valueAt(inputs: unknown, path: PropertyPath): unknown {
    let current = inputs;
    for (const part of path) {
        if (current === null || typeof current !== "object") return undefined;
        current = (current as Record<string | number, unknown>)[part];
    }
    return current;
}

/**
 * Whether a problem reported at `path` may go away once the unknowns are known: the value there, or a value it lies
 * in, is unknown; or nothing is there yet and the object it belongs to (not the inputs as a whole) holds an unknown,
 * as when a rule wants one of two fields and the other is unknown.
 */
export function dependsOnUnknown(inputs: unknown, path: PropertyPath): boolean {
    for (let length = 0; length <= path.length; length++) {
        if (valueAt(inputs, path.slice(0, length)) === unknownValue) return true;
    }
    return (
        path.length > 1 && valueAt(inputs, path) === undefined && containsUnknown(valueAt(inputs, path.slice(0, -1)))
    );
}

/** `privateKey.rsaBits`, `subjectAlternativeNames[1]` → the path parts. */
export function parsePropertyPath(property: string): PropertyPath {
    return [...property.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) =>
        match[2] !== undefined ? Number(match[2]) : match[1],
    );
}
