import { TestCertificateAuthority, randomSerialNumber } from "../../simulator/ca";
import { csrFromPrivateKey, generateKeyAndCsr, InvalidPemError, parseCertificate, parseCsr, privateKeyMatchesCertificate, splitPemBlocks, verifyChain } from "../../provider/x509";
import { expect } from "../support/client";

describe("X.509: keys, CSRs, certificates and chains", function () {
    this.timeout(30_000);
    let authority: TestCertificateAuthority;
    before(async () => {
        authority = await TestCertificateAuthority.create();
    });

    const issue = (csrPem: string, dnsNames: string[], days = 365, start = new Date()) =>
        authority.issue({ csrPem, commonName: dnsNames[0], dnsNames, notBefore: start, notAfter: new Date(start.getTime() + days * 86_400_000), serialNumber: randomSerialNumber(), profile: "server" });

    for (const [key, algorithm, size] of [
        [{ algorithm: "RSA", rsaBits: 2048 }, "RSA", 2048],
        [{ algorithm: "ECDSA", curve: "P256" }, "ECDSA", 256],
        [{ algorithm: "ECDSA", curve: "P384" }, "ECDSA", 384],
    ] as const) {
        it(`generates a ${algorithm} ${size} key whose CSR carries the name, the SANs and the subject`, async () => {
            const generated = await generateKeyAndCsr({ key, commonName: "www.example.com", subjectAlternativeNames: ["example.com"], subject: { organization: 'Example, "Quoted" GmbH', country: "DE" } });
            expect(generated.privateKeyPem).to.match(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+-----END PRIVATE KEY-----\n$/);
            const csr = await parseCsr(generated.csrPem);
            expect(csr).to.deep.include({ commonName: "www.example.com", dnsNames: ["www.example.com", "example.com"], emailAddresses: [], keyAlgorithm: algorithm, keySize: size, signatureValid: true });
            expect(csr.subject).to.deep.equal({ organization: 'Example, "Quoted" GmbH', country: "DE" });
        });
    }

    it("signs a new CSR for a kept key with other names", async () => {
        const generated = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: "a.example.com" });
        const renamed = await parseCsr(await csrFromPrivateKey(generated.privateKeyPem, { commonName: "b.example.com", subjectAlternativeNames: ["c.example.com"] }));
        expect(renamed.dnsNames).to.deep.equal(["b.example.com", "c.example.com"]);
        expect(renamed.publicKeySha256).to.equal((await parseCsr(generated.csrPem)).publicKeySha256);
    });

    it("rejects what is not one valid CSR with InvalidPemError", async () => {
        await expect(parseCsr("hello")).to.be.rejectedWith(InvalidPemError, "not a valid CSR: no PEM block found");
        await expect(parseCsr(authority.rootPem)).to.be.rejectedWith(InvalidPemError, 'not a valid CSR: expected "CERTIFICATE REQUEST", found "CERTIFICATE"');
        await expect(parseCsr("-----BEGIN CERTIFICATE REQUEST-----\nAA!A\n-----END CERTIFICATE REQUEST-----")).to.be.rejectedWith(InvalidPemError, "not a valid CSR: the base64 body is malformed");
        await expect(parseCsr("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----")).to.be.rejectedWith(InvalidPemError, /^not a valid CSR: not a PKCS#10 request/);
    });

    it("issues a leaf with the requested names, serial and validity whose chain verifies and whose key matches", async () => {
        const generated = await generateKeyAndCsr({ key: { algorithm: "RSA", rsaBits: 2048 }, commonName: "www.example.com", subjectAlternativeNames: ["example.com"] });
        const start = new Date("2026-11-01T00:00:00.000Z");
        const serialNumber = randomSerialNumber();
        const leafPem = await authority.issue({ csrPem: generated.csrPem, commonName: "www.example.com", dnsNames: ["www.example.com", "example.com"], notBefore: start, notAfter: new Date("2027-11-01T00:00:00.000Z"), serialNumber, profile: "server" });
        const leaf = await parseCertificate(leafPem);
        expect(leaf).to.deep.include({
            subject: "CN=www.example.com",
            commonName: "www.example.com",
            dnsNames: ["www.example.com", "example.com"],
            serialNumber: serialNumber.replace(/^(00)+/, ""),
            notBefore: "2026-11-01T00:00:00.000Z",
            notAfter: "2027-11-01T00:00:00.000Z",
            isCertificateAuthority: false,
            extendedKeyUsages: ["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"],
        });
        expect(leaf.fingerprintSha256).to.match(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
        expect(await verifyChain(leafPem, [authority.intermediatePem], authority.rootPem, new Date("2027-01-01T00:00:00.000Z"))).to.deep.equal({ valid: true });
        expect(await privateKeyMatchesCertificate(generated.privateKeyPem, leafPem)).to.equal(true);
        const other = await generateKeyAndCsr({ key: { algorithm: "RSA", rsaBits: 2048 }, commonName: "www.example.com" });
        expect(await privateKeyMatchesCertificate(other.privateKeyPem, leafPem)).to.equal(false);
    });

    it("says why a chain does not verify: another CA, or a leaf that has expired", async () => {
        const stranger = await TestCertificateAuthority.create({ organization: "Stranger" });
        const { csrPem } = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: "x.example.com" });
        const foreignLeaf = await stranger.issue({ csrPem, commonName: "x.example.com", dnsNames: ["x.example.com"], notBefore: new Date(), notAfter: new Date(Date.now() + 86_400_000), serialNumber: randomSerialNumber(), profile: "server" });
        const verdict = await verifyChain(foreignLeaf, [authority.intermediatePem], authority.rootPem);
        expect(verdict.valid).to.equal(false);
        expect(verdict.reason).to.equal("CN=x.example.com was issued by C=DE, O=Stranger, CN=Stranger TLS Intermediate CA, not by C=DE, O=pulumi-sslmanager Simulator, CN=pulumi-sslmanager Simulator TLS Intermediate CA");
        const leaf = await issue(csrPem, ["x.example.com"], 1);
        const later = new Date(Date.now() + 3 * 86_400_000);
        expect((await verifyChain(leaf, [authority.intermediatePem], authority.rootPem, later)).reason).to.equal(`CN=x.example.com is not valid at ${later.toISOString()}`);
    });

    it("issues S/MIME leaves with emailProtection and the address as rfc822Name", async () => {
        const { csrPem } = await generateKeyAndCsr({ key: { algorithm: "RSA", rsaBits: 2048 }, commonName: "joe.sample@example.com", emailAddresses: ["joe.sample@example.com"] });
        const leaf = await parseCertificate(
            await authority.issue({ csrPem, commonName: "joe.sample@example.com", dnsNames: [], emailAddresses: ["joe.sample@example.com"], notBefore: new Date(), notAfter: new Date(Date.now() + 86_400_000), serialNumber: randomSerialNumber(), profile: "smime" }),
        );
        expect(leaf.extendedKeyUsages).to.deep.equal(["1.3.6.1.5.5.7.3.4"]);
        expect(leaf.emailAddresses).to.deep.equal(["joe.sample@example.com"]);
        expect(leaf.dnsNames).to.deep.equal([]);
    });

    it("splits concatenated PEM blocks, each ending with a newline", () => {
        const blocks = splitPemBlocks(`${authority.intermediatePem.trim()}\r\n\r\n${authority.rootPem}garbage`);
        expect(blocks).to.deep.equal([authority.intermediatePem, authority.rootPem]);
    });
});
