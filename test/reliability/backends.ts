import { checkCertificateInputs } from "../../provider/resources/certificate/check";
import { CertificateInputs } from "../../provider/resources/certificate/inputs";
import {
    CertificateProperties,
    createCertificate,
    deleteCertificate,
    readCertificate,
    updateCertificate,
} from "../../provider/resources/certificate/lifecycle";
import { checkIspmanagerCertificateInputs } from "../../provider/resources/ispmanager/check";
import { IspmanagerCertificateInputs } from "../../provider/resources/ispmanager/inputs";
import {
    createIspmanagerCertificate,
    deleteIspmanagerCertificate,
    IspmanagerCertificateProperties,
    readIspmanagerCertificate,
    updateIspmanagerCertificate,
} from "../../provider/resources/ispmanager/lifecycle";
import {
    checkSmimeInputs,
    createSmime,
    deleteSmime,
    readSmime,
    SmimeProperties,
    updateSmime,
} from "../../provider/resources/smime/lifecycle";
import { SmimeInputs } from "../../provider/resources/smime/inputs";
import { LifecycleContext, systemClock } from "../../provider/lifecycle/context";
import { orderReference } from "../../provider/lifecycle/orderReference";
import { generateKeyAndCsr } from "../../provider/x509";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { RunningIspmanagerSimulator, startIspmanagerSimulator } from "../../simulator/ispmanager";
import { IspmanagerSimulatorAdmin } from "../ispmanager/simulatorAdmin";
import { createTestContact, stackConfigFor } from "../support/stack";
import { SimulatorAdmin } from "../support/simulatorAdmin";

/** The phases of a certificate's life a fault can hit. */
export const phases = ["create", "wait", "read", "update", "delete"] as const;
export type Phase = (typeof phases)[number];

type Properties = Record<string, unknown>;

/** One resource's lifecycle entry points, with inputs and properties as plain records. */
export interface Operations {
    create(inputs: Properties, context: LifecycleContext): Promise<{ id: string; outs: Properties }>;
    update(id: string, olds: Properties, news: Properties, context: LifecycleContext): Promise<{ outs: Properties }>;
    read(id: string, props: Properties, context: LifecycleContext): Promise<{ id: string; props: Properties }>;
    delete(id: string, props: Properties, context: LifecycleContext): Promise<void>;
}

/** What the simulator behind a backend counted: orders, reissues, and faults it injected (HTTP faults and decided outcomes). */
export interface Counts {
    orders: number;
    reissues: number;
    injected: number;
}

/**
 * One backend and key mode under test, on a simulator of its own (so faults meant for it never hit another one):
 * the inputs of a certificate and of the change that reissues it, the request each phase starts with (where a fault
 * is aimed), the simulator's counters, and the resource's lifecycle.
 */
export interface BackendUnderTest {
    title: string;
    /** The request (InterNetX task code, BILLmanager function) of each phase a fault matches. */
    phaseRequest: Record<Phase, string>;
    operations: Operations;
    readonly context: LifecycleContext;
    start(): Promise<void>;
    close(): Promise<void>;
    counts(): Promise<Counts>;
    fault(rule: Record<string, unknown>): Promise<void>;
    clearFaults(): Promise<void>;
    /** The next order of `name` fails at the CA with `reason`, or never finishes. */
    outcome(name: string, outcome: "fail" | "never", reason?: string): Promise<void>;
    /** Checked inputs for a certificate of `name` (a DNS name), and for the change that reissues it. */
    inputs(name: string, overrides?: Properties): Promise<{ first: Properties; changed: Properties }>;
    /** How the lifecycle names the certificate in messages (the domain, the mailbox). */
    label(name: string): string;
    /**
     * Resolves once the simulator has answered every request it received (a slow answer still places its order
     * after the client gave up on it), so that counts taken next include what such a request did.
     */
    settled(): Promise<void>;
}

/** How often, and at most how long, `settled` asks the simulator's request log. */
const settleCheckMs = 50;
const settleLimitMs = 60_000;

/**
 * Waits until no request of the log (`requests(since)`: entries with the HTTP status answered, 0 while in the
 * simulator's hands) is unanswered; returns the index to ask from next time. Bounded: a request held longer fails.
 */
async function settle(
    requests: (since: number) => Promise<{ index: number; status: number }[]>,
    since: number,
): Promise<number> {
    for (let waited = 0; ; waited += settleCheckMs) {
        const logged = await requests(since);
        const held = logged.filter((entry) => entry.status === 0);
        const next = logged.length > 0 ? logged[logged.length - 1].index + 1 : since;
        if (held.length === 0) return next;
        if (waited >= settleLimitMs)
            throw new Error(`the simulator still holds requests ${held.map((entry) => entry.index).join(", ")}`);
        await new Promise((resolve) => setTimeout(resolve, settleCheckMs));
    }
}

/** Faults, not pacing, are under test: the client paces itself at this rate, the simulators not at all. */
const connection = { timeoutSeconds: 1, requestsPerSecond: 1000 };
const billingConnection = { timeoutSeconds: 1 };
export const pollIntervalSeconds = 0.05;
const issuanceDelayMs = 100;

/** The reference the SDK's resource class computes (orderReference.ts): every run here is one resource named after its certificate. */
const referenceFor = (type: string, name: string) =>
    orderReference({ project: "reliability", stack: "faults", type, name, replacementInputs: [name] });

async function checked(
    check: (inputs: Properties) => Promise<{ inputs?: unknown; failures: unknown[] }>,
    inputs: Properties,
): Promise<Properties> {
    const result = await check(inputs);
    if (result.failures.length > 0)
        throw new Error(`the test's inputs are refused: ${JSON.stringify(result.failures)}`);
    return result.inputs as Properties;
}

const certificateOperations: Operations = {
    create: (inputs, context) => createCertificate(inputs as unknown as CertificateInputs, context),
    update: (id, olds, news, context) =>
        updateCertificate(id, olds as unknown as CertificateProperties, news as unknown as CertificateInputs, context),
    read: (id, props, context) => readCertificate(id, props as unknown as CertificateProperties, context),
    delete: (id, props, context) => deleteCertificate(id, props as unknown as CertificateProperties, context),
};

const smimeOperations: Operations = {
    create: (inputs, context) => createSmime(inputs as unknown as SmimeInputs, context),
    update: (id, olds, news, context) =>
        updateSmime(id, olds as unknown as SmimeProperties, news as unknown as SmimeInputs, context),
    read: (id, props, context) => readSmime(id, props as unknown as SmimeProperties, context),
    delete: (id, props, context) => deleteSmime(id, props as unknown as SmimeProperties, context),
};

const billingOperations: Operations = {
    create: (inputs, context) =>
        createIspmanagerCertificate(inputs as unknown as IspmanagerCertificateInputs, context) as unknown as Promise<{
            id: string;
            outs: Properties;
        }>,
    update: (id, olds, news, context) =>
        updateIspmanagerCertificate(
            id,
            olds as unknown as IspmanagerCertificateProperties,
            news as unknown as IspmanagerCertificateInputs,
            context,
        ) as unknown as Promise<{ outs: Properties }>,
    read: (id, props, context) =>
        readIspmanagerCertificate(id, props as unknown as IspmanagerCertificateProperties, context),
    delete: (id, props, context) =>
        deleteIspmanagerCertificate(id, props as unknown as IspmanagerCertificateProperties, context),
};

/** The certificate tasks of InterNetX ("docs/wire-format.md"): order, job list (the wait), info, reissue, delete. */
const internetxPhaseRequest: Record<Phase, string> = {
    create: "400101",
    wait: "400115",
    read: "400104",
    update: "400102",
    delete: "400103",
};

/** The BILLmanager functions ("Reselling SSL certificates"): order, the certificate list (the wait), the file, reissue, delete. */
const billingPhaseRequest: Record<Phase, string> = {
    create: "certificate.order.param",
    wait: "certificate",
    read: "certificate.file",
    update: "certificate.reissue.step2",
    delete: "certificate.delete",
};

abstract class InternetxBackend implements BackendUnderTest {
    abstract title: string;
    abstract operations: Operations;
    readonly phaseRequest = internetxPhaseRequest;
    readonly context: LifecycleContext = { log: () => undefined, clock: systemClock };
    protected simulator!: RunningSimulator;
    protected admin!: SimulatorAdmin;
    protected contactId!: string;
    private settledUntil = 0;

    constructor(protected readonly protocol: "json" | "xml") {}

    async settled(): Promise<void> {
        this.settledUntil = await settle((since) => this.admin.requests(since), this.settledUntil);
    }

    async start(): Promise<void> {
        this.simulator = await startSimulator({ issuanceDelayMs, requestsPerSecond: 0 });
        this.admin = new SimulatorAdmin(this.simulator.adminUrl);
        this.context.stackConfig = stackConfigFor(this.simulator, this.protocol);
        this.contactId = await createTestContact(this.simulator);
    }
    close(): Promise<void> {
        return this.simulator.close();
    }
    async counts(): Promise<Counts> {
        const [state, faults] = await Promise.all([this.admin.state(), this.admin.faults()]);
        return { orders: state.orders, reissues: state.reissues, injected: faults.injected + state.outcomesApplied };
    }
    fault(rule: Record<string, unknown>): Promise<void> {
        return this.admin.fault(rule);
    }
    clearFaults(): Promise<void> {
        return this.admin.clearFaults();
    }
    outcome(name: string, outcome: "fail" | "never", reason?: string): Promise<void> {
        return this.admin.jobOutcome({ match: { name: this.label(name) }, outcome, reason });
    }
    abstract inputs(name: string, overrides?: Properties): Promise<{ first: Properties; changed: Properties }>;
    abstract label(name: string): string;
}

class SslBackend extends InternetxBackend {
    readonly operations = certificateOperations;
    readonly title: string;

    constructor(
        protocol: "json" | "xml",
        private readonly mode: "generated key" | "own CSR",
    ) {
        super(protocol);
        this.title = `InterNetX SSL over ${protocol} with ${mode === "generated key" ? "a generated key" : "its own CSR"}`;
    }

    label(name: string): string {
        return name;
    }

    async inputs(name: string, overrides: Properties = {}): Promise<{ first: Properties; changed: Properties }> {
        const common = {
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            adminContactId: this.contactId,
            technicalContactId: this.contactId,
            pollIntervalSeconds,
            connection,
            orderReference: referenceFor("internetx:Certificate", name),
            ...overrides,
        };
        if (this.mode === "generated key") {
            const first = { ...common, name, privateKey: { algorithm: "ECDSA", curve: "P256" } };
            return {
                first: await checked(checkCertificateInputs, first),
                changed: await checked(checkCertificateInputs, { ...first, subjectAlternativeNames: [`www.${name}`] }),
            };
        }
        const csr = async () =>
            (await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: name })).csrPem;
        return {
            first: await checked(checkCertificateInputs, { ...common, csr: await csr() }),
            changed: await checked(checkCertificateInputs, { ...common, csr: await csr() }),
        };
    }
}

class SmimeBackend extends InternetxBackend {
    readonly operations = smimeOperations;
    readonly title: string;

    constructor(
        protocol: "json" | "xml",
        private readonly mode: "generated key" | "own CSR" | "key made by the CA",
    ) {
        super(protocol);
        this.title = `InterNetX S/MIME over ${protocol} with ${mode === "generated key" ? "a generated key" : mode === "own CSR" ? "its own CSR" : "the key made by the CA"}`;
    }

    /** The mailbox of a certificate named after a DNS name: its first label at example.com. */
    label(name: string): string {
        return `${name.split(".")[0]}@example.com`;
    }

    async inputs(name: string, overrides: Properties = {}): Promise<{ first: Properties; changed: Properties }> {
        const email = this.label(name);
        const common = {
            email,
            product: "GLOBALSIGN_PERSONALSIGN_1",
            lifetimeMonths: 12,
            adminContactId: this.contactId,
            firstName: "Joe",
            lastName: "Sample",
            downloadPassword: "Download-Secret-1",
            pollIntervalSeconds,
            connection,
            orderReference: referenceFor("internetx:SmimeCertificate", name),
            ...overrides,
        };
        if (this.mode === "own CSR") {
            const csr = async () =>
                (
                    await generateKeyAndCsr({
                        key: { algorithm: "RSA", rsaBits: 2048 },
                        commonName: email,
                        emailAddresses: [email],
                        subject: { emailAddress: email },
                    })
                ).csrPem;
            return {
                first: await checked(checkSmimeInputs, { ...common, csr: await csr() }),
                changed: await checked(checkSmimeInputs, { ...common, csr: await csr() }),
            };
        }
        // A new holder name is a reissue of the same certificate (smime/decisions.ts).
        const first = this.mode === "generated key" ? { ...common, privateKey: { algorithm: "RSA" } } : common;
        return {
            first: await checked(checkSmimeInputs, first),
            changed: await checked(checkSmimeInputs, { ...first, firstName: "Joseph" }),
        };
    }
}

const contact = (firstName: string) => ({
    firstName,
    lastName: "Petrov",
    jobTitle: "CTO",
    email: `${firstName.toLowerCase()}@example.com`,
    phone: "+7 495 1234567",
});

class BillingBackend implements BackendUnderTest {
    readonly operations = billingOperations;
    readonly phaseRequest = billingPhaseRequest;
    readonly context: LifecycleContext = { log: () => undefined, clock: systemClock };
    readonly title: string;
    private simulator!: RunningIspmanagerSimulator;
    private admin!: IspmanagerSimulatorAdmin;
    private settledUntil = 0;

    constructor(private readonly mode: "key made by the billing system" | "own CSR") {
        this.title = `BILLmanager with ${mode === "own CSR" ? "its own CSR" : "the key made by the billing system"}`;
    }

    async start(): Promise<void> {
        this.simulator = await startIspmanagerSimulator({ issuanceDelayMs });
        this.admin = new IspmanagerSimulatorAdmin(this.simulator.adminUrl);
        this.context.stackConfig = {
            "ispmanager:url": this.simulator.url,
            "ispmanager:user": this.simulator.user,
            "ispmanager:password": this.simulator.password,
        };
    }
    close(): Promise<void> {
        return this.simulator.close();
    }
    async counts(): Promise<Counts> {
        const [state, faults] = await Promise.all([this.admin.state(), this.admin.faults()]);
        return { orders: state.orders, reissues: state.reissues, injected: faults.injected + state.outcomesApplied };
    }
    fault(rule: Record<string, unknown>): Promise<void> {
        return this.admin.fault(rule);
    }
    clearFaults(): Promise<void> {
        return this.admin.clearFaults();
    }
    outcome(name: string, outcome: "fail" | "never", reason?: string): Promise<void> {
        return this.admin.outcome({ domain: name, outcome, reason });
    }
    label(name: string): string {
        return name;
    }

    async settled(): Promise<void> {
        this.settledUntil = await settle((since) => this.admin.requests(since), this.settledUntil);
    }

    async inputs(name: string, overrides: Properties = {}): Promise<{ first: Properties; changed: Properties }> {
        // E-mail validation is approved at once by the simulator's CA, so issuance takes `issuanceDelayMs`.
        const common = {
            domain: name,
            pricelist: "55364",
            periodMonths: 12,
            country: "182",
            region: "Moscow",
            city: "Moscow",
            organization: "Primer LLC",
            adminContact: contact("Ivan"),
            technicalContact: contact("Anna"),
            validationMethod: "EMAIL",
            pollIntervalSeconds,
            connection: billingConnection,
            orderReference: referenceFor("ispmanager:Certificate", name),
            ...overrides,
        };
        if (this.mode === "own CSR") {
            const csr = async () =>
                (await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: name })).csrPem;
            return {
                first: await checked(checkIspmanagerCertificateInputs, { ...common, csr: await csr() }),
                changed: await checked(checkIspmanagerCertificateInputs, { ...common, csr: await csr() }),
            };
        }
        // New additional domains are a reissue (crt_type altname) of the same certificate (ispmanager/decisions.ts).
        return {
            first: await checked(checkIspmanagerCertificateInputs, common),
            changed: await checked(checkIspmanagerCertificateInputs, { ...common, altNames: [`www.${name}`] }),
        };
    }
}

/** Every backend and key mode the provider orders through, InterNetX's over both protocols. */
export function backendsUnderTest(): BackendUnderTest[] {
    return [
        new SslBackend("json", "generated key"),
        new SslBackend("xml", "generated key"),
        new SslBackend("json", "own CSR"),
        new SslBackend("xml", "own CSR"),
        new SmimeBackend("json", "generated key"),
        new SmimeBackend("xml", "generated key"),
        new SmimeBackend("json", "own CSR"),
        new SmimeBackend("xml", "own CSR"),
        new SmimeBackend("json", "key made by the CA"),
        new SmimeBackend("xml", "key made by the CA"),
        new BillingBackend("key made by the billing system"),
        new BillingBackend("own CSR"),
    ];
}
