/**
 * Whether a certificate or job of the account is provably the order placed under a resource's reference: the one test
 * every adoption, reissue, renewal and cancellation on behalf of a resource passes first. The proof is read back from
 * the object itself — never taken from a server-side filter, which only narrows a search (an account whose searches
 * ignore `comment` answers every row; swagger Certificate.comment "Requires appropriate ACLs").
 */

/** What an answer showed of one object: a Certificate List row, Job Info's `object.data`, or CertificateInfo. */
export interface OwnershipEvidence {
    /** The certificate's `comment` as read back; absent when the answer carried no comment (list rows unless asked, ACLs). */
    comment?: string;
    /** The certificate's CSR as read back (only CertificateInfo and Job Info's `object.data` carry it). */
    csr?: string;
    /**
     * An order reference the CSR carries in its PKCS#9 unstructuredName attribute (the CSR the provider makes,
     * csrReference.ts `withCsrReference`), read by the caller since parsing the CSR is asynchronous; absent when not read.
     */
    csrReference?: string;
}

/** What the resource knows of its own order. */
export interface OwnershipClaim {
    /** The reference the order was placed with (sent as the certificate's `comment`). */
    orderReference: string;
    /** The CSR the order was placed with, when it is the program's own (a generated one dies with a killed process). */
    csrPem?: string;
}

export type OwnershipProof =
    /** The object's own comment is the reference. */
    | { owned: true; reason: "reference read back" }
    /** The object carries no comment and its CSR is the resource's own CSR. */
    | { owned: true; reason: "own CSR read back" }
    /** The object carries no comment and its CSR carries the reference (the CSR the provider made for this order). */
    | { owned: true; reason: "reference read back from the CSR" }
    /** No comment, and a CSR that carries another order's reference. */
    | { owned: false; reason: "another reference in the CSR" }
    /** The object's comment is another reference: another stack's, or the account holder's note. */
    | { owned: false; reason: "another reference" }
    /** No comment, and a CSR that is not the resource's. */
    | { owned: false; reason: "another CSR" }
    /** Neither a comment nor a CSR to compare: nothing proves it is ours, so it is never touched. */
    | { owned: false; reason: "no readable proof" };

const normalizePem = (pem: string) => pem.replace(/\s+/g, "");

/**
 * The proof, or the named reason there is none. A comment that names another order wins over an equal CSR; without a
 * comment the resource's own CSR, then the reference the CSR carries, decide.
 */
export function ownershipProof(object: OwnershipEvidence, claim: OwnershipClaim): OwnershipProof {
    const comment = object.comment?.trim();
    if (comment)
        return comment === claim.orderReference
            ? { owned: true, reason: "reference read back" }
            : { owned: false, reason: "another reference" };
    const csr = object.csr?.trim();
    if (claim.csrPem && csr && normalizePem(csr) === normalizePem(claim.csrPem))
        return { owned: true, reason: "own CSR read back" };
    if (object.csrReference !== undefined) {
        return object.csrReference === claim.orderReference
            ? { owned: true, reason: "reference read back from the CSR" }
            : { owned: false, reason: "another reference in the CSR" };
    }
    if (!claim.csrPem || !csr) return { owned: false, reason: "no readable proof" };
    return { owned: false, reason: "another CSR" };
}
