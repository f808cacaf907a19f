import { asText } from "../../shared/text";
import { approverMethodNames, documentedTariffs, validationMethodRefusal } from "../../ispmanager/products";
import type { ApproverMethod } from "../../ispmanager/certificate";
import { InvalidPemError, parseCsr } from "../../x509";
import { CheckFailure, validateInputs, withoutProviderKey } from "../check";
import { containsUnknown } from "../unknowns";
import {
    crossPropertyProblems as crossProperty,
    IspmanagerCertificateInputs,
    ispmanagerCertificateInputsSchema,
} from "./inputs";

export interface IspmanagerCertificateCheck {
    inputs?: IspmanagerCertificateInputs;
    failures: CheckFailure[];
    /** What is accepted but probably not what the program means; the provider shows these at preview (the engine's Log, severity warning). */
    warnings: string[];
}

/**
 * approverEmails given with a validation method that sends no approval e-mail: the order goes through, but the CA
 * waits for a DNS record, a file or a CNAME nobody was told to publish. BILLmanager sends `approver_email_N` with
 * every order and the CA mails those addresses only for e-mail validation (`approver_method=auth_email`, ispmanager
 * help "Reselling SSL certificates"). Unknown values (a preview) warn nothing.
 */
export function unusedApproverEmailsWarning(news: Record<string, unknown>): string | undefined {
    const { approverEmails, validationMethod } = news;
    if (
        approverEmails === null ||
        typeof approverEmails !== "object" ||
        Array.isArray(approverEmails) ||
        containsUnknown(approverEmails)
    )
        return undefined;
    if (Object.keys(approverEmails).length === 0 || containsUnknown(validationMethod) || validationMethod === "EMAIL")
        return undefined;
    const method = typeof validationMethod === "string" ? validationMethod : undefined;
    const checked = { DNS: "a DNS TXT record", CNAME: "a CNAME record", FILE: "a file on the web server" }[
        method ?? "DNS"
    ];
    if (!checked) return undefined;
    const addresses = Object.values(approverEmails as Record<string, unknown>)
        .map(asText)
        .join(", ");
    const given = method ? `validationMethod is ${method}` : "no validationMethod is given, so it is DNS (the default)";
    return `approverEmails (${addresses}) are unused: ${given}, where the CA checks ${checked} and sends no approval e-mail. Set validationMethod: "EMAIL" to have the CA send its approval e-mail to these addresses, or remove approverEmails.`;
}

/**
 * `check` of ispmanager.Certificate: every input validated, failures naming the property, no request sent. A given CSR
 * must be for `domain` and name exactly the certificate's domains, because a reissue with a new CSR takes its names
 * from the CSR (docs/ispmanager.md). Values unknown at preview are left for `up`; everything known is checked.
 */
export async function checkIspmanagerCertificateInputs(
    news: Record<string, unknown>,
): Promise<IspmanagerCertificateCheck> {
    const raw = withoutProviderKey(news);
    const warning = unusedApproverEmailsWarning(raw);
    return { ...(await checkedInputs(raw)), warnings: warning ? [warning] : [] };
}

async function checkedInputs(raw: Record<string, unknown>): Promise<Omit<IspmanagerCertificateCheck, "warnings">> {
    const {
        parsed,
        failures: invalid,
        pending,
    } = validateInputs(ispmanagerCertificateInputsSchema, raw, crossProperty(raw));
    if (invalid.length > 0) return { failures: invalid };
    if (pending || !parsed) return { inputs: raw as IspmanagerCertificateInputs, failures: [] };
    const inputs = withDefaultAddon(parsed);
    // A product that does not offer the method would take the order and never validate it (provider/ispmanager/products.ts).
    const method = (Object.keys(approverMethodNames) as ApproverMethod[]).find(
        (candidate) => approverMethodNames[candidate] === inputs.validationMethod,
    )!;
    const refusal = validationMethodRefusal(inputs.pricelist, method);
    if (refusal)
        return {
            failures: [
                { property: "validationMethod", reason: `${inputs.validationMethod} is not offered: ${refusal}` },
            ],
        };
    if (!inputs.csr || containsUnknown(inputs.csr)) return { inputs, failures: [] };
    let csr;
    try {
        csr = await parseCsr(inputs.csr);
    } catch (error) {
        return {
            failures: [
                {
                    property: "csr",
                    reason:
                        error instanceof InvalidPemError
                            ? error.message
                            : `could not be read: ${(error as Error).message}`,
                },
            ],
        };
    }
    const failures: CheckFailure[] = [];
    if (!csr.signatureValid) failures.push({ property: "csr", reason: "its signature does not verify" });
    if ((csr.commonName ?? "").toLowerCase() !== inputs.domain.toLowerCase()) {
        failures.push({
            property: "domain",
            reason: `${inputs.domain} contradicts the CSR, whose common name is ${csr.commonName ?? "missing"}`,
        });
    }
    const csrNames = new Set(
        csr.dnsNames.map((name) => name.toLowerCase()).filter((name) => name !== (csr.commonName ?? "").toLowerCase()),
    );
    const wanted = new Set((inputs.altNames ?? []).map((name) => name.toLowerCase()));
    (inputs.altNames ?? []).forEach((name, index) => {
        if (!csrNames.has(name.toLowerCase()))
            failures.push({ property: `altNames[${index}]`, reason: `${name} is not in the CSR` });
    });
    const extra = [...csrNames].filter((name) => !wanted.has(name));
    if (extra.length > 0)
        failures.push({
            property: "altNames",
            reason: `the CSR also names ${extra.join(", ")}; list every name of the CSR`,
        });
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
