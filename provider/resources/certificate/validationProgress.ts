/**
 * The status line of a wait, from what InterNetX reports per name: Job Info's `dcvAuth` (swagger
 * DomainControllValidationStatus: `domain`, `status`) and `authentication` (swagger CertAuthenticationStatus: `step`,
 * `status`). Statuses are swagger AuthenticateStatus values; COMPLETED and COMPLETED_PASSED count as done.
 */
export interface ValidationReport {
    dcvAuth?: { domain?: string; status?: string }[];
    authentication?: { step?: string; status?: string }[];
}

const doneStatuses = new Set(["COMPLETED", "COMPLETED_PASSED"]);

const methodWords: Record<string, string> = {
    DNS: "DNS validation",
    EMAIL: "approval by e-mail",
    FILE: "file validation",
};

/**
 * `waiting for DNS validation of www.example.com and example.org, 1 of 3 names done` (every name still waiting); undefined when the API reports no names.
 * With `allNames` (the order's names), a name the API no longer lists counts as done: Job Info may list only the
 * names whose validation still runs.
 */
export function validationProgress(
    report: ValidationReport | undefined,
    method: string | undefined,
    allNames?: string[],
): string | undefined {
    const reported = (report?.dcvAuth ?? []).filter((entry) => entry.domain);
    if (reported.length === 0) return undefined;
    const listed = new Set(reported.map((entry) => entry.domain!.toLowerCase()));
    const unlisted = (allNames ?? [])
        .filter((name) => !listed.has(name.toLowerCase()))
        .map((domain) => ({ domain, status: "COMPLETED" }));
    const names = [...unlisted, ...reported];
    const done = names.filter((entry) => doneStatuses.has((entry.status ?? "").toUpperCase()));
    const waiting = names
        .filter((entry) => !doneStatuses.has((entry.status ?? "").toUpperCase()))
        .map((entry) => entry.domain!);
    const what = methodWords[(method ?? "").toUpperCase()] ?? "validation";
    if (waiting.length === 0)
        return `${what} done for all ${names.length} ${names.length === 1 ? "name" : "names"}; waiting for the CA to issue`;
    return `waiting for ${what} of ${listOfNames(waiting)}, ${done.length} of ${names.length} ${names.length === 1 ? "name" : "names"} done`;
}

/** `a`, `a and b`, `a, b and c`. */
function listOfNames(names: string[]): string {
    return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
