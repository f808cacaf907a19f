import { request } from "undici";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { adminCall, jsonCall, rsaCsr, seedContact, xmlTask } from "./raw";

describe("simulator: fault injection", function () {
    this.timeout(30_000);
    let simulator: RunningSimulator;
    beforeEach(async () => {
        simulator = await startSimulator({ requestsPerSecond: 0, issuanceDelayMs: 200 });
    });
    afterEach(() => simulator.close());

    it("answers a burst of 503 and then normally again", async () => {
        await adminCall(simulator, "POST", "/faults", { kind: "status", status: 503, count: 2 });
        const statuses = [];
        for (let attempt = 0; attempt < 3; attempt++) statuses.push((await jsonCall(simulator, "GET", "/poll")).status);
        expect(statuses).to.deep.equal([503, 503, 200]);
        const log = (await adminCall(simulator, "GET", "/requests")).body as { status: number }[];
        expect(log.map((entry) => entry.status)).to.deep.equal([503, 503, 200]);
    });

    it("answers 429 with Retry-After only to the matching task", async () => {
        await adminCall(simulator, "POST", "/faults", {
            kind: "status",
            status: 429,
            count: 1,
            retryAfterSeconds: 7,
            match: { taskCode: "400201" },
        });
        expect((await jsonCall(simulator, "GET", "/poll")).status).to.equal(200);
        const limited = await xmlTask(simulator, "400201", { contact: { first: "A" } });
        expect(limited.status).to.equal(429);
        expect(limited.headers["retry-after"]).to.equal("7");
        expect((await jsonCall(simulator, "POST", "/sslcontact", seedContact)).status).to.equal(200);
    });

    it("really places an order whose connection is reset after processing", async () => {
        await jsonCall(simulator, "POST", "/sslcontact", seedContact);
        const csrPem = await rsaCsr("lost.example.com");
        await adminCall(simulator, "POST", "/faults", {
            kind: "reset",
            when: "after",
            count: 1,
            match: { method: "POST", pathPrefix: "/v1/certificate" },
        });
        const order = {
            adminContact: { id: 100 },
            technicalContact: { id: 100 },
            name: "lost.example.com",
            lifetime: { unit: "MONTH", period: 12 },
            software: "APACHESSL",
            csr: csrPem,
            product: "QUICKSSLPREMIUM",
            authentication: { method: "EMAIL", approverEmail: "admin@example.com" },
        };
        await expect(jsonCall(simulator, "POST", "/certificate", order)).to.be.rejectedWith(
            /socket|other side closed|ECONNRESET/i,
        );
        const state = (await adminCall(simulator, "GET", "/state")).body;
        expect(state.orders).to.equal(1);
        expect(state.certificates.map((certificate: { name: string }) => certificate.name)).to.deep.equal([
            "lost.example.com",
        ]);
        const found = await jsonCall(simulator, "POST", "/certificate/_search", {
            filters: [{ key: "name", value: "lost.example.com", operator: "EQUAL" }],
        });
        expect(found.body.object.summary).to.equal(1);
        const log = (await adminCall(simulator, "GET", "/requests")).body as { taskCode: string; status: number }[];
        expect(log.find((entry) => entry.taskCode === "400101")?.status).to.equal(-1);
    });

    it("processes nothing when the connection is reset before processing", async () => {
        await adminCall(simulator, "POST", "/faults", { kind: "reset", when: "before", count: 1 });
        await expect(jsonCall(simulator, "POST", "/sslcontact", seedContact)).to.be.rejectedWith(
            /socket|other side closed|ECONNRESET/i,
        );
        expect((await adminCall(simulator, "GET", "/state")).body.contacts).to.equal(0);
        expect((await jsonCall(simulator, "POST", "/sslcontact", seedContact)).body.object.value).to.equal("100");
    });

    it("answers HTTP 200 with a truncated body that parses neither as JSON nor as XML", async () => {
        await adminCall(simulator, "POST", "/faults", { kind: "malformed", count: 2 });
        const json = await jsonCall(simulator, "GET", "/poll");
        expect(json.status).to.equal(200);
        expect(json.body).to.equal(undefined);
        expect(json.text.length).to.be.greaterThan(0);
        expect(() => JSON.parse(json.text)).to.throw(SyntaxError);
        const xml = await xmlTask(simulator, "0905");
        expect(xml.status).to.equal(200);
        expect(xml.text).not.to.contain("</response>");
        expect((await jsonCall(simulator, "GET", "/poll")).body.status.code).to.equal("S0905");
    });

    it("holds answers for a delay fault and for the configured latency", async () => {
        await adminCall(simulator, "POST", "/faults", { kind: "delay", ms: 300, count: 1 });
        let started = Date.now();
        await jsonCall(simulator, "GET", "/poll");
        expect(Date.now() - started).to.be.at.least(300);
        await adminCall(simulator, "POST", "/settings", { latencyMs: 150 });
        started = Date.now();
        await jsonCall(simulator, "GET", "/poll");
        expect(Date.now() - started).to.be.at.least(150);
    });

    it("clears pending faults and refuses an unknown fault kind", async () => {
        await adminCall(simulator, "POST", "/faults", { kind: "status", status: 500, count: 5 });
        expect((await adminCall(simulator, "DELETE", "/faults")).status).to.equal(204);
        expect((await jsonCall(simulator, "GET", "/poll")).status).to.equal(200);
        const refused = await adminCall(simulator, "POST", "/faults", { kind: "explode" });
        expect(refused.status).to.equal(400);
        expect(refused.body).to.deep.equal({ error: "unknown fault kind explode" });
    });

    it("answers 404 for a route the API does not have, and for the gateway on GET", async () => {
        const unknown = await jsonCall(simulator, "GET", "/nothing-here");
        // The error envelope with status E0000 and no task's message code (docs/wire-format.md: errors use the envelope).
        expect([unknown.status, unknown.body.status, unknown.body.messages]).to.deep.equal([
            404,
            { code: "E0000", text: "No route GET /nothing-here.", type: "ERROR" },
            [{ text: "No route GET /nothing-here.", type: "ERROR" }],
        ]);
        const gateway = await request(simulator.xmlUrl, { method: "GET" });
        expect([gateway.statusCode, gateway.headers.allow]).to.deep.equal([405, "POST"]);
        expect(await gateway.body.text()).to.contain(
            "<status><code>E0000</code><text><![CDATA[The gateway accepts POST only.]]></text><type>error</type></status>",
        );
    });
});
