import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { request } from "undici";
import { generateKeyAndCsr } from "../../provider/x509";
import type { RunningSimulator } from "../../simulator/internetx";
import { basicAuthorization } from "../support/client";

/**
 * Raw HTTP against a started simulator, deliberately without the project's client: these tests pin the simulator
 * to the documents (InterNetX's ordering, reissue and S/MIME help pages, docs/wire-format.md), so a client bug cannot hide a simulator bug.
 */
export interface RawAnswer<T = any> {
    status: number;
    headers: Record<string, string | string[] | undefined>;
    text: string;
    body: T;
}

export type Credentials = { user: string; password: string; context: string };

export function credentialsOf(simulator: RunningSimulator): Credentials {
    return { user: simulator.user, password: simulator.password, context: simulator.context };
}

/** A JSON API call (basic auth + X-Domainrobot-Context); `body` is parsed when it is JSON. */
export async function jsonCall(
    simulator: RunningSimulator,
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    payload?: unknown,
    credentials: Credentials = credentialsOf(simulator),
): Promise<RawAnswer> {
    const response = await request(`${simulator.url}${path}`, {
        method,
        headers: {
            authorization: basicAuthorization(credentials.user, credentials.password),
            "x-domainrobot-context": credentials.context,
            // "JSON API Basics": a User-Agent is mandatory.
            "user-agent": "simulator-tests/1",
            ...(payload === undefined ? {} : { "content-type": "application/json" }),
        },
        body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const text = await response.body.text();
    let body: unknown;
    try {
        body = text ? JSON.parse(text) : undefined;
    } catch {
        body = undefined;
    }
    return { status: response.statusCode, headers: response.headers, text, body };
}

const builder = new XMLBuilder({ cdataPropName: "__cdata", format: false });
const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    isArray: (name) =>
        [
            "msg",
            "authentication",
            "certification_authority",
            "address",
            "approver_email",
            "contact",
            "subject_alternative_name",
            "certificate_job",
        ].includes(name),
});

/** `<request><auth/><task><code/>…</task></request>` built from a tree (InterNetX help "Ordering SSL Certificates"), credentials first. */
export function xmlRequest(credentials: Credentials, code: string, task: Record<string, unknown> = {}): string {
    return builder.build({
        request: {
            auth: { user: credentials.user, password: credentials.password, context: credentials.context },
            task: { code, ...task },
        },
    });
}

/** POSTs an XML document to the gateway; `body` is the parsed `<response>` (every value a string). */
export async function xmlCall(simulator: RunningSimulator, document: string): Promise<RawAnswer> {
    // "XML API Basics": the content type is application/xml.
    const response = await request(simulator.xmlUrl, {
        method: "POST",
        headers: { "content-type": "application/xml; charset=utf-8" },
        body: document,
    });
    const text = await response.body.text();
    let body: unknown;
    try {
        body = parser.parse(text, true).response;
    } catch {
        body = undefined;
    }
    return { status: response.statusCode, headers: response.headers, text, body };
}

export async function xmlTask(
    simulator: RunningSimulator,
    code: string,
    task: Record<string, unknown> = {},
): Promise<RawAnswer> {
    return xmlCall(simulator, xmlRequest(credentialsOf(simulator), code, task));
}

/** A test-only admin endpoint (`/__simulator`). */
export async function adminCall(
    simulator: RunningSimulator,
    method: "GET" | "POST" | "DELETE",
    path: string,
    payload?: unknown,
): Promise<RawAnswer> {
    const response = await request(`${simulator.adminUrl}${path}`, {
        method,
        headers: payload === undefined ? {} : { "content-type": "application/json" },
        body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const text = await response.body.text();
    return { status: response.statusCode, headers: response.headers, text, body: text ? JSON.parse(text) : undefined };
}

export async function rsaCsr(commonName: string, subjectAlternativeNames: string[] = []): Promise<string> {
    return (
        await generateKeyAndCsr({
            key: { algorithm: "RSA", rsaBits: 2048 },
            commonName,
            subjectAlternativeNames,
            subject: {
                organization: "Company GmbH",
                country: "DE",
                state: "BY",
                locality: "Regensburg",
                organizationalUnit: "Entwicklung",
            },
        })
    ).csrPem;
}

export const seedContact = {
    fname: "John",
    lname: "Doe",
    phone: "+49-123-12345",
    fax: "+49-123-12345",
    email: "john.doe@example.com",
    title: "Admin",
    organization: "Company",
    address: ["123 Main Street"],
    pcode: "12345",
    city: "Anytown",
    country: "DE",
    state: "BY",
};

/** Prepares and places a DNS-validated (provisioned) QuickSSLPremium order over JSON; answers the job id and CSR. */
export async function placeJsonOrder(
    simulator: RunningSimulator,
    name: string,
    contactId: number,
    options: { provisioning?: boolean; sans?: string[]; method?: "DNS" | "FILE"; comment?: string } = {},
): Promise<{ jobId: number; csrPem: string; dns: string; file: { fileName: string; fileContent: string } }> {
    const csrPem = await rsaCsr(name, options.sans);
    const prepared = await jsonCall(simulator, "POST", "/certificate/_prepareOrder", {
        plain: csrPem,
        product: "QUICKSSLPREMIUM",
    });
    const authentications = prepared.body.data[0].authentication as {
        method: string;
        dns?: string;
        fileName?: string;
        fileContent?: string;
    }[];
    const dns = authentications.find((entry) => entry.method === "DNS")!.dns!;
    const { fileName, fileContent } = authentications.find((entry) => entry.method === "FILE")! as {
        fileName: string;
        fileContent: string;
    };
    const created = await jsonCall(simulator, "POST", "/certificate", {
        adminContact: { id: contactId },
        technicalContact: { id: contactId },
        name,
        lifetime: { unit: "MONTH", period: 12 },
        software: "APACHESSL",
        csr: csrPem,
        product: "QUICKSSLPREMIUM",
        authentication:
            options.method === "FILE"
                ? { method: "FILE", fileName, fileContent }
                : { method: "DNS", dns, provisioning: options.provisioning ?? true },
        ...(options.comment === undefined ? {} : { comment: options.comment }),
    });
    if (created.status !== 200) throw new Error(`order of ${name} refused: ${created.text}`);
    return { jobId: created.body.data[0].id, csrPem, dns, file: { fileName, fileContent } };
}

/**
 * Reads the job over JSON until it has left Certificate Job Info (EF300101: finished) or the deadline passes, and
 * answers its ObjectJob from the job history (POST /job/history/_search), or the running one at the deadline.
 */
export async function waitForJob(simulator: RunningSimulator, jobId: number, timeoutMs = 10_000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const answer = await jsonCall(simulator, "GET", `/job/${jobId}`);
        if (answer.status === 404 && answer.body?.messages?.[0]?.code === "EF300101") {
            const history = await jsonCall(simulator, "POST", "/job/history/_search", {
                filters: [{ key: "id", value: String(jobId), operator: "EQUAL" }],
            });
            return history.body.data[0];
        }
        if (Date.now() > deadline) return answer.body?.data?.[0];
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}
