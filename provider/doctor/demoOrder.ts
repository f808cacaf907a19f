import { randomBytes, randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { InvalidInputError, NotFoundError } from "../errors";
import { Client } from "../internetx/client";
import { generateKeyAndCsr } from "../x509";
import { demoOrderGate } from "./demoGate";
import { errorEvidence, internetxAnswerEvidence } from "./evidence";
import { evaluateFacts, FactVerdict } from "./facts";
import { doctorClientOptions, rateResult } from "./internetxChecks";
import type { ExchangeRecorder } from "./recorder";
import { CheckResult, fail, pass } from "./result";
import type { DoctorSettings } from "./settings";
import { serializeTranscript, Transcript, transcriptFormat } from "./transcript";

export interface DemoOrderReport {
    results: CheckResult[];
    facts: FactVerdict[];
    transcriptPath?: string;
}

const backend = "internetx" as const;
/** The contact of the demo order: obviously a test, in the fields SslContactCreate requires ("Ordering SSL Certificates"). */
const demoContact = {
    fname: "Pulumi",
    lname: "Doctor",
    email: "hostmaster@example.com",
    phone: "+49-941-1234560",
    organization: "pulumi-sslmanager doctor",
    address: ["Maximilianstrasse 36"],
    pcode: "93047",
    city: "Regensburg",
    country: "DE",
};

/** Runs `work`, turning its outcome into a line with the evidence of the last exchange it caused. */
async function stepOf<T>(
    recorder: ExchangeRecorder,
    check: string,
    work: () => Promise<T>,
    words: (value: T) => string,
    hint: string,
): Promise<{ value?: T; result: CheckResult }> {
    const mark = recorder.mark();
    try {
        const value = await work();
        return {
            value,
            result: pass(backend, check, words(value), internetxAnswerEvidence(recorder.since(mark).at(-1))),
        };
    } catch (error) {
        const last = recorder.since(mark).at(-1);
        return {
            result: fail(
                backend,
                check,
                `${check} failed: ${(error as Error).message}`,
                `${errorEvidence(error)}${last ? `, transcript line ${last.line}` : ""}`,
                hint,
            ),
        };
    }
}

/**
 * `--demo-order`: one free order on InterNetX's demo system through the whole lifecycle — contact, prepare order for a
 * throwaway name, the order with a reference, Job Info and Job List while it runs, the comment read back, certificate
 * info, the cancellation and its job — recorded into a transcript, then the inferred facts of docs/wire-format.md
 * checked on it. Refused before any request unless the URL is the demo system (or a simulator on this machine).
 */
export async function demoOrder(settings: DoctorSettings, recorder: ExchangeRecorder): Promise<DemoOrderReport> {
    const options = doctorClientOptions(settings, recorder);
    try {
        demoOrderGate(options);
    } catch (error) {
        const property = error instanceof InvalidInputError ? error.property : "connection";
        return {
            results: [
                fail(
                    backend,
                    "demo-order",
                    (error as Error).message,
                    "refused before any request",
                    `point ${property} at the demo system, e.g. --url https://api.demo.autodns.com/v1 --context 1, with the demo account's user`,
                ),
            ],
            facts: [],
        };
    }
    const client = new Client({ ...options, demo: true });
    const results: CheckResult[] = [];
    const placed: Placed = {};
    try {
        await orderSteps(settings, recorder, client, results, placed);
    } finally {
        if (placed.certificateId) await cancel(recorder, client, placed, results);
        if (placed.contactId)
            results.push(
                (
                    await stepOf(
                        recorder,
                        "demo contact delete",
                        () => client.sslcontact.delete(placed.contactId!),
                        () => `SslContactDelete removed contact ${placed.contactId}`,
                        stepHint,
                    )
                ).result,
            );
    }
    return finish(settings, recorder, client, results);
}

/** What the demo order made, to be removed again whatever happens. */
interface Placed {
    contactId?: string;
    jobId?: string;
    certificateId?: string;
}

const stepHint = "see the evidence: the transcript shows the whole exchange";

async function orderSteps(
    settings: DoctorSettings,
    recorder: ExchangeRecorder,
    client: Client,
    results: CheckResult[],
    placed: Placed,
): Promise<void> {
    const name = `psm-doctor-${randomBytes(4).toString("hex")}.example.com`;
    const reference = `psm1-doctor-${randomUUID()}`;
    const contact = await stepOf(
        recorder,
        "demo contact",
        () => client.sslcontact.create(demoContact),
        (created) => `SslContactCreate made contact ${created.id}`,
        stepHint,
    );
    results.push(contact.result);
    const contactId = (placed.contactId = contact.value?.id);
    if (!contactId) return;
    const { csrPem } = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: name });
    const product = settings.products?.[0] ?? "QUICKSSLPREMIUM";
    const prepared = await stepOf(
        recorder,
        "demo prepare",
        () => client.certificate.prepareOrder({ plain: csrPem, product }),
        (data) => `CertificatePrepareOrder checked the CSR of ${data.name} for ${product}`,
        stepHint,
    );
    results.push(prepared.result);
    const dns = prepared.value?.authentication.find((method) => method.method === "DNS");
    if (!dns?.dns) return;
    // DNS validation without provisioning: the record is never published, so the order stays running while it is read.
    const ordered = await stepOf(
        recorder,
        "demo order",
        () =>
            client.certificate.create({
                name,
                product,
                lifetimeMonths: 12,
                csr: csrPem,
                adminContactId: contactId,
                technicalContactId: contactId,
                authentication: { method: "DNS", dns: dns.dns, provisioning: false },
                orderReference: reference,
            }),
        (accepted) => `CertificateCreate for ${name} accepted as job ${accepted.jobId} with reference ${reference}`,
        stepHint,
    );
    results.push(ordered.result);
    const jobId = (placed.jobId = ordered.value?.jobId);
    if (!jobId) return;
    const running = await stepOf(
        recorder,
        "demo job info",
        () => client.job.info(jobId),
        (state) =>
            `Job Info: job ${jobId} ${state.status}${state.subStatus ? ` ${state.subStatus}` : ""}, certificate ${state.object?.data?.id ?? "(not named)"}`,
        stepHint,
    );
    results.push(running.result);
    placed.certificateId = running.value?.object?.data?.id;
    const listed = await stepOf(
        recorder,
        "demo job list",
        () => client.job.list({ ids: [jobId] }),
        (entries) => `Job List shows ${entries.length} running job${entries.length === 1 ? "" : "s"} with id ${jobId}`,
        stepHint,
    );
    results.push(listed.result);
    const found = await stepOf(
        recorder,
        "demo find order",
        () => client.certificate.findOrder({ orderReference: reference }),
        (order) =>
            order
                ? `the order is found again by its reference: job ${order.jobId ?? "-"}, certificate ${order.certificateId ?? "-"}`
                : "the order is NOT found by its reference",
        stepHint,
    );
    results.push(
        found.result.outcome === "pass" && !found.value
            ? {
                  ...found.result,
                  outcome: "fail",
                  hint: "a run that dies after ordering could not find this order again: see the facts below",
              }
            : found.result,
    );
    placed.certificateId ??= found.value?.certificateId;
    const certificateId = placed.certificateId;
    if (!certificateId) return;
    const info = await stepOf(
        recorder,
        "demo comment",
        () => client.certificate.info(certificateId),
        (certificate) =>
            `CertificateInfo of ${certificate.id} (${certificate.name}) carries comment ${certificate.comment === undefined ? "(none)" : JSON.stringify(certificate.comment)}`,
        stepHint,
    );
    results.push(
        info.value && info.value.comment !== reference
            ? {
                  ...info.result,
                  outcome: "fail",
                  hint: "the account does not keep the order reference: ask InterNetX for the ACLs of the certificate comment before the first paid order",
              }
            : info.result,
    );
    const filtered = await stepOf(
        recorder,
        "demo comment filter",
        // Asked for the comment key as the provider asks when it looks for a lost order (swagger Certificate List `keys`).
        () =>
            client.certificate.list(
                { filters: [{ key: "comment", value: reference, operator: "EQUAL" }], view: { limit: 10, offset: 0 } },
                { keys: ["comment"] },
            ),
        (page) =>
            `CertificateList filtered on the reference, asked for the comment key, answers ${page.certificates.map((row) => `certificate ${row.id} (comment ${row.comment === undefined ? "(none)" : JSON.stringify(row.comment)})`).join(", ") || "no certificate"}`,
        stepHint,
    );
    const onlyOurs = filtered.value?.certificates.length === 1 && filtered.value.certificates[0].id === certificateId;
    results.push(
        filtered.value && !onlyOurs
            ? {
                  ...filtered.result,
                  outcome: "fail",
                  hint: "the comment filter does not single out the order: a lost order could not be found again, or another one taken for it",
              }
            : filtered.result,
    );
}

/** CertificateDelete, its job read until it has finished, then the certificate read once more (gone). */
async function cancel(
    recorder: ExchangeRecorder,
    client: Client,
    placed: Placed,
    results: CheckResult[],
): Promise<void> {
    const certificateId = placed.certificateId!;
    const hint = "the demo certificate may still be in the account: cancel it in the InterNetX interface";
    const cancelled = await stepOf(
        recorder,
        "demo cancel",
        () => client.certificate.delete(certificateId),
        (job) => `CertificateDelete started job ${job.jobId}`,
        hint,
    );
    results.push(cancelled.result);
    const jobId = cancelled.value?.jobId;
    if (jobId) {
        const job = await stepOf(
            recorder,
            "demo cancel job",
            async () => {
                // A finished job leaves Job Info (EF300101): read until it has, at most 20 times (the client paces the reads).
                for (let attempt = 0; attempt < 20; attempt++) {
                    try {
                        await client.job.info(jobId);
                    } catch (error) {
                        if (error instanceof NotFoundError) return attempt;
                        throw error;
                    }
                }
                throw new Error(`job ${jobId} still running after 20 reads`);
            },
            (reads) => `the cancellation job ${jobId} finished after ${reads + 1} Job Info reads`,
            hint,
        );
        results.push(job.result);
    }
    const gone = await stepOf(
        recorder,
        "demo cancelled",
        async () => {
            try {
                await client.certificate.info(certificateId);
                return false;
            } catch (error) {
                if (error instanceof NotFoundError) return true;
                throw error;
            }
        },
        (isGone) =>
            isGone
                ? `certificate ${certificateId} is gone`
                : `certificate ${certificateId} is still listed after its cancellation job`,
        hint,
    );
    results.push(gone.value === false ? { ...gone.result, outcome: "fail", hint } : gone.result);
    if (placed.jobId) {
        const orderJob = placed.jobId;
        const history = await stepOf(
            recorder,
            "demo job history",
            () => client.job.history(orderJob),
            (row) =>
                row
                    ? `the job history shows the order's job ${orderJob} ${row.status}`
                    : `the job history does not show job ${orderJob}`,
            stepHint,
        );
        results.push(
            history.result.outcome === "pass" && !history.value
                ? { ...history.result, outcome: "fail" }
                : history.result,
        );
    }
}

async function finish(
    settings: DoctorSettings,
    recorder: ExchangeRecorder,
    client: Client,
    results: CheckResult[],
): Promise<DemoOrderReport> {
    await client.close();
    results.push(rateResult(backend, recorder));
    const transcript: Transcript = {
        header: {
            transcript: transcriptFormat,
            backend,
            protocol: client.protocol,
            url: client.protocol === "xml" ? client.options.xmlUrl : client.options.url,
            recordedAt: new Date().toISOString(),
        },
        exchanges: recorder.exchanges,
    };
    const transcriptPath =
        settings.transcriptPath ??
        `pulumi-sslmanager-transcript-${transcript.header.recordedAt.replace(/[:.]/g, "-")}.jsonl`;
    writeFileSync(transcriptPath, serializeTranscript(transcript), { mode: 0o600 });
    return { results, facts: evaluateFacts(transcript), transcriptPath };
}
