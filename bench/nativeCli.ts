import { appendFileSync, chmodSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { orderReferencePattern } from "../provider/lifecycle/orderReference";
import { pluginPath } from "../scripts/native/sdks";
import { PulumiWorkspace, pulumiPath, repositoryRoot } from "../scripts/pulumi-cli/workspace";
import { SimulatorAdmin } from "../test/support/simulatorAdmin";
import { CliMeasurement, providerPeakMb, removeStack, run } from "./cli";
import { countRequests } from "./requests";
import type { SimulatorEndpoints } from "./scenario";

/** The plugin's process as the CLI starts it: the npm package's launcher, found on PATH under the plugin's name. */
const nativeProviderProcess = /pulumi-resource-sslmanager|provider\/native\/main\.js/;

/** The resources of bench/programs/native-fleet for `count` certificates: what examples/fleet declares, in YAML. */
function fleetResources(count: number, zone: string, pollIntervalSeconds: number): string {
    const contact = [
        "  admin:",
        "    type: sslmanager:internetx:SslContact",
        "    properties:",
        "      firstName: Ada",
        "      lastName: Lovelace",
        "      email: hostmaster@example.com",
        "      phone: +49-941-1234560",
        "      organization: Example GmbH",
        "      address: [Maximilianstrasse 36]",
        "      postalCode: '93047'",
        "      city: Regensburg",
        "      country: DE",
    ];
    const certificates = Array.from({ length: count }, (_, index) => [
        `  site-${index}:`,
        "    type: sslmanager:internetx:Certificate",
        "    properties:",
        `      name: site-${index}.${zone}`,
        "      privateKey: { algorithm: ECDSA, curve: P256 }",
        "      product: QUICKSSLPREMIUM",
        "      lifetimeMonths: 12",
        "      adminContactId: ${admin.contactId}",
        "      technicalContactId: ${admin.contactId}",
        "      validation: { method: DNS, provisioning: true }",
        `      pollIntervalSeconds: ${pollIntervalSeconds}`,
    ]);
    return ["resources:", ...contact, ...certificates.flat(), ""].join("\n");
}

/** Whether every certificate of the exported stack carries the order reference the native provider derives from its URN. */
function everyCertificateHasReference(exported: string, count: number): boolean {
    type Resource = { type: string; outputs?: Record<string, unknown> };
    const resources = (JSON.parse(exported) as { deployment: { resources?: Resource[] } }).deployment.resources ?? [];
    const certificates = resources.filter((resource) => resource.type === "sslmanager:internetx:Certificate");
    return (
        certificates.length === count &&
        certificates.every((resource) => orderReferencePattern.test(String(resource.outputs?.orderReference)))
    );
}

/**
 * The same fleet as the real-CLI row, for programs in other languages: a Pulumi YAML program
 * (pulumi-language-yaml) using the native sslmanager provider, found on PATH as `pulumi-resource-sslmanager` the way
 * npm installs the package's bin. Floor: the same `pulumi up` with the contact and no certificate. Peak RSS is the
 * native provider process's.
 */
export async function measureNativeCli(
    simulator: SimulatorEndpoints,
    count: number,
    pollIntervalSeconds: number,
): Promise<CliMeasurement> {
    const admin = new SimulatorAdmin(simulator.adminUrl);
    const launcher = join(repositoryRoot, "bin", "provider", "native", "main.js");
    chmodSync(launcher, 0o755);
    const launcherDirectory = mkdtempSync(join(tmpdir(), "sslmanager-bench-plugin-"));
    symlinkSync(launcher, join(launcherDirectory, "pulumi-resource-sslmanager"));
    const path = [launcherDirectory, pluginPath().languageHosts, pulumiPath()].join(":");

    const measure = async (
        stack: string,
        certificates: number,
        onTick?: (pid: number) => void,
    ): Promise<{ workspace: PulumiWorkspace; wallMs: number }> => {
        const workspace = new PulumiWorkspace(
            join(tmpdir(), `pulumi-sslmanager-bench-native-${stack}-${process.pid}`),
            "bench/programs/native-fleet",
            path,
        );
        appendFileSync(
            join(workspace.programDirectory, "Pulumi.yaml"),
            fleetResources(certificates, `${stack}${process.pid}.example.com`, pollIntervalSeconds),
        );
        await workspace.must(["stack", "init", stack]);
        await workspace.must(["config", "set", "sslmanager:internetxUrl", simulator.url]);
        await workspace.must(["config", "set", "sslmanager:internetxUser", simulator.user]);
        await workspace.must(["config", "set", "sslmanager:internetxContext", simulator.context]);
        await workspace.must(["config", "set", "--secret", "sslmanager:internetxPassword", "--", simulator.password]);
        await admin.clearRequests();
        const started = Date.now();
        await run(workspace, ["up", "--yes", "--skip-preview"], onTick);
        return { workspace, wallMs: Date.now() - started };
    };

    const floor = await measure("floor", 0);
    await removeStack(floor.workspace, "floor");

    let peakRssMb = 0;
    const { workspace, wallMs } = await measure(
        "bench",
        count,
        (pid) => (peakRssMb = Math.max(peakRssMb, providerPeakMb(pid, nativeProviderProcess) ?? 0)),
    );
    const counts = await countRequests(admin);
    const orderReferences = everyCertificateHasReference((await workspace.must(["stack", "export"])).stdout, count);
    await admin.clearRequests();
    await run(workspace, ["preview", "--expect-no-changes"]);
    const previewRequests = (await countRequests(admin)).requests;
    await removeStack(workspace, "bench");
    return { wallMs, floorMs: floor.wallMs, counts, previewRequests, peakRssMb, orderReferences };
}
