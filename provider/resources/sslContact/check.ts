import { CheckOutcome, validateInputs, withoutProviderKey } from "../check";
import { SslContactInputs, sslContactInputsSchema } from "./inputs";

/** `check` of SslContact: every field validated and named, no API call; values unknown at preview are checked at `up`. */
export function checkSslContactInputs(news: Record<string, unknown>): CheckOutcome<SslContactInputs> {
    const raw = withoutProviderKey(news);
    const { parsed, failures, pending } = validateInputs(sslContactInputsSchema, raw, []);
    if (failures.length > 0) return { failures };
    return { inputs: pending ? (raw as SslContactInputs) : parsed, failures: [] };
}
