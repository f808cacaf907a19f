import { migrateState, State, StateMigration } from "../../lifecycle/stateVersion";

/**
 * Layout 0 → 1: version 0.1.0 kept the issued names in `subjectAlternativeNames` and the input in
 * `requestedSubjectAlternativeNames`; the releases after it, still without a layout number, record the input under its
 * own name and the issued names as `issuedNames`. Of unnumbered state, only that output tells the two apart.
 */
export function issuedNamesOutOfSubjectAlternativeNames(state: State): State {
    if (state.issuedNames !== undefined) return state;
    const { subjectAlternativeNames: issuedNames, requestedSubjectAlternativeNames, ...rest } = state;
    return {
        ...rest,
        ...(requestedSubjectAlternativeNames === undefined
            ? {}
            : { subjectAlternativeNames: requestedSubjectAlternativeNames, requestedSubjectAlternativeNames }),
        ...(issuedNames === undefined ? {} : { issuedNames }),
    };
}

/** The layouts of a Certificate's state, oldest first (provider/lifecycle/stateVersion.ts). */
export const certificateStateMigrations: readonly StateMigration[] = [
    { name: "issuedNamesOutOfSubjectAlternativeNames", from: 0, migrate: issuedNamesOutOfSubjectAlternativeNames },
];

/** A Certificate's recorded state (of any version) in today's layout. */
export function migrateCertificateState<Migrated extends object = State>(state: object): Migrated {
    return migrateState<Migrated>(state, certificateStateMigrations);
}
