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
    /** Its inputs and outputs as the package schema, the SDKs and docs/reference.md describe them. */
    {
        description:
            "An SSL contact at InterNetX (SslContact, ContactCreate): the administrative or technical contact of certificate orders.",
        inputs: {
            firstName: { type: "string", required: true, description: "First name, at most 64 characters." },
            lastName: { type: "string", required: true, description: "Last name, at most 64 characters." },
            email: { type: "string", required: true, description: "E-mail address." },
            phone: {
                type: "string",
                required: true,
                description: "Phone number in international format, e.g. +49-941-1234560.",
            },
            fax: { type: "string", description: "Fax number in international format." },
            title: { type: "string", description: "Title, at most 64 characters." },
            organization: { type: "string", required: true, description: "Organization, at most 128 characters." },
            address: { type: { array: "string" }, required: true, description: "Street address, one to three lines." },
            postalCode: { type: "string", required: true, description: "Postal code, at most 16 characters." },
            city: { type: "string", required: true, description: "City, at most 64 characters." },
            country: { type: "string", required: true, description: "ISO 3166-1 alpha-2 country code, e.g. DE." },
            state: { type: "string", description: "State or region, at most 64 characters." },
        },
        outputs: {
            contactId: {
                type: "string",
                always: true,
                description: "The contact's id at InterNetX (also the resource id).",
            },
        },
    },
    /** Where the dynamic SDK differs from the schema (resources/declaration.ts, DynamicDifferences). */
    {
        description:
            "An SSL contact at InterNetX: the administrative or technical contact of certificate orders. Every field can change later; the contact is updated in place.",
    },
);
