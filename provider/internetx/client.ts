import { Envelope } from "./envelope";
import { ClientOptions, resolveClientOptions, ResolvedClientOptions } from "./config";
import { randomUUID } from "node:crypto";
import { MachineRateLimiter, machineRateLimiter } from "../shared/transport/machineRateLimiter";
import { defaultRequestsPerSecond } from "../shared/transport/rateLimiter";
import { decideRetry, defaultRetryPolicy, RetryPolicy } from "./retry";
import { CertificateService } from "./services/certificate";
import { JobService } from "./services/job";
import { PollService } from "./services/poll";
import { SslContactService } from "./services/sslcontact";
import { tasks, TaskRequest } from "./tasks";
import { JsonTransport } from "./transport/json";
import { Transport } from "./transport/transport";
import { XmlTransport } from "./transport/xml";

/**
 * Looks for the result of an order whose outcome is unknown (timeout, reset after sending, 5xx). Returns the
 * envelope the order would have produced, or undefined when no such order exists and it may be placed again.
 */
export type OrderRecovery = () => Promise<Envelope | undefined>;

/** Sends tasks through one transport with rate limiting and the retry policy of retry.ts. */
export class TaskRunner {
    readonly limiter: MachineRateLimiter;
    private readonly policy: RetryPolicy;

    constructor(
        readonly transport: Transport,
        private readonly options: ResolvedClientOptions,
        private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    ) {
        // "Only 3 requests per second and IP": one window per host, whoever the user is, for every provider process of
        // this user on the machine (parallel stacks on one runner share the address).
        this.limiter = machineRateLimiter(options.protocol === "xml" ? options.xmlUrl : options.url, options.requestsPerSecond ?? defaultRequestsPerSecond, options.logger);
        this.policy = { ...defaultRetryPolicy, maxAttempts: options.maxAttempts ?? defaultRetryPolicy.maxAttempts };
    }

    async run(request: TaskRequest, recover?: OrderRecovery): Promise<Envelope> {
        const kind = tasks[request.task].kind;
        for (let attempt = 1; ; attempt++) {
            await this.limiter.take();
            // A new client transaction id for every request sent, so that each one can be quoted to support with its stid.
            const ctid = newClientTransactionId();
            this.log(`${request.task} (${tasks[request.task].code}) attempt ${attempt} over ${this.transport.protocol} ctid ${ctid}`);
            try {
                const envelope = await this.transport.send({ ...request, ctid });
                this.log(`${request.task} answered ${envelope.status.code}${envelope.stid ? ` stid ${envelope.stid}` : ""} ctid ${ctid}`);
                return envelope;
            } catch (error) {
                const decision = decideRetry(error, kind, attempt, this.policy);
                const stid = (error as { stid?: string }).stid;
                this.log(`${request.task} failed: ${(error as Error).name}: ${(error as Error).message}; ${decision.action} (${decision.reason})${stid ? ` stid ${stid}` : ""} ctid ${ctid}`);
                if (decision.action === "fail") throw error;
                if (decision.action === "recover") {
                    if (!recover) throw error;
                    // A request we gave up on may still be in the server's hands: allow it as long again as we waited
                    // for it before looking, or the order would be placed a second time (reliability suite).
                    await this.sleep(Math.max(decision.delayMs, this.options.timeoutMs));
                    const found = await recover();
                    if (found) {
                        this.log(`${request.task}: found the order placed by the failed attempt; not ordering again`);
                        return found;
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

/** A client transaction id: unique per request, short enough for a support ticket. */
export function newClientTransactionId(): string {
    return `sslm-${randomUUID()}`;
}

/**
 * `internetx.Client`: the InterNetX SSL Manager API over JSON or XML, with one service per API object
 * (STYLE 1: `client.certificate.create(...)` is the CertificateCreate task).
 */
export class Client {
    readonly options: Omit<ResolvedClientOptions, "password">;
    readonly sslcontact: SslContactService;
    readonly certificate: CertificateService;
    readonly job: JobService;
    readonly poll: PollService;
    private readonly transport: Transport;
    readonly #resolved: ResolvedClientOptions;

    constructor(options: ClientOptions = {}) {
        const resolved = resolveClientOptions(options);
        this.#resolved = resolved;
        const credentials = { user: resolved.user, password: resolved.password, context: resolved.context };
        const httpOptions = { timeoutMs: resolved.timeoutMs, caCertificatePem: resolved.caCertificatePem };
        this.transport =
            resolved.protocol === "xml"
                ? new XmlTransport(resolved.xmlUrl, credentials, httpOptions)
                : new JsonTransport(resolved.url, credentials, httpOptions, resolved.demo ? { "x-domainrobot-demo": "true" } : {});
        // (swagger: every route takes the X-Domainrobot-Demo header; the demo system has its own addresses, config.ts)
        const { password: _password, ...visible } = resolved;
        this.options = visible;
        const runner = new TaskRunner(this.transport, resolved);
        this.sslcontact = new SslContactService(runner);
        this.job = new JobService(runner);
        this.certificate = new CertificateService(runner, this.job);
        this.poll = new PollService(runner);
    }

    get protocol(): "json" | "xml" {
        return this.transport.protocol;
    }

    /** A new client with the same settings and its own connection pool (for work that outlives this client). */
    fork(): Client {
        return new Client(this.#resolved);
    }

    /** Closes the connection pool. */
    close(): Promise<void> {
        return this.transport.close();
    }

    /** Keeps the password out of `console.log(client)` and `JSON.stringify(client)`. */
    toJSON(): Record<string, unknown> {
        return { protocol: this.protocol, url: this.options.url, xmlUrl: this.options.xmlUrl, user: this.options.user, context: this.options.context };
    }
    [Symbol.for("nodejs.util.inspect.custom")](): Record<string, unknown> {
        return this.toJSON();
    }
}
