import { configFromVariables, connectionsFrom } from "../../provider/native/configuration";
import { startSimulator } from "../../simulator/internetx";
import { SslManagerProvider, typeOfUrn } from "../../provider/native/provider";
import { concealed, reveal, secret, secretSignature, signatureKey } from "../../provider/native/secrets";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { createTestContact } from "../support/stack";

describe("the native provider's configuration, secrets and cancellation", () => {
    it("reads stack config strings and explicit provider values into one connection per backend", () => {
        expect(
            connectionsFrom({
                internetxUrl: "https://api.example.net/v1",
                internetxUser: "reseller",
                internetxPassword: "s3cret-pass",
                internetxContext: "4",
                internetxTimeoutSeconds: "30",
                internetxDemo: "true",
                ispmanagerUser: "billing@example.com",
                ispmanagerTimeoutSeconds: 15,
            }),
        ).to.deep.equal({
            connections: {
                internetx: {
                    url: "https://api.example.net/v1",
                    user: "reseller",
                    password: "s3cret-pass",
                    context: "4",
                    timeoutSeconds: 30,
                    demo: true,
                },
                ispmanager: { user: "billing@example.com", timeoutSeconds: 15 },
            },
            failures: [],
        });
    });

    it("names the configuration key and the rejected value, and never shows a password", () => {
        expect(
            connectionsFrom({
                internetxProtocol: "ftp",
                internetxContext: "four",
                internetxTimeoutSeconds: "soon",
                ispmanagerPassword: "",
                ispmanagerUrl: "not a url",
            }).failures,
        ).to.deep.equal([
            { property: "internetxTimeoutSeconds", reason: '"soon" is not a number' },
            { property: "internetxContext", reason: '"four": must be a number (the InterNetX context)' },
            {
                property: "internetxProtocol",
                reason: `"ftp": Invalid enum value. Expected 'json' | 'xml', received 'ftp'`,
            },
            { property: "ispmanagerUrl", reason: '"not a url": Invalid url' },
        ]);
        expect(connectionsFrom({ internetxPassword: true }).failures).to.deep.equal([
            { property: "internetxPassword", reason: '"(secret)" is not a string' },
        ]);
    });

    it("takes a number where a string setting is expected, as a YAML program passes a context", () => {
        expect(connectionsFrom({ internetxContext: 4, internetxUser: "reseller" })).to.deep.equal({
            connections: { internetx: { context: "4", user: "reseller" }, ispmanager: {} },
            failures: [],
        });
    });

    it("takes older engines' sslmanager:config:<key> variables and ignores other packages' keys", () => {
        expect(
            configFromVariables([
                ["sslmanager:config:internetxUser", "a"],
                ["sslmanager:ispmanagerUser", "b"],
                ["aws:region", "eu-central-1"],
            ]),
        ).to.deep.equal({ internetxUser: "a", ispmanagerUser: "b" });
    });

    it("refuses to configure with a bad value before any resource operation", () => {
        const provider = new SslManagerProvider({ version: "0.1.0" });
        expect(() => provider.configure({ internetxProtocol: "ftp" })).to.throw(
            `invalid sslmanager configuration: internetxProtocol "ftp": Invalid enum value. Expected 'json' | 'xml', received 'ftp'`,
        );
        expect(
            provider.checkConfiguration({ internetxPassword: secret("s3cret-pass"), internetxProtocol: "xml" }),
        ).to.deep.equal([]);
    });

    it("unwraps secrets anywhere in the properties, remembers the top-level names, and wraps named outputs once", () => {
        const wrapped = {
            downloadPassword: secret("Correct-Horse-42"),
            privateKey: { algorithm: "RSA", rsaBits: secret(2048) },
            email: "ada@example.com",
        };
        const { values, secretNames } = reveal(wrapped);
        expect(values).to.deep.equal({
            downloadPassword: "Correct-Horse-42",
            privateKey: { algorithm: "RSA", rsaBits: 2048 },
            email: "ada@example.com",
        });
        expect([...secretNames]).to.deep.equal(["downloadPassword", "privateKey"]);
        expect(
            concealed({ privateKeyPem: "KEY", email: "ada@example.com", pkcs12Base64: undefined }, [
                "privateKeyPem",
                "pkcs12Base64",
                "privateKeyPem",
            ]),
        ).to.deep.equal({
            privateKeyPem: { [signatureKey]: secretSignature, value: "KEY" },
            email: "ada@example.com",
            pkcs12Base64: undefined,
        });
    });

    it("finds the resource type in a URN, also under a parent", () => {
        expect(typeOfUrn("urn:pulumi:dev::shop::sslmanager:internetx:Certificate::www")).to.equal(
            "sslmanager:internetx:Certificate",
        );
        expect(typeOfUrn("urn:pulumi:dev::shop::my:component:Site$sslmanager:ispmanager:Certificate::web")).to.equal(
            "sslmanager:ispmanager:Certificate",
        );
    });

    it("answers the package schema with the provider's version", async () => {
        const schema = JSON.parse(await new SslManagerProvider({ version: "9.9.9" }).getSchema()) as {
            name: string;
            version: string;
        };
        expect([schema.name, schema.version]).to.deep.equal(["sslmanager", "9.9.9"]);
    });

    it("ends a wait in progress at Cancel with the order recorded, and ends the next wait at once", async function () {
        this.timeout(60_000);
        const simulator = await startSimulator({ issuanceDelayMs: 60_000 });
        try {
            const admin = new SimulatorAdmin(simulator.adminUrl);
            await admin.jobOutcome({ match: {}, outcome: "never" });
            const provider = new SslManagerProvider({ version: "0.1.0" });
            provider.configure({
                internetxUrl: simulator.url,
                internetxUser: simulator.user,
                internetxPassword: simulator.password,
                internetxContext: simulator.context,
            });
            const contactId = await createTestContact(simulator);
            const create = async (name: string) => {
                const urn = `urn:pulumi:dev::shop::sslmanager:internetx:Certificate::${name}`;
                const checked = await provider.check(
                    urn,
                    {},
                    {
                        name,
                        product: "QUICKSSLPREMIUM",
                        lifetimeMonths: 12,
                        adminContactId: contactId,
                        technicalContactId: contactId,
                        privateKey: { algorithm: "RSA" },
                        pollIntervalSeconds: 0.2,
                    },
                );
                expect(checked.failures ?? []).to.deep.equal([]);
                return provider.create(urn, checked.inputs);
            };
            const waiting = create("cancelled.example.com");
            for (let polls = 0; (await admin.state()).orders < 1 && polls < 400; polls++)
                await new Promise((resolve) => setTimeout(resolve, 50));
            await provider.cancel();
            await expect(waiting).to.be.rejectedWith(
                /the engine cancelled the operation \(Ctrl-C\); the order is kept and the next `pulumi up` resumes the wait/,
            );
            await expect(create("later.example.com")).to.be.rejectedWith(
                /the engine cancelled the operation \(Ctrl-C\)/,
            );
            expect((await admin.state()).orders).to.equal(2);
        } finally {
            await simulator.close();
        }
    });

    it("names a nested property and its rejected value in the reason, since the engine shows only top-level values", async () => {
        const provider = new SslManagerProvider({ version: "0.1.0" });
        provider.configure({ internetxUser: "reseller", internetxPassword: "secret-password", internetxContext: "4" });
        const inputs = {
            name: "www.example.com",
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            adminContactId: "3001",
            technicalContactId: "3001",
            privateKey: { algorithm: "RSA", rsaBits: 1000 },
        };
        const checked = await provider.check("urn:pulumi:dev::shop::sslmanager:internetx:Certificate::www", {}, inputs);
        expect(checked.failures).to.deep.equal([
            { property: "", reason: "privateKey.rsaBits must be one of 2048, 3072, 4096 bits (got 1000)" },
        ]);
        const product = await provider.check(
            "urn:pulumi:dev::shop::sslmanager:internetx:Certificate::www",
            {},
            { ...inputs, privateKey: { algorithm: "RSA", rsaBits: 2048 }, product: "QUIKSSL" },
        );
        expect(product.failures).to.deep.equal([
            {
                property: "product",
                reason: "QUIKSSL is not a product this provider knows; server certificate products: QUICKSSLPREMIUM, RAPIDSSL, SSL123, SECURESITE, TRUEBUSINESSID",
            },
        ]);
    });

    it("rejects an operation on a type outside the package, naming it", async () => {
        await expect(
            new SslManagerProvider({ version: "0.1.0" }).check(
                "urn:pulumi:dev::shop::sslmanager:internetx:Unknown::x",
                {},
                {},
            ),
        ).to.be.rejectedWith("unknown resource type sslmanager:internetx:Unknown");
    });
});
