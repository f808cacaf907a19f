import { FakeEngine, logSeverity } from "../engine/harness/engine";
import { secret } from "../engine/harness/providerServer";
import { expect } from "../support/client";
import { NativeProviderServer } from "./nativeProviderServer";

const contact = (firstName: string) => ({
    firstName,
    lastName: "Petrov",
    jobTitle: "CTO",
    email: `${firstName.toLowerCase()}@example.com`,
    phone: "+7 495 1234567",
});
const order = {
    domain: "shop.example.com",
    // Comodo Positive SSL: the sources name no validation methods for it, so check refuses none (docs/ispmanager.md).
    pricelist: "3033",
    periodMonths: 12,
    country: "182",
    region: "Moscow",
    city: "Moscow",
    organization: "Primer LLC",
    adminContact: contact("Ivan"),
    technicalContact: contact("Anna"),
};

/** Warnings of check as the CLI receives them from the native provider: Log requests to the engine, severity warning, under the resource's URN. */
describe("the native provider's check warnings, over the provider protocol", function () {
    this.timeout(120_000);
    let engine: FakeEngine;
    let server: NativeProviderServer;

    before(async () => {
        engine = await new FakeEngine().start();
        server = await new NativeProviderServer(engine.address).start();
        // Credentials only: check sends no request.
        await server.configure({
            ispmanagerUrl: "https://billing.example.net/billmgr",
            ispmanagerUser: "reseller",
            ispmanagerPassword: secret("s3cret-pass"),
        });
    });
    after(async () => {
        await server?.stop();
        await engine?.stop();
    });

    it("warns under ispmanager.Certificate when approverEmails come with CNAME validation, naming the method that would use them, and accepts the inputs", async () => {
        const urn = server.urn("sslmanager:ispmanager:Certificate", "cname");
        const checked = await server.check(
            urn,
            {},
            { ...order, validationMethod: "CNAME", approverEmails: { "shop.example.com": "admin@shop.example.com" } },
        );
        expect(checked.failures).to.deep.equal([]);
        expect(await engine.logged((entry) => entry.urn === urn)).to.deep.equal({
            severity: logSeverity.warning,
            message:
                'approverEmails (admin@shop.example.com) are unused: validationMethod is CNAME, where the CA checks a CNAME record and sends no approval e-mail. Set validationMethod: "EMAIL" to have the CA send its approval e-mail to these addresses, or remove approverEmails.',
            urn,
        });
    });

    it("sends no warning when the approverEmails come with EMAIL validation", async () => {
        const urn = server.urn("sslmanager:ispmanager:Certificate", "email");
        const checked = await server.check(
            urn,
            {},
            { ...order, validationMethod: "EMAIL", approverEmails: { "shop.example.com": "admin@shop.example.com" } },
        );
        expect(checked.failures).to.deep.equal([]);
        // The next check warns: its line, sent later on the same connection, marks that this check sent none before it.
        const marker = server.urn("sslmanager:ispmanager:Certificate", "marker");
        await server.check(marker, {}, { ...order, approverEmails: { "shop.example.com": "admin@shop.example.com" } });
        await engine.logged((entry) => entry.urn === marker);
        expect(engine.logs.filter((entry) => entry.urn === urn)).to.deep.equal([]);
    });
});
