/**
 * An API error the simulator answers with: the HTTP status, the status block and the messages, rendered as the
 * JSON envelope or the XML `<result>` by the protocol handlers.
 */
export class SimulatorApiError extends Error {
    constructor(
        readonly httpStatus: number,
        readonly statusCode: string,
        readonly statusText: string,
        readonly messages: { text: string; code: string }[] = [],
    ) {
        super(statusText);
    }
}

export function authenticationError(): SimulatorApiError {
    return new SimulatorApiError(401, "E0003", "Authentication error.", [{ text: "Authentication failed: wrong user, password or context.", code: "EF0003" }]);
}

/**
 * The right user and password in another context: the API does not know the user there (go-acme/lego issue 2080:
 * "If user is not sending the context he will always receive user not found response"). Status and code as for a
 * failed login; the words are the report's (inferred).
 */
export function unknownUserInContext(): SimulatorApiError {
    return new SimulatorApiError(401, "E0003", "Authentication error.", [{ text: "User not found.", code: "EF0003" }]);
}

export function notFound(taskCode: string, what: string, id: string): SimulatorApiError {
    return new SimulatorApiError(404, `E${taskCode}`, `${what} could not be found.`, [{ text: `${what} ${id} does not exist.`, code: "EF02022" }]);
}

export function invalid(taskCode: string, field: string, reason: string): SimulatorApiError {
    return new SimulatorApiError(400, `E${taskCode}`, "The request is invalid.", [{ text: `${field}: ${reason}`, code: "EF01010" }]);
}

/**
 * A task the user's ACLs do not allow. InterNetX documents no such answer for the certificate tasks: the shape is the
 * one recorded for gateway errors (a message with an `EF…` code and the status block, acmesh-official/acme.sh issue
 * 5317), HTTP 403 over JSON; the codes and texts are inferred (docs/wire-format.md "Comment Update").
 */
export function permissionDenied(taskCode: string): SimulatorApiError {
    return new SimulatorApiError(403, `E${taskCode}`, "Access denied.", [{ text: `The user's ACLs do not allow task ${taskCode}.`, code: "EF00003" }]);
}
