import { unlessNotFound } from "../../errors";
import type { SslContact } from "../../internetx/schemas";
import { ConnectionContext, withClient } from "../connection";
import { sslContactDeclaration } from "./declaration";
import { SslContactInputs, toApiContact } from "./inputs";
import { markedState, migrateState, readInLayout, recordedInLayout } from "../../lifecycle/stateVersion";
import { defineResource } from "../resource";
import { checkSslContactInputs } from "./check";

export { checkSslContactInputs } from "./check";

export type SslContactProperties = SslContactInputs & { contactId: string };

/*
 * Every entry point reads recorded state in today's layout and writes it with the layout's number (`stateVersion`,
 * provider/lifecycle/stateVersion.ts; the layouts are in ./declaration.ts): the native and the dynamic provider call these.
 */
const { stateMigrations } = sslContactDeclaration;
const inLayout = <Recorded extends object>(state: Recorded) => migrateState<Recorded>(state, stateMigrations);

/** Contacts change in place (SslContactUpdate); nothing about a contact needs a replacement (./declaration.ts). */
export function changedContactFields(olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
    return [...sslContactDeclaration.changes.update, ...sslContactDeclaration.changes.record].filter(
        (field) => JSON.stringify(olds[field] ?? null) !== JSON.stringify(news[field] ?? null),
    );
}

export function diffSslContact(olds: Record<string, unknown>, news: Record<string, unknown>): { changes: boolean } {
    return { changes: changedContactFields(inLayout(olds), news).length > 0 };
}

function fromApiContact(contact: SslContact): Omit<SslContactInputs, "connection"> {
    return {
        firstName: contact.fname,
        lastName: contact.lname,
        email: contact.email,
        phone: contact.phone,
        fax: contact.fax,
        title: contact.title,
        organization: contact.organization,
        address: contact.address,
        postalCode: contact.pcode,
        city: contact.city,
        country: contact.country,
        state: contact.state,
    };
}

export async function createSslContact(
    inputs: SslContactInputs,
    context: ConnectionContext = {},
): Promise<{ id: string; outs: SslContactProperties }> {
    return recordedInLayout(stateMigrations, () =>
        withClient(inputs.connection, context, async (client) => {
            const contact = await client.sslcontact.create(toApiContact(inputs));
            return { id: contact.id, outs: { ...inputs, contactId: contact.id } };
        }),
    );
}

export async function updateSslContact(
    id: string,
    olds: SslContactProperties,
    news: SslContactInputs,
    context: ConnectionContext = {},
): Promise<{ outs: SslContactProperties }> {
    const recorded = inLayout(olds);
    const changed = changedContactFields(recorded, news).filter((field) => field !== "connection");
    if (changed.length === 0) return { outs: markedState({ ...recorded, ...news, contactId: id }, stateMigrations) };
    return recordedInLayout(stateMigrations, () =>
        withClient(news.connection, context, async (client) => {
            await client.sslcontact.update(id, toApiContact(news));
            return { outs: { ...news, contactId: id } };
        }),
    );
}

/** `read`: the contact as InterNetX has it (drift shows in refresh); a deleted contact gives an empty id. */
export async function readSslContact(
    id: string,
    props: SslContactProperties | undefined,
    context: ConnectionContext = {},
): Promise<{ id: string; props: Record<string, unknown>; inputs?: Record<string, unknown> }> {
    const recorded = props && inLayout(props);
    return readInLayout(stateMigrations, () =>
        withClient(props?.connection, context, async (client) => {
            const found = await unlessNotFound(client.sslcontact.info(id));
            if (!found) return { id: "", props: {} };
            const contact = fromApiContact(found);
            const clean = Object.fromEntries(Object.entries(contact).filter(([, value]) => value !== undefined));
            return {
                id,
                props: { ...(recorded ?? {}), ...clean, contactId: id },
                inputs: recorded ? undefined : clean,
            };
        }),
    );
}

export async function deleteSslContact(
    id: string,
    props: SslContactProperties | undefined,
    context: ConnectionContext = {},
): Promise<void> {
    await withClient(props?.connection, context, async (client) => {
        await unlessNotFound(client.sslcontact.delete(id));
    });
}

/** SslContact as the native and the dynamic provider reach it (provider/resources/registry.ts). */
export const sslContactResource = defineResource<SslContactInputs, SslContactProperties>({
    declaration: sslContactDeclaration,
    orders: false,
    check: async (news) => checkSslContactInputs(news),
    diff: (olds, news) => diffSslContact(olds, news),
    create: createSslContact,
    read: readSslContact,
    update: updateSslContact,
    delete: deleteSslContact,
});
