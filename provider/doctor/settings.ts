import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { InvalidInputError } from "../errors";
import type { StackConfig } from "../lifecycle/context";
import type { ConnectionArgs } from "../resources/connection";
import type { IspmanagerConnectionArgs } from "../resources/ispmanager/connection";

export type Backend = "internetx" | "ispmanager";

/** What a doctor run checks and with which settings; connection values left out come from the stack config, then the environment. */
export interface DoctorSettings {
    backends: Backend[];
    internetx: ConnectionArgs;
    ispmanager: IspmanagerConnectionArgs;
    stackConfig: StackConfig;
    /** InterNetX products to check with CertificatePrepareOrder (default: every server certificate product the provider knows). */
    products?: string[];
    /** BILLmanager: the tariff id, period and validation method the program orders with. */
    tariff?: string;
    periodMonths?: number;
    validationMethod?: string;
    demoOrder: boolean;
    /** Where `--demo-order` writes its transcript. */
    transcriptPath?: string;
    json: boolean;
}

export const usage = `usage: pulumi-sslmanager doctor [options]
  --stack NAME              read the stack config with \`pulumi config --json --show-secrets --stack NAME\`
  --config FILE|-           read the output of \`pulumi config --json --show-secrets\` from a file or stdin
  --backend internetx|ispmanager   check only this backend (repeatable; default: each one with a user configured)
  --url URL --xml-url URL --user NAME --context N --protocol json|xml --demo   InterNetX connection
  --products A,B            InterNetX products to check (default: every server certificate product this provider knows)
  --ispmanager-url URL --ispmanager-user EMAIL                                BILLmanager connection
  --tariff ID --period MONTHS --validation-method EMAIL|DNS|FILE|CNAME        the BILLmanager order the program places
  --demo-order              InterNetX demo system only: one free order through its whole lifecycle, recorded
  --transcript FILE         where --demo-order writes its transcript (default pulumi-sslmanager-transcript-<time>.jsonl)
  --json                    print the results as JSON
Passwords come from the stack config (internetx:password, ispmanager:password) or AUTODNS_PASSWORD / ISPMANAGER_PASSWORD, never from an argument.`;

const valueOptions = new Set([
    "--stack",
    "--config",
    "--backend",
    "--url",
    "--xml-url",
    "--user",
    "--context",
    "--protocol",
    "--products",
    "--ispmanager-url",
    "--ispmanager-user",
    "--tariff",
    "--period",
    "--validation-method",
    "--transcript",
]);
const flagOptions = new Set(["--demo", "--demo-order", "--json"]);

/**
 * `pulumi config --json` output: `{"internetx:user": {"value": "…", "secret": false}, …}`; a secret shown only with
 * `--show-secrets` (without it the entry has no value and is left out here).
 */
export function stackConfigFromJson(text: string, origin: string): StackConfig {
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch {
        throw new InvalidInputError("--config", `${origin} is not the JSON output of \`pulumi config --json\``);
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
        throw new InvalidInputError("--config", `${origin} is not a JSON object`);
    const config: Record<string, string> = {};
    for (const [key, entry] of Object.entries(parsed as Record<string, unknown>)) {
        const value = entry !== null && typeof entry === "object" ? (entry as { value?: unknown }).value : entry;
        if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
            config[key] = String(value);
    }
    return config;
}

/** The stack's config through the Pulumi CLI (the same values `configure` hands the provider). */
function stackConfigOf(stack: string): StackConfig {
    const output = execFileSync("pulumi", ["config", "--json", "--show-secrets", "--stack", stack], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
    });
    return stackConfigFromJson(output, `pulumi config --stack ${stack}`);
}

/** Parses the command line (after `doctor`); `readInput` reads `--config -` (stdin) or a file. */
export function parseArguments(
    argv: readonly string[],
    environment: NodeJS.ProcessEnv = process.env,
    readInput: (path: string) => string = (path) => readFileSync(path === "-" ? 0 : path, "utf8"),
): DoctorSettings {
    const values = new Map<string, string[]>();
    const flags = new Set<string>();
    for (let index = 0; index < argv.length; index++) {
        const argument = argv[index];
        const [name, inline] = argument.includes("=")
            ? [argument.slice(0, argument.indexOf("=")), argument.slice(argument.indexOf("=") + 1)]
            : [argument, undefined];
        if (flagOptions.has(name)) flags.add(name);
        else if (valueOptions.has(name)) {
            const value = inline ?? argv[++index];
            if (value === undefined) throw new InvalidInputError(name, "needs a value");
            values.set(name, [...(values.get(name) ?? []), value]);
        } else if (name === "--password" || name === "--ispmanager-password") {
            throw new InvalidInputError(
                name,
                "a password on the command line ends up in the shell history: use the stack config (pulumi config set --secret) or the environment",
            );
        } else throw new InvalidInputError(argument, `is not an option of pulumi-sslmanager doctor\n${usage}`);
    }
    const one = (name: string) => values.get(name)?.at(-1);
    const stackConfig: StackConfig =
        one("--config") !== undefined
            ? stackConfigFromJson(readInput(one("--config")!), one("--config") === "-" ? "stdin" : one("--config")!)
            : one("--stack")
              ? stackConfigOf(one("--stack")!)
              : {};
    const protocol = one("--protocol");
    if (protocol !== undefined && protocol !== "json" && protocol !== "xml")
        throw new InvalidInputError("--protocol", `must be json or xml, got "${protocol}"`);
    const context = one("--context");
    if (context !== undefined && !/^\d+$/.test(context))
        throw new InvalidInputError("--context", `must be a number (the InterNetX context), got "${context}"`);
    const period = one("--period");
    if (period !== undefined && !/^\d+$/.test(period))
        throw new InvalidInputError("--period", `must be a number of months, got "${period}"`);
    const method = one("--validation-method")?.toUpperCase();
    if (method !== undefined && !["EMAIL", "DNS", "FILE", "CNAME"].includes(method))
        throw new InvalidInputError("--validation-method", `must be EMAIL, DNS, FILE or CNAME, got "${method}"`);
    const internetx: ConnectionArgs = {
        ...(one("--url") ? { url: one("--url") } : {}),
        ...(one("--xml-url") ? { xmlUrl: one("--xml-url") } : {}),
        ...(one("--user") ? { user: one("--user") } : {}),
        ...(context ? { context } : {}),
        ...(protocol ? { protocol } : {}),
        ...(flags.has("--demo") || flags.has("--demo-order") ? { demo: true } : {}),
    };
    const ispmanager: IspmanagerConnectionArgs = {
        ...(one("--ispmanager-url") ? { url: one("--ispmanager-url") } : {}),
        ...(one("--ispmanager-user") ? { user: one("--ispmanager-user") } : {}),
    };
    const chosen = (values.get("--backend") ?? []).map((backend) => {
        if (backend !== "internetx" && backend !== "ispmanager")
            throw new InvalidInputError("--backend", `must be internetx or ispmanager, got "${backend}"`);
        return backend;
    });
    const configured: Backend[] = [
        ...(internetx.user || stackConfig["internetx:user"] || environment.AUTODNS_USER
            ? (["internetx"] as const)
            : []),
        ...(ispmanager.user || stackConfig["ispmanager:user"] || environment.ISPMANAGER_USER
            ? (["ispmanager"] as const)
            : []),
    ];
    const backends = flags.has("--demo-order")
        ? (["internetx"] as Backend[])
        : chosen.length > 0
          ? [...new Set(chosen)]
          : configured;
    if (backends.length === 0) {
        throw new InvalidInputError(
            "connection",
            "no account configured: set internetx:user (or AUTODNS_USER) or ispmanager:user (or ISPMANAGER_USER), pass --stack, or name --backend",
        );
    }
    const products = one("--products")
        ?.split(",")
        .map((product) => product.trim().toUpperCase())
        .filter(Boolean);
    return {
        backends,
        internetx,
        ispmanager,
        stackConfig,
        ...(products ? { products } : {}),
        ...(one("--tariff") ? { tariff: one("--tariff") } : {}),
        ...(period ? { periodMonths: Number(period) } : {}),
        ...(method ? { validationMethod: method } : {}),
        demoOrder: flags.has("--demo-order"),
        ...(one("--transcript") ? { transcriptPath: one("--transcript") } : {}),
        json: flags.has("--json"),
    };
}
