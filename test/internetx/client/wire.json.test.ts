import { Client } from "../../../provider/internetx/client";
import { CertificateOrder } from "../../../provider/internetx/services/certificate";
import { RecordingServer } from "../../support/recordingServer";
import { basicAuthorization, expect } from "../../support/client";
import { orderingPage, reissuePage } from "../../support/helpPages";

type Json = Record<string, any>;

/**
 * Wire tests of the JSON API: each task's request compared with the documents' example request (InterNetX's help pages "Ordering SSL Certificates" and "Reissue Certificate"),
 * and the documents' example response parsed, over real HTTP to a recording loopback server.
 */
describe("JSON wire format against the InterNetX documents", () => {
    const ordering = orderingPage.json;
    const reissuing = reissuePage.json;
    let server: RecordingServer;
    let client: Client;

    beforeEach(async () => {
        server = await new RecordingServer().start();
        client = new Client({ url: `${server.url}/v1`, user: "user", password: "s3cret-password", context: "9" });
    });
    afterEach(async () => {
        await client.close();
        await server.stop();
    });

    function lastRequest() {
        const request = server.requests[server.requests.length - 1];
        return { ...request, json: request.body ? JSON.parse(request.body) : undefined };
    }

    it("sends ContactCreate as POST /sslcontact with basic auth, the context header and the document's body", async () => {
        server.respondWith({ body: JSON.stringify(ordering.contactCreateResponse) });
        const contact = await client.sslcontact.create(ordering.contactCreateRequest as never);
        const request = lastRequest();
        expect(request.method).to.equal("POST");
        expect(request.url).to.equal("/v1/sslcontact");
        expect(request.headers.authorization).to.equal(basicAuthorization("user", "s3cret-password"));
        expect(request.headers["x-domainrobot-context"]).to.equal("9");
        expect(request.headers["content-type"]).to.equal("application/json");
        expect(request.json).to.deep.equal(ordering.contactCreateRequest);
        expect(contact).to.deep.equal({ ...ordering.contactCreateRequest, id: "100" });
    });

    it("sends CertificatePrepareOrder as POST /certificate/_prepareOrder and reads the three authentication methods", async () => {
        server.respondWith({ body: JSON.stringify(ordering.prepareOrderResponse) });
        const data = await client.certificate.prepareOrder(
            ordering.prepareOrderRequest as { plain: string; product: string },
        );
        expect(lastRequest()).to.include({ method: "POST", url: "/v1/certificate/_prepareOrder" });
        expect(lastRequest().json).to.deep.equal(ordering.prepareOrderRequest);
        expect(data.name).to.equal("example.com");
        expect(data.keySize).to.equal(2048);
        expect(data.authentication.map((authentication) => authentication.method)).to.deep.equal([
            "EMAIL",
            "DNS",
            "FILE",
        ]);
        expect(data.authentication[0].approverEmails).to.deep.equal([
            "admin@example.com",
            "administrator@example.com",
            "hostmaster@example.com",
            "webmaster@example.com",
            "postmaster@example.com",
        ]);
        expect(data.authentication[1].dns).to.equal(
            'example.com.\t\t300\tIN\tTXT\t"2018092608362142n4sbul8rv8ttv7zkhjgzvyim8n1kpa9lys0uqdszxzs0pa0l"',
        );
    });

    function orderFromDocument(body: Json): CertificateOrder {
        return {
            name: body.name,
            product: body.product,
            lifetimeMonths: body.lifetime.period,
            software: body.software,
            csr: body.csr,
            adminContactId: String(body.adminContact.id),
            technicalContactId: String(body.technicalContact.id),
            authentication: body.authentication,
        };
    }

    it("sends CertificateCreate as POST /certificate with exactly the document's body and reads the job id", async () => {
        server.respondWith({ body: JSON.stringify(ordering.certificateCreateResponse) });
        const accepted = await client.certificate.create(orderFromDocument(ordering.certificateCreateRequest));
        expect(lastRequest()).to.include({ method: "POST", url: "/v1/certificate" });
        expect(lastRequest().json).to.deep.equal(ordering.certificateCreateRequest);
        expect(accepted).to.deep.equal({ jobId: "123456", jobStatus: undefined, recovered: false });
    });

    it("sends CertificateInfo as GET /certificate/{id} and converts the document's answer", async () => {
        server.respondWith({ body: JSON.stringify(ordering.certificateInfoResponse) });
        const certificate = await client.certificate.info("13258");
        expect(lastRequest()).to.include({ method: "GET", url: "/v1/certificate/13258", body: "" });
        expect(certificate).to.deep.include({
            id: "13258",
            orderId: "2695961",
            name: "example.com",
            product: "QUICKSSLPREMIUM",
            lifetime: { unit: "MONTH", period: 12 },
            serialNumber: "750C3006B23B90D0F396A3D153EB4C8",
            expire: "2019-09-26T10:00:00.000Z",
            created: "2018-09-25T22:00:00.000Z",
            certificationAuthority: [],
        });
        expect(certificate.adminContact?.id).to.equal("100");
    });

    it("sends CertificateReissue as PUT /certificate/{id} with the document's body", async () => {
        server.respondWith({ body: JSON.stringify(reissuing.reissueResponse) });
        const accepted = await client.certificate.reissue("100", orderFromDocument(reissuing.reissueRequest));
        expect(lastRequest()).to.include({ method: "PUT", url: "/v1/certificate/100" });
        expect(lastRequest().json).to.deep.equal(reissuing.reissueRequest);
        expect(accepted.jobId).to.equal("123456");
    });

    it("reads the document's PollInfo message with its job and certificate, and confirms it with PUT /poll/{id}", async () => {
        server.respondWith(
            { body: JSON.stringify(reissuing.pollInfoResponse) },
            { body: JSON.stringify(reissuing.pollConfirmResponse) },
        );
        const { message, pending } = await client.poll.info();
        expect(lastRequest()).to.include({ method: "GET", url: "/v1/poll" });
        expect(pending).to.equal(1);
        expect(message?.id).to.equal("1405661");
        expect(message?.job).to.deep.include({
            id: "9218783",
            status: "SUCCESS",
            action: "create",
            subType: "QUICKSSLPREMIUM",
        });
        expect((message?.object?.data as Json).id).to.equal(571);
        await client.poll.confirm(message!.id);
        expect(lastRequest()).to.include({ method: "PUT", url: "/v1/poll/1405661" });
    });

    it("reads the chain of the document's CertificateInfo: one intermediate, then the root", async () => {
        server.respondWith({ body: JSON.stringify(reissuing.certificateInfoResponse) });
        const certificate = await client.certificate.info("571");
        expect(certificate.certificationAuthority.map((authority) => authority.caType)).to.deep.equal([
            "INTERMEDIATE",
            "ROOT",
        ]);
        expect(certificate.server).to.match(/^-----BEGIN CERTIFICATE-----\nMIIEjzCCA3egAwIBAgIQBspr0zb8/);
    });
});
