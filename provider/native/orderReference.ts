import { orderReference, orderReferencePattern, referenceForCreate } from "../lifecycle/orderReference";
import type { ResourceDefinition } from "./schema/model";

/**
 * The order reference of a native resource (provider/lifecycle/orderReference.ts explains what it is for). A dynamic
 * provider is not told the URN, so the dynamic SDK computes the reference in the program; the native provider is told
 * the URN in Check and derives it here, so every language's program gets it without SDK code.
 */

/** The parts of a resource URN ("Resource URNs": `urn:pulumi:<stack>::<project>::<parent types$type>::<name>`). */
export interface UrnParts {
    stack: string;
    project: string;
    /** The resource's own type token (the last of the `$`-joined parent types). */
    type: string;
    /** The resource's name; everything after the third `::`, so a name may contain `::` itself. */
    name: string;
}

export function parseUrn(urn: string): UrnParts {
    const match = /^urn:pulumi:(.*?)::(.*?)::(.*?)::(.*)$/s.exec(urn);
    if (!match)
        throw new Error(
            `not a resource URN: ${JSON.stringify(urn)} (expected urn:pulumi:<stack>::<project>::<type>::<name>)`,
        );
    const [, stack, project, qualifiedType, name] = match;
    return { stack, project, type: qualifiedType.split("$").pop()!, name };
}

/** The engine's marker for a value not known yet (a preview of an output of another resource). */
export const unknownValue = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The inputs whose change replaces the resource (the schema's `replaces`), in the schema's order. */
export function replacementInputNames(resource: ResourceDefinition): string[] {
    return Object.entries(resource.inputs)
        .filter(([, property]) => property.replaces)
        .map(([name]) => name);
}

/**
 * The reference `create` will order under: from the URN's project, stack, type token and name and the checked
 * replacement-forcing inputs; a successor of the recorded one when `olds` already records a reference (any create that
 * follows is then a replacement, which must never adopt the certificate the old resource holds). Undefined while a
 * replacement-forcing input is still unknown (a preview): the update's Check derives it once the value is known.
 */
export function nativeOrderReference(
    urn: string,
    resource: ResourceDefinition,
    olds: Record<string, unknown>,
    checked: Record<string, unknown>,
): string | undefined {
    const replacementInputs = replacementInputNames(resource).map((name) => checked[name]);
    if (replacementInputs.some((value) => value === unknownValue)) return undefined;
    const { project, stack, type, name } = parseUrn(urn);
    const reference = orderReference({ project, stack, type, name, replacementInputs });
    // Only a reference this provider could have recorded counts as one (anything else in `olds` is not ours).
    const previous =
        typeof olds.orderReference === "string" && orderReferencePattern.test(olds.orderReference)
            ? olds.orderReference
            : undefined;
    return referenceForCreate(previous ? { orderReference: previous } : {}, { orderReference: reference });
}
