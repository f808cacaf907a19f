import { Envelope } from "./envelope";
import { ClientOptions, resolveClientOptions, ResolvedClientOptions } from "./config";
import { randomUUID } from "node:crypto";
import { MachineRateLimiter } from "../shared/transport/machineRateLimiter";
import { RequestRunner } from "../shared/transport/requestRunner";
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

/** Sends tasks through one transport: the shared request runner in InterNetX's words (task codes, stid, ctid). */
export class TaskRunner {
    readonly limiter: MachineRateLimiter;
    private readonly runner: RequestRunner;

    constructor(
        readonly transport: Transport,
        options: ResolvedClientOptions,
        sleep?: (ms: number) => Promise<void>,
    ) {
        // "Only 3 requests per second and IP": one window per host, whoever the user is, for every provider process of
        // this user on the machine (parallel stacks on one runner share the address).
        this.runner = new RequestRunner(options.protocol === "xml" ? options.xmlUrl : options.url, options, sleep);
        this.limiter = this.runner.limiter;
    }

    async run(request: TaskRequest, recover?: OrderRecovery): Promise<Envelope> {
        const task = tasks[request.task];
        const outcome = await this.runner.run<Envelope, Envelope>({
            name: request.task,
            kind: task.kind,
            attempt: (attempt) => {
                // A new client transaction id for every request sent, so that each one can be quoted to support with its stid.
                const ctid = newClientTransactionId();
                return {
                    sending: `${request.task} (${task.code}) attempt ${attempt} over ${this.transport.protocol} ctid ${ctid}`,
                    send: () => this.transport.send({ ...request, ctid }),
                    answered: (envelope) => `${request.task} answered ${envelope.status.code}${envelope.stid ? ` stid ${envelope.stid}` : ""} ctid ${ctid}`,
                    failureReference: (error) => {
                        const stid = (error as { stid?: string }).stid;
                        return `${stid ? ` stid ${stid}` : ""} ctid ${ctid}`;
                    },
                };
            },
            recover,
        });
        return outcome.answered ?? outcome.recovered!;
    }
}

/** A client transaction id: unique per request, short enough for a support ticket. */
export function newClientTransactionId(): string {
    return `sslm-${randomUUID()}`;
}

/**
 * `internetx.Client`: the InterNetX SSL Manager API over JSON or XML, with one service per API object and methods
 * named after its tasks, so that the reference's task names find the code: `client.certificate.create(...)` is the
 * CertificateCreate task.
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
