import { request } from "undici";

export interface SimulatorState {
    orders: number;
    reissues: number;
    renewals: number;
    /** New jobs a job outcome rule decided (fail or never finish). */
    outcomesApplied: number;
    certificates: { id: string; name: string; status: string; serialNumber?: string }[];
    contacts: number;
    jobs: { id: string; status: string }[];
    pollQueueLength: number;
}

export interface LoggedRequest {
    /** The request's place in the log, kept across clears (`?since=`). */
    index: number;
    time: string;
    method: string;
    path: string;
    /** The query string as sent, without `?`. */
    query: string;
    taskCode?: string;
    protocol: "json" | "xml";
    /** The HTTP status answered; 0 while the simulator still holds the request, -1 for a reset. */
    status: number;
    /** The request body, credentials redacted. */
    body: string;
}

/** A simulator's test-only `/__simulator` endpoints over HTTP: JSON in and out; an answer of 300 or more throws. */
export class AdminEndpoint {
    constructor(private readonly adminUrl: string) {}

    protected async call<T>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<T> {
        const response = await request(`${this.adminUrl}${path}`, {
            method,
            headers: body === undefined ? {} : { "content-type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.body.text();
        if (response.statusCode >= 300)
            throw new Error(`simulator admin ${method} ${path}: HTTP ${response.statusCode} ${text}`);
        return (text ? JSON.parse(text) : undefined) as T;
    }

    /** How many faults the simulator injected so far, and the rules with requests left to hit. */
    faults(): Promise<{ injected: number; pending: Record<string, unknown>[] }> {
        return this.call("GET", "/faults");
    }
}

/** The simulator's test-only endpoints (`/__simulator`, simulator/internetx/README.md), for steering tests. */
export class SimulatorAdmin extends AdminEndpoint {
    state(): Promise<SimulatorState> {
        return this.call("GET", "/state");
    }
    /** The requests logged from index `since` on. */
    requests(since = 0): Promise<LoggedRequest[]> {
        return this.call("GET", since === 0 ? "/requests" : `/requests?since=${since}`);
    }
    clearRequests(): Promise<void> {
        return this.call("DELETE", "/requests");
    }
    publishDns(name: string, type: string, value: string): Promise<void> {
        return this.call("POST", "/dns", { name, type, value });
    }
    publishedDns(): Promise<{ name: string; type: string; value: string }[]> {
        return this.call("GET", "/dns");
    }
    unpublishDns(name: string, type: string, value: string): Promise<void> {
        return this.call("DELETE", "/dns", { name, type, value });
    }
    settings(settings: {
        issuanceDelayMs?: number;
        latencyMs?: number;
        dnsValidationDeadlineMs?: number;
        fileValidationOrigin?: string | null;
        cancellationDelayMs?: number;
        renewalWindowDays?: number;
        ignoreUnknownFilterKeys?: boolean;
        listKeysWithoutAsking?: boolean;
        listKeysIgnored?: boolean;
        dropsComment?: boolean;
        ignoresCommentAtCreate?: boolean;
        refusesMissingObjects?: boolean;
    }): Promise<void> {
        return this.call("POST", "/settings", settings);
    }
    fault(fault: Record<string, unknown>): Promise<void> {
        return this.call("POST", "/faults", fault);
    }
    clearFaults(): Promise<void> {
        return this.call("DELETE", "/faults");
    }
    jobOutcome(rule: {
        match: { name?: string };
        outcome: "fail" | "never";
        reason?: string;
        count?: number;
    }): Promise<void> {
        return this.call("POST", "/jobs/outcomes", rule);
    }
    failJob(id: string, reason: string): Promise<void> {
        return this.call("POST", `/jobs/${id}/fail`, { reason });
    }
    /** The request rate limit per client address: its setting and how many requests it accepted and refused. */
    rateLimit(): Promise<{ requestsPerSecond: number; accepted: number; refused: number }> {
        return this.call("GET", "/rateLimit");
    }
    /** Sets the limit (0 switches it off). */
    setRateLimit(requestsPerSecond: number): Promise<{ requestsPerSecond: number; accepted: number; refused: number }> {
        return this.call("POST", "/rateLimit", { requestsPerSecond });
    }
}
