import { expect } from "chai";
import { generateKeyAndCsr, splitPemBlocks, verifyChain } from "../../provider/x509";
import { randomSerialNumber, TestCertificateAuthority } from "../../simulator/ca";

const day = 86_400_000;

describe("X.509 chain verification and PEM splitting", function () {
    this.timeout(30_000);
    let authority: TestCertificateAuthority;
    let stranger: TestCertificateAuthority;
    let csrPem: string;
    before(async () => {
        [authority, stranger] = await Promise.all([
            TestCertificateAuthority.create({ organization: "Example Test" }),
            TestCertificateAuthority.create({ organization: "Stranger" }),
        ]);
        csrPem = (await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: "x.example.com" }))
            .csrPem;
    });

    const issue = (by: TestCertificateAuthority, notBefore: Date, notAfter: Date) =>
        by.issue({
            csrPem,
            commonName: "x.example.com",
            dnsNames: ["x.example.com"],
            notBefore,
            notAfter,
            serialNumber: randomSerialNumber(),
            profile: "server",
        });

    it("verifies leaf, intermediate and root of the same CA", async () => {
        const leaf = await issue(authority, new Date("2026-11-01T00:00:00.000Z"), new Date("2027-11-01T00:00:00.000Z"));
        expect(
            await verifyChain(
                leaf,
                [authority.intermediatePem],
                authority.rootPem,
                new Date("2027-01-01T00:00:00.000Z"),
            ),
        ).to.deep.equal({ valid: true });
    });

    it("reports a leaf from another CA as invalid, naming both issuers", async () => {
        const leaf = await issue(stranger, new Date(), new Date(Date.now() + day));
        expect(await verifyChain(leaf, [authority.intermediatePem], authority.rootPem)).to.deep.equal({
            valid: false,
            reason: "CN=x.example.com was issued by C=DE, O=Stranger, CN=Stranger TLS Intermediate CA, not by C=DE, O=Example Test, CN=Example Test TLS Intermediate CA",
        });
    });

    it("reports an intermediate of another CA under our root as invalid", async () => {
        const leaf = await issue(stranger, new Date(), new Date(Date.now() + day));
        expect(await verifyChain(leaf, [stranger.intermediatePem], authority.rootPem)).to.deep.equal({
            valid: false,
            reason: "C=DE, O=Stranger, CN=Stranger TLS Intermediate CA was issued by C=DE, O=Stranger, CN=Stranger Root CA, not by C=DE, O=Example Test, CN=Example Test Root CA",
        });
    });

    it("reports a leaf as invalid at a date after it expired", async () => {
        const leaf = await issue(authority, new Date("2026-11-01T00:00:00.000Z"), new Date("2026-11-02T00:00:00.000Z"));
        const later = new Date("2026-11-05T00:00:00.000Z");
        expect(await verifyChain(leaf, [authority.intermediatePem], authority.rootPem, later)).to.deep.equal({
            valid: false,
            reason: "CN=x.example.com is not valid at 2026-11-05T00:00:00.000Z",
        });
    });

    it("reports a leaf as invalid before its notBefore", async () => {
        const leaf = await issue(authority, new Date(Date.now() + 10 * day), new Date(Date.now() + 20 * day));
        const now = new Date();
        expect(await verifyChain(leaf, [authority.intermediatePem], authority.rootPem, now)).to.deep.equal({
            valid: false,
            reason: `CN=x.example.com is not valid at ${now.toISOString()}`,
        });
    });

    it("reports a missing intermediate as a name mismatch", async () => {
        const leaf = await issue(authority, new Date(), new Date(Date.now() + day));
        expect((await verifyChain(leaf, [], authority.rootPem)).reason).to.equal(
            "CN=x.example.com was issued by C=DE, O=Example Test, CN=Example Test TLS Intermediate CA, not by C=DE, O=Example Test, CN=Example Test Root CA",
        );
    });

    it("reports an intermediate that is not a certificate as invalid instead of throwing", async () => {
        const leaf = await issue(authority, new Date(), new Date(Date.now() + day));
        expect(await verifyChain(leaf, ["garbage"], authority.rootPem)).to.deep.equal({
            valid: false,
            reason: "not a valid certificate: an intermediate holds no PEM block",
        });
        expect(await verifyChain(leaf, [csrPem], authority.rootPem)).to.deep.equal({
            valid: false,
            reason: 'not a valid certificate: expected "CERTIFICATE", found "CERTIFICATE REQUEST"',
        });
    });

    it("accepts intermediates given as one concatenated text", async () => {
        const leaf = await issue(authority, new Date(), new Date(Date.now() + day));
        expect(await verifyChain(leaf, [`${authority.intermediatePem}\n`], authority.rootPem)).to.deep.equal({
            valid: true,
        });
    });

    it("splits concatenated PEM blocks of any label, each with LF line ends and a final newline, ignoring text around them", () => {
        const text = `subject=...\r\n${authority.intermediatePem.trim().replace(/\n/g, "\r\n")}\r\n\r\n${authority.rootPem}-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----garbage`;
        expect(splitPemBlocks(text)).to.deep.equal([
            authority.intermediatePem,
            authority.rootPem,
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
        ]);
    });

    it("splits text without PEM blocks into nothing", () => {
        expect(splitPemBlocks("")).to.deep.equal([]);
        expect(splitPemBlocks("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n")).to.deep.equal(
            [],
        );
    });
});
