import {
    AuthenticationError,
    NotFoundError,
    ApiValidationError,
    RenewalTooEarlyError,
    TransportError,
} from "../../../provider/errors";
import { Client } from "../../../provider/internetx/client";
import { generateKeyAndCsr, parseCertificate, verifyChain } from "../../../provider/x509";
import { crypto, x509 } from "../../../provider/x509/crypto";
import { RunningSimulator, startSimulator } from "../../../simulator/internetx";
import { expect } from "../../support/client";
import { SimulatorAdmin } from "../../support/simulatorAdmin";

/** A CSR for a 1024-bit RSA key, which the provider itself would never generate. */
async function weakCsr(): Promise<string> {
    const keys = await crypto.subtle.generateKey(
        { name: "RSASSA-PKCS1-v1_5", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
        true,
        ["sign", "verify"],
    );
    const request = await x509.Pkcs10CertificateRequestGenerator.create({
        name: "CN=weak.example.com",
        keys,
        signingAlgorithm: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
    });
    return request.toString("pem");
}

const contact = {
    fname: "Jörg",
    lname: "O'Brien & Söhne",
    phone: "+49-941-1234560",
    email: "joerg@example.com",
    title: "Admin",
    organization: 'Beispiel <GmbH> "&" ]]> Co',
    address: ["Maximilianstraße 36", "2. OG"],
    pcode: "93047",
    city: "Regensburg",
    country: "DE",
    state: "Bayern",
};

/** Every client method against the simulator over real HTTP, with identical results over JSON and XML. */
for (const protocol of ["json", "xml"] as const) {
    describe(`client against the simulator over ${protocol}`, function () {
        this.timeout(60_000);
        let simulator: RunningSimulator;
        let admin: SimulatorAdmin;
        let client: Client;
        let csrPem: string;

        before(async () => {
            // Renewal opens 90 days before expiry ("Certificate Renew"); this suite renews fresh certificates, so its window is wider.
            // Timed steps of 500 ms need more than the reference's 3 requests per second: this suite raises the limit on both
            // sides explicitly (test/internetx/client/rateLimit.test.ts holds the default against the simulator's enforcement).
            simulator = await startSimulator({
                issuanceDelayMs: 500,
                cancellationDelayMs: 500,
                renewalWindowDays: 400,
                requestsPerSecond: 100,
            });
            admin = new SimulatorAdmin(simulator.adminUrl);
            client = new Client({
                protocol,
                url: simulator.url,
                xmlUrl: simulator.xmlUrl,
                user: simulator.user,
                password: simulator.password,
                context: simulator.context,
                requestsPerSecond: 50,
            });
            csrPem = (
                await generateKeyAndCsr({
                    key: { algorithm: "RSA", rsaBits: 2048 },
                    commonName: "www.example.com",
                    subjectAlternativeNames: ["example.com"],
                })
            ).csrPem;
        });
        after(async () => {
            await client.close();
            await simulator.close();
        });

        it("creates, reads, lists, updates and deletes an SSL contact, keeping special characters intact", async () => {
            const created = await client.sslcontact.create(contact);
            expect(created).to.deep.equal({ ...contact, id: "100" });
            expect(await client.sslcontact.info("100")).to.deep.equal({ ...contact, id: "100" });
            const updated = await client.sslcontact.update("100", { ...contact, city: "München" });
            expect(updated.city).to.equal("München");
            expect((await client.sslcontact.info("100")).city).to.equal("München");
            const listed = await client.sslcontact.list({
                filters: [{ key: "email", value: "joerg@*", operator: "LIKE" }],
            });
            expect(listed.total).to.equal(1);
            expect(listed.contacts.map((entry) => entry.id)).to.deep.equal(["100"]);
            await client.sslcontact.delete("100");
            await expect(client.sslcontact.info("100")).to.be.rejectedWith(
                NotFoundError,
                "SslContactInfo failed: SslContact could not be found.; SslContact 100 does not exist.",
            );
        });

        it("refuses a contact without a city, naming the field", async () => {
            const error = (await client.sslcontact
                .create({ ...contact, city: "" })
                .catch((caught) => caught)) as ApiValidationError;
            expect(error).to.be.instanceOf(ApiValidationError);
            expect(error.statusCode).to.equal("E400201");
            expect(error.messages[0]).to.deep.include({ text: "city: is required", code: "EF01010" });
        });

        it("prepares an order: the CSR's name, a DNS and a FILE entry per name (the record at _dnsauth.<name>., separate tokens) and the EMAIL approvers", async () => {
            const data = await client.certificate.prepareOrder({ plain: csrPem, product: "QUICKSSLPREMIUM" });
            expect(data).to.deep.include({
                name: "www.example.com",
                keySize: 2048,
                product: "QUICKSSLPREMIUM",
                algorithm: "RSA",
            });
            const entries = (method: string) =>
                data.authentication.filter((authentication) => authentication.method === method);
            expect(entries("DNS").map((entry) => entry.name)).to.deep.equal(["www.example.com", "example.com"]);
            expect(entries("FILE").map((entry) => [entry.name, entry.fileName])).to.deep.equal([
                ["www.example.com", "http://www.example.com/.well-known/pki-validation/fileauth.txt"],
                ["example.com", "http://example.com/.well-known/pki-validation/fileauth.txt"],
            ]);
            const [wwwDns, apexDns] = entries("DNS");
            expect(wwwDns.dns).to.match(/^_dnsauth\.www\.example\.com\.\t300\tIN\tTXT\t"20260101000000[a-z0-9]{50}"$/);
            expect(apexDns.dns).to.match(/^_dnsauth\.example\.com\.\t300\tIN\tTXT\t"20260101000000[a-z0-9]{50}"$/);
            const [wwwFile] = entries("FILE");
            expect(wwwFile.fileContent).to.match(/^20260101000000[a-z0-9]{50}$/);
            expect(wwwDns.dns).not.to.contain(wwwFile.fileContent!);
            expect(apexDns.dns).not.to.equal(wwwDns.dns);
            expect(
                data.authentication.find((authentication) => authentication.method === "EMAIL")!.approverEmails,
            ).to.deep.equal([
                "admin@example.com",
                "administrator@example.com",
                "hostmaster@example.com",
                "webmaster@example.com",
                "postmaster@example.com",
            ]);
        });

        it("rejects a malformed CSR, a 1024-bit key and an unknown product in prepare order with the API's validation error", async () => {
            await expect(
                client.certificate.prepareOrder({
                    plain: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----",
                    product: "QUICKSSLPREMIUM",
                }),
            ).to.be.rejectedWith(ApiValidationError, /plain: the CSR could not be read/);
            await expect(
                client.certificate.prepareOrder({ plain: await weakCsr(), product: "QUICKSSLPREMIUM" }),
            ).to.be.rejectedWith(ApiValidationError, "plain: the key has 1024 bits; at least 2048 are required");
            await expect(
                client.certificate.prepareOrder({ plain: csrPem, product: "NOSUCHPRODUCT" }),
            ).to.be.rejectedWith(ApiValidationError, "product: unknown product NOSUCHPRODUCT");
        });

        it("orders, follows the job to SUCCESS, reads the issued chain, finds the order, reissues, renews, and deletes", async () => {
            const contactId = (await client.sslcontact.create(contact)).id;
            const prepared = await client.certificate.prepareOrder({ plain: csrPem, product: "QUICKSSLPREMIUM" });
            const dns = prepared.authentication.find((authentication) => authentication.method === "DNS")!.dns!;
            const order = {
                name: "www.example.com",
                product: "QUICKSSLPREMIUM",
                lifetimeMonths: 12,
                software: "APACHESSL",
                csr: csrPem,
                adminContactId: contactId,
                technicalContactId: contactId,
                authentication: { method: "DNS", dns, provisioning: true },
                orderReference: `order-www-${protocol}`,
            };
            const accepted = await client.certificate.create(order);
            expect(accepted).to.deep.include({ jobStatus: "RUNNING", recovered: false });
            expect(accepted.jobId).to.match(/^\d+$/);
            const running = await client.job.info(accepted.jobId!);
            expect(running).to.deep.include({
                id: accepted.jobId,
                status: "RUNNING",
                subStatus: "WF_DNS_AUTH",
                action: "create",
                subType: "QUICKSSLPREMIUM",
                reasons: [],
            });
            const certificateId = running.object!.data!.id!;
            expect(running.object!.data).to.deep.include({
                id: certificateId,
                comment: `order-www-${protocol}`,
                name: "www.example.com",
            });
            expect(await client.job.list({ orderReference: `order-www-${protocol}` })).to.deep.equal([
                {
                    jobId: accepted.jobId,
                    name: "www.example.com",
                    status: "RUNNING",
                    subStatus: "WF_DNS_AUTH",
                    action: "create",
                    certificateId,
                    orderReference: `order-www-${protocol}`,
                    created: running.created,
                    reasons: [],
                },
            ]);
            expect(await client.certificate.findOrder({ orderReference: `order-www-${protocol}` })).to.deep.equal({
                jobId: accepted.jobId,
                certificateId,
                status: "RUNNING",
                orderReference: `order-www-${protocol}`,
                proof: "reference read back",
            });
            const pending = await client.certificate.info(certificateId);
            expect(pending.server).to.equal(undefined);
            await new Promise((resolve) => setTimeout(resolve, 700));
            // "Certificate Job Info": a finished job has left Job Info; its history tells how it ended.
            await expect(client.job.info(accepted.jobId!)).to.be.rejectedWith(NotFoundError, /EF300101/);
            expect(await client.job.history(accepted.jobId!)).to.deep.include({
                id: accepted.jobId,
                status: "SUCCESS",
                action: "create",
                reasons: [],
            });
            expect(await client.job.list({ orderReference: `order-www-${protocol}` })).to.deep.equal([]);
            expect(await client.certificate.findOrder({ orderReference: `order-www-${protocol}` })).to.deep.equal({
                certificateId,
                orderReference: `order-www-${protocol}`,
                proof: "reference read back",
            });
            expect(await client.certificate.findOrder({ orderReference: "never-ordered" })).to.equal(undefined);

            const issued = await client.certificate.info(certificateId);
            expect(issued).to.deep.include({
                id: certificateId,
                name: "www.example.com",
                product: "QUICKSSLPREMIUM",
                software: "APACHESSL",
                lifetime: { unit: "MONTH", period: 12 },
            });
            expect(issued.orderId).to.match(/^SIM-\d{6}$/);
            expect(issued.adminContact?.id).to.equal(contactId);
            expect(issued.certificationAuthority.map((authority) => authority.caType)).to.deep.equal([
                "INTERMEDIATE",
                "ROOT",
            ]);
            const leaf = await parseCertificate(issued.server!);
            expect(leaf.serialNumber).to.equal(issued.serialNumber);
            expect(leaf.notAfter).to.equal(issued.expire);
            expect(leaf.dnsNames).to.deep.equal(["www.example.com", "example.com"]);
            const chain = issued.certificationAuthority.map((authority) => authority.caCertificate);
            expect(await verifyChain(issued.server!, [chain[0]], chain[1])).to.deep.equal({ valid: true });

            // The CSR proves nothing against a comment that names another order.
            expect(
                await client.certificate.findOrder({
                    orderReference: "another-order",
                    name: "www.example.com",
                    csrPem,
                }),
            ).to.equal(undefined);
            const listed = await client.certificate.list({
                filters: [{ key: "name", value: "*.example.com", operator: "LIKE" }],
            });
            expect(listed.certificates.map((certificate) => certificate.id)).to.deep.equal([certificateId]);
            // List rows are reduced: no CSR, no leaf, and `created` is the start of the day ("Certificate Object").
            expect(listed.certificates[0].csr).to.equal(undefined);
            expect(listed.certificates[0].server).to.equal(undefined);
            expect(listed.certificates[0].created).to.equal(`${issued.created!.slice(0, 10)}T00:00:00.000Z`);

            const newCsr = (
                await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: "www.example.com" })
            ).csrPem;
            const reissue = await client.certificate.reissue(certificateId, { ...order, csr: newCsr });
            await new Promise((resolve) => setTimeout(resolve, 700));
            expect(await client.job.history(reissue.jobId!)).to.deep.include({ status: "SUCCESS", action: "reissue" });
            const reissued = await client.certificate.info(certificateId);
            expect(reissued.serialNumber).not.to.equal(issued.serialNumber);
            expect(reissued.csr).to.equal(newCsr);

            const renewal = await client.certificate.renew(certificateId, { ...order, csr: newCsr });
            await new Promise((resolve) => setTimeout(resolve, 700));
            expect(await client.job.history(renewal.jobId!)).to.deep.include({ status: "SUCCESS", action: "renew" });
            expect(await admin.state()).to.deep.include({ orders: 1, reissues: 1, renewals: 1 });

            // "CertificateDelete": the cancellation runs as a job; the certificate is there until it has finished.
            const cancellation = await client.certificate.delete(certificateId);
            expect(cancellation.jobId).to.match(/^\d+$/);
            expect((await client.job.info(cancellation.jobId!)).action).to.equal("delete");
            expect((await client.certificate.info(certificateId)).id).to.equal(certificateId);
            await new Promise((resolve) => setTimeout(resolve, 700));
            await expect(client.certificate.info(certificateId)).to.be.rejectedWith(NotFoundError);
            await expect(client.certificate.delete(certificateId)).to.be.rejectedWith(NotFoundError);
        });

        it("refuses a renewal before the renewal window as RenewalTooEarlyError, ordering nothing", async () => {
            const contactId = (await client.sslcontact.create(contact)).id;
            const { csrPem: ownCsr } = await generateKeyAndCsr({
                key: { algorithm: "ECDSA", curve: "P256" },
                commonName: "early.example.com",
            });
            const order = {
                name: "early.example.com",
                product: "RAPIDSSL",
                lifetimeMonths: 12,
                csr: ownCsr,
                adminContactId: contactId,
                technicalContactId: contactId,
                authentication: { method: "EMAIL", approverEmails: ["admin@early.example.com"] },
            };
            const accepted = await client.certificate.create(order);
            await new Promise((resolve) => setTimeout(resolve, 700));
            const certificateId = (await client.job.history(accepted.jobId!))!.object!.data!.id!;
            await admin.settings({ renewalWindowDays: 90 });
            const before = await admin.state();
            const error = (await client.certificate
                .renew(certificateId, order)
                .catch((caught) => caught)) as RenewalTooEarlyError;
            await admin.settings({ renewalWindowDays: 400 });
            expect(error).to.be.instanceOf(RenewalTooEarlyError);
            const httpStatus = protocol === "json" ? 400 : 200;
            expect(error.message).to.match(
                new RegExp(
                    `^CertificateRenew failed: Certificate could not be renewed\\.; The certificate can be renewed from \\d{4}-\\d{2}-\\d{2} \\(90 days before it expires\\)\\. \\(HTTP ${httpStatus}, E400106/EF4001012, stid \\d{8}-sim-\\d+, ctid sslm-[0-9a-f-]{36}\\)$`,
                ),
            );
            expect(error.ctid).to.match(/^sslm-[0-9a-f-]{36}$/);
            expect((await admin.state()).renewals).to.equal(before.renewals);
            // Clean up: this certificate is not part of the notification count below.
            const cancellation = await client.certificate.delete(certificateId);
            expect(cancellation.jobId).to.match(/^\d+$/);
        });

        it("queues one notification per finished job, oldest first, each removed by its confirmation", async () => {
            let drained = 0;
            for (let { message } = await client.poll.info(); message; { message } = await client.poll.info()) {
                await client.poll.confirm(message.id);
                drained++;
            }
            expect(drained).to.equal(4);
            const contactId = (await client.sslcontact.create(contact)).id;
            const jobs: string[] = [];
            for (const name of ["a.example.com", "b.example.com"]) {
                const { csrPem: ownCsr } = await generateKeyAndCsr({
                    key: { algorithm: "ECDSA", curve: "P256" },
                    commonName: name,
                });
                jobs.push(
                    (
                        await client.certificate.create({
                            name,
                            product: "RAPIDSSL",
                            lifetimeMonths: 12,
                            csr: ownCsr,
                            adminContactId: contactId,
                            technicalContactId: contactId,
                            authentication: { method: "EMAIL", approverEmails: [`admin@${name}`] },
                        })
                    ).jobId!,
                );
            }
            expect(await client.poll.info()).to.deep.equal({ message: undefined, pending: 0 });
            await new Promise((resolve) => setTimeout(resolve, 700));
            const first = await client.poll.info();
            expect(first.pending).to.equal(2);
            expect(first.message?.job).to.deep.include({ id: jobs[0], status: "SUCCESS" });
            expect((first.message?.object?.data as { name: string }).name).to.equal("a.example.com");
            await client.poll.confirm(first.message!.id);
            const second = await client.poll.info();
            expect(second.pending).to.equal(1);
            expect(second.message?.job?.id).to.equal(jobs[1]);
            await client.poll.confirm(second.message!.id);
            // A second confirmation is refused. Over JSON its HTTP 404 says "no such message"; the gateway's refusal
            // (HTTP 200) has no published not-found code, so it stays a refusal naming the API's words.
            if (protocol === "json")
                await expect(client.poll.confirm(second.message!.id)).to.be.rejectedWith(NotFoundError);
            else
                await expect(client.poll.confirm(second.message!.id)).to.be.rejectedWith(
                    ApiValidationError,
                    `Notification ${second.message!.id} does not exist. (HTTP 200, E0906, stid`,
                );
        });

        it("rejects a wrong password with an AuthenticationError that does not contain it", async () => {
            const wrong = new Client({
                protocol,
                url: simulator.url,
                xmlUrl: simulator.xmlUrl,
                user: simulator.user,
                password: "wrong-password-123",
                context: simulator.context,
            });
            const error = (await wrong.certificate.list().catch((caught) => caught)) as AuthenticationError;
            await wrong.close();
            expect(error).to.be.instanceOf(AuthenticationError);
            expect(error.statusCode).to.equal("E0003");
            expect(error.stid).to.match(/^\d{8}-sim-\d+$/);
            expect(`${error.message}${JSON.stringify(error)}${error.rawBody ?? ""}`).not.to.contain(
                "wrong-password-123",
            );
        });

        it("repeats a read whose connection was reset before it was processed", async () => {
            await admin.fault({ kind: "reset", when: "before", count: 1 });
            expect((await client.certificate.list()).total).to.equal(2);
        });

        it("finds an order whose answer was lost after it was placed by its reference, instead of ordering twice", async () => {
            const contactId = (await client.sslcontact.create(contact)).id;
            const { csrPem: ownCsr } = await generateKeyAndCsr({
                key: { algorithm: "ECDSA", curve: "P256" },
                commonName: "lost.example.com",
            });
            const before = (await admin.state()).orders;
            await admin.fault({ kind: "reset", when: "after", count: 1, match: { taskCode: "400101" } });
            const accepted = await client.certificate.create({
                name: "lost.example.com",
                product: "RAPIDSSL",
                lifetimeMonths: 12,
                csr: ownCsr,
                adminContactId: contactId,
                technicalContactId: contactId,
                authentication: { method: "EMAIL", approverEmails: ["admin@lost.example.com"] },
                orderReference: `lost-${protocol}`,
            });
            expect(accepted.recovered).to.equal(true);
            expect(accepted.certificateId).to.match(/^\d+$/);
            expect((await admin.state()).orders).to.equal(before + 1);
        });

        it("fails with a TransportError when nothing listens, without repeating forever", async () => {
            const nowhere = new Client({
                protocol,
                url: "http://127.0.0.1:9/v1",
                xmlUrl: "http://127.0.0.1:9/xml",
                user: "u",
                password: "p",
                context: "4",
                maxAttempts: 2,
            });
            const error = (await nowhere.certificate.list().catch((caught) => caught)) as TransportError;
            await nowhere.close();
            expect(error).to.be.instanceOf(TransportError);
            expect(error.requestSent).to.equal(false);
            expect(error.message).to.equal(
                `CertificateList: POST ${protocol === "json" ? "/v1/certificate/_search" : "/xml"} failed (ECONNREFUSED)`,
            );
        });
    });
}
