/** Generated from the resource's declaration (sdk/generated/internetxResources.ts); this path stays for programs that import it. */
export { DomainValidation } from "../generated/internetxResources";
export type { DomainValidationArgs } from "../generated/internetxResources";
