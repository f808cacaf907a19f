/** Generated from the resource's declaration (sdk/generated/internetxResources.ts); this path stays for programs that import it. */
export { SslContact } from "../generated/internetxResources";
export type { SslContactArgs } from "../generated/internetxResources";
