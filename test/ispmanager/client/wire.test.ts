import { InvalidInputError } from "../../../provider/errors";
import { CertificateFileError, readCertificateFile } from "../../../provider/ispmanager/certificateFile";
import { defaultRequestsPerSecond, resolveClientOptions } from "../../../provider/ispmanager/config";
import { documentFromBjson, documentFromJson, parseDocument } from "../../../provider/ispmanager/document";
import { validationMethodRefusal } from "../../../provider/ispmanager/products";
import { certificateRowSchema, issuanceOf } from "../../../provider/ispmanager/schemas";
import { readZip, ZipFormatError } from "../../../provider/ispmanager/zip";
import { checkIspmanagerCertificateInputs } from "../../../provider/resources/ispmanager/check";
import { generateKeyAndCsr, parseCertificate } from "../../../provider/x509";
import { x509 } from "../../../provider/x509/crypto";
import { randomSerialNumber, TestCertificateAuthority } from "../../../simulator/ca";
import { RunningIspmanagerSimulator, startIspmanagerSimulator } from "../../../simulator/ispmanager";
import { certificateZip } from "../../../simulator/ispmanager/certificateFile";
import { writeZip } from "../../../simulator/ispmanager/zip";
import { expect } from "../../support/client";
import { IspmanagerSimulatorAdmin } from "../simulatorAdmin";

describe("BILLmanager answers in the documented shapes, read in one place", () => {
    it('reads an order id wrapped as {"v": …} in bjson and as {"$": …} in json', () => {
        expect(documentFromBjson({ ok: true, id: { v: "12345" } })?.id).to.equal("12345");
        expect(documentFromBjson({ ok: true, id: 12345 })?.id).to.equal("12345");
        expect(documentFromJson({ doc: { ok: {}, id: { $: "12345" } } })?.id).to.equal("12345");
    });

    it('reads an error whose msg is {"$": …}, with its detail and param entries filling placeholders', () => {
        expect(
            documentFromBjson({
                error: { type: "value", object: "CN", msg: { $: "The 'Domain' field has invalid value" } },
            })?.error,
        ).to.deep.equal({
            type: "value",
            object: "CN",
            value: undefined,
            message: "The 'Domain' field has invalid value",
        });
        const json = {
            doc: {
                error: {
                    $type: "value",
                    $object: "pricelist",
                    param: [
                        { $name: "object", $: "pricelist" },
                        { $name: "value", $: "4071" },
                    ],
                    msg: { $: "The value '__value__' of '__object__' is invalid" },
                    detail: { $: "no such tariff" },
                },
            },
        };
        expect(parseDocument(JSON.stringify(json), "json")?.error).to.deep.equal({
            type: "value",
            object: "pricelist",
            value: "4071",
            message: "The value '4071' of 'pricelist' is invalid (no such tariff)",
            detail: "no such tariff",
        });
    });

    it("reads a bjson answer that comes wrapped in doc like json", () => {
        expect(
            documentFromBjson({ doc: { error: { $type: "auth", msg: { $: "Authorization failed" } } } })?.error,
        ).to.deep.include({ type: "auth", message: "Authorization failed" });
    });

    it("reads a certificate list row in the documented columns", () => {
        const document = documentFromBjson({
            elem: [
                {
                    id: "3001",
                    CN: "shop.example.com",
                    pricelist: "GlobalSign DomainSSL",
                    pricelist_id: "55326",
                    expiredate: "2027-12-01",
                    status_msg: "Issued",
                    item_status: { v: "Active" },
                    item_status_orig: "2",
                    cost: "100.00 EUR",
                },
            ],
        })!;
        expect(certificateRowSchema.parse(document.elements[0])).to.deep.equal({
            id: "3001",
            domain: "shop.example.com",
            status: "ACTIVE",
            statusCode: "2",
            itemStatus: "2",
            itemStatusText: "Active",
            issuance: "issued",
            statusMessage: "Issued",
            expiresOn: "2027-12-01",
            createdOn: undefined,
            pricelist: "55326",
            pricelistName: "GlobalSign DomainSSL",
            periodMonths: undefined,
            cost: "100.00 EUR",
            reason: undefined,
        });
    });

    it("keeps the service item's status apart from the certificate's issuance, and takes the CA's reason from a failed state", () => {
        expect(["3", "4", "5", "6"].map(issuanceOf)).to.deep.equal(["requested", "enrolled", "issued", "failed"]);
        expect(
            ["Requested", "Enrolled", "Issued", "Issue failed", "Failed: CAA record forbids issuance", "Выпущен"].map(
                issuanceOf,
            ),
        ).to.deep.equal(["requested", "enrolled", "issued", "failed", "failed", undefined]);
        const row = certificateRowSchema.parse({
            id: "7",
            CN: "a.example.com",
            item_status_orig: "2",
            status_msg: "Failed: CAA record forbids issuance",
        });
        expect(row).to.deep.include({ status: "ACTIVE", issuance: "failed", reason: "CAA record forbids issuance" });
    });
});

describe("BILLmanager certificate files: zip or PEM, leaf and chain by signature", () => {
    let ca: TestCertificateAuthority;
    let csrPem: string;
    let leafPem: string;

    before(async () => {
        ca = await TestCertificateAuthority.create({ organization: "Zip Test CA" });
        const generated = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "*.zip.example.com",
        });
        csrPem = generated.csrPem;
        leafPem = await ca.issue({
            csrPem,
            commonName: "*.zip.example.com",
            dnsNames: ["*.zip.example.com"],
            notBefore: new Date(Date.now() - 60_000),
            notAfter: new Date(Date.now() + 86_400_000),
            serialNumber: randomSerialNumber(),
            profile: "server",
        });
    });

    it("unpacks the GlobalSign module's zip (root and intermediate before the leaf) into leaf and chain", async () => {
        const zip = certificateZip("*.zip.example.com", leafPem, ca.intermediatePem, ca.rootPem);
        expect(readZip(zip).map((entry) => entry.name)).to.deep.equal([
            "__zip_example_com.p7b",
            "Zip Test CA Root CA.crt",
            "Zip Test CA TLS Intermediate CA.crt",
            "__zip_example_com.crt",
        ]);
        const withCsr = await readCertificateFile(zip, csrPem);
        expect(withCsr).to.deep.equal({ certificatePem: leafPem, intermediatePems: [ca.intermediatePem] });
        expect(await readCertificateFile(zip)).to.deep.equal(withCsr);
    });

    it("reads a zip that holds only the .p7b (PEM or DER), and plain PEM in any order", async () => {
        const p7bOnly = writeZip([readZip(certificateZip("x", leafPem, ca.intermediatePem, ca.rootPem))[0]]);
        expect(await readCertificateFile(p7bOnly, csrPem)).to.deep.equal({
            certificatePem: leafPem,
            intermediatePems: [ca.intermediatePem],
        });
        const der = Buffer.from(
            new x509.X509Certificates(
                [ca.rootPem, leafPem, ca.intermediatePem].map((pem) => new x509.X509Certificate(pem)),
            ).export("raw"),
        );
        expect(await readCertificateFile(writeZip([{ name: "zip_example_com.p7b", data: der }]), csrPem)).to.deep.equal(
            { certificatePem: leafPem, intermediatePems: [ca.intermediatePem] },
        );
        const shuffled = Buffer.from(`${ca.intermediatePem}${ca.rootPem}${leafPem}`);
        expect(await readCertificateFile(shuffled)).to.deep.equal({
            certificatePem: leafPem,
            intermediatePems: [ca.intermediatePem],
        });
        expect(await readCertificateFile(Buffer.from(leafPem), csrPem)).to.deep.equal({
            certificatePem: leafPem,
            intermediatePems: [],
        });
    });

    it("refuses a file without the CSR's certificate, a damaged zip and a file without certificates", async () => {
        const other = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "other.example.com",
        });
        const zip = certificateZip("zip.example.com", leafPem, ca.intermediatePem, ca.rootPem);
        await expect(readCertificateFile(zip, other.csrPem)).to.be.rejectedWith(
            CertificateFileError,
            "no certificate in the file carries the key of the order's CSR",
        );
        const damaged = Buffer.from(zip);
        damaged[30 + zip.readUInt16LE(26) + 5] ^= 0xff; // a byte of the first entry's compressed data
        expect(() => readZip(damaged)).to.throw(ZipFormatError);
        await expect(readCertificateFile(Buffer.from("no certificate here"))).to.be.rejectedWith(
            CertificateFileError,
            "the file holds no PEM certificate",
        );
    });
});

describe("BILLmanager simulator over HTTP, as the reselling page's requests meet it", function () {
    this.timeout(60_000);
    let simulator: RunningIspmanagerSimulator;
    let admin: IspmanagerSimulatorAdmin;
    const contacts =
        "adm_fname=Ivan&adm_lname=Petrov&adm_jtitle=CTO&adm_email=ivan%40example.com&adm_phone=%2B74951234567&tech_fname=Anna&tech_lname=Smirnova&tech_jtitle=Engineer&tech_email=anna%40example.com&tech_phone=%2B74957654321";

    before(async () => {
        simulator = await startIspmanagerSimulator({ issuanceDelayMs: 50 });
        admin = new IspmanagerSimulatorAdmin(simulator.adminUrl);
    });
    after(async () => simulator.close());

    const call = async (query: string) => {
        const response = await fetch(
            `${simulator.url}?authinfo=${encodeURIComponent(simulator.user)}:${encodeURIComponent(simulator.password)}&${query}`,
        );
        return { contentType: response.headers.get("content-type"), bytes: Buffer.from(await response.arrayBuffer()) };
    };
    const json = async (query: string) =>
        JSON.parse((await call(query)).bytes.toString("utf8")) as Record<string, unknown>;

    const orderManual = async (domain: string, extra = "") => {
        const own = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: domain });
        const answer = await json(
            `out=bjson&lang=en&func=certificate.order.param&sok=ok&skipbasket=on&crt_type=manual&period=12&pricelist=55364&${contacts}&approver_email_1=admin%40${domain}&csr=${encodeURIComponent(own.csrPem)}${extra}`,
        );
        return { answer, csrPem: own.csrPem };
    };

    it('takes the page\'s own example tariff 55364 and answers the new id as {"v": …}; a tariff the page does not list is no such tariff', async () => {
        const { answer } = await orderManual("example.example.com");
        expect(answer).to.have.keys("ok", "id", "model");
        expect((answer.id as { v: string }).v).to.match(/^\d+$/);
        const refused = await json(`out=bjson&lang=en&func=certificate.order.csr&period=12&pricelist=4071`);
        expect(refused).to.deep.equal({
            error: {
                type: "value",
                object: "pricelist",
                param: [
                    { name: "object", v: "pricelist" },
                    { name: "value", v: "4071" },
                ],
                msg: { $: "The value of 'pricelist' field is invalid: no such tariff" },
            },
        });
        const period = await json(`out=bjson&lang=en&func=certificate.order.csr&period=36&pricelist=55348`);
        expect(period.error).to.deep.include({
            type: "value",
            object: "period",
            msg: { $: "The value of 'period' field is invalid: GlobalSign DomainSSL is offered for 12 or 24 months" },
        });
    });

    it("lists certificates in the documented columns, worded in English only when lang=en is sent", async () => {
        const { answer } = await orderManual("columns.example.com");
        const id = (answer.id as { v: string }).v;
        await json("out=bjson&lang=en&func=certificate");
        const english = ((await json("out=bjson&lang=en&func=certificate")).elem as Record<string, string>[]).find(
            (row) => row.id === id,
        )!;
        expect(Object.keys(english)).to.deep.equal([
            "id",
            "CN",
            "pricelist",
            "pricelist_id",
            "createdate",
            "expiredate",
            "status_msg",
            "item_status",
            "item_status_orig",
            "cost",
        ]);
        expect(english).to.deep.include({
            CN: "columns.example.com",
            pricelist: "GlobalSign DomainSSL (multi-domain)",
            pricelist_id: "55364",
            item_status: "Active",
            item_status_orig: "2",
        });
        const localized = ((await json("out=bjson&func=certificate")).elem as Record<string, string>[]).find(
            (row) => row.id === id,
        )!;
        expect(localized.item_status).to.equal("Активен");
        expect(issuanceOf(localized.status_msg)).to.equal(undefined);
    });

    it("hands out the issued certificate as the GlobalSign module's zip, and plain PEM when set to", async () => {
        const { answer, csrPem } = await orderManual("files.example.com");
        const id = (answer.id as { v: string }).v;
        const before = await call(`func=certificate.file&elid=${id}&type=crt`);
        expect(before.bytes.toString("utf8")).to.contain("the certificate has not been issued yet");
        await new Promise((resolve) => setTimeout(resolve, 100));
        await json("out=bjson&lang=en&func=certificate");
        const zipped = await call(`func=certificate.file&elid=${id}&type=crt`);
        expect(zipped.contentType).to.equal("application/zip");
        expect(readZip(zipped.bytes).map((entry) => entry.name)).to.deep.equal([
            "files_example_com.p7b",
            "pulumi-sslmanager ispmanager Simulator Root CA.crt",
            "pulumi-sslmanager ispmanager Simulator TLS Intermediate CA.crt",
            "files_example_com.crt",
        ]);
        const contents = await readCertificateFile(zipped.bytes, csrPem);
        expect((await parseCertificate(contents.certificatePem)).commonName).to.equal("files.example.com");
        expect(contents.intermediatePems).to.deep.equal([simulator.ca.intermediatePem]);
        await admin.settings({ certificateFileFormat: "pem" });
        const plain = await call(`func=certificate.file&elid=${id}&type=crt`);
        await admin.settings({ certificateFileFormat: "zip" });
        expect(plain.bytes.toString("utf8")).to.equal(contents.certificatePem);
    });

    it("refuses validation methods a product does not offer, in the simulator and in check", async () => {
        const refused = await orderManual("method.example.com", "&approver_method=auth_file");
        expect(refused.answer.error).to.deep.include({
            type: "value",
            object: "approver_method",
            msg: {
                $: "The value of 'approver_method' field is invalid: GlobalSign DomainSSL (multi-domain) offers auth_email, auth_dnstxt",
            },
        });
        expect(validationMethodRefusal("55326", "auth_cname")).to.equal(
            "GlobalSign DomainSSL (tariff 55326) offers EMAIL and DNS validation only",
        );
        expect(validationMethodRefusal("55326", "auth_dnstxt")).to.equal(undefined);
        expect(validationMethodRefusal("3033", "auth_file")).to.equal(undefined);
        const inputs = {
            domain: "method.example.com",
            pricelist: "55348",
            periodMonths: 12,
            country: "182",
            region: "Moscow",
            city: "Moscow",
            organization: "Primer LLC",
            adminContact: {
                firstName: "Ivan",
                lastName: "Petrov",
                jobTitle: "CTO",
                email: "ivan@example.com",
                phone: "+7 495 1234567",
            },
            technicalContact: {
                firstName: "Anna",
                lastName: "Smirnova",
                jobTitle: "Engineer",
                email: "anna@example.com",
                phone: "+7 495 7654321",
            },
        };
        expect(await checkIspmanagerCertificateInputs({ ...inputs, validationMethod: "FILE" })).to.deep.equal({
            failures: [
                {
                    property: "validationMethod",
                    reason: "FILE is not offered: GlobalSign DomainSSL (tariff 55348) offers EMAIL and DNS validation only",
                },
            ],
            warnings: [],
        });
        expect(
            (await checkIspmanagerCertificateInputs({ ...inputs, pricelist: "3033", validationMethod: "FILE" }))
                .failures,
        ).to.deep.equal([]);
    });

    it("takes DNS re-check domains one at a time or comma-separated, not space-separated", async () => {
        const own = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "recheck.example.com",
        });
        const placed = await json(
            `out=bjson&lang=en&func=certificate.order.param&sok=ok&skipbasket=on&crt_type=manual&period=12&pricelist=55364&${contacts}&altname=www.recheck.example.com&addon_55364=1&approver_method=auth_dnstxt&csr=${encodeURIComponent(own.csrPem)}`,
        );
        const id = (placed.id as { v: string }).v;
        expect(
            await json(
                `out=bjson&lang=en&func=certificate.dns_verify&sok=ok&elid=${id}&domains=recheck.example.com,www.recheck.example.com`,
            ),
        ).to.deep.equal({ ok: true });
        expect(
            await json(
                `out=bjson&lang=en&func=certificate.dns_verify&sok=ok&elid=${id}&domains=www.recheck.example.com`,
            ),
        ).to.deep.equal({ ok: true });
        const spaced = await json(
            `out=bjson&lang=en&func=certificate.dns_verify&sok=ok&elid=${id}&domains=recheck.example.com%20www.recheck.example.com`,
        );
        expect(spaced.error).to.deep.include({
            object: "domains",
            msg: { $: "The value of 'domains' field is invalid: one domain, or domains separated by commas" },
        });
    });
});

describe("BILLmanager client pace", () => {
    it("defaults to a conservative 3 requests per second, configurable by option or ISPMANAGER_REQUESTS_PER_SECOND", () => {
        expect(defaultRequestsPerSecond).to.equal(3);
        expect(resolveClientOptions({ user: "u@example.com", password: "p" }, {}).requestsPerSecond).to.equal(3);
        expect(
            resolveClientOptions({ user: "u@example.com", password: "p" }, { ISPMANAGER_REQUESTS_PER_SECOND: "1.5" })
                .requestsPerSecond,
        ).to.equal(1.5);
        expect(
            resolveClientOptions(
                { user: "u@example.com", password: "p", requestsPerSecond: 2 },
                { ISPMANAGER_REQUESTS_PER_SECOND: "9" },
            ).requestsPerSecond,
        ).to.equal(2);
        expect(() =>
            resolveClientOptions({ user: "u@example.com", password: "p" }, { ISPMANAGER_REQUESTS_PER_SECOND: "fast" }),
        )
            .to.throw(InvalidInputError)
            .with.property("message")
            .that.contains("must be a positive number, got NaN");
    });
});
