import { TransportError } from "../errors";

/** Where the URL a client talks to came from, in the words a user can act on. */
export interface EndpointOrigin {
    url: string;
    origin: string;
}

/**
 * The URL in use and its origin, in the order the settings are read: the resource's `connection` argument, the stack
 * config, the environment, the default. Every argument is a plain value (no module state), so this is a pure function.
 */
export function endpointOrigin(setting: {
    argument?: string;
    argumentName: string;
    stackConfig?: string;
    stackConfigKey: string;
    environment?: string;
    environmentVariable: string;
    defaultUrl: string;
}): EndpointOrigin {
    if (setting.argument) return { url: setting.argument, origin: `the resource argument ${setting.argumentName}` };
    if (setting.stackConfig) return { url: setting.stackConfig, origin: `the stack config ${setting.stackConfigKey}` };
    if (setting.environment)
        return { url: setting.environment, origin: `the environment variable ${setting.environmentVariable}` };
    return {
        url: setting.defaultUrl,
        origin: `the default (set ${setting.stackConfigKey} or ${setting.environmentVariable} to change it)`,
    };
}

/**
 * A connection that never reached the server (refused, unknown host, unreachable, TLS refused) says where it tried to
 * go and where that URL came from; the same error class and details, only the message says more.
 */
export function withEndpoint(error: unknown, endpoint: EndpointOrigin): unknown {
    if (!(error instanceof TransportError) || error.requestSent) return error;
    let hostAndPort = endpoint.url;
    try {
        const url = new URL(endpoint.url);
        hostAndPort = `${url.hostname}:${url.port || (url.protocol === "https:" ? "443" : "80")}`;
    } catch {
        // not a URL: the client refuses it before any request, so this is only for completeness
    }
    const explained = new TransportError(
        `${error.message}: could not connect to ${hostAndPort} (${endpoint.url}, from ${endpoint.origin})`,
        {
            task: error.task,
            requestSent: false,
            cause: error.cause,
            retryable: error.retryable,
        },
    );
    explained.stack = error.stack;
    return explained;
}
