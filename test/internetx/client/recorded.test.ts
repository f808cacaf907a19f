import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ApiValidationError, AuthenticationError, unlessNotFound } from "../../../provider/errors";
import { Client } from "../../../provider/internetx/client";
import { authenticationHint } from "../../../provider/internetx/transport/errorCodes";
import { Client as BillmanagerClient } from "../../../provider/ispmanager/client";
import { twoFactorHint } from "../../../provider/ispmanager/errorCodes";
import { expect } from "../../support/client";
import { RecordingServer } from "../../support/recordingServer";

/**
 * Real answers other people's clients recorded (test/fixtures/recorded; sources.json names each one's repository and
 * path or issue), fed over loopback HTTP to the real clients: one test per fact, with the exact parsed result or error.
 */
const recorded = join(__dirname, "..", "..", "..", "..", "test", "fixtures", "recorded");
const body = (file: string) => readFileSync(join(recorded, file), "utf8");
const password = "Recorded-Pa55word";

describe("recorded real answers, as our clients read them", () => {
    let server: RecordingServer;
    const clients: { close(): Promise<void> }[] = [];
    beforeEach(async () => {
        server = await new RecordingServer().start();
    });
    afterEach(async () => {
        await Promise.all(clients.splice(0).map((client) => client.close()));
        await server.stop();
    });
    const json = () => {
        const client = new Client({ url: `${server.url}/v1`, user: "user", password, context: "4", maxAttempts: 1 });
        clients.push(client);
        return client;
    };
    const xml = () => {
        const client = new Client({
            protocol: "xml",
            xmlUrl: server.url,
            user: "user",
            password,
            context: "4",
            maxAttempts: 1,
        });
        clients.push(client);
        return client;
    };
    const sentCtid = () =>
        String(
            server.requests[0].headers["x-domainrobot-ctid"] ??
                /<ctid>([^<]+)<\/ctid>/.exec(server.requests[0].body)?.[1],
        );

    it("names every fixture file in sources.json with its repository and path or issue address", () => {
        const sources = JSON.parse(body("sources.json")) as Record<
            string,
            { repository?: string; path?: string; url?: string }
        >;
        const files = [
            "acmesh-4149-empty-list.xml",
            "acmesh-5317-wrong-context.xml",
            "js-sdk-ssl-contact-list.json",
            "khorsa-ispmanager-auth-error.json",
            "laravel-ssl-manager-workflow.json",
            "lego-autodns-error.json",
            "php-sdk-create-response.json",
            "php-sdk-prepare-order-response.json",
        ];
        expect(Object.keys(sources).sort()).to.deep.equal(files);
        for (const file of files)
            expect(Boolean(sources[file].url || (sources[file].repository && sources[file].path)), file).to.equal(true);
    });

    it("reads EF02022 (go-acme/lego's recorded AutoDNS answer) as a refusal naming the duplicate record, never as gone", async () => {
        // CertificateInfo refused with it, then Certificate List still counts one certificate: nothing is dropped.
        server.respondWith(
            { status: 400, body: body("lego-autodns-error.json") },
            {
                body: JSON.stringify({
                    stid: "s",
                    status: { code: "S400105", text: "", type: "SUCCESS" },
                    object: { type: "Certificate", summary: 1 },
                    data: [{ id: 8, name: "example.com" }],
                }),
            },
        );
        const error = (await unlessNotFound(json().certificate.info("7")).catch(
            (caught) => caught,
        )) as ApiValidationError;
        expect(error).to.be.instanceOf(ApiValidationError);
        expect(error.message).to.equal(
            `CertificateInfo failed: Zone konnte auf dem Nameserver nicht aktualisiert werden.; Der Zusatzeintrag wurde doppelt eingetragen. [OURDOMAIN.TLD@nsa7.schlundtech.de/rr[17] = _acme-challenge.www.whoami.int.OURDOMAIN.TLD TXT "rK2SJb_ZcrYefbfCKU6jZEANfEAJeOtSh1Fv8hkUoVc"] (HTTP 400, E0202002/EF02022, stid 20251121-appf4923-126284, ctid ${sentCtid()})`,
        );
        expect(error.messages).to.deep.equal([
            {
                text: "Der Zusatzeintrag wurde doppelt eingetragen.",
                code: "EF02022",
                type: "ERROR",
                objects: [
                    {
                        type: "OURDOMAIN.TLD@nsa7.schlundtech.de/rr[17]",
                        value: '_acme-challenge.www.whoami.int.OURDOMAIN.TLD TXT "rK2SJb_ZcrYefbfCKU6jZEANfEAJeOtSh1Fv8hkUoVc"',
                    },
                ],
            },
        ]);
        expect(server.requests.map((request) => request.url)).to.deep.equal([
            "/v1/certificate/7",
            "/v1/certificate/_search",
        ]);
    });

    it("reads the gateway's EF01000 on request.auth.context (acme.sh issue 5317) as an AuthenticationError naming the value", async () => {
        server.respondWith({ body: body("acmesh-5317-wrong-context.xml") });
        const error = (await xml()
            .certificate.info("7")
            .catch((caught) => caught)) as AuthenticationError;
        expect(error).to.be.instanceOf(AuthenticationError);
        expect(error.message).to.equal(
            `CertificateInfo failed: Errors occurred during processing.; Missing or wrong value. [request.auth.context = "4"] (HTTP 200, E00000/EF01000, stid 20241008-app2-416159, ctid ${sentCtid()}); ${authenticationHint}`,
        );
    });

    it("never shows a password the gateway quotes back as a refused request.auth.password (the issue 5317 answer, object changed)", async () => {
        server.respondWith({
            body: body("acmesh-5317-wrong-context.xml")
                .replace("request.auth.context", "request.auth.password")
                .replace('"4"', password),
        });
        const error = (await xml()
            .certificate.info("7")
            .catch((caught) => caught)) as AuthenticationError;
        expect(error).to.be.instanceOf(AuthenticationError);
        expect(error.message).to.contain("Missing or wrong value. [request.auth.password = [REDACTED]]");
        expect(JSON.stringify(error) + error.message).not.to.contain(password);
    });

    it("reads a gateway list answer whose <data> holds only <summary>0</summary> (acme.sh issue 4149) as no rows", async () => {
        server.respondWith({ body: body("acmesh-4149-empty-list.xml") });
        expect(await xml().certificate.list()).to.deep.equal({ certificates: [], total: 0 });
    });

    it("reads InterNetX's recorded prepare-order answer: one entry per name and method, the TXT record at _dnsauth.<name>.", async () => {
        server.respondWith({ body: body("php-sdk-prepare-order-response.json") });
        const data = await json().certificate.prepareOrder({ plain: "csr", product: "BASIC_SSL" });
        expect(data.authentication).to.deep.equal([
            {
                name: "junkdragons.de",
                method: "DNS",
                dns: '_dnsauth.junkdragons.de.\t300\tIN\tTXT\t"202003111007103gz85txmpl9x77x0ndm055v1w8lcmretx8wgshot6369xxu3lg"',
                provisioning: true,
            },
            {
                name: "junkdragons.de",
                method: "FILE",
                fileName: "junkdragons.de/.well-known/pki-validation/fileauth.txt",
                fileContent: "2020031110071149hu0i9pe92wgypcio2rl527857rtqakhmlm7qn1decuse9lus",
            },
        ]);
        expect(data).to.deep.include({
            name: "junkdragons.de",
            keySize: 2048,
            countryCode: "AU",
            product: "BASIC_SSL",
            algorithm: "RSA",
            signatureHashAlgorithm: "SHA256",
        });
    });

    it("reads InterNetX's recorded CertificateCreate answer, a job id above 2^32 without a status", async () => {
        server.respondWith({ body: body("php-sdk-create-response.json") });
        const accepted = await json().certificate.create({
            name: "junkdragons.de",
            product: "BASIC_SSL",
            lifetimeMonths: 12,
            csr: "csr",
            adminContactId: "1",
            technicalContactId: "1",
        });
        expect(accepted).to.deep.equal({ jobId: "4297939738", jobStatus: undefined, recovered: false });
    });

    it("reads InterNetX's recorded SslContactList answer, whose rows carry no phone, email or address", async () => {
        server.respondWith({ body: body("js-sdk-ssl-contact-list.json") });
        const listed = await json().sslcontact.list();
        expect(listed.total).to.equal(3);
        expect(listed.contacts).to.deep.equal([
            { id: "100", fname: "Max", lname: "Mustermann", organization: "InterNetX GmbH" },
            { id: "37791", fname: "Master", lname: "of the Universe", organization: "Company Kg" },
            { id: "37798", fname: "Max", lname: "Mustermann", organization: "Galaxy Incoporated" },
        ]);
    });

    it("reads an ISPsystem error document for a wrong login (Khorsa/php-ispmanager-api) as an AuthenticationError", async () => {
        server.respondWith({ body: body("khorsa-ispmanager-auth-error.json") });
        const client = new BillmanagerClient({
            url: server.url,
            user: "user",
            password,
            format: "json",
            method: "POST",
            timeoutMs: 2000,
            requestsPerSecond: 100,
        });
        clients.push(client);
        const error = (await client.certificate.info("7").catch((caught) => caught)) as AuthenticationError;
        expect(error).to.be.instanceOf(AuthenticationError);
        expect(error.message).to.equal(
            `certificate failed: Invalid username or password  (HTTP 200, auth badpassword); ${twoFactorHint}`,
        );
    });
});
