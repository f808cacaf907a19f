import { demoOrder, DemoOrderReport } from "./demoOrder";
import { internetxChecks } from "./internetxChecks";
import { ispmanagerChecks } from "./ispmanagerChecks";
import { ExchangeRecorder } from "./recorder";
import type { CheckResult } from "./result";
import type { DoctorSettings } from "./settings";

export interface DoctorReport {
    results: CheckResult[];
    /** With `--demo-order`: the facts it settled and where its transcript is. */
    demoOrder?: DemoOrderReport;
}

/** Secrets a run must never write down: the passwords from every place they can come from. */
export function secretsOf(settings: DoctorSettings, environment: NodeJS.ProcessEnv = process.env): string[] {
    return [
        settings.stackConfig["internetx:password"],
        settings.stackConfig["ispmanager:password"],
        environment.AUTODNS_PASSWORD,
        environment.ISPMANAGER_PASSWORD,
    ].filter((secret): secret is string => Boolean(secret));
}

/**
 * The read-only checks of each backend, or with `demoOrder` the InterNetX demo order; each backend has a recorder of
 * its own, so that transcript lines and the request pace are per API.
 */
export async function runDoctor(
    settings: DoctorSettings,
    environment: NodeJS.ProcessEnv = process.env,
): Promise<DoctorReport> {
    const secrets = secretsOf(settings, environment);
    if (settings.demoOrder) {
        const report = await demoOrder(settings, new ExchangeRecorder(secrets));
        return { results: report.results, demoOrder: report };
    }
    const results: CheckResult[] = [];
    for (const backend of settings.backends) {
        const recorder = new ExchangeRecorder(secrets);
        results.push(
            ...(backend === "internetx"
                ? await internetxChecks(settings, recorder)
                : await ispmanagerChecks(settings, recorder)),
        );
    }
    return { results };
}
