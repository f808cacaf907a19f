import { OrderFailedError, WaitTimedOutError } from "../../errors";
import type { Client } from "../../ispmanager/client";
import type { DownloadedCertificate } from "../../ispmanager/certificate";
import { parseCertificate } from "../../x509";
import { ProgressLog } from "../log";
import { Clock, systemClock } from "../wait/clock";
import { nextPollDelay, WaitSettings } from "../wait/policy";

export interface IspmanagerWaitTarget {
    certificateId: string;
    /** For progress lines and errors. */
    domain: string;
    /** After a reissue: the serial the new certificate must not carry (the old one stays downloadable meanwhile). */
    previousSerialNumber?: string;
    /**
     * DNS-validated orders: the domains to ask the CA to look at again while the order is pending
     * ("Re-request for DNS validation", certificate.dns_verify). Some CAs only check the records when asked.
     */
    dnsRecheckDomains?: string[];
    /** The order's CSR: the downloaded file's leaf is the certificate carrying its key. */
    csr?: string;
}

/** How often a pending DNS-validated order asks the CA to look at the records again; the first pending check always asks. */
export const dnsRecheckIntervalMs = 60_000;

/** Whether to re-request DNS validation now: at the first pending check of a wait, then once per `dnsRecheckIntervalMs`. */
export function dnsRecheckDue(lastRecheckAtMs: number | undefined, nowMs: number, intervalMs: number = dnsRecheckIntervalMs): boolean {
    return lastRecheckAtMs === undefined || nowMs - lastRecheckAtMs >= intervalMs;
}

export type CertificateCheck =
    | { outcome: "pending"; status: string }
    | { outcome: "failed"; status: string; reason: string }
    | { outcome: "issued"; status: string; downloaded: DownloadedCertificate };

/**
 * One status check: the certificate's row, and the file once its issuance state says issued (an active service item
 * only means the order reached the CA). A failed issuance is the CA's refusal; a suspended or deleted item cannot be
 * issued either.
 */
export async function checkCertificate(client: Client, target: IspmanagerWaitTarget): Promise<CertificateCheck> {
    const row = await client.certificate.info(target.certificateId);
    if (row.issuance === "failed") return { outcome: "failed", status: "FAILED", reason: row.reason ?? "the CA refused the order" };
    if (row.status === "SUSPENDED" || row.status === "DELETED") return { outcome: "failed", status: row.status, reason: row.itemStatusText ?? row.status };
    if (row.issuance !== "issued") return { outcome: "pending", status: (row.issuance ?? row.status).toUpperCase() };
    const downloaded = await client.certificate.download(target.certificateId, { csr: target.csr });
    if (target.previousSerialNumber && (await parseCertificate(downloaded.certificatePem)).serialNumber === target.previousSerialNumber) {
        return { outcome: "pending", status: "REISSUING" };
    }
    return { outcome: "issued", status: row.status, downloaded };
}

/**
 * Polls until the certificate is issued (STYLE 6): resolves with the download; throws OrderFailedError with the billing
 * system's reason, or WaitTimedOutError (the order stands; waiting again resumes it).
 */
export async function waitForCertificate(
    client: Client,
    target: IspmanagerWaitTarget,
    options: { settings: WaitSettings; log: ProgressLog; clock?: Clock },
): Promise<DownloadedCertificate> {
    const clock = options.clock ?? systemClock;
    const started = clock.now().getTime();
    let delay: number | undefined;
    let lastRecheckAt: number | undefined;
    for (;;) {
        const check = await checkCertificate(client, target);
        const elapsed = clock.now().getTime() - started;
        if (check.outcome === "issued") {
            options.log(`${target.domain}: issued after ${Math.round(elapsed / 1000)}s (certificate ${target.certificateId})`);
            return check.downloaded;
        }
        if (check.outcome === "failed") {
            throw new OrderFailedError(`${target.domain}: the order failed (certificate ${target.certificateId}, ${check.status}): ${check.reason}`, {
                reason: check.reason,
                task: "certificate",
            });
        }
        const remaining = options.settings.timeoutMs - elapsed;
        if (remaining <= 0) {
            throw new WaitTimedOutError(
                `${target.domain}: still ${check.status} after ${Math.round(elapsed / 1000)}s (certificate ${target.certificateId}); the order is kept and the next update resumes the wait`,
                { certificateId: target.certificateId, lastStatus: check.status, waitedMs: elapsed },
            );
        }
        if (target.dnsRecheckDomains?.length && dnsRecheckDue(lastRecheckAt, clock.now().getTime())) {
            lastRecheckAt = clock.now().getTime();
            // A refused re-request does not end the wait: the status check is what decides, and it reports any lasting problem.
            await client.certificate.recheckDns(target.certificateId, target.dnsRecheckDomains).then(
                () => options.log(`${target.domain}: asked the CA to check the DNS records of ${target.dnsRecheckDomains!.join(", ")} again`),
                (error: Error) => options.log(`${target.domain}: the request to check the DNS records again failed (${error.message}); waiting on`),
            );
        }
        delay = nextPollDelay(delay, options.settings, remaining);
        options.log(`${target.domain}: ${check.status} after ${Math.round(elapsed / 1000)}s; checking again in ${Math.round(delay / 1000)}s`);
        await clock.sleep(delay);
    }
}
