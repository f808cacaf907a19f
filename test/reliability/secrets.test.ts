import { Client } from "../../provider/internetx/client";
import { checkCertificateInputs } from "../../provider/resources/certificate/check";
import {
    createCertificate,
    deleteCertificate,
    readCertificate,
    updateCertificate,
} from "../../provider/resources/certificate/lifecycle";
import { checkSmimeInputs, createSmime, deleteSmime } from "../../provider/resources/smime/lifecycle";
import { LifecycleContext, systemClock } from "../../provider/lifecycle/context";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { stackConfigFor, testContactRequest } from "../support/stack";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { figures } from "./figures";

/** Outputs the engine stores encrypted (additionalSecretOutputs of the SDK classes): secrets by design. */
const secretOutputs = ["privateKeyPem", "pkcs12Base64", "downloadPassword", "connection"];

function withoutSecretOutputs(outputs: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(outputs).filter(([key]) => !secretOutputs.includes(key)));
}

/**
 * The whole lifecycle with debug logging on, over both protocols, and everything captured scanned for the API
 * password, the S/MIME download password and the private keys: zero hits.
 */
describe("reliability: no secret in logs, errors or plain state", function () {
    this.timeout(120_000);
    let simulator: RunningSimulator;
    const captured: string[] = [];
    const downloadPassword = "Download-Secret-7731";

    before(async () => {
        simulator = await startSimulator({ issuanceDelayMs: 100, password: "Api-Secret-Password-4242" });
    });
    after(async () => {
        await simulator.close();
    });

    for (const protocol of ["json", "xml"] as const) {
        it(`runs every operation over ${protocol} and finds none of the secrets anywhere`, async () => {
            const context: LifecycleContext = {
                log: (line: string) => captured.push(line),
                clock: systemClock,
                stackConfig: stackConfigFor(simulator, protocol),
                debugLog: (line) => captured.push(line),
            };
            const client = new Client({
                protocol,
                url: simulator.url,
                xmlUrl: simulator.xmlUrl,
                user: simulator.user,
                password: simulator.password,
                context: simulator.context,
                logger: (line) => captured.push(line),
            });
            const contactId = (await client.sslcontact.create(testContactRequest)).id;

            const inputs = (
                await checkCertificateInputs({
                    name: `secret-${protocol}.example.com`,
                    privateKey: { algorithm: "RSA", rsaBits: 2048 },
                    product: "QUICKSSLPREMIUM",
                    lifetimeMonths: 12,
                    adminContactId: contactId,
                    technicalContactId: contactId,
                    pollIntervalSeconds: 0.05,
                })
            ).inputs!;
            const created = await createCertificate(inputs, context);
            const updated = await updateCertificate(
                created.id,
                created.outs,
                { ...inputs, subjectAlternativeNames: [`www.secret-${protocol}.example.com`] },
                context,
            );
            const read = await readCertificate(created.id, updated.outs, context);
            await deleteCertificate(created.id, updated.outs, context);
            const smimeInputs = (
                await checkSmimeInputs({
                    email: "joe@example.com",
                    product: "GLOBALSIGN_PERSONALSIGN_1",
                    lifetimeMonths: 12,
                    adminContactId: contactId,
                    firstName: "Joe",
                    lastName: "Sample",
                    downloadPassword,
                    privateKey: { algorithm: "RSA" },
                    pollIntervalSeconds: 0.05,
                })
            ).inputs!;
            const smime = await createSmime(smimeInputs, context);
            await deleteSmime(smime.id, smime.outs, context);

            const errors: unknown[] = [];
            const wrong = new Client({
                protocol,
                url: simulator.url,
                xmlUrl: simulator.xmlUrl,
                user: simulator.user,
                password: `${simulator.password}-wrong`,
                context: simulator.context,
                logger: (line) => captured.push(line),
            });
            errors.push(await wrong.certificate.list().catch((error) => error));
            await wrong.close();
            await new SimulatorAdmin(simulator.adminUrl).fault({ kind: "malformed", count: 5 });
            errors.push(await client.certificate.info(created.id).catch((error) => error));
            await client.close();

            const privateKeys = [String(created.outs.privateKeyPem), String(smime.outs.privateKeyPem)].map(
                (pem) => pem.split("\n")[1],
            );
            const secrets = [
                simulator.password,
                downloadPassword,
                String(smime.outs.pkcs12Base64).slice(0, 64),
                ...privateKeys,
            ];
            const haystack = [
                ...captured,
                ...errors.map(
                    (error) =>
                        `${(error as Error).message}\n${(error as Error).stack}\n${JSON.stringify(error)}\n${(error as { rawBody?: string }).rawBody ?? ""}`,
                ),
                JSON.stringify(withoutSecretOutputs(created.outs)),
                JSON.stringify(withoutSecretOutputs(updated.outs)),
                JSON.stringify(withoutSecretOutputs(read.props)),
                JSON.stringify(withoutSecretOutputs(smime.outs)),
            ].join("\n");
            const hits = secrets.filter((value) => value.length > 8 && haystack.includes(value));
            figures.secretsFound += hits.length;
            expect(hits).to.deep.equal([]);
            expect(captured.length).to.be.greaterThan(20);
            expect(
                captured.some((line) =>
                    /^CertificateCreate \(400101\) attempt 1 over (json|xml) ctid sslm-[0-9a-f-]{36}$/.test(line),
                ),
            ).to.equal(true);
        });
    }
});
