import { exitCode } from "../../provider/doctor/result";
import { RunningIspmanagerSimulator, startIspmanagerSimulator } from "../../simulator/ispmanager";
import { expect } from "../support/client";
import { adminPost, billmanagerOrder, byCheck, doctorAgainst, ispmanagerArguments } from "./support";

describe("pulumi-sslmanager doctor: BILLmanager", function () {
    this.timeout(60_000);
    let simulator: RunningIspmanagerSimulator;
    beforeEach(async () => {
        simulator = await startIspmanagerSimulator({ issuanceDelayMs: 60_000 });
    });
    afterEach(() => simulator.close());

    it("passes every check for an account with an order, the tariff's periods and its DNS validation, and exits 0", async () => {
        await billmanagerOrder(simulator, "shop.example.com");
        const { argv, config } = ispmanagerArguments(simulator, ["--tariff", "55326", "--validation-method", "DNS"]);
        const report = await doctorAgainst(argv, config);
        expect(report.results.map((result) => `${result.outcome} ${result.check}`)).to.deep.equal([
            "pass url",
            "pass authinfo",
            "pass two-factor",
            "pass ssl-module",
            "pass columns",
            "pass tariff 55326 12 months",
            "pass tariff 55326 24 months",
            "pass validation DNS",
            "pass rate",
        ]);
        expect(byCheck(report, "columns").summary).to.equal(
            "the list carries the columns this provider reads: id, CN, status_msg, item_status_orig, pricelist_id",
        );
        expect(byCheck(report, "tariff 55326 12 months").summary).to.equal(
            "tariff 55326 (GlobalSign DomainSSL) is offered for 12 months (8 countries)",
        );
        expect(exitCode(report.results)).to.equal(0);
    });

    it("fails the authinfo line on a wrong password, saying that a two-factor account is refused the same way", async () => {
        const { argv, config } = ispmanagerArguments(simulator, [], "not-the-password");
        const report = await doctorAgainst(argv, config);
        expect(report.results.map((result) => `${result.outcome} ${result.check}`)).to.deep.equal([
            "pass url",
            "fail authinfo",
            "pass rate",
        ]);
        expect(byCheck(report, "authinfo")).to.deep.equal({
            backend: "ispmanager",
            check: "authinfo",
            outcome: "fail",
            summary: "the billing system refused authinfo for reseller@example.com",
            evidence: 'HTTP 200, auth "Authorization failed: wrong user name or password", transcript line 2',
            hint: "set the password again: pulumi config set --secret ispmanager:password (or ISPMANAGER_PASSWORD); an account with two-factor authentication is refused the same way",
        });
    });

    it("fails the two-factor line for an account with two-factor authentication", async () => {
        await adminPost(simulator.adminUrl, "/settings", { twoFactorAccount: true });
        const { argv, config } = ispmanagerArguments(simulator);
        const report = await doctorAgainst(argv, config);
        expect(byCheck(report, "two-factor")).to.deep.equal({
            backend: "ispmanager",
            check: "two-factor",
            outcome: "fail",
            summary: "the account reseller@example.com has two-factor authentication, which the API cannot use",
            evidence:
                'HTTP 200, auth "Two-factor authentication is enabled for this account: a one-time code is required", transcript line 2',
            hint: 'disable 2FA for this account or use another account without it ("Reselling SSL certificates through BILLmanager")',
        });
        expect(exitCode(report.results)).to.equal(1);
    });

    it("fails the ssl-module line when the billing system has no SSL reselling functions", async () => {
        await adminPost(simulator.adminUrl, "/settings", { withoutSslModule: true });
        const { argv, config } = ispmanagerArguments(simulator);
        const report = await doctorAgainst(argv, config);
        expect(byCheck(report, "ssl-module")).to.deep.equal({
            backend: "ispmanager",
            check: "ssl-module",
            outcome: "fail",
            summary: "the billing system has no function certificate: the SSL reselling module is missing",
            evidence: "HTTP 200, missed \"Unknown function 'certificate'\", transcript line 2",
            hint: "this account's billing system does not resell SSL certificates: ask ispmanager to enable SSL reselling for it, or use the account that has it",
        });
    });

    it("fails the tariff lines for a tariff the billing system does not have, and the validation line for a method the tariff lacks", async () => {
        const { argv, config } = ispmanagerArguments(simulator, ["--tariff", "99999", "--period", "12"]);
        const unknown = await doctorAgainst(argv, config);
        expect(byCheck(unknown, "tariff 99999 12 months")).to.deep.equal({
            backend: "ispmanager",
            check: "tariff 99999 12 months",
            outcome: "fail",
            summary: "the billing system has no tariff 99999",
            evidence:
                "HTTP 200, value \"The value of 'pricelist' field is invalid: no such tariff\", transcript line 3",
            hint: 'set pricelist to a tariff id of your price list ("SSL certificate ID\'s" in ispmanager\'s "Reselling SSL certificates")',
        });
        const period = await doctorAgainst(
            ispmanagerArguments(simulator, ["--tariff", "55328", "--period", "36", "--validation-method", "DNS"]).argv,
            config,
        );
        expect(byCheck(period, "tariff 55328 36 months").summary).to.equal("tariff 55328 is not offered for 36 months");
        expect(byCheck(period, "validation DNS")).to.deep.equal({
            backend: "ispmanager",
            check: "validation DNS",
            outcome: "fail",
            summary: "GlobalSign OrganizationSSL (tariff 55328) offers EMAIL validation only",
            evidence:
                "the documented tariff table (docs/ispmanager.md); no function lists the methods without ordering",
            hint: "choose a validation method the tariff offers",
        });
    });

    it("leaves the columns line open for an account without certificates", async () => {
        const { argv, config } = ispmanagerArguments(simulator);
        const report = await doctorAgainst(argv, config);
        expect([byCheck(report, "columns").outcome, byCheck(report, "columns").summary]).to.deep.equal([
            "open",
            "the account has no certificate, so the list shows no columns to check",
        ]);
    });
});
