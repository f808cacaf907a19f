import * as pulumi from "@pulumi/pulumi";
import { internetx } from "pulumi-sslmanager";
import { SimulatorDnsRecord } from "./simulatorDnsRecord";

// DNS pairing: the validation data comes first (DomainValidation), a DNS record is created from it in the same
// stack, and only then is the certificate ordered with that validation. Here the simulator's DNS admin endpoint
// stands in for a DNS provider; with a real one (e.g. @pulumi/cloudflare) the record is:
//   new cloudflare.Record("validation", { zoneId, name: validation.dnsRecord.apply(r => r!.name),
//       type: "TXT", content: validation.dnsRecord.apply(r => r!.value), ttl: 300 });
const config = new pulumi.Config();
const csr = config.require("csr");

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

const record = new SimulatorDnsRecord("validation-record", {
    adminUrl: config.require("simulatorAdminUrl"),
    name: validation.dnsRecord.apply((dnsRecord) => dnsRecord!.name),
    type: "TXT",
    value: validation.dnsRecord.apply((dnsRecord) => dnsRecord!.value),
});

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
    { dependsOn: [record] },
);

export const dnsRecord = validation.dnsRecord;
export const fullChainPem = certificate.fullChainPem;
export const rootPem = certificate.rootPem;
export const certificateId = certificate.certificateId;
