/**
 * The simulator's price list and country directory. Seed 004 refers to a "Table of certificate ID's" it does not
 * include; these tariff ids are the simulator's own. The add-on code 55364 (additional domains of GlobalSign
 * DomainSSL) and the country id 182 (Russia) are the document's; the other country ids are the simulator's.
 */
export interface Tariff {
    name: string;
    periodsMonths: number[];
    /** The add-on whose count is the number of additional domains (`addon_<code>`), when the tariff allows them. */
    altNameAddon?: string;
}

export const tariffs: Record<string, Tariff> = {
    "4071": { name: "GlobalSign DomainSSL", periodsMonths: [12, 24], altNameAddon: "55364" },
    "4072": { name: "AlphaSSL", periodsMonths: [12] },
};

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

/** The mailboxes a CA accepts for approval (seed 004: admin@, administrator@, hostmaster@, postmaster@, webmaster@ DOMAIN). */
export const approverMailboxes = ["admin", "administrator", "hostmaster", "postmaster", "webmaster"] as const;

/** The approval mailboxes of a domain, exactly as seed 004 lists them (a leading `*.` of a wildcard name dropped). */
export function approverAddresses(domain: string): string[] {
    const base = domain.toLowerCase().replace(/^\*\./, "");
    return approverMailboxes.map((mailbox) => `${mailbox}@${base}`);
}
