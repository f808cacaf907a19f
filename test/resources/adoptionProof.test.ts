import { checkCertificateInputs } from "../../provider/resources/certificate/check";
import { createCertificate, LifecycleContext } from "../../provider/resources/certificate/lifecycle";
import { orderReference } from "../../provider/lifecycle/orderReference";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { stackConfigFor, createTestContact } from "../support/stack";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { skippingClock } from "../support/clock";
import { placeJsonOrder } from "../simulator/raw";

/**
 * Other stacks' certificates for the same names in the account (issued and pending, with another reference or none):
 * a create adopts only what its own reference proves, whether or not the account's search honours the `comment`
 * filter, and ten creates that look up together cost one Job List and one Certificate List.
 */
for (const protocol of ["json", "xml"] as const) {
    for (const ignoreUnknownFilterKeys of [false, true]) {
        describe(`Adoption over ${protocol}, searches ${ignoreUnknownFilterKeys ? "ignoring" : "honouring"} the comment filter`, function () {
            this.timeout(240_000);
            let simulator: RunningSimulator;
            let admin: SimulatorAdmin;
            let contactId: string;
            // The lookup round gathers the creates on the system clock (orderLookupRounds.ts); the waits for issuance
            // after it are not what this tests: they and the simulator's issuance delay run on a clock that skips them.
            const clock = skippingClock();
            const context: LifecycleContext = { log: () => undefined, clock };

            before(async () => {
                simulator = await startSimulator({
                    issuanceDelayMs: 300,
                    requestsPerSecond: 0,
                    ignoreUnknownFilterKeys,
                    now: clock.now,
                });
                admin = new SimulatorAdmin(simulator.adminUrl);
                context.stackConfig = stackConfigFor(simulator, protocol);
                contactId = await createTestContact(simulator);
            });
            after(() => simulator.close());

            it("orders each of 10 concurrent creates once, touches no foreign certificate, and looks up in one Job List and one Certificate List", async () => {
                const names = Array.from({ length: 10 }, (_, index) => `n${index}.${protocol}.example.com`);
                // Foreign: an issued certificate with another stack's reference and a pending one without any, per name.
                for (const name of names)
                    await placeJsonOrder(simulator, name, Number(contactId), { comment: `other-stack/${name}` });
                await clock.sleep(800);
                await admin.settings({ issuanceDelayMs: 60_000 });
                for (const name of names.slice(0, 3)) await placeJsonOrder(simulator, name, Number(contactId));
                await admin.settings({ issuanceDelayMs: 300 });
                const foreign = await admin.state();
                const foreignIds = foreign.certificates.map((certificate) => certificate.id);
                await admin.clearRequests();

                const inputs = await Promise.all(
                    names.map(async (name) => {
                        const checked = await checkCertificateInputs({
                            name,
                            privateKey: { algorithm: "ECDSA", curve: "P256" },
                            product: "QUICKSSLPREMIUM",
                            lifetimeMonths: 12,
                            adminContactId: contactId,
                            technicalContactId: contactId,
                            waitStrategy: "notifications",
                            pollIntervalSeconds: 1,
                            connection: { requestsPerSecond: 1000 },
                        });
                        expect(checked.failures).to.deep.equal([]);
                        return {
                            ...checked.inputs!,
                            orderReference: orderReference({
                                project: "adoption",
                                stack: protocol,
                                type: "internetx:Certificate",
                                name,
                                replacementInputs: ["QUICKSSLPREMIUM", 12],
                            }),
                        };
                    }),
                );
                const results = await Promise.all(inputs.map((input) => createCertificate(input, context)));
                expect(results.map((result) => foreignIds.includes(result.id))).to.deep.equal(names.map(() => false));
                expect(results.map((result) => result.outs.status)).to.deep.equal(names.map(() => "ISSUED"));
                const after = await admin.state();
                expect(after.orders - foreign.orders).to.equal(10);
                expect(after.reissues - foreign.reissues).to.equal(0);
                expect(
                    after.certificates
                        .filter((certificate) => foreignIds.includes(certificate.id))
                        .map((certificate) => [certificate.id, certificate.serialNumber]),
                ).to.deep.equal(foreign.certificates.map((certificate) => [certificate.id, certificate.serialNumber]));
                const codes = (await admin.requests()).map((entry) => entry.taskCode);
                // The lookup round is everything before the first order's prepare: one Job List, one Certificate List and
                // Job Info of the three foreign running jobs (list rows carry no proof).
                const lookup = codes.slice(
                    0,
                    codes.findIndex((taskCode) => taskCode === "400110" || taskCode === "400101"),
                );
                const count = (code: string, within = codes) => within.filter((taskCode) => taskCode === code).length;
                // The round's list is narrowed on the names alone, so it also brings the rows an account without comments
                // leaves, whose CSRs carry the reference: no create lists its name again.
                expect([count("400115", lookup), count("400105", lookup), count("400114", lookup)]).to.deep.equal([
                    1, 1, 3,
                ]);
                expect([count("400102"), count("400103"), count("4001031")]).to.deep.equal([0, 0, 0]);
            });
        });
    }
}
