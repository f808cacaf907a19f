import type { ServerResponse } from "node:http";
import { SimulatorApiError } from "./errors";
import type { FaultInjector } from "./faults";
import type { Json, SimulatorModel, SimulatorSettings } from "./model";
import type { RequestLog } from "./requestLog";

/**
 * The test-only endpoints under `/__simulator` (README.md in this folder): faults, job outcomes, published DNS
 * records, the request log, the model's state and the settings. JSON in and out, no authentication; never part
 * of the InterNetX API.
 */
export interface AdminContext {
    model: SimulatorModel;
    faults: FaultInjector;
    log: RequestLog;
    settings: SimulatorSettings;
}

class AdminRequestError extends Error {}

function reply(response: ServerResponse, status: number, value?: unknown): void {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(value === undefined ? "" : JSON.stringify(value));
}

function parseBody(body: string): Json {
    if (body.trim() === "") return {};
    try {
        const parsed = JSON.parse(body);
        if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new AdminRequestError("body must be a JSON object");
        return parsed;
    } catch (error) {
        throw error instanceof AdminRequestError ? error : new AdminRequestError("body must be JSON");
    }
}

const settingKeys = ["issuanceDelayMs", "latencyMs", "dnsValidationDeadlineMs"] as const;

export async function handleAdmin(context: AdminContext, method: string, url: URL, body: string, response: ServerResponse): Promise<void> {
    const { model, faults, log, settings } = context;
    const path = url.pathname.slice("/__simulator".length);
    const failMatch = /^\/jobs\/([^/]+)\/fail$/.exec(path);
    try {
        const input = parseBody(body);
        if (method === "GET" && path === "/state") {
            await model.advance();
            return reply(response, 200, model.state());
        }
        if (method === "GET" && path === "/requests") return reply(response, 200, log.since(Number(url.searchParams.get("since") ?? 0)));
        if (method === "DELETE" && path === "/requests") {
            log.clear();
            return reply(response, 204);
        }
        if (method === "POST" && path === "/faults") {
            faults.add(input);
            return reply(response, 204);
        }
        if (method === "DELETE" && path === "/faults") {
            faults.clear();
            return reply(response, 204);
        }
        if (method === "GET" && path === "/faults") return reply(response, 200, { injected: faults.injected, pending: faults.pending() });
        if (method === "POST" && path === "/jobs/outcomes") {
            if (input.outcome !== "fail" && input.outcome !== "never") throw new AdminRequestError('outcome must be "fail" or "never"');
            model.outcomeRules.push({ name: input.match?.name, outcome: input.outcome, reason: input.reason, remaining: Number(input.count ?? 1) });
            return reply(response, 204);
        }
        if (method === "POST" && failMatch) {
            await model.advance();
            model.failJob(decodeURIComponent(failMatch[1]), String(input.reason ?? "failed by the simulator's admin"));
            return reply(response, 204);
        }
        if (method === "POST" && path === "/dns") {
            if (typeof input.name !== "string" || typeof input.value !== "string") throw new AdminRequestError("name and value are required");
            model.publishDns(input.name, String(input.type ?? "TXT"), input.value);
            return reply(response, 204);
        }
        if (method === "GET" && path === "/dns") return reply(response, 200, model.publishedDns());
        if (method === "DELETE" && path === "/dns") {
            if (typeof input.name !== "string" || typeof input.value !== "string") throw new AdminRequestError("name and value are required");
            model.unpublishDns(input.name, String(input.type ?? "TXT"), input.value);
            return reply(response, 204);
        }
        if (method === "POST" && path === "/settings") {
            for (const key of settingKeys) {
                if (input[key] === undefined) continue;
                if (typeof input[key] !== "number" || input[key] < 0) throw new AdminRequestError(`${key} must be a number of milliseconds`);
                settings[key] = input[key];
            }
            if (input.fileValidationOrigin !== undefined) {
                if (input.fileValidationOrigin !== null && (typeof input.fileValidationOrigin !== "string" || !/^https?:\/\//.test(input.fileValidationOrigin))) {
                    throw new AdminRequestError("fileValidationOrigin must be an http(s) URL, or null");
                }
                settings.fileValidationOrigin = input.fileValidationOrigin ?? undefined;
            }
            return reply(response, 200, { ...settings });
        }
        return reply(response, 404, { error: `no admin endpoint ${method} ${path}` });
    } catch (error) {
        return reply(response, error instanceof SimulatorApiError ? error.httpStatus : 400, { error: (error as Error).message });
    }
}
