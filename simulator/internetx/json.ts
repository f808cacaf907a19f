import { IncomingHttpHeaders } from "node:http";
import { authenticationError, unknownUserInContext, SimulatorApiError } from "./errors";
import type { Json } from "./jsonValue";
import type { SimulatorModel } from "./model";
import { jsonDate, withDates } from "./render";
import { runTask, TaskName, taskCodes } from "./tasks";

/** JSON routes (swagger paths under /v1) → task and id. */
const routes: [string, RegExp, TaskName][] = [
    ["POST", /^\/sslcontact$/, "SslContactCreate"],
    ["POST", /^\/sslcontact\/_search$/, "SslContactList"],
    ["GET", /^\/sslcontact\/([^/]+)$/, "SslContactInfo"],
    ["PUT", /^\/sslcontact\/([^/]+)$/, "SslContactUpdate"],
    ["DELETE", /^\/sslcontact\/([^/]+)$/, "SslContactDelete"],
    ["POST", /^\/certificate\/_prepareOrder$/, "CertificatePrepareOrder"],
    ["POST", /^\/certificate\/_search$/, "CertificateList"],
    ["POST", /^\/certificate$/, "CertificateCreate"],
    ["PUT", /^\/certificate\/([^/]+)\/_renew$/, "CertificateRenew"],
    ["POST", /^\/certificate\/([^/]+)\/_revoke$/, "CertificateRevoke"],
    ["PUT", /^\/certificate\/([^/]+)\/_comment$/, "CertificateCommentUpdate"],
    ["POST", /^\/job\/_search$/, "JobList"],
    ["POST", /^\/job\/history\/_search$/, "JobHistoryList"],
    ["GET", /^\/certificate\/([^/]+)$/, "CertificateInfo"],
    ["PUT", /^\/certificate\/([^/]+)$/, "CertificateReissue"],
    ["DELETE", /^\/certificate\/([^/]+)$/, "CertificateDelete"],
    ["GET", /^\/job\/history\/([^/]+)$/, "JobHistoryInfo"],
    ["PUT", /^\/job\/([^/]+)\/_cancel$/, "JobCancel"],
    ["PUT", /^\/job\/([^/]+)\/_confirm$/, "JobConfirm"],
    ["GET", /^\/job\/([^/]+)$/, "JobInfo"],
    ["GET", /^\/poll$/, "PollInfo"],
    ["PUT", /^\/poll\/([^/]+)$/, "PollConfirm"],
];

export function jsonTask(method: string, path: string): { task: TaskName; id?: string } | undefined {
    for (const [routeMethod, pattern, task] of routes) {
        const match = method === routeMethod ? pattern.exec(path) : null;
        if (match) return { task, id: match[1] ? decodeURIComponent(match[1]) : undefined };
    }
    return undefined;
}

export interface ProtocolAnswer {
    status: number;
    contentType: string;
    body: string;
    headers?: Record<string, string>;
}

/** swagger JsonResponseData*: `stid`, `status`, `messages`, `object`, `data`, and the request's `ctid` echoed. */
function envelope(model: SimulatorModel, status: Json, extra: Json = {}, ctid?: string): string {
    return JSON.stringify(withDates({ stid: model.stid(), ctid, status, ...extra }, jsonDate));
}

export function jsonError(model: SimulatorModel, error: SimulatorApiError, ctid?: string): ProtocolAnswer {
    return {
        // An account that refuses a request for a missing object (refusesMissingObjects) answers 400, not 404.
        status: error.missingObject && model.settings.refusesMissingObjects ? 400 : error.httpStatus,
        contentType: "application/json",
        body: envelope(
            model,
            { code: error.statusCode, text: error.statusText, type: "ERROR" },
            { messages: error.messages.map((message) => ({ ...message, type: "ERROR" })) },
            ctid,
        ),
    };
}

/**
 * An answer refused before any task ran (rate limit, unknown route, an injected 503): the error envelope with the
 * HTTP status and no task code ("JSON API Basics": every answer carries `stid` and `status`; the code `E0000` and
 * the texts are *inferred*, no refusal of the real API is recorded).
 */
export function jsonRefusal(model: SimulatorModel, httpStatus: number, text: string, ctid?: string): ProtocolAnswer {
    return {
        status: httpStatus,
        contentType: "application/json",
        body: envelope(model, { code: "E0000", text, type: "ERROR" }, { messages: [{ text, type: "ERROR" }] }, ctid),
    };
}

/** The client transaction id of a JSON request: header X-Domainrobot-Ctid (js-domainrobot-sdk) or `?ctid=` ("General query parameters"). */
export function jsonCtid(headers: IncomingHttpHeaders, query: URLSearchParams): string | undefined {
    const header = headers["x-domainrobot-ctid"];
    return (Array.isArray(header) ? header[0] : header) || query.get("ctid") || undefined;
}

/** The JSON API: basic auth and X-Domainrobot-Context (README of shared/), routes, the response envelope. */
/** The additional list keys a JSON request asks for: `?keys[]=comment&keys[]=…` (swagger `keys`, collectionFormat multi; InterNetX's SDKs write `keys[]=`). */
export function requestedKeys(query: URLSearchParams): string[] {
    return [...query.getAll("keys[]"), ...query.getAll("keys")];
}

export async function handleJson(
    model: SimulatorModel,
    password: string,
    method: string,
    path: string,
    headers: IncomingHttpHeaders,
    body: string,
    ctid?: string,
    query: URLSearchParams = new URLSearchParams(),
): Promise<ProtocolAnswer> {
    try {
        const route = jsonTask(method, path);
        if (!route) return jsonRefusal(model, 404, `No route ${method} ${path}.`, ctid);
        // "JSON API Basics": "The use of a UserAgent is mandatory for the correct use of the JSON API."
        if (!headers["user-agent"])
            throw new SimulatorApiError(400, `E${taskCodes[route.task]}`, "The request has no User-Agent.", [
                { text: "User-Agent: is required", code: "EF01010" },
            ]);
        const expected = `Basic ${Buffer.from(`${model.user}:${password}`).toString("base64")}`;
        if (headers.authorization !== expected) throw authenticationError();
        if (headers["x-domainrobot-context"] !== model.context) throw unknownUserInContext();
        let parsed: Json = {};
        if (body.trim() !== "") {
            try {
                parsed = JSON.parse(body);
            } catch {
                throw new SimulatorApiError(400, `E${taskCodes[route.task]}`, "The request body is not JSON.", [
                    { text: "Malformed JSON.", code: "EF01000" },
                ]);
            }
        }
        const answer = await runTask(model, route.task, route.id, parsed, requestedKeys(query));
        return {
            status: 200,
            contentType: "application/json",
            body: envelope(
                model,
                { code: answer.code, text: answer.text, type: answer.type },
                { messages: answer.messages, object: answer.object, data: answer.data },
                ctid,
            ),
        };
    } catch (error) {
        if (error instanceof SimulatorApiError) return jsonError(model, error, ctid);
        throw error;
    }
}
