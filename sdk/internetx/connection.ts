export type { ConnectionArgs } from "../generated/internetx";

/** Type tokens are identity: `pulumi-nodejs:dynamic/internetx:<Type>` is in every stack's state; never rename. */
export const typeModule = "internetx";
