import type { ServerResponse } from "node:http";
import { AdminRequestError, applyCommonSettings, handleLogAndFaults, parseBody, reply } from "../adminHttp";
import { SimulatorApiError } from "./errors";
import type { FaultInjector } from "./faults";
import type { SimulatorModel, SimulatorSettings } from "./model";
import type { RequestRateLimit } from "./rateLimit";
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
    rateLimit: RequestRateLimit;
}

const settingKeys = ["issuanceDelayMs", "latencyMs", "dnsValidationDeadlineMs", "cancellationDelayMs"] as const;
const booleanSettingKeys = [
    "dropsComment",
    "ignoresCommentAtCreate",
    "ignoreUnknownFilterKeys",
    "listKeysWithoutAsking",
    "listKeysIgnored",
    "refusesMissingObjects",
] as const;

export async function handleAdmin(
    context: AdminContext,
    method: string,
    url: URL,
    body: string,
    response: ServerResponse,
): Promise<void> {
    const { model, faults, log, settings, rateLimit } = context;
    const path = url.pathname.slice("/__simulator".length);
    const failMatch = /^\/jobs\/([^/]+)\/fail$/.exec(path);
    try {
        const input = parseBody(body);
        if (method === "GET" && path === "/state") {
            await model.advance();
            return reply(response, 200, model.state());
        }
        if (handleLogAndFaults({ faults, log }, method, path, url, input, response)) return;
        if (method === "POST" && path === "/jobs/outcomes") {
            if (input.outcome !== "fail" && input.outcome !== "never")
                throw new AdminRequestError('outcome must be "fail" or "never"');
            model.outcomeRules.push({
                name: input.match?.name,
                outcome: input.outcome,
                reason: input.reason,
                remaining: Number(input.count ?? 1),
            });
            return reply(response, 204);
        }
        if (method === "POST" && failMatch) {
            await model.advance();
            model.failJob(decodeURIComponent(failMatch[1]), String(input.reason ?? "failed by the simulator's admin"));
            return reply(response, 204);
        }
        if (method === "POST" && path === "/dns") {
            if (typeof input.name !== "string" || typeof input.value !== "string")
                throw new AdminRequestError("name and value are required");
            model.publishDns(input.name, String(input.type ?? "TXT"), input.value);
            return reply(response, 204);
        }
        if (method === "GET" && path === "/dns") return reply(response, 200, model.publishedDns());
        if (method === "DELETE" && path === "/dns") {
            if (typeof input.name !== "string" || typeof input.value !== "string")
                throw new AdminRequestError("name and value are required");
            model.unpublishDns(input.name, String(input.type ?? "TXT"), input.value);
            return reply(response, 204);
        }
        if (method === "POST" && path === "/settings") {
            if (
                input.renewalWindowDays !== undefined &&
                !(typeof input.renewalWindowDays === "number" && input.renewalWindowDays >= 0)
            ) {
                throw new AdminRequestError("renewalWindowDays must be a number of days");
            }
            for (const key of booleanSettingKeys) {
                if (input[key] !== undefined && typeof input[key] !== "boolean")
                    throw new AdminRequestError(`${key} must be true or false`);
            }
            applyCommonSettings(input, settings, settingKeys);
            if (input.renewalWindowDays !== undefined) settings.renewalWindowDays = input.renewalWindowDays;
            for (const key of booleanSettingKeys) if (input[key] !== undefined) settings[key] = input[key];
            return reply(response, 200, { ...settings });
        }
        // The request rate limit: its counters, a new limit (0 = off), or counters reset.
        if (method === "GET" && path === "/rateLimit") return reply(response, 200, rateLimit.view());
        if (method === "POST" && path === "/rateLimit") {
            if (typeof input.requestsPerSecond !== "number" || input.requestsPerSecond < 0)
                throw new AdminRequestError("requestsPerSecond must be a number, 0 to switch the limit off");
            rateLimit.requestsPerSecond = input.requestsPerSecond;
            return reply(response, 200, rateLimit.view());
        }
        if (method === "DELETE" && path === "/rateLimit") {
            rateLimit.reset();
            return reply(response, 204);
        }
        return reply(response, 404, { error: `no admin endpoint ${method} ${path}` });
    } catch (error) {
        const status =
            error instanceof AdminRequestError
                ? error.status
                : error instanceof SimulatorApiError
                  ? error.httpStatus
                  : 400;
        return reply(response, status, { error: (error as Error).message });
    }
}
