import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { parseCertificate } from "../../provider/x509";
import { RunningIspmanagerSimulator, startIspmanagerSimulator } from "../../simulator/ispmanager";
import { expect } from "../support/client";
import { FakeEngine, logSeverity } from "./harness/engine";
import { createProgram } from "./harness/program";
import { Properties, ProviderServer, secret, withoutSecrets } from "./harness/providerServer";

const programSource = `
const { ispmanager } = require("pulumi-sslmanager");
const contact = (firstName) => ({ firstName, lastName: "Petrov", jobTitle: "CTO", email: firstName.toLowerCase() + "@example.com", phone: "+7 495 1234567" });
const certificate = new ispmanager.Certificate("shop", {
    domain: "shop.example.com", pricelist: "55364", periodMonths: 12, country: "182", region: "Moscow", city: "Moscow",
    organization: "Primer LLC", adminContact: contact("Ivan"), technicalContact: contact("Anna"),
    validationMethod: "EMAIL", pollIntervalSeconds: 0.1,
});
exports.fullChain = certificate.fullChainPem;
`;

const type = "pulumi-nodejs:dynamic/ispmanager:Certificate";

/** ispmanager.Certificate on Pulumi's own code paths: the packed package, the SDK's mocks, its dynamic-provider server. */
describe("engine path: ispmanager.Certificate under the SDK's dynamic-provider server", function () {
    this.timeout(300_000);
    let simulator: RunningIspmanagerSimulator;
    let programDirectory: string;
    let engine: FakeEngine;
    let server: ProviderServer;
    let registration: { type: string; name: string; inputs: Properties; additionalSecretOutputs: string[] };

    before(async () => {
        simulator = await startIspmanagerSimulator();
        programDirectory = createProgram(programSource, "ispmanager-engine-program");
        const runner = join(__dirname, "harness", "mockRunner.js");
        [registration] = JSON.parse(
            execFileSync(process.execPath, [runner, programDirectory, "{}"], { cwd: programDirectory })
                .toString()
                .trim()
                .split("\n")
                .pop()!,
        );
        engine = await new FakeEngine().start();
        server = await new ProviderServer(programDirectory, engine.address).start();
        await server.configure({
            "ispmanager:user": simulator.user,
            "ispmanager:password": secret(simulator.password),
            "ispmanager:url": simulator.url,
        });
    });
    after(async () => {
        await server?.stop();
        await engine?.stop();
        await simulator?.close();
        if (programDirectory) rmSync(programDirectory, { recursive: true, force: true });
    });

    it("registers under its own type token with a small serialized provider and secret outputs", () => {
        expect(registration.type).to.equal(type);
        const text = String(registration.inputs.__provider);
        expect(text).to.contain('require("pulumi-sslmanager/bin/provider/dynamic/registered")');
        expect(text).to.contain('"sslmanager:ispmanager:Certificate"');
        expect(text.length).to.be.lessThan(6000);
        expect(registration.additionalSecretOutputs).to.include("privateKeyPem");
    });

    it("warns under the resource at check when approverEmails come without a validationMethod (DNS, the default), and accepts the inputs", async () => {
        const urn = server.urn(type, "shop");
        const { validationMethod: _email, ...inputs } = withoutSecrets(registration.inputs) as Properties;
        const checked = await server.check(
            urn,
            {},
            { ...inputs, approverEmails: { "shop.example.com": "webmaster@shop.example.com" } },
        );
        expect([checked.failures, checked.inputs?.validationMethod]).to.deep.equal([[], "DNS"]);
        const warning = await engine.logged((entry) => entry.severity === logSeverity.warning);
        expect(warning).to.deep.equal({
            severity: logSeverity.warning,
            message:
                'approverEmails (webmaster@shop.example.com) are unused: no validationMethod is given, so it is DNS (the default), where the CA checks a DNS TXT record and sends no approval e-mail. Set validationMethod: "EMAIL" to have the CA send its approval e-mail to these addresses, or remove approverEmails.',
            urn: registration.inputs.progressUrn,
        });
        expect(String(registration.inputs.progressUrn)).to.match(new RegExp(`^urn:pulumi:.*::${type}::shop$`));
    });

    it("checks, creates, reads, diffs as unchanged and deletes through the server with the stack config", async () => {
        const urn = server.urn(type, "shop");
        const bad = await server.check(
            urn,
            {},
            { ...(withoutSecrets(registration.inputs) as Properties), domain: "not a domain" },
        );
        expect(bad.failures.map((failure) => failure.property)).to.deep.equal(["domain"]);
        const checked = await server.check(urn, {}, withoutSecrets(registration.inputs) as Properties);
        expect(checked.failures).to.deep.equal([]);
        const created = await server.create(urn, checked.inputs!);
        expect(created.properties.status).to.equal("ISSUED");
        expect((await parseCertificate(String(created.properties.certificatePem))).commonName).to.equal(
            "shop.example.com",
        );
        const read = await server.read(urn, created.id, created.properties);
        expect(read.properties.serialNumber).to.equal(created.properties.serialNumber);
        const olderBuild = {
            ...created.properties,
            __provider: `${String(created.properties.__provider)}\n// older build`,
        };
        expect(await server.diff(urn, created.id, olderBuild, checked.inputs!)).to.deep.equal({
            changes: "none",
            replaces: [],
        });
        await server.delete(urn, created.id, created.properties);
        expect((await server.read(urn, created.id, created.properties)).id).to.equal("");
        expect(engine.logs.map((entry) => entry.message).join("\n")).not.to.contain(simulator.password);
    });
});
