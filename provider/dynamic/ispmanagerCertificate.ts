import type * as pulumi from "@pulumi/pulumi";
import { checkIspmanagerCertificateInputs } from "../resources/ispmanager/check";
import { IspmanagerCertificateInputs } from "../resources/ispmanager/inputs";
import {
    createIspmanagerCertificate,
    decideFromIspmanagerProperties,
    deleteIspmanagerCertificate,
    IspmanagerCertificateProperties,
    readIspmanagerCertificate,
    updateIspmanagerCertificate,
} from "../resources/ispmanager/lifecycle";
import { configure as configureAll, lifecycleContext, pulumiWarning } from "./context";
import { resourceProgressLog } from "./progress";
import { operationContext } from "./operation";
import { diffResult, orderingCheckResult, withMissingCredentials } from "../lifecycle/results";
import { readResult } from "./results";
import { missingIspmanagerCredentials } from "../resources/ispmanager/connection";
import { plain } from "./plain";

/** ispmanager.Certificate operations as the dynamic-provider contract names them; loaded by name from the serialized provider. */

/** `configure`: the stack config `ispmanager:*` for connections without their own settings (read at call time). */
export async function configure(request: { config: { get(key: string): string | undefined } }): Promise<void> {
    await configureAll(request);
}

/** `check`; its warnings go under the resource (its `progressUrn`), as a preview shows them. */
export async function check(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.CheckResult> {
    const checked = await checkIspmanagerCertificateInputs(news);
    checked.warnings.forEach(resourceProgressLog(news.progressUrn, pulumiWarning, "WARNING"));
    return withMissingCredentials(
        orderingCheckResult(olds, news, checked),
        missingIspmanagerCredentials(news.connection, lifecycleContext().stackConfig),
    );
}

export async function diff(
    _id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.DiffResult> {
    return diffResult(decideFromIspmanagerProperties(olds, news));
}

export async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
    const result = await createIspmanagerCertificate(
        inputs as unknown as IspmanagerCertificateInputs,
        operationContext(inputs),
    );
    return { id: result.id, outs: plain(result.outs) };
}

export async function update(
    id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.UpdateResult> {
    const result = await updateIspmanagerCertificate(
        id,
        olds as unknown as IspmanagerCertificateProperties,
        news as unknown as IspmanagerCertificateInputs,
        operationContext(news),
    );
    return { outs: plain(result.outs) };
}

export async function read(id: string, props?: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
    return readResult(
        await readIspmanagerCertificate(id, props as IspmanagerCertificateProperties | undefined, lifecycleContext()),
    );
}

export async function remove(id: string, props: Record<string, unknown>): Promise<void> {
    await deleteIspmanagerCertificate(id, props as unknown as IspmanagerCertificateProperties, operationContext(props));
}
