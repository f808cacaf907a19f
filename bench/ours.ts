import { check, create, diff } from "../provider/dynamic/certificate";
import { configure, setLifecycleContext } from "../provider/dynamic/context";
import { orderReference, orderReferencePattern } from "../provider/lifecycle/orderReference";
import { dynamicResources } from "../sdk/dynamicShapes";
import { SimulatorAdmin } from "../test/support/simulatorAdmin";
import { countRequests } from "./requests";
import type { ChildResult, Scenario } from "./scenario";

/** The project and stack the benchmark's resources belong to, for their order references. */
const project = "sslmanager-bench";

/**
 * The inputs the SDK's `internetx.Certificate` registers beyond the program's arguments (sdk/registration.ts): the
 * hidden `orderReference`, hashed from project, stack, type token, resource name and the replacing inputs in the
 * SDK's order (sdk/dynamicShapes.ts), and `progressUrn`, the resource's URN.
 */
function sdkHiddenInputs(
    stack: string,
    resourceName: string,
    programInputs: Record<string, unknown>,
): Record<string, unknown> {
    const shape = dynamicResources.find(
        (resource) => resource.module === "internetx" && resource.name === "Certificate",
    )!;
    const typeToken = "internetx:Certificate";
    return {
        orderReference: orderReference({
            project,
            stack,
            type: typeToken,
            name: resourceName,
            replacementInputs: shape.orderReferenceInputs!.map((input) => programInputs[input]),
        }),
        progressUrn: `urn:pulumi:${stack}::${project}::pulumi-nodejs:dynamic/${typeToken}::${resourceName}`,
    };
}

/**
 * This provider in a process of its own, called the way the engine calls a dynamic provider with what the SDK
 * registers: `configure` with the stack config, `check` of every certificate (its inputs carrying the SDK's hidden
 * `orderReference`, so every create first looks for an order placed under it, as for users), then all `create`s at
 * once (the engine runs independent resources concurrently), then the preview of the unchanged stack (`check` and
 * `diff` of each).
 */
export async function measureOurs(scenario: Scenario): Promise<Omit<ChildResult, "peakRssMb">> {
    const { simulator, count, label } = scenario;
    const admin = new SimulatorAdmin(simulator.adminUrl);
    const stackConfig: Record<string, string> = {
        "internetx:user": simulator.user,
        "internetx:password": simulator.password,
        "internetx:context": simulator.context,
        "internetx:url": simulator.url,
        "internetx:xmlUrl": simulator.xmlUrl,
        "internetx:protocol": scenario.protocol,
    };
    await configure({ config: { get: (key) => stackConfig[key] } });
    setLifecycleContext({ log: () => undefined });
    const programInputs = Array.from({ length: count }, (_, index) => {
        const inputs: Record<string, unknown> = {
            name: `${label}-${index}.example.com`,
            privateKey: { algorithm: "ECDSA", curve: "P256" },
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            adminContactId: scenario.contactId,
            technicalContactId: scenario.contactId,
            waitStrategy: scenario.strategy,
            pollIntervalSeconds: scenario.pollIntervalSeconds,
        };
        return { ...inputs, ...sdkHiddenInputs(label, `site-${index}`, inputs) };
    });
    const checkedInputs = async (olds: Record<string, unknown>, news: Record<string, unknown>) => {
        const result = await check(olds, news);
        if (result.failures?.length)
            throw new Error(`check refused ${String(news.name)}: ${JSON.stringify(result.failures)}`);
        return result.inputs as Record<string, unknown>;
    };
    const checked = await Promise.all(programInputs.map((inputs) => checkedInputs({}, inputs)));
    const orderReferences = checked.every((inputs) => orderReferencePattern.test(String(inputs.orderReference)));

    await admin.clearRequests();
    const started = Date.now();
    const created = await Promise.all(checked.map((inputs) => create(inputs)));
    const wallMs = Date.now() - started;
    const counts = await countRequests(admin);

    await admin.clearRequests();
    for (const [index, resource] of created.entries()) {
        const news = await checkedInputs(checked[index], programInputs[index]);
        const result = await diff(resource.id, resource.outs as Record<string, unknown>, news);
        if (result.changes)
            throw new Error(`preview found a change for ${programInputs[index].name}: ${JSON.stringify(result)}`);
    }
    const previewRequests = (await countRequests(admin)).requests;
    return { wallMs, counts, previewRequests, orderReferences };
}
