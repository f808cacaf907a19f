import { LifecycleContext } from "../../lifecycle/context";
import { createResource, deleteResource, readResource, updateResource } from "../../lifecycle/orderLifecycle";
import { ispmanagerBinding, IspmanagerCertificateProperties } from "./backend";
import { withIspmanagerClient } from "./connection";
import { decideIspmanagerCertificateChange, IspmanagerCertificateChange } from "./decisions";
import { IspmanagerCertificateInputs } from "./inputs";
import { ispmanagerCertificateDeclaration } from "./declaration";
import { migrateState, readInLayout, recordedInLayout, State } from "../../lifecycle/stateVersion";
import { diffResult } from "../../lifecycle/results";
import { defineResource } from "../resource";
import { checkIspmanagerCertificateInputs } from "./check";

export { IspmanagerCertificateProperties } from "./backend";

/*
 * Every entry point reads recorded state in today's layout and writes it with the layout's number (`stateVersion`,
 * provider/lifecycle/stateVersion.ts; the layouts are in ./declaration.ts): the native and the dynamic provider call these.
 */
const { stateMigrations } = ispmanagerCertificateDeclaration;
const inLayout = <Recorded extends object>(state: Recorded) => migrateState<Recorded>(state, stateMigrations);

export function decideFromIspmanagerProperties(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): IspmanagerCertificateChange {
    return decideIspmanagerCertificateChange(inLayout<State>(olds), news);
}

/** `create`: adopt the order an interrupted run placed under this resource's reference, or order; wait, download. */
export async function createIspmanagerCertificate(
    inputs: IspmanagerCertificateInputs,
    context: LifecycleContext,
): Promise<{ id: string; outs: IspmanagerCertificateProperties }> {
    return recordedInLayout(stateMigrations, () =>
        withIspmanagerClient(inputs.connection, context, (client) =>
            createResource(ispmanagerBinding(client, context), inputs, context),
        ),
    );
}

/** `update`: act on the decision `diff` made (decisions.ts). The resource id (the order id) never changes. */
export async function updateIspmanagerCertificate(
    id: string,
    olds: IspmanagerCertificateProperties,
    news: IspmanagerCertificateInputs,
    context: LifecycleContext,
): Promise<{ outs: IspmanagerCertificateProperties }> {
    return recordedInLayout(stateMigrations, () =>
        withIspmanagerClient(news.connection, context, (client) =>
            updateResource(ispmanagerBinding(client, context), id, inLayout(olds), news, context),
        ),
    );
}

/** `read` (refresh and import): the row, its validation data and, once active, its file; a deleted certificate gives an empty id. */
export async function readIspmanagerCertificate(
    id: string,
    props: IspmanagerCertificateProperties | undefined,
    context: LifecycleContext,
): Promise<{ id: string; props: Record<string, unknown>; inputs?: Record<string, unknown> }> {
    return readInLayout(stateMigrations, () =>
        withIspmanagerClient(props?.connection, context, (client) =>
            readResource(ispmanagerBinding(client, context), id, props && inLayout(props)),
        ),
    );
}

/** `delete`: certificate.delete; one that is already gone is success. */
export async function deleteIspmanagerCertificate(
    id: string,
    props: IspmanagerCertificateProperties | undefined,
    context: LifecycleContext,
): Promise<void> {
    await withIspmanagerClient(props?.connection, context, (client) =>
        deleteResource(ispmanagerBinding(client, context), id, props && inLayout(props)),
    );
}

/** ispmanager.Certificate as the native and the dynamic provider reach it (provider/resources/registry.ts). */
export const ispmanagerCertificateResource = defineResource<
    IspmanagerCertificateInputs,
    IspmanagerCertificateProperties
>({
    declaration: ispmanagerCertificateDeclaration,
    orders: true,
    check: checkIspmanagerCertificateInputs,
    diff: (olds, news) => diffResult(decideFromIspmanagerProperties(olds, news)),
    create: createIspmanagerCertificate,
    read: readIspmanagerCertificate,
    update: updateIspmanagerCertificate,
    delete: deleteIspmanagerCertificate,
    importedInputs: (imported, checked) => checked(imported.inputs!),
});
