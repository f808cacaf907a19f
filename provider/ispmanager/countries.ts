import { BillOption } from "./document";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

const normalize = (name: string) => name.toLowerCase().normalize("NFKD").replace(/[^a-z]/g, "");

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
