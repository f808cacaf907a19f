import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import { redact, truncate } from "../../redact";
import { userAgent } from "../../shared/transport/userAgent";
import { Envelope, envelopeSchema } from "../envelope";
import { tasks, TaskRequest } from "../tasks";
import { CDATA } from "../xml/convert";
import { isRepeated, xmlTasks } from "../xml/tasks";
import { acceptEnvelope } from "./classify";
import { HttpOptions, HttpSender } from "../../shared/transport/http";
import { Credentials, Transport } from "./transport";
import { asText } from "../../shared/text";

const builder = new XMLBuilder({
    cdataPropName: CDATA,
    format: false,
    suppressEmptyNode: false,
    processEntities: true,
});
const parser = new XMLParser({
    ignoreAttributes: true,
    // Every value stays a string: "S400201" or "0905" must never become numbers (the zod schemas convert what is a number).
    parseTagValue: false,
    trimValues: true,
    isArray: (name, path) => isRepeated(name, String(path)),
});

/** The request document for a task (InterNetX help "Ordering SSL Certificates": `<request><auth>…</auth><task><code>…</code>…</task></request>`). */
export function xmlRequestDocument(request: TaskRequest, credentials: Credentials): string {
    const document = {
        request: {
            auth: { user: credentials.user, password: credentials.password, context: credentials.context },
            task: {
                code: tasks[request.task].code,
                ...xmlTasks[request.task].payload(request),
                ...(request.ctid ? { ctid: request.ctid } : {}),
            },
        },
    };
    return `<?xml version="1.0" encoding="utf-8"?>${builder.build(document)}`;
}

type Tree = Record<string, unknown>;

/** `<response>` → the JSON API's envelope; undefined when the body is not such a document. */
export function envelopeFromXml(body: string, request: TaskRequest): Envelope | undefined {
    let document: Tree;
    // The parser is lenient with a cut-off document; a truncated answer must be malformed, not a shorter success.
    if (XMLValidator.validate(body) !== true) return undefined;
    try {
        document = parser.parse(body, true) as Tree;
    } catch {
        return undefined;
    }
    const response = document.response as Tree | undefined;
    const result = response?.result as Tree | undefined;
    const status = result?.status as Tree | undefined;
    if (!status) return undefined;
    const data = result?.data && typeof result.data === "object" ? (result.data as Tree) : {};
    // "XML API Basics" errors: `<msg><text/><code/><type/><object><type/><value/></object></msg>` (a real answer:
    // acmesh-official/acme.sh issue 5317); the object is what the gateway refused.
    const messages = ((result?.msg as Tree[] | undefined) ?? []).map((message) => ({
        text: message.text as string | undefined,
        code: message.code as string | undefined,
        type: message.type as string | undefined,
        ...(message.object !== undefined
            ? {
                  objects: ([] as unknown[])
                      .concat(message.object)
                      .filter((object) => object && typeof object === "object"),
              }
            : {}),
    }));
    const statusObject = status.object as Tree | undefined;
    const summary = data.summary ?? statusObject?.summary;
    const isError = asText(status.type ?? "").toLowerCase() === "error";
    const candidate = {
        stid: response?.stid,
        ctid: response?.ctid,
        status: { code: status.code, text: status.text ?? "", type: status.type },
        messages,
        object:
            statusObject || summary !== undefined
                ? { ...(statusObject ?? {}), ...(summary !== undefined ? { summary } : {}) }
                : undefined,
        data: isError ? [] : xmlTasks[request.task].data(data),
    };
    const parsed = envelopeSchema.safeParse(candidate);
    return parsed.success ? parsed.data : undefined;
}

/** The one place where an XML gateway response becomes an envelope or a typed error. */
export class XmlTransport implements Transport {
    readonly protocol = "xml" as const;
    private readonly sender: HttpSender;

    constructor(
        private readonly gatewayUrl: string,
        private readonly credentials: Credentials,
        httpOptions: HttpOptions,
    ) {
        this.sender = new HttpSender(httpOptions);
    }

    async send(request: TaskRequest): Promise<Envelope> {
        const exchange = await this.sender.send({
            task: request.task,
            method: "POST",
            url: this.gatewayUrl,
            // "XML API Basics": the content type is application/xml, the encoding UTF-8.
            headers: {
                "content-type": "application/xml; charset=utf-8",
                accept: "application/xml",
                "user-agent": userAgent,
            },
            body: xmlRequestDocument(request, this.credentials),
        });
        const rawBody = truncate(redact(exchange.body, [this.credentials.password]));
        const envelope = envelopeFromXml(exchange.body, request);
        return acceptEnvelope(request.task, exchange, envelope, rawBody, request.ctid, [this.credentials.password]);
    }

    close(): Promise<void> {
        return this.sender.close();
    }
}
