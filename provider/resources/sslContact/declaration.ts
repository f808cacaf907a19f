import { declareResource } from "../declaration";

/** sslmanager:internetx:SslContact: every field changes in place (SslContactUpdate); the connection is only recorded. */
export const sslContactDeclaration = declareResource(
    "sslmanager:internetx:SslContact",
    {
        update: [
            "firstName",
            "lastName",
            "email",
            "phone",
            "fax",
            "title",
            "organization",
            "address",
            "postalCode",
            "city",
            "country",
            "state",
        ],
        record: ["connection"],
    },
    /** The contact's fields and `contactId`, as version 0.1.0 recorded them: no migrations (layout 0). */
    [],
);
