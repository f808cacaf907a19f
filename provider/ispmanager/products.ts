import type { ApproverMethod } from "./certificate";

/**
 * The tariffs ispmanager documents for SSL reselling, with what the sources say about each. Ids: the "SSL certificate
 * ID's" table of ispmanager's "Reselling SSL certificates" (a column for Russian clients and one for clients from
 * other countries), and 55364 from the same page's multi-domain example ("55364 – means ordering a multi-domain
 * certificate from GlobalSign DomainSSL", with `addon_55364=<count>`). Periods: "period in months (12 or 24)".
 * Validation methods: ISPsystem's GlobalSign processing module declares approver e-mail and DNS TXT for its DV
 * templates (DomainSSL, AlphaSSL and their wildcards) and orders OV and EV certificates without a domain validation
 * method; the sources name none for the other brands, so they are not restricted here.
 */
export interface DocumentedTariff {
    name: string;
    periodsMonths: number[];
    /** The add-on counting additional domains (`addon_<code>`), where the sources name one. */
    altNameAddon?: string;
    /** The validation methods the product offers; undefined: the sources do not say. */
    validationMethods?: ApproverMethod[];
}

const periods = [12, 24];
const globalSignDv: ApproverMethod[] = ["auth_email", "auth_dnstxt"];
/** OV and EV: the module sends no domain validation method; e-mail (the default) is all this client lets through (inferred). */
const globalSignOrganization: ApproverMethod[] = ["auth_email"];

const pair = (ids: string[], tariff: DocumentedTariff) => ids.map((id) => [id, tariff] as const);

export const documentedTariffs: Record<string, DocumentedTariff> = Object.fromEntries([
    [
        "55364",
        {
            name: "GlobalSign DomainSSL (multi-domain)",
            periodsMonths: periods,
            altNameAddon: "55364",
            validationMethods: globalSignDv,
        },
    ],
    ...pair(["55330", "55352"], {
        name: "GlobalSign EV SSL",
        periodsMonths: periods,
        validationMethods: globalSignOrganization,
    }),
    ...pair(["55329", "55351"], {
        name: "GlobalSign OrganizationSSL WildCard",
        periodsMonths: periods,
        validationMethods: globalSignOrganization,
    }),
    ...pair(["55328", "55350"], {
        name: "GlobalSign OrganizationSSL",
        periodsMonths: periods,
        validationMethods: globalSignOrganization,
    }),
    ...pair(["55327", "55349"], {
        name: "GlobalSign DomainSSL Wildcard",
        periodsMonths: periods,
        validationMethods: globalSignDv,
    }),
    ...pair(["55326", "55348"], {
        name: "GlobalSign DomainSSL",
        periodsMonths: periods,
        validationMethods: globalSignDv,
    }),
    ...pair(["55325", "55347"], { name: "AlphaSSL Wildcard", periodsMonths: periods, validationMethods: globalSignDv }),
    ...pair(["55324", "55346"], { name: "AlphaSSL", periodsMonths: periods, validationMethods: globalSignDv }),
    ["55153", { name: "Comodo EV SSL certificate", periodsMonths: periods }],
    ["27650", { name: "Comodo PositiveSSL Wildcard", periodsMonths: periods }],
    ["27648", { name: "Comodo PositiveSSL Multi Domain (3 domains included)", periodsMonths: periods }],
    ["3033", { name: "Comodo Positive SSL", periodsMonths: periods }],
    ["2028", { name: "Comodo Premium WildCard", periodsMonths: periods }],
    ["2027", { name: "Comodo Essential SSL WildCard", periodsMonths: periods }],
    ["2026", { name: "Comodo Instant SSL", periodsMonths: periods }],
    ["2025", { name: "Comodo Essential SSL", periodsMonths: periods }],
    ["2023", { name: "DigiCert Secure Site with EV", periodsMonths: periods }],
    ["2021", { name: "DigiCert Secure Site", periodsMonths: periods }],
    ["2020", { name: "GeoTrust True BusinessID WildCard", periodsMonths: periods }],
    ["2019", { name: "GeoTrust True BusinessID", periodsMonths: periods }],
    ["2018", { name: "GeoTrust DV SSL", periodsMonths: periods }],
    ["2015", { name: "Thawte SSL Web Server with EV", periodsMonths: periods }],
    ["2014", { name: "Thawte SSL Wildcard", periodsMonths: periods }],
    ["2012", { name: "Thawte SSL Web Server", periodsMonths: periods }],
    ["1032", { name: "GeoTrust True BusinessID with EV", periodsMonths: periods }],
    ["1013", { name: "Thawte SSL123", periodsMonths: periods }],
    ["1012", { name: "RapidSSL Wildcard", periodsMonths: periods }],
    ["1011", { name: "RapidSSL", periodsMonths: periods }],
]);

/**
 * Why `method` cannot be used with tariff `pricelist`, or undefined when it can (or the sources do not say). For
 * `check`: a product that does not offer the method would take the order and the money, and never validate.
 */
export function validationMethodRefusal(pricelist: string, method: ApproverMethod): string | undefined {
    const tariff = documentedTariffs[pricelist];
    if (!tariff?.validationMethods || tariff.validationMethods.includes(method)) return undefined;
    return `${tariff.name} (tariff ${pricelist}) offers ${tariff.validationMethods.map((offered) => approverMethodNames[offered]).join(" and ")} validation only`;
}

export const approverMethodNames: Record<ApproverMethod, string> = {
    auth_email: "EMAIL",
    auth_dnstxt: "DNS",
    auth_file: "FILE",
    auth_cname: "CNAME",
};
