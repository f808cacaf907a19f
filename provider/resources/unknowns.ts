/**
 * During `pulumi preview`, inputs that depend on resources not created yet arrive as this sentinel
 * (`@pulumi/pulumi` runtime/rpc `unknownValue`). `check` must not reject them; they are checked again at `up`.
 */
export const unknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

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
