import { ResourceInitializationError } from "./initializationError";

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
    /**
     * Outputs this layout adds: every state is migrated to carry them, so the package schema marks them always present
     * (native/schema/declared.ts).
     */
    readonly addedOutputs?: readonly string[];
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
export function migrateState<Migrated extends object = State>(
    state: object,
    migrations: readonly StateMigration[],
): Migrated {
    const current = currentStateVersion(migrations);
    const recorded = recordedStateVersion(state as State);
    if (recorded > current)
        throw new Error(
            `state of layout ${recorded} was written by a newer version of pulumi-sslmanager (this one reads up to layout ${current}): upgrade the package`,
        );
    let migrated = state as State;
    for (const migration of migrations) {
        if (migration.from < recorded) continue;
        try {
            migrated = migration.migrate(migrated);
        } catch (error) {
            throw new Error(
                `state of layout ${migration.from} could not be read (migration ${migration.name}): ${(error as Error).message}`,
            );
        }
    }
    return { ...migrated, [stateVersionProperty]: current } as Migrated;
}

/** `properties` as a resource records them: with the number of the layout this version writes. */
export function markedState<Properties extends object>(
    properties: Properties,
    migrations: readonly StateMigration[],
): Properties & { stateVersion: number } {
    return { ...properties, stateVersion: currentStateVersion(migrations) };
}

/**
 * A create or update whose recorded properties carry the layout number: its outputs, and the properties of a pending
 * order it leaves behind (the engine records those from the initialization error, and the next update reads them).
 */
export async function recordedInLayout<Result extends { outs: object }>(
    migrations: readonly StateMigration[],
    work: () => Promise<Result>,
): Promise<Result & { outs: Result["outs"] & { stateVersion: number } }> {
    try {
        const result = await work();
        return { ...result, outs: markedState(result.outs, migrations) };
    } catch (error) {
        if (error instanceof ResourceInitializationError)
            throw new ResourceInitializationError(
                error.message,
                error.id,
                markedState(error.properties, migrations),
                error.reasons,
            );
        throw error;
    }
}

/** A read whose properties carry the layout number; a gone object (empty id) keeps its empty properties. */
export async function readInLayout<Result extends { id: string; props: Record<string, unknown> }>(
    migrations: readonly StateMigration[],
    work: () => Promise<Result>,
): Promise<Result> {
    const result = await work();
    return result.id ? { ...result, props: markedState(result.props, migrations) } : result;
}
