import { checkCertificateInputs } from "../../provider/resources/certificate/check";
import {
    createCertificate,
    deleteCertificate,
    LifecycleContext,
    readCertificate,
} from "../../provider/resources/certificate/lifecycle";
import { generateKeyAndCsr } from "../../provider/x509";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { stackConfigFor, createTestContact, unpacedConnection } from "../support/stack";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { skippingClock } from "../support/clock";

// How the real API answers a missing certificate is not recorded: HTTP 404 ("JSON API Basics") or a refusal like
// invalid content. Under either reading a certificate leaves the stack only when Certificate List proves it gone.
for (const protocol of ["json", "xml"] as const) {
    for (const refusesMissingObjects of [false, true]) {
        // The gateway answers every error with HTTP 200, so over XML the two readings differ only in the injected status.
        const reading = refusesMissingObjects ? "answered as a refusal (HTTP 400)" : "answered HTTP 404";
        describe(`A vanished certificate over ${protocol}, a missing object ${reading}`, function () {
            this.timeout(120_000);
            let simulator: RunningSimulator;
            let admin: SimulatorAdmin;
            let contactId: string;
            // Not about waiting or pacing: the polls, the cancellation's and the simulator's delays run on a clock that
            // skips the waits, and the rate limits are off (unpacedConnection).
            const clock = skippingClock();
            const context: LifecycleContext = { log: () => undefined, clock };

            before(async () => {
                simulator = await startSimulator({
                    issuanceDelayMs: 100,
                    refusesMissingObjects,
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

            async function created(name: string) {
                const { csrPem } = await generateKeyAndCsr({
                    key: { algorithm: "ECDSA", curve: "P256" },
                    commonName: name,
                });
                const result = await checkCertificateInputs({
                    adminContactId: contactId,
                    technicalContactId: contactId,
                    product: "QUICKSSLPREMIUM",
                    lifetimeMonths: 12,
                    pollIntervalSeconds: 0.1,
                    connection: unpacedConnection,
                    csr: csrPem,
                });
                expect(result.failures).to.deep.equal([]);
                return createCertificate(result.inputs!, context);
            }

            it("reads a certificate cancelled outside the stack as gone, and deleting it again succeeds", async () => {
                const certificate = await created(`vanished-${protocol}-${refusesMissingObjects}.example.com`);
                await deleteCertificate(certificate.id, certificate.outs, context);
                expect(await readCertificate(certificate.id, certificate.outs, context)).to.deep.equal({
                    id: "",
                    props: {},
                });
                await deleteCertificate(certificate.id, certificate.outs, context);
            });

            it("keeps a live certificate whose CertificateInfo is answered as missing, because Certificate List still counts it", async () => {
                const certificate = await created(`kept-${protocol}-${refusesMissingObjects}.example.com`);
                await admin.fault({
                    kind: "status",
                    status: refusesMissingObjects ? 400 : 404,
                    match: { taskCode: "400104" },
                });
                const error = await readCertificate(certificate.id, certificate.outs, context).then(
                    () => undefined,
                    (reason: Error) => reason,
                );
                const withoutIds = error?.message.replace(/stid [^,]+, ctid [^)]+/, "stid …, ctid …");
                expect(withoutIds).to.equal(
                    refusesMissingObjects
                        ? "CertificateInfo failed: The request could not be processed. (HTTP 400, E0000, stid …, ctid …)"
                        : `CertificateInfo failed: The request could not be processed. (HTTP 404, E0000, stid …, ctid …); not taken for gone: CertificateList filtered on id ${certificate.id} counts 1 object`,
                );
                expect((await readCertificate(certificate.id, certificate.outs, context)).id).to.equal(certificate.id);
            });
        });
    }
}
