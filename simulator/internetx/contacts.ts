import { invalid, notFound } from "./errors";
import type { Json } from "./jsonValue";

/**
 * The account's SSL contacts (InterNetX help "Ordering SSL Certificates" ContactCreate; swagger `SslContact`): ids from 100 upwards, the fields an
 * order needs are required, `address` is always a list of lines.
 */
export const requiredContactFields = [
    "fname",
    "lname",
    "phone",
    "email",
    "organization",
    "pcode",
    "city",
    "country",
] as const;

export function validateContact(taskCode: string, contact: Json): void {
    for (const field of requiredContactFields) {
        if (typeof contact[field] !== "string" || contact[field].trim() === "")
            throw invalid(taskCode, field, "is required");
    }
    if (addressLines(contact.address).length === 0) throw invalid(taskCode, "address", "is required");
    if (!/^[A-Z]{2}$/.test(contact.country)) throw invalid(taskCode, "country", "must be an ISO 3166-1 alpha-2 code");
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(contact.email)) throw invalid(taskCode, "email", "is not an email address");
}

function addressLines(address: unknown): string[] {
    const lines = Array.isArray(address) ? address : address === undefined || address === null ? [] : [address];
    return lines.map(String).filter((line) => line.trim() !== "");
}

/** The contact fields the API keeps (anything else in the request is ignored). */
function contactFields(input: Json): Json {
    return {
        fname: input.fname,
        lname: input.lname,
        phone: input.phone,
        fax: input.fax,
        email: input.email,
        title: input.title,
        organization: input.organization,
        address: addressLines(input.address),
        pcode: input.pcode,
        city: input.city,
        country: input.country,
        state: input.state,
    };
}

export class ContactBook {
    private readonly contacts = new Map<number, Json>();
    private nextId = 100;

    constructor(
        private readonly owner: () => Json,
        private readonly now: () => Date,
    ) {}

    get size(): number {
        return this.contacts.size;
    }

    all(): Json[] {
        return [...this.contacts.values()];
    }

    create(input: Json): Json {
        validateContact("400201", input);
        const time = this.now();
        const contact = {
            ...contactFields(input),
            owner: this.owner(),
            created: time,
            updated: time,
            id: this.nextId++,
        };
        this.contacts.set(contact.id, contact);
        return contact;
    }

    get(taskCode: string, id: string | number): Json {
        const contact = this.contacts.get(Number(id));
        if (!contact) throw notFound(taskCode, "SslContact", String(id));
        return contact;
    }

    update(id: string, input: Json): Json {
        const contact = this.get("400202", id);
        validateContact("400202", input);
        Object.assign(contact, contactFields(input), { updated: this.now() });
        return contact;
    }

    delete(id: string): void {
        this.get("400203", id);
        this.contacts.delete(Number(id));
    }
}
