import { unlessNotFound } from "../../errors";
import type { Client } from "../../internetx/client";
import type { Certificate } from "../../internetx/schemas";
import { withCsrReference } from "./csrReference";
import { ownershipProof } from "./ownership";

/**
 * Where an order's reference travels besides the certificate's `comment`, which an account without the ACLs for it
 * does not keep (swagger Certificate.comment "Requires appropriate ACLs"): in the CSR the order carries, which
 * CertificateInfo answers as sent (`csr`). docs/wire-format.md "Order reference" and docs/lifecycle.md say why.
 *
 * - `generated CSR`: the provider makes the key and CSR and writes the reference into the CSR's PKCS#9
 *   unstructuredName attribute (x509/csr.ts), which no CA copies into a certificate.
 * - `own CSR`: the program's CSR is the proof: a certificate carrying exactly that CSR was ordered by its key holder.
 * - `none`: an S/MIME order whose key the CA makes has no CSR; nothing but the comment can carry the reference.
 */
export type ReferenceCarrier = { kind: "generated CSR" } | { kind: "own CSR"; csrPem: string } | { kind: "none" };

/** Certificates of `name`, newest first, leaving out those whose comment names another order (Certificate List). */
async function candidatesNamed(client: Client, name: string, orderReference: string): Promise<Certificate[]> {
    const { certificates } = await client.certificate.list({
        filters: [{ key: "name", value: name, operator: "EQUAL" }],
        view: { limit: 100 },
    });
    // The filter only narrows: each row's own name decides, and a row whose comment is another reference is another order.
    return certificates
        .filter((row) => row.name?.toLowerCase() === name.toLowerCase())
        .filter((row) => !row.comment || row.comment === orderReference)
        .sort((left, right) => Number(right.id) - Number(left.id));
}

/** Refusal to order or adopt where nothing can tell a killed run's order from another certificate of the same name. */
export class UnprovableOrderError extends Error {
    constructor(
        readonly certificateName: string,
        readonly certificateIds: string[],
    ) {
        super(
            `${certificateName}: certificate ${certificateIds.join(", ")} for ${certificateName} carries no order reference that can be read back (the account keeps no certificate comment, and an S/MIME order whose key the CA makes has no CSR to carry one), so it may be the order a killed earlier run placed for this resource. ` +
                `Neither ordering again nor adopting it: if certificate ${certificateIds[0]} is this resource's order, import it (pulumi import with that id); if none is, cancel ${certificateIds.length > 1 ? "them" : "it"} in the InterNetX account, or order with a key this provider makes (privateKey) or your own csr, whose CSR carries the reference`,
        );
        this.name = "UnprovableOrderError";
    }
}

/**
 * The certificate an earlier run ordered under `orderReference`, proven by its CSR (CertificateInfo's `csr`), when the
 * comment did not find it. With nothing to carry the reference (`none`), a certificate of this name whose owner cannot
 * be told is refused loudly (UnprovableOrderError) instead of adopted or ordered around: one of them may be paid for
 * by this resource already.
 */
export async function findByCsr(
    client: Client,
    name: string,
    orderReference: string,
    carrier: ReferenceCarrier,
): Promise<Certificate | undefined> {
    const claim = { orderReference, csrPem: carrier.kind === "own CSR" ? carrier.csrPem : undefined };
    const unknown: string[] = [];
    for (const row of await candidatesNamed(client, name, orderReference)) {
        const certificate = await unlessNotFound(client.certificate.info(row.id));
        if (!certificate) continue;
        // The one rule of adoption (ownership.ts), with the reference the certificate's CSR carries read first.
        const proof = ownershipProof(await withCsrReference(certificate), claim);
        if (proof.owned) return certificate;
        if (proof.reason === "no readable proof") unknown.push(certificate.id);
    }
    if (carrier.kind === "none" && unknown.length > 0) throw new UnprovableOrderError(name, unknown);
    return undefined;
}
