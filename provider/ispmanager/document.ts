import { XMLParser } from "fast-xml-parser";
import { z } from "zod";

/**
 * A BILLmanager answer in one shape, whichever format carried it (docs/ispmanager.md):
 *
 * - `out=bjson` (every example of seed 004): a flat object; form values under `model` (seed 004: "the model.csr and
 *   model.key fields"), select lists as `{k, v}` pairs (seed 004: "k – country ID; v – country name") under `slist`,
 *   list rows under `elem`, failures under `error` (`type`, `object`, `value`, `msg`).
 * - `out=json`: the XML document converted element by element: everything under `doc`, text as `"$"`, attributes as
 *   `"$name"` (`doc.error.$type`, `doc.error.msg.$`, `doc.slist[].val[].$key`, `doc.elem[].name.$`).
 * - XML (`out=xml`, and the billing system's default when a call names no `out`, as seed 004's download does): read
 *   with attributes as `$name` and text as `$`, which is the `out=json` shape again.
 */
export interface BillError {
    /** BILLmanager's error type: `auth`, `access`, `missed`, `value`, `exists`, … */
    type: string;
    /** The parameter or object concerned, e.g. `elid` or `CN`. */
    object?: string;
    value?: string;
    message: string;
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
const asList = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const scalar = (value: unknown): string | undefined =>
    typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;

/** bjson: the top-level keys this client reads; anything else passes through untouched. */
const bjsonSchema = z
    .object({
        ok: z.union([z.boolean(), z.string(), z.number()]).optional(),
        id: z.union([z.string(), z.number()]).transform(String).optional(),
        model: z.record(z.unknown()).optional(),
        slist: z.unknown().optional(),
        elem: z.unknown().optional(),
        error: z
            .object({
                type: z.string().default("error"),
                object: z.union([z.string(), z.number()]).transform(String).optional(),
                value: z.union([z.string(), z.number()]).transform(String).optional(),
                msg: z.string().optional(),
            })
            .passthrough()
            .optional(),
    })
    .passthrough();

function flatRecord(value: unknown): Record<string, string> {
    const record: Record<string, string> = {};
    if (!isTree(value)) return record;
    for (const [key, item] of Object.entries(value)) {
        const text = scalar(item) ?? (isTree(item) ? scalar(item.$) : undefined);
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
            .map((entry) => ({ key: scalar(entry.k) ?? scalar(entry.key) ?? "", value: scalar(entry.v) ?? scalar(entry.value) ?? "" }));
    if (isTree(value)) for (const [name, entries] of Object.entries(value)) lists[name] = options(entries);
    else for (const entry of asList(value).filter(isTree)) if (typeof entry.name === "string") lists[entry.name] = options(entry.val);
    return lists;
}

export function documentFromBjson(body: unknown): BillDocument | undefined {
    const parsed = bjsonSchema.safeParse(body);
    if (!parsed.success) return undefined;
    const answer = parsed.data;
    const error = answer.error
        ? { type: answer.error.type, object: answer.error.object, value: answer.error.value, message: answer.error.msg ?? answer.error.type }
        : undefined;
    return {
        ok: !error && answer.ok !== false,
        id: answer.id,
        fields: flatRecord(answer.model),
        lists: bjsonLists(answer.slist),
        elements: asList(answer.elem).filter(isTree).map(flatRecord),
        error,
    };
}

/** Element names of a json/XML `doc` that are structure, not form values. */
const structuralElements = new Set(["error", "slist", "elem", "ok", "id", "tparams", "metadata", "messages", "p_num", "p_elems", "p_cnt", "page", "tabs"]);

export function documentFromJson(body: unknown): BillDocument | undefined {
    if (!isTree(body) || !isTree(body.doc)) return undefined;
    const doc = body.doc;
    let error: BillError | undefined;
    if (isTree(doc.error)) {
        const params = asList(doc.error.param).filter(isTree);
        const param = (name: string) => scalar(params.find((entry) => entry.$name === name)?.$);
        const message = scalar(isTree(doc.error.msg) ? doc.error.msg.$ : doc.error.msg) ?? scalar(isTree(doc.error.detail) ? doc.error.detail.$ : undefined);
        const type = scalar(doc.error.$type) ?? "error";
        error = { type, object: scalar(doc.error.$object) ?? param("object"), value: param("value"), message: message ?? type };
    }
    const fields: Record<string, string> = {};
    for (const [name, item] of Object.entries(doc)) {
        if (structuralElements.has(name) || name.startsWith("$")) continue;
        const text = isTree(item) ? scalar(item.$) : scalar(item);
        if (text !== undefined) fields[name] = text;
    }
    const lists: Record<string, BillOption[]> = {};
    for (const list of asList(doc.slist).filter(isTree)) {
        const name = scalar(list.$name);
        if (!name) continue;
        lists[name] = asList(list.val)
            .map((option) => (isTree(option) ? { key: scalar(option.$key) ?? "", value: scalar(option.$) ?? "" } : { key: scalar(option) ?? "", value: scalar(option) ?? "" }));
    }
    const id = isTree(doc.id) ? scalar(doc.id.$) : scalar(doc.id);
    return { ok: !error, id, fields, lists, elements: asList(doc.elem).filter(isTree).map(flatRecord), error };
}

const xmlParser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "$",
    textNodeName: "$",
    // Values stay strings: ids like "0905" or serials must never become numbers (STYLE 4).
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
