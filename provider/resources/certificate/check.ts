import { InvalidPemError, parseCsr } from "../../x509";
import { CheckFailure, failuresFromZod, withoutProviderKey } from "../check";
import { CertificateInputs, certificateInputsSchema, crossPropertyProblems } from "./inputs";

export interface CertificateCheck {
    inputs?: CertificateInputs;
    failures: CheckFailure[];
}

/**
 * `check` of Certificate: every input validated, failures naming the property, no API call. A given CSR is parsed:
 * `name` defaults to its CN and must not contradict it; `subjectAlternativeNames` must be in it.
 */
export async function checkCertificateInputs(news: Record<string, unknown>): Promise<CertificateCheck> {
    const raw = withoutProviderKey(news);
    const parsed = certificateInputsSchema.safeParse(raw);
    const crossProperty = crossPropertyProblems(raw);
    if (!parsed.success || crossProperty.length > 0) {
        return { failures: [...(parsed.success ? [] : failuresFromZod(parsed.error)), ...crossProperty] };
    }
    const inputs = parsed.data;
    if (inputs.privateKey && !inputs.name) {
        return { failures: [{ property: "name", reason: "is required when the provider generates the key (there is no CSR to take it from)" }] };
    }
    if (!inputs.csr) return { inputs, failures: [] };

    let csr;
    try {
        csr = await parseCsr(inputs.csr);
    } catch (error) {
        const reason = error instanceof InvalidPemError ? error.message : `could not be read: ${(error as Error).message}`;
        return { failures: [{ property: "csr", reason }] };
    }
    const failures: CheckFailure[] = [];
    if (!csr.signatureValid) failures.push({ property: "csr", reason: "its signature does not verify" });
    const csrNames = [...new Set([csr.commonName, ...csr.dnsNames].filter((name): name is string => Boolean(name)).map((name) => name.toLowerCase()))];
    const name = inputs.name ?? csr.commonName;
    if (!name) failures.push({ property: "name", reason: "is required: the CSR has no common name" });
    else if (!csrNames.includes(name.toLowerCase())) {
        failures.push({ property: "name", reason: `${name} contradicts the CSR, which names ${csrNames.join(", ")}` });
    }
    for (const [index, alternative] of (inputs.subjectAlternativeNames ?? []).entries()) {
        if (!csrNames.includes(alternative.toLowerCase())) {
            failures.push({ property: `subjectAlternativeNames[${index}]`, reason: `${alternative} is not in the CSR, which names ${csrNames.join(", ")}` });
        }
    }
    return failures.length > 0 ? { failures } : { inputs: { ...inputs, name }, failures: [] };
}
