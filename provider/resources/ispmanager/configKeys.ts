/**
 * The stack config keys for BILLmanager connections: `ispmanager:user`, `ispmanager:password` (secret), `ispmanager:url`.
 * A module of their own: every dynamic provider's `configure` reads them, and an InterNetX-only stack should not load
 * the BILLmanager client to learn three names.
 */
export const ispmanagerConfigKeys = ["url", "user", "password"] as const;
