import { ResourceInitializationError } from "../../provider/lifecycle/initializationError";
import {
    currentStateVersion,
    markedState,
    migrateState,
    readInLayout,
    recordedInLayout,
    recordedStateVersion,
    StateMigration,
} from "../../provider/lifecycle/stateVersion";
import { certificateDeclaration } from "../../provider/resources/certificate/declaration";
import {
    certificateStateMigrations,
    issuedNamesOutOfSubjectAlternativeNames,
    migrateCertificateState,
} from "../../provider/resources/certificate/stateMigrations";
import type { ResourceDeclaration } from "../../provider/resources/declaration";
import { domainValidationDeclaration } from "../../provider/resources/domainValidation/declaration";
import { readDomainValidation, updateDomainValidation } from "../../provider/resources/domainValidation/lifecycle";
import { ispmanagerCertificateDeclaration } from "../../provider/resources/ispmanager/declaration";
import { smimeCertificateDeclaration } from "../../provider/resources/smime/declaration";
import { sslContactDeclaration } from "../../provider/resources/sslContact/declaration";
import { updateSslContact } from "../../provider/resources/sslContact/lifecycle";
import { expect } from "../support/client";

const declarations: ResourceDeclaration[] = [
    sslContactDeclaration,
    domainValidationDeclaration,
    certificateDeclaration,
    smimeCertificateDeclaration,
    ispmanagerCertificateDeclaration,
];

/**
 * State as version 0.1.0 wrote it for each resource (the property names of its outputs; values shortened), and what
 * this version reads it as. The Certificate's layout changed since (its names), and the DomainValidation's (one record
 * and file per name, as lists); the others gain the number alone.
 */
const written = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const stateOfRelease: [ResourceDeclaration, string, Record<string, unknown>, Record<string, unknown>][] = [
    [
        sslContactDeclaration,
        "an SslContact",
        {
            firstName: "Ada",
            lastName: "Lovelace",
            email: "ada@example.com",
            phone: "+49-941-1234560",
            organization: "Example",
            address: ["Street 1"],
            postalCode: "93047",
            city: "Regensburg",
            country: "DE",
            contactId: "23",
        },
        {
            firstName: "Ada",
            lastName: "Lovelace",
            email: "ada@example.com",
            phone: "+49-941-1234560",
            organization: "Example",
            address: ["Street 1"],
            postalCode: "93047",
            city: "Regensburg",
            country: "DE",
            contactId: "23",
            stateVersion: 0,
        },
    ],
    [
        domainValidationDeclaration,
        "a DomainValidation",
        {
            csr: "CSR",
            product: "QUICKSSLPREMIUM",
            method: "DNS",
            name: "www.example.com",
            dnsRecord: { name: "_dnsauth.www.example.com.", type: "TXT", value: "token" },
            approverEmails: [],
            authentication: { method: "DNS", dns: "_dnsauth.www.example.com. 300 IN TXT token", provisioning: false },
        },
        {
            csr: "CSR",
            product: "QUICKSSLPREMIUM",
            method: "DNS",
            name: "www.example.com",
            dnsRecord: { name: "_dnsauth.www.example.com.", type: "TXT", value: "token" },
            dnsRecords: [{ name: "_dnsauth.www.example.com.", type: "TXT", value: "token", domain: "www.example.com" }],
            fileValidations: [],
            approverEmails: [],
            authentication: { method: "DNS", dns: "_dnsauth.www.example.com. 300 IN TXT token", provisioning: false },
            stateVersion: 1,
        },
    ],
    [
        certificateDeclaration,
        "an issued Certificate with subjectAlternativeNames",
        {
            name: "www.example.com",
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            subjectAlternativeNames: ["www.example.com", "example.com"],
            requestedSubjectAlternativeNames: ["example.com"],
            certificateId: "7",
            status: "ISSUED",
            certificatePem: written,
        },
        {
            name: "www.example.com",
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            subjectAlternativeNames: ["example.com"],
            requestedSubjectAlternativeNames: ["example.com"],
            issuedNames: ["www.example.com", "example.com"],
            certificateId: "7",
            status: "ISSUED",
            certificatePem: written,
            stateVersion: 1,
        },
    ],
    [
        certificateDeclaration,
        "an issued Certificate without subjectAlternativeNames",
        {
            name: "www.example.com",
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            subjectAlternativeNames: ["www.example.com"],
            certificateId: "7",
            status: "ISSUED",
        },
        {
            name: "www.example.com",
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            issuedNames: ["www.example.com"],
            certificateId: "7",
            status: "ISSUED",
            stateVersion: 1,
        },
    ],
    [
        smimeCertificateDeclaration,
        "an SmimeCertificate",
        {
            email: "ada@example.com",
            firstName: "Ada",
            lastName: "Lovelace",
            product: "SMIME_BASIC",
            lifetimeMonths: 12,
            certificateId: "8",
            status: "ISSUED",
            emailAddresses: ["ada@example.com"],
            certificatePem: written,
        },
        {
            email: "ada@example.com",
            firstName: "Ada",
            lastName: "Lovelace",
            product: "SMIME_BASIC",
            lifetimeMonths: 12,
            certificateId: "8",
            status: "ISSUED",
            emailAddresses: ["ada@example.com"],
            certificatePem: written,
            stateVersion: 0,
        },
    ],
    [
        ispmanagerCertificateDeclaration,
        "a pending ispmanager Certificate",
        {
            domain: "www.example.com",
            pricelist: "4071",
            periodMonths: 12,
            orderId: "5",
            status: "PENDING",
            dnsValidationRecord: { name: "www.example.com.", type: "TXT", value: "token" },
        },
        {
            domain: "www.example.com",
            pricelist: "4071",
            periodMonths: 12,
            orderId: "5",
            status: "PENDING",
            dnsValidationRecord: { name: "www.example.com.", type: "TXT", value: "token" },
            stateVersion: 0,
        },
    ],
];

describe("state layouts and their migrations", () => {
    describe("state written by 0.1.0 (no stateVersion) read by this version", () => {
        for (const [declaration, what, state, expected] of stateOfRelease) {
            it(`reads ${what} in layout ${currentStateVersion(declaration.stateMigrations)} of ${declaration.token}`, () => {
                expect(migrateState(state, declaration.stateMigrations)).to.deep.equal(expected);
            });
        }
    });

    describe("every resource's declared layouts", () => {
        it("number the layouts each resource writes: Certificate 1 (its names moved), DomainValidation 1 (per-name lists), the others 0 (unchanged since 0.1.0)", () => {
            expect(
                Object.fromEntries(
                    declarations.map((declaration) => [
                        declaration.token,
                        currentStateVersion(declaration.stateMigrations),
                    ]),
                ),
            ).to.deep.equal({
                "sslmanager:internetx:SslContact": 0,
                "sslmanager:internetx:DomainValidation": 1,
                "sslmanager:internetx:Certificate": 1,
                "sslmanager:internetx:SmimeCertificate": 0,
                "sslmanager:ispmanager:Certificate": 0,
            });
        });

        it("list each resource's migrations from layout 0 on without a gap, each named as its function", () => {
            for (const declaration of declarations) {
                expect(
                    declaration.stateMigrations.map((migration) => migration.from),
                    declaration.token,
                ).to.deep.equal(declaration.stateMigrations.map((_migration, index) => index));
                expect(
                    declaration.stateMigrations.map((migration) => migration.name),
                    declaration.token,
                ).to.deep.equal(declaration.stateMigrations.map((migration) => migration.migrate.name));
            }
        });
    });

    describe("the entry points that need no API", () => {
        it("DomainValidation's read and update bring state written by 0.1.0 into layout 1 with its number", () => {
            const [, , state, expected] = stateOfRelease[1];
            expect(readDomainValidation("id", state)).to.deep.equal({ id: "id", props: expected });
            expect(updateDomainValidation(state, { ...state, connection: { user: "new" } })).to.deep.equal({
                outs: { ...expected, connection: { user: "new" } },
            });
        });

        it("DomainValidation's read of no recorded state (an import) records nothing, not even the number", () => {
            expect(readDomainValidation("id", undefined)).to.deep.equal({ id: "id", props: {} });
        });

        it("SslContact's update without a change writes state written by 0.1.0 back with its number", async () => {
            const [, , state, expected] = stateOfRelease[0];
            const { contactId: _id, ...inputs } = state;
            expect(await updateSslContact("23", state as never, inputs as never)).to.deep.equal({ outs: expected });
        });
    });

    describe("recordedInLayout and readInLayout", () => {
        it("number a create's or update's outputs and the properties of the pending order it leaves", async () => {
            expect(
                await recordedInLayout(certificateStateMigrations, async () => ({
                    id: "7",
                    outs: { status: "ISSUED" },
                })),
            ).to.deep.equal({ id: "7", outs: { status: "ISSUED", stateVersion: 1 } });
            const pending = recordedInLayout(certificateStateMigrations, () =>
                Promise.reject(new ResourceInitializationError("timed out", "7", { status: "PENDING" }, ["timed out"])),
            );
            const error = (await pending.then(
                () => undefined,
                (thrown: unknown) => thrown,
            )) as ResourceInitializationError;
            expect(error).to.be.instanceOf(ResourceInitializationError);
            expect([error.message, error.id, error.properties, error.reasons]).to.deep.equal([
                "timed out",
                "7",
                { status: "PENDING", stateVersion: 1 },
                ["timed out"],
            ]);
        });

        it("number what a read found and leave a gone object's empty properties empty", async () => {
            expect(
                await readInLayout(certificateStateMigrations, async () => ({ id: "7", props: { status: "ISSUED" } })),
            ).to.deep.equal({ id: "7", props: { status: "ISSUED", stateVersion: 1 } });
            expect(await readInLayout(certificateStateMigrations, async () => ({ id: "", props: {} }))).to.deep.equal({
                id: "",
                props: {},
            });
        });

        it("markedState overwrites an older number", () => {
            expect(markedState({ stateVersion: 0 }, certificateStateMigrations)).to.deep.equal({ stateVersion: 1 });
        });
    });

    const issuedNames = ["www.example.com", "example.com"];

    describe("issuedNamesOutOfSubjectAlternativeNames (Certificate, layout 0 → 1)", () => {
        const table: [string, Record<string, unknown>, Record<string, unknown>][] = [
            [
                "moves the issued names of state written by 0.1.0 to issuedNames and the input back to subjectAlternativeNames",
                {
                    name: "www.example.com",
                    subjectAlternativeNames: issuedNames,
                    requestedSubjectAlternativeNames: ["example.com"],
                },
                {
                    name: "www.example.com",
                    subjectAlternativeNames: ["example.com"],
                    requestedSubjectAlternativeNames: ["example.com"],
                    issuedNames,
                },
            ],
            [
                "leaves no subjectAlternativeNames in state written by 0.1.0 for a program that gave none",
                { name: "www.example.com", subjectAlternativeNames: ["www.example.com"] },
                { name: "www.example.com", issuedNames: ["www.example.com"] },
            ],
            [
                "keeps state written by 0.1.0 of a pending order, which has neither names",
                { name: "www.example.com", status: "PENDING" },
                { name: "www.example.com", status: "PENDING" },
            ],
            [
                "keeps unnumbered state written after 0.1.0, which records issuedNames",
                {
                    name: "www.example.com",
                    subjectAlternativeNames: ["example.com"],
                    requestedSubjectAlternativeNames: ["example.com"],
                    issuedNames,
                },
                {
                    name: "www.example.com",
                    subjectAlternativeNames: ["example.com"],
                    requestedSubjectAlternativeNames: ["example.com"],
                    issuedNames,
                },
            ],
        ];
        for (const [sentence, state, expected] of table) {
            it(sentence, () => expect(issuedNamesOutOfSubjectAlternativeNames(state)).to.deep.equal(expected));
        }
    });

    describe("migrateCertificateState", () => {
        it("numbers today's layout 1", () => {
            expect(currentStateVersion(certificateStateMigrations)).to.equal(1);
        });

        it("brings state written by 0.1.0 to layout 1 and marks it", () => {
            expect(
                migrateCertificateState({
                    subjectAlternativeNames: issuedNames,
                    requestedSubjectAlternativeNames: ["example.com"],
                }),
            ).to.deep.equal({
                subjectAlternativeNames: ["example.com"],
                requestedSubjectAlternativeNames: ["example.com"],
                issuedNames,
                stateVersion: 1,
            });
        });

        it("leaves state of layout 1 as it is, a pending order's subjectAlternativeNames too (no issuedNames yet)", () => {
            const pending = { status: "PENDING", subjectAlternativeNames: ["example.com"], stateVersion: 1 };
            expect(migrateCertificateState(pending)).to.deep.equal(pending);
        });

        it("refuses state of a layout written by a newer version, naming both layouts", () => {
            expect(() => migrateCertificateState({ stateVersion: 2 })).to.throw(
                "state of layout 2 was written by a newer version of pulumi-sslmanager (this one reads up to layout 1): upgrade the package",
            );
        });
    });

    describe("migrateState", () => {
        const migrations: StateMigration[] = [
            {
                name: "first",
                from: 0,
                migrate: (state) => ({ ...state, steps: [...((state.steps as string[]) ?? []), "first"] }),
            },
            {
                name: "second",
                from: 1,
                migrate: (state) => ({ ...state, steps: [...((state.steps as string[]) ?? []), "second"] }),
            },
        ];

        it("runs every migration from the recorded layout on, in order", () => {
            expect(migrateState({}, migrations)).to.deep.equal({ steps: ["first", "second"], stateVersion: 2 });
            expect(migrateState({ stateVersion: 1 }, migrations)).to.deep.equal({ steps: ["second"], stateVersion: 2 });
            expect(migrateState({ stateVersion: 2 }, migrations)).to.deep.equal({ stateVersion: 2 });
        });

        it("names the migration that failed and the layout it read", () => {
            const failing: StateMigration[] = [
                {
                    name: "failing",
                    from: 0,
                    migrate: () => {
                        throw new Error("no names");
                    },
                },
            ];
            expect(() => migrateState({}, failing)).to.throw(
                "state of layout 0 could not be read (migration failing): no names",
            );
        });

        it("reads a missing or malformed number as layout 0", () => {
            expect(
                [{}, { stateVersion: "1" }, { stateVersion: -1 }, { stateVersion: 1.5 }, { stateVersion: 3 }].map(
                    recordedStateVersion,
                ),
            ).to.deep.equal([0, 0, 0, 0, 3]);
        });
    });
});
