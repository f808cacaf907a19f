/**
 * What the simulated account may order: certificate type and the terms in months (InterNetX help "Ordering SSL Certificates": QuickSSLPremium 12 or
 * 24 months; InterNetX's S/MIME ordering help page: GlobalSign PersonalSign Class 1, type MAIL, 36 months in the example).
 */
export interface Product {
    type: "FQDN" | "MAIL";
    lifetimes: number[];
    /** An order may leave out `authentication` (then nothing is validated); every other product needs one *(inferred)*. */
    authenticationOptional?: boolean;
}

export const products: Readonly<Record<string, Product>> = {
    QUICKSSLPREMIUM: { type: "FQDN", lifetimes: [12, 24] },
    RAPIDSSL: { type: "FQDN", lifetimes: [12, 24] },
    SSL123: { type: "FQDN", lifetimes: [12, 24] },
    SECURESITE: { type: "FQDN", lifetimes: [12, 24] },
    // The provider's product table names it (provider/internetx/products.ts), so the simulated account offers it too.
    TRUEBUSINESSID: { type: "FQDN", lifetimes: [12, 24] },
    // InterNetX's demo system accepts DEMOSSL for 12 months without any authentication, answering N400101
    // (InterNetX-DL/Laravel-SSL-Manager tests/CertificateWorkflowTest.php).
    DEMOSSL: { type: "FQDN", lifetimes: [12], authenticationOptional: true },
    GLOBALSIGN_PERSONALSIGN_1: { type: "MAIL", lifetimes: [12, 24, 36] },
    GLOBALSIGN_PERSONALSIGN_2: { type: "MAIL", lifetimes: [12, 24, 36] },
};

/** The `software` of an order (InterNetX help "Ordering SSL Certificates" names APACHESSL and IIS5; swagger enum adds the others). */
export const softwareValues: ReadonlySet<string> = new Set(["APACHESSL", "IIS5", "NGINX", "OTHER", "NOT_SET"]);
