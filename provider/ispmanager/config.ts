import { z } from "zod";
import type { ExchangeObserver } from "../shared/transport/http";
import { ConfigurationMissingError, InvalidInputError } from "../errors";

/** Named defaults: the production billing system of ispmanager ("Reselling SSL certificates": "API address … api-eu.ispmanager.com"). */
export const defaultBillmanagerUrl = "https://api-eu.ispmanager.com/billmgr";
export const defaultTimeoutMs = 30_000;
/**
 * BILLmanager publishes no request rate limit (neither the API guide nor the reselling pages name one), so the client
 * paces itself: this many requests per second to the billing host, shared by every client of every provider process
 * of the user on the machine (`machineRateLimiter`). Conservative on purpose — the pace InterNetX documents for its gateway — and configurable
 * with `requestsPerSecond` or `ISPMANAGER_REQUESTS_PER_SECOND`.
 */
export const defaultRequestsPerSecond = 3;

/** The answer formats this client reads (docs/ispmanager.md): `bjson` as in every example of the reselling page, or the older `json`. */
export type ResponseFormat = "bjson" | "json";

export interface ClientOptions {
    /** The billing system's function endpoint, e.g. https://api-eu.ispmanager.com/billmgr. */
    url?: string;
    /** The account's e-mail address (the EMAIL of `authinfo=EMAIL:PASSWORD`). The account must not use two-factor authentication: such accounts cannot use authinfo ("Reselling SSL certificates through BILLmanager"). */
    user?: string;
    password?: string;
    /**
     * POST (default) carries `authinfo` in the body, so the password is never part of a URL; GET puts every parameter in
     * the query string exactly as the document's examples do (spaces as `%20`).
     */
    method?: "GET" | "POST";
    format?: ResponseFormat;
    /** Per-request timeout (headers and body), milliseconds. */
    timeoutMs?: number;
    /** Extra trusted CA certificate (PEM) for a server with a private CA; TLS verification is never turned off. */
    caCertificatePem?: string;
    /** Requests per second this process sends to the account (default `defaultRequestsPerSecond`). */
    requestsPerSecond?: number;
    maxAttempts?: number;
    /** Receives one line per request and answer; never parameters, bodies or credentials. */
    logger?: (line: string) => void;
    /** Sees every HTTP exchange as sent and answered, `authinfo` included (the doctor's transcript redacts it). */
    exchangeObserver?: ExchangeObserver;
}

export interface ResolvedClientOptions {
    url: string;
    user: string;
    password: string;
    method: "GET" | "POST";
    format: ResponseFormat;
    timeoutMs: number;
    caCertificatePem?: string;
    requestsPerSecond: number;
    maxAttempts?: number;
    logger?: (line: string) => void;
    exchangeObserver?: ExchangeObserver;
}

const urlSchema = z.string().url();

/**
 * Fills what the caller left out from `ISPMANAGER_USER`, `ISPMANAGER_PASSWORD`, `ISPMANAGER_URL`,
 * `ISPMANAGER_REQUESTS_PER_SECOND`, then the defaults.
 * Missing credentials and malformed values fail here, naming the setting, before any request.
 */
export function resolveClientOptions(
    options: ClientOptions,
    environment: NodeJS.ProcessEnv = process.env,
): ResolvedClientOptions {
    const pick = (value: string | undefined, variable: string) =>
        value !== undefined && value !== "" ? value : environment[variable] || undefined;
    const user = pick(options.user, "ISPMANAGER_USER");
    const password = pick(options.password, "ISPMANAGER_PASSWORD");
    const missing = [!user && "user (ISPMANAGER_USER)", !password && "password (ISPMANAGER_PASSWORD)"].filter(Boolean);
    if (missing.length > 0)
        throw new ConfigurationMissingError(`ispmanager connection settings missing: ${missing.join(", ")}`);
    const url = pick(options.url, "ISPMANAGER_URL") ?? defaultBillmanagerUrl;
    if (!urlSchema.safeParse(url).success) throw new InvalidInputError("connection.url", `not a URL: ${url}`);
    // `authinfo` is EMAIL:PASSWORD: a colon in the user would make the pair ambiguous.
    if (user!.includes(":"))
        throw new InvalidInputError("connection.user", "must not contain a colon (authinfo is EMAIL:PASSWORD)");
    const method = options.method ?? "POST";
    const format = options.format ?? "bjson";
    if (method !== "GET" && method !== "POST")
        throw new InvalidInputError("connection.method", `must be "GET" or "POST", got "${String(method)}"`);
    if (format !== "bjson" && format !== "json")
        throw new InvalidInputError("connection.format", `must be "bjson" or "json", got "${String(format)}"`);
    const pace = pick(undefined, "ISPMANAGER_REQUESTS_PER_SECOND");
    const requestsPerSecond =
        options.requestsPerSecond ?? (pace !== undefined ? Number(pace) : defaultRequestsPerSecond);
    if (!Number.isFinite(requestsPerSecond) || requestsPerSecond <= 0)
        throw new InvalidInputError(
            "connection.requestsPerSecond",
            `must be a positive number, got ${requestsPerSecond}`,
        );
    return {
        url,
        user: user!,
        password: password!,
        method,
        format,
        timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
        caCertificatePem: options.caCertificatePem,
        requestsPerSecond,
        maxAttempts: options.maxAttempts,
        logger: options.logger,
        exchangeObserver: options.exchangeObserver,
    };
}
