import { OrderFailedError } from "../../errors";
import type { Client } from "../../internetx/client";
import { LifecycleContext } from "../../lifecycle/context";
import {
    createResource,
    deleteResource,
    finishOrder,
    readResource,
    updateResource,
} from "../../lifecycle/orderLifecycle";
import { csrPublicKeySha256 } from "../../x509";
import { withClient } from "../connection";
import { certificateBinding, CertificateProperties } from "./backend";
import { CertificateInputs } from "./inputs";
import { certificateOutputs } from "./outputs";
import { certificateDeclaration } from "./declaration";
import { readInLayout, recordedInLayout } from "../../lifecycle/stateVersion";
import { migrateCertificateState } from "./stateMigrations";
import { diffResult } from "../../lifecycle/results";
import { defineResource } from "../resource";
import { checkCertificateInputs } from "./check";
import { announceNewCertificate } from "./announce";
import { decideFromProperties } from "./backend";

export { CertificateProperties, decideFromProperties, recordedState } from "./backend";
export { checkCertificateInputs } from "./check";
export type { LifecycleContext } from "../../lifecycle/context";

/*
 * Every entry point reads recorded state in today's layout and writes it with the layout's number (`stateVersion`,
 * provider/lifecycle/stateVersion.ts; the layouts are in ./declaration.ts): the native and the dynamic provider call these.
 */
const { stateMigrations } = certificateDeclaration;

/** `create`: adopt the order an interrupted run placed under this resource's reference, or order; wait, read. */
export async function createCertificate(
    inputs: CertificateInputs,
    context: LifecycleContext,
): Promise<{ id: string; outs: CertificateProperties }> {
    return recordedInLayout(stateMigrations, () =>
        withClient(inputs.connection, context, async (client) => {
            if (inputs.importCertificateId) return importCertificate(client, inputs, context);
            return createResource(certificateBinding(client, context), inputs, context);
        }),
    );
}

/** Takes over an existing certificate (no order): it must carry the name the program declares. */
async function importCertificate(
    client: Client,
    inputs: CertificateInputs,
    context: LifecycleContext,
): Promise<{ id: string; outs: CertificateProperties }> {
    const certificateId = inputs.importCertificateId!;
    const existing = await client.certificate.info(certificateId);
    if (inputs.name && existing.name.toLowerCase() !== inputs.name.toLowerCase()) {
        throw new OrderFailedError(`certificate ${certificateId} is for ${existing.name}, not ${inputs.name}`, {
            reason: "name mismatch",
        });
    }
    context.log(
        `${existing.name}: adopting certificate ${certificateId} (order ${existing.orderId ?? "-"}) instead of ordering`,
    );
    const csrPem = existing.csr ?? inputs.csr;
    const base: CertificateProperties = {
        ...inputs,
        name: existing.name,
        requestedSubjectAlternativeNames: inputs.subjectAlternativeNames,
        csrPem,
        certificateId,
    };
    if (!existing.server) {
        const order = { certificateId, recovered: true, expectedPublicKeySha256: await csrPublicKeySha256(csrPem) };
        return finishOrder(
            certificateBinding(client, context),
            { ...inputs, name: existing.name },
            order,
            base,
            context,
            certificateId,
        );
    }
    return { id: certificateId, outs: { ...base, ...(await certificateOutputs(existing)) } };
}

/** `update`: act on the decision `diff` made (decisions.ts). The resource id never changes. */
export async function updateCertificate(
    id: string,
    olds: CertificateProperties,
    news: CertificateInputs,
    context: LifecycleContext,
): Promise<{ outs: CertificateProperties }> {
    const recorded = migrateCertificateState<CertificateProperties>(olds);
    return recordedInLayout(stateMigrations, () =>
        withClient(news.connection, context, (client) =>
            updateResource(certificateBinding(client, context), id, recorded, news, context),
        ),
    );
}

/** `read` (refresh and import): every output from CertificateInfo; a deleted certificate gives an empty id. */
export async function readCertificate(
    id: string,
    props: CertificateProperties | undefined,
    context: LifecycleContext,
): Promise<{ id: string; props: Record<string, unknown>; inputs?: Record<string, unknown> }> {
    const recorded = props && migrateCertificateState<CertificateProperties>(props);
    return readInLayout(stateMigrations, () =>
        withClient(props?.connection, context, (client) =>
            readResource(certificateBinding(client, context), id, recorded),
        ),
    );
}

/** `delete`: cancels the certificate and waits for the cancellation; one that is already gone is success. */
export async function deleteCertificate(
    id: string,
    props: CertificateProperties | undefined,
    context: LifecycleContext,
): Promise<void> {
    const recorded = props && migrateCertificateState<CertificateProperties>(props);
    await withClient(props?.connection, context, (client) =>
        deleteResource(certificateBinding(client, context), id, recorded),
    );
}

/** Certificate as the native and the dynamic provider reach it (provider/resources/registry.ts). */
export const certificateResource = defineResource<CertificateInputs, CertificateProperties>({
    declaration: certificateDeclaration,
    orders: true,
    check: checkCertificateInputs,
    announce: announceNewCertificate,
    diff: (olds, news, now) => diffResult(decideFromProperties(olds, news, now)),
    create: createCertificate,
    read: readCertificate,
    update: updateCertificate,
    delete: deleteCertificate,
    // The names the certificate carries are recorded as its subjectAlternativeNames: they are inputs too.
    importedInputs: (imported, checked) => {
        const names = imported.props.subjectAlternativeNames;
        return checked({ ...imported.inputs, ...(names === undefined ? {} : { subjectAlternativeNames: names }) });
    },
});
