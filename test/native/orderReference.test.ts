import { orderReference, successorReference } from "../../provider/lifecycle/orderReference";
import { parseUrn, replacementInputNames, unknownValue } from "../../provider/native/orderReference";
import { SslManagerProvider } from "../../provider/native/provider";
import { definitionOf } from "../../provider/native/schema/resources";
import { expect } from "../support/client";

const certificateInputs = {
    name: "www.example.com",
    product: "QUICKSSLPREMIUM",
    lifetimeMonths: 12,
    adminContactId: "3001",
    technicalContactId: "3001",
    privateKey: { algorithm: "ECDSA", curve: "P256" },
};
const contact = (firstName: string) => ({
    firstName,
    lastName: "Petrov",
    jobTitle: "CTO",
    email: `${firstName.toLowerCase()}@example.com`,
    phone: "+7 495 1234567",
});
const billingInputs = {
    domain: "shop.example.com",
    pricelist: "55364",
    periodMonths: 12,
    country: "182",
    region: "Moscow",
    city: "Moscow",
    organization: "Primer LLC",
    adminContact: contact("Ivan"),
    technicalContact: contact("Anna"),
};
const smimeInputs = {
    email: "ada@example.com",
    product: "GLOBALSIGN_PERSONALSIGN_1",
    lifetimeMonths: 12,
    adminContactId: "3001",
    firstName: "Ada",
    lastName: "Lovelace",
    downloadPassword: "Correct-Horse-42",
};

describe("the native provider's order reference", () => {
    const provider = new SslManagerProvider({ version: "0.1.0" });
    const urn = "urn:pulumi:dev::shop::sslmanager:internetx:Certificate::www";
    const firstReference = orderReference({
        project: "shop",
        stack: "dev",
        type: "sslmanager:internetx:Certificate",
        name: "www",
        replacementInputs: ["QUICKSSLPREMIUM", 12],
    });

    it("reads stack, project, type and name from a URN, the type under parents and a name that contains ::", () => {
        expect(parseUrn(urn)).to.deep.equal({
            stack: "dev",
            project: "shop",
            type: "sslmanager:internetx:Certificate",
            name: "www",
        });
        expect(
            parseUrn("urn:pulumi:prod::web::my:component:Site$sslmanager:ispmanager:Certificate::shop::eu"),
        ).to.deep.equal({
            stack: "prod",
            project: "web",
            type: "sslmanager:ispmanager:Certificate",
            name: "shop::eu",
        });
        expect(() => parseUrn("sslmanager:internetx:Certificate::www")).to.throw(
            'not a resource URN: "sslmanager:internetx:Certificate::www" (expected urn:pulumi:<stack>::<project>::<type>::<name>)',
        );
    });

    it("hashes the inputs the schema marks as replacing the resource, in the schema's order", () => {
        expect(replacementInputNames(definitionOf("sslmanager:internetx:Certificate"))).to.deep.equal([
            "product",
            "lifetimeMonths",
        ]);
        expect(replacementInputNames(definitionOf("sslmanager:internetx:SmimeCertificate"))).to.deep.equal([
            "email",
            "product",
            "lifetimeMonths",
        ]);
        expect(replacementInputNames(definitionOf("sslmanager:ispmanager:Certificate"))).to.deep.equal([
            "domain",
            "pricelist",
            "periodMonths",
        ]);
    });

    it("gives a first create the reference of the URN's project, stack, type, name and replacement inputs", async () => {
        const checked = await provider.check(urn, {}, certificateInputs);
        expect(checked.failures ?? []).to.deep.equal([]);
        expect(checked.inputs!.orderReference).to.equal(firstReference);
        expect(firstReference).to.match(/^psm1-[0-9a-f]{32}$/);
    });

    it("derives it from the URN alone: a reference given by the program is not taken", async () => {
        const checked = await provider.check(
            urn,
            {},
            { ...certificateInputs, orderReference: "psm1-00000000000000000000000000000000" },
        );
        expect(checked.inputs!.orderReference).to.equal(firstReference);
    });

    it("gives another stack, project, name or term another reference", async () => {
        const references = new Set<unknown>([firstReference]);
        for (const [other, inputs] of [
            ["urn:pulumi:prod::shop::sslmanager:internetx:Certificate::www", certificateInputs],
            ["urn:pulumi:dev::blog::sslmanager:internetx:Certificate::www", certificateInputs],
            ["urn:pulumi:dev::shop::sslmanager:internetx:Certificate::api", certificateInputs],
            [urn, { ...certificateInputs, lifetimeMonths: 24 }],
        ] as const) {
            references.add((await provider.check(other, {}, inputs)).inputs!.orderReference);
        }
        expect(references.size).to.equal(5);
    });

    it("gives a create that follows a recorded resource (a replacement) the successor of the recorded reference, the same one on every retry", async () => {
        const recorded = { ...certificateInputs, orderReference: firstReference };
        const replacement = await provider.check(urn, recorded, { ...certificateInputs, product: "RAPIDSSL" });
        const rapidReference = orderReference({
            project: "shop",
            stack: "dev",
            type: "sslmanager:internetx:Certificate",
            name: "www",
            replacementInputs: ["RAPIDSSL", 12],
        });
        expect(replacement.inputs!.orderReference).to.equal(successorReference(rapidReference, firstReference));
        expect(
            (await provider.check(urn, recorded, { ...certificateInputs, product: "RAPIDSSL" })).inputs!.orderReference,
        ).to.equal(replacement.inputs!.orderReference);
        // `pulumi up --replace` changes no input: still never the reference of the certificate the old resource holds.
        expect((await provider.check(urn, recorded, certificateInputs)).inputs!.orderReference).to.equal(
            successorReference(firstReference, firstReference),
        );
    });

    it("treats recorded state without a reference (an imported resource, a resource of an earlier version) as a first create", async () => {
        expect(
            (await provider.check(urn, { ...certificateInputs, orderReference: "imported" }, certificateInputs)).inputs!
                .orderReference,
        ).to.equal(firstReference);
        expect((await provider.check(urn, certificateInputs, certificateInputs)).inputs!.orderReference).to.equal(
            firstReference,
        );
    });

    it("leaves the reference out while a replacement input is unknown (preview), and out of resources that order nothing", async () => {
        const preview = await provider.check(urn, {}, { ...certificateInputs, product: unknownValue });
        expect(preview.inputs?.orderReference).to.equal(undefined);
        const contactUrn = "urn:pulumi:dev::shop::sslmanager:internetx:SslContact::admin";
        const contactInputs = {
            firstName: "Ada",
            lastName: "Lovelace",
            email: "ada@example.com",
            phone: "+49-941-1234560",
            organization: "Example GmbH",
            address: ["Maximilianstrasse 36"],
            postalCode: "93047",
            city: "Regensburg",
            country: "DE",
        };
        const checkedContact = await provider.check(contactUrn, {}, contactInputs);
        expect(checkedContact.failures ?? []).to.deep.equal([]);
        expect(checkedContact.inputs).not.to.have.property("orderReference");
    });

    it("gives S/MIME and BILLmanager certificates their references from their own replacement inputs", async () => {
        const smime = await provider.check(
            "urn:pulumi:dev::shop::sslmanager:internetx:SmimeCertificate::mail",
            {},
            smimeInputs,
        );
        expect(smime.failures ?? []).to.deep.equal([]);
        expect(smime.inputs!.orderReference).to.equal(
            orderReference({
                project: "shop",
                stack: "dev",
                type: "sslmanager:internetx:SmimeCertificate",
                name: "mail",
                replacementInputs: ["ada@example.com", "GLOBALSIGN_PERSONALSIGN_1", 12],
            }),
        );
        const billing = await provider.check(
            "urn:pulumi:dev::shop::sslmanager:ispmanager:Certificate::web",
            {},
            billingInputs,
        );
        expect(billing.failures ?? []).to.deep.equal([]);
        expect(billing.inputs!.orderReference).to.equal(
            orderReference({
                project: "shop",
                stack: "dev",
                type: "sslmanager:ispmanager:Certificate",
                name: "web",
                replacementInputs: ["shop.example.com", "55364", 12],
            }),
        );
    });
});
