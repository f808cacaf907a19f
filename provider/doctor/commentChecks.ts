import { randomUUID } from "node:crypto";
import type { Client } from "../internetx/client";
import type { Certificate, Query } from "../internetx/schemas";
import { recordedStep } from "./evidence";
import type { ExchangeRecorder } from "./recorder";
import { CheckResult, fail, open, pass } from "./result";

const backend = "internetx" as const;
/** One page of Certificate List ("Running List Inquiries": at most 100 objects per answer). */
const page = { limit: 100, offset: 0 };
/** The additional list key the provider asks for when it looks for a lost order (swagger Certificate List `keys`). */
const commentKey = ["comment"];

const certificates = (count: number) => `${count} certificate${count === 1 ? "" : "s"}`;
const byComment = (comment: string): Query => ({
    filters: [{ key: "comment", value: comment, operator: "EQUAL" }],
    view: page,
});
const carried = (certificate: Pick<Certificate, "comment">) =>
    typeof certificate.comment === "string" && certificate.comment.trim() !== "" ? certificate.comment : undefined;

/** How the request asked for the key, in the protocol's own words: JSON `?keys[]=comment`, XML `<key>comment</key>` in the task. */
export function commentKeyWords(protocol: "json" | "xml"): string {
    return protocol === "xml" ? "<key>comment</key>" : "keys[]=comment";
}

/** A certificate known to carry a comment, to filter on: found in the list, or through CertificateInfo when the rows carry none. */
interface KnownComment {
    id: string;
    comment: string;
}

/**
 * The order reference travels as the certificate's `comment` (docs/wire-format.md "Order reference"), and the provider
 * finds a lost order the way these checks read: Certificate List asked for the `comment` key (swagger Certificate List
 * `keys`, "fetching additional data via query parameter"), filtered on it. `comment-kept`: the rows carry a comment
 * when asked; when none does, CertificateInfo of the newest certificate tells an account that keeps no comment from a
 * list that does not answer the key. `comment-filter`: a filter on a comment no certificate carries answers nothing
 * (an account that ignores the condition answers every certificate), and a filter on a comment a certificate carries
 * answers that certificate and no certificate known to carry another one.
 */
export async function commentChecks(
    client: Client,
    recorder: ExchangeRecorder,
    rows: Certificate[] | undefined,
): Promise<CheckResult[]> {
    if (!rows) return [];
    if (rows.length === 0) {
        const words = "the account has no certificate to read a comment from";
        return [
            open(
                backend,
                "comment-kept",
                words,
                "CertificateList answered no rows",
                "run pulumi-sslmanager doctor --demo-order against the demo system to see an order's comment kept",
            ),
            open(
                backend,
                "comment-filter",
                `${words}: an ignored filter would look the same as a working one`,
                "CertificateList answered no rows",
                "run pulumi-sslmanager doctor --demo-order against the demo system",
            ),
        ];
    }
    const asked = commentKeyWords(client.protocol);
    const listed = await recordedStep(recorder, () => client.certificate.list({ view: page }, { keys: commentKey }));
    const kept = listed.value
        ? await commentKept(client, recorder, asked, listed.value.certificates, listed.evidence)
        : {
              result: fail(
                  backend,
                  "comment-kept",
                  `CertificateList refuses the comment key (${asked})`,
                  listed.evidence,
                  'the provider asks for it to find a lost order: ask InterNetX for the ACLs of the certificate comment (swagger Certificate.comment: "Requires appropriate ACLs")',
              ),
          };
    const filter = await commentFilter(client, recorder, listed.value?.certificates ?? rows, kept.known);
    return [kept.result, filter];
}

async function commentKept(
    client: Client,
    recorder: ExchangeRecorder,
    asked: string,
    rows: Certificate[],
    evidence: string,
): Promise<{ result: CheckResult; known?: KnownComment }> {
    const withComment = rows.filter((row) => carried(row));
    if (withComment.length > 0) {
        const ours = withComment.filter((row) => carried(row)!.startsWith("psm1-"));
        const first = ours[0] ?? withComment[0];
        return {
            result: pass(
                backend,
                "comment-kept",
                `certificates listed with ${asked} carry a comment: ${withComment.length} of ${rows.length} (${ours.length} with this provider's order reference)`,
                `certificate ${first.id} carries ${JSON.stringify(first.comment)}; ${evidence}`,
            ),
            known: { id: first.id, comment: carried(first)! },
        };
    }
    const newest = rows.reduce((found, row) => (Number(row.id) > Number(found.id) ? row : found));
    const info = await recordedStep(recorder, () => client.certificate.info(newest.id));
    const both = `list: ${evidence}; CertificateInfo: ${info.evidence}`;
    const comment = info.value ? carried(info.value) : undefined;
    if (comment !== undefined) {
        return {
            result: fail(
                backend,
                "comment-kept",
                `no certificate listed with ${asked} carries a comment (${rows.length} listed), but CertificateInfo of certificate ${newest.id} carries ${JSON.stringify(comment)}: the list does not answer the comment key`,
                both,
                "the account keeps the order reference, but its list rows do not carry it: the provider then reads CertificateInfo of each certificate of a name to find a lost order (one request more per certificate); report this line so that docs/wire-format.md says so",
            ),
            known: { id: newest.id, comment },
        };
    }
    return {
        result: fail(
            backend,
            "comment-kept",
            `no certificate listed with ${asked} carries a comment (${rows.length} listed), nor does CertificateInfo of the newest, certificate ${newest.id}`,
            both,
            'if this provider ordered them, the account does not keep the order reference: ask InterNetX for the ACLs of the certificate comment (swagger Certificate.comment: "Requires appropriate ACLs"); without it a run that dies after ordering finds its order only by its CSR',
        ),
    };
}

async function commentFilter(
    client: Client,
    recorder: ExchangeRecorder,
    rows: Certificate[],
    known: KnownComment | undefined,
): Promise<CheckResult> {
    const unknownReference = `psm1-doctor-${randomUUID()}`;
    const none = await recordedStep(recorder, () =>
        client.certificate.list(byComment(unknownReference), { keys: commentKey }),
    );
    const noneEvidence = `on a comment no certificate carries: ${none.evidence}`;
    if (!none.value)
        return fail(
            backend,
            "comment-filter",
            "CertificateList refuses a filter on comment",
            noneEvidence,
            "the provider finds a lost order by this filter: ask InterNetX to allow searching on comment for this user",
        );
    if (none.value.certificates.length > 0) {
        return fail(
            backend,
            "comment-filter",
            `a filter on a comment no certificate carries answered ${certificates(none.value.certificates.length)}: the API ignores the filter on comment`,
            noneEvidence,
            "the provider would take another order for its own: do not run pulumi up with this account until InterNetX filters on comment (ask for the ACL), and report it with this line",
        );
    }
    if (!known) {
        return open(
            backend,
            "comment-filter",
            `a filter on a comment no certificate carries answered none of ${rows.length} listed, but no certificate carries a comment to find by it`,
            noneEvidence,
            "run pulumi-sslmanager doctor --demo-order against the demo system to see the filter find an order by its reference",
        );
    }
    const one = await recordedStep(recorder, () =>
        client.certificate.list(byComment(known.comment), { keys: commentKey }),
    );
    const evidence = `on ${JSON.stringify(known.comment)}: ${one.evidence}; ${noneEvidence}`;
    if (!one.value)
        return fail(
            backend,
            "comment-filter",
            `CertificateList refuses a filter on comment ${JSON.stringify(known.comment)}`,
            evidence,
            "the provider finds a lost order by this filter: ask InterNetX to allow searching on comment for this user",
        );
    const answered = one.value.certificates;
    const knownComments = new Map(rows.map((row) => [row.id, carried(row)]));
    // A row of another certificate: its own comment (asked for) differs, or the first page knew it with another one.
    const others = answered.filter(
        (row) => row.id !== known.id && (carried(row) ?? knownComments.get(row.id)) !== known.comment,
    );
    if (!answered.some((row) => row.id === known.id)) {
        return fail(
            backend,
            "comment-filter",
            `a filter on comment ${JSON.stringify(known.comment)} did not answer certificate ${known.id}, which carries it`,
            evidence,
            "the provider could not find a lost order by its reference and would order again: do not run pulumi up with this account until InterNetX filters on comment, and report it with this line",
        );
    }
    if (others.length > 0) {
        return fail(
            backend,
            "comment-filter",
            `a filter on comment ${JSON.stringify(known.comment)} also answered certificate ${others.map((row) => row.id).join(", ")}, which carries another one`,
            evidence,
            "the filter does not single out an order: do not run pulumi up with this account until InterNetX filters on comment, and report it with this line",
        );
    }
    return pass(
        backend,
        "comment-filter",
        `a filter on comment ${JSON.stringify(known.comment)} answered ${answered.length === 1 ? `certificate ${known.id} alone` : `the ${certificates(answered.length)} that carry it`}, and one on a comment no certificate carries answered none of ${rows.length} listed`,
        evidence,
    );
}
