import { InvalidInputError, unlessNotFound } from "../../errors";
import type { ApproverMethod, CertificateOrder } from "../../ispmanager/certificate";
import type { Client } from "../../ispmanager/client";
import { billingCountryId } from "../../ispmanager/countries";
import { LifecycleContext } from "../../lifecycle/context";
import { ResourceBinding } from "../../lifecycle/orderLifecycle";
import { KeyMaterial, OrderBackend, PendingOrder } from "../../lifecycle/port";
import { parseCsr } from "../../x509";
import { decideIspmanagerCertificateChange, IspmanagerCertificateState } from "./decisions";
import { approverEmailsFor, domainsOf, IspmanagerCertificateInputs } from "./inputs";
import { IssuedOutputs, issuedOutputs, ValidationOutputs, validationOutputs } from "./outputs";
import { billingStatusSource } from "./wait";

/** Everything an ispmanager.Certificate records: its inputs plus what the billing system and the CA gave. */
export type IspmanagerCertificateProperties = IspmanagerCertificateInputs &
    ValidationOutputs &
    Partial<Omit<IssuedOutputs, "status">> & {
        /** The billing system's certificate id (`elid` of every later call); also the resource id. */
        orderId?: string;
        /** ISSUED; PENDING while an order or reissue waits to be finished. */
        status?: string;
        jobId?: string;
        csrPem?: string;
        /** The key certificate.order.csr generated; secret. */
        privateKeyPem?: string;
        /** While a reissue is pending: the serial of the certificate it replaces. */
        previousSerialNumber?: string;
        orderReference?: string;
    };

/** The order function spells out `approver_method=auth_email`; the other methods follow the names of certificate.edit's fields. */
const approverMethods: Record<IspmanagerCertificateInputs["validationMethod"], ApproverMethod> = {
    EMAIL: "auth_email",
    DNS: "auth_dnstxt",
    FILE: "auth_file",
    CNAME: "auth_cname",
};

const normalizePem = (pem: string | undefined) => (pem ?? "").replace(/\s+/g, "");
const sameNames = (left: string[] | undefined, right: string[] | undefined) =>
    [...new Set((left ?? []).map((name) => name.toLowerCase()))].sort().join(" ") === [...new Set((right ?? []).map((name) => name.toLowerCase()))].sort().join(" ");

/** The billing system's country id: given as such, or an ISO code looked up in certificate.order.csr's list. */
async function countryIdFor(client: Client, inputs: IspmanagerCertificateInputs): Promise<string> {
    if (/^\d+$/.test(inputs.country)) return inputs.country;
    const countries = await client.certificate.countries({ pricelist: inputs.pricelist, periodMonths: inputs.periodMonths });
    const id = billingCountryId(inputs.country, countries);
    if (!id) throw new InvalidInputError("country", `${inputs.country} is not in the billing system's country list`);
    return id;
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

function orderFor(inputs: IspmanagerCertificateInputs, key: KeyMaterial, orderReference: string | undefined): CertificateOrder {
    const countryId = key.details?.countryId as string | undefined;
    return {
        pricelist: inputs.pricelist,
        periodMonths: inputs.periodMonths,
        crtType: key.privateKeyPem ? "generate" : "manual",
        domain: inputs.domain,
        altNames: inputs.altNames,
        altNameAddon: inputs.altNameAddon,
        subject: countryId ? subjectOf(inputs, countryId) : undefined,
        csr: key.csrPem!,
        key: key.privateKeyPem,
        adminContact: inputs.adminContact,
        technicalContact: inputs.technicalContact,
        approverEmails: approverEmailsFor(inputs),
        approverMethod: approverMethods[inputs.validationMethod],
        orderReference,
    };
}

/** The BILLmanager adapter: certificate.order, reissue, file and delete in the port's words. */
export function ispmanagerBackend(client: Client, context: LifecycleContext): OrderBackend<IspmanagerCertificateInputs, IspmanagerCertificateProperties> {
    return {
        label: (inputs) => inputs.domain,
        async findPlacedOrder(orderReference, inputs) {
            const found = await client.certificate.findOrder({ orderReference, domain: inputs.domain });
            return found ? { certificateId: found.id, status: found.issuance ?? found.itemStatus, orderReference } : undefined;
        },
        async keyMaterial(inputs, previous) {
            if (inputs.csr) return { csrPem: inputs.csr, publicKeySha256: (await parseCsr(inputs.csr)).publicKeySha256 };
            // A reissue for new additional domains keeps the key the billing system generated.
            if (previous?.privateKeyPem && previous.csrPem) return { csrPem: previous.csrPem, privateKeyPem: previous.privateKeyPem, publicKeySha256: (await parseCsr(previous.csrPem)).publicKeySha256 };
            // certificate.order.csr: the billing system generates key and CSR ("Get the secret key").
            const countryId = await countryIdFor(client, inputs);
            const generated = await client.certificate.orderCsr({ pricelist: inputs.pricelist, periodMonths: inputs.periodMonths, subject: subjectOf(inputs, countryId) });
            return { csrPem: generated.csr, privateKeyPem: generated.key, publicKeySha256: (await parseCsr(generated.csr)).publicKeySha256, details: { countryId } };
        },
        async place(inputs, key, orderReference) {
            const placed = await client.certificate.order(orderFor(inputs, key, orderReference));
            return { certificateId: placed.certificateId, recovered: placed.recovered };
        },
        async reissue(current, inputs, key): Promise<PendingOrder> {
            const orderId = current.orderId!;
            // A new CSR (`manual`, also for a key the billing system generated anew) or new additional domains (`altname`).
            const newCsr = normalizePem(key.csrPem) !== normalizePem(current.csrPem) || Boolean(inputs.csr && normalizePem(inputs.csr) !== normalizePem(current.csr));
            const crtType = newCsr ? "manual" : "altname";
            const data = await client.certificate.validationData(orderId);
            const placed = crtType === "manual" ? normalizePem(data.csr) === normalizePem(key.csrPem) : data.altNames !== undefined && sameNames(data.altNames, inputs.altNames);
            if (placed) {
                context.log(`${inputs.domain}: the reissue of certificate ${orderId} was already placed; waiting for it`);
            } else {
                context.log(`${inputs.domain}: reissuing certificate ${orderId} (${crtType === "manual" ? "new CSR" : "new additional domains"})`);
                await client.certificate.reissue(orderId, {
                    crtType,
                    csr: crtType === "manual" ? key.csrPem : undefined,
                    altNames: crtType === "altname" ? (inputs.altNames ?? []) : undefined,
                    approverEmails: approverEmailsFor(inputs),
                    approverMethod: approverMethods[inputs.validationMethod],
                });
            }
            return { certificateId: orderId, recovered: placed };
        },
        renew: async (_current, inputs) => {
            throw new InvalidInputError("periodMonths", `${inputs.domain}: BILLmanager renews certificates as a service prolongation, not through this provider; order a new certificate instead`);
        },
        statusSource: (inputs) =>
            billingStatusSource(client, {
                label: inputs.domain,
                dnsRecheckDomains: inputs.validationMethod === "DNS" || inputs.validationMethod === "CNAME" ? domainsOf(inputs) : undefined,
                clock: context.clock,
                log: context.log,
            }),
        pendingDetails: async (order, inputs) => validationOutputs(await client.certificate.validationData(order.certificateId!), domainsOf(inputs)),
        issuedProperties: async (certificateId, pending) => ({ ...pending, ...(await issuedOutputs(await client.certificate.download(certificateId, { csr: pending.csrPem }))) }),
        async read(orderId, recorded) {
            const row = await unlessNotFound(client.certificate.info(orderId));
            if (!row) return undefined;
            if (recorded?.status === "PENDING") return { props: { ...recorded } };
            const issued = row.issuance === "issued" ? await issuedOutputs(await client.certificate.download(orderId, { csr: recorded?.csrPem })) : undefined;
            if (recorded) return { props: { ...recorded, ...(issued ?? { status: row.status }) } };
            const data = await client.certificate.validationData(orderId);
            const inputs = JSON.parse(
                JSON.stringify({ domain: row.domain, altNames: data.altNames?.length ? data.altNames : undefined, pricelist: row.pricelist ?? data.pricelist, periodMonths: row.periodMonths ?? data.periodMonths, csr: data.csr }),
            ) as Record<string, unknown>;
            const domains = [row.domain, ...(data.altNames ?? [])];
            return { props: { ...inputs, orderId, csrPem: data.csr, ...validationOutputs(data, domains), ...(issued ?? { status: row.status }) } as unknown as IspmanagerCertificateProperties, inputs };
        },
        async cancel(orderId) {
            await unlessNotFound(client.certificate.delete(orderId));
        },
    };
}

export function settingsOf(news: IspmanagerCertificateInputs): Partial<IspmanagerCertificateProperties> {
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

export function ispmanagerBinding(client: Client, context: LifecycleContext): ResourceBinding<IspmanagerCertificateInputs, IspmanagerCertificateProperties> {
    return {
        backend: ispmanagerBackend(client, context),
        idProperty: "orderId",
        baseProperties: (inputs, key) => ({ ...inputs, csrPem: key.csrPem, privateKeyPem: key.privateKeyPem }),
        settingsOf,
        decide: (olds, news) => decideIspmanagerCertificateChange(olds as unknown as IspmanagerCertificateState, news as unknown as IspmanagerCertificateState),
    };
}
