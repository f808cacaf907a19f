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

export function notFound(taskCode: string, what: string, id: string): SimulatorApiError {
    return new SimulatorApiError(404, `E${taskCode}`, `${what} could not be found.`, [{ text: `${what} ${id} does not exist.`, code: "EF02022" }]);
}

export function invalid(taskCode: string, field: string, reason: string): SimulatorApiError {
    return new SimulatorApiError(400, `E${taskCode}`, "The request is invalid.", [{ text: `${field}: ${reason}`, code: "EF01010" }]);
}
