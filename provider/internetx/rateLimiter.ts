/** Moved to provider/shared/transport/rateLimiter.ts (shared with the BILLmanager client); this path keeps working. */
export * from "../shared/transport/rateLimiter";
