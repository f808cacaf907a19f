import { jsonPropertyName, xmlElementName } from "./names";

/**
 * Conversion of JSON-shaped objects (the swagger models) to the XML gateway's element trees and back.
 * Declared once here for every object; the XML transport's task table (tasks.ts) only says which object goes where.
 */

/** Marker understood by the XML builder (transport/xml.ts) to write a CDATA section. */
export const CDATA = "__cdata";

/** PEM bodies and free-text names travel as CDATA, as in the XML examples of InterNetX's help pages ("Ordering SSL Certificates", "Reissue Certificate"). */
const cdataElements = new Set([
    "plain",
    "csr",
    "server",
    "ca_cert",
    "name",
    "approver_email",
    "file_name",
    "file_content",
]);
/** InterNetX's S/MIME ordering help page writes `<has_csr>false</has_csr>`; other flags are `1`/`0` (`<provisioning>1</provisioning>`, InterNetX help "Ordering SSL Certificates"). */
const wordBooleans = new Set(["has_csr"]);

function scalarToXml(element: string, value: string | number | boolean): unknown {
    if (typeof value === "boolean") return wordBooleans.has(element) ? String(value) : value ? "1" : "0";
    const text = String(value);
    // A CDATA section cannot contain "]]>"; such text is written escaped instead, which XML readers treat alike.
    if (cdataElements.has(element) && !text.includes("]]>")) return { [CDATA]: text };
    return text;
}

/** JSON model → XML element tree (snake_case names, lifetime as months, arrays as repeated elements). */
export function toXmlTree(value: Record<string, unknown>): Record<string, unknown> {
    const tree: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
        if (item === undefined || item === null) continue;
        const element = xmlElementName(key);
        if (key === "lifetime" && typeof item === "object" && !Array.isArray(item)) {
            // JSON `{unit: "MONTH", period: 12}` is `<lifetime>12</lifetime>` in XML (InterNetX help "Ordering SSL Certificates").
            tree[element] = String((item as { period: unknown }).period);
        } else if (Array.isArray(item)) {
            tree[element] = item.map((entry) =>
                entry !== null && typeof entry === "object"
                    ? toXmlTree(entry as Record<string, unknown>)
                    : scalarToXml(element, entry as string),
            );
        } else if (typeof item === "object") {
            tree[element] = toXmlTree(item as Record<string, unknown>);
        } else {
            tree[element] = scalarToXml(element, item as string | number | boolean);
        }
    }
    return tree;
}

/** XML element tree → JSON model. Values stay strings; the zod schemas convert them. */
export function fromXmlTree(value: unknown, parentElement = ""): unknown {
    if (Array.isArray(value)) return value.map((item) => fromXmlTree(item, parentElement));
    if (value === null || typeof value !== "object") return value;
    const model: Record<string, unknown> = {};
    for (const [element, item] of Object.entries(value as Record<string, unknown>)) {
        if (item === "" || item === undefined) continue; // `<state/>`: absent
        // `<approver_email>` is the list approverEmails only inside `<authentication>`; elsewhere the certificate's one address.
        const key =
            element === "approver_email" && parentElement !== "authentication"
                ? "approverEmail"
                : jsonPropertyName(element);
        if (element === "lifetime" && typeof item === "string") {
            model[key] = { unit: "MONTH", period: item };
        } else if (element === "ca_type" && typeof item === "string") {
            // XML names intermediates ICA1, ICA2, … (InterNetX's help pages "Ordering SSL Certificates" and "Reissue Certificate"); JSON says INTERMEDIATE.
            model[key] = /^ICA\d*$/i.test(item) ? "INTERMEDIATE" : item;
        } else {
            model[key] = fromXmlTree(item, element);
        }
    }
    return model;
}
