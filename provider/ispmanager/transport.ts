import { MalformedResponseError, SslManagerError } from "../errors";
import { errorFromAnswer } from "../shared/transport/classify";
import type { HttpExchange } from "../shared/transport/exchange";
import { HttpSender } from "../shared/transport/http";
import { redact, truncate } from "../redact";
import { ResolvedClientOptions } from "./config";
import { BillDocument, parseDocument } from "./document";
import { billmanagerErrorCodes } from "./errorCodes";
import { BillRequest } from "./functions";

/**
 * Parameters as the document writes them: `name=value` joined by `&`, every value percent-encoded so that a space is
 * `%20` ("Reselling SSL certificates": "For GET requests use "%20" instead of a space"; in a POST body `%20` reads as
 * the space itself). `authinfo` keeps its colon: `authinfo=EMAIL:PASSWORD`.
 */
export function encodeParameters(parameters: ReadonlyArray<readonly [string, string]>): string {
    return parameters
        .map(([name, value]) =>
            name === "authinfo"
                ? `authinfo=${value.split(":").map(encodeURIComponent).join(":")}`
                : `${name}=${encodeURIComponent(value)}`,
        )
        .join("&");
}

/** Moved to errorCodes.ts with the other words of BILLmanager's errors; exported here as before. */
export { twoFactorHint } from "./errorCodes";

/**
 * Sent with every request: BILLmanager words messages and status texts in the request's language (`lang`, as public
 * clients send it with `out=bjson`), and English keeps the texts this client reads stable.
 */
export const requestLanguage = "en";

/**
 * The one place where a BILLmanager answer becomes data or a typed error. It never throws anything but SslManagerError,
 * and no credential reaches an error: the password travels inside `authinfo`, so every text taken from the answer is
 * redacted and no URL with a query is ever quoted.
 */
export class BillTransport {
    private readonly sender: HttpSender;

    constructor(private readonly options: ResolvedClientOptions) {
        this.sender = new HttpSender({
            timeoutMs: options.timeoutMs,
            caCertificatePem: options.caCertificatePem,
            observer: options.exchangeObserver,
        });
    }

    get method(): "GET" | "POST" {
        return this.options.method;
    }

    /** The request line and body for a call; exported through the client for the wire tests. */
    httpCall(request: BillRequest): {
        method: "GET" | "POST";
        url: string;
        body?: string;
        headers: Record<string, string>;
    } {
        const parameters: [string, string][] = [["authinfo", `${this.options.user}:${this.options.password}`]];
        if (!request.raw) parameters.push(["out", this.options.format]);
        parameters.push(["lang", requestLanguage]);
        parameters.push(["func", request.func]);
        for (const [name, value] of Object.entries(request.params ?? {}))
            if (value !== undefined) parameters.push([name, value]);
        const encoded = encodeParameters(parameters);
        if (this.options.method === "GET")
            return {
                method: "GET",
                url: `${this.options.url}?${encoded}`,
                headers: { accept: "application/json, text/xml, */*" },
            };
        return {
            method: "POST",
            url: this.options.url,
            body: encoded,
            headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json, text/xml, */*" },
        };
    }

    /** A function answering a document (`out=bjson`/`out=json`). */
    async send(request: BillRequest): Promise<BillDocument> {
        const exchange = await this.exchange(request);
        const document = parseDocument(exchange.body, this.options.format) ?? parseDocument(exchange.body, "xml");
        return this.accept(request, exchange, document);
    }

    /** `certificate.file`: the file itself (bytes: it may be a zip) on success, a document (XML by default) on failure. */
    async sendRaw(request: BillRequest): Promise<Buffer> {
        const exchange = await this.exchange({ ...request, raw: true });
        const trimmed = exchange.body.trimStart();
        const looksLikeDocument = trimmed.startsWith("<?xml") || trimmed.startsWith("<doc") || trimmed.startsWith("{");
        const bytes = exchange.bodyBytes ?? Buffer.from(exchange.body, "utf8");
        if (exchange.statusCode >= 200 && exchange.statusCode < 300 && !looksLikeDocument && bytes.length > 0)
            return bytes;
        const document = looksLikeDocument
            ? (parseDocument(exchange.body, "xml") ??
              parseDocument(exchange.body, "bjson") ??
              parseDocument(exchange.body, "json"))
            : undefined;
        this.accept(request, exchange, document);
        throw new MalformedResponseError(`${request.func}: the answer carries no file`, {
            task: request.func,
            httpStatus: exchange.statusCode,
            rawBody: this.redacted(exchange.body),
        });
    }

    close(): Promise<void> {
        return this.sender.close();
    }

    private async exchange(request: BillRequest): Promise<HttpExchange> {
        const call = this.httpCall(request);
        // HttpSender quotes only the path of the URL in its errors, never the query that holds authinfo on GET.
        return this.sender.send({
            task: request.func,
            method: call.method,
            url: call.url,
            headers: call.headers,
            body: call.body,
        });
    }

    private redacted(text: string): string {
        return truncate(redact(text, [this.options.password]));
    }

    private accept(request: BillRequest, exchange: HttpExchange, document: BillDocument | undefined): BillDocument {
        const success = exchange.statusCode >= 200 && exchange.statusCode < 300;
        if (success && document && !document.error) return document;
        if (success && !document) {
            throw new MalformedResponseError(
                `${request.func}: the billing system answered HTTP ${exchange.statusCode} with a body that is not a ${this.options.format} document`,
                {
                    task: request.func,
                    httpStatus: exchange.statusCode,
                    rawBody: this.redacted(exchange.body),
                    retryable: true,
                },
            );
        }
        throw this.errorFor(request, exchange, document);
    }

    /** The shared error ladder with BILLmanager's error types (errorCodes.ts). Never throws: an unreadable body falls back to the HTTP status. */
    private errorFor(
        request: BillRequest,
        exchange: HttpExchange,
        document: BillDocument | undefined,
    ): SslManagerError {
        const error = document?.error;
        const message = error ? redact(error.message, [this.options.password]) : undefined;
        return errorFromAnswer(
            {
                details: {
                    task: request.func,
                    httpStatus: exchange.statusCode,
                    statusCode: error?.type,
                    statusType: error ? "ERROR" : undefined,
                    statusText: message,
                    messages: error
                        ? [{ text: message, code: error.type, objects: error.object ? [error.object] : [] }]
                        : [],
                    rawBody: error ? undefined : this.redacted(exchange.body),
                },
                headers: exchange.headers,
                hasDocument: error !== undefined,
            },
            billmanagerErrorCodes,
        );
    }
}
