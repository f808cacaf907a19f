/** Generated from the resource's declaration (sdk/generated/ispmanagerResources.ts); this path stays for programs that import it. */
export { Certificate } from "../generated/ispmanagerResources";
export type { CertificateArgs } from "../generated/ispmanagerResources";
