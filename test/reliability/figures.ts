import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * Figures of the reliability suite, gathered across its files and printed as one summary line at the end of the
 * run. Faults are counted from the simulators' own counters (faults injected, outcomes applied) and SIGKILLs the
 * simulator saw an order before; orders from the simulators' order counts; requests from the recording server.
 */
export const figures = {
    faultsInjected: 0,
    faultsSurvived: 0,
    duplicateOrders: 0,
    badInputsTried: 0,
    untypedErrors: 0,
    badInputRequests: 0,
    secretsFound: 0,
};

export type Figures = typeof figures;

/** What the suite promises: at least 200 faults with no duplicate order, at least 1,000 bad inputs, none untyped, none sent. */
export const targets = { faultsInjected: 200, badInputsTried: 1000 };

export function summaryLine(values: Figures): string {
    return (
        `reliability: faults injected ${values.faultsInjected}, faults survived ${values.faultsSurvived}, duplicate orders ${values.duplicateOrders}, ` +
        `bad inputs tried ${values.badInputsTried}, untyped errors ${values.untypedErrors}, requests sent by bad inputs ${values.badInputRequests}, secrets found ${values.secretsFound}`
    );
}

/** The targets the figures miss, as sentences; none when they are all met. */
export function shortfalls(values: Figures): string[] {
    const missed: string[] = [];
    if (values.faultsInjected < targets.faultsInjected)
        missed.push(`only ${values.faultsInjected} faults injected (at least ${targets.faultsInjected} wanted)`);
    if (values.faultsSurvived !== values.faultsInjected)
        missed.push(`${values.faultsInjected - values.faultsSurvived} of ${values.faultsInjected} faults not survived`);
    if (values.duplicateOrders !== 0) missed.push(`${values.duplicateOrders} duplicate orders`);
    if (values.badInputsTried < targets.badInputsTried)
        missed.push(`only ${values.badInputsTried} bad inputs tried (at least ${targets.badInputsTried} wanted)`);
    if (values.untypedErrors !== 0) missed.push(`${values.untypedErrors} untyped errors`);
    if (values.badInputRequests !== 0) missed.push(`${values.badInputRequests} requests sent by bad inputs`);
    if (values.secretsFound !== 0) missed.push(`${values.secretsFound} secrets found`);
    return missed;
}

/** Every test under a suite. */
function testsOf(suite: Mocha.Suite): Mocha.Test[] {
    return [...suite.tests, ...suite.suites.flatMap(testsOf)];
}

/**
 * Whether every test file of this folder was loaded into the run (`npm test`, or mocha on the folder) and every one
 * of their tests ran (no `--grep` left some out): only then are the figures complete enough to hold against the
 * targets. Running one file alone, or a few tests, prints the line but holds nothing.
 */
function wholeFolderRan(root: Mocha.Suite): boolean {
    const files = readdirSync(__dirname).filter((file) => file.endsWith(".test.js"));
    if (files.length === 0 || !files.every((file) => require.cache[join(__dirname, file)] !== undefined)) return false;
    const tests = testsOf(root).filter((test) => test.file !== undefined && dirname(resolve(test.file)) === __dirname);
    return tests.length > 0 && tests.every((test) => test.state !== undefined);
}

// A root-level hook runs once after every file of the run, whatever order mocha loaded the files in.
after("the reliability figures meet their targets", function () {
    console.log(`\n  ${summaryLine(figures)}\n`);
    if (!wholeFolderRan(this.test!.parent!)) return;
    const missed = shortfalls(figures);
    if (missed.length > 0) throw new Error(`the reliability suite fell short: ${missed.join("; ")}`);
});
