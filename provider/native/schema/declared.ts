import type { ResourceDeclaration } from "../../resources/declaration";
import { InputProperty, ResourceDefinition } from "./model";

/**
 * A schema resource from its declaration (provider/resources/<x>/declaration.ts) and its documentation: the token
 * comes from the declaration, and an input replaces the resource (`replaceOnChanges`) exactly when the declaration
 * says so, so the schema and the lifecycle's decision table cannot disagree.
 */
export function declared(declaration: ResourceDeclaration, documentation: Omit<ResourceDefinition, "token">): ResourceDefinition {
    const replacing = new Set(declaration.changes.replace);
    const inputs: Record<string, InputProperty> = {};
    for (const [name, property] of Object.entries(documentation.inputs)) inputs[name] = replacing.has(name) ? { ...property, replaces: true } : property;
    return { token: declaration.token, description: documentation.description, inputs, outputs: documentation.outputs };
}
