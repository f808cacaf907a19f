import {
    ApiErrorDetails,
    ApiValidationError,
    AuthenticationError,
    MalformedResponseError,
    NotFoundError,
    RateLimitedError,
    RenewalTooEarlyError,
    ServerError,
    SslManagerError,
} from "../../errors";
import { Envelope, isSuccessStatus } from "../envelope";
import { isGoneAnswer } from "./gone";
import { retryAfterMilliseconds } from "./http";

/** "Certificate Renew": a renewal is refused until 90 days before expiry. */
const renewalTooEarlyCode = "EF4001012";
/** Authentication failures reported inside an XML envelope with HTTP 200 (E0003; docs/wire-format.md). */
const authenticationStatusCodes = new Set(["E0003", "E0001"]);

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
 * The single decision from a failed exchange to a typed error, shared by the JSON and the XML transport.
 * It never throws: a missing or malformed body falls back to the HTTP status.
 */
export function errorFromExchange(exchange: FailedExchange): SslManagerError {
    const { envelope, httpStatus, task } = exchange;
    const firstMessage = envelope?.messages[0];
    const details: ApiErrorDetails = {
        task,
        httpStatus,
        statusCode: envelope?.status.code,
        statusType: envelope?.status.type,
        statusText: envelope?.status.text,
        stid: envelope?.stid,
        ctid: exchange.ctid,
        messages: envelope?.messages,
        rawBody: envelope ? undefined : exchange.rawBody,
    };
    const apiText = [envelope?.status.text, ...(envelope?.messages ?? []).map((message) => message.text)]
        .filter((text): text is string => Boolean(text))
        .filter((text, index, all) => all.indexOf(text) === index)
        .join("; ");
    const shownCodes = [envelope?.status.code, firstMessage?.code].filter(Boolean).join("/");
    const describe = (fallback: string) =>
        `${task} failed: ${apiText || fallback} (HTTP ${httpStatus}${shownCodes ? `, ${shownCodes}` : ""}${envelope?.stid ? `, stid ${envelope.stid}` : ""}${exchange.ctid ? `, ctid ${exchange.ctid}` : ""})`;

    if (httpStatus === 429) {
        return new RateLimitedError(describe("rate limited"), {
            ...details,
            retryAfterMs: retryAfterMilliseconds(exchange.headers["retry-after"]),
        });
    }
    if (httpStatus >= 500) return new ServerError(describe("server error"), { ...details, retryable: true });
    if (httpStatus === 401 || httpStatus === 403 || (envelope && authenticationStatusCodes.has(envelope.status.code))) {
        return new AuthenticationError(describe("authentication failed"), details);
    }
    const codes = [envelope?.status.code ?? "", ...(envelope?.messages ?? []).map((message) => message.code ?? "")].filter(Boolean);
    if (isGoneAnswer({ httpStatus, hasEnvelope: envelope !== undefined, codes })) {
        return new NotFoundError(describe("object not found"), details);
    }
    if (codes.includes(renewalTooEarlyCode)) {
        return new RenewalTooEarlyError(describe("renewal refused: the certificate can be renewed from 90 days before it expires"), details);
    }
    if (!envelope) return new MalformedResponseError(describe("unexpected response body"), { ...details, retryable: httpStatus >= 500 });
    return new ApiValidationError(describe("request refused"), details);
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
