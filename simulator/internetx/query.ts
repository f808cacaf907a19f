import type { Json } from "./jsonValue";

/**
 * The `_search` Query of the JSON API (swagger `Query`, `QueryFilter`, `QueryView`; "Running List Inquiries"):
 * filters EQUAL (case-insensitive), LIKE with `*` as wildcard, GREATER / LESS / GREATER_EQUAL / LESS_EQUAL (dates
 * compared as instants), NOT_EQUAL; a filter with `filters` is a group joined by its `link` (AND, OR); the top level
 * is AND. Then view offset and limit (100 when none is given).
 */
export interface SearchResult {
    /** How many objects match the filters, before the view cuts a page (the answer's `object.summary`). */
    summary: number;
    page: Json[];
}

export const defaultLimit = 100;

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A filter value as an instant: JSON's `2018-09-26T11:38:08.000+0200`, XML's `2018-09-26 11:38:08` (UTC). */
function instant(text: string): number {
    return Date.parse(
        text
            .trim()
            .replace(" ", "T")
            .replace(/([+-]\d{2})(\d{2})$/, "$1:$2")
            .replace(/(\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/, "$1Z"),
    );
}

function matches(object: Json, filter: Json, searchable?: ReadonlySet<string>): boolean {
    if (Array.isArray(filter.filters)) {
        const results = filter.filters.map((inner: Json) => matches(object, inner, searchable));
        return String(filter.link ?? "AND").toUpperCase() === "OR" ? results.some(Boolean) : results.every(Boolean);
    }
    // A server that does not search on a key ignores its condition instead of refusing the query.
    if (searchable && !searchable.has(String(filter.key))) return true;
    const raw = object[filter.key];
    const value = raw instanceof Date ? raw.toISOString() : raw === undefined || raw === null ? "" : String(raw);
    const wanted = String(filter.value ?? "");
    switch (String(filter.operator ?? "EQUAL").toUpperCase()) {
        case "LIKE":
            return new RegExp(`^${wanted.split("*").map(escapeRegExp).join(".*")}$`, "i").test(value);
        case "GREATER":
            return raw instanceof Date ? raw.getTime() > instant(wanted) : value > wanted;
        case "LESS":
            return raw instanceof Date ? raw.getTime() < instant(wanted) : value < wanted;
        case "GREATER_EQUAL":
            return raw instanceof Date ? raw.getTime() >= instant(wanted) : value >= wanted;
        case "LESS_EQUAL":
            return raw instanceof Date ? raw.getTime() <= instant(wanted) : value <= wanted;
        case "NOT_EQUAL":
            return value.toLowerCase() !== wanted.toLowerCase();
        default:
            return value.toLowerCase() === wanted.toLowerCase();
    }
}

/**
 * `searchable`: when given, conditions on any other key are ignored (they match every object), as a server does whose
 * account may not search on a key (swagger Certificate.comment: "Requires appropriate ACLs").
 */
export function search(objects: Json[], query: Json | undefined, searchable?: ReadonlySet<string>): SearchResult {
    const filters: Json[] = Array.isArray(query?.filters) ? query.filters : [];
    const selected = objects.filter((object) => filters.every((filter) => matches(object, filter, searchable)));
    const offset = Number(query?.view?.offset ?? 0);
    const limit = Number(query?.view?.limit ?? defaultLimit);
    return { summary: selected.length, page: selected.slice(offset, offset + limit) };
}
