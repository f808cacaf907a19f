import * as pulumi from "@pulumi/pulumi";
import { internetx } from "pulumi-sslmanager";
import { SimulatorDnsRecord } from "./simulatorDnsRecord";

// DNS pairing: the validation data comes first (DomainValidation), one DNS record per name of the CSR is created
// from it in the same stack (the CA checks every name, each at `_dnsauth.<name>.` with its own token), and only then
// is the certificate ordered with that validation. Here the simulator's DNS admin endpoint stands in for a DNS
// provider; with a real one (e.g. @pulumi/cloudflare) each record is:
//   new cloudflare.Record(`validation-${name}`, { zoneId, name: recordOf(name).apply(r => r.name),
//       type: "TXT", content: recordOf(name).apply(r => r.value), ttl: 300 });
const config = new pulumi.Config();
const csr = config.require("csr");
// The names of the CSR (common name first): known to the program, so every record is a resource already at preview.
const names = config.getObject<string[]>("names") ?? ["shop.example.com"];

const admin = new internetx.SslContact("admin", {
    firstName: "Ada",
    lastName: "Lovelace",
    email: "hostmaster@example.com",
    phone: "+49-941-1234560",
    organization: "Example GmbH",
    address: ["Maximilianstrasse 36"],
    postalCode: "93047",
    city: "Regensburg",
    country: "DE",
});

const validation = new internetx.DomainValidation("validation", { csr, product: "QUICKSSLPREMIUM" });

/** The record DomainValidation hands out for `name` (each carries the `domain` it validates). */
function recordOf(name: string) {
    return validation.dnsRecords.apply((records) => {
        const record = records.find((candidate) => candidate.domain === name);
        if (!record)
            throw new Error(
                `DomainValidation has no DNS record for ${name}; the CSR names ${records.map((candidate) => candidate.domain).join(", ")}`,
            );
        return record;
    });
}

// The first name keeps the resource name of the single record earlier versions of this example created.
const records = names.map(
    (name, index) =>
        new SimulatorDnsRecord(index === 0 ? "validation-record" : `validation-record-${name}`, {
            adminUrl: config.require("simulatorAdminUrl"),
            name: recordOf(name).apply((record) => record.name),
            type: "TXT",
            value: recordOf(name).apply((record) => record.value),
        }),
);

const certificate = new internetx.Certificate(
    "shop",
    {
        csr,
        product: "QUICKSSLPREMIUM",
        lifetimeMonths: 12,
        adminContactId: admin.contactId,
        technicalContactId: admin.contactId,
        validation: validation.authentication,
        pollIntervalSeconds: config.getNumber("pollIntervalSeconds") ?? 10,
    },
    { dependsOn: records },
);

export const dnsRecord = validation.dnsRecord;
export const dnsRecords = validation.dnsRecords;
export const fullChainPem = certificate.fullChainPem;
export const rootPem = certificate.rootPem;
export const certificateId = certificate.certificateId;
