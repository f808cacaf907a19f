import { CertificateFunctions } from "./certificate";
import { ClientOptions, resolveClientOptions, ResolvedClientOptions } from "./config";
import { FunctionRunner } from "./functionRunner";
import { BillTransport } from "./transport";

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
        return {
            url: this.options.url,
            user: this.options.user,
            method: this.options.method,
            format: this.options.format,
        };
    }
    [Symbol.for("nodejs.util.inspect.custom")](): Record<string, unknown> {
        return this.toJSON();
    }
}
