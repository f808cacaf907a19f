import { createHash } from "node:crypto";
import { asText } from "../../shared/text";
import { ConnectionContext, withClient } from "../connection";
import { DnsRecord, parseZoneRecord } from "../dnsRecord";
import type { DiffAnswer } from "../../lifecycle/results";
import { domainValidationDeclaration } from "./declaration";
import { DomainValidationInputs } from "./inputs";
import { markedState, migrateState, recordedInLayout } from "../../lifecycle/stateVersion";

export { checkDomainValidationInputs } from "./check";
export { DomainValidationInputs, domainValidationInputsSchema } from "./inputs";

/**
 * DomainValidation: CertificatePrepareOrder for a CSR and product, before anything is ordered, so the DNS record the
 * CA checks can be created in the same stack. No API object exists: delete is a no-op.
 */
export interface DomainValidationProperties extends DomainValidationInputs {
    name: string;
    dnsRecord?: DnsRecord;
    fileValidation?: { url: string; content: string };
    approverEmails: string[];
    /** What Certificate.validation accepts: DNS with the prepared record (not provisioned by InterNetX), or the prepared file. */
    authentication: { method: "DNS"; dns: string; provisioning: false } | { method: "FILE"; fileName: string; fileContent: string };
}

/*
 * Every entry point reads recorded state in today's layout and writes it with the layout's number (`stateVersion`,
 * provider/lifecycle/stateVersion.ts; the layouts are in ./declaration.ts): the native and the dynamic provider call these.
 */
const { stateMigrations } = domainValidationDeclaration;
const inLayout = <Recorded extends object>(state: Recorded) => migrateState<Recorded>(state, stateMigrations);

/** A new CSR, product or method means new validation data: replace (./declaration.ts); another connection is recorded. */
export function diffDomainValidation(olds: Record<string, unknown>, news: Record<string, unknown>): DiffAnswer {
    const recorded = inLayout(olds);
    const replaces = domainValidationDeclaration.changes.replace.filter((key) => asText(recorded[key] ?? "").replace(/\s+/g, "") !== asText(news[key] ?? "").replace(/\s+/g, ""));
    const connectionChanged = JSON.stringify(recorded.connection ?? null) !== JSON.stringify(news.connection ?? null);
    return { changes: replaces.length > 0 || connectionChanged, replaces };
}

/** Same CSR and product, same validation data: the id is derived from them. */
export function domainValidationId(inputs: DomainValidationInputs): string {
    return createHash("sha256").update(`${inputs.product}\n${inputs.csr.replace(/\s+/g, "")}`).digest("hex").slice(0, 32);
}

export async function createDomainValidation(inputs: DomainValidationInputs, context: ConnectionContext = {}): Promise<{ id: string; outs: DomainValidationProperties }> {
    return recordedInLayout(stateMigrations, () => prepareValidation(inputs, context));
}

async function prepareValidation(inputs: DomainValidationInputs, context: ConnectionContext): Promise<{ id: string; outs: DomainValidationProperties }> {
    return withClient(inputs.connection, context, async (client) => {
        const prepared = await client.certificate.prepareOrder({ plain: inputs.csr, product: inputs.product });
        const dns = prepared.authentication.find((authentication) => authentication.method === "DNS");
        const file = prepared.authentication.find((authentication) => authentication.method === "FILE");
        const email = prepared.authentication.find((authentication) => authentication.method === "EMAIL");
        const authentication: DomainValidationProperties["authentication"] =
            dns?.dns && inputs.method !== "FILE"
                ? { method: "DNS", dns: dns.dns, provisioning: false }
                : { method: "FILE", fileName: file?.fileName ?? "", fileContent: file?.fileContent ?? "" };
        return {
            id: domainValidationId(inputs),
            outs: {
                ...inputs,
                name: prepared.name,
                dnsRecord: parseZoneRecord(dns?.dns),
                fileValidation: file?.fileName ? { url: file.fileName, content: file.fileContent ?? "" } : undefined,
                approverEmails: email?.approverEmails ?? [],
                authentication,
            },
        };
    });
}

/** `update`: only the connection changes in place (./declaration.ts); the recorded validation data stands. */
export function updateDomainValidation(olds: Record<string, unknown>, news: Record<string, unknown>): { outs: Record<string, unknown> } {
    return { outs: markedState({ ...inLayout(olds), connection: news.connection }, stateMigrations) };
}

/** `read`: nothing exists at InterNetX before an order, so the recorded validation data stands; without it there is nothing to read. */
export function readDomainValidation(id: string, props: Record<string, unknown> | undefined): { id: string; props: Record<string, unknown> } {
    if (props === undefined || Object.keys(props).length === 0) return { id, props: {} };
    return { id, props: markedState(inLayout(props), stateMigrations) };
}
