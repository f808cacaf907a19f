import {
    checkSmimeInputs,
    createSmime,
    decideSmimeChange,
    deleteSmime,
    readSmime,
    updateSmime,
} from "../../provider/resources/smime/lifecycle";
import { SmimeInputs } from "../../provider/resources/smime/inputs";
import { LifecycleContext } from "../../provider/lifecycle/context";
import {
    generateKeyAndCsr,
    parseCertificate,
    privateKeyMatchesCertificate,
    readPkcs12,
    verifyChain,
} from "../../provider/x509";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { stackConfigFor, createTestContact, unpacedConnection } from "../support/stack";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { clockFrom, skippingClock } from "../support/clock";

const downloadPassword = "Correct-Horse-42";

for (const protocol of ["json", "xml"] as const) {
    describe(`SmimeCertificate lifecycle over ${protocol}`, function () {
        this.timeout(60_000);
        let simulator: RunningSimulator;
        let admin: SimulatorAdmin;
        let contactId: string;
        const logs: string[] = [];
        // Not about waiting: the polls and the simulator's issuance delay run on a clock that skips the waits.
        const clock = skippingClock();
        const context: LifecycleContext = { log: (line: string) => logs.push(line), clock };

        before(async () => {
            // These tests renew certificates (up to 36 months) they have just issued: the renewal window ("Certificate Renew": 90 days) is widened.
            simulator = await startSimulator({
                issuanceDelayMs: 150,
                renewalWindowDays: 1200,
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

        async function checked(extra: Record<string, unknown> = {}): Promise<SmimeInputs> {
            const result = await checkSmimeInputs({
                email: "joe.sample@example.com",
                product: "GLOBALSIGN_PERSONALSIGN_1",
                lifetimeMonths: 36,
                adminContactId: contactId,
                firstName: "Joe",
                lastName: "Sample",
                organizationUnit: "Development Department",
                downloadPassword,
                pollIntervalSeconds: 0.1,
                connection: unpacedConnection,
                ...extra,
            });
            expect(result.failures).to.deep.equal([]);
            return result.inputs!;
        }

        it("orders with a locally generated key: an S/MIME leaf for the mailbox, its chain, and a PKCS#12 bundle under the download password", async () => {
            const created = await createSmime(
                await checked({ privateKey: { algorithm: "RSA", rsaBits: 2048 } }),
                context,
            );
            const outs = created.outs;
            expect(outs.status).to.equal("ISSUED");
            expect(outs.stateVersion).to.equal(0);
            const leaf = await parseCertificate(outs.certificatePem!);
            expect(leaf.emailAddresses).to.deep.equal(["joe.sample@example.com"]);
            expect(leaf.extendedKeyUsages).to.deep.equal(["1.3.6.1.5.5.7.3.4"]);
            expect(outs.emailAddresses).to.deep.equal(["joe.sample@example.com"]);
            expect(
                (await verifyChain(outs.certificatePem!, [outs.chainPem!], outs.rootPem!, clock.now())).valid,
            ).to.equal(true);
            expect(await privateKeyMatchesCertificate(outs.privateKeyPem!, outs.certificatePem!)).to.equal(true);
            expect(readPkcs12(outs.pkcs12Base64!, downloadPassword)).to.deep.equal({
                certificateSubjects: [
                    "CN=joe.sample@example.com, E=joe.sample@example.com",
                    "C=DE, O=pulumi-sslmanager Simulator, CN=pulumi-sslmanager Simulator TLS Intermediate CA",
                ],
                hasPrivateKey: true,
            });
            expect(() => readPkcs12(outs.pkcs12Base64!, "wrong password")).to.throw();
            expect(logs.join("\n")).not.to.contain(downloadPassword);

            const reissued = await updateSmime(
                created.id,
                outs,
                await checked({ privateKey: { algorithm: "RSA", rsaBits: 3072 }, lastName: "Sample-Smith" }),
                context,
            );
            expect(reissued.outs.certificateId).to.equal(created.id);
            expect(reissued.outs.serialNumber).not.to.equal(outs.serialNumber);
            expect(reissued.outs.privateKeyPem).not.to.equal(outs.privateKeyPem);
            expect(
                await privateKeyMatchesCertificate(reissued.outs.privateKeyPem!, reissued.outs.certificatePem!),
            ).to.equal(true);

            await deleteSmime(created.id, reissued.outs, context);
            expect(await readSmime(created.id, reissued.outs, context)).to.deep.equal({ id: "", props: {} });
        });

        it("orders with the CA generating the key (has_csr false) and imports it by id, download password included", async () => {
            const created = await createSmime(await checked(), context);
            expect(created.outs.privateKeyPem).to.equal(undefined);
            expect(created.outs.pkcs12Base64).to.equal(undefined);
            expect((await parseCertificate(created.outs.certificatePem!)).emailAddresses).to.deep.equal([
                "joe.sample@example.com",
            ]);
            const imported = await readSmime(created.id, undefined, context);
            expect(imported.inputs).to.deep.equal({
                email: "joe.sample@example.com",
                product: "GLOBALSIGN_PERSONALSIGN_1",
                lifetimeMonths: 36,
                adminContactId: contactId,
                firstName: "Joe",
                lastName: "Sample",
                organizationUnit: "Development Department",
                approverEmail: "joe.sample@example.com",
                downloadPassword,
            });
            expect(imported.props.certificatePem).to.equal(created.outs.certificatePem);
        });

        it("orders with the holder's own CSR and decides replace, reissue, renew as for server certificates", async () => {
            const { csrPem } = await generateKeyAndCsr({
                key: { algorithm: "RSA", rsaBits: 2048 },
                commonName: "joe.sample@example.com",
                emailAddresses: ["joe.sample@example.com"],
            });
            const created = await createSmime(await checked({ csr: csrPem }), context);
            const now = clock.now();
            expect(decideSmimeChange(created.outs, await checked({ csr: csrPem }), now)).to.deep.equal({
                kind: "none",
                properties: [],
            });
            expect(
                decideSmimeChange(created.outs, await checked({ csr: csrPem, lifetimeMonths: 24 }), now),
            ).to.deep.equal({ kind: "replace", properties: ["lifetimeMonths"] });
            expect(
                decideSmimeChange(created.outs, await checked({ csr: csrPem, organizationUnit: "Sales" }), now),
            ).to.deep.equal({ kind: "reissue", properties: ["organizationUnit"] });
            expect(
                decideSmimeChange(
                    created.outs,
                    await checked({ csr: csrPem, downloadPassword: "Another-Pass-99" }),
                    now,
                ),
            ).to.deep.equal({ kind: "settings", properties: ["downloadPassword"] });
            const inWindow = new Date(Date.parse(created.outs.notAfter!) - 5 * 86_400_000);
            expect(decideSmimeChange(created.outs, await checked({ csr: csrPem }), inWindow)).to.deep.equal({
                kind: "renew",
                properties: ["notAfter"],
            });
            const renewalsBefore = (await admin.state()).renewals;
            const renewed = await updateSmime(created.id, created.outs, await checked({ csr: csrPem }), {
                ...context,
                clock: clockFrom(clock, inWindow),
            });
            expect(renewed.outs.serialNumber).not.to.equal(created.outs.serialNumber);
            expect((await admin.state()).renewals).to.equal(renewalsBefore + 1);
        });

        it("names each bad S/MIME input in check and sends nothing", async () => {
            await admin.clearRequests();
            const result = await checkSmimeInputs({
                email: "not-a-mailbox",
                product: "GLOBALSIGN_PERSONALSIGN_1",
                lifetimeMonths: 7,
                adminContactId: contactId,
                firstName: "",
                lastName: "Sample",
                downloadPassword: "short",
            });
            expect(result.failures).to.deep.equal([
                { property: "email", reason: 'must be an email address like admin@example.com (got "not-a-mailbox")' },
                { property: "firstName", reason: 'is required (got "")' },
                { property: "downloadPassword", reason: "needs at least 8 characters" },
                {
                    property: "lifetimeMonths",
                    reason: "7 months is not offered for GLOBALSIGN_PERSONALSIGN_1; allowed: 12, 24, 36",
                },
            ]);
            const wrongProduct = await checkSmimeInputs({
                email: "joe@example.com",
                product: "QUICKSSLPREMIUM",
                lifetimeMonths: 12,
                adminContactId: contactId,
                firstName: "Joe",
                lastName: "Sample",
                downloadPassword,
            });
            expect(wrongProduct.failures).to.deep.equal([
                { property: "product", reason: "QUICKSSLPREMIUM is not an S/MIME product; use Certificate" },
            ]);
            const { csrPem } = await generateKeyAndCsr({
                key: { algorithm: "RSA", rsaBits: 2048 },
                commonName: "someone.else@example.com",
                emailAddresses: ["someone.else@example.com"],
            });
            const foreignCsr = await checkSmimeInputs({
                email: "joe@example.com",
                product: "GLOBALSIGN_PERSONALSIGN_1",
                lifetimeMonths: 12,
                adminContactId: contactId,
                firstName: "Joe",
                lastName: "Sample",
                downloadPassword,
                csr: csrPem,
            });
            expect(foreignCsr.failures).to.deep.equal([
                {
                    property: "csr",
                    reason: "does not name joe@example.com (it names someone.else@example.com, someone.else@example.com)",
                },
            ]);
            expect(await admin.requests()).to.deep.equal([]);
        });
    });
}
