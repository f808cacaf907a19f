import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PulumiWorkspace, pulumiPath, repositoryRoot } from "../../scripts/pulumi-cli/workspace";
import { expect } from "../support/client";
import { packedRelease, releaseCommit, unpack } from "../support/release";

interface Simulator {
    url: string;
    xmlUrl?: string;
    user: string;
    password: string;
    context?: string;
    adminUrl: string;
    close(): Promise<void>;
}

const types = [
    "internetx:SslContact",
    "internetx:Certificate",
    "internetx:SmimeCertificate",
    "ispmanager:Certificate",
].map((type) => `pulumi-nodejs:dynamic/${type}`);

/**
 * State written by the packed 0.1.0 release keeps working with this version: a stack created by 0.1.0 (its SDK, its
 * provider, its simulators) previews without changes and is destroyed by this version. The serialized providers in
 * that state `require("pulumi-sslmanager/bin/provider/dynamic/...")`, so those modules and their functions must still
 * be there, and the type tokens must not have changed. A refresh brings that state into today's layouts, numbered.
 */
describe(`state written by the packed ${releaseCommit.version} release under the real CLI`, function () {
    this.timeout(30 * 60 * 1000);
    let workspace: PulumiWorkspace;
    let release: string;
    const simulators: Simulator[] = [];

    before(async () => {
        const path = pulumiPath();
        const tarball = packedRelease();
        release = mkdtempSync(join(tmpdir(), "sslmanager-release-"));
        unpack(tarball, release);
        // Its dependencies (the same versions as this checkout's) from this checkout, as an install would give them.
        symlinkSync(join(repositoryRoot, "node_modules"), join(release, "node_modules"));
        // The release's own simulators: its client speaks to them as it did when it was published.

        const internetx: Simulator = await require(join(release, "bin", "simulator", "internetx")).startSimulator({
            issuanceDelayMs: 300,
        });

        const billing: Simulator = await require(
            join(release, "bin", "simulator", "ispmanager"),
        ).startIspmanagerSimulator({ issuanceDelayMs: 300 });
        simulators.push(internetx, billing);
        workspace = new PulumiWorkspace(
            mkdtempSync(join(tmpdir(), "sslmanager-state-")),
            "test/e2e/programs/killed-runs",
            path,
            {
                AUTODNS_URL: internetx.url,
                AUTODNS_XML_URL: internetx.xmlUrl!,
                AUTODNS_USER: internetx.user,
                AUTODNS_PASSWORD: internetx.password,
                AUTODNS_CONTEXT: internetx.context!,
                ISPMANAGER_URL: billing.url,
                ISPMANAGER_USER: billing.user,
                ISPMANAGER_PASSWORD: billing.password,
                ISPMANAGER_REQUESTS_PER_SECOND: "20",
            },
        );
    });
    after(async () => {
        for (const simulator of simulators) await simulator.close();
        if (release) rmSync(release, { recursive: true, force: true });
    });

    /** Which package the program's `require("pulumi-sslmanager")` finds: the unpacked release or this checkout. */
    function usePackage(directory: string): void {
        const link = join(workspace.programDirectory, "node_modules", "pulumi-sslmanager");
        rmSync(link, { recursive: true, force: true });
        symlinkSync(directory, link);
    }

    it("previews without changes, refreshes into today's numbered layouts, previews without changes again and destroys with this version a stack that 0.1.0 created", async () => {
        usePackage(release);
        await workspace.must(["stack", "init", "release"]);
        // 0.1.0's BILLmanager simulator knew the tariff of its own tests, not the reselling page's.
        await workspace.must(["config", "set", "shopPricelist", "4071"]);
        await workspace.must(["up", "--yes", "--skip-preview"]);
        const written = JSON.parse((await workspace.must(["stack", "export"])).stdout) as {
            deployment: { resources?: { type: string; inputs?: Record<string, unknown> }[] };
        };
        const resources = written.deployment.resources ?? [];
        expect(
            resources
                .map((resource) => resource.type)
                .filter((type) => type.startsWith("pulumi-nodejs:dynamic/"))
                .sort(),
        ).to.deep.equal([...types].sort());
        const serialized = resources
            .filter((resource) => resource.type.startsWith("pulumi-nodejs:dynamic/"))
            .map((resource) => String(resource.inputs?.__provider));
        expect(serialized.every((text) => text.includes('require("pulumi-sslmanager/bin/provider/dynamic/'))).to.equal(
            true,
        );
        expect(resources.some((resource) => resource.inputs?.orderReference !== undefined)).to.equal(false);

        usePackage(repositoryRoot);
        const preview = await workspace.pulumi(["preview", "--expect-no-changes", "--diff"]);
        expect(preview.code, preview.stdout + preview.stderr).to.equal(0);

        // A refresh reads that state through the migrations (provider/lifecycle/stateVersion.ts) and records each
        // resource's layout number; the program still previews without changes.
        const refreshed = await workspace.pulumi(["refresh", "--yes", "--skip-preview"]);
        expect(refreshed.code, refreshed.stdout + refreshed.stderr).to.equal(0);
        const marked = JSON.parse((await workspace.must(["stack", "export", "--show-secrets"])).stdout) as {
            deployment: { resources?: { type: string; outputs?: Record<string, unknown> }[] };
        };
        const dynamic = (marked.deployment.resources ?? []).filter((resource) =>
            resource.type.startsWith("pulumi-nodejs:dynamic/"),
        );
        expect(
            Object.fromEntries(dynamic.map((resource) => [resource.type, resource.outputs?.stateVersion])),
        ).to.deep.equal({
            "pulumi-nodejs:dynamic/internetx:SslContact": 0,
            "pulumi-nodejs:dynamic/internetx:Certificate": 1,
            "pulumi-nodejs:dynamic/internetx:SmimeCertificate": 0,
            "pulumi-nodejs:dynamic/ispmanager:Certificate": 0,
        });
        const certificate = dynamic.find(
            (resource) => resource.type === "pulumi-nodejs:dynamic/internetx:Certificate",
        )!.outputs!;
        // 0.1.0 recorded the issued names as subjectAlternativeNames, which this program never set: they are issuedNames now.
        expect([certificate.subjectAlternativeNames, certificate.requestedSubjectAlternativeNames]).to.deep.equal([
            undefined,
            undefined,
        ]);
        expect(certificate.issuedNames).to.include("release.example.com");
        const previewAfterRefresh = await workspace.pulumi(["preview", "--expect-no-changes", "--diff"]);
        expect(previewAfterRefresh.code, previewAfterRefresh.stdout + previewAfterRefresh.stderr).to.equal(0);
        const destroyed = await workspace.pulumi(["destroy", "--yes", "--skip-preview"]);
        expect(destroyed.code, destroyed.stdout + destroyed.stderr).to.equal(0);
        const after = JSON.parse((await workspace.must(["stack", "export"])).stdout) as {
            deployment: { resources?: unknown[] };
        };
        expect(after.deployment.resources ?? []).to.deep.equal([]);
        const [internetx, billing] = simulators;
        const internetxState = (await (await fetch(`${internetx.adminUrl}/state`)).json()) as {
            certificates: unknown[];
            contacts: number;
        };
        const billingState = (await (await fetch(`${billing.adminUrl}/state`)).json()) as {
            deletes: number;
            certificates: { status: string }[];
        };
        expect(internetxState.certificates).to.deep.equal([]);
        expect(internetxState.contacts).to.equal(0);
        // BILLmanager's service item status 4: deleted.
        expect(billingState.certificates.map((certificate) => certificate.status)).to.deep.equal(["4"]);
        expect(billingState.deletes).to.equal(1);
    });
});
