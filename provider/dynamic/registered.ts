import { resourceOf } from "../resources/registry";
import { dynamicOperations, DynamicOperations } from "./operations";

const operations = new Map<string, DynamicOperations>();

/**
 * The dynamic operations of a resource of provider/resources/registry.ts, by its type token: what the serialized
 * providers of providers.ts call. State requires this module by its path; keep it.
 */
export function operationsOf(token: string): DynamicOperations {
    let found = operations.get(token);
    if (!found) {
        found = dynamicOperations(resourceOf(token));
        operations.set(token, found);
    }
    return found;
}
