/**
 * A value of an API answer or a program's input as text: strings, numbers and booleans as they read, anything else
 * as JSON, so an id or status that arrives as an object shows what it holds instead of "[object Object]".
 */
export function asText(value: unknown): string {
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
    if (value === undefined) return "undefined";
    return JSON.stringify(value) ?? (value as symbol | (() => unknown)).toString();
}
