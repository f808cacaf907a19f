import { randomBytes } from "node:crypto";
import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { generateKeyAndCsr } from "../../provider/x509";
import { randomSerialNumber } from "../ca";
import { AddressInfo, Socket } from "node:net";
import { TestCertificateAuthority } from "../ca";
import { handleAdmin } from "./admin";
import { FaultInjector } from "./faults";
import { handleJson, jsonRefusal, jsonTask, ProtocolAnswer } from "./json";
import { SimulatorModel, SimulatorSettings } from "./model";
import { RequestLog } from "./requestLog";
import { taskCodes } from "./tasks";
import { RequestRateLimit, referenceRequestsPerSecond } from "./rateLimit";
import { handleXml, xmlCtid, xmlRefusal, xmlTaskCode } from "./xml";
import { jsonCtid } from "./json";

export interface SimulatorOptions {
    port?: number;
    host?: string;
    user?: string;
    password?: string;
    context?: string;
    issuanceDelayMs?: number;
    dnsValidationDeadlineMs?: number;
    latencyMs?: number;
    /** See SimulatorSettings.fileValidationOrigin. */
    fileValidationOrigin?: string;
    /** See SimulatorSettings.cancellationDelayMs (default 0: gone at the next request after the delete). */
    cancellationDelayMs?: number;
    /** See SimulatorSettings.renewalWindowDays (default 90, "Certificate Renew"). */
    renewalWindowDays?: number;
    /** See SimulatorSettings.dropsComment (default false: the account keeps comments). */
    dropsComment?: boolean;
    /** See SimulatorSettings.ignoresCommentAtCreate (default false: a comment sent with an order is kept). */
    ignoresCommentAtCreate?: boolean;
    /** See SimulatorSettings.ignoreUnknownFilterKeys (default false). */
    ignoreUnknownFilterKeys?: boolean;
    /** See SimulatorSettings.listKeysWithoutAsking (default false: additional list keys only when asked). */
    listKeysWithoutAsking?: boolean;
    /** See SimulatorSettings.listKeysIgnored (default false). */
    listKeysIgnored?: boolean;
    /** See SimulatorSettings.refusesMissingObjects (default false: a missing object is HTTP 404 over JSON). */
    refusesMissingObjects?: boolean;
    /** Requests per second and client address (default 3, the reference's limit); 0 switches the limit off. */
    requestsPerSecond?: number;
    now?: () => Date;
    /** Serve HTTPS with a server certificate from the simulator's own CA (for 127.0.0.1); `ca.rootPem` is its trust anchor. */
    https?: boolean;
}

export interface RunningSimulator {
    url: string;
    xmlUrl: string;
    adminUrl: string;
    user: string;
    password: string;
    context: string;
    port: number;
    ca: TestCertificateAuthority;
    model: SimulatorModel;
    faults: FaultInjector;
    rateLimit: RequestRateLimit;
    close(): Promise<void>;
}

export type { LoggedRequest } from "./requestLog";

/** Named defaults of the simulator (README in this folder). */
export const defaultIssuanceDelayMs = 1500;
export const defaultDnsValidationDeadlineMs = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readBody(request: IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        request.on("error", reject);
    });
}

/**
 * A real InterNetX SSL API on loopback: the JSON API under /v1 and the XML gateway at /xml over one model, plus
 * test-only endpoints under /__simulator (never part of the API).
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
    const ca = await TestCertificateAuthority.create();
    const user = options.user ?? "simulator-user";
    const password = options.password ?? randomBytes(12).toString("base64url");
    const context = options.context ?? "4";
    const settings: SimulatorSettings = {
        issuanceDelayMs: options.issuanceDelayMs ?? defaultIssuanceDelayMs,
        dnsValidationDeadlineMs: options.dnsValidationDeadlineMs ?? defaultDnsValidationDeadlineMs,
        latencyMs: options.latencyMs ?? 0,
        fileValidationOrigin: options.fileValidationOrigin,
        cancellationDelayMs: options.cancellationDelayMs ?? 0,
        renewalWindowDays: options.renewalWindowDays ?? 90,
        dropsComment: options.dropsComment ?? false,
        ignoresCommentAtCreate: options.ignoresCommentAtCreate ?? false,
        ignoreUnknownFilterKeys: options.ignoreUnknownFilterKeys ?? false,
        listKeysWithoutAsking: options.listKeysWithoutAsking ?? false,
        listKeysIgnored: options.listKeysIgnored ?? false,
        refusesMissingObjects: options.refusesMissingObjects ?? false,
    };
    const rateLimit = new RequestRateLimit(options.requestsPerSecond ?? referenceRequestsPerSecond);
    const model = new SimulatorModel(ca, settings, user, context, options.now ?? (() => new Date()));
    const faults = new FaultInjector();
    const log = new RequestLog();
    const sockets = new Set<Socket>();

    const handler = (request: IncomingMessage, response: ServerResponse) => {
        void serve(request, response).catch((error) => {
            if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
            response.end(`simulator failure: ${(error as Error).message}`);
        });
    };
    const server: Server = options.https
        ? createHttpsServer(await serverIdentity(ca, options.host ?? "127.0.0.1"), handler)
        : createServer(handler);
    server.on(options.https ? "secureConnection" : "connection", (socket: Socket) => {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
    });

    async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const url = new URL(request.url ?? "/", "http://simulator");
        const body = await readBody(request);
        if (url.pathname.startsWith("/__simulator/"))
            return handleAdmin(
                { model, faults, log, settings, rateLimit },
                request.method ?? "GET",
                url,
                body,
                response,
            );

        const protocol: "json" | "xml" = url.pathname === "/xml" ? "xml" : "json";
        const method = request.method ?? "GET";
        const apiPath = url.pathname.replace(/^\/v1/, "");
        const route = protocol === "json" ? jsonTask(method, apiPath) : undefined;
        const taskCode = protocol === "xml" ? xmlTaskCode(body) : route ? taskCodes[route.task] : undefined;
        const ctid = protocol === "xml" ? xmlCtid(body) : jsonCtid(request.headers, url.searchParams);
        const entry = log.record({
            time: new Date().toISOString(),
            method,
            path: url.pathname,
            // Raw, as the client wrote it (`keys[]=comment` stays unencoded when sent so).
            query: /\?(.*)$/s.exec(request.url ?? "")?.[1] ?? "",
            taskCode,
            ctid,
            protocol,
            status: 0,
            headers: request.headers,
            body,
        });

        // Refusals before any task runs still answer in the protocol's envelope ("JSON API Basics": every answer carries
        // `status`; "XML API Basics": every answer is a `<response>`), so clients that parse every body can read them.
        const refusal = (status: number, text: string): ProtocolAnswer =>
            protocol === "xml" ? xmlRefusal(model, status, text, ctid) : jsonRefusal(model, status, text, ctid);
        if (!rateLimit.admit(request.socket.remoteAddress ?? "unknown")) {
            entry.status = 429;
            const answer = refusal(429, "Too many requests: only 3 requests per second and IP can be executed.");
            response.writeHead(429, { "content-type": answer.contentType, "retry-after": "1" });
            response.end(answer.body);
            return;
        }

        const fault = faults.take({ method, path: url.pathname, taskCode });
        if (fault?.kind === "reset" && fault.when !== "after") {
            entry.status = -1;
            request.socket.destroy();
            return;
        }
        if (fault?.kind === "delay") await sleep(fault.ms ?? 1000);
        if (fault?.kind === "status") {
            entry.status = fault.status ?? 503;
            const answer = refusal(
                entry.status,
                entry.status === 429
                    ? "Too many requests."
                    : entry.status >= 500
                      ? "Service unavailable."
                      : "The request could not be processed.",
            );
            const headers: Record<string, string> = { "content-type": answer.contentType };
            if (fault.status === 429) headers["retry-after"] = String(fault.retryAfterSeconds ?? 1);
            response.writeHead(entry.status, headers);
            response.end(answer.body);
            return;
        }

        let answer: ProtocolAnswer;
        if (protocol === "xml") {
            answer =
                method === "POST"
                    ? await handleXml(model, password, body)
                    : { ...refusal(405, "The gateway accepts POST only."), headers: { allow: "POST" } };
        } else if (url.pathname.startsWith("/v1/")) {
            answer = await handleJson(model, password, method, apiPath, request.headers, body, ctid, url.searchParams);
        } else {
            answer = refusal(404, `No route ${method} ${url.pathname}.`);
        }
        if (settings.latencyMs > 0) await sleep(settings.latencyMs);
        entry.status = answer.status;
        if (fault?.kind === "reset") {
            // Processed (an order is placed) but the answer is lost: the ambiguous failure clients must survive.
            entry.status = -1;
            request.socket.destroy();
            return;
        }
        if (fault?.kind === "malformed") {
            // A 200 whose body breaks off: neither JSON nor XML parses.
            entry.status = 200;
            response.writeHead(200, { "content-type": answer.contentType });
            response.end(answer.body.slice(0, Math.max(1, Math.floor(answer.body.length / 3))));
            return;
        }
        response.writeHead(answer.status, { "content-type": answer.contentType, ...(answer.headers ?? {}) });
        response.end(answer.body);
    }

    await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const base = `${options.https ? "https" : "http"}://${options.host ?? "127.0.0.1"}:${port}`;
    return {
        url: `${base}/v1`,
        xmlUrl: `${base}/xml`,
        adminUrl: `${base}/__simulator`,
        user,
        password,
        context,
        port,
        ca,
        model,
        faults,
        rateLimit,
        close: async () => {
            for (const socket of sockets) socket.destroy();
            await new Promise<void>((resolve) => server.close(() => resolve()));
        },
    };
}

/** A TLS key and certificate for the simulator's address, issued by its own CA (leaf + intermediate as the chain). */
async function serverIdentity(ca: TestCertificateAuthority, host: string): Promise<{ key: string; cert: string }> {
    const { privateKeyPem, csrPem } = await generateKeyAndCsr({
        key: { algorithm: "ECDSA", curve: "P256" },
        commonName: host,
    });
    const now = Date.now();
    const leaf = await ca.issue({
        csrPem,
        commonName: host,
        dnsNames: /^[\d.]+$/.test(host) ? ["localhost"] : [host],
        ipAddresses: /^[\d.]+$/.test(host) ? [host] : [],
        notBefore: new Date(now - 60_000),
        notAfter: new Date(now + 24 * 60 * 60 * 1000),
        serialNumber: randomSerialNumber(),
        profile: "server",
    });
    return { key: privateKeyPem, cert: leaf + ca.intermediatePem };
}
