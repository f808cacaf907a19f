import type { CheckFailure } from "../resources/check";
import { missingCredentials } from "../resources/credentials";
import { connectionSchema } from "../resources/connection";
import { ispmanagerConnectionSchema } from "../resources/ispmanager/connection";
import type { ProviderConnections } from "./lifecycle";
import { configVariables } from "./schema";
import { asText } from "../shared/text";

/**
 * The provider's configuration → one connection per backend. Stack config arrives as strings (`sslmanager:*`), an
 * explicit provider's arguments as JSON values; numbers and booleans are read from either. Checked with the same
 * rules as a resource's `connection` argument, failures naming the configuration key and the rejected value.
 */
export function connectionsFrom(config: Record<string, unknown>): {
    connections: ProviderConnections;
    failures: CheckFailure[];
} {
    const settings: Record<"internetx" | "ispmanager", Record<string, unknown>> = { internetx: {}, ispmanager: {} };
    const keyOf: Record<string, string> = {};
    const failures: CheckFailure[] = [];
    for (const [name, variable] of Object.entries(configVariables)) {
        const raw = config[name];
        if (raw === undefined || raw === null || raw === "") continue;
        keyOf[`${variable.backend}.${variable.setting}`] = name;
        const value = typed(raw, variable.type);
        if (value === undefined) {
            failures.push({
                property: name,
                reason: `${JSON.stringify(variable.secret ? "(secret)" : raw)} is not a ${asText(variable.type)}`,
            });
            continue;
        }
        settings[variable.backend][variable.setting] = value;
    }
    const internetx = connectionSchema.safeParse(settings.internetx);
    const ispmanager = ispmanagerConnectionSchema.safeParse(settings.ispmanager);
    for (const [backend, parsed] of [
        ["internetx", internetx],
        ["ispmanager", ispmanager],
    ] as const) {
        if (parsed.success) continue;
        for (const issue of parsed.error.issues) {
            const name = keyOf[`${backend}.${issue.path[0]}`] ?? `${backend}${String(issue.path[0])}`;
            const variable = configVariables[name];
            const shown = variable?.secret ? "(secret)" : JSON.stringify(config[name]);
            failures.push({ property: name, reason: `${shown}: ${issue.message}` });
        }
    }
    return {
        connections: {
            internetx: internetx.success ? internetx.data : {},
            ispmanager: ispmanager.success ? ispmanager.data : {},
        },
        failures,
    };
}

function typed(value: unknown, type: unknown): unknown {
    if (type === "number") {
        const number =
            typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
        return Number.isFinite(number) ? number : undefined;
    }
    if (type === "boolean") {
        if (typeof value === "boolean") return value;
        return value === "true" ? true : value === "false" ? false : undefined;
    }
    // A Pulumi YAML program hands a provider resource's config value that looks like a number ("4", a context) over as a
    // number, even when the program declares the config value a string.
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    return typeof value === "string" ? value : undefined;
}

/** The credentials a backend's requests need, with the environment variable each falls back to (the clients' resolveClientOptions). */
const credentialVariables: Record<keyof ProviderConnections, Record<string, string>> = {
    internetx: { user: "AUTODNS_USER", password: "AUTODNS_PASSWORD", context: "AUTODNS_CONTEXT" },
    ispmanager: { user: "ISPMANAGER_USER", password: "ISPMANAGER_PASSWORD" },
};

/**
 * The credentials of a backend that `up` would find missing: not in this provider's configuration (stack config
 * `sslmanager:*` or an explicit provider's arguments) nor in the environment. Checked for each resource, so a program
 * that uses only one backend needs only its credentials.
 */
export function missingProviderCredentials(
    backend: keyof ProviderConnections,
    connection: Record<string, unknown>,
    environment: NodeJS.ProcessEnv,
): CheckFailure[] {
    const label = backend === "internetx" ? "InterNetX" : "BILLmanager";
    return missingCredentials(
        Object.entries(configVariables)
            .filter(([, variable]) => variable.backend === backend && credentialVariables[backend][variable.setting])
            .map(([name, variable]) => ({
                label: `${label} ${variable.setting}`,
                given: connection[variable.setting],
                stackConfigKey: `sslmanager:${name}`,
                environmentVariable: credentialVariables[backend][variable.setting],
                argument: `${name} of an explicit provider`,
                secret: Boolean(variable.secret),
            })),
        environment,
    );
}

/** Stack config variables arrive as `sslmanager:config:<name>` (older engines) or `sslmanager:<name>`. */
export function configFromVariables(variables: [string, string][]): Record<string, unknown> {
    const config: Record<string, unknown> = {};
    for (const [key, value] of variables) {
        const name = key.replace(/^sslmanager:(config:)?/, "");
        if (name !== key) config[name] = value;
    }
    return config;
}
