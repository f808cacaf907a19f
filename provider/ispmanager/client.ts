import { decideRetry, defaultRetryPolicy, RetryPolicy } from "../internetx/retry";
import { MachineRateLimiter, machineRateLimiter } from "../shared/transport/machineRateLimiter";
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

/** Sends functions through the transport with rate limiting and the retry policy shared with the InterNetX client. */
export class FunctionRunner {
    private readonly limiter: MachineRateLimiter;
    private readonly policy: RetryPolicy;

    constructor(
        readonly transport: BillTransport,
        private readonly options: ResolvedClientOptions,
        private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    ) {
        // One pace per billing host for every provider process of this user on the machine (machineRateLimiter.ts):
        // BILLmanager publishes no limit, so concurrent stacks on one runner share the conservative default.
        this.limiter = machineRateLimiter(options.url, options.requestsPerSecond, options.logger);
        this.policy = { ...defaultRetryPolicy, maxAttempts: options.maxAttempts ?? defaultRetryPolicy.maxAttempts };
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
        const kind = billFunctions[request.func].kind;
        for (let attempt = 1; ; attempt++) {
            await this.limiter.take();
            this.log(`${request.func} attempt ${attempt} (${this.transport.method})`);
            try {
                const answered = await send();
                this.log(`${request.func} answered`);
                return { answered };
            } catch (error) {
                const decision = decideRetry(error, kind, attempt, this.policy);
                this.log(`${request.func} failed: ${(error as Error).name}: ${(error as Error).message}; ${decision.action} (${decision.reason})`);
                if (decision.action === "fail") throw error;
                if (decision.action === "recover") {
                    if (!recover) throw error;
                    // The request we gave up on may still be in the server's hands: allow it as long again before
                    // looking, or the order would be placed a second time (the InterNetX client's lesson, client.ts).
                    await this.sleep(Math.max(decision.delayMs, this.options.timeoutMs));
                    const found = await recover();
                    if (found) {
                        this.log(`${request.func}: found certificate ${found} ordered by the failed attempt; not ordering again`);
                        return { recoveredId: found };
                    }
                }
                await this.sleep(decision.delayMs);
            }
        }
    }

    private log(line: string): void {
        this.options.logger?.(line);
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
