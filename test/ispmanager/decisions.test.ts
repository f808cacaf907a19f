import {
    decideIspmanagerCertificateChange,
    IspmanagerCertificateState,
} from "../../provider/resources/ispmanager/decisions";
import { dnsRecheckDue } from "../../provider/resources/ispmanager/wait";
import {
    allowedApproverEmails,
    approverEmailsFor,
    crossPropertyProblems,
} from "../../provider/resources/ispmanager/inputs";
import { encodeParameters } from "../../provider/ispmanager/transport";
import { documentFromBjson, documentFromJson, documentFromXml } from "../../provider/ispmanager/document";
import { ConfigurationMissingError, InvalidInputError } from "../../provider/errors";
import { Client } from "../../provider/ispmanager/client";
import { resolveClientOptions } from "../../provider/ispmanager/config";
import { expect } from "../support/client";

const generated: IspmanagerCertificateState = {
    domain: "example.com",
    altNames: ["www.example.com"],
    pricelist: "4071",
    periodMonths: 12,
    country: "RU",
    region: "Moscow",
    city: "Moscow",
    organization: "Primer LLC",
    status: "ISSUED",
    adminContact: { firstName: "Ivan" },
    __provider: "old serialized provider",
};

describe("ispmanager.Certificate decisions", () => {
    const table: [string, IspmanagerCertificateState, IspmanagerCertificateState, unknown][] = [
        [
            "no change, even with another serialized provider",
            generated,
            { ...generated, __provider: "new provider" },
            { kind: "none" },
        ],
        [
            "another tariff is a new order",
            generated,
            { ...generated, pricelist: "4072" },
            { kind: "replace", properties: ["pricelist"], reason: "pricelist changed: a new order is needed" },
        ],
        [
            "another term is a new order",
            generated,
            { ...generated, periodMonths: 24 },
            { kind: "replace", properties: ["periodMonths"], reason: "periodMonths changed: a new order is needed" },
        ],
        [
            "another main domain is a new order",
            generated,
            { ...generated, domain: "example.org" },
            { kind: "replace", properties: ["domain"], reason: "domain changed: a new order is needed" },
        ],
        [
            "another city in a billing-generated CSR is a new order",
            generated,
            { ...generated, city: "Kazan" },
            { kind: "replace", properties: ["city"], reason: "city changed: a new order is needed" },
        ],
        [
            "a pending order is resumed",
            { ...generated, status: "PENDING" },
            generated,
            { kind: "resume", properties: [], reason: "the order or reissue of an earlier run is still pending" },
        ],
        [
            "new additional domains reissue with altname",
            generated,
            { ...generated, altNames: ["www.example.com", "api.example.com"] },
            {
                kind: "reissue",
                crtType: "altname",
                properties: ["altNames"],
                reason: "altNames changed: reissue with the new additional domains",
            },
        ],
        [
            "the same additional domains in another order and case are no change",
            generated,
            { ...generated, altNames: ["WWW.example.com"] },
            { kind: "none" },
        ],
        [
            "a new CSR reissues with manual",
            { ...generated, csr: "-----A-----" },
            { ...generated, csr: "-----B-----" },
            {
                kind: "reissue",
                crtType: "manual",
                properties: ["csr"],
                reason: "csr changed: reissue with the new CSR",
            },
        ],
        [
            "a CSR given for a billing-generated key reissues with manual",
            generated,
            { ...generated, csr: "-----B-----" },
            {
                kind: "reissue",
                crtType: "manual",
                properties: ["csr"],
                reason: "csr changed: reissue with the new CSR",
            },
        ],
        [
            "dropping the CSR is a new order (no reissue generates a key)",
            { ...generated, csr: "-----A-----" },
            generated,
            { kind: "replace", properties: ["csr"], reason: "csr changed: a new order is needed" },
        ],
        [
            "another city with an own CSR is a setting",
            { ...generated, csr: "-----A-----" },
            { ...generated, csr: "-----A-----", city: "Kazan" },
            { kind: "settings", properties: ["city"], reason: "city changed" },
        ],
        [
            "new contacts are a setting",
            generated,
            { ...generated, adminContact: { firstName: "Olga" } },
            { kind: "settings", properties: ["adminContact"], reason: "adminContact changed" },
        ],
    ];
    for (const [name, olds, news, expected] of table) {
        it(`decides: ${name}`, () => {
            expect(decideIspmanagerCertificateChange(olds, news)).to.deep.equal(expected);
        });
    }
});

describe("ispmanager inputs: approver addresses and cross-property rules", () => {
    it("allows exactly the five mailboxes of ispmanager help 'Reselling SSL certificates' for a domain", () => {
        expect(allowedApproverEmails("*.example.com")).to.deep.equal([
            "admin@example.com",
            "administrator@example.com",
            "hostmaster@example.com",
            "postmaster@example.com",
            "webmaster@example.com",
        ]);
    });

    it("defaults each domain's approver to admin@ that domain, in the order of the domains", () => {
        expect(
            approverEmailsFor({
                domain: "example.com",
                altNames: ["www.example.com", "shop.example.com"],
                approverEmails: { "WWW.example.com": "webmaster@www.example.com" },
            }),
        ).to.deep.equal(["admin@example.com", "webmaster@www.example.com", "admin@shop.example.com"]);
    });

    it("names the approver of a foreign domain and a duplicate domain", () => {
        expect(
            crossPropertyProblems({
                domain: "example.com",
                altNames: ["www.example.com", "example.com"],
                approverEmails: { "www.example.com": "admin@example.com", "other.com": "admin@other.com" },
            }),
        ).to.deep.equal([
            { property: "altNames[1]", reason: "example.com is listed twice (the main domain counts)" },
            {
                property: "approverEmails.www.example.com",
                reason: 'must be one of admin@www.example.com, administrator@www.example.com, hostmaster@www.example.com, postmaster@www.example.com, webmaster@www.example.com (got "admin@example.com")',
            },
            { property: "approverEmails.other.com", reason: "other.com is not a domain of this certificate" },
        ]);
    });
});

describe("BILLmanager wire format", () => {
    it("encodes spaces as %20 and keeps the colon of authinfo (ispmanager help 'Reselling SSL certificates')", () => {
        expect(
            encodeParameters([
                ["authinfo", "me@example.com:pa ss:w"],
                ["func", "certificate.order.param"],
                ["altname", "example1.com example2.com"],
            ]),
        ).to.equal(
            "authinfo=me%40example.com:pa%20ss:w&func=certificate.order.param&altname=example1.com%20example2.com",
        );
    });

    it("reads the same certificate.order.csr answer from bjson, json and XML", () => {
        const expected = {
            ok: true,
            id: undefined,
            fields: { csr: "CSR", key: "KEY" },
            lists: { field_country: [{ key: "182", value: "Russia" }] },
            elements: [],
            error: undefined,
        };
        expect(
            documentFromBjson({
                ok: true,
                model: { csr: "CSR", key: "KEY" },
                slist: { field_country: [{ k: "182", v: "Russia" }] },
            }),
        ).to.deep.equal(expected);
        expect(
            documentFromJson({
                doc: {
                    ok: {},
                    csr: { $: "CSR" },
                    key: { $: "KEY" },
                    slist: [{ $name: "field_country", val: [{ $key: "182", $: "Russia" }] }],
                },
            }),
        ).to.deep.equal(expected);
        expect(
            documentFromXml(
                `<?xml version="1.0"?><doc><ok/><csr>CSR</csr><key>KEY</key><slist name="field_country"><val key="182">Russia</val></slist></doc>`,
            ),
        ).to.deep.equal(expected);
    });

    it("reads the same error from bjson, json and XML, and nothing from a body that is none of them", () => {
        const error = { type: "missed", object: "elid", value: "7", message: "Certificate 7 not found" };
        expect(
            documentFromBjson({ error: { type: "missed", object: "elid", value: "7", msg: "Certificate 7 not found" } })
                ?.error,
        ).to.deep.equal(error);
        expect(
            documentFromJson({
                doc: {
                    error: {
                        $type: "missed",
                        $object: "elid",
                        param: [
                            { $name: "object", $: "elid" },
                            { $name: "value", $: "7" },
                        ],
                        msg: { $: "Certificate 7 not found" },
                    },
                },
            })?.error,
        ).to.deep.equal(error);
        expect(
            documentFromXml(
                `<doc><error type="missed" object="elid"><param name="object">elid</param><param name="value">7</param><msg>Certificate 7 not found</msg></error></doc>`,
            )?.error,
        ).to.deep.equal(error);
        expect(documentFromJson({ elem: [] })).to.equal(undefined);
        expect(documentFromXml("not xml at all")).to.equal(undefined);
    });
});

describe("ispmanager client settings", () => {
    it("takes what the caller left out from ISPMANAGER_*, then the production endpoint", () => {
        const resolved = resolveClientOptions(
            { user: "me@example.com" },
            { ISPMANAGER_USER: "other@example.com", ISPMANAGER_PASSWORD: "secret" },
        );
        expect(resolved).to.deep.include({
            url: "https://api-eu.ispmanager.com/billmgr",
            user: "me@example.com",
            password: "secret",
            method: "POST",
            format: "bjson",
        });
        expect(
            resolveClientOptions(
                {},
                {
                    ISPMANAGER_USER: "a@example.com",
                    ISPMANAGER_PASSWORD: "p",
                    ISPMANAGER_URL: "http://127.0.0.1:1/billmgr",
                },
            ).url,
        ).to.equal("http://127.0.0.1:1/billmgr");
    });

    it("names every missing credential and the malformed setting before any request", () => {
        expect(() => resolveClientOptions({}, {})).to.throw(
            ConfigurationMissingError,
            "ispmanager connection settings missing: user (ISPMANAGER_USER), password (ISPMANAGER_PASSWORD)",
        );
        expect(() => resolveClientOptions({ user: "a:b", password: "p" }, {})).to.throw(
            InvalidInputError,
            "connection.user: must not contain a colon (authinfo is EMAIL:PASSWORD)",
        );
        expect(() => resolveClientOptions({ user: "a", password: "p", url: "not a url" }, {})).to.throw(
            InvalidInputError,
            "connection.url: not a URL: not a url",
        );
    });

    it("keeps the password out of the client's printed form", () => {
        const client = new Client({
            user: "me@example.com",
            password: "hunter2-secret",
            url: "http://127.0.0.1:9/billmgr",
        });
        expect(JSON.stringify(client)).to.equal(
            '{"url":"http://127.0.0.1:9/billmgr","user":"me@example.com","method":"POST","format":"bjson"}',
        );
        void client.close();
    });
});

describe("ispmanager DNS re-check timing", () => {
    it("asks at the first pending check of a wait", () => {
        expect(dnsRecheckDue(undefined, 5_000)).to.equal(true);
    });
    it("does not ask again 59.999 s after the last request", () => {
        expect(dnsRecheckDue(10_000, 69_999)).to.equal(false);
    });
    it("asks again 60 s after the last request", () => {
        expect(dnsRecheckDue(10_000, 70_000)).to.equal(true);
    });
    it("follows a given interval instead of the default", () => {
        expect([dnsRecheckDue(0, 999, 1_000), dnsRecheckDue(0, 1_000, 1_000)]).to.deep.equal([false, true]);
    });
});
