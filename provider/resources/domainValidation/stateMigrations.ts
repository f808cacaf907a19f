import { State, StateMigration } from "../../lifecycle/stateVersion";

/**
 * Layout 0 → 1: state written before the per-name outputs has `dnsRecord` and `fileValidation` only (the first name's,
 * as CertificatePrepareOrder answers one entry per name: InterNetX/php-domainrobot-sdk
 * test/mock-data/Certificate/PrepareOrderResponse.json). It reads as lists of that one record and file, each naming the
 * certificate's name, so programs reading `dnsRecords` see what the old state holds.
 */
export function perNameValidationLists(state: State): State {
    const withDomain = (item: unknown): Record<string, unknown>[] =>
        item && typeof item === "object"
            ? [{ ...(item as Record<string, unknown>), domain: (item as { domain?: unknown }).domain ?? state.name }]
            : [];
    return {
        ...state,
        dnsRecords: Array.isArray(state.dnsRecords) ? state.dnsRecords : withDomain(state.dnsRecord),
        fileValidations: Array.isArray(state.fileValidations)
            ? state.fileValidations
            : withDomain(state.fileValidation),
    };
}

/** The layouts of a DomainValidation's state, oldest first (provider/lifecycle/stateVersion.ts). */
export const domainValidationStateMigrations: readonly StateMigration[] = [
    {
        name: "perNameValidationLists",
        from: 0,
        migrate: perNameValidationLists,
        addedOutputs: ["dnsRecords", "fileValidations"],
    },
];
