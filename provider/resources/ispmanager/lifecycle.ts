import { InvalidInputError, OrderFailedError, unlessNotFound } from "../../errors";
import type { ApproverMethod, CertificateOrder, OrderPlaced } from "../../ispmanager/certificate";
import type { Client } from "../../ispmanager/client";
import { billingCountryId } from "../../ispmanager/countries";
import type { LifecycleContext } from "../certificate/lifecycle";
import { ResourceInitializationError } from "../initializationError";
import { systemClock } from "../wait/clock";
import { waitSettings } from "../wait/policy";
import { withIspmanagerClient } from "./connection";
import { decideIspmanagerCertificateChange, IspmanagerCertificateChange, IspmanagerCertificateState } from "./decisions";
import { approverEmailsFor, domainsOf, IspmanagerCertificateInputs } from "./inputs";
import { IssuedOutputs, issuedOutputs, ValidationOutputs, validationOutputs } from "./outputs";
import { waitForCertificate } from "./wait";

/** Everything an ispmanager.Certificate records: its inputs plus what the billing system and the CA gave (issue 6 outputs). */
export type IspmanagerCertificateProperties = IspmanagerCertificateInputs &
    ValidationOutputs &
    Partial<Omit<IssuedOutputs, "status">> & {
        /** The billing system's certificate id (`elid` of every later call); also the resource id. */
        orderId?: string;
        /** ISSUED; PENDING while an order or reissue waits to be finished. */
        status?: string;
        csrPem?: string;
        /** The key certificate.order.csr generated (seed 004 `model.key`); secret. */
        privateKeyPem?: string;
        /** While a reissue is pending: the serial of the certificate it replaces. */
        previousSerialNumber?: string;
    };

/** For the pure decisions: properties as a plain record. */
const asRecord = (properties: IspmanagerCertificateProperties) => properties as unknown as Record<string, unknown>;

const defaultContext: LifecycleContext = { log: () => undefined, clock: systemClock };

export function decideFromIspmanagerProperties(olds: Record<string, unknown>, news: Record<string, unknown>): IspmanagerCertificateChange {
    return decideIspmanagerCertificateChange(olds as IspmanagerCertificateState, news as IspmanagerCertificateState);
}

/** seed 004 spells out `approver_method=auth_email`; the other methods follow the names of certificate.edit's fields. */
const approverMethods: Record<IspmanagerCertificateInputs["validationMethod"], ApproverMethod> = {
    EMAIL: "auth_email",
    DNS: "auth_dnstxt",
    FILE: "auth_file",
    CNAME: "auth_cname",
};

const normalizePem = (pem: string | undefined) => (pem ?? "").replace(/\s+/g, "");
const sameNames = (left: string[] | undefined, right: string[] | undefined) =>
    [...new Set((left ?? []).map((name) => name.toLowerCase()))].sort().join(" ") === [...new Set((right ?? []).map((name) => name.toLowerCase()))].sort().join(" ");

/** The billing system's country id: given as such, or an ISO code looked up in certificate.order.csr's list (seed 004). */
async function countryIdFor(client: Client, inputs: IspmanagerCertificateInputs): Promise<string> {
    if (/^\d+$/.test(inputs.country)) return inputs.country;
    const countries = await client.certificate.countries({ pricelist: inputs.pricelist, periodMonths: inputs.periodMonths });
    const id = billingCountryId(inputs.country, countries);
    if (!id) throw new InvalidInputError("country", `${inputs.country} is not in the billing system's country list`);
    return id;
}

function orderFor(inputs: IspmanagerCertificateInputs, material: { csr: string; key?: string; countryId?: string }): CertificateOrder {
    return {
        pricelist: inputs.pricelist,
        periodMonths: inputs.periodMonths,
        crtType: material.key ? "generate" : "manual",
        domain: inputs.domain,
        altNames: inputs.altNames,
        altNameAddon: inputs.altNameAddon,
        subject: material.countryId ? subjectOf(inputs, material.countryId) : undefined,
        csr: material.csr,
        key: material.key,
        adminContact: inputs.adminContact,
        technicalContact: inputs.technicalContact,
        approverEmails: approverEmailsFor(inputs),
        approverMethod: approverMethods[inputs.validationMethod],
    };
}

function subjectOf(inputs: IspmanagerCertificateInputs, countryId: string) {
    return {
        domain: inputs.domain,
        altNames: inputs.altNames,
        countryId,
        region: inputs.region,
        city: inputs.city,
        organization: inputs.organization,
        organizationUnit: inputs.organizationUnit,
        email: inputs.email,
    };
}

/**
 * After an order or reissue was accepted: read the validation data, then (unless `waitForIssuance` is false) wait for
 * the certificate. Anything but the CA's refusal becomes an initialization error carrying the pending state, so the
 * engine records the order and the next run resumes instead of ordering again.
 */
async function finish(
    client: Client,
    inputs: IspmanagerCertificateInputs,
    pending: IspmanagerCertificateProperties,
    context: LifecycleContext,
    resourceId: string | undefined,
): Promise<{ id: string; outs: IspmanagerCertificateProperties }> {
    const orderId = pending.orderId!;
    const id = resourceId ?? orderId;
    let current = pending;
    try {
        current = { ...current, ...validationOutputs(await client.certificate.validationData(orderId), domainsOf(inputs)) };
        if (!inputs.waitForIssuance) {
            context.log(`${inputs.domain}: certificate ${orderId} ordered; not waiting (waitForIssuance is false), the next update waits`);
            return { id, outs: current };
        }
        const downloaded = await waitForCertificate(
            client,
            {
                certificateId: orderId,
                domain: inputs.domain,
                previousSerialNumber: current.previousSerialNumber,
                csr: current.csrPem,
                // seed 004's re-request is "for DNS validation": TXT and CNAME records are both looked up in DNS.
                dnsRecheckDomains: inputs.validationMethod === "DNS" || inputs.validationMethod === "CNAME" ? domainsOf(inputs) : undefined,
            },
            { settings: waitSettings(inputs), log: context.log, clock: context.clock },
        );
        const { previousSerialNumber: _previous, ...rest } = current;
        return { id, outs: { ...rest, ...(await issuedOutputs(downloaded)) } };
    } catch (error) {
        if (error instanceof OrderFailedError) throw error;
        throw new ResourceInitializationError((error as Error).message, id, asRecord(current));
    }
}

/** `create`: order (or adopt the order an interrupted run placed for the same domain and CSR), wait, download. */
export async function createIspmanagerCertificate(
    inputs: IspmanagerCertificateInputs,
    context: LifecycleContext = defaultContext,
): Promise<{ id: string; outs: IspmanagerCertificateProperties }> {
    return withIspmanagerClient(inputs.connection, async (client) => {
        let placed: OrderPlaced | undefined;
        let material: { csr: string; key?: string; countryId?: string };
        if (inputs.csr) {
            material = { csr: inputs.csr };
            // A run that died after ordering left no state: its order carries this CSR and is adopted, not repeated.
            const adopted = await client.certificate.findOrder({ domain: inputs.domain, csr: inputs.csr });
            if (adopted) {
                context.log(`${inputs.domain}: adopting existing order ${adopted.id} for the same domain and CSR`);
                placed = { certificateId: adopted.id, recovered: true };
            }
        } else {
            const countryId = await countryIdFor(client, inputs);
            const generated = await client.certificate.orderCsr({ pricelist: inputs.pricelist, periodMonths: inputs.periodMonths, subject: subjectOf(inputs, countryId) });
            material = { csr: generated.csr, key: generated.key, countryId };
        }
        placed ??= await client.certificate.order(orderFor(inputs, material));
        context.log(`${inputs.domain}: order accepted (certificate ${placed.certificateId}${placed.recovered ? ", found again" : ""})`);
        const pending: IspmanagerCertificateProperties = { ...inputs, orderId: placed.certificateId, status: "PENDING", csrPem: material.csr, privateKeyPem: material.key };
        return finish(client, inputs, pending, context, undefined);
    });
}

function settingsOf(news: IspmanagerCertificateInputs): Partial<IspmanagerCertificateProperties> {
    return {
        adminContact: news.adminContact,
        technicalContact: news.technicalContact,
        approverEmails: news.approverEmails,
        validationMethod: news.validationMethod,
        altNameAddon: news.altNameAddon,
        waitForIssuance: news.waitForIssuance,
        waitTimeoutSeconds: news.waitTimeoutSeconds,
        pollIntervalSeconds: news.pollIntervalSeconds,
        connection: news.connection,
        ...(news.csr ? { country: news.country, region: news.region, city: news.city, organization: news.organization, organizationUnit: news.organizationUnit, email: news.email } : {}),
    };
}

/** `update`: act on the decision `diff` made (decisions.ts). The resource id (the order id) never changes. */
export async function updateIspmanagerCertificate(
    id: string,
    olds: IspmanagerCertificateProperties,
    news: IspmanagerCertificateInputs,
    context: LifecycleContext = defaultContext,
): Promise<{ outs: IspmanagerCertificateProperties }> {
    let current = olds;
    let decision = decideFromIspmanagerProperties(asRecord(current), news as unknown as Record<string, unknown>);
    return withIspmanagerClient(news.connection, async (client) => {
        if (decision.kind === "resume") {
            context.log(`${current.domain}: resuming the wait for certificate ${current.orderId ?? id}`);
            const resumed = { ...(current as IspmanagerCertificateInputs), ...settingsOf(news), waitForIssuance: true } as IspmanagerCertificateInputs;
            current = (await finish(client, resumed, { ...current, ...settingsOf(news), waitForIssuance: news.waitForIssuance }, context, id)).outs;
            decision = decideFromIspmanagerProperties(asRecord(current), news as unknown as Record<string, unknown>);
        }
        switch (decision.kind) {
            case "none":
            case "resume":
                return { outs: current };
            case "settings":
                return { outs: { ...current, ...settingsOf(news) } };
            case "replace":
                throw new Error(`${news.domain}: ${decision.reason}; this needs a replacement, not an update`);
            case "reissue":
                return { outs: (await reissue(client, id, current, news, decision.crtType, context)).outs };
        }
    });
}

/**
 * certificate.reissue.step2 (seed 004) with a new CSR (`manual`) or new additional domains (`altname`). A reissue an
 * earlier run already placed (the certificate already has this CSR or these domains) is waited for, not repeated.
 */
async function reissue(client: Client, id: string, current: IspmanagerCertificateProperties, news: IspmanagerCertificateInputs, crtType: "manual" | "altname", context: LifecycleContext) {
    const orderId = current.orderId ?? id;
    const data = await client.certificate.validationData(orderId);
    const placed = crtType === "manual" ? normalizePem(data.csr) === normalizePem(news.csr) : data.altNames !== undefined && sameNames(data.altNames, news.altNames);
    if (placed) {
        context.log(`${news.domain}: the reissue of certificate ${orderId} was already placed; waiting for it`);
    } else {
        context.log(`${news.domain}: reissuing certificate ${orderId} (${crtType === "manual" ? "new CSR" : "new additional domains"})`);
        await client.certificate.reissue(orderId, {
            crtType,
            csr: crtType === "manual" ? news.csr : undefined,
            altNames: crtType === "altname" ? (news.altNames ?? []) : undefined,
            approverEmails: approverEmailsFor(news),
            approverMethod: approverMethods[news.validationMethod],
        });
    }
    const pending: IspmanagerCertificateProperties = {
        ...current,
        ...news,
        orderId,
        status: "PENDING",
        csrPem: news.csr ?? current.csrPem,
        privateKeyPem: news.csr ? undefined : current.privateKeyPem,
        previousSerialNumber: current.previousSerialNumber ?? current.serialNumber,
    };
    return finish(client, news, pending, context, id);
}

/**
 * `read` (refresh and import): the certificate's row, its validation data and, once active, its file. A deleted
 * certificate gives an empty id. Without recorded properties (import) the inputs are reconstructed as far as the
 * billing system tells them.
 */
export async function readIspmanagerCertificate(
    id: string,
    props: IspmanagerCertificateProperties | undefined,
): Promise<{ id: string; props: Record<string, unknown>; inputs?: Record<string, unknown> }> {
    const orderId = props?.orderId ?? id;
    return withIspmanagerClient(props?.connection, async (client) => {
        const row = await unlessNotFound(client.certificate.info(orderId));
        if (!row) return { id: "", props: {} };
        if (props?.status === "PENDING") return { id, props: { ...props } };
        const issued = row.issuance === "issued" ? await issuedOutputs(await client.certificate.download(orderId, { csr: props?.csrPem })) : undefined;
        if (props) return { id, props: { ...props, ...(issued ?? { status: row.status }) } };
        const data = await client.certificate.validationData(orderId);
        const inputs = JSON.parse(
            JSON.stringify({ domain: row.domain, altNames: data.altNames?.length ? data.altNames : undefined, pricelist: row.pricelist ?? data.pricelist, periodMonths: row.periodMonths ?? data.periodMonths, csr: data.csr }),
        ) as Record<string, unknown>;
        const domains = [row.domain, ...(data.altNames ?? [])];
        return { id, props: { ...inputs, orderId, csrPem: data.csr, ...validationOutputs(data, domains), ...(issued ?? { status: row.status }) }, inputs };
    });
}

/** `delete`: certificate.delete (seed 004); one that is already gone is success. */
export async function deleteIspmanagerCertificate(id: string, props: IspmanagerCertificateProperties | undefined): Promise<void> {
    await withIspmanagerClient(props?.connection, async (client) => {
        await unlessNotFound(client.certificate.delete(props?.orderId ?? id));
    });
}
