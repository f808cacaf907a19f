import { LifecycleContext } from "../../lifecycle/context";
import { createResource, deleteResource, readResource, updateResource } from "../../lifecycle/orderLifecycle";
import { withClient } from "../connection";
import { smimeBinding, SmimeProperties } from "./backend";
import { SmimeInputs } from "./inputs";

export { SmimeProperties } from "./backend";
export { checkSmimeInputs } from "./check";
export { decideSmimeChange, SmimeChange } from "./decisions";


export async function createSmime(inputs: SmimeInputs, context: LifecycleContext): Promise<{ id: string; outs: SmimeProperties }> {
    return withClient(inputs.connection, context, (client) => createResource(smimeBinding(client, context), inputs, context));
}

export async function updateSmime(id: string, olds: SmimeProperties, news: SmimeInputs, context: LifecycleContext): Promise<{ outs: SmimeProperties }> {
    return withClient(news.connection, context, (client) => updateResource(smimeBinding(client, context), id, olds, news, context));
}

export async function readSmime(id: string, props: SmimeProperties | undefined, context: LifecycleContext): Promise<{ id: string; props: Record<string, unknown>; inputs?: Record<string, unknown> }> {
    return withClient(props?.connection, context, (client) => readResource(smimeBinding(client, context), id, props));
}

export async function deleteSmime(id: string, props: SmimeProperties | undefined, context: LifecycleContext): Promise<void> {
    await withClient(props?.connection, context, (client) => deleteResource(smimeBinding(client, context), id, props));
}
