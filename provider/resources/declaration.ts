/**
 * What each input of a resource means when it changes: the one place this is written. The lifecycle's decision
 * table (`resources/<x>/decisions.ts`), the package schema's `replaceOnChanges` (native/schema/resources.ts), the
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

export interface ResourceDeclaration {
    /** The type token of the native resource (in every native stack's state: never change it). */
    readonly token: string;
    readonly changes: InputChanges;
}

const noChanges: InputChanges = { replace: [], reissue: [], update: [], record: [], replaceWithoutCsr: [] };

/** A declaration with the kinds of change it leaves out empty. */
export function declareResource(token: string, changes: Partial<InputChanges>): ResourceDeclaration {
    return { token, changes: { ...noChanges, ...changes } };
}

/** Every input the declaration names, in the order of its kinds of change. */
export function declaredInputs(declaration: ResourceDeclaration): string[] {
    const { replace, reissue, update, record, replaceWithoutCsr } = declaration.changes;
    return [...replace, ...reissue, ...update, ...record, ...replaceWithoutCsr];
}
