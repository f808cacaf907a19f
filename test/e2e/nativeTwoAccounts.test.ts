import { chmodSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pluginPath } from "../../scripts/native/sdks";
import { PulumiWorkspace, pulumiPath } from "../../scripts/pulumi-cli/workspace";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { nativeLauncher } from "../native/nativeProviderServer";

/**
 * Two InterNetX accounts in one Pulumi YAML program: two explicit `sslmanager` provider resources (two plugin
 * instances), each configured with another simulator, protocol, user, password and context. Each account sees only
 * its own contact and certificate, each over its own protocol, and no request reaches an account with the other's
 * credentials (the simulators refuse them: 401).
 */
describe("two accounts through two explicit sslmanager providers in one program under the Pulumi CLI", function () {
    this.timeout(20 * 60 * 1000);
    let first: RunningSimulator;
    let second: RunningSimulator;
    let launcherDirectory: string;
    let program: PulumiWorkspace;

    before(async () => {
        const path = [pulumiPath(), pluginPath().languageHosts];
        first = await startSimulator({ issuanceDelayMs: 500, user: "first-reseller", context: "4" });
        second = await startSimulator({ issuanceDelayMs: 500, user: "second-reseller", context: "7" });
        chmodSync(nativeLauncher, 0o755);
        launcherDirectory = mkdtempSync(join(tmpdir(), "sslmanager-native-accounts-plugin-"));
        symlinkSync(nativeLauncher, join(launcherDirectory, "pulumi-resource-sslmanager"));
        program = new PulumiWorkspace(
            mkdtempSync(join(tmpdir(), "sslmanager-native-accounts-")),
            "test/e2e/programs/native-two-accounts",
            [launcherDirectory, ...path].join(":"),
        );
    });
    after(async () => {
        // The CLI ends its plugins when it exits; any a failed run left behind end here.
        program?.reapOrphanedProcesses();
        await first?.close();
        await second?.close();
        if (launcherDirectory) rmSync(launcherDirectory, { recursive: true, force: true });
        if (program) rmSync(program.directory, { recursive: true, force: true });
    });

    it("sends each resource's requests to its own account with its own settings: one contact and one order each, a clean preview, and destroy empties both", async () => {
        await program.must(["stack", "init", "accounts"]);
        await program.must(["config", "set", "firstUrl", first.url]);
        await program.must(["config", "set", "firstUser", first.user]);
        await program.must(["config", "set", "--secret", "firstPassword", "--", first.password]);
        await program.must(["config", "set", "firstContext", first.context]);
        await program.must(["config", "set", "secondXmlUrl", second.xmlUrl]);
        await program.must(["config", "set", "secondUser", second.user]);
        await program.must(["config", "set", "--secret", "secondPassword", "--", second.password]);
        await program.must(["config", "set", "secondContext", second.context]);
        const firstAdmin = new SimulatorAdmin(first.adminUrl);
        const secondAdmin = new SimulatorAdmin(second.adminUrl);

        const up = await program.must(["up", "--yes", "--skip-preview"]);
        expect(up.stdout).to.match(/\+ 7 created/);
        const outputs = await program.outputs();
        const [firstState, secondState] = [await firstAdmin.state(), await secondAdmin.state()];
        expect([firstState.orders, firstState.contacts, secondState.orders, secondState.contacts]).to.deep.equal([
            1, 1, 1, 1,
        ]);
        expect(
            firstState.certificates.map((certificate) => [certificate.id, certificate.name, certificate.status]),
        ).to.deep.equal([[outputs.firstCertificateId, "www.first.example.com", "ACTIVE"]]);
        expect(
            secondState.certificates.map((certificate) => [certificate.id, certificate.name, certificate.status]),
        ).to.deep.equal([[outputs.secondCertificateId, "www.second.example.com", "ACTIVE"]]);

        const preview = await program.pulumi(["preview", "--expect-no-changes"]);
        expect(preview.code, preview.stdout + preview.stderr).to.equal(0);
        const state = (await program.must(["stack", "export"])).stdout;
        expect([first.password, second.password].filter((password) => state.includes(password))).to.have.length(0);

        await program.must(["destroy", "--yes", "--skip-preview"]);
        const [firstAfter, secondAfter] = [await firstAdmin.state(), await secondAdmin.state()];
        expect([
            firstAfter.contacts,
            firstAfter.certificates.length,
            secondAfter.contacts,
            secondAfter.certificates.length,
        ]).to.deep.equal([0, 0, 0, 0]);

        // Each account was spoken to over its own protocol only, and never refused a request's credentials.
        const firstRequests = await firstAdmin.requests();
        const secondRequests = await secondAdmin.requests();
        expect([...new Set(firstRequests.map((request) => request.protocol))]).to.deep.equal(["json"]);
        expect([...new Set(secondRequests.map((request) => request.protocol))]).to.deep.equal(["xml"]);
        expect(
            [...firstRequests, ...secondRequests].filter((request) => request.status === 401 || request.status === 403),
        ).to.deep.equal([]);
    });
});
