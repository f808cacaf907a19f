import type * as pulumi from "@pulumi/pulumi";
import { SmimeInputs } from "../resources/smime/inputs";
import {
    checkSmimeInputs,
    createSmime,
    decideFromSmimeProperties,
    deleteSmime,
    readSmime,
    SmimeProperties,
    updateSmime,
} from "../resources/smime/lifecycle";
import { lifecycleContext } from "./context";
import { operationContext } from "./operation";
import { diffResult, orderingCheckResult, withMissingCredentials } from "../lifecycle/results";
import { readResult } from "./results";
import { missingInternetxCredentials } from "../resources/connection";
import { plain } from "./plain";

export async function check(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.CheckResult> {
    return withMissingCredentials(
        orderingCheckResult(olds, news, await checkSmimeInputs(news)),
        missingInternetxCredentials(news.connection, lifecycleContext().stackConfig),
    );
}

export async function diff(
    _id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.DiffResult> {
    return diffResult(decideFromSmimeProperties(olds, news, lifecycleContext().clock.now()));
}

export async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
    const result = await createSmime(inputs as unknown as SmimeInputs, operationContext(inputs));
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
                await updateSmime(
                    id,
                    olds as unknown as SmimeProperties,
                    news as unknown as SmimeInputs,
                    operationContext(news),
                )
            ).outs,
        ),
    };
}

export async function read(id: string, props?: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
    return readResult(await readSmime(id, props as SmimeProperties | undefined, lifecycleContext()));
}

export async function remove(id: string, props: Record<string, unknown>): Promise<void> {
    await deleteSmime(id, props as unknown as SmimeProperties, operationContext(props));
}
