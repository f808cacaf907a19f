import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { authenticationError, unknownUserInContext, invalid, SimulatorApiError } from "./errors";
import type { Json } from "./jsonValue";
import { SimulatorModel } from "./model";
import { withDates, xmlDate } from "./render";
import { runTask, TaskAnswer, taskByCode, TaskName } from "./tasks";
import type { ProtocolAnswer } from "./json";

/**
 * The XML gateway (InterNetX help "Ordering SSL Certificates": `<request><auth>…</auth><task><code>…</code>…</task></request>`), translating to and
 * from the JSON models of tasks.ts. Element names: snake_case of the JSON names with the renames of the XML examples in InterNetX's help pages.
 */
const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    // "Certificate Object": repeated <subject_alternative_name>; "CertAuthentication Object": repeated <approver_email>
    // inside <authentication>; "Running List Inquiries": repeated <and>/<or> inside <where>.
    isArray: (name, path) =>
        ["address", "subject_alternative_name", "and", "or"].includes(name) ||
        (name === "approver_email" && String(path).endsWith("authentication.approver_email")) ||
        // swagger CertAuthentication.domains ("The authentication data for every domain"): repeated <domains> *(inferred element name)*.
        (name === "domains" && String(path).endsWith("authentication.domains")),
});
// Unformatted, so CDATA sits inside its element exactly as in InterNetX help "Ordering SSL Certificates" (`<plain><![CDATA[…]]></plain>`).
const builder = new XMLBuilder({ cdataPropName: "__cdata", format: false, suppressEmptyNode: true });

const toXmlNames: Record<string, string> = {
    fname: "first",
    lname: "last",
    pcode: "postal_code",
    adminContact: "admin",
    technicalContact: "technical",
    caCertificate: "ca_cert",
    subjectAlternativeNames: "subject_alternative_name",
    approverEmails: "approver_email",
};
const toJsonNames: Record<string, string> = Object.fromEntries(
    Object.entries(toXmlNames).map(([json, xml]) => [xml, json]),
);
/** PEM values and free text go out as CDATA (InterNetX help "Ordering SSL Certificates" writes `plain`, `name`, `state`, `city`, `organization`, `file_*` so). */
const cdata = new Set([
    "plain",
    "csr",
    "server",
    "ca_cert",
    "name",
    "state",
    "city",
    "organization",
    "organization_unit",
    "organization_unit_name",
    "file_name",
    "file_content",
    "dns",
    "address",
    "title",
    "first",
    "last",
    "firstname",
    "lastname",
    "text",
]);

/** A text node as CDATA unless it holds the CDATA terminator (then the builder escapes it as ordinary text). */
function cdataText(text: string): unknown {
    return text.includes("]]>") ? text : { __cdata: text };
}

function snake(name: string): string {
    return toXmlNames[name] ?? name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
function camel(name: string): string {
    return toJsonNames[name] ?? name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** JSON model → XML element tree. */
export function xmlTree(value: unknown, element = ""): unknown {
    if (Array.isArray(value)) return value.map((item) => xmlTree(item, element));
    if (value instanceof Date) return xmlDate(value);
    if (value !== null && typeof value === "object") {
        const tree: Json = {};
        for (const [key, item] of Object.entries(value as Json)) {
            if (item === undefined || item === null) continue;
            const name = snake(key);
            if (key === "lifetime" && typeof item === "object") tree[name] = String(item.period);
            else if (key === "caType") tree[name] = item === "INTERMEDIATE" ? "ICA1" : item;
            else if (typeof item === "boolean") tree[name] = key === "provisioning" ? (item ? "1" : "0") : String(item);
            else tree[name] = xmlTree(item, name);
        }
        return tree;
    }
    const text = String(value);
    return cdata.has(element) ? cdataText(text) : text;
}

/** XML element tree → JSON model (values stay strings; the model converts what it needs). */
function jsonModel(value: unknown, parent = ""): any {
    if (Array.isArray(value)) return value.map((item) => jsonModel(item, parent));
    if (value === null || typeof value !== "object") return value;
    const model: Json = {};
    for (const [element, item] of Object.entries(value as Json)) {
        if (item === "") continue;
        // The certificate's own <approver_email> (S/MIME) is one address; inside <authentication> it is the list.
        const key = element === "approver_email" && parent !== "authentication" ? "approverEmail" : camel(element);
        if (element === "lifetime") model[key] = { unit: "MONTH", period: Number(item) };
        else if (element === "provisioning" || element === "has_csr") model[key] = item === "1" || item === "true";
        else model[key] = jsonModel(item, element);
    }
    return model;
}

/** "Running List Inquiries": eq, ne, like, gt, lt, ge, le. */
const operators: Record<string, string> = {
    eq: "EQUAL",
    ne: "NOT_EQUAL",
    like: "LIKE",
    gt: "GREATER",
    lt: "LESS",
    ge: "GREATER_EQUAL",
    le: "LESS_EQUAL",
};

function condition(where: Json): Json {
    if (where.and !== undefined) return { link: "AND", filters: (where.and as Json[]).map(condition) };
    if (where.or !== undefined) return { link: "OR", filters: (where.or as Json[]).map(condition) };
    const operator = operators[String(where.operator ?? "eq").toLowerCase()];
    if (!operator) throw invalid("0000", "where.operator", `unknown operator ${where.operator}`);
    return { key: camel(String(where.key)), value: where.value, operator };
}

/** `<view>` and `<where>` (one condition, or `<and>`/`<or>` nested) → the JSON Query. */
function query(task: Json): Json {
    const where = task.where as Json | undefined;
    return {
        filters: where === undefined || (where as unknown) === "" ? [] : [condition(where)],
        view: { limit: Number(task.view?.limit ?? 100), offset: Number(task.view?.offset ?? 0) },
    };
}

/** The task's payload in the JSON API's words, and the object id. */
function requestOf(name: TaskName, task: Json): { id?: string; body: Json } {
    const contact = task.contact as Json | undefined;
    const certificate = task.certificate as Json | undefined;
    switch (name) {
        case "SslContactCreate":
        case "SslContactUpdate":
        case "SslContactDelete":
        case "SslContactInfo": {
            const { id, ...rest } = jsonModel(contact ?? {});
            return { id, body: rest };
        }
        case "SslContactList":
        case "CertificateList":
        case "JobList":
        case "JobHistoryList":
            return { body: query(task) };
        case "CertificatePrepareOrder":
            return { body: jsonModel(task.certificate_request ?? {}) };
        case "JobInfo":
            // "Certificate Job Info" over XML: <certificate_job><job><id/></job></certificate_job>.
            return { id: ((task.certificate_job as Json | undefined)?.job as Json | undefined)?.id, body: {} };
        case "PollInfo":
            return { body: {} };
        case "PollConfirm":
            return { id: (task.message as Json | undefined)?.id, body: {} };
        default: {
            const { id, ...rest } = jsonModel(certificate ?? {});
            if (rest.subjectAlternativeNames)
                rest.subjectAlternativeNames = rest.subjectAlternativeNames.map((entry: Json) =>
                    typeof entry === "string" ? { name: entry } : entry,
                );
            if (rest.authentication?.approverEmails && !Array.isArray(rest.authentication.approverEmails))
                rest.authentication.approverEmails = [rest.authentication.approverEmails];
            return { id, body: rest };
        }
    }
}

/** The answer's `<data>` content for a task (InterNetX's ordering, reissue and S/MIME help pages shapes). */
function dataOf(name: TaskName, answer: TaskAnswer): Json {
    const summary = answer.object?.summary;
    switch (name) {
        case "SslContactCreate":
        case "SslContactDelete":
        case "CertificateCommentUpdate":
        case "JobHistoryInfo":
        case "JobCancel":
        case "JobConfirm":
            return {};
        case "PollConfirm":
            // InterNetX help "Reissue Certificate": the queue length left and the confirmed message's id.
            return { summary: String(summary), message: { id: String(answer.object?.value) } };
        case "SslContactUpdate":
        case "SslContactInfo":
            return { contact: xmlTree(answer.data) };
        case "SslContactList":
            return { summary: String(summary), contact: xmlTree(answer.data) };
        case "CertificatePrepareOrder":
            return { certificate_request: xmlTree(answer.data[0]) };
        case "CertificateCreate":
        case "CertificateReissue":
        case "CertificateRenew":
        case "CertificateDelete":
        case "CertificateRevoke":
            return { certificate_job: { job: xmlTree(answer.data[0]) } };
        case "CertificateInfo":
            return { certificate: xmlTree(answer.data[0]) };
        case "CertificateList":
            return { summary: String(summary), certificate: xmlTree(answer.data) };
        case "JobInfo": {
            // As public AutoDNS XML clients read it: <certificate_job> with <job>, <authentication> and the <certificate>.
            const objectJob = answer.data[0];
            return {
                certificate_job: {
                    job: xmlTree(objectJob.job),
                    authentication: xmlTree(objectJob.authentication),
                    certificate: xmlTree(objectJob.object?.data),
                },
            };
        }
        case "JobList":
        case "JobHistoryList":
            // "Managing Certificate Orders": <summary/> and one <certificate_job><job>…<object>name</object></job> per order.
            return {
                summary: String(summary),
                certificate_job: answer.data.map((objectJob: Json) => ({
                    job: xmlTree({ ...objectJob.job, object: objectJob.object?.value, type: "ssl" }),
                    ...(objectJob.object?.data ? { certificate: xmlTree(objectJob.object.data) } : {}),
                })),
            };
        case "PollInfo": {
            const message = answer.data[0];
            if (!message) return { summary: "0" };
            const failed = message.job.status === "FAILED";
            // InterNetX help "Reissue Certificate": the job nests its object, `job_id` and a status block of its own.
            return {
                summary: String(summary),
                message: {
                    id: String(message.id),
                    owner: xmlTree(message.owner),
                    job: {
                        certificate: xmlTree(message.object.data),
                        job_id: String(message.job.id),
                        status: {
                            code: failed ? "E400101" : "S400101",
                            text: cdataText(
                                failed
                                    ? String(message.messages?.[0]?.text)
                                    : "Certificate order was completed successfully.",
                            ),
                            type: failed ? "error" : "success",
                            object: { type: "certificate", value: { __cdata: message.object.value } },
                        },
                        stid: message.stid,
                    },
                    created: xmlDate(message.created),
                },
            };
        }
    }
}

/**
 * `<response><result>…</result><stid/><ctid/></response>`. A success carries `<data>` and `<status>`; an error
 * `<msg>` (code, text, type) before `<status>` and no data ("XML API Basics" system responses).
 */
function document(
    model: SimulatorModel,
    status: Json,
    data: Json | undefined,
    messages: Json[] = [],
    ctid?: string,
): string {
    const statusBlock = { ...status, text: cdataText(String(status.text)) };
    const msg = messages.map((message) => ({
        code: message.code,
        text: cdataText(String(message.text)),
        type: message.type,
    }));
    const result: Json = {
        ...(data !== undefined ? { data } : {}),
        ...(msg.length > 0 ? { msg } : {}),
        status: statusBlock,
    };
    return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(withDates({ response: { result, stid: model.stid(), ...(ctid ? { ctid } : {}) } }, xmlDate))}`;
}

export function xmlError(model: SimulatorModel, error: SimulatorApiError, ctid?: string): ProtocolAnswer {
    return {
        // The gateway answers errors inside the document with HTTP 200 (docs/wire-format.md).
        status: 200,
        contentType: "application/xml; charset=utf-8",
        body: document(
            model,
            { code: error.statusCode, text: error.statusText, type: "error" },
            undefined,
            error.messages.map((message) => ({ ...message, type: "error" })),
            ctid,
        ),
    };
}

/** The `<task><ctid>` of a request, for the request log and the answer. */
export function xmlCtid(body: string): string | undefined {
    return /<ctid>\s*([^<]+?)\s*<\/ctid>/.exec(body)?.[1];
}

/** Reads only the task code, for the request log and fault matching. */
export function xmlTaskCode(body: string): string | undefined {
    return /<code>\s*([0-9]+)\s*<\/code>/.exec(body)?.[1];
}

/**
 * A refusal before any task ran (rate limit, an injected 503): a `<response>` error document with the HTTP status
 * of the refusal (the code `E0000` and the texts are *inferred*, no such answer of the gateway is recorded).
 */
export function xmlRefusal(model: SimulatorModel, httpStatus: number, text: string, ctid?: string): ProtocolAnswer {
    return {
        status: httpStatus,
        contentType: "application/xml; charset=utf-8",
        body: document(model, { code: "E0000", text, type: "error" }, undefined, [{ text, type: "error" }], ctid),
    };
}

/**
 * The gateway reads the body whatever the content type: "XML API Basics" says the content type is application/xml,
 * but public clients the gateway answers post without it (CreativDesigner/sourcedesk
 * `modules/provisioning/sslmanager/sslmanager.php`, hemio-ev/libinternetx).
 */
export async function handleXml(model: SimulatorModel, password: string, body: string): Promise<ProtocolAnswer> {
    const ctid = xmlCtid(body);
    try {
        let parsed: Json;
        try {
            parsed = parser.parse(body, true);
        } catch (error) {
            throw new SimulatorApiError(400, "E0000", "The request is not well-formed XML.", [
                { text: (error as Error).message, code: "EF01000" },
            ]);
        }
        const request = parsed.request as Json | undefined;
        const auth = request?.auth as Json | undefined;
        if (!auth || auth.user !== model.user || auth.password !== password) throw authenticationError();
        if (auth.context !== model.context) throw unknownUserInContext();
        const task = (request?.task ?? {}) as Json;
        const name = taskByCode[String(task.code)];
        if (!name) throw invalid(String(task.code ?? "0000"), "code", `unknown task code ${task.code}`);
        const { id, body: payload } = requestOf(name, task);
        // Additional list keys: repeated <key> directly in <task>, beside <view> and <where> (a public AutoDNS XML
        // client's list inquiry, tillkahlbrock/autodns-api test/Autodns/Test/Api/testData/DomainInquireList_request.xml).
        const keys = ([] as unknown[]).concat(task.key ?? []).map(String);
        const answer = await runTask(model, name, id, payload, keys);
        const object = answer.object
            ? { type: String(answer.object.type).toLowerCase(), value: answer.object.value }
            : undefined;
        return {
            status: 200,
            contentType: "application/xml; charset=utf-8",
            body: document(
                model,
                { code: answer.code, text: answer.text, type: answer.type.toLowerCase(), object },
                dataOf(name, answer),
                (answer.messages ?? []).map((message) => ({ ...message, type: "error" })),
                ctid,
            ),
        };
    } catch (error) {
        if (error instanceof SimulatorApiError) return xmlError(model, error, ctid);
        throw error;
    }
}
