/**
 * An API error the simulator answers with: the HTTP status, the status block and the messages, rendered as the
 * JSON envelope or the XML `<result>` by the protocol handlers.
 */
export class SimulatorApiError extends Error {
    constructor(
        readonly httpStatus: number,
        readonly statusCode: string,
        readonly statusText: string,
        readonly messages: { text: string; code?: string }[] = [],
        /** An object the request names does not exist (notFound): answered as SimulatorSettings.refusesMissingObjects says. */
        readonly missingObject = false,
    ) {
        super(statusText);
    }
}

export function authenticationError(): SimulatorApiError {
    return new SimulatorApiError(401, "E0003", "Authentication error.", [
        { text: "Authentication failed: wrong user, password or context.", code: "EF0003" },
    ]);
}

/**
 * The right user and password in another context: the API does not know the user there (go-acme/lego issue 2080:
 * "If user is not sending the context he will always receive user not found response"). Status and code as for a
 * failed login; the words are the report's (inferred).
 */
export function unknownUserInContext(): SimulatorApiError {
    return new SimulatorApiError(401, "E0003", "Authentication error.", [{ text: "User not found.", code: "EF0003" }]);
}

/**
 * An object the request names does not exist. Over JSON HTTP 404 with the error envelope ("JSON API Basics": INFO is
 * GET /<object group>/<identifier>; a 404 names no such object); over XML a plain error document with HTTP 200, as
 * the gateway answers every error. InterNetX publishes no code for it: the status code `E<task code>` is *inferred*,
 * and the message carries no code. (`EF02022`, once used here, is a duplicate entry in a real AutoDNS answer:
 * go-acme/lego providers/dns/autodns/internal/fixtures/error.json.) With `refusesMissingObjects` the JSON answer is
 * HTTP 400 instead, the other reading the evidence leaves open.
 */
export function notFound(taskCode: string, what: string, id: string): SimulatorApiError {
    return new SimulatorApiError(
        404,
        `E${taskCode}`,
        `${what} could not be found.`,
        [{ text: `${what} ${id} does not exist.` }],
        true,
    );
}

export function invalid(taskCode: string, field: string, reason: string): SimulatorApiError {
    return new SimulatorApiError(400, `E${taskCode}`, "The request is invalid.", [
        { text: `${field}: ${reason}`, code: "EF01010" },
    ]);
}

/**
 * A task the user's ACLs do not allow. InterNetX documents no such answer for the certificate tasks: the shape is the
 * one recorded for gateway errors (a message with an `EF…` code and the status block, acmesh-official/acme.sh issue
 * 5317), HTTP 403 over JSON; the codes and texts are inferred (docs/wire-format.md "Comment Update").
 */
export function permissionDenied(taskCode: string): SimulatorApiError {
    return new SimulatorApiError(403, `E${taskCode}`, "Access denied.", [
        { text: `The user's ACLs do not allow task ${taskCode}.`, code: "EF00003" },
    ]);
}
