export type { ConnectionArgs } from "../generated/ispmanager";
