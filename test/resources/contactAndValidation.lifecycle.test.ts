import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { OrderFailedError } from "../../provider/errors";
import { checkCertificateInputs } from "../../provider/resources/certificate/check";
import { createCertificate } from "../../provider/resources/certificate/lifecycle";
import {
    checkDomainValidationInputs,
    createDomainValidation,
} from "../../provider/resources/domainValidation/lifecycle";
import {
    checkSslContactInputs,
    createSslContact,
    deleteSslContact,
    readSslContact,
    updateSslContact,
} from "../../provider/resources/sslContact/lifecycle";
import { LifecycleContext, systemClock } from "../../provider/lifecycle/context";
import { generateKeyAndCsr } from "../../provider/x509";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { stackConfigFor, testContactInputs, unpacedConnection } from "../support/stack";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { skippingClock } from "../support/clock";

const contactInputs = testContactInputs;
/** Not about pacing: the client's rate limit and the simulator's are off. */
const unpacedContactInputs = { ...contactInputs, connection: unpacedConnection };

for (const protocol of ["json", "xml"] as const) {
    describe(`SslContact and DomainValidation lifecycles over ${protocol}`, function () {
        this.timeout(60_000);
        let simulator: RunningSimulator;
        let admin: SimulatorAdmin;
        // The orders that wait for a record or file the test publishes meanwhile wait on the system clock: waiting for
        // that outside event is what they test. The others skip their waits, and the simulator follows this clock.
        const clock = skippingClock();
        const context: LifecycleContext = { log: () => undefined, clock: systemClock };

        before(async () => {
            simulator = await startSimulator({
                issuanceDelayMs: 150,
                dnsValidationDeadlineMs: 1200,
                requestsPerSecond: 0,
                now: clock.now,
            });
            admin = new SimulatorAdmin(simulator.adminUrl);
            context.stackConfig = stackConfigFor(simulator, protocol);
        });
        after(async () => {
            await simulator.close();
        });

        /** The status of the certificate of `name` once the order has reached the simulator (the client paces itself at 3/s). */
        async function orderedCertificateStatus(name: string): Promise<string | undefined> {
            for (let attempt = 0; attempt < 100; attempt++) {
                const found = (await admin.state()).certificates.find((certificate) => certificate.name === name);
                if (found) return found.status;
                await new Promise((resolve) => setTimeout(resolve, 100));
            }
            return undefined;
        }

        it("creates a contact, reads it back, updates it in place, deletes it, then reads an empty id", async () => {
            const checked = checkSslContactInputs(unpacedContactInputs);
            expect(checked.failures).to.deep.equal([]);
            const created = await createSslContact(checked.inputs!, context);
            expect(created.outs).to.deep.equal({ ...unpacedContactInputs, contactId: created.id, stateVersion: 0 });
            expect((await readSslContact(created.id, created.outs, context)).props).to.deep.equal(created.outs);
            const moved = { ...checked.inputs!, city: "München", address: ["Leopoldstraße 1", "Hinterhaus"] };
            const updated = await updateSslContact(created.id, created.outs, moved, context);
            expect(updated.outs).to.deep.equal({ ...moved, contactId: created.id, stateVersion: 0 });
            expect((await readSslContact(created.id, updated.outs, context)).props).to.deep.include({
                city: "München",
                address: ["Leopoldstraße 1", "Hinterhaus"],
            });
            await deleteSslContact(created.id, updated.outs, context);
            expect(await readSslContact(created.id, updated.outs, context)).to.deep.equal({ id: "", props: {} });
            await deleteSslContact(created.id, updated.outs, context);
        });

        it("imports a contact by id with its inputs", async () => {
            const created = await createSslContact(checkSslContactInputs(unpacedContactInputs).inputs!, context);
            const imported = await readSslContact(created.id, undefined, context);
            expect(imported.inputs).to.deep.equal(contactInputs);
        });

        it("names every bad contact field in check and sends nothing", async () => {
            await admin.clearRequests();
            const result = checkSslContactInputs({
                ...contactInputs,
                email: "ada",
                phone: "0941 123",
                country: "Germany",
                address: [],
                extra: 1,
            });
            expect(result.failures).to.deep.equal([
                { property: "email", reason: 'must be an email address like admin@example.com (got "ada")' },
                {
                    property: "phone",
                    reason: 'must look like +49-941-1234560 (international, with country code) (got "0941 123")',
                },
                { property: "address", reason: "needs at least one line (got [])" },
                {
                    property: "country",
                    reason: 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. DE (got "Germany")',
                },
                { property: "(inputs)", reason: "has no argument extra" },
            ]);
            expect(await admin.requests()).to.deep.equal([]);
        });

        it("hands out the DNS record before ordering; the certificate is issued once the record is published", async () => {
            const { csrPem } = await generateKeyAndCsr({
                key: { algorithm: "ECDSA", curve: "P256" },
                commonName: `paired-${protocol}.example.com`,
            });
            const validationCheck = await checkDomainValidationInputs({
                csr: csrPem,
                product: "QUICKSSLPREMIUM",
                connection: unpacedConnection,
            });
            expect(validationCheck.failures).to.deep.equal([]);
            const validation = await createDomainValidation(validationCheck.inputs!, context);
            const name = `paired-${protocol}.example.com`;
            expect(validation.outs.dnsRecord).to.deep.include({
                name: `_dnsauth.${name}.`,
                type: "TXT",
                ttl: 300,
                domain: name,
            });
            expect(validation.outs.dnsRecord!.value).to.match(/^20260101000000[a-z0-9]{50}$/);
            expect(validation.outs.dnsRecords).to.deep.equal([validation.outs.dnsRecord]);
            expect(validation.outs.fileValidation!.url).to.equal(
                `http://${name}/.well-known/pki-validation/fileauth.txt`,
            );
            expect(validation.outs.fileValidation!.content)
                .to.match(/^20260101000000[a-z0-9]{50}$/)
                .and.not.equal(validation.outs.dnsRecord!.value);
            expect(validation.outs.fileValidations).to.deep.equal([validation.outs.fileValidation]);
            expect(validation.outs.approverEmails).to.deep.equal(
                ["admin", "administrator", "hostmaster", "webmaster", "postmaster"].map((box) => `${box}@example.com`),
            );
            const dns = `_dnsauth.${name}.\t300\tIN\tTXT\t"${validation.outs.dnsRecord!.value}"`;
            expect(validation.outs.authentication).to.deep.equal({
                method: "DNS",
                dns,
                provisioning: false,
                domains: [{ name, method: "DNS", dns }],
            });

            const contact = await createSslContact(checkSslContactInputs(unpacedContactInputs).inputs!, context);
            const inputs = (
                await checkCertificateInputs({
                    csr: csrPem,
                    product: "QUICKSSLPREMIUM",
                    lifetimeMonths: 12,
                    adminContactId: contact.id,
                    technicalContactId: contact.id,
                    validation: validation.outs.authentication,
                    pollIntervalSeconds: 0.1,
                    connection: unpacedConnection,
                })
            ).inputs!;
            const ordering = createCertificate(inputs, context);
            expect(await orderedCertificateStatus(`paired-${protocol}.example.com`)).to.equal("PENDING");
            await admin.publishDns(validation.outs.dnsRecord!.name, "TXT", validation.outs.dnsRecord!.value);
            const created = await ordering;
            expect(created.outs.status).to.equal("ISSUED");
            const { domain: _domain, ...firstRecord } = validation.outs.dnsRecord!;
            expect(created.outs.dnsValidationRecord).to.deep.equal(firstRecord);
        });

        it("hands out the validation file with method FILE; the certificate is issued once the name's web server serves it", async () => {
            const served = new Map<string, string>();
            const web = createServer((request, response) => {
                const content = served.get(`${request.headers.host}${request.url}`);
                response.writeHead(content === undefined ? 404 : 200).end(content ?? "");
            });
            await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
            await admin.settings({ fileValidationOrigin: `http://127.0.0.1:${(web.address() as AddressInfo).port}` });
            try {
                const name = `served-${protocol}.example.com`;
                const { csrPem } = await generateKeyAndCsr({
                    key: { algorithm: "ECDSA", curve: "P256" },
                    commonName: name,
                });
                const validation = await createDomainValidation(
                    (
                        await checkDomainValidationInputs({
                            csr: csrPem,
                            product: "QUICKSSLPREMIUM",
                            method: "FILE",
                            connection: unpacedConnection,
                        })
                    ).inputs!,
                    context,
                );
                const file = validation.outs.fileValidation!;
                expect(file.url).to.equal(`http://${name}/.well-known/pki-validation/fileauth.txt`);
                expect(validation.outs.authentication).to.deep.equal({
                    method: "FILE",
                    fileName: file.url,
                    fileContent: file.content,
                    domains: [{ name, method: "FILE", fileName: file.url, fileContent: file.content }],
                });

                const contact = await createSslContact(checkSslContactInputs(unpacedContactInputs).inputs!, context);
                const inputs = (
                    await checkCertificateInputs({
                        csr: csrPem,
                        product: "QUICKSSLPREMIUM",
                        lifetimeMonths: 12,
                        adminContactId: contact.id,
                        technicalContactId: contact.id,
                        validation: validation.outs.authentication,
                        pollIntervalSeconds: 0.1,
                        connection: unpacedConnection,
                    })
                ).inputs!;
                const ordering = createCertificate(inputs, context);
                expect(await orderedCertificateStatus(name)).to.equal("PENDING");
                const url = new URL(file.url);
                served.set(`${url.host}${url.pathname}`, file.content);
                const created = await ordering;
                expect(created.outs.status).to.equal("ISSUED");
            } finally {
                await admin.settings({ fileValidationOrigin: null });
                await new Promise((resolve) => web.close(resolve));
            }
        });

        it("lists one record per name for example.com, www.example.com and example.org, and issues the certificate only when all three are published", async () => {
            const names = ["example.com", "www.example.com", "example.org"];
            const { csrPem } = await generateKeyAndCsr({
                key: { algorithm: "ECDSA", curve: "P256" },
                commonName: names[0],
                subjectAlternativeNames: names.slice(1),
            });
            const validation = await createDomainValidation(
                (
                    await checkDomainValidationInputs({
                        csr: csrPem,
                        product: "QUICKSSLPREMIUM",
                        connection: unpacedConnection,
                    })
                ).inputs!,
                context,
            );
            const records = validation.outs.dnsRecords;
            expect(records.map((record) => [record.domain, record.name, record.type, record.ttl])).to.deep.equal([
                ["example.com", "_dnsauth.example.com.", "TXT", 300],
                ["www.example.com", "_dnsauth.www.example.com.", "TXT", 300],
                ["example.org", "_dnsauth.example.org.", "TXT", 300],
            ]);
            expect(new Set(records.map((record) => record.value)).size).to.equal(3);
            expect(validation.outs.dnsRecord).to.deep.equal(records[0]);
            expect(validation.outs.fileValidations.map((file) => [file.domain, file.url])).to.deep.equal(
                names.map((name) => [name, `http://${name}/.well-known/pki-validation/fileauth.txt`]),
            );
            const authentication = validation.outs.authentication as { domains: { name: string; dns?: string }[] };
            expect(authentication.domains.map((entry) => entry.name)).to.deep.equal(names);

            await admin.settings({ dnsValidationDeadlineMs: 60_000 });
            try {
                const contact = await createSslContact(checkSslContactInputs(unpacedContactInputs).inputs!, context);
                const inputs = (
                    await checkCertificateInputs({
                        csr: csrPem,
                        product: "QUICKSSLPREMIUM",
                        lifetimeMonths: 12,
                        adminContactId: contact.id,
                        technicalContactId: contact.id,
                        validation: validation.outs.authentication,
                        pollIntervalSeconds: 0.1,
                        connection: unpacedConnection,
                    })
                ).inputs!;
                const ordering = createCertificate(inputs, context);
                expect(await orderedCertificateStatus("example.com")).to.equal("PENDING");
                await admin.clearRequests();
                await admin.publishDns(records[0].name, "TXT", records[0].value);
                await admin.publishDns(records[1].name, "TXT", records[1].value);
                // Two of three published: the order keeps waiting through further status checks.
                await untilRequestCount(3);
                expect(
                    (await admin.state()).certificates.find((certificate) => certificate.name === "example.com")!
                        .status,
                ).to.equal("PENDING");
                await admin.publishDns(records[2].name, "TXT", records[2].value);
                const created = await ordering;
                expect(created.outs.status).to.equal("ISSUED");
                expect(created.outs.issuedNames).to.have.members(names);
            } finally {
                await admin.settings({ dnsValidationDeadlineMs: 1200 });
            }
        });

        /** Waits until the provider has sent `count` more API requests (its status checks), whatever they take. */
        async function untilRequestCount(count: number): Promise<void> {
            while ((await admin.requests()).length < count) await new Promise((resolve) => setTimeout(resolve, 50));
        }

        it("fails the order with the CA's reason when the record is never published", async () => {
            const { csrPem } = await generateKeyAndCsr({
                key: { algorithm: "ECDSA", curve: "P256" },
                commonName: `unpublished-${protocol}.example.com`,
            });
            const skipping: LifecycleContext = { ...context, clock };
            const validation = await createDomainValidation(
                { csr: csrPem, product: "QUICKSSLPREMIUM", connection: unpacedConnection },
                skipping,
            );
            const contact = await createSslContact(checkSslContactInputs(unpacedContactInputs).inputs!, context);
            const inputs = (
                await checkCertificateInputs({
                    csr: csrPem,
                    product: "QUICKSSLPREMIUM",
                    lifetimeMonths: 12,
                    adminContactId: contact.id,
                    technicalContactId: contact.id,
                    validation: validation.outs.authentication,
                    pollIntervalSeconds: 0.1,
                    connection: unpacedConnection,
                })
            ).inputs!;
            const error = (await createCertificate(inputs, skipping).catch((caught) => caught)) as OrderFailedError;
            expect(error).to.be.instanceOf(OrderFailedError);
            expect(error.reason).to.equal(
                `DNS validation failed: TXT record for _dnsauth.unpublished-${protocol}.example.com. not found`,
            );
        });
    });
}
