import { ChildProcess, spawn } from "node:child_process";
import { appendFileSync, chmodSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "../../provider/internetx/client";
import { generateKeyAndCsr, parseCertificate, splitPemBlocks, verifyChain } from "../../provider/x509";
import { PulumiWorkspace, pulumiPath, repositoryRoot } from "../../scripts/pulumi-cli/workspace";
import { pluginPath } from "../../scripts/native/sdks";
import { createIspmanagerCertificate } from "../../provider/resources/ispmanager/lifecycle";
import { checkIspmanagerCertificateInputs } from "../../provider/resources/ispmanager/check";
import { IspmanagerCertificateInputs } from "../../provider/resources/ispmanager/inputs";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { startIspmanagerSimulator } from "../../simulator/ispmanager";
import { IspmanagerSimulatorAdmin } from "../ispmanager/simulatorAdmin";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { testContactRequest } from "../support/stack";

const launcher = join(repositoryRoot, "bin", "provider", "native", "main.js");
const { version } = require(join(repositoryRoot, "package.json")) as { version: string };
const downloadPassword = "Correct-Horse-42";

/**
 * The native provider under the real CLI: Pulumi YAML programs (pulumi-language-yaml built from its Go module by
 * scripts/pulumi-cli/plugins.sh) against the simulator, the plugin installed with `pulumi plugin install --file` or
 * found on PATH as `pulumi-resource-sslmanager`.
 */
describe("the native sslmanager provider under the Pulumi CLI", function () {
    this.timeout(20 * 60 * 1000);
    let cliPath: string;
    let yamlHostPath: string;
    let launcherPath: string;
    let simulator: RunningSimulator;
    let admin: SimulatorAdmin;
    let client: Client;

    before(async () => {
        cliPath = pulumiPath();
        yamlHostPath = pluginPath().languageHosts;
        // What npm does for a package's bin: an executable named after the plugin.
        chmodSync(launcher, 0o755);
        launcherPath = mkdtempSync(join(tmpdir(), "sslmanager-native-plugin-"));
        symlinkSync(launcher, join(launcherPath, "pulumi-resource-sslmanager"));
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

    /** A YAML program; `onPath` puts the launcher on PATH, otherwise the plugin must be installed. */
    function workspace(example: string, onPath: boolean): PulumiWorkspace {
        const path = [...(onPath ? [launcherPath] : []), yamlHostPath, cliPath].join(":");
        return new PulumiWorkspace(mkdtempSync(join(tmpdir(), `sslmanager-native-${example}-`)), example, path);
    }

    async function configureProvider(program: PulumiWorkspace): Promise<void> {
        await program.must(["config", "set", "sslmanager:internetxUrl", simulator.url]);
        await program.must(["config", "set", "sslmanager:internetxUser", simulator.user]);
        await program.must(["config", "set", "sslmanager:internetxContext", simulator.context]);
        await program.must(["config", "set", "--secret", "sslmanager:internetxPassword", "--", simulator.password]);
    }

    async function exported(program: PulumiWorkspace): Promise<string> {
        return (await program.must(["stack", "export"])).stdout;
    }

    async function recordedCertificate(
        program: PulumiWorkspace,
    ): Promise<{ inputs: Record<string, unknown>; outputs: Record<string, unknown> }> {
        return JSON.parse(await exported(program)).deployment.resources.find(
            (resource: { type: string }) => resource.type === "sslmanager:internetx:Certificate",
        );
    }

    it("installs the plugin from the npm package's launcher, then runs a YAML program: up, clean preview, reissue on new SANs, refresh, destroy, secrets encrypted", async () => {
        const program = workspace("native-yaml", false);
        const install = await program.must([
            "plugin",
            "install",
            "resource",
            "sslmanager",
            version,
            "--file",
            launcher,
        ]);
        expect(install.stdout + install.stderr).to.match(new RegExp(`sslmanager.*${version.replace(/\./g, "\\.")}`));
        await program.must(["stack", "init", "native"]);
        await configureProvider(program);
        await program.must(["config", "set", "pollIntervalSeconds", "1"]);
        await program.must(["config", "set", "--secret", "smimeDownloadPassword", downloadPassword]);
        const before = await admin.state();

        const up = await program.must(["up", "--yes", "--skip-preview"]);
        expect(up.stdout).to.match(/\+ 4 created/);
        // Progress is reported under the resource, not the stack.
        expect(up.stdout).to.match(/sslmanager:internetx:Certificate \(www\):\n\s+www\.example\.com: order accepted/);
        const first = await program.outputs();
        const [leafPem, ...intermediates] = splitPemBlocks(String(first.fullChainPem));
        expect((await verifyChain(leafPem, intermediates, String(first.rootPem))).valid).to.equal(true);
        expect(first.issuedNames).to.have.members(["www.example.com", "example.com"]);
        let after = await admin.state();
        expect([
            after.orders - before.orders,
            after.reissues - before.reissues,
            after.contacts - before.contacts,
        ]).to.deep.equal([2, 0, 1]);

        const preview = await program.pulumi(["preview", "--expect-no-changes"]);
        expect(preview.code, preview.stdout + preview.stderr).to.equal(0);

        const state = await exported(program);
        const secrets = {
            apiPassword: simulator.password,
            privateKey: String(first.privateKeyPem),
            pkcs12: String(first.mailPkcs12Base64),
            downloadPassword,
        };
        expect(
            Object.entries(secrets)
                .filter(([, value]) => state.includes(value.trim()))
                .map(([name]) => name),
        ).to.deep.equal([]);
        expect(state).not.to.contain("PRIVATE KEY");

        const orderedUnder = (await recordedCertificate(program)).outputs.orderReference;
        expect(orderedUnder).to.match(/^psm1-[0-9a-f]{32}$/);
        for (const [index, name] of ["www.example.com", "example.com", "api.example.com"].entries()) {
            await program.must(["config", "set", "--path", `subjectAlternativeNames[${index}]`, name]);
        }
        const reissue = await program.must(["up", "--yes"]);
        expect(reissue.stdout).to.match(/~ 1 updated/);
        // The names changed, and only they show: the hidden order reference is the provider's, never in the diff.
        expect(reissue.stdout).to.match(
            /sslmanager:internetx:Certificate +www +update[ds]?.*\[diff: ~subjectAlternativeNames\]/,
        );
        expect(reissue.stdout).not.to.include("orderReference");
        const recorded = await recordedCertificate(program);
        // The certificate stays the one ordered under the first reference; the inputs hold the reference a replacement would get.
        expect(recorded.outputs.orderReference).to.equal(orderedUnder);
        expect(recorded.inputs.orderReference).to.match(/^psm1-[0-9a-f]{32}$/);
        const second = await program.outputs();
        expect(second.certificateId).to.equal(first.certificateId);
        expect(second.serialNumber).not.to.equal(first.serialNumber);
        expect((await parseCertificate(splitPemBlocks(String(second.fullChainPem))[0])).dnsNames).to.have.members([
            "www.example.com",
            "example.com",
            "api.example.com",
        ]);
        after = await admin.state();
        // The preview of `up` reissued nothing: one reissue, no new order.
        expect([after.orders - before.orders, after.reissues - before.reissues]).to.deep.equal([2, 1]);

        await client.certificate.delete(String(second.certificateId));
        const refresh = await program.must(["refresh", "--yes", "--skip-preview"]);
        expect(refresh.stdout).to.match(/- 1 deleted/);
        const types =
            (
                JSON.parse(await exported(program)) as { deployment: { resources?: { type: string }[] } }
            ).deployment.resources?.map((resource) => resource.type) ?? [];
        expect(types.filter((type) => type === "sslmanager:internetx:Certificate")).to.deep.equal([]);

        await program.must(["destroy", "--yes", "--skip-preview"]);
        after = await admin.state();
        expect(after.contacts).to.equal(before.contacts);
        expect(
            after.certificates.filter((certificate) =>
                ["www.example.com", "ada@example.com"].includes(certificate.name),
            ),
        ).to.deep.equal([]);
    });

    it("imports a certificate made directly at InterNetX by its id; the next preview is clean and destroy cancels it", async () => {
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

        const program = workspace("native-import", true);
        await program.must(["stack", "init", "import"]);
        await configureProvider(program);
        const before = await admin.state();

        // What a person does: import, then put the code the import wrote into the program.
        const generated = join(program.directory, "resources.yaml");
        const imported = await program.must([
            "import",
            "sslmanager:internetx:Certificate",
            "www",
            certificateId,
            "--yes",
            "--protect=false",
            "--out",
            generated,
        ]);
        expect(imported.stdout).to.match(/= 1 imported/);
        const code = readFileSync(generated, "utf8");
        expect(code).to.contain(`adminContactId: '${contact.id}'`);
        appendFileSync(
            join(program.programDirectory, "Pulumi.yaml"),
            `${code}\noutputs:\n  certificateId: \${www.certificateId}\n  notAfter: \${www.notAfter}\n  fullChainPem: \${www.fullChainPem}\n`,
        );
        const preview = await program.pulumi(["preview", "--expect-no-changes"]);
        expect(preview.code, preview.stdout + preview.stderr).to.equal(0);
        await program.must(["up", "--yes", "--skip-preview"]);
        const outputs = await program.outputs();
        expect([outputs.certificateId, outputs.notAfter]).to.deep.equal([certificateId, existing.expire]);
        expect(String(outputs.fullChainPem).startsWith(existing.server.trim())).to.equal(true);
        expect((await admin.state()).orders).to.equal(before.orders);

        await program.must(["destroy", "--yes", "--skip-preview"]);
        expect(
            (await admin.state()).certificates.filter((certificate) => certificate.id === certificateId),
        ).to.deep.equal([]);
        await client.sslcontact.delete(contact.id);
    });

    it("imports a BILLmanager certificate by its id; once the program adds what the billing system does not return (subject and contacts), one up records them without a request that changes anything and the preview is clean", async () => {
        const billing = await startIspmanagerSimulator({ issuanceDelayMs: 100 });
        const billingAdmin = new IspmanagerSimulatorAdmin(billing.adminUrl);
        // The loopback simulator takes more than the client's conservative default pace (here and in the provider).
        process.env.ISPMANAGER_REQUESTS_PER_SECOND = "100";
        try {
            const contact = (firstName: string) => ({
                firstName,
                lastName: "Petrov",
                jobTitle: "CTO",
                email: `${firstName.toLowerCase()}@example.com`,
                phone: "+7 495 1234567",
            });
            const subject = {
                country: "182",
                region: "Moscow",
                city: "Moscow",
                organization: "Primer LLC",
                adminContact: contact("Ivan"),
                technicalContact: contact("Anna"),
            };
            const { csrPem } = await generateKeyAndCsr({
                key: { algorithm: "ECDSA", curve: "P256" },
                commonName: "billing.example.com",
            });
            const connection = { url: billing.url, user: billing.user, password: billing.password };
            const checked = await checkIspmanagerCertificateInputs({
                domain: "billing.example.com",
                pricelist: "55364",
                periodMonths: 12,
                csr: csrPem,
                validationMethod: "EMAIL",
                pollIntervalSeconds: 0.2,
                ...subject,
                connection,
            });
            expect(checked.failures).to.deep.equal([]);
            const created = await createIspmanagerCertificate(checked.inputs as IspmanagerCertificateInputs, {
                log: () => undefined,
                clock: { now: () => new Date(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
            });

            const program = workspace("native-import", true);
            const before = await billingAdmin.state();
            await program.must(["stack", "init", "billing"]);
            await program.must(["config", "set", "sslmanager:ispmanagerUrl", billing.url]);
            await program.must(["config", "set", "sslmanager:ispmanagerUser", billing.user]);
            await program.must(["config", "set", "--secret", "sslmanager:ispmanagerPassword", "--", billing.password]);
            const generated = join(program.directory, "resources.yaml");
            const imported = await program.must([
                "import",
                "sslmanager:ispmanager:Certificate",
                "web",
                created.id,
                "--yes",
                "--protect=false",
                "--out",
                generated,
            ]);
            expect(imported.stdout).to.match(/= 1 imported/);
            const code = readFileSync(generated, "utf8");
            expect(code).to.contain("domain: billing.example.com");
            // The billing system does not return the subject and contacts: the import leaves placeholders, as it warns.
            expect(imported.stdout).to.contain("One or more imported inputs failed to validate");
            expect(code).to.contain('city: ""');
            const added = Object.entries(subject)
                .map(([key, value]) => `      ${key}: ${JSON.stringify(value)}\n`)
                .join("");
            appendFileSync(
                join(program.programDirectory, "Pulumi.yaml"),
                withProperties(code, added, Object.keys(subject)),
            );
            const recorded = await program.must(["up", "--yes", "--skip-preview"]);
            expect(recorded.stdout).to.match(/~ 1 updated/);
            const after = await billingAdmin.state();
            expect([after.orders, after.reissues]).to.deep.equal([before.orders, before.reissues]);
            const preview = await program.pulumi(["preview", "--expect-no-changes"]);
            expect(preview.code, preview.stdout + preview.stderr).to.equal(0);
            const state = await exported(program);
            expect(state).not.to.contain(billing.password);
            await program.must(["destroy", "--yes", "--skip-preview"]);
        } finally {
            delete process.env.ISPMANAGER_REQUESTS_PER_SECOND;
            await billing.close();
        }
    });

    it("cancels a wait at the first Ctrl-C (the provider receives Cancel), keeps the order recorded, and the next up resumes it: one order", async () => {
        const program = workspace("native-yaml", true);
        await program.must(["stack", "init", "cancel"]);
        await configureProvider(program);
        await program.must(["config", "set", "domain", "cancel.example.com"]);
        await program.must(["config", "set", "--path", "subjectAlternativeNames[0]", "cancel.example.com"]);
        await program.must(["config", "set", "--path", "subjectAlternativeNames[1]", "api.cancel.example.com"]);
        await program.must(["config", "set", "pollIntervalSeconds", "1"]);
        await program.must(["config", "set", "--secret", "smimeDownloadPassword", downloadPassword]);
        const before = await admin.state();
        // Long enough that the wait is certainly still running when Ctrl-C comes.
        await admin.settings({ issuanceDelayMs: 8000 });
        try {
            const interrupted = await runUntil(
                program,
                ["up", "--yes", "--skip-preview"],
                /cancel\.example\.com: order accepted/,
                (child) => child.kill("SIGINT"),
            );
            expect(interrupted.code).not.to.equal(0);
            expect(interrupted.output).to.contain(
                "the engine cancelled the operation (Ctrl-C); the order is kept and the next `pulumi up` resumes the wait",
            );
            const recorded = (
                JSON.parse(await exported(program)) as {
                    deployment: { resources: { type: string; outputs?: Record<string, unknown> }[] };
                }
            ).deployment.resources.find((resource) => resource.type === "sslmanager:internetx:Certificate");
            expect(recorded?.outputs?.status).to.equal("PENDING");
        } finally {
            await admin.settings({ issuanceDelayMs: 1000 });
        }
        const resumed = await program.must(["up", "--yes", "--skip-preview"]);
        expect(resumed.stdout).to.contain("cancel.example.com: resuming the wait for the order of an earlier run");
        const outputs = await program.outputs();
        expect(outputs.status).to.equal("ISSUED");
        expect((await parseCertificate(splitPemBlocks(String(outputs.fullChainPem))[0])).commonName).to.equal(
            "cancel.example.com",
        );
        const after = await admin.state();
        expect(after.orders - before.orders).to.equal(2);
        const jobs = after.jobs as { name?: string; action?: string }[];
        expect(jobs.filter((job) => job.name === "cancel.example.com").map((job) => job.action)).to.deep.equal([
            "create",
        ]);
        const preview = await program.pulumi(["preview", "--expect-no-changes"]);
        expect(preview.code, preview.stdout + preview.stderr).to.equal(0);
        await program.must(["destroy", "--yes", "--skip-preview"]);
    });
});

/** Runs `pulumi <args>`, and once its output matches `trigger`, calls `act` with the process (a person's Ctrl-C). */
function runUntil(
    program: PulumiWorkspace,
    args: string[],
    trigger: RegExp,
    act: (child: ChildProcess) => void,
): Promise<{ code: number; output: string }> {
    return new Promise((resolve) => {
        const child = spawn("pulumi", ["--non-interactive", ...args], {
            cwd: program.programDirectory,
            env: program.environment,
            stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        let acted = false;
        const collect = (chunk: Buffer) => {
            output += chunk.toString();
            if (!acted && trigger.test(output)) {
                acted = true;
                act(child);
            }
        };
        child.stdout.on("data", collect);
        child.stderr.on("data", collect);
        child.on("close", (code) => resolve({ code: code ?? -1, output }));
    });
}

/** The generated resource code with the placeholders of `keys` (and their nested lines) replaced by `lines`. */
function withProperties(code: string, lines: string, keys: string[]): string {
    const kept: string[] = [];
    let skipping = false;
    for (const line of code.split("\n")) {
        const property = /^ {6}([A-Za-z]+):/.exec(line);
        if (property) skipping = keys.includes(property[1]);
        else if (!line.startsWith("        ")) skipping = false;
        if (!skipping) kept.push(line);
    }
    return kept.join("\n").replace("    properties:\n", `    properties:\n${lines}`);
}
