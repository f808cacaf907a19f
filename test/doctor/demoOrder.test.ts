import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluateFacts } from "../../provider/doctor/facts";
import { exitCode } from "../../provider/doctor/result";
import { envelopeOf, loadTranscript } from "../../provider/doctor/transcript";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { byCheck, doctorAgainst, internetxArguments } from "./support";

/** The transcripts recorded against the bundled simulator (the sources: compiled tests run from bin/). */
const fixtures = join(__dirname, "..", "..", "..", "test", "doctor", "fixtures");

for (const protocol of ["json", "xml"] as const) {
    describe(`pulumi-sslmanager doctor --demo-order over ${protocol.toUpperCase()}`, function () {
        this.timeout(60_000);
        let simulator: RunningSimulator;
        let directory: string;
        beforeEach(async () => {
            simulator = await startSimulator({ issuanceDelayMs: 60_000 });
            directory = mkdtempSync(join(tmpdir(), "doctor-demo-"));
        });
        afterEach(async () => {
            await simulator.close();
            rmSync(directory, { recursive: true, force: true });
        });

        it("places one order through its whole lifecycle, leaves nothing behind, and confirms the facts it can see", async () => {
            const transcriptPath = join(directory, "transcript.jsonl");
            const { argv, config } = internetxArguments(simulator, protocol);
            const report = await doctorAgainst([...argv, "--demo-order", "--transcript", transcriptPath], config);
            expect(report.results.map((result) => `${result.outcome} ${result.check}`)).to.deep.equal([
                "pass demo contact",
                "pass demo prepare",
                "pass demo order",
                "pass demo job info",
                "pass demo job list",
                "pass demo find order",
                "pass demo comment",
                "pass demo comment filter",
                "pass demo cancel",
                "pass demo cancel job",
                "pass demo cancelled",
                "pass demo job history",
                "pass demo contact delete",
                "pass rate",
            ]);
            expect(exitCode(report.results)).to.equal(0);
            const state = simulator.model.state() as { orders: number; certificates: unknown[]; contacts: number };
            expect([state.orders, state.certificates.length, state.contacts]).to.deep.equal([1, 0, 0]);
            expect(report.demoOrder!.facts.map((fact) => `${fact.verdict} ${fact.fact}`)).to.deep.equal([
                "confirmed comment-kept-at-create",
                "confirmed job-info-carries-comment",
                "confirmed comment-filter-key",
                "confirmed list-row-keys",
                "confirmed list-rows-carry-comment-when-asked",
                "confirmed finished-job-info",
                "confirmed job-history-status",
                "confirmed history-rows-name-certificate",
                "confirmed delete-answer",
                "confirmed contact-task-codes",
                "confirmed error-codes",
                "confirmed gone-answer",
                "confirmed ctid-echoed",
                "not seen rate-limit-answer",
            ]);
            const text = readFileSync(transcriptPath, "utf8");
            expect(text).not.to.contain(simulator.password);
            expect(text).not.to.match(/BEGIN [A-Z ]*PRIVATE KEY-----[^[]/);
            const transcript = loadTranscript(text);
            expect(transcript.exchanges.map((exchange) => exchange.task)).to.deep.equal([
                "SslContactCreate",
                "CertificatePrepareOrder",
                "CertificateCreate",
                "JobInfo",
                "JobList",
                "JobList",
                "JobInfo",
                "CertificateInfo",
                "CertificateList",
                "CertificateDelete",
                "JobInfo",
                "CertificateInfo",
                // A refusal is "gone" only when the list filtered on the id counts none (provider/internetx/services/goneByList.ts).
                "CertificateList",
                "JobHistoryList",
                "SslContactDelete",
            ]);
            expect(evaluateFacts(transcript)).to.deep.equal(report.demoOrder!.facts);
        });

        it(`answers as test/doctor/fixtures/simulator-${protocol}.jsonl recorded, exchange by exchange (task, HTTP status, status and message codes)`, async () => {
            const transcriptPath = join(directory, "transcript.jsonl");
            const { argv, config } = internetxArguments(simulator, protocol);
            await doctorAgainst([...argv, "--demo-order", "--transcript", transcriptPath], config);
            // The fixture is this very run recorded with the shipped command against the bundled simulator
            // (docs/wire-format.md, "A user's transcript becomes a test"): an answer the simulator no longer gives fails here.
            const outline = (text: string) =>
                loadTranscript(text).exchanges.map((exchange) => {
                    const envelope = envelopeOf(exchange);
                    const codes = [envelope?.status.code, ...(envelope?.messages ?? []).map((message) => message.code)];
                    return `${exchange.task} HTTP ${exchange.response?.status} ${codes.filter(Boolean).join("/")}`;
                });
            expect(outline(readFileSync(transcriptPath, "utf8"))).to.deep.equal(
                outline(readFileSync(join(fixtures, `simulator-${protocol}.jsonl`), "utf8")),
            );
        });
    });
}

describe("pulumi-sslmanager doctor --demo-order: only the demo system", function () {
    it("refuses the live InterNetX address before any request, with the client's own demo rule", async () => {
        const report = await doctorAgainst(
            ["--demo-order", "--url", "https://api.autodns.com/v1", "--user", "someone", "--context", "4"],
            { "internetx:password": { value: "secret-password", secret: true } },
        );
        expect(report.results).to.deep.equal([
            {
                backend: "internetx",
                check: "demo-order",
                outcome: "fail",
                summary:
                    "connection.url: demo is set, but https://api.autodns.com/v1 is the live system; use https://api.demo.autodns.com/v1 or leave url unset",
                evidence: "refused before any request",
                hint: "point connection.url at the demo system, e.g. --url https://api.demo.autodns.com/v1 --context 1, with the demo account's user",
            },
        ]);
        expect(report.demoOrder!.transcriptPath).to.equal(undefined);
    });

    it("refuses any other host than the demo system or this machine before any request", async () => {
        const report = await doctorAgainst(
            [
                "--demo-order",
                "--protocol",
                "xml",
                "--xml-url",
                "https://gateway.reseller.example/xml",
                "--user",
                "someone",
                "--context",
                "4",
            ],
            { "internetx:password": { value: "secret-password", secret: true } },
        );
        expect([report.results[0].summary, report.results[0].evidence]).to.deep.equal([
            "connection.xmlUrl: --demo-order runs only against InterNetX's demo system (https://api.demo.autodns.com/v1, https://demo.autodns.com/gateway/) or a simulator on this machine, not https://gateway.reseller.example/xml",
            "refused before any request",
        ]);
        expect(exitCode(report.results)).to.equal(1);
    });

    it("names no other line than the refusal, so that no check can pass on a live URL", async () => {
        const report = await doctorAgainst(
            [
                "--demo-order",
                "--protocol",
                "xml",
                "--xml-url",
                "https://gateway.autodns.com",
                "--user",
                "someone",
                "--context",
                "4",
            ],
            { "internetx:password": { value: "secret-password", secret: true } },
        );
        expect(byCheck(report, "demo-order").summary).to.equal(
            "connection.xmlUrl: demo is set, but https://gateway.autodns.com is the live system; use https://demo.autodns.com/gateway/ or leave xmlUrl unset",
        );
        expect(report.results.length).to.equal(1);
    });
});
