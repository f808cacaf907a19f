import type * as pulumi from "@pulumi/pulumi";
import { engineFailures, type CheckFailure } from "../resources/check";
import { referenceForCreate } from "../lifecycle/orderReference";
import { plain } from "./plain";

/** A `check` outcome as the engine wants it: failures, or the inputs to record (unknown values left as they came). */
/**
 * A check's result with the credentials `up` would find missing (resources/credentials.ts) added as failures: the
 * dynamic resources' connection is their own argument, the stack config or the environment, so their check knows.
 */
export function withMissingCredentials(result: pulumi.dynamic.CheckResult, missing: CheckFailure[]): pulumi.dynamic.CheckResult {
    return missing.length === 0 ? result : { failures: [...(result.failures ?? []), ...engineFailures(missing)] };
}

export function checkResult(result: { inputs?: unknown; failures: CheckFailure[] }): pulumi.dynamic.CheckResult {
    return result.failures.length > 0 ? { failures: engineFailures(result.failures) } : { inputs: result.inputs as Record<string, unknown> };
}

/**
 * `check` of a resource that orders: as `checkResult`, with the order reference `create` will use settled here, where
 * the old resource's inputs are known (orderReference.ts: a replacement gets a successor, so it never adopts the
 * certificate the old resource still holds).
 */
export function orderingCheckResult(olds: Record<string, unknown>, news: Record<string, unknown>, result: { inputs?: unknown; failures: CheckFailure[] }): pulumi.dynamic.CheckResult {
    const checked = checkResult(result);
    const orderReference = referenceForCreate(olds, news);
    return checked.inputs && orderReference ? { inputs: { ...checked.inputs, orderReference } } : checked;
}

/** A decision of the resource's pure diff: "none" is no change, "replace" names the properties, anything else updates in place. */
export function diffResult(decision: { kind: string; properties?: string[] }): pulumi.dynamic.DiffResult {
    if (decision.kind === "none") return { changes: false };
    return decision.kind === "replace" ? { changes: true, replaces: decision.properties, deleteBeforeReplace: false } : { changes: true };
}

export function readResult(result: { id: string; props: object; inputs?: object }): pulumi.dynamic.ReadResult {
    return { id: result.id, props: plain(result.props), inputs: result.inputs && plain(result.inputs) };
}
