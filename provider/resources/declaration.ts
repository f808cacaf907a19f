import type { StateMigration } from "../lifecycle/stateVersion";
import type { InputProperty, ResourceDefinition } from "../native/schema/model";

/**
 * What each input of a resource means when it changes: the one place this is written. The lifecycle's decision
 * table (`resources/<x>/decisions.ts`), the package schema's `replaceOnChanges` (native/schema/declared.ts), the
 * inputs the dynamic SDK's order reference hashes (sdk/dynamicShapes.ts) and the dynamic `diff` are derived from it.
 */
export interface InputChanges {
    /**
     * Changing one is another order (another product, term or subject): the resource is replaced. The dynamic SDK's
     * order reference hashes these in this order, which version 0.1.0 fixed: never reorder.
     */
    readonly replace: readonly string[];
    /** Changing one has the CA reissue the same certificate (the resource id stays). */
    readonly reissue: readonly string[];
    /** Changing one updates the object in place at the API (no order). */
    readonly update: readonly string[];
    /** Changing one is only recorded: it changes how later calls work, nothing at the API. */
    readonly record: readonly string[];
    /**
     * Replace when the resource has no `csr` input (the CSR carries them and was made without the program), else
     * only recorded.
     */
    readonly replaceWithoutCsr: readonly string[];
}

/**
 * What the resource is, input by input and output by output, with descriptions and secrets: the package schema
 * (provider/native/schema/declared.ts), the SDKs and docs/reference.md are generated from it. The validation rules stay
 * in the resource's zod schema (inputs.ts); a test keeps the property names of the two in step.
 */
export type ResourceDocumentation = Omit<ResourceDefinition, "token">;

/** Where the dynamic resource (sdk/<module>/) differs from the package schema; sdk/dynamicShapes.ts reads this. */
export interface DynamicDifferences {
    /** The dynamic resource class's doc comment, where it differs from the schema's description. */
    readonly description?: string;
    /** Inputs only the dynamic resource takes (the native provider has `pulumi import` for them). */
    readonly extraInputs?: Record<string, InputProperty>;
    /** TypeScript types wider than the schema's, which version 0.1.0 accepted (ids as numbers, any software name). */
    readonly inputTypes?: Record<string, string>;
    /**
     * Outputs that version 0.1.0 typed as always present although the schema may leave them out (while an order is
     * PENDING): kept so that programs written against it still compile.
     */
    readonly presentOutputs?: readonly string[];
}

export interface ResourceDeclaration {
    /** The type token of the native resource (in every native stack's state: never change it). */
    readonly token: string;
    readonly changes: InputChanges;
    /**
     * The layouts of its recorded state, oldest first (provider/lifecycle/stateVersion.ts): the last one's number is
     * what it writes as the `stateVersion` output, and state of any earlier layout is migrated on the way in. Empty
     * for a resource whose layout never changed since version 0.1.0 (layout 0).
     */
    readonly stateMigrations: readonly StateMigration[];
    readonly documentation: ResourceDocumentation;
    readonly dynamic: DynamicDifferences;
}

const noChanges: InputChanges = { replace: [], reissue: [], update: [], record: [], replaceWithoutCsr: [] };

/**
 * A declaration with the kinds of change it leaves out empty; the state migrations are always written, if only as [],
 * and the documentation always.
 */
export function declareResource(
    token: string,
    changes: Partial<InputChanges>,
    stateMigrations: readonly StateMigration[],
    documentation: ResourceDocumentation,
    dynamic: DynamicDifferences = {},
): ResourceDeclaration {
    return { token, changes: { ...noChanges, ...changes }, stateMigrations, documentation, dynamic };
}

/** Every input the declaration names, in the order of its kinds of change. */
export function declaredInputs(declaration: ResourceDeclaration): string[] {
    const { replace, reissue, update, record, replaceWithoutCsr } = declaration.changes;
    return [...replace, ...reissue, ...update, ...record, ...replaceWithoutCsr];
}
