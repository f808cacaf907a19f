import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkCertificateInputs } from "../../provider/resources/certificate/check";
import { createCertificate, LifecycleContext } from "../../provider/resources/certificate/lifecycle";
import { systemClock } from "../../provider/lifecycle/context";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { repositoryRoot } from "../../scripts/pulumi-cli/workspace";
import { expect } from "../support/client";
import { createTestContact, stackConfigFor, unpacedConnection } from "../support/stack";

/** The README's openssl command, as a reader copies it. */
function readmeCommand(): string {
    const lines = readFileSync(join(repositoryRoot, "README.md"), "utf8")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line.startsWith("openssl verify "));
    expect(lines.length, "README.md shows one openssl verify command").to.equal(1);
    return lines[0];
}

describe("the README's openssl verify command on a certificate's outputs", function () {
    this.timeout(120_000);
    let simulator: RunningSimulator;
    let folder: string;

    before(async function () {
        if (spawnSync("openssl", ["version"]).status !== 0) this.skip();
        simulator = await startSimulator({ issuanceDelayMs: 200, requestsPerSecond: 0 });
        folder = mkdtempSync(join(tmpdir(), "sslmanager-openssl-"));
    });
    after(async () => {
        await simulator?.close();
        if (folder) rmSync(folder, { recursive: true, force: true });
    });

    it("verifies fullChainPem (leaf and intermediates, no root) against rootPem, where plain openssl verify fails", async () => {
        const contactId = await createTestContact(simulator);
        const context: LifecycleContext = {
            log: () => undefined,
            clock: systemClock,
            stackConfig: stackConfigFor(simulator, "json"),
        };
        const checked = await checkCertificateInputs({
            name: "www.example.com",
            subjectAlternativeNames: ["example.com"],
            privateKey: { algorithm: "ECDSA" },
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            adminContactId: contactId,
            technicalContactId: contactId,
            pollIntervalSeconds: 0.1,
            connection: unpacedConnection,
        });
        const { outs } = await createCertificate(checked.inputs!, context);
        // What `pulumi stack output fullChainPem > fullchain.pem` and `… rootPem > root.pem` write.
        writeFileSync(join(folder, "fullchain.pem"), `${String(outs.fullChainPem).trim()}\n`);
        writeFileSync(join(folder, "root.pem"), `${String(outs.rootPem).trim()}\n`);
        expect(execFileSync("sh", ["-c", readmeCommand()], { cwd: folder }).toString()).to.equal("fullchain.pem: OK\n");
        const withoutRoot = spawnSync("openssl", ["verify", "fullchain.pem"], { cwd: folder });
        expect(withoutRoot.status).not.to.equal(0);
    });
});
