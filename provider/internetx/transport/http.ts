import { Agent, request } from "undici";
import { TransportError } from "../../errors";

/** What one HTTP exchange produced, before any interpretation. */
export interface HttpExchange {
    statusCode: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
    /** The body as received, for answers that are files (a BILLmanager certificate download can be a zip). */
    bodyBytes?: Buffer;
}

export interface HttpCall {
    method: "GET" | "POST" | "PUT" | "DELETE";
    url: string;
    headers: Record<string, string>;
    body?: string;
    task: string;
}

export interface HttpOptions {
    /** Per-request limit for headers and body, in milliseconds. */
    timeoutMs: number;
    /** Extra trusted CA (PEM) for a server with a private CA, e.g. the simulator over HTTPS. Verification stays on. */
    caCertificatePem?: string;
}

/** Undici error codes raised before a byte of the request reached the server: repeating is always safe. */
const notSentCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT", "EHOSTUNREACH", "ENETUNREACH"]);

/** TLS verification failures: nothing was sent, and repeating cannot help (the certificate will not change). */
const tlsVerificationCodes = new Set([
    "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    "UNABLE_TO_GET_ISSUER_CERT",
    "SELF_SIGNED_CERT_IN_CHAIN",
    "DEPTH_ZERO_SELF_SIGNED_CERT",
    "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    "CERT_HAS_EXPIRED",
    "CERT_NOT_YET_VALID",
    "ERR_TLS_CERT_ALTNAME_INVALID",
]);

function errorCode(error: unknown): string | undefined {
    let current: unknown = error;
    for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
        const code = (current as { code?: unknown }).code;
        if (typeof code === "string") return code;
        current = (current as { cause?: unknown }).cause;
    }
    return undefined;
}

/** Sends HTTP requests over one keep-alive connection pool. Credentials are in `headers`/`body` and never reach an error. */
export class HttpSender {
    private readonly agent: Agent;

    constructor(private readonly options: HttpOptions) {
        this.agent = new Agent({
            connections: 16,
            headersTimeout: options.timeoutMs,
            bodyTimeout: options.timeoutMs,
            connect: options.caCertificatePem ? { ca: options.caCertificatePem } : undefined,
        });
    }

    async send(call: HttpCall): Promise<HttpExchange> {
        try {
            const response = await request(call.url, {
                method: call.method,
                headers: call.headers,
                body: call.body,
                dispatcher: this.agent,
            });
            const bodyBytes = Buffer.from(await response.body.arrayBuffer());
            return { statusCode: response.statusCode, headers: response.headers, body: bodyBytes.toString("utf8"), bodyBytes };
        } catch (error) {
            const code = errorCode(error) ?? "UNKNOWN";
            const tlsRefused = tlsVerificationCodes.has(code);
            const requestSent = !notSentCodes.has(code) && !tlsRefused;
            // Only the code goes into the message: undici messages can quote the URL, which is safe, but never the headers.
            throw new TransportError(
                `${call.task}: ${call.method} ${new URL(call.url).pathname} failed (${code})${requestSent ? "; the server may have received the request" : ""}`,
                { task: call.task, requestSent, cause: code, retryable: !tlsRefused },
            );
        }
    }

    async close(): Promise<void> {
        await this.agent.close();
    }
}

/** Parses a Retry-After header (seconds or HTTP date) into milliseconds. */
export function retryAfterMilliseconds(value: string | string[] | undefined, now: Date = new Date()): number | undefined {
    const text = Array.isArray(value) ? value[0] : value;
    if (!text) return undefined;
    const seconds = Number(text);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}
