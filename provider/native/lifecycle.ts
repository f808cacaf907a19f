import type { CheckFailure } from "../resources/check";
import { ConnectionArgs } from "../resources/connection";
import { CertificateInputs } from "../resources/certificate/inputs";
import {
    CertificateProperties,
    createCertificate,
    decideFromProperties,
    deleteCertificate,
    readCertificate,
    updateCertificate,
} from "../resources/certificate/lifecycle";
import {
    createDomainValidation,
    DomainValidationInputs,
    readDomainValidation,
    updateDomainValidation,
} from "../resources/domainValidation/lifecycle";
import { IspmanagerConnectionArgs } from "../resources/ispmanager/connection";
import { IspmanagerCertificateInputs } from "../resources/ispmanager/inputs";
import {
    createIspmanagerCertificate,
    decideFromIspmanagerProperties,
    deleteIspmanagerCertificate,
    IspmanagerCertificateProperties,
    readIspmanagerCertificate,
    updateIspmanagerCertificate,
} from "../resources/ispmanager/lifecycle";
import { ResourceInitializationError } from "../lifecycle/initializationError";
import { SmimeInputs } from "../resources/smime/inputs";
import {
    createSmime,
    decideFromSmimeProperties,
    deleteSmime,
    readSmime,
    SmimeProperties,
    updateSmime,
} from "../resources/smime/lifecycle";
import {
    createSslContact,
    deleteSslContact,
    readSslContact,
    SslContactProperties,
    updateSslContact,
} from "../resources/sslContact/lifecycle";
import { SslContactInputs } from "../resources/sslContact/inputs";
import { Clock, LifecycleContext, ProgressLog, StackConfig } from "../lifecycle/context";
import { checkResult, diffResult, orderingCheckResult } from "../lifecycle/results";
import { checkCertificateInputs } from "../resources/certificate/check";
import { checkIspmanagerCertificateInputs } from "../resources/ispmanager/check";
import { checkSmimeInputs } from "../resources/smime/lifecycle";
import { checkSslContactInputs, diffSslContact } from "../resources/sslContact/lifecycle";
import { checkDomainValidationInputs, diffDomainValidation } from "../resources/domainValidation/lifecycle";
import { nativeOrderReference } from "./orderReference";
import type { ResourceDefinition } from "./schema/model";
import {
    certificate as certificateSchema,
    ispmanagerCertificate as ispmanagerCertificateSchema,
    smimeCertificate as smimeCertificateSchema,
} from "./schema/resources";

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

/** The defaults `check` applies, so an imported resource's state matches what the program's inputs become. */
async function importedState(
    inputs: Properties,
    check: (news: Properties) => Promise<CheckOutcome>,
): Promise<Properties> {
    const checked = await check(inputs);
    return checked.inputs ?? inputs;
}

/** A resource's lifecycle entry points, as provider/resources/* export them, and how the native provider uses them. */
interface LifecycleEntryPoints<Inputs, Props> {
    /** Which of the provider's connections the resource talks through. */
    backend: "internetx" | "ispmanager";
    check: (news: Properties) => Promise<CheckOutcome>;
    diff: (id: string, olds: Properties, news: Properties, now: Date) => Promise<DiffOutcome>;
    create(inputs: Inputs, context: LifecycleContext): Promise<{ id: string; outs: object }>;
    read(id: string, props: Props | undefined, context: LifecycleContext): Promise<ReadOutcome>;
    update(id: string, olds: Props, news: Inputs, context: LifecycleContext): Promise<{ outs: object }>;
    delete(id: string, props: Props, context: LifecycleContext): Promise<void>;
    /**
     * The schema of a resource that orders: its replacement-forcing inputs name its order reference, and a pending
     * order's recorded properties lose the connection too. Absent for the resources that order nothing.
     */
    orders?: ResourceDefinition;
    /** The inputs of an import, from what `read` reconstructed (default: as read); `check` applies the defaults. */
    importedInputs?(imported: ReadOutcome, check: (news: Properties) => Promise<CheckOutcome>): Promise<Properties>;
}

/** The native operations of a resource: the provider's connection in on the way in, out of every result. */
function operationsFor<Inputs, Props>(entry: LifecycleEntryPoints<Inputs, Props>): ResourceOperations {
    const connectionOf = (context: OperationContext) => context.connections[entry.backend];
    const guarded = <T>(work: () => Promise<T>) => (entry.orders ? recordingPending(work) : work());
    const operations: ResourceOperations = {
        backend: entry.backend,
        check: async (urn, olds, news) => {
            // The reference is derived from the URN here, never taken from the program.
            const { orderReference: _given, ...program } = news;
            const checked = await entry.check(program);
            if (!entry.orders || !checked.inputs) return checked;
            const orderReference = nativeOrderReference(urn, entry.orders, olds, checked.inputs);
            return orderReference ? { ...checked, inputs: { ...checked.inputs, orderReference } } : checked;
        },
        diff: entry.diff,
        create: async (inputs, context) => {
            const result = await guarded(() =>
                entry.create(withConnection<Inputs>(inputs, connectionOf(context)), lifecycleContext(context)),
            );
            return { id: result.id, outs: withoutLifecycleKeys(result.outs as Properties) };
        },
        read: async (id, props, context) => {
            if (isImport(props)) {
                const imported = await entry.read(id, undefined, importContext(context, entry.backend));
                if (!imported.id || !imported.inputs) return { id: imported.id, props: {} };
                const inputs = withoutLifecycleKeys(
                    entry.importedInputs ? await entry.importedInputs(imported, entry.check) : imported.inputs,
                );
                return { id: imported.id, props: withoutLifecycleKeys({ ...inputs, ...imported.props }), inputs };
            }
            const read = await entry.read(
                id,
                withConnection<Props>(props!, connectionOf(context)),
                lifecycleContext(context),
            );
            return { id: read.id, props: withoutLifecycleKeys(read.props) };
        },
        update: async (id, olds, news, context) => {
            const connection = connectionOf(context);
            const result = await guarded(() =>
                entry.update(
                    id,
                    withConnection<Props>(olds, connection),
                    withConnection<Inputs>(news, connection),
                    lifecycleContext(context),
                ),
            );
            return { outs: withoutLifecycleKeys(result.outs as Properties) };
        },
        delete: (id, props, context) =>
            entry.delete(id, withConnection<Props>(props, connectionOf(context)), lifecycleContext(context)),
    };
    return operations;
}

const certificate: ResourceOperations = operationsFor<CertificateInputs, CertificateProperties>({
    backend: "internetx",
    check: async (news) => orderingCheckResult({}, news, await checkCertificateInputs(news)),
    diff: async (_id, olds, news, now) => diffResult(decideFromProperties(olds, news, now)),
    create: createCertificate,
    read: readCertificate,
    update: updateCertificate,
    delete: deleteCertificate,
    orders: certificateSchema,
    // The names the certificate carries are recorded as its subjectAlternativeNames: they are inputs too.
    importedInputs: async (imported, check) => {
        const names = imported.props.subjectAlternativeNames;
        const read = withoutLifecycleKeys({
            ...imported.inputs,
            ...(names === undefined ? {} : { subjectAlternativeNames: names }),
        });
        return importedState(read, check);
    },
});

const smimeCertificate: ResourceOperations = operationsFor<SmimeInputs, SmimeProperties>({
    backend: "internetx",
    check: async (news) => orderingCheckResult({}, news, await checkSmimeInputs(news)),
    diff: async (_id, olds, news, now) => diffResult(decideFromSmimeProperties(olds, news, now)),
    create: createSmime,
    read: readSmime,
    update: updateSmime,
    delete: deleteSmime,
    orders: smimeCertificateSchema,
});

const sslContact: ResourceOperations = operationsFor<SslContactInputs, SslContactProperties>({
    backend: "internetx",
    check: async (news) => checkResult(checkSslContactInputs(news)),
    diff: async (_id, olds, news) => diffSslContact(olds, news),
    create: createSslContact,
    read: readSslContact,
    update: updateSslContact,
    delete: deleteSslContact,
});

const domainValidation: ResourceOperations = {
    backend: "internetx",
    check: async (_urn, _olds, news) => checkResult(await checkDomainValidationInputs(news)),
    diff: async (_id, olds, news) => diffDomainValidation(olds, news),
    create: async (inputs, context) => {
        const result = await createDomainValidation(
            withConnection<DomainValidationInputs>(inputs, context.connections.internetx),
            lifecycleContext(context),
        );
        return { id: result.id, outs: withoutLifecycleKeys(result.outs as unknown as Properties) };
    },
    // Nothing exists at InterNetX before an order: the recorded validation data stands (and cannot be imported).
    read: async (id, props) => (isImport(props) ? { id: "", props: {} } : readDomainValidation(id, props)),
    update: async (_id, olds, news) => ({ outs: withoutLifecycleKeys(updateDomainValidation(olds, news).outs) }),
    delete: async () => undefined,
};

const ispmanagerCertificate: ResourceOperations = operationsFor<
    IspmanagerCertificateInputs,
    IspmanagerCertificateProperties
>({
    backend: "ispmanager",
    check: async (news) => {
        const checked = await checkIspmanagerCertificateInputs(news);
        return { ...orderingCheckResult({}, news, checked), warnings: checked.warnings };
    },
    diff: async (_id, olds, news) => diffResult(decideFromIspmanagerProperties(olds, news)),
    create: createIspmanagerCertificate,
    read: readIspmanagerCertificate,
    update: updateIspmanagerCertificate,
    delete: deleteIspmanagerCertificate,
    orders: ispmanagerCertificateSchema,
    importedInputs: async (imported, check) => importedState(withoutLifecycleKeys(imported.inputs!), check),
});

/** The operations of each resource type token. */
export const resourceOperations: Record<string, ResourceOperations> = {
    "sslmanager:internetx:SslContact": sslContact,
    "sslmanager:internetx:DomainValidation": domainValidation,
    "sslmanager:internetx:Certificate": certificate,
    "sslmanager:internetx:SmimeCertificate": smimeCertificate,
    "sslmanager:ispmanager:Certificate": ispmanagerCertificate,
};
