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

const methodWords: Record<string, string> = { DNS: "DNS validation", EMAIL: "approval by e-mail", FILE: "file validation" };

/**
 * `waiting for DNS validation of www.example.com, 2 of 3 names done`; undefined when the API reports no names.
 * With `allNames` (the order's names), a name the API no longer lists counts as done: Job Info may list only the
 * names whose validation still runs.
 */
export function validationProgress(report: ValidationReport | undefined, method: string | undefined, allNames?: string[]): string | undefined {
    const reported = (report?.dcvAuth ?? []).filter((entry) => entry.domain);
    if (reported.length === 0) return undefined;
    const listed = new Set(reported.map((entry) => entry.domain!.toLowerCase()));
    const unlisted = (allNames ?? []).filter((name) => !listed.has(name.toLowerCase())).map((domain) => ({ domain, status: "COMPLETED" }));
    const names = [...unlisted, ...reported];
    const done = names.filter((entry) => doneStatuses.has((entry.status ?? "").toUpperCase()));
    const waiting = names.find((entry) => !doneStatuses.has((entry.status ?? "").toUpperCase()));
    const what = methodWords[(method ?? "").toUpperCase()] ?? "validation";
    if (!waiting) return `${what} done for all ${names.length} ${names.length === 1 ? "name" : "names"}; waiting for the CA to issue`;
    return `waiting for ${what} of ${waiting.domain}, ${done.length} of ${names.length} ${names.length === 1 ? "name" : "names"} done`;
}
