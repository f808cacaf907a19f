import { readFileSync } from "node:fs";
import { join } from "node:path";
import { NotFoundError } from "../../../provider/errors";
import { Client } from "../../../provider/internetx/client";
import { RunningSimulator, startSimulator } from "../../../simulator/internetx";
import { adminCall, jsonCall, seedContact, waitForJob } from "../../simulator/raw";
import { expect } from "../../support/client";

/**
 * What InterNetX-DL/Laravel-SSL-Manager `tests/CertificateWorkflowTest.php` asserts against InterNetX's demo system
 * (test/fixtures/recorded/laravel-ssl-manager-workflow.json, its source in sources.json), one test per fact, against
 * the simulator: raw JSON for the status types and codes the library asserted, our client for how it reads them.
 */
const recorded = JSON.parse(
    readFileSync(
        join(__dirname, "..", "..", "..", "..", "test", "fixtures", "recorded", "laravel-ssl-manager-workflow.json"),
        "utf8",
    ),
) as {
    prepareOrder: {
        request: { product: string; plain: string };
        status: { type: string; code: string };
        data: Record<string, unknown>;
    };
    sslContactCreate: { status: { type: string; code: string } };
    certificateCreate: {
        request: { product: string; lifetimeMonths: number; name: string };
        status: { type: string; code: string };
    };
    jobCancel: { jobInfoAfterwards: string };
    certificateRenew: { status: { type: string; code: string } };
    sslContactDelete: { status: { type: string; code: string } };
};
const { prepareOrder, certificateCreate } = recorded;

describe("InterNetX-DL/Laravel-SSL-Manager's workflow, as the demo system answered it", function () {
    this.timeout(30_000);
    let simulator: RunningSimulator;
    const clients: Client[] = [];
    beforeEach(async () => {
        simulator = await startSimulator({ requestsPerSecond: 0, issuanceDelayMs: 200, cancellationDelayMs: 200 });
    });
    afterEach(async () => {
        await Promise.all(clients.splice(0).map((client) => client.close()));
        await simulator.close();
    });
    const client = (protocol: "json" | "xml") => {
        const made = new Client({
            url: simulator.url,
            xmlUrl: simulator.xmlUrl,
            user: simulator.user,
            password: simulator.password,
            context: simulator.context,
            protocol,
            requestsPerSecond: 100,
        });
        clients.push(made);
        return made;
    };
    const statusOf = (answer: { body: { status: { type: string; code: string } } }) => ({
        type: answer.body.status.type,
        code: answer.body.status.code,
    });
    /** SslContactCreate as the library sends it, then CertificateCreate of DEMOSSL without authentication, as it orders. */
    const order = async () => {
        const contact = await jsonCall(simulator, "POST", "/sslcontact", seedContact);
        const contactId = contact.body.data[0].id as string;
        const created = await jsonCall(simulator, "POST", "/certificate", {
            name: certificateCreate.request.name,
            product: certificateCreate.request.product,
            lifetime: { unit: "MONTH", period: certificateCreate.request.lifetimeMonths },
            csr: prepareOrder.request.plain,
            adminContact: { id: contactId },
            technicalContact: { id: contactId },
        });
        return { contact, contactId, created, jobId: String(created.body.data[0].id) };
    };
    /** The notification for a job, confirmed on the way as the library's assertJob does; undefined when none comes. */
    const notificationFor = async (jobId: string) => {
        const reader = client("json");
        for (let round = 0; round < 100; round++) {
            const { message } = await reader.poll.info();
            if (message) {
                await reader.poll.confirm(message.id);
                if (message.job?.id === jobId) return message;
            } else await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return undefined;
    };

    /** The certificate a notification names (PollMessage `object.data`, InterNetX help "Reissue Certificate"). */
    const certificateOf = (message: Awaited<ReturnType<typeof notificationFor>>) => {
        const id = (message?.object?.data as { id?: unknown } | undefined)?.id;
        return id === undefined ? undefined : String(id);
    };

    for (const protocol of ["json", "xml"] as const) {
        it(`prepares the recorded DEMOSSL CSR, its lines indented, into the parts the demo system answered, plain unchanged (${protocol.toUpperCase()})`, async () => {
            const data = await client(protocol).certificate.prepareOrder(prepareOrder.request);
            const { plainIsTheRequestUnchanged, ...parts } = prepareOrder.data;
            expect(plainIsTheRequestUnchanged).to.equal(true);
            expect(data.plain).to.equal(prepareOrder.request.plain);
            expect(data).to.deep.include(parts);
        });
    }

    it("answers CertificatePrepareOrder of that CSR with the status type and code the demo system gave", async () => {
        const answer = await jsonCall(simulator, "POST", "/certificate/_prepareOrder", prepareOrder.request);
        expect([answer.status, statusOf(answer)]).to.deep.equal([200, prepareOrder.status]);
    });

    it("answers SslContactCreate with the recorded status and the new contact's id in data[0], which an order accepts", async () => {
        const { contact, contactId, created } = await order();
        expect(statusOf(contact)).to.deep.equal(recorded.sslContactCreate.status);
        expect(String(contactId)).to.equal(contact.body.object.value);
        expect([created.status, created.body.status.code]).to.deep.equal([200, "N400101"]);
    });

    it("accepts DEMOSSL for 12 months without authentication with the recorded status, the job in data[0].id, and a notification for that job naming the certificate", async () => {
        const { created, jobId } = await order();
        expect(statusOf(created)).to.deep.equal(certificateCreate.status);
        expect(jobId).to.match(/^\d+$/);
        const message = await notificationFor(jobId);
        const certificates = await client("json").certificate.list();
        expect(certificates.certificates.map((row) => row.name)).to.deep.equal([certificateCreate.request.name]);
        expect([message?.job?.status, certificateOf(message)]).to.deep.equal([
            "SUCCESS",
            certificates.certificates[0].id,
        ]);
    });

    // The library also waits for a notification of the delete job; the simulator queues none for deletions
    // (docs/wire-format.md, JobCancel), so only the job itself is taken here.
    it("answers CertificateDelete with a job in data[0].id, which finishes as the certificate's deletion", async () => {
        const { jobId } = await order();
        const certificateId = certificateOf(await notificationFor(jobId))!;
        const deleted = await jsonCall(simulator, "DELETE", `/certificate/${certificateId}`);
        const deleteJobId = deleted.body.data[0].id as number;
        const finished = await waitForJob(simulator, deleteJobId);
        expect([String(finished.job.id), finished.job.action, finished.job.status]).to.deep.equal([
            String(deleteJobId),
            "delete",
            "SUCCESS",
        ]);
        expect((await client("json").certificate.list()).certificates).to.deep.equal([]);
    });

    it("refuses Job Info of a cancelled order's job with the recorded EF300101, which our client reads as a finished job", async () => {
        await adminCall(simulator, "POST", "/jobs/outcomes", { outcome: "never", count: 1 });
        const { jobId } = await order();
        expect((await client("json").job.info(jobId)).status).to.equal("RUNNING");
        expect((await jsonCall(simulator, "PUT", `/job/${jobId}/_cancel`)).status).to.equal(200);
        const refused = await jsonCall(simulator, "GET", `/job/${jobId}`);
        expect(refused.body.messages.map((message: { code: string }) => message.code)).to.deep.equal([
            recorded.jobCancel.jobInfoAfterwards,
        ]);
        const error = await client("json")
            .job.info(jobId)
            .catch((caught: unknown) => caught);
        expect(error).to.be.instanceOf(NotFoundError);
        expect((error as NotFoundError).message).to.contain(`EF300101`);
    });

    it("renews a certificate within 90 days of its expiry with the recorded status, the job in data[0].id and its notification", async () => {
        await adminCall(simulator, "POST", "/settings", { renewalWindowDays: 400 });
        const { contactId, jobId } = await order();
        const certificateId = certificateOf(await notificationFor(jobId))!;
        const renewed = await jsonCall(simulator, "PUT", `/certificate/${certificateId}/_renew`, {
            name: certificateCreate.request.name,
            product: certificateCreate.request.product,
            lifetime: { unit: "MONTH", period: certificateCreate.request.lifetimeMonths },
            csr: prepareOrder.request.plain,
            adminContact: { id: contactId },
            technicalContact: { id: contactId },
        });
        expect(statusOf(renewed)).to.deep.equal(recorded.certificateRenew.status);
        const renewJobId = String(renewed.body.data[0].id);
        expect((await notificationFor(renewJobId))?.job?.status).to.equal("SUCCESS");
    });

    it("answers SslContactDelete with the recorded status once the certificate is gone", async () => {
        const { contactId, jobId } = await order();
        const certificateId = certificateOf(await notificationFor(jobId))!;
        const deleted = await jsonCall(simulator, "DELETE", `/certificate/${certificateId}`);
        await waitForJob(simulator, deleted.body.data[0].id as number);
        const removed = await jsonCall(simulator, "DELETE", `/sslcontact/${contactId}`);
        expect([removed.status, statusOf(removed)]).to.deep.equal([200, recorded.sslContactDelete.status]);
    });
});
