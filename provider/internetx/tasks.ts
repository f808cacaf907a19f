import type { RequestKind } from "../shared/transport/retry";

/**
 * The InterNetX tasks this client speaks, with their XML task codes (docs/wire-format.md); the JSON routes are in
 * transport/json.ts.
 *
 * `kind` drives the retry policy: reads are retried freely; writes only when the server certainly did not
 * process them; orders (paid: create, reissue, renew) are never repeated blindly (shared/transport/retry.ts).
 */
export type TaskKind = RequestKind;

export const tasks = {
    SslContactCreate: { code: "400201", kind: "write" },
    SslContactUpdate: { code: "400202", kind: "write" },
    SslContactDelete: { code: "400203", kind: "write" },
    SslContactInfo: { code: "400204", kind: "read" },
    SslContactList: { code: "400205", kind: "read" },
    CertificatePrepareOrder: { code: "400110", kind: "read" },
    CertificateCreate: { code: "400101", kind: "order" },
    CertificateReissue: { code: "400102", kind: "order" },
    CertificateDelete: { code: "400103", kind: "write" },
    CertificateInfo: { code: "400104", kind: "read" },
    CertificateList: { code: "400105", kind: "read" },
    // "Certificate Renew": task 400106, PUT /certificate/{id}/_renew.
    CertificateRenew: { code: "400106", kind: "order" },
    // Revocation: POST /certificate/{id}/_revoke (swagger certificateRevoke); XML 4001031 as public AutoDNS XML clients send it.
    CertificateRevoke: { code: "4001031", kind: "write" },
    // swagger "Certificate Comment Update (4001024)": PUT /certificate/{id}/_comment, the one way to change the comment.
    CertificateCommentUpdate: { code: "4001024", kind: "write" },
    // "Certificate Job Info": GET /job/{id} (S300114), XML 400114 with <certificate_job><job><id/></job></certificate_job>.
    JobInfo: { code: "400114", kind: "read" },
    // "Certificate Job List": POST /job/_search (S300115), XML 400115.
    JobList: { code: "400115", kind: "read" },
    // "Managing Certificate Orders": finished orders are listed by POST /job/history/_search, XML 400135.
    JobHistoryList: { code: "400135", kind: "read" },
    PollInfo: { code: "0905", kind: "read" },
    PollConfirm: { code: "0906", kind: "write" },
} as const satisfies Record<string, { code: string; kind: TaskKind }>;

export type TaskName = keyof typeof tasks;

/** One API call, independent of the transport that carries it. */
export interface TaskRequest {
    task: TaskName;
    /** Object id for routes like `/certificate/{id}` (and the XML `<id>` element). */
    id?: string;
    /** Request body in the JSON API's words (camelCase, swagger models). */
    body?: Record<string, unknown>;
    /**
     * Additional keys a list answer should carry in each row (swagger `keys` of Certificate List: "The query parameter
     * to inquire additional details"): JSON `?keys[]=comment`, XML `<key>comment</key>` in the task.
     */
    keys?: string[];
    /** Client transaction id of this one request (set by the task runner for every attempt). */
    ctid?: string;
}
