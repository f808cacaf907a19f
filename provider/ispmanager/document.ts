import { XMLParser } from "fast-xml-parser";

/**
 * A BILLmanager answer in one shape, whichever format carried it (docs/ispmanager.md):
 *
 * - `out=bjson` (every example of ispmanager's "Reselling SSL certificates" page): a flat object; form values under
 *   `model` ("the model.csr and model.key fields"), select lists as `{k, v}` pairs ("k – country ID; v – country
 *   name") under `slist`, list rows under `elem` (plain strings in public clients), failures under `error`; single
 *   values may come wrapped as `{"v": …}` (`id.v` of an order answer).
 * - `out=json`: the XML document converted element by element: everything under `doc`, text as `"$"`, attributes as
 *   `"$name"` (`doc.error.$type`, `doc.error.msg.$`, `doc.slist[].val[].$key`, `doc.elem[].name.$`).
 * - XML (`out=xml`, and the billing system's default when a call names no `out`, as the download does): read with
 *   attributes as `$name` and text as `$`, which is the `out=json` shape again.
 */
export interface BillError {
    /** BILLmanager's error type: `auth`, `access`, `missed`, `value`, `exists`, … */
    type: string;
    /** The parameter or object concerned, e.g. `elid` or `CN`. */
    object?: string;
    value?: string;
    message: string;
    /** `detail`: the longer explanation some errors carry besides `msg`. */
    detail?: string;
}

export interface BillOption {
    key: string;
    value: string;
}

export interface BillDocument {
    /** The function succeeded (`ok` present, or no error). */
    ok: boolean;
    /** The id of an object the function created (an order's certificate id). */
    id?: string;
    /** Form values: bjson `model`, json `doc.<name>.$`. */
    fields: Record<string, string>;
    /** Select lists by field name, e.g. `field_country`. */
    lists: Record<string, BillOption[]>;
    /** Rows of a list function. */
    elements: Record<string, string>[];
    error?: BillError;
}

type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree => value !== null && typeof value === "object" && !Array.isArray(value);
const asList = (value: unknown): unknown[] =>
    value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
const scalar = (value: unknown): string | undefined =>
    typeof value === "string"
        ? value
        : typeof value === "number" || typeof value === "boolean"
          ? String(value)
          : undefined;

/**
 * The one place where a wrapped value becomes text. BILLmanager wraps element text as `{"$": "…"}` in `out=json`
 * ("Guide to ISPsystem software API"; `doc.error.msg.$`, `doc.auth.$id` in public clients) and bjson answers carry
 * values as `{"v": "…"}` (ISPsystem's own order answers read as `id.v` by the ispmanager licence module of upmind's
 * provision providers); plain strings and numbers pass as they are. Anything else is not a value.
 */
export function unwrapValue(value: unknown): string | undefined {
    const plain = scalar(value);
    if (plain !== undefined) return plain;
    if (!isTree(value)) return undefined;
    if ("$" in value) return unwrapValue(value.$);
    if ("v" in value) return unwrapValue(value.v);
    return undefined;
}

function flatRecord(value: unknown): Record<string, string> {
    const record: Record<string, string> = {};
    if (!isTree(value)) return record;
    for (const [key, item] of Object.entries(value)) {
        const text = unwrapValue(item);
        if (text !== undefined) record[key] = text;
    }
    return record;
}

/** bjson `slist`: `{name: [{k, v}]}` (inferred) or `[{name, val: [{k, v}]}]`. */
function bjsonLists(value: unknown): Record<string, BillOption[]> {
    const lists: Record<string, BillOption[]> = {};
    const options = (entries: unknown) =>
        asList(entries)
            .filter(isTree)
            .map((entry) => ({
                key: unwrapValue(entry.k) ?? unwrapValue(entry.key) ?? "",
                value: unwrapValue(entry.v) ?? unwrapValue(entry.value) ?? "",
            }));
    if (isTree(value)) for (const [name, entries] of Object.entries(value)) lists[name] = options(entries);
    else
        for (const entry of asList(value).filter(isTree))
            if (typeof entry.name === "string") lists[entry.name] = options(entry.val);
    return lists;
}

/**
 * An error's `param` entries by name: a list of `{"$name": "object", "$": "CN"}` (json/XML), `{name, v}` (bjson), or
 * one object of named values.
 */
function errorParameters(value: unknown): Record<string, string> {
    const parameters: Record<string, string> = {};
    if (Array.isArray(value) || (isTree(value) && ("$name" in value || "name" in value))) {
        for (const entry of asList(value).filter(isTree)) {
            const name = unwrapValue(entry.$name) ?? unwrapValue(entry.name);
            const text = unwrapValue(entry);
            if (name && text !== undefined) parameters[name] = text;
        }
    } else if (isTree(value)) {
        Object.assign(parameters, flatRecord(value));
    }
    return parameters;
}

/**
 * One error from its parts, whatever the format: `type`/`$type`, `object`/`$object`, `msg` or `msg.$`, `detail`, and
 * the `param` entries, which also fill `__name__` placeholders left in the message (inferred from the parameter names).
 */
function errorFrom(tree: Tree): BillError {
    const parameters = errorParameters(tree.param);
    const type = unwrapValue(tree.$type) ?? unwrapValue(tree.type) ?? "error";
    const object = unwrapValue(tree.$object) ?? unwrapValue(tree.object) ?? parameters.object;
    const value = unwrapValue(tree.value) ?? parameters.value;
    const fill = (text: string | undefined) =>
        text?.replace(/__([a-z_]+)__/g, (whole, name: string) => parameters[name] ?? whole);
    const message = fill(unwrapValue(tree.msg));
    const detail = fill(unwrapValue(tree.detail));
    const text = message && detail && detail !== message ? `${message} (${detail})` : (message ?? detail ?? type);
    return { type, object, value, message: text, ...(detail !== undefined ? { detail } : {}) };
}

export function documentFromBjson(body: unknown): BillDocument | undefined {
    if (!isTree(body)) return undefined;
    // Some answers come wrapped in `doc` like out=json; public clients unwrap it first (upmind's ispmanager provider).
    if (isTree(body.doc)) return documentFromJson(body);
    const error = isTree(body.error) ? errorFrom(body.error) : undefined;
    if (
        !error &&
        body.ok === undefined &&
        body.model === undefined &&
        body.elem === undefined &&
        body.id === undefined &&
        body.slist === undefined
    )
        return undefined;
    return {
        ok: !error && body.ok !== false,
        id: unwrapValue(body.id),
        fields: flatRecord(body.model),
        lists: bjsonLists(body.slist),
        elements: asList(body.elem).filter(isTree).map(flatRecord),
        error,
    };
}

/** Element names of a json/XML `doc` that are structure, not form values. */
const structuralElements = new Set([
    "error",
    "slist",
    "elem",
    "ok",
    "id",
    "tparams",
    "metadata",
    "messages",
    "p_num",
    "p_elems",
    "p_cnt",
    "page",
    "tabs",
]);

export function documentFromJson(body: unknown): BillDocument | undefined {
    if (!isTree(body) || !isTree(body.doc)) return undefined;
    const doc = body.doc;
    const error = isTree(doc.error) ? errorFrom(doc.error) : undefined;
    const fields: Record<string, string> = {};
    for (const [name, item] of Object.entries(doc)) {
        if (structuralElements.has(name) || name.startsWith("$")) continue;
        const text = unwrapValue(item);
        if (text !== undefined) fields[name] = text;
    }
    const lists: Record<string, BillOption[]> = {};
    for (const list of asList(doc.slist).filter(isTree)) {
        const name = scalar(list.$name);
        if (!name) continue;
        lists[name] = asList(list.val).map((option) =>
            isTree(option)
                ? { key: scalar(option.$key) ?? "", value: scalar(option.$) ?? "" }
                : { key: scalar(option) ?? "", value: scalar(option) ?? "" },
        );
    }
    const id = unwrapValue(doc.id);
    return { ok: !error, id, fields, lists, elements: asList(doc.elem).filter(isTree).map(flatRecord), error };
}

const xmlParser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "$",
    textNodeName: "$",
    // Values stay strings: ids like "0905" or serials must never become numbers.
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    alwaysCreateTextNode: true,
});

/** An XML `<doc>` (the default output) read into the `out=json` shape. */
export function documentFromXml(body: string): BillDocument | undefined {
    try {
        return documentFromJson(xmlParser.parse(body, true));
    } catch {
        return undefined;
    }
}

/** Parses a body in the requested format; undefined (never an exception) when it is not such a document. */
export function parseDocument(body: string, format: "bjson" | "json" | "xml"): BillDocument | undefined {
    if (format === "xml") return documentFromXml(body);
    let value: unknown;
    try {
        value = JSON.parse(body);
    } catch {
        return undefined;
    }
    return format === "bjson" ? documentFromBjson(value) : documentFromJson(value);
}
