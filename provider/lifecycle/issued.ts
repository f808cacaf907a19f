import { NotIssuedError } from "../errors";

/**
 * The guard between a wait and a successful create or update: outputs without an issued leaf are refused, so the
 * caller turns them into the initialization error that carries the pending order (the next run resumes it).
 */
export function requireIssued<T extends { status: string; certificatePem?: string; certificateId?: string }>(
    outputs: T,
    name: string,
): T & { status: "ISSUED"; certificatePem: string } {
    if (outputs.status !== "ISSUED" || !outputs.certificatePem) {
        throw new NotIssuedError(
            `${name}: the order finished but certificate ${outputs.certificateId ?? "-"} carries no issued certificate yet; the order is kept and the next update resumes the wait`,
            {
                certificateId: outputs.certificateId,
            },
        );
    }
    return outputs as T & { status: "ISSUED"; certificatePem: string };
}
