import { OwnershipEvidence, ownershipProof } from "../../provider/resources/internetx/ownership";
import { expect } from "../support/client";

const ownCsr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIBown\n-----END CERTIFICATE REQUEST-----\n";
const otherCsr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIBother\n-----END CERTIFICATE REQUEST-----\n";

describe("whether an object of the account is provably a resource's order", () => {
    const cases: [
        string,
        OwnershipEvidence,
        { orderReference: string; csrPem?: string },
        ReturnType<typeof ownershipProof>,
    ][] = [
        [
            "its comment is the reference",
            { comment: "stack-a/ref" },
            { orderReference: "stack-a/ref" },
            { owned: true, reason: "reference read back" },
        ],
        [
            "its comment is the reference, with blanks around it",
            { comment: " stack-a/ref\n" },
            { orderReference: "stack-a/ref" },
            { owned: true, reason: "reference read back" },
        ],
        [
            "its comment is another stack's reference",
            { comment: "stack-b/ref" },
            { orderReference: "stack-a/ref" },
            { owned: false, reason: "another reference" },
        ],
        [
            "its comment names another order although the CSR is ours",
            { comment: "stack-b/ref", csr: ownCsr },
            { orderReference: "stack-a/ref", csrPem: ownCsr },
            { owned: false, reason: "another reference" },
        ],
        [
            "it carries no comment and our CSR (line breaks differ)",
            { csr: ownCsr.replace(/\n/g, "\r\n") },
            { orderReference: "stack-a/ref", csrPem: ownCsr },
            { owned: true, reason: "own CSR read back" },
        ],
        [
            "it carries an empty comment and our CSR",
            { comment: "", csr: ownCsr },
            { orderReference: "stack-a/ref", csrPem: ownCsr },
            { owned: true, reason: "own CSR read back" },
        ],
        [
            "it carries no comment and another CSR",
            { csr: otherCsr },
            { orderReference: "stack-a/ref", csrPem: ownCsr },
            { owned: false, reason: "another CSR" },
        ],
        [
            "it carries no comment and we have no CSR of our own",
            { csr: ownCsr },
            { orderReference: "stack-a/ref" },
            { owned: false, reason: "no readable proof" },
        ],
        [
            "it carries no comment and a CSR carrying the reference",
            { csr: otherCsr, csrReference: "stack-a/ref" },
            { orderReference: "stack-a/ref" },
            { owned: true, reason: "reference read back from the CSR" },
        ],
        [
            "it carries no comment and a CSR carrying another stack's reference",
            { csr: otherCsr, csrReference: "stack-b/ref" },
            { orderReference: "stack-a/ref" },
            { owned: false, reason: "another reference in the CSR" },
        ],
        [
            "it carries another stack's comment and a CSR carrying the reference",
            { comment: "stack-b/ref", csr: otherCsr, csrReference: "stack-a/ref" },
            { orderReference: "stack-a/ref" },
            { owned: false, reason: "another reference" },
        ],
        [
            "it carries no comment and our own CSR, which carries another reference",
            { csr: ownCsr, csrReference: "stack-b/ref" },
            { orderReference: "stack-a/ref", csrPem: ownCsr },
            { owned: true, reason: "own CSR read back" },
        ],
        [
            "it carries neither comment nor CSR (a list row)",
            {},
            { orderReference: "stack-a/ref", csrPem: ownCsr },
            { owned: false, reason: "no readable proof" },
        ],
    ];
    for (const [situation, evidence, claim, expected] of cases) {
        it(`answers ${expected.owned ? "owned" : "not owned"} (${expected.reason}) when ${situation}`, () => {
            expect(ownershipProof(evidence, claim)).to.deep.equal(expected);
        });
    }
});
