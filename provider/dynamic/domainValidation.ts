import { domainValidationResource } from "../resources/domainValidation/lifecycle";
import { dynamicOperations } from "./operations";

/**
 * The operations a serialized dynamic provider in state calls by name (providers.ts): derived from the resource's
 * lifecycle. State written since 0.1.0 requires this module by its path; keep it.
 */
export const { check, diff, create, read, update, remove } = dynamicOperations(domainValidationResource);
