import { randomUUID } from "node:crypto";
import { RequestRunner } from "../shared/transport/requestRunner";
import { MachineRateLimiter } from "../shared/transport/machineRateLimiter";
import type { ResolvedClientOptions } from "./config";
import type { Envelope } from "./envelope";
import { tasks, TaskRequest } from "./tasks";
import type { Transport } from "./transport/transport";

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

    /** `reference`: the order's own reference, named when its outcome stays unknown (requestRunner.ts). */
    async run(request: TaskRequest, recover?: OrderRecovery, reference?: string): Promise<Envelope> {
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
                    answered: (envelope) =>
                        `${request.task} answered ${envelope.status.code}${envelope.stid ? ` stid ${envelope.stid}` : ""} ctid ${ctid}`,
                    failureReference: (error) => {
                        const stid = (error as { stid?: string }).stid;
                        return `${stid ? ` stid ${stid}` : ""} ctid ${ctid}`;
                    },
                };
            },
            recover,
            reference,
        });
        return outcome.answered ?? outcome.recovered;
    }
}

/** A client transaction id: unique per request, short enough for a support ticket. */
export function newClientTransactionId(): string {
    return `sslm-${randomUUID()}`;
}
