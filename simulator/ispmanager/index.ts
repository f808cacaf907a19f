import { randomBytes } from "node:crypto";
import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { AddressInfo, Socket } from "node:net";
import { TestCertificateAuthority } from "../ca";
import { FaultInjector } from "../internetx/faults";
import { handleAdmin } from "./admin";
import { callFunction, Outcome } from "./functions";
import { IspmanagerModel, IspmanagerSimulatorSettings } from "./model";
import { BillError, render, twoFactorRefusal } from "./render";
import { BillRequestLog } from "./requestLog";

export interface IspmanagerSimulatorOptions {
    port?: number;
    host?: string;
    /** The account's e-mail (the EMAIL of `authinfo`). */
    user?: string;
    password?: string;
    issuanceDelayMs?: number;
    dnsValidationDeadlineMs?: number;
    automaticDnsCheck?: boolean;
    /** See IspmanagerSimulatorSettings.withoutSslModule (default false). */
    withoutSslModule?: boolean;
    /** See IspmanagerSimulatorSettings.twoFactorAccount (default false). */
    twoFactorAccount?: boolean;
    /** See IspmanagerSimulatorSettings.fileValidationOrigin. */
    fileValidationOrigin?: string;
    latencyMs?: number;
    /** See IspmanagerSimulatorSettings.certificateFileFormat; default zip. */
    certificateFileFormat?: "zip" | "pem";
    /** See IspmanagerSimulatorSettings.dropsRemoteId; default false. */
    dropsRemoteId?: boolean;
    /** See IspmanagerSimulatorSettings.hidesCsr; default false. */
    hidesCsr?: boolean;
    now?: () => Date;
}

export interface RunningIspmanagerSimulator {
    /** The function endpoint, `…/billmgr` (the reselling page's address form). */
    url: string;
    adminUrl: string;
    user: string;
    password: string;
    port: number;
    ca: TestCertificateAuthority;
    model: IspmanagerModel;
    faults: FaultInjector;
    close(): Promise<void>;
}

export type { LoggedBillRequest } from "./requestLog";
export type { IspmanagerSimulatorSettings } from "./model";

/** Named defaults of the simulator (README.md in this folder). */
export const defaultIssuanceDelayMs = 1500;
export const defaultDnsValidationDeadlineMs = 120_000;

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
 * Query and form body parameters; the body wins (as CGI-style servers merge them). A POST body is read as form fields
 * whatever its content type says, multipart aside: public BILLmanager clients post the fields without a form content
 * type (upmind's provider client) and are answered *(inferred: that BILLmanager reads such a body)*.
 */
function parametersOf(url: URL, body: string, contentType: string | undefined): Record<string, string> {
    const params: Record<string, string> = {};
    url.searchParams.forEach((value, name) => (params[name] = value));
    if (body && !/^multipart\//i.test(contentType ?? ""))
        new URLSearchParams(body).forEach((value, name) => (params[name] = value));
    return params;
}

/**
 * A real BILLmanager SSL API on loopback ("Reselling SSL certificates"): the certificate functions at `/billmgr` (and `/manager/billmgr`,
 * the delete example's path), GET or POST, answering `out=bjson`, `out=json` or XML; real certificates from the
 * simulator CA; DNS validation that waits for TXT records published through `/__simulator/dns`; fault injection; a
 * request log without `authinfo`.
 */
export async function startIspmanagerSimulator(
    options: IspmanagerSimulatorOptions = {},
): Promise<RunningIspmanagerSimulator> {
    const ca = await TestCertificateAuthority.create({ organization: "pulumi-sslmanager ispmanager Simulator" });
    const user = options.user ?? "reseller@example.com";
    const password = options.password ?? randomBytes(12).toString("base64url");
    const settings: IspmanagerSimulatorSettings = {
        issuanceDelayMs: options.issuanceDelayMs ?? defaultIssuanceDelayMs,
        dnsValidationDeadlineMs: options.dnsValidationDeadlineMs ?? defaultDnsValidationDeadlineMs,
        automaticDnsCheck: options.automaticDnsCheck ?? true,
        withoutSslModule: options.withoutSslModule ?? false,
        twoFactorAccount: options.twoFactorAccount ?? false,
        fileValidationOrigin: options.fileValidationOrigin,
        latencyMs: options.latencyMs ?? 0,
        certificateFileFormat: options.certificateFileFormat ?? "zip",
        dropsRemoteId: options.dropsRemoteId ?? false,
        hidesCsr: options.hidesCsr ?? false,
    };
    const model = new IspmanagerModel(ca, settings, options.now ?? (() => new Date()));
    const faults = new FaultInjector();
    const log = new BillRequestLog(() => [password]);
    const sockets = new Set<Socket>();

    const server: Server = createServer((request, response) => {
        void serve(request, response).catch((error) => {
            if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
            response.end(`simulator failure: ${(error as Error).message}`);
        });
    });
    server.on("connection", (socket) => {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
    });

    async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const url = new URL(request.url ?? "/", "http://simulator");
        const body = await readBody(request);
        const method = request.method ?? "GET";
        if (url.pathname.startsWith("/__simulator/"))
            return handleAdmin({ model, faults, log }, method, url, body, response);
        if (url.pathname !== "/billmgr" && url.pathname !== "/manager/billmgr") {
            response.writeHead(404, { "content-type": "text/plain" });
            response.end("not found");
            return;
        }
        const params = parametersOf(url, body, request.headers["content-type"]);
        const entry = log.record({
            time: new Date().toISOString(),
            method,
            func: params.func,
            out: params.out,
            url: `${url.pathname}${url.search}`,
            body,
            params,
            status: 0,
        });

        const fault = faults.take({ method, path: url.pathname, taskCode: params.func });
        if (fault?.kind === "reset" && fault.when !== "after") {
            entry.status = -1;
            request.socket.destroy();
            return;
        }
        if (fault?.kind === "delay") await sleep(fault.ms ?? 1000);
        if (fault?.kind === "status") {
            entry.status = fault.status ?? 503;
            const headers: Record<string, string> = { "content-type": "text/plain" };
            if (fault.status === 429) headers["retry-after"] = String(fault.retryAfterSeconds ?? 1);
            response.writeHead(entry.status, headers);
            response.end(fault.status === 429 ? "Too Many Requests" : "Service Unavailable");
            return;
        }

        let outcome: Outcome;
        const separator = (params.authinfo ?? "").indexOf(":");
        const givenUser = separator >= 0 ? params.authinfo.slice(0, separator) : "";
        const givenPassword = separator >= 0 ? params.authinfo.slice(separator + 1) : "";
        try {
            if (givenUser !== user || givenPassword !== password)
                throw new BillError({ type: "auth", msg: "Authorization failed: wrong user name or password" });
            if (settings.twoFactorAccount) throw new BillError(twoFactorRefusal);
            await model.advance();
            outcome = await callFunction(model, params.func, params);
        } catch (error) {
            if (!(error instanceof BillError)) throw error;
            outcome = { document: { error: error.error } };
            entry.errorType = error.error.type;
        }
        if (settings.latencyMs > 0) await sleep(settings.latencyMs);
        const answer =
            "file" in outcome
                ? { contentType: outcome.contentType, body: outcome.file }
                : render(outcome.document, params.out);
        entry.status = 200;
        if (fault?.kind === "reset") {
            // Processed (an order is placed) but the answer is lost: the ambiguous failure clients must survive.
            entry.status = -1;
            request.socket.destroy();
            return;
        }
        if (fault?.kind === "malformed") {
            response.writeHead(200, { "content-type": answer.contentType });
            response.end(answer.body.slice(0, Math.max(1, Math.floor(answer.body.length / 3))));
            return;
        }
        response.writeHead(200, { "content-type": answer.contentType });
        response.end(answer.body);
    }

    await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const base = `http://${options.host ?? "127.0.0.1"}:${port}`;
    return {
        url: `${base}/billmgr`,
        adminUrl: `${base}/__simulator`,
        user,
        password,
        port,
        ca,
        model,
        faults,
        close: async () => {
            for (const socket of sockets) socket.destroy();
            await new Promise<void>((resolve) => server.close(() => resolve()));
        },
    };
}
