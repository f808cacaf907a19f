import type { Json } from "./model";

/**
 * The `_search` Query of the JSON API (swagger `Query`, `QueryFilter`, `QueryView`): filters EQUAL (case-insensitive),
 * LIKE with `*` as wildcard, GREATER / LESS (dates compared as instants), NOT_EQUAL; then view offset and limit.
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

function matches(object: Json, filter: Json): boolean {
    const raw = object[filter.key];
    const value = raw instanceof Date ? raw.toISOString() : raw === undefined || raw === null ? "" : String(raw);
    const wanted = String(filter.value ?? "");
    switch (String(filter.operator ?? "EQUAL").toUpperCase()) {
        case "LIKE":
            return new RegExp(`^${wanted.split("*").map(escapeRegExp).join(".*")}$`, "i").test(value);
        case "GREATER":
            return raw instanceof Date ? raw.getTime() > Date.parse(wanted) : value > wanted;
        case "LESS":
            return raw instanceof Date ? raw.getTime() < Date.parse(wanted) : value < wanted;
        case "NOT_EQUAL":
            return value.toLowerCase() !== wanted.toLowerCase();
        default:
            return value.toLowerCase() === wanted.toLowerCase();
    }
}

export function search(objects: Json[], query: Json | undefined): SearchResult {
    const filters: Json[] = Array.isArray(query?.filters) ? query!.filters : [];
    const selected = objects.filter((object) => filters.every((filter) => matches(object, filter)));
    const offset = Number(query?.view?.offset ?? 0);
    const limit = Number(query?.view?.limit ?? defaultLimit);
    return { summary: selected.length, page: selected.slice(offset, offset + limit) };
}
