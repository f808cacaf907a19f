import * as tls from "@pulumi/tls";
import { internetx } from "pulumi-sslmanager";

// Bring your own CSR: key and CSR come from @pulumi/tls (the key never reaches InterNetX or this provider).
const key = new tls.PrivateKey("key", { algorithm: "ECDSA", ecdsaCurve: "P256" });
const request = new tls.CertRequest("request", {
    privateKeyPem: key.privateKeyPem,
    subject: { commonName: "api.example.com", organization: "Example GmbH", country: "DE" },
    dnsNames: ["api.example.com"],
});

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

const certificate = new internetx.Certificate("api", {
    csr: request.certRequestPem,
    product: "QUICKSSLPREMIUM",
    lifetimeMonths: 12,
    adminContactId: admin.contactId,
    technicalContactId: admin.contactId,
});

export const fullChainPem = certificate.fullChainPem;
export const privateKeyPem = key.privateKeyPem;
