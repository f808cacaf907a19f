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
import { unknownProperties } from "../resources/unknowns";
import { lifecycleContext } from "./context";

/** Certificate operations as the dynamic-provider contract names them; loaded by name from the serialized provider. */
export async function check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    const unknown = unknownProperties(news);
    if (unknown.size > 0) {
        // Preview with inputs from resources not created yet: checked for real at `up`, when they are known.
        return { inputs: news };
    }
    const result = await checkCertificateInputs(news);
    return result.failures.length > 0 ? { failures: result.failures } : { inputs: result.inputs as Record<string, unknown> };
}

export async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.DiffResult> {
    const decision = decideFromProperties(olds, news, lifecycleContext().clock.now());
    switch (decision.kind) {
        case "none":
            return { changes: false };
        case "replace":
            return { changes: true, replaces: decision.properties, deleteBeforeReplace: false };
        default:
            return { changes: true };
    }
}

export async function create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
    const result = await createCertificate(inputs as unknown as CertificateInputs, lifecycleContext());
    return { id: result.id, outs: plain(result.outs) };
}

export async function update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.UpdateResult> {
    return { outs: plain((await updateCertificate(id, olds as unknown as CertificateProperties, news as unknown as CertificateInputs, lifecycleContext())).outs) };
}

export async function read(id: string, props?: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
    const result = await readCertificate(id, props as CertificateProperties | undefined);
    return { id: result.id, props: plain(result.props), inputs: result.inputs && plain(result.inputs) };
}

export async function remove(id: string, props: Record<string, unknown>): Promise<void> {
    await deleteCertificate(id, props as unknown as CertificateProperties);
}
