import fc from "fast-check";
import { Client } from "../../provider/internetx/client";
import { checkCertificateInputs } from "../../provider/resources/certificate/check";
import { checkDomainValidationInputs } from "../../provider/resources/domainValidation/lifecycle";
import { checkSmimeInputs } from "../../provider/resources/smime/lifecycle";
import { checkSslContactInputs } from "../../provider/resources/sslContact/lifecycle";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { figures } from "./figures";

const runs = 150;

/** Values of every JSON kind, including the shapes users get wrong (numbers as strings, nested nonsense). */
const anyValue = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
    fc.constantFrom("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----", "xx@", "DE", "12", "+49-1"),
);

function inputsOver(keys: string[]) {
    return fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 10 })), anyValue, { maxKeys: keys.length + 2 });
}

const checks: [string, string[], (inputs: Record<string, unknown>) => Promise<{ failures: { property: string; reason: string }[]; inputs?: unknown }> | { failures: { property: string; reason: string }[]; inputs?: unknown }][] = [
    ["SslContact", ["firstName", "lastName", "email", "phone", "fax", "title", "organization", "address", "postalCode", "city", "country", "state", "connection"], checkSslContactInputs],
    ["Certificate", ["name", "product", "lifetimeMonths", "software", "adminContactId", "technicalContactId", "csr", "privateKey", "subjectAlternativeNames", "subject", "validation", "renewBeforeDays", "waitTimeoutSeconds", "pollIntervalSeconds", "waitStrategy", "connection"], checkCertificateInputs],
    ["SmimeCertificate", ["email", "product", "lifetimeMonths", "adminContactId", "firstName", "lastName", "organizationUnit", "approverEmail", "downloadPassword", "csr", "privateKey"], checkSmimeInputs],
    ["DomainValidation", ["csr", "product", "connection"], checkDomainValidationInputs],
];

/**
 * Bad input, generated (fast-check): `check` never throws, never accepts garbage silently, and names a property
 * in every failure; nothing reaches the API.
 */
describe("reliability: generated bad inputs", function () {
    this.timeout(120_000);

    for (const [resource, keys, check] of checks) {
        it(`${resource} check answers every generated input with named failures or valid inputs, never an exception`, async () => {
            await fc.assert(
                fc.asyncProperty(inputsOver(keys), async (inputs) => {
                    figures.badInputsTried++;
                    const result = await check(inputs);
                    expect(result.failures).to.be.an("array");
                    if (result.failures.length === 0) {
                        expect(result.inputs, JSON.stringify(inputs)).to.be.an("object");
                    }
                    for (const failure of result.failures) {
                        expect(failure.property).to.be.a("string").and.not.equal("");
                        expect(failure.reason).to.be.a("string").and.not.equal("");
                    }
                }),
                { numRuns: runs },
            );
        });
    }

    describe("special characters over both protocols", () => {
        let simulator: RunningSimulator;
        let admin: SimulatorAdmin;
        before(async () => {
            simulator = await startSimulator({ issuanceDelayMs: 100 });
            admin = new SimulatorAdmin(simulator.adminUrl);
        });
        after(() => simulator.close());

        // Text XML 1.0 can carry (no control characters, no lone surrogates), without surrounding spaces, which the
        // gateway trims; `<`, `&`, `]]>`, quotes and non-ASCII are what matters here.
        const text = fc
            .array(fc.oneof(fc.constantFrom("<", ">", "&", "]]>", '"', "'", "ä", "ß", "€", "中", "😀", "\t", "\\"), fc.string({ minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 6 })
            .map((parts) => parts.join("").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g, "x").trim())
            .filter((value) => value.length > 0);

        for (const protocol of ["json", "xml"] as const) {
            it(`carries contact fields with <, &, ]]>, quotes and non-ASCII intact over ${protocol}`, async () => {
                const client = new Client({ protocol, url: simulator.url, xmlUrl: simulator.xmlUrl, user: simulator.user, password: simulator.password, context: simulator.context });
                await fc.assert(
                    fc.asyncProperty(text, text, text, async (organization, city, street) => {
                        figures.badInputsTried++;
                        const contact = { fname: "Ada", lname: "Lovelace", phone: "+49-941-1234560", email: "ada@example.com", organization, address: [street], pcode: "93047", city, country: "DE" };
                        const created = await client.sslcontact.create(contact);
                        const read = await client.sslcontact.info(created.id);
                        expect({ organization: read.organization, city: read.city, address: read.address }).to.deep.equal({ organization, city, address: [street] });
                    }),
                    { numRuns: 25 },
                );
                await client.close();
                expect((await admin.requests()).every((entry) => entry.status === 200)).to.equal(true);
            });
        }
    });
});
