import * as pulumi from "@pulumi/pulumi";
import { internetx } from "pulumi-sslmanager";

// Take over a certificate that already exists at InterNetX: `importCertificateId` makes `pulumi up` adopt it (read
// every output from CertificateInfo) instead of ordering. From then on it is managed like any other: reissued on
// name/SAN/CSR changes, renewed, cancelled by `pulumi destroy`.
// (`pulumi import` and the `import` resource option do not work for Node.js dynamic providers: Pulumi's
// dynamic-provider server crashes on an import Read before any provider code runs; see docs/pulumi-cli.md.)
const config = new pulumi.Config();

const legacy = new internetx.Certificate("legacy", {
    importCertificateId: config.require("certificateId"),
    name: config.require("name"),
    csr: config.require("csr"),
    product: "QUICKSSLPREMIUM",
    lifetimeMonths: 12,
    software: "APACHESSL",
    adminContactId: config.require("adminContactId"),
    technicalContactId: config.require("technicalContactId"),
});

export const notAfter = legacy.notAfter;
export const fullChainPem = legacy.fullChainPem;
