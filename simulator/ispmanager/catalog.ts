import { documentedTariffs, DocumentedTariff } from "../../provider/ispmanager/products";

/**
 * The simulator's price list is the documented one (provider/ispmanager/products.ts: the tariff table and the
 * multi-domain example of ispmanager's "Reselling SSL certificates"), so that a request copied from the page works
 * and a tariff id the page does not list is "no such tariff". Where the sources name no validation methods the
 * simulator accepts every method it knows. Country ids: 182 (Russia) is the page's; the others are the simulator's.
 */
export type Tariff = DocumentedTariff;

export const tariffs: Record<string, Tariff> = documentedTariffs;

export const countries: { id: string; iso: string; name: string }[] = [
    { id: "182", iso: "RU", name: "Russia" },
    { id: "80", iso: "DE", name: "Germany" },
    { id: "73", iso: "FR", name: "France" },
    { id: "230", iso: "US", name: "United States" },
    { id: "229", iso: "GB", name: "United Kingdom" },
    { id: "152", iso: "NL", name: "Netherlands" },
    { id: "108", iso: "IT", name: "Italy" },
    { id: "61", iso: "ES", name: "Spain" },
];

/** The mailboxes a CA accepts for approval ("admin@, administrator@, hostmaster@, postmaster@, webmaster@ DOMAIN"). */
export const approverMailboxes = ["admin", "administrator", "hostmaster", "postmaster", "webmaster"] as const;

/** The approval mailboxes of a domain, exactly as the reselling page lists them (a leading `*.` of a wildcard name dropped). */
export function approverAddresses(domain: string): string[] {
    const base = domain.toLowerCase().replace(/^\*\./, "");
    return approverMailboxes.map((mailbox) => `${mailbox}@${base}`);
}
