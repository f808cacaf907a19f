/**
 * One error family for every backend (InterNetX JSON, InterNetX XML, BILLmanager).
 *
 * Every error carries what the API told us (HTTP status, API status code/type/text, stid, messages) and
 * whether repeating the same request can help (`retryable`). Credentials never reach an error: bodies and
 * texts pass through `redact` before they are stored (see redact.ts).
 */

/** What a message names: InterNetX `{type, value}` (swagger `GenericObject`), BILLmanager the `object` word of its error. */
export interface ApiObject {
    type?: string;
    value?: string;
}

/** One entry of the API's `messages[]` (swagger definition `Message`). */
export interface ApiMessage {
    text?: string;
    code?: string;
    type?: string;
    objects?: Array<ApiObject | string>;
}

export interface ApiErrorDetails {
    /** The task that failed, in the API's words (e.g. `CertificateCreate`). */
    task?: string;
    httpStatus?: number;
    /** API status code, e.g. `E0105` or `E0202002`. */
    statusCode?: string;
    /** API status type, e.g. `ERROR`. */
    statusType?: string;
    statusText?: string;
    stid?: string;
    /** The client transaction id we sent with the request (support tickets quote it with the stid). */
    ctid?: string;
    messages?: ApiMessage[];
    /** The response body as received, with credentials redacted; kept for malformed or unexpected bodies. */
    rawBody?: string;
    retryable?: boolean;
    cause?: unknown;
}

export type SslManagerErrorCode =
    | "API_ERROR"
    | "AUTHENTICATION_FAILED"
    | "NOT_FOUND"
    | "API_VALIDATION_FAILED"
    | "RATE_LIMITED"
    | "SERVER_ERROR"
    | "TRANSPORT_FAILED"
    | "MALFORMED_RESPONSE"
    | "INVALID_INPUT"
    | "ORDER_FAILED"
    | "RENEWAL_TOO_EARLY"
    | "WAIT_TIMED_OUT"
    | "NOT_ISSUED"
    | "ORDER_OUTCOME_UNKNOWN"
    | "CONFIGURATION_MISSING";

/** Base class: an error reported by, or about talking to, a certificate API. */
export class SslManagerError extends Error {
    override name = "SslManagerError";
    readonly code: SslManagerErrorCode = "API_ERROR";
    readonly task?: string;
    readonly httpStatus?: number;
    readonly statusCode?: string;
    readonly statusType?: string;
    readonly statusText?: string;
    readonly stid?: string;
    readonly ctid?: string;
    readonly messages: ApiMessage[];
    readonly rawBody?: string;
    readonly retryable: boolean;

    constructor(message: string, details: ApiErrorDetails = {}) {
        super(message, details.cause === undefined ? undefined : { cause: details.cause });
        this.task = details.task;
        this.httpStatus = details.httpStatus;
        this.statusCode = details.statusCode;
        this.statusType = details.statusType;
        this.statusText = details.statusText;
        this.stid = details.stid;
        this.ctid = details.ctid;
        this.messages = details.messages ?? [];
        this.rawBody = details.rawBody;
        this.retryable = details.retryable ?? false;
    }

    /** A plain summary for logs and serialized errors (never includes credentials: they were redacted on entry). */
    toJSON(): Record<string, unknown> {
        return {
            name: this.name,
            code: this.code,
            message: this.message,
            task: this.task,
            httpStatus: this.httpStatus,
            statusCode: this.statusCode,
            statusType: this.statusType,
            statusText: this.statusText,
            stid: this.stid,
            ctid: this.ctid,
            messages: this.messages,
            retryable: this.retryable,
        };
    }
}

/** Wrong user, password or context (InterNetX answers HTTP 401 / status E0101 style codes). */
export class AuthenticationError extends SslManagerError {
    override name = "AuthenticationError";
    override readonly code = "AUTHENTICATION_FAILED";
}

/** The object does not exist (e.g. CertificateInfo of a deleted certificate). */
export class NotFoundError extends SslManagerError {
    override name = "NotFoundError";
    override readonly code = "NOT_FOUND";
}

/** The answer of `work`, or undefined when the object is gone (NotFoundError): for read (empty id) and delete (success). */
export async function unlessNotFound<T>(work: Promise<T>): Promise<T | undefined> {
    try {
        return await work;
    } catch (error) {
        if (error instanceof NotFoundError) return undefined;
        throw error;
    }
}

/** The API refused the request's content (bad CSR, unknown product, invalid lifetime, ...). */
export class ApiValidationError extends SslManagerError {
    override name = "ApiValidationError";
    override readonly code = "API_VALIDATION_FAILED";
}

/** HTTP 429: the caller exceeded the gateway's request rate. */
export class RateLimitedError extends SslManagerError {
    override name = "RateLimitedError";
    override readonly code = "RATE_LIMITED";
    /** Delay the server asked for (Retry-After), in milliseconds. */
    readonly retryAfterMs?: number;
    constructor(message: string, details: ApiErrorDetails & { retryAfterMs?: number } = {}) {
        super(message, { ...details, retryable: true });
        this.retryAfterMs = details.retryAfterMs;
    }
}

/** HTTP 5xx. */
export class ServerError extends SslManagerError {
    override name = "ServerError";
    override readonly code = "SERVER_ERROR";
}

/**
 * The request did not complete at the HTTP level: connection refused or reset, timeout.
 * `requestSent` tells whether the server may have received (and acted on) the request: after a
 * reset or a timeout of a sent request the outcome is unknown, which matters for orders.
 */
export class TransportError extends SslManagerError {
    override name = "TransportError";
    override readonly code = "TRANSPORT_FAILED";
    readonly requestSent: boolean;
    constructor(message: string, details: ApiErrorDetails & { requestSent: boolean }) {
        super(message, { ...details, retryable: details.retryable ?? true });
        this.requestSent = details.requestSent;
    }
}

/** The body could not be parsed or did not have the documented shape; `rawBody` keeps it (redacted). */
export class MalformedResponseError extends SslManagerError {
    override name = "MalformedResponseError";
    override readonly code = "MALFORMED_RESPONSE";
}

/** A resource input is invalid; raised before any API call. `property` names the offending input. */
export class InvalidInputError extends SslManagerError {
    override name = "InvalidInputError";
    override readonly code = "INVALID_INPUT";
    readonly property: string;
    constructor(property: string, reason: string) {
        super(`${property}: ${reason}`);
        this.property = property;
    }
}

/**
 * The API refused a renewal because the certificate expires too late (EF4001012, "Certificate Renew": renewal is
 * possible from 90 days before expiry). Nothing was ordered.
 */
export class RenewalTooEarlyError extends SslManagerError {
    override name = "RenewalTooEarlyError";
    override readonly code = "RENEWAL_TOO_EARLY";
}

/** The CA or the reseller reported the order (job) as failed; `reason` is their text. */
export class OrderFailedError extends SslManagerError {
    override name = "OrderFailedError";
    override readonly code = "ORDER_FAILED";
    readonly jobId?: string;
    readonly reason: string;
    constructor(message: string, details: ApiErrorDetails & { jobId?: string; reason: string }) {
        super(message, details);
        this.jobId = details.jobId;
        this.reason = details.reason;
    }
}

/** The order is still pending after the allowed wait; it is not lost: waiting again resumes it. */
export class WaitTimedOutError extends SslManagerError {
    override name = "WaitTimedOutError";
    override readonly code = "WAIT_TIMED_OUT";
    readonly jobId?: string;
    readonly certificateId?: string;
    readonly lastStatus?: string;
    readonly waitedMs: number;
    constructor(
        message: string,
        details: ApiErrorDetails & { jobId?: string; certificateId?: string; lastStatus?: string; waitedMs: number },
    ) {
        super(message, { ...details, retryable: true });
        this.jobId = details.jobId;
        this.certificateId = details.certificateId;
        this.lastStatus = details.lastStatus;
        this.waitedMs = details.waitedMs;
    }
}

/**
 * An order got no answer (timed out, reset after sending) and was not found by its reference in the lookups that
 * followed: the server may still place it. Nothing is ordered again in this run; the next run looks for it first.
 */
export class OrderOutcomeUnknownError extends SslManagerError {
    override name = "OrderOutcomeUnknownError";
    override readonly code = "ORDER_OUTCOME_UNKNOWN";
    /** The reference the order carries, under which the next run looks for it. */
    readonly orderReference?: string;
    constructor(message: string, details: ApiErrorDetails & { orderReference?: string }) {
        super(message, { ...details, retryable: false });
        this.orderReference = details.orderReference;
    }
}

/** A wait that ended without the issued certificate (the job finished, the leaf is not there): the order stands. */
export class NotIssuedError extends SslManagerError {
    override name = "NotIssuedError";
    override readonly code = "NOT_ISSUED";
    readonly certificateId?: string;
    constructor(message: string, details: ApiErrorDetails & { certificateId?: string }) {
        super(message, { ...details, retryable: true });
        this.certificateId = details.certificateId;
    }
}

/** A required setting (user, password, context) was given nowhere: not in args, stack config or environment. */
export class ConfigurationMissingError extends SslManagerError {
    override name = "ConfigurationMissingError";
    override readonly code = "CONFIGURATION_MISSING";
}
