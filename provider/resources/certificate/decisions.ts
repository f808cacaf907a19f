import { changedProperties, renewalDue } from "../../lifecycle/decisions";
import { certificateDeclaration } from "./declaration";
import { defaultRenewBeforeDays } from "./inputs";

export { changedProperties, renewalDue, sameValue } from "../../lifecycle/decisions";

/**
 * Pure decisions of the Certificate lifecycle: what a change of inputs, or the passing of time, means.
 * `diff` decides with them; `update` acts on the same decision.
 */

export interface CertificateState {
    name?: string;
    product?: string;
    lifetimeMonths?: number;
    csr?: string;
    privateKey?: unknown;
    subjectAlternativeNames?: string[];
    subject?: unknown;
    adminContactId?: string;
    technicalContactId?: string;
    renewBeforeDays?: number;
    /** Output: ISSUED, or PENDING while an order's wait has not finished. */
    status?: string;
    notAfter?: string;
    [key: string]: unknown;
}

export type CertificateChange =
    | { kind: "none" }
    | { kind: "replace"; properties: string[]; reason: string }
    | { kind: "resume"; properties: string[]; reason: string }
    | { kind: "reissue"; properties: string[]; reason: string }
    | { kind: "renew"; properties: string[]; reason: string }
    | { kind: "settings"; properties: string[]; reason: string };

/** The kinds of change, as the declaration (./declaration.ts) writes them for every entry point. */
export const replaceProperties = certificateDeclaration.changes.replace;
export const reissueProperties = certificateDeclaration.changes.reissue;
export const settingsProperties = certificateDeclaration.changes.record;

/**
 * The one decision for a Certificate between its recorded state (`olds`: inputs and outputs of the last run) and
 * the program's inputs (`news`). `__provider` is never looked at: upgrading the package changes nothing.
 * Precedence: replace > resume an unfinished order > reissue > renew > settings only > none.
 */
export function decideCertificateChange(olds: CertificateState, news: CertificateState, now: Date): CertificateChange {
    const replaced = changedProperties(olds, news, replaceProperties);
    if (replaced.length > 0)
        return {
            kind: "replace",
            properties: replaced,
            reason: `${replaced.join(", ")} changed: a new order is needed`,
        };
    if (olds.status === "PENDING")
        return { kind: "resume", properties: [], reason: "the order of an earlier run is still pending" };
    const reissued = changedProperties(olds, news, reissueProperties);
    if (reissued.length > 0)
        return {
            kind: "reissue",
            properties: reissued,
            reason: `${reissued.join(", ")} changed: the certificate is reissued`,
        };
    const renewBeforeDays = typeof news.renewBeforeDays === "number" ? news.renewBeforeDays : defaultRenewBeforeDays;
    if (renewalDue(olds.notAfter, renewBeforeDays, now)) {
        return {
            kind: "renew",
            properties: ["notAfter"],
            reason: `expires ${olds.notAfter}, within ${renewBeforeDays} days: renewal due`,
        };
    }
    const settings = changedProperties(olds, news, settingsProperties);
    if (settings.length > 0)
        return { kind: "settings", properties: settings, reason: `${settings.join(", ")} changed` };
    return { kind: "none" };
}
