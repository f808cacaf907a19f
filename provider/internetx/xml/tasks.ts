import { TaskName, TaskRequest } from "../tasks";
import { fromXmlTree, toXmlTree } from "./convert";

/**
 * What each task puts inside `<task>` besides `<code>`, and where its answer sits inside `<data>`
 * (seed 001/002/003 XML examples; docs/wire-format.md for the tasks the seeds do not show).
 */
interface XmlTask {
    payload(request: TaskRequest): Record<string, unknown>;
    /** `<data>` (already parsed) → the JSON API's `data[]`. */
    data(data: Record<string, unknown>): unknown[];
}

type Tree = Record<string, unknown>;

const asList = (value: unknown): unknown[] => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]);
const withId = (request: TaskRequest, tree: Tree = {}): Tree => ({ id: request.id, ...tree });
const body = (request: TaskRequest): Tree => toXmlTree(request.body ?? {});
const objects = (element: string) => (data: Tree) => asList(data[element]).map(fromXmlTree);
const none = () => [];

/** JSON Query (`{filters, view}`) → XML `<view>` and `<where>` (one filter; the JSON operators' XML spellings). */
const xmlOperators: Record<string, string> = { EQUAL: "eq", LIKE: "like", GREATER: "gt", LESS: "lt", NOT_EQUAL: "ne" };
function query(request: TaskRequest): Tree {
    const queryBody = (request.body ?? {}) as { filters?: { key: string; value: string; operator?: string }[]; view?: { limit?: number; offset?: number } };
    const tree: Tree = { view: { limit: String(queryBody.view?.limit ?? 100), offset: String(queryBody.view?.offset ?? 0) } };
    const filter = queryBody.filters?.[0];
    if (filter) tree.where = { key: filter.key, operator: xmlOperators[filter.operator ?? "EQUAL"] ?? "eq", value: filter.value };
    return tree;
}

/** CertificateCreate/Reissue/Renew answer `<certificate_job><job><id/><status/></job></certificate_job>` (seed 001). */
const certificateJob = (data: Tree) => asList((data.certificate_job as Tree | undefined)?.job).map(fromXmlTree);

/**
 * PollInfo over XML (seed 002) nests differently from JSON: `<message><job>` holds the job's object
 * (`<certificate>…</certificate>`), `<job_id>` and a `<status>` block (`<code/><type/><object/>`), where JSON has
 * `job: {id, status}` and `object: {type, value, data}`. Both arrive here in the JSON shape.
 */
function pollMessages(data: Tree): unknown[] {
    return asList(data.message).map((message) => {
        const model = fromXmlTree(message) as Tree & { job?: Tree; object?: Tree };
        const job = model.job;
        if (job && (job.jobId !== undefined || (job.status !== undefined && typeof job.status === "object"))) {
            const status = (job.status ?? {}) as Tree & { object?: Tree };
            const type = String(status.type ?? "").toLowerCase();
            model.job = {
                id: job.jobId ?? job.id,
                status: type === "success" ? "SUCCESS" : type === "error" ? "FAILED" : String(status.type ?? "RUNNING").toUpperCase(),
                action: job.action,
                subType: job.subType,
            };
            model.object = { type: status.object?.type, value: status.object?.value, data: job.certificate };
            if (type === "error" && status.text) model.messages = [{ text: status.text, code: status.code }];
        } else if (model.object?.data && typeof model.object.data === "object" && "certificate" in (model.object.data as Tree)) {
            model.object.data = (model.object.data as Tree).certificate;
        }
        return model;
    });
}

export const xmlTasks: Record<TaskName, XmlTask> = {
    SslContactCreate: { payload: (request) => ({ contact: body(request) }), data: none },
    SslContactUpdate: { payload: (request) => ({ contact: withId(request, body(request)) }), data: objects("contact") },
    SslContactDelete: { payload: (request) => ({ contact: withId(request) }), data: none },
    SslContactInfo: { payload: (request) => ({ contact: withId(request) }), data: objects("contact") },
    SslContactList: { payload: query, data: objects("contact") },
    CertificatePrepareOrder: { payload: (request) => ({ certificate_request: body(request) }), data: objects("certificate_request") },
    CertificateCreate: { payload: (request) => ({ certificate: body(request) }), data: certificateJob },
    CertificateReissue: { payload: (request) => ({ certificate: withId(request, body(request)) }), data: certificateJob },
    CertificateRenew: { payload: (request) => ({ certificate: withId(request, body(request)) }), data: certificateJob },
    CertificateDelete: { payload: (request) => ({ certificate: withId(request) }), data: none },
    CertificateInfo: { payload: (request) => ({ certificate: withId(request) }), data: objects("certificate") },
    CertificateList: { payload: query, data: objects("certificate") },
    JobInfo: { payload: (request) => ({ job: withId(request) }), data: objects("job") },
    PollInfo: { payload: () => ({}), data: pollMessages },
    PollConfirm: { payload: (request) => ({ message: withId(request) }), data: none },
};

/** Elements that may repeat; the parser always makes them arrays so one and many look alike. */
export const repeatedElements = new Set([
    "address",
    "approver_emails",
    "certification_authority",
    "subject_alternative_names",
    "histories",
    "msg",
    "message",
    "contact",
    "certificate",
    "certificate_request",
    "job",
]);
/** `authentication` repeats in a prepare-order answer only (one per method, seed 001); elsewhere it is one object. */
export function isRepeated(element: string, path: string): boolean {
    if (element === "authentication") return path.endsWith("certificate_request.authentication");
    if (element === "certificate" || element === "contact" || element === "job" || element === "message" || element === "certificate_request") {
        // Only directly under <data> (lists); `<object><data><certificate>` inside a poll message is a single object.
        return path === `response.result.data.${element}` || (element === "job" && path.endsWith("certificate_job.job"));
    }
    return repeatedElements.has(element);
}
