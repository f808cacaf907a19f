import { ispmanagerCertificateResource } from "../resources/ispmanager/lifecycle";
import { configure as configureAll } from "./context";
import { dynamicOperations } from "./operations";

/**
 * The operations a serialized dynamic provider in state calls by name (ispmanagerProviders.ts): derived from the
 * resource's lifecycle. State written since 0.1.0 requires this module by its path; keep it.
 */
export const { check, diff, create, read, update, remove } = dynamicOperations(ispmanagerCertificateResource);

/** `configure`: the stack config `ispmanager:*` for connections without their own settings (read at call time). */
export async function configure(request: { config: { get(key: string): string | undefined } }): Promise<void> {
    await configureAll(request);
}
