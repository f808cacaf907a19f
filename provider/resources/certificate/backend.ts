import { OrderFailedError, unlessNotFound } from "../../errors";
import type { Client } from "../../internetx/client";
import type { CertificateOrder } from "../../internetx/services/certificate";
import { LifecycleContext } from "../../lifecycle/context";
import { waitSettings } from "../../lifecycle/waitSettings";
import { KeyMaterial, OrderBackend, PendingOrder } from "../../lifecycle/port";
import { ResourceBinding } from "../../lifecycle/orderLifecycle";
import { csrFromPrivateKey, generateKeyAndCsr, parseCsr } from "../../x509";
import {
    endCertificate,
    findPlacedOrder,
    issuedCertificate,
    jobStatusSource,
    pendingFromAccepted,
} from "../internetx/orders";
import { notificationStatusSource } from "../internetx/notifications";
import { ReferenceCarrier } from "../internetx/csrProof";
import { keepIssuedOrderReference, keepOrderReference, readsReferenceAtOrder } from "../internetx/keepReference";
import { CertificateChange, CertificateState, decideCertificateChange } from "./decisions";
import { CertificateInputs, defaultRenewBeforeDays, Validation } from "./inputs";
import { certificateOutputs } from "./outputs";
import { migrateCertificateState } from "./stateMigrations";

/** Everything a Certificate resource records: its inputs plus what the CA issued. */
export type CertificateProperties = CertificateInputs &
    CertificateState & {
        certificateId?: string;
        jobId?: string;
        csrPem?: string;
        privateKeyPem?: string;
        certificatePem?: string;
        serialNumber?: string;
        previousSerialNumber?: string;
        /** The `subjectAlternativeNames` input as given, also under this name (state written by 0.1.0 reads it). */
        requestedSubjectAlternativeNames?: string[];
    };

/** The inputs as recorded for decisions, from state of any version in today's layout (./stateMigrations.ts). */
export function recordedState(olds: Record<string, unknown>): CertificateState {
    return migrateCertificateState<CertificateState>(olds);
}

export function decideFromProperties(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    now: Date,
): CertificateChange {
    return decideCertificateChange(recordedState(olds), news, now);
}

/** The CSR to order with: the given one, a new one for the kept key, or a newly generated key and CSR. */
async function keyMaterial(
    inputs: CertificateInputs,
    previous?: { privateKeyPem?: string; privateKey?: unknown; orderReference?: string },
): Promise<KeyMaterial> {
    if (inputs.csr) return { csrPem: inputs.csr, publicKeySha256: (await parseCsr(inputs.csr)).publicKeySha256 };
    // The CSR the provider makes carries the order's reference (csrProof.ts): the proof of ownership where the account keeps no comment.
    const unstructuredName = previous?.orderReference ?? inputs.orderReference;
    const names = {
        commonName: inputs.name!,
        subjectAlternativeNames: inputs.subjectAlternativeNames,
        subject: inputs.subject,
        unstructuredName,
    };
    const keySpecUnchanged =
        previous?.privateKeyPem && JSON.stringify(previous.privateKey) === JSON.stringify(inputs.privateKey);
    const material = keySpecUnchanged
        ? { csrPem: await csrFromPrivateKey(previous.privateKeyPem!, names), privateKeyPem: previous.privateKeyPem }
        : await generateKeyAndCsr({ key: inputs.privateKey!, ...names });
    return {
        csrPem: material.csrPem,
        privateKeyPem: material.privateKeyPem,
        publicKeySha256: (await parseCsr(material.csrPem)).publicKeySha256,
    };
}

/**
 * The authentication of an order. A DomainValidation's authentication is used as given, with every name's entry in
 * `domains` (swagger CertAuthentication.domains, "The authentication data for every domain"); EMAIL needs no
 * preparation; DNS and FILE take their data from CertificatePrepareOrder, which also checks the CSR and answers one
 * entry per name (InterNetX/php-domainrobot-sdk test/mock-data/Certificate/PrepareOrderResponse.json).
 */
async function authenticationFor(
    client: Client,
    validation: Validation,
    csrPem: string,
    product: string,
): Promise<NonNullable<CertificateOrder["authentication"]>> {
    if (validation.dns || validation.fileName || validation.approverEmails?.length || validation.domains?.length) {
        return {
            method: validation.method,
            dns: validation.dns,
            provisioning: validation.method === "DNS" ? (validation.provisioning ?? false) : undefined,
            fileName: validation.fileName,
            fileContent: validation.fileContent,
            approverEmails:
                validation.method === "EMAIL" ? (validation.approverEmails ?? [validation.approverEmail!]) : undefined,
            domains: validation.method === "EMAIL" ? undefined : validation.domains,
        };
    }
    if (validation.method === "EMAIL") return { method: "EMAIL", approverEmails: [validation.approverEmail!] };
    const prepared = await client.certificate.prepareOrder({ plain: csrPem, product });
    const offered = prepared.authentication.filter((authentication) => authentication.method === validation.method);
    if (offered.length === 0)
        throw new OrderFailedError(`${prepared.name}: ${validation.method} validation is not offered for ${product}`, {
            reason: "validation method not offered",
        });
    const named = offered.filter((entry) => entry.name);
    const domains =
        named.length > 0
            ? named.map((entry) => ({
                  name: entry.name!,
                  method: validation.method,
                  dns: entry.dns,
                  fileName: entry.fileName,
                  fileContent: entry.fileContent,
              }))
            : undefined;
    return validation.method === "DNS"
        ? { method: "DNS", dns: offered[0].dns, provisioning: validation.provisioning ?? true, domains }
        : { method: "FILE", fileName: offered[0].fileName, fileContent: offered[0].fileContent, domains };
}

function orderFor(
    inputs: CertificateInputs,
    csrPem: string,
    authentication: CertificateOrder["authentication"],
    orderReference?: string,
): CertificateOrder {
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
        orderReference,
    };
}

/** Where the order's reference travels besides the comment (csrProof.ts): the program's CSR, or the one the provider makes. */
function carrierOf(inputs: CertificateInputs): ReferenceCarrier {
    return inputs.csr ? { kind: "own CSR", csrPem: inputs.csr } : { kind: "generated CSR" };
}

const sameCsr = (left: string | undefined, right: string | undefined) =>
    (left ?? "").replace(/\s+/g, "") === (right ?? "").replace(/\s+/g, "");

/**
 * The outputs from the CertificateInfo the wait already read (one read per issued certificate), else a new read; the
 * same read tells whether the account kept the order reference (keepReference.ts), unless it was read at the order.
 */
async function issuedProperties(
    client: Client,
    certificateId: string,
    pending: CertificateProperties,
    inputs: CertificateInputs,
    issued: unknown,
    log: (message: string) => void,
): Promise<CertificateProperties> {
    const certificate = issuedCertificate(certificateId, issued) ?? (await client.certificate.info(certificateId));
    if (!readsReferenceAtOrder(carrierOf(inputs)))
        await keepIssuedOrderReference(
            client,
            certificate,
            pending.orderReference,
            carrierOf(inputs),
            inputs.name!,
            log,
        );
    return { ...pending, ...(await certificateOutputs(certificate)) };
}

/** The InterNetX SSL adapter: CertificateCreate, Reissue, Renew, Info, Delete in the port's words. */
export function certificateBackend(
    client: Client,
    context: LifecycleContext,
): OrderBackend<CertificateInputs, CertificateProperties> {
    return {
        label: (inputs) => inputs.name ?? "certificate",
        findPlacedOrder: (orderReference, inputs) =>
            findPlacedOrder(
                client,
                { orderReference, name: inputs.name, csrPem: inputs.csr },
                waitSettings(inputs).intervalMs,
                carrierOf(inputs),
            ),
        keyMaterial,
        async place(inputs, key, orderReference) {
            const authentication = await authenticationFor(client, inputs.validation, key.csrPem!, inputs.product);
            const accepted = pendingFromAccepted(
                await client.certificate.create(orderFor(inputs, key.csrPem!, authentication, orderReference)),
            );
            if (!readsReferenceAtOrder(carrierOf(inputs))) return accepted;
            return (
                await keepOrderReference(client, accepted, orderReference, carrierOf(inputs), inputs.name!, context.log)
            ).order;
        },
        async reissue(current, inputs, key): Promise<PendingOrder> {
            const certificateId = current.certificateId!;
            const existing = await client.certificate.info(certificateId);
            if (sameCsr(existing.csr, key.csrPem)) {
                context.log(`${inputs.name}: the reissue with this CSR was already placed; waiting for it`);
                return { certificateId, recovered: true };
            }
            const authentication = await authenticationFor(client, inputs.validation, key.csrPem!, inputs.product);
            const accepted = await client.certificate.reissue(
                certificateId,
                orderFor(inputs, key.csrPem!, authentication),
            );
            return { ...pendingFromAccepted(accepted), certificateId };
        },
        async renew(current, inputs) {
            context.log(`${inputs.name}: renewing certificate ${current.certificateId} (expires ${current.notAfter})`);
            const authentication = await authenticationFor(client, inputs.validation, current.csrPem!, inputs.product);
            return {
                ...pendingFromAccepted(
                    await client.certificate.renew(
                        current.certificateId!,
                        orderFor(inputs, current.csrPem!, authentication),
                    ),
                ),
                certificateId: current.certificateId,
            };
        },
        statusSource: (inputs) => {
            const { intervalMs } = waitSettings(inputs);
            const described = {
                names: [inputs.name!, ...(inputs.subjectAlternativeNames ?? [])],
                method: inputs.validation?.method,
            };
            return inputs.waitStrategy === "notifications"
                ? notificationStatusSource(client, intervalMs, described, context.clock)
                : jobStatusSource(client, intervalMs, described, context.clock);
        },
        pendingDetails: async () => ({}),
        issuedProperties: (certificateId, pending, inputs, issued) =>
            issuedProperties(client, certificateId, pending, inputs, issued, context.log),
        async read(certificateId, recorded) {
            const certificate = await unlessNotFound(client.certificate.info(certificateId));
            if (!certificate) return undefined;
            const outputs = await certificateOutputs(certificate);
            // Recorded state comes in today's layout (./lifecycle.ts): its subjectAlternativeNames is the input.
            const read = {
                ...outputs,
                subjectAlternativeNames: recorded ? recorded.subjectAlternativeNames : outputs.issuedNames,
            };
            if (recorded) return { props: { ...recorded, ...read } };
            const inputs = {
                name: certificate.name,
                product: certificate.product,
                lifetimeMonths: certificate.lifetime?.period,
                software: certificate.software,
                adminContactId: certificate.adminContact?.id,
                technicalContactId: certificate.technicalContact?.id,
                csr: certificate.csr,
            };
            return {
                props: { ...inputs, ...read, csrPem: certificate.csr } as unknown as CertificateProperties,
                inputs,
            };
        },
        cancel: (certificateId, recorded) =>
            endCertificate(client, certificateId, recorded, recorded?.name ?? certificateId, context),
    };
}

export function settingsOf(news: CertificateInputs): Partial<CertificateProperties> {
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

export function certificateBinding(
    client: Client,
    context: LifecycleContext,
): ResourceBinding<CertificateInputs, CertificateProperties> {
    return {
        backend: certificateBackend(client, context),
        idProperty: "certificateId",
        baseProperties: (inputs, key) => ({
            ...inputs,
            requestedSubjectAlternativeNames: inputs.subjectAlternativeNames,
            csrPem: key.csrPem,
            privateKeyPem: key.privateKeyPem,
        }),
        settingsOf,
        decide: (olds, news, now) => decideFromProperties(olds, news, now),
    };
}
