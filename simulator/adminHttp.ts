import type { ServerResponse } from "node:http";
import type { FaultInjector } from "./internetx/faults";

/**
 * What the test-only `/__simulator` endpoints of both simulators share: JSON bodies and answers, their error, and the
 * endpoints for the request log, faults and the common settings. Never part of an API being simulated.
 */

export type AdminInput = Record<string, any>;

export class AdminRequestError extends Error {
    constructor(
        message: string,
        readonly status = 400,
    ) {
        super(message);
    }
}

export function reply(response: ServerResponse, status: number, value?: unknown): void {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(value === undefined ? "" : JSON.stringify(value));
}

export function parseBody(body: string): AdminInput {
    if (body.trim() === "") return {};
    let parsed: unknown;
    try {
        parsed = JSON.parse(body);
    } catch {
        throw new AdminRequestError("body must be JSON");
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
        throw new AdminRequestError("body must be a JSON object");
    return parsed;
}

/** The request log and the faults: `GET|DELETE /requests`, `POST|DELETE|GET /faults`. Says whether it answered. */
export function handleLogAndFaults(
    context: { faults: FaultInjector; log: { since(index: number): unknown[]; clear(): void } },
    method: string,
    path: string,
    url: URL,
    input: AdminInput,
    response: ServerResponse,
): boolean {
    const { faults, log } = context;
    if (method === "GET" && path === "/requests")
        reply(response, 200, log.since(Number(url.searchParams.get("since") ?? 0)));
    else if (method === "DELETE" && path === "/requests") {
        log.clear();
        reply(response, 204);
    } else if (method === "POST" && path === "/faults") {
        faults.add(input);
        reply(response, 204);
    } else if (method === "DELETE" && path === "/faults") {
        faults.clear();
        reply(response, 204);
    } else if (method === "GET" && path === "/faults")
        reply(response, 200, { injected: faults.injected, pending: faults.pending() });
    else return false;
    return true;
}

/** `POST /settings`: the given millisecond timings, and `fileValidationOrigin` (an http(s) URL, or null to unset). */
export function applyCommonSettings<Key extends string>(
    input: AdminInput,
    settings: Record<Key, number> & { fileValidationOrigin?: string },
    millisecondKeys: readonly Key[],
): void {
    for (const key of millisecondKeys) {
        if (input[key] === undefined) continue;
        if (typeof input[key] !== "number" || input[key] < 0)
            throw new AdminRequestError(`${key} must be a number of milliseconds`);
        (settings as Record<Key, number>)[key] = input[key];
    }
    if (input.fileValidationOrigin !== undefined) {
        if (
            input.fileValidationOrigin !== null &&
            (typeof input.fileValidationOrigin !== "string" || !/^https?:\/\//.test(input.fileValidationOrigin))
        ) {
            throw new AdminRequestError("fileValidationOrigin must be an http(s) URL, or null");
        }
        settings.fileValidationOrigin = input.fileValidationOrigin ?? undefined;
    }
}
