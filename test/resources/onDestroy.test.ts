import { checkCertificateInputs } from "../../provider/resources/certificate/check";
import { createCertificate, deleteCertificate, LifecycleContext } from "../../provider/resources/certificate/lifecycle";
import { destroyAction } from "../../provider/resources/certificate/onDestroy";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { skippingClock } from "../support/clock";
import { stackConfigFor, createTestContact, unpacedConnection } from "../support/stack";

describe("what pulumi destroy does to a certificate (onDestroy)", function () {
    this.timeout(120_000);
    let simulator: RunningSimulator;
    let admin: SimulatorAdmin;
    let contactId: string;
    // Not about waiting: the polls, the cancellation's and the simulator's delays run on a clock that skips the waits.
    const clock = skippingClock();
    const context: LifecycleContext = { log: () => undefined, clock };

    before(async () => {
        simulator = await startSimulator({ issuanceDelayMs: 200, requestsPerSecond: 0, now: clock.now });
        admin = new SimulatorAdmin(simulator.adminUrl);
        context.stackConfig = stackConfigFor(simulator, "json");
        contactId = await createTestContact(simulator);
    });
    after(async () => {
        await simulator.close();
    });

    async function issuedThenDestroyed(name: string, onDestroy?: string) {
        const checked = await checkCertificateInputs({
            name,
            privateKey: { algorithm: "ECDSA" },
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            adminContactId: contactId,
            technicalContactId: contactId,
            pollIntervalSeconds: 0.1,
            connection: unpacedConnection,
            ...(onDestroy ? { onDestroy } : {}),
        });
        expect(checked.failures).to.deep.equal([]);
        const created = await createCertificate(checked.inputs!, context);
        await admin.clearRequests();
        const lines: string[] = [];
        await deleteCertificate(created.id, created.outs, { ...context, log: (line: string) => lines.push(line) });
        // Cancellation and revocation are jobs: the next request sees their outcome.
        const requests = (await admin.requests()).map((request) => `${request.method} ${request.path}`);
        const certificate = (await admin.state()).certificates.find((candidate) => candidate.id === created.id);
        return { id: created.id, requests, status: certificate?.status, lines };
    }

    it("cancels by default: CertificateDelete, then only reads while its cancellation job runs, and the certificate leaves the account", async () => {
        const { id, requests, status, lines } = await issuedThenDestroyed("cancel.example.com");
        expect(requests[0]).to.equal(`DELETE /v1/certificate/${id}`);
        // Progress speaks of the cancellation, never of an issuance.
        const [last, ...before] = [...lines].reverse();
        expect(last).to.equal(`cancel.example.com: certificate ${id} cancelled (onDestroy: cancel)`);
        for (const line of before)
            expect(line).to.match(
                new RegExp(
                    `^certificate ${id}: cancellation (RUNNING \\(status check \\d+|job finished, seen at status check \\d+)`,
                ),
            );
        expect(
            requests
                .slice(1)
                .filter(
                    (request) =>
                        !/^(GET \/v1\/(job|certificate)\/\d+|POST \/v1\/(job\/history|certificate)\/_search)$/.test(
                            request,
                        ),
                ),
        ).to.deep.equal([]);
        expect(status).to.equal(undefined);
    });

    it("revokes with onDestroy revoke: POST /certificate/{id}/_revoke, and the certificate is revoked", async () => {
        const { id, requests, status } = await issuedThenDestroyed("revoke.example.com", "revoke");
        expect(requests).to.deep.equal([`POST /v1/certificate/${id}/_revoke`]);
        expect(status).to.equal("REVOKED");
    });

    it("keeps it with onDestroy keep: no request, the certificate stays active in the account", async () => {
        const { requests, status } = await issuedThenDestroyed("keep.example.com", "keep");
        expect(requests).to.deep.equal([]);
        expect(status).to.equal("ACTIVE");
    });

    it("refuses another value in check, naming the three", async () => {
        const result = await checkCertificateInputs({
            name: "x.example.com",
            privateKey: { algorithm: "ECDSA" },
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            adminContactId: "1",
            technicalContactId: "1",
            onDestroy: "delete",
        });
        expect(result.failures).to.deep.equal([
            { property: "onDestroy", reason: 'must be one of "cancel", "revoke", "keep" (got "delete")' },
        ]);
    });

    it("cancels a pending order even with revoke (nothing is issued to revoke) and treats state without onDestroy as cancel", () => {
        expect([
            destroyAction("revoke", "PENDING"),
            destroyAction("revoke", "ISSUED"),
            destroyAction(undefined, "ISSUED"),
            destroyAction("keep", "PENDING"),
        ]).to.deep.equal(["cancel", "revoke", "cancel", "keep"]);
    });
});
