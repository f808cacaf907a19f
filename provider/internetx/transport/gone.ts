/**
 * The one table of answers that mean "the object is gone", used by `read` and `delete` (NotFoundError). Taking an
 * answer for "gone" drops a live certificate from the stack when it is wrong, and the next `up` orders a second one:
 * so each entry rests on a public page or a real answer recorded by a third party (named in `source`), and an answer
 * not in this table is never taken for "gone", however much it looks like one.
 *
 * Not here, on evidence: `EF02022` is "Der Zusatzeintrag wurde doppelt eingetragen" (a duplicate entry, HTTP 400,
 * status E0202002) in a real AutoDNS answer recorded by go-acme/lego (`providers/dns/autodns/internal/fixtures/error.json`).
 */
export interface GoneAnswer {
    /** HTTP status of the exchange; with `code` both must match. */
    httpStatus?: number;
    /** Status or message code of the API's envelope. */
    code?: string;
    source: string;
}

export const goneAnswers: readonly GoneAnswer[] = [
    {
        httpStatus: 404,
        // The swagger documents only 200 answers; no recorded real 404 was found, so this entry rests on the page alone.
        source: 'InterNetX "JSON API Basics": INFO is GET /<object group>/<identifier>, HTTP 404 with an API envelope names no such object',
    },
    {
        code: "EF300101",
        source: 'Certificate Job Info of a finished or cancelled job: a real answer asserted by InterNetX-DL/Laravel-SSL-Manager tests/CertificateWorkflowTest.php (Job Info after Job Cancel), and read as "finished" by public XML clients (`result/msg/code`)',
    },
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
