import { declareResource } from "../declaration";

/** sslmanager:internetx:DomainValidation: nothing exists at InterNetX, so anything that changes the validation data replaces it. */
export const domainValidationDeclaration = declareResource(
    "sslmanager:internetx:DomainValidation",
    {
        /** A new CSR, product or method means new validation data (CertificatePrepareOrder). */
        replace: ["csr", "product", "method"],
        record: ["connection"],
    },
    /** The validation data is recorded as version 0.1.0 recorded it: no migrations (layout 0). */
    [],
);
