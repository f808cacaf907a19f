import {
    ApiValidationError,
    AuthenticationError,
    InvalidInputError,
    MalformedResponseError,
    TransportError,
} from "../errors";
import type { ApproverMethod } from "../ispmanager/certificate";
import { Client } from "../ispmanager/client";
import { approverMethodNames, documentedTariffs, validationMethodRefusal } from "../ispmanager/products";
import { ispmanagerClientOptions, ispmanagerEndpoint } from "../resources/ispmanager/connection";
import { billmanagerAnswerEvidence, errorEvidence } from "./evidence";
import { rateResult } from "./internetxChecks";
import type { ExchangeRecorder } from "./recorder";
import { CheckResult, fail, open, pass } from "./result";
import type { DoctorSettings } from "./settings";
import { asText } from "../shared/text";

const backend = "ispmanager" as const;

/**
 * The columns of the list function `certificate` this provider reads (provider/ispmanager/schemas.ts): the id, the
 * domain (`CN`), the issuance state (`status_msg`), the item status code (`item_status_orig`, or `item_status` when it
 * is the code) and the tariff (`pricelist_id`, or `pricelist` when it is the id).
 */
export const readColumns: { column: string; alternatives: string[]; why: string }[] = [
    { column: "id", alternatives: [], why: "every certificate is found by it" },
    { column: "CN", alternatives: [], why: "findOrder matches the domain" },
    { column: "status_msg", alternatives: [], why: "the wait reads whether the CA issued" },
    {
        column: "item_status_orig",
        alternatives: ["item_status"],
        why: "a deleted or suspended service is told from an active one",
    },
    { column: "pricelist_id", alternatives: ["pricelist"], why: "the tariff of an order" },
];

/** An authentication failure that names the second factor (the words are inferred: docs/ispmanager.md). */
function namesSecondFactor(error: AuthenticationError): boolean {
    const words = [
        error.statusText,
        ...error.messages.flatMap((message) => [message.text, ...(message.objects ?? []).map(String)]),
    ].join(" ");
    return /two-factor|2fa|totp|one-time code/i.test(words);
}

/** `missed` naming `func`: the billing system has no such function (docs/ispmanager.md). */
function unknownFunction(error: unknown): boolean {
    return (
        error instanceof ApiValidationError &&
        error.statusCode === "missed" &&
        error.messages.some((message) => (message.objects ?? []).includes("func"))
    );
}

const approverMethodOf = (name: string): ApproverMethod | undefined =>
    (Object.keys(approverMethodNames) as ApproverMethod[]).find((method) => approverMethodNames[method] === name);

/** Every read-only BILLmanager check. */
export async function ispmanagerChecks(settings: DoctorSettings, recorder: ExchangeRecorder): Promise<CheckResult[]> {
    let client: Client;
    try {
        client = new Client({
            ...ispmanagerClientOptions(settings.ispmanager, settings.stackConfig),
            maxAttempts: 3,
            exchangeObserver: recorder.observer,
        });
    } catch (error) {
        const property = error instanceof InvalidInputError ? error.property : "connection";
        return [
            fail(
                backend,
                "settings",
                (error as Error).message,
                "read from the arguments, the stack config (ispmanager:*) and the environment (ISPMANAGER_*)",
                `set ${property === "connection" ? "the missing settings" : property}: see "ispmanager BILLmanager" in the README`,
            ),
        ];
    }
    const results: CheckResult[] = [];
    try {
        await readChecks(settings, client, recorder, results);
        if (recorder.exchanges.length > 0) results.push(rateResult(backend, recorder));
        return results;
    } finally {
        await client.close();
    }
}

async function readChecks(
    settings: DoctorSettings,
    client: Client,
    recorder: ExchangeRecorder,
    results: CheckResult[],
): Promise<void> {
    const endpoint = ispmanagerEndpoint(settings.ispmanager, settings.stackConfig);
    const mark = recorder.mark();
    let listed: { rows: number; columns: string[] } | undefined;
    let failure: unknown;
    try {
        listed = await client.certificate.listColumns();
    } catch (error) {
        failure = error;
    }
    const last = recorder.since(mark).at(-1);
    const evidence = failure
        ? `${errorEvidence(failure)}${last ? `, transcript line ${last.line}` : ""}`
        : billmanagerAnswerEvidence(last);
    if (failure instanceof TransportError && !failure.requestSent) {
        return void results.push(
            fail(
                backend,
                "url",
                `nothing answers at ${endpoint.url} (${failure.cause === undefined ? "" : asText(failure.cause)})`,
                evidence,
                `check the URL (from ${endpoint.origin}): ispmanager's billing system is https://api-eu.ispmanager.com/billmgr`,
            ),
        );
    }
    if (failure instanceof MalformedResponseError) {
        return void results.push(
            fail(
                backend,
                "url",
                `${endpoint.url} answers HTTP ${failure.httpStatus ?? "?"}, but not with a BILLmanager document`,
                evidence,
                `the URL reaches another server or path (from ${endpoint.origin}): the function endpoint ends in /billmgr`,
            ),
        );
    }
    results.push(pass(backend, "url", `${endpoint.url} answers with BILLmanager documents`, evidence));
    if (failure instanceof AuthenticationError) {
        if (namesSecondFactor(failure)) {
            return void results.push(
                fail(
                    backend,
                    "two-factor",
                    `the account ${client.options.user} has two-factor authentication, which the API cannot use`,
                    evidence,
                    'disable 2FA for this account or use another account without it ("Reselling SSL certificates through BILLmanager")',
                ),
            );
        }
        return void results.push(
            fail(
                backend,
                "authinfo",
                `the billing system refused authinfo for ${client.options.user}`,
                evidence,
                "set the password again: pulumi config set --secret ispmanager:password (or ISPMANAGER_PASSWORD); an account with two-factor authentication is refused the same way",
            ),
        );
    }
    results.push(pass(backend, "authinfo", `authinfo for ${client.options.user} accepted`, evidence));
    results.push(pass(backend, "two-factor", "the account answers without a second factor", evidence));
    if (unknownFunction(failure)) {
        return void results.push(
            fail(
                backend,
                "ssl-module",
                "the billing system has no function certificate: the SSL reselling module is missing",
                evidence,
                "this account's billing system does not resell SSL certificates: ask ispmanager to enable SSL reselling for it, or use the account that has it",
            ),
        );
    }
    if (failure || !listed)
        return void results.push(
            fail(
                backend,
                "ssl-module",
                "the list function certificate failed",
                evidence,
                "see the evidence; repeat the doctor when the billing system answers again",
            ),
        );
    results.push(
        pass(backend, "ssl-module", `the SSL reselling functions answer: ${listed.rows} certificates listed`, evidence),
    );
    results.push(columnsResult(listed, evidence));
    results.push(...(await tariffChecks(client, recorder, settings)));
}

function columnsResult(listed: { rows: number; columns: string[] }, evidence: string): CheckResult {
    if (listed.rows === 0)
        return open(
            backend,
            "columns",
            "the account has no certificate, so the list shows no columns to check",
            evidence,
            "run the doctor again after the first order, before relying on the wait",
        );
    const missing = readColumns.filter(
        (entry) =>
            !listed.columns.includes(entry.column) &&
            !entry.alternatives.some((alternative) => listed.columns.includes(alternative)),
    );
    if (missing.length === 0)
        return pass(
            backend,
            "columns",
            `the list carries the columns this provider reads: ${readColumns.map((entry) => entry.column).join(", ")}`,
            evidence,
        );
    return fail(
        backend,
        "columns",
        `the list lacks ${missing.map((entry) => `${entry.column} (${entry.why})`).join(", ")}; it has ${listed.columns.join(", ")}`,
        evidence,
        "this billing system's version names its columns differently: report this line with the version, and do not rely on the wait until it is read",
    );
}

/**
 * The tariff the program orders: `certificate.order.csr` without `sok` answers the country list for a tariff and
 * period the billing system offers and refuses the others ("Reselling SSL certificates"); the validation methods come
 * from the documented table (docs/ispmanager.md), since no function lists them without ordering.
 */
async function tariffChecks(
    client: Client,
    recorder: ExchangeRecorder,
    settings: DoctorSettings,
): Promise<CheckResult[]> {
    if (!settings.tariff) return [];
    const tariff = settings.tariff;
    const periods = settings.periodMonths
        ? [settings.periodMonths]
        : (documentedTariffs[tariff]?.periodsMonths ?? [12, 24]);
    const results: CheckResult[] = [];
    for (const periodMonths of periods) {
        const mark = recorder.mark();
        try {
            const countries = await client.certificate.countries({ pricelist: tariff, periodMonths });
            results.push(
                pass(
                    backend,
                    `tariff ${tariff} ${periodMonths} months`,
                    `tariff ${tariff}${documentedTariffs[tariff] ? ` (${documentedTariffs[tariff].name})` : ""} is offered for ${periodMonths} months (${countries.length} countries)`,
                    billmanagerAnswerEvidence(recorder.since(mark).at(-1)),
                ),
            );
        } catch (error) {
            const evidence = `${errorEvidence(error)}, transcript line ${recorder.since(mark).at(-1)?.line ?? "?"}`;
            const refusedField = error instanceof ApiValidationError ? error.messages[0]?.objects?.[0] : undefined;
            const summary =
                refusedField === "period"
                    ? `tariff ${tariff} is not offered for ${periodMonths} months`
                    : refusedField === "pricelist"
                      ? `the billing system has no tariff ${tariff}`
                      : `certificate.order.csr for tariff ${tariff} failed`;
            const hint =
                refusedField === "period"
                    ? "set periodMonths to a period the tariff offers"
                    : 'set pricelist to a tariff id of your price list ("SSL certificate ID\'s" in ispmanager\'s "Reselling SSL certificates")';
            results.push(fail(backend, `tariff ${tariff} ${periodMonths} months`, summary, evidence, hint));
        }
    }
    if (settings.validationMethod) {
        const method = approverMethodOf(settings.validationMethod);
        const refusal = method
            ? validationMethodRefusal(tariff, method)
            : `unknown method ${settings.validationMethod}`;
        const evidence = documentedTariffs[tariff]?.validationMethods
            ? "the documented tariff table (docs/ispmanager.md); no function lists the methods without ordering"
            : "the sources name no validation methods for this tariff; the billing system decides at the order";
        results.push(
            refusal
                ? fail(
                      backend,
                      `validation ${settings.validationMethod}`,
                      refusal,
                      evidence,
                      "choose a validation method the tariff offers",
                  )
                : pass(
                      backend,
                      `validation ${settings.validationMethod}`,
                      `tariff ${tariff} takes ${settings.validationMethod} validation`,
                      evidence,
                  ),
        );
    }
    return results;
}
