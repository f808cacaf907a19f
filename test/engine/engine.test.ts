import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { Client } from "../../provider/internetx/client";
import {
    parseCertificate,
    privateKeyMatchesCertificate,
    readPkcs12,
    verifyChain,
    generateKeyAndCsr,
} from "../../provider/x509";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { FakeEngine } from "./harness/engine";
import { createProgram } from "./harness/program";
import {
    Properties,
    ProviderCallError,
    ProviderServer,
    secret,
    unknownValue,
    withoutSecrets,
} from "./harness/providerServer";

interface Registration {
    type: string;
    name: string;
    inputs: Properties;
    additionalSecretOutputs: string[];
}

const programSource = `
const pulumi = require("@pulumi/pulumi");
const { internetx } = require("pulumi-sslmanager");
const config = new pulumi.Config();
const contact = new internetx.SslContact("admin", {
    firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", phone: "+49-941-1234560",
    organization: "Example GmbH", address: ["Maximilianstrasse 36"], postalCode: "93047", city: "Regensburg", country: "DE",
});
const validation = new internetx.DomainValidation("validation", { csr: config.require("csr"), product: "QUICKSSLPREMIUM" });
const generated = new internetx.Certificate("www", {
    name: "www.example.com", subjectAlternativeNames: ["example.com"], privateKey: { algorithm: "ECDSA", curve: "P256" },
    product: "QUICKSSLPREMIUM", lifetimeMonths: 12, adminContactId: contact.contactId, technicalContactId: contact.contactId,
    pollIntervalSeconds: 0.2,
});
const ownCsr = new internetx.Certificate("own-csr", {
    csr: config.require("csr"), product: "QUICKSSLPREMIUM", lifetimeMonths: 12,
    adminContactId: contact.contactId, technicalContactId: contact.contactId,
    validation: validation.authentication, pollIntervalSeconds: 0.2,
    connection: { password: config.requireSecret("connectionPassword") },
});
const mail = new internetx.SmimeCertificate("mail", {
    email: "joe.sample@example.com", product: "GLOBALSIGN_PERSONALSIGN_1", lifetimeMonths: 36,
    adminContactId: contact.contactId, firstName: "Joe", lastName: "Sample",
    downloadPassword: config.requireSecret("downloadPassword"), privateKey: { algorithm: "RSA" }, pollIntervalSeconds: 0.2,
});
exports.fullChain = generated.fullChainPem;
exports.bundle = mail.pkcs12Base64;
`;
const smimeType = "pulumi-nodejs:dynamic/internetx:SmimeCertificate";

const certificateType = "pulumi-nodejs:dynamic/internetx:Certificate";
const contactType = "pulumi-nodejs:dynamic/internetx:SslContact";
const validationType = "pulumi-nodejs:dynamic/internetx:DomainValidation";

/**
 * The provider on Pulumi's own code paths: the package packed and installed into a program, the
 * program run under the SDK's mocks to capture what the SDK serializes, and the SDK's real dynamic-provider server
 * driven over gRPC against the simulator.
 */
describe("engine path: the packed package under the SDK's dynamic-provider server", function () {
    this.timeout(300_000);
    let simulator: RunningSimulator;
    let admin: SimulatorAdmin;
    let programDirectory: string;
    let engine: FakeEngine;
    let server: ProviderServer;
    let registrations: Registration[];
    let csrPem: string;
    const outputs: Record<string, { id: string; properties: Properties }> = {};

    const registration = (name: string) => registrations.find((entry) => entry.name === name)!;
    /** What the engine sends a provider that does not accept secrets: the registered inputs, secrets unwrapped. */
    const inputsOf = (name: string) => withoutSecrets(registration(name).inputs) as Properties;

    before(async () => {
        simulator = await startSimulator({ issuanceDelayMs: 300 });
        admin = new SimulatorAdmin(simulator.adminUrl);
        csrPem = (
            await generateKeyAndCsr({
                key: { algorithm: "RSA", rsaBits: 2048 },
                commonName: "shop.example.com",
                subjectAlternativeNames: ["shop.example.com"],
            })
        ).csrPem;
        programDirectory = createProgram(programSource);
        const config = JSON.stringify({
            "engine-path-program:csr": csrPem,
            "engine-path-program:connectionPassword": simulator.password,
            "engine-path-program:downloadPassword": "Correct-Horse-42",
        });
        const runner = join(__dirname, "harness", "mockRunner.js");
        registrations = JSON.parse(
            execFileSync(process.execPath, [runner, programDirectory, config], { cwd: programDirectory })
                .toString()
                .trim()
                .split("\n")
                .pop()!,
        );
        engine = await new FakeEngine().start();
        server = await new ProviderServer(programDirectory, engine.address).start();
    });

    after(async () => {
        await server?.stop();
        await engine?.stop();
        await simulator?.close();
        if (programDirectory) rmSync(programDirectory, { recursive: true, force: true });
    });

    it("registers the five resources under stable type tokens", () => {
        expect(registrations.map((entry) => `${entry.type} ${entry.name}`)).to.have.members([
            `${contactType} admin`,
            `${validationType} validation`,
            `${certificateType} www`,
            `${certificateType} own-csr`,
            `${smimeType} mail`,
        ]);
    });

    it("serializes a small provider that loads the implementation by package name, with no client code or schemas by value", () => {
        for (const entry of registrations) {
            const text = String(entry.inputs.__provider);
            expect(text.length, `${entry.name}: ${text.length} characters`).to.be.lessThan(6000);
            // The one provider of every resource (provider/dynamic/providers.ts), its type token serialized by value.
            expect(text).to.contain('require("pulumi-sslmanager/bin/provider/dynamic/registered")');
            expect(text).to.contain(JSON.stringify(`sslmanager:${entry.type.split("dynamic/")[1]}`));
            for (const forbidden of ["ZodObject", "undici", "class Client", "fast-xml-parser", simulator.password])
                expect(text).not.to.contain(forbidden);
        }
        console.log(
            `      serialized provider sizes: ${registrations.map((entry) => `${entry.name} ${String(entry.inputs.__provider).length} characters`).join(", ")}`,
        );
    });

    it("registers a connection given in the program as a secret input", () => {
        const connection = registration("own-csr").inputs.connection as Record<string, unknown>;
        expect(connection["4dabf18193072939515e22adb298388d"]).to.equal("1b47061264138c4ac30d75fd1eb44270");
        expect(connection.value).to.deep.equal({ password: simulator.password });
    });

    it("asks the engine to keep the private key and the connection secret", () => {
        expect(registration("www").additionalSecretOutputs).to.deep.equal(["privateKeyPem", "connection"]);
        expect(registration("admin").additionalSecretOutputs).to.deep.equal(["connection"]);
    });

    it("takes the connection from the stack config delivered by Configure, the password as a secret", async () => {
        const response = await server.configure({
            "internetx:user": simulator.user,
            "internetx:password": secret(simulator.password),
            "internetx:context": simulator.context,
            "internetx:url": simulator.url,
        });
        expect(response.acceptSecrets).to.equal(false);
    });

    it("fails Check with the properties named and sends nothing to the API", async () => {
        const before = (await admin.requests()).length;
        const bad = { ...inputsOf("admin"), email: "not-an-email", country: "XX" };
        const result = await server.check(server.urn(contactType, "admin"), {}, bad);
        expect(result.failures).to.deep.equal([
            { property: "email", reason: 'must be an email address like admin@example.com (got "not-an-email")' },
            { property: "country", reason: "XX is not an ISO 3166-1 country code" },
        ]);
        const badCertificate = { ...inputsOf("www"), adminContactId: "1", technicalContactId: "1", lifetimeMonths: 7 };
        const certificateCheck = await server.check(server.urn(certificateType, "www"), {}, badCertificate);
        expect(certificateCheck.failures).to.deep.equal([
            { property: "lifetimeMonths", reason: "7 months is not offered for QUICKSSLPREMIUM; allowed: 12, 24" },
        ]);
        expect((await admin.requests()).length).to.equal(before);
    });

    it("accepts unknown inputs during preview and checks them at update time", async () => {
        const result = await server.check(
            server.urn(certificateType, "www"),
            {},
            { ...inputsOf("www"), adminContactId: unknownValue, technicalContactId: unknownValue },
        );
        expect(result.failures).to.deep.equal([]);
    });

    it("creates the contact and the domain validation through the server", async () => {
        const contactUrn = server.urn(contactType, "admin");
        const checked = await server.check(contactUrn, {}, inputsOf("admin"));
        outputs.admin = await server.create(contactUrn, checked.inputs!);
        expect(outputs.admin.properties.contactId).to.equal(outputs.admin.id);
        expect(outputs.admin.properties).to.deep.include({
            firstName: "Ada",
            country: "DE",
            address: ["Maximilianstrasse 36"],
        });

        const validationUrn = server.urn(validationType, "validation");
        const validationInputs = (await server.check(validationUrn, {}, inputsOf("validation"))).inputs!;
        outputs.validation = await server.create(validationUrn, validationInputs);
        const dnsRecord = outputs.validation.properties.dnsRecord as {
            name: string;
            type: string;
            ttl: number;
            value: string;
        };
        expect(dnsRecord).to.deep.include({
            name: "_dnsauth.shop.example.com.",
            domain: "shop.example.com",
            type: "TXT",
            ttl: 300,
        });
        expect(outputs.validation.properties.authentication).to.deep.include({ method: "DNS", provisioning: false });
    });

    function certificateInputs(name: string, extra: Properties = {}): Properties {
        return { ...inputsOf(name), adminContactId: outputs.admin.id, technicalContactId: outputs.admin.id, ...extra };
    }

    it("creates a certificate with a generated key: the chain verifies and the key matches", async () => {
        const urn = server.urn(certificateType, "www");
        const checked = await server.check(urn, {}, certificateInputs("www"));
        expect(checked.failures).to.deep.equal([]);
        outputs.www = await server.create(urn, checked.inputs!);
        const properties = outputs.www.properties as Record<string, string>;
        expect(properties.status).to.equal("ISSUED");
        expect(outputs.www.id).to.equal(properties.certificateId);
        const leaf = await parseCertificate(properties.certificatePem);
        expect(leaf.dnsNames).to.have.members(["www.example.com", "example.com"]);
        expect(properties.serialNumber).to.equal(leaf.serialNumber);
        expect(properties.fullChainPem).to.equal(properties.certificatePem + properties.chainPem);
        expect(
            (await verifyChain(properties.certificatePem, [properties.chainPem], properties.rootPem)).valid,
        ).to.equal(true);
        expect(await privateKeyMatchesCertificate(properties.privateKeyPem, properties.certificatePem)).to.equal(true);
        expect(engine.logs.some((entry) => entry.message.includes("www.example.com: order accepted"))).to.equal(true);
    });

    it("orders the own-CSR certificate with the DomainValidation's record once it is published", async () => {
        for (const record of outputs.validation.properties.dnsRecords as { name: string; value: string }[])
            await admin.publishDns(record.name, "TXT", record.value);
        const urn = server.urn(certificateType, "own-csr");
        const inputs = certificateInputs("own-csr", { validation: outputs.validation.properties.authentication });
        const checked = await server.check(urn, {}, inputs);
        expect(checked.failures).to.deep.equal([]);
        expect(checked.inputs!.name).to.equal("shop.example.com");
        outputs.ownCsr = await server.create(urn, checked.inputs!);
        expect(outputs.ownCsr.properties.status).to.equal("ISSUED");
        expect(outputs.ownCsr.properties.privateKeyPem).to.equal(undefined);
    });

    it("reports no change when only the serialized provider differs (an older build of the package)", async () => {
        const urn = server.urn(certificateType, "www");
        const news = (await server.check(urn, outputs.www.properties, certificateInputs("www"))).inputs!;
        const olds = {
            ...outputs.www.properties,
            __provider: `${String(outputs.www.properties.__provider)}\n// serialized by pulumi-sslmanager 0.0.1`,
        };
        expect(await server.diff(urn, outputs.www.id, olds, news)).to.deep.equal({ changes: "none", replaces: [] });
    });

    it("reissues on a SAN change: same id, new serial; a product change asks for replacement", async () => {
        const urn = server.urn(certificateType, "www");
        const news = (
            await server.check(
                urn,
                outputs.www.properties,
                certificateInputs("www", { subjectAlternativeNames: ["example.com", "api.example.com"] }),
            )
        ).inputs!;
        expect(await server.diff(urn, outputs.www.id, outputs.www.properties, news)).to.deep.equal({
            changes: "some",
            replaces: [],
        });
        const updated = await server.update(urn, outputs.www.id, outputs.www.properties, news);
        expect(updated.properties.certificateId).to.equal(outputs.www.id);
        expect(updated.properties.serialNumber).not.to.equal(outputs.www.properties.serialNumber);
        expect(updated.properties.privateKeyPem).to.equal(outputs.www.properties.privateKeyPem);
        expect(updated.properties.issuedNames).to.have.members(["www.example.com", "example.com", "api.example.com"]);
        outputs.www = { id: outputs.www.id, properties: updated.properties };
        const replaced = (
            await server.check(
                urn,
                outputs.www.properties,
                certificateInputs("www", {
                    product: "RAPIDSSL",
                    subjectAlternativeNames: ["example.com", "api.example.com"],
                }),
            )
        ).inputs!;
        expect(await server.diff(urn, outputs.www.id, outputs.www.properties, replaced)).to.deep.equal({
            changes: "some",
            replaces: ["product"],
        });
    });

    it("reads every output back, and an empty id once the certificate is gone", async () => {
        const urn = server.urn(certificateType, "own-csr");
        const read = await server.read(urn, outputs.ownCsr.id, outputs.ownCsr.properties);
        expect(read.id).to.equal(outputs.ownCsr.id);
        for (const key of [
            "certificatePem",
            "chainPem",
            "rootPem",
            "fullChainPem",
            "serialNumber",
            "notAfter",
            "fingerprintSha256",
        ]) {
            expect(read.properties[key], key).to.equal(outputs.ownCsr.properties[key]);
        }
        const client = new Client({
            url: simulator.url,
            user: simulator.user,
            password: simulator.password,
            context: simulator.context,
        });
        await client.certificate.delete(outputs.ownCsr.id);
        await client.close();
        expect((await server.read(urn, outputs.ownCsr.id, outputs.ownCsr.properties)).id).to.equal("");
        await server.delete(urn, outputs.ownCsr.id, outputs.ownCsr.properties);
    });

    it("reports a wait timeout as ErrorResourceInitFailed with id and properties; the update resumes without a second order", async () => {
        await admin.settings({ issuanceDelayMs: 2500 });
        const urn = server.urn(certificateType, "slow");
        // A resource of its own: not the order reference the SDK computed for "www".
        const { orderReference: _wwwReference, ...slowInputs } = certificateInputs("www", {
            name: "slow.example.com",
            subjectAlternativeNames: [],
            waitTimeoutSeconds: 0.5,
        });
        const inputs = (await server.check(urn, {}, slowInputs)).inputs!;
        const ordersBefore = (await admin.state()).orders;
        const failure = (await server.create(urn, inputs).catch((error) => error)) as ProviderCallError;
        expect(failure).to.be.instanceOf(ProviderCallError);
        expect(failure.initializationFailure?.id).to.match(/^\d+$/);
        expect(failure.initializationFailure?.properties).to.deep.include({
            status: "PENDING",
            name: "slow.example.com",
            certificateId: failure.initializationFailure?.id,
        });
        expect(failure.initializationFailure?.reasons[0]).to.match(/^slow\.example\.com: still RUNNING after \d+s/);
        const news = { ...inputs, waitTimeoutSeconds: 30 };
        expect(
            (await server.diff(urn, failure.initializationFailure!.id, failure.initializationFailure!.properties, news))
                .changes,
        ).to.equal("some");
        const resumed = await server.update(
            urn,
            failure.initializationFailure!.id,
            failure.initializationFailure!.properties,
            news,
        );
        expect(resumed.properties.status).to.equal("ISSUED");
        expect(resumed.properties.certificateId).to.equal(failure.initializationFailure!.id);
        expect((await admin.state()).orders).to.equal(ordersBefore + 1);
        await admin.settings({ issuanceDelayMs: 300 });
        await server.delete(urn, failure.initializationFailure!.id, resumed.properties);
    });

    it("keeps the S/MIME download password a secret input and creates the S/MIME certificate with its PKCS#12 bundle", async () => {
        const password = registration("mail").inputs.downloadPassword as Record<string, unknown>;
        expect(password).to.deep.equal(secret("Correct-Horse-42"));
        expect(registration("mail").additionalSecretOutputs).to.deep.equal([
            "downloadPassword",
            "privateKeyPem",
            "pkcs12Base64",
            "connection",
        ]);
        const urn = server.urn(smimeType, "mail");
        const bad = await server.check(
            urn,
            {},
            { ...inputsOf("mail"), adminContactId: outputs.admin.id, email: "joe" },
        );
        expect(bad.failures).to.deep.equal([
            { property: "email", reason: 'must be an email address like admin@example.com (got "joe")' },
        ]);
        const checked = await server.check(urn, {}, { ...inputsOf("mail"), adminContactId: outputs.admin.id });
        const created = await server.create(urn, checked.inputs!);
        expect(created.properties.status).to.equal("ISSUED");
        expect(readPkcs12(String(created.properties.pkcs12Base64), "Correct-Horse-42").hasPrivateKey).to.equal(true);
        expect((await server.read(urn, created.id, created.properties)).properties.serialNumber).to.equal(
            created.properties.serialNumber,
        );
        await server.delete(urn, created.id, created.properties);
        expect((await server.read(urn, created.id, created.properties)).id).to.equal("");
        expect(engine.logs.map((entry) => entry.message).join("\n")).not.to.contain("Correct-Horse-42");
    });

    it("deletes the certificate and the contact; the simulator keeps nothing of them", async () => {
        await server.delete(server.urn(certificateType, "www"), outputs.www.id, outputs.www.properties);
        await server.delete(server.urn(contactType, "admin"), outputs.admin.id, outputs.admin.properties);
        const state = await admin.state();
        expect(state.certificates.map((certificate) => certificate.id)).not.to.include(outputs.www.id);
        expect(state.contacts).to.equal(0);
    });
});
