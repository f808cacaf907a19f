/** Generated from the resource's declaration (sdk/generated/internetxResources.ts); this path stays for programs that import it. */
export { Certificate } from "../generated/internetxResources";
export type { CertificateArgs } from "../generated/internetxResources";
