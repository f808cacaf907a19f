import { LifecycleContext } from "../../lifecycle/context";
import { createResource, deleteResource, readResource, updateResource } from "../../lifecycle/orderLifecycle";
import { withClient } from "../connection";
import { smimeBinding, SmimeProperties } from "./backend";
import { SmimeInputs } from "./inputs";
import { smimeCertificateDeclaration } from "./declaration";
import { decideSmimeChange, SmimeChange } from "./decisions";
import { migrateState, readInLayout, recordedInLayout } from "../../lifecycle/stateVersion";
import { diffResult } from "../../lifecycle/results";
import { defineResource } from "../resource";
import { checkSmimeInputs } from "./check";

export { SmimeProperties } from "./backend";
export { checkSmimeInputs } from "./check";
export { decideSmimeChange, SmimeChange };

/*
 * Every entry point reads recorded state in today's layout and writes it with the layout's number (`stateVersion`,
 * provider/lifecycle/stateVersion.ts; the layouts are in ./declaration.ts): the native and the dynamic provider call these.
 */
const { stateMigrations } = smimeCertificateDeclaration;
const inLayout = <Recorded extends object>(state: Recorded) => migrateState<Recorded>(state, stateMigrations);

/** `diff`'s decision (./decisions.ts) on recorded state of any layout. */
export function decideFromSmimeProperties(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    now: Date,
): SmimeChange {
    return decideSmimeChange(inLayout(olds), news, now);
}

export async function createSmime(
    inputs: SmimeInputs,
    context: LifecycleContext,
): Promise<{ id: string; outs: SmimeProperties }> {
    return recordedInLayout(stateMigrations, () =>
        withClient(inputs.connection, context, (client) =>
            createResource(smimeBinding(client, context), inputs, context),
        ),
    );
}

export async function updateSmime(
    id: string,
    olds: SmimeProperties,
    news: SmimeInputs,
    context: LifecycleContext,
): Promise<{ outs: SmimeProperties }> {
    return recordedInLayout(stateMigrations, () =>
        withClient(news.connection, context, (client) =>
            updateResource(smimeBinding(client, context), id, inLayout(olds), news, context),
        ),
    );
}

export async function readSmime(
    id: string,
    props: SmimeProperties | undefined,
    context: LifecycleContext,
): Promise<{ id: string; props: Record<string, unknown>; inputs?: Record<string, unknown> }> {
    return readInLayout(stateMigrations, () =>
        withClient(props?.connection, context, (client) =>
            readResource(smimeBinding(client, context), id, props && inLayout(props)),
        ),
    );
}

export async function deleteSmime(
    id: string,
    props: SmimeProperties | undefined,
    context: LifecycleContext,
): Promise<void> {
    await withClient(props?.connection, context, (client) =>
        deleteResource(smimeBinding(client, context), id, props && inLayout(props)),
    );
}

/** SmimeCertificate as the native and the dynamic provider reach it (provider/resources/registry.ts). */
export const smimeCertificateResource = defineResource<SmimeInputs, SmimeProperties>({
    declaration: smimeCertificateDeclaration,
    orders: true,
    check: checkSmimeInputs,
    diff: (olds, news, now) => diffResult(decideFromSmimeProperties(olds, news, now)),
    create: createSmime,
    read: readSmime,
    update: updateSmime,
    delete: deleteSmime,
});
