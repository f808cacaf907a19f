/**
 * The simulator's answers in the formats the client reads (docs/ispmanager.md): `out=bjson`, `out=json`, and XML for
 * calls that name no `out` (the reselling page's download URL). One document, three renderings. bjson wraps the new
 * object's id as `{"v": …}` and an error's message as `{"$": …}`, the shapes public clients read (`id.v`, `msg.$`).
 */
export interface SimulatorError {
    type: string;
    object?: string;
    value?: string;
    msg: string;
}

export interface SimulatorDocument {
    id?: string;
    model?: Record<string, string>;
    slist?: Record<string, { k: string; v: string }[]>;
    elem?: Record<string, string>[];
    error?: SimulatorError;
}

/** An API failure a function handler throws; the pipeline renders it in the caller's format (HTTP 200, as BILLmanager). */
export class BillError extends Error {
    constructor(readonly error: SimulatorError) {
        super(error.msg);
    }
}

/**
 * The refusal of an account with two-factor authentication, whose `authinfo` is right but cannot be used ("Reselling
 * SSL certificates through BILLmanager": "Disable 2FA or use a different account"). No source shows the answer: type
 * `auth` as for a failed login, the object and words naming the second factor are the simulator's (inferred).
 */
export const twoFactorRefusal: SimulatorError = {
    type: "auth",
    object: "totp",
    msg: "Two-factor authentication is enabled for this account: a one-time code is required",
};

export const requiredParameter = (name: string) =>
    new BillError({ type: "empty", object: name, msg: `The field '${name}' is required` });
export const invalidParameter = (name: string, value: string | undefined, reason: string) =>
    new BillError({ type: "value", object: name, value, msg: `The value of '${name}' field is invalid: ${reason}` });
export const missingCertificate = (id: string) =>
    new BillError({ type: "missed", object: "elid", value: id, msg: `Certificate ${id} not found` });

export function renderBjson(document: SimulatorDocument): string {
    const error = document.error;
    if (error) {
        const param = [
            ...(error.object ? [{ name: "object", v: error.object }] : []),
            ...(error.value !== undefined ? [{ name: "value", v: error.value }] : []),
        ];
        return JSON.stringify({
            error: {
                type: error.type,
                ...(error.object ? { object: error.object } : {}),
                param,
                msg: { $: error.msg },
            },
        });
    }
    const { id, ...rest } = document;
    return JSON.stringify({ ok: true, ...(id !== undefined ? { id: { v: id } } : {}), ...rest });
}

export function renderJson(document: SimulatorDocument): string {
    const error = document.error;
    if (error) {
        const param = [
            ...(error.object ? [{ $name: "object", $: error.object }] : []),
            ...(error.value !== undefined ? [{ $name: "value", $: error.value }] : []),
        ];
        return JSON.stringify({
            doc: {
                error: {
                    $type: error.type,
                    ...(error.object ? { $object: error.object } : {}),
                    param,
                    msg: { $: error.msg },
                },
            },
        });
    }
    const doc: Record<string, unknown> = { ok: {} };
    if (document.id !== undefined) doc.id = { $: document.id };
    for (const [name, value] of Object.entries(document.model ?? {})) doc[name] = { $: value };
    if (document.slist)
        doc.slist = Object.entries(document.slist).map(([name, options]) => ({
            $name: name,
            val: options.map((option) => ({ $key: option.k, $: option.v })),
        }));
    if (document.elem)
        doc.elem = document.elem.map((row) =>
            Object.fromEntries(Object.entries(row).map(([name, value]) => [name, { $: value }])),
        );
    return JSON.stringify({ doc });
}

const escapeXml = (text: string) =>
    text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function renderXml(document: SimulatorDocument): string {
    const error = document.error;
    const body = error
        ? `<error type="${escapeXml(error.type)}"${error.object ? ` object="${escapeXml(error.object)}"` : ""}>` +
          (error.object ? `<param name="object">${escapeXml(error.object)}</param>` : "") +
          (error.value !== undefined ? `<param name="value">${escapeXml(error.value)}</param>` : "") +
          `<msg>${escapeXml(error.msg)}</msg></error>`
        : `<ok/>${document.id !== undefined ? `<id>${escapeXml(document.id)}</id>` : ""}`;
    return `<?xml version="1.0" encoding="UTF-8"?>\n<doc>${body}</doc>\n`;
}

export function render(document: SimulatorDocument, format: string | undefined): { contentType: string; body: string } {
    if (format === "bjson") return { contentType: "application/json; charset=utf-8", body: renderBjson(document) };
    if (format === "json") return { contentType: "application/json; charset=utf-8", body: renderJson(document) };
    return { contentType: "text/xml; charset=utf-8", body: renderXml(document) };
}
