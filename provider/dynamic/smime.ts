import { smimeCertificateResource } from "../resources/smime/lifecycle";
import { dynamicOperations } from "./operations";

/**
 * The operations that the serialized providers in state written before providers.ts served every resource (0.1.0 and
 * later) call by name, derived from the resource's lifecycle. That state requires this module by its path; keep it.
 */
export const { check, diff, create, read, update, remove } = dynamicOperations(smimeCertificateResource);
