import { InvalidInputError, unlessNotFound } from "../../errors";
import type { ApproverMethod, CertificateOrder, OrderProof } from "../../ispmanager/certificate";
import type { Client } from "../../ispmanager/client";
import { billingCountryId, isoCountryCode } from "../../ispmanager/countries";
import { LifecycleContext } from "../../lifecycle/context";
import { ResourceBinding } from "../../lifecycle/orderLifecycle";
import { KeyMaterial, OrderBackend, PendingOrder } from "../../lifecycle/port";
import { generateKeyAndCsr, parseCsr } from "../../x509";
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
        /** The key the provider made for the CSR (state written by earlier versions: the key certificate.order.csr made); secret. */
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
    [...new Set((left ?? []).map((name) => name.toLowerCase()))].sort().join(" ") ===
    [...new Set((right ?? []).map((name) => name.toLowerCase()))].sort().join(" ");

/**
 * The ISO code a CSR's `C` holds, for a country the billing system serves: given as an ISO code that its
 * certificate.order.csr country list names, or as the id of that list ("k – country ID; v – country name").
 */
async function isoCountryFor(client: Client, inputs: IspmanagerCertificateInputs): Promise<string> {
    const countries = await client.certificate.countries({
        pricelist: inputs.pricelist,
        periodMonths: inputs.periodMonths,
    });
    const code = billingCountryId(inputs.country, countries) ? isoCountryCode(inputs.country, countries) : undefined;
    if (!code) throw new InvalidInputError("country", `${inputs.country} is not in the billing system's country list`);
    return code;
}

/** The RSA key the billing system's own CSRs carry (2048 bits, as certificate.order.csr makes them in the simulator and as CAs take them). */
const generatedKey = { algorithm: "RSA", rsaBits: 2048 } as const;

/**
 * Key and CSR made by the provider when the program gives no CSR: the subject certificate.order.csr would write (CN,
 * the additional domains, C, ST, L, O, OU, emailAddress) and, as the request's `unstructuredName` attribute, the
 * order reference. The billing system keeps the order's CSR with the certificate, so the reference read back from the
 * certificate's form proves the order is this resource's even where `remoteid` is not kept (docs/ispmanager.md).
 */
async function generatedKeyMaterial(client: Client, inputs: IspmanagerCertificateInputs): Promise<KeyMaterial> {
    const country = await isoCountryFor(client, inputs);
    const generated = await generateKeyAndCsr({
        key: generatedKey,
        commonName: inputs.domain,
        subjectAlternativeNames: inputs.altNames,
        subject: {
            country,
            state: inputs.region,
            locality: inputs.city,
            organization: inputs.organization,
            organizationalUnit: inputs.organizationUnit,
            emailAddress: inputs.email,
        },
        unstructuredName: inputs.orderReference,
    });
    return {
        csrPem: generated.csrPem,
        privateKeyPem: generated.privateKeyPem,
        publicKeySha256: (await parseCsr(generated.csrPem)).publicKeySha256,
    };
}

function orderFor(
    inputs: IspmanagerCertificateInputs,
    key: KeyMaterial,
    orderReference: string | undefined,
): CertificateOrder {
    return {
        pricelist: inputs.pricelist,
        periodMonths: inputs.periodMonths,
        // The CSR is ours (given, or made by the provider): `manual` ("Order SSL certificate" with an existing CSR).
        crtType: "manual",
        domain: inputs.domain,
        altNames: inputs.altNames,
        altNameAddon: inputs.altNameAddon,
        csr: key.csrPem!,
        adminContact: inputs.adminContact,
        technicalContact: inputs.technicalContact,
        approverEmails: approverEmailsFor(inputs),
        approverMethod: approverMethods[inputs.validationMethod],
        orderReference,
    };
}

/**
 * After an order was accepted: whether the certificate's own form proves it is this resource's (`remoteid`, or the CSR
 * it carries). If only the CSR does, the account does not keep `remoteid`; if nothing does, a run killed before the
 * engine records the certificate cannot find it again, and the log says so loudly, with what to do.
 */
async function checkReferenceKept(
    client: Client,
    context: LifecycleContext,
    inputs: IspmanagerCertificateInputs,
    key: KeyMaterial,
    certificateId: string,
    orderReference: string,
): Promise<void> {
    let proof: OrderProof | undefined;
    try {
        proof = await client.certificate.proveOrder(certificateId, {
            orderReference,
            domain: inputs.domain,
            csr: key.csrPem,
            pricelist: inputs.pricelist,
            periodMonths: inputs.periodMonths,
        });
    } catch (error) {
        // The order stands: a failed look must not lose it (the wait that follows records it in state).
        context.log(
            `${inputs.domain}: could not read certificate ${certificateId}'s form to check that it keeps the order reference: ${(error as Error).message}`,
        );
        return;
    }
    if (proof === "remoteid") return;
    if (proof) {
        context.log(
            `${inputs.domain}: the billing system did not keep the order reference (remoteid) of certificate ${certificateId}; an interrupted run finds this order again by ${proof === "CSR" ? "its CSR" : "the reference in its CSR"}, which the certificate's form shows`,
        );
        return;
    }
    context.log(
        `${inputs.domain}: WARNING: the billing system keeps neither the order reference (remoteid) nor the CSR on certificate ${certificateId}'s form, so nothing can prove later that this order is this resource's. ` +
            `If this run is killed before Pulumi records the certificate, the next pulumi up cannot find it and orders (and pays for) a second certificate: after an interrupted run, find certificate ${certificateId} in the BILLmanager account and pulumi import it instead of running pulumi up`,
    );
}
/** The BILLmanager adapter: certificate.order, reissue, file and delete in the port's words. */
export function ispmanagerBackend(
    client: Client,
    context: LifecycleContext,
): OrderBackend<IspmanagerCertificateInputs, IspmanagerCertificateProperties> {
    return {
        label: (inputs) => inputs.domain,
        async findPlacedOrder(orderReference, inputs) {
            // The CSR an own-CSR order carries proves it where the account keeps no `remoteid`; a CSR the provider made
            // carries the reference itself (generatedKeyMaterial).
            const found = await client.certificate.findOrder({
                orderReference,
                domain: inputs.domain,
                csr: inputs.csr,
                pricelist: inputs.pricelist,
                periodMonths: inputs.periodMonths,
            });
            return found
                ? { certificateId: found.id, status: found.issuance ?? found.itemStatus, orderReference }
                : undefined;
        },
        async keyMaterial(inputs, previous) {
            if (inputs.csr)
                return { csrPem: inputs.csr, publicKeySha256: (await parseCsr(inputs.csr)).publicKeySha256 };
            // A reissue for new additional domains keeps the key in state (made by the provider, or by the billing system for older state).
            if (previous?.privateKeyPem && previous.csrPem)
                return {
                    csrPem: previous.csrPem,
                    privateKeyPem: previous.privateKeyPem,
                    publicKeySha256: (await parseCsr(previous.csrPem)).publicKeySha256,
                };
            return generatedKeyMaterial(client, inputs);
        },
        async place(inputs, key, orderReference) {
            const placed = await client.certificate.order(orderFor(inputs, key, orderReference));
            if (orderReference)
                await checkReferenceKept(client, context, inputs, key, placed.certificateId, orderReference);
            return { certificateId: placed.certificateId, recovered: placed.recovered };
        },
        async reissue(current, inputs, key): Promise<PendingOrder> {
            const orderId = current.orderId!;
            // A new CSR (`manual`, also for a key the billing system generated anew) or new additional domains (`altname`).
            const newCsr =
                normalizePem(key.csrPem) !== normalizePem(current.csrPem) ||
                Boolean(inputs.csr && normalizePem(inputs.csr) !== normalizePem(current.csr));
            const crtType = newCsr ? "manual" : "altname";
            const data = await client.certificate.validationData(orderId);
            const placed =
                crtType === "manual"
                    ? normalizePem(data.csr) === normalizePem(key.csrPem)
                    : data.altNames !== undefined && sameNames(data.altNames, inputs.altNames);
            if (placed) {
                context.log(
                    `${inputs.domain}: the reissue of certificate ${orderId} was already placed; waiting for it`,
                );
            } else {
                context.log(
                    `${inputs.domain}: reissuing certificate ${orderId} (${crtType === "manual" ? "new CSR" : "new additional domains"})`,
                );
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
            throw new InvalidInputError(
                "periodMonths",
                `${inputs.domain}: BILLmanager renews certificates as a service prolongation, not through this provider; order a new certificate instead`,
            );
        },
        statusSource: (inputs) =>
            billingStatusSource(client, {
                label: inputs.domain,
                dnsRecheckDomains:
                    inputs.validationMethod === "DNS" || inputs.validationMethod === "CNAME"
                        ? domainsOf(inputs)
                        : undefined,
                clock: context.clock,
                log: context.log,
            }),
        pendingDetails: async (order, inputs) =>
            validationOutputs(await client.certificate.validationData(order.certificateId!), domainsOf(inputs)),
        issuedProperties: async (certificateId, pending) => ({
            ...pending,
            ...(await issuedOutputs(await client.certificate.download(certificateId, { csr: pending.csrPem }))),
        }),
        async read(orderId, recorded) {
            const row = await unlessNotFound(client.certificate.info(orderId));
            if (!row) return undefined;
            if (recorded?.status === "PENDING") return { props: { ...recorded } };
            const issued =
                row.issuance === "issued"
                    ? await issuedOutputs(await client.certificate.download(orderId, { csr: recorded?.csrPem }))
                    : undefined;
            if (recorded) return { props: { ...recorded, ...(issued ?? { status: row.status }) } };
            const data = await client.certificate.validationData(orderId);
            const inputs = JSON.parse(
                JSON.stringify({
                    domain: row.domain,
                    altNames: data.altNames?.length ? data.altNames : undefined,
                    pricelist: row.pricelist ?? data.pricelist,
                    periodMonths: row.periodMonths ?? data.periodMonths,
                    csr: data.csr,
                }),
            ) as Record<string, unknown>;
            const domains = [row.domain, ...(data.altNames ?? [])];
            return {
                props: {
                    ...inputs,
                    orderId,
                    csrPem: data.csr,
                    ...validationOutputs(data, domains),
                    ...(issued ?? { status: row.status }),
                } as unknown as IspmanagerCertificateProperties,
                inputs,
            };
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
        ...(news.csr
            ? {
                  country: news.country,
                  region: news.region,
                  city: news.city,
                  organization: news.organization,
                  organizationUnit: news.organizationUnit,
                  email: news.email,
              }
            : {}),
    };
}

export function ispmanagerBinding(
    client: Client,
    context: LifecycleContext,
): ResourceBinding<IspmanagerCertificateInputs, IspmanagerCertificateProperties> {
    return {
        backend: ispmanagerBackend(client, context),
        idProperty: "orderId",
        baseProperties: (inputs, key) => ({ ...inputs, csrPem: key.csrPem, privateKeyPem: key.privateKeyPem }),
        settingsOf,
        decide: (olds, news) => decideIspmanagerCertificateChange(olds as unknown as IspmanagerCertificateState, news),
    };
}
