import { OrderFailedError, unlessNotFound, WaitTimedOutError } from "../../errors";
import type { Client } from "../../internetx/client";
import type { Certificate } from "../../internetx/schemas";
import { parseCertificate, splitPemBlocks } from "../../x509";
import { validationProgress } from "../certificate/validationProgress";
import { ProgressLog } from "../log";
import { finishedLine, OrderAction, waitingLine } from "../progressWords";
import { Clock, systemClock } from "./clock";
import { jobListPollerFor } from "../internetx/jobList";
import { notificationDispatcherFor } from "./notifications";
import { jobOutcome, nextPollDelay, WaitSettings } from "./policy";

export type WaitStrategy = "job" | "notifications";

export interface WaitTarget {
    /** The job of the order (N400101 answer). */
    jobId?: string;
    /** The certificate, when known (always after an order was recovered by search). */
    certificateId?: string;
    /** For progress lines. */
    name: string;
    /** Every DNS name of the order and how it is validated, for the status line (`2 of 3 names done`). */
    names?: string[];
    method?: string;
    /**
     * When waiting on the certificate itself (no job): the SHA-256 of the public key the new leaf must carry, so a
     * reissue is not mistaken for done while the old leaf is still there.
     */
    expectedPublicKeySha256?: string;
}

export interface WaitOptions {
    strategy: WaitStrategy;
    settings: WaitSettings;
    log: ProgressLog;
    clock?: Clock;
    /** A job just accepted is certainly still running: the first check waits one interval instead of asking at once. */
    freshOrder?: boolean;
    /** What is waited for, in the progress lines (default: an order). */
    action?: OrderAction;
}

/**
 * Waits until the order of `target` is done and returns the certificate id.
 * Distinct outcomes: resolves on success; throws OrderFailedError (with the CA's reason) or WaitTimedOutError.
 */
export async function waitForIssuance(client: Client, initialTarget: WaitTarget, options: WaitOptions): Promise<string> {
    const clock = options.clock ?? systemClock;
    let target = initialTarget;
    const started = clock.now().getTime();
    if (target.jobId && options.strategy === "notifications") {
        return notificationDispatcherFor(client).waitFor(client, target, options, started);
    }
    let delay: number | undefined;
    let lastStatus = "unknown";
    let checks = 0;
    const action = options.action ?? "order";
    if (options.freshOrder && target.jobId) {
        delay = nextPollDelay(undefined, options.settings, options.settings.timeoutMs);
        await clock.sleep(delay);
    }
    for (;;) {
        const check = options.strategy === "job" && target.jobId ? await sharedJobCheck(client, target, options) : await checkOnce(client, target);
        checks++;
        lastStatus = check.status;
        if (check.certificateId && !target.certificateId) target = { ...target, certificateId: check.certificateId };
        if (check.outcome === "succeeded") {
            options.log(finishedLine(target.name, action, { check: checks, elapsedMs: clock.now().getTime() - started }));
            return check.certificateId!;
        }
        if (check.outcome === "failed") {
            throw new OrderFailedError(`${target.name}: the order failed (job ${target.jobId ?? "-"}): ${check.reasons.join("; ") || check.status}`, {
                jobId: target.jobId,
                reason: check.reasons.join("; ") || check.status,
            });
        }
        const elapsed = clock.now().getTime() - started;
        const remaining = options.settings.timeoutMs - elapsed;
        if (remaining <= 0) throw timedOut(await withCertificateId(client, target), lastStatus, elapsed);
        delay = nextPollDelay(delay, options.settings, remaining);
        options.log(waitingLine(target.name, action, { status: lastStatus, detail: check.detail, check: checks, elapsedMs: elapsed, nextMs: delay }));
        await clock.sleep(delay);
    }
}

export function timedOut(target: WaitTarget, lastStatus: string, elapsedMs: number): WaitTimedOutError {
    return new WaitTimedOutError(
        `${target.name}: still ${lastStatus} after ${Math.round(elapsedMs / 1000)}s (job ${target.jobId ?? "-"}, certificate ${target.certificateId ?? "-"}); the order is kept and the next update resumes the wait`,
        { jobId: target.jobId, certificateId: target.certificateId, lastStatus, waitedMs: elapsedMs },
    );
}

interface Check {
    outcome: "pending" | "succeeded" | "failed";
    status: string;
    certificateId?: string;
    reasons: string[];
    /** What the API says about the validation, as a status line. */
    detail?: string;
}

/** Job List rows name no certificate: a wait that gives up asks the running job once, so the error names it. */
async function withCertificateId(client: Client, target: WaitTarget): Promise<WaitTarget> {
    if (!target.jobId || target.certificateId) return target;
    const job = await unlessNotFound(client.job.info(target.jobId));
    return { ...target, certificateId: job?.object?.data?.id };
}

/**
 * The job strategy's check through the account's shared Job List poller (jobList.ts): one request per round answers
 * for every pending order of the process. A finished job's history row names its certificate.
 */
async function sharedJobCheck(client: Client, target: WaitTarget & { jobId?: string }, options: WaitOptions): Promise<Check> {
    const result = await jobListPollerFor(client).statusOf(target.jobId!, options.settings.intervalMs);
    if (result.outcome === "pending") {
        return { outcome: "pending", status: result.status, certificateId: target.certificateId, reasons: [], detail: validationProgress({ dcvAuth: result.dcvAuth }, target.method, target.names) };
    }
    if (result.outcome === "failed") return { outcome: "failed", status: result.status, certificateId: target.certificateId, reasons: result.reasons };
    const certificateId = result.certificateId ?? target.certificateId ?? (await client.certificate.findOrder({ name: target.name }))?.id;
    if (!certificateId) return { outcome: "failed", status: result.status, reasons: [`job ${target.jobId} finished without a certificate`] };
    return { outcome: "succeeded", status: result.status, certificateId, reasons: [] };
}

/** One non-consuming status check: GET /job/{id} when the job is known, else CertificateInfo (issued when `server` is set). */
export async function checkOnce(client: Client, target: WaitTarget): Promise<Check> {
    if (target.jobId) {
        const job = await unlessNotFound(client.job.info(target.jobId));
        if (!job) return finishedJob(client, target, target.jobId);
        const outcome = jobOutcome(job.status);
        const certificateId = job.object?.data?.id ?? target.certificateId;
        if (outcome === "succeeded" && !certificateId) {
            // The job does not name its certificate; find it by name (the newest one).
            const found = await client.certificate.findOrder({ name: target.name });
            return { outcome, status: job.status ?? "SUCCESS", certificateId: found?.id, reasons: [] };
        }
        return { outcome, status: job.status ?? "unknown", certificateId, reasons: job.reasons, detail: validationProgress({ dcvAuth: job.dcvAuth }, target.method, target.names) };
    }
    return certificateCheck(client, target, target.certificateId!);
}

/**
 * A finished job has left Job Info (EF300101, "Certificate Job Info"): its history row tells how it ended, and the
 * certificate whether it was issued.
 */
async function finishedJob(client: Client, target: WaitTarget, jobId: string): Promise<Check> {
    const history = await client.job.history(jobId);
    const failed = history && jobOutcome(history.status) === "failed";
    if (failed) return { outcome: "failed", status: history.status ?? "FAILED", certificateId: target.certificateId, reasons: history.reasons };
    const certificateId = target.certificateId ?? history?.object?.data?.id ?? (await client.certificate.findOrder({ name: target.name }))?.id;
    if (!certificateId) return { outcome: "failed", status: history?.status ?? "FINISHED", reasons: [`job ${jobId} finished without a certificate`] };
    return certificateCheck(client, target, certificateId);
}

async function certificateCheck(client: Client, target: WaitTarget, certificateId: string): Promise<Check> {
    const certificate = await client.certificate.info(certificateId);
    return (await carriesIssuedLeaf(certificate, target.expectedPublicKeySha256))
        ? { outcome: "succeeded", status: "ISSUED", certificateId: certificate.id, reasons: [] }
        : { outcome: "pending", status: "PENDING", certificateId: certificate.id, reasons: [] };
}

/** True when CertificateInfo carries the issued leaf and, when a key is expected, the leaf carries that key. */
export async function carriesIssuedLeaf(certificate: Certificate, expectedPublicKeySha256?: string): Promise<boolean> {
    if (!certificate.server) return false;
    if (!expectedPublicKeySha256) return true;
    const leaf = await parseCertificate(splitPemBlocks(certificate.server)[0]);
    return leaf.publicKeySha256 === expectedPublicKeySha256;
}

/**
 * Waits for the order and returns the issued certificate as CertificateInfo reads it. A finished job is not taken
 * for an issued certificate on its own word: until CertificateInfo shows the leaf (with the expected key), the wait
 * goes on against the certificate itself, within the same deadline. So a wait never ends in success without a leaf.
 */
export async function waitForIssuedCertificate(client: Client, target: WaitTarget, options: WaitOptions): Promise<Certificate> {
    const clock = options.clock ?? systemClock;
    const started = clock.now().getTime();
    const certificateId = await waitForIssuance(client, target, options);
    const certificate = await client.certificate.info(certificateId);
    if (await carriesIssuedLeaf(certificate, target.expectedPublicKeySha256)) return certificate;
    const remainingMs = options.settings.timeoutMs - (clock.now().getTime() - started);
    options.log(`${target.name}: the order finished but certificate ${certificateId} has no issued leaf yet; checking the certificate itself`);
    const byCertificate: WaitTarget = { ...target, jobId: undefined, certificateId };
    await waitForIssuance(client, byCertificate, { ...options, strategy: "job", freshOrder: false, settings: { ...options.settings, timeoutMs: Math.max(0, remainingMs) } });
    const issued = await client.certificate.info(certificateId);
    if (await carriesIssuedLeaf(issued, target.expectedPublicKeySha256)) return issued;
    throw timedOut(byCertificate, "without an issued leaf", clock.now().getTime() - started);
}
