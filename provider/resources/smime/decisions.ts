import { changedProperties, renewalDue } from "../../lifecycle/decisions";
import { defaultRenewBeforeDays } from "../certificate/inputs";
import { smimeCertificateDeclaration } from "./declaration";

export type SmimeChange = {
    kind: "none" | "replace" | "resume" | "reissue" | "renew" | "settings";
    properties: string[];
};

/** The kinds of change, as the declaration (./declaration.ts) writes them for every entry point. */
export const smimeReplaceProperties = smimeCertificateDeclaration.changes.replace;
export const smimeReissueProperties = smimeCertificateDeclaration.changes.reissue;
export const smimeSettingsProperties = smimeCertificateDeclaration.changes.record;

/** Decisions for S/MIME (as for server certificates): product/term → replace; identity or key → reissue; window → renew. */
export function decideSmimeChange(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
    now: Date,
): SmimeChange {
    const replaced = changedProperties(olds, news, smimeReplaceProperties);
    if (replaced.length > 0) return { kind: "replace", properties: replaced };
    if (olds.status === "PENDING") return { kind: "resume", properties: [] };
    const reissued = changedProperties(olds, news, smimeReissueProperties);
    if (reissued.length > 0) return { kind: "reissue", properties: reissued };
    if (renewalDue(olds.notAfter as string | undefined, Number(news.renewBeforeDays ?? defaultRenewBeforeDays), now))
        return { kind: "renew", properties: ["notAfter"] };
    const settings = changedProperties(olds, news, smimeSettingsProperties);
    return settings.length > 0 ? { kind: "settings", properties: settings } : { kind: "none", properties: [] };
}
