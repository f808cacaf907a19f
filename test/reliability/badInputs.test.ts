import fc from "fast-check";
import { Client } from "../../provider/internetx/client";
import { checkIspmanagerCertificateInputs } from "../../provider/resources/ispmanager/check";
import { generateKeyAndCsr } from "../../provider/x509";
import { RecordingServer } from "../support/recordingServer";
import { testContactInputs } from "../support/stack";
import { checkCertificateInputs } from "../../provider/resources/certificate/check";
import { checkDomainValidationInputs } from "../../provider/resources/domainValidation/lifecycle";
import { checkSmimeInputs } from "../../provider/resources/smime/lifecycle";
import { checkSslContactInputs } from "../../provider/resources/sslContact/lifecycle";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { figures } from "./figures";

/** Generated inputs per resource's check: five checks, so well over a thousand in all. */
const runs = 300;

/** Values of every JSON kind, including the shapes users get wrong (numbers as strings, nested nonsense, unknowns at preview). */
const anyValue = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
    fc.constantFrom(
        "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----",
        "xx@",
        "DE",
        "12",
        "+49-1",
        "",
        " ",
        "*.",
        "-1",
        "1e400",
        "04FE0FF9-5DFE-45A4-8F57-2F24E5E5E8AF",
    ),
);

/** A change to one property of valid inputs: a bad value, or the property left out. Dotted names reach into objects. */
type Mutation = { path: string; value?: unknown; remove: boolean };

function mutationsOver(paths: string[]) {
    const mutation = fc.record({
        path: fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(...paths) },
            { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 10 }) },
        ),
        value: anyValue,
        remove: fc.boolean(),
    });
    return fc.array(mutation, { minLength: 1, maxLength: 3 });
}

function mutated(base: Record<string, unknown>, mutations: Mutation[]): Record<string, unknown> {
    const inputs = structuredClone(base);
    for (const { path, value, remove } of mutations) {
        const [head, ...rest] = path.split(".");
        const target =
            rest.length > 0 && typeof inputs[head] === "object" && inputs[head] !== null
                ? (inputs[head] as Record<string, unknown>)
                : inputs;
        const key = rest.length > 0 && target !== inputs ? rest.join(".") : path;
        if (remove) delete target[key];
        else target[key] = value;
    }
    return inputs;
}

type Check = (
    inputs: Record<string, unknown>,
) =>
    | Promise<{ failures: { property: string; reason: string }[]; inputs?: unknown }>
    | { failures: { property: string; reason: string }[]; inputs?: unknown };

/** A resource's check, valid inputs for it (connections to `server`), and the properties a user can get wrong. */
interface CheckUnderTest {
    resource: string;
    check: Check;
    base(server: { url: string }, csrPem: string): Record<string, unknown>;
    paths: string[];
}

/** InterNetX connection properties a mutation may break; never `url`/`xmlUrl`, so every connection still points at the recording server. */
const connectionPaths = [
    "connection.user",
    "connection.password",
    "connection.context",
    "connection.protocol",
    "connection.demo",
    "connection.timeoutSeconds",
    "connection.requestsPerSecond",
    "connection.caCertificatePem",
];
const internetxConnection = (server: { url: string }) => ({
    url: `${server.url}/v1`,
    xmlUrl: `${server.url}/xml`,
    user: "reliability",
    password: "Recording-Secret-1",
    context: "4",
});
const billingConnection = (server: { url: string }) => ({
    url: `${server.url}/billmgr`,
    user: "reseller@example.com",
    password: "Recording-Secret-1",
});
const orderContact = {
    firstName: "Ivan",
    lastName: "Petrov",
    jobTitle: "CTO",
    email: "ivan@example.com",
    phone: "+7 495 1234567",
};

const checks: CheckUnderTest[] = [
    {
        resource: "SslContact",
        check: checkSslContactInputs,
        base: (server) => ({ ...testContactInputs, connection: internetxConnection(server) }),
        paths: [
            "firstName",
            "lastName",
            "email",
            "phone",
            "fax",
            "title",
            "organization",
            "address",
            "postalCode",
            "city",
            "country",
            "state",
            ...connectionPaths,
        ],
    },
    {
        resource: "Certificate",
        check: checkCertificateInputs,
        base: (server) => ({
            name: "bad.example.com",
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            adminContactId: "1",
            technicalContactId: "1",
            privateKey: { algorithm: "ECDSA", curve: "P256" },
            connection: internetxConnection(server),
        }),
        paths: [
            "name",
            "product",
            "lifetimeMonths",
            "software",
            "adminContactId",
            "technicalContactId",
            "csr",
            "privateKey",
            "privateKey.algorithm",
            "privateKey.rsaBits",
            "privateKey.curve",
            "subjectAlternativeNames",
            "subject",
            "validation",
            "renewBeforeDays",
            "waitTimeoutSeconds",
            "pollIntervalSeconds",
            "waitStrategy",
            "onDestroy",
            "orderReference",
            ...connectionPaths,
        ],
    },
    {
        resource: "SmimeCertificate",
        check: checkSmimeInputs,
        base: (server) => ({
            email: "joe@example.com",
            product: "GLOBALSIGN_PERSONALSIGN_1",
            lifetimeMonths: 12,
            adminContactId: "1",
            firstName: "Joe",
            lastName: "Sample",
            downloadPassword: "Download-Secret-1",
            privateKey: { algorithm: "RSA" },
            connection: internetxConnection(server),
        }),
        paths: [
            "email",
            "product",
            "lifetimeMonths",
            "adminContactId",
            "firstName",
            "lastName",
            "organizationUnit",
            "approverEmail",
            "downloadPassword",
            "csr",
            "privateKey",
            "privateKey.rsaBits",
            "renewBeforeDays",
            "waitTimeoutSeconds",
            "pollIntervalSeconds",
            "waitStrategy",
            "orderReference",
            ...connectionPaths,
        ],
    },
    {
        resource: "DomainValidation",
        check: checkDomainValidationInputs,
        base: (server, csrPem) => ({
            csr: csrPem,
            product: "QUICKSSLPREMIUM",
            connection: internetxConnection(server),
        }),
        paths: ["csr", "product", "method", ...connectionPaths],
    },
    {
        resource: "ispmanager.Certificate",
        check: checkIspmanagerCertificateInputs,
        base: (server) => ({
            domain: "bad.example.com",
            pricelist: "55364",
            periodMonths: 12,
            country: "182",
            region: "Moscow",
            city: "Moscow",
            organization: "Primer LLC",
            adminContact: orderContact,
            technicalContact: orderContact,
            validationMethod: "EMAIL",
            connection: billingConnection(server),
        }),
        paths: [
            "domain",
            "altNames",
            "pricelist",
            "periodMonths",
            "altNameAddon",
            "country",
            "region",
            "city",
            "organization",
            "organizationUnit",
            "email",
            "adminContact",
            "adminContact.email",
            "adminContact.phone",
            "adminContact.firstName",
            "technicalContact",
            "technicalContact.jobTitle",
            "approverEmails",
            "validationMethod",
            "csr",
            "waitForIssuance",
            "waitTimeoutSeconds",
            "pollIntervalSeconds",
            "orderReference",
            "connection.user",
            "connection.password",
            "connection.method",
            "connection.format",
            "connection.timeoutSeconds",
            "connection.caCertificatePem",
        ],
    },
];

/** A failure that names no property or gives no reason, or anything a check throws: what a user could not act on. */
function untypedProblems(result: unknown): string[] {
    const failures = (result as { failures?: unknown }).failures;
    if (!Array.isArray(failures)) return [`no failures list: ${JSON.stringify(result)}`];
    return failures
        .filter(
            (failure) =>
                !(
                    typeof failure?.property === "string" &&
                    failure.property !== "" &&
                    typeof failure?.reason === "string" &&
                    failure.reason !== ""
                ),
        )
        .map((failure) => `failure without a named property and reason: ${JSON.stringify(failure)}`);
}

/**
 * Bad input, generated (fast-check) from valid inputs with one to three properties broken or left out, for every
 * resource's check: `check` never throws, names a property and a reason in every failure, and sends nothing. Every
 * connection in the inputs points at a loopback server that records requests; it must see none.
 */
describe("reliability: generated bad inputs", function () {
    this.timeout(120_000);
    const server = new RecordingServer();
    let csrPem: string;

    before(async () => {
        await server.start();
        csrPem = (
            await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: "bad.example.com" })
        ).csrPem;
    });
    after(() => server.stop());

    for (const { resource, check, base, paths } of checks) {
        it(`${resource} check answers every generated input with named failures or valid inputs, never an exception, and sends no request`, async () => {
            const untyped: string[] = [];
            let rejected = 0;
            await fc.assert(
                fc.asyncProperty(mutationsOver(paths), async (mutations) => {
                    const inputs = mutated(base(server, csrPem), mutations);
                    try {
                        const result = await check(inputs);
                        untyped.push(...untypedProblems(result));
                        if (result.failures.length > 0) rejected++;
                        else if (typeof result.inputs !== "object" || result.inputs === null)
                            untyped.push(`accepted without inputs: ${JSON.stringify(inputs)}`);
                    } catch (error) {
                        untyped.push(
                            `threw ${(error as Error)?.name}: ${(error as Error)?.message} for ${JSON.stringify(inputs)}`,
                        );
                    }
                }),
                { numRuns: runs },
            );
            figures.badInputsTried += rejected;
            figures.untypedErrors += untyped.length;
            figures.badInputRequests += server.requests.length;
            expect(untyped).to.deep.equal([]);
            expect(server.requests.map((request) => `${request.method} ${request.url}`)).to.deep.equal([]);
            // Most mutations break the inputs; a few only leave out something optional.
            expect(rejected).to.be.greaterThan(runs / 2);
        });
    }

    describe("special characters over both protocols", () => {
        let simulator: RunningSimulator;
        let admin: SimulatorAdmin;
        before(async () => {
            // The characters are under test, not pacing (the 3-per-second window has its own tests).
            simulator = await startSimulator({ issuanceDelayMs: 100, requestsPerSecond: 0 });
            admin = new SimulatorAdmin(simulator.adminUrl);
        });
        after(() => simulator.close());

        // Text XML 1.0 can carry (no control characters, no lone surrogates), without surrounding spaces, which the
        // gateway trims; `<`, `&`, `]]>`, quotes and non-ASCII are what matters here.
        const text = fc
            .array(
                fc.oneof(
                    fc.constantFrom("<", ">", "&", "]]>", '"', "'", "ä", "ß", "€", "中", "😀", "\t", "\\"),
                    fc.string({ minLength: 1, maxLength: 4 }),
                ),
                { minLength: 1, maxLength: 6 },
            )
            .map((parts) =>
                parts
                    .join("")
                    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g, "x")
                    .trim(),
            )
            .filter((value) => value.length > 0);

        for (const protocol of ["json", "xml"] as const) {
            it(`carries contact fields with <, &, ]]>, quotes and non-ASCII intact over ${protocol}`, async () => {
                const client = new Client({
                    protocol,
                    url: simulator.url,
                    xmlUrl: simulator.xmlUrl,
                    user: simulator.user,
                    password: simulator.password,
                    context: simulator.context,
                    requestsPerSecond: 1000,
                });
                await fc.assert(
                    fc.asyncProperty(text, text, text, async (organization, city, street) => {
                        const contact = {
                            fname: "Ada",
                            lname: "Lovelace",
                            phone: "+49-941-1234560",
                            email: "ada@example.com",
                            organization,
                            address: [street],
                            pcode: "93047",
                            city,
                            country: "DE",
                        };
                        const created = await client.sslcontact.create(contact);
                        const read = await client.sslcontact.info(created.id);
                        expect({
                            organization: read.organization,
                            city: read.city,
                            address: read.address,
                        }).to.deep.equal({ organization, city, address: [street] });
                    }),
                    { numRuns: 25 },
                );
                await client.close();
                expect((await admin.requests()).every((entry) => entry.status === 200)).to.equal(true);
            });
        }
    });
});
