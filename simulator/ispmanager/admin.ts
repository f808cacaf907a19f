import type { ServerResponse } from "node:http";
import { AdminRequestError, applyCommonSettings, handleLogAndFaults, parseBody, reply } from "../adminHttp";
import type { FaultInjector } from "../internetx/faults";
import { DnsRecordType, dnsRecordTypes, type IspmanagerModel } from "./model";
import type { BillRequestLog } from "./requestLog";

/**
 * The test-only endpoints under `/__simulator` (README.md in this folder): published DNS records, faults, refusals and other issuance outcomes,
 * approvals, the request log, the model's state and the settings. JSON in and out; never part of the BILLmanager API.
 */
export interface AdminContext {
    model: IspmanagerModel;
    faults: FaultInjector;
    log: BillRequestLog;
}

function recordType(type: unknown): DnsRecordType {
    if (!dnsRecordTypes.includes(type as DnsRecordType))
        throw new AdminRequestError(`type must be one of ${dnsRecordTypes.join(", ")}`);
    return type as DnsRecordType;
}

export async function handleAdmin(
    context: AdminContext,
    method: string,
    url: URL,
    body: string,
    response: ServerResponse,
): Promise<void> {
    const { model, faults, log } = context;
    const path = url.pathname.slice("/__simulator".length);
    const certificateAction = /^\/certificates\/([^/]+)\/(approve|refuse)$/.exec(path);
    try {
        const input = parseBody(body);
        if (method === "GET" && path === "/state") {
            await model.advance();
            return reply(response, 200, model.state());
        }
        if (handleLogAndFaults({ faults, log }, method, path, url, input, response)) return;
        if (method === "POST" && path === "/dns") {
            if (typeof input.name !== "string" || typeof input.value !== "string")
                throw new AdminRequestError("name and value are required");
            model.publishDns(input.name, recordType(input.type ?? "TXT"), input.value);
            return reply(response, 204);
        }
        if (method === "DELETE" && path === "/dns") {
            if (typeof input.name !== "string") throw new AdminRequestError("name is required");
            model.removeDns(input.name, input.type === undefined ? undefined : recordType(input.type));
            return reply(response, 204);
        }
        if (method === "GET" && path === "/dns") return reply(response, 200, model.publishedDns());
        if (method === "POST" && path === "/refusals") {
            if (typeof input.domain !== "string" || typeof input.reason !== "string")
                throw new AdminRequestError("domain and reason are required");
            model.outcomeRules.push({
                domain: input.domain,
                outcome: "fail",
                reason: input.reason,
                remaining: Number(input.count ?? 1),
            });
            return reply(response, 204);
        }
        if (method === "POST" && path === "/outcomes") {
            if (typeof input.domain !== "string") throw new AdminRequestError("domain is required");
            if (input.outcome !== "fail" && input.outcome !== "never")
                throw new AdminRequestError('outcome must be "fail" or "never"');
            if (input.outcome === "fail" && typeof input.reason !== "string")
                throw new AdminRequestError("a fail outcome needs a reason");
            model.outcomeRules.push({
                domain: input.domain,
                outcome: input.outcome,
                reason: input.reason,
                remaining: Number(input.count ?? 1),
            });
            return reply(response, 204);
        }
        if (method === "POST" && certificateAction) {
            await model.advance();
            const certificate = model.find(decodeURIComponent(certificateAction[1]));
            if (!certificate) throw new AdminRequestError(`no certificate ${certificateAction[1]}`, 404);
            if (certificateAction[2] === "approve") model.approve(certificate);
            else model.refuse(certificate, String(input.reason ?? "refused by the simulator's admin"));
            return reply(response, 204);
        }
        if (method === "POST" && path === "/settings") {
            const settings = model.settings;
            applyCommonSettings(input, settings, ["issuanceDelayMs", "dnsValidationDeadlineMs", "latencyMs"] as const);
            for (const key of ["withoutSslModule", "twoFactorAccount"] as const) {
                if (input[key] === undefined) continue;
                if (typeof input[key] !== "boolean") throw new AdminRequestError(`${key} must be true or false`);
                settings[key] = input[key];
            }
            if (input.certificateFileFormat !== undefined) {
                if (input.certificateFileFormat !== "zip" && input.certificateFileFormat !== "pem")
                    throw new AdminRequestError('certificateFileFormat must be "zip" or "pem"');
                settings.certificateFileFormat = input.certificateFileFormat;
            }
            if (input.automaticDnsCheck !== undefined) {
                if (typeof input.automaticDnsCheck !== "boolean")
                    throw new AdminRequestError("automaticDnsCheck must be true or false");
                settings.automaticDnsCheck = input.automaticDnsCheck;
            }
            for (const name of ["dropsRemoteId", "hidesCsr"] as const) {
                if (input[name] === undefined) continue;
                if (typeof input[name] !== "boolean") throw new AdminRequestError(`${name} must be true or false`);
                settings[name] = input[name];
            }
            return reply(response, 200, { ...settings });
        }
        return reply(response, 404, { error: `no admin endpoint ${method} ${path}` });
    } catch (error) {
        return reply(response, error instanceof AdminRequestError ? error.status : 400, {
            error: (error as Error).message,
        });
    }
}
