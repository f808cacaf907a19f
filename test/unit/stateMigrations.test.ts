import { currentStateVersion, migrateState, recordedStateVersion, StateMigration } from "../../provider/lifecycle/stateVersion";
import { certificateStateMigrations, issuedNamesOutOfSubjectAlternativeNames, migrateCertificateState } from "../../provider/resources/certificate/stateMigrations";
import { expect } from "../support/client";

describe("state layouts and their migrations", () => {
    const issuedNames = ["www.example.com", "example.com"];

    describe("issuedNamesOutOfSubjectAlternativeNames (Certificate, layout 0 → 1)", () => {
        const table: [string, Record<string, unknown>, Record<string, unknown>][] = [
            [
                "moves the issued names of state written by 0.1.0 to issuedNames and the input back to subjectAlternativeNames",
                { name: "www.example.com", subjectAlternativeNames: issuedNames, requestedSubjectAlternativeNames: ["example.com"] },
                { name: "www.example.com", subjectAlternativeNames: ["example.com"], requestedSubjectAlternativeNames: ["example.com"], issuedNames },
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
                { name: "www.example.com", subjectAlternativeNames: ["example.com"], requestedSubjectAlternativeNames: ["example.com"], issuedNames },
                { name: "www.example.com", subjectAlternativeNames: ["example.com"], requestedSubjectAlternativeNames: ["example.com"], issuedNames },
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
            expect(migrateCertificateState({ subjectAlternativeNames: issuedNames, requestedSubjectAlternativeNames: ["example.com"] })).to.deep.equal({
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
            { name: "first", from: 0, migrate: (state) => ({ ...state, steps: [...((state.steps as string[]) ?? []), "first"] }) },
            { name: "second", from: 1, migrate: (state) => ({ ...state, steps: [...((state.steps as string[]) ?? []), "second"] }) },
        ];

        it("runs every migration from the recorded layout on, in order", () => {
            expect(migrateState({}, migrations)).to.deep.equal({ steps: ["first", "second"], stateVersion: 2 });
            expect(migrateState({ stateVersion: 1 }, migrations)).to.deep.equal({ steps: ["second"], stateVersion: 2 });
            expect(migrateState({ stateVersion: 2 }, migrations)).to.deep.equal({ stateVersion: 2 });
        });

        it("reads a missing or malformed number as layout 0", () => {
            expect([{}, { stateVersion: "1" }, { stateVersion: -1 }, { stateVersion: 1.5 }, { stateVersion: 3 }].map(recordedStateVersion)).to.deep.equal([0, 0, 0, 0, 3]);
        });
    });
});
