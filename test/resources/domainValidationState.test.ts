import { diff, read, update } from "../../provider/dynamic/domainValidation";
import { expect } from "../support/client";

/** DomainValidation state as written before the per-name outputs: one record and one file, no lists. */
const previousState = {
    csr: "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n",
    product: "QUICKSSLPREMIUM",
    name: "shop.example.com",
    dnsRecord: { name: "shop.example.com.", type: "TXT", ttl: 300, value: "20260101000000abc" },
    fileValidation: {
        url: "http://shop.example.com/.well-known/pki-validation/fileauth.txt",
        content: "20260101000000abc",
    },
    approverEmails: ["admin@example.com"],
    authentication: {
        method: "DNS",
        dns: 'shop.example.com.\t\t300\tIN\tTXT\t"20260101000000abc"',
        provisioning: false,
    },
};
const inputs = { csr: previousState.csr, product: previousState.product };

describe("DomainValidation state written before the per-name outputs (layout 0)", () => {
    it("reads as lists of its one record and one file, each naming the certificate's name, the rest unchanged", async () => {
        const { props } = await read("id", previousState);
        expect(props).to.deep.equal({
            ...previousState,
            dnsRecords: [{ ...previousState.dnsRecord, domain: "shop.example.com" }],
            fileValidations: [{ ...previousState.fileValidation, domain: "shop.example.com" }],
            stateVersion: 1,
        });
    });

    it("is updated in place on the next up (a change, no replacement), so the lists appear in state without an API call", async () => {
        expect(await diff("id", previousState, inputs)).to.deep.equal({ changes: true, replaces: [] });
        const { outs } = await update("id", previousState, inputs);
        expect(outs.dnsRecords).to.deep.equal([{ ...previousState.dnsRecord, domain: "shop.example.com" }]);
        expect(outs.authentication).to.deep.equal(previousState.authentication);
        expect(outs.stateVersion).to.equal(1);
        expect(await diff("id", outs, inputs)).to.deep.equal({ changes: false, replaces: [] });
    });

    it("reads a state without a DNS record (method FILE) as an empty record list", async () => {
        const { dnsRecord: _record, ...fileOnly } = previousState;
        const { props } = await read("id", fileOnly);
        expect(props!.dnsRecords).to.deep.equal([]);
    });
});
