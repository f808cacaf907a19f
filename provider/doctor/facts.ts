import { Envelope } from "../internetx/envelope";
import { tasks, TaskName } from "../internetx/tasks";
import { envelopeOf, jsonRequestBody, Transcript, TranscriptExchange } from "./transcript";

/**
 * The facts of docs/wire-format.md marked *inferred* that one demo order can see, each checked on a transcript. A
 * verdict names the transcript lines it rests on, so that a user's recording against the real demo system that
 * contradicts one is evidence to change the client and the simulator — and, as a fixture in test/doctor, a failing test.
 */
export type Verdict = "confirmed" | "contradicted" | "not seen";

export interface FactVerdict {
    fact: string;
    /** The claim as docs/wire-format.md makes it. */
    claim: string;
    verdict: Verdict;
    evidence: string;
}

interface Answered {
    exchange: TranscriptExchange;
    envelope: Envelope;
}

interface Fact {
    fact: string;
    claim: string;
    evaluate(view: TranscriptView): { verdict: Verdict; evidence: string };
}

/** A transcript's InterNetX exchanges with their answers in the JSON API's shape. */
class TranscriptView {
    readonly answered: Answered[];
    constructor(readonly transcript: Transcript) {
        this.answered = transcript.exchanges.flatMap((exchange) => {
            const envelope = envelopeOf(exchange);
            return envelope ? [{ exchange, envelope }] : [];
        });
    }
    of(task: TaskName): Answered[] {
        return this.answered.filter((answer) => answer.exchange.task === task);
    }
    succeeded(task: TaskName): Answered[] {
        return this.of(task).filter(
            (answer) => answer.envelope.status.type !== "ERROR" && !answer.envelope.status.code.startsWith("E"),
        );
    }
    failed(task: TaskName): Answered[] {
        return this.of(task).filter(
            (answer) => answer.envelope.status.type === "ERROR" || answer.envelope.status.code.startsWith("E"),
        );
    }
    /** The reference the order carried: `comment` of the CertificateCreate body (JSON) or `<comment>` (XML). */
    orderReference(): { reference: string; line: number } | undefined {
        for (const exchange of this.transcript.exchanges.filter(
            (candidate) => candidate.task === "CertificateCreate",
        )) {
            const json = jsonRequestBody(exchange);
            const reference =
                typeof json?.comment === "string"
                    ? json.comment
                    : /<comment>(?:<!\[CDATA\[)?([^<\]]+)/.exec(exchange.request.body ?? "")?.[1];
            if (reference) return { reference, line: exchange.line };
        }
        return undefined;
    }
}

/** E<task code>; the job tasks answer in the 300… range of their success codes ("Certificate Job Info": S300114). */
function expectedErrorCodes(task: TaskName): string[] {
    const code = tasks[task].code;
    return task === "JobInfo" || task === "JobList" || task === "JobHistoryList"
        ? [`E${code}`, `E3${code.slice(1)}`]
        : [`E${code}`];
}

/** Whether a list request asked for the additional `comment` key: JSON `?keys[]=comment`, XML `<key>comment</key>` in the task. */
function askedForComment(exchange: TranscriptExchange): boolean {
    let url = exchange.request.url;
    try {
        url = decodeURIComponent(url);
    } catch {
        // a URL that does not decode is read as it is
    }
    // A condition on comment is `<where><key>comment</key>…</where>`: only a <key> outside the conditions asks for it.
    return (
        url.includes("keys[]=comment") ||
        (exchange.request.body ?? "").replace(/<where>[\s\S]*<\/where>/g, "").includes("<key>comment</key>")
    );
}

const lines = (answers: Answered[]) => answers.map((answer) => answer.exchange.line).join(", ");
const firstData = (answer: Answered) => answer.envelope.data[0] as Record<string, unknown> | undefined;
const notSeen = (evidence: string) => ({ verdict: "not seen" as const, evidence });

export const facts: Fact[] = [
    {
        fact: "comment-kept-at-create",
        claim: "`comment` is accepted at create (swagger says it can only be updated via PUT /certificate/{id}/_comment)",
        evaluate(view) {
            const sent = view.orderReference();
            if (!sent) return notSeen("no CertificateCreate sent a comment");
            const infos = view.succeeded("CertificateInfo");
            if (infos.length === 0) return notSeen(`comment sent on line ${sent.line}; no CertificateInfo answered`);
            const kept = infos.filter((answer) => firstData(answer)?.comment === sent.reference);
            return kept.length > 0
                ? { verdict: "confirmed", evidence: `sent on line ${sent.line}, read back on line ${lines(kept)}` }
                : {
                      verdict: "contradicted",
                      evidence: `sent on line ${sent.line}; CertificateInfo on line ${lines(infos)} carries ${JSON.stringify(firstData(infos[0])?.comment ?? null)}`,
                  };
        },
    },
    {
        fact: "job-info-carries-comment",
        claim: "Job Info's `object.data` carries the certificate's `comment` while the order runs",
        evaluate(view) {
            const sent = view.orderReference();
            const running = view
                .succeeded("JobInfo")
                .filter((answer) => (firstData(answer)?.job as { action?: string } | undefined)?.action === "create");
            if (!sent || running.length === 0) return notSeen("no Job Info of a running order with a reference");
            const carrying = running.filter(
                (answer) =>
                    (firstData(answer)?.object as { data?: { comment?: string } } | undefined)?.data?.comment ===
                    sent.reference,
            );
            return carrying.length > 0
                ? { verdict: "confirmed", evidence: `lines ${lines(carrying)}` }
                : {
                      verdict: "contradicted",
                      evidence: `Job Info on lines ${lines(running)} carries no comment ${sent.reference}`,
                  };
        },
    },
    {
        fact: "comment-filter-key",
        claim: "`comment` is a filter key of Certificate List (the filter narrows the list to the order)",
        evaluate(view) {
            const sent = view.orderReference();
            if (!sent) return notSeen("no order with a reference");
            const filtered = view
                .succeeded("CertificateList")
                .filter((answer) => (answer.exchange.request.body ?? "").includes(sent.reference));
            if (filtered.length === 0) return notSeen("no Certificate List filtered on the reference answered");
            const certificateIds = new Set(
                view.succeeded("CertificateInfo").map((answer) => String(firstData(answer)?.id)),
            );
            const wrong = filtered.filter(
                (answer) =>
                    answer.envelope.data.length !== 1 ||
                    !certificateIds.has(String((answer.envelope.data[0] as { id?: unknown }).id)),
            );
            return wrong.length === 0
                ? { verdict: "confirmed", evidence: `lines ${lines(filtered)} answer the order's certificate alone` }
                : {
                      verdict: "contradicted",
                      evidence: `line ${wrong[0].exchange.line} answers ${wrong[0].envelope.data.length} rows for the reference`,
                  };
        },
    },
    {
        fact: "list-row-keys",
        claim: "Certificate List rows are reduced: no `csr`, leaf (`server`), chain or contacts (exact key set inferred)",
        evaluate(view) {
            const listed = view.succeeded("CertificateList").filter((answer) => answer.envelope.data.length > 0);
            if (listed.length === 0) return notSeen("no Certificate List answered a row");
            const heavy = ["csr", "server", "certificationAuthority", "adminContact", "technicalContact"];
            const offending = listed.filter((answer) =>
                answer.envelope.data.some((row) =>
                    heavy.some((key) => (row as Record<string, unknown>)[key] !== undefined),
                ),
            );
            return offending.length === 0
                ? { verdict: "confirmed", evidence: `lines ${lines(listed)}` }
                : {
                      verdict: "contradicted",
                      evidence: `line ${offending[0].exchange.line} lists ${heavy.filter((key) => (offending[0].envelope.data[0] as Record<string, unknown>)[key] !== undefined).join(", ")}`,
                  };
        },
    },
    {
        fact: "list-rows-carry-comment-when-asked",
        claim: "Certificate List rows carry `comment` when the request asks for the key (JSON `?keys[]=comment`, XML `<key>comment</key>`, the XML form inferred)",
        evaluate(view) {
            const sent = view.orderReference();
            if (!sent) return notSeen("no order with a reference");
            // Only a certificate whose CertificateInfo shows the reference can show whether the list answers the key.
            const keeping = new Set(
                view
                    .succeeded("CertificateInfo")
                    .filter((answer) => firstData(answer)?.comment === sent.reference)
                    .map((answer) => String(firstData(answer)?.id)),
            );
            if (keeping.size === 0) return notSeen("no CertificateInfo shows the order's comment kept");
            const rows = view
                .succeeded("CertificateList")
                .filter((answer) => askedForComment(answer.exchange))
                .flatMap((answer) =>
                    answer.envelope.data.map((row) => ({ answer, row: row as Record<string, unknown> })),
                )
                .filter(({ row }) => keeping.has(String(row.id)));
            if (rows.length === 0)
                return notSeen("no Certificate List asked for the comment key answered the order's certificate");
            const off = rows.filter(({ row }) => row.comment !== sent.reference);
            if (off.length === 0)
                return {
                    verdict: "confirmed",
                    evidence: `lines ${lines([...new Set(rows.map(({ answer }) => answer))])} answer certificate ${String(rows[0].row.id)} with its comment`,
                };
            const { answer, row } = off[0];
            return {
                verdict: "contradicted",
                evidence: `line ${answer.exchange.line} answers certificate ${String(row.id)} ${row.comment === undefined ? "without comment" : `with comment ${JSON.stringify(row.comment)}`} although asked`,
            };
        },
    },
    {
        fact: "finished-job-info",
        claim: "Job Info of a finished job answers HTTP 404, status E300114, message EF300101 (HTTP status and status code inferred)",
        evaluate(view) {
            const finished = view
                .failed("JobInfo")
                .filter((answer) => answer.envelope.messages.some((message) => message.code === "EF300101"));
            const otherErrors = view.failed("JobInfo").filter((answer) => !finished.includes(answer));
            if (finished.length === 0)
                return otherErrors.length > 0
                    ? {
                          verdict: "contradicted",
                          evidence: `Job Info failed without EF300101 on line ${lines(otherErrors)} (${otherErrors[0].envelope.status.code})`,
                      }
                    : notSeen("no Job Info of a finished job");
            const json = finished.filter(
                (answer) => !(answer.exchange.response?.body ?? "").trimStart().startsWith("<"),
            );
            const off = json.filter(
                (answer) => answer.exchange.response?.status !== 404 || answer.envelope.status.code !== "E300114",
            );
            return off.length === 0
                ? { verdict: "confirmed", evidence: `lines ${lines(finished)}` }
                : {
                      verdict: "contradicted",
                      evidence: `line ${off[0].exchange.line}: HTTP ${off[0].exchange.response?.status}, ${off[0].envelope.status.code} with EF300101`,
                  };
        },
    },
    {
        fact: "job-history-status",
        claim: "the job history (POST /job/history/_search, XML 400135) answers S300135",
        evaluate(view) {
            const answers = view.succeeded("JobHistoryList");
            if (answers.length === 0) return notSeen("no job history answered");
            const off = answers.filter((answer) => answer.envelope.status.code !== "S300135");
            return off.length === 0
                ? { verdict: "confirmed", evidence: `lines ${lines(answers)}` }
                : {
                      verdict: "contradicted",
                      evidence: `line ${off[0].exchange.line} answers ${off[0].envelope.status.code}`,
                  };
        },
    },
    {
        fact: "history-rows-name-certificate",
        claim: "job history rows carry the certificate id in `object.data`",
        evaluate(view) {
            const rows = view.succeeded("JobHistoryList").filter((answer) => answer.envelope.data.length > 0);
            if (rows.length === 0) return notSeen("no job history row");
            const named = rows.filter((answer) =>
                answer.envelope.data.every(
                    (row) => (row as { object?: { data?: { id?: unknown } } }).object?.data?.id !== undefined,
                ),
            );
            return named.length === rows.length
                ? { verdict: "confirmed", evidence: `lines ${lines(rows)}` }
                : {
                      verdict: "contradicted",
                      evidence: `line ${rows.find((answer) => !named.includes(answer))!.exchange.line} has a row without object.data.id`,
                  };
        },
    },
    {
        fact: "delete-answer",
        claim: "CertificateDelete answers N400103 with its job (`data[0].id`; the XML shape inferred from create)",
        evaluate(view) {
            const answers = view.of("CertificateDelete");
            if (answers.length === 0) return notSeen("no CertificateDelete answered");
            const off = answers.filter(
                (answer) => answer.envelope.status.code !== "N400103" || firstData(answer)?.id === undefined,
            );
            return off.length === 0
                ? { verdict: "confirmed", evidence: `lines ${lines(answers)}` }
                : {
                      verdict: "contradicted",
                      evidence: `line ${off[0].exchange.line} answers ${off[0].envelope.status.code}${firstData(off[0])?.id === undefined ? " without a job id" : ""}`,
                  };
        },
    },
    {
        fact: "contact-task-codes",
        claim: "the SSL contact tasks answer S400204 (info), S400205 (list), S400203 (delete) (task codes inferred)",
        evaluate(view) {
            const expected: [TaskName, string][] = [
                ["SslContactInfo", "S400204"],
                ["SslContactList", "S400205"],
                ["SslContactDelete", "S400203"],
            ];
            const seen = expected.flatMap(([task, code]) => view.of(task).map((answer) => ({ answer, code })));
            if (seen.length === 0) return notSeen("no contact info, list or delete answered");
            const off = seen.filter(({ answer, code }) => answer.envelope.status.code !== code);
            return off.length === 0
                ? { verdict: "confirmed", evidence: `lines ${lines(seen.map(({ answer }) => answer))}` }
                : {
                      verdict: "contradicted",
                      evidence: `line ${off[0].answer.exchange.line} answers ${off[0].answer.envelope.status.code}, not ${off[0].code}`,
                  };
        },
    },
    {
        fact: "error-codes",
        claim: "an error answers `status.code` E<task code> (job tasks E3001xx, as their S3001xx) with `EF…` message codes where a message carries a code (error codes inferred; no code is published for a missing object)",
        evaluate(view) {
            const errors = view.answered.filter(
                (answer) => answer.envelope.status.code.startsWith("E") && answer.exchange.task in tasks,
            );
            if (errors.length === 0) return notSeen("no error answered");
            const off = errors.filter(
                (answer) =>
                    !expectedErrorCodes(answer.exchange.task as TaskName).includes(answer.envelope.status.code) ||
                    !answer.envelope.messages.every(
                        (message) => message.code === undefined || message.code.startsWith("EF"),
                    ),
            );
            return off.length === 0
                ? { verdict: "confirmed", evidence: `lines ${lines(errors)}` }
                : {
                      verdict: "contradicted",
                      evidence: `line ${off[0].exchange.line} answers ${off[0].envelope.status.code} / ${off[0].envelope.messages.map((message) => message.code).join(", ")}`,
                  };
        },
    },
    {
        fact: "gone-answer",
        claim: "CertificateInfo of a cancelled certificate answers HTTP 404 with an API envelope over JSON (against: the swagger documents only 200 answers), a refusal over XML; either way Certificate List filtered on the id then counts none",
        evaluate(view) {
            const gone = view.failed("CertificateInfo");
            if (gone.length === 0) return notSeen("no CertificateInfo of a cancelled certificate");
            const isXml = (answer: Answered) => (answer.exchange.response?.body ?? "").trimStart().startsWith("<");
            const json = gone.filter((answer) => !isXml(answer));
            const offJson = json.filter((answer) => answer.exchange.response?.status !== 404);
            if (offJson.length > 0)
                return {
                    verdict: "contradicted",
                    evidence: `line ${offJson[0].exchange.line}: HTTP ${offJson[0].exchange.response?.status}, ${offJson[0].envelope.status.code}`,
                };
            const lists = view.succeeded("CertificateList");
            const listCounts = gone.map((answer) => lists.find((list) => list.exchange.line > answer.exchange.line));
            if (listCounts.some((list) => list === undefined))
                return notSeen(`no Certificate List after the refusal on line ${lines(gone)}`);
            const counted = listCounts.filter(
                (list) => Number(list!.envelope.object?.summary ?? list!.envelope.data.length) > 0,
            );
            return counted.length === 0
                ? { verdict: "confirmed", evidence: `lines ${lines([...gone, ...(listCounts as Answered[])])}` }
                : {
                      verdict: "contradicted",
                      evidence: `line ${counted[0]!.exchange.line} still counts the certificate after the refusal`,
                  };
        },
    },
    {
        fact: "ctid-echoed",
        claim: "the client transaction id is read and echoed as `ctid` (XML `<task><ctid>` placement inferred)",
        evaluate(view) {
            const sentCtid = (exchange: TranscriptExchange) =>
                exchange.request.headers["x-domainrobot-ctid"] ??
                /<ctid>(?:<!\[CDATA\[)?([^<\]]+)/.exec(exchange.request.body ?? "")?.[1];
            const echoed = view.answered.filter((answer) => answer.envelope.ctid !== undefined);
            if (echoed.length === 0) return notSeen("no answer carries a ctid");
            const off = echoed.filter((answer) => answer.envelope.ctid !== sentCtid(answer.exchange));
            return off.length === 0
                ? { verdict: "confirmed", evidence: `${echoed.length} answers, e.g. line ${echoed[0].exchange.line}` }
                : { verdict: "contradicted", evidence: `line ${off[0].exchange.line} echoes ${off[0].envelope.ctid}` };
        },
    },
    {
        fact: "rate-limit-answer",
        claim: "above 3 requests per second the API answers HTTP 429 with Retry-After (inferred)",
        evaluate(view) {
            const refused = view.transcript.exchanges.filter((exchange) => exchange.response?.status === 429);
            if (refused.length === 0) return notSeen("no request was refused for its rate");
            const withRetry = refused.filter((exchange) => exchange.response?.headers["retry-after"] !== undefined);
            return withRetry.length === refused.length
                ? { verdict: "confirmed", evidence: `lines ${refused.map((exchange) => exchange.line).join(", ")}` }
                : {
                      verdict: "contradicted",
                      evidence: `line ${refused.find((exchange) => !withRetry.includes(exchange))!.line} has no Retry-After`,
                  };
        },
    },
];

/** Every fact's verdict on a transcript. */
export function evaluateFacts(transcript: Transcript): FactVerdict[] {
    const view = new TranscriptView(transcript);
    return facts.map((fact) => ({ fact: fact.fact, claim: fact.claim, ...fact.evaluate(view) }));
}

const verdictWords: Record<Verdict, string> = {
    confirmed: "CONFIRMED   ",
    contradicted: "CONTRADICTED",
    "not seen": "NOT SEEN    ",
};

export function factLine(verdict: FactVerdict): string {
    return `${verdictWords[verdict.verdict]} ${verdict.fact}: ${verdict.claim} [${verdict.evidence}]`;
}
