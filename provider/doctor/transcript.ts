import { redact, REDACTED } from "../redact";
import { Envelope, envelopeSchema } from "../internetx/envelope";
import { TaskName, tasks } from "../internetx/tasks";
import { envelopeFromXml } from "../internetx/transport/xml";
import type { ObservedExchange } from "../shared/transport/http";

/**
 * The doctor's transcript: every HTTP exchange of a run, credentials and private keys redacted, one JSON object per
 * line (JSON Lines) so that evidence can name a line. Line 1 is the header; each further line one exchange. The same
 * file is a test fixture: `loadTranscript` reads it back and `test/doctor` checks the wire-format facts on it, so a
 * transcript recorded against the real demo system that contradicts docs/wire-format.md becomes a failing test.
 */
export const transcriptFormat = "pulumi-sslmanager-transcript/1";

export interface TranscriptHeader {
    transcript: typeof transcriptFormat;
    backend: "internetx" | "ispmanager";
    protocol: "json" | "xml" | "bjson";
    url: string;
    recordedAt: string;
}

export interface TranscriptExchange {
    /** The line of the transcript file this exchange is on (1 is the header). */
    line: number;
    /** The API task (InterNetX) or function (BILLmanager) the client sent. */
    task: string;
    startedAt: string;
    request: { method: string; url: string; headers: Record<string, string>; body?: string };
    response?: { status: number; headers: Record<string, string>; body: string };
    /** The network failure when no answer came (its code). */
    error?: string;
}

export interface Transcript {
    header: TranscriptHeader;
    exchanges: TranscriptExchange[];
}

const privateKeyBlock = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g;
/** Headers kept from an answer: what the evidence and the rate check read. */
const keptResponseHeaders = ["content-type", "retry-after"];

/** Credentials (password, `authinfo`, basic auth) and private keys out of a text of the transcript. */
export function redactForTranscript(text: string, secrets: ReadonlyArray<string | undefined>): string {
    return redact(text, secrets).replace(
        privateKeyBlock,
        `-----BEGIN PRIVATE KEY-----${REDACTED}-----END PRIVATE KEY-----`,
    );
}

function networkCode(error: unknown): string {
    let current: unknown = error;
    for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
        const code = (current as { code?: unknown }).code;
        if (typeof code === "string") return code;
        current = (current as { cause?: unknown }).cause;
    }
    return error instanceof Error ? error.name : String(error);
}

/** One observed exchange as a transcript entry, redacted. */
export function transcriptExchange(
    observed: ObservedExchange,
    line: number,
    secrets: ReadonlyArray<string | undefined>,
): TranscriptExchange {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(observed.call.headers)) {
        headers[name.toLowerCase()] =
            name.toLowerCase() === "authorization"
                ? `${value.split(" ")[0]} ${REDACTED}`
                : redactForTranscript(value, secrets);
    }
    const entry: TranscriptExchange = {
        line,
        task: observed.call.task,
        startedAt: observed.startedAt.toISOString(),
        request: {
            method: observed.call.method,
            url: redactForTranscript(observed.call.url, secrets),
            headers,
            ...(observed.call.body !== undefined ? { body: redactForTranscript(observed.call.body, secrets) } : {}),
        },
    };
    if (observed.exchange) {
        const kept: Record<string, string> = {};
        for (const name of keptResponseHeaders) {
            const value = observed.exchange.headers[name];
            if (value !== undefined) kept[name] = Array.isArray(value) ? value.join(", ") : value;
        }
        entry.response = {
            status: observed.exchange.statusCode,
            headers: kept,
            body: redactForTranscript(observed.exchange.body, secrets),
        };
    } else {
        entry.error = networkCode(observed.error);
    }
    return entry;
}

export function serializeTranscript(transcript: Transcript): string {
    return (
        [
            JSON.stringify(transcript.header),
            ...transcript.exchanges.map(({ line: _line, ...exchange }) => JSON.stringify(exchange)),
        ].join("\n") + "\n"
    );
}

/** Reads a transcript file back (a fixture, or a user's recording); a line that is not one fails naming it. */
export function loadTranscript(text: string): Transcript {
    const lines = text.split("\n").filter((line) => line.trim() !== "");
    const parse = (line: string, number: number) => {
        try {
            return JSON.parse(line) as Record<string, unknown>;
        } catch {
            throw new Error(`transcript line ${number} is not JSON`);
        }
    };
    const header = parse(lines[0] ?? "", 1) as unknown as TranscriptHeader;
    if (header.transcript !== transcriptFormat)
        throw new Error(`transcript line 1: not a ${String(transcriptFormat)} header`);
    const exchanges = lines.slice(1).map((line, index) => {
        const exchange = parse(line, index + 2) as unknown as TranscriptExchange;
        if (typeof exchange.task !== "string" || !exchange.request)
            throw new Error(`transcript line ${index + 2}: not an exchange (task and request are required)`);
        return { ...exchange, line: index + 2 };
    });
    return { header, exchanges };
}

/** The InterNetX answer of an exchange in the JSON API's shape (an XML answer converted as the client converts it). */
export function envelopeOf(exchange: TranscriptExchange): Envelope | undefined {
    const body = exchange.response?.body;
    if (!body) return undefined;
    if (body.trimStart().startsWith("<")) {
        if (!(exchange.task in tasks)) return undefined;
        return envelopeFromXml(body, { task: exchange.task as TaskName });
    }
    try {
        const parsed = envelopeSchema.safeParse(JSON.parse(body));
        return parsed.success ? parsed.data : undefined;
    } catch {
        return undefined;
    }
}

/** The request body of an InterNetX JSON exchange, parsed; undefined for XML or no body. */
export function jsonRequestBody(exchange: TranscriptExchange): Record<string, unknown> | undefined {
    const body = exchange.request.body;
    if (!body || body.trimStart().startsWith("<")) return undefined;
    try {
        return JSON.parse(body) as Record<string, unknown>;
    } catch {
        return undefined;
    }
}
