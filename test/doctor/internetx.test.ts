import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exitCode } from "../../provider/doctor/result";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { adminPost, byCheck, doctorAgainst, internetxArguments, orderWithReference } from "./support";

for (const protocol of ["json", "xml"] as const) {
    describe(`pulumi-sslmanager doctor: InterNetX over ${protocol.toUpperCase()}`, function () {
        this.timeout(60_000);
        let simulator: RunningSimulator;
        beforeEach(async () => {
            simulator = await startSimulator({ issuanceDelayMs: 60_000 });
        });
        afterEach(() => simulator.close());

        it("passes every check for an account whose order carries its reference, and exits 0", async () => {
            await orderWithReference(simulator, protocol, "www.example.com", "psm1-0123456789abcdef0123456789abcdef");
            const { argv, config } = internetxArguments(simulator, protocol);
            const report = await doctorAgainst(argv, config);
            expect(report.results.map((result) => `${result.outcome} ${result.check}`)).to.deep.equal([
                "pass system",
                "pass url",
                "pass credentials",
                "pass contacts",
                "pass certificates",
                "pass comment-kept",
                "pass comment-filter",
                "pass job-list",
                "pass job-history",
                "pass poll",
                "pass product QUICKSSLPREMIUM",
                "pass product RAPIDSSL",
                "pass product SSL123",
                "pass product SECURESITE",
                "pass product TRUEBUSINESSID",
                "pass rate",
            ]);
            expect(byCheck(report, "comment-kept").summary).to.equal("1 of the 1 newest certificates carry a comment (1 with this provider's order reference)");
            expect(byCheck(report, "comment-filter").summary).to.equal("a filter on a comment no certificate carries answered none of the 1 certificates");
            expect(byCheck(report, "credentials").evidence).to.equal('HTTP 200, S400205 "Contacts were listed successfully.", stid <stid>, transcript line 2');
            expect(exitCode(report.results)).to.equal(0);
        });

        it("fails the credentials line on a wrong password, with the API's answer and how to set it again", async () => {
            const { argv, config } = internetxArguments(simulator, protocol, { password: "not-the-password" });
            const report = await doctorAgainst(argv, config);
            expect(report.results.map((result) => `${result.outcome} ${result.check}`)).to.deep.equal(["pass system", "pass url", "fail credentials", "pass rate"]);
            expect(byCheck(report, "credentials")).to.deep.equal({
                backend: "internetx",
                check: "credentials",
                outcome: "fail",
                summary: 'the API refused the password of user "simulator-user" (context 4)',
                evidence: `HTTP ${protocol === "json" ? 401 : 200}, E0003 "Authentication error.", EF0003 "Authentication failed: wrong user, password or context.", stid <stid>, transcript line 2`,
                hint: "set the password again: pulumi config set --secret internetx:password (or AUTODNS_PASSWORD); a locked or expired password is reset in the InterNetX interface",
            });
            expect(exitCode(report.results)).to.equal(1);
        });

        it("fails the credentials line on a wrong context as an unknown user, naming the contexts of the live and the demo system", async () => {
            const { argv, config } = internetxArguments(simulator, protocol, { context: "9" });
            const report = await doctorAgainst(argv, config);
            expect(byCheck(report, "credentials")).to.deep.equal({
                backend: "internetx",
                check: "credentials",
                outcome: "fail",
                summary: 'the API knows no user "simulator-user" in context 9',
                evidence: `HTTP ${protocol === "json" ? 401 : 200}, E0003 "Authentication error.", EF0003 "User not found.", stid <stid>, transcript line 2`,
                hint: "set the context InterNetX gave you (pulumi config set internetx:context N, or AUTODNS_CONTEXT; 4 for the live AutoDNS system, 1 for the demo system) and check internetx:user",
            });
        });

        it("fails the rate line when the API refuses requests with HTTP 429 although the run kept to 3 per second", async () => {
            await adminPost(simulator.adminUrl, "/rateLimit", { requestsPerSecond: 1 });
            const { argv, config } = internetxArguments(simulator, protocol);
            const report = await doctorAgainst([...argv, "--products", "QUICKSSLPREMIUM"], config);
            const rate = byCheck(report, "rate");
            expect([rate.outcome, rate.summary, rate.hint]).to.deep.equal([
                "fail",
                "the API refused requests with HTTP 429 (Too Many Requests) although this run kept to 3 per second",
                "another program on this IP address uses the same limit (3 requests per second and IP): run pulumi up when it is idle, or lower connection.requestsPerSecond",
            ]);
            expect(rate.evidence).to.match(/^\d+ requests, at most [1-3] in any second, \d+ refused with HTTP 429 \(transcript lines \d+(, \d+)*\)$/);
            expect(exitCode(report.results)).to.equal(1);
        });

        it("leaves the comment lines open for an account without certificates, so the exit code is not 0", async () => {
            const { argv, config } = internetxArguments(simulator, protocol);
            const report = await doctorAgainst([...argv, "--products", "RAPIDSSL"], config);
            expect(byCheck(report, "comment-filter")).to.deep.equal({
                backend: "internetx",
                check: "comment-filter",
                outcome: "open",
                summary: "the account has no certificate to read a comment from: an ignored filter would look the same as a working one",
                evidence: "CertificateList answered no rows",
                hint: "run pulumi-sslmanager doctor --demo-order against the demo system",
            });
            expect(exitCode(report.results)).to.equal(1);
        });

        it("fails a product line when CertificatePrepareOrder refuses the product", async () => {
            const { argv, config } = internetxArguments(simulator, protocol);
            const report = await doctorAgainst([...argv, "--products", "NOSUCHSSL"], config);
            expect(byCheck(report, "product NOSUCHSSL")).to.deep.equal({
                backend: "internetx",
                check: "product NOSUCHSSL",
                outcome: "fail",
                summary: "CertificatePrepareOrder refuses NOSUCHSSL",
                evidence: `HTTP ${protocol === "json" ? 400 : 200}, E400110 "The request is invalid.", EF01010 "product: unknown product NOSUCHSSL", stid <stid>, transcript line 7`,
                hint: "this account cannot order NOSUCHSSL: choose another product or ask InterNetX to enable it",
            });
        });
    });
}

describe("pulumi-sslmanager doctor: InterNetX URL", function () {
    this.timeout(30_000);

    it("fails the url line when nothing listens at the address, naming where the URL came from", async () => {
        const simulator = await startSimulator();
        const { argv, config } = internetxArguments(simulator, "json");
        await simulator.close();
        const report = await doctorAgainst(argv, config);
        const url = byCheck(report, "url");
        expect([url.outcome, url.summary, url.hint]).to.deep.equal(["fail", "nothing answers at 127.0.0.1:<port> (ECONNREFUSED)", "check the URL (http://127.0.0.1:<port>/v1, from the resource argument connection.url) and any firewall between this machine and it"]);
    });

    it("fails the url line when the address answers its list with HTTP 404, even in InterNetX's envelope, as a wrong API path does", async () => {
        const simulator = await startSimulator();
        try {
            const { argv, config } = internetxArguments(simulator, "json");
            const report = await doctorAgainst(argv.map((value) => (value === simulator.url ? simulator.url.replace(/\/v1$/, "/v2") : value)), config);
            const url = byCheck(report, "url");
            expect([url.outcome, url.summary]).to.deep.equal(["fail", "http://127.0.0.1:<port>/v2 answers HTTP 404 to SslContactList, a route every account has"]);
        } finally {
            await simulator.close();
        }
    });

    it("fails the url line when the address answers, but not with InterNetX's envelope", async () => {
        const simulator = await startSimulator();
        const other = createServer((_request, response) => response.writeHead(200, { "content-type": "text/html" }).end("<html>a web site</html>"));
        await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
        try {
            const { argv, config } = internetxArguments(simulator, "json");
            const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/v1`;
            const report = await doctorAgainst(argv.map((value) => (value === simulator.url ? otherUrl : value)), config);
            const url = byCheck(report, "url");
            expect([url.outcome, url.summary]).to.deep.equal(["fail", "http://127.0.0.1:<port>/v1 answers HTTP 200, but not with InterNetX's response envelope"]);
        } finally {
            await new Promise((resolve) => other.close(resolve));
            await simulator.close();
        }
    });
});
