import { NotIssuedError, OrderFailedError, unlessNotFound, WaitTimedOutError } from "../../errors";
import type { Client } from "../../internetx/client";
import type { CertificateOrder, OrderAccepted } from "../../internetx/services/certificate";
import { csrFromPrivateKey, generateKeyAndCsr, parseCsr } from "../../x509";
import { withClient } from "../connection";
import { ResourceInitializationError } from "../initializationError";
import { ProgressLog } from "../log";
import { Clock, systemClock } from "../wait/clock";
import { waitSettings } from "../wait/policy";
import { requireIssued } from "../wait/issued";
import { waitForIssuedCertificate, WaitTarget } from "../wait/waitForIssuance";
import { CertificateChange, CertificateState, decideCertificateChange } from "./decisions";
import { CertificateInputs, defaultRenewBeforeDays, Validation } from "./inputs";
import { acceptedLine, destroyLine, OrderAction } from "../progressWords";
import { endCertificate } from "./onDestroy";
import { certificateOutputs, IssuedCertificateOutputs, namesInState } from "./outputs";

/** Everything a Certificate resource records: its inputs plus what the CA issued (issue 3 outputs). */
export type CertificateProperties = CertificateInputs &
    CertificateState & {
        certificateId?: string;
        jobId?: string;
        csrPem?: string;
        privateKeyPem?: string;
        /** The `subjectAlternativeNames` input as given, also under this name (state written by 0.1.0 reads it). */
        requestedSubjectAlternativeNames?: string[];
    };

export interface LifecycleContext {
    log: ProgressLog;
    clock: Clock;
}

export const defaultLifecycleContext: LifecycleContext = { log: () => undefined, clock: systemClock };

/** The inputs as recorded for decisions, from state of any version (see namesInState). */
export function recordedState(olds: Record<string, unknown>): CertificateState {
    return { ...olds, subjectAlternativeNames: namesInState(olds).subjectAlternativeNames } as CertificateState;
}

export function decideFromProperties(olds: Record<string, unknown>, news: Record<string, unknown>, now: Date): CertificateChange {
    return decideCertificateChange(recordedState(olds), news as CertificateState, now);
}

interface KeyMaterial {
    csrPem: string;
    privateKeyPem?: string;
}

/** The CSR to order with: the given one, a new one for the kept key, or a newly generated key and CSR. */
async function keyMaterial(inputs: CertificateInputs, previous?: { privateKeyPem?: string; privateKey?: unknown }): Promise<KeyMaterial> {
    if (inputs.csr) return { csrPem: inputs.csr };
    const names = { commonName: inputs.name!, subjectAlternativeNames: inputs.subjectAlternativeNames, subject: inputs.subject };
    const keySpecUnchanged = previous?.privateKeyPem && JSON.stringify(previous.privateKey) === JSON.stringify(inputs.privateKey);
    if (keySpecUnchanged) return { csrPem: await csrFromPrivateKey(previous.privateKeyPem!, names), privateKeyPem: previous.privateKeyPem };
    const generated = await generateKeyAndCsr({ key: inputs.privateKey!, ...names });
    return { csrPem: generated.csrPem, privateKeyPem: generated.privateKeyPem };
}

/**
 * The authentication of an order. A DomainValidation's authentication is used as given; EMAIL needs no preparation;
 * DNS and FILE take their data from CertificatePrepareOrder, which also checks the CSR (seed 001).
 */
async function authenticationFor(client: Client, validation: Validation, csrPem: string, product: string): Promise<NonNullable<CertificateOrder["authentication"]>> {
    if (validation.dns || validation.fileName || validation.approverEmails?.length) {
        return {
            method: validation.method,
            dns: validation.dns,
            provisioning: validation.method === "DNS" ? (validation.provisioning ?? false) : undefined,
            fileName: validation.fileName,
            fileContent: validation.fileContent,
            approverEmails: validation.method === "EMAIL" ? (validation.approverEmails ?? [validation.approverEmail!]) : undefined,
        };
    }
    if (validation.method === "EMAIL") return { method: "EMAIL", approverEmails: [validation.approverEmail!] };
    const prepared = await client.certificate.prepareOrder({ plain: csrPem, product });
    const offered = prepared.authentication.find((authentication) => authentication.method === validation.method);
    if (!offered) throw new OrderFailedError(`${prepared.name}: ${validation.method} validation is not offered for ${product}`, { reason: "validation method not offered" });
    return validation.method === "DNS"
        ? { method: "DNS", dns: offered.dns, provisioning: validation.provisioning ?? true }
        : { method: "FILE", fileName: offered.fileName, fileContent: offered.fileContent };
}

function orderFor(inputs: CertificateInputs, csrPem: string, authentication: CertificateOrder["authentication"]): CertificateOrder {
    return {
        name: inputs.name!,
        product: inputs.product,
        lifetimeMonths: inputs.lifetimeMonths,
        software: inputs.software,
        csr: csrPem,
        adminContactId: inputs.adminContactId,
        technicalContactId: inputs.technicalContactId,
        authentication,
        subjectAlternativeNames: inputs.subjectAlternativeNames,
    };
}

/** Waits for an accepted order and reads the certificate; a wait that cannot finish becomes an initialization error carrying the pending state. */
async function finishOrder(
    client: Client,
    inputs: CertificateInputs,
    accepted: OrderAccepted,
    pending: CertificateProperties,
    expectedPublicKeySha256: string,
    context: LifecycleContext,
    resourceId: string | undefined,
    action: OrderAction = "order",
): Promise<{ id: string; outs: CertificateProperties }> {
    const names = [inputs.name!, ...(inputs.subjectAlternativeNames ?? [])];
    const target: WaitTarget = { jobId: accepted.jobId, certificateId: accepted.certificateId, name: inputs.name!, names, method: inputs.validation?.method, expectedPublicKeySha256 };
    if (!accepted.recovered) context.log(acceptedLine(inputs.name!, action, accepted));
    let outputs: IssuedCertificateOutputs;
    try {
        const certificate = await waitForIssuedCertificate(client, target, {
            strategy: inputs.waitStrategy,
            settings: waitSettings(inputs),
            log: context.log,
            clock: context.clock,
            freshOrder: !accepted.recovered,
            action,
        });
        outputs = requireIssued(await certificateOutputs(certificate), inputs.name!);
    } catch (error) {
        if (error instanceof OrderFailedError) throw error;
        // Timed out or interrupted: the order stands. Record it so the next run resumes instead of ordering again.
        const known =
            pending.certificateId ?? accepted.certificateId ?? (error instanceof WaitTimedOutError || error instanceof NotIssuedError ? error.certificateId : undefined) ?? (await certificateIdOfJob(client, accepted.jobId));
        const id = resourceId ?? known ?? `job-${accepted.jobId}`;
        throw new ResourceInitializationError((error as Error).message, id, { ...pending, certificateId: known });
    }
    const outs: CertificateProperties = { ...pending, ...outputs };
    return { id: resourceId ?? outputs.certificateId, outs };
}

async function certificateIdOfJob(client: Client, jobId: string | undefined): Promise<string | undefined> {
    if (!jobId) return undefined;
    try {
        return (await client.job.info(jobId)).object?.data?.id;
    } catch {
        return undefined;
    }
}

function baseProperties(inputs: CertificateInputs, material: KeyMaterial): CertificateProperties {
    return {
        ...inputs,
        requestedSubjectAlternativeNames: inputs.subjectAlternativeNames,
        csrPem: material.csrPem,
        privateKeyPem: material.privateKeyPem,
    };
}

/** `create`: order (or adopt the order an interrupted run placed), wait, read. A paid order is placed at most once. */
export async function createCertificate(inputs: CertificateInputs, context: LifecycleContext = defaultLifecycleContext): Promise<{ id: string; outs: CertificateProperties }> {
    return withClient(inputs.connection, async (client) => {
        if (inputs.importCertificateId) return adoptCertificate(client, inputs, context);
        const material = await keyMaterial(inputs);
        const csr = await parseCsr(material.csrPem);
        let accepted: OrderAccepted;
        // A run that died after ordering left no state; its order is found by name and CSR and adopted (issue 7).
        const adopted = inputs.csr ? await client.certificate.findOrder({ name: inputs.name!, csr: material.csrPem }) : undefined;
        if (adopted) {
            context.log(`${inputs.name}: adopting existing order ${adopted.orderId ?? adopted.id} for the same name and CSR`);
            accepted = { certificateId: adopted.id, recovered: true };
        } else {
            const authentication = await authenticationFor(client, inputs.validation, material.csrPem, inputs.product);
            accepted = await client.certificate.create(orderFor(inputs, material.csrPem, authentication));
        }
        const pending: CertificateProperties = { ...baseProperties(inputs, material), status: "PENDING", jobId: accepted.jobId, certificateId: accepted.certificateId };
        return finishOrder(client, inputs, accepted, pending, csr.publicKeySha256, context, undefined);
    });
}

/** Takes over an existing certificate (no order): it must carry the name the program declares. */
async function adoptCertificate(client: Client, inputs: CertificateInputs, context: LifecycleContext): Promise<{ id: string; outs: CertificateProperties }> {
    const certificateId = inputs.importCertificateId!;
    const existing = await client.certificate.info(certificateId);
    if (inputs.name && existing.name.toLowerCase() !== inputs.name.toLowerCase()) {
        throw new OrderFailedError(`certificate ${certificateId} is for ${existing.name}, not ${inputs.name}`, { reason: "name mismatch" });
    }
    context.log(`${existing.name}: adopting certificate ${certificateId} (order ${existing.orderId ?? "-"}) instead of ordering`);
    const csrPem = existing.csr ?? inputs.csr;
    const base: CertificateProperties = { ...inputs, name: existing.name, requestedSubjectAlternativeNames: inputs.subjectAlternativeNames, csrPem, certificateId };
    if (!existing.server) {
        const expected = csrPem ? (await parseCsr(csrPem)).publicKeySha256 : undefined;
        return finishOrder(client, { ...inputs, name: existing.name }, { certificateId, recovered: true }, { ...base, status: "PENDING" }, expected ?? "", context, certificateId);
    }
    return { id: certificateId, outs: { ...base, ...(await certificateOutputs(existing)) } };
}

/** `update`: act on the decision `diff` made (decisions.ts). The resource id never changes. */
export async function updateCertificate(
    id: string,
    olds: CertificateProperties,
    news: CertificateInputs,
    context: LifecycleContext = defaultLifecycleContext,
): Promise<{ outs: CertificateProperties }> {
    let current = olds;
    let decision = decideFromProperties(current, news, context.clock.now());
    return withClient(news.connection, async (client) => {
        if (decision.kind === "resume") {
            context.log(`${news.name}: resuming the wait for the order of an earlier run`);
            const expected = (await parseCsr(current.csrPem!)).publicKeySha256;
            const accepted: OrderAccepted = { jobId: current.jobId, certificateId: current.certificateId, recovered: true };
            const resumedInputs = { ...news, name: current.name ?? news.name } as CertificateInputs;
            current = (await finishOrder(client, resumedInputs, accepted, { ...current, ...settingsOf(news) }, expected, context, id)).outs;
            decision = decideFromProperties(current, news, context.clock.now());
        }
        switch (decision.kind) {
            case "none":
            case "resume":
                return { outs: current };
            case "settings":
                return { outs: { ...current, ...settingsOf(news) } };
            case "replace":
                throw new Error(`${news.name}: ${decision.reason}; this needs a replacement, not an update`);
            case "reissue":
                return { outs: (await reissue(client, id, current, news, context)).outs };
            case "renew":
                return { outs: (await renew(client, id, current, news, context)).outs };
        }
    });
}

function settingsOf(news: CertificateInputs): Partial<CertificateProperties> {
    return {
        software: news.software,
        validation: news.validation,
        renewBeforeDays: news.renewBeforeDays ?? defaultRenewBeforeDays,
        waitTimeoutSeconds: news.waitTimeoutSeconds,
        pollIntervalSeconds: news.pollIntervalSeconds,
        waitStrategy: news.waitStrategy,
        connection: news.connection,
    };
}

/** CertificateReissue with the new CSR (seed 002). A reissue an earlier run already placed (same CSR) is waited for, not repeated. */
async function reissue(client: Client, id: string, olds: CertificateProperties, news: CertificateInputs, context: LifecycleContext) {
    const certificateId = olds.certificateId ?? id;
    const material = await keyMaterial(news, olds);
    const csr = await parseCsr(material.csrPem);
    const existing = await client.certificate.info(certificateId);
    let accepted: OrderAccepted;
    if (existing.csr && existing.csr.replace(/\s+/g, "") === material.csrPem.replace(/\s+/g, "")) {
        context.log(`${news.name}: the reissue with this CSR was already placed; waiting for it`);
        accepted = { certificateId, recovered: true };
    } else {
        context.log(`${news.name}: reissuing certificate ${certificateId}`);
        const authentication = await authenticationFor(client, news.validation, material.csrPem, news.product);
        accepted = await client.certificate.reissue(certificateId, orderFor(news, material.csrPem, authentication));
        accepted = { ...accepted, certificateId: accepted.jobId ? accepted.certificateId : certificateId };
    }
    const pending: CertificateProperties = { ...olds, ...baseProperties(news, material), status: "PENDING", jobId: accepted.jobId, certificateId };
    return finishOrder(client, news, accepted, pending, csr.publicKeySha256, context, id, "reissue");
}

/** CertificateRenew with the current CSR, when the renewal window has been reached. */
async function renew(client: Client, id: string, olds: CertificateProperties, news: CertificateInputs, context: LifecycleContext) {
    const certificateId = olds.certificateId ?? id;
    context.log(`${news.name}: renewing certificate ${certificateId} (expires ${olds.notAfter})`);
    const csrPem = olds.csrPem!;
    const csr = await parseCsr(csrPem);
    const authentication = await authenticationFor(client, news.validation, csrPem, news.product);
    const accepted = await client.certificate.renew(certificateId, orderFor(news, csrPem, authentication));
    const pending: CertificateProperties = { ...olds, ...settingsOf(news), status: "PENDING", jobId: accepted.jobId, certificateId };
    // The renewed leaf carries the same key; the job (not the key) tells when it is done.
    return finishOrder(client, news, accepted, pending, csr.publicKeySha256, context, id, "renewal");
}

/**
 * `read` (refresh and import): every output from CertificateInfo. A deleted certificate gives an empty id.
 * Without recorded properties (import) the inputs are reconstructed from the certificate as well.
 */
export async function readCertificate(
    id: string,
    props: CertificateProperties | undefined,
): Promise<{ id: string; props: Record<string, unknown>; inputs?: Record<string, unknown> }> {
    const certificateId = props?.certificateId ?? id;
    return withClient(props?.connection, async (client) => {
        const certificate = await unlessNotFound(client.certificate.info(certificateId));
        if (!certificate) return { id: "", props: {} };
        const outputs = await certificateOutputs(certificate);
        const read = { ...outputs, subjectAlternativeNames: props ? namesInState(props).subjectAlternativeNames : outputs.issuedNames };
        if (props) {
            // A pending order stays pending in state (its jobId kept) until an update finishes it.
            return { id, props: { ...props, ...read, status: outputs.status === "ISSUED" && props.status === "PENDING" ? "PENDING" : outputs.status } };
        }
        const inputs = {
            name: certificate.name,
            product: certificate.product,
            lifetimeMonths: certificate.lifetime?.period,
            software: certificate.software,
            adminContactId: certificate.adminContact?.id,
            technicalContactId: certificate.technicalContact?.id,
            csr: certificate.csr,
        };
        return { id, props: { ...inputs, ...read, csrPem: certificate.csr }, inputs };
    });
}

/** `delete`: cancels, revokes or keeps the certificate, by `onDestroy` (onDestroy.ts); one already gone is success. */
export async function deleteCertificate(id: string, props: CertificateProperties | undefined, context: LifecycleContext = defaultLifecycleContext): Promise<void> {
    const certificateId = props?.certificateId ?? id;
    const action = await withClient(props?.connection, (client) => endCertificate(client, certificateId, props));
    context.log(destroyLine(props?.name ?? certificateId, action, certificateId));
}
