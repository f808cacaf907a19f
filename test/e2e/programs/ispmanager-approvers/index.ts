import { ispmanager } from "pulumi-sslmanager";

// approverEmails given, validationMethod left out: DNS (the default) validates, and the addresses go unused.
const contact = (firstName: string) => ({
    firstName,
    lastName: "Petrov",
    jobTitle: "CTO",
    email: `${firstName.toLowerCase()}@example.com`,
    phone: "+7 495 1234567",
});

const shop = new ispmanager.Certificate("shop", {
    domain: "shop.example.com",
    pricelist: "55364",
    periodMonths: 12,
    country: "RU",
    region: "Moscow",
    city: "Moscow",
    organization: "Primer LLC",
    adminContact: contact("Ivan"),
    technicalContact: contact("Anna"),
    approverEmails: { "shop.example.com": "webmaster@shop.example.com" },
});

export const status = shop.status;
