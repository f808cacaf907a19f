import { check, create, update } from "../../provider/dynamic/certificate";
import { ResourceInitializationError } from "../../provider/lifecycle/initializationError";
import { configure, resetLifecycleContext, setLifecycleContext } from "../../provider/dynamic/context";
import { Client } from "../../provider/internetx/client";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { taskByCode } from "../../simulator/internetx/tasks";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { createTestContact } from "../support/stack";

/**
 * The notifications strategy's shared queue reader, through the dynamic provider as the engine calls it, on a
 * simulator that refuses more than 3 requests per second (the reference's limit): every waiting order of the process
 * shares each PollInfo, a message is confirmed only when it is the message of an order of this process, and nothing
 * is read per message but the issued certificate. A message of someone else at the head stays there for its owner.
 */
for (const protocol of ["json", "xml"] as const) {
    describe(`The shared notification queue reader over ${protocol}`, function () {
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

        async function checked(
            name: string,
            waitStrategy: "job" | "notifications",
            extra: Record<string, unknown> = {},
        ): Promise<Record<string, unknown>> {
            const result = await check(
                {},
                {
                    ...extra,
                    name,
                    privateKey: { algorithm: "ECDSA", curve: "P256" },
                    product: "QUICKSSLPREMIUM",
                    lifetimeMonths: 12,
                    adminContactId: contactId,
                    technicalContactId: contactId,
                    waitStrategy,
                    pollIntervalSeconds: 1,
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

        function otherReader(): Client {
            return new Client({
                protocol,
                url: simulator.url,
                xmlUrl: simulator.xmlUrl,
                user: simulator.user,
                password: simulator.password,
                context: simulator.context,
            });
        }

        it("issues ten concurrent orders with one PollInfo and one PollConfirm per message, no Job Info, no job history, one read each and no refusal", async () => {
            const names = Array.from({ length: 10 }, (_, index) => `queued${index}.${protocol}.example.com`);
            const inputs = await Promise.all(names.map((name) => checked(name, "notifications")));
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
                counts.PollConfirm,
                counts.JobInfo,
                counts.JobHistoryList,
                counts.refused,
            ]).to.deep.equal([10, 10, 10, 10, undefined, undefined, undefined]);
            // One PollInfo per message; a round that finds no message yet costs one more.
            expect(counts.PollInfo).to.be.within(10, 14);
            expect((await admin.state()).pollQueueLength).to.equal(0);
        });

        it("leaves another reader's message at the head unconfirmed while its orders are issued by the shared Job List, and confirms theirs once the owner took it", async () => {
            // An order waited for by the job strategy: its message is not this reader's, and it stays at the head.
            const foreign = await create(await checked(`foreign.${protocol}.example.com`, "job"));
            const reader = otherReader();
            const head = (await reader.poll.info()).message!;
            expect(head.object?.value).to.equal(`foreign.${protocol}.example.com`);

            await admin.clearRequests();
            const names = [0, 1, 2].map((index) => `behind${index}.${protocol}.example.com`);
            const results = await Promise.all(
                (await Promise.all(names.map((name) => checked(name, "notifications")))).map((input) => create(input)),
            );
            expect(
                results.map((result) => [result.outs.name, result.outs.status, Boolean(result.outs.certificatePem)]),
            ).to.deep.equal(names.map((name) => [name, "ISSUED", true]));
            const counts = await requestsByTask();
            expect([counts.PollConfirm, counts.JobInfo, counts.refused]).to.deep.equal([
                undefined,
                undefined,
                undefined,
            ]);
            expect(counts.JobList).to.be.at.least(1);
            expect((await admin.state()).pollQueueLength).to.equal(4);
            expect((await reader.poll.info()).message!.id).to.equal(head.id);

            // The owner takes its message; the next wait of this process confirms the three left behind with its own.
            await reader.poll.confirm(head.id);
            await reader.close();
            const later = await create(await checked(`later.${protocol}.example.com`, "notifications"));
            expect([later.outs.status, foreign.outs.status]).to.deep.equal(["ISSUED", "ISSUED"]);
            expect((await admin.state()).pollQueueLength).to.equal(0);
        });

        it("ends a resumed wait by the job's status when the order's message was confirmed before the wait resumed, without ordering again", async () => {
            // The first wait gives up before issuance; the message then comes and is confirmed by another reader, as
            // the run that placed the order does when it is killed after PollConfirm: no message will come again.
            await admin.settings({ issuanceDelayMs: 2500 });
            const name = `resumed.${protocol}.example.com`;
            const inputs = await checked(name, "notifications", { waitTimeoutSeconds: 0.5 });
            const error = (await create(inputs).catch((caught) => caught)) as ResourceInitializationError;
            expect(error).to.be.instanceOf(ResourceInitializationError);
            while ((await admin.state()).pollQueueLength === 0)
                await new Promise((resolve) => setTimeout(resolve, 200));
            // The reader confirms what it finds up to that message (a test before may have left one at the head).
            const reader = otherReader();
            const confirmed: string[] = [];
            while (!confirmed.includes(name)) {
                const head = (await reader.poll.info()).message!;
                await reader.poll.confirm(head.id);
                confirmed.push(String(head.object?.value));
            }
            await reader.close();
            await admin.settings({ issuanceDelayMs: 1000 });

            await admin.clearRequests();
            const resumed = await update(error.id, error.properties, { ...inputs, waitTimeoutSeconds: 10 }).catch(
                (caught: Error) => ({ outs: { status: caught.message } }),
            );
            expect([resumed.outs.status, resumed.outs.name, Boolean(resumed.outs.certificatePem)]).to.deep.equal([
                "ISSUED",
                name,
                true,
            ]);
            const counts = await requestsByTask();
            expect([counts.CertificatePrepareOrder, counts.CertificateCreate, counts.PollConfirm]).to.deep.equal([
                undefined,
                undefined,
                undefined,
            ]);
        });
    });
}
