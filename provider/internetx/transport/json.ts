import { redact, truncate } from "../../redact";
import { userAgent } from "../../shared/transport/userAgent";
import { Envelope, envelopeSchema } from "../envelope";
import { TaskName, TaskRequest } from "../tasks";
import { acceptEnvelope } from "./classify";
import { HttpOptions, HttpSender } from "../../shared/transport/http";
import { Credentials, Transport } from "./transport";

type Method = "GET" | "POST" | "PUT" | "DELETE";

/** Routes of the JSON API (swagger paths; InterNetX's help pages "Ordering SSL Certificates" and "Reissue Certificate" for the ordering flow). */
const routes: Record<TaskName, { method: Method; path: (id: string) => string }> = {
    SslContactCreate: { method: "POST", path: () => "/sslcontact" },
    SslContactUpdate: { method: "PUT", path: (id) => `/sslcontact/${id}` },
    SslContactDelete: { method: "DELETE", path: (id) => `/sslcontact/${id}` },
    SslContactInfo: { method: "GET", path: (id) => `/sslcontact/${id}` },
    SslContactList: { method: "POST", path: () => "/sslcontact/_search" },
    // The routes table of InterNetX help "Ordering SSL Certificates" says `/certiicate/prepareOrder`; the examples and the swagger use `_prepareOrder`.
    CertificatePrepareOrder: { method: "POST", path: () => "/certificate/_prepareOrder" },
    CertificateCreate: { method: "POST", path: () => "/certificate" },
    CertificateReissue: { method: "PUT", path: (id) => `/certificate/${id}` },
    CertificateDelete: { method: "DELETE", path: (id) => `/certificate/${id}` },
    CertificateInfo: { method: "GET", path: (id) => `/certificate/${id}` },
    CertificateList: { method: "POST", path: () => "/certificate/_search" },
    CertificateRenew: { method: "PUT", path: (id) => `/certificate/${id}/_renew` },
    CertificateRevoke: { method: "POST", path: (id) => `/certificate/${id}/_revoke` },
    CertificateCommentUpdate: { method: "PUT", path: (id) => `/certificate/${id}/_comment` },
    JobInfo: { method: "GET", path: (id) => `/job/${id}` },
    JobList: { method: "POST", path: () => "/job/_search" },
    JobHistoryList: { method: "POST", path: () => "/job/history/_search" },
    PollInfo: { method: "GET", path: () => "/poll" },
    PollConfirm: { method: "PUT", path: (id) => `/poll/${id}` },
};

/** The JSON API's request line for a task; exported for the wire tests. */
export function jsonRoute(request: TaskRequest): { method: Method; path: string } {
    const route = routes[request.task];
    return {
        method: route.method,
        path: `${route.path(encodeURIComponent(request.id ?? ""))}${keysQuery(request.keys)}`,
    };
}

/** `?keys[]=comment&keys[]=…`: the swagger's `keys` (collectionFormat multi) as InterNetX's js- and php-domainrobot-sdk write it. */
function keysQuery(keys: string[] | undefined): string {
    return keys && keys.length > 0 ? `?${keys.map((key) => `keys[]=${encodeURIComponent(key)}`).join("&")}` : "";
}

/** The one place where a JSON API response becomes an envelope or a typed error. */
export class JsonTransport implements Transport {
    readonly protocol = "json" as const;
    private readonly sender: HttpSender;

    constructor(
        private readonly baseUrl: string,
        private readonly credentials: Credentials,
        httpOptions: HttpOptions,
        private readonly extraHeaders: Record<string, string> = {},
    ) {
        this.sender = new HttpSender(httpOptions);
    }

    async send(request: TaskRequest): Promise<Envelope> {
        const { method, path } = jsonRoute(request);
        const authorization = Buffer.from(`${this.credentials.user}:${this.credentials.password}`).toString("base64");
        const exchange = await this.sender.send({
            task: request.task,
            method,
            url: `${this.baseUrl.replace(/\/+$/, "")}${path}`,
            headers: {
                authorization: `Basic ${authorization}`,
                "x-domainrobot-context": this.credentials.context,
                accept: "application/json",
                "user-agent": userAgent,
                // The client transaction id header of InterNetX's js-domainrobot-sdk (src/lib/Headers.js).
                ...(request.ctid ? { "x-domainrobot-ctid": request.ctid } : {}),
                ...(request.body !== undefined ? { "content-type": "application/json" } : {}),
                ...this.extraHeaders,
            },
            body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
        });
        const rawBody = truncate(redact(exchange.body, [this.credentials.password]));
        const envelope = parseEnvelope(exchange.body);
        return acceptEnvelope(request.task, exchange, envelope, rawBody, request.ctid, [this.credentials.password]);
    }

    close(): Promise<void> {
        return this.sender.close();
    }
}

function parseEnvelope(body: string): Envelope | undefined {
    try {
        const parsed = envelopeSchema.safeParse(JSON.parse(body));
        return parsed.success ? parsed.data : undefined;
    } catch {
        return undefined;
    }
}
