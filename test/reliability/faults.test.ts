import { request } from "undici";
import { SslManagerError } from "../../provider/errors";
import { checkCertificateInputs } from "../../provider/resources/certificate/check";
import { CertificateInputs } from "../../provider/resources/certificate/inputs";
import { CertificateProperties, createCertificate, deleteCertificate, readCertificate, updateCertificate } from "../../provider/resources/certificate/lifecycle";
import { ResourceInitializationError } from "../../provider/lifecycle/initializationError";
import { LifecycleContext, systemClock } from "../../provider/lifecycle/context";
import { generateKeyAndCsr } from "../../provider/x509";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { stackConfigFor, createTestContact } from "../support/stack";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { figures } from "./figures";

type Phase = "create" | "wait" | "read" | "update" | "delete";

/** The task code each phase's first affected request carries (docs/wire-format.md). */
const phaseTask: Record<Phase, string> = { create: "400101", wait: "400115", read: "400104", update: "400102", delete: "400103" };

/** Faults as the simulator's admin endpoint takes them; `count` requests are hit. */
const faults: Record<string, Record<string, unknown>> = {
    "a burst of 5xx": { kind: "status", status: 503, count: 3 },
    "429 with Retry-After": { kind: "status", status: 429, retryAfterSeconds: 1, count: 1 },
    "a reset before the request is processed": { kind: "reset", when: "before", count: 1 },
    "a reset after the request was processed": { kind: "reset", when: "after", count: 1 },
    "a response slower than the client timeout": { kind: "delay", ms: 1500, count: 1 },
    "a malformed body": { kind: "malformed", count: 1 },
};

const context: LifecycleContext = { log: () => undefined, clock: systemClock };

/**
 * Faults in every phase of a certificate's life, over both protocols: each run ends correct or with a clear typed
 * error, a rerun converges, and the simulator never sees a second order for one resource.
 */
for (const protocol of ["json", "xml"] as const) {
    describe(`reliability over ${protocol}: faults in every phase`, function () {
        this.timeout(120_000);
        let simulator: RunningSimulator;
        let admin: SimulatorAdmin;
        let contactId: string;
        let serial = 0;

        before(async () => {
            // Faults, not pacing, are under test here: the 3-per-second window is proven in the rate-limit tests.
            simulator = await startSimulator({ issuanceDelayMs: 100, requestsPerSecond: 0 });
            admin = new SimulatorAdmin(simulator.adminUrl);
            context.stackConfig = stackConfigFor(simulator, protocol);
            contactId = await createTestContact(simulator);
        });
        after(async () => {
            await simulator.close();
        });

        async function inputsFor(name: string, csrPem: string): Promise<CertificateInputs> {
            const result = await checkCertificateInputs({ csr: csrPem, product: "QUICKSSLPREMIUM", lifetimeMonths: 12, adminContactId: contactId, technicalContactId: contactId, pollIntervalSeconds: 0.05, connection: { timeoutSeconds: 1, requestsPerSecond: 1000 } });
            expect(result.failures, name).to.deep.equal([]);
            return result.inputs!;
        }

        async function injectedCount(): Promise<number> {
            const response = await request(`${simulator.adminUrl}/faults`);
            return ((await response.body.json()) as { injected: number }).injected;
        }

        /** Runs `operation`; on a typed error runs it once more (the next `pulumi up`), which must succeed. */
        async function converge<T>(operation: () => Promise<T>, rerun: (error: unknown) => Promise<T>): Promise<T> {
            try {
                return await operation();
            } catch (error) {
                expect(error instanceof SslManagerError || error instanceof ResourceInitializationError, `untyped error: ${error}`).to.equal(true);
                return rerun(error);
            }
        }

        for (const phase of ["create", "wait", "read", "update", "delete"] as Phase[]) {
            for (const [faultName, fault] of Object.entries(faults)) {
                it(`survives ${faultName} during ${phase}`, async () => {
                    const name = `${phase}-${serial++}-${protocol}.example.com`;
                    const { csrPem } = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: name });
                    const inputs = await inputsFor(name, csrPem);
                    const ordersBefore = (await admin.state()).orders;
                    const injectedBefore = await injectedCount();
                    const faultFor = { ...fault, match: { taskCode: phaseTask[phase] } };
                    const create = () => createCertificate(inputs, context);
                    const createAgain = async (error: unknown) =>
                        error instanceof ResourceInitializationError
                            ? { id: error.id, outs: (await updateCertificate(error.id, error.properties as CertificateProperties, inputs, context)).outs }
                            : create();

                    if (phase === "create" || phase === "wait") await admin.fault(faultFor);
                    let created = await converge(create, createAgain);
                    expect(created.outs.status).to.equal("ISSUED");

                    if (phase === "read") {
                        await admin.fault(faultFor);
                        const read = await converge(() => readCertificate(created.id, created.outs, context), () => readCertificate(created.id, created.outs, context));
                        expect(read.props.serialNumber).to.equal(created.outs.serialNumber);
                    }
                    if (phase === "update") {
                        const { csrPem: newCsr } = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: name });
                        const news = await inputsFor(name, newCsr);
                        const reissuesBefore = (await admin.state()).reissues;
                        await admin.fault(faultFor);
                        const updated = await converge(
                            () => updateCertificate(created.id, created.outs, news, context),
                            (error) => updateCertificate(created.id, (error instanceof ResourceInitializationError ? error.properties : created.outs) as CertificateProperties, news, context),
                        );
                        expect(updated.outs.certificateId).to.equal(created.id);
                        expect(updated.outs.serialNumber).not.to.equal(created.outs.serialNumber);
                        const reissues = (await admin.state()).reissues - reissuesBefore;
                        figures.duplicateOrders += Math.max(0, reissues - 1);
                        expect(reissues, "reissues placed").to.equal(1);
                        created = { id: created.id, outs: updated.outs };
                    }
                    if (phase === "delete") {
                        await admin.fault(faultFor);
                        await converge(() => deleteCertificate(created.id, created.outs, context), () => deleteCertificate(created.id, created.outs, context));
                        expect((await readCertificate(created.id, created.outs, context)).id).to.equal("");
                    }

                    const orders = (await admin.state()).orders - ordersBefore;
                    figures.duplicateOrders += Math.max(0, orders - 1);
                    expect(orders, "orders placed").to.equal(1);
                    const injected = (await injectedCount()) - injectedBefore;
                    expect(injected, "the fault was injected").to.be.greaterThan(0);
                    figures.faultsInjected += injected;
                    figures.faultsSurvived += injected;
                    await admin.clearFaults();
                });
            }
        }

        it("reports a job that fails with the CA's reason, and one that never finishes as a resumable initialization error", async () => {
            for (const [outcome, reason] of [["fail", "CAA forbids issuance"], ["never", undefined]] as const) {
                const name = `${outcome}-${protocol}.example.com`;
                const { csrPem } = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: name });
                await admin.jobOutcome({ match: { name }, outcome, reason });
                const ordersBefore = (await admin.state()).orders;
                const error = await createCertificate({ ...(await inputsFor(name, csrPem)), waitTimeoutSeconds: 0.5 }, context).catch((caught) => caught);
                if (outcome === "fail") expect((error as SslManagerError).message).to.match(new RegExp(`^${name}: the order failed \\(job \\d+\\): CAA forbids issuance$`));
                else {
                    expect(error).to.be.instanceOf(ResourceInitializationError);
                    const again = await updateCertificate((error as ResourceInitializationError).id, (error as ResourceInitializationError).properties as CertificateProperties, { ...(await inputsFor(name, csrPem)), waitTimeoutSeconds: 0.3 }, context).catch((caught) => caught);
                    expect(again).to.be.instanceOf(ResourceInitializationError);
                }
                expect((await admin.state()).orders - ordersBefore).to.equal(1);
                figures.faultsInjected += 1;
                figures.faultsSurvived += 1;
            }
        });
    });
}
