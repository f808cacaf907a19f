import { Client } from "../provider/internetx/client";
import { checkCertificateInputs } from "../provider/resources/certificate/check";
import { createCertificate, decideFromProperties, readCertificate } from "../provider/resources/certificate/lifecycle";
import { configureFromStack } from "../provider/resources/connection";
import { systemClock } from "../provider/resources/wait/clock";
import { generateKeyAndCsr } from "../provider/x509";
import { RunningSimulator } from "../simulator/internetx";
import { SimulatorAdmin } from "../test/support/simulatorAdmin";

// InterNetX's own SDK, for the baseline: the documented flow (seeds 001/002).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DomainRobot } = require("js-domainrobot-sdk");

export interface Measurement {
    wallMs: number;
    requestsByTask: Record<string, number>;
    requests: number;
    peakRssMb: number;
}

export interface OursMeasurement extends Measurement {
    previewRequests: number;
    previewMs: number;
    refreshRequests: number;
    refreshMs: number;
}

const taskNames: Record<string, string> = {
    "400201": "contact",
    "400110": "prepare",
    "400101": "create",
    "400104": "info",
    "400105": "search",
    "0504": "job",
    "0905": "poll",
    "0906": "confirm",
};

async function requestCounts(admin: SimulatorAdmin): Promise<{ requests: number; requestsByTask: Record<string, number> }> {
    const log = await admin.requests();
    const requestsByTask: Record<string, number> = {};
    for (const entry of log) {
        const task = taskNames[entry.taskCode ?? ""] ?? entry.taskCode ?? "other";
        requestsByTask[task] = (requestsByTask[task] ?? 0) + 1;
    }
    return { requests: log.length, requestsByTask };
}

/** Samples the resident set size while `work` runs. */
async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
        const result = await work();
        return { result, peakRssMb: Math.round((Math.max(peak, process.memoryUsage().rss) / 1048576) * 10) / 10 };
    } finally {
        clearInterval(timer);
    }
}

/**
 * Confirms every queued notification, as the account's other consumers would have: each scenario starts with an
 * empty queue (the job strategy leaves its messages for others, and a foreign message at the head would stall a
 * flow that waits for its own).
 */
async function drainNotifications(simulator: RunningSimulator): Promise<void> {
    const client = new Client({ url: simulator.url, user: simulator.user, password: simulator.password, context: simulator.context, requestsPerSecond: 1000 });
    for (let { message } = await client.poll.info(); message; { message } = await client.poll.info()) await client.poll.confirm(message.id);
    await client.close();
}

async function contact(simulator: RunningSimulator): Promise<string> {
    await drainNotifications(simulator);
    const client = new Client({ url: simulator.url, user: simulator.user, password: simulator.password, context: simulator.context, requestsPerSecond: 1000 });
    const id = (await client.sslcontact.create({ fname: "Ada", lname: "Lovelace", phone: "+49-941-1234560", email: "ada@example.com", organization: "Example GmbH", address: ["Maximilianstrasse 36"], pcode: "93047", city: "Regensburg", country: "DE" })).id;
    await client.close();
    return id;
}

/** This provider: N certificates created concurrently in one process, as the engine runs independent resources. */
export async function measureOurs(simulator: RunningSimulator, count: number, strategy: "job" | "notifications", protocol: "json" | "xml", pollIntervalSeconds: number, label: string): Promise<OursMeasurement> {
    const admin = new SimulatorAdmin(simulator.adminUrl);
    const settings: Record<string, string> = {
        "internetx:user": simulator.user,
        "internetx:password": simulator.password,
        "internetx:context": simulator.context,
        "internetx:url": simulator.url,
        "internetx:xmlUrl": simulator.xmlUrl,
        "internetx:protocol": protocol,
    };
    configureFromStack((key) => settings[key]);
    const contactId = await contact(simulator);
    const inputs = await Promise.all(
        Array.from({ length: count }, async (_, index) => {
            const result = await checkCertificateInputs({ name: `${label}-${index}.example.com`, privateKey: { algorithm: "ECDSA", curve: "P256" }, product: "QUICKSSLPREMIUM", lifetimeMonths: 12, adminContactId: contactId, technicalContactId: contactId, waitStrategy: strategy, pollIntervalSeconds });
            return result.inputs!;
        }),
    );
    await admin.clearRequests();
    const context = { log: () => undefined, clock: systemClock };
    const started = Date.now();
    const { result: created, peakRssMb } = await withPeakMemory(() => Promise.all(inputs.map((input) => createCertificate(input, context))));
    const wallMs = Date.now() - started;
    const counts = await requestCounts(admin);

    await admin.clearRequests();
    const previewStarted = Date.now();
    for (const [index, resource] of created.entries()) {
        const checked = await checkCertificateInputs({ ...inputs[index] });
        const decision = decideFromProperties(resource.outs, checked.inputs!, new Date());
        if (decision.kind !== "none") throw new Error(`preview found a change: ${JSON.stringify(decision)}`);
    }
    const previewMs = Date.now() - previewStarted;
    const previewRequests = (await admin.requests()).length;

    await admin.clearRequests();
    const refreshStarted = Date.now();
    await Promise.all(created.map((resource) => readCertificate(resource.id, resource.outs)));
    const refreshMs = Date.now() - refreshStarted;
    const refreshRequests = (await admin.requests()).length;
    return { wallMs, ...counts, peakRssMb, previewRequests, previewMs, refreshRequests, refreshMs };
}

/**
 * The documented flow with InterNetX's js-domainrobot-sdk: prepare order, create, then PollInfo/PollConfirm at a
 * fixed interval until this job's message arrives, then CertificateInfo. `concurrent` runs N such flows at once
 * (each confirming only its own message, so a foreign message at the head makes it wait).
 */
export async function measureBaseline(simulator: RunningSimulator, count: number, concurrent: boolean, pollIntervalSeconds: number, label: string): Promise<Measurement> {
    const admin = new SimulatorAdmin(simulator.adminUrl);
    const contactId = await contact(simulator);
    const csrs = await Promise.all(Array.from({ length: count }, (_, index) => generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: `${label}-${index}.example.com` })));
    const robot = new DomainRobot({ url: simulator.url, auth: { user: simulator.user, password: simulator.password, context: simulator.context } });
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const orderOne = async (index: number) => {
        const name = `${label}-${index}.example.com`;
        const prepared = await robot.certificate().prepareOrder({ csr: csrs[index].csrPem, product: "QUICKSSLPREMIUM" });
        const dns = prepared.result.data[0].authentication.find((entry: { method: string }) => entry.method === "DNS").dns;
        const created = await robot.certificate().create({ adminContact: { id: contactId }, technicalContact: { id: contactId }, name, lifetime: { unit: "MONTH", period: 12 }, software: "APACHESSL", csr: csrs[index].csrPem, product: "QUICKSSLPREMIUM", authentication: { method: "DNS", dns, provisioning: true } });
        const jobId = created.result.data[0].id;
        for (;;) {
            await sleep(pollIntervalSeconds * 1000);
            const polled = await robot.poll().info();
            const message = polled.result.data?.[0];
            if (message && message.job?.id === jobId) {
                await robot.poll().confirm(message.id);
                return robot.certificate().info(message.object.data.id);
            }
        }
    };
    await admin.clearRequests();
    const started = Date.now();
    const { peakRssMb } = await withPeakMemory(async () => {
        if (concurrent) await Promise.all(csrs.map((_, index) => orderOne(index)));
        else for (let index = 0; index < count; index++) await orderOne(index);
    });
    const wallMs = Date.now() - started;
    return { wallMs, ...(await requestCounts(admin)), peakRssMb };
}
