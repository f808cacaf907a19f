export type { ConnectionArgs } from "../generated/internetx";
