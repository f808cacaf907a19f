import { changedProperties, renewalDue } from "../../lifecycle/decisions";
import { defaultRenewBeforeDays } from "../certificate/inputs";

export type SmimeChange = { kind: "none" | "replace" | "resume" | "reissue" | "renew" | "settings"; properties: string[] };

/** Changing these orders another product or term, or is another mailbox: a new certificate (replace). */
export const smimeReplaceProperties = ["product", "lifetimeMonths", "email"] as const;
/** The holder's identity or key: a reissue of the same certificate. */
export const smimeReissueProperties = ["firstName", "lastName", "organizationUnit", "csr", "privateKey", "adminContactId", "approverEmail"] as const;
export const smimeSettingsProperties = ["downloadPassword", "renewBeforeDays", "waitTimeoutSeconds", "pollIntervalSeconds", "waitStrategy", "connection"] as const;

/** Decisions for S/MIME (as for server certificates): product/term → replace; identity or key → reissue; window → renew. */
export function decideSmimeChange(olds: Record<string, unknown>, news: Record<string, unknown>, now: Date): SmimeChange {
    const replaced = changedProperties(olds, news, smimeReplaceProperties);
    if (replaced.length > 0) return { kind: "replace", properties: replaced };
    if (olds.status === "PENDING") return { kind: "resume", properties: [] };
    const reissued = changedProperties(olds, news, smimeReissueProperties);
    if (reissued.length > 0) return { kind: "reissue", properties: reissued };
    if (renewalDue(olds.notAfter as string | undefined, Number(news.renewBeforeDays ?? defaultRenewBeforeDays), now)) return { kind: "renew", properties: ["notAfter"] };
    const settings = changedProperties(olds, news, smimeSettingsProperties);
    return settings.length > 0 ? { kind: "settings", properties: settings } : { kind: "none", properties: [] };
}
