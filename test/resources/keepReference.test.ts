import { Client } from "../../provider/internetx/client";
import { LifecycleContext } from "../../provider/lifecycle/context";
import { orderReference } from "../../provider/lifecycle/orderReference";
import { checkCertificateInputs } from "../../provider/resources/certificate/check";
import { createCertificate } from "../../provider/resources/certificate/lifecycle";
import { checkSmimeInputs, createSmime } from "../../provider/resources/smime/lifecycle";
import { parseCsr } from "../../provider/x509";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { skippingClock } from "../support/clock";
import { createTestContact, stackConfigFor, unpacedConnection } from "../support/stack";

/**
 * After an order is accepted the certificate's comment (our order reference) is read back once; an account that does
 * not keep it (swagger Certificate.comment "Requires appropriate ACLs"; the simulator's `dropsComment`) refuses
 * Certificate Comment Update, and the order's CSR carries the reference instead, or the log says loudly that nothing does.
 */
for (const protocol of ["json", "xml"] as const) {
    describe(`the order reference read back after ordering, over ${protocol}`, function () {
        this.timeout(120_000);
        let simulator: RunningSimulator;
        let admin: SimulatorAdmin;
        let client: Client;
        let contactId: string;
        const logs: string[] = [];
        // Not about waiting: the polls and the simulator's issuance delay run on a clock that skips the waits.
        const clock = skippingClock();
        const context: LifecycleContext = { log: (line: string) => logs.push(line), clock };
        const reference = (name: string) =>
            orderReference({
                project: "keep",
                stack: protocol,
                type: "internetx:Certificate",
                name,
                replacementInputs: [],
            });

        before(async () => {
            simulator = await startSimulator({ issuanceDelayMs: 150, requestsPerSecond: 0, now: clock.now });
            admin = new SimulatorAdmin(simulator.adminUrl);
            context.stackConfig = stackConfigFor(simulator, protocol);
            contactId = await createTestContact(simulator);
            client = new Client({
                url: simulator.url,
                xmlUrl: simulator.xmlUrl,
                user: simulator.user,
                password: simulator.password,
                context: simulator.context,
                protocol,
                // The test's own reads are not about pacing either.
                requestsPerSecond: unpacedConnection.requestsPerSecond,
            });
        });
        beforeEach(() => (logs.length = 0));
        afterEach(() => admin.settings({ dropsComment: false, ignoresCommentAtCreate: false }));
        after(async () => {
            await client.close();
            await simulator.close();
        });

        const certificateInputs = async (name: string) => {
            const checked = await checkCertificateInputs({
                name,
                adminContactId: contactId,
                technicalContactId: contactId,
                product: "QUICKSSLPREMIUM",
                lifetimeMonths: 12,
                pollIntervalSeconds: 0.1,
                connection: unpacedConnection,
                privateKey: { algorithm: "ECDSA", curve: "P256" },
                orderReference: reference(name),
            });
            expect(checked.failures).to.deep.equal([]);
            return checked.inputs!;
        };

        it("reads the comment back once and leaves it when the account kept it: no Comment Update, nothing logged about it", async () => {
            await admin.clearRequests();
            const created = await createCertificate(await certificateInputs(`kept-${protocol}.example.com`), context);
            expect((await client.certificate.info(created.id)).comment).to.equal(
                reference(`kept-${protocol}.example.com`),
            );
            const updates = (await admin.requests()).filter(
                (entry) => entry.path.endsWith("/_comment") || entry.taskCode === "4001024",
            );
            expect(updates).to.deep.equal([]);
            expect(logs.filter((line) => line.includes("comment"))).to.deep.equal([]);
        });

        it("on an account that keeps no comment tries Certificate Comment Update once, says the reference travels in the CSR, and the certificate's CSR carries it", async () => {
            await admin.settings({ dropsComment: true });
            await admin.clearRequests();
            const name = `csr-${protocol}.example.com`;
            const created = await createCertificate(await certificateInputs(name), context);
            const certificate = await client.certificate.info(created.id);
            expect(certificate.comment).to.equal(undefined);
            expect((await parseCsr(certificate.csr!)).unstructuredName).to.equal(reference(name));
            const updates = (await admin.requests()).filter(
                (entry) => entry.path.endsWith("/_comment") || entry.taskCode === "4001024",
            );
            expect(updates.map((entry) => entry.method)).to.deep.equal(
                ["PUT"].map((method) => (protocol === "json" ? method : "POST")),
            );
            const line = logs.find((entry) => entry.includes("keeps no certificate comment"));
            expect(line).to.match(
                new RegExp(
                    `^${name.replace(/\./g, "\\.")}: this InterNetX account keeps no certificate comment \\(Certificate Comment Update was refused: .*Access denied\\..*The user's ACLs do not allow task 4001024\\..*\\); the order reference ${reference(name)} travels in the order's CSR instead \\(certificate ${created.id}\\)$`,
                ),
            );
        });

        it("on an account that keeps no comment sent with the order restores it with one Certificate Comment Update, reads it back, and places one order", async () => {
            await admin.settings({ ignoresCommentAtCreate: true });
            const ordersBefore = (await admin.state()).orders;
            await admin.clearRequests();
            const name = `restored-${protocol}.example.com`;
            const created = await createCertificate(await certificateInputs(name), context);
            expect((await client.certificate.info(created.id)).comment).to.equal(reference(name));
            expect((await admin.state()).orders - ordersBefore).to.equal(1);
            const requests = await admin.requests();
            const updates = requests.filter(
                (entry) => entry.path.endsWith("/_comment") || entry.taskCode === "4001024",
            );
            expect(updates.map((entry) => `${entry.method} ${entry.status}`)).to.deep.equal([
                protocol === "json" ? "PUT 200" : "POST 200",
            ]);
            expect(requests.filter((entry) => entry.taskCode === "400101")).to.have.length(1);
            expect(logs.filter((line) => line.includes("comment"))).to.deep.equal([
                `${name}: the account did not keep the order reference sent as the certificate's comment; restored it with Certificate Comment Update (certificate ${created.id})`,
            ]);
        });

        it("on an account that keeps no comment warns loudly at an S/MIME order whose key the CA makes, naming the certificate and what a killed run means", async () => {
            await admin.settings({ dropsComment: true });
            const email = `ca-key-${protocol}@example.com`;
            const checked = await checkSmimeInputs({
                email,
                product: "GLOBALSIGN_PERSONALSIGN_1",
                lifetimeMonths: 12,
                adminContactId: contactId,
                firstName: "Joe",
                lastName: "Sample",
                downloadPassword: "Download-Secret-1",
                pollIntervalSeconds: 0.1,
                connection: unpacedConnection,
                orderReference: reference(email),
            });
            expect(checked.failures).to.deep.equal([]);
            const created = await createSmime(checked.inputs!, context);
            const warnings = logs.filter((line) => line.startsWith("WARNING"));
            expect(warnings).to.have.length(1);
            expect(warnings[0]).to.match(
                /^WARNING ca-key-(json|xml)@example\.com: this InterNetX account keeps no certificate comment \(Certificate Comment Update was refused: .*\), and an S\/MIME order whose key the CA makes has no CSR to carry the order reference\. /,
            );
            expect(warnings[0]).to.contain(
                `If this run is killed before certificate ${created.id} is recorded in the stack, the next run cannot tell it from any other certificate for ${email}: it will stop and ask you (import it, or cancel it) instead of ordering again. ` +
                    "Give the resource privateKey or csr to have the reference carried in the CSR, or give the API user the ACLs for certificate comments.",
            );
            expect(warnings[0]).not.to.contain("Download-Secret-1");
        });
    });
}
