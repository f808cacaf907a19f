import { request } from "undici";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { RunningIspmanagerSimulator, startIspmanagerSimulator } from "../../simulator/ispmanager";
import { expect } from "../support/client";
import {
    adminCall,
    credentialsOf,
    jsonCall,
    placeJsonOrder,
    seedContact,
    waitForJob,
    xmlRequest,
    xmlTask,
} from "./raw";

/** The start of today in the JSON date form the simulator writes (UTC, `+0000`). */
function todayAtMidnight(): string {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
        .toISOString()
        .replace("Z", "+0000");
}

describe("simulator: what clients written elsewhere send and read", function () {
    this.timeout(30_000);
    let simulator: RunningSimulator;
    beforeEach(async () => {
        simulator = await startSimulator({ requestsPerSecond: 0, issuanceDelayMs: 100 });
        await jsonCall(simulator, "POST", "/sslcontact", seedContact);
    });
    afterEach(() => simulator.close());

    for (const contentType of [undefined, "application/x-www-form-urlencoded", "text/xml"]) {
        it(`answers an XML request posted ${contentType ? `as ${contentType}` : "without a content type"}, as the gateway answers PHP clients using curl`, async () => {
            const response = await request(simulator.xmlUrl, {
                method: "POST",
                headers: contentType ? { "content-type": contentType } : {},
                body: xmlRequest(credentialsOf(simulator), "0905"),
            });
            const text = await response.body.text();
            expect(response.statusCode).to.equal(200);
            expect(text).to.contain("<status><code>S0905</code>");
        });
    }

    it("answers rate-limited, unavailable and unknown-route requests with the JSON error envelope", async () => {
        await adminCall(simulator, "POST", "/faults", { kind: "status", status: 429, count: 1, retryAfterSeconds: 2 });
        const limited = await jsonCall(simulator, "GET", "/poll");
        expect([limited.status, limited.headers["retry-after"], limited.headers["content-type"]]).to.deep.equal([
            429,
            "2",
            "application/json",
        ]);
        expect(limited.body.status).to.deep.equal({ code: "E0000", text: "Too many requests.", type: "ERROR" });
        expect(limited.body.messages).to.deep.equal([{ text: "Too many requests.", type: "ERROR" }]);
        expect(limited.body.stid).to.match(/^\d{8}-sim-\d+$/);

        await adminCall(simulator, "POST", "/faults", { kind: "status", status: 503, count: 1 });
        const unavailable = await jsonCall(simulator, "GET", "/poll");
        expect([unavailable.status, unavailable.body.status]).to.deep.equal([
            503,
            { code: "E0000", text: "Service unavailable.", type: "ERROR" },
        ]);

        const unknown = await jsonCall(simulator, "GET", "/nothing-here");
        expect([unknown.status, unknown.body.status]).to.deep.equal([
            404,
            { code: "E0000", text: "No route GET /nothing-here.", type: "ERROR" },
        ]);
        const outside = await request(simulator.url.replace(/\/v1$/, "/v2/poll"));
        expect([
            outside.statusCode,
            (JSON.parse(await outside.body.text()) as { status: unknown }).status,
        ]).to.deep.equal([404, { code: "E0000", text: "No route GET /v2/poll.", type: "ERROR" }]);
    });

    it("answers the rate limit of the gateway with an XML error document and HTTP 429", async () => {
        await adminCall(simulator, "POST", "/faults", { kind: "status", status: 429, count: 1 });
        const limited = await xmlTask(simulator, "0905");
        expect([limited.status, limited.headers["retry-after"]]).to.deep.equal([429, "1"]);
        expect(limited.body.result.status).to.deep.equal({ code: "E0000", text: "Too many requests.", type: "error" });
    });

    it("cancels a running order with PUT /job/{id}/_cancel, after which Job History Info shows it CANCELED", async () => {
        await adminCall(simulator, "POST", "/jobs/outcomes", { outcome: "never", count: 1 });
        const { jobId } = await placeJsonOrder(simulator, "cancel.example.com", 100);
        const confirmed = await jsonCall(simulator, "PUT", `/job/${jobId}/_confirm`);
        expect([confirmed.status, confirmed.body.status, confirmed.body.object, confirmed.body.data]).to.deep.equal([
            200,
            { code: "S300122", text: "The job was confirmed successfully.", type: "SUCCESS" },
            { type: "Job", value: String(jobId) },
            [],
        ]);
        expect((await jsonCall(simulator, "GET", `/job/history/${jobId}`)).status).to.equal(404);

        const cancelled = await jsonCall(simulator, "PUT", `/job/${jobId}/_cancel`);
        expect([cancelled.status, cancelled.body.status]).to.deep.equal([
            200,
            { code: "S300121", text: "The job was cancelled successfully.", type: "SUCCESS" },
        ]);
        const history = await jsonCall(simulator, "GET", `/job/history/${jobId}`);
        expect(history.body.status.code).to.equal("S300134");
        expect(history.body.data[0].job).to.deep.include({ id: jobId, status: "CANCELED", action: "create" });
        expect(history.body.data[0].job.messages).to.deep.equal([
            { text: "The order was cancelled.", code: "EF400101", type: "ERROR" },
        ]);
        expect(history.body.data[0].object).to.deep.equal({
            type: "Certificate",
            value: "cancel.example.com",
            data: { id: history.body.data[0].object.data.id },
        });

        const again = await jsonCall(simulator, "PUT", `/job/${jobId}/_cancel`);
        expect([again.status, again.body.messages[0].code]).to.deep.equal([404, "EF300101"]);
        const unknownXml = await xmlTask(simulator, "300121", { job: { id: String(jobId) } });
        expect(unknownXml.body.result.msg[0].text).to.equal("code: unknown task code 300121");
    });

    it("gives a certificate's created as 00:00:00 of its day in Certificate Info and in the notification, as every example does", async () => {
        const { jobId } = await placeJsonOrder(simulator, "midnight.example.com", 100);
        const certificateId = (await waitForJob(simulator, jobId)).object.data.id;
        const info = await jsonCall(simulator, "GET", `/certificate/${certificateId}`);
        expect(info.body.data[0].created).to.equal(todayAtMidnight());
        const polled = await jsonCall(simulator, "GET", "/poll");
        expect(polled.body.data[0].object.data.created).to.equal(todayAtMidnight());
        expect(info.body.data[0].updated).not.to.equal(todayAtMidnight());
    });
});

describe("BILLmanager simulator: a form posted without a form content type", function () {
    this.timeout(30_000);
    let billing: RunningIspmanagerSimulator;
    before(async () => {
        billing = await startIspmanagerSimulator({ issuanceDelayMs: 100 });
    });
    after(() => billing.close());

    for (const contentType of [undefined, "text/plain"]) {
        it(`reads the posted fields ${contentType ? `sent as ${contentType}` : "sent without a content type"}`, async () => {
            const fields = `authinfo=${encodeURIComponent(`${billing.user}:${billing.password}`)}&func=certificate&out=bjson`;
            const posted = await request(billing.url, {
                method: "POST",
                headers: contentType ? { "content-type": contentType } : {},
                body: fields,
            });
            const answer = JSON.parse(await posted.body.text()) as Record<string, unknown>;
            const asQuery = await request(`${billing.url}?${fields}`);
            expect(answer.error).to.equal(undefined);
            expect(answer).to.deep.equal(JSON.parse(await asQuery.body.text()));
        });
    }
});
