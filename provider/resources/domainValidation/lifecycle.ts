import { createHash } from "node:crypto";
import { asText } from "../../shared/text";
import { ConnectionContext, withClient } from "../connection";
import type { CertificateData } from "../../internetx/schemas";
import type { DomainAuthentication } from "../../internetx/services/certificate";
import { DnsRecord, parseZoneRecord } from "../dnsRecord";
import type { DiffAnswer } from "../../lifecycle/results";
import { domainValidationDeclaration } from "./declaration";
import { DomainValidationInputs } from "./inputs";
import {
    currentStateVersion,
    markedState,
    migrateState,
    recordedInLayout,
    recordedStateVersion,
} from "../../lifecycle/stateVersion";
import { defineResource } from "../resource";
import { checkDomainValidationInputs } from "./check";

export { checkDomainValidationInputs } from "./check";
export { DomainValidationInputs, domainValidationInputsSchema } from "./inputs";

/**
 * DomainValidation: CertificatePrepareOrder for a CSR and product, before anything is ordered, so the DNS record the
 * CA checks can be created in the same stack. No API object exists: delete is a no-op.
 */
export interface DomainValidationProperties extends DomainValidationInputs {
    name: string;
    /** The first name's record, as before there was one per name (programs written for one name read it). */
    dnsRecord?: DnsRecord;
    /** Every name's TXT record, each with the `domain` it validates: all must be published before the CA issues. */
    dnsRecords: DnsRecord[];
    /** The first name's file (programs written for one name read it). */
    fileValidation?: FileValidation;
    /** Every name's validation file, each with the `domain` it validates. */
    fileValidations: FileValidation[];
    approverEmails: string[];
    /** What Certificate.validation accepts: DNS with the prepared records (not provisioned by InterNetX), or the prepared files; `domains` per name. */
    authentication:
        | { method: "DNS"; dns: string; provisioning: false; domains?: DomainAuthentication[] }
        | { method: "FILE"; fileName: string; fileContent: string; domains?: DomainAuthentication[] };
}

export interface FileValidation {
    url: string;
    content: string;
    /** The name this file validates (CertAuthentication `name`). */
    domain?: string;
}

/*
 * Every entry point reads recorded state in today's layout and writes it with the layout's number (`stateVersion`,
 * provider/lifecycle/stateVersion.ts; the layouts are in ./declaration.ts): the native and the dynamic provider call these.
 */
const { stateMigrations } = domainValidationDeclaration;
const inLayout = <Recorded extends object>(state: Recorded) => migrateState<Recorded>(state, stateMigrations);

/**
 * A new CSR, product or method means new validation data: replace (./declaration.ts); another connection is recorded.
 * State of an earlier layout is updated in place, without an API call, so that what the migration adds (the per-name
 * `dnsRecords` and `fileValidations`) reaches state and the program's outputs.
 */
export function diffDomainValidation(olds: Record<string, unknown>, news: Record<string, unknown>): DiffAnswer {
    const recorded = inLayout(olds);
    const replaces = domainValidationDeclaration.changes.replace.filter(
        (key) => asText(recorded[key] ?? "").replace(/\s+/g, "") !== asText(news[key] ?? "").replace(/\s+/g, ""),
    );
    const connectionChanged = JSON.stringify(recorded.connection ?? null) !== JSON.stringify(news.connection ?? null);
    const earlierLayout = recordedStateVersion(olds) < currentStateVersion(stateMigrations);
    return { changes: replaces.length > 0 || connectionChanged || earlierLayout, replaces };
}

/** Same CSR and product, same validation data: the id is derived from them. */
export function domainValidationId(inputs: DomainValidationInputs): string {
    return createHash("sha256")
        .update(`${inputs.product}\n${inputs.csr.replace(/\s+/g, "")}`)
        .digest("hex")
        .slice(0, 32);
}

/**
 * The validation data of a prepare-order answer, per name. InterNetX answers one DNS and one FILE entry per name, each
 * with its `name` (InterNetX/php-domainrobot-sdk test/mock-data/Certificate/PrepareOrderResponse.json); an entry
 * without a name (the help page "Ordering SSL Certificates" shows none) is the certificate's own name.
 */
export function validationData(
    prepared: CertificateData,
    method: DomainValidationInputs["method"],
): Omit<DomainValidationProperties, keyof DomainValidationInputs | "name"> {
    const entriesOf = (wanted: string) =>
        prepared.authentication
            .filter((entry) => entry.method === wanted)
            .map((entry) => ({ ...entry, name: entry.name ?? prepared.name }));
    const dnsEntries = entriesOf("DNS").filter((entry) => entry.dns);
    const fileEntries = entriesOf("FILE").filter((entry) => entry.fileName);
    const dnsRecords = dnsEntries.flatMap((entry) => {
        const record = parseZoneRecord(entry.dns);
        return record ? [{ ...record, domain: entry.name }] : [];
    });
    const fileValidations = fileEntries.map((entry) => ({
        url: entry.fileName!,
        content: entry.fileContent ?? "",
        domain: entry.name,
    }));
    const email = prepared.authentication.find((entry) => entry.method === "EMAIL");
    const authentication: DomainValidationProperties["authentication"] =
        dnsEntries.length > 0 && method !== "FILE"
            ? {
                  method: "DNS",
                  dns: dnsEntries[0].dns!,
                  provisioning: false,
                  domains: dnsEntries.map((entry) => ({ name: entry.name, method: "DNS", dns: entry.dns })),
              }
            : {
                  method: "FILE",
                  fileName: fileEntries[0]?.fileName ?? "",
                  fileContent: fileEntries[0]?.fileContent ?? "",
                  domains: fileEntries.map((entry) => ({
                      name: entry.name,
                      method: "FILE",
                      fileName: entry.fileName,
                      fileContent: entry.fileContent ?? "",
                  })),
              };
    return {
        dnsRecord: dnsRecords[0],
        dnsRecords,
        fileValidation: fileValidations[0],
        fileValidations,
        approverEmails: email?.approverEmails ?? [],
        authentication,
    };
}

export async function createDomainValidation(
    inputs: DomainValidationInputs,
    context: ConnectionContext = {},
): Promise<{ id: string; outs: DomainValidationProperties }> {
    return recordedInLayout(stateMigrations, () => prepareValidation(inputs, context));
}

async function prepareValidation(
    inputs: DomainValidationInputs,
    context: ConnectionContext,
): Promise<{ id: string; outs: DomainValidationProperties }> {
    return withClient(inputs.connection, context, async (client) => {
        const prepared = await client.certificate.prepareOrder({ plain: inputs.csr, product: inputs.product });
        return {
            id: domainValidationId(inputs),
            outs: { ...inputs, name: prepared.name, ...validationData(prepared, inputs.method) },
        };
    });
}

/** `update`: only the connection changes in place (./declaration.ts); the recorded validation data stands, in today's layout. */
export function updateDomainValidation(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): { outs: Record<string, unknown> } {
    return { outs: markedState({ ...inLayout(olds), connection: news.connection }, stateMigrations) };
}

/** `read`: nothing exists at InterNetX before an order, so the recorded validation data stands; without it there is nothing to read. */
export function readDomainValidation(
    id: string,
    props: Record<string, unknown> | undefined,
): { id: string; props: Record<string, unknown> } {
    if (props === undefined || Object.keys(props).length === 0) return { id, props: {} };
    return { id, props: markedState(inLayout(props), stateMigrations) };
}

/**
 * DomainValidation as the native and the dynamic provider reach it (provider/resources/registry.ts): nothing exists at
 * InterNetX before an order, so the recorded validation data stands, nothing is deleted and nothing can be imported.
 */
export const domainValidationResource = defineResource<DomainValidationInputs, Record<string, unknown>>({
    declaration: domainValidationDeclaration,
    orders: false,
    importable: false,
    check: checkDomainValidationInputs,
    diff: (olds, news) => diffDomainValidation(olds, news),
    create: createDomainValidation,
    read: async (id, props) => readDomainValidation(id, props),
    update: async (_id, olds, news) => updateDomainValidation(olds, news),
    // CertificatePrepareOrder creates no object; nothing to delete.
    delete: async () => undefined,
});
