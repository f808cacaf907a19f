import { Client } from "../../../provider/internetx/client";
import { RecordingServer } from "../../support/recordingServer";
import { expect, xmlTree } from "../../support/client";
import { orderingPage, reissuePage, smimePage } from "../../support/helpPages";

type Tree = Record<string, any>;

/**
 * Wire tests of the XML gateway: the request document of each task compared, element by element, with the
 * documents' XML examples (InterNetX's ordering, reissue and S/MIME help pages), and their example answers parsed into the JSON shapes.
 */
describe("XML wire format against the InterNetX documents", () => {
    const ordering = orderingPage.xml;
    const reissuing = reissuePage.xml;
    const smime = smimePage.xml;
    let server: RecordingServer;
    let client: Client;

    beforeEach(async () => {
        server = await new RecordingServer().start();
        // The documents write USER / PASSWORD / CONTEXT; the context must be a number, so 4 stands for CONTEXT.
        client = new Client({ protocol: "xml", xmlUrl: server.url, user: "USER", password: "PASSWORD", context: "4" });
    });
    afterEach(async () => {
        await client.close();
        await server.stop();
    });

    /** The document's request with the numeric stand-in for CONTEXT. */
    function documentRequest(document: string): Tree {
        const tree = xmlTree(document) as Tree;
        tree.request.auth.context = "4";
        return tree;
    }

    /**
     * The request as the documents show it. Beyond the examples, every request carries a User-Agent, the content type
     * of "XML API Basics" and its own `<task><ctid>`, which is checked here and then left out of the comparison.
     */
    function sentRequest(): Tree {
        const request = server.requests[server.requests.length - 1];
        expect(request.method).to.equal("POST");
        expect(request.url).to.equal("/");
        expect(request.headers["content-type"]).to.equal("application/xml; charset=utf-8");
        expect(request.headers["user-agent"]).to.match(/^pulumi-sslmanager\/\d+\.\d+\.\d+/);
        const tree = xmlTree(request.body) as Tree;
        expect(tree.request.task.ctid).to.match(/^sslm-[0-9a-f-]{36}$/);
        delete tree.request.task.ctid;
        return tree;
    }

    it("sends ContactCreate (400201) element for element as the document, and reads the id from status/object", async () => {
        server.respondWith({ body: ordering.contactCreateResponse });
        const contact = await client.sslcontact.create({
            fname: "Michael",
            lname: "Mustermann",
            phone: "+49-941-1234560",
            email: "michael.mustermann@example.com",
            title: "Admin",
            organization: "Beispiel GmbH",
            address: ["Maximilianstrasse 36000"],
            pcode: "93047",
            city: "Regensburg",
            country: "DE",
            state: "Bayern",
        });
        expect(sentRequest()).to.deep.equal(documentRequest(ordering.contactCreateRequest));
        expect(contact.id).to.equal("100");
    });

    it("sends CertificatePrepareOrder (400110) with the CSR in CDATA and reads DNS and FILE authentication", async () => {
        server.respondWith({ body: ordering.prepareOrderResponse });
        const data = await client.certificate.prepareOrder({
            plain: "----BEGIN CERTIFICATE REQUEST----- .... -----END CERTIFICATE REQUEST-----",
            product: "QUICKSSLPREMIUM",
        });
        expect(sentRequest()).to.deep.equal(documentRequest(ordering.prepareOrderRequest));
        expect(server.requests[0].body).to.contain(
            "<plain><![CDATA[----BEGIN CERTIFICATE REQUEST----- .... -----END CERTIFICATE REQUEST-----]]></plain>",
        );
        expect(data).to.deep.include({
            name: "example.com",
            keySize: 2048,
            countryCode: "DE",
            organizationUnit: "Entwicklung",
            signatureHashAlgorithm: "SHA256",
        });
        expect(data.authentication).to.deep.equal([
            {
                method: "DNS",
                dns: 'example.com. 300 IN TXT "201704071405295z34is5g0jjairsdu0v5opdw8512td8kixzvtaacu4ebrkry5q"',
                provisioning: true,
            },
            {
                method: "FILE",
                fileName: "http://example.com/.well-known/pki-validation/fileauth.txt",
                fileContent: "201704071405295z34is5g0jjairsdu0v5opdw8512td8kixzvtaacu4ebrkry5q",
            },
        ]);
    });

    const documentOrder = {
        name: "example.com",
        product: "QUICKSSLPREMIUM",
        lifetimeMonths: 12,
        software: "APACHESSL",
        csr: "---------BEGIN CERTIFICATE REQUEST----- .... -----END CERTIFICATE REQUEST-----",
        adminContactId: "100",
        technicalContactId: "100",
        authentication: {
            method: "DNS",
            dns: 'example.com. 300 IN TXT "201704071405295z34is5g0jjairsdu0v5opdw8512td8kixzvtaacu4ebrkry5q"',
            provisioning: true,
        },
    };

    it("sends CertificateCreate (400101) as the document and reads the job from certificate_job", async () => {
        server.respondWith({ body: ordering.certificateCreateResponse });
        const accepted = await client.certificate.create(documentOrder);
        expect(sentRequest()).to.deep.equal(documentRequest(ordering.certificateCreateRequest));
        expect(accepted).to.deep.equal({ jobId: "123456", jobStatus: "RUNNING", recovered: false });
    });

    it("sends CertificateInfo (400104) and converts the snake_case answer, ICA1 becoming INTERMEDIATE", async () => {
        server.respondWith({ body: ordering.certificateInfoResponse });
        const certificate = await client.certificate.info("100");
        expect(sentRequest()).to.deep.equal(documentRequest(ordering.certificateInfoRequest));
        expect(certificate).to.deep.include({
            id: "100",
            orderId: "1003396954",
            name: "example.com",
            lifetime: { unit: "MONTH", period: 12 },
            software: "APACHE2",
            serialNumber: "SERIALNUMBER",
            expire: "2030-01-01T23:59:59.000Z",
            certificationAuthority: [
                { caType: "INTERMEDIATE", caCertificate: "----BEGIN CERTIFICATE ----- .... -----END CERTIFICATE-----" },
            ],
        });
        expect(certificate.adminContact?.id).to.equal("20398");
        expect(certificate.authentication?.method).to.equal("DNS");
    });

    it("sends CertificateReissue (400102) with the certificate id inside <certificate>, as the document", async () => {
        server.respondWith({ body: reissuing.reissueResponse });
        const accepted = await client.certificate.reissue("100", documentOrder);
        expect(sentRequest()).to.deep.equal(documentRequest(reissuing.reissueRequest));
        expect(accepted.jobId).to.equal("123456");
    });

    it("reads the document's PollInfo (0905) message, whose job nests its status, and sends PollConfirm (0906)", async () => {
        server.respondWith({ body: reissuing.pollInfoResponse }, { body: reissuing.pollConfirmResponse });
        const { message, pending } = await client.poll.info();
        expect(sentRequest()).to.deep.equal(documentRequest(reissuing.pollInfoRequest));
        expect(pending).to.equal(1);
        expect(message).to.deep.include({
            id: "1855680",
            job: { id: "4295625406", status: "SUCCESS", action: undefined, subType: undefined },
        });
        expect(message?.object).to.deep.equal({ type: "domain", value: "example.com", data: undefined });
        await client.poll.confirm("650664");
        expect(sentRequest()).to.deep.equal(documentRequest(reissuing.pollConfirmRequest));
    });

    it("sends an S/MIME CertificateCreate (certificate type MAIL) as the S/MIME document, password included", async () => {
        server.respondWith({ body: smime.certificateCreateResponse });
        const accepted = await client.certificate.create({
            certificateType: "MAIL",
            product: "GLOBALSIGN_PERSONALSIGN_1",
            lifetimeMonths: 36,
            name: "joe.sample@example.com",
            approverEmail: "joe.sample@example.com",
            password: "****",
            firstname: "Joe",
            lastname: "Sample",
            organizationUnitName: "Development Department",
            hasCsr: false,
            adminContactId: "100",
        });
        expect(sentRequest()).to.deep.equal(documentRequest(smime.certificateCreateRequest));
        expect(accepted.jobId).to.equal("123456");
    });
});
