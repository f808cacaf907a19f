import { Client } from "../../provider/internetx/client";
import { createCertificate, LifecycleContext } from "../../provider/resources/certificate/lifecycle";
import { systemClock } from "../../provider/lifecycle/context";
import { parseCertificate } from "../../provider/x509";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { checkedCertificateInputs, stackConfigFor, createTestContact } from "../support/stack";
import { SimulatorAdmin } from "../support/simulatorAdmin";

/**
 * Thirty certificates created at once through the lifecycle under the simulator's default request limit (the
 * documented 3 requests per second): every create ends with its own certificate and no notification is lost. These
 * run minutes by design, so they live in the concurrency tier, not with the single-certificate lifecycle tests.
 */
for (const protocol of ["json", "xml"] as const) {
    describe(`Thirty concurrent certificate creates over ${protocol}`, function () {
        this.timeout(120_000);
        let simulator: RunningSimulator;
        let admin: SimulatorAdmin;
        let contactId: string;
        const context: LifecycleContext = { log: () => undefined, clock: systemClock };

        before(async () => {
            simulator = await startSimulator({ issuanceDelayMs: 200 });
            admin = new SimulatorAdmin(simulator.adminUrl);
            context.stackConfig = stackConfigFor(simulator, protocol);
            contactId = await createTestContact(simulator);
        });
        after(async () => {
            await simulator.close();
        });

        const checked = (inputs: Record<string, unknown>) => checkedCertificateInputs(contactId, inputs);

        async function drainNotifications(): Promise<number> {
            const client = new Client({
                protocol,
                url: simulator.url,
                xmlUrl: simulator.xmlUrl,
                user: simulator.user,
                password: simulator.password,
                context: simulator.context,
            });
            let drained = 0;
            for (let { message } = await client.poll.info(); message; { message } = await client.poll.info()) {
                await client.poll.confirm(message.id);
                drained++;
            }
            await client.close();
            return drained;
        }

        for (const waitStrategy of ["job", "notifications"] as const) {
            it(`creates 30 certificates concurrently with the ${waitStrategy} strategy, each with its own name, losing no notification`, async () => {
                await drainNotifications();
                const names = Array.from(
                    { length: 30 },
                    (_, index) => `c${index}-${waitStrategy}-${protocol}.example.com`,
                );
                const results = await Promise.all(
                    names.map(async (name) =>
                        createCertificate(
                            await checked({
                                name,
                                privateKey: { algorithm: "ECDSA", curve: "P256" },
                                waitStrategy,
                                pollIntervalSeconds: 0.2,
                            }),
                            context,
                        ),
                    ),
                );
                for (const [index, result] of results.entries()) {
                    const leaf = await parseCertificate(result.outs.certificatePem as string);
                    expect(leaf.commonName).to.equal(names[index]);
                }
                expect(new Set(results.map((result) => result.id)).size).to.equal(30);
                // The job strategy consumes nothing: all 30 notifications stay for other readers. The
                // notifications strategy confirmed exactly its own 30.
                expect((await admin.state()).pollQueueLength).to.equal(waitStrategy === "job" ? 30 : 0);
            });
        }
    });
}
