// One certificate of each backend, with the key made where each backend makes it: by the provider (InterNetX SSL),
// by the CA (S/MIME), by the billing system (BILLmanager). Names carry the stack, so every stack orders its own.
const pulumi = require("@pulumi/pulumi");
const { internetx, ispmanager } = require("pulumi-sslmanager");

const stack = pulumi.getStack();
// The tariff: the reselling page's GlobalSign DomainSSL by default; 0.1.0's simulator knew another one.
const pricelist = new pulumi.Config().get("shopPricelist") ?? "55364";
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
const server = new internetx.Certificate("server", {
    name: `${stack}.example.com`,
    privateKey: { algorithm: "ECDSA", curve: "P256" },
    product: "QUICKSSLPREMIUM",
    lifetimeMonths: 12,
    adminContactId: admin.contactId,
    technicalContactId: admin.contactId,
    pollIntervalSeconds: 0.2,
});
const mail = new internetx.SmimeCertificate("mail", {
    email: `${stack}@example.com`,
    product: "GLOBALSIGN_PERSONALSIGN_1",
    lifetimeMonths: 12,
    adminContactId: admin.contactId,
    firstName: "Ada",
    lastName: "Lovelace",
    downloadPassword: "Download-Secret-1",
    pollIntervalSeconds: 0.2,
});
const contact = (firstName) => ({ firstName, lastName: "Petrov", jobTitle: "CTO", email: `${firstName.toLowerCase()}@example.com`, phone: "+7 495 1234567" });
const shop = new ispmanager.Certificate("shop", {
    domain: `shop-${stack}.example.com`,
    pricelist,
    periodMonths: 12,
    country: "182",
    region: "Moscow",
    city: "Moscow",
    organization: "Primer LLC",
    adminContact: contact("Ivan"),
    technicalContact: contact("Anna"),
    validationMethod: "EMAIL",
    pollIntervalSeconds: 0.2,
});

exports.serverCertificate = server.certificatePem;
exports.serverKey = server.privateKeyPem;
exports.mailCertificate = mail.certificatePem;
exports.shopCertificate = shop.certificatePem;
exports.shopKey = shop.privateKeyPem;
