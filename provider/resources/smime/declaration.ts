import { declareResource } from "../declaration";

/** sslmanager:internetx:SmimeCertificate (resources/declaration.ts says what each kind of change means). */
export const smimeCertificateDeclaration = declareResource(
    "sslmanager:internetx:SmimeCertificate",
    {
        /** Another product or term, or another mailbox, is another certificate. */
        replace: ["product", "lifetimeMonths", "email"],
        /** The holder's identity or key: a reissue of the same certificate. */
        reissue: ["firstName", "lastName", "organizationUnit", "csr", "privateKey", "adminContactId", "approverEmail"],
        record: [
            "downloadPassword",
            "renewBeforeDays",
            "waitTimeoutSeconds",
            "pollIntervalSeconds",
            "waitStrategy",
            "onDestroy",
            "connection",
        ],
    },
    /** Recorded as version 0.1.0 recorded it (outputs added since are optional): no migrations (layout 0). */
    [],
);
