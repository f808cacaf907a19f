import type { Json } from "./jsonValue";

/** JSON API dates look like `2018-09-26T11:38:08.000+0200` (InterNetX help "Ordering SSL Certificates"); the simulator writes UTC as `+0000`. */
export function jsonDate(date: Date): string {
    return date.toISOString().replace("Z", "+0000");
}

/** XML gateway dates look like `2017-01-01 10:35:22` (InterNetX help "Ordering SSL Certificates"); the simulator writes UTC. */
export function xmlDate(date: Date): string {
    return date.toISOString().slice(0, 19).replace("T", " ");
}

/** Deep copy with dates formatted and undefined values dropped. */
export function withDates(value: unknown, format: (date: Date) => string): unknown {
    if (value instanceof Date) return format(value);
    if (Array.isArray(value)) return value.map((item) => withDates(item, format));
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(
            Object.entries(value as Json)
                .filter(([, item]) => item !== undefined)
                .map(([key, item]) => [key, withDates(item, format)]),
        );
    }
    return value;
}
