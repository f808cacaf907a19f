import { NotIssuedError, OrderFailedError, unlessNotFound, WaitTimedOutError } from "../../errors";
import type { Client } from "../../internetx/client";
import type { Certificate } from "../../internetx/schemas";
import type { CertificateOrder, OrderAccepted } from "../../internetx/services/certificate";
import { createPkcs12, generateKeyAndCsr, InvalidPemError, parseCertificate, parseCsr, splitPemBlocks } from "../../x509";
import { changedProperties, renewalDue } from "../certificate/decisions";
import { defaultLifecycleContext, LifecycleContext } from "../certificate/lifecycle";
import { endCertificate } from "../certificate/onDestroy";
import { destroyLine } from "../progressWords";
import { certificateOutputs } from "../certificate/outputs";
import { withClient } from "../connection";
import { ResourceInitializationError } from "../initializationError";
import { waitSettings } from "../wait/policy";
import { requireIssued } from "../wait/issued";
import { waitForIssuedCertificate } from "../wait/waitForIssuance";
import { SmimeInputs } from "./inputs";

export { checkSmimeInputs } from "./check";

export type SmimeProperties = SmimeInputs & {
    certificateId?: string;
    orderId?: string;
    jobId?: string;
    status?: string;
    certificatePem?: string;
    chainPem?: string;
    rootPem?: string;
    fullChainPem?: string;
    serialNumber?: string;
    notBefore?: string;
    notAfter?: string;
    fingerprintSha256?: string;
    emailAddresses?: string[];
    csrPem?: string;
    privateKeyPem?: string;
    pkcs12Base64?: string;
};

export type SmimeChange = { kind: "none" | "replace" | "resume" | "reissue" | "renew" | "settings"; properties: string[] };

/** Decisions for S/MIME (as for server certificates): product/term → replace; identity or key → reissue; window → renew. */
export function decideSmimeChange(olds: Record<string, unknown>, news: Record<string, unknown>, now: Date): SmimeChange {
    const replaced = changedProperties(olds, news, ["product", "lifetimeMonths", "email"]);
    if (replaced.length > 0) return { kind: "replace", properties: replaced };
    if (olds.status === "PENDING") return { kind: "resume", properties: [] };
    const reissued = changedProperties(olds, news, ["firstName", "lastName", "organizationUnit", "csr", "privateKey", "adminContactId", "approverEmail"]);
    if (reissued.length > 0) return { kind: "reissue", properties: reissued };
    if (renewalDue(olds.notAfter as string | undefined, Number(news.renewBeforeDays ?? 30), now)) return { kind: "renew", properties: ["notAfter"] };
    const settings = changedProperties(olds, news, ["downloadPassword", "renewBeforeDays", "waitTimeoutSeconds", "pollIntervalSeconds", "waitStrategy", "onDestroy", "connection"]);
    return settings.length > 0 ? { kind: "settings", properties: settings } : { kind: "none", properties: [] };
}

function orderFor(inputs: SmimeInputs, csrPem: string | undefined): CertificateOrder {
    return {
        certificateType: "MAIL",
        name: inputs.email,
        product: inputs.product,
        lifetimeMonths: inputs.lifetimeMonths,
        adminContactId: inputs.adminContactId,
        approverEmail: inputs.approverEmail ?? inputs.email,
        password: inputs.downloadPassword,
        firstname: inputs.firstName,
        lastname: inputs.lastName,
        organizationUnitName: inputs.organizationUnit,
        hasCsr: Boolean(csrPem),
        csr: csrPem,
    };
}

async function keyMaterial(inputs: SmimeInputs): Promise<{ csrPem?: string; privateKeyPem?: string }> {
    if (inputs.csr) return { csrPem: inputs.csr };
    if (!inputs.privateKey) return {}; // the CA generates the key; the holder downloads it with the password
    const generated = await generateKeyAndCsr({
        key: { algorithm: "RSA", rsaBits: inputs.privateKey.rsaBits ?? 2048 },
        commonName: inputs.email,
        emailAddresses: [inputs.email],
        subject: { emailAddress: inputs.email, organizationalUnit: inputs.organizationUnit },
    });
    return generated;
}

/** The S/MIME outputs of an issued certificate (no DNS names, no validation record); refused without a leaf. */
async function smimeOutputs(certificate: Certificate, email: string) {
    const { issuedNames: _names, dnsValidationRecord: _record, ...outputs } = requireIssued(await certificateOutputs(certificate), email);
    return outputs;
}

async function finish(client: Client, inputs: SmimeInputs, accepted: OrderAccepted, pending: SmimeProperties, context: LifecycleContext, resourceId?: string) {
    let outputs: Awaited<ReturnType<typeof smimeOutputs>>;
    try {
        const certificate = await waitForIssuedCertificate(client, { jobId: accepted.jobId, certificateId: accepted.certificateId, name: inputs.email }, { strategy: inputs.waitStrategy, settings: waitSettings(inputs), log: context.log, clock: context.clock });
        outputs = await smimeOutputs(certificate, inputs.email);
    } catch (error) {
        if (error instanceof OrderFailedError) throw error;
        const known = pending.certificateId ?? (error instanceof WaitTimedOutError || error instanceof NotIssuedError ? error.certificateId : undefined);
        throw new ResourceInitializationError((error as Error).message, resourceId ?? known ?? `job-${accepted.jobId}`, { ...pending, certificateId: known });
    }
    const leafPem = outputs.certificatePem!;
    const pkcs12Base64 = pending.privateKeyPem
        ? createPkcs12({ privateKeyPem: pending.privateKeyPem, certificatePem: leafPem, chainPems: splitPemBlocks(outputs.chainPem ?? ""), password: inputs.downloadPassword, friendlyName: inputs.email })
        : undefined;
    const outs: SmimeProperties = { ...pending, ...outputs, emailAddresses: (await parseCertificate(leafPem)).emailAddresses, pkcs12Base64 };
    return { id: resourceId ?? outputs.certificateId, outs };
}

export async function createSmime(inputs: SmimeInputs, context: LifecycleContext = defaultLifecycleContext): Promise<{ id: string; outs: SmimeProperties }> {
    return withClient(inputs.connection, async (client) => {
        const material = await keyMaterial(inputs);
        const adopted = material.csrPem && inputs.csr ? await client.certificate.findOrder({ name: inputs.email, csr: material.csrPem }) : undefined;
        const accepted = adopted ? { certificateId: adopted.id, recovered: true } : await client.certificate.create(orderFor(inputs, material.csrPem));
        const pending: SmimeProperties = { ...inputs, ...(material.csrPem ? { csrPem: material.csrPem } : {}), privateKeyPem: material.privateKeyPem, status: "PENDING", jobId: accepted.jobId, certificateId: accepted.certificateId };
        return finish(client, inputs, accepted, pending, context);
    });
}

export async function updateSmime(id: string, olds: SmimeProperties, news: SmimeInputs, context: LifecycleContext = defaultLifecycleContext): Promise<{ outs: SmimeProperties }> {
    const decision = decideSmimeChange(olds, news, context.clock.now());
    return withClient(news.connection, async (client) => {
        const certificateId = olds.certificateId ?? id;
        switch (decision.kind) {
            case "none":
                return { outs: olds };
            case "settings":
                return { outs: { ...olds, ...news } };
            case "replace":
                throw new Error(`${news.email}: ${decision.properties.join(", ")} changed; this needs a replacement, not an update`);
            case "resume":
                return { outs: (await finish(client, news, { jobId: olds.jobId, certificateId: olds.certificateId, recovered: true }, { ...olds, ...news, privateKeyPem: olds.privateKeyPem, csrPem: olds.csrPem }, context, id)).outs };
            case "reissue": {
                const material = await keyMaterial(news);
                const accepted = await client.certificate.reissue(certificateId, orderFor(news, material.csrPem));
                const pending: SmimeProperties = { ...olds, ...news, csrPem: material.csrPem, privateKeyPem: material.privateKeyPem, status: "PENDING", jobId: accepted.jobId, certificateId };
                return { outs: (await finish(client, news, accepted, pending, context, id)).outs };
            }
            case "renew": {
                const accepted = await client.certificate.renew(certificateId, orderFor(news, olds.csrPem));
                return { outs: (await finish(client, news, accepted, { ...olds, ...news, status: "PENDING", jobId: accepted.jobId, certificateId }, context, id)).outs };
            }
        }
    });
}

export async function readSmime(id: string, props: SmimeProperties | undefined): Promise<{ id: string; props: Record<string, unknown>; inputs?: Record<string, unknown> }> {
    return withClient(props?.connection, async (client) => {
        const certificate = await unlessNotFound(client.certificate.info(props?.certificateId ?? id));
        if (!certificate) return { id: "", props: {} };
        const { issuedNames: _names, dnsValidationRecord: _record, ...outputs } = await certificateOutputs(certificate);
        if (props) return { id, props: { ...props, ...outputs, status: props.status === "PENDING" ? "PENDING" : outputs.status } };
        const inputs = {
            email: certificate.name,
            product: certificate.product,
            lifetimeMonths: certificate.lifetime?.period,
            adminContactId: certificate.adminContact?.id,
            firstName: certificate.firstname,
            lastName: certificate.lastname,
            organizationUnit: certificate.organizationUnitName,
            approverEmail: certificate.approverEmail,
            downloadPassword: certificate.password,
        };
        return { id, props: { ...inputs, ...outputs }, inputs };
    });
}

export async function deleteSmime(id: string, props: SmimeProperties | undefined, context: LifecycleContext = defaultLifecycleContext): Promise<void> {
    const certificateId = props?.certificateId ?? id;
    const action = await withClient(props?.connection, (client) => endCertificate(client, certificateId, props));
    context.log(destroyLine(props?.email ?? certificateId, action, certificateId));
}
