import { unlessNotFound } from "../../errors";
import type { Client } from "../../internetx/client";
import type { CertificateOrder } from "../../internetx/services/certificate";
import { LifecycleContext } from "../../lifecycle/context";
import { waitSettings } from "../../lifecycle/waitSettings";
import { ResourceBinding } from "../../lifecycle/orderLifecycle";
import { KeyMaterial, OrderBackend } from "../../lifecycle/port";
import { createPkcs12, generateKeyAndCsr, parseCertificate, parseCsr, splitPemBlocks } from "../../x509";
import { certificateOutputs } from "../certificate/outputs";
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
import { decideSmimeChange } from "./decisions";
import { SmimeInputs } from "./inputs";

export type SmimeProperties = SmimeInputs & {
    /** The layout of this state (provider/lifecycle/stateVersion.ts); absent in state written by 0.1.0. */
    stateVersion?: number;
    certificateId?: string;
    orderId?: string;
    jobId?: string;
    status?: string;
    certificatePem?: string;
    chainPem?: string;
    rootPem?: string;
    fullChainPem?: string;
    serialNumber?: string;
    previousSerialNumber?: string;
    notBefore?: string;
    notAfter?: string;
    fingerprintSha256?: string;
    emailAddresses?: string[];
    csrPem?: string;
    privateKeyPem?: string;
    pkcs12Base64?: string;
};

function orderFor(inputs: SmimeInputs, csrPem: string | undefined, orderReference?: string): CertificateOrder {
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
        orderReference,
    };
}

/** The given CSR, a generated RSA key and CSR, or nothing: the CA generates the key and the holder downloads it. */
async function keyMaterial(inputs: SmimeInputs, previous?: { orderReference?: string }): Promise<KeyMaterial> {
    if (inputs.csr) return { csrPem: inputs.csr, publicKeySha256: (await parseCsr(inputs.csr)).publicKeySha256 };
    if (!inputs.privateKey) return {};
    const generated = await generateKeyAndCsr({
        key: { algorithm: "RSA", rsaBits: inputs.privateKey.rsaBits ?? 2048 },
        commonName: inputs.email,
        emailAddresses: [inputs.email],
        subject: { emailAddress: inputs.email, organizationalUnit: inputs.organizationUnit },
        // The order's reference, read back from the CSR where the account keeps no comment (csrProof.ts).
        unstructuredName: previous?.orderReference ?? inputs.orderReference,
    });
    return { ...generated, publicKeySha256: (await parseCsr(generated.csrPem)).publicKeySha256 };
}

/** Where the order's reference travels besides the comment (csrProof.ts); nowhere when the CA makes the key. */
function carrierOf(inputs: SmimeInputs): ReferenceCarrier {
    return inputs.csr
        ? { kind: "own CSR", csrPem: inputs.csr }
        : inputs.privateKey
          ? { kind: "generated CSR" }
          : { kind: "none" };
}

/** The InterNetX S/MIME adapter: the certificate tasks with certificate type MAIL. */
export function smimeBackend(client: Client, context: LifecycleContext): OrderBackend<SmimeInputs, SmimeProperties> {
    return {
        label: (inputs) => inputs.email,
        findPlacedOrder: (orderReference, inputs) =>
            findPlacedOrder(
                client,
                { orderReference, name: inputs.email, csrPem: inputs.csr },
                waitSettings(inputs).intervalMs,
                carrierOf(inputs),
            ),
        keyMaterial,
        async place(inputs, key, orderReference) {
            const accepted = pendingFromAccepted(
                await client.certificate.create(orderFor(inputs, key.csrPem, orderReference)),
            );
            if (!readsReferenceAtOrder(carrierOf(inputs))) return accepted;
            return (
                await keepOrderReference(client, accepted, orderReference, carrierOf(inputs), inputs.email, context.log)
            ).order;
        },
        async reissue(current, inputs, key) {
            const accepted = await client.certificate.reissue(current.certificateId!, orderFor(inputs, key.csrPem));
            return { ...pendingFromAccepted(accepted), certificateId: current.certificateId };
        },
        renew: async (current, inputs) => ({
            ...pendingFromAccepted(
                await client.certificate.renew(current.certificateId!, orderFor(inputs, current.csrPem)),
            ),
            certificateId: current.certificateId,
        }),
        statusSource: (inputs) =>
            inputs.waitStrategy === "notifications"
                ? notificationStatusSource(client, waitSettings(inputs).intervalMs, {}, context.clock)
                : jobStatusSource(client, waitSettings(inputs).intervalMs, {}, context.clock),
        pendingDetails: async () => ({}),
        async issuedProperties(certificateId, pending, inputs, issued) {
            const certificate =
                issuedCertificate(certificateId, issued) ?? (await client.certificate.info(certificateId));
            // The same read tells whether the account kept the order reference, unless it was read at the order.
            if (!readsReferenceAtOrder(carrierOf(inputs)))
                await keepIssuedOrderReference(
                    client,
                    certificate,
                    pending.orderReference,
                    carrierOf(inputs),
                    inputs.email,
                    context.log,
                );
            const {
                issuedNames: _names,
                dnsValidationRecord: _record,
                ...outputs
            } = await certificateOutputs(certificate);
            const leafPem = outputs.certificatePem!;
            const pkcs12Base64 = pending.privateKeyPem
                ? createPkcs12({
                      privateKeyPem: pending.privateKeyPem,
                      certificatePem: leafPem,
                      chainPems: splitPemBlocks(outputs.chainPem ?? ""),
                      password: inputs.downloadPassword,
                      friendlyName: inputs.email,
                  })
                : undefined;
            return {
                ...pending,
                ...outputs,
                emailAddresses: leafPem ? (await parseCertificate(leafPem)).emailAddresses : undefined,
                pkcs12Base64,
            };
        },
        async read(certificateId, recorded) {
            const certificate = await unlessNotFound(client.certificate.info(certificateId));
            if (!certificate) return undefined;
            const {
                issuedNames: _names,
                dnsValidationRecord: _record,
                ...outputs
            } = await certificateOutputs(certificate);
            if (recorded) return { props: { ...recorded, ...outputs } };
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
            return { props: { ...inputs, ...outputs } as unknown as SmimeProperties, inputs };
        },
        cancel: (certificateId, recorded) =>
            endCertificate(client, certificateId, recorded, recorded?.email ?? certificateId, context),
    };
}

export function smimeBinding(client: Client, context: LifecycleContext): ResourceBinding<SmimeInputs, SmimeProperties> {
    return {
        backend: smimeBackend(client, context),
        idProperty: "certificateId",
        baseProperties: (inputs, key) => ({
            ...inputs,
            ...(key.csrPem ? { csrPem: key.csrPem } : {}),
            privateKeyPem: key.privateKeyPem,
        }),
        settingsOf: (news) => news,
        decide: (olds, news, now) => decideSmimeChange(olds, news, now),
    };
}
