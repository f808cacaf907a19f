import { z } from "zod";
import { createHash } from "node:crypto";
import { asText } from "../shared/text";

/**
 * The order reference: how an order placed by a run that died (or whose answer was lost) is found again instead of
 * being placed twice. Every order carries it in a field the backend stores and returns (InterNetX: the certificate's user-defined
 * `comment`, "Certificate Object"; BILLmanager: the reselling platform's `remoteid`), and `create` asks the backend for it before ordering.
 *
 * A dynamic provider's `create` is not told the resource's URN, so the SDK's resource classes compute the reference
 * from what names the resource: project, stack, type token and resource name, plus the inputs whose change means a
 * new certificate (product, term, main name). Another stack's or project's certificate therefore carries another
 * reference and is never adopted.
 *
 * A replacement (`pulumi up --replace`, a changed product, create-before-delete) must not adopt the certificate the
 * old resource still holds: `check` sees the old resource's inputs and derives a successor reference from the old one
 * (`successorReference`), so the replacement orders under a reference of its own, and a replacement killed halfway
 * derives the same successor again on the next run (the old resource stays in state until the replacement is done).
 */
export const orderReferencePrefix = "psm1-";

/** Short enough for any client-controlled order field; 128 bits of SHA-256 keep references apart. */
const digestLength = 32;

function digest(parts: readonly string[]): string {
    return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, digestLength);
}

export interface OrderReferenceParts {
    project: string;
    stack: string;
    /** The resource's type token, e.g. `internetx:Certificate`. */
    type: string;
    /** The resource's name in the program. */
    name: string;
    /** The inputs whose change replaces the resource, in a fixed order (undefined ones as empty strings). */
    replacementInputs: readonly unknown[];
}

/** The reference of a resource's first order. */
export function orderReference(parts: OrderReferenceParts): string {
    const inputs = parts.replacementInputs.map((value) =>
        value === undefined || value === null ? "" : asText(value).toLowerCase(),
    );
    return orderReferencePrefix + digest([parts.project, parts.stack, parts.type, parts.name, ...inputs]);
}

/** The reference for an order that would replace the resource recorded with `previous`. */
export function successorReference(reference: string, previous: string): string {
    return orderReferencePrefix + digest([reference, "replaces", previous]);
}

/**
 * `check`'s part: the reference `create` will use. With no resource recorded under this URN (`olds` without a
 * reference: a first create, a create after a killed run, or state written before references existed) the program's
 * reference stands; with one recorded, any `create` that follows is a replacement and gets a successor.
 */
export function referenceForCreate(olds: Record<string, unknown>, news: Record<string, unknown>): string | undefined {
    const reference = typeof news.orderReference === "string" ? news.orderReference : undefined;
    const previous = typeof olds.orderReference === "string" ? olds.orderReference : undefined;
    if (!reference) return undefined;
    return previous ? successorReference(reference, previous) : reference;
}

/** The hidden `orderReference` input as `check` accepts it. */
export const orderReferencePattern = /^psm1-[0-9a-f]{32}$/;
export const orderReferenceSchema = z
    .string()
    .regex(orderReferencePattern, "is set by the SDK: psm1- and 32 hexadecimal digits");
