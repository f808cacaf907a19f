import type { ExchangeObserver, ObservedExchange } from "../shared/transport/http";
import { TranscriptExchange, transcriptExchange } from "./transcript";

/**
 * Keeps every HTTP exchange of a doctor run (redacted at once: no password or key is ever held in the record) and
 * answers what the checks quote: the last answer's status, text and stid, the pace of the requests, the 429s.
 */
export class ExchangeRecorder {
    readonly exchanges: TranscriptExchange[] = [];
    readonly observer: ExchangeObserver;

    constructor(private readonly secrets: ReadonlyArray<string | undefined>) {
        this.observer = (observed: ObservedExchange) => {
            // Line 1 of the transcript is its header: exchanges start on line 2.
            this.exchanges.push(transcriptExchange(observed, this.exchanges.length + 2, this.secrets));
        };
    }

    /** A position to ask `since` about later. */
    mark(): number {
        return this.exchanges.length;
    }

    since(mark: number): TranscriptExchange[] {
        return this.exchanges.slice(mark);
    }

    /** The most request starts in any one-second window (the limit InterNetX publishes is 3 per second and IP). */
    peakRequestsPerSecond(): number {
        const starts = this.exchanges
            .map((exchange) => Date.parse(exchange.startedAt))
            .sort((left, right) => left - right);
        let peak = 0;
        for (let first = 0, last = 0; last < starts.length; last++) {
            while (starts[last] - starts[first] >= 1000) first++;
            peak = Math.max(peak, last - first + 1);
        }
        return peak;
    }

    /** The exchanges the API refused with HTTP 429 (Too Many Requests). */
    refusedForRate(): TranscriptExchange[] {
        return this.exchanges.filter((exchange) => exchange.response?.status === 429);
    }
}
