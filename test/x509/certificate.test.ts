import * as chai from "chai";
import { expect } from "chai";
import chaiAsPromised from "chai-as-promised";
import { X509Certificate } from "node:crypto";
import {
    generateKeyAndCsr,
    InvalidPemError,
    parseCertificate,
    parseCsr,
    privateKeyMatchesCertificate,
} from "../../provider/x509";
import { sha256Hex, x509 } from "../../provider/x509/crypto";
import { randomSerialNumber, TestCertificateAuthority } from "../../simulator/ca";

chai.use(chaiAsPromised);

describe("X.509 certificates issued by the simulator's test CA", function () {
    this.timeout(30_000);
    let authority: TestCertificateAuthority;
    before(async () => {
        authority = await TestCertificateAuthority.create({ organization: "Example Test" });
    });

    it("makes serial numbers of 16 bytes in uppercase hex with the first bit cleared", () => {
        for (let round = 0; round < 50; round++) {
            const serialNumber = randomSerialNumber();
            expect(serialNumber).to.match(/^[0-7][0-9A-F]{31}$/);
            expect(serialNumber).to.not.match(/^00/);
        }
    });

    it("creates a self-signed root and an intermediate, both certificate authorities", async () => {
        const root = await parseCertificate(authority.rootPem);
        const intermediate = await parseCertificate(authority.intermediatePem);
        expect(root).to.deep.include({
            subject: "C=DE, O=Example Test, CN=Example Test Root CA",
            issuer: "C=DE, O=Example Test, CN=Example Test Root CA",
            isCertificateAuthority: true,
        });
        expect(intermediate).to.deep.include({
            subject: "C=DE, O=Example Test, CN=Example Test TLS Intermediate CA",
            issuer: root.subject,
            isCertificateAuthority: true,
        });
        const years = (details: { notBefore: string; notAfter: string }) =>
            Math.round((Date.parse(details.notAfter) - Date.parse(details.notBefore)) / (365 * 86_400_000));
        expect([years(root), years(intermediate)]).to.deep.equal([20, 10]);
        const rootByNode = new X509Certificate(authority.rootPem);
        expect(rootByNode.ca).to.equal(true);
        expect(rootByNode.checkIssued(rootByNode)).to.equal(true);
        expect(new X509Certificate(authority.intermediatePem).checkIssued(rootByNode)).to.equal(true);
    });

    it("issues a server leaf with keyUsage digitalSignature and keyEncipherment for an RSA key, CA:false and key identifiers", async () => {
        const { csrPem } = await generateKeyAndCsr({
            key: { algorithm: "RSA", rsaBits: 2048 },
            commonName: "rsa.example.com",
        });
        const leafPem = await authority.issue({
            csrPem,
            commonName: "rsa.example.com",
            dnsNames: ["rsa.example.com"],
            notBefore: new Date(),
            notAfter: new Date(Date.now() + 86_400_000),
            serialNumber: randomSerialNumber(),
            profile: "server",
        });
        const leaf = new x509.X509Certificate(leafPem);
        const intermediate = new x509.X509Certificate(authority.intermediatePem);
        expect(leaf.getExtension(x509.KeyUsagesExtension)?.usages).to.equal(
            x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
        );
        expect(leaf.getExtension(x509.BasicConstraintsExtension)?.ca).to.equal(false);
        expect(leaf.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId).to.equal(
            intermediate.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId,
        );
        expect(leaf.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId).to.match(/^[0-9a-f]{40}$/);
        expect(intermediate.getExtension(x509.KeyUsagesExtension)?.usages).to.equal(
            x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        );
    });

    it("issues a server leaf with the requested names, serial, validity and key, described exactly as Node reads it", async () => {
        const generated = await generateKeyAndCsr({
            key: { algorithm: "RSA", rsaBits: 2048 },
            commonName: "www.example.com",
            subjectAlternativeNames: ["example.com"],
        });
        const serialNumber = randomSerialNumber();
        const leafPem = await authority.issue({
            csrPem: generated.csrPem,
            commonName: "www.example.com",
            dnsNames: ["www.example.com", "example.com"],
            notBefore: new Date("2026-11-22T23:00:00.000Z"),
            notAfter: new Date("2027-11-22T22:59:59.000Z"),
            serialNumber,
            profile: "server",
        });
        const leaf = await parseCertificate(leafPem);
        const byNode = new X509Certificate(leafPem);
        expect(leaf).to.deep.equal({
            pem: leafPem,
            subject: "CN=www.example.com",
            commonName: "www.example.com",
            issuer: "C=DE, O=Example Test, CN=Example Test TLS Intermediate CA",
            dnsNames: ["www.example.com", "example.com"],
            emailAddresses: [],
            serialNumber,
            notBefore: "2026-11-22T23:00:00.000Z",
            notAfter: "2027-11-22T22:59:59.000Z",
            fingerprintSha256: byNode.fingerprint256,
            publicKeySha256: await sha256Hex(byNode.publicKey.export({ type: "spki", format: "der" })),
            isCertificateAuthority: false,
            extendedKeyUsages: ["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"],
        });
        expect(leaf.publicKeySha256).to.equal((await parseCsr(generated.csrPem)).publicKeySha256);
        expect(byNode.checkIssued(new X509Certificate(authority.intermediatePem))).to.equal(true);
        expect(byNode.keyUsage).to.deep.equal(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"]);
        expect(await privateKeyMatchesCertificate(generated.privateKeyPem, leafPem)).to.equal(true);
    });

    it("writes the SHA-256 fingerprint as 32 uppercase hex pairs joined by colons", async () => {
        const { fingerprintSha256 } = await parseCertificate(authority.rootPem);
        expect(fingerprintSha256).to.match(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
        expect(fingerprintSha256).to.equal(new X509Certificate(authority.rootPem).fingerprint256);
    });

    it("keeps the CSR's ECDSA key in the leaf and leaves keyEncipherment out", async () => {
        const generated = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P384" },
            commonName: "ec.example.com",
        });
        const leafPem = await authority.issue({
            csrPem: generated.csrPem,
            commonName: "ec.example.com",
            dnsNames: ["ec.example.com"],
            notBefore: new Date(),
            notAfter: new Date(Date.now() + 86_400_000),
            serialNumber: randomSerialNumber(),
            profile: "server",
        });
        expect(await privateKeyMatchesCertificate(generated.privateKeyPem, leafPem)).to.equal(true);
        const usage = new x509.X509Certificate(leafPem).getExtension(x509.KeyUsagesExtension);
        expect(usage?.usages).to.equal(x509.KeyUsageFlags.digitalSignature);
    });

    it("says a private key does not match a certificate issued for another key", async () => {
        const issuedFor = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "a.example.com",
        });
        const other = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "a.example.com",
        });
        const leafPem = await authority.issue({
            csrPem: issuedFor.csrPem,
            commonName: "a.example.com",
            dnsNames: ["a.example.com"],
            notBefore: new Date(),
            notAfter: new Date(Date.now() + 86_400_000),
            serialNumber: randomSerialNumber(),
            profile: "server",
        });
        expect(await privateKeyMatchesCertificate(other.privateKeyPem, leafPem)).to.equal(false);
    });

    it("issues an S/MIME leaf with EKU emailProtection and the address as rfc822Name", async () => {
        const { csrPem } = await generateKeyAndCsr({
            key: { algorithm: "RSA", rsaBits: 2048 },
            commonName: "joe.sample@example.com",
            emailAddresses: ["joe.sample@example.com"],
        });
        const leafPem = await authority.issue({
            csrPem,
            commonName: "joe.sample@example.com",
            dnsNames: [],
            emailAddresses: ["joe.sample@example.com"],
            notBefore: new Date(),
            notAfter: new Date(Date.now() + 86_400_000),
            serialNumber: randomSerialNumber(),
            profile: "smime",
        });
        const leaf = await parseCertificate(leafPem);
        expect(leaf).to.deep.include({
            commonName: "joe.sample@example.com",
            extendedKeyUsages: ["1.3.6.1.5.5.7.3.4"],
            emailAddresses: ["joe.sample@example.com"],
            dnsNames: [],
        });
        expect(new X509Certificate(leafPem).subjectAltName).to.equal("email:joe.sample@example.com");
    });

    it("writes a serial with the top bit set without the leading zero byte DER adds", async () => {
        const { csrPem } = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "a.example.com",
        });
        const leafPem = await authority.issue({
            csrPem,
            commonName: "a.example.com",
            dnsNames: ["a.example.com"],
            notBefore: new Date(),
            notAfter: new Date(Date.now() + 86_400_000),
            serialNumber: "80AB01",
            profile: "server",
        });
        expect((await parseCertificate(leafPem)).serialNumber).to.equal("80AB01");
    });

    it("rejects a CSR, garbage and a truncated certificate with InvalidPemError", async () => {
        const { csrPem } = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "a.example.com",
        });
        await expect(parseCertificate(csrPem)).to.be.rejectedWith(
            InvalidPemError,
            'not a valid certificate: expected "CERTIFICATE", found "CERTIFICATE REQUEST"',
        );
        await expect(parseCertificate("garbage")).to.be.rejectedWith(
            InvalidPemError,
            "not a valid certificate: no PEM block found",
        );
        const body = authority.rootPem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
        await expect(
            parseCertificate(`-----BEGIN CERTIFICATE-----\n${body.slice(0, 400)}\n-----END CERTIFICATE-----\n`),
        ).to.be.rejectedWith(InvalidPemError, /^not a valid certificate: not an X\.509 certificate/);
    });
});
