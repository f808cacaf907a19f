import * as pulumi from "@pulumi/pulumi";
import { internetx } from "pulumi-sslmanager";

// Import an existing certificate: `pulumi import pulumi-nodejs:dynamic/internetx:Certificate legacy <certificateId>`
// or, as here, the `import` option. The arguments must match what InterNetX has (CertificateInfo); `pulumi
// preview` shows any difference.
const config = new pulumi.Config();

const legacy = new internetx.Certificate(
    "legacy",
    {
        name: config.require("name"),
        csr: config.require("csr"),
        product: "QUICKSSLPREMIUM",
        lifetimeMonths: 12,
        software: "APACHESSL",
        adminContactId: config.require("adminContactId"),
        technicalContactId: config.require("technicalContactId"),
    },
    { import: config.require("certificateId") },
);

export const notAfter = legacy.notAfter;
export const fullChainPem = legacy.fullChainPem;
