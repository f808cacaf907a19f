import { MalformedResponseError, SslManagerError } from "../../errors";
import { errorFromAnswer } from "../../shared/transport/classify";
import { Envelope, isSuccessStatus } from "../envelope";
import { internetxErrorCodes } from "./errorCodes";

export interface FailedExchange {
    task: string;
    httpStatus: number;
    headers: Record<string, string | string[] | undefined>;
    /** The parsed envelope if the body was one, else undefined. */
    envelope?: Envelope;
    /** Redacted raw body. */
    rawBody: string;
    /** The client transaction id sent with the request. */
    ctid?: string;
}

/**
 * A failed exchange of either transport in the shared ladder's terms (shared/transport/classify.ts, with InterNetX's
 * code table): the message quotes the API's text, the status and first message code, the stid and the ctid.
 * It never throws: a missing or malformed body falls back to the HTTP status.
 */
export function errorFromExchange(exchange: FailedExchange): SslManagerError {
    const { envelope, httpStatus, task } = exchange;
    const firstMessage = envelope?.messages[0];
    const apiText = [envelope?.status.text, ...(envelope?.messages ?? []).map((message) => message.text)]
        .filter((text): text is string => Boolean(text))
        .filter((text, index, all) => all.indexOf(text) === index)
        .join("; ");
    const shownCodes = [envelope?.status.code, firstMessage?.code].filter(Boolean).join("/");
    return errorFromAnswer(
        {
            task,
            httpStatus,
            headers: exchange.headers,
            hasDocument: envelope !== undefined,
            codes: [envelope?.status.code ?? "", ...(envelope?.messages ?? []).map((message) => message.code ?? "")].filter(Boolean),
            text: apiText || undefined,
            reference: `${shownCodes ? `, ${shownCodes}` : ""}${envelope?.stid ? `, stid ${envelope.stid}` : ""}${exchange.ctid ? `, ctid ${exchange.ctid}` : ""}`,
            details: {
                statusCode: envelope?.status.code,
                statusType: envelope?.status.type,
                statusText: envelope?.status.text,
                stid: envelope?.stid,
                ctid: exchange.ctid,
                messages: envelope?.messages,
                rawBody: envelope ? undefined : exchange.rawBody,
            },
        },
        internetxErrorCodes,
    );
}

/**
 * The verdict on one exchange, for both transports: a success envelope is returned, anything else throws the
 * typed error. `rawBody` must already be redacted.
 */
export function acceptEnvelope(
    task: string,
    exchange: { statusCode: number; headers: Record<string, string | string[] | undefined> },
    envelope: Envelope | undefined,
    rawBody: string,
    ctid?: string,
): Envelope {
    if (exchange.statusCode >= 200 && exchange.statusCode < 300) {
        if (!envelope) {
            throw new MalformedResponseError(`${task}: the API answered HTTP ${exchange.statusCode} with a body that is not a response envelope`, {
                task,
                httpStatus: exchange.statusCode,
                rawBody,
                ctid,
                retryable: true,
            });
        }
        if (isSuccessStatus(envelope.status)) return { ...envelope, ctid: envelope.ctid ?? ctid };
    }
    throw errorFromExchange({ task, httpStatus: exchange.statusCode, headers: exchange.headers, envelope, rawBody, ctid });
}
