import type * as pulumi from "@pulumi/pulumi";
import { lifecycleContext } from "./context";
import { plain } from "./plain";
import { checkDomainValidationInputs, createDomainValidation, DomainValidationInputs } from "../resources/domainValidation/lifecycle";
import { checkResult, withMissingCredentials } from "./results";
import { missingInternetxCredentials } from "../resources/connection";
import { domainValidationDeclaration } from "../resources/domainValidation/declaration";

/** `check` of the inputs alone, without the connection (the native provider's check: its connection is its own configuration). */
export async function checkInputs(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    return checkResult(await checkDomainValidationInputs(news));
}

export async function check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    return withMissingCredentials(await checkInputs(olds, news), missingInternetxCredentials(news.connection, lifecycleContext().stackConfig));
}

/** A new CSR, product or method means new validation data: replace (resources/domainValidation/declaration.ts). */
export async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult> {
    const replaces = domainValidationDeclaration.changes.replace.filter((key) => String(olds[key] ?? "").replace(/\s+/g, "") !== String(news[key] ?? "").replace(/\s+/g, ""));
    const connectionChanged = JSON.stringify(olds.connection ?? null) !== JSON.stringify(news.connection ?? null);
    return { changes: replaces.length > 0 || connectionChanged, replaces };
}

export async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
    const result = await createDomainValidation(inputs as unknown as DomainValidationInputs, lifecycleContext());
    return { id: result.id, outs: plain(result.outs) };
}

export async function update(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult> {
    return { outs: { ...olds, connection: news.connection } };
}

/** Nothing exists at InterNetX until an order: the recorded validation data stands. */
export async function read(id: string, props?: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
    return { id, props: props ?? {} };
}

export async function remove(): Promise<void> {
    // CertificatePrepareOrder creates no object; nothing to delete.
}
