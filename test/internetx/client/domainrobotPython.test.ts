import { execFileSync, spawn } from "node:child_process";
import { join } from "node:path";
import { generateKeyAndCsr } from "../../../provider/x509";
import { RunningSimulator, startSimulator } from "../../../simulator/internetx";
import { expect } from "../../support/client";
import { SimulatorAdmin } from "../../support/simulatorAdmin";

const repositoryRoot = join(__dirname, "..", "..", "..", "..");
const flowScript = join(repositoryRoot, "test", "internetx", "client", "python", "domainrobot_flow.py");

/** The start of today as the Python client prints a parsed `created` (UTC, `+00:00`). */
function todayAtMidnight(): string {
    const now = new Date();
    return `${new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString().slice(0, 19)}+00:00`;
}

// DigitalTolk's Python client of the Domainrobot JSON API (PyPI `domainrobot`, installed from the package registry by
// scripts/python-domainrobot.sh), written against the real API by others: a second public client that must work
// with the simulator, error answers included.
describe("compatibility: DigitalTolk's Python domainrobot client against the simulator", function () {
    this.timeout(180_000);
    let simulator: RunningSimulator;
    let python: string;
    let pythonPath: string;
    let csrPem: string;

    before(async () => {
        const lines = execFileSync("bash", [join(repositoryRoot, "scripts", "python-domainrobot.sh")], {
            stdio: ["ignore", "pipe", "inherit"],
            encoding: "utf8",
        })
            .trim()
            .split("\n");
        [python, pythonPath] = lines.slice(-2);
        // Long enough for Job Info and Job List to see the order running at the paced request rate.
        simulator = await startSimulator({ issuanceDelayMs: 2500 });
        csrPem = (
            await generateKeyAndCsr({ key: { algorithm: "RSA", rsaBits: 2048 }, commonName: "python.example.com" })
        ).csrPem;
    });
    after(() => simulator.close());

    /** Runs the Python flow in a child process; asynchronously, since the simulator answers from this process's event loop. */
    async function runFlow(step: "order" | "errors", extra: Record<string, unknown> = {}): Promise<any> {
        const input = JSON.stringify({
            step,
            url: simulator.url,
            user: simulator.user,
            password: simulator.password,
            context: simulator.context,
            csr: csrPem,
            name: "python.example.com",
            ...extra,
        });
        const child = spawn(python, [flowScript], {
            env: { ...process.env, PYTHONPATH: pythonPath },
            stdio: ["pipe", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
        child.stdin.end(input);
        const exitCode = await new Promise<number | null>((resolve) => child.on("close", resolve));
        if (exitCode !== 0) throw new Error(`the Python client's ${step} flow failed (exit ${exitCode}):\n${stderr}`);
        return JSON.parse(stdout);
    }

    it("runs its main flow: contact, prepare, create, job info and list, poll, certificate info and list, comment update, job confirm and cancel, delete", async () => {
        const report = await runFlow("order");
        expect(report.contact).to.deep.equal({
            status: { code: "S400201", text: "Contact was successfully created.", type: "SUCCESS" },
            id: 100,
        });
        expect(report.prepared).to.deep.equal({
            status: "S400110",
            name: "python.example.com",
            methods: ["EMAIL", "DNS", "FILE"],
        });
        expect(report.created).to.deep.equal({
            status: { code: "N400101", text: "Certificate order was started successfully.", type: "NOTIFY" },
            jobStatus: "RUNNING",
        });
        const jobId = report.jobInfo.job.id;
        expect(report.jobInfo).to.deep.equal({
            status: "S300114",
            job: { id: jobId, status: "RUNNING", action: "create" },
            object: "python.example.com",
        });
        expect(report.jobList).to.deep.equal({ status: "S300115", ids: [jobId] });
        expect(report.poll).to.deep.equal({ jobId, jobStatus: "SUCCESS", created: true });
        expect(report.pollConfirm).to.equal("S0906");
        expect(report.certificateInfo).to.deep.include({
            status: "S400104",
            name: "python.example.com",
            hasLeaf: true,
            created: todayAtMidnight(),
        });
        expect(report.certificateInfo.serialNumber).to.match(/^[0-9A-F]+$/i);
        expect(report.certificateList).to.deep.equal({
            status: "S400105",
            names: ["python.example.com"],
            created: [todayAtMidnight()],
        });
        expect(report.commentUpdate).to.deep.equal({
            status: { code: "S4001024", text: "Certificate comment was updated successfully.", type: "SUCCESS" },
            comment: "python/comment",
        });
        expect(report.secondOrder).to.deep.equal({
            confirm: { code: "S300122", text: "The job was confirmed successfully.", type: "SUCCESS" },
            cancel: { code: "S300121", text: "The job was cancelled successfully.", type: "SUCCESS" },
        });
        expect(report.delete).to.deep.equal({
            status: { code: "N400103", text: "Certificate cancelation could be started successfully.", type: "NOTIFY" },
            jobStatus: "RUNNING",
            action: null,
        });
    });

    it("reads the simulator's 429, 503 and 404 answers as DomainrobotApiError with the envelope's text", async () => {
        const admin = new SimulatorAdmin(simulator.adminUrl);
        await admin.fault({ kind: "status", status: 429, count: 1, match: { pathPrefix: "/v1/poll" } });
        await admin.fault({ kind: "status", status: 503, count: 1, match: { pathPrefix: "/v1/poll" } });
        const report = await runFlow("errors", { faults: [429, 503] });
        expect(report["429"]).to.deep.equal({
            statusCode: 429,
            message: "Too many requests.",
            status: { code: "E0000", text: "Too many requests.", type: "ERROR" },
            stid: true,
        });
        expect(report["503"]).to.deep.equal({
            statusCode: 503,
            message: "Service unavailable.",
            status: { code: "E0000", text: "Service unavailable.", type: "ERROR" },
            stid: true,
        });
        expect(report.missing).to.deep.equal({
            statusCode: 404,
            message: "Certificate 999999 does not exist.",
            status: { code: "E400104", text: "Certificate could not be found.", type: "ERROR" },
            stid: true,
        });
        expect((await admin.rateLimit()).refused).to.equal(0);
    });
});
