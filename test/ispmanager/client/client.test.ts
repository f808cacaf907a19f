import {
    ApiValidationError,
    AuthenticationError,
    MalformedResponseError,
    NotFoundError,
} from "../../../provider/errors";
import { Client } from "../../../provider/ispmanager/client";
import { CertificateOrder, OrderContact } from "../../../provider/ispmanager/certificate";
import { billingCountryId } from "../../../provider/ispmanager/countries";
import { CertificateRow } from "../../../provider/ispmanager/schemas";
import {
    generateKeyAndCsr,
    parseCertificate,
    parseCsr,
    privateKeyMatchesCertificate,
    verifyChain,
} from "../../../provider/x509";
import { RunningIspmanagerSimulator, startIspmanagerSimulator } from "../../../simulator/ispmanager";
import { expect } from "../../support/client";
import { IspmanagerSimulatorAdmin } from "../simulatorAdmin";

const admin: OrderContact = {
    firstName: "Ivan",
    lastName: "Petrov",
    jobTitle: "CTO",
    email: "ivan@example.com",
    phone: "+7 495 1234567",
};
const technical: OrderContact = {
    firstName: "Anna",
    lastName: "Smirnova",
    jobTitle: "Engineer",
    email: "anna@example.com",
    phone: "+7 495 7654321",
};
/** The reselling page's own multi-domain example: GlobalSign DomainSSL, `pricelist=55364`, `addon_55364`. */
const domainSsl = { pricelist: "55364", periodMonths: 12, altNameAddon: "55364" };

async function waitForIssuance(
    client: Client,
    id: string,
    issuance: CertificateRow["issuance"],
    timeoutMs = 10_000,
): Promise<CertificateRow> {
    const started = Date.now();
    for (;;) {
        const row = await client.certificate.info(id);
        if (row.issuance === issuance) return row;
        if (Date.now() - started > timeoutMs)
            throw new Error(`certificate ${id} still ${row.issuance} after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

/** The BILLmanager client against the simulator over real HTTP, in both answer formats and both request methods. */
for (const { format, method } of [
    { format: "bjson", method: "GET" },
    { format: "json", method: "POST" },
] as const) {
    describe(`ispmanager client against the simulator (out=${format}, ${method})`, function () {
        this.timeout(60_000);
        let simulator: RunningIspmanagerSimulator;
        let simulatorAdmin: IspmanagerSimulatorAdmin;
        let client: Client;
        const logLines: string[] = [];

        before(async () => {
            simulator = await startIspmanagerSimulator({ issuanceDelayMs: 100, password: "p@ss:w rd&secret" });
            simulatorAdmin = new IspmanagerSimulatorAdmin(simulator.adminUrl);
            client = new Client({
                url: simulator.url,
                user: simulator.user,
                password: simulator.password,
                format,
                method,
                timeoutMs: 2000,
                requestsPerSecond: 100,
                logger: (line) => logLines.push(line),
            });
        });
        after(async () => {
            await client.close();
            await simulator.close();
        });

        it("lists the countries with their ids, and maps ISO codes through that list", async () => {
            const countries = await client.certificate.countries({ pricelist: "55364", periodMonths: 12 });
            expect(countries).to.deep.include({ key: "182", value: "Russia" });
            expect(billingCountryId("DE", countries)).to.equal("80");
            expect(billingCountryId("182", countries)).to.equal("182");
            expect(billingCountryId("JP", countries)).to.equal(undefined);
            expect(billingCountryId("XX", countries)).to.equal(undefined);
        });

        it("has the billing system generate key and CSR for a multi-domain certificate", async () => {
            const generated = await client.certificate.orderCsr({
                pricelist: "55364",
                periodMonths: 12,
                subject: {
                    domain: "multi.example.com",
                    altNames: ["one.example.com", "two.example.com"],
                    countryId: "182",
                    region: "Moscow",
                    city: "Moscow",
                    organization: "Primer LLC",
                    organizationUnit: "IT",
                },
            });
            const csr = await parseCsr(generated.csr);
            expect(csr.commonName).to.equal("multi.example.com");
            expect(csr.dnsNames).to.deep.equal(["multi.example.com", "one.example.com", "two.example.com"]);
            expect(csr.subject).to.deep.equal({
                country: "RU",
                state: "Moscow",
                locality: "Moscow",
                organization: "Primer LLC",
                organizationalUnit: "IT",
            });
            expect(generated.key).to.match(/^-----BEGIN PRIVATE KEY-----/);
        });

        it("orders a multi-domain certificate with a generated key, waits for the published TXT records, and downloads a chain that verifies", async () => {
            const domain = `dns-${format}.example.com`;
            const altNames = [`a-${format}.example.com`, `b-${format}.example.com`];
            const subject = {
                domain,
                altNames,
                countryId: "182",
                region: "Moscow",
                city: "Moscow",
                organization: "Primer LLC",
            };
            const generated = await client.certificate.orderCsr({ pricelist: "55364", periodMonths: 12, subject });
            const ordersBefore = (await simulatorAdmin.state()).orders;
            const order: CertificateOrder = {
                ...domainSsl,
                crtType: "generate",
                domain,
                altNames,
                subject,
                csr: generated.csr,
                key: generated.key,
                adminContact: admin,
                technicalContact: technical,
                approverEmails: [`admin@${domain}`, `hostmaster@${altNames[0]}`, `webmaster@${altNames[1]}`],
                approverMethod: "auth_dnstxt",
            };
            const placed = await client.certificate.order(order);
            expect(placed.recovered).to.equal(false);
            expect(placed.certificateId).to.match(/^\d+$/);
            expect((await simulatorAdmin.state()).orders).to.equal(ordersBefore + 1);

            const data = await client.certificate.validationData(placed.certificateId);
            expect(data.dnsTxtValue).to.match(/^[0-9a-f]{40}$/);
            expect(data.csr).to.equal(generated.csr);
            await new Promise((resolve) => setTimeout(resolve, 300));
            // The order reached the CA: the service item is active, but nothing is issued yet.
            expect(await client.certificate.info(placed.certificateId)).to.deep.include({
                status: "ACTIVE",
                itemStatus: "2",
                itemStatusText: "Active",
                issuance: "enrolled",
            });

            for (const name of [domain, ...altNames]) await simulatorAdmin.publishTxt(`${name}.`, data.dnsTxtValue!);
            const row = await waitForIssuance(client, placed.certificateId, "issued");
            expect(row).to.deep.include({
                id: placed.certificateId,
                domain,
                statusCode: "2",
                pricelist: "55364",
                pricelistName: "GlobalSign DomainSSL (multi-domain)",
                statusMessage: "Issued",
            });

            const downloaded = await client.certificate.download(placed.certificateId, { csr: generated.csr });
            const leaf = await parseCertificate(downloaded.certificatePem);
            expect(leaf.commonName).to.equal(domain);
            expect(leaf.dnsNames).to.deep.equal([domain, ...altNames]);
            expect(downloaded.intermediatePems).to.deep.equal([simulator.ca.intermediatePem]);
            expect(
                (await verifyChain(downloaded.certificatePem, downloaded.intermediatePems, simulator.ca.rootPem)).valid,
            ).to.equal(true);
            expect(await privateKeyMatchesCertificate(generated.key, downloaded.certificatePem)).to.equal(true);
            expect(row.expiresOn).to.equal(leaf.notAfter.slice(0, 10));
        });

        it("orders with an existing CSR and e-mail validation, then reissues with new alternative names and with a new CSR", async () => {
            const domain = `manual-${format}.example.com`;
            const own = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: domain });
            const placed = await client.certificate.order({
                ...domainSsl,
                crtType: "manual",
                domain,
                csr: own.csrPem,
                adminContact: admin,
                technicalContact: technical,
                approverEmails: [`postmaster@${domain}`],
            });
            await waitForIssuance(client, placed.certificateId, "issued");
            const first = await parseCertificate(
                (await client.certificate.download(placed.certificateId)).certificatePem,
            );
            expect(first.dnsNames).to.deep.equal([domain]);

            const reissuesBefore = (await simulatorAdmin.state()).reissues;
            const altNames = [`www.${domain}`, `api.${domain}`];
            const reissued = await client.certificate.reissue(placed.certificateId, {
                crtType: "altname",
                altNames,
                approverEmails: [`admin@${domain}`, `admin@www.${domain}`, `admin@api.${domain}`],
            });
            expect(reissued).to.deep.equal({ certificateId: placed.certificateId, recovered: false });
            await waitForIssuance(client, placed.certificateId, "issued");
            const second = await parseCertificate(
                (await client.certificate.download(placed.certificateId)).certificatePem,
            );
            expect(second.dnsNames).to.deep.equal([domain, ...altNames]);
            expect(second.serialNumber).not.to.equal(first.serialNumber);
            expect(second.publicKeySha256).to.equal(first.publicKeySha256);

            const fresh = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: domain });
            await client.certificate.reissue(placed.certificateId, {
                crtType: "manual",
                csr: fresh.csrPem,
                approverEmails: [`admin@${domain}`, `admin@www.${domain}`, `admin@api.${domain}`],
            });
            await waitForIssuance(client, placed.certificateId, "issued");
            const third = (await client.certificate.download(placed.certificateId)).certificatePem;
            expect(await privateKeyMatchesCertificate(fresh.privateKeyPem, third)).to.equal(true);
            expect((await simulatorAdmin.state()).reissues).to.equal(reissuesBefore + 2);
        });

        it("sends the parameters the document names, spaces as %20 on GET, and never the password in the log", async () => {
            const domain = `wire-${format}.example.com`;
            const own = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: domain });
            await simulatorAdmin.clearRequests();
            const start = (await simulatorAdmin.requests()).length;
            await client.certificate.order({
                ...domainSsl,
                crtType: "manual",
                domain,
                altNames: [`x.${domain}`, `y.${domain}`],
                csr: own.csrPem,
                adminContact: admin,
                technicalContact: technical,
                approverEmails: [`admin@${domain}`, `admin@x.${domain}`, `admin@y.${domain}`],
            });
            const [logged] = await simulatorAdmin.requests(start);
            expect(logged.method).to.equal(method);
            expect(logged.func).to.equal("certificate.order.param");
            expect(logged.out).to.equal(format);
            expect(logged.params).to.deep.equal({
                authinfo: "[REDACTED]",
                out: format,
                lang: "en",
                func: "certificate.order.param",
                sok: "ok",
                skipbasket: "on",
                crt_type: "manual",
                period: "12",
                pricelist: "55364",
                altname_input: `x.${domain} y.${domain}`,
                altname: `x.${domain} y.${domain}`,
                adm_fname: "Ivan",
                adm_lname: "Petrov",
                adm_jtitle: "CTO",
                adm_email: "ivan@example.com",
                adm_phone: "+7 495 1234567",
                tech_fname: "Anna",
                tech_lname: "Smirnova",
                tech_jtitle: "Engineer",
                tech_email: "anna@example.com",
                tech_phone: "+7 495 7654321",
                approver_email_1: `admin@${domain}`,
                approver_email_2: `admin@x.${domain}`,
                approver_email_3: `admin@y.${domain}`,
                csr: own.csrPem,
                addon_55364: "2",
            });
            const wire = method === "GET" ? logged.url : logged.body;
            expect(wire).to.contain(`altname=x.${domain}%20y.${domain}`);
            expect(wire).to.contain("adm_phone=%2B7%20495%201234567");
            expect(
                wire.startsWith(method === "GET" ? "/billmgr?authinfo=[REDACTED]&out=" : "authinfo=[REDACTED]&out="),
            ).to.equal(true);
            const everything = JSON.stringify(await simulatorAdmin.requests()) + logLines.join("\n");
            for (const fragment of [simulator.password, encodeURIComponent(simulator.password)])
                expect(everything).not.to.contain(fragment);
        });

        it("refuses a wrong password with an AuthenticationError that carries no credential", async () => {
            const wrong = new Client({
                url: simulator.url,
                user: simulator.user,
                password: "not-the-password",
                format,
                method,
            });
            const error = (await wrong.certificate.list().catch((caught) => caught)) as AuthenticationError;
            await wrong.close();
            expect(error).to.be.instanceOf(AuthenticationError);
            expect(error.message).to.equal(
                "certificate failed: Authorization failed: wrong user name or password (HTTP 200, auth); an account with two-factor authentication (2FA) cannot use authinfo: disable 2FA for it or use another account",
            );
            expect(error.statusCode).to.equal("auth");
            expect(JSON.stringify(error.toJSON())).not.to.contain("not-the-password");
        });

        it("reports a deleted certificate as NotFoundError naming elid", async () => {
            const domain = `gone-${format}.example.com`;
            const own = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: domain });
            const placed = await client.certificate.order({
                ...domainSsl,
                crtType: "manual",
                domain,
                csr: own.csrPem,
                adminContact: admin,
                technicalContact: technical,
                approverEmails: [`admin@${domain}`],
            });
            await client.certificate.delete(placed.certificateId);
            const error = (await client.certificate
                .validationData(placed.certificateId)
                .catch((caught) => caught)) as NotFoundError;
            expect(error).to.be.instanceOf(NotFoundError);
            expect(error.message).to.equal(
                `certificate.edit failed: Certificate ${placed.certificateId} not found (HTTP 200, missed elid)`,
            );
            await expect(client.certificate.info(placed.certificateId)).to.be.rejectedWith(
                NotFoundError,
                `certificate ${placed.certificateId} not found`,
            );
        });

        it("refuses an approver address of another domain, naming approver_email_2", async () => {
            const domain = `approver-${format}.example.com`;
            const own = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: domain });
            const error = (await client.certificate
                .order({
                    ...domainSsl,
                    crtType: "manual",
                    domain,
                    altNames: [`www.${domain}`],
                    csr: own.csrPem,
                    adminContact: admin,
                    technicalContact: technical,
                    approverEmails: [`admin@${domain}`, `admin@${domain}`],
                })
                .catch((caught) => caught)) as ApiValidationError;
            expect(error).to.be.instanceOf(ApiValidationError);
            expect(error.statusCode).to.equal("value");
            expect(error.messages[0].objects).to.deep.equal(["approver_email_2"]);
            expect(error.message).to.match(
                /^certificate\.order\.param failed: The value of 'approver_email_2' field is invalid: must be one of admin@www\.approver-/,
            );
        });

        it("re-requests DNS validation, which makes the CA look when it does not look by itself", async () => {
            await simulatorAdmin.settings({ automaticDnsCheck: false });
            const domain = `recheck-${format}.example.com`;
            const own = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: domain });
            const placed = await client.certificate.order({
                ...domainSsl,
                crtType: "manual",
                domain,
                csr: own.csrPem,
                adminContact: admin,
                technicalContact: technical,
                approverEmails: [`admin@${domain}`],
                approverMethod: "auth_dnstxt",
            });
            const data = await client.certificate.validationData(placed.certificateId);
            await simulatorAdmin.publishTxt(domain, data.dnsTxtValue!);
            await new Promise((resolve) => setTimeout(resolve, 250));
            expect((await client.certificate.info(placed.certificateId)).issuance).to.equal("enrolled");
            await client.certificate.recheckDns(placed.certificateId, [domain]);
            await waitForIssuance(client, placed.certificateId, "issued");
            await client.certificate.resendApproverEmail(placed.certificateId, [`admin@${domain}`]);
            const state = await simulatorAdmin.state();
            expect(state.approverEmailsSent).to.be.greaterThanOrEqual(1);
            expect(
                (await client.certificate.downloadValidationFile(placed.certificateId)).startsWith(data.dnsTxtValue!),
            ).to.equal(true);
            await simulatorAdmin.settings({ automaticDnsCheck: true });
        });

        it("does not repeat an order whose answer was lost, and finds it by its CSR instead", async () => {
            const domain = `lost-${format}.example.com`;
            const own = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: domain });
            const ordersBefore = (await simulatorAdmin.state()).orders;
            await simulatorAdmin.fault({
                kind: "reset",
                when: "after",
                count: 1,
                match: { taskCode: "certificate.order.param" },
            });
            const fast = new Client({
                url: simulator.url,
                user: simulator.user,
                password: simulator.password,
                format,
                method,
                timeoutMs: 200,
                requestsPerSecond: 100,
            });
            const placed = await fast.certificate.order({
                ...domainSsl,
                crtType: "manual",
                domain,
                csr: own.csrPem,
                adminContact: admin,
                technicalContact: technical,
                approverEmails: [`admin@${domain}`],
            });
            await fast.close();
            expect(placed.recovered).to.equal(true);
            expect((await simulatorAdmin.state()).orders).to.equal(ordersBefore + 1);
            expect((await client.certificate.info(placed.certificateId)).domain).to.equal(domain);
        });

        it("sends the order reference as remoteid and finds that order by it, not another order of the same domain", async () => {
            const domain = `reference-${format}.example.com`;
            const first = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: domain });
            const second = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: domain });
            const common: Omit<CertificateOrder, "csr"> = {
                ...domainSsl,
                crtType: "manual",
                domain,
                adminContact: admin,
                technicalContact: technical,
                approverEmails: [`admin@${domain}`],
                approverMethod: "auth_dnstxt",
            };
            await simulatorAdmin.clearRequests();
            const placedFirst = await client.certificate.order({
                ...common,
                csr: first.csrPem,
                orderReference: `stack-a-${format}`,
            });
            const placedSecond = await client.certificate.order({
                ...common,
                csr: second.csrPem,
                orderReference: `stack-b-${format}`,
            });
            expect((await simulatorAdmin.requests()).map((request) => request.params.remoteid)).to.deep.equal([
                `stack-a-${format}`,
                `stack-b-${format}`,
            ]);
            const found = await client.certificate.findOrder({ orderReference: `stack-b-${format}` });
            expect(found).to.deep.include({
                id: placedSecond.certificateId,
                domain,
                itemStatus: "2",
                issuance: "enrolled",
            });
            expect((await client.certificate.findOrder({ orderReference: `stack-a-${format}`, domain }))?.id).to.equal(
                placedFirst.certificateId,
            );
            expect(await client.certificate.findOrder({ orderReference: `stack-c-${format}` })).to.equal(undefined);
        });

        it("does not repeat an order with a reference whose answer was lost, and finds it by the reference", async () => {
            const domain = `lost-reference-${format}.example.com`;
            const own = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: domain });
            const ordersBefore = (await simulatorAdmin.state()).orders;
            await simulatorAdmin.fault({
                kind: "reset",
                when: "after",
                count: 1,
                match: { taskCode: "certificate.order.param" },
            });
            const fast = new Client({
                url: simulator.url,
                user: simulator.user,
                password: simulator.password,
                format,
                method,
                timeoutMs: 200,
                requestsPerSecond: 100,
            });
            const placed = await fast.certificate.order({
                ...domainSsl,
                crtType: "manual",
                domain,
                csr: own.csrPem,
                adminContact: admin,
                technicalContact: technical,
                approverEmails: [`admin@${domain}`],
                orderReference: `lost-${format}`,
            });
            await fast.close();
            expect(placed.recovered).to.equal(true);
            expect((await simulatorAdmin.state()).orders).to.equal(ordersBefore + 1);
            expect((await client.certificate.findOrder({ orderReference: `lost-${format}` }))?.id).to.equal(
                placed.certificateId,
            );
        });

        it("repeats reads through 503 answers, and reports a broken body as MalformedResponseError", async () => {
            await simulatorAdmin.fault({ kind: "status", status: 503, count: 2, match: { taskCode: "certificate" } });
            expect(await client.certificate.list()).to.be.an("array");
            await simulatorAdmin.fault({ kind: "malformed", count: 1, match: { taskCode: "certificate" } });
            const once = new Client({
                url: simulator.url,
                user: simulator.user,
                password: simulator.password,
                format,
                method,
                maxAttempts: 1,
                requestsPerSecond: 100,
            });
            const error = (await once.certificate.list().catch((caught) => caught)) as MalformedResponseError;
            await once.close();
            expect(error).to.be.instanceOf(MalformedResponseError);
            expect(error.message).to.equal(
                `certificate: the billing system answered HTTP 200 with a body that is not a ${format} document`,
            );
            expect(error.rawBody).not.to.contain(simulator.password);
        });
    });
}
