import { Agent, request } from "undici";
import { errorFromNetworkFailure } from "./classify";

import type { HttpCall, HttpExchange } from "./exchange";

/** One HTTP exchange as it happened, for an observer: the call as sent (credentials included: redact before keeping it). */
export interface ObservedExchange {
    call: HttpCall;
    startedAt: Date;
    /** The answer, when one came. */
    exchange?: HttpExchange;
    /** The failure, when no answer came (refused, reset, timed out, TLS refused). */
    error?: unknown;
}

/** Sees every exchange of a sender (`pulumi-sslmanager doctor` records them); never changes one. */
export type ExchangeObserver = (observed: ObservedExchange) => void;

export interface HttpOptions {
    /** Per-request limit for headers and body, in milliseconds. */
    timeoutMs: number;
    /** Extra trusted CA (PEM) for a server with a private CA, e.g. the simulator over HTTPS. Verification stays on. */
    caCertificatePem?: string;
    observer?: ExchangeObserver;
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
        const startedAt = new Date();
        try {
            const response = await request(call.url, {
                method: call.method,
                headers: call.headers,
                body: call.body,
                dispatcher: this.agent,
            });
            const bodyBytes = Buffer.from(await response.body.arrayBuffer());
            const exchange = {
                statusCode: response.statusCode,
                headers: response.headers,
                body: bodyBytes.toString("utf8"),
                bodyBytes,
            };
            this.options.observer?.({ call, startedAt, exchange });
            return exchange;
        } catch (error) {
            this.options.observer?.({ call, startedAt, error });
            throw errorFromNetworkFailure(call, error);
        }
    }

    async close(): Promise<void> {
        await this.agent.close();
    }
}
