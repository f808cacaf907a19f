import {
    ApiErrorDetails,
    ApiValidationError,
    AuthenticationError,
    MalformedResponseError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    SslManagerError,
} from "../../errors";
import { Envelope, isSuccessStatus } from "../envelope";
import { retryAfterMilliseconds } from "./http";

/** API status codes that mean "unknown object" on InterNetX (EF02022 et al.) or our simulator's not-found code. */
const notFoundMessageCodes = /^(EF0*2022|EF0*1053|EF\d*404)$/;
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
        messages: envelope?.messages,
        rawBody: envelope ? undefined : exchange.rawBody,
    };
    const apiText = [envelope?.status.text, ...(envelope?.messages ?? []).map((message) => message.text)]
        .filter((text): text is string => Boolean(text))
        .filter((text, index, all) => all.indexOf(text) === index)
        .join("; ");
    const codes = [envelope?.status.code, firstMessage?.code].filter(Boolean).join("/");
    const describe = (fallback: string) =>
        `${task} failed: ${apiText || fallback} (HTTP ${httpStatus}${codes ? `, ${codes}` : ""}${envelope?.stid ? `, stid ${envelope.stid}` : ""})`;

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
    const messageCodes = (envelope?.messages ?? []).map((message) => message.code ?? "");
    if (httpStatus === 404 || messageCodes.some((code) => notFoundMessageCodes.test(code))) {
        return new NotFoundError(describe("object not found"), details);
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
): Envelope {
    if (exchange.statusCode >= 200 && exchange.statusCode < 300) {
        if (!envelope) {
            throw new MalformedResponseError(`${task}: the API answered HTTP ${exchange.statusCode} with a body that is not a response envelope`, {
                task,
                httpStatus: exchange.statusCode,
                rawBody,
                retryable: true,
            });
        }
        if (isSuccessStatus(envelope.status)) return envelope;
    }
    throw errorFromExchange({ task, httpStatus: exchange.statusCode, headers: exchange.headers, envelope, rawBody });
}
