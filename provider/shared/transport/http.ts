import { Agent, request } from "undici";
import { errorFromNetworkFailure } from "./classify";

import type { HttpCall, HttpExchange } from "./exchange";

export interface HttpOptions {
    /** Per-request limit for headers and body, in milliseconds. */
    timeoutMs: number;
    /** Extra trusted CA (PEM) for a server with a private CA, e.g. the simulator over HTTPS. Verification stays on. */
    caCertificatePem?: string;
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
            throw errorFromNetworkFailure(call, error);
        }
    }

    async close(): Promise<void> {
        await this.agent.close();
    }
}
