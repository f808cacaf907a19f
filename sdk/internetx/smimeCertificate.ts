/** Generated from the resource's declaration (sdk/generated/internetxResources.ts); this path stays for programs that import it. */
export { SmimeCertificate } from "../generated/internetxResources";
export type { SmimeCertificateArgs } from "../generated/internetxResources";
