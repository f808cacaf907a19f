import * as pulumi from "@pulumi/pulumi";
import { internetx } from "pulumi-sslmanager";

// A fresh stack as a new user writes it: a contact and a certificate that uses the contact's id, so during the
// first preview the id is unknown. The stack config `certificate` (JSON text) overrides any certificate argument,
// which is how the end-to-end tests make the mistakes a new user makes.
const config = new pulumi.Config();
const overrides = JSON.parse(config.get("certificate") ?? "{}") as Record<string, unknown>;

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

const certificate = new internetx.Certificate("www", {
    name: "www.example.com",
    subjectAlternativeNames: ["example.com"],
    privateKey: { algorithm: "ECDSA", curve: "P256" },
    product: "QUICKSSLPREMIUM",
    lifetimeMonths: 12,
    adminContactId: admin.contactId,
    technicalContactId: admin.contactId,
    pollIntervalSeconds: 0.5,
    ...(overrides as Partial<internetx.CertificateArgs>),
});

export const certificateId = certificate.certificateId;
