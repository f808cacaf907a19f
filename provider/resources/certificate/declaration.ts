import { declareResource } from "../declaration";
import { certificateStateMigrations } from "./stateMigrations";

/** sslmanager:internetx:Certificate (resources/declaration.ts says what each kind of change means). */
export const certificateDeclaration = declareResource(
    "sslmanager:internetx:Certificate",
    {
        /** Another product or term is another certificate, paid again. */
        replace: ["product", "lifetimeMonths"],
        /** Names, key and contacts: CertificateReissue keeps the certificate. */
        reissue: [
            "name",
            "subjectAlternativeNames",
            "csr",
            "privateKey",
            "subject",
            "adminContactId",
            "technicalContactId",
        ],
        /** How we work: waiting, the validation of later reissues, the connection; `importCertificateId` only at create. */
        record: [
            "software",
            "validation",
            "renewBeforeDays",
            "waitTimeoutSeconds",
            "pollIntervalSeconds",
            "waitStrategy",
            "importCertificateId",
            "onDestroy",
            "connection",
        ],
    },
    /** Layout 1: the issued names moved out of `subjectAlternativeNames` (./stateMigrations.ts). */
    certificateStateMigrations,
);
