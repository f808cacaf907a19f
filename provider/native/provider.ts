import type * as provider from "@pulumi/pulumi/provider";
import { Clock, systemClock } from "../lifecycle/context";
import { OperationCancelledError } from "./cancellation";
import { connectionsFrom, missingProviderCredentials } from "./configuration";
import { containsUnknown } from "../resources/unknowns";
import { engineFailures } from "../resources/check";
import type { ProgressLog } from "../lifecycle/context";
import {
    CheckOutcome,
    OperationContext,
    PendingOrderError,
    ProviderConnections,
    resourceOperations,
    ResourceOperations,
} from "./lifecycle";
import { packageSchema, resources, secretProperties } from "./schema";
import { parseUrn } from "./orderReference";
import { concealed, reveal } from "./secrets";

type Properties = Record<string, unknown>;

/** The resource type of a URN (`urn:pulumi:<stack>::<project>::<parent$...$type>::<name>`). */
export function typeOfUrn(urn: string): string {
    return parseUrn(urn).type;
}

const secretNamesByType = new Map(resources.map((resource) => [resource.token, secretProperties(resource)]));

export interface ProviderOptions {
    version: string;
    /** Progress lines of one resource (by URN); default: none. */
    log?: (urn: string) => ProgressLog;
    /** Warnings about one resource's inputs (by URN), shown by the CLI as `warning:`; default: none. */
    warn?: (urn: string) => ProgressLog;
    clock?: Clock;
}

/**
 * The native `sslmanager` provider: the package's resources through the SDK's provider server. Its connections come
 * from its own configuration (one instance per provider resource; nothing is shared between instances), secrets are
 * marked by the schema, and Cancel stops every wait in progress so the order stays recorded for the next update.
 */
export class SslManagerProvider implements provider.Provider {
    readonly version: string;
    private connections: ProviderConnections = { internetx: {}, ispmanager: {} };
    /** Whether the engine configured this instance with known values (a preview may configure with unknown ones). */
    private credentialsKnown = false;
    private readonly cancellation = new AbortController();
    private readonly clock: Clock;
    private readonly log: (urn: string) => ProgressLog;
    private readonly warn: (urn: string) => ProgressLog;

    constructor(options: ProviderOptions) {
        this.version = options.version;
        this.clock = options.clock ?? systemClock;
        this.log = options.log ?? (() => () => undefined);
        this.warn = options.warn ?? (() => () => undefined);
    }

    /** CheckConfig: failures name the configuration key. */
    checkConfiguration(config: Properties): provider.CheckFailure[] {
        return connectionsFrom(reveal(config).values).failures;
    }

    /** Configure: this instance's connections. A bad value fails here, before any resource operation. */
    configure(config: Properties): void {
        const { connections, failures } = connectionsFrom(reveal(config).values);
        if (failures.length > 0)
            throw new Error(
                `invalid sslmanager configuration: ${failures.map((failure) => `${failure.property} ${failure.reason}`).join("; ")}`,
            );
        this.connections = connections;
        this.credentialsKnown = !containsUnknown(reveal(config).values);
    }

    async getSchema(): Promise<string> {
        return JSON.stringify(packageSchema(this.version));
    }

    /** Check: the inputs with the defaults applied, and for a resource that orders, the order reference it orders under. */
    async check(urn: string, olds: Properties, news: Properties): Promise<provider.CheckResult> {
        const { values, secretNames } = reveal(news);
        const operations = this.operations(urn);
        const checked = await operations.check(urn, reveal(olds).values, values);
        (checked.warnings ?? []).forEach(this.warn(urn));
        // What `up` would refuse for want of credentials, refused at preview already.
        const missing = this.credentialsKnown
            ? missingProviderCredentials(operations.backend, this.connections[operations.backend], process.env)
            : [];
        const result: CheckOutcome =
            missing.length > 0 ? { failures: [...(checked.failures ?? []), ...missing] } : checked;
        const failures = engineFailures(result.failures ?? []);
        return result.inputs ? { inputs: this.conceal(urn, result.inputs, secretNames), failures } : { failures };
    }

    async diff(id: string, urn: string, olds: Properties, news: Properties): Promise<provider.DiffResult> {
        return this.operations(urn).diff(id, reveal(olds).values, reveal(news).values, this.clock.now());
    }

    async create(urn: string, inputs: Properties): Promise<provider.CreateResult> {
        const { values, secretNames } = reveal(inputs);
        const result = await this.concealingFailure(urn, secretNames, () =>
            this.operations(urn).create(values, this.context(urn)),
        );
        return { id: result.id, outs: this.conceal(urn, result.outs, secretNames) };
    }

    async read(id: string, urn: string, props?: Properties): Promise<provider.ReadResult> {
        const { values, secretNames } = reveal(props);
        const result = await this.operations(urn).read(id, props === undefined ? undefined : values, this.context(urn));
        return {
            id: result.id,
            props: this.conceal(urn, result.props, secretNames),
            inputs: result.inputs && this.conceal(urn, result.inputs, secretNames),
        };
    }

    async update(id: string, urn: string, olds: Properties, news: Properties): Promise<provider.UpdateResult> {
        const previous = reveal(olds);
        const next = reveal(news);
        const secretNames = new Set([...previous.secretNames, ...next.secretNames]);
        const result = await this.concealingFailure(urn, secretNames, () =>
            this.operations(urn).update(id, previous.values, next.values, this.context(urn)),
        );
        return { outs: this.conceal(urn, result.outs, secretNames) };
    }

    async delete(id: string, urn: string, props: Properties): Promise<void> {
        await this.operations(urn).delete(id, reveal(props).values, this.context(urn));
    }

    /** Cancel (first Ctrl-C): every wait in progress ends now; the engine records what was ordered. */
    async cancel(): Promise<void> {
        this.cancellation.abort(new OperationCancelledError());
    }

    private operations(urn: string): ResourceOperations {
        const type = typeOfUrn(urn);
        const operations = resourceOperations[type];
        if (!operations) throw new Error(`unknown resource type ${type}`);
        return operations;
    }

    private context(urn: string): OperationContext {
        return {
            connections: this.connections,
            clock: this.clock,
            log: this.log(urn),
            signal: this.cancellation.signal,
        };
    }

    private conceal(urn: string, properties: Properties, secretNames: Set<string>): Properties {
        return concealed(properties, [...(secretNamesByType.get(typeOfUrn(urn)) ?? []), ...secretNames]);
    }

    /** An unfinished wait is recorded by the engine with the error's properties: those keep their secrets too. */
    private async concealingFailure<T>(urn: string, secretNames: Set<string>, work: () => Promise<T>): Promise<T> {
        try {
            return await work();
        } catch (error) {
            if (error instanceof PendingOrderError) {
                throw Object.assign(new Error(error.message), {
                    id: error.id,
                    properties: this.conceal(urn, error.properties, secretNames),
                    reasons: error.reasons,
                });
            }
            throw error;
        }
    }
}
