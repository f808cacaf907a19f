import { orderReferencePattern } from "../../lifecycle/orderReference";
import { parseCsr } from "../../x509";
import type { OwnershipEvidence } from "./ownership";

/**
 * The order reference a certificate's CSR carries (PKCS#9 unstructuredName, written by the CSR the provider makes),
 * for ownershipProof; an unreadable or missing CSR, or an attribute that is no order reference, carries none.
 */
export async function csrReferenceOf(certificateCsr: string | undefined): Promise<string | undefined> {
    if (!certificateCsr) return undefined;
    const csr = await parseCsr(certificateCsr).catch(() => undefined);
    const reference = csr?.unstructuredName;
    return reference !== undefined && orderReferencePattern.test(reference) ? reference : undefined;
}

/**
 * The evidence with the reference its CSR carries (csrReferenceOf), for ownershipProof. Only an object without a
 * comment needs it: a comment settles ownership on its own, and an account without the ACLs for `comment` leaves the
 * CSR as the only proof.
 */
export async function withCsrReference<T extends OwnershipEvidence>(object: T): Promise<T> {
    if (object.comment?.trim() || !object.csr?.trim()) return object;
    const csrReference = await csrReferenceOf(object.csr);
    return csrReference === undefined ? object : { ...object, csrReference };
}
