import { TaskName, TaskRequest } from "../tasks";
import { fromXmlTree, toXmlTree } from "./convert";
import { xmlElementName } from "./names";
import { asText } from "../../shared/text";

/**
 * What each task puts inside `<task>` besides `<code>`, and where its answer sits inside `<data>`
 * (InterNetX's ordering, reissue and S/MIME help pages XML examples; docs/wire-format.md for the tasks those pages do not show).
 */
interface XmlTask {
    payload(request: TaskRequest): Record<string, unknown>;
    /** `<data>` (already parsed) → the JSON API's `data[]`. */
    data(data: Record<string, unknown>): unknown[];
}

type Tree = Record<string, unknown>;

const asList = (value: unknown): unknown[] =>
    value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value];
const withId = (request: TaskRequest, tree: Tree = {}): Tree => ({ id: request.id, ...tree });
const body = (request: TaskRequest): Tree => toXmlTree(request.body ?? {});
const objects = (element: string) => (data: Tree) => asList(data[element]).map((item) => fromXmlTree(item, element));
const none = () => [];

/** The JSON operators' XML spellings ("Running List Inquiries": eq, ne, like, gt, lt, ge, le). */
const xmlOperators: Record<string, string> = {
    EQUAL: "eq",
    NOT_EQUAL: "ne",
    LIKE: "like",
    GREATER: "gt",
    LESS: "lt",
    GREATER_EQUAL: "ge",
    LESS_EQUAL: "le",
};

type Condition = { key: string; value: string; operator?: string };
type Filter = Condition | { link?: string; filters: Condition[] };

/** JSON `2018-09-26T11:38:08.000+0000` → the XML gateway's `2018-09-26 11:38:08` (UTC) for date keys. */
function xmlValue(key: string, value: string): string {
    const time =
        key === "created" || key === "updated" ? Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")) : Number.NaN;
    return Number.isNaN(time) ? value : new Date(time).toISOString().slice(0, 19).replace("T", " ");
}

function condition(filter: Condition): Tree {
    return {
        key: xmlElementName(filter.key),
        operator: xmlOperators[filter.operator ?? "EQUAL"] ?? "eq",
        value: xmlValue(filter.key, filter.value),
    };
}

/**
 * JSON Query (`{filters, view}`) → XML `<view>` and `<where>` ("Running List Inquiries"): one condition directly in
 * `<where>`; several as `<where><and>…</and><and>…</and></where>`; a JSON group with link OR as `<and><or>…</or>…</and>`.
 */
function query(request: TaskRequest): Tree {
    const queryBody = (request.body ?? {}) as { filters?: Filter[]; view?: { limit?: number; offset?: number } };
    const tree: Tree = {
        view: { limit: String(queryBody.view?.limit ?? 100), offset: String(queryBody.view?.offset ?? 0) },
    };
    // Additional row keys: repeated <key> beside <view> and <where>, as a public AutoDNS XML client sends its list
    // inquiry (tillkahlbrock/autodns-api test/Autodns/Test/Api/testData/DomainInquireList_request.xml) *(inferred for 400105)*.
    if (request.keys && request.keys.length > 0) tree.key = request.keys.map(xmlElementName);
    const filters = queryBody.filters ?? [];
    const isGroup = (filter: Filter): filter is { link?: string; filters: Condition[] } => "filters" in filter;
    if (filters.length === 1 && !isGroup(filters[0])) tree.where = condition(filters[0]);
    else if (filters.length > 0) {
        tree.where = {
            and: filters.map((filter) =>
                isGroup(filter)
                    ? { [filter.link === "OR" ? "or" : "and"]: filter.filters.map(condition) }
                    : condition(filter),
            ),
        };
    }
    return tree;
}

/**
 * `<certificate_job>` of Certificate Job Info, Job List and the history → swagger ObjectJob. Job Info carries
 * `<job>`, `<authentication>` and the `<certificate>` (as public AutoDNS XML clients read it); list rows name the
 * certificate in `<job><object>` ("Managing Certificate Orders").
 */
function objectJobs(data: Tree): unknown[] {
    return asList(data.certificate_job).map((entry) => {
        const item = entry as Tree;
        const job = fromXmlTree(asList(item.job)[0] ?? {}) as Tree;
        const certificate = item.certificate === undefined ? undefined : (fromXmlTree(item.certificate) as Tree);
        const { object: objectName, ...jobFields } = job;
        const name = certificate?.name ?? (typeof objectName === "string" ? objectName : undefined);
        return {
            job: jobFields,
            object:
                name !== undefined || certificate ? { type: "Certificate", value: name, data: certificate } : undefined,
            authentication: asList(item.authentication).map((status) => fromXmlTree(status, "authentication")),
        };
    });
}

/** CertificateCreate/Reissue/Renew/Delete answer `<certificate_job><job><id/><status/></job></certificate_job>` (InterNetX help "Ordering SSL Certificates"). */
const certificateJob = (data: Tree) =>
    asList(data.certificate_job)
        .flatMap((entry) => asList((entry as Tree).job))
        .map((job) => fromXmlTree(job));

/**
 * PollInfo over XML (InterNetX help "Reissue Certificate") nests differently from JSON: `<message><job>` holds the job's object
 * (`<certificate>…</certificate>`), `<job_id>` and a `<status>` block (`<code/><type/><object/>`), where JSON has
 * `job: {id, status}` and `object: {type, value, data}`. Both arrive here in the JSON shape.
 */
function pollMessages(data: Tree): unknown[] {
    return asList(data.message).map((message) => {
        const model = fromXmlTree(message) as Tree & { job?: Tree; object?: Tree };
        const job = model.job;
        if (job && (job.jobId !== undefined || (job.status !== undefined && typeof job.status === "object"))) {
            const status = (job.status ?? {}) as Tree & { object?: Tree };
            const type = asText(status.type ?? "").toLowerCase();
            model.job = {
                id: job.jobId ?? job.id,
                status:
                    type === "success"
                        ? "SUCCESS"
                        : type === "error"
                          ? "FAILED"
                          : asText(status.type ?? "RUNNING").toUpperCase(),
                action: job.action,
                subType: job.subType,
            };
            model.object = { type: status.object?.type, value: status.object?.value, data: job.certificate };
            if (type === "error" && status.text) model.messages = [{ text: status.text, code: status.code }];
        } else if (
            model.object?.data &&
            typeof model.object.data === "object" &&
            "certificate" in (model.object.data as Tree)
        ) {
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
    CertificatePrepareOrder: {
        payload: (request) => ({ certificate_request: body(request) }),
        data: objects("certificate_request"),
    },
    CertificateCreate: { payload: (request) => ({ certificate: body(request) }), data: certificateJob },
    CertificateReissue: {
        payload: (request) => ({ certificate: withId(request, body(request)) }),
        data: certificateJob,
    },
    CertificateRenew: { payload: (request) => ({ certificate: withId(request, body(request)) }), data: certificateJob },
    CertificateDelete: { payload: (request) => ({ certificate: withId(request) }), data: certificateJob },
    CertificateRevoke: { payload: (request) => ({ certificate: withId(request) }), data: certificateJob },
    // The swagger's body is a Certificate; over XML the same `<certificate>` with its `<id>` and `<comment>`.
    CertificateCommentUpdate: { payload: (request) => ({ certificate: withId(request, body(request)) }), data: none },
    CertificateInfo: { payload: (request) => ({ certificate: withId(request) }), data: objects("certificate") },
    CertificateList: { payload: query, data: objects("certificate") },
    JobInfo: { payload: (request) => ({ certificate_job: { job: withId(request) } }), data: objectJobs },
    JobList: { payload: query, data: objectJobs },
    JobHistoryList: { payload: query, data: objectJobs },
    PollInfo: { payload: () => ({}), data: pollMessages },
    PollConfirm: { payload: (request) => ({ message: withId(request) }), data: none },
};

/** Elements that may repeat; the parser always makes them arrays so one and many look alike. */
export const repeatedElements = new Set([
    "address",
    "certification_authority",
    "subject_alternative_name",
    "histories",
    "msg",
    "message",
    "contact",
    "certificate",
    "certificate_request",
    "job",
    "certificate_job",
]);
/** `authentication` repeats in a prepare-order answer only (one per method, InterNetX help "Ordering SSL Certificates"); elsewhere it is one object. */
export function isRepeated(element: string, path: string): boolean {
    if (element === "authentication")
        return path.endsWith("certificate_request.authentication") || path.endsWith("certificate_job.authentication");
    // "CertAuthentication Object": approverEmails is `approver_email`, 0-n times, inside `<authentication>`; the
    // certificate's own `approver_email` (S/MIME) is one value.
    if (element === "approver_email") return path.endsWith("authentication.approver_email");
    // swagger CertAuthentication.domains ("The authentication data for every domain"): repeated `<domains>` *(inferred element name)*.
    if (element === "domains") return path.endsWith("authentication.domains");
    if (element === "certificate_job") return path === "response.result.data.certificate_job";
    // "Job Object": the job's `messages`, 0-n.
    if (element === "messages") return path.endsWith("job.messages");
    if (
        element === "certificate" ||
        element === "contact" ||
        element === "job" ||
        element === "message" ||
        element === "certificate_request"
    ) {
        // Only directly under <data> (lists); `<object><data><certificate>` inside a poll message is a single object.
        return (
            path === `response.result.data.${element}` || (element === "job" && path.endsWith("certificate_job.job"))
        );
    }
    return repeatedElements.has(element);
}
