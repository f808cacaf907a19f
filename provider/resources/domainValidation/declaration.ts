import { declareResource } from "../declaration";
import { domainValidationStateMigrations } from "./stateMigrations";

/** sslmanager:internetx:DomainValidation: nothing exists at InterNetX, so anything that changes the validation data replaces it. */
export const domainValidationDeclaration = declareResource(
    "sslmanager:internetx:DomainValidation",
    {
        /** A new CSR, product or method means new validation data (CertificatePrepareOrder). */
        replace: ["csr", "product", "method"],
        record: ["connection"],
    },
    /** Layout 1: every name's record and file as lists, `dnsRecords` and `fileValidations` (./stateMigrations.ts). */
    domainValidationStateMigrations,
);
