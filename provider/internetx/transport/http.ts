/** Moved to provider/shared/transport/http.ts (one HTTP sender for every backend); this path keeps working. */
export * from "../../shared/transport/http";
export { retryAfterMilliseconds } from "../../shared/transport/classify";
