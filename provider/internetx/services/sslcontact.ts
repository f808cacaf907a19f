import { MalformedResponseError } from "../../errors";
import type { TaskRunner } from "../taskRunner";
import { Query, SslContact, SslContactInput, sslContactSchema } from "../schemas";
import { parseFirst, parseList } from "./parse";

/** The SslContact object: ContactCreate (400201) and its siblings (InterNetX help "Ordering SSL Certificates"; swagger /sslcontact). */
export class SslContactService {
    constructor(private readonly runner: TaskRunner) {}

    /** SslContactCreate. Both transports give the new id in `status.object.value` (InterNetX help "Ordering SSL Certificates"). */
    async create(contact: SslContactInput): Promise<SslContact> {
        const envelope = await this.runner.run({ task: "SslContactCreate", body: contact });
        const id = envelope.object?.value ?? (envelope.data[0] as { id?: unknown } | undefined)?.id;
        if (id === undefined || id === "") {
            throw new MalformedResponseError("SslContactCreate: the response names no contact id", { task: "SslContactCreate", stid: envelope.stid });
        }
        return { ...contact, id: String(id) };
    }

    async info(id: string): Promise<SslContact> {
        return parseFirst(sslContactSchema, await this.runner.run({ task: "SslContactInfo", id }), "SslContactInfo");
    }

    async update(id: string, contact: SslContactInput): Promise<SslContact> {
        await this.runner.run({ task: "SslContactUpdate", id, body: contact });
        return { ...contact, id };
    }

    async delete(id: string): Promise<void> {
        await this.runner.run({ task: "SslContactDelete", id });
    }

    async list(query: Query = {}): Promise<{ contacts: SslContact[]; total: number }> {
        const envelope = await this.runner.run({ task: "SslContactList", body: query as Record<string, unknown> });
        const contacts = parseList(sslContactSchema, envelope, "SslContactList");
        return { contacts, total: envelope.object?.summary ?? contacts.length };
    }
}
