/**
 * What the CLI shows of a change (`[diff: ~subjectAlternativeNames]`, and `pulumi preview --diff`). Without `diffs`
 * and `detailedDiff` in the DiffResponse the CLI compares every input itself (pkg/backend/display/rows.go,
 * getDiffInfo), so the hidden `orderReference`, which `check` gives each update a successor of, showed as changed
 * next to the names, as if a new paid order were coming. Here the inputs the user wrote are compared; the reference
 * stays out of the display, and in state and in `replaces` nothing changes.
 */
export type PropertyDiffKind = "add" | "delete" | "update";

/** Inputs the CLI never shows as changed: derived by the provider, not written by the user. */
export const hiddenInputs: ReadonlySet<string> = new Set(["orderReference"]);

export interface VisibleDiff {
    /** Top-level inputs that changed, sorted. */
    diffs: string[];
    /** Each changed input with its kind and whether the change replaces the resource. */
    detailedDiff: Record<string, { kind: PropertyDiffKind; replace: boolean }>;
}

/** `olds` and `news` are the recorded and the new inputs, secrets already unwrapped. */
export function visibleDiff(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    replaces: string[] = [],
): VisibleDiff {
    const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])]
        .filter((key) => !hiddenInputs.has(key))
        .sort();
    const detailedDiff: VisibleDiff["detailedDiff"] = {};
    for (const key of keys) {
        const before = olds[key];
        const after = news[key];
        if (JSON.stringify(before) === JSON.stringify(after)) continue;
        const kind: PropertyDiffKind = before === undefined ? "add" : after === undefined ? "delete" : "update";
        detailedDiff[key] = { kind, replace: replaces.includes(key) };
    }
    return { diffs: Object.keys(detailedDiff), detailedDiff };
}
