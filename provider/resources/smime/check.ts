import { InvalidPemError, parseCsr } from "../../x509";
import { CheckOutcome, validateInputs, withoutProviderKey } from "../check";
import { containsUnknown } from "../unknowns";
import { smimeCrossPropertyProblems, SmimeInputs, smimeInputsSchema } from "./inputs";

/**
 * `check` of SmimeCertificate: every input validated and named, no API call; a given CSR must name the mailbox.
 * At preview, values not known yet are left for `up` and everything else is checked.
 */
export async function checkSmimeInputs(news: Record<string, unknown>): Promise<CheckOutcome<SmimeInputs>> {
    const raw = withoutProviderKey(news);
    const { parsed, failures, pending } = validateInputs(smimeInputsSchema, raw, smimeCrossPropertyProblems(raw));
    if (failures.length > 0) return { failures };
    if (typeof raw.csr === "string" && !containsUnknown(raw.csr)) {
        try {
            const csr = await parseCsr(raw.csr);
            const names = [csr.commonName, ...csr.emailAddresses, csr.subject.emailAddress]
                .filter(Boolean)
                .map((name) => name!.toLowerCase());
            if (
                typeof raw.email === "string" &&
                !containsUnknown(raw.email) &&
                !names.includes(raw.email.toLowerCase())
            ) {
                return {
                    failures: [
                        {
                            property: "csr",
                            reason: `does not name ${raw.email} (it names ${names.join(", ") || "no mailbox"})`,
                        },
                    ],
                };
            }
        } catch (error) {
            return {
                failures: [
                    {
                        property: "csr",
                        reason: error instanceof InvalidPemError ? error.message : (error as Error).message,
                    },
                ],
            };
        }
    }
    return { inputs: pending ? (raw as SmimeInputs) : parsed, failures: [] };
}
