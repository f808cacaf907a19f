import {
    ApiValidationError,
    AuthenticationError,
    MalformedResponseError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    SslManagerError,
} from "../../../provider/errors";
import { Client } from "../../../provider/internetx/client";
import { authenticationHint } from "../../../provider/internetx/transport/errorCodes";
import { expect } from "../../support/client";
import { RecordingServer } from "../../support/recordingServer";

const password = "Very-Secret-Pa55word";

function errorEnvelope(code: string, text: string, messages: { text: string; code: string }[] = []) {
    return JSON.stringify({
        stid: "20261122-stid-1",
        status: { code, text, type: "ERROR" },
        messages: messages.map((message) => ({ ...message, type: "ERROR" })),
    });
}

const certificateEnvelope = JSON.stringify({
    stid: "20261122-stid-2",
    status: { code: "S400104", text: "Certificate data were inquired successfully.", type: "SUCCESS" },
    data: [{ id: 7, name: "example.com" }],
});

/** The client's typed errors and retries, over real HTTP to a loopback server answering as the API would. */
describe("client errors and retries", () => {
    let server: RecordingServer;
    let client: Client;
    const logLines: string[] = [];

    beforeEach(async () => {
        logLines.length = 0;
        server = await new RecordingServer().start();
        client = new Client({
            url: `${server.url}/v1`,
            user: "user",
            password,
            context: "4",
            maxAttempts: 3,
            timeoutMs: 2000,
            logger: (line) => logLines.push(line),
        });
    });
    afterEach(async () => {
        await client.close();
        await server.stop();
    });

    it("turns HTTP 401 into an AuthenticationError carrying status code, text, stid and messages, without the password", async () => {
        server.respondWith({
            status: 401,
            body: errorEnvelope("E0003", "Authentication error.", [{ text: "Login failed.", code: "EF0003" }]),
        });
        const error = (await client.certificate.info("7").catch((caught) => caught)) as AuthenticationError;
        expect(error).to.be.instanceOf(AuthenticationError).and.instanceOf(SslManagerError).and.instanceOf(Error);
        expect(error.name).to.equal("AuthenticationError");
        expect(error.code).to.equal("AUTHENTICATION_FAILED");
        expect(error.httpStatus).to.equal(401);
        expect(error.statusCode).to.equal("E0003");
        expect(error.statusType).to.equal("ERROR");
        expect(error.stid).to.equal("20261122-stid-1");
        expect(error.messages).to.deep.equal([{ text: "Login failed.", code: "EF0003", type: "ERROR" }]);
        expect(error.retryable).to.equal(false);
        // The ctid we sent travels with the stid, so that a support ticket can quote both.
        const ctid = server.requests[0].headers["x-domainrobot-ctid"];
        expect(ctid).to.match(/^sslm-[0-9a-f-]{36}$/);
        expect(error.ctid).to.equal(ctid);
        expect(error.message).to.equal(
            `CertificateInfo failed: Authentication error.; Login failed. (HTTP 401, E0003/EF0003, stid 20261122-stid-1, ctid ${ctid}); ${authenticationHint}`,
        );
        expect(server.requests).to.have.length(1);
        expect(JSON.stringify(error) + error.message + error.stack + logLines.join("\n")).not.to.contain(password);
    });

    it("turns HTTP 404 into a NotFoundError without retrying it, once Certificate List filtered on the id counts none", async () => {
        server.respondWith(
            {
                status: 404,
                body: errorEnvelope("E400104", "Certificate data could not be inquired.", [
                    { text: "Object not found.", code: "EF99999" },
                ]),
            },
            {
                body: JSON.stringify({
                    status: { code: "S400105", text: "", type: "SUCCESS" },
                    object: { type: "Certificate", summary: 0 },
                    data: [],
                }),
            },
        );
        await expect(client.certificate.info("999")).to.be.rejectedWith(
            NotFoundError,
            `CertificateInfo failed: Certificate data could not be inquired.; Object not found. (HTTP 404, E400104/EF99999, stid 20261122-stid-1, ctid sslm-`,
        );
        expect(server.requests.map((request) => `${request.method} ${request.url}`)).to.deep.equal([
            "GET /v1/certificate/999",
            "POST /v1/certificate/_search",
        ]);
        expect(JSON.parse(server.requests[1].body)).to.deep.equal({
            filters: [{ key: "id", value: "999", operator: "EQUAL" }],
            view: { limit: 1 },
        });
    });

    it("does not take HTTP 404 for gone when Certificate List answers 404 too, as every route of a wrong base URL does", async () => {
        const notFound = { status: 404, body: errorEnvelope("E0000", "Not found.") };
        server.respondWith(notFound, notFound);
        const error = (await client.certificate.info("999").catch((caught) => caught)) as ApiValidationError;
        expect(error).to.be.instanceOf(ApiValidationError);
        expect(error.message).to.match(
            /^CertificateInfo failed: Not found\. \(HTTP 404, E0000, stid [^,]+, ctid sslm-[^)]+\); not taken for gone: CertificateList filtered on id 999 failed: CertificateList failed: Not found\. \(HTTP 404, E0000/,
        );
    });

    it("does not take HTTP 404 for gone when Certificate List filtered on the id still counts the certificate", async () => {
        server.respondWith(
            { status: 404, body: errorEnvelope("E400104", "Certificate data could not be inquired.") },
            {
                body: JSON.stringify({
                    status: { code: "S400105", text: "", type: "SUCCESS" },
                    object: { type: "Certificate", summary: 1 },
                    data: [{ id: 999, name: "example.com", created: "2026-11-22T00:00:00.000+0100" }],
                }),
            },
        );
        const error = (await client.certificate.info("999").catch((caught) => caught)) as ApiValidationError;
        expect(error).to.be.instanceOf(ApiValidationError);
        expect(error.message).to.match(/; not taken for gone: CertificateList filtered on id 999 counts 1 object$/);
    });

    it("gives up after the configured attempts with a ServerError that keeps the raw body", async () => {
        server.respondWith(
            { status: 500, body: "oops 1" },
            { status: 500, body: "oops 2" },
            { status: 500, body: `oops 3 ${password}` },
        );
        const error = (await client.certificate.info("7").catch((caught) => caught)) as ServerError;
        expect(error).to.be.instanceOf(ServerError);
        expect(error.httpStatus).to.equal(500);
        expect(error.retryable).to.equal(true);
        expect(error.rawBody).to.equal("oops 3 [REDACTED]");
        expect(server.requests).to.have.length(3);
    });

    it("retries after 429 and reports the Retry-After delay when it persists", async () => {
        server.respondWith(
            { status: 429, headers: { "retry-after": "0" }, body: errorEnvelope("E0429", "Too many requests.") },
            { body: certificateEnvelope },
        );
        expect((await client.certificate.info("7")).id).to.equal("7");
        server.respondWith(
            ...[1, 2, 3].map(() => ({
                status: 429,
                headers: { "retry-after": "0" },
                body: errorEnvelope("E0429", "Too many requests."),
            })),
        );
        const error = (await client.certificate.info("7").catch((caught) => caught)) as RateLimitedError;
        expect(error).to.be.instanceOf(RateLimitedError);
        expect(error.retryAfterMs).to.equal(0);
        expect(server.requests).to.have.length(5);
    });

    it("turns a 200 answer that is not an envelope into a MalformedResponseError with the raw body, never a TypeError", async () => {
        server.respondWith(...[1, 2, 3].map(() => ({ body: '{"stid": "x", "status": {"code": ' })));
        const error = (await client.certificate.info("7").catch((caught) => caught)) as MalformedResponseError;
        expect(error).to.be.instanceOf(MalformedResponseError);
        expect(error.rawBody).to.equal('{"stid": "x", "status": {"code": ');
        expect(error.httpStatus).to.equal(200);
    });

    it("turns a success envelope whose data has the wrong shape into a MalformedResponseError naming the field", async () => {
        server.respondWith({
            body: JSON.stringify({ status: { code: "S400104", text: "", type: "SUCCESS" }, data: [{ id: 7 }] }),
        });
        await expect(client.certificate.info("7")).to.be.rejectedWith(
            MalformedResponseError,
            "CertificateInfo: unexpected response data (0.name: Required)",
        );
    });

    it("does not repeat an order after a 5xx before looking for it, and adopts the running order it finds by its reference", async () => {
        const order = {
            name: "example.com",
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            csr: "x",
            adminContactId: "1",
            technicalContactId: "1",
            orderReference: "ref-42",
        };
        server.respondWith(
            { status: 500, body: "" },
            // "Certificate Job List": the row names the certificate only; Job Info shows its data, with our comment.
            {
                body: JSON.stringify({
                    status: { code: "S300115", text: "", type: "SUCCESS" },
                    object: { type: "ObjectJob", summary: 1 },
                    data: [
                        {
                            job: { id: 77, status: "RUNNING", action: "create" },
                            object: { type: "Certificate", value: "example.com" },
                        },
                    ],
                }),
            },
            {
                body: JSON.stringify({
                    status: { code: "S300114", text: "", type: "SUCCESS" },
                    object: { type: "ObjectJob", value: "77" },
                    data: [
                        {
                            job: { id: 77, status: "RUNNING", action: "create" },
                            object: { type: "Certificate", value: "example.com", data: { id: 41, comment: "ref-42" } },
                        },
                    ],
                }),
            },
        );
        const accepted = await client.certificate.create(order);
        expect(accepted).to.deep.equal({ certificateId: "41", jobId: "77", jobStatus: "RUNNING", recovered: true });
        expect(server.requests.map((request) => `${request.method} ${request.url}`)).to.deep.equal([
            "POST /v1/certificate",
            "POST /v1/job/_search",
            "GET /v1/job/77",
        ]);
        expect(JSON.parse(server.requests[0].body).comment).to.equal("ref-42");
        expect(JSON.parse(server.requests[1].body)).to.deep.equal({
            filters: [{ key: "object", value: "example.com", operator: "EQUAL" }],
            view: { limit: 100, offset: 0 },
        });
    });

    it("adopts the certificate of a finished order, found by Certificate List narrowed on its name, asked for its comment and proven by the comment it carries", async () => {
        const order = {
            name: "example.com",
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            csr: "x",
            adminContactId: "1",
            technicalContactId: "1",
            orderReference: "ref-43",
        };
        server.respondWith(
            { status: 502, body: "" },
            {
                body: JSON.stringify({
                    status: { code: "S300115", text: "", type: "SUCCESS" },
                    object: { type: "ObjectJob", summary: 0 },
                    data: [],
                }),
            },
            {
                body: JSON.stringify({
                    status: { code: "S400105", text: "", type: "SUCCESS" },
                    object: { type: "Certificate", summary: 1 },
                    data: [{ id: 41, name: "example.com", comment: "ref-43", created: "2026-11-22T00:00:00.000+0100" }],
                }),
            },
        );
        const accepted = await client.certificate.create(order);
        expect(accepted).to.deep.equal({
            certificateId: "41",
            jobId: undefined,
            jobStatus: undefined,
            recovered: true,
        });
        expect(server.requests.map((request) => `${request.method} ${request.url}`)).to.deep.equal([
            "POST /v1/certificate",
            "POST /v1/job/_search",
            "POST /v1/certificate/_search?keys[]=comment",
        ]);
        expect(JSON.parse(server.requests[2].body)).to.deep.equal({
            filters: [{ link: "OR", filters: [{ key: "name", value: "example.com", operator: "EQUAL" }] }],
            view: { limit: 100, offset: 0 },
        });
    });

    it("orders again after a 5xx only when neither Job List nor Certificate List shows the reference", async () => {
        server.respondWith(
            { status: 503, body: "" },
            {
                body: JSON.stringify({
                    status: { code: "S300115", text: "", type: "SUCCESS" },
                    object: { summary: 0 },
                    data: [],
                }),
            },
            {
                body: JSON.stringify({
                    status: { code: "S400105", text: "", type: "SUCCESS" },
                    object: { summary: 0 },
                    data: [],
                }),
            },
            {
                body: JSON.stringify({
                    status: { code: "N400101", text: "started", type: "NOTIFY" },
                    data: [{ id: 5 }],
                }),
            },
        );
        const accepted = await client.certificate.create({
            name: "example.com",
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            csr: "x",
            adminContactId: "1",
            technicalContactId: "1",
            orderReference: "ref-44",
        });
        expect(accepted).to.deep.equal({ jobId: "5", jobStatus: undefined, recovered: false });
        expect(server.requests.map((request) => `${request.method} ${request.url}`)).to.deep.equal([
            "POST /v1/certificate",
            "POST /v1/job/_search",
            "POST /v1/certificate/_search?keys[]=comment",
            "POST /v1/certificate",
        ]);
    });

    it("never puts the password into a log line, the client's JSON or its inspection", async () => {
        server.respondWith({ body: certificateEnvelope });
        await client.certificate.info("7");
        const { inspect } = await import("node:util");
        expect(logLines.join("\n") + JSON.stringify(client) + inspect(client, { depth: 5 })).not.to.contain(password);
        const ctid = server.requests[server.requests.length - 1].headers["x-domainrobot-ctid"];
        expect(logLines).to.deep.equal([
            `CertificateInfo (400104) attempt 1 over json ctid ${ctid}`,
            `CertificateInfo answered S400104 stid 20261122-stid-2 ctid ${ctid}`,
        ]);
    });
});
