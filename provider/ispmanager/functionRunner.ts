import { RequestRunner } from "../shared/transport/requestRunner";
import type { ResolvedClientOptions } from "./config";
import type { BillDocument } from "./document";
import { BillRequest, billFunctions } from "./functions";
import type { BillTransport } from "./transport";

/**
 * Looks for the result of an order whose outcome is unknown (timeout, reset after sending, 5xx): the id of the
 * certificate the order created, or undefined when there is none and the order may be placed again.
 */
export type OrderRecovery = () => Promise<string | undefined>;

/** The outcome of a call that may have been recovered instead of answered. */
export type Answer<T> = { answered: T; recoveredId?: undefined } | { answered?: undefined; recoveredId: string };

/** Sends functions through the transport: the shared request runner in BILLmanager's words (function names). */
export class FunctionRunner {
    private readonly runner: RequestRunner;

    constructor(
        readonly transport: BillTransport,
        options: ResolvedClientOptions,
        sleep?: (ms: number) => Promise<void>,
    ) {
        // One pace per billing host for every provider process of this user on the machine (machineRateLimiter.ts):
        // BILLmanager publishes no limit, so concurrent stacks on one runner share the conservative default.
        this.runner = new RequestRunner(options.url, options, sleep);
    }

    async run(request: BillRequest): Promise<BillDocument> {
        const answer = await this.attempt(request, () => this.transport.send(request));
        return answer.answered!;
    }

    async runRaw(request: BillRequest): Promise<Buffer> {
        const answer = await this.attempt(request, () => this.transport.sendRaw(request));
        return answer.answered!;
    }

    /** A paid order: after an ambiguous failure `recover` is asked first; an order it finds is not placed again. */
    async runOrder(request: BillRequest, recover: OrderRecovery, reference?: string): Promise<Answer<BillDocument>> {
        return this.attempt(request, () => this.transport.send(request), recover, reference);
    }

    private async attempt<T>(
        request: BillRequest,
        send: () => Promise<T>,
        recover?: OrderRecovery,
        reference?: string,
    ): Promise<Answer<T>> {
        const outcome = await this.runner.run<T, string>({
            name: request.func,
            kind: billFunctions[request.func].kind,
            attempt: (attempt) => ({
                sending: `${request.func} attempt ${attempt} (${this.transport.method})`,
                send,
                answered: () => `${request.func} answered`,
                failureReference: () => "",
            }),
            recover,
            foundWords: (id) => `certificate ${id} ordered`,
            reference,
        });
        return outcome.recovered === undefined ? { answered: outcome.answered } : { recoveredId: outcome.recovered };
    }
}
