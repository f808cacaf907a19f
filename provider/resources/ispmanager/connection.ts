import { z } from "zod";
import { Client } from "../../ispmanager/client";
import { ClientOptions, defaultBillmanagerUrl } from "../../ispmanager/config";
import { LifecycleContext, namespacedSettings, StackConfig } from "../../lifecycle/context";
import { CheckFailure } from "../check";
import { missingCredentials } from "../credentials";
import { EndpointOrigin, endpointOrigin, withEndpoint } from "../endpoint";
import { ispmanagerConfigKeys } from "./configKeys";

/**
 * Where an ispmanager resource's connection comes from, read at call time (never frozen into the serialized provider):
 * the resource's `connection` argument, else the stack config `ispmanager:*` the operation's context carries (delivered to `configure`), else the
 * `ISPMANAGER_*` environment variables (resolved by the client).
 */
export const ispmanagerConnectionSchema = z
    .object({
        url: z.string().url().optional(),
        user: z.string().min(1).optional(),
        password: z.string().min(1).optional(),
        method: z.enum(["GET", "POST"]).optional(),
        format: z.enum(["bjson", "json"]).optional(),
        caCertificatePem: z.string().optional(),
        timeoutSeconds: z.number().positive().optional(),
    })
    .strict();
export type IspmanagerConnectionArgs = z.infer<typeof ispmanagerConnectionSchema>;

export { ispmanagerConfigKeys };

export function ispmanagerClientOptions(
    connection: IspmanagerConnectionArgs | undefined,
    stackConfig?: StackConfig,
    logger?: (line: string) => void,
): ClientOptions {
    const merged = { ...namespacedSettings(stackConfig, "ispmanager", ispmanagerConfigKeys), ...(connection ?? {}) };
    return {
        url: merged.url,
        user: merged.user,
        password: merged.password,
        method: connection?.method,
        format: connection?.format,
        caCertificatePem: connection?.caCertificatePem,
        timeoutMs: connection?.timeoutSeconds ? connection.timeoutSeconds * 1000 : undefined,
        logger,
    };
}

/** The BILLmanager credentials `up` needs, missing from the resource's `connection`, the stack config (`ispmanager:*`) and the environment (`ISPMANAGER_*`). */
export function missingIspmanagerCredentials(
    connection: unknown,
    stackConfig: StackConfig | undefined,
    environment: NodeJS.ProcessEnv = process.env,
): CheckFailure[] {
    const given = connection !== null && typeof connection === "object" ? (connection as Record<string, unknown>) : {};
    const settings = namespacedSettings(stackConfig, "ispmanager", ispmanagerConfigKeys);
    return missingCredentials(
        (["user", "password"] as const).map((key) => ({
            label: `BILLmanager ${key}`,
            given: given[key] ?? settings[key],
            stackConfigKey: `ispmanager:${key}`,
            environmentVariable: `ISPMANAGER_${key.toUpperCase()}`,
            argument: `connection.${key}`,
            secret: key === "password",
        })),
        environment,
    );
}

/** The BILLmanager URL this connection talks to and where it came from. */
export function ispmanagerEndpoint(
    connection: IspmanagerConnectionArgs | undefined,
    stackConfig?: StackConfig,
    environment: NodeJS.ProcessEnv = process.env,
): EndpointOrigin {
    return endpointOrigin({
        argument: connection?.url,
        argumentName: "connection.url",
        stackConfig: namespacedSettings(stackConfig, "ispmanager", ispmanagerConfigKeys).url,
        stackConfigKey: "ispmanager:url",
        environment: environment.ISPMANAGER_URL,
        environmentVariable: "ISPMANAGER_URL",
        defaultUrl: defaultBillmanagerUrl,
    });
}

/** Runs `work` with a client for this connection and closes the client afterwards. */
export async function withIspmanagerClient<T>(
    connection: IspmanagerConnectionArgs | undefined,
    context: Pick<LifecycleContext, "stackConfig" | "debugLog">,
    work: (client: Client) => Promise<T>,
): Promise<T> {
    const client = new Client(ispmanagerClientOptions(connection, context.stackConfig, context.debugLog));
    try {
        return await work(client);
    } catch (error) {
        throw withEndpoint(error, ispmanagerEndpoint(connection, context.stackConfig));
    } finally {
        await client.close();
    }
}
