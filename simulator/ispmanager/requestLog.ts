import { redact } from "../../provider/redact";

/** One API request as the simulator saw it (`GET /__simulator/requests`); `authinfo` never kept. */
export interface LoggedBillRequest {
    index: number;
    time: string;
    method: string;
    /** The function called (`func`). */
    func?: string;
    /** The requested output format (`out`), absent for a download. */
    out?: string;
    /** Path and query, `authinfo` redacted. */
    url: string;
    /** The request body, `authinfo` redacted. */
    body: string;
    /** Every parameter (query and body) decoded, `authinfo` redacted. */
    params: Record<string, string>;
    /** HTTP status answered; -1 when the connection was reset instead. */
    status: number;
    /** BILLmanager error type when the function failed. */
    errorType?: string;
}

export class BillRequestLog {
    private readonly entries: LoggedBillRequest[] = [];
    private nextIndex = 0;

    constructor(private readonly secrets: () => string[]) {}

    record(entry: Omit<LoggedBillRequest, "index">): LoggedBillRequest {
        const secrets = this.secrets();
        const params = Object.fromEntries(
            Object.entries(entry.params).map(([name, value]) => [
                name,
                name === "authinfo" ? "[REDACTED]" : redact(value, secrets),
            ]),
        );
        const logged: LoggedBillRequest = {
            ...entry,
            index: this.nextIndex++,
            url: redact(entry.url, secrets),
            body: redact(entry.body, secrets),
            params,
        };
        this.entries.push(logged);
        return logged;
    }

    since(index: number): LoggedBillRequest[] {
        return this.entries.filter((entry) => entry.index >= index);
    }

    clear(): void {
        this.entries.length = 0;
    }
}
