import type { Client } from "../../ispmanager/client";
import { Clock, ProgressLog } from "../../lifecycle/context";
import { OrderStatus, PendingOrder, StatusSource } from "../../lifecycle/port";
import { parseCertificate } from "../../x509";

/** How often a pending DNS-validated order asks the CA to look at the records again; the first pending check always asks. */
export const dnsRecheckIntervalMs = 60_000;

/** Whether to re-request DNS validation now: at the first pending check of a wait, then once per `dnsRecheckIntervalMs`. */
export function dnsRecheckDue(
    lastRecheckAtMs: number | undefined,
    nowMs: number,
    intervalMs: number = dnsRecheckIntervalMs,
): boolean {
    return lastRecheckAtMs === undefined || nowMs - lastRecheckAtMs >= intervalMs;
}

/**
 * One status check: the certificate's row, and the file once its issuance state says issued (an active service item
 * only means the order reached the CA). A failed issuance is the CA's refusal; a suspended or deleted item cannot be
 * issued either. After a reissue the file must carry the new leaf (new key, or no longer the old serial).
 */
export async function certificateStatus(client: Client, order: PendingOrder): Promise<OrderStatus> {
    const certificateId = order.certificateId!;
    const row = await client.certificate.info(certificateId);
    if (row.issuance === "failed")
        return { outcome: "failed", status: "FAILED", reason: row.reason ?? "the CA refused the order", certificateId };
    if (row.status === "SUSPENDED" || row.status === "DELETED")
        return { outcome: "failed", status: row.status, reason: row.itemStatusText ?? row.status, certificateId };
    if (row.issuance !== "issued")
        return { outcome: "pending", status: (row.issuance ?? row.status).toUpperCase(), certificateId };
    if (order.previousSerialNumber || order.expectedPublicKeySha256) {
        // The leaf by signature, not by the new CSR's key: during a reissue the file may still hold the previous leaf.
        const leaf = await parseCertificate((await client.certificate.download(certificateId)).certificatePem);
        if (order.previousSerialNumber && leaf.serialNumber === order.previousSerialNumber)
            return { outcome: "pending", status: "REISSUING", certificateId };
        if (order.expectedPublicKeySha256 && leaf.publicKeySha256 !== order.expectedPublicKeySha256)
            return { outcome: "pending", status: "REISSUING", certificateId };
    }
    return { outcome: "issued", status: row.status, certificateId };
}

/**
 * The BILLmanager status source of one wait. DNS-validated orders (TXT and CNAME records are both looked up in DNS)
 * ask the CA to look at the records again while pending ("Re-request for DNS validation", certificate.dns_verify):
 * some CAs only check when asked. A refused re-request does not end the wait: the status check decides.
 */
export function billingStatusSource(
    client: Client,
    options: { label: string; dnsRecheckDomains?: string[]; clock: Clock; log: ProgressLog },
): StatusSource {
    let lastRecheckAt: number | undefined;
    return {
        async statusOf(order) {
            const status = await certificateStatus(client, order);
            const domains = options.dnsRecheckDomains;
            if (
                status.outcome === "pending" &&
                domains?.length &&
                dnsRecheckDue(lastRecheckAt, options.clock.now().getTime())
            ) {
                lastRecheckAt = options.clock.now().getTime();
                await client.certificate.recheckDns(order.certificateId!, domains).then(
                    () =>
                        options.log(
                            `${options.label}: asked the CA to check the DNS records of ${domains.join(", ")} again`,
                        ),
                    (error: Error) =>
                        options.log(
                            `${options.label}: the request to check the DNS records again failed (${error.message}); waiting on`,
                        ),
                );
            }
            return status;
        },
    };
}
