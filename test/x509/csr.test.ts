import * as chai from "chai";
import { expect } from "chai";
import chaiAsPromised from "chai-as-promised";
import { createHash, createPublicKey } from "node:crypto";
import { csrFromPrivateKey, generateKeyAndCsr, InvalidPemError, KeySpec, parseCsr } from "../../provider/x509";
import { crypto, x509 } from "../../provider/x509/crypto";

chai.use(chaiAsPromised);

/** The base64 body of a PEM block, on one line. */
const bodyOf = (pem: string) => pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");
const csrPem = (body: string) => `-----BEGIN CERTIFICATE REQUEST-----\n${body}\n-----END CERTIFICATE REQUEST-----\n`;

describe("X.509 keys and certificate signing requests", function () {
    this.timeout(30_000);

    const cases: Array<[KeySpec, "RSA" | "ECDSA", number]> = [
        [{ algorithm: "RSA", rsaBits: 2048 }, "RSA", 2048],
        [{ algorithm: "ECDSA", curve: "P256" }, "ECDSA", 256],
        [{ algorithm: "ECDSA", curve: "P384" }, "ECDSA", 384],
    ];
    for (const [key, algorithm, size] of cases) {
        it(`generates an ${algorithm} ${size} key whose CSR parses back with the name, the SANs, the subject and a valid signature`, async () => {
            const generated = await generateKeyAndCsr({
                key,
                commonName: "www.example.com",
                subjectAlternativeNames: ["example.com", "api.example.com"],
                subject: {
                    organization: 'Example, "Quoted" GmbH',
                    organizationalUnit: "IT",
                    country: "DE",
                    state: "Bayern",
                    locality: "Regensburg",
                },
            });
            expect(generated.privateKeyPem).to.match(
                /^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END PRIVATE KEY-----\n$/,
            );
            const csr = await parseCsr(generated.csrPem);
            expect(csr).to.deep.include({
                pem: generated.csrPem,
                commonName: "www.example.com",
                dnsNames: ["www.example.com", "example.com", "api.example.com"],
                emailAddresses: [],
                keyAlgorithm: algorithm,
                keySize: size,
                signatureValid: true,
            });
            expect(csr.subject).to.deep.equal({
                organization: 'Example, "Quoted" GmbH',
                organizationalUnit: "IT",
                country: "DE",
                state: "Bayern",
                locality: "Regensburg",
            });
            // Cross-checked with Node's own parser: the hash covers the DER SubjectPublicKeyInfo of the private key's public half.
            const spki = createPublicKey(generated.privateKeyPem).export({ type: "spki", format: "der" });
            expect(csr.publicKeySha256).to.equal(createHash("sha256").update(spki).digest("hex").toUpperCase());
        });
    }

    it("puts the common name first among the DNS names and does not repeat it", async () => {
        const { csrPem: pem } = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "example.com",
            subjectAlternativeNames: ["www.example.com", "example.com"],
        });
        expect((await parseCsr(pem)).dnsNames).to.deep.equal(["example.com", "www.example.com"]);
    });

    it("writes S/MIME addresses as rfc822Name SANs and no DNS name for an address common name", async () => {
        const { csrPem: pem } = await generateKeyAndCsr({
            key: { algorithm: "RSA", rsaBits: 2048 },
            commonName: "joe.sample@example.com",
            emailAddresses: ["joe.sample@example.com"],
            subject: { emailAddress: "joe.sample@example.com" },
        });
        const csr = await parseCsr(pem);
        expect(csr).to.deep.include({
            commonName: "joe.sample@example.com",
            dnsNames: [],
            emailAddresses: ["joe.sample@example.com"],
        });
        expect(csr.subject).to.deep.equal({ emailAddress: "joe.sample@example.com" });
    });

    for (const key of [
        { algorithm: "ECDSA", curve: "P384" },
        { algorithm: "RSA", rsaBits: 2048 },
    ] as KeySpec[]) {
        it(`signs a new CSR with other names for a kept ${key.algorithm} key`, async () => {
            const generated = await generateKeyAndCsr({ key, commonName: "a.example.com" });
            const renamed = await parseCsr(
                await csrFromPrivateKey(generated.privateKeyPem, {
                    commonName: "b.example.com",
                    subjectAlternativeNames: ["c.example.com"],
                }),
            );
            expect(renamed).to.deep.include({
                commonName: "b.example.com",
                dnsNames: ["b.example.com", "c.example.com"],
                signatureValid: true,
            });
            expect(renamed.publicKeySha256).to.equal((await parseCsr(generated.csrPem)).publicKeySha256);
        });
    }

    it("rejects a private key that is not PKCS#8 with InvalidPemError", async () => {
        await expect(
            csrFromPrivateKey("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n", {
                commonName: "a.example.com",
            }),
        ).to.be.rejectedWith(
            InvalidPemError,
            'not a valid private key: expected "PRIVATE KEY", found "RSA PRIVATE KEY"',
        );
    });

    it("normalizes a CSR pasted with CRLF line ends to the library's own encoding", async () => {
        const { csrPem: pem } = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "a.example.com",
        });
        expect((await parseCsr(pem.replace(/\n/g, "\r\n"))).pem).to.equal(pem);
    });

    it("reads a CSR whose lines are indented, as InterNetX's demo system accepted one (InterNetX-DL/Laravel-SSL-Manager)", async () => {
        const { csrPem: pem } = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "a.example.com",
        });
        const indented = pem.trimEnd().replace(/\n/g, "\n        ");
        const parsed = await parseCsr(indented);
        expect([parsed.commonName, parsed.signatureValid, parsed.pem]).to.deep.equal(["a.example.com", true, pem]);
    });

    describe("parseCsr rejects what is not one valid PEM certificate request with InvalidPemError", () => {
        let validPem: string;
        before(async () => {
            validPem = (
                await generateKeyAndCsr({ key: { algorithm: "RSA", rsaBits: 2048 }, commonName: "a.example.com" })
            ).csrPem;
        });

        it("rejects text without a PEM block", async () => {
            await expect(parseCsr("hello")).to.be.rejectedWith(InvalidPemError, "not a valid CSR: no PEM block found");
        });

        it("rejects a certificate PEM", async () => {
            const keys = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
                "sign",
                "verify",
            ]);
            const certificate = await x509.X509CertificateGenerator.createSelfSigned(
                { name: "CN=a.example.com", keys, signingAlgorithm: { name: "ECDSA", hash: "SHA-256" } },
                crypto,
            );
            await expect(parseCsr(certificate.toString("pem"))).to.be.rejectedWith(
                InvalidPemError,
                'not a valid CSR: expected "CERTIFICATE REQUEST", found "CERTIFICATE"',
            );
        });

        it("rejects two requests in one text", async () => {
            await expect(parseCsr(validPem + validPem)).to.be.rejectedWith(
                InvalidPemError,
                "not a valid CSR: expected one PEM block, found 2",
            );
        });

        it("rejects characters outside base64", async () => {
            await expect(parseCsr(csrPem("AA!A"))).to.be.rejectedWith(
                InvalidPemError,
                "not a valid CSR: the base64 body is malformed",
            );
        });

        it("rejects base64 cut off in the middle of a quartet", async () => {
            const body = bodyOf(validPem);
            await expect(parseCsr(csrPem(body.slice(0, body.length - 2)))).to.be.rejectedWith(
                InvalidPemError,
                "not a valid CSR: the base64 body is malformed",
            );
        });

        it("rejects a request truncated at a quartet boundary", async () => {
            const body = bodyOf(validPem);
            await expect(parseCsr(csrPem(body.slice(0, 200)))).to.be.rejectedWith(
                InvalidPemError,
                /^not a valid CSR: not a PKCS#10 request \(End of input reached before message was fully decoded/,
            );
        });

        it("rejects a request whose key is neither RSA nor ECDSA", async () => {
            const keys = await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"]);
            const request = await x509.Pkcs10CertificateRequestGenerator.create(
                { name: "CN=a.example.com", keys, signingAlgorithm: { name: "Ed25519" } },
                crypto,
            );
            await expect(parseCsr(request.toString("pem"))).to.be.rejectedWith(
                InvalidPemError,
                "not a valid CSR: the key algorithm Ed25519 is not RSA or ECDSA",
            );
        });
    });

    it("reports a CSR whose signature does not match its content as signatureValid false", async () => {
        const { csrPem: pem } = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "a.example.com",
        });
        const der = Buffer.from(bodyOf(pem), "base64");
        // Flip a byte inside the common name's value: the structure still parses, the signature no longer covers it.
        const at = der.indexOf(Buffer.from("a.example.com"));
        der[at] = "b".charCodeAt(0);
        const csr = await parseCsr(csrPem(der.toString("base64")));
        expect(csr).to.deep.include({ commonName: "b.example.com", signatureValid: false });
    });
});
