import { InvalidPemError, parseCsr } from "../../x509";
import { productProblem } from "../certificate/inputs";
import { CheckFailure, CheckOutcome, validateInputs, withoutProviderKey } from "../check";
import { containsUnknown } from "../unknowns";
import { DomainValidationInputs, domainValidationInputsSchema } from "./inputs";

/** `check` of DomainValidation: the CSR must be readable and the product known; values unknown at preview wait for `up`. */
export async function checkDomainValidationInputs(
    news: Record<string, unknown>,
): Promise<CheckOutcome<DomainValidationInputs>> {
    const raw = withoutProviderKey(news);
    const product = productProblem(raw.product, "FQDN");
    const crossProperty: CheckFailure[] = product ? [{ property: "product", reason: product }] : [];
    const { parsed, failures, pending } = validateInputs(domainValidationInputsSchema, raw, crossProperty);
    if (failures.length > 0) return { failures };
    if (typeof raw.csr === "string" && !containsUnknown(raw.csr)) {
        try {
            await parseCsr(raw.csr);
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
    return { inputs: pending ? (raw as DomainValidationInputs) : parsed, failures: [] };
}
