import { rmSync } from "node:fs";
import { parseCertificate, privateKeyMatchesCertificate } from "../../provider/x509";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { testContactInputs } from "../support/stack";
import { FakeEngine } from "../engine/harness/engine";
import { createProgram } from "../engine/harness/program";
import { ProviderServer, secret, withoutSecrets } from "../engine/harness/providerServer";

const certificateType = "pulumi-nodejs:dynamic/internetx:Certificate";
const contactType = "pulumi-nodejs:dynamic/internetx:SslContact";

/** Ten Creates at once through the SDK's dynamic-provider server, as the engine sends them for independent resources. */
describe("concurrent creates through the dynamic-provider server", function () {
    this.timeout(180_000);
    let simulator: RunningSimulator;
    let admin: SimulatorAdmin;
    let engine: FakeEngine;
    let server: ProviderServer;
    let programDirectory: string;

    before(async () => {
        simulator = await startSimulator({ issuanceDelayMs: 2000, latencyMs: 30 });
        admin = new SimulatorAdmin(simulator.adminUrl);
        engine = await new FakeEngine().start();
        programDirectory = createProgram(
            `const { internetx } = require("pulumi-sslmanager"); module.exports = internetx;`,
            "concurrent-creates-program",
        );
        server = await new ProviderServer(programDirectory, engine.address).start();
        await server.configure({
            "internetx:user": simulator.user,
            "internetx:password": secret(simulator.password),
            "internetx:context": simulator.context,
            "internetx:url": simulator.url,
        });
    });
    after(async () => {
        await server?.stop().catch(() => undefined);
        await engine?.stop();
        await simulator?.close();
        if (programDirectory) rmSync(programDirectory, { recursive: true, force: true });
    });

    function serializedProvider(type: "SslContact" | "Certificate"): Promise<string> {
        const pulumi = require(require.resolve("@pulumi/pulumi", { paths: [programDirectory] }));

        const { declaredProvider } = require(
            require.resolve("pulumi-sslmanager/bin/provider/dynamic/providers", { paths: [programDirectory] }),
        );
        const provider = declaredProvider(`sslmanager:internetx:${type}`);
        return pulumi.runtime.serializeFunction(() => provider).then((serialized: { text: string }) => serialized.text);
    }

    it("answers each of ten concurrent Creates with its own issued certificate and key, one order each", async () => {
        const contact = await server.create(server.urn(contactType, "admin"), {
            __provider: await serializedProvider("SslContact"),
            ...testContactInputs,
        });
        const provider = await serializedProvider("Certificate");
        const names = Array.from({ length: 10 }, (_, index) => `engine-${index}.example.com`);
        const ordersBefore = (await admin.state()).orders;
        const created = await Promise.all(
            names.map(async (name) => {
                const urn = server.urn(certificateType, name);
                const checked = await server.check(
                    urn,
                    {},
                    {
                        __provider: provider,
                        name,
                        privateKey: { algorithm: "ECDSA", curve: "P256" },
                        product: "QUICKSSLPREMIUM",
                        lifetimeMonths: 12,
                        adminContactId: contact.id,
                        technicalContactId: contact.id,
                        pollIntervalSeconds: 1,
                    },
                );
                expect(checked.failures).to.deep.equal([]);
                return server.create(urn, checked.inputs!);
            }),
        );
        const summary = await Promise.all(
            created.map(async ({ properties }) => {
                const plain = withoutSecrets(properties) as Record<string, string>;
                return {
                    status: plain.status,
                    commonName: (await parseCertificate(plain.certificatePem)).commonName,
                    keyMatches: await privateKeyMatchesCertificate(plain.privateKeyPem, plain.certificatePem),
                };
            }),
        );
        expect(summary).to.deep.equal(names.map((name) => ({ status: "ISSUED", commonName: name, keyMatches: true })));
        expect((await admin.state()).orders - ordersBefore).to.equal(10);
    });
});
