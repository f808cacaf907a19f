import { Client } from "../../provider/ispmanager/client";
import { CertificateOrder, OrderContact, OrderCriteria, orderProof } from "../../provider/ispmanager/certificate";
import { ValidationData } from "../../provider/ispmanager/schemas";
import { orderReference } from "../../provider/lifecycle/orderReference";
import { checkIspmanagerCertificateInputs } from "../../provider/resources/ispmanager/check";
import { IspmanagerCertificateInputs } from "../../provider/resources/ispmanager/inputs";
import { createIspmanagerCertificate } from "../../provider/resources/ispmanager/lifecycle";
import { LifecycleContext } from "../../provider/resources/certificate/lifecycle";
import { generateKeyAndCsr, parseCsr, privateKeyMatchesCertificate } from "../../provider/x509";
import { RunningIspmanagerSimulator, startIspmanagerSimulator } from "../../simulator/ispmanager";
import { expect } from "../support/client";
import { skippingClock } from "../support/clock";
import { IspmanagerSimulatorAdmin, IspmanagerSimulatorState } from "./simulatorAdmin";

const contact = (firstName: string): OrderContact => ({
    firstName,
    lastName: "Petrov",
    jobTitle: "CTO",
    email: `${firstName.toLowerCase()}@example.com`,
    phone: "+7 495 1234567",
});
const baseInputs = {
    pricelist: "55364",
    periodMonths: 12,
    country: "182",
    region: "Moscow",
    city: "Moscow",
    organization: "Primer LLC",
    adminContact: contact("Ivan"),
    technicalContact: contact("Anna"),
    validationMethod: "EMAIL",
    pollIntervalSeconds: 0.05,
    // A lost answer is looked for after as long as an attempt may take: short on loopback.
    connection: { timeoutSeconds: 1 },
};
const referenceOf = (stack: string, domain: string) =>
    orderReference({
        project: "adoption",
        stack,
        type: "ispmanager:Certificate",
        name: "web",
        replacementInputs: [domain, "55364", 12],
    });

/** The functions that act on a certificate (everything but reading it). */
const actingFunctions = [
    "certificate.reissue.step2",
    "certificate.delete",
    "certificate.dns_verify",
    "certificate.domain_validation_email",
];

describe("BILLmanager: which form proves an order is the one sought (orderProof)", () => {
    const reference = "psm1-0123456789abcdef0123456789abcdef";
    const other = "psm1-fedcba9876543210fedcba9876543210";
    const csr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n";
    const otherCsr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIC\n-----END CERTIFICATE REQUEST-----\n";
    const form = (fields: Partial<ValidationData>): ValidationData => ({ ...fields }) as ValidationData;
    const sought: OrderCriteria = {
        orderReference: reference,
        domain: "proof.example.com",
        csr,
        pricelist: "55364",
        periodMonths: 12,
    };

    it("takes the reference the form's CSR carries, whatever remoteid says", () => {
        expect(orderProof(form({ csr: otherCsr }), reference, sought)).to.equal("reference in the CSR");
        expect(orderProof(form({ csr: otherCsr, orderReference: other }), reference, sought)).to.equal(
            "reference in the CSR",
        );
    });

    it("takes an equal remoteid, and refuses another remoteid even where the CSR is the one sought", () => {
        expect(orderProof(form({ orderReference: reference }), undefined, sought)).to.equal("remoteid");
        expect(orderProof(form({ orderReference: other, csr }), undefined, sought)).to.equal(undefined);
        expect(orderProof(form({ orderReference: other, csr }), other, sought)).to.equal(undefined);
    });

    it("takes the CSR sought only from a form without remoteid whose tariff and period do not contradict", () => {
        expect(orderProof(form({ csr: csr.replace(/\n/g, "\r\n") }), undefined, sought)).to.equal("CSR");
        expect(orderProof(form({ csr, pricelist: "55364", periodMonths: 12 }), undefined, sought)).to.equal("CSR");
        expect(orderProof(form({ csr, pricelist: "55326" }), undefined, sought)).to.equal(undefined);
        expect(orderProof(form({ csr, periodMonths: 24 }), undefined, sought)).to.equal(undefined);
        expect(orderProof(form({ csr: otherCsr }), undefined, sought)).to.equal(undefined);
        expect(orderProof(form({ csr: otherCsr }), other, sought)).to.equal(undefined);
    });

    it("proves nothing from a form that shows neither remoteid nor a CSR, nor from a CSR when none is sought", () => {
        expect(orderProof(form({ pricelist: "55364", periodMonths: 12 }), undefined, sought)).to.equal(undefined);
        expect(
            orderProof(form({ csr }), undefined, { orderReference: reference, domain: "proof.example.com" }),
        ).to.equal(undefined);
    });
});

/**
 * The account holds other stacks' certificates for the same domain (issued and pending; with another remoteid, with
 * none, with another stack's reference in their CSR, with this resource's own CSR under another remoteid). The client
 * reads the whole list (no server-side filter decides anything), so every one of them is a candidate. Whether the
 * billing system keeps `remoteid` or not, in both key modes, a lost answer and a run that died after ordering find the
 * resource's own order: one paid order, and none of the others touched.
 */
describe("ispmanager.Certificate adopts only an order its own form proves, with other stacks' certificates for the same domain", function () {
    this.timeout(120_000);
    let simulator: RunningIspmanagerSimulator;
    let admin: IspmanagerSimulatorAdmin;
    let client: Client;
    const progress: string[] = [];
    // Not about waiting: the polls and the simulator's issuance delay run on a clock that skips the waits; where the
    // test lets the simulator's time pass, it sleeps on the same clock.
    const clock = skippingClock();
    const context: LifecycleContext = { log: (line) => progress.push(line), clock };

    before(async () => {
        process.env.ISPMANAGER_REQUESTS_PER_SECOND = "100";
        simulator = await startIspmanagerSimulator({ issuanceDelayMs: 100, now: clock.now });
        admin = new IspmanagerSimulatorAdmin(simulator.adminUrl);
        client = new Client({
            url: simulator.url,
            user: simulator.user,
            password: simulator.password,
            requestsPerSecond: 100,
        });
        context.stackConfig = {
            "ispmanager:url": simulator.url,
            "ispmanager:user": simulator.user,
            "ispmanager:password": simulator.password,
        };
    });
    after(async () => {
        delete process.env.ISPMANAGER_REQUESTS_PER_SECOND;
        await client.close();
        await simulator.close();
    });
    afterEach(async () => {
        await admin.settings({ dropsRemoteId: false, hidesCsr: false });
        await admin.clearFaults();
    });

    async function checked(inputs: Record<string, unknown>): Promise<IspmanagerCertificateInputs> {
        const result = await checkIspmanagerCertificateInputs({ ...baseInputs, ...inputs });
        expect(result.failures).to.deep.equal([]);
        return result.inputs!;
    }

    /** Another stack's order for `domain`, placed straight through the client. */
    async function foreignOrder(
        domain: string,
        options: { remoteid?: string; referenceInCsr?: string; csr?: string; pending?: boolean },
    ): Promise<string> {
        const csr =
            options.csr ??
            (
                await generateKeyAndCsr({
                    key: { algorithm: "ECDSA", curve: "P256" },
                    commonName: domain,
                    unstructuredName: options.referenceInCsr,
                })
            ).csrPem;
        const order: CertificateOrder = {
            pricelist: "55364",
            periodMonths: 12,
            crtType: "manual",
            domain,
            csr,
            adminContact: contact("Olga"),
            technicalContact: contact("Oleg"),
            approverEmails: [`admin@${domain}`],
            // DNS validation with no record published stays pending; e-mail is approved at once and issues.
            approverMethod: options.pending ? "auth_dnstxt" : "auth_email",
            orderReference: options.remoteid,
        };
        return (await client.certificate.order(order)).certificateId;
    }

    const snapshot = (state: IspmanagerSimulatorState, ids: string[]) =>
        state.certificates
            .filter((certificate) => ids.includes(certificate.id))
            .map(({ id, status, issuance, serialNumber, reissues, remoteId }) => ({
                id,
                status,
                issuance,
                serialNumber,
                reissues,
                remoteId,
            }));

    for (const mode of ["its own CSR", "a key the provider makes"] as const) {
        for (const dropsRemoteId of [false, true]) {
            it(`with ${mode}, ${dropsRemoteId ? "on an account that drops remoteid" : "on an account that keeps remoteid"}: a lost answer and a run that died after ordering find the own order; one order, 0 foreign certificates touched`, async () => {
                const domain = `shared-${mode === "its own CSR" ? "own" : "made"}-${dropsRemoteId ? "dropped" : "kept"}.example.com`;
                const own = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: domain });
                const foreign = [
                    await foreignOrder(domain, { remoteid: referenceOf("other", domain) }),
                    await foreignOrder(domain, { pending: true }),
                    await foreignOrder(domain, { remoteid: referenceOf("third", domain), pending: true }),
                    await foreignOrder(domain, { referenceInCsr: referenceOf("fourth", domain), pending: true }),
                    ...(mode === "its own CSR"
                        ? [await foreignOrder(domain, { remoteid: referenceOf("fifth", domain), csr: own.csrPem })]
                        : []),
                ];
                await clock.sleep(300);
                const foreignBefore = snapshot(await admin.state(), foreign);
                expect(foreignBefore.filter((certificate) => certificate.issuance === "issued")).to.have.length(
                    mode === "its own CSR" ? 2 : 1,
                );
                expect(foreignBefore.filter((certificate) => certificate.issuance === "enrolled")).to.have.length(3);

                await admin.settings({ dropsRemoteId });
                const reference = referenceOf("adoption", domain);
                const inputs = {
                    ...(await checked({
                        domain,
                        ...(mode === "its own CSR" ? { csr: own.csrPem } : {}),
                        waitForIssuance: false,
                    })),
                    orderReference: reference,
                };
                const requestsBefore = (await admin.requests()).length;
                const stateBefore = await admin.state();
                progress.length = 0;

                // The order is placed, its answer lost: the client finds it again instead of ordering twice.
                await admin.fault({
                    kind: "reset",
                    when: "after",
                    count: 1,
                    match: { taskCode: "certificate.order.param" },
                });
                const first = await createIspmanagerCertificate(inputs, context);
                expect(progress).to.include(
                    `${domain}: the order was found again after a lost answer (job -, certificate ${first.id})`,
                );
                const keptLine = `${domain}: the billing system did not keep the order reference (remoteid) of certificate ${first.id}; an interrupted run finds this order again by ${mode === "its own CSR" ? "its CSR" : "the reference in its CSR"}, which the certificate's form shows`;
                expect(progress.filter((line) => line === keptLine)).to.have.length(dropsRemoteId ? 1 : 0);
                expect(progress.filter((line) => line.includes("WARNING"))).to.deep.equal([]);

                // The engine recorded nothing, as after a killed run: the next create adopts the same order.
                const second = await createIspmanagerCertificate({ ...inputs, waitForIssuance: true }, context);
                expect(second.id).to.equal(first.id);
                expect(
                    progress.filter((line) =>
                        line.startsWith(
                            `${domain}: adopting the order placed earlier under reference ${reference} (certificate ${first.id}`,
                        ),
                    ),
                ).to.have.length(1);
                expect(second.outs.status).to.equal("ISSUED");
                const key = mode === "its own CSR" ? own.privateKeyPem : second.outs.privateKeyPem!;
                expect(await privateKeyMatchesCertificate(key, second.outs.certificatePem!)).to.equal(true);
                if (mode === "a key the provider makes")
                    expect((await parseCsr(second.outs.csrPem!)).unstructuredName).to.equal(reference);

                const stateAfter = await admin.state();
                expect(stateAfter.orders - stateBefore.orders).to.equal(1);
                expect(stateAfter.keysGenerated - stateBefore.keysGenerated).to.equal(0);
                expect(snapshot(stateAfter, foreign)).to.deep.equal(foreignBefore);
                const requests = (await admin.requests()).slice(requestsBefore);
                expect(
                    requests.filter(
                        (request) =>
                            actingFunctions.includes(request.func ?? "") && foreign.includes(request.params.elid),
                    ),
                ).to.deep.equal([]);
                expect(
                    requests
                        .filter((request) => request.func === "certificate.order.param")
                        .map((request) => request.params.crt_type),
                ).to.deep.equal(["manual"]);
            });
        }
    }

    it("says loudly at the order that an account keeping neither remoteid nor the CSR cannot find the order after a killed run, and the next run indeed orders again", async () => {
        await admin.settings({ dropsRemoteId: true, hidesCsr: true });
        const domain = "blind.example.com";
        const reference = referenceOf("adoption", domain);
        const inputs = { ...(await checked({ domain, waitForIssuance: false })), orderReference: reference };
        const ordersBefore = (await admin.state()).orders;
        progress.length = 0;
        const first = await createIspmanagerCertificate(inputs, context);
        expect(progress.filter((line) => line.includes("WARNING"))).to.deep.equal([
            `${domain}: WARNING: the billing system keeps neither the order reference (remoteid) nor the CSR on certificate ${first.id}'s form, so nothing can prove later that this order is this resource's. ` +
                `If this run is killed before Pulumi records the certificate, the next pulumi up cannot find it and orders (and pays for) a second certificate: after an interrupted run, find certificate ${first.id} in the BILLmanager account and pulumi import it instead of running pulumi up`,
        ]);
        const second = await createIspmanagerCertificate(inputs, context);
        expect(second.id).not.to.equal(first.id);
        expect((await admin.state()).orders - ordersBefore).to.equal(2);
    });
});
