import {
    ApiValidationError,
    AuthenticationError,
    InvalidInputError,
    MalformedResponseError,
    SslManagerError,
    TransportError,
} from "../errors";
import { Client } from "../internetx/client";
import { ClientOptions, systemOf } from "../internetx/config";
import { knownProducts } from "../internetx/products";
import { clientOptionsFor, connectionEndpoint } from "../resources/connection";
import type { EndpointOrigin } from "../resources/endpoint";
import { generateKeyAndCsr } from "../x509";
import { commentChecks } from "./commentChecks";
import { recordedStep } from "./evidence";
import type { ExchangeRecorder } from "./recorder";
import { CheckResult, fail, pass } from "./result";
import type { DoctorSettings } from "./settings";
import { asText } from "../shared/text";

const backend = "internetx" as const;
/** "Only 3 requests per second and IP can be executed" ("JSON API Basics", "XML API Basics"). */
export const publishedRequestsPerSecond = 3;
/** The name prepare orders are checked with: a CSR for it is made here and thrown away (CertificatePrepareOrder orders nothing). */
export const throwawayName = "pulumi-sslmanager-doctor.example.com";
/** How often a failed read is tried: a doctor answers quickly rather than waiting out every backoff. */
const doctorAttempts = 3;

/** The client options a doctor run uses: the resources' own merge (argument, stack config, environment) plus the recorder. */
export function doctorClientOptions(settings: DoctorSettings, recorder: ExchangeRecorder): ClientOptions {
    return {
        ...clientOptionsFor(settings.internetx, settings.stackConfig),
        maxAttempts: doctorAttempts,
        exchangeObserver: recorder.observer,
    };
}

/** Where the URL in use came from, in the words `pulumi config` uses. */
function endpointOf(settings: DoctorSettings): EndpointOrigin {
    return connectionEndpoint(settings.internetx, settings.stackConfig);
}

/** The URL line from the first request's outcome: DNS, TLS, nothing listening, or an answer that is not the gateway's. */
export function urlResult(error: unknown, endpoint: EndpointOrigin, evidence: string): CheckResult {
    if (error instanceof TransportError && !error.requestSent) {
        const code = error.cause === undefined ? "" : asText(error.cause);
        const host = new URL(endpoint.url).host;
        if (code === "ENOTFOUND" || code === "EAI_AGAIN")
            return fail(
                backend,
                "url",
                `the name ${new URL(endpoint.url).hostname} does not resolve (DNS)`,
                evidence,
                `check the URL (${endpoint.url}, from ${endpoint.origin}) and this machine's DNS`,
            );
        if (code.includes("CERT") || code.includes("SELF_SIGNED") || code.includes("VERIFY"))
            return fail(
                backend,
                "url",
                `${host} answers TLS with a certificate this machine does not trust (${code})`,
                evidence,
                "a proxy that intercepts TLS needs its CA in connection.caCertificatePem; InterNetX's own addresses carry publicly trusted certificates",
            );
        return fail(
            backend,
            "url",
            `nothing answers at ${host} (${code})`,
            evidence,
            `check the URL (${endpoint.url}, from ${endpoint.origin}) and any firewall between this machine and it`,
        );
    }
    if (error instanceof MalformedResponseError) {
        return fail(
            backend,
            "url",
            `${endpoint.url} answers HTTP ${error.httpStatus ?? "?"}, but not with InterNetX's response envelope`,
            evidence,
            `the URL reaches another server or path: JSON wants …/v1 (https://api.autodns.com/v1), XML the gateway (https://gateway.autodns.com); it came from ${endpoint.origin}`,
        );
    }
    // The first request is a list every account has: HTTP 404 to it, even in the API's own envelope, is a path
    // that is not the API's (a wrong version or gateway path), not a missing object.
    if (error instanceof SslManagerError && error.httpStatus === 404) {
        return fail(
            backend,
            "url",
            `${endpoint.url} answers HTTP 404 to ${error.task ?? "a list"}, a route every account has`,
            evidence,
            `the URL reaches another server or path: JSON wants …/v1 (https://api.autodns.com/v1), XML the gateway (https://gateway.autodns.com); it came from ${endpoint.origin}`,
        );
    }
    return pass(
        backend,
        "url",
        `${endpoint.url} answers with InterNetX's ${error instanceof SslManagerError ? "error " : ""}envelope`,
        evidence,
    );
}

/**
 * User, password and context. A wrong context is answered as an unknown user (go-acme/lego issue 2080: without the
 * right context the API answers "user not found"), a wrong password as an authentication failure.
 */
export function credentialsResult(
    error: unknown,
    options: { user: string; context: string },
    evidence: string,
): CheckResult | undefined {
    if (!(error instanceof AuthenticationError)) return undefined;
    const texts = [error.statusText, ...error.messages.map((message) => message.text)].join(" ");
    if (/user\b.*\bnot found|unknown user/i.test(texts)) {
        return fail(
            backend,
            "credentials",
            `the API knows no user "${options.user}" in context ${options.context}`,
            evidence,
            "set the context InterNetX gave you (pulumi config set internetx:context N, or AUTODNS_CONTEXT; 4 for the live AutoDNS system, 1 for the demo system) and check internetx:user",
        );
    }
    return fail(
        backend,
        "credentials",
        `the API refused the password of user "${options.user}" (context ${options.context})`,
        evidence,
        "set the password again: pulumi config set --secret internetx:password (or AUTODNS_PASSWORD); a locked or expired password is reset in the InterNetX interface",
    );
}

function systemResult(client: Client, endpoint: EndpointOrigin): CheckResult {
    const url = client.protocol === "xml" ? client.options.xmlUrl : client.options.url;
    const system = systemOf(url);
    const words = {
        live: "the live system: orders placed through it are paid",
        demo: "the demo system: orders are free and never issued by a real CA",
        other: "neither InterNetX address (a simulator, a proxy or a reseller's gateway): what it answers decides",
    }[system];
    return pass(
        backend,
        "system",
        `${url} is ${words}`,
        `host ${new URL(url).host}, context ${client.options.context}, from ${endpoint.origin}${client.options.demo ? ", demo: true" : ""}`,
    );
}

const deniedHint = (what: string) =>
    `the user's ACLs do not allow ${what}: ask InterNetX (or the account's administrator) to grant the SSL Manager tasks to this user`;

/** Every read-only InterNetX check, in the order a first order needs them. */
export async function internetxChecks(settings: DoctorSettings, recorder: ExchangeRecorder): Promise<CheckResult[]> {
    const results: CheckResult[] = [];
    let client: Client;
    try {
        client = new Client(doctorClientOptions(settings, recorder));
    } catch (error) {
        const property = error instanceof InvalidInputError ? error.property : "connection";
        return [
            fail(
                backend,
                "settings",
                (error as Error).message,
                `read from the arguments, the stack config (internetx:*) and the environment (AUTODNS_*)`,
                `set ${property === "connection" ? "the missing settings" : property}: see "Configuration" in the README`,
            ),
        ];
    }
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
    const endpoint = endpointOf(settings);
    results.push(systemResult(client, endpoint));
    const contacts = await recordedStep(recorder, () => client.sslcontact.list({ view: { limit: 1, offset: 0 } }));
    results.push(urlResult(contacts.error, endpoint, contacts.evidence));
    if (results.at(-1)!.outcome === "fail") return;
    const refused = credentialsResult(contacts.error, client.options, contacts.evidence);
    if (refused) return void results.push(refused);
    if (!contacts.value)
        return void results.push(
            fail(
                backend,
                "credentials",
                "the first request failed, so the credentials could not be checked",
                contacts.evidence,
                "see the evidence; repeat the doctor when the API answers again",
            ),
        );
    results.push(
        pass(
            backend,
            "credentials",
            `user "${client.options.user}" in context ${client.options.context} accepted`,
            contacts.evidence,
        ),
    );
    results.push(
        pass(
            backend,
            "contacts",
            `SSL contacts can be listed: ${contacts.value.total} in the account`,
            contacts.evidence,
        ),
    );
    const certificates = await recordedStep(recorder, () =>
        client.certificate.list({ view: { limit: 100, offset: 0 } }),
    );
    results.push(
        certificates.value
            ? pass(
                  backend,
                  "certificates",
                  `certificates can be listed: ${certificates.value.total} in the account`,
                  certificates.evidence,
              )
            : fail(
                  backend,
                  "certificates",
                  "certificates cannot be listed",
                  certificates.evidence,
                  deniedHint("CertificateList (400105)"),
              ),
    );
    results.push(...(await commentChecks(client, recorder, certificates.value?.certificates)));
    const jobs = await recordedStep(recorder, () => client.job.list({}));
    results.push(
        jobs.value
            ? pass(
                  backend,
                  "job-list",
                  `Certificate Job List answers: ${jobs.value.length} running orders`,
                  jobs.evidence,
              )
            : fail(
                  backend,
                  "job-list",
                  "Certificate Job List (400115) does not answer",
                  jobs.evidence,
                  `${deniedHint("Certificate Job List")}; the provider waits for orders through it`,
              ),
    );
    const history = await recordedStep(recorder, () => client.job.histories([]));
    results.push(
        history.value
            ? pass(
                  backend,
                  "job-history",
                  `the job history answers: ${history.value.length} finished jobs on its first page`,
                  history.evidence,
              )
            : fail(
                  backend,
                  "job-history",
                  "the job history (400135) does not answer",
                  history.evidence,
                  `${deniedHint("the job history")}; the provider reads how an order ended from it`,
              ),
    );
    const poll = await recordedStep(recorder, () => client.poll.info());
    results.push(
        poll.value
            ? pass(
                  backend,
                  "poll",
                  `the poll queue is readable: ${poll.value.pending} unconfirmed messages wait${poll.value.pending > 0 ? ' (another tool reading this queue takes the messages waitStrategy "notifications" waits for)' : ""}`,
                  poll.evidence,
              )
            : fail(
                  backend,
                  "poll",
                  "the poll queue (PollInfo 0905) is not readable",
                  poll.evidence,
                  `${deniedHint("PollInfo")}; only waitStrategy "notifications" needs it`,
              ),
    );
    results.push(...(await productChecks(client, recorder, settings.products)));
}

/** CertificatePrepareOrder per product ("Ordering SSL Certificates"): free, and it refuses a product the account cannot order. */
async function productChecks(
    client: Client,
    recorder: ExchangeRecorder,
    wanted: string[] | undefined,
): Promise<CheckResult[]> {
    const products =
        wanted ??
        Object.entries(knownProducts)
            .filter(([, rule]) => rule.certificateType === "FQDN")
            .map(([product]) => product);
    const { csrPem } = await generateKeyAndCsr({
        key: { algorithm: "ECDSA", curve: "P256" },
        commonName: throwawayName,
    });
    const results: CheckResult[] = [];
    for (const product of products) {
        const prepared = await recordedStep(recorder, () =>
            client.certificate.prepareOrder({ plain: csrPem, product }),
        );
        if (prepared.value)
            results.push(
                pass(
                    backend,
                    `product ${product}`,
                    `CertificatePrepareOrder accepts ${product} (${prepared.value.authentication.map((method) => method.method).join(", ")} validation offered)`,
                    prepared.evidence,
                ),
            );
        else if (prepared.error instanceof ApiValidationError)
            results.push(
                fail(
                    backend,
                    `product ${product}`,
                    `CertificatePrepareOrder refuses ${product}`,
                    prepared.evidence,
                    `this account cannot order ${product}: choose another product or ask InterNetX to enable it`,
                ),
            );
        else
            results.push(
                fail(
                    backend,
                    `product ${product}`,
                    `CertificatePrepareOrder for ${product} failed`,
                    prepared.evidence,
                    "see the evidence; repeat the doctor when the API answers again",
                ),
            );
    }
    return results;
}

/** The pace of this run: at most 3 request starts in any second, and no answer HTTP 429. */
export function rateResult(which: CheckResult["backend"], recorder: ExchangeRecorder): CheckResult {
    const peak = recorder.peakRequestsPerSecond();
    const refused = recorder.refusedForRate();
    const evidence = `${recorder.exchanges.length} requests, at most ${peak} in any second${refused.length > 0 ? `, ${refused.length} refused with HTTP 429 (transcript lines ${refused.map((exchange) => exchange.line).join(", ")})` : ", none refused"}`;
    if (refused.length > 0) {
        return fail(
            which,
            "rate",
            `the API refused requests with HTTP 429 (Too Many Requests) although this run kept to ${publishedRequestsPerSecond} per second`,
            evidence,
            "another program on this IP address uses the same limit (3 requests per second and IP): run pulumi up when it is idle, or lower connection.requestsPerSecond",
        );
    }
    if (peak > publishedRequestsPerSecond)
        return fail(
            which,
            "rate",
            `this run sent ${peak} requests in one second`,
            evidence,
            "requestsPerSecond is set above 3: leave it unset",
        );
    return pass(which, "rate", `requests stayed within ${publishedRequestsPerSecond} per second`, evidence);
}
