import type * as pulumi from "@pulumi/pulumi";
import { lifecycleContext } from "./context";
import { plain } from "./plain";
import {
    checkSslContactInputs,
    createSslContact,
    deleteSslContact,
    diffSslContact,
    readSslContact,
    SslContactProperties,
    updateSslContact,
} from "../resources/sslContact/lifecycle";
import { SslContactInputs } from "../resources/sslContact/inputs";
import { checkResult, withMissingCredentials } from "../lifecycle/results";
import { readResult } from "./results";
import { missingInternetxCredentials } from "../resources/connection";

export async function check(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.CheckResult> {
    return withMissingCredentials(
        checkResult(checkSslContactInputs(news)),
        missingInternetxCredentials(news.connection, lifecycleContext().stackConfig),
    );
}

export async function diff(
    _id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.DiffResult> {
    return diffSslContact(olds, news);
}

export async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
    const result = await createSslContact(inputs as unknown as SslContactInputs, lifecycleContext());
    return { id: result.id, outs: plain(result.outs) };
}

export async function update(
    id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.UpdateResult> {
    return {
        outs: plain(
            (
                await updateSslContact(
                    id,
                    olds as unknown as SslContactProperties,
                    news as unknown as SslContactInputs,
                    lifecycleContext(),
                )
            ).outs,
        ),
    };
}

export async function read(id: string, props?: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
    return readResult(await readSslContact(id, props as SslContactProperties | undefined, lifecycleContext()));
}

export async function remove(id: string, props: Record<string, unknown>): Promise<void> {
    await deleteSslContact(id, props as unknown as SslContactProperties, lifecycleContext());
}
