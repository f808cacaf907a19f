import { resolveClientOptions } from "../../internetx/config";
import type { StackConfig } from "../../lifecycle/context";
import { announceOrderClaim } from "../internetx/orderLookup";
import { clientOptionsFor } from "../connection";
import { containsUnknown } from "../unknowns";
import type { CertificateInputs } from "./inputs";

/**
 * `check` of a new Certificate (no recorded inputs) announces the claim its create will look for, with the same
 * reference, name and CSR (backend.ts `findPlacedOrder`), to the account's lookup rounds: the engine checks every new
 * resource when the program registers it but creates only a few at once, so the first round answers them all
 * (orderLookupRounds.ts). No request is sent here, so a preview sends none. Where anything is not known yet, or the
 * connection is incomplete, nothing is announced and the create looks for itself.
 */
export function announceNewCertificate(
    olds: Record<string, unknown>,
    inputs: Record<string, unknown> | undefined,
    stackConfig: StackConfig | undefined,
): void {
    if (!inputs || Object.keys(olds).length > 0 || containsUnknown(inputs)) return;
    const checked = inputs as unknown as CertificateInputs;
    if (!checked.orderReference || checked.importCertificateId) return;
    let account;
    try {
        account = resolveClientOptions(clientOptionsFor(checked.connection, stackConfig));
    } catch {
        return;
    }
    announceOrderClaim(account, { orderReference: checked.orderReference, name: checked.name, csrPem: checked.csr });
}
