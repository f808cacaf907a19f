import type * as pulumi from "@pulumi/pulumi";
import { plain } from "./plain";
import { checkCertificateInputs } from "../resources/certificate/check";
import { CertificateInputs } from "../resources/certificate/inputs";
import {
    CertificateProperties,
    createCertificate,
    decideFromProperties,
    deleteCertificate,
    readCertificate,
    updateCertificate,
} from "../resources/certificate/lifecycle";
import { lifecycleContext } from "./context";
import { operationContext } from "./operation";
import { diffResult, orderingCheckResult, withMissingCredentials } from "../lifecycle/results";
import { readResult } from "./results";
import { missingInternetxCredentials } from "../resources/connection";

/** Certificate operations as the dynamic-provider contract names them; loaded by name from the serialized provider. */
export async function check(
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.CheckResult> {
    return withMissingCredentials(
        orderingCheckResult(olds, news, await checkCertificateInputs(news)),
        missingInternetxCredentials(news.connection, lifecycleContext().stackConfig),
    );
}

export async function diff(
    _id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): Promise<pulumi.dynamic.DiffResult> {
    return diffResult(decideFromProperties(olds, news, lifecycleContext().clock.now()));
}

export async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
    const result = await createCertificate(inputs as unknown as CertificateInputs, operationContext(inputs));
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
                await updateCertificate(
                    id,
                    olds as unknown as CertificateProperties,
                    news as unknown as CertificateInputs,
                    operationContext(news),
                )
            ).outs,
        ),
    };
}

export async function read(id: string, props?: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
    return readResult(await readCertificate(id, props as CertificateProperties | undefined, lifecycleContext()));
}

export async function remove(id: string, props: Record<string, unknown>): Promise<void> {
    await deleteCertificate(id, props as unknown as CertificateProperties, operationContext(props));
}
