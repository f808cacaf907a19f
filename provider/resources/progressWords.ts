/**
 * The words of progress lines, one place for every backend: each action says what it is (an order, a reissue, a
 * renewal, a cancellation), and a time says what it measures. A status check sees an issuance only when it asks, so
 * "seen at status check 2, 10s after the order was accepted" is honest where "issued after 10s" was not.
 */
export type OrderAction = "order" | "reissue" | "renewal" | "cancellation";

/** What a finished job did, said as the user asked for it: a cancellation job's end is "cancelled", not "issued". */
const finished: Record<OrderAction, string> = {
    order: "issued",
    reissue: "reissued",
    renewal: "renewed",
    cancellation: "cancellation job finished",
};

const seconds = (ms: number) => `${Math.max(0, Math.round(ms / 1000))}s`;

function ids(order: { jobId?: string; certificateId?: string }): string {
    const parts = [
        order.jobId ? `job ${order.jobId}` : undefined,
        order.certificateId ? `certificate ${order.certificateId}` : undefined,
    ].filter(Boolean);
    return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

/** `www.example.com: order accepted (job 500000)` */
export function acceptedLine(
    label: string,
    action: OrderAction,
    order: { jobId?: string; certificateId?: string },
): string {
    return `${label}: ${action} accepted${ids(order)}`;
}

/**
 * `www.example.com: waiting for DNS validation of www.example.com, 2 of 3 names done (status check 2, 12s after the
 * order was accepted); next check in 15s`, or with no detail from the API: `order RUNNING (status check 1, …)`.
 */
export function waitingLine(
    label: string,
    action: OrderAction,
    progress: { status: string; detail?: string; check: number; elapsedMs: number; nextMs: number },
): string {
    const what = progress.detail ?? `${action} ${progress.status}`;
    return `${label}: ${what} (status check ${progress.check}, ${seconds(progress.elapsedMs)} after the ${action} was accepted); next check in ${seconds(progress.nextMs)}`;
}

/** `www.example.com: issued, seen at status check 1, 10s after the order was accepted` */
export function finishedLine(
    label: string,
    action: OrderAction,
    progress: { check: number; elapsedMs: number },
): string {
    return `${label}: ${finished[action]}, seen at status check ${progress.check}, ${seconds(progress.elapsedMs)} after the ${action} was accepted`;
}

/**
 * The last line of a destroy, after CertificateDelete's job finished (cancel), Certificate Revoke answered (revoke), or
 * nothing was sent (keep): `www.example.com: certificate 7 cancelled (onDestroy: cancel)`.
 */
export function destroyLine(label: string, action: "cancel" | "revoke" | "keep", certificateId: string): string {
    if (action === "keep") return `${label}: certificate ${certificateId} kept in the account (onDestroy: keep)`;
    if (action === "cancel") return `${label}: certificate ${certificateId} cancelled (onDestroy: cancel)`;
    return `${label}: revocation of certificate ${certificateId} accepted (onDestroy: revoke)`;
}
