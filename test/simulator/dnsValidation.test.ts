import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { adminCall, jsonCall, placeJsonOrder, seedContact, waitForJob, xmlTask } from "./raw";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("simulator: DNS validation and job outcomes", function () {
    this.timeout(30_000);
    let simulator: RunningSimulator;
    beforeEach(async () => {
        simulator = await startSimulator({
            requestsPerSecond: 0,
            issuanceDelayMs: 200,
            dnsValidationDeadlineMs: 1_500,
        });
        await jsonCall(simulator, "POST", "/sslcontact", seedContact);
    });
    afterEach(() => simulator.close());

    it("keeps a DNS order without provisioning RUNNING until its TXT record is published, then issues", async () => {
        const { jobId, dns } = await placeJsonOrder(simulator, "waits.example.com", 100, { provisioning: false });
        await sleep(400);
        expect((await jsonCall(simulator, "GET", `/job/${jobId}`)).body.data[0].job.status).to.equal("RUNNING");
        expect((await jsonCall(simulator, "GET", "/poll")).body.object.summary).to.equal(0);

        const token = JSON.parse(dns.split("\t")[4]) as string;
        await adminCall(simulator, "POST", "/dns", {
            name: "_dnsauth.waits.example.com.",
            type: "TXT",
            value: "some-other-value",
        });
        await sleep(100);
        expect((await jsonCall(simulator, "GET", `/job/${jobId}`)).body.data[0].job.status).to.equal("RUNNING");
        const published = await adminCall(simulator, "POST", "/dns", {
            name: "_dnsauth.waits.example.com.",
            type: "TXT",
            value: token,
        });
        expect(published.status).to.equal(204);
        expect((await adminCall(simulator, "GET", "/dns")).body).to.deep.equal([
            { name: "_dnsauth.waits.example.com.", type: "TXT", value: "some-other-value" },
            { name: "_dnsauth.waits.example.com.", type: "TXT", value: token },
        ]);
        expect((await waitForJob(simulator, jobId)).job.status).to.equal("SUCCESS");
    });

    it("removes a published record on DELETE /dns, and a record that is not there without error", async () => {
        await adminCall(simulator, "POST", "/dns", { name: "gone.example.com.", type: "TXT", value: "first" });
        await adminCall(simulator, "POST", "/dns", { name: "gone.example.com.", type: "TXT", value: "second" });
        expect(
            (await adminCall(simulator, "DELETE", "/dns", { name: "GONE.example.com.", type: "txt", value: "first" }))
                .status,
        ).to.equal(204);
        expect(
            (await adminCall(simulator, "DELETE", "/dns", { name: "never.example.com.", type: "TXT", value: "x" }))
                .status,
        ).to.equal(204);
        expect((await adminCall(simulator, "GET", "/dns")).body).to.deep.equal([
            { name: "gone.example.com.", type: "TXT", value: "second" },
        ]);
        expect((await adminCall(simulator, "DELETE", "/dns", { name: "gone.example.com." })).body).to.deep.equal({
            error: "name and value are required",
        });
    });

    it("keeps a FILE order RUNNING until the name's web server serves the file, fetched with the name as Host", async () => {
        const served = new Map<string, string>();
        const asked: string[] = [];
        const web = createServer((request, response) => {
            asked.push(`${request.headers.host} ${request.url}`);
            const content = served.get(`${request.headers.host}${request.url}`);
            response.writeHead(content === undefined ? 404 : 200).end(content ?? "");
        });
        await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
        try {
            const origin = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
            expect(
                (await adminCall(simulator, "POST", "/settings", { fileValidationOrigin: origin })).body
                    .fileValidationOrigin,
            ).to.equal(origin);
            const { jobId, file } = await placeJsonOrder(simulator, "files.example.com", 100, { method: "FILE" });
            expect(file.fileName).to.equal("http://files.example.com/.well-known/pki-validation/fileauth.txt");
            await sleep(400);
            expect((await jsonCall(simulator, "GET", `/job/${jobId}`)).body.data[0].job.status).to.equal("RUNNING");
            expect(asked).to.include("files.example.com /.well-known/pki-validation/fileauth.txt");
            served.set("files.example.com/.well-known/pki-validation/fileauth.txt", `${file.fileContent}\r\n`);
            expect((await waitForJob(simulator, jobId)).job.status).to.equal("SUCCESS");
        } finally {
            await new Promise((resolve) => web.close(resolve));
        }
    });

    it("fails a FILE order whose file is not served by the deadline, naming the URL", async () => {
        await adminCall(simulator, "POST", "/settings", { fileValidationOrigin: "http://127.0.0.1:9" });
        const { jobId } = await placeJsonOrder(simulator, "nofile.example.com", 100, { method: "FILE" });
        const failed = await waitForJob(simulator, jobId);
        expect(failed.job.status).to.equal("FAILED");
        expect(failed.job.messages).to.deep.equal([
            {
                text: "File validation failed: http://nofile.example.com/.well-known/pki-validation/fileauth.txt not served",
                code: "EF400101",
                type: "ERROR",
            },
        ]);
        expect(
            (await adminCall(simulator, "POST", "/settings", { fileValidationOrigin: "ftp://x" })).body,
        ).to.deep.equal({ error: "fileValidationOrigin must be an http(s) URL, or null" });
    });

    it("fails a DNS order whose record never appears after the deadline, with the reason in the job and a notification", async () => {
        const { jobId } = await placeJsonOrder(simulator, "never.example.com", 100, { provisioning: false });
        const failed = await waitForJob(simulator, jobId);
        expect(failed.job.status).to.equal("FAILED");
        expect(failed.job.messages).to.deep.equal([
            {
                text: "DNS validation failed: TXT record for _dnsauth.never.example.com. not found",
                code: "EF400101",
                type: "ERROR",
            },
        ]);
        const poll = await jsonCall(simulator, "GET", "/poll");
        expect(poll.body.data[0].job).to.deep.include({ id: jobId, status: "FAILED" });
        expect(poll.body.data[0].messages).to.deep.equal([
            {
                text: "DNS validation failed: TXT record for _dnsauth.never.example.com. not found",
                code: "EF400101",
                type: "ERROR",
            },
        ]);
        const xmlPoll = await xmlTask(simulator, "0905");
        expect(xmlPoll.body.result.data.message.job.status).to.deep.include({
            code: "E400101",
            text: "DNS validation failed: TXT record for _dnsauth.never.example.com. not found",
            type: "error",
        });
        // Finished: gone from Certificate Job Info; the history (XML 400135) keeps the job and its reason.
        const xmlHistory = await xmlTask(simulator, "400135", {
            where: { key: "id", operator: "eq", value: String(jobId) },
        });
        expect(xmlHistory.body.result.data.certificate_job[0].job).to.deep.include({
            id: String(jobId),
            status: "FAILED",
        });
        expect(xmlHistory.body.result.data.certificate_job[0].job.messages).to.deep.include({
            text: "DNS validation failed: TXT record for _dnsauth.never.example.com. not found",
            code: "EF400101",
        });
    });

    it("fails the next matching job with the reason an outcome rule names, and keeps another RUNNING forever", async () => {
        await adminCall(simulator, "POST", "/jobs/outcomes", {
            match: { name: "refused.example.com" },
            outcome: "fail",
            reason: "The CA refused the order: brand check.",
            count: 1,
        });
        await adminCall(simulator, "POST", "/jobs/outcomes", {
            match: { name: "stuck.example.com" },
            outcome: "never",
        });
        const refused = await placeJsonOrder(simulator, "refused.example.com", 100);
        const stuck = await placeJsonOrder(simulator, "stuck.example.com", 100);
        const fine = await placeJsonOrder(simulator, "fine.example.com", 100);
        expect((await waitForJob(simulator, fine.jobId)).job.status).to.equal("SUCCESS");
        const failed = await waitForJob(simulator, refused.jobId);
        expect(failed.job.status).to.equal("FAILED");
        expect(failed.job.messages[0].text).to.equal("The CA refused the order: brand check.");
        await sleep(300);
        expect((await jsonCall(simulator, "GET", `/job/${stuck.jobId}`)).body.data[0].job.status).to.equal("RUNNING");
        await adminCall(simulator, "POST", `/jobs/${stuck.jobId}/fail`, { reason: "Cancelled by support." });
        const cancelled = await waitForJob(simulator, stuck.jobId);
        expect([cancelled.job.status, cancelled.job.messages[0].text]).to.deep.equal([
            "FAILED",
            "Cancelled by support.",
        ]);
        const state = (await adminCall(simulator, "GET", "/state")).body;
        expect(state.jobs.map((job: { status: string }) => job.status)).to.deep.equal(["FAILED", "FAILED", "SUCCESS"]);
        expect(state.pollQueueLength).to.equal(3);
    });

    it("shows a new order at once as PENDING in the admin state and takes new timings from the settings endpoint", async () => {
        const settings = await adminCall(simulator, "POST", "/settings", { issuanceDelayMs: 2_000 });
        expect(settings.body).to.deep.equal({
            issuanceDelayMs: 2_000,
            dnsValidationDeadlineMs: 1_500,
            latencyMs: 0,
            cancellationDelayMs: 0,
            renewalWindowDays: 90,
            dropsComment: false,
            ignoresCommentAtCreate: false,
            ignoreUnknownFilterKeys: false,
            listKeysWithoutAsking: false,
            listKeysIgnored: false,
            refusesMissingObjects: false,
        });
        const { jobId } = await placeJsonOrder(simulator, "slow.example.com", 100);
        await sleep(100);
        const state = (await adminCall(simulator, "GET", "/state")).body;
        expect(state.certificates).to.deep.equal([
            { id: state.certificates[0].id, name: "slow.example.com", status: "PENDING" },
        ]);
        expect(state.jobs).to.deep.equal([
            { id: String(jobId), status: "RUNNING", name: "slow.example.com", action: "create" },
        ]);
        expect((await waitForJob(simulator, jobId)).job.status).to.equal("SUCCESS");
        expect((await adminCall(simulator, "GET", "/state")).body.certificates[0].status).to.equal("ACTIVE");
    });
});
