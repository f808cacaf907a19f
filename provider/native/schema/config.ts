import { ConfigVariable } from "./model";

/**
 * The provider's configuration (`sslmanager:<name>` in stack config, or the arguments of an explicit provider):
 * one connection per backend and per provider instance. What is left out falls back to the AUTODNS_* and
 * ISPMANAGER_* environment variables, which the clients read.
 */
export const configVariables: Record<string, ConfigVariable> = {
    internetxUrl: {
        backend: "internetx",
        setting: "url",
        type: "string",
        description: "InterNetX JSON API base URL (default https://api.autodns.com/v1).",
    },
    internetxXmlUrl: {
        backend: "internetx",
        setting: "xmlUrl",
        type: "string",
        description: "InterNetX XML gateway URL (default https://gateway.autodns.com).",
    },
    internetxUser: { backend: "internetx", setting: "user", type: "string", description: "InterNetX user name." },
    internetxPassword: {
        backend: "internetx",
        setting: "password",
        type: "string",
        secret: true,
        description: "InterNetX password.",
    },
    internetxContext: {
        backend: "internetx",
        setting: "context",
        type: "string",
        description: "InterNetX context (a number).",
    },
    internetxProtocol: {
        backend: "internetx",
        setting: "protocol",
        type: "string",
        values: ["json", "xml"],
        description: "json (default) or xml.",
    },
    internetxDemo: {
        backend: "internetx",
        setting: "demo",
        type: "boolean",
        description: "Use InterNetX's demo system.",
    },
    internetxCaCertificatePem: {
        backend: "internetx",
        setting: "caCertificatePem",
        type: "string",
        description: "A private CA to trust in addition to the system's (TLS verification is never turned off).",
    },
    internetxTimeoutSeconds: {
        backend: "internetx",
        setting: "timeoutSeconds",
        type: "number",
        description: "Timeout of one request in seconds.",
    },
    internetxRequestsPerSecond: {
        backend: "internetx",
        setting: "requestsPerSecond",
        type: "number",
        description: "Client-side request rate limit per account and process.",
    },
    ispmanagerUrl: {
        backend: "ispmanager",
        setting: "url",
        type: "string",
        description: "BILLmanager function endpoint (default https://api-eu.ispmanager.com/billmgr).",
    },
    ispmanagerUser: {
        backend: "ispmanager",
        setting: "user",
        type: "string",
        description: "The BILLmanager account's e-mail address.",
    },
    ispmanagerPassword: {
        backend: "ispmanager",
        setting: "password",
        type: "string",
        secret: true,
        description: "The BILLmanager account's password.",
    },
    ispmanagerMethod: {
        backend: "ispmanager",
        setting: "method",
        type: "string",
        values: ["GET", "POST"],
        description: "POST (default) or GET.",
    },
    ispmanagerFormat: {
        backend: "ispmanager",
        setting: "format",
        type: "string",
        values: ["bjson", "json"],
        description: "Answer format: bjson (default) or json.",
    },
    ispmanagerCaCertificatePem: {
        backend: "ispmanager",
        setting: "caCertificatePem",
        type: "string",
        description: "A private CA to trust in addition to the system's (TLS verification is never turned off).",
    },
    ispmanagerTimeoutSeconds: {
        backend: "ispmanager",
        setting: "timeoutSeconds",
        type: "number",
        description: "Timeout of one request in seconds.",
    },
};
