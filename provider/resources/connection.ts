import { z } from "zod";
import { Client } from "../internetx/client";
import { ClientOptions, defaultJsonUrl, defaultXmlUrl } from "../internetx/config";
import { EndpointOrigin, endpointOrigin, withEndpoint } from "./endpoint";

/**
 * Where a resource's InterNetX connection comes from, read at call time (never frozen into the serialized
 * provider): the resource's `connection` argument, else the stack config `internetx:*` delivered to the dynamic
 * provider's `configure`, else the `AUTODNS_*` environment variables (resolved by the client).
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
        /** Client-side limit per account and process (default 25; rateLimiter.ts). */
        requestsPerSecond: z.number().positive().max(1000).optional(),
    })
    .strict();
export type ConnectionArgs = z.infer<typeof connectionSchema>;

/** The stack config keys read by `configure`. */
export const configKeys = ["url", "xmlUrl", "user", "password", "context", "protocol"] as const;

let stackConfig: Partial<Record<(typeof configKeys)[number], string>> = {};

/** Called by the dynamic providers' `configure` with the stack config (`internetx:user`, ...). */
export function configureFromStack(get: (key: string) => string | undefined): void {
    const next: typeof stackConfig = {};
    for (const key of configKeys) {
        const value = get(`internetx:${key}`);
        if (value !== undefined && value !== "") next[key] = value;
    }
    stackConfig = next;
}

/** For tests: forget what `configure` delivered. */
export function resetStackConfig(): void {
    stackConfig = {};
}

export type ClientFactory = (options: ClientOptions) => Client;

/**
 * Where the clients of resource operations write their debug lines (one per request and answer, never bodies or
 * credentials). Off unless set; PULUMI_SSLMANAGER_DEBUG=1 sends them to Pulumi's debug log (`pulumi up -v=9`).
 */
let clientDebugLog: ((line: string) => void) | undefined = process.env.PULUMI_SSLMANAGER_DEBUG
    ? (line) => {
          try {
              void (require("@pulumi/pulumi") as typeof import("@pulumi/pulumi")).log.debug(line);
          } catch {
              // no engine: nothing to log to
          }
      }
    : undefined;

export function setClientDebugLog(log: ((line: string) => void) | undefined): void {
    clientDebugLog = log;
}

/** Options for the client of one resource operation, merging argument, stack config and (in the client) environment. */
export function clientOptionsFor(connection: ConnectionArgs | undefined, logger?: (line: string) => void): ClientOptions {
    const merged = { ...stackConfig, ...(connection ?? {}) };
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

/** The URL this connection talks to (JSON or XML, by protocol) and where it came from. */
export function connectionEndpoint(connection: ConnectionArgs | undefined, environment: NodeJS.ProcessEnv = process.env): EndpointOrigin {
    const protocol = connection?.protocol ?? stackConfig.protocol ?? (environment.AUTODNS_PROTOCOL || "json");
    const [key, variable, defaultUrl] = protocol === "xml" ? (["xmlUrl", "AUTODNS_XML_URL", defaultXmlUrl] as const) : (["url", "AUTODNS_URL", defaultJsonUrl] as const);
    return endpointOrigin({
        argument: connection?.[key],
        argumentName: `connection.${key}`,
        stackConfig: stackConfig[key],
        stackConfigKey: `internetx:${key}`,
        environment: environment[variable],
        environmentVariable: variable,
        defaultUrl,
    });
}

/** Runs `work` with a client for this connection and closes the client afterwards. */
export async function withClient<T>(connection: ConnectionArgs | undefined, work: (client: Client) => Promise<T>, logger?: (line: string) => void): Promise<T> {
    const client = new Client(clientOptionsFor(connection, logger ?? clientDebugLog));
    try {
        return await work(client);
    } catch (error) {
        throw withEndpoint(error, connectionEndpoint(connection));
    } finally {
        await client.close();
    }
}
