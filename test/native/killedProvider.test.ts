import { orderReference } from "../../provider/lifecycle/orderReference";
import { generateKeyAndCsr, parseCertificate, privateKeyMatchesCertificate } from "../../provider/x509";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { RunningIspmanagerSimulator, startIspmanagerSimulator } from "../../simulator/ispmanager";
import { FakeEngine } from "../engine/harness/engine";
import { Properties, secret, withoutSecrets } from "../engine/harness/providerServer";
import { IspmanagerSimulatorAdmin } from "../ispmanager/simulatorAdmin";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { createTestContact } from "../support/stack";
import { NativeProviderServer } from "./nativeProviderServer";

/** The project and stack of the harness's URNs. */
const project = "engine-path-program";
const stack = "test";

type Backend = "internetx" | "ispmanager";
type Mode = "a generated key" | "its own CSR" | "the key made by the CA" | "the key made by the provider";

interface Case {
    type:
        | "sslmanager:internetx:Certificate"
        | "sslmanager:internetx:SmimeCertificate"
        | "sslmanager:ispmanager:Certificate";
    backend: Backend;
    protocol?: "json" | "xml";
    mode: Mode;
    /** BILLmanager only: the account keeps no remoteid (simulator switch dropsRemoteId). */
    dropsRemoteId?: boolean;
    /** The program's inputs, and the private key behind an own CSR. */
    inputs(contactId: string, name: string): Promise<{ inputs: Properties; privateKeyPem?: string }>;
    /** The inputs the schema marks as replacing the resource, in its order. */
    replacementInputs(inputs: Properties): unknown[];
    /** The name the issued certificate carries. */
    subjectOf(inputs: Properties): string;
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

function sslCase(protocol: "json" | "xml", mode: "a generated key" | "its own CSR"): Case {
    return {
        type: "sslmanager:internetx:Certificate",
        backend: "internetx",
        protocol,
        mode,
        async inputs(contactId, name) {
            const common = {
                name,
                product: "QUICKSSLPREMIUM",
                lifetimeMonths: 12,
                adminContactId: contactId,
                technicalContactId: contactId,
                pollIntervalSeconds: 0.1,
            };
            if (mode === "a generated key")
                return { inputs: { ...common, privateKey: { algorithm: "ECDSA", curve: "P256" } } };
            const { csrPem, privateKeyPem } = await generateKeyAndCsr({
                key: { algorithm: "ECDSA", curve: "P256" },
                commonName: name,
            });
            return { inputs: { ...common, csr: csrPem }, privateKeyPem };
        },
        replacementInputs: (inputs) => [inputs.product, inputs.lifetimeMonths],
        subjectOf: (inputs) => String(inputs.name),
    };
}

function smimeCase(protocol: "json" | "xml", mode: "a generated key" | "its own CSR" | "the key made by the CA"): Case {
    return {
        type: "sslmanager:internetx:SmimeCertificate",
        backend: "internetx",
        protocol,
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
                downloadPassword: secret("Download-Secret-1"),
                pollIntervalSeconds: 0.1,
            };
            if (mode === "a generated key") return { inputs: { ...common, privateKey: { algorithm: "RSA" } } };
            if (mode === "the key made by the CA") return { inputs: common };
            const { csrPem, privateKeyPem } = await generateKeyAndCsr({
                key: { algorithm: "RSA", rsaBits: 2048 },
                commonName: email,
                emailAddresses: [email],
                subject: { emailAddress: email },
            });
            return { inputs: { ...common, csr: csrPem }, privateKeyPem };
        },
        replacementInputs: (inputs) => [inputs.email, inputs.product, inputs.lifetimeMonths],
        subjectOf: (inputs) => String(inputs.email),
    };
}

function billingCase(mode: "its own CSR" | "the key made by the provider", dropsRemoteId: boolean): Case {
    return {
        type: "sslmanager:ispmanager:Certificate",
        backend: "ispmanager",
        mode,
        dropsRemoteId,
        async inputs(_contactId, name) {
            if (mode === "the key made by the provider") return { inputs: { ...billingInputs, domain: name } };
            const { csrPem, privateKeyPem } = await generateKeyAndCsr({
                key: { algorithm: "ECDSA", curve: "P256" },
                commonName: name,
            });
            return { inputs: { ...billingInputs, domain: name, csr: csrPem }, privateKeyPem };
        },
        replacementInputs: (inputs) => [inputs.domain, inputs.pricelist, inputs.periodMonths],
        subjectOf: (inputs) => String(inputs.domain),
    };
}

const cases: Case[] = [
    sslCase("json", "a generated key"),
    sslCase("xml", "a generated key"),
    sslCase("json", "its own CSR"),
    smimeCase("json", "a generated key"),
    smimeCase("xml", "its own CSR"),
    smimeCase("json", "the key made by the CA"),
    billingCase("the key made by the provider", false),
    billingCase("its own CSR", false),
    billingCase("the key made by the provider", true),
    billingCase("its own CSR", true),
];

/**
 * The native provider's process (`pulumi-resource-sslmanager`) killed with SIGKILL after it sent the order has no
 * chance to report anything, and the engine records nothing for the resource. The next run's Check derives the same
 * order reference from the URN, and its Create, in a new process, must find that order and adopt it: exactly one order,
 * and the certificate in state matches the private key in state.
 */
describe("the native provider process killed with SIGKILL after the order was sent", function () {
    this.timeout(300_000);
    let internetx: RunningSimulator;
    let internetxAdmin: SimulatorAdmin;
    let billing: RunningIspmanagerSimulator;
    let billingAdmin: IspmanagerSimulatorAdmin;
    let engine: FakeEngine;
    let contactId: string;
    const servers: NativeProviderServer[] = [];

    before(async () => {
        internetx = await startSimulator({ issuanceDelayMs: 1500 });
        internetxAdmin = new SimulatorAdmin(internetx.adminUrl);
        billing = await startIspmanagerSimulator({ issuanceDelayMs: 1500 });
        billingAdmin = new IspmanagerSimulatorAdmin(billing.adminUrl);
        contactId = await createTestContact(internetx);
        engine = await new FakeEngine().start();
    });
    after(async () => {
        for (const server of servers) await server.stop().catch(() => undefined);
        await engine?.stop();
        await internetx?.close();
        await billing?.close();
    });

    async function startServer(protocol: "json" | "xml" = "json"): Promise<NativeProviderServer> {
        // The loopback simulator takes more than the BILLmanager client's conservative default pace.
        const server = await new NativeProviderServer(engine.address, { ISPMANAGER_REQUESTS_PER_SECOND: "20" }).start();
        servers.push(server);
        await server.configure({
            internetxUrl: internetx.url,
            internetxXmlUrl: internetx.xmlUrl,
            internetxUser: internetx.user,
            internetxPassword: secret(internetx.password),
            internetxContext: internetx.context,
            internetxProtocol: protocol,
            ispmanagerUrl: billing.url,
            ispmanagerUser: billing.user,
            ispmanagerPassword: secret(billing.password),
        });
        return server;
    }

    const orders = async (backend: Backend) =>
        backend === "internetx" ? (await internetxAdmin.state()).orders : (await billingAdmin.state()).orders;

    /** Starts Create and kills the process with SIGKILL as soon as the simulator has the order. */
    async function createKilledAfterOrder(
        server: NativeProviderServer,
        urn: string,
        inputs: Properties,
        backend: Backend,
    ): Promise<void> {
        const before = await orders(backend);
        const interrupted = server.create(urn, inputs).then(
            () => new Error("Create finished before the kill"),
            (error: Error) => error,
        );
        for (let attempt = 0; attempt < 400 && (await orders(backend)) === before; attempt++)
            await new Promise((resolve) => setTimeout(resolve, 25));
        server.kill();
        expect(await orders(backend)).to.equal(before + 1);
        expect((await interrupted).message).not.to.equal("Create finished before the kill");
    }

    cases.forEach((testCase, index) => {
        const protocol = testCase.protocol ? ` over ${testCase.protocol}` : "";
        const account =
            testCase.dropsRemoteId === undefined
                ? ""
                : ` on an account that ${testCase.dropsRemoteId ? "drops" : "keeps"} remoteid`;
        it(`${testCase.type}${protocol} with ${testCase.mode}${account}: the next Create adopts the order: one order, and the certificate matches the key in state`, async () => {
            const resourceName = `native-killed${index}`;
            const name = `native-killed-${index}.example.com`;
            const { inputs, privateKeyPem: ownKey } = await testCase.inputs(contactId, name);
            const reference = orderReference({
                project,
                stack,
                type: testCase.type,
                name: resourceName,
                replacementInputs: testCase.replacementInputs(withoutSecrets(inputs) as Properties),
            });
            if (testCase.backend === "ispmanager")
                await billingAdmin.settings({ dropsRemoteId: testCase.dropsRemoteId ?? false });
            const ordersBefore = await orders(testCase.backend);

            const first = await startServer(testCase.protocol);
            const urn = first.urn(testCase.type, resourceName);
            const checked = await first.check(urn, {}, inputs);
            expect(checked.failures).to.deep.equal([]);
            expect(checked.inputs!.orderReference).to.equal(reference);
            await createKilledAfterOrder(first, urn, checked.inputs!, testCase.backend);

            // The killed create left nothing in state: the next run checks against no recorded inputs again.
            const second = await startServer(testCase.protocol);
            const rechecked = await second.check(urn, {}, inputs);
            expect(rechecked.inputs!.orderReference).to.equal(reference);
            const created = await second.create(urn, rechecked.inputs!);
            await second.stop();

            expect((await orders(testCase.backend)) - ordersBefore).to.equal(1);
            const state = withoutSecrets(created.properties) as Properties;
            expect([state.status, state.orderReference]).to.deep.equal(["ISSUED", reference]);
            const certificatePem = String(state.certificatePem);
            if (testCase.mode === "its own CSR")
                expect(await privateKeyMatchesCertificate(ownKey!, certificatePem)).to.equal(true);
            if (testCase.mode === "a generated key" || testCase.mode === "the key made by the provider")
                expect(await privateKeyMatchesCertificate(String(state.privateKeyPem), certificatePem)).to.equal(true);
            if (testCase.mode === "the key made by the CA") expect(state.privateKeyPem).to.equal(undefined);
            const leaf = await parseCertificate(certificatePem);
            expect([leaf.commonName, ...leaf.emailAddresses]).to.include(testCase.subjectOf(inputs));
            expect(
                engine.logs.filter((entry) =>
                    entry.message.startsWith(
                        `${testCase.subjectOf(inputs)}: adopting the order placed earlier under reference ${reference}`,
                    ),
                ),
            ).to.have.length(1);
        });
    });

    it("a replacement of a created certificate (pulumi up --replace) orders under the successor reference and never adopts the old certificate, also when it is killed halfway", async () => {
        const testCase = sslCase("json", "a generated key");
        const { inputs } = await testCase.inputs(contactId, "native-replaced.example.com");
        const server = await startServer();
        const urn = server.urn(testCase.type, "native-replaced");
        const checked = await server.check(urn, {}, inputs);
        const original = await server.create(urn, checked.inputs!);
        const ordersBefore = await orders("internetx");

        // The old resource stays in state while its replacement is created: Check sees its inputs.
        const replacementInputs = (await server.check(urn, checked.inputs!, inputs)).inputs!;
        expect(replacementInputs.orderReference).not.to.equal(checked.inputs!.orderReference);
        await createKilledAfterOrder(server, urn, replacementInputs, "internetx");

        const next = await startServer();
        const retried = (await next.check(urn, checked.inputs!, inputs)).inputs!;
        expect(retried.orderReference).to.equal(replacementInputs.orderReference);
        const replacement = await next.create(urn, retried);
        await next.stop();
        expect((await orders("internetx")) - ordersBefore).to.equal(1);
        expect(replacement.id).not.to.equal(original.id);
        const state = withoutSecrets(replacement.properties) as Properties;
        expect(await privateKeyMatchesCertificate(String(state.privateKeyPem), String(state.certificatePem))).to.equal(
            true,
        );
    });
});
