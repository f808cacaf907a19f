/**
 * Products and the terms (months) InterNetX allows for them. InterNetX help "Ordering SSL Certificates": QuickSSLPremium
 * 12 or 24 months; its page on ordering S/MIME certificates: GlobalSign PersonalSign Class 1 with 36 months. Products not listed are passed through to the API,
 * which has the final word; for them only the general shape of a term is checked.
 */
export interface ProductRule {
    certificateType: "FQDN" | "MAIL";
    lifetimesMonths: number[];
}

export const knownProducts: Record<string, ProductRule> = {
    QUICKSSLPREMIUM: { certificateType: "FQDN", lifetimesMonths: [12, 24] },
    RAPIDSSL: { certificateType: "FQDN", lifetimesMonths: [12, 24] },
    SSL123: { certificateType: "FQDN", lifetimesMonths: [12, 24] },
    SECURESITE: { certificateType: "FQDN", lifetimesMonths: [12, 24] },
    TRUEBUSINESSID: { certificateType: "FQDN", lifetimesMonths: [12, 24] },
    GLOBALSIGN_PERSONALSIGN_1: { certificateType: "MAIL", lifetimesMonths: [12, 24, 36] },
    GLOBALSIGN_PERSONALSIGN_2: { certificateType: "MAIL", lifetimesMonths: [12, 24, 36] },
};

/** The products of one kind in the order of the table: what the SDKs offer for `product` (other codes still type-check). */
export function productsOf(kind: ProductRule["certificateType"]): string[] {
    return Object.keys(knownProducts).filter((product) => knownProducts[product].certificateType === kind);
}

/** Software values of the Certificate model (InterNetX help "Ordering SSL Certificates": APACHESSL or IIS5). */
export const softwareValues = ["APACHESSL", "IIS5", "NGINX", "OTHER", "NOT_SET"] as const;

/** Undefined when the term is acceptable, else the reason. */
export function lifetimeProblem(product: string, lifetimeMonths: number): string | undefined {
    const rule = knownProducts[product];
    const allowed = rule?.lifetimesMonths ?? [12, 24, 36];
    return allowed.includes(lifetimeMonths)
        ? undefined
        : `${lifetimeMonths} months is not offered for ${product}; allowed: ${allowed.join(", ")}`;
}
