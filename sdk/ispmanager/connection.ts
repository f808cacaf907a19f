export type { ConnectionArgs } from "../generated/ispmanager";

/** Type tokens are identity: `pulumi-nodejs:dynamic/ispmanager:<Type>` is in every stack's state; never rename. */
export const typeModule = "ispmanager";
