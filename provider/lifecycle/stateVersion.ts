/**
 * The layout of a resource's recorded state, by number. State carries its number as `stateVersion`; state written
 * before the number existed (version 0.1.0 and the releases after it) has none and reads as layout 0. Each change of
 * layout is a named pure migration from one number to the next, so a reader never guesses which layout it holds.
 */
export const stateVersionProperty = "stateVersion";

export type State = Record<string, unknown>;

export interface StateMigration {
    /** Says what it changes, as a function name does: it appears in the error of a failed migration. */
    readonly name: string;
    /** The layout it reads; it writes layout `from + 1`. */
    readonly from: number;
    readonly migrate: (state: State) => State;
}

/** The layout number `state` records; 0 without one. */
export function recordedStateVersion(state: State): number {
    const recorded = state[stateVersionProperty];
    return typeof recorded === "number" && Number.isInteger(recorded) && recorded >= 0 ? recorded : 0;
}

/** The layout the migrations end at: what this version of the provider writes. */
export function currentStateVersion(migrations: readonly StateMigration[]): number {
    return migrations.length === 0 ? 0 : migrations[migrations.length - 1].from + 1;
}

/**
 * `state` in the current layout, with its number: each migration from the recorded layout on, in order. State of a
 * layout newer than the migrations know (written by a later version of the provider) is refused, not misread.
 */
export function migrateState(state: State, migrations: readonly StateMigration[]): State {
    const current = currentStateVersion(migrations);
    const recorded = recordedStateVersion(state);
    if (recorded > current) throw new Error(`state of layout ${recorded} was written by a newer version of pulumi-sslmanager (this one reads up to layout ${current}): upgrade the package`);
    let migrated = state;
    for (const migration of migrations) if (migration.from >= recorded) migrated = migration.migrate(migrated);
    return { ...migrated, [stateVersionProperty]: current };
}
