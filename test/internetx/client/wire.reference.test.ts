import { NotFoundError, RenewalTooEarlyError } from "../../../provider/errors";
import { Client } from "../../../provider/internetx/client";
import { RecordingServer } from "../../support/recordingServer";
import { expect, xmlTree } from "../../support/client";

type Json = Record<string, any>;

/**
 * The tasks and shapes beyond the ordering examples, each request compared with what the published reference
 * documents and each answer shaped as its examples show (help pages "Certificate Job Info", "Certificate Job List",
 * "Managing Certificate Orders", "CertificateDelete", "Certificate Renew", "Running List Inquiries", "XML API Basics").
 */
const userAgent = /^pulumi-sslmanager\/\d+\.\d+\.\d+/;

/** The "Certificate Job Info" example: a DEFERRED job waiting for DNS validation, the certificate in object.data. */
const jobInfoExample = {
    stid: "20210406-app3-dev-10808",
    status: { code: "S300114", text: "Der Workflow-Auftrag wurde erfolgreich ermittelt.", type: "SUCCESS" },
    object: { type: "ObjectJob", value: "4299710353" },
    data: [
        {
            job: {
                created: "2021-03-29T15:48:25.000+0200",
                updated: "2021-04-06T13:52:18.000+0200",
                owner: { context: 9, user: "exampleuser" },
                status: "DEFERRED",
                subStatus: "WF_DNS_AUTH",
                execution: "2021-04-06T14:02:18.000+0200",
                subType: "BASIC_SSL",
                action: "create",
                id: 4299710353,
            },
            object: {
                type: "Certificate",
                value: "example.xn--p1ai",
                data: { id: 1658050, partnerOrderId: "IX-CC-4299720353", adminContact: { id: -1 } },
            },
            authentication: [{ status: "WAIT", step: "DOMAIN_VERIFICATION" }],
        },
    ],
};

describe("JSON wire format of the reference's job, delete, renew and revoke tasks", () => {
    let server: RecordingServer;
    let client: Client;
    beforeEach(async () => {
        server = await new RecordingServer().start();
        client = new Client({
            url: `${server.url}/v1`,
            user: "user",
            password: "s3cret-password",
            context: "9",
            requestsPerSecond: 50,
        });
    });
    afterEach(async () => {
        await client.close();
        await server.stop();
    });
    const last = () => server.requests[server.requests.length - 1];

    it("sends Certificate Job Info as GET /job/{id} with a User-Agent and a ctid, and reads the ObjectJob of the help page's example", async () => {
        server.respondWith({ body: JSON.stringify(jobInfoExample) });
        const job = await client.job.info("4299710353");
        expect(last()).to.include({ method: "GET", url: "/v1/job/4299710353" });
        expect(last().headers["user-agent"]).to.match(userAgent);
        expect(last().headers["x-domainrobot-ctid"]).to.match(/^sslm-[0-9a-f-]{36}$/);
        expect(job).to.deep.include({
            id: "4299710353",
            status: "DEFERRED",
            subStatus: "WF_DNS_AUTH",
            action: "create",
            subType: "BASIC_SSL",
            created: "2021-03-29T13:48:25.000Z",
            reasons: [],
        });
        expect(job.object?.data).to.deep.include({ id: "1658050", partnerOrderId: "IX-CC-4299720353" });
        expect(job.authentication).to.deep.equal([{ status: "WAIT", step: "DOMAIN_VERIFICATION" }]);
    });

    it("takes EF300101 from Job Info (the job has finished) for NotFoundError", async () => {
        server.respondWith({
            status: 404,
            body: JSON.stringify({
                stid: "s-1",
                status: { code: "E300114", text: "Job not found.", type: "ERROR" },
                messages: [{ text: "Job not found.", code: "EF300101", type: "ERROR" }],
            }),
        });
        await expect(client.job.info("1")).to.be.rejectedWith(
            NotFoundError,
            /^JobInfo failed: Job not found\. \(HTTP 404, E300114\/EF300101, stid s-1, ctid sslm-/,
        );
    });

    it("sends Certificate Job List as POST /job/_search with the filter's conditions, several ids as one OR group", async () => {
        // The "Managing Certificate Orders" example (its DEFFERED spelling included).
        server.respondWith({
            body: JSON.stringify({
                stid: "20180926-stid",
                status: { code: "S300115", text: "Request data has been inquired successfully.", type: "SUCCESS" },
                object: { type: "ObjectJob", summary: 1 },
                data: [
                    {
                        job: {
                            created: "2019-10-23T16:12:33.000+0200",
                            status: "DEFFERED",
                            subStatus: "WF_EMAIL_AUTH",
                            subType: "RAPID_SSL",
                            action: "create",
                            id: 12345,
                        },
                        object: { type: "Certificate", value: "domain.de" },
                    },
                ],
            }),
        });
        const entries = await client.job.list({
            ids: ["12345", "12346"],
            action: "create",
            status: "DEFERRED",
            subStatus: "WF_EMAIL_AUTH",
            createdAfter: new Date("2019-10-23T00:00:00Z"),
        });
        expect(last()).to.include({ method: "POST", url: "/v1/job/_search" });
        expect(JSON.parse(last().body)).to.deep.equal({
            filters: [
                {
                    link: "OR",
                    filters: [
                        { key: "id", value: "12345", operator: "EQUAL" },
                        { key: "id", value: "12346", operator: "EQUAL" },
                    ],
                },
                { key: "action", value: "create", operator: "EQUAL" },
                { key: "status", value: "DEFERRED", operator: "EQUAL" },
                { key: "subStatus", value: "WF_EMAIL_AUTH", operator: "EQUAL" },
                { key: "created", value: "2019-10-23T00:00:00.000+0000", operator: "GREATER_EQUAL" },
            ],
            view: { limit: 100, offset: 0 },
        });
        expect(entries).to.deep.equal([
            {
                jobId: "12345",
                status: "DEFERRED",
                subStatus: "WF_EMAIL_AUTH",
                action: "create",
                certificateId: undefined,
                orderReference: undefined,
                name: "domain.de",
                created: "2019-10-23T14:12:33.000Z",
                reasons: [],
            },
        ]);
    });

    it("sends CertificateDelete as DELETE /certificate/{id} and answers the cancellation's job (N400103)", async () => {
        server.respondWith({
            body: JSON.stringify({
                stid: "s",
                status: {
                    code: "N400103",
                    text: "Certificate cancelation could be started successfully.",
                    type: "NOTIFY",
                },
                data: [{ id: 777, status: "RUNNING" }],
            }),
        });
        expect(await client.certificate.delete("41")).to.deep.equal({ jobId: "777" });
        expect(last()).to.include({ method: "DELETE", url: "/v1/certificate/41" });
    });

    it("sends Certificate Renew as PUT /certificate/{id}/_renew and turns EF4001012 into RenewalTooEarlyError", async () => {
        server.respondWith({
            status: 400,
            body: JSON.stringify({
                stid: "s",
                status: { code: "E400106", text: "Renewal not possible.", type: "ERROR" },
                messages: [{ text: "The certificate cannot be renewed yet.", code: "EF4001012", type: "ERROR" }],
            }),
        });
        const error = (await client.certificate
            .renew("41", { name: "example.com", product: "QUICKSSLPREMIUM", lifetimeMonths: 12, adminContactId: "1" })
            .catch((caught) => caught)) as RenewalTooEarlyError;
        expect(last()).to.include({ method: "PUT", url: "/v1/certificate/41/_renew" });
        expect(error).to.be.instanceOf(RenewalTooEarlyError);
        expect(error.code).to.equal("RENEWAL_TOO_EARLY");
        expect(server.requests).to.have.length(1);
    });

    it("sends revocation as POST /certificate/{id}/_revoke and answers its job", async () => {
        server.respondWith({
            body: JSON.stringify({
                stid: "s",
                status: { code: "N4001031", text: "started", type: "NOTIFY" },
                data: [{ id: 778, status: "RUNNING" }],
            }),
        });
        expect(await client.certificate.revoke("41")).to.deep.equal({ jobId: "778" });
        expect(last()).to.include({ method: "POST", url: "/v1/certificate/41/_revoke" });
    });

    it("marks every request of a demo connection with X-Domainrobot-Demo (a parameter of every swagger route)", async () => {
        const demo = new Client({
            url: `${server.url}/v1`,
            user: "user",
            password: "p",
            context: "9",
            demo: true,
            requestsPerSecond: 50,
        });
        server.respondWith({
            body: JSON.stringify({
                stid: "s",
                status: { code: "S400105", text: "", type: "SUCCESS" },
                object: { summary: 0 },
                data: [],
            }),
        });
        await demo.certificate.list();
        await demo.close();
        expect(last().headers["x-domainrobot-demo"]).to.equal("true");
    });

    it("sends the order reference as the certificate's comment", async () => {
        server.respondWith({
            body: JSON.stringify({
                stid: "s",
                status: { code: "N400101", text: "started", type: "NOTIFY" },
                data: [{ id: 5, status: "RUNNING" }],
            }),
        });
        await client.certificate.create({
            name: "example.com",
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            adminContactId: "1",
            csr: "x",
            orderReference: "stack-dev/urn-1",
        });
        expect(JSON.parse(last().body).comment).to.equal("stack-dev/urn-1");
    });
});

describe("XML wire format of the reference's job, delete, renew and revoke tasks", () => {
    let server: RecordingServer;
    let client: Client;
    beforeEach(async () => {
        server = await new RecordingServer().start();
        client = new Client({
            protocol: "xml",
            xmlUrl: server.url,
            user: "USER",
            password: "PASSWORD",
            context: "4",
            requestsPerSecond: 50,
        });
    });
    afterEach(async () => {
        await client.close();
        await server.stop();
    });
    const sentTask = (): Json => {
        const request = server.requests[server.requests.length - 1];
        expect(request.headers["content-type"]).to.equal("application/xml; charset=utf-8");
        expect(request.headers["user-agent"]).to.match(userAgent);
        return (xmlTree(request.body) as Json).request.task;
    };

    it("sends Certificate Job Info as task 400114 with <certificate_job><job><id/>, and reads job, authentication and certificate", async () => {
        server.respondWith({
            body: `<response><result><data><certificate_job><job><id>55</id><status>RUNNING</status><sub_status>WF_DNS_AUTH</sub_status><action>create</action><sub_type>QUICKSSLPREMIUM</sub_type></job><authentication><status>WAIT</status><step>DOMAIN_VERIFICATION</step></authentication><certificate><id>1000</id><name>example.com</name><comment>ref-1</comment></certificate></certificate_job></data><status><code>S300114</code><text>ok</text><type>success</type></status></result><stid>s</stid></response>`,
        });
        const job = await client.job.info("55");
        const task = sentTask();
        expect(task.code).to.equal("400114");
        expect(task.certificate_job).to.deep.equal({ job: { id: "55" } });
        expect(task.ctid).to.match(/^sslm-[0-9a-f-]{36}$/);
        expect(job).to.deep.include({
            id: "55",
            status: "RUNNING",
            subStatus: "WF_DNS_AUTH",
            action: "create",
            subType: "QUICKSSLPREMIUM",
        });
        expect(job.object).to.deep.include({ type: "Certificate", value: "example.com" });
        expect(job.object?.data).to.deep.include({ id: "1000", comment: "ref-1" });
        expect(job.authentication).to.deep.equal([{ status: "WAIT", step: "DOMAIN_VERIFICATION" }]);
    });

    it("reads an error as <result><msg><code/><text/></msg><status/></result>: EF300101 from Job Info is NotFoundError", async () => {
        server.respondWith({
            body: `<response><result><msg><code>EF300101</code><text>Job not found.</text><type>error</type></msg><status><code>E300114</code><text>Job not found.</text><type>error</type></status></result><stid>s-2</stid></response>`,
        });
        await expect(client.job.info("55")).to.be.rejectedWith(
            NotFoundError,
            /^JobInfo failed: Job not found\. \(HTTP 200, E300114\/EF300101, stid s-2, ctid sslm-/,
        );
    });

    it("sends Certificate Job List as 400115 with <where><and>…</and><and><or>…</or></and></where> and reads the list rows", async () => {
        server.respondWith({
            body: `<response><result><data><summary>1</summary><certificate_job><job><id>12345</id><object>domain.de</object><status>DEFFERED</status><sub_status>WF_EMAIL_AUTH</sub_status><created>2019-10-23 16:12:33</created><type>ssl</type><sub_type>RAPID_SSL</sub_type><action>create</action></job></certificate_job></data><status><code>S300115</code><text>ok</text><type>success</type></status></result><stid>s</stid></response>`,
        });
        const entries = await client.job.list({ ids: ["12345", "12346"], action: "create" });
        const task = sentTask();
        expect(task.code).to.equal("400115");
        expect(task.view).to.deep.equal({ limit: "100", offset: "0" });
        expect(task.where).to.deep.equal({
            and: [
                {
                    or: [
                        { key: "id", operator: "eq", value: "12345" },
                        { key: "id", operator: "eq", value: "12346" },
                    ],
                },
                { key: "action", operator: "eq", value: "create" },
            ],
        });
        expect(entries).to.deep.equal([
            {
                jobId: "12345",
                status: "DEFERRED",
                subStatus: "WF_EMAIL_AUTH",
                action: "create",
                certificateId: undefined,
                orderReference: undefined,
                name: "domain.de",
                created: "2019-10-23T16:12:33.000Z",
                reasons: [],
            },
        ]);
    });

    it("sends delete as 400103, renew as 400106 and revoke as 4001031, each with <certificate><id/>, and reads their jobs", async () => {
        const job = (code: string, id: string) =>
            `<response><result><data><certificate_job><job><id>${id}</id><status>RUNNING</status></job></certificate_job></data><status><code>${code}</code><text>ok</text><type>notify</type></status></result><stid>s</stid></response>`;
        server.respondWith(
            { body: job("N400103", "1") },
            { body: job("N400106", "2") },
            { body: job("N4001031", "3") },
        );
        expect(await client.certificate.delete("41")).to.deep.equal({ jobId: "1" });
        expect(sentTask()).to.deep.include({ code: "400103", certificate: { id: "41" } });
        expect(
            (
                await client.certificate.renew("41", {
                    name: "example.com",
                    product: "QUICKSSLPREMIUM",
                    lifetimeMonths: 12,
                    adminContactId: "1",
                })
            ).jobId,
        ).to.equal("2");
        expect(sentTask()).to.deep.include({ code: "400106" });
        expect(await client.certificate.revoke("41")).to.deep.equal({ jobId: "3" });
        expect(sentTask()).to.deep.include({ code: "4001031", certificate: { id: "41" } });
    });

    it("writes SANs as repeated <subject_alternative_name><name/> and approver addresses as repeated <approver_email> in <authentication>", async () => {
        server.respondWith({
            body: `<response><result><data><certificate_job><job><id>9</id><status>RUNNING</status></job></certificate_job></data><status><code>N400101</code><text>ok</text><type>notify</type></status></result><stid>s</stid></response>`,
        });
        await client.certificate.create({
            name: "example.com",
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            adminContactId: "1",
            technicalContactId: "1",
            csr: "x",
            subjectAlternativeNames: ["www.example.com", "shop.example.com"],
            authentication: { method: "EMAIL", approverEmails: ["admin@example.com", "webmaster@example.com"] },
        });
        const certificate = sentTask().certificate;
        expect(certificate.subject_alternative_name).to.deep.equal([
            { name: "www.example.com" },
            { name: "shop.example.com" },
        ]);
        expect(certificate.authentication).to.deep.equal({
            method: "EMAIL",
            approver_email: ["admin@example.com", "webmaster@example.com"],
        });
        expect(certificate).not.to.have.property("subject_alternative_names");
    });
});
