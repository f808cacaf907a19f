import { rmSync } from "node:fs";
import { orderReference } from "../../provider/lifecycle/orderReference";
import { generateKeyAndCsr, parseCertificate, privateKeyMatchesCertificate } from "../../provider/x509";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { RunningIspmanagerSimulator, startIspmanagerSimulator } from "../../simulator/ispmanager";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { IspmanagerSimulatorAdmin } from "../ispmanager/simulatorAdmin";
import { FakeEngine } from "../engine/harness/engine";
import { createProgram } from "../engine/harness/program";
import { Properties, ProviderServer, secret } from "../engine/harness/providerServer";
import { createTestContact } from "../support/stack";
import { figures } from "./figures";

/** The project and stack the harness's provider server runs as (PULUMI_NODEJS_PROJECT / _STACK). */
const project = "engine-path-program";
const stack = "test";

type Backend = "internetx" | "ispmanager";

interface Case {
    title: string;
    backend: Backend;
    protocol?: "json" | "xml";
    /** The type token part after `dynamic/`, and the SDK's type for the reference. */
    type: "internetx:Certificate" | "internetx:SmimeCertificate" | "ispmanager:Certificate";
    mode: "generated key" | "own CSR" | "key made by the CA" | "key made by the provider";
    /** BILLmanager only: the account keeps no remoteid (simulator switch dropsRemoteId). */
    dropsRemoteId?: boolean;
    /** The resource's inputs as the program gives them, plus the private key behind an own CSR. */
    inputs(contactId: string, name: string): Promise<{ inputs: Properties; privateKeyPem?: string }>;
    replacementInputs(inputs: Properties): unknown[];
}

const contact = (firstName: string) => ({
    firstName,
    lastName: "Petrov",
    jobTitle: "CTO",
    email: `${firstName.toLowerCase()}@example.com`,
    phone: "+7 495 1234567",
});
const billingInputs = {
    pricelist: "55364",
    periodMonths: 12,
    country: "182",
    region: "Moscow",
    city: "Moscow",
    organization: "Primer LLC",
    adminContact: contact("Ivan"),
    technicalContact: contact("Anna"),
    validationMethod: "EMAIL",
    pollIntervalSeconds: 0.1,
};

function sslCase(protocol: "json" | "xml", mode: "generated key" | "own CSR"): Case {
    return {
        title: `Certificate over ${protocol} with ${mode === "generated key" ? "a generated key" : "its own CSR"}`,
        backend: "internetx",
        protocol,
        type: "internetx:Certificate",
        mode,
        async inputs(contactId, name) {
            const common = {
                product: "QUICKSSLPREMIUM",
                lifetimeMonths: 12,
                adminContactId: contactId,
                technicalContactId: contactId,
                pollIntervalSeconds: 0.1,
            };
            if (mode === "generated key")
                return { inputs: { ...common, name, privateKey: { algorithm: "ECDSA", curve: "P256" } } };
            const { csrPem, privateKeyPem } = await generateKeyAndCsr({
                key: { algorithm: "ECDSA", curve: "P256" },
                commonName: name,
            });
            return { inputs: { ...common, csr: csrPem }, privateKeyPem };
        },
        replacementInputs: (inputs) => [inputs.product, inputs.lifetimeMonths],
    };
}

function smimeCase(protocol: "json" | "xml", mode: "generated key" | "own CSR" | "key made by the CA"): Case {
    return {
        title: `SmimeCertificate over ${protocol} with ${mode === "generated key" ? "a generated key" : mode === "own CSR" ? "its own CSR" : "the key made by the CA"}`,
        backend: "internetx",
        protocol,
        type: "internetx:SmimeCertificate",
        mode,
        async inputs(contactId, name) {
            const email = `${name.split(".")[0]}@example.com`;
            const common = {
                email,
                product: "GLOBALSIGN_PERSONALSIGN_1",
                lifetimeMonths: 12,
                adminContactId: contactId,
                firstName: "Joe",
                lastName: "Sample",
                downloadPassword: "Download-Secret-1",
                pollIntervalSeconds: 0.1,
            };
            if (mode === "generated key") return { inputs: { ...common, privateKey: { algorithm: "RSA" } } };
            if (mode === "key made by the CA") return { inputs: common };
            const { csrPem, privateKeyPem } = await generateKeyAndCsr({
                key: { algorithm: "RSA", rsaBits: 2048 },
                commonName: email,
                emailAddresses: [email],
                subject: { emailAddress: email },
            });
            return { inputs: { ...common, csr: csrPem }, privateKeyPem };
        },
        replacementInputs: (inputs) => [inputs.product, inputs.lifetimeMonths, inputs.email],
    };
}

function billingCase(mode: "own CSR" | "key made by the provider", dropsRemoteId: boolean): Case {
    return {
        title: `ispmanager.Certificate with ${mode === "own CSR" ? "its own CSR" : "the key made by the provider"} on an account that ${dropsRemoteId ? "drops" : "keeps"} remoteid`,
        backend: "ispmanager",
        type: "ispmanager:Certificate",
        mode,
        dropsRemoteId,
        async inputs(_contactId, name) {
            if (mode === "key made by the provider") return { inputs: { ...billingInputs, domain: name } };
            const { csrPem, privateKeyPem } = await generateKeyAndCsr({
                key: { algorithm: "ECDSA", curve: "P256" },
                commonName: name,
            });
            return { inputs: { ...billingInputs, domain: name, csr: csrPem }, privateKeyPem };
        },
        replacementInputs: (inputs) => [inputs.domain, inputs.pricelist, inputs.periodMonths],
    };
}

const cases: Case[] = [
    sslCase("json", "generated key"),
    sslCase("xml", "generated key"),
    sslCase("json", "own CSR"),
    sslCase("xml", "own CSR"),
    smimeCase("json", "generated key"),
    smimeCase("xml", "generated key"),
    smimeCase("json", "own CSR"),
    smimeCase("xml", "own CSR"),
    smimeCase("json", "key made by the CA"),
    smimeCase("xml", "key made by the CA"),
    billingCase("key made by the provider", false),
    billingCase("own CSR", false),
    billingCase("key made by the provider", true),
    billingCase("own CSR", true),
];

/**
 * How often the test asks whether the order has been placed before it kills the provider (25 ms apart: at most a
 * minute): the order comes after key generation and the lookup, which a loaded machine stretches well past seconds.
 */
const orderSeenAttempts = 2400;

/**
 * A provider process killed after it sent the order has no chance to report anything. The next run's Create (in a new
 * server, with the same inputs: the SDK's order reference among them) must find that order and adopt it: exactly one
 * order, and the certificate in state matches the private key in state (a generated key that died with the process is
 * replaced by a free reissue for the new one).
 */
describe("reliability: the dynamic-provider server killed with SIGKILL after the order was sent", function () {
    this.timeout(300_000);
    let internetx: RunningSimulator;
    let internetxAdmin: SimulatorAdmin;
    let billing: RunningIspmanagerSimulator;
    let billingAdmin: IspmanagerSimulatorAdmin;
    let engine: FakeEngine;
    let programDirectory: string;
    let contactId: string;
    const servers: ProviderServer[] = [];
    const providers = new Map<string, string>();

    before(async () => {
        internetx = await startSimulator({ issuanceDelayMs: 1500 });
        internetxAdmin = new SimulatorAdmin(internetx.adminUrl);
        billing = await startIspmanagerSimulator({ issuanceDelayMs: 1500 });
        billingAdmin = new IspmanagerSimulatorAdmin(billing.adminUrl);
        contactId = await createTestContact(internetx);
        engine = await new FakeEngine().start();
        programDirectory = createProgram(`module.exports = require("pulumi-sslmanager");`, "killed-provider-program");
    });
    after(async () => {
        for (const server of servers) await server.stop().catch(() => undefined);
        await engine?.stop();
        await internetx?.close();
        await billing?.close();
        if (programDirectory) rmSync(programDirectory, { recursive: true, force: true });
    });

    async function startServer(protocol: "json" | "xml" = "json"): Promise<ProviderServer> {
        const server = await new ProviderServer(programDirectory, engine.address).start();
        servers.push(server);
        await server.configure({
            "internetx:user": internetx.user,
            "internetx:password": secret(internetx.password),
            "internetx:context": internetx.context,
            "internetx:url": internetx.url,
            "internetx:xmlUrl": internetx.xmlUrl,
            "internetx:protocol": protocol,
            "ispmanager:user": billing.user,
            "ispmanager:password": secret(billing.password),
            "ispmanager:url": billing.url,
        });
        return server;
    }

    /** The serialized provider of a resource type, as the SDK writes it into state. */
    async function serializedProvider(type: Case["type"]): Promise<string> {
        const cached = providers.get(type);
        if (cached) return cached;

        const pulumi = require(require.resolve("@pulumi/pulumi", { paths: [programDirectory] }));
        const { declaredProvider } = require(
            require.resolve("pulumi-sslmanager/bin/provider/dynamic/providers", { paths: [programDirectory] }),
        );
        const provider = declaredProvider(`sslmanager:${type}`);
        const text = ((await pulumi.runtime.serializeFunction(() => provider)) as { text: string }).text;
        providers.set(type, text);
        return text;
    }

    const orders = async (backend: Backend) =>
        backend === "internetx" ? (await internetxAdmin.state()).orders : (await billingAdmin.state()).orders;

    const variants = [
        ...cases.map((testCase, index) => ({ testCase, index, dropsComment: false })),
        // An account whose ACLs do not cover the certificate comment: the reference is read back from the order's CSR.
        ...cases
            .filter((testCase) => testCase.backend === "internetx")
            .map((testCase, index) => ({ testCase, index: cases.length + index, dropsComment: true })),
    ];
    afterEach(() => internetxAdmin.settings({ dropsComment: false }));

    variants
        .filter(({ testCase, dropsComment }) => !(dropsComment && testCase.mode === "key made by the CA"))
        .forEach(({ testCase, index, dropsComment }) => {
            it(`${testCase.title}${dropsComment ? " on an account that keeps no certificate comment" : ""}: one order, and the certificate matches the key in state`, async () => {
                if (dropsComment) await internetxAdmin.settings({ dropsComment: true });
                const resourceName = `killed${index}`;
                const name = `killed-${index}.example.com`;
                const { inputs, privateKeyPem: ownKey } = await testCase.inputs(contactId, name);
                const reference = orderReference({
                    project,
                    stack,
                    type: testCase.type,
                    name: resourceName,
                    replacementInputs: testCase.replacementInputs(inputs),
                });
                const first = await startServer(testCase.protocol);
                const urn = first.urn(`pulumi-nodejs:dynamic/${testCase.type}`, resourceName);
                const checked = await first.check(
                    urn,
                    {},
                    { __provider: await serializedProvider(testCase.type), ...inputs, orderReference: reference },
                );
                expect(checked.failures).to.deep.equal([]);
                expect(checked.inputs!.orderReference).to.equal(reference);

                if (testCase.backend === "ispmanager")
                    await billingAdmin.settings({ dropsRemoteId: testCase.dropsRemoteId ?? false });
                const ordersBefore = await orders(testCase.backend);
                const interrupted = first.create(urn, checked.inputs!).catch((error: Error) => error);
                for (
                    let attempt = 0;
                    attempt < orderSeenAttempts && (await orders(testCase.backend)) === ordersBefore;
                    attempt++
                )
                    await new Promise((resolve) => setTimeout(resolve, 25));
                first.kill();
                expect(await orders(testCase.backend)).to.equal(ordersBefore + 1);
                expect(await interrupted).to.be.instanceOf(Error);

                const second = await startServer(testCase.protocol);
                const created = await second.create(urn, checked.inputs!);
                await second.stop();
                const placed = (await orders(testCase.backend)) - ordersBefore;
                figures.faultsInjected += 1;
                figures.faultsSurvived += placed === 1 ? 1 : 0;
                figures.duplicateOrders += Math.max(0, placed - 1);
                expect(placed).to.equal(1);
                expect(created.properties.status).to.equal("ISSUED");
                const certificatePem = String(created.properties.certificatePem);
                const keyInState = created.properties.privateKeyPem as string | undefined;
                if (testCase.mode === "own CSR")
                    expect(await privateKeyMatchesCertificate(ownKey!, certificatePem)).to.equal(true);
                if (testCase.mode === "generated key" || testCase.mode === "key made by the provider")
                    expect(await privateKeyMatchesCertificate(keyInState!, certificatePem)).to.equal(true);
                if (testCase.mode === "key made by the CA") expect(keyInState).to.equal(undefined);
                const leaf = await parseCertificate(certificatePem);
                expect([leaf.commonName, ...leaf.emailAddresses]).to.include(
                    testCase.type === "internetx:SmimeCertificate" ? String(inputs.email) : name,
                );
                expect(
                    engine.logs.some((entry) =>
                        entry.message.startsWith(
                            `${testCase.type === "internetx:SmimeCertificate" ? inputs.email : name}: adopting the order placed earlier under reference ${reference}`,
                        ),
                    ),
                ).to.equal(true);
            });
        });

    /**
     * Where the CA makes the S/MIME key there is no CSR, and an account without comment ACLs keeps the reference
     * nowhere: the next run cannot prove the killed run's certificate is its own. It neither adopts it nor orders a
     * second one: it fails, naming the certificate and what the user can do.
     */
    variants
        .filter(({ testCase, dropsComment }) => dropsComment && testCase.mode === "key made by the CA")
        .forEach(({ testCase, index }) => {
            it(`${testCase.title} on an account that keeps no certificate comment: no second order, and the next run stops asking the user about the unprovable certificate`, async () => {
                await internetxAdmin.settings({ dropsComment: true });
                const resourceName = `killed${index}`;
                const { inputs } = await testCase.inputs(contactId, `killed-${index}.example.com`);
                const reference = orderReference({
                    project,
                    stack,
                    type: testCase.type,
                    name: resourceName,
                    replacementInputs: testCase.replacementInputs(inputs),
                });
                const first = await startServer(testCase.protocol);
                const urn = first.urn(`pulumi-nodejs:dynamic/${testCase.type}`, resourceName);
                const checked = await first.check(
                    urn,
                    {},
                    { __provider: await serializedProvider(testCase.type), ...inputs, orderReference: reference },
                );
                const ordersBefore = await orders("internetx");
                const interrupted = first.create(urn, checked.inputs!).catch((error: Error) => error);
                for (
                    let attempt = 0;
                    attempt < orderSeenAttempts && (await orders("internetx")) === ordersBefore;
                    attempt++
                )
                    await new Promise((resolve) => setTimeout(resolve, 25));
                first.kill();
                expect(await interrupted).to.be.instanceOf(Error);
                const placedId = (await internetxAdmin.state()).certificates.find(
                    (certificate) => certificate.name === inputs.email,
                )!.id;

                const second = await startServer(testCase.protocol);
                const refused = await second.create(urn, checked.inputs!).catch((error: Error) => error);
                await second.stop();
                expect(await orders("internetx")).to.equal(ordersBefore + 1);
                expect(refused).to.be.instanceOf(Error);
                expect((refused as Error).message).to.contain(
                    `${inputs.email}: certificate ${placedId} for ${inputs.email} carries no order reference that can be read back (the account keeps no certificate comment, and an S/MIME order whose key the CA makes has no CSR to carry one), so it may be the order a killed earlier run placed for this resource. ` +
                        `Neither ordering again nor adopting it: if certificate ${placedId} is this resource's order, import it (pulumi import with that id); if none is, cancel it in the InterNetX account, or order with a key this provider makes (privateKey) or your own csr, whose CSR carries the reference`,
                );
                figures.faultsInjected += 1;
                figures.faultsSurvived += 1;
            });
        });
});
