import { createServer } from "node:net";
import { generateKeyAndCsr } from "../../provider/x509";
import { checkCertificateInputs } from "../../provider/resources/certificate/check";
import { checkDomainValidationInputs } from "../../provider/resources/domainValidation/check";
import { endpointOrigin } from "../../provider/resources/endpoint";
import { checkIspmanagerCertificateInputs } from "../../provider/resources/ispmanager/check";
import { checkSmimeInputs } from "../../provider/resources/smime/check";
import { checkSslContactInputs } from "../../provider/resources/sslContact/check";
import { withClient } from "../../provider/resources/connection";
import { unknownValue } from "../../provider/resources/unknowns";
import { validationProgress } from "../../provider/resources/certificate/validationProgress";
import { expect } from "../support/client";
import { testContactInputs } from "../support/stack";

/** A first preview: the contact's id comes from a resource not created yet. */
const freshStack = {
    product: "QUICKSSLPREMIUM",
    lifetimeMonths: 12,
    adminContactId: unknownValue,
    technicalContactId: unknownValue,
};
const generated = { name: "www.example.com", privateKey: { algorithm: "ECDSA", curve: "P256" } };
const ispmanagerContact = {
    firstName: "Ivan",
    lastName: "Petrov",
    jobTitle: "Administrator",
    email: "admin@example.com",
    phone: "+7 495 1234567",
};
const ispmanagerOrder = {
    domain: "example.com",
    pricelist: "4071",
    periodMonths: 12,
    country: "RU",
    region: "Moscow",
    city: "Moscow",
    organization: "Primer LLC",
    adminContact: ispmanagerContact,
    technicalContact: ispmanagerContact,
};

describe("check at preview: every known value validated, only unknown ones left for up", () => {
    it("refuses a 1024-bit key while the contact id is unknown, naming the allowed sizes and the rejected value", async () => {
        const result = await checkCertificateInputs({
            ...freshStack,
            name: "www.example.com",
            privateKey: { algorithm: "RSA", rsaBits: 1024 },
        });
        expect(result.failures).to.deep.equal([
            { property: "privateKey.rsaBits", reason: "must be one of 2048, 3072, 4096 bits (got 1024)" },
        ]);
    });

    it("refuses a malformed alternative name with the name in the reason while the contact id is unknown", async () => {
        const result = await checkCertificateInputs({
            ...freshStack,
            ...generated,
            subjectAlternativeNames: ["example.com", "www..example.com"],
        });
        expect(result.failures).to.deep.equal([
            {
                property: "subjectAlternativeNames[1]",
                reason: 'must be a DNS name like example.com or *.example.com (got "www..example.com")',
            },
        ]);
    });

    it("refuses a term the product does not offer while the contact id is unknown", async () => {
        const result = await checkCertificateInputs({ ...freshStack, ...generated, lifetimeMonths: 7 });
        expect(result.failures).to.deep.equal([
            { property: "lifetimeMonths", reason: "7 months is not offered for QUICKSSLPREMIUM; allowed: 12, 24" },
        ]);
    });

    it("refuses a product missing from the product table, listing the server certificate products", async () => {
        const result = await checkCertificateInputs({ ...freshStack, ...generated, product: "NOSUCHSSL" });
        expect(result.failures).to.deep.equal([
            {
                property: "product",
                reason: "NOSUCHSSL is not a product this provider knows; server certificate products: QUICKSSLPREMIUM, RAPIDSSL, SSL123, SECURESITE, TRUEBUSINESSID",
            },
        ]);
    });

    it("passes valid inputs with an unknown contact id through unchanged, for up to check again", async () => {
        const inputs = { ...freshStack, ...generated, subjectAlternativeNames: ["example.com"] };
        expect(await checkCertificateInputs(inputs)).to.deep.equal({ inputs, failures: [] });
    });

    it("checks a known CSR against known names while the contact id is unknown", async () => {
        const { csrPem } = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "a.example.com",
        });
        const result = await checkCertificateInputs({
            ...freshStack,
            csr: csrPem,
            subjectAlternativeNames: [unknownValue, "b.example.com"],
        });
        expect(result.failures).to.deep.equal([
            {
                property: "subjectAlternativeNames[1]",
                reason: "b.example.com is not in the CSR, which names a.example.com",
            },
        ]);
    });

    it("leaves a rule that an unknown value may satisfy for up (EMAIL validation with unknown approver addresses)", async () => {
        const inputs = { ...freshStack, ...generated, validation: { method: "EMAIL", approverEmails: unknownValue } };
        expect((await checkCertificateInputs(inputs)).failures).to.deep.equal([]);
    });

    it("still names an argument the resource does not have when other values are unknown", async () => {
        const result = await checkCertificateInputs({ ...freshStack, ...generated, lifetime: 12 });
        expect(result.failures).to.deep.equal([{ property: "(inputs)", reason: "has no argument lifetime" }]);
    });

    it("refuses a bad contact field while another field is unknown", () => {
        const result = checkSslContactInputs({ ...testContactInputs, email: "ada", state: unknownValue });
        expect(result.failures).to.deep.equal([
            { property: "email", reason: 'must be an email address like admin@example.com (got "ada")' },
        ]);
    });

    it("refuses a short S/MIME download password and an unknown S/MIME product while the contact id is unknown", async () => {
        const result = await checkSmimeInputs({
            email: "joe@example.com",
            product: "PERSONALSIGN",
            lifetimeMonths: 12,
            adminContactId: unknownValue,
            firstName: "Joe",
            lastName: "Sample",
            downloadPassword: "short",
        });
        expect(result.failures).to.deep.equal([
            { property: "downloadPassword", reason: "needs at least 8 characters" },
            {
                property: "product",
                reason: "PERSONALSIGN is not a product this provider knows; S/MIME products: GLOBALSIGN_PERSONALSIGN_1, GLOBALSIGN_PERSONALSIGN_2",
            },
        ]);
    });

    it("refuses an unknown product of a DomainValidation whose CSR is unknown", async () => {
        const result = await checkDomainValidationInputs({ csr: unknownValue, product: "NOSUCHSSL" });
        expect(result.failures).to.deep.equal([
            {
                property: "product",
                reason: "NOSUCHSSL is not a product this provider knows; server certificate products: QUICKSSLPREMIUM, RAPIDSSL, SSL123, SECURESITE, TRUEBUSINESSID",
            },
        ]);
    });

    it("never shows a secret in a reason", async () => {
        const result = await checkSmimeInputs({
            email: "joe@example.com",
            product: "GLOBALSIGN_PERSONALSIGN_1",
            lifetimeMonths: 12,
            adminContactId: "1",
            firstName: "Joe",
            lastName: "Sample",
            downloadPassword: "hunter2",
        });
        expect(result.failures).to.deep.equal([
            { property: "downloadPassword", reason: "needs at least 8 characters" },
        ]);
    });
});

describe("ids as integers or strings", () => {
    it("takes InterNetX contact and certificate ids given as integers and keeps them as strings", async () => {
        const result = await checkCertificateInputs({
            ...generated,
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            adminContactId: 100,
            technicalContactId: "101",
            importCertificateId: 7,
        });
        expect([
            result.failures,
            result.inputs?.adminContactId,
            result.inputs?.technicalContactId,
            result.inputs?.importCertificateId,
        ]).to.deep.equal([[], "100", "101", "7"]);
    });

    it("takes the S/MIME contact id as an integer", async () => {
        const result = await checkSmimeInputs({
            email: "joe@example.com",
            product: "GLOBALSIGN_PERSONALSIGN_1",
            lifetimeMonths: 12,
            adminContactId: 100,
            firstName: "Joe",
            lastName: "Sample",
            downloadPassword: "long enough",
        });
        expect([result.failures, result.inputs?.adminContactId]).to.deep.equal([[], "100"]);
    });

    it("refuses a negative or fractional id, naming what it must be", async () => {
        const result = await checkCertificateInputs({
            ...generated,
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            adminContactId: -1,
            technicalContactId: 1.5,
        });
        expect(result.failures).to.deep.equal([
            {
                property: "adminContactId",
                reason: "must be an SslContact id: an integer or a string of digits (got -1)",
            },
            {
                property: "technicalContactId",
                reason: "must be an SslContact id: an integer or a string of digits (got 1.5)",
            },
        ]);
    });

    it("takes BILLmanager price list, add-on and country ids as integers and defaults the add-on code to the price list", async () => {
        const result = await checkIspmanagerCertificateInputs({
            ...ispmanagerOrder,
            pricelist: 55364,
            country: 182,
            altNames: ["www.example.com"],
        });
        expect([
            result.failures,
            result.inputs?.pricelist,
            result.inputs?.altNameAddon,
            result.inputs?.country,
        ]).to.deep.equal([[], "55364", "55364", "182"]);
    });

    it("keeps an add-on code that is given, and sets none without additional domains", async () => {
        const given = await checkIspmanagerCertificateInputs({
            ...ispmanagerOrder,
            altNames: ["www.example.com"],
            altNameAddon: 55365,
        });
        const single = await checkIspmanagerCertificateInputs(ispmanagerOrder);
        expect([given.inputs?.altNameAddon, single.inputs?.altNameAddon]).to.deep.equal(["55365", undefined]);
    });
});

describe("ispmanager.Certificate's approver e-mails with a validation method that sends no e-mail", () => {
    const approverEmails = { "example.com": "hostmaster@example.com" };
    const emailsUnused = (given: string, checks: string) =>
        `approverEmails (hostmaster@example.com) are unused: ${given}, where the CA checks ${checks} and sends no approval e-mail. Set validationMethod: "EMAIL" to have the CA send its approval e-mail to these addresses, or remove approverEmails.`;

    it("warns, and still accepts the inputs, when no validationMethod is given: DNS is the default", async () => {
        const result = await checkIspmanagerCertificateInputs({ ...ispmanagerOrder, approverEmails });
        expect([result.failures, result.inputs?.validationMethod, result.warnings]).to.deep.equal([
            [],
            "DNS",
            [emailsUnused("no validationMethod is given, so it is DNS (the default)", "a DNS TXT record")],
        ]);
    });

    it("warns when validationMethod is DNS or CNAME, naming the method and what the CA checks instead", async () => {
        const dns = await checkIspmanagerCertificateInputs({
            ...ispmanagerOrder,
            approverEmails,
            validationMethod: "DNS",
        });
        const cname = await checkIspmanagerCertificateInputs({
            ...ispmanagerOrder,
            approverEmails,
            validationMethod: "CNAME",
        });
        expect([dns.warnings, cname.warnings]).to.deep.equal([
            [emailsUnused("validationMethod is DNS", "a DNS TXT record")],
            [emailsUnused("validationMethod is CNAME", "a CNAME record")],
        ]);
    });

    it("warns nothing with EMAIL validation, without approverEmails, or while the method is unknown at preview", async () => {
        const email = await checkIspmanagerCertificateInputs({
            ...ispmanagerOrder,
            approverEmails,
            validationMethod: "EMAIL",
        });
        const none = await checkIspmanagerCertificateInputs({ ...ispmanagerOrder, validationMethod: "DNS" });
        const unknown = await checkIspmanagerCertificateInputs({
            ...ispmanagerOrder,
            approverEmails,
            validationMethod: unknownValue,
        });
        expect([email.warnings, none.warnings, unknown.warnings]).to.deep.equal([[], [], []]);
    });
});

describe("a connection that reaches nothing says where it tried and where the URL came from", () => {
    it("names each origin in the order the settings are read", () => {
        const base = {
            argumentName: "connection.url",
            stackConfigKey: "internetx:url",
            environmentVariable: "AUTODNS_URL",
            defaultUrl: "https://api.autodns.com/v1",
        };
        expect([
            endpointOrigin({ ...base, argument: "http://a", stackConfig: "http://b", environment: "http://c" }),
            endpointOrigin({ ...base, stackConfig: "http://b", environment: "http://c" }),
            endpointOrigin({ ...base, environment: "http://c" }),
            endpointOrigin(base),
        ]).to.deep.equal([
            { url: "http://a", origin: "the resource argument connection.url" },
            { url: "http://b", origin: "the stack config internetx:url" },
            { url: "http://c", origin: "the environment variable AUTODNS_URL" },
            {
                url: "https://api.autodns.com/v1",
                origin: "the default (set internetx:url or AUTODNS_URL to change it)",
            },
        ]);
    });

    it("reports a refused connection with host, port and the stack config key", async () => {
        const port = await closedPort();
        const stackConfig = {
            "internetx:url": `http://127.0.0.1:${port}/v1`,
            "internetx:user": "user",
            "internetx:password": "secret",
            "internetx:context": "4",
        };
        await expect(withClient({}, { stackConfig }, (client) => client.sslcontact.info("1"))).to.be.rejectedWith(
            `SslContactInfo: GET /v1/sslcontact/1 failed (ECONNREFUSED): could not connect to 127.0.0.1:${port} (http://127.0.0.1:${port}/v1, from the stack config internetx:url)`,
        );
    });
});

/** A loopback port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise((resolve) => server.close(resolve));
    return port;
}

describe("the status line of a wait", () => {
    it("names the first name still waiting and how many are done, from Job Info's per-name validation status", () => {
        const report = {
            dcvAuth: [
                { domain: "example.com", status: "COMPLETED" },
                { domain: "www.example.com", status: "IN_PROGRESS" },
                { domain: "shop.example.com", status: "COMPLETED_PASSED" },
            ],
        };
        expect(validationProgress(report, "DNS")).to.equal(
            "waiting for DNS validation of www.example.com, 2 of 3 names done",
        );
    });

    it("says validation is done and the CA is issuing when every name is done", () => {
        expect(validationProgress({ dcvAuth: [{ domain: "example.com", status: "COMPLETED" }] }, "EMAIL")).to.equal(
            "approval by e-mail done for all 1 name; waiting for the CA to issue",
        );
    });

    it("says nothing when the API reports no names", () => {
        expect(validationProgress({ dcvAuth: [] }, "DNS")).to.equal(undefined);
        expect(validationProgress(undefined, "DNS")).to.equal(undefined);
    });
});
