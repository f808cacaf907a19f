import * as pulumi from "@pulumi/pulumi";
import { internetx } from "pulumi-sslmanager";

// A fleet: one contact and `count` certificates in one stack. The engine creates independent resources
// concurrently, so this is the shape that shows how the provider behaves under many orders at once.
const config = new pulumi.Config();
const count = config.getNumber("count") ?? 10;
const zone = config.get("zone") ?? "fleet.example.com";

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

const certificates = Array.from(
    { length: count },
    (_, index) =>
        new internetx.Certificate(`site-${index}`, {
            name: `site-${index}.${zone}`,
            privateKey: { algorithm: "ECDSA", curve: "P256" },
            product: "QUICKSSLPREMIUM",
            lifetimeMonths: 12,
            adminContactId: admin.contactId,
            technicalContactId: admin.contactId,
            validation: { method: "DNS", provisioning: true },
            pollIntervalSeconds: config.getNumber("pollIntervalSeconds") ?? 10,
            waitStrategy: config.get("waitStrategy") === "notifications" ? "notifications" : "job",
        }),
);

export const names = certificates.map((certificate) => certificate.name);
export const serialNumbers = certificates.map((certificate) => certificate.serialNumber);
export const certificatePems = certificates.map((certificate) => certificate.certificatePem);
