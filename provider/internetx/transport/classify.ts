import { MalformedResponseError, SslManagerError } from "../../errors";
import { redact, redactMessages } from "../../redact";
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
    /** Secrets to remove from the API's texts and the values its messages name (the account password). */
    secrets?: ReadonlyArray<string | undefined>;
}

/** A failed exchange of either transport through the shared ladder with InterNetX's code table (errorCodes.ts). Never throws. */
export function errorFromExchange(exchange: FailedExchange): SslManagerError {
    const { envelope } = exchange;
    return errorFromAnswer(
        {
            details: {
                task: exchange.task,
                httpStatus: exchange.httpStatus,
                statusCode: envelope?.status.code,
                statusType: envelope?.status.type,
                statusText: envelope ? redact(envelope.status.text, exchange.secrets) : undefined,
                stid: envelope?.stid,
                ctid: exchange.ctid,
                messages: envelope ? redactMessages(envelope.messages, exchange.secrets) : undefined,
                rawBody: envelope ? undefined : exchange.rawBody,
            },
            headers: exchange.headers,
            hasDocument: envelope !== undefined,
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
    secrets: ReadonlyArray<string | undefined> = [],
): Envelope {
    if (exchange.statusCode >= 200 && exchange.statusCode < 300) {
        if (!envelope) {
            throw new MalformedResponseError(
                `${task}: the API answered HTTP ${exchange.statusCode} with a body that is not a response envelope`,
                {
                    task,
                    httpStatus: exchange.statusCode,
                    rawBody,
                    ctid,
                    retryable: true,
                },
            );
        }
        if (isSuccessStatus(envelope.status)) return { ...envelope, ctid: envelope.ctid ?? ctid };
    }
    throw errorFromExchange({
        task,
        httpStatus: exchange.statusCode,
        headers: exchange.headers,
        envelope,
        rawBody,
        ctid,
        secrets,
    });
}
