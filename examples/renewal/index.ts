import * as pulumi from "@pulumi/pulumi";
import { internetx } from "pulumi-sslmanager";

// Renewal: every `pulumi up` (e.g. a nightly GitOps run) checks the expiry; from `renewBeforeDays` before notAfter
// the certificate is renewed in place (same resource, new serial and notAfter). `pulumi preview` shows it coming.
const config = new pulumi.Config();

const certificate = new internetx.Certificate("www", {
    name: "www.example.com",
    privateKey: { algorithm: "RSA", rsaBits: 3072 },
    product: "QUICKSSLPREMIUM",
    lifetimeMonths: 12,
    adminContactId: config.require("adminContactId"),
    technicalContactId: config.require("technicalContactId"),
    renewBeforeDays: config.getNumber("renewBeforeDays") ?? 45,
    pollIntervalSeconds: config.getNumber("pollIntervalSeconds") ?? 10,
});

export const notAfter = certificate.notAfter;
export const serialNumber = certificate.serialNumber;
export const certificateId = certificate.certificateId;
