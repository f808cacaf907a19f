import { z } from "zod";
import type { ExchangeObserver } from "../shared/transport/http";
import { ConfigurationMissingError, InvalidInputError } from "../errors";

/** The live and the demo endpoints of InterNetX ("JSON API Basics", "XML API Basics": interface addresses). */
export const defaultJsonUrl = "https://api.autodns.com/v1";
export const defaultXmlUrl = "https://gateway.autodns.com";
export const demoJsonUrl = "https://api.demo.autodns.com/v1";
export const demoXmlUrl = "https://demo.autodns.com/gateway/";

/** The live system's hosts: a `demo: true` connection refuses them, so a test order can never become a paid one. */
const liveHosts = new Set([new URL(defaultJsonUrl).host, new URL(defaultXmlUrl).host]);
const demoHosts = new Set([new URL(demoJsonUrl).host, new URL(demoXmlUrl).host]);

/** Which InterNetX system a URL belongs to by its host ("JSON API Basics", "XML API Basics"); `other` for any other host. */
export function systemOf(url: string): "live" | "demo" | "other" {
    let host: string;
    try {
        host = new URL(url).host;
    } catch {
        return "other";
    }
    return liveHosts.has(host) ? "live" : demoHosts.has(host) ? "demo" : "other";
}
export const defaultTimeoutMs = 30_000;

export interface ClientOptions {
    url?: string;
    xmlUrl?: string;
    user?: string;
    password?: string;
    context?: string;
    protocol?: "json" | "xml";
    demo?: boolean;
    /** Per-request timeout (headers and body), milliseconds. */
    timeoutMs?: number;
    /** Extra trusted CA certificate (PEM) for a server with a private CA; TLS verification is never turned off. */
    caCertificatePem?: string;
    requestsPerSecond?: number;
    maxAttempts?: number;
    /** Receives one line per request and response; never bodies or credentials. */
    logger?: (line: string) => void;
    /** Sees every HTTP exchange as sent and answered, credentials included (the doctor's transcript redacts them). */
    exchangeObserver?: ExchangeObserver;
}

export interface ResolvedClientOptions {
    url: string;
    xmlUrl: string;
    user: string;
    password: string;
    context: string;
    protocol: "json" | "xml";
    demo: boolean;
    timeoutMs: number;
    caCertificatePem?: string;
    requestsPerSecond?: number;
    maxAttempts?: number;
    logger?: (line: string) => void;
    exchangeObserver?: ExchangeObserver;
}

const urlSchema = z.string().url();

/**
 * Fills what the caller left out from the `AUTODNS_*` environment variables, then the defaults.
 * Missing credentials and malformed values fail here, naming the setting, before any request.
 */
export function resolveClientOptions(
    options: ClientOptions,
    environment: NodeJS.ProcessEnv = process.env,
): ResolvedClientOptions {
    const pick = (value: string | undefined, variable: string) =>
        value !== undefined && value !== "" ? value : environment[variable] || undefined;
    const user = pick(options.user, "AUTODNS_USER");
    const password = pick(options.password, "AUTODNS_PASSWORD");
    const context = pick(options.context, "AUTODNS_CONTEXT");
    const missing = [
        !user && "user (AUTODNS_USER)",
        !password && "password (AUTODNS_PASSWORD)",
        !context && "context (AUTODNS_CONTEXT)",
    ].filter(Boolean);
    if (missing.length > 0) {
        throw new ConfigurationMissingError(`InterNetX connection settings missing: ${missing.join(", ")}`);
    }
    const demo = options.demo ?? false;
    const url = pick(options.url, "AUTODNS_URL") ?? (demo ? demoJsonUrl : defaultJsonUrl);
    const xmlUrl = pick(options.xmlUrl, "AUTODNS_XML_URL") ?? (demo ? demoXmlUrl : defaultXmlUrl);
    const protocol = pick(options.protocol, "AUTODNS_PROTOCOL") ?? "json";
    if (!urlSchema.safeParse(url).success) throw new InvalidInputError("connection.url", `not a URL: ${url}`);
    if (!urlSchema.safeParse(xmlUrl).success) throw new InvalidInputError("connection.xmlUrl", `not a URL: ${xmlUrl}`);
    if (demo && systemOf(url) === "live") {
        throw new InvalidInputError(
            "connection.url",
            `demo is set, but ${url} is the live system; use ${demoJsonUrl} or leave url unset`,
        );
    }
    if (demo && systemOf(xmlUrl) === "live") {
        throw new InvalidInputError(
            "connection.xmlUrl",
            `demo is set, but ${xmlUrl} is the live system; use ${demoXmlUrl} or leave xmlUrl unset`,
        );
    }
    if (protocol !== "json" && protocol !== "xml")
        throw new InvalidInputError("connection.protocol", `must be "json" or "xml", got "${protocol}"`);
    if (!/^\d+$/.test(context!))
        throw new InvalidInputError("connection.context", "must be a number (the InterNetX context)");
    return {
        url,
        xmlUrl,
        user: user!,
        password: password!,
        context: context!,
        protocol,
        demo,
        timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
        caCertificatePem: options.caCertificatePem,
        requestsPerSecond: options.requestsPerSecond,
        maxAttempts: options.maxAttempts,
        logger: options.logger,
        exchangeObserver: options.exchangeObserver,
    };
}
