import { currentStateVersion, stateVersionProperty } from "../../lifecycle/stateVersion";
import type { ResourceDeclaration } from "../../resources/declaration";
import { InputProperty, OutputProperty, ResourceDefinition } from "./model";

/** Every resource records the layout of its state (provider/lifecycle/stateVersion.ts); the provider sets it, never a program. */
function stateVersionOutput(declaration: ResourceDeclaration): OutputProperty {
    return {
        type: "integer",
        description: `The layout of this resource's recorded state (${currentStateVersion(declaration.stateMigrations)} as this version writes it), set by the provider: state of an earlier layout, or without the number (version 0.1.0), is migrated when it is read.`,
    };
}

/**
 * A schema resource from its declaration (provider/resources/<x>/declaration.ts), documentation included: the token
 * comes from the declaration, and an input replaces the resource (`replaceOnChanges`) exactly when the declaration
 * says so, so the schema and the lifecycle's decision table cannot disagree. The `stateVersion` output comes from
 * the declaration's state migrations, and an output a migration adds is always present (every state is migrated to
 * carry it), so programs may read it without a check.
 */
export function declared(declaration: ResourceDeclaration): ResourceDefinition {
    const { documentation } = declaration;
    const replacing = new Set(declaration.changes.replace);
    const inputs: Record<string, InputProperty> = {};
    for (const [name, property] of Object.entries(documentation.inputs))
        inputs[name] = replacing.has(name) ? { ...property, replaces: true } : property;
    const outputs: Record<string, OutputProperty> = { ...documentation.outputs };
    for (const name of declaration.stateMigrations.flatMap((migration) => migration.addedOutputs ?? [])) {
        if (!(name in outputs))
            throw new Error(
                `${declaration.token}: a state migration adds the output ${name}, which its schema does not describe`,
            );
        outputs[name] = { ...outputs[name], always: true };
    }
    return {
        token: declaration.token,
        description: documentation.description,
        inputs,
        outputs: { ...outputs, [stateVersionProperty]: stateVersionOutput(declaration) },
    };
}
