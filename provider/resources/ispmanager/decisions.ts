import { sameValue } from "../certificate/decisions";
import { ispmanagerCertificateDeclaration } from "./declaration";

/**
 * Pure decisions of ispmanager.Certificate: what a change of inputs means. `diff` decides with them, `update`
 * acts on the same decision. BILLmanager offers reissue with the old CSR, a new CSR or new alternative names
 * (ispmanager help "Reselling SSL certificates"); it has no renewal in the document, so nothing here depends on the clock.
 */
export interface IspmanagerCertificateState {
    domain?: string;
    altNames?: string[];
    pricelist?: string;
    periodMonths?: number;
    csr?: string;
    /** Output: ISSUED, or PENDING while an order or reissue has not finished. */
    status?: string;
    [key: string]: unknown;
}

export type IspmanagerCertificateChange =
    | { kind: "none" }
    | { kind: "replace"; properties: string[]; reason: string }
    | { kind: "resume"; properties: string[]; reason: string }
    | { kind: "reissue"; crtType: "manual" | "altname"; properties: string[]; reason: string }
    | { kind: "settings"; properties: string[]; reason: string };

/** The kinds of change, as the declaration (./declaration.ts) writes them for every entry point. */
export const replaceProperties = ispmanagerCertificateDeclaration.changes.replace;
export const generatedSubjectProperties = ispmanagerCertificateDeclaration.changes.replaceWithoutCsr;
export const settingsProperties = ispmanagerCertificateDeclaration.changes.record;

function changed(
    olds: IspmanagerCertificateState,
    news: IspmanagerCertificateState,
    properties: readonly string[],
): string[] {
    return properties.filter(
        (property) =>
            !sameValue(property === "altNames" ? "subjectAlternativeNames" : property, olds[property], news[property]),
    );
}

/**
 * The one decision between the recorded state (`olds`: inputs and outputs of the last run) and the program's inputs.
 * `__provider` is never looked at: upgrading the package changes nothing.
 * Precedence: replace > resume an unfinished order > reissue > settings only > none.
 */
export function decideIspmanagerCertificateChange(
    olds: IspmanagerCertificateState,
    news: IspmanagerCertificateState,
): IspmanagerCertificateChange {
    const replaced = changed(olds, news, replaceProperties);
    if (!news.csr) {
        // The billing system generated the CSR with this subject; no reissue of ispmanager help "Reselling SSL certificates" generates a new one.
        replaced.push(...changed(olds, news, generatedSubjectProperties));
        if (olds.csr) replaced.push("csr");
    }
    if (replaced.length > 0)
        return {
            kind: "replace",
            properties: replaced,
            reason: `${replaced.join(", ")} changed: a new order is needed`,
        };
    if (olds.status === "PENDING")
        return { kind: "resume", properties: [], reason: "the order or reissue of an earlier run is still pending" };
    if (news.csr && changed(olds, news, ["csr"]).length > 0) {
        const properties = ["csr", ...changed(olds, news, ["altNames"])];
        return {
            kind: "reissue",
            crtType: "manual",
            properties,
            reason: `${properties.join(", ")} changed: reissue with the new CSR`,
        };
    }
    if (changed(olds, news, ["altNames"]).length > 0) {
        return {
            kind: "reissue",
            crtType: "altname",
            properties: ["altNames"],
            reason: "altNames changed: reissue with the new additional domains",
        };
    }
    const settings = [
        ...changed(olds, news, settingsProperties),
        ...(news.csr ? changed(olds, news, generatedSubjectProperties) : []),
    ];
    if (settings.length > 0)
        return { kind: "settings", properties: settings, reason: `${settings.join(", ")} changed` };
    return { kind: "none" };
}
