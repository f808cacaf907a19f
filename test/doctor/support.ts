import { request } from "undici";
import { Client as IspmanagerClient } from "../../provider/ispmanager/client";
import { Client } from "../../provider/internetx/client";
import { generateKeyAndCsr } from "../../provider/x509";
import { runDoctor, DoctorReport } from "../../provider/doctor/doctor";
import type { CheckResult } from "../../provider/doctor/result";
import { parseArguments } from "../../provider/doctor/settings";
import type { RunningSimulator } from "../../simulator/internetx";
import type { RunningIspmanagerSimulator } from "../../simulator/ispmanager";

/** POST to a simulator's test-only endpoints (`/__simulator`); anything but 2xx throws. */
export async function adminPost(adminUrl: string, path: string, body: unknown): Promise<void> {
    const response = await request(`${adminUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
    });
    const text = await response.body.text();
    if (response.statusCode >= 300)
        throw new Error(`simulator admin POST ${path}: HTTP ${response.statusCode} ${text}`);
}

/**
 * Runs the doctor as the command line does: arguments, and the passwords through `--config -` (the output of
 * `pulumi config --json --show-secrets`), never the environment of the test process.
 */
export async function doctorAgainst(
    argv: string[],
    stackConfig: Record<string, { value: string; secret: boolean }>,
): Promise<DoctorReport> {
    const environment = {};
    const settings = parseArguments([...argv, "--config", "-"], environment, () => JSON.stringify(stackConfig));
    return runDoctor(settings, environment);
}

export function internetxArguments(
    simulator: RunningSimulator,
    protocol: "json" | "xml",
    overrides: { password?: string; context?: string } = {},
) {
    return {
        argv: [
            "--backend",
            "internetx",
            "--url",
            simulator.url,
            "--xml-url",
            simulator.xmlUrl,
            "--user",
            simulator.user,
            "--context",
            overrides.context ?? simulator.context,
            "--protocol",
            protocol,
        ],
        config: { "internetx:password": { value: overrides.password ?? simulator.password, secret: true } },
    };
}

export function ispmanagerArguments(
    simulator: RunningIspmanagerSimulator,
    extra: string[] = [],
    password = simulator.password,
) {
    return {
        argv: [
            "--backend",
            "ispmanager",
            "--ispmanager-url",
            simulator.url,
            "--ispmanager-user",
            simulator.user,
            ...extra,
        ],
        config: { "ispmanager:password": { value: password, secret: true } },
    };
}

/** Stable text of a result: the simulator's stids and ports vary between runs. */
export function stable(result: CheckResult): CheckResult {
    const clean = (text: string) =>
        text.replace(/stid \d{8}-sim-\d+/g, "stid <stid>").replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:<port>");
    return {
        ...result,
        summary: clean(result.summary),
        evidence: clean(result.evidence),
        ...(result.hint ? { hint: clean(result.hint) } : {}),
    };
}

export const byCheck = (report: DoctorReport, check: string) => {
    const found = report.results.find((result) => result.check === check);
    if (!found) throw new Error(`no ${check} line in ${report.results.map((result) => result.check).join(", ")}`);
    return stable(found);
};

/** An order as the provider places it: a contact, prepare, and CertificateCreate carrying an order reference. */
export async function orderWithReference(
    simulator: RunningSimulator,
    protocol: "json" | "xml",
    name: string,
    reference: string,
): Promise<void> {
    const client = new Client({
        url: simulator.url,
        xmlUrl: simulator.xmlUrl,
        user: simulator.user,
        password: simulator.password,
        context: simulator.context,
        protocol,
        requestsPerSecond: 3,
    });
    try {
        const contact = await client.sslcontact.create({
            fname: "Ada",
            lname: "Lovelace",
            email: "hostmaster@example.com",
            phone: "+49-941-1234560",
            organization: "Example GmbH",
            address: ["Maximilianstrasse 36"],
            pcode: "93047",
            city: "Regensburg",
            country: "DE",
        });
        const { csrPem } = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: name });
        const prepared = await client.certificate.prepareOrder({ plain: csrPem, product: "QUICKSSLPREMIUM" });
        const dns = prepared.authentication.find((method) => method.method === "DNS")!.dns;
        await client.certificate.create({
            name,
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            csr: csrPem,
            adminContactId: contact.id,
            technicalContactId: contact.id,
            authentication: { method: "DNS", dns, provisioning: false },
            orderReference: reference,
        });
    } finally {
        await client.close();
    }
}

/** One BILLmanager order, so that the list has a row whose columns can be checked. */
export async function billmanagerOrder(simulator: RunningIspmanagerSimulator, domain: string): Promise<void> {
    const client = new IspmanagerClient({ url: simulator.url, user: simulator.user, password: simulator.password });
    const contact = {
        firstName: "Ivan",
        lastName: "Petrov",
        jobTitle: "CTO",
        email: "ivan@example.com",
        phone: "+7 495 1234567",
    };
    try {
        const own = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: domain });
        await client.certificate.order({
            pricelist: "55326",
            periodMonths: 12,
            crtType: "manual",
            domain,
            csr: own.csrPem,
            adminContact: contact,
            technicalContact: contact,
            approverEmails: [`admin@${domain}`],
            orderReference: "psm1-doctor-seed",
        });
    } finally {
        await client.close();
    }
}
