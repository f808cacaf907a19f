import type { CheckFailure } from "../resources/check";
import { ConnectionArgs } from "../resources/connection";
import { IspmanagerConnectionArgs } from "../resources/ispmanager/connection";
import { ResourceInitializationError } from "../lifecycle/initializationError";
import { Clock, LifecycleContext, ProgressLog, StackConfig } from "../lifecycle/context";
import { checkResult, orderingCheckResult } from "../lifecycle/results";
import { resources } from "../resources/registry";
import { backendOf, Resource } from "../resources/resource";
import { nativeOrderReference } from "./orderReference";
import { definitionOf } from "./schema/resources";

/**
 * The one module through which the native provider reaches the order lifecycle (provider/resources/*): checks,
 * decisions and operations, called directly, never through the dynamic providers (provider/dynamic/*). Everything
 * the native provider knows about the lifecycle's signatures is here, so moving to another lifecycle changes this
 * file only.
 *
 * The lifecycle takes the connection from each resource's `connection` input; the native provider has no such input
 * (its connections are the provider's configuration), so this module puts the provider's connection in on the way
 * in and takes it out of every result on the way out: it never reaches state.
 */
export interface ProviderConnections {
    internetx: ConnectionArgs;
    ispmanager: IspmanagerConnectionArgs;
}

export interface OperationContext {
    connections: ProviderConnections;
    clock: Clock;
    log: ProgressLog;
    /** The provider's Cancel: aborting it ends every wait in progress (LifecycleContext.signal). */
    signal?: AbortSignal;
}

type Properties = Record<string, unknown>;

export interface CheckOutcome {
    inputs?: Properties;
    failures?: CheckFailure[];
    /** Accepted, but probably not what the program means: the provider logs them as warnings under the resource. */
    warnings?: string[];
}

export interface DiffOutcome {
    changes?: boolean;
    replaces?: string[];
}

export interface ReadOutcome {
    /** Empty when the object is gone. */
    id: string;
    props: Properties;
    /** Only for an import: the inputs reconstructed from the API object. */
    inputs?: Properties;
}

export interface ResourceOperations {
    /** Which of the provider's connections the resource talks through. */
    backend: "internetx" | "ispmanager";
    /** `olds`: the inputs recorded under this URN (empty for a first create). */
    check(urn: string, olds: Properties, news: Properties): Promise<CheckOutcome>;
    diff(id: string, olds: Properties, news: Properties, now: Date): Promise<DiffOutcome>;
    create(inputs: Properties, context: OperationContext): Promise<{ id: string; outs: Properties }>;
    read(id: string, props: Properties | undefined, context: OperationContext): Promise<ReadOutcome>;
    update(id: string, olds: Properties, news: Properties, context: OperationContext): Promise<{ outs: Properties }>;
    delete(id: string, props: Properties, context: OperationContext): Promise<void>;
}

/** Never in state: the connection is the provider's, and these inputs have no meaning for a native resource. */
const lifecycleOnlyKeys = ["connection", "importCertificateId"];

function withoutLifecycleKeys(properties: Properties): Properties {
    const result: Properties = {};
    for (const [key, value] of Object.entries(properties)) {
        if (!lifecycleOnlyKeys.includes(key) && value !== undefined) result[key] = value;
    }
    // Results go into protobuf Structs, which reject `undefined` anywhere.
    return JSON.parse(JSON.stringify(result)) as Properties;
}

function withConnection<T>(properties: Properties, connection: object): T {
    const { connection: _ignored, ...rest } = properties;
    return (Object.keys(connection).length > 0 ? { ...rest, connection } : rest) as T;
}

/** Whether `read` was handed recorded state (refresh) or nothing (import: the engine knows only the id). */
function isImport(props: Properties | undefined): boolean {
    return props === undefined || Object.keys(props).length === 0;
}

/** An import has no recorded state to carry the connection: the provider's connection goes in as the stack config. */
function asStackConfig(prefix: string, connection: object): StackConfig {
    const config: Record<string, string> = {};
    for (const [key, value] of Object.entries(connection))
        if (value !== undefined) config[`${prefix}:${key}`] = String(value);
    return config;
}

/**
 * What an operation throws when the order stands but its wait did not finish: the engine records the resource with
 * `properties` (the pending order) and the next update resumes it.
 */
export { ResourceInitializationError as PendingOrderError };

/** Runs a create or update; a pending order's recorded properties lose the connection too. */
async function recordingPending<T>(work: () => Promise<T>): Promise<T> {
    try {
        return await work();
    } catch (error) {
        if (error instanceof ResourceInitializationError)
            throw new ResourceInitializationError(
                error.message,
                error.id,
                withoutLifecycleKeys(error.properties),
                error.reasons,
            );
        throw error;
    }
}

const lifecycleContext = (context: OperationContext): LifecycleContext => ({
    clock: context.clock,
    log: context.log,
    signal: context.signal,
});
const importContext = (context: OperationContext, prefix: "internetx" | "ispmanager"): LifecycleContext => ({
    ...lifecycleContext(context),
    stackConfig: asStackConfig(prefix, context.connections[prefix]),
});

/** The checked inputs, in the shape the engine takes them: failures, or the inputs with the order reference settled. */
async function checked(resource: Resource, news: Properties): Promise<CheckOutcome> {
    const outcome = await resource.check(news);
    const answer = resource.orders ? orderingCheckResult({}, news, outcome) : checkResult(outcome);
    return outcome.warnings ? { ...answer, warnings: outcome.warnings } : answer;
}

/**
 * The native operations of a resource (provider/resources/registry.ts): the provider's connection in on the way in,
 * out of every result; for a resource that orders, the order reference from the URN and the inputs its schema marks
 * as replacing it.
 */
function operationsFor(resource: Resource): ResourceOperations {
    const backend = backendOf(resource.declaration);
    const definition = definitionOf(resource.declaration.token);
    const connectionOf = (context: OperationContext) => context.connections[backend];
    const guarded = <T>(work: () => Promise<T>) => (resource.orders ? recordingPending(work) : work());
    // An import has no program: `check` applies the defaults, so its state matches what the program's inputs become.
    const importChecked = async (inputs: Properties) => (await checked(resource, inputs)).inputs ?? inputs;
    return {
        backend,
        check: async (urn, olds, news) => {
            // The reference is derived from the URN here, never taken from the program.
            const { orderReference: _given, ...program } = news;
            const outcome = await checked(resource, program);
            if (!resource.orders || !outcome.inputs) return outcome;
            const orderReference = nativeOrderReference(urn, definition, olds, outcome.inputs);
            return orderReference ? { ...outcome, inputs: { ...outcome.inputs, orderReference } } : outcome;
        },
        diff: async (_id, olds, news, now) => resource.diff(olds, news, now),
        create: async (inputs, context) => {
            const result = await guarded(() =>
                resource.create(withConnection(inputs, connectionOf(context)), lifecycleContext(context)),
            );
            return { id: result.id, outs: withoutLifecycleKeys(result.outs as Properties) };
        },
        read: async (id, props, context) => {
            if (isImport(props)) {
                if (resource.importable === false) return { id: "", props: {} };
                const imported = await resource.read(id, undefined, importContext(context, backend));
                if (!imported.id || !imported.inputs) return { id: imported.id, props: {} };
                const inputs = withoutLifecycleKeys(
                    resource.importedInputs
                        ? await resource.importedInputs(
                              { ...imported, inputs: withoutLifecycleKeys(imported.inputs) },
                              importChecked,
                          )
                        : imported.inputs,
                );
                return { id: imported.id, props: withoutLifecycleKeys({ ...inputs, ...imported.props }), inputs };
            }
            const read = await resource.read(
                id,
                withConnection(props!, connectionOf(context)),
                lifecycleContext(context),
            );
            return { id: read.id, props: withoutLifecycleKeys(read.props) };
        },
        update: async (id, olds, news, context) => {
            const connection = connectionOf(context);
            const result = await guarded(() =>
                resource.update(
                    id,
                    withConnection(olds, connection),
                    withConnection(news, connection),
                    lifecycleContext(context),
                ),
            );
            return { outs: withoutLifecycleKeys(result.outs as Properties) };
        },
        delete: (id, props, context) =>
            resource.delete(id, withConnection(props, connectionOf(context)), lifecycleContext(context)),
    };
}

/** The operations of each resource type token. */
export const resourceOperations: Record<string, ResourceOperations> = Object.fromEntries(
    resources.map((resource) => [resource.declaration.token, operationsFor(resource)]),
);
