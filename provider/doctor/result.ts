/**
 * One line of `pulumi-sslmanager doctor`: what was checked, how it came out, the evidence (the API's own status code,
 * text and stid, or what was measured) and, when it failed, what to do.
 */
export type Outcome = "pass" | "fail" | "open";

export interface CheckResult {
    backend: "internetx" | "ispmanager";
    /** A stable name, e.g. `credentials`, `comment-filter`. */
    check: string;
    outcome: Outcome;
    /** What was found, in a sentence. */
    summary: string;
    /** The API's answer or the measurement it rests on (status code and text, stid; transcript lines). */
    evidence: string;
    /** What to do when it did not pass. */
    hint?: string;
}

const outcomeWords: Record<Outcome, string> = { pass: "PASS", fail: "FAIL", open: "OPEN" };

/** `PASS internetx credentials: … [evidence]` and, when it did not pass, `  → what to do`. */
export function formatResult(result: CheckResult): string {
    const line = `${outcomeWords[result.outcome]} ${result.backend} ${result.check}: ${result.summary} [${result.evidence}]`;
    return result.hint && result.outcome !== "pass" ? `${line}\n     → ${result.hint}` : line;
}

/** 0 only when every check passed: an open question is not a pass (the command is a gate before paying). */
export function exitCode(results: readonly CheckResult[]): number {
    return results.length > 0 && results.every((result) => result.outcome === "pass") ? 0 : 1;
}

export const pass = (
    backend: CheckResult["backend"],
    check: string,
    summary: string,
    evidence: string,
): CheckResult => ({ backend, check, outcome: "pass", summary, evidence });
export const fail = (
    backend: CheckResult["backend"],
    check: string,
    summary: string,
    evidence: string,
    hint: string,
): CheckResult => ({ backend, check, outcome: "fail", summary, evidence, hint });
export const open = (
    backend: CheckResult["backend"],
    check: string,
    summary: string,
    evidence: string,
    hint: string,
): CheckResult => ({ backend, check, outcome: "open", summary, evidence, hint });
