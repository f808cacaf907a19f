#!/usr/bin/env node
import { SslManagerError } from "../errors";
import { runDoctor } from "./doctor";
import { factLine } from "./facts";
import { exitCode, formatResult } from "./result";
import { parseArguments, usage } from "./settings";

/**
 * `npx pulumi-sslmanager doctor [options]`: checks an account before the first paid order (read-only), or with
 * `--demo-order` places one free order on InterNetX's demo system and records it. Exit code 0 only when every check
 * passed; `--json` prints the results for CI.
 */
async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv;
    if (command === "--help" || command === "-h" || command === undefined) {
        process.stdout.write(`${usage}\n`);
        return command === undefined ? 2 : 0;
    }
    if (command !== "doctor") {
        process.stderr.write(`unknown command "${command}"\n${usage}\n`);
        return 2;
    }
    const settings = parseArguments(rest);
    const report = await runDoctor(settings);
    const code = exitCode(report.results);
    if (settings.json) {
        process.stdout.write(
            `${JSON.stringify({ passed: code === 0, results: report.results, ...(report.demoOrder ? { transcript: report.demoOrder.transcriptPath, facts: report.demoOrder.facts } : {}) }, null, 2)}\n`,
        );
        return code;
    }
    for (const result of report.results) process.stdout.write(`${formatResult(result)}\n`);
    if (report.demoOrder) {
        process.stdout.write(
            `\nfacts of docs/wire-format.md seen by this order (transcript ${report.demoOrder.transcriptPath}):\n`,
        );
        for (const fact of report.demoOrder.facts) process.stdout.write(`${factLine(fact)}\n`);
    }
    const failed = report.results.filter((result) => result.outcome !== "pass").length;
    process.stdout.write(
        code === 0
            ? `\nall ${report.results.length} checks passed\n`
            : `\n${failed} of ${report.results.length} checks did not pass\n`,
    );
    return code;
}

main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
        process.stderr.write(
            `pulumi-sslmanager doctor: ${error instanceof SslManagerError ? error.message : ((error as Error).stack ?? String(error))}\n`,
        );
        process.exit(2);
    },
);
