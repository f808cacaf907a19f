import { basename, join } from "node:path";
import { tmpdir } from "node:os";
import { mkdtempSync } from "node:fs";
import { Client } from "../../provider/internetx/client";
import { generateKeyAndCsr, parseCertificate, splitPemBlocks, verifyChain } from "../../provider/x509";
import { PulumiWorkspace, pulumiPath } from "../../scripts/pulumi-cli/workspace";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { testContactRequest } from "../support/stack";

/**
 * The real Pulumi CLI end to end: `pulumi up/preview/refresh/destroy` and the `import` option on
 * the examples, with a local file backend and a passphrase secrets provider, against the simulator. The CLI comes
 * from scripts/pulumi-cli/setup.sh (built from its Go module on first use); if it cannot be had, these tests fail
 * with the reason rather than being skipped.
 */
describe("the Pulumi CLI end to end against the simulator", function () {
    this.timeout(60 * 60 * 1000);
    let path: string;
    let simulator: RunningSimulator;
    let admin: SimulatorAdmin;
    let client: Client;

    before(async () => {
        path = pulumiPath();
        simulator = await startSimulator({ issuanceDelayMs: 1000 });
        admin = new SimulatorAdmin(simulator.adminUrl);
        client = new Client({
            url: simulator.url,
            user: simulator.user,
            password: simulator.password,
            context: simulator.context,
        });
    });
    after(async () => {
        await client?.close();
        await simulator?.close();
    });

    function workspace(example: string): PulumiWorkspace {
        return new PulumiWorkspace(mkdtempSync(join(tmpdir(), `sslmanager-cli-${basename(example)}-`)), example, path);
    }

    it("runs the quickstart: up, preview without changes, reissue on new SANs, refresh after deletion, destroy", async () => {
        const quickstart = workspace("quickstart");
        await quickstart.must(["stack", "init", "e2e"]);
        await quickstart.configureSimulator(simulator);
        await quickstart.must(["config", "set", "pollIntervalSeconds", "0.5"]);
        const ordersBefore = (await admin.state()).orders;

        await quickstart.must(["up", "--yes", "--skip-preview"]);
        const first = await quickstart.outputs();
        const [leafPem, ...intermediates] = splitPemBlocks(String(first.fullChainPem));
        expect((await verifyChain(leafPem, intermediates, String(first.rootPem))).valid).to.equal(true);
        expect(first.issuedNames).to.have.members(["www.example.com", "example.com"]);
        expect((await admin.state()).orders).to.equal(ordersBefore + 1);

        const preview = await quickstart.pulumi(["preview", "--expect-no-changes"]);
        expect(preview.code, preview.stdout + preview.stderr).to.equal(0);

        await quickstart.must(["config", "set", "--path", "subjectAlternativeNames[0]", "example.com"]);
        await quickstart.must(["config", "set", "--path", "subjectAlternativeNames[1]", "api.example.com"]);
        // The issued names are an output of their own: the diff shows the one added name, not a rename of the first.
        const diff = await quickstart.must(["preview", "--diff"]);
        expect(diff.stdout).to.include('+ [1]: "api.example.com"');
        expect(diff.stdout).not.to.include('"www.example.com" => "example.com"');
        // The dynamic-provider server passes the engine no detailed diff, so it lists the successor reference each
        // check derives beside the names (docs/lifecycle.md, "Why a replaced resource's certificate is never adopted").
        expect(diff.stdout).to.match(/~ orderReference +: "psm1-[0-9a-f]{32}" => "psm1-[0-9a-f]{32}"/);
        const reissue = await quickstart.must(["up", "--yes", "--skip-preview"]);
        expect(reissue.stdout).to.match(/~ 1 updated|1 updated/);
        expect(reissue.stdout).to.match(
            /dynamic\/internetx:Certificate www updated \(\d+s\) \[diff: ~orderReference,subjectAlternativeNames\]/,
        );
        const second = await quickstart.outputs();
        expect(second.certificateId).to.equal(first.certificateId);
        expect(second.serialNumber).not.to.equal(first.serialNumber);
        expect(
            (
                await parseCertificate(
                    String(second.fullChainPem).split("-----END CERTIFICATE-----")[0] + "-----END CERTIFICATE-----\n",
                )
            ).dnsNames,
        ).to.have.members(["www.example.com", "example.com", "api.example.com"]);
        expect((await admin.state()).orders).to.equal(ordersBefore + 1);

        await client.certificate.delete(String(second.certificateId));
        const refresh = await quickstart.must(["refresh", "--yes", "--skip-preview"]);
        expect(refresh.stdout).to.match(/- 1 deleted|1 deleted/);
        const state = JSON.parse((await quickstart.must(["stack", "export"])).stdout) as {
            deployment: { resources?: { type: string }[] };
        };
        expect((state.deployment.resources ?? []).map((resource) => resource.type)).not.to.include(
            "pulumi-nodejs:dynamic/internetx:Certificate",
        );

        await quickstart.must(["destroy", "--yes", "--skip-preview"]);
        const after = await admin.state();
        expect(after.contacts).to.equal(0);
        expect(after.certificates.filter((certificate) => certificate.name === "www.example.com")).to.deep.equal([]);
    });

    it("creates ten certificates in one up, each issued for its own name and key, then previews without changes", async () => {
        const fleet = workspace("fleet");
        await fleet.must(["stack", "init", "fleet"]);
        await fleet.configureSimulator(simulator);
        await fleet.must(["config", "set", "count", "10"]);
        await fleet.must(["config", "set", "pollIntervalSeconds", "0.5"]);
        await admin.settings({ issuanceDelayMs: 2000, latencyMs: 30 });
        const ordersBefore = (await admin.state()).orders;
        try {
            await fleet.must(["up", "--yes", "--skip-preview"]);
        } finally {
            await admin.settings({ issuanceDelayMs: 1000, latencyMs: 0 });
        }
        const outputs = await fleet.outputs();
        const names = Array.from({ length: 10 }, (_, index) => `site-${index}.fleet.example.com`);
        expect(outputs.names).to.deep.equal(names);
        const commonNames = await Promise.all(
            (outputs.certificatePems as string[]).map(async (pem) => (await parseCertificate(pem)).commonName),
        );
        expect(commonNames).to.deep.equal(names);
        expect(new Set(outputs.serialNumbers as string[]).size).to.equal(10);
        expect((await admin.state()).orders).to.equal(ordersBefore + 10);
        const preview = await fleet.pulumi(["preview", "--expect-no-changes"]);
        expect(preview.code, preview.stdout + preview.stderr).to.equal(0);
        await fleet.must(["destroy", "--yes", "--skip-preview"]);
    });

    it("refuses at the first preview of a fresh stack, while the contact id is unknown, a 1024-bit key, a bad SAN and an unknown product, and creates nothing", async () => {
        const fresh = workspace("test/e2e/programs/first-hour");
        await fresh.must(["stack", "init", "mistakes"]);
        await fresh.configureSimulator(simulator);
        await fresh.must([
            "config",
            "set",
            "certificate",
            JSON.stringify({
                privateKey: { algorithm: "RSA", rsaBits: 1024 },
                subjectAlternativeNames: ["www..example.com"],
                product: "NOSUCHSSL",
            }),
        ]);
        const before = await admin.state();
        const preview = await fresh.pulumi(["preview"]);
        const output = preview.stdout + preview.stderr;
        expect(preview.code, output).not.to.equal(0);
        const errors = [
            ...new Set(
                output
                    .split("\n")
                    .filter((line) => line.includes("has a problem"))
                    .map((line) => line.trim().replace(/^.*?error: /, "")),
            ),
        ];
        expect(errors).to.have.members([
            "pulumi-nodejs:dynamic/internetx:Certificate resource 'www' has a problem: privateKey.rsaBits must be one of 2048, 3072, 4096 bits (got 1024)",
            "pulumi-nodejs:dynamic/internetx:Certificate resource 'www' has a problem: subjectAlternativeNames[0] must be a DNS name like example.com or *.example.com (got \"www..example.com\")",
            "pulumi-nodejs:dynamic/internetx:Certificate resource 'www': property product value {NOSUCHSSL} has a problem: NOSUCHSSL is not a product this provider knows; server certificate products: QUICKSSLPREMIUM, RAPIDSSL, SSL123, SECURESITE, TRUEBUSINESSID",
        ]);
        const after = await admin.state();
        expect([after.contacts, after.orders]).to.deep.equal([before.contacts, before.orders]);
    });

    it("refuses at preview a stack without the InterNetX password, naming the stack config key internetx:password and AUTODNS_PASSWORD, and creates nothing", async () => {
        const fresh = workspace("test/e2e/programs/first-hour");
        await fresh.must(["stack", "init", "nopassword"]);
        await fresh.configureSimulator(simulator);
        await fresh.must(["config", "rm", "internetx:password"]);
        delete fresh.environment.AUTODNS_PASSWORD;
        const before = await admin.state();
        const preview = await fresh.pulumi(["preview"]);
        const output = preview.stdout + preview.stderr;
        expect(preview.code, output).not.to.equal(0);
        const errors = [
            ...new Set(
                output
                    .split("\n")
                    .filter((line) => line.includes("has a problem"))
                    .map((line) => line.trim().replace(/^.*?error: /, "")),
            ),
        ];
        const reason =
            "InterNetX password is not set: set the stack config internetx:password (pulumi config set --secret internetx:password) or the environment variable AUTODNS_PASSWORD, or give connection.password";
        // The engine stops the preview at the first resource whose check fails: the contact, registered first.
        expect(errors).to.deep.equal([
            `pulumi-nodejs:dynamic/internetx:SslContact resource 'admin' has a problem: ${reason}`,
        ]);
        const after = await admin.state();
        expect([after.contacts, after.orders]).to.deep.equal([before.contacts, before.orders]);
    });

    it("previews a contact id given as an integer, and says where a refused URL came from", async () => {
        const fresh = workspace("test/e2e/programs/first-hour");
        await fresh.must(["stack", "init", "numbers"]);
        await fresh.configureSimulator(simulator);
        await fresh.must([
            "config",
            "set",
            "certificate",
            JSON.stringify({ adminContactId: 100, technicalContactId: 100 }),
        ]);
        const preview = await fresh.pulumi(["preview"]);
        expect(preview.code, preview.stdout + preview.stderr).to.equal(0);

        await fresh.must(["config", "set", "internetx:url", "http://127.0.0.1:9/v1"]);
        const refused = await fresh.pulumi(["up", "--yes", "--skip-preview"]);
        expect(refused.code).not.to.equal(0);
        expect(refused.stdout + refused.stderr).to.include(
            "error: SslContactCreate: POST /v1/sslcontact failed (ECONNREFUSED): could not connect to 127.0.0.1:9 (http://127.0.0.1:9/v1, from the stack config internetx:url)",
        );
    });

    it("shows progress under the Certificate, worded for the order and for the reissue, with the time the issuance was seen", async () => {
        const progress = workspace("test/e2e/programs/first-hour");
        await progress.must(["stack", "init", "progress"]);
        await progress.configureSimulator(simulator);
        await progress.must([
            "config",
            "set",
            "certificate",
            JSON.stringify({ name: "progress.example.com", subjectAlternativeNames: [] }),
        ]);
        const created = await progress.must(["up", "--yes", "--skip-preview"]);
        const lines = (output: string) => output.split("\n").filter((line) => line.includes("progress.example.com"));
        const ordered = lines(created.stdout);
        expect(
            ordered.filter((line) => line.includes("[runtime]")),
            created.stdout,
        ).to.deep.equal([]);
        expect(
            ordered.some((line) =>
                /pulumi-nodejs:dynamic\/internetx:Certificate www +creating .*progress\.example\.com: order accepted/.test(
                    line,
                ),
            ),
            created.stdout,
        ).to.equal(true);
        expect(
            ordered.some((line) =>
                /Certificate www .*progress\.example\.com: issued, seen at status check \d+, \d+s after the order was accepted/.test(
                    line,
                ),
            ),
            created.stdout,
        ).to.equal(true);

        await progress.must([
            "config",
            "set",
            "certificate",
            JSON.stringify({ name: "progress.example.com", subjectAlternativeNames: ["www.progress.example.com"] }),
        ]);
        const reissued = await progress.must(["up", "--yes", "--skip-preview"]);
        const reissueLines = lines(reissued.stdout);
        expect(
            reissueLines.filter((line) => line.includes("[runtime]")),
            reissued.stdout,
        ).to.deep.equal([]);
        expect(
            reissueLines.some((line) =>
                /Certificate www +updating .*progress\.example\.com: reissue accepted/.test(line),
            ),
            reissued.stdout,
        ).to.equal(true);
        expect(
            reissueLines.some((line) =>
                /Certificate www .*progress\.example\.com: reissued, seen at status check \d+, \d+s after the reissue was accepted/.test(
                    line,
                ),
            ),
            reissued.stdout,
        ).to.equal(true);
        expect(reissued.stdout).not.to.include("order accepted");
        await progress.must(["destroy", "--yes", "--skip-preview"]);
    });

    it("ends the wait at the first Ctrl-C with the order recorded as pending, and the next up resumes that order", async () => {
        const interrupted = workspace("test/e2e/programs/first-hour");
        await interrupted.must(["stack", "init", "ctrl-c"]);
        await interrupted.configureSimulator(simulator);
        await interrupted.must([
            "config",
            "set",
            "certificate",
            JSON.stringify({ name: "ctrl-c.example.com", subjectAlternativeNames: [] }),
        ]);
        await admin.settings({ issuanceDelayMs: 30_000 });
        const ordersBefore = (await admin.state()).orders;
        let cancelled;
        try {
            // Ctrl-C as a person presses it: SIGINT to the CLI's process group, once the wait is under way.
            cancelled = await interrupted.pulumiInterrupted(["up", "--yes", "--skip-preview"], (output) =>
                /ctrl-c\.example\.com: .*RUNNING/.test(output),
            );
        } finally {
            await admin.settings({ issuanceDelayMs: 1000 });
        }
        const output = cancelled.stdout + cancelled.stderr;
        expect(cancelled.interrupted, output).to.equal(true);
        expect(cancelled.code, output).not.to.equal(0);
        // Prompt: the CLI is done while the CA is still working on the order (it needs 30 s).
        const during = await admin.state();
        expect(during.jobs.filter((job) => job.status === "RUNNING").length, output).to.be.greaterThan(0);
        expect(output).to.include(
            "pulumi up was cancelled (Ctrl-C); the order stands and the next pulumi up resumes the wait",
        );
        const state = JSON.parse((await interrupted.must(["stack", "export"])).stdout) as {
            deployment: { resources?: { type: string; outputs?: { status?: string } }[] };
        };
        const recorded = (state.deployment.resources ?? []).find(
            (resource) => resource.type === "pulumi-nodejs:dynamic/internetx:Certificate",
        );
        expect(recorded?.outputs?.status).to.equal("PENDING");

        const resumed = await interrupted.must(["up", "--yes", "--skip-preview"]);
        expect(resumed.stdout).to.include("ctrl-c.example.com: resuming the wait for the order of an earlier run");
        const outputs = await interrupted.outputs();
        expect(outputs.certificateId).to.be.a("string");
        expect((await admin.state()).orders).to.equal(ordersBefore + 1);
        await interrupted.must(["destroy", "--yes", "--skip-preview"]);
    });

    it("resumes an order whose wait timed out on the next up, with exactly one order", async () => {
        const quickstart = workspace("quickstart");
        await quickstart.must(["stack", "init", "resume"]);
        await quickstart.configureSimulator(simulator, "xml");
        await quickstart.must(["config", "set", "domain", "resume.example.com"]);
        await quickstart.must(["config", "set", "pollIntervalSeconds", "0.5"]);
        await quickstart.must(["config", "set", "waitTimeoutSeconds", "1"]);
        await admin.settings({ issuanceDelayMs: 6000 });
        const ordersBefore = (await admin.state()).orders;
        const timedOut = await quickstart.pulumi(["up", "--yes", "--skip-preview"]);
        expect(timedOut.code).not.to.equal(0);
        expect(timedOut.stdout + timedOut.stderr).to.match(/resume\.example\.com: still RUNNING after \d+s/);
        await admin.settings({ issuanceDelayMs: 1000 });
        await quickstart.must(["config", "set", "waitTimeoutSeconds", "120"]);
        await quickstart.must(["up", "--yes", "--skip-preview"]);
        const outputs = await quickstart.outputs();
        expect(
            (
                await parseCertificate(
                    String(outputs.fullChainPem).split("-----END CERTIFICATE-----")[0] + "-----END CERTIFICATE-----\n",
                )
            ).commonName,
        ).to.equal("resume.example.com");
        expect((await admin.state()).orders).to.equal(ordersBefore + 1);
        await quickstart.must(["destroy", "--yes", "--skip-preview"]);
    });

    it("pairs DNS validation in one up: the validation data, one TXT record per name from it, then the order, which waits for every record", async () => {
        const names = ["shop.example.com", "www.shop.example.com", "shop.example.org"];
        const { csrPem } = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: names[0],
            subjectAlternativeNames: names.slice(1),
        });
        const pairing = workspace("dns-pairing");
        await pairing.must(["stack", "init", "pairing"]);
        await pairing.configureSimulator(simulator);
        await pairing.must(["config", "set", "csr", "--", csrPem]);
        await pairing.must(["config", "set", "--path", "names[0]", names[0]]);
        await pairing.must(["config", "set", "--path", "names[1]", names[1]]);
        await pairing.must(["config", "set", "--path", "names[2]", names[2]]);
        await pairing.must(["config", "set", "simulatorAdminUrl", simulator.adminUrl]);
        await pairing.must(["config", "set", "pollIntervalSeconds", "0.5"]);
        const ordersBefore = (await admin.state()).orders;

        await pairing.must(["up", "--yes", "--skip-preview"]);
        const outputs = await pairing.outputs();
        const dnsRecords = outputs.dnsRecords as { name: string; type: string; value: string; domain: string }[];
        expect(dnsRecords.map((record) => [record.domain, record.name, record.type])).to.deep.equal(
            names.map((name) => [name, `_dnsauth.${name}.`, "TXT"]),
        );
        expect(outputs.dnsRecord).to.deep.equal(dnsRecords[0]);
        const ours = (record: { name: string }) => names.some((name) => record.name === `_dnsauth.${name}.`);
        // The engine creates the three record resources in parallel: they are published in any order.
        expect((await admin.publishedDns()).filter(ours)).to.have.deep.members(
            dnsRecords.map((record) => ({ name: record.name, type: "TXT", value: record.value })),
        );
        const [leafPem, ...intermediates] = splitPemBlocks(String(outputs.fullChainPem));
        const leaf = await parseCertificate(leafPem);
        expect(leaf.commonName).to.equal("shop.example.com");
        expect(leaf.dnsNames).to.have.members(names);
        expect((await verifyChain(leafPem, intermediates, String(outputs.rootPem))).valid).to.equal(true);
        expect((await admin.state()).orders).to.equal(ordersBefore + 1);

        await pairing.must(["destroy", "--yes", "--skip-preview"]);
        expect((await admin.publishedDns()).filter(ours)).to.deep.equal([]);
        expect(
            (await admin.state()).certificates.filter((certificate) => certificate.name === "shop.example.com"),
        ).to.deep.equal([]);
    });

    it("renews a certificate that entered its renewal window: preview shows the update, up renews under the same id without an order", async () => {
        // The simulated CA issues the first certificate 330 days in the past (its clock is set back), so at the real
        // time it expires in about 35 days: inside the example's 45-day renewal window. Then the CA's clock is right again.
        const dayMs = 24 * 60 * 60 * 1000;
        let clockOffsetMs = 330 * dayMs;
        const aging = await startSimulator({ issuanceDelayMs: 1000, now: () => new Date(Date.now() - clockOffsetMs) });
        const agingAdmin = new SimulatorAdmin(aging.adminUrl);
        const agingClient = new Client({
            url: aging.url,
            user: aging.user,
            password: aging.password,
            context: aging.context,
        });
        try {
            const contact = await agingClient.sslcontact.create(testContactRequest);
            const renewal = workspace("renewal");
            await renewal.must(["stack", "init", "renewal"]);
            await renewal.configureSimulator(aging, "xml");
            await renewal.must(["config", "set", "adminContactId", contact.id]);
            await renewal.must(["config", "set", "technicalContactId", contact.id]);
            await renewal.must(["config", "set", "pollIntervalSeconds", "0.5"]);
            await renewal.must(["up", "--yes", "--skip-preview"]);
            const first = await renewal.outputs();
            const daysLeft = (new Date(String(first.notAfter)).getTime() - Date.now()) / dayMs;
            expect(daysLeft).to.be.within(33, 37);

            const preview = await renewal.must(["preview"]);
            expect(preview.stdout).to.match(/~ 1 to update/);
            // The scheduled pipeline's check on the real export: due now, so it fails until pulumi up renews.
            const due = await renewal.renewalCheck();
            expect([due.status, due.stdout]).to.deep.equal([
                1,
                `RENEWAL OVERDUE  www.example.com  not after ${first.notAfter}, renewal due 45 days before\n`,
            ]);
            clockOffsetMs = 0;
            const before = await agingAdmin.state();
            await renewal.must(["up", "--yes", "--skip-preview"]);
            const renewed = await renewal.outputs();
            const after = await agingAdmin.state();
            expect(renewed.certificateId).to.equal(first.certificateId);
            expect(renewed.serialNumber).not.to.equal(first.serialNumber);
            expect((new Date(String(renewed.notAfter)).getTime() - Date.now()) / dayMs).to.be.greaterThan(360);
            expect([after.orders - before.orders, after.renewals - before.renewals]).to.deep.equal([0, 1]);
            const quiet = await renewal.pulumi(["preview", "--expect-no-changes"]);
            expect(quiet.code, quiet.stdout + quiet.stderr).to.equal(0);
            expect((await renewal.renewalCheck()).status).to.equal(0);
            await renewal.must(["destroy", "--yes", "--skip-preview"]);
            expect((await agingAdmin.state()).certificates).to.deep.equal([]);
        } finally {
            await agingClient.close();
            await aging.close();
        }
    });

    it("adopts an existing certificate (the import) with every output filled and no order", async () => {
        const contact = await client.sslcontact.create(testContactRequest);
        const { csrPem } = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "legacy.example.com",
        });
        const accepted = await client.certificate.create({
            name: "legacy.example.com",
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            software: "APACHESSL",
            csr: csrPem,
            adminContactId: contact.id,
            technicalContactId: contact.id,
            authentication: { method: "EMAIL", approverEmails: ["admin@example.com"] },
        });
        // Issued once the job is done; a finished job leaves the job list (its certificate tells the outcome).
        // Job Info names the certificate while the order runs ("Certificate Job Info").
        const orderedId = (await client.job.info(accepted.jobId!)).object!.data!.id!;
        let existing = await client.certificate.info(orderedId);
        while (!existing.server) {
            await new Promise((resolve) => setTimeout(resolve, 500));
            existing = await client.certificate.info(orderedId);
        }
        const certificateId = existing.id;

        const legacy = workspace("import-existing");
        await legacy.must(["stack", "init", "import"]);
        await legacy.configureSimulator(simulator);
        await legacy.must(["config", "set", "name", "legacy.example.com"]);
        await legacy.must(["config", "set", "csr", "--", csrPem]);
        await legacy.must(["config", "set", "adminContactId", contact.id]);
        await legacy.must(["config", "set", "technicalContactId", contact.id]);
        await legacy.must(["config", "set", "certificateId", certificateId]);
        const ordersBefore = (await admin.state()).orders;
        const imported = await legacy.must(["up", "--yes", "--skip-preview"]);
        expect(imported.stdout).to.match(/\+ 2 created/);
        const outputs = await legacy.outputs();
        expect(outputs.notAfter).to.equal(existing.expire);
        expect(String(outputs.fullChainPem).startsWith(existing.server.trim())).to.equal(true);
        expect((await admin.state()).orders).to.equal(ordersBefore);
    });
});
