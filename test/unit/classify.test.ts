import {
    ApiValidationError,
    AuthenticationError,
    MalformedResponseError,
    NotFoundError,
    RateLimitedError,
    RenewalTooEarlyError,
    ServerError,
    SslManagerError,
    TransportError,
} from "../../provider/errors";
import { authenticationHint, internetxErrorCodes } from "../../provider/internetx/transport/errorCodes";
import { billmanagerErrorCodes, twoFactorHint } from "../../provider/ispmanager/errorCodes";
import {
    ErrorCodeTable,
    errorFromAnswer,
    errorFromNetworkFailure,
    FailedAnswer,
    retryAfterMilliseconds,
} from "../../provider/shared/transport/classify";
import { expect } from "../support/client";

type ErrorClass = new (...args: never[]) => SslManagerError;

/** An InterNetX answer: envelope status code and message codes, stid and ctid (quoted after the HTTP status). */
function internetxAnswer(httpStatus: number, codes: string[], headers: Record<string, string> = {}): FailedAnswer {
    const hasDocument = codes.length > 0;
    return {
        details: hasDocument
            ? {
                  task: "CertificateInfo",
                  httpStatus,
                  statusCode: codes[0],
                  statusType: "ERROR",
                  statusText: "Certificate data could not be inquired.",
                  messages: codes.slice(1).map((code) => ({ code, type: "ERROR" })),
                  stid: "20261201-stid",
                  ctid: "sslm-1",
              }
            : { task: "CertificateInfo", httpStatus, ctid: "sslm-1", rawBody: "<html>" },
        headers,
        hasDocument,
    };
}

/** A BILLmanager answer: error type and the object it names (quoted after the HTTP status). */
function billmanagerAnswer(
    httpStatus: number,
    type?: string,
    object = "elid",
    text = "Certificate 7 not found",
): FailedAnswer {
    return {
        details: type
            ? {
                  task: "certificate.edit",
                  httpStatus,
                  statusCode: type,
                  statusType: "ERROR",
                  statusText: text,
                  messages: [{ text, code: type, objects: [object] }],
              }
            : { task: "certificate.edit", httpStatus, rawBody: "not found" },
        headers: {},
        hasDocument: type !== undefined,
    };
}

const rows: [string, FailedAnswer, ErrorCodeTable, ErrorClass, string][] = [
    [
        "InterNetX: HTTP 429",
        internetxAnswer(429, []),
        internetxErrorCodes,
        RateLimitedError,
        "CertificateInfo failed: rate limited (HTTP 429, ctid sslm-1)",
    ],
    [
        "InterNetX: HTTP 503 with an envelope",
        internetxAnswer(503, ["E0500"]),
        internetxErrorCodes,
        ServerError,
        "CertificateInfo failed: Certificate data could not be inquired. (HTTP 503, E0500, stid 20261201-stid, ctid sslm-1)",
    ],
    [
        "InterNetX: HTTP 401",
        internetxAnswer(401, ["E0003", "EF0003"]),
        internetxErrorCodes,
        AuthenticationError,
        `CertificateInfo failed: Certificate data could not be inquired. (HTTP 401, E0003/EF0003, stid 20261201-stid, ctid sslm-1); ${authenticationHint}`,
    ],
    [
        "InterNetX: E0003 inside HTTP 200",
        internetxAnswer(200, ["E0003"]),
        internetxErrorCodes,
        AuthenticationError,
        `CertificateInfo failed: Certificate data could not be inquired. (HTTP 200, E0003, stid 20261201-stid, ctid sslm-1); ${authenticationHint}`,
    ],
    [
        "InterNetX: HTTP 404 with an envelope",
        internetxAnswer(404, ["E400104", "EF99999"]),
        internetxErrorCodes,
        NotFoundError,
        "CertificateInfo failed: Certificate data could not be inquired. (HTTP 404, E400104/EF99999, stid 20261201-stid, ctid sslm-1)",
    ],
    [
        "InterNetX: EF300101 at HTTP 400",
        internetxAnswer(400, ["E300114", "EF300101"]),
        internetxErrorCodes,
        NotFoundError,
        "CertificateInfo failed: Certificate data could not be inquired. (HTTP 400, E300114/EF300101, stid 20261201-stid, ctid sslm-1)",
    ],
    [
        "InterNetX: EF02022 (a duplicate entry) at HTTP 400",
        internetxAnswer(400, ["E400104", "EF02022"]),
        internetxErrorCodes,
        ApiValidationError,
        "CertificateInfo failed: Certificate data could not be inquired. (HTTP 400, E400104/EF02022, stid 20261201-stid, ctid sslm-1)",
    ],
    [
        "InterNetX: EF4001012",
        internetxAnswer(400, ["E400106", "EF4001012"]),
        internetxErrorCodes,
        RenewalTooEarlyError,
        "CertificateInfo failed: Certificate data could not be inquired. (HTTP 400, E400106/EF4001012, stid 20261201-stid, ctid sslm-1)",
    ],
    [
        "InterNetX: HTTP 404 without an envelope",
        internetxAnswer(404, []),
        internetxErrorCodes,
        MalformedResponseError,
        "CertificateInfo failed: unexpected response body (HTTP 404, ctid sslm-1)",
    ],
    [
        "InterNetX: an unknown code",
        internetxAnswer(400, ["E400101", "EF01010"]),
        internetxErrorCodes,
        ApiValidationError,
        "CertificateInfo failed: Certificate data could not be inquired. (HTTP 400, E400101/EF01010, stid 20261201-stid, ctid sslm-1)",
    ],
    [
        "BILLmanager: HTTP 429",
        billmanagerAnswer(429),
        billmanagerErrorCodes,
        RateLimitedError,
        "certificate.edit failed: rate limited (HTTP 429)",
    ],
    [
        "BILLmanager: HTTP 502 without a document",
        billmanagerAnswer(502),
        billmanagerErrorCodes,
        ServerError,
        "certificate.edit failed: server error (HTTP 502)",
    ],
    [
        "BILLmanager: error type auth",
        billmanagerAnswer(200, "auth"),
        billmanagerErrorCodes,
        AuthenticationError,
        `certificate.edit failed: Certificate 7 not found (HTTP 200, auth elid); ${twoFactorHint}`,
    ],
    [
        "BILLmanager: HTTP 403 without a document",
        billmanagerAnswer(403),
        billmanagerErrorCodes,
        AuthenticationError,
        `certificate.edit failed: authentication failed (HTTP 403); ${twoFactorHint}`,
    ],
    [
        "BILLmanager: error type missed",
        billmanagerAnswer(200, "missed"),
        billmanagerErrorCodes,
        NotFoundError,
        "certificate.edit failed: Certificate 7 not found (HTTP 200, missed elid)",
    ],
    [
        "BILLmanager: error type missed naming func (an unknown function)",
        billmanagerAnswer(200, "missed", "func", "Unknown function 'certificate.edit'"),
        billmanagerErrorCodes,
        ApiValidationError,
        "certificate.edit failed: Unknown function 'certificate.edit' (HTTP 200, missed func)",
    ],
    [
        "BILLmanager: HTTP 404 without a document",
        billmanagerAnswer(404),
        billmanagerErrorCodes,
        MalformedResponseError,
        "certificate.edit failed: unexpected response body (HTTP 404)",
    ],
    [
        "BILLmanager: an InterNetX code",
        billmanagerAnswer(200, "EF4001012"),
        billmanagerErrorCodes,
        ApiValidationError,
        "certificate.edit failed: Certificate 7 not found (HTTP 200, EF4001012 elid)",
    ],
    [
        "BILLmanager: error type value",
        billmanagerAnswer(200, "value"),
        billmanagerErrorCodes,
        ApiValidationError,
        "certificate.edit failed: Certificate 7 not found (HTTP 200, value elid)",
    ],
];

describe("one error ladder, driven by each backend's code table", () => {
    for (const [situation, answer, table, errorClass, message] of rows) {
        it(`makes ${errorClass.name} of ${situation}, quoting what the API said`, () => {
            const error = errorFromAnswer(answer, table);
            expect(error).to.be.instanceOf(errorClass);
            expect(error.message).to.equal(message);
            expect(error.toJSON()).to.deep.include({
                task: answer.details.task,
                httpStatus: answer.details.httpStatus,
                statusCode: answer.details.statusCode,
                statusText: answer.details.statusText,
                stid: answer.details.stid,
                ctid: answer.details.ctid,
            });
            expect(error.rawBody).to.equal(answer.details.rawBody);
        });
    }

    it("keeps each backend's words to itself: an InterNetX code means nothing to BILLmanager and a BILLmanager type nothing to InterNetX", () => {
        expect(errorFromAnswer(internetxAnswer(200, ["missed"]), internetxErrorCodes)).to.be.instanceOf(
            ApiValidationError,
        );
        expect(errorFromAnswer(billmanagerAnswer(200, "E0003"), billmanagerErrorCodes)).to.be.instanceOf(
            ApiValidationError,
        );
    });

    it("marks 429 and 5xx retryable and refusals not, with the delay a Retry-After asked for", () => {
        const limited = errorFromAnswer(
            internetxAnswer(429, [], { "retry-after": "3" }),
            internetxErrorCodes,
        ) as RateLimitedError;
        expect([limited.retryable, limited.retryAfterMs]).to.deep.equal([true, 3000]);
        expect(errorFromAnswer(billmanagerAnswer(503), billmanagerErrorCodes).retryable).to.equal(true);
        expect(errorFromAnswer(billmanagerAnswer(200, "value"), billmanagerErrorCodes).retryable).to.equal(false);
        expect(retryAfterMilliseconds("Tue, 01 Dec 2026 12:00:05 GMT", new Date("2026-12-01T12:00:00Z"))).to.equal(
            5000,
        );
        expect(retryAfterMilliseconds("soon")).to.equal(undefined);
    });

    it("tells a request the server never saw from one it may have acted on, and quotes only the URL's path", () => {
        const call = {
            task: "certificate.order.param",
            method: "GET" as const,
            url: "https://billing.example/billmgr?authinfo=user:secret",
        };
        const refused = errorFromNetworkFailure(call, Object.assign(new Error("connect"), { code: "ECONNREFUSED" }));
        const reset = errorFromNetworkFailure(
            call,
            new Error("fetch failed", { cause: Object.assign(new Error("socket"), { code: "ECONNRESET" }) }),
        );
        const untrusted = errorFromNetworkFailure(
            call,
            Object.assign(new Error("tls"), { code: "SELF_SIGNED_CERT_IN_CHAIN" }),
        );
        expect([refused, reset, untrusted].every((error) => error instanceof TransportError)).to.equal(true);
        expect([
            refused.requestSent,
            refused.retryable,
            reset.requestSent,
            reset.retryable,
            untrusted.requestSent,
            untrusted.retryable,
        ]).to.deep.equal([false, true, true, true, false, false]);
        expect(refused.message).to.equal("certificate.order.param: GET /billmgr failed (ECONNREFUSED)");
        expect(reset.message).to.equal(
            "certificate.order.param: GET /billmgr failed (ECONNRESET); the server may have received the request",
        );
    });
});
