import type { IncomingHttpHeaders } from "node:http";

/** One API request as the simulator saw it (admin endpoint `GET /__simulator/requests`). */
export interface LoggedRequest {
    index: number;
    time: string;
    method: string;
    path: string;
    /**
     * The query string as sent, without `?` (empty when none): where a JSON request asks for additional list keys
     * (swagger Certificate List `keys`, `in: query`, `?keys[]=comment`) or carries `?ctid=` ("General query parameters").
     */
    query: string;
    taskCode?: string;
    /** The client transaction id the request carried (JSON X-Domainrobot-Ctid, XML <task><ctid>). */
    ctid?: string;
    protocol: "json" | "xml";
    /** The HTTP status answered; -1 when the connection was reset instead. */
    status: number;
    /** Request headers, `authorization` redacted. */
    headers: Record<string, string>;
    /** The request body, XML `<password>` and JSON `"password"` values redacted. */
    body: string;
}

export const redacted = "[REDACTED]";

/** A query parameter named like a password keeps its name, never its value (no API route takes one; a client might). */
export function redactQuery(query: string): string {
    return query.replace(/((?:^|&)[^=&]*password[^=&]*=)[^&]*/gi, `$1${redacted}`);
}

/** Never keep a credential: the XML auth block's password, the S/MIME download password, basic auth. */
export function redactBody(body: string): string {
    return body
        .replace(/<password>[\s\S]*?<\/password>/gi, `<password>${redacted}</password>`)
        .replace(/("password"\s*:\s*)"(?:[^"\\]|\\.)*"/g, `$1"${redacted}"`);
}

export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
    const kept: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value === undefined) continue;
        kept[name] =
            name === "authorization" || name === "proxy-authorization"
                ? redacted
                : Array.isArray(value)
                  ? value.join(", ")
                  : value;
    }
    return kept;
}

export class RequestLog {
    private readonly entries: LoggedRequest[] = [];
    /** Index of the next entry; kept across `clear()` so `?since=` stays meaningful. */
    private nextIndex = 0;

    record(
        entry: Omit<LoggedRequest, "index" | "headers" | "body"> & { headers: IncomingHttpHeaders; body: string },
    ): LoggedRequest {
        const logged: LoggedRequest = {
            ...entry,
            index: this.nextIndex++,
            query: redactQuery(entry.query),
            headers: redactHeaders(entry.headers),
            body: redactBody(entry.body),
        };
        this.entries.push(logged);
        return logged;
    }

    since(index: number): LoggedRequest[] {
        return this.entries.filter((entry) => entry.index >= index);
    }

    clear(): void {
        this.entries.length = 0;
    }
}
