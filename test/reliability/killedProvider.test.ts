import { rmSync } from "node:fs";
import { generateKeyAndCsr } from "../../provider/x509";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { FakeEngine } from "../engine/harness/engine";
import { createProgram } from "../engine/harness/program";
import { ProviderServer, secret } from "../engine/harness/providerServer";
import { figures } from "./figures";
import { testContactInputs } from "../support/stack";

const certificateType = "pulumi-nodejs:dynamic/internetx:Certificate";
const contactType = "pulumi-nodejs:dynamic/internetx:SslContact";

/**
 * A provider process killed in the middle of a wait has no chance to report an initialization error. The next run
 * must find the order it placed (same name and CSR) and adopt it instead of ordering again.
 */
describe("reliability: the dynamic-provider server killed during Create", function () {
    this.timeout(180_000);
    let simulator: RunningSimulator;
    let admin: SimulatorAdmin;
    let engine: FakeEngine;
    let programDirectory: string;
    const servers: ProviderServer[] = [];

    before(async () => {
        simulator = await startSimulator({ issuanceDelayMs: 4000 });
        admin = new SimulatorAdmin(simulator.adminUrl);
        engine = await new FakeEngine().start();
        programDirectory = createProgram(`const { internetx } = require("pulumi-sslmanager"); module.exports = internetx;`, "killed-provider-program");
    });
    after(async () => {
        for (const server of servers) await server.stop().catch(() => undefined);
        await engine?.stop();
        await simulator?.close();
        if (programDirectory) rmSync(programDirectory, { recursive: true, force: true });
    });

    async function startServer(): Promise<ProviderServer> {
        const server = await new ProviderServer(programDirectory, engine.address).start();
        servers.push(server);
        await server.configure({ "internetx:user": simulator.user, "internetx:password": secret(simulator.password), "internetx:context": simulator.context, "internetx:url": simulator.url });
        return server;
    }

    /** The serialized provider of a resource type, as the SDK writes it into state. */
    function serializedProvider(type: "SslContact" | "Certificate"): string {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const pulumi = require(require.resolve("@pulumi/pulumi", { paths: [programDirectory] }));
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const providers = require(require.resolve("pulumi-sslmanager/bin/provider/dynamic/providers", { paths: [programDirectory] }));
        const provider = type === "Certificate" ? providers.certificateProvider : providers.sslContactProvider;
        return pulumi.runtime.serializeFunction(() => provider).then((serialized: { text: string }) => serialized.text) as unknown as string;
    }

    it("adopts the order of the killed run: one order, the certificate issued", async () => {
        const first = await startServer();
        const contactProvider = await serializedProvider("SslContact");
        const contact = await first.create(first.urn(contactType, "admin"), {
            __provider: contactProvider,
            ...testContactInputs,
        });
        const { csrPem } = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: "killed.example.com" });
        const urn = first.urn(certificateType, "killed");
        const provider = await serializedProvider("Certificate");
        const checked = await first.check(urn, {}, { __provider: provider, csr: csrPem, product: "QUICKSSLPREMIUM", lifetimeMonths: 12, adminContactId: contact.id, technicalContactId: contact.id, pollIntervalSeconds: 0.2 });
        expect(checked.failures).to.deep.equal([]);

        const ordersBefore = (await admin.state()).orders;
        const interrupted = first.create(urn, checked.inputs!).catch((error: Error) => error);
        for (let attempt = 0; attempt < 100 && (await admin.state()).orders === ordersBefore; attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
        expect((await admin.state()).orders).to.equal(ordersBefore + 1);
        first.kill();
        expect(await interrupted).to.be.instanceOf(Error);

        const second = await startServer();
        const created = await second.create(urn, checked.inputs!);
        expect(created.properties.status).to.equal("ISSUED");
        expect(created.properties.name).to.equal("killed.example.com");
        const orders = (await admin.state()).orders - ordersBefore;
        figures.duplicateOrders += Math.max(0, orders - 1);
        figures.faultsInjected += 1;
        figures.faultsSurvived += orders === 1 ? 1 : 0;
        expect(orders).to.equal(1);
        expect(engine.logs.some((entry) => /killed\.example\.com: adopting existing order SIM-\d+ for the same name and CSR/.test(entry.message))).to.equal(true);
    });
});
