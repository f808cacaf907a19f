import { InvalidPemError, parseCsr } from "../../x509";
import { CheckFailure, CheckOutcome, validateInputs, withoutProviderKey } from "../check";
import { containsUnknown } from "../unknowns";
import { CertificateInputs, certificateInputsSchema, crossPropertyProblems } from "./inputs";

export type CertificateCheck = CheckOutcome<CertificateInputs>;

/**
 * `check` of Certificate: every input validated, failures naming the property, no API call. A given CSR is parsed:
 * `name` defaults to its CN and must not contradict it; `subjectAlternativeNames` must be in it. At preview, values
 * not known yet are left for `up` and everything else is checked, the CSR included.
 */
export async function checkCertificateInputs(news: Record<string, unknown>): Promise<CertificateCheck> {
    const raw = withoutProviderKey(news);
    const { parsed, failures, pending } = validateInputs(certificateInputsSchema, raw, crossPropertyProblems(raw));
    if (failures.length > 0) return { failures };
    if (raw.privateKey && raw.name === undefined) {
        return {
            failures: [
                {
                    property: "name",
                    reason: "is required when the provider generates the key (there is no CSR to take it from)",
                },
            ],
        };
    }
    if (typeof raw.csr !== "string" || containsUnknown(raw.csr))
        return { inputs: pending ? (raw as CertificateInputs) : parsed, failures: [] };

    const known = (value: unknown) => (containsUnknown(value) ? undefined : value);
    const name = known(raw.name) as string | undefined;
    const alternatives = Array.isArray(raw.subjectAlternativeNames) ? (raw.subjectAlternativeNames as unknown[]) : [];
    const csrCheck = await csrProblems(
        raw.csr,
        name,
        alternatives.map((alternative) => known(alternative) as string | undefined),
        raw.name !== undefined,
    );
    if (csrCheck.failures.length > 0) return { failures: csrCheck.failures };
    if (pending) return { inputs: raw as CertificateInputs, failures: [] };
    return { inputs: { ...parsed!, name: parsed!.name ?? csrCheck.commonName }, failures: [] };
}

/** The CSR against `name` and the alternative names (undefined where a value is not known yet). */
async function csrProblems(
    csrPem: string,
    name: string | undefined,
    alternatives: (string | undefined)[],
    nameGiven: boolean,
): Promise<{ failures: CheckFailure[]; commonName?: string }> {
    let csr;
    try {
        csr = await parseCsr(csrPem);
    } catch (error) {
        const reason =
            error instanceof InvalidPemError ? error.message : `could not be read: ${(error as Error).message}`;
        return { failures: [{ property: "csr", reason }] };
    }
    const failures: CheckFailure[] = [];
    if (!csr.signatureValid) failures.push({ property: "csr", reason: "its signature does not verify" });
    const csrNames = [
        ...new Set(
            [csr.commonName, ...csr.dnsNames]
                .filter((candidate): candidate is string => Boolean(candidate))
                .map((candidate) => candidate.toLowerCase()),
        ),
    ];
    const effectiveName = name ?? (nameGiven ? undefined : csr.commonName);
    if (!nameGiven && !csr.commonName)
        failures.push({ property: "name", reason: "is required: the CSR has no common name" });
    else if (effectiveName && !csrNames.includes(effectiveName.toLowerCase())) {
        failures.push({
            property: "name",
            reason: `${effectiveName} contradicts the CSR, which names ${csrNames.join(", ")}`,
        });
    }
    alternatives.forEach((alternative, index) => {
        if (alternative !== undefined && !csrNames.includes(alternative.toLowerCase())) {
            failures.push({
                property: `subjectAlternativeNames[${index}]`,
                reason: `${alternative} is not in the CSR, which names ${csrNames.join(", ")}`,
            });
        }
    });
    return { failures, commonName: csr.commonName };
}
