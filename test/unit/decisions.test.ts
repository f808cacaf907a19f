import { decideCertificateChange, renewalDue } from "../../provider/resources/certificate/decisions";
import { decideFromProperties, recordedState } from "../../provider/resources/certificate/lifecycle";
import { expect } from "../support/client";

const now = new Date("2026-11-22T12:00:00.000Z");
const issued = {
    name: "example.com",
    product: "QUICKSSLPREMIUM",
    lifetimeMonths: 12,
    csr: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----",
    subjectAlternativeNames: ["www.example.com"],
    adminContactId: "100",
    technicalContactId: "101",
    renewBeforeDays: 30,
    waitTimeoutSeconds: 3600,
    status: "ISSUED",
    notAfter: "2027-11-22T12:00:00.000Z",
    __provider: "exports.handler = old build",
};

describe("certificate decisions", () => {
    describe("renewalDue", () => {
        const table: [string, number, string, boolean][] = [
            ["2027-01-01T00:00:00.000Z", 30, "2026-12-01T23:59:59.999Z", false],
            ["2027-01-01T00:00:00.000Z", 30, "2026-12-02T00:00:00.000Z", true],
            ["2027-01-01T00:00:00.000Z", 0, "2026-12-31T23:59:59.000Z", false],
            ["2027-01-01T00:00:00.000Z", 0, "2027-01-01T00:00:00.000Z", true],
            ["not a date", 30, "2027-01-01T00:00:00.000Z", false],
        ];
        for (const [notAfter, days, at, expected] of table) {
            it(`says ${expected} for notAfter ${notAfter}, ${days} days before, at ${at}`, () => {
                expect(renewalDue(notAfter, days, new Date(at))).to.equal(expected);
            });
        }
        it("says false when the certificate has no notAfter yet", () => {
            expect(renewalDue(undefined, 30, now)).to.equal(false);
        });
    });

    describe("decideCertificateChange", () => {
        const cases: [string, Record<string, unknown>, Record<string, unknown>, unknown][] = [
            ["nothing changed", issued, { ...issued }, { kind: "none" }],
            [
                "only the serialized provider changed (package upgrade)",
                issued,
                { ...issued, __provider: "exports.handler = new build" },
                { kind: "none" },
            ],
            [
                "the CSR differs only in line breaks",
                issued,
                { ...issued, csr: issued.csr.replace(/\n/g, "\r\n") },
                { kind: "none" },
            ],
            [
                "the SANs are the same set in another order and case",
                { ...issued, subjectAlternativeNames: ["a.example.com", "b.example.com"] },
                { ...issued, subjectAlternativeNames: ["B.example.com", "a.example.com"] },
                { kind: "none" },
            ],
            [
                "the product changed",
                issued,
                { ...issued, product: "RAPIDSSL" },
                { kind: "replace", properties: ["product"], reason: "product changed: a new order is needed" },
            ],
            [
                "the term changed",
                issued,
                { ...issued, lifetimeMonths: 24 },
                {
                    kind: "replace",
                    properties: ["lifetimeMonths"],
                    reason: "lifetimeMonths changed: a new order is needed",
                },
            ],
            [
                "the SANs changed",
                issued,
                { ...issued, subjectAlternativeNames: ["www.example.com", "api.example.com"] },
                {
                    kind: "reissue",
                    properties: ["subjectAlternativeNames"],
                    reason: "subjectAlternativeNames changed: the certificate is reissued",
                },
            ],
            [
                "the CSR changed",
                issued,
                { ...issued, csr: "-----BEGIN CERTIFICATE REQUEST-----\nBBBB\n-----END CERTIFICATE REQUEST-----" },
                { kind: "reissue", properties: ["csr"], reason: "csr changed: the certificate is reissued" },
            ],
            [
                "the key algorithm changed",
                { ...issued, privateKey: { algorithm: "RSA", rsaBits: 2048 } },
                { ...issued, privateKey: { algorithm: "ECDSA", curve: "P256" } },
                {
                    kind: "reissue",
                    properties: ["privateKey"],
                    reason: "privateKey changed: the certificate is reissued",
                },
            ],
            [
                "a contact changed",
                issued,
                { ...issued, technicalContactId: "102" },
                {
                    kind: "reissue",
                    properties: ["technicalContactId"],
                    reason: "technicalContactId changed: the certificate is reissued",
                },
            ],
            [
                "the product and the SANs changed",
                issued,
                { ...issued, product: "RAPIDSSL", subjectAlternativeNames: [] },
                { kind: "replace", properties: ["product"], reason: "product changed: a new order is needed" },
            ],
            [
                "an earlier order is pending",
                { ...issued, status: "PENDING" },
                { ...issued },
                { kind: "resume", properties: [], reason: "the order of an earlier run is still pending" },
            ],
            [
                "the renewal window was reached",
                { ...issued, notAfter: "2026-12-01T00:00:00.000Z" },
                { ...issued },
                {
                    kind: "renew",
                    properties: ["notAfter"],
                    reason: "expires 2026-12-01T00:00:00.000Z, within 30 days: renewal due",
                },
            ],
            [
                "the renewal window moved to include now",
                issued,
                { ...issued, renewBeforeDays: 365 },
                {
                    kind: "renew",
                    properties: ["notAfter"],
                    reason: "expires 2027-11-22T12:00:00.000Z, within 365 days: renewal due",
                },
            ],
            [
                "only the wait timeout changed",
                issued,
                { ...issued, waitTimeoutSeconds: 60 },
                { kind: "settings", properties: ["waitTimeoutSeconds"], reason: "waitTimeoutSeconds changed" },
            ],
        ];
        for (const [situation, olds, news, expected] of cases) {
            it(`decides ${JSON.stringify((expected as { kind: string }).kind)} when ${situation}`, () => {
                expect(decideCertificateChange(olds, news, now)).to.deep.equal(expected);
            });
        }
    });
});

describe("the issued names in state of every version", () => {
    const issuedNames = ["www.example.com", "example.com"];

    it("decides on the input of state written by 0.1.0, where subjectAlternativeNames held the issued names and the input had another name", () => {
        const old = {
            name: "www.example.com",
            subjectAlternativeNames: issuedNames,
            requestedSubjectAlternativeNames: ["example.com"],
        };
        expect(recordedState(old).subjectAlternativeNames).to.deep.equal(["example.com"]);
    });

    it("decides on the input of state written now, where the input keeps its name and the issued names are issuedNames", () => {
        const current = {
            name: "www.example.com",
            subjectAlternativeNames: ["example.com"],
            requestedSubjectAlternativeNames: ["example.com"],
            issuedNames,
            stateVersion: 1,
        };
        expect(recordedState(current).subjectAlternativeNames).to.deep.equal(["example.com"]);
    });

    it("decides nothing for unchanged inputs on state written by 0.1.0", () => {
        const old = {
            ...issued,
            subjectAlternativeNames: ["www.example.com", "example.com"],
            requestedSubjectAlternativeNames: ["www.example.com"],
        };
        expect(decideFromProperties(old, { ...issued }, new Date("2026-12-01T00:00:00Z"))).to.deep.equal({
            kind: "none",
        });
    });
});
