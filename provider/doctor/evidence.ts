import { SslManagerError, TransportError } from "../errors";
import { envelopeOf, TranscriptExchange } from "./transcript";
import { asText } from "../shared/text";
import type { ExchangeRecorder } from "./recorder";

/** The evidence of an InterNetX answer: HTTP status, the API's status code and text, stid, and the transcript line. */
export function internetxAnswerEvidence(exchange: TranscriptExchange | undefined): string {
    if (!exchange) return "no request was sent";
    if (!exchange.response) return `no answer (${exchange.error}), transcript line ${exchange.line}`;
    const envelope = envelopeOf(exchange);
    if (!envelope)
        return `HTTP ${exchange.response.status}, not an InterNetX envelope (${exchange.response.headers["content-type"] ?? "no content type"}), transcript line ${exchange.line}`;
    const message = envelope.messages[0];
    return [
        `HTTP ${exchange.response.status}`,
        `${envelope.status.code} "${envelope.status.text}"`,
        ...(message ? [`${message.code ?? "message"} "${message.text ?? ""}"`] : []),
        ...(envelope.stid ? [`stid ${envelope.stid}`] : []),
        `transcript line ${exchange.line}`,
    ].join(", ");
}

/** The evidence of a BILLmanager answer: HTTP status and the error type, object and message, or `ok`. */
export function billmanagerAnswerEvidence(exchange: TranscriptExchange | undefined): string {
    if (!exchange) return "no request was sent";
    if (!exchange.response) return `no answer (${exchange.error}), transcript line ${exchange.line}`;
    const body = exchange.response.body;
    let words = `${body.length} bytes`;
    try {
        const parsed = JSON.parse(body) as Record<string, unknown>;
        const document = (parsed.doc as Record<string, unknown> | undefined) ?? parsed;
        const error = document.error as Record<string, unknown> | undefined;
        if (error) {
            const message =
                typeof error.msg === "object" && error.msg !== null
                    ? (error.msg as Record<string, unknown>).$
                    : error.msg;
            words = `error type ${asText(error.type ?? error.$type)}${(error.object ?? error.$object) ? ` object ${asText(error.object ?? error.$object)}` : ""} "${message === undefined || message === null ? "" : asText(message)}"`;
        } else if (document.ok !== undefined) {
            words = "ok";
        }
    } catch {
        // not JSON: the byte count says enough
    }
    return `HTTP ${exchange.response.status}, ${words}, transcript line ${exchange.line}`;
}

/** The evidence of a failure: what the error carries (HTTP status, status code and text, message codes, stid). */
export function errorEvidence(error: unknown): string {
    if (error instanceof TransportError) return `${error.message}`;
    if (!(error instanceof SslManagerError))
        return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const parts = [
        ...(error.httpStatus !== undefined ? [`HTTP ${error.httpStatus}`] : []),
        ...(error.statusCode ? [`${error.statusCode}${error.statusText ? ` "${error.statusText}"` : ""}`] : []),
        ...error.messages
            .filter((message) => message.code !== error.statusCode || message.text !== error.statusText)
            .map((message) => `${message.code ?? "message"} "${message.text ?? ""}"`),
        ...(error.stid ? [`stid ${error.stid}`] : []),
    ];
    return parts.length > 0 ? parts.join(", ") : `${error.name}: ${error.message}`;
}

/** One request of a check: its value or error, and the evidence of its last exchange (status code and text, stid, transcript line). */
export async function recordedStep<T>(
    recorder: ExchangeRecorder,
    work: () => Promise<T>,
): Promise<{ value?: T; error?: unknown; evidence: string }> {
    const mark = recorder.mark();
    try {
        const value = await work();
        return { value, evidence: internetxAnswerEvidence(recorder.since(mark).at(-1)) };
    } catch (error) {
        const last = recorder.since(mark).at(-1);
        return { error, evidence: `${errorEvidence(error)}${last ? `, transcript line ${last.line}` : ""}` };
    }
}
