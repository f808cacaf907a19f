import { resources as registered } from "../../resources/registry";
import { declared } from "./declared";
import { ResourceDefinition } from "./model";

/**
 * The resources of the `sslmanager` package, each from its declaration (provider/resources/<x>/declaration.ts: the
 * token, which inputs replace it, its state layouts and its documented inputs and outputs), in the order of
 * provider/resources/registry.ts. schema.json is generated from this (scripts/native/schema.ts), and the provider marks
 * secret outputs from it.
 */
export const resources: ResourceDefinition[] = registered.map((resource) => declared(resource.declaration));

/** The schema resource of a type token. */
export function definitionOf(token: string): ResourceDefinition {
    const definition = resources.find((candidate) => candidate.token === token);
    if (!definition) throw new Error(`no resource has the type token ${token}`);
    return definition;
}
