import { declareResource } from "../declaration";

/** sslmanager:ispmanager:Certificate (resources/declaration.ts says what each kind of change means). */
export const ispmanagerCertificateDeclaration = declareResource(
    "sslmanager:ispmanager:Certificate",
    {
        /** Another tariff, term or main domain is another certificate: a new order. */
        replace: ["domain", "pricelist", "periodMonths"],
        /** BILLmanager reissues with a new CSR or new alternative names (ispmanager help "Reselling SSL certificates"). */
        reissue: ["csr", "altNames"],
        /** Used by later calls only: contacts and approvers of reissues, waiting, the connection. */
        record: [
            "adminContact",
            "technicalContact",
            "approverEmails",
            "validationMethod",
            "altNameAddon",
            "waitForIssuance",
            "waitTimeoutSeconds",
            "pollIntervalSeconds",
            "connection",
        ],
        /** The subject a CSR made without the program carries (ispmanager help "Reselling SSL certificates": ST, L, O, OU, emailAddress, field_country). */
        replaceWithoutCsr: ["country", "region", "city", "organization", "organizationUnit", "email"],
    },
    /** Recorded as version 0.1.0 recorded it (the id under `orderId`; outputs added since are optional): no migrations (layout 0). */
    [],
);
