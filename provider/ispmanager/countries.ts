import { BillOption } from "./document";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

const normalize = (name: string) =>
    name
        .toLowerCase()
        .normalize("NFKD")
        .replace(/[^a-z]/g, "");

/**
 * The billing system's id for a country given as its id or as an ISO 3166-1 alpha-2 code, looked up by English name in
 * the country list of certificate.order.csr ("k – country ID; v – country name"). Undefined when the list
 * has no such country.
 */
export function billingCountryId(country: string, countries: BillOption[]): string | undefined {
    if (/^\d+$/.test(country)) return countries.some((option) => option.key === country) ? country : undefined;
    if (!/^[A-Z]{2}$/.test(country)) return undefined;
    let name: string | undefined;
    try {
        name = regionNames.of(country);
    } catch {
        return undefined;
    }
    if (!name || name === country) return undefined;
    const wanted = normalize(name);
    return countries.find((option) => normalize(option.value) === wanted)?.key;
}

/** Every ISO 3166-1 alpha-2 code Node's ICU names (AA…ZZ tried once, at first use). */
let regionCodes: string[] | undefined;
function isoRegionCodes(): string[] {
    if (regionCodes) return regionCodes;
    const codes: string[] = [];
    for (let first = 65; first <= 90; first++) {
        for (let second = 65; second <= 90; second++) {
            const code = String.fromCharCode(first, second);
            try {
                const name = regionNames.of(code);
                if (name && name !== code) codes.push(code);
            } catch {
                // Not a region code ICU knows.
            }
        }
    }
    regionCodes = codes;
    return codes;
}

/**
 * The ISO 3166-1 alpha-2 code (what a CSR's `C` holds) of a country given as an ISO code or as the billing system's
 * id, through the English name in certificate.order.csr's country list. Undefined when neither is known.
 */
export function isoCountryCode(country: string, countries: BillOption[]): string | undefined {
    if (/^[A-Z]{2}$/.test(country)) return isoRegionCodes().includes(country) ? country : undefined;
    const name = countries.find((option) => option.key === country)?.value;
    if (!name) return undefined;
    const wanted = normalize(name);
    return isoRegionCodes().find((code) => normalize(regionNames.of(code) ?? "") === wanted);
}
