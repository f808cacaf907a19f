import { OrderFailedError } from "../../provider/errors";
import { checkCertificateInputs } from "../../provider/resources/certificate/check";
import {
    CertificateProperties,
    createCertificate,
    decideFromProperties,
    deleteCertificate,
    LifecycleContext,
    readCertificate,
    updateCertificate,
} from "../../provider/resources/certificate/lifecycle";
import { ResourceInitializationError } from "../../provider/lifecycle/initializationError";
import { orderReference } from "../../provider/lifecycle/orderReference";
import { generateKeyAndCsr, parseCertificate, privateKeyMatchesCertificate, verifyChain } from "../../provider/x509";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { checkedCertificateInputs, stackConfigFor, createTestContact, unpacedConnection } from "../support/stack";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { clockFrom, skippingClock } from "../support/clock";

for (const protocol of ["json", "xml"] as const) {
    describe(`Certificate lifecycle over ${protocol}`, function () {
        this.timeout(120_000);
        let simulator: RunningSimulator;
        let admin: SimulatorAdmin;
        let contactId: string;
        const progress: string[] = [];
        // Not about waiting: the polls and the simulator's issuance delay run on a clock that skips the waits.
        const clock = skippingClock();
        const context: LifecycleContext = { log: (line) => progress.push(line), clock };

        before(async () => {
            // These tests renew certificates they have just issued: the renewal window ("Certificate Renew": 90 days) is widened.
            simulator = await startSimulator({
                issuanceDelayMs: 200,
                renewalWindowDays: 400,
                requestsPerSecond: 0,
                now: clock.now,
            });
            admin = new SimulatorAdmin(simulator.adminUrl);
            context.stackConfig = stackConfigFor(simulator, protocol);
            contactId = await createTestContact(simulator);
        });
        after(async () => {
            await simulator.close();
        });

        // Not about pacing: the client's rate limit and the simulator's are off (unpacedConnection).
        const checked = (inputs: Record<string, unknown>) =>
            checkedCertificateInputs(contactId, { connection: unpacedConnection, ...inputs });

        it("creates, reads, sees no change, reissues with a new serial under the same id, renews in the window, deletes", async () => {
            const inputs = await checked({
                name: `life-${protocol}.example.com`,
                subjectAlternativeNames: [`www.life-${protocol}.example.com`],
                privateKey: { algorithm: "RSA", rsaBits: 2048 },
            });
            const created = await createCertificate(inputs, context);
            const first = created.outs;
            expect(first.status).to.equal("ISSUED");
            expect(first.stateVersion).to.equal(1);
            expect(created.id).to.equal(first.certificateId);
            expect(first.issuedNames).to.have.members([
                `life-${protocol}.example.com`,
                `www.life-${protocol}.example.com`,
            ]);
            expect(
                (
                    await verifyChain(
                        first.certificatePem as string,
                        [first.chainPem as string],
                        first.rootPem as string,
                        clock.now(),
                    )
                ).valid,
            ).to.equal(true);
            expect(await privateKeyMatchesCertificate(first.privateKeyPem!, first.certificatePem as string)).to.equal(
                true,
            );
            expect(first.fingerprintSha256).to.equal(
                (await parseCertificate(first.certificatePem as string)).fingerprintSha256,
            );

            const read = await readCertificate(created.id, first, context);
            expect(read.id).to.equal(created.id);
            expect(read.props).to.deep.equal(first);
            expect(decideFromProperties(first, inputs, clock.now())).to.deep.equal({ kind: "none" });

            const moreNames = await checked({
                ...inputs,
                subjectAlternativeNames: [`www.life-${protocol}.example.com`, `api.life-${protocol}.example.com`],
            });
            expect(decideFromProperties(first, moreNames, clock.now()).kind).to.equal("reissue");
            const reissued = (await updateCertificate(created.id, first, moreNames, context)).outs;
            expect(reissued.certificateId).to.equal(created.id);
            expect(reissued.serialNumber).not.to.equal(first.serialNumber);
            expect(reissued.privateKeyPem).to.equal(first.privateKeyPem);
            expect(reissued.issuedNames).to.include(`api.life-${protocol}.example.com`);
            expect(decideFromProperties(reissued, moreNames, clock.now())).to.deep.equal({ kind: "none" });

            const insideWindow: LifecycleContext = {
                ...context,
                clock: clockFrom(clock, new Date(Date.parse(reissued.notAfter as string) - 10 * 86_400_000)),
            };
            expect(decideFromProperties(reissued, moreNames, insideWindow.clock.now()).kind).to.equal("renew");
            const state = await admin.state();
            const renewed = (await updateCertificate(created.id, reissued, moreNames, insideWindow)).outs;
            expect(renewed.certificateId).to.equal(created.id);
            expect(renewed.serialNumber).not.to.equal(reissued.serialNumber);
            expect((await admin.state()).renewals).to.equal(state.renewals + 1);
            expect((await admin.state()).orders).to.equal(state.orders);

            await deleteCertificate(created.id, renewed, context);
            expect(await readCertificate(created.id, renewed, context)).to.deep.equal({ id: "", props: {} });
            await deleteCertificate(created.id, renewed, context);
        });

        it("imports a certificate by id and fills every output and the inputs", async () => {
            const { csrPem } = await generateKeyAndCsr({
                key: { algorithm: "ECDSA", curve: "P256" },
                commonName: `import-${protocol}.example.com`,
            });
            const created = await createCertificate(await checked({ csr: csrPem }), context);
            const imported = await readCertificate(created.id, undefined, context);
            expect(imported.id).to.equal(created.id);
            expect(imported.inputs).to.deep.include({
                name: `import-${protocol}.example.com`,
                product: "QUICKSSLPREMIUM",
                lifetimeMonths: 12,
                adminContactId: contactId,
                technicalContactId: contactId,
            });
            for (const key of [
                "certificatePem",
                "chainPem",
                "rootPem",
                "fullChainPem",
                "serialNumber",
                "notBefore",
                "notAfter",
                "fingerprintSha256",
                "certificateId",
                "orderId",
            ]) {
                expect(imported.props[key], key).to.equal((created.outs as Record<string, unknown>)[key]);
            }
        });

        it("records a timed-out wait as an initialization error, and the update resumes it without a second order", async () => {
            await admin.settings({ issuanceDelayMs: 1500 });
            const { csrPem } = await generateKeyAndCsr({
                key: { algorithm: "ECDSA", curve: "P256" },
                commonName: `slow-${protocol}.example.com`,
            });
            const inputs = await checked({ csr: csrPem, waitTimeoutSeconds: 0.3 });
            const ordersBefore = (await admin.state()).orders;
            const error = (await createCertificate(inputs, context).catch(
                (caught) => caught,
            )) as ResourceInitializationError;
            expect(error).to.be.instanceOf(ResourceInitializationError);
            expect(error.id).to.match(/^\d+$/);
            expect(error.properties).to.deep.include({
                status: "PENDING",
                certificateId: error.id,
                name: `slow-${protocol}.example.com`,
            });
            expect(error.message).to.match(
                new RegExp(
                    `^slow-${protocol}\\.example\\.com: still RUNNING after \\d+s \\(job \\d+, certificate ${error.id}\\)`,
                ),
            );
            const resumed = await updateCertificate(
                error.id,
                error.properties as CertificateProperties,
                { ...inputs, waitTimeoutSeconds: 30 },
                context,
            );
            expect(resumed.outs.status).to.equal("ISSUED");
            expect(resumed.outs.certificateId).to.equal(error.id);
            expect((await admin.state()).orders).to.equal(ordersBefore + 1);
            await admin.settings({ issuanceDelayMs: 200 });
        });

        it("keeps an order recorded without its certificate id through refresh, refuses to destroy it by a made-up id, and cancels it once an update has recorded the certificate", async () => {
            await admin.settings({ issuanceDelayMs: 1500 });
            const { csrPem } = await generateKeyAndCsr({
                key: { algorithm: "ECDSA", curve: "P256" },
                commonName: `unnamed-${protocol}.example.com`,
            });
            const inputs = await checked({ csr: csrPem, waitTimeoutSeconds: 0.3 });
            const error = (await createCertificate(inputs, context).catch(
                (caught) => caught,
            )) as ResourceInitializationError;
            expect(error).to.be.instanceOf(ResourceInitializationError);
            // The state of a run whose wait ended before any answer named the certificate: the job alone is known.
            const { certificateId, ...withoutCertificate } = error.properties;
            expect(certificateId).to.equal(error.id);
            const jobId = withoutCertificate.jobId as string;
            expect(jobId).to.match(/^\d+$/);
            const pendingId = `job-${jobId}`;
            const pending = withoutCertificate as unknown as CertificateProperties;
            await admin.clearRequests();

            const refreshed = await readCertificate(pendingId, pending, context);
            expect(refreshed).to.deep.equal({ id: pendingId, props: pending });
            const refused = (await deleteCertificate(pendingId, pending, context).catch((caught) => caught)) as Error;
            expect(refused.message).to.equal(
                `unnamed-${protocol}.example.com: the order (${pendingId}) has no certificate id in state yet, so nothing ` +
                    "can be cancelled by it; `pulumi up` resumes the wait and records the certificate, after which " +
                    "destroy cancels it. Nothing was cancelled, and the resource stays in state.",
            );
            expect(await admin.requests()).to.deep.equal([]);
            expect((await admin.state()).certificates.find((one) => one.id === error.id)?.status).to.not.equal(
                "CANCELLED",
            );

            const resumed = await updateCertificate(pendingId, pending, { ...inputs, waitTimeoutSeconds: 30 }, context);
            expect(resumed.outs.status).to.equal("ISSUED");
            expect(resumed.outs.certificateId).to.equal(error.id);
            await deleteCertificate(pendingId, resumed.outs, context);
            expect((await admin.state()).certificates.find((one) => one.id === error.id)).to.equal(undefined);
            await admin.settings({ issuanceDelayMs: 200 });
        });

        it("adopts the order an interrupted run placed under the same order reference instead of ordering again", async () => {
            const { csrPem } = await generateKeyAndCsr({
                key: { algorithm: "ECDSA", curve: "P256" },
                commonName: `adopt-${protocol}.example.com`,
            });
            const reference = orderReference({
                project: "lifecycle",
                stack: protocol,
                type: "internetx:Certificate",
                name: "adopt",
                replacementInputs: ["QUICKSSLPREMIUM", 12],
            });
            const inputs = { ...(await checked({ csr: csrPem })), orderReference: reference };
            const first = await createCertificate(inputs, context);
            const ordersBefore = (await admin.state()).orders;
            const again = await createCertificate(inputs, context);
            expect(again.id).to.equal(first.id);
            expect(again.outs.certificatePem).to.equal(first.outs.certificatePem);
            expect((await admin.state()).orders).to.equal(ordersBefore);
            expect(
                progress.filter((line) =>
                    line.startsWith(
                        `adopt-${protocol}.example.com: adopting the order placed earlier under reference ${reference}`,
                    ),
                ),
            ).to.have.length(1);
        });

        it("orders anew under another reference: another stack's certificate is never adopted", async () => {
            const { csrPem } = await generateKeyAndCsr({
                key: { algorithm: "ECDSA", curve: "P256" },
                commonName: `stacks-${protocol}.example.com`,
            });
            const referenceOf = (stack: string) =>
                orderReference({
                    project: "lifecycle",
                    stack,
                    type: "internetx:Certificate",
                    name: "shared",
                    replacementInputs: ["QUICKSSLPREMIUM", 12],
                });
            const base = await checked({ csr: csrPem });
            const ordersBefore = (await admin.state()).orders;
            const first = await createCertificate({ ...base, orderReference: referenceOf(`dev-${protocol}`) }, context);
            const second = await createCertificate(
                { ...base, orderReference: referenceOf(`prod-${protocol}`) },
                context,
            );
            expect(second.id).not.to.equal(first.id);
            expect((await admin.state()).orders).to.equal(ordersBefore + 2);
        });

        it("surfaces the CA's reason when the job fails, and places no second order", async () => {
            await admin.jobOutcome({
                match: { name: `refused-${protocol}.example.com` },
                outcome: "fail",
                reason: "CAA record forbids issuance",
            });
            const inputs = await checked({
                name: `refused-${protocol}.example.com`,
                privateKey: { algorithm: "ECDSA", curve: "P256" },
            });
            const error = (await createCertificate(inputs, context).catch((caught) => caught)) as OrderFailedError;
            expect(error).to.be.instanceOf(OrderFailedError);
            expect(error.reason).to.contain("CAA record forbids issuance");
            expect(error.message).to.match(
                new RegExp(
                    `^refused-${protocol}\\.example\\.com: the order failed \\(job \\d+\\): .*CAA record forbids issuance`,
                ),
            );
        });

        it("survives a burst of 503 answers during the wait", async () => {
            const inputs = await checked({
                name: `burst-${protocol}.example.com`,
                privateKey: { algorithm: "ECDSA", curve: "P256" },
            });
            await admin.fault({ kind: "status", status: 503, count: 3 });
            const created = await createCertificate(inputs, context);
            expect(created.outs.status).to.equal("ISSUED");
        });

        it("rejects bad inputs in check, naming each property, before any request", async () => {
            await admin.clearRequests();
            const result = await checkCertificateInputs({
                name: "bad name!",
                product: "QUICKSSLPREMIUM",
                lifetimeMonths: 13,
                adminContactId: "x",
                technicalContactId: contactId,
                csr: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----",
                privateKey: { algorithm: "RSA", rsaBits: 1024 },
                validation: { method: "EMAIL" },
            });
            expect(result.failures.map((failure) => failure.property)).to.deep.equal([
                "name",
                "adminContactId",
                "privateKey.rsaBits",
                "validation.approverEmail",
                "privateKey",
                "lifetimeMonths",
            ]);
            const csrProblem = await checkCertificateInputs({
                product: "QUICKSSLPREMIUM",
                lifetimeMonths: 12,
                adminContactId: "1",
                technicalContactId: "1",
                csr: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----",
            });
            expect(csrProblem.failures.map((failure) => failure.property)).to.deep.equal(["csr"]);
            const { csrPem } = await generateKeyAndCsr({
                key: { algorithm: "ECDSA", curve: "P256" },
                commonName: "a.example.com",
            });
            const contradiction = await checkCertificateInputs({
                name: "b.example.com",
                product: "QUICKSSLPREMIUM",
                lifetimeMonths: 12,
                adminContactId: "1",
                technicalContactId: "1",
                csr: csrPem,
            });
            expect(contradiction.failures).to.deep.equal([
                { property: "name", reason: "b.example.com contradicts the CSR, which names a.example.com" },
            ]);
            expect(await admin.requests()).to.deep.equal([]);
        });
    });
}
