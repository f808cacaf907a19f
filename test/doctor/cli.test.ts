import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { adminPost, orderWithReference } from "./support";

/** The package root (compiled tests run from bin/test/doctor). */
const packageRoot = join(__dirname, "..", "..", "..");
/** The file `npx pulumi-sslmanager` runs: the package's own bin entry, not a path this test chooses. */
const shippedCommand = join(
    packageRoot,
    (JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { bin: Record<string, string> }).bin[
        "pulumi-sslmanager"
    ],
);

interface Run {
    code: number | null;
    stdout: string;
    stderr: string;
}

/**
 * Runs the shipped command in a process of its own, the password handed over as `pulumi config --json
 * --show-secrets` output on stdin (`--config -`), with an environment that holds no AUTODNS_* or ISPMANAGER_* value.
 */
function runCommand(argv: string[], stdin: string): Promise<Run> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [shippedCommand, ...argv], {
            env: { PATH: process.env.PATH ?? "" },
            stdio: ["pipe", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout, stderr }));
        child.stdin.end(stdin);
    });
}

/** Stids and ports vary between runs. */
const stable = (text: string) =>
    text.replace(/stid \d{8}-sim-\d+/g, "stid <stid>").replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:<port>");
const reference = "psm1-0123456789abcdef0123456789abcdef";

describe("pulumi-sslmanager doctor as shipped: the package's bin entry in a process of its own", function () {
    this.timeout(60_000);
    let simulator: RunningSimulator;
    beforeEach(async () => {
        simulator = await startSimulator({ issuanceDelayMs: 60_000 });
    });
    afterEach(() => simulator.close());

    const doctor = (...extra: string[]) =>
        runCommand(
            [
                "doctor",
                "--url",
                simulator.url,
                "--user",
                simulator.user,
                "--context",
                simulator.context,
                "--products",
                "RAPIDSSL",
                "--config",
                "-",
                ...extra,
            ],
            JSON.stringify({ "internetx:password": { value: simulator.password, secret: true } }),
        );

    it("is the doctor's command line, with the node shebang npx runs it by", () => {
        expect(shippedCommand).to.equal(join(packageRoot, "bin", "provider", "doctor", "cli.js"));
        expect(readFileSync(shippedCommand, "utf8").split("\n")[0]).to.equal("#!/usr/bin/env node");
    });

    it("exits 0 and says so when every check passes against the bundled simulator", async () => {
        await orderWithReference(simulator, "json", "www.example.com", reference);
        const run = await doctor();
        expect([run.code, run.stderr]).to.deep.equal([0, ""]);
        const lines = stable(run.stdout).split("\n");
        expect(lines.map((line) => /^(PASS|FAIL|OPEN) internetx [^:]+/.exec(line)?.[0] ?? line)).to.deep.equal([
            "PASS internetx system",
            "PASS internetx url",
            "PASS internetx credentials",
            "PASS internetx contacts",
            "PASS internetx certificates",
            "PASS internetx comment-kept",
            "PASS internetx comment-filter",
            "PASS internetx job-list",
            "PASS internetx job-history",
            "PASS internetx poll",
            "PASS internetx product RAPIDSSL",
            "PASS internetx rate",
            "",
            "all 12 checks passed",
            "",
        ]);
        expect(lines[5]).to.equal(
            'PASS internetx comment-kept: certificates listed with keys[]=comment carry a comment: 1 of 1 (1 with this provider\'s order reference) [certificate 1000 carries "psm1-0123456789abcdef0123456789abcdef"; HTTP 200, S400105 "Certificates were listed successfully.", stid <stid>, transcript line 4]',
        );
        expect(run.stdout).not.to.include(simulator.password);
    });

    it("exits 1 when one check fails (the API ignores the filter on comment), printing the failing line with its hint", async () => {
        await orderWithReference(simulator, "json", "www.example.com", reference);
        await adminPost(simulator.adminUrl, "/settings", { ignoreUnknownFilterKeys: true });
        const run = await doctor();
        expect([run.code, run.stderr]).to.deep.equal([1, ""]);
        const lines = stable(run.stdout).split("\n");
        const failing = lines.indexOf(lines.find((line) => line.startsWith("FAIL"))!);
        expect(lines.slice(failing, failing + 2)).to.deep.equal([
            'FAIL internetx comment-filter: a filter on a comment no certificate carries answered 1 certificate: the API ignores the filter on comment [on a comment no certificate carries: HTTP 200, S400105 "Certificates were listed successfully.", stid <stid>, transcript line 5]',
            "     → the provider would take another order for its own: do not run pulumi up with this account until InterNetX filters on comment (ask for the ACL), and report it with this line",
        ]);
        expect(lines.filter((line) => /^(FAIL|OPEN) /.test(line))).to.have.length(1);
        expect(lines.slice(-2)).to.deep.equal(["1 of 12 checks did not pass", ""]);
    });

    it("prints parseable results with --json, the failing one field by field, and exits 1", async () => {
        await adminPost(simulator.adminUrl, "/settings", { dropsComment: true });
        await orderWithReference(simulator, "json", "www.example.com", reference);
        const run = await doctor("--json");
        expect([run.code, run.stderr]).to.deep.equal([1, ""]);
        const printed = JSON.parse(stable(run.stdout)) as { passed: boolean; results: Record<string, string>[] };
        expect(Object.keys(printed)).to.deep.equal(["passed", "results"]);
        expect(printed.passed).to.equal(false);
        expect(printed.results.map((result) => `${result.backend} ${result.outcome} ${result.check}`)).to.deep.equal([
            "internetx pass system",
            "internetx pass url",
            "internetx pass credentials",
            "internetx pass contacts",
            "internetx pass certificates",
            "internetx fail comment-kept",
            "internetx open comment-filter",
            "internetx pass job-list",
            "internetx pass job-history",
            "internetx pass poll",
            "internetx pass product RAPIDSSL",
            "internetx pass rate",
        ]);
        expect(printed.results[5]).to.deep.equal({
            backend: "internetx",
            check: "comment-kept",
            outcome: "fail",
            summary:
                "no certificate listed with keys[]=comment carries a comment (1 listed), nor does CertificateInfo of the newest, certificate 1000",
            evidence:
                'list: HTTP 200, S400105 "Certificates were listed successfully.", stid <stid>, transcript line 4; CertificateInfo: HTTP 200, S400104 "Certificate data were inquired successfully.", stid <stid>, transcript line 5',
            hint: 'if this provider ordered them, the account does not keep the order reference: ask InterNetX for the ACLs of the certificate comment (swagger Certificate.comment: "Requires appropriate ACLs"); without it a run that dies after ordering finds its order only by its CSR',
        });
        expect(printed.results[0]).to.deep.equal({
            backend: "internetx",
            check: "system",
            outcome: "pass",
            summary:
                "http://127.0.0.1:<port>/v1 is neither InterNetX address (a simulator, a proxy or a reseller's gateway): what it answers decides",
            evidence: "host 127.0.0.1:<port>, context 4, from the resource argument connection.url",
        });
    });

    it("refuses a password on the command line with exit code 2 before any request, naming the option", async () => {
        const run = await runCommand(
            ["doctor", "--url", simulator.url, "--user", simulator.user, "--password", "secret-on-the-command-line"],
            "",
        );
        expect([run.code, run.stdout]).to.deep.equal([2, ""]);
        expect(run.stderr).to.equal(
            "pulumi-sslmanager doctor: --password: a password on the command line ends up in the shell history: use the stack config (pulumi config set --secret) or the environment\n",
        );
        const requests = (await (await fetch(`${simulator.adminUrl}/requests`)).json()) as unknown[];
        expect(requests).to.deep.equal([]);
    });
});
