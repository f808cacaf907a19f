import { parseCertificate, verifyChain } from "../../provider/x509";
import { crypto, x509 } from "../../provider/x509/crypto";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { adminCall, jsonCall, placeJsonOrder, rsaCsr, seedContact, waitForJob, xmlTask } from "./raw";

const tokenPattern = /^20260101000000[a-z0-9]{50}$/;

async function weakCsr(): Promise<string> {
    const keys = await crypto.subtle.generateKey(
        { name: "RSASSA-PKCS1-v1_5", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
        true,
        ["sign", "verify"],
    );
    return (
        await x509.Pkcs10CertificateRequestGenerator.create({
            name: "CN=weak.example.com",
            keys,
            signingAlgorithm: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
        })
    ).toString("pem");
}

describe("simulator: CertificatePrepareOrder", function () {
    this.timeout(30_000);
    let simulator: RunningSimulator;
    before(async () => {
        simulator = await startSimulator({ requestsPerSecond: 0, issuanceDelayMs: 200 });
    });
    after(() => simulator.close());

    it("answers one DNS and one FILE entry per name of the CSR, each with its name and its own tokens, the record at _dnsauth.<name>. as InterNetX's dev system answered", async () => {
        const csrPem = await rsaCsr("www.example.com", ["example.com"]);
        const answer = await jsonCall(simulator, "POST", "/certificate/_prepareOrder", {
            plain: csrPem,
            product: "QUICKSSLPREMIUM",
        });
        expect(answer.status).to.equal(200);
        expect(answer.body.status).to.deep.equal({
            code: "S400110",
            text: "CSR key was checked successfully.",
            type: "SUCCESS",
        });
        const data = answer.body.data[0];
        expect(data).to.deep.include({
            plain: csrPem,
            name: "www.example.com",
            keySize: 2048,
            countryCode: "DE",
            state: "BY",
            city: "Regensburg",
            organization: "Company GmbH",
            organizationUnit: "Entwicklung",
            product: "QUICKSSLPREMIUM",
            algorithm: "RSA",
            signatureHashAlgorithm: "SHA256",
        });
        const [email, ...perName] = data.authentication;
        expect(email).to.deep.equal({
            method: "EMAIL",
            approverEmails: [
                "admin@example.com",
                "administrator@example.com",
                "hostmaster@example.com",
                "webmaster@example.com",
                "postmaster@example.com",
            ],
        });
        const tokens = perName.map((entry: { dns?: string; fileContent?: string }) =>
            entry.dns ? (JSON.parse(entry.dns.split("\t")[4]) as string) : entry.fileContent!,
        );
        for (const token of tokens) expect(token).to.match(tokenPattern);
        expect(new Set(tokens).size).to.equal(4);
        expect(perName).to.deep.equal([
            {
                name: "www.example.com",
                method: "DNS",
                dns: `_dnsauth.www.example.com.\t300\tIN\tTXT\t"${tokens[0]}"`,
                provisioning: true,
            },
            {
                name: "www.example.com",
                method: "FILE",
                fileName: "http://www.example.com/.well-known/pki-validation/fileauth.txt",
                fileContent: tokens[1],
            },
            {
                name: "example.com",
                method: "DNS",
                dns: `_dnsauth.example.com.\t300\tIN\tTXT\t"${tokens[2]}"`,
                provisioning: true,
            },
            {
                name: "example.com",
                method: "FILE",
                fileName: "http://example.com/.well-known/pki-validation/fileauth.txt",
                fileContent: tokens[3],
            },
        ]);
    });

    it("answers the same token for the same CSR and another for another key", async () => {
        const csrPem = await rsaCsr("same.example.com");
        const first = await jsonCall(simulator, "POST", "/certificate/_prepareOrder", {
            plain: csrPem,
            product: "QUICKSSLPREMIUM",
        });
        const again = await jsonCall(simulator, "POST", "/certificate/_prepareOrder", {
            plain: csrPem,
            product: "RAPIDSSL",
        });
        const other = await jsonCall(simulator, "POST", "/certificate/_prepareOrder", {
            plain: await rsaCsr("same.example.com"),
            product: "QUICKSSLPREMIUM",
        });
        expect(again.body.data[0].authentication[1].dns).to.equal(first.body.data[0].authentication[1].dns);
        expect(other.body.data[0].authentication[1].dns).not.to.equal(first.body.data[0].authentication[1].dns);
    });

    it("answers the XML prepare order as <certificate_request> with repeated <authentication> and CDATA PEM", async () => {
        const csrPem = await rsaCsr("xml.example.com");
        const answer = await xmlTask(simulator, "400110", {
            certificate_request: { plain: { __cdata: csrPem }, product: "QUICKSSLPREMIUM" },
        });
        expect(answer.body.result.status).to.deep.equal({
            code: "S400110",
            text: "CSR key was checked successfully.",
            type: "success",
        });
        const data = answer.body.result.data.certificate_request;
        expect(data).to.deep.include({
            name: "xml.example.com",
            key_size: "2048",
            country_code: "DE",
            organization_unit: "Entwicklung",
            algorithm: "RSA",
            signature_hash_algorithm: "SHA256",
        });
        expect(data.authentication.map((entry: { method: string }) => entry.method)).to.deep.equal([
            "EMAIL",
            "DNS",
            "FILE",
        ]);
        // "CertAuthentication Object": one <approver_email> per address.
        expect(data.authentication[0].approver_email).to.have.length(5);
        expect(data.authentication[2].file_name).to.equal(
            "http://xml.example.com/.well-known/pki-validation/fileauth.txt",
        );
        expect(answer.text).to.contain("<plain><![CDATA[-----BEGIN CERTIFICATE REQUEST-----");
    });

    it("refuses a malformed CSR, a 1024-bit RSA key and an unknown product with 400 error envelopes", async () => {
        const malformed = await jsonCall(simulator, "POST", "/certificate/_prepareOrder", {
            plain: "-----BEGIN CERTIFICATE REQUEST-----\nnot base64\n-----END CERTIFICATE REQUEST-----",
            product: "QUICKSSLPREMIUM",
        });
        expect(malformed.status).to.equal(400);
        expect(malformed.body.status).to.deep.equal({
            code: "E400110",
            text: "The request is invalid.",
            type: "ERROR",
        });
        expect(malformed.body.messages[0].text).to.match(/^plain: the CSR could not be read/);
        const weak = await jsonCall(simulator, "POST", "/certificate/_prepareOrder", {
            plain: await weakCsr(),
            product: "QUICKSSLPREMIUM",
        });
        expect(weak.status).to.equal(400);
        expect(weak.body.messages).to.deep.equal([
            { text: "plain: the key has 1024 bits; at least 2048 are required", code: "EF01010", type: "ERROR" },
        ]);
        const unknown = await jsonCall(simulator, "POST", "/certificate/_prepareOrder", {
            plain: await rsaCsr("a.example.com"),
            product: "NOSUCHPRODUCT",
        });
        expect(unknown.status).to.equal(400);
        expect(unknown.body.messages[0].text).to.equal("product: unknown product NOSUCHPRODUCT");
    });
});

describe("simulator: ordering, jobs, notifications and certificate objects", function () {
    this.timeout(30_000);
    let simulator: RunningSimulator;
    beforeEach(async () => {
        simulator = await startSimulator({ requestsPerSecond: 0, issuanceDelayMs: 200 });
        await jsonCall(simulator, "POST", "/sslcontact", seedContact);
    });
    afterEach(() => simulator.close());

    it("answers N400101 with a RUNNING job, then after the delay SUCCESS and a leaf that chains to the CA", async () => {
        const csrPem = await rsaCsr("shop.example.com", ["www.shop.example.com"]);
        const prepared = await jsonCall(simulator, "POST", "/certificate/_prepareOrder", {
            plain: csrPem,
            product: "QUICKSSLPREMIUM",
        });
        const order = {
            adminContact: { id: 100 },
            technicalContact: { id: 100 },
            name: "shop.example.com",
            lifetime: { unit: "MONTH", period: 12 },
            software: "APACHESSL",
            csr: csrPem,
            product: "QUICKSSLPREMIUM",
            authentication: { ...prepared.body.data[0].authentication[1], provisioning: true },
        };
        const created = await jsonCall(simulator, "POST", "/certificate", order);
        expect(created.status).to.equal(200);
        expect(created.body.status).to.deep.equal({
            code: "N400101",
            text: "Certificate order was started successfully.",
            type: "NOTIFY",
        });
        expect(created.body.object).to.deep.equal({ type: "Certificate", value: "shop.example.com" });
        const jobId = created.body.data[0].id as number;
        expect(created.body.data[0]).to.deep.equal({ id: jobId, status: "RUNNING" });

        // "Certificate Job Info": S300114, object ObjectJob, data [ObjectJob] with the certificate in object.data.
        const running = await jsonCall(simulator, "GET", `/job/${jobId}`);
        expect(running.body.status.code).to.equal("S300114");
        expect(running.body.object).to.deep.equal({ type: "ObjectJob", value: String(jobId) });
        expect(running.body.data[0].job).to.deep.include({
            id: jobId,
            status: "RUNNING",
            subStatus: "WF_DNS_AUTH",
            action: "create",
            subType: "QUICKSSLPREMIUM",
        });
        const certificateId = running.body.data[0].object.data.id as number;
        expect(running.body.data[0].object).to.deep.include({ type: "Certificate", value: "shop.example.com" });
        expect(running.body.data[0].object.data).to.deep.include({
            id: certificateId,
            name: "shop.example.com",
            partnerOrderId: `IX-CC-${jobId}`,
        });
        expect(running.body.data[0].authentication).to.have.length(1);
        const pending = await jsonCall(simulator, "GET", `/certificate/${certificateId}`);
        expect(pending.body.data[0]).to.deep.include({
            id: certificateId,
            name: "shop.example.com",
            orderId: `SIM-${String(certificateId).padStart(6, "0")}`,
        });
        expect(pending.body.data[0]).not.to.have.property("server");
        expect((await adminCall(simulator, "GET", "/state")).body).to.deep.include({
            orders: 1,
            reissues: 0,
            renewals: 0,
        });

        const finished = await waitForJob(simulator, jobId);
        expect(finished.job.status).to.equal("SUCCESS");
        const info = await jsonCall(simulator, "GET", `/certificate/${certificateId}`);
        expect(info.body.status.code).to.equal("S400104");
        const certificate = info.body.data[0];
        const leaf = await parseCertificate(certificate.server);
        expect(leaf.commonName).to.equal("shop.example.com");
        expect([...leaf.dnsNames].sort()).to.deep.equal(["shop.example.com", "www.shop.example.com"]);
        expect(leaf.serialNumber).to.equal(certificate.serialNumber);
        expect(Date.parse(leaf.notAfter) - Date.parse(leaf.notBefore)).to.be.within(365 * 86_400_000, 366 * 86_400_000);
        expect(
            certificate.certificationAuthority.map((authority: { caType: string }) => authority.caType),
        ).to.deep.equal(["INTERMEDIATE", "ROOT"]);
        expect(certificate.certificationAuthority[0].caCertificate).to.equal(simulator.ca.intermediatePem);
        expect(certificate.certificationAuthority[1].caCertificate).to.equal(simulator.ca.rootPem);
        const chain = await verifyChain(
            certificate.server,
            [certificate.certificationAuthority[0].caCertificate],
            certificate.certificationAuthority[1].caCertificate,
        );
        expect(chain.valid).to.equal(true);
    });

    it("shows the issued certificate over XML with ICA1 and ROOT certification authorities as CDATA", async () => {
        const { jobId } = await placeJsonOrder(simulator, "xmlinfo.example.com", 100);
        const runningJob = await xmlTask(simulator, "400114", { certificate_job: { job: { id: String(jobId) } } });
        expect(runningJob.body.result.status.code).to.equal("S300114");
        expect(runningJob.body.result.data.certificate_job[0].job).to.deep.include({
            id: String(jobId),
            status: "RUNNING",
            action: "create",
        });
        const certificateId = runningJob.body.result.data.certificate_job[0].certificate.id as string;
        await waitForJob(simulator, jobId);
        // A finished job has left Certificate Job Info: EF300101 in <msg>, before <status>, and no <data>.
        const finishedJob = await xmlTask(simulator, "400114", { certificate_job: { job: { id: String(jobId) } } });
        expect(Object.keys(finishedJob.body.result)).to.deep.equal(["msg", "status"]);
        expect(finishedJob.body.result.msg[0]).to.deep.include({ code: "EF300101", type: "error" });
        const info = await xmlTask(simulator, "400104", { certificate: { id: certificateId } });
        expect(info.body.result.status).to.deep.equal({
            code: "S400104",
            text: "Certificate data were inquired successfully.",
            type: "success",
            object: { type: "certificate", value: "xmlinfo.example.com" },
        });
        const certificate = info.body.result.data.certificate;
        expect(certificate).to.deep.include({
            id: certificateId,
            name: "xmlinfo.example.com",
            lifetime: "12",
            product: "QUICKSSLPREMIUM",
        });
        expect(certificate.expire).to.match(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
        expect(
            certificate.certification_authority.map((authority: { ca_type: string }) => authority.ca_type),
        ).to.deep.equal(["ICA1", "ROOT"]);
        expect(certificate.admin).to.deep.include({ first: "John", last: "Doe", postal_code: "12345" });
        expect(info.text).to.contain("<server><![CDATA[-----BEGIN CERTIFICATE-----");
        expect(info.text).to.contain("<ca_cert><![CDATA[-----BEGIN CERTIFICATE-----");
    });

    it("places the XML order of InterNetX help 'Ordering SSL Certificates' (<certificate_job>) and refuses a name the CSR does not carry", async () => {
        const csrPem = await rsaCsr("xmlorder.example.com");
        const prepared = await xmlTask(simulator, "400110", {
            certificate_request: { plain: { __cdata: csrPem }, product: "QUICKSSLPREMIUM" },
        });
        const dns = prepared.body.result.data.certificate_request.authentication[1].dns as string;
        const order = (name: string) => ({
            certificate: {
                technical: { id: "100" },
                admin: { id: "100" },
                name,
                product: "QUICKSSLPREMIUM",
                authentication: { method: "DNS", dns, provisioning: "1" },
                lifetime: "12",
                software: "APACHESSL",
                csr: { __cdata: csrPem },
            },
        });
        const created = await xmlTask(simulator, "400101", order("xmlorder.example.com"));
        expect(created.body.result.status).to.deep.equal({
            code: "N400101",
            text: "Certificate order was started successfully.",
            type: "notify",
            object: { type: "certificate", value: "xmlorder.example.com" },
        });
        expect(created.body.result.data.certificate_job[0].job.status).to.equal("RUNNING");
        expect(created.body.result.data.certificate_job[0].job.id).to.match(/^\d+$/);
        const wrong = await xmlTask(simulator, "400101", order("other.example.com"));
        expect(wrong.body.result.status.type).to.equal("error");
        expect(wrong.body.result.msg[0].text).to.equal(
            "name: other.example.com is not in the CSR (xmlorder.example.com)",
        );
    });

    it("refuses an order whose DNS token is not the one prepared for the CSR", async () => {
        const csrPem = await rsaCsr("token.example.com");
        const answer = await jsonCall(simulator, "POST", "/certificate", {
            adminContact: { id: 100 },
            technicalContact: { id: 100 },
            name: "token.example.com",
            lifetime: { unit: "MONTH", period: 12 },
            software: "APACHESSL",
            csr: csrPem,
            product: "QUICKSSLPREMIUM",
            authentication: {
                method: "DNS",
                dns: 'token.example.com.\t\t300\tIN\tTXT\t"2018092608362142n4sbul8rv8ttv7zkhjgzvyim8n1kpa9lys0uqdszxzs0pa0l"',
                provisioning: true,
            },
        });
        expect(answer.status).to.equal(400);
        expect(answer.body.messages[0].text).to.equal(
            "authentication.dns: the token is not the one CertificatePrepareOrder issued for this CSR and name",
        );
        expect((await adminCall(simulator, "GET", "/state")).body.orders).to.equal(0);
    });

    it("refuses unknown contacts, lifetimes and software, each naming the field", async () => {
        const csrPem = await rsaCsr("bad.example.com");
        const base = {
            adminContact: { id: 100 },
            technicalContact: { id: 100 },
            name: "bad.example.com",
            lifetime: { unit: "MONTH", period: 12 },
            software: "APACHESSL",
            csr: csrPem,
            product: "QUICKSSLPREMIUM",
            authentication: { method: "EMAIL", approverEmail: "admin@example.com" },
        };
        const cases: [Record<string, unknown>, number, string][] = [
            [{ technicalContact: { id: 999 } }, 404, "SslContact 999 does not exist."],
            [
                { lifetime: { unit: "MONTH", period: 36 } },
                400,
                "lifetime: 36 months is not offered for QUICKSSLPREMIUM",
            ],
            [{ software: "TOMCAT" }, 400, "software: unknown software TOMCAT"],
            [{ csr: undefined }, 400, "csr: is required"],
        ];
        for (const [change, status, text] of cases) {
            const answer = await jsonCall(simulator, "POST", "/certificate", { ...base, ...change });
            expect([answer.status, answer.body.messages[0].text]).to.deep.equal([status, text]);
        }
    });

    it("queues one notification per finished order, oldest first, until each is confirmed", async () => {
        await adminCall(simulator, "POST", "/settings", { issuanceDelayMs: 1_500 }); // both orders surely RUNNING at the first poll
        const first = await placeJsonOrder(simulator, "first.example.com", 100);
        await new Promise((resolve) => setTimeout(resolve, 20));
        const second = await placeJsonOrder(simulator, "second.example.com", 100);
        const empty = await jsonCall(simulator, "GET", "/poll");
        expect(empty.body.status.code).to.equal("S0905");
        expect(empty.body.object.summary).to.equal(0);
        expect(empty.body.data).to.deep.equal([]);
        await waitForJob(simulator, first.jobId);
        await waitForJob(simulator, second.jobId);

        const oldest = await jsonCall(simulator, "GET", "/poll");
        expect(oldest.body.object).to.deep.equal({
            type: "message",
            value: String(oldest.body.data[0].id),
            summary: 2,
        });
        const message = oldest.body.data[0];
        expect(message.job).to.deep.include({
            id: first.jobId,
            status: "SUCCESS",
            action: "create",
            subType: "QUICKSSLPREMIUM",
        });
        expect(message.object).to.deep.include({ type: "Certificate", value: "first.example.com" });
        expect(message.object.data.server).to.match(/^-----BEGIN CERTIFICATE-----/);
        expect((await jsonCall(simulator, "GET", "/poll")).body.data[0].id).to.equal(message.id);

        const confirmed = await jsonCall(simulator, "PUT", `/poll/${message.id}`);
        expect(confirmed.body.status).to.deep.equal({
            code: "S0906",
            text: "The notification was confirmed successfully.",
            type: "SUCCESS",
        });
        const next = await xmlTask(simulator, "0905");
        expect(next.body.result.data.summary).to.equal("1");
        const xmlMessage = next.body.result.data.message;
        expect(xmlMessage.job.job_id).to.equal(String(second.jobId));
        expect(xmlMessage.job.status).to.deep.include({
            type: "success",
            object: { type: "certificate", value: "second.example.com" },
        });
        expect(xmlMessage.job.certificate.name).to.equal("second.example.com");
        const xmlConfirm = await xmlTask(simulator, "0906", { message: { id: xmlMessage.id } });
        expect(xmlConfirm.body.result.data).to.deep.equal({ summary: "0", message: { id: xmlMessage.id } });
        expect((await jsonCall(simulator, "GET", "/poll")).body.object.summary).to.equal(0);
        const unknown = await jsonCall(simulator, "PUT", `/poll/${message.id}`);
        expect(unknown.status).to.equal(404);
        expect(unknown.body.status.code).to.equal("E0906");
    });

    it("reissues and renews under the same id with new serials, counting neither as an order", async () => {
        const { jobId, csrPem } = await placeJsonOrder(simulator, "again.example.com", 100);
        const certificateId = (await waitForJob(simulator, jobId)).object.data.id as number;
        const issued = (await jsonCall(simulator, "GET", `/certificate/${certificateId}`)).body.data[0];

        const newCsr = await rsaCsr("again.example.com");
        const prepared = await jsonCall(simulator, "POST", "/certificate/_prepareOrder", {
            plain: newCsr,
            product: "QUICKSSLPREMIUM",
        });
        const reissue = await jsonCall(simulator, "PUT", `/certificate/${certificateId}`, {
            ...issued,
            csr: newCsr,
            authentication: { ...prepared.body.data[0].authentication[1], provisioning: true },
        });
        expect(reissue.body.status.code).to.equal("N400101");
        const reissueJob = await waitForJob(simulator, reissue.body.data[0].id);
        expect(reissueJob.job).to.deep.include({ status: "SUCCESS", action: "reissue" });
        const reissued = (await jsonCall(simulator, "GET", `/certificate/${certificateId}`)).body.data[0];
        expect(reissued.serialNumber).not.to.equal(issued.serialNumber);
        expect(reissued.csr).to.equal(newCsr);
        expect(reissued.histories.map((history: { serialNumber: string }) => history.serialNumber)).to.deep.equal([
            issued.serialNumber,
        ]);
        expect(csrPem).not.to.equal(newCsr);

        // "Certificate Renew": refused (EF4001012) until 90 days before expiry; then accepted as N400106.
        const early = await jsonCall(simulator, "PUT", `/certificate/${certificateId}/_renew`, reissued);
        expect([early.status, early.body.status.code, early.body.messages[0].code]).to.deep.equal([
            400,
            "E400106",
            "EF4001012",
        ]);
        await adminCall(simulator, "POST", "/settings", { renewalWindowDays: 400 });
        const renewal = await jsonCall(simulator, "PUT", `/certificate/${certificateId}/_renew`, reissued);
        expect(renewal.body.status.code).to.equal("N400106");
        expect((await waitForJob(simulator, renewal.body.data[0].id)).job).to.deep.include({
            status: "SUCCESS",
            action: "renew",
        });
        const renewed = (await jsonCall(simulator, "GET", `/certificate/${certificateId}`)).body.data[0];
        expect(renewed.serialNumber).not.to.equal(reissued.serialNumber);
        expect((await adminCall(simulator, "GET", "/state")).body).to.deep.include({
            orders: 1,
            reissues: 1,
            renewals: 1,
        });
    });

    it("finds pending and issued certificates by name, orderId and created, and deletes them for good", async () => {
        const first = await placeJsonOrder(simulator, "alpha.example.com", 100);
        // `created` is 00:00:00 of the order's day (the examples of "Ordering SSL Certificates"): a second before today's start.
        const now = new Date();
        const before = new Date(
            Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 1000,
        ).toISOString();
        await placeJsonOrder(simulator, "beta.example.com", 100);
        await waitForJob(simulator, first.jobId);
        const byName = await jsonCall(simulator, "POST", "/certificate/_search", {
            filters: [{ key: "name", value: "*.example.com", operator: "LIKE" }],
        });
        expect(byName.body.status.code).to.equal("S400105");
        expect(byName.body.object.summary).to.equal(2);
        expect(byName.body.data.map((certificate: { name: string }) => certificate.name)).to.deep.equal([
            "alpha.example.com",
            "beta.example.com",
        ]);
        const beta = byName.body.data[1];
        const byOrder = await jsonCall(simulator, "POST", "/certificate/_search", {
            filters: [{ key: "orderId", value: beta.orderId, operator: "EQUAL" }],
        });
        expect(byOrder.body.data.map((certificate: { id: number }) => certificate.id)).to.deep.equal([beta.id]);
        const created = await jsonCall(simulator, "POST", "/certificate/_search", {
            filters: [{ key: "created", value: before, operator: "GREATER" }],
        });
        expect(created.body.object.summary).to.equal(2);
        const future = await jsonCall(simulator, "POST", "/certificate/_search", {
            filters: [{ key: "created", value: before, operator: "LESS" }],
        });
        expect(future.body.object.summary).to.equal(0);

        // "CertificateDelete": N400103 with the cancellation job; the certificate goes when the job has finished.
        await adminCall(simulator, "POST", "/settings", { cancellationDelayMs: 300 });
        const deletion = await jsonCall(simulator, "DELETE", `/certificate/${beta.id}`);
        expect(deletion.body.status).to.deep.equal({
            code: "N400103",
            text: "Certificate cancelation could be started successfully.",
            type: "NOTIFY",
        });
        expect(deletion.body.data[0]).to.deep.include({ status: "RUNNING" });
        expect((await jsonCall(simulator, "GET", `/certificate/${beta.id}`)).status).to.equal(200);
        expect((await waitForJob(simulator, deletion.body.data[0].id)).job).to.deep.include({
            status: "SUCCESS",
            action: "delete",
        });
        const gone = await jsonCall(simulator, "GET", `/certificate/${beta.id}`);
        expect(gone.status).to.equal(404);
        expect(gone.body.status).to.deep.equal({
            code: "E400104",
            text: "Certificate could not be found.",
            type: "ERROR",
        });
        expect((await jsonCall(simulator, "DELETE", `/certificate/${beta.id}`)).status).to.equal(404);
    });

    it("orders an S/MIME certificate without a CSR: the simulator makes the key, name and approver are the address", async () => {
        const order = {
            certificate: {
                certificate_type: "MAIL",
                product: "GLOBALSIGN_PERSONALSIGN_1",
                lifetime: "36",
                name: { __cdata: "joe.sample@example.com" },
                password: "download-secret",
                firstname: "Joe",
                lastname: "Sample",
                organization_unit_name: "Development Department",
                has_csr: "false",
                admin: { id: "100" },
            },
        };
        const created = await xmlTask(simulator, "400101", order);
        expect(created.body.result.status.code).to.equal("N400101");
        const job = await waitForJob(simulator, Number(created.body.result.data.certificate_job[0].job.id));
        expect(job.job.status).to.equal("SUCCESS");
        const certificate = (await jsonCall(simulator, "GET", `/certificate/${job.object.data.id}`)).body.data[0];
        expect(certificate).to.deep.include({
            certificateType: "MAIL",
            approverEmail: "joe.sample@example.com",
            hasCsr: false,
            firstname: "Joe",
            lastname: "Sample",
        });
        const leaf = await parseCertificate(certificate.server);
        expect(leaf.commonName).to.equal("joe.sample@example.com");
        const missing = await xmlTask(simulator, "400101", {
            certificate: { ...order.certificate, password: undefined },
        });
        expect(missing.body.result.msg[0].text).to.equal("password: is required for S/MIME certificates");
        const log = (await adminCall(simulator, "GET", "/requests")).body as { body: string }[];
        expect(JSON.stringify(log)).not.to.contain("download-secret");
    });
});
