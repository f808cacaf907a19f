/** Moved to provider/shared/transport/retry.ts (one retry policy for every backend); this path keeps working. */
export * from "../shared/transport/retry";
