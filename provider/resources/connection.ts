import { z } from "zod";
import { Client } from "../internetx/client";
import { ClientOptions, defaultJsonUrl, defaultXmlUrl } from "../internetx/config";
import { LifecycleContext, namespacedSettings, StackConfig } from "../lifecycle/context";
import { CheckFailure } from "./check";
import { missingCredentials } from "./credentials";
import { EndpointOrigin, endpointOrigin, withEndpoint } from "./endpoint";

/**
 * Where a resource's InterNetX connection comes from, read at call time (never frozen into the serialized
 * provider): the resource's `connection` argument, else the stack config `internetx:*` the operation's context
 * carries (delivered to the dynamic provider's `configure`), else the `AUTODNS_*` environment variables (resolved by
 * the client).
 */
export const connectionSchema = z
    .object({
        url: z.string().url().optional(),
        xmlUrl: z.string().url().optional(),
        user: z.string().min(1).optional(),
        password: z.string().min(1).optional(),
        context: z.string().regex(/^\d+$/, "must be a number (the InterNetX context)").optional(),
        protocol: z.enum(["json", "xml"]).optional(),
        demo: z.boolean().optional(),
        caCertificatePem: z.string().optional(),
        timeoutSeconds: z.number().positive().optional(),
        /** Requests per second to the API host, shared by every provider process of the user on the machine (default 3, "JSON API Basics"; provider/shared/transport/machineRateLimiter.ts). */
        requestsPerSecond: z.number().positive().max(1000).optional(),
    })
    .strict();
export type ConnectionArgs = z.infer<typeof connectionSchema>;

/** The stack config keys `configure` delivers for InterNetX connections (`internetx:user`, ...). */
export const configKeys = ["url", "xmlUrl", "user", "password", "context", "protocol"] as const;

/** Options for the client of one resource operation, merging argument, stack config and (in the client) environment. */
export function clientOptionsFor(
    connection: ConnectionArgs | undefined,
    stackConfig?: StackConfig,
    logger?: (line: string) => void,
): ClientOptions {
    const merged = { ...namespacedSettings(stackConfig, "internetx", configKeys), ...(connection ?? {}) };
    return {
        url: merged.url,
        xmlUrl: merged.xmlUrl,
        user: merged.user,
        password: merged.password,
        context: merged.context,
        protocol: merged.protocol as ClientOptions["protocol"],
        demo: connection?.demo,
        caCertificatePem: connection?.caCertificatePem,
        timeoutMs: connection?.timeoutSeconds ? connection.timeoutSeconds * 1000 : undefined,
        requestsPerSecond: connection?.requestsPerSecond,
        logger,
    };
}

/** The InterNetX credentials `up` needs, missing from the resource's `connection`, the stack config (`internetx:*`) and the environment (`AUTODNS_*`). */
export function missingInternetxCredentials(
    connection: unknown,
    stackConfig: StackConfig | undefined,
    environment: NodeJS.ProcessEnv = process.env,
): CheckFailure[] {
    const given = connection !== null && typeof connection === "object" ? (connection as Record<string, unknown>) : {};
    const settings = namespacedSettings(stackConfig, "internetx", configKeys);
    return missingCredentials(
        (["user", "password", "context"] as const).map((key) => ({
            label: `InterNetX ${key}`,
            given: given[key] ?? settings[key],
            stackConfigKey: `internetx:${key}`,
            environmentVariable: `AUTODNS_${key.toUpperCase()}`,
            argument: `connection.${key}`,
            secret: key === "password",
        })),
        environment,
    );
}

/** The URL this connection talks to (JSON or XML, by protocol) and where it came from. */
export function connectionEndpoint(
    connection: ConnectionArgs | undefined,
    stackConfig?: StackConfig,
    environment: NodeJS.ProcessEnv = process.env,
): EndpointOrigin {
    const settings = namespacedSettings(stackConfig, "internetx", configKeys);
    const protocol = connection?.protocol ?? settings.protocol ?? (environment.AUTODNS_PROTOCOL || "json");
    const [key, variable, defaultUrl] =
        protocol === "xml"
            ? (["xmlUrl", "AUTODNS_XML_URL", defaultXmlUrl] as const)
            : (["url", "AUTODNS_URL", defaultJsonUrl] as const);
    return endpointOrigin({
        argument: connection?.[key],
        argumentName: `connection.${key}`,
        stackConfig: settings[key],
        stackConfigKey: `internetx:${key}`,
        environment: environment[variable],
        environmentVariable: variable,
        defaultUrl,
    });
}

/** What a client of one operation takes from the operation's context. */
export type ConnectionContext = Pick<LifecycleContext, "stackConfig" | "debugLog">;

/** Runs `work` with a client for this connection and the context's stack config, and closes the client afterwards. */
export async function withClient<T>(
    connection: ConnectionArgs | undefined,
    context: ConnectionContext,
    work: (client: Client) => Promise<T>,
): Promise<T> {
    const client = new Client(clientOptionsFor(connection, context.stackConfig, context.debugLog));
    try {
        return await work(client);
    } catch (error) {
        throw withEndpoint(error, connectionEndpoint(connection, context.stackConfig));
    } finally {
        await client.close();
    }
}
