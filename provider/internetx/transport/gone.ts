/**
 * The one table of answers that mean "the object is gone", used by `read` and `delete` (NotFoundError).
 *
 * InterNetX does not document not-found answers per object (see docs/wire-format.md). Each entry names where it
 * comes from; an answer not in this table is never taken for "gone", however much it looks like one.
 */
export interface GoneAnswer {
    /** HTTP status of the exchange; with `code` both must match. */
    httpStatus?: number;
    /** Status or message code of the API's envelope. */
    code?: string;
    source: string;
}

export const goneAnswers: readonly GoneAnswer[] = [
    { httpStatus: 404, source: "JSON API Basics: INFO is GET /object group/$identifier; HTTP 404 with an API envelope names no such object" },
    { code: "EF300101", source: "Certificate Job Info: a finished job has left Job Info (public clients then look at the certificates)" },
    { code: "EF02022", source: "object not found, as the simulator and public AutoDNS examples answer for an unknown id (inferred)" },
];

/** Whether an error answer is one of `goneAnswers`. Without an API envelope (a proxy, a wrong URL) nothing is gone. */
export function isGoneAnswer(answer: { httpStatus: number; hasEnvelope: boolean; codes: readonly string[] }): boolean {
    if (!answer.hasEnvelope) return false;
    return goneAnswers.some((entry) => {
        if (entry.code !== undefined && !answer.codes.includes(entry.code)) return false;
        if (entry.httpStatus !== undefined && entry.httpStatus !== answer.httpStatus) return false;
        return entry.code !== undefined || entry.httpStatus !== undefined;
    });
}
