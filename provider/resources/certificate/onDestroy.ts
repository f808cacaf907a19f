import { unlessNotFound } from "../../errors";
import type { Client } from "../../internetx/client";
import { defaultOnDestroy, OnDestroy } from "./inputs";

/** What `delete` does to an InterNetX certificate, by `onDestroy`; a pending order has nothing to revoke and is cancelled. */
export function destroyAction(onDestroy: OnDestroy | undefined, status: string | undefined): OnDestroy {
    const chosen = onDestroy ?? defaultOnDestroy;
    return chosen === "revoke" && status === "PENDING" ? "cancel" : chosen;
}

/**
 * `delete` of Certificate and SmimeCertificate: cancel (CertificateDelete), revoke (Certificate Revoke,
 * POST /certificate/{id}/_revoke) or keep (no request). A certificate that is already gone is success.
 */
export async function endCertificate(
    client: Client,
    certificateId: string,
    props: { onDestroy?: OnDestroy; status?: string } | undefined,
): Promise<OnDestroy> {
    const action = destroyAction(props?.onDestroy, props?.status);
    if (action === "revoke") await unlessNotFound(client.certificate.revoke(certificateId));
    if (action === "cancel") await unlessNotFound(client.certificate.delete(certificateId));
    return action;
}
