import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { adminCall, jsonCall, placeJsonOrder, seedContact, xmlTask } from "./raw";

/**
 * The certificate's `comment` (swagger Certificate.comment: "A custom field. Can only be updated via
 * PUT /certificate/{id}/_comment. Requires appropriate ACLs.") and "Certificate Comment Update (4001024)", with the
 * `dropsComment` switch standing in for an account whose ACLs do not cover it.
 */
describe("simulator: the certificate comment and Certificate Comment Update", function () {
    this.timeout(30_000);
    let simulator: RunningSimulator;
    let contactId: number;
    before(async () => {
        simulator = await startSimulator({ requestsPerSecond: 0, issuanceDelayMs: 60_000 });
        contactId = (await jsonCall(simulator, "POST", "/sslcontact", seedContact)).body.data[0].id;
    });
    after(() => simulator.close());
    afterEach(() => adminCall(simulator, "POST", "/settings", { dropsComment: false, ignoresCommentAtCreate: false }));

    async function certificateIdOf(jobId: number): Promise<string> {
        return String((await jsonCall(simulator, "GET", `/job/${jobId}`)).body.data[0].object.data.id);
    }

    it("keeps the comment sent with an order and changes it with PUT /certificate/{id}/_comment, answering S4001024 without data", async () => {
        const { jobId } = await placeJsonOrder(simulator, "kept.example.com", contactId, { comment: "stack-a/kept" });
        const id = await certificateIdOf(jobId);
        expect((await jsonCall(simulator, "GET", `/certificate/${id}`)).body.data[0].comment).to.equal("stack-a/kept");
        const updated = await jsonCall(simulator, "PUT", `/certificate/${id}/_comment`, { comment: "stack-a/changed" });
        expect(updated.status).to.equal(200);
        expect(updated.body.status).to.deep.equal({
            code: "S4001024",
            text: "Certificate comment was updated successfully.",
            type: "SUCCESS",
        });
        expect(updated.body.data).to.deep.equal([]);
        expect((await jsonCall(simulator, "GET", `/certificate/${id}`)).body.data[0].comment).to.equal(
            "stack-a/changed",
        );
    });

    it("with ignoresCommentAtCreate keeps no comment sent with an order, and sets it with Certificate Comment Update", async () => {
        await adminCall(simulator, "POST", "/settings", { ignoresCommentAtCreate: true });
        const { jobId } = await placeJsonOrder(simulator, "ignored.example.com", contactId, {
            comment: "stack-a/sent",
        });
        const id = await certificateIdOf(jobId);
        expect((await jsonCall(simulator, "GET", `/certificate/${id}`)).body.data[0].comment).to.equal(undefined);
        const updated = await jsonCall(simulator, "PUT", `/certificate/${id}/_comment`, { comment: "stack-a/set" });
        expect([updated.status, updated.body.status.code]).to.deep.equal([200, "S4001024"]);
        expect((await jsonCall(simulator, "GET", `/certificate/${id}`)).body.data[0].comment).to.equal("stack-a/set");
    });

    it("changes the comment with XML task 4001024 (<certificate><id/><comment/></certificate>)", async () => {
        const { jobId } = await placeJsonOrder(simulator, "xml-comment.example.com", contactId);
        const id = await certificateIdOf(jobId);
        const answer = await xmlTask(simulator, "4001024", { certificate: { id, comment: "stack-x/xml" } });
        expect(answer.body.result.status).to.deep.equal({
            code: "S4001024",
            text: "Certificate comment was updated successfully.",
            type: "success",
            object: { type: "certificate", value: id },
        });
        const info = await xmlTask(simulator, "400104", { certificate: { id } });
        expect(info.body.result.data.certificate.comment).to.equal("stack-x/xml");
    });

    it("with dropsComment keeps no comment sent with an order, in CertificateInfo, Certificate List and Job Info alike, but keeps the CSR as sent", async () => {
        expect((await adminCall(simulator, "POST", "/settings", { dropsComment: true })).body.dropsComment).to.equal(
            true,
        );
        const { jobId, csrPem } = await placeJsonOrder(simulator, "dropped.example.com", contactId, {
            comment: "stack-a/dropped",
        });
        const job = (await jsonCall(simulator, "GET", `/job/${jobId}`)).body.data[0];
        expect(job.object.data).not.to.have.property("comment");
        const info = (await jsonCall(simulator, "GET", `/certificate/${job.object.data.id}`)).body.data[0];
        expect(info).not.to.have.property("comment");
        expect(info.csr).to.equal(csrPem);
        const list = await jsonCall(simulator, "POST", "/certificate/_search", {
            filters: [{ key: "name", value: "dropped.example.com", operator: "EQUAL" }],
        });
        expect(list.body.data).to.have.length(1);
        expect(list.body.data[0]).not.to.have.property("comment");
    });

    it("with dropsComment refuses Certificate Comment Update as a permission error over JSON (HTTP 403) and XML, and the comment stays unset", async () => {
        const { jobId } = await placeJsonOrder(simulator, "refused.example.com", contactId);
        const id = await certificateIdOf(jobId);
        await adminCall(simulator, "POST", "/settings", { dropsComment: true });
        const json = await jsonCall(simulator, "PUT", `/certificate/${id}/_comment`, { comment: "stack-a/refused" });
        expect(json.status).to.equal(403);
        expect(json.body.status).to.deep.equal({ code: "E4001024", text: "Access denied.", type: "ERROR" });
        expect(json.body.messages).to.deep.equal([
            { text: "The user's ACLs do not allow task 4001024.", code: "EF00003", type: "ERROR" },
        ]);
        const xml = await xmlTask(simulator, "4001024", { certificate: { id, comment: "stack-a/refused" } });
        expect(xml.status).to.equal(200);
        expect(xml.body.result.status).to.deep.equal({ code: "E4001024", text: "Access denied.", type: "error" });
        expect(xml.body.result.msg).to.deep.equal([
            { code: "EF00003", text: "The user's ACLs do not allow task 4001024.", type: "error" },
        ]);
        expect((await jsonCall(simulator, "GET", `/certificate/${id}`)).body.data[0]).not.to.have.property("comment");
    });

    it("refuses a dropsComment setting that is not a boolean, naming the setting", async () => {
        const answer = await adminCall(simulator, "POST", "/settings", { dropsComment: "yes" });
        expect(answer.status).to.equal(400);
        expect(answer.body).to.deep.equal({ error: "dropsComment must be true or false" });
    });
});
