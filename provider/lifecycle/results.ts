import { engineFailures, type CheckFailure } from "../resources/check";
import { referenceForCreate } from "./orderReference";

/**
 * What `check` and `diff` answer, in the shapes both entry points hand the engine (a dynamic provider's CheckResult and
 * DiffResult; the native provider's CheckResponse and DiffResponse carry the same fields).
 */
export interface CheckAnswer {
    inputs?: Record<string, unknown>;
    failures?: CheckFailure[];
}

export interface DiffAnswer {
    changes?: boolean;
    replaces?: string[];
    deleteBeforeReplace?: boolean;
}

/**
 * A check's result with the credentials `up` would find missing (resources/credentials.ts) added as failures: the
 * dynamic resources' connection is their own argument, the stack config or the environment, so their check knows.
 */
export function withMissingCredentials(result: CheckAnswer, missing: CheckFailure[]): CheckAnswer {
    return missing.length === 0 ? result : { failures: [...(result.failures ?? []), ...engineFailures(missing)] };
}

/** A `check` outcome as the engine wants it: failures, or the inputs to record (unknown values left as they came). */
export function checkResult(result: { inputs?: unknown; failures: CheckFailure[] }): CheckAnswer {
    return result.failures.length > 0
        ? { failures: engineFailures(result.failures) }
        : { inputs: result.inputs as Record<string, unknown> };
}

/**
 * `check` of a resource that orders: as `checkResult`, with the order reference `create` will use settled here, where
 * the old resource's inputs are known (orderReference.ts: a replacement gets a successor, so it never adopts the
 * certificate the old resource still holds).
 */
export function orderingCheckResult(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    result: { inputs?: unknown; failures: CheckFailure[] },
): CheckAnswer {
    const checked = checkResult(result);
    const orderReference = referenceForCreate(olds, news);
    return checked.inputs && orderReference ? { inputs: { ...checked.inputs, orderReference } } : checked;
}

/** A decision of the resource's pure diff: "none" is no change, "replace" names the properties, anything else updates in place. */
export function diffResult(decision: { kind: string; properties?: string[] }): DiffAnswer {
    if (decision.kind === "none") return { changes: false };
    return decision.kind === "replace"
        ? { changes: true, replaces: decision.properties, deleteBeforeReplace: false }
        : { changes: true };
}
