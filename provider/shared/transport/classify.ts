import {
    ApiErrorDetails,
    ApiMessage,
    ApiObject,
    ApiValidationError,
    AuthenticationError,
    MalformedResponseError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    SslManagerError,
    TransportError,
} from "../../errors";
import type { HttpCall } from "./exchange";

/**
 * The one ladder from a failed request to a typed error (errors.ts), for every backend: first what the network did,
 * then the HTTP status, then the API's own codes, looked up in the backend's code table. Each backend's table holds
 * only its own words (InterNetX: internetx/transport/errorCodes.ts; BILLmanager: ispmanager/errorCodes.ts).
 */

/** Undici error codes raised before a byte of the request reached the server: repeating is always safe. */
const notSentCodes = new Set([
    "ECONNREFUSED",
    "ENOTFOUND",
    "EAI_AGAIN",
    "UND_ERR_CONNECT_TIMEOUT",
    "EHOSTUNREACH",
    "ENETUNREACH",
]);

/** TLS verification failures: nothing was sent, and repeating cannot help (the certificate will not change). */
const tlsVerificationCodes = new Set([
    "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    "UNABLE_TO_GET_ISSUER_CERT",
    "SELF_SIGNED_CERT_IN_CHAIN",
    "DEPTH_ZERO_SELF_SIGNED_CERT",
    "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    "CERT_HAS_EXPIRED",
    "CERT_NOT_YET_VALID",
    "ERR_TLS_CERT_ALTNAME_INVALID",
]);

function networkErrorCode(error: unknown): string | undefined {
    let current: unknown = error;
    for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
        const code = (current as { code?: unknown }).code;
        if (typeof code === "string") return code;
        current = (current as { cause?: unknown }).cause;
    }
    return undefined;
}

/**
 * A request that got no HTTP answer (refused, reset, timed out, TLS refused). `requestSent` says whether the server may
 * have acted on it, which decides whether an order may be repeated (retry.ts). Only the error code and the URL's path
 * go into the message: a query can hold credentials (BILLmanager's `authinfo` on GET), headers always do.
 */
export function errorFromNetworkFailure(
    call: Pick<HttpCall, "task" | "method" | "url">,
    error: unknown,
): TransportError {
    const code = networkErrorCode(error) ?? "UNKNOWN";
    const tlsRefused = tlsVerificationCodes.has(code);
    const requestSent = !notSentCodes.has(code) && !tlsRefused;
    return new TransportError(
        `${call.task}: ${call.method} ${new URL(call.url).pathname} failed (${code})${requestSent ? "; the server may have received the request" : ""}`,
        { task: call.task, requestSent, cause: code, retryable: !tlsRefused },
    );
}

/** Parses a Retry-After header (seconds or HTTP date, RFC 9110) into milliseconds. */
export function retryAfterMilliseconds(
    value: string | string[] | undefined,
    now: Date = new Date(),
): number | undefined {
    const text = Array.isArray(value) ? value[0] : value;
    if (!text) return undefined;
    const seconds = Number(text);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

/** A failed answer: what the error will carry, and whether the body was the API's own answer. */
export interface FailedAnswer {
    /** The API's status code (InterNetX) or error type (BILLmanager) is `statusCode`; its messages' codes follow. */
    details: ApiErrorDetails & { task: string; httpStatus: number };
    headers: Record<string, string | string[] | undefined>;
    /** Whether the body was the API's own answer (envelope, error document); without one only the HTTP status speaks. */
    hasDocument: boolean;
}

/** An API code that means a refusal of its own kind, with the words said when the API gives no text. */
export interface CodedRefusal {
    code: string;
    error: new (message: string, details: ApiErrorDetails) => SslManagerError;
    fallback: string;
}

/**
 * A refusal that is about the credentials although its code is a general one: the code together with the kind of
 * object the message names (InterNetX `EF01000` "Missing or wrong value." naming `request.auth.context`).
 */
export interface AuthenticationObjectRefusal {
    code: string;
    objectType: RegExp;
    /** What to check, said after the API's own words. */
    hint: string;
}

/** What one backend's codes mean, and how its messages quote them. Codes not in the table are a refused request. */
export interface ErrorCodeTable {
    /** Status codes or error types meaning the credentials were refused, whatever the HTTP status. */
    authentication: ReadonlySet<string>;
    /** Said after every authentication failure, when the backend has a known cause to point at. */
    authenticationHint?: string;
    /** Message codes that are an authentication failure when they name an object of the given kind. */
    authenticationObjects?: readonly AuthenticationObjectRefusal[];
    /** Whether the answer means "the object is gone" (read: empty id, delete: done): the backend's one gone table. */
    isGone(answer: {
        httpStatus: number;
        hasDocument: boolean;
        codes: readonly string[];
        objects: readonly string[];
    }): boolean;
    /** Codes with a typed error of their own, checked in order after "gone". */
    refusals: readonly CodedRefusal[];
    /** What a message quotes after the HTTP status: the API's codes and the references support asks for. */
    reference(details: ApiErrorDetails): string;
}

/**
 * The typed error for a failed answer. It never throws: a missing or malformed body falls back to the HTTP status.
 * The order matters: a 429 or a 5xx is about the request, not its content, whatever the body says.
 */
export function errorFromAnswer(answer: FailedAnswer, table: ErrorCodeTable): SslManagerError {
    const { details, hasDocument } = answer;
    const { httpStatus, messages = [] } = details;
    const codes = [details.statusCode, ...messages.map((message) => message.code)].filter((code): code is string =>
        Boolean(code),
    );
    const apiText = [details.statusText, ...messages.map(messageWithObjects)]
        .filter((text): text is string => Boolean(text))
        .filter((text, index, all) => all.indexOf(text) === index)
        .join("; ");
    const describe = (fallback: string) =>
        `${details.task} failed: ${apiText || fallback} (HTTP ${httpStatus}${table.reference(details)})`;
    if (httpStatus === 429)
        return new RateLimitedError(describe("rate limited"), {
            ...details,
            retryAfterMs: retryAfterMilliseconds(answer.headers["retry-after"]),
        });
    if (httpStatus >= 500) return new ServerError(describe("server error"), { ...details, retryable: true });
    const objectRefusal = hasDocument
        ? authenticationObjectRefusal(messages, table.authenticationObjects ?? [])
        : undefined;
    if (
        httpStatus === 401 ||
        httpStatus === 403 ||
        (hasDocument && table.authentication.has(details.statusCode ?? "")) ||
        objectRefusal
    ) {
        const hint = objectRefusal?.hint ?? table.authenticationHint;
        const message = describe("authentication failed");
        return new AuthenticationError(hint ? `${message}; ${hint}` : message, details);
    }
    const objects = messages.flatMap((message) => (message.objects ?? []).map(objectName));
    if (table.isGone({ httpStatus, hasDocument, codes, objects }))
        return new NotFoundError(describe("object not found"), details);
    const refusal = table.refusals.find((candidate) => codes.includes(candidate.code));
    if (refusal) return new refusal.error(describe(refusal.fallback), details);
    if (!hasDocument) return new MalformedResponseError(describe("unexpected response body"), details);
    return new ApiValidationError(describe("request refused"), details);
}

/** The name of what a message points at: InterNetX's object type, or BILLmanager's object word. */
function objectName(object: ApiObject | string): string {
    return typeof object === "string" ? object : (object.type ?? "");
}

/**
 * A message's text with the objects it names (`type = value`), so an error says which value was refused. BILLmanager's
 * object words are quoted by its own `reference`, so only typed objects are added here.
 */
export function messageWithObjects(message: ApiMessage): string | undefined {
    const named = (message.objects ?? [])
        .filter(
            (object): object is ApiObject => typeof object === "object" && object !== null && object.type !== undefined,
        )
        .map((object) => (object.value !== undefined ? `${object.type} = ${object.value}` : object.type));
    if (named.length === 0) return message.text;
    return `${message.text ?? "refused"} [${named.join("; ")}]`;
}

function authenticationObjectRefusal(
    messages: readonly ApiMessage[],
    refusals: readonly AuthenticationObjectRefusal[],
): AuthenticationObjectRefusal | undefined {
    return refusals.find((refusal) =>
        messages.some(
            (message) =>
                message.code === refusal.code &&
                (message.objects ?? []).some((object) => refusal.objectType.test(objectName(object))),
        ),
    );
}
