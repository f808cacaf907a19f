import { approverMethodNames, documentedTariffs, validationMethodRefusal } from "../../ispmanager/products";
import type { ApproverMethod } from "../../ispmanager/certificate";
import { InvalidPemError, parseCsr } from "../../x509";
import { CheckFailure, validateInputs, withoutProviderKey } from "../check";
import { containsUnknown } from "../unknowns";
import { crossPropertyProblems as crossProperty, IspmanagerCertificateInputs, ispmanagerCertificateInputsSchema } from "./inputs";

export interface IspmanagerCertificateCheck {
    inputs?: IspmanagerCertificateInputs;
    failures: CheckFailure[];
}

/**
 * `check` of ispmanager.Certificate: every input validated, failures naming the property, no request sent. A given CSR
 * must be for `domain` and name exactly the certificate's domains, because a reissue with a new CSR takes its names
 * from the CSR (docs/ispmanager.md). Values unknown at preview are left for `up`; everything known is checked.
 */
export async function checkIspmanagerCertificateInputs(news: Record<string, unknown>): Promise<IspmanagerCertificateCheck> {
    const raw = withoutProviderKey(news);
    const { parsed, failures: invalid, pending } = validateInputs(ispmanagerCertificateInputsSchema, raw, crossProperty(raw));
    if (invalid.length > 0) return { failures: invalid };
    if (pending || !parsed) return { inputs: raw as IspmanagerCertificateInputs, failures: [] };
    const inputs = withDefaultAddon(parsed);
    // A product that does not offer the method would take the order and never validate it (provider/ispmanager/products.ts).
    const method = (Object.keys(approverMethodNames) as ApproverMethod[]).find((candidate) => approverMethodNames[candidate] === inputs.validationMethod)!;
    const refusal = validationMethodRefusal(inputs.pricelist, method);
    if (refusal) return { failures: [{ property: "validationMethod", reason: `${inputs.validationMethod} is not offered: ${refusal}` }] };
    if (!inputs.csr || containsUnknown(inputs.csr)) return { inputs, failures: [] };
    let csr;
    try {
        csr = await parseCsr(inputs.csr);
    } catch (error) {
        return { failures: [{ property: "csr", reason: error instanceof InvalidPemError ? error.message : `could not be read: ${(error as Error).message}` }] };
    }
    const failures: CheckFailure[] = [];
    if (!csr.signatureValid) failures.push({ property: "csr", reason: "its signature does not verify" });
    if ((csr.commonName ?? "").toLowerCase() !== inputs.domain.toLowerCase()) {
        failures.push({ property: "domain", reason: `${inputs.domain} contradicts the CSR, whose common name is ${csr.commonName ?? "missing"}` });
    }
    const csrNames = new Set(csr.dnsNames.map((name) => name.toLowerCase()).filter((name) => name !== (csr.commonName ?? "").toLowerCase()));
    const wanted = new Set((inputs.altNames ?? []).map((name) => name.toLowerCase()));
    (inputs.altNames ?? []).forEach((name, index) => {
        if (!csrNames.has(name.toLowerCase())) failures.push({ property: `altNames[${index}]`, reason: `${name} is not in the CSR` });
    });
    const extra = [...csrNames].filter((name) => !wanted.has(name));
    if (extra.length > 0) failures.push({ property: "altNames", reason: `the CSR also names ${extra.join(", ")}; list every name of the CSR` });
    return failures.length > 0 ? { failures } : { inputs, failures: [] };
}

/**
 * With additional domains and no add-on code: the tariff's documented add-on, else the price list code itself (as in
 * BILLmanager's own multi-domain example, where both are 55364).
 */
export function withDefaultAddon(inputs: IspmanagerCertificateInputs): IspmanagerCertificateInputs {
    if ((inputs.altNames ?? []).length === 0 || inputs.altNameAddon !== undefined) return inputs;
    return { ...inputs, altNameAddon: documentedTariffs[inputs.pricelist]?.altNameAddon ?? inputs.pricelist };
}
