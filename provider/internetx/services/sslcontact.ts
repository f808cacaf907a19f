import { MalformedResponseError } from "../../errors";
import type { TaskRunner } from "../taskRunner";
import {
    Query,
    SslContact,
    SslContactInput,
    SslContactListRow,
    sslContactListRowSchema,
    sslContactSchema,
} from "../schemas";
import { goneOrError, idQuery } from "./goneByList";
import { parseFirst, parseList } from "./parse";
import { asText } from "../../shared/text";

/** The SslContact object: ContactCreate (400201) and its siblings (InterNetX help "Ordering SSL Certificates"; swagger /sslcontact). */
export class SslContactService {
    constructor(private readonly runner: TaskRunner) {}

    /** SslContactCreate. Both transports give the new id in `status.object.value` (InterNetX help "Ordering SSL Certificates"). */
    async create(contact: SslContactInput): Promise<SslContact> {
        const envelope = await this.runner.run({ task: "SslContactCreate", body: contact });
        const id = envelope.object?.value ?? (envelope.data[0] as { id?: unknown } | undefined)?.id;
        if (id === undefined || id === "") {
            throw new MalformedResponseError("SslContactCreate: the response names no contact id", {
                task: "SslContactCreate",
                stid: envelope.stid,
            });
        }
        return { ...contact, id: asText(id) };
    }

    /** SslContactInfo. A plain refusal is "gone" only when SslContactList proves it (goneByList.ts). */
    async info(id: string): Promise<SslContact> {
        try {
            return parseFirst(
                sslContactSchema,
                await this.runner.run({ task: "SslContactInfo", id }),
                "SslContactInfo",
            );
        } catch (error) {
            throw await this.goneOrError(error, id);
        }
    }

    async update(id: string, contact: SslContactInput): Promise<SslContact> {
        await this.runner.run({ task: "SslContactUpdate", id, body: contact });
        return { ...contact, id };
    }

    /** SslContactDelete. A plain refusal is "gone" only when SslContactList proves it (goneByList.ts). */
    async delete(id: string): Promise<void> {
        try {
            await this.runner.run({ task: "SslContactDelete", id });
        } catch (error) {
            throw await this.goneOrError(error, id);
        }
    }

    private goneOrError(error: unknown, id: string): Promise<unknown> {
        const list = async () => {
            const { contacts, total } = await this.list(idQuery(id));
            return { total, ids: contacts.map((contact) => contact.id) };
        };
        return goneOrError(error, list, "SslContactList", id);
    }

    /** SslContactList: reduced rows (names, organization, id); the whole contact is SslContactInfo's. */
    async list(query: Query = {}): Promise<{ contacts: SslContactListRow[]; total: number }> {
        const envelope = await this.runner.run({ task: "SslContactList", body: query as Record<string, unknown> });
        const contacts = parseList(sslContactListRowSchema, envelope, "SslContactList");
        return { contacts, total: envelope.object?.summary ?? contacts.length };
    }
}
