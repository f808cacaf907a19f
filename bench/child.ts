import { measureOurs } from "./ours";
import type { ChildResult, Scenario } from "./scenario";
import { measureSdk } from "./sdk";

/**
 * One measurement in a process of its own (`fork` from run.ts), so that its peak memory is the client's alone,
 * without the simulator: the scenario arrives as the first message, the result goes back as one message.
 */
process.once("message", (scenario: Scenario) => {
    void (async () => {
        const measured = scenario.kind === "ours" ? await measureOurs(scenario) : await measureSdk(scenario);
        const result: ChildResult = { ...measured, peakRssMb: Math.round(process.resourceUsage().maxRSS / 102.4) / 10 };
        process.send!({ result }, () => process.exit(0));
    })().catch((error: Error) => {
        process.send!({ error: error.stack ?? String(error) }, () => process.exit(1));
    });
});
