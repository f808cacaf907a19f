import { checkCertificateInputs } from "../../provider/resources/certificate/check";
import { CertificateInputs } from "../../provider/resources/certificate/inputs";
import { createCertificate, LifecycleContext } from "../../provider/resources/certificate/lifecycle";
import { systemClock } from "../../provider/lifecycle/context";
import { parseCertificate, privateKeyMatchesCertificate } from "../../provider/x509";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { stackConfigFor, createTestContact } from "../support/stack";
import { SimulatorAdmin } from "../support/simulatorAdmin";

/**
 * Many certificates in one stack: the engine creates independent resources concurrently. Real timings (issuance
 * 2 s, 30 ms per request); every create must end with its own issued certificate, never a success without one.
 */
for (const protocol of ["json", "xml"] as const) {
    for (const waitStrategy of ["job", "notifications"] as const) {
        describe(`Concurrent creates over ${protocol} with the ${waitStrategy} strategy`, function () {
            this.timeout(240_000);
            let simulator: RunningSimulator;
            let admin: SimulatorAdmin;
            let contactId: string;
            const context: LifecycleContext = { log: () => undefined, clock: systemClock };

            before(async () => {
                // The clients here raise their limit (requestsPerSecond: 1000) to load the lifecycle, so the simulator lifts its own.
                simulator = await startSimulator({ issuanceDelayMs: 2000, latencyMs: 30, requestsPerSecond: 0 });
                admin = new SimulatorAdmin(simulator.adminUrl);
                context.stackConfig = stackConfigFor(simulator, protocol);
                contactId = await createTestContact(simulator);
            });
            after(async () => {
                await simulator.close();
            });

            async function inputsFor(name: string): Promise<CertificateInputs> {
                const result = await checkCertificateInputs({
                    name,
                    privateKey: { algorithm: "ECDSA", curve: "P256" },
                    product: "QUICKSSLPREMIUM",
                    lifetimeMonths: 12,
                    adminContactId: contactId,
                    technicalContactId: contactId,
                    waitStrategy,
                    pollIntervalSeconds: 1,
                    connection: { requestsPerSecond: 1000 },
                });
                expect(result.failures).to.deep.equal([]);
                return result.inputs!;
            }

            for (const count of [1, 10, 30, 50]) {
                it(`ends each of ${count} concurrent creates with an issued certificate that matches its own key`, async () => {
                    const before = (await admin.state()).orders;
                    const names = Array.from(
                        { length: count },
                        (_, index) => `c${count}-${index}.${waitStrategy}.${protocol}.example.com`,
                    );
                    const results = await Promise.all(
                        names.map(async (name) => createCertificate(await inputsFor(name), context)),
                    );
                    const summary = await Promise.all(
                        results.map(async ({ outs }) => ({
                            name: outs.name,
                            status: outs.status,
                            hasPem: Boolean(outs.certificatePem),
                            commonName: outs.certificatePem
                                ? (await parseCertificate(outs.certificatePem)).commonName
                                : undefined,
                            keyMatches: outs.certificatePem
                                ? await privateKeyMatchesCertificate(outs.privateKeyPem!, outs.certificatePem)
                                : false,
                        })),
                    );
                    expect(summary).to.deep.equal(
                        names.map((name) => ({
                            name,
                            status: "ISSUED",
                            hasPem: true,
                            commonName: name,
                            keyMatches: true,
                        })),
                    );
                    expect(new Set(results.map((result) => result.id)).size).to.equal(count);
                    expect((await admin.state()).orders - before).to.equal(count);
                });
            }
        });
    }
}
