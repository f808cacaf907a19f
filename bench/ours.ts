import { check, create, diff } from "../provider/dynamic/certificate";
import { configure, setLifecycleContext } from "../provider/dynamic/context";
import { SimulatorAdmin } from "../test/support/simulatorAdmin";
import { countRequests } from "./requests";
import type { ChildResult, Scenario } from "./scenario";

/**
 * This provider in a process of its own, called the way the engine calls a dynamic provider: `configure` with the
 * stack config, `check` of every certificate, then all `create`s at once (the engine runs independent resources
 * concurrently), then the preview of the unchanged stack (`check` and `diff` of each).
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
    const programInputs = Array.from({ length: count }, (_, index) => ({
        name: `${label}-${index}.example.com`,
        privateKey: { algorithm: "ECDSA", curve: "P256" },
        product: "QUICKSSLPREMIUM",
        lifetimeMonths: 12,
        adminContactId: scenario.contactId,
        technicalContactId: scenario.contactId,
        waitStrategy: scenario.strategy,
        pollIntervalSeconds: scenario.pollIntervalSeconds,
    }));
    const checkedInputs = async (olds: Record<string, unknown>, news: Record<string, unknown>) => {
        const result = await check(olds, news);
        if (result.failures?.length) throw new Error(`check refused ${String(news.name)}: ${JSON.stringify(result.failures)}`);
        return result.inputs as Record<string, unknown>;
    };
    const checked = await Promise.all(programInputs.map((inputs) => checkedInputs({}, inputs)));

    await admin.clearRequests();
    const started = Date.now();
    const created = await Promise.all(checked.map((inputs) => create(inputs)));
    const wallMs = Date.now() - started;
    const counts = await countRequests(admin);

    await admin.clearRequests();
    for (const [index, resource] of created.entries()) {
        const news = await checkedInputs(checked[index], programInputs[index]);
        const result = await diff(resource.id, resource.outs as Record<string, unknown>, news);
        if (result.changes) throw new Error(`preview found a change for ${programInputs[index].name}: ${JSON.stringify(result)}`);
    }
    const previewRequests = (await countRequests(admin)).requests;
    return { wallMs, counts, previewRequests };
}
