import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { InvalidInputError, OrderFailedError } from "../../provider/errors";
import * as dynamicProvider from "../../provider/dynamic/ispmanagerCertificate";
import { checkIspmanagerCertificateInputs } from "../../provider/resources/ispmanager/check";
import { IspmanagerCertificateInputs } from "../../provider/resources/ispmanager/inputs";
import {
    createIspmanagerCertificate,
    decideFromIspmanagerProperties,
    deleteIspmanagerCertificate,
    IspmanagerCertificateProperties,
    readIspmanagerCertificate,
    updateIspmanagerCertificate,
} from "../../provider/resources/ispmanager/lifecycle";
import { LifecycleContext } from "../../provider/resources/certificate/lifecycle";
import { ResourceInitializationError } from "../../provider/lifecycle/initializationError";
import { orderReference } from "../../provider/lifecycle/orderReference";
import {
    generateKeyAndCsr,
    parseCertificate,
    parseCsr,
    privateKeyMatchesCertificate,
    verifyChain,
} from "../../provider/x509";
import {
    defaultDnsValidationDeadlineMs,
    RunningIspmanagerSimulator,
    startIspmanagerSimulator,
} from "../../simulator/ispmanager";
import { expect } from "../support/client";
import { IspmanagerSimulatorAdmin } from "./simulatorAdmin";
import { skippingClock } from "../support/clock";

const contact = (firstName: string) => ({
    firstName,
    lastName: "Petrov",
    jobTitle: "CTO",
    email: `${firstName.toLowerCase()}@example.com`,
    phone: "+7 495 1234567",
});
/** GlobalSign DomainSSL as the reselling page's multi-domain example orders it (`pricelist=55364`, `addon_55364`): e-mail or DNS validation. */
const baseInputs = {
    pricelist: "55364",
    periodMonths: 12,
    country: "182",
    region: "Moscow",
    city: "Moscow",
    organization: "Primer LLC",
    adminContact: contact("Ivan"),
    technicalContact: contact("Anna"),
    pollIntervalSeconds: 0.05,
};

/** ispmanager.Certificate's lifecycle against the BILLmanager simulator over HTTP, steered by its admin endpoints. */
describe("ispmanager.Certificate lifecycle against the simulator", function () {
    this.timeout(60_000);
    let simulator: RunningIspmanagerSimulator;
    let admin: IspmanagerSimulatorAdmin;
    const progress: string[] = [];
    // Not about waiting: the polls and the simulator's delays and deadlines run on a clock that skips the waits; where
    // the test lets the simulator's time pass, it sleeps on the same clock.
    const clock = skippingClock();
    const context: LifecycleContext = { log: (line) => progress.push(line), clock };

    before(async () => {
        // The loopback simulator takes more than the client's conservative default pace; the deadlines below are short.
        process.env.ISPMANAGER_REQUESTS_PER_SECOND = "100";
        simulator = await startIspmanagerSimulator({ issuanceDelayMs: 100, now: clock.now });
        admin = new IspmanagerSimulatorAdmin(simulator.adminUrl);
        const settings: Record<string, string> = {
            "ispmanager:url": simulator.url,
            "ispmanager:user": simulator.user,
            "ispmanager:password": simulator.password,
        };
        context.stackConfig = settings;
    });
    after(async () => {
        delete process.env.ISPMANAGER_REQUESTS_PER_SECOND;
        await simulator.close();
    });

    async function checked(inputs: Record<string, unknown>): Promise<IspmanagerCertificateInputs> {
        const result = await checkIspmanagerCertificateInputs({ ...baseInputs, ...inputs });
        expect(result.failures).to.deep.equal([]);
        return result.inputs!;
    }

    async function publish(records: { name: string; value: string }[] | undefined): Promise<void> {
        for (const record of records ?? []) await admin.publishTxt(record.name, record.value);
    }

    it("orders a multi-domain certificate with a billing-generated key, resumes once the TXT records are published, reissues with new alt names under the same id, and deletes it", async () => {
        const ordersBefore = (await admin.state()).orders;
        const inputs = await checked({
            domain: "life.example.com",
            altNames: ["www.life.example.com"],
            altNameAddon: "55364",
            waitForIssuance: false,
        });
        const created = await createIspmanagerCertificate(inputs, context);
        expect(created.outs.status).to.equal("PENDING");
        expect(created.id).to.equal(created.outs.orderId);
        const token = created.outs.dnsValidationRecord!.value;
        expect(created.outs.dnsValidationRecords).to.deep.equal([
            { name: "life.example.com.", type: "TXT", value: token },
            { name: "www.life.example.com.", type: "TXT", value: token },
        ]);
        expect(
            decideFromIspmanagerProperties(created.outs as unknown as Record<string, unknown>, inputs).kind,
        ).to.equal("resume");

        await publish(created.outs.dnsValidationRecords);
        const issued = (
            await updateIspmanagerCertificate(created.id, created.outs, { ...inputs, waitForIssuance: true }, context)
        ).outs;
        expect(issued.status).to.equal("ISSUED");
        expect(issued.issuedDomains).to.deep.equal(["life.example.com", "www.life.example.com"]);
        expect(issued.chainPem).to.equal(simulator.ca.intermediatePem);
        expect(issued.fullChainPem).to.equal(issued.certificatePem! + simulator.ca.intermediatePem);
        expect(
            (await verifyChain(issued.certificatePem!, [issued.chainPem!], simulator.ca.rootPem, clock.now())).valid,
        ).to.equal(true);
        expect(await privateKeyMatchesCertificate(issued.privateKeyPem!, issued.certificatePem!)).to.equal(true);
        expect(issued.fingerprintSha256).to.equal((await parseCertificate(issued.certificatePem!)).fingerprintSha256);

        const read = await readIspmanagerCertificate(created.id, issued, context);
        expect(read).to.deep.equal({ id: created.id, props: issued });
        expect(
            await dynamicProvider.diff(
                created.id,
                { ...issued, __provider: "older package" },
                { ...inputs, waitForIssuance: true, __provider: "newer package" },
            ),
        ).to.deep.equal({ changes: false });

        const moreNames = await checked({
            ...inputs,
            waitForIssuance: true,
            altNames: ["www.life.example.com", "api.life.example.com"],
        });
        expect(
            await dynamicProvider.diff(created.id, issued as unknown as Record<string, unknown>, moreNames),
        ).to.deep.equal({ changes: true });
        await admin.publishTxt("api.life.example.com.", token);
        const reissued = (await updateIspmanagerCertificate(created.id, issued, moreNames, context)).outs;
        expect(reissued.orderId).to.equal(created.id);
        expect(reissued.status).to.equal("ISSUED");
        expect(reissued.serialNumber).not.to.equal(issued.serialNumber);
        expect(reissued.issuedDomains).to.deep.equal([
            "life.example.com",
            "www.life.example.com",
            "api.life.example.com",
        ]);
        expect(reissued.privateKeyPem).to.equal(issued.privateKeyPem);
        expect(reissued.previousSerialNumber).to.equal(undefined);
        expect(decideFromIspmanagerProperties(reissued as unknown as Record<string, unknown>, moreNames)).to.deep.equal(
            { kind: "none" },
        );
        const state = await admin.state();
        expect(state.orders).to.equal(ordersBefore + 1);
        expect(state.certificates.find((certificate) => certificate.id === created.id)?.reissues).to.equal(1);

        await deleteIspmanagerCertificate(created.id, reissued, context);
        expect(await readIspmanagerCertificate(created.id, reissued, context)).to.deep.equal({ id: "", props: {} });
        await deleteIspmanagerCertificate(created.id, reissued, context);
    });

    it("orders with an own CSR and e-mail validation in one run, and a new CSR reissues it under the same id", async () => {
        const first = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "own.example.com",
        });
        const inputs = await checked({
            domain: "own.example.com",
            csr: first.csrPem,
            validationMethod: "EMAIL",
            approverEmails: { "own.example.com": "hostmaster@own.example.com" },
        });
        const created = await createIspmanagerCertificate(inputs, context);
        expect(created.outs.status).to.equal("ISSUED");
        expect(created.outs.privateKeyPem).to.equal(undefined);
        expect(await privateKeyMatchesCertificate(first.privateKeyPem, created.outs.certificatePem!)).to.equal(true);

        const second = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "own.example.com",
            subjectAlternativeNames: ["www.own.example.com"],
        });
        const next = await checked({
            ...inputs,
            csr: second.csrPem,
            altNames: ["www.own.example.com"],
            altNameAddon: "55364",
        });
        const reissued = (await updateIspmanagerCertificate(created.id, created.outs, next, context)).outs;
        expect(reissued.orderId).to.equal(created.id);
        expect(await privateKeyMatchesCertificate(second.privateKeyPem, reissued.certificatePem!)).to.equal(true);
        expect(reissued.issuedDomains).to.deep.equal(["own.example.com", "www.own.example.com"]);
        expect(reissued.csrPem).to.equal(second.csrPem);
    });

    it("records a timed-out wait as an initialization error carrying the validation data, and the update resumes it without a second order", async () => {
        const { csrPem } = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "slow.example.com",
        });
        const inputs = await checked({ domain: "slow.example.com", csr: csrPem, waitTimeoutSeconds: 0.3 });
        const ordersBefore = (await admin.state()).orders;
        const error = (await createIspmanagerCertificate(inputs, context).catch(
            (caught) => caught,
        )) as ResourceInitializationError;
        expect(error).to.be.instanceOf(ResourceInitializationError);
        expect(error.id).to.match(/^\d+$/);
        expect(error.message).to.match(
            new RegExp(
                `^slow\\.example\\.com: still ENROLLED after \\d+s \\(certificate ${error.id}\\); the order is kept and the next update resumes the wait$`,
            ),
        );
        expect(error.properties).to.deep.include({
            status: "PENDING",
            orderId: error.id,
            domain: "slow.example.com",
            stateVersion: 0,
        });
        const record = error.properties.dnsValidationRecord as { name: string; value: string };
        expect(record.name).to.equal("slow.example.com.");

        await admin.publishTxt(record.name, record.value);
        const resumed = await updateIspmanagerCertificate(
            error.id,
            error.properties as unknown as IspmanagerCertificateProperties,
            { ...inputs, waitTimeoutSeconds: 30 },
            context,
        );
        expect(resumed.outs.status).to.equal("ISSUED");
        expect(resumed.outs.orderId).to.equal(error.id);
        expect((await admin.state()).orders).to.equal(ordersBefore + 1);
    });

    it("asks the CA to check the DNS records again while waiting, so a CA that only looks when asked issues", async () => {
        await admin.settings({ automaticDnsCheck: false });
        try {
            const { csrPem } = await generateKeyAndCsr({
                key: { algorithm: "ECDSA", curve: "P256" },
                commonName: "asked.example.com",
                subjectAlternativeNames: ["www.asked.example.com"],
            });
            const inputs = await checked({
                domain: "asked.example.com",
                altNames: ["www.asked.example.com"],
                altNameAddon: "55364",
                csr: csrPem,
                waitForIssuance: false,
            });
            const created = await createIspmanagerCertificate(inputs, context);
            await publish(created.outs.dnsValidationRecords);
            await clock.sleep(200);
            const before = await admin.state();
            const resumed = await updateIspmanagerCertificate(
                created.id,
                created.outs,
                { ...inputs, waitForIssuance: true },
                context,
            );
            const after = await admin.state();
            expect(resumed.outs.status).to.equal("ISSUED");
            expect(after.dnsVerifications - before.dnsVerifications).to.equal(1);
            expect(after.orders).to.equal(before.orders);
            expect(progress).to.include(
                `asked.example.com: asked the CA to check the DNS records of asked.example.com, www.asked.example.com again`,
            );
        } finally {
            await admin.settings({ automaticDnsCheck: true });
        }
    });

    it("adopts the order an interrupted run placed under the same order reference instead of ordering again", async () => {
        const { csrPem } = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "adopt.example.com",
        });
        const reference = orderReference({
            project: "lifecycle",
            stack: "test",
            type: "ispmanager:Certificate",
            name: "adopt",
            replacementInputs: ["adopt.example.com", "55364", 12],
        });
        const inputs = {
            ...(await checked({ domain: "adopt.example.com", csr: csrPem, waitForIssuance: false })),
            orderReference: reference,
        };
        const first = await createIspmanagerCertificate(inputs, context);
        const ordersBefore = (await admin.state()).orders;
        const again = await createIspmanagerCertificate(inputs, context);
        expect(again.id).to.equal(first.id);
        expect((await admin.state()).orders).to.equal(ordersBefore);
        expect(
            progress.filter((line) =>
                line.startsWith(
                    `adopt.example.com: adopting the order placed earlier under reference ${reference} (certificate ${first.id}`,
                ),
            ),
        ).to.have.length(1);
    });

    it("validates a CNAME order once the CNAME record is published, asking the CA to look", async () => {
        await admin.settings({ automaticDnsCheck: false });
        try {
            // GlobalSign offers no CNAME validation; the documented Comodo tariff is not restricted by the sources.
            const inputs = await checked({
                domain: "alias.example.com",
                pricelist: "3033",
                validationMethod: "CNAME",
                waitForIssuance: false,
            });
            const created = await createIspmanagerCertificate(inputs, context);
            const cname = created.outs.cnameValidation!;
            expect(cname.name).to.match(/^_[0-9a-f]{32}\.alias\.example\.com$/);
            expect(cname.value).to.match(/^[0-9a-f]{32}\.[0-9a-f]{8}\.dcv\.simulator\.test$/);
            await admin.publishDns(cname.name, "TXT", cname.value);
            const before = await admin.state();
            const pending = await updateIspmanagerCertificate(
                created.id,
                created.outs,
                { ...inputs, waitForIssuance: true, waitTimeoutSeconds: 0.5 },
                context,
            ).catch((caught) => caught);
            expect(pending).to.be.instanceOf(ResourceInitializationError);
            await admin.publishDns(`${cname.name}.`, "CNAME", `${cname.value}.`);
            const issued = await updateIspmanagerCertificate(
                created.id,
                created.outs,
                { ...inputs, waitForIssuance: true },
                context,
            );
            const after = await admin.state();
            expect(issued.outs.status).to.equal("ISSUED");
            expect(issued.outs.issuedDomains).to.deep.equal(["alias.example.com"]);
            expect(after.dnsVerifications - before.dnsVerifications).to.equal(2);
            expect(after.orders).to.equal(before.orders);
        } finally {
            await admin.settings({ automaticDnsCheck: true });
        }
    });

    it("validates a FILE order by fetching the file from the domain's web server", async () => {
        const served = new Map<string, string>();
        const asked: string[] = [];
        const web = createServer((request, response) => {
            asked.push(`${request.headers.host} ${request.url}`);
            const content = served.get(`${request.headers.host}${request.url}`);
            response
                .writeHead(content === undefined ? 404 : 200, { "content-type": "text/plain" })
                .end(content ?? "not found");
        });
        await new Promise<void>((resolve) => web.listen(0, "127.0.0.1", resolve));
        await admin.settings({ fileValidationOrigin: `http://127.0.0.1:${(web.address() as AddressInfo).port}` });
        try {
            const inputs = await checked({
                domain: "files.example.com",
                pricelist: "3033",
                validationMethod: "FILE",
                waitForIssuance: false,
            });
            const created = await createIspmanagerCertificate(inputs, context);
            const file = created.outs.fileValidation!;
            expect(file.name).to.match(/^[0-9A-F]{32}\.txt$/);
            served.set(`files.example.com/.well-known/pki-validation/${file.name}`, "another content");
            await clock.sleep(200);
            expect(
                (await admin.state()).certificates.find((certificate) => certificate.id === created.id)!.issuance,
            ).to.equal("enrolled");
            served.set(`files.example.com/.well-known/pki-validation/${file.name}`, `${file.content}\n`);
            const issued = await updateIspmanagerCertificate(
                created.id,
                created.outs,
                { ...inputs, waitForIssuance: true },
                context,
            );
            expect(issued.outs.status).to.equal("ISSUED");
            expect(issued.outs.issuedDomains).to.deep.equal(["files.example.com"]);
            expect(asked).to.include(`files.example.com /.well-known/pki-validation/${file.name}`);
        } finally {
            await admin.settings({ fileValidationOrigin: null });
            await new Promise((resolve) => web.close(resolve));
        }
    });

    it("fails DNS and FILE validations that do not succeed by the deadline, naming what the CA did not find", async () => {
        await admin.settings({ dnsValidationDeadlineMs: 300, fileValidationOrigin: "http://127.0.0.1:9" });
        try {
            const dns = await checked({
                domain: "late.example.com",
                altNames: ["www.late.example.com"],
                altNameAddon: "55364",
                waitForIssuance: false,
            });
            const dnsOrder = await createIspmanagerCertificate(dns, context);
            await admin.publishTxt("late.example.com.", dnsOrder.outs.dnsValidationRecord!.value);
            const file = await checked({
                domain: "nofile.example.com",
                pricelist: "3033",
                validationMethod: "FILE",
                waitForIssuance: false,
            });
            const fileOrder = await createIspmanagerCertificate(file, context);
            await clock.sleep(400);
            const dnsError = (await updateIspmanagerCertificate(
                dnsOrder.id,
                dnsOrder.outs,
                { ...dns, waitForIssuance: true },
                context,
            ).catch((caught) => caught)) as OrderFailedError;
            expect(dnsError).to.be.instanceOf(OrderFailedError);
            expect(dnsError.reason).to.equal("DNS validation failed: TXT record for www.late.example.com. not found");
            const fileError = (await updateIspmanagerCertificate(
                fileOrder.id,
                fileOrder.outs,
                { ...file, waitForIssuance: true },
                context,
            ).catch((caught) => caught)) as OrderFailedError;
            expect(fileError).to.be.instanceOf(OrderFailedError);
            expect(fileError.reason).to.equal(
                `File validation failed: http://nofile.example.com/.well-known/pki-validation/${fileOrder.outs.fileValidation!.name} not served`,
            );
        } finally {
            await admin.settings({
                dnsValidationDeadlineMs: defaultDnsValidationDeadlineMs,
                fileValidationOrigin: null,
            });
        }
    });

    it("surfaces the CA's refusal with its reason", async () => {
        await admin.refuse("refused.example.com", "CAA record forbids issuance");
        const inputs = await checked({ domain: "refused.example.com", validationMethod: "EMAIL" });
        const error = (await createIspmanagerCertificate(inputs, context).catch(
            (caught) => caught,
        )) as OrderFailedError;
        expect(error).to.be.instanceOf(OrderFailedError);
        expect(error.reason).to.equal("CAA record forbids issuance");
        expect(error.message).to.match(
            /^refused\.example\.com: the order failed \(certificate \d+, FAILED\): CAA record forbids issuance$/,
        );
    });

    it("maps an ISO country code through the billing system's country list, and refuses one the list lacks before ordering", async () => {
        const created = await createIspmanagerCertificate(
            await checked({ domain: "germany.example.com", country: "DE", validationMethod: "EMAIL" }),
            context,
        );
        expect((await parseCsr(created.outs.csrPem!)).subject).to.deep.equal({
            country: "DE",
            state: "Moscow",
            locality: "Moscow",
            organization: "Primer LLC",
        });
        const ordersBefore = (await admin.state()).orders;
        const error = (await createIspmanagerCertificate(
            await checked({ domain: "japan.example.com", country: "JP" }),
            context,
        ).catch((caught) => caught)) as InvalidInputError;
        expect(error).to.be.instanceOf(InvalidInputError);
        expect(error.property).to.equal("country");
        expect(error.message).to.equal("country: JP is not in the billing system's country list");
        expect((await admin.state()).orders).to.equal(ordersBefore);
    });

    it("imports a certificate by id, filling the outputs and the inputs the billing system knows", async () => {
        const { csrPem } = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "import.example.com",
        });
        const created = await createIspmanagerCertificate(
            await checked({ domain: "import.example.com", csr: csrPem, validationMethod: "EMAIL" }),
            context,
        );
        const imported = await readIspmanagerCertificate(created.id, undefined, context);
        expect(imported.id).to.equal(created.id);
        expect(imported.inputs).to.deep.equal({
            domain: "import.example.com",
            pricelist: "55364",
            periodMonths: 12,
            csr: csrPem,
        });
        for (const key of [
            "certificatePem",
            "chainPem",
            "fullChainPem",
            "serialNumber",
            "notBefore",
            "notAfter",
            "fingerprintSha256",
            "orderId",
            "status",
        ]) {
            expect(imported.props[key], key).to.equal((created.outs as unknown as Record<string, unknown>)[key]);
        }
    });

    it("rejects bad inputs in check, naming each property, before any request", async () => {
        await admin.clearRequests();
        const result = await checkIspmanagerCertificateInputs({
            domain: "bad domain!",
            altNames: ["www.example.com"],
            pricelist: "GlobalSign",
            periodMonths: 36,
            country: "Russia",
            region: "",
            city: "Moscow",
            organization: "Primer LLC",
            adminContact: { ...contact("Ivan"), email: "not-an-address" },
            technicalContact: { ...contact("Anna"), phone: "call me" },
            approverEmails: { "www.example.com": "info@www.example.com" },
            validationMethod: "PHONE",
            csr: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----",
            __provider: "serialized provider",
        });
        expect(result.failures.map((failure) => failure.property)).to.deep.equal([
            "domain",
            "pricelist",
            "periodMonths",
            "country",
            "region",
            "adminContact.email",
            "technicalContact.phone",
            "validationMethod",
            "approverEmails.www.example.com",
        ]);
        const { csrPem } = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "a.example.com",
            subjectAlternativeNames: ["b.example.com"],
        });
        const contradiction = await checkIspmanagerCertificateInputs({
            ...baseInputs,
            domain: "c.example.com",
            csr: csrPem,
        });
        expect(contradiction.failures).to.deep.equal([
            { property: "domain", reason: "c.example.com contradicts the CSR, whose common name is a.example.com" },
            { property: "altNames", reason: "the CSR also names b.example.com; list every name of the CSR" },
        ]);
        const broken = await checkIspmanagerCertificateInputs({
            ...baseInputs,
            domain: "a.example.com",
            csr: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----",
        });
        expect(broken.failures.map((failure) => failure.property)).to.deep.equal(["csr"]);
        expect(
            await dynamicProvider.check(
                {},
                {
                    ...baseInputs,
                    connection: { url: simulator.url, user: simulator.user, password: simulator.password },
                    domain: "x.example.com",
                    periodMonths: 13,
                },
            ),
        ).to.deep.equal({ failures: [{ property: "periodMonths", reason: "must be 12 or 24 months (got 13)" }] });
        expect(await admin.requests()).to.deep.equal([]);
    });
});
