import { RequestRunner } from "../shared/transport/requestRunner";
import { CertificateFunctions } from "./certificate";
import { ClientOptions, resolveClientOptions, ResolvedClientOptions } from "./config";
import { BillDocument } from "./document";
import { BillRequest, billFunctions } from "./functions";
import { BillTransport } from "./transport";

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
    async runOrder(request: BillRequest, recover: OrderRecovery): Promise<Answer<BillDocument>> {
        return this.attempt(request, () => this.transport.send(request), recover);
    }

    private async attempt<T>(request: BillRequest, send: () => Promise<T>, recover?: OrderRecovery): Promise<Answer<T>> {
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
        });
        return outcome.recovered === undefined ? { answered: outcome.answered } : { recoveredId: outcome.recovered };
    }
}

/**
 * `ispmanager.Client`: the SSL functions of ispmanager's BILLmanager ("Reselling SSL certificates"), grouped by
 * function family: `client.certificate.order(...)` is `certificate.order.param`.
 */
export class Client {
    readonly options: Omit<ResolvedClientOptions, "password">;
    readonly certificate: CertificateFunctions;
    private readonly transport: BillTransport;
    readonly #resolved: ResolvedClientOptions;

    constructor(options: ClientOptions = {}) {
        const resolved = resolveClientOptions(options);
        this.#resolved = resolved;
        this.transport = new BillTransport(resolved);
        const { password: _password, ...visible } = resolved;
        this.options = visible;
        this.certificate = new CertificateFunctions(new FunctionRunner(this.transport, resolved));
    }

    /** A new client with the same settings and its own connection pool. */
    fork(): Client {
        return new Client(this.#resolved);
    }

    close(): Promise<void> {
        return this.transport.close();
    }

    /** Keeps the password out of `console.log(client)` and `JSON.stringify(client)`. */
    toJSON(): Record<string, unknown> {
        return { url: this.options.url, user: this.options.user, method: this.options.method, format: this.options.format };
    }
    [Symbol.for("nodejs.util.inspect.custom")](): Record<string, unknown> {
        return this.toJSON();
    }
}
