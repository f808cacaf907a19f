import { ClientOptions, resolveClientOptions, ResolvedClientOptions } from "./config";
import { CertificateService } from "./services/certificate";
import { JobService } from "./services/job";
import { PollService } from "./services/poll";
import { SslContactService } from "./services/sslcontact";
import { TaskRunner } from "./taskRunner";
import { JsonTransport } from "./transport/json";
import { Transport } from "./transport/transport";
import { XmlTransport } from "./transport/xml";

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
        const httpOptions = {
            timeoutMs: resolved.timeoutMs,
            caCertificatePem: resolved.caCertificatePem,
            observer: resolved.exchangeObserver,
        };
        this.transport =
            resolved.protocol === "xml"
                ? new XmlTransport(resolved.xmlUrl, credentials, httpOptions)
                : new JsonTransport(
                      resolved.url,
                      credentials,
                      httpOptions,
                      resolved.demo ? { "x-domainrobot-demo": "true" } : {},
                  );
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
        return {
            protocol: this.protocol,
            url: this.options.url,
            xmlUrl: this.options.xmlUrl,
            user: this.options.user,
            context: this.options.context,
        };
    }
    [Symbol.for("nodejs.util.inspect.custom")](): Record<string, unknown> {
        return this.toJSON();
    }
}
