import type * as pulumi from "@pulumi/pulumi";
import { lifecycleContext } from "./context";
import { plain } from "./plain";
import {
    checkDomainValidationInputs,
    createDomainValidation,
    diffDomainValidation,
    DomainValidationInputs,
    readDomainValidation,
    updateDomainValidation,
} from "../resources/domainValidation/lifecycle";
import { checkResult, withMissingCredentials } from "../lifecycle/results";
import { missingInternetxCredentials } from "../resources/connection";

export async function check(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.CheckResult> {
    return withMissingCredentials(
        checkResult(await checkDomainValidationInputs(news)),
        missingInternetxCredentials(news.connection, lifecycleContext().stackConfig),
    );
}

export async function diff(
    _id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.DiffResult> {
    return diffDomainValidation(olds, news);
}

export async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
    const result = await createDomainValidation(inputs as unknown as DomainValidationInputs, lifecycleContext());
    return { id: result.id, outs: plain(result.outs) };
}

export async function update(
    _id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.UpdateResult> {
    return updateDomainValidation(olds, news);
}

/** Nothing exists at InterNetX until an order: the recorded validation data stands. */
export async function read(id: string, props?: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
    return readDomainValidation(id, props);
}

export async function remove(): Promise<void> {
    // CertificatePrepareOrder creates no object; nothing to delete.
}
