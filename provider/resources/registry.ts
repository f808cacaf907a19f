import { certificateResource } from "./certificate/lifecycle";
import { domainValidationResource } from "./domainValidation/lifecycle";
import { ispmanagerCertificateResource } from "./ispmanager/lifecycle";
import type { Resource } from "./resource";
import { smimeCertificateResource } from "./smime/lifecycle";
import { sslContactResource } from "./sslContact/lifecycle";

/**
 * Every resource of the package, in the order the package schema lists them: the one list of them. The native
 * provider's operations (native/lifecycle.ts), the dynamic providers' operations (dynamic/operations.ts) and the
 * renewal check's certificate types are derived from it.
 */
export const resources: readonly Resource[] = [
    sslContactResource,
    domainValidationResource,
    certificateResource,
    smimeCertificateResource,
    ispmanagerCertificateResource,
];

/** The resource of a native type token (`sslmanager:<backend>:<Name>`). */
export function resourceOf(token: string): Resource {
    const resource = resources.find((candidate) => candidate.declaration.token === token);
    if (!resource) throw new Error(`no resource has the type token ${token}`);
    return resource;
}
