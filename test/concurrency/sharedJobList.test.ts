import { check, create } from "../../provider/dynamic/certificate";
import { configure, resetLifecycleContext, setLifecycleContext } from "../../provider/dynamic/context";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { taskByCode } from "../../simulator/internetx/tasks";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { createTestContact } from "../support/stack";

/**
 * The job strategy's shared Job List poller, through the dynamic provider as the engine calls it, on a simulator
 * that refuses more than 3 requests per second (the reference's limit): one Job List request answers for every
 * pending order, so the status requests do not grow with the number of orders, and each certificate is read once.
 */
for (const protocol of ["json", "xml"] as const) {
    describe(`The shared Job List poll over ${protocol}`, function () {
        this.timeout(180_000);
        let simulator: RunningSimulator;
        let admin: SimulatorAdmin;
        let contactId: string;

        before(async () => {
            simulator = await startSimulator({ issuanceDelayMs: 1000 });
            admin = new SimulatorAdmin(simulator.adminUrl);
            const stackConfig: Record<string, string> = {
                "internetx:user": simulator.user,
                "internetx:password": simulator.password,
                "internetx:context": simulator.context,
                "internetx:url": simulator.url,
                "internetx:xmlUrl": simulator.xmlUrl,
                "internetx:protocol": protocol,
            };
            await configure({ config: { get: (key) => stackConfig[key] } });
            setLifecycleContext({ log: () => undefined });
            contactId = await createTestContact(simulator);
        });
        after(async () => {
            resetLifecycleContext();
            await configure({ config: { get: () => undefined } });
            await simulator.close();
        });

        async function checked(name: string): Promise<Record<string, unknown>> {
            const result = await check(
                {},
                {
                    name,
                    privateKey: { algorithm: "ECDSA", curve: "P256" },
                    product: "QUICKSSLPREMIUM",
                    lifetimeMonths: 12,
                    adminContactId: contactId,
                    technicalContactId: contactId,
                    waitStrategy: "job",
                    pollIntervalSeconds: 1,
                    // Below the test's timeout: a wait stuck on a status that never comes ends naming that status.
                    waitTimeoutSeconds: 120,
                },
            );
            expect(result.failures ?? []).to.deep.equal([]);
            return result.inputs as Record<string, unknown>;
        }

        async function requestsByTask(): Promise<Record<string, number>> {
            const counts: Record<string, number> = {};
            for (const entry of await admin.requests()) {
                const task =
                    entry.status === 429 ? "refused" : (taskByCode[entry.taskCode ?? ""] ?? entry.taskCode ?? "other");
                counts[task] = (counts[task] ?? 0) + 1;
            }
            return counts;
        }

        it("issues ten concurrent orders with fewer status requests than orders, no Job Info, one read each and no refusal", async () => {
            const names = Array.from({ length: 10 }, (_, index) => `shared${index}.${protocol}.example.com`);
            const inputs = await Promise.all(names.map(checked));
            await new Promise((resolve) => setTimeout(resolve, 1200));
            await admin.clearRequests();
            const results = await Promise.all(inputs.map((input) => create(input)));
            expect(
                results.map((result) => [result.outs.name, result.outs.status, Boolean(result.outs.certificatePem)]),
            ).to.deep.equal(names.map((name) => [name, "ISSUED", true]));
            const counts = await requestsByTask();
            expect([
                counts.CertificatePrepareOrder,
                counts.CertificateCreate,
                counts.CertificateInfo,
                counts.JobInfo,
                counts.refused,
            ]).to.deep.equal([10, 10, 10, undefined, undefined]);
            expect(counts.JobList).to.be.within(1, 9);
            expect(counts.JobHistoryList ?? 0).to.be.within(1, counts.JobList);
        });

        it("fails the one order the CA refuses with its reason, while the others sharing the poll are issued", async () => {
            const names = [0, 1, 2].map((index) => `refused${index}.${protocol}.example.com`);
            await admin.jobOutcome({ match: { name: names[1] }, outcome: "fail", reason: "The CA refused the order." });
            const inputs = await Promise.all(names.map(checked));
            const settled = await Promise.allSettled(inputs.map((input) => create(input)));
            expect(settled.map((result) => result.status)).to.deep.equal(["fulfilled", "rejected", "fulfilled"]);
            expect(String((settled[1] as PromiseRejectedResult).reason.message)).to.match(
                new RegExp(
                    `^${names[1].replace(/\./g, "\\.")}: the order failed \\(job \\d+\\): The CA refused the order\\.$`,
                ),
            );
        });
    });
}
