import type { LifecycleContext, StackConfig } from "../lifecycle/context";
import type { DiffAnswer } from "../lifecycle/results";
import type { CheckFailure } from "./check";
import type { ResourceDeclaration } from "./declaration";

type Properties = Record<string, unknown>;

/** What a resource's `check` gives back: the validated inputs or the failures, and warnings a preview shows. */
export interface CheckedInputs {
    inputs?: unknown;
    failures: CheckFailure[];
    /** Accepted, but probably not what the program means: shown under the resource as warnings. */
    warnings?: string[];
}

/** What `read` gives back: the object as the API has it (an empty id when it is gone), and for an import its inputs. */
export interface ReadAnswer {
    id: string;
    props: Properties;
    inputs?: Properties;
}

/**
 * A resource as both entry points reach it: its declaration and its lifecycle (provider/resources/<x>/lifecycle.ts).
 * The native provider (native/lifecycle.ts) and the dynamic providers (dynamic/operations.ts) derive every operation
 * from this, so neither knows a resource by name; registry.ts lists them.
 */
export interface Resource<Inputs = Properties, Props = Properties> {
    readonly declaration: ResourceDeclaration;
    /**
     * It places paid orders: `check` settles the order reference, waits end at Cancel with the pending order recorded,
     * and `pulumi up` renews it (the renewal check lists its state).
     */
    readonly orders: boolean;
    /** False when there is nothing at the API to import (the native provider's `pulumi import` reads nothing). */
    readonly importable?: boolean;
    check: (news: Properties) => Promise<CheckedInputs>;
    /**
     * After a `check` of a new resource (no recorded inputs) that passed: tells the create to come what it will look
     * for, without a request (certificate/announce.ts).
     */
    announce?: (olds: Properties, inputs: Properties | undefined, stackConfig: StackConfig | undefined) => void;
    /** The pure diff on recorded state of any layout. */
    diff: (olds: Properties, news: Properties, now: Date) => DiffAnswer;
    create: (inputs: Inputs, context: LifecycleContext) => Promise<{ id: string; outs: object }>;
    read: (id: string, props: Props | undefined, context: LifecycleContext) => Promise<ReadAnswer>;
    update: (id: string, olds: Props, news: Inputs, context: LifecycleContext) => Promise<{ outs: object }>;
    delete: (id: string, props: Props, context: LifecycleContext) => Promise<void>;
    /** The inputs of an import, from what `read` reconstructed (default: as read); `check` applies the defaults. */
    importedInputs?: (
        imported: ReadAnswer,
        checked: (inputs: Properties) => Promise<Properties>,
    ) => Promise<Properties>;
}

/** The backend a resource talks to: the namespace of its type token (`sslmanager:<backend>:<Name>`). */
export function backendOf(declaration: ResourceDeclaration): "internetx" | "ispmanager" {
    const backend = declaration.token.split(":")[1];
    if (backend !== "internetx" && backend !== "ispmanager")
        throw new Error(`${declaration.token}: no backend named ${backend}`);
    return backend;
}

/** A resource's lifecycle, typed by its own inputs and properties, as the entry points take it. */
export function defineResource<Inputs, Props>(resource: Resource<Inputs, Props>): Resource {
    return resource as unknown as Resource;
}
