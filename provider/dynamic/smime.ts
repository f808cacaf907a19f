import type * as pulumi from "@pulumi/pulumi";
import { SmimeInputs } from "../resources/smime/inputs";
import { checkSmimeInputs, createSmime, decideSmimeChange, deleteSmime, readSmime, SmimeProperties, updateSmime } from "../resources/smime/lifecycle";
import { unknownProperties } from "../resources/unknowns";
import { lifecycleContext } from "./context";
import { plain } from "./plain";

export async function check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    if (unknownProperties(news).size > 0) return { inputs: news };
    const result = await checkSmimeInputs(news);
    return result.failures.length > 0 ? { failures: result.failures } : { inputs: result.inputs as Record<string, unknown> };
}

export async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult> {
    const decision = decideSmimeChange(olds, news, lifecycleContext().clock.now());
    if (decision.kind === "none") return { changes: false };
    return decision.kind === "replace" ? { changes: true, replaces: decision.properties } : { changes: true };
}

export async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
    const result = await createSmime(inputs as unknown as SmimeInputs, lifecycleContext());
    return { id: result.id, outs: plain(result.outs) };
}

export async function update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult> {
    return { outs: plain((await updateSmime(id, olds as unknown as SmimeProperties, news as unknown as SmimeInputs, lifecycleContext())).outs) };
}

export async function read(id: string, props?: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
    const result = await readSmime(id, props as SmimeProperties | undefined);
    return { id: result.id, props: plain(result.props), inputs: result.inputs && plain(result.inputs) };
}

export async function remove(id: string, props: Record<string, unknown>): Promise<void> {
    await deleteSmime(id, props as unknown as SmimeProperties);
}
