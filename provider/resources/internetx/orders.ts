import { NotFoundError, OrderFailedError, unlessNotFound, WaitTimedOutError } from "../../errors";
import type { Client } from "../../internetx/client";
import type { Certificate } from "../../internetx/schemas";
import type { OrderAccepted, OrderClaim } from "../../internetx/services/certificate";
import { Clock, ProgressLog, systemClock } from "../../lifecycle/context";
import { FoundOrder, OrderStatus, PendingOrder, StatusSource } from "../../lifecycle/port";
import { waitUntilIssued } from "../../lifecycle/pollLoop";
import { validationProgress } from "../certificate/validationProgress";
import { destroyAction } from "../certificate/onDestroy";
import { OnDestroy } from "../certificate/inputs";
import { destroyLine } from "../progressWords";
import { jobListPollerFor } from "./jobList";
import { orderLookupFor } from "./orderLookup";
import { ownershipProof } from "./ownership";
import { parseCertificate, splitPemBlocks } from "../../x509";
import { jobOutcome } from "../../internetx/jobStatus";
import { findByCsr, ReferenceCarrier } from "./csrProof";
import { withCsrReference } from "./csrReference";

/**
 * The InterNetX words both certificate types (SSL and S/MIME) share in their adapters: how a placed order is found
 * again, how a job's status reads, how a cancellation is waited for.
 */

/** What a status line may say about the order's validation: its names and method (Job Info's dcvAuth per name). */
export interface Described {
    names?: string[];
    method?: string;
}

/** The order as the lifecycle follows it, from the client's answer to an order. */
export function pendingFromAccepted(accepted: OrderAccepted): PendingOrder {
    return { jobId: accepted.jobId, certificateId: accepted.certificateId, recovered: accepted.recovered };
}

/**
 * The order placed under the claim's reference and proven ours (ownership.ts), found in the account's shared lookup
 * round (orderLookup.ts: Job List first, then Certificate List; see the client's `findOrders`). A certificate that is
 * gone (cancelled) is not adopted: its reference belongs to a resource that was destroyed. The certificate found is
 * read once more and its proof checked again on CertificateInfo before it is answered.
 */
export async function findPlacedOrder(
    client: Client,
    claim: OrderClaim,
    intervalMs: number,
    carrier?: ReferenceCarrier,
): Promise<FoundOrder | undefined> {
    const { orderReference } = claim;
    const found = await orderLookupFor(client).find(claim, intervalMs);
    // The round's Certificate List already brought the name's rows without a comment and read their CSRs back, so
    // only an order with no CSR to carry its reference still looks further, to refuse loudly what nothing can prove.
    if (!found)
        return claim.name && carrier?.kind === "none"
            ? foundByCsr(client, orderReference, claim.name, carrier)
            : undefined;
    const proof = found.proof;
    if (proof === "reference read back from the CSR" && found.certificateId)
        await restoreComment(client, found.certificateId, orderReference);
    if (found.jobId || !found.certificateId)
        return { certificateId: found.certificateId, jobId: found.jobId, status: found.status, orderReference, proof };
    const certificate = await unlessNotFound(client.certificate.info(found.certificateId));
    if (!certificate || !ownershipProof(await withCsrReference(certificate), claim).owned) return undefined;
    return { ...(await settledOrder(client, certificate, found.status, orderReference)), proof };
}

/**
 * An order whose comment the account did not keep, proven by its CSR (csrProof.ts). Its running job, if any, is
 * found among the name's running orders by the certificate id Job Info names; the comment is restored on the way
 * (Certificate Comment Update), so that later lookups find it by the comment where the account allows it.
 */
async function foundByCsr(
    client: Client,
    orderReference: string,
    name: string,
    carrier: ReferenceCarrier,
): Promise<FoundOrder | undefined> {
    const certificate = await findByCsr(client, name, orderReference, carrier);
    if (!certificate) return undefined;
    await restoreComment(client, certificate.id, orderReference);
    const running = (await client.job.list({ object: certificate.name }, { withObjectData: true })).find(
        (entry) => entry.certificateId === certificate.id,
    );
    if (running) return { certificateId: certificate.id, jobId: running.jobId, status: running.status, orderReference };
    return settledOrder(client, certificate, undefined, orderReference);
}

/**
 * Restores the comment of an order proven by its CSR (Certificate Comment Update), so that later lookups find it by
 * the comment where the account allows it; an account without the ACLs refuses, which changes nothing here.
 */
async function restoreComment(client: Client, certificateId: string, orderReference: string): Promise<void> {
    await client.certificate.updateComment(certificateId, orderReference).catch(() => undefined);
}

/** A found certificate without a running job: issued, or ended without a leaf (its last job tells how). */
async function settledOrder(
    client: Client,
    certificate: Certificate,
    status: string | undefined,
    orderReference: string,
): Promise<FoundOrder> {
    const found = { certificateId: certificate.id, status };
    if (certificate.server) return { certificateId: found.certificateId, status: found.status, orderReference };
    // No running job and no leaf: the order ended without a certificate (the Certificate object has no status of its
    // own). Its last job in the history tells how, so the wait reports the CA's refusal instead of waiting for a leaf.
    const ended = await client.job.lastFinishedOf(certificate.name, found.certificateId);
    return {
        certificateId: found.certificateId,
        jobId: ended?.id,
        status: ended?.status ?? found.status,
        orderReference,
    };
}

/** Whether the certificate's current leaf is the one the order waits for (new key, or no longer the old serial). */
async function leafIsTheNewOne(serverPem: string, order: PendingOrder): Promise<boolean> {
    if (!order.expectedPublicKeySha256 && !order.previousSerialNumber) return true;
    const leaf = await parseCertificate(splitPemBlocks(serverPem)[0]);
    if (order.expectedPublicKeySha256 && leaf.publicKeySha256 !== order.expectedPublicKeySha256) return false;
    return !order.previousSerialNumber || leaf.serialNumber !== order.previousSerialNumber;
}

/** The CertificateInfo a status check read for this certificate, when the status source handed one on. */
export function issuedCertificate(certificateId: string, issued: unknown): Certificate | undefined {
    const certificate = issued as Certificate | undefined;
    return certificate && certificate.id === certificateId && certificate.server ? certificate : undefined;
}

/** The certificate tells: issued once `server` holds the leaf the order waits for (CertificateInfo). */
export async function certificateStatus(client: Client, order: PendingOrder): Promise<OrderStatus> {
    const certificateId =
        order.certificateId ??
        (order.orderReference
            ? (await client.certificate.findOrder({ orderReference: order.orderReference }))?.certificateId
            : undefined);
    if (!certificateId) return { outcome: "pending", status: "ORDERED" };
    const certificate = await client.certificate.info(certificateId);
    if (certificate.server && (await leafIsTheNewOne(certificate.server, order)))
        return { outcome: "issued", status: "ISSUED", certificateId, issued: certificate };
    return { outcome: "pending", status: "PENDING", certificateId };
}

/**
 * One status check that consumes nothing: GET /job/{id} while the job is known ("Certificate Job Info"), else the
 * certificate. A finished job leaves Job Info (EF300101 answers NotFoundError): the certificate then tells.
 */
export async function jobStatus(client: Client, order: PendingOrder, described: Described = {}): Promise<OrderStatus> {
    if (!order.jobId) return certificateStatus(client, order);
    const job = await unlessNotFound(client.job.info(order.jobId));
    if (!job) return finishedJobStatus(client, order, order.jobId);
    const outcome = jobOutcome(job.status);
    const certificateId = job.object?.data?.id ?? order.certificateId;
    const status = job.status ?? "unknown";
    if (outcome === "failed") return { outcome, status, reason: job.reasons.join("; ") || status, certificateId };
    if (outcome === "pending")
        return {
            outcome,
            status,
            certificateId,
            detail: validationProgress({ dcvAuth: job.dcvAuth }, described.method, described.names),
        };
    // A finished job is not taken for an issued certificate on its own word: the certificate (named by the job, or
    // found by the order's reference) must carry the leaf the order waits for.
    const settled = await certificateStatus(client, { ...order, jobId: undefined, certificateId });
    return settled.outcome === "pending" ? { ...settled, status: `${status}, no issued leaf yet` } : settled;
}

/**
 * A finished job has left Job Info (EF300101, "Certificate Job Info"): its row in the job history tells whether it
 * failed, and the certificate whether it was issued.
 */
async function finishedJobStatus(client: Client, order: PendingOrder, jobId: string): Promise<OrderStatus> {
    const history = await client.job.history(jobId);
    if (history && jobOutcome(history.status) === "failed") {
        return {
            outcome: "failed",
            status: history.status ?? "FAILED",
            reason: history.reasons.join("; ") || (history.status ?? "FAILED"),
            certificateId: order.certificateId,
        };
    }
    const certificateId = order.certificateId ?? history?.object?.data?.id;
    return certificateStatus(client, { ...order, jobId: undefined, certificateId });
}

/**
 * The job strategy's source: every pending order of the account shares one Job List poll per round (jobList.ts); a
 * finished job's history row names its certificate, which must then carry the leaf. An order whose certificate is
 * still unknown while its job runs takes it from the Job List row where the row names it, else asks its job once
 * (the documented rows name none), so a wait that ends unfinished records the certificate's id.
 */
export function jobStatusSource(
    client: Client,
    intervalMs: number,
    described: Described = {},
    clock: Clock = systemClock,
): StatusSource {
    const asked = new Set<string>();
    return {
        async statusOf(order) {
            if (!order.jobId) return certificateStatus(client, order);
            const result = await jobListPollerFor(client, clock).statusOf(order.jobId, intervalMs);
            if (result.outcome === "failed")
                return {
                    outcome: "failed",
                    status: result.status,
                    reason: result.reasons.join("; ") || result.status,
                    certificateId: order.certificateId,
                };
            if (result.outcome === "succeeded") {
                const settled = await certificateStatus(client, {
                    ...order,
                    jobId: undefined,
                    certificateId: result.certificateId ?? order.certificateId,
                });
                return settled.outcome === "pending"
                    ? { ...settled, status: `${result.status}, no issued leaf yet` }
                    : settled;
            }
            let certificateId = order.certificateId ?? result.certificateId;
            if (!certificateId && !asked.has(order.jobId)) {
                asked.add(order.jobId);
                certificateId = (await unlessNotFound(client.job.info(order.jobId)))?.object?.data?.id;
            }
            return {
                outcome: "pending",
                status: result.status,
                certificateId,
                detail: validationProgress({ dcvAuth: result.dcvAuth }, described.method, described.names),
            };
        },
    };
}

/** How long `delete` waits for InterNetX to finish a cancellation (CertificateDelete answers a job). */
export const cancellationTimeoutMs = 10 * 60 * 1000;
export const cancellationPollIntervalMs = 2000;

/**
 * CertificateDelete starts the cancellation and answers its job ("CertificateDelete": N400103, swagger
 * JsonResponseDataJob). `delete` succeeds once the job has finished or left Job Info and the certificate is gone;
 * a failed cancellation fails loudly (a failed `delete` means the certificate still exists).
 */
/**
 * `delete` of Certificate and SmimeCertificate by `onDestroy`: cancel (the default; waits for the cancellation),
 * revoke (Certificate Revoke) or keep (no request). A certificate already gone is success.
 */
export async function endCertificate(
    client: Client,
    certificateId: string,
    recorded: { onDestroy?: OnDestroy; status?: string } | undefined,
    label: string,
    options: { log: ProgressLog; clock?: Clock; signal?: AbortSignal },
): Promise<void> {
    const action = destroyAction(recorded?.onDestroy, recorded?.status);
    if (action === "revoke") await unlessNotFound(client.certificate.revoke(certificateId));
    if (action === "cancel") await cancelCertificate(client, certificateId, options);
    options.log(destroyLine(label, action, certificateId));
}

export async function cancelCertificate(
    client: Client,
    certificateId: string,
    options: { log: ProgressLog; clock?: Clock; signal?: AbortSignal; timeoutMs?: number },
): Promise<void> {
    const answer = await unlessNotFound(client.certificate.delete(certificateId));
    if (!answer) return;
    const jobId = (answer as { jobId?: string } | void)?.jobId;
    if (!jobId) return;
    const source: StatusSource = {
        statusOf: async () => {
            let job;
            try {
                job = await client.job.info(jobId);
            } catch (error) {
                if (!(error instanceof NotFoundError)) throw error;
                // Gone from Job Info: finished. Its history row tells a failed cancellation; the certificate tells the rest.
                const history = await client.job.history(jobId);
                if (history && jobOutcome(history.status) === "failed")
                    return {
                        outcome: "failed",
                        status: history.status ?? "FAILED",
                        reason: history.reasons.join("; ") || "the cancellation failed",
                    };
                const still = await unlessNotFound(client.certificate.info(certificateId));
                return still
                    ? { outcome: "pending", status: "CANCELLING", certificateId }
                    : { outcome: "issued", status: "CANCELLED", certificateId };
            }
            const outcome = jobOutcome(job.status);
            if (outcome === "failed")
                return {
                    outcome,
                    status: job.status ?? "FAILED",
                    reason: job.reasons.join("; ") || "the cancellation failed",
                };
            return outcome === "succeeded"
                ? { outcome: "issued", status: job.status ?? "SUCCESS", certificateId }
                : { outcome: "pending", status: job.status ?? "RUNNING" };
        },
    };
    try {
        await waitUntilIssued(
            source,
            { jobId, certificateId },
            {
                settings: {
                    timeoutMs: options.timeoutMs ?? cancellationTimeoutMs,
                    intervalMs: cancellationPollIntervalMs,
                },
                log: options.log,
                clock: options.clock ?? systemClock,
                signal: options.signal,
                label: `certificate ${certificateId}`,
                action: "cancellation",
            },
        );
    } catch (error) {
        if (error instanceof OrderFailedError)
            throw new OrderFailedError(
                `certificate ${certificateId}: the cancellation failed (job ${jobId}): ${error.reason}`,
                { jobId, reason: error.reason },
            );
        if (error instanceof WaitTimedOutError) {
            throw new WaitTimedOutError(
                `certificate ${certificateId}: the cancellation (job ${jobId}) did not finish within ${Math.round((options.timeoutMs ?? cancellationTimeoutMs) / 1000)}s; the certificate still exists`,
                {
                    jobId,
                    certificateId,
                    lastStatus: error.lastStatus,
                    waitedMs: error.waitedMs,
                },
            );
        }
        throw error;
    }
}
