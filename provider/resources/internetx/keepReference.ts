import { unlessNotFound } from "../../errors";
import type { Client } from "../../internetx/client";
import type { Certificate } from "../../internetx/schemas";
import type { PendingOrder } from "../../lifecycle/port";
import type { ReferenceCarrier } from "./csrProof";

/**
 * After an order is accepted: does the account keep its reference? The certificate's `comment` is read back once
 * (CertificateInfo): at the order where `readsReferenceAtOrder` says so, else from the issued certificate's read.
 * When it is missing it is restored with Certificate Comment Update (swagger "Certificate Comment Update (4001024)",
 * the only way the swagger offers to set it), and read again.
 * An account whose ACLs do not cover the comment (swagger Certificate.comment "Requires appropriate ACLs") refuses
 * the update: the reference then lives only where the order's CSR carries it (csrProof.ts), and where nothing carries
 * it the log says so loudly, with what a killed run means.
 *
 * Never fails the order: it is placed and paid whatever this check finds, so any failure here is logged and the
 * order followed as usual.
 */

/** What the check found, for the log and the tests. */
export type ReferenceKept = "comment kept" | "comment restored" | "carried by the CSR" | "not carried" | "not checked";

export async function keepOrderReference(
    client: Client,
    order: PendingOrder,
    orderReference: string | undefined,
    carrier: ReferenceCarrier,
    label: string,
    log: (message: string) => void,
): Promise<{ order: PendingOrder; kept: ReferenceKept }> {
    if (!orderReference) return { order, kept: "not checked" };
    try {
        const certificateId =
            order.certificateId ?? (order.jobId ? await certificateOfJob(client, order.jobId) : undefined);
        if (!certificateId) {
            log(
                `${label}: the order's certificate is not known yet; its reference ${orderReference} was not read back`,
            );
            return { order, kept: "not checked" };
        }
        const known = { ...order, certificateId };
        return {
            order: known,
            kept: await keepReferenceOf(
                client,
                await client.certificate.info(certificateId),
                orderReference,
                carrier,
                label,
                log,
            ),
        };
    } catch (error) {
        log(
            `${label}: could not check that the account kept the order reference ${orderReference}: ${(error as Error).message}`,
        );
        return { order, kept: "not checked" };
    }
}

/**
 * Whether the reference is read back at the order, or later from the issued certificate's CertificateInfo (which the
 * wait reads anyway, so the check costs no request). Later is safe where a CSR carries the reference: a run killed
 * before the check finds the order by its CSR all the same (csrProof.ts). With nothing to carry it (an S/MIME order
 * whose key the CA makes) the warning must come before a killed run can matter.
 */
export function readsReferenceAtOrder(carrier: ReferenceCarrier): boolean {
    return carrier.kind === "none";
}

/** The check on the issued certificate's CertificateInfo the wait read (see `readsReferenceAtOrder`); never fails. */
export async function keepIssuedOrderReference(
    client: Client,
    certificate: Certificate,
    orderReference: string | undefined,
    carrier: ReferenceCarrier,
    label: string,
    log: (message: string) => void,
): Promise<ReferenceKept> {
    if (!orderReference) return "not checked";
    return keepReferenceOf(client, certificate, orderReference, carrier, label, log).catch((error: unknown) => {
        log(
            `${label}: could not check that the account kept the order reference ${orderReference}: ${(error as Error).message}`,
        );
        return "not checked" as const;
    });
}

/** The comment of a certificate as read: kept, else restored (Certificate Comment Update) and read again, else said. */
async function keepReferenceOf(
    client: Client,
    certificate: Certificate,
    orderReference: string,
    carrier: ReferenceCarrier,
    label: string,
    log: (message: string) => void,
): Promise<ReferenceKept> {
    const certificateId = certificate.id;
    if (certificate.comment === orderReference) return "comment kept";
    const refusal = await client.certificate.updateComment(certificateId, orderReference).then(
        () => undefined,
        (error: unknown) => (error as Error).message,
    );
    if (!refusal && (await client.certificate.info(certificateId)).comment === orderReference) {
        log(
            `${label}: the account did not keep the order reference sent as the certificate's comment; restored it with Certificate Comment Update (certificate ${certificateId})`,
        );
        return "comment restored";
    }
    const why = refusal
        ? `Certificate Comment Update was refused: ${refusal}`
        : "Certificate Comment Update did not make it stay";
    if (carrier.kind !== "none") {
        log(
            `${label}: this InterNetX account keeps no certificate comment (${why}); the order reference ${orderReference} travels in the order's CSR instead (certificate ${certificateId})`,
        );
        return "carried by the CSR";
    }
    // Said at every such order (so at the account's first), before a killed run can make it matter.
    log(
        `WARNING ${label}: this InterNetX account keeps no certificate comment (${why}), and an S/MIME order whose key the CA makes has no CSR to carry the order reference. ` +
            `If this run is killed before certificate ${certificateId} is recorded in the stack, the next run cannot tell it from any other certificate for ${label}: it will stop and ask you (import it, or cancel it) instead of ordering again. ` +
            `Give the resource privateKey or csr to have the reference carried in the CSR, or give the API user the ACLs for certificate comments.`,
    );
    return "not carried";
}

/** The certificate a job works on: Job Info's `object.data.id` while it runs, its history row's once it has finished (EF300101). */
async function certificateOfJob(client: Client, jobId: string): Promise<string | undefined> {
    const running = await unlessNotFound(client.job.info(jobId));
    if (running) return running.object?.data?.id;
    return (await client.job.history(jobId))?.object?.data?.id;
}
