import { createServer, IncomingHttpHeaders, Server } from "node:http";
import { AddressInfo } from "node:net";

export interface RecordedRequest {
    method: string;
    url: string;
    headers: IncomingHttpHeaders;
    body: string;
}

export interface CannedResponse {
    status?: number;
    headers?: Record<string, string>;
    body: string;
}

/**
 * A loopback HTTP server that records each request and answers with the next canned response (for wire tests
 * that replay the documents' example answers). Real HTTP, no mocked functions.
 */
export class RecordingServer {
    readonly requests: RecordedRequest[] = [];
    private readonly responses: CannedResponse[] = [];
    private server?: Server;

    get url(): string {
        return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    }

    respondWith(...responses: CannedResponse[]): this {
        this.responses.push(...responses);
        return this;
    }

    async start(): Promise<this> {
        this.server = createServer((request, response) => {
            const chunks: Buffer[] = [];
            request.on("data", (chunk: Buffer) => chunks.push(chunk));
            request.on("end", () => {
                this.requests.push({
                    method: request.method!,
                    url: request.url!,
                    headers: request.headers,
                    body: Buffer.concat(chunks).toString("utf8"),
                });
                const canned = this.responses.shift() ?? { status: 500, body: "no canned response left" };
                response.writeHead(canned.status ?? 200, {
                    "content-type": "application/json",
                    ...(canned.headers ?? {}),
                });
                response.end(canned.body);
            });
        });
        await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
        return this;
    }

    async stop(): Promise<void> {
        await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    }
}
