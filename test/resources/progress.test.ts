import { Client } from "../../provider/internetx/client";
import { jobStatus } from "../../provider/resources/internetx/orders";
import { generateKeyAndCsr } from "../../provider/x509";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { testContactRequest } from "../support/stack";
import { SimulatorAdmin } from "../support/simulatorAdmin";
import { parseZoneRecord } from "../../provider/resources/dnsRecord";

describe("the status line of a wait from Job Info", function () {
    this.timeout(60_000);
    let simulator: RunningSimulator;
    let client: Client;

    before(async () => {
        simulator = await startSimulator({ issuanceDelayMs: 200 });
        client = new Client({
            url: simulator.url,
            user: simulator.user,
            password: simulator.password,
            context: simulator.context,
        });
    });
    after(async () => {
        await client.close();
        await simulator.close();
    });

    it("says which name's DNS validation is still awaited and how many are done, while the TXT record is missing", async () => {
        const contact = await client.sslcontact.create(testContactRequest);
        const { csrPem } = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: "status.example.com",
        });
        const prepared = await client.certificate.prepareOrder({ plain: csrPem, product: "QUICKSSLPREMIUM" });
        const dns = prepared.authentication.find((authentication) => authentication.method === "DNS")!;
        const accepted = await client.certificate.create({
            name: "status.example.com",
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            software: "APACHESSL",
            csr: csrPem,
            adminContactId: contact.id,
            technicalContactId: contact.id,
            authentication: { method: "DNS", dns: dns.dns, provisioning: false },
        });
        const status = await jobStatus(
            client,
            { jobId: accepted.jobId },
            { names: ["status.example.com"], method: "DNS" },
        );
        expect([status.outcome, status.outcome === "pending" ? status.detail : undefined]).to.deep.equal([
            "pending",
            "waiting for DNS validation of status.example.com, 0 of 1 name done",
        ]);
    });

    it("names every name whose TXT record is still missing: two of three waiting once example.com's record is published", async () => {
        const contact = await client.sslcontact.create(testContactRequest);
        const names = ["example.com", "www.example.com", "example.org"];
        const { csrPem } = await generateKeyAndCsr({
            key: { algorithm: "ECDSA", curve: "P256" },
            commonName: names[0],
            subjectAlternativeNames: names.slice(1),
        });
        const prepared = await client.certificate.prepareOrder({ plain: csrPem, product: "QUICKSSLPREMIUM" });
        const records = prepared.authentication.filter((authentication) => authentication.method === "DNS");
        expect(records.map((record) => record.name)).to.deep.equal(names);
        const accepted = await client.certificate.create({
            name: names[0],
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            software: "APACHESSL",
            csr: csrPem,
            adminContactId: contact.id,
            technicalContactId: contact.id,
            subjectAlternativeNames: names.slice(1),
            authentication: {
                method: "DNS",
                dns: records[0].dns,
                provisioning: false,
                domains: records.map((record) => ({ name: record.name!, method: "DNS", dns: record.dns })),
            },
        });
        const first = parseZoneRecord(records[0].dns)!;
        await new SimulatorAdmin(simulator.adminUrl).publishDns(first.name, "TXT", first.value);
        const status = await jobStatus(client, { jobId: accepted.jobId }, { names, method: "DNS" });
        expect([status.outcome, status.outcome === "pending" ? status.detail : undefined]).to.deep.equal([
            "pending",
            "waiting for DNS validation of www.example.com and example.org, 1 of 3 names done",
        ]);
    });
});
