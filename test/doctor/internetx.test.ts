import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exitCode } from "../../provider/doctor/result";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { adminPost, byCheck, doctorAgainst, internetxArguments, orderWithReference } from "./support";

for (const protocol of ["json", "xml"] as const) {
    describe(`pulumi-sslmanager doctor: InterNetX over ${protocol.toUpperCase()}`, function () {
        this.timeout(60_000);
        let simulator: RunningSimulator;
        beforeEach(async () => {
            simulator = await startSimulator({ issuanceDelayMs: 60_000 });
        });
        afterEach(() => simulator.close());
        /** How the comment check asks Certificate List for the comment key (swagger Certificate List `keys`) in this protocol. */
        const asked = protocol === "xml" ? "<key>comment</key>" : "keys[]=comment";
        const reference = "psm1-0123456789abcdef0123456789abcdef";
        const outcomes = (report: { results: { outcome: string; check: string }[] }) =>
            report.results.map((result) => `${result.outcome} ${result.check}`);

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
            // The simulator's rows carry `comment` only when the request asks for the key: this line passing shows the ask.
            expect(byCheck(report, "comment-kept")).to.deep.equal({
                backend: "internetx",
                check: "comment-kept",
                outcome: "pass",
                summary: `certificates listed with ${asked} carry a comment: 1 of 1 (1 with this provider's order reference)`,
                evidence:
                    'certificate 1000 carries "psm1-0123456789abcdef0123456789abcdef"; HTTP 200, S400105 "Certificates were listed successfully.", stid <stid>, transcript line 4',
            });
            expect(byCheck(report, "comment-filter")).to.deep.equal({
                backend: "internetx",
                check: "comment-filter",
                outcome: "pass",
                summary:
                    'a filter on comment "psm1-0123456789abcdef0123456789abcdef" answered certificate 1000 alone, and one on a comment no certificate carries answered none of 1 listed',
                evidence:
                    'on "psm1-0123456789abcdef0123456789abcdef": HTTP 200, S400105 "Certificates were listed successfully.", stid <stid>, transcript line 6; on a comment no certificate carries: HTTP 200, S400105 "Certificates were listed successfully.", stid <stid>, transcript line 5',
            });
            expect(byCheck(report, "credentials").evidence).to.equal(
                'HTTP 200, S400205 "Contacts were listed successfully.", stid <stid>, transcript line 2',
            );
            expect(exitCode(report.results)).to.equal(0);
        });

        it("asks Certificate List for the comment key in the comment checks, as the simulator's request log shows", async () => {
            await orderWithReference(simulator, protocol, "www.example.com", reference);
            const admin = new SimulatorAdmin(simulator.adminUrl);
            await admin.clearRequests();
            const { argv, config } = internetxArguments(simulator, protocol);
            await doctorAgainst(argv, config);
            // Each Certificate List (400105): how it asked for the key (JSON the query string, XML a <key> beside <view>),
            // and the comment it filtered on, if any.
            const lists = (await admin.requests())
                .filter((logged) => logged.taskCode === "400105")
                .map((logged) => {
                    const key =
                        protocol === "xml"
                            ? (/<\/view>(<key>[^<]*<\/key>)/.exec(logged.body)?.[1] ?? "")
                            : logged.query;
                    const filtered =
                        protocol === "xml"
                            ? /<where><key>comment<\/key><operator>eq<\/operator><value>([^<]*)<\/value><\/where>/.exec(
                                  logged.body,
                              )?.[1]
                            : (JSON.parse(logged.body) as { filters?: { key: string; value: string }[] }).filters?.find(
                                  (filter) => filter.key === "comment",
                              )?.value;
                    // The reference no certificate carries is new each run: `psm1-doctor-<uuid>`.
                    const comment = filtered?.replace(/^psm1-doctor-[0-9a-f-]{36}$/, "psm1-doctor-<uuid>");
                    return `${key || "(no key)"} ${comment ? `comment = ${comment}` : "(no comment filter)"}`;
                });
            expect(lists).to.deep.equal([
                "(no key) (no comment filter)",
                `${asked} (no comment filter)`,
                `${asked} comment = psm1-doctor-<uuid>`,
                `${asked} comment = ${reference}`,
            ]);
        });

        it("fails the credentials line on a wrong password, with the API's answer and how to set it again", async () => {
            const { argv, config } = internetxArguments(simulator, protocol, { password: "not-the-password" });
            const report = await doctorAgainst(argv, config);
            expect(report.results.map((result) => `${result.outcome} ${result.check}`)).to.deep.equal([
                "pass system",
                "pass url",
                "fail credentials",
                "pass rate",
            ]);
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
            expect(rate.evidence).to.match(
                /^\d+ requests, at most [1-3] in any second, \d+ refused with HTTP 429 \(transcript lines \d+(, \d+)*\)$/,
            );
            expect(exitCode(report.results)).to.equal(1);
        });

        it("fails the comment-kept line alone when the account keeps no comment (dropsComment), after reading the list with the comment key and CertificateInfo", async () => {
            await adminPost(simulator.adminUrl, "/settings", { dropsComment: true });
            await orderWithReference(simulator, protocol, "www.example.com", reference);
            const { argv, config } = internetxArguments(simulator, protocol);
            const report = await doctorAgainst([...argv, "--products", "RAPIDSSL"], config);
            expect(outcomes(report).filter((line) => !line.startsWith("pass"))).to.deep.equal([
                "fail comment-kept",
                "open comment-filter",
            ]);
            expect(byCheck(report, "comment-kept")).to.deep.equal({
                backend: "internetx",
                check: "comment-kept",
                outcome: "fail",
                summary: `no certificate listed with ${asked} carries a comment (1 listed), nor does CertificateInfo of the newest, certificate 1000`,
                evidence:
                    'list: HTTP 200, S400105 "Certificates were listed successfully.", stid <stid>, transcript line 4; CertificateInfo: HTTP 200, S400104 "Certificate data were inquired successfully.", stid <stid>, transcript line 5',
                hint: 'if this provider ordered them, the account does not keep the order reference: ask InterNetX for the ACLs of the certificate comment (swagger Certificate.comment: "Requires appropriate ACLs"); without it a run that dies after ordering finds its order only by its CSR',
            });
            expect(byCheck(report, "comment-filter")).to.deep.equal({
                backend: "internetx",
                check: "comment-filter",
                outcome: "open",
                summary:
                    "a filter on a comment no certificate carries answered none of 1 listed, but no certificate carries a comment to find by it",
                evidence:
                    'on a comment no certificate carries: HTTP 200, S400105 "Certificates were listed successfully.", stid <stid>, transcript line 6',
                hint: "run pulumi-sslmanager doctor --demo-order against the demo system to see the filter find an order by its reference",
            });
            expect(exitCode(report.results)).to.equal(1);
        });

        it("fails the comment-filter line alone when the API ignores the filter on comment (ignoreUnknownFilterKeys)", async () => {
            await orderWithReference(simulator, protocol, "www.example.com", reference);
            await adminPost(simulator.adminUrl, "/settings", { ignoreUnknownFilterKeys: true });
            const { argv, config } = internetxArguments(simulator, protocol);
            const report = await doctorAgainst([...argv, "--products", "RAPIDSSL"], config);
            expect(outcomes(report).filter((line) => !line.startsWith("pass"))).to.deep.equal(["fail comment-filter"]);
            expect(byCheck(report, "comment-filter")).to.deep.equal({
                backend: "internetx",
                check: "comment-filter",
                outcome: "fail",
                summary:
                    "a filter on a comment no certificate carries answered 1 certificate: the API ignores the filter on comment",
                evidence:
                    'on a comment no certificate carries: HTTP 200, S400105 "Certificates were listed successfully.", stid <stid>, transcript line 5',
                hint: "the provider would take another order for its own: do not run pulumi up with this account until InterNetX filters on comment (ask for the ACL), and report it with this line",
            });
            expect(exitCode(report.results)).to.equal(1);
        });

        it("fails the comment-kept line alone when list rows lack the comment although asked (listKeysIgnored), and still finds the certificate by its filter", async () => {
            await orderWithReference(simulator, protocol, "www.example.com", reference);
            await adminPost(simulator.adminUrl, "/settings", { listKeysIgnored: true });
            const { argv, config } = internetxArguments(simulator, protocol);
            const report = await doctorAgainst([...argv, "--products", "RAPIDSSL"], config);
            expect(outcomes(report).filter((line) => !line.startsWith("pass"))).to.deep.equal(["fail comment-kept"]);
            expect(byCheck(report, "comment-kept")).to.deep.equal({
                backend: "internetx",
                check: "comment-kept",
                outcome: "fail",
                summary: `no certificate listed with ${asked} carries a comment (1 listed), but CertificateInfo of certificate 1000 carries "${reference}": the list does not answer the comment key`,
                evidence:
                    'list: HTTP 200, S400105 "Certificates were listed successfully.", stid <stid>, transcript line 4; CertificateInfo: HTTP 200, S400104 "Certificate data were inquired successfully.", stid <stid>, transcript line 5',
                hint: "the account keeps the order reference, but its list rows do not carry it: the provider then reads CertificateInfo of each certificate of a name to find a lost order (one request more per certificate); report this line so that docs/wire-format.md says so",
            });
            expect(byCheck(report, "comment-filter").summary).to.equal(
                `a filter on comment "${reference}" answered certificate 1000 alone, and one on a comment no certificate carries answered none of 1 listed`,
            );
        });

        it("leaves the comment lines open for an account without certificates, so the exit code is not 0", async () => {
            const { argv, config } = internetxArguments(simulator, protocol);
            const report = await doctorAgainst([...argv, "--products", "RAPIDSSL"], config);
            expect(byCheck(report, "comment-filter")).to.deep.equal({
                backend: "internetx",
                check: "comment-filter",
                outcome: "open",
                summary:
                    "the account has no certificate to read a comment from: an ignored filter would look the same as a working one",
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
        expect([url.outcome, url.summary, url.hint]).to.deep.equal([
            "fail",
            "nothing answers at 127.0.0.1:<port> (ECONNREFUSED)",
            "check the URL (http://127.0.0.1:<port>/v1, from the resource argument connection.url) and any firewall between this machine and it",
        ]);
    });

    it("fails the url line when the address answers its list with HTTP 404, even in InterNetX's envelope, as a wrong API path does", async () => {
        const simulator = await startSimulator();
        try {
            const { argv, config } = internetxArguments(simulator, "json");
            const report = await doctorAgainst(
                argv.map((value) => (value === simulator.url ? simulator.url.replace(/\/v1$/, "/v2") : value)),
                config,
            );
            const url = byCheck(report, "url");
            expect([url.outcome, url.summary]).to.deep.equal([
                "fail",
                "http://127.0.0.1:<port>/v2 answers HTTP 404 to SslContactList, a route every account has",
            ]);
        } finally {
            await simulator.close();
        }
    });

    it("fails the url line when the address answers, but not with InterNetX's envelope", async () => {
        const simulator = await startSimulator();
        const other = createServer((_request, response) =>
            response.writeHead(200, { "content-type": "text/html" }).end("<html>a web site</html>"),
        );
        await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
        try {
            const { argv, config } = internetxArguments(simulator, "json");
            const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/v1`;
            const report = await doctorAgainst(
                argv.map((value) => (value === simulator.url ? otherUrl : value)),
                config,
            );
            const url = byCheck(report, "url");
            expect([url.outcome, url.summary]).to.deep.equal([
                "fail",
                "http://127.0.0.1:<port>/v1 answers HTTP 200, but not with InterNetX's response envelope",
            ]);
        } finally {
            await new Promise((resolve) => other.close(resolve));
            await simulator.close();
        }
    });
});
