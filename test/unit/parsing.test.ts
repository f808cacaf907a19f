import { ConfigurationMissingError, InvalidInputError } from "../../provider/errors";
import { resolveClientOptions } from "../../provider/internetx/config";
import { Client } from "../../provider/internetx/client";
import { isoTimestamp } from "../../provider/internetx/schemas";
import { errorFromExchange } from "../../provider/internetx/transport/classify";
import { goneAnswers, isGoneAnswer } from "../../provider/internetx/transport/gone";
import { ApiValidationError, NotFoundError } from "../../provider/errors";
import { redact } from "../../provider/redact";
import { parseZoneRecord } from "../../provider/resources/dnsRecord";
import { expect } from "../support/client";

describe("small parsers", () => {
    it("splits the document's tab-separated TXT zone line into name, type, ttl and the unquoted token", () => {
        expect(
            parseZoneRecord(
                'example.com.\t\t300\tIN\tTXT\t"2018092608362142n4sbul8rv8ttv7zkhjgzvyim8n1kpa9lys0uqdszxzs0pa0l"',
            ),
        ).to.deep.equal({
            name: "example.com.",
            type: "TXT",
            ttl: 300,
            value: "2018092608362142n4sbul8rv8ttv7zkhjgzvyim8n1kpa9lys0uqdszxzs0pa0l",
        });
        expect(parseZoneRecord('_dnsauth.www.example.com. 3600 IN CNAME "x.validation.example."')).to.deep.equal({
            name: "_dnsauth.www.example.com.",
            type: "CNAME",
            ttl: 3600,
            value: "x.validation.example.",
        });
        expect(parseZoneRecord("garbage")).to.equal(undefined);
    });

    it("reads the JSON and XML timestamp formats as UTC instants", () => {
        expect(isoTimestamp("2018-09-26T11:38:08.000+0200")).to.equal("2018-09-26T09:38:08.000Z");
        expect(isoTimestamp("2017-01-01 10:35:22")).to.equal("2017-01-01T10:35:22.000Z");
        expect(isoTimestamp("CREATED")).to.equal("CREATED");
    });

    it("redacts the XML password element, basic auth headers, BILLmanager authinfo and known secrets", () => {
        expect(redact("<auth><user>u</user><password>p&lt;1</password></auth>")).to.equal(
            "<auth><user>u</user><password>[REDACTED]</password></auth>",
        );
        expect(redact("authorization: Basic dXNlcjpwYXNz")).to.equal("authorization: Basic [REDACTED]");
        expect(redact("/billmgr?authinfo=me%40x.com:pw&out=bjson")).to.equal("/billmgr?authinfo=[REDACTED]&out=bjson");
        expect(redact("the password is hunter22 or hunter%2022", ["hunter22", "hunter 22"])).to.equal(
            "the password is [REDACTED] or [REDACTED]",
        );
    });
});

describe("client settings", () => {
    it("takes what the caller left out from the AUTODNS_* environment, then the production defaults", () => {
        const resolved = resolveClientOptions(
            { user: "given" },
            { AUTODNS_USER: "ignored", AUTODNS_PASSWORD: "pw", AUTODNS_CONTEXT: "4", AUTODNS_PROTOCOL: "xml" },
        );
        expect(resolved).to.deep.include({
            user: "given",
            password: "pw",
            context: "4",
            protocol: "xml",
            url: "https://api.autodns.com/v1",
            xmlUrl: "https://gateway.autodns.com",
            demo: false,
        });
    });

    it("names every missing credential before any request", () => {
        expect(() => resolveClientOptions({}, {})).to.throw(
            ConfigurationMissingError,
            "InterNetX connection settings missing: user (AUTODNS_USER), password (AUTODNS_PASSWORD), context (AUTODNS_CONTEXT)",
        );
    });

    it("names the malformed setting", () => {
        expect(() => resolveClientOptions({ user: "u", password: "p", context: "four" }, {})).to.throw(
            InvalidInputError,
            "connection.context: must be a number (the InterNetX context)",
        );
        expect(() =>
            resolveClientOptions({ user: "u", password: "p", context: "4", protocol: "soap" as never }, {}),
        ).to.throw(InvalidInputError, 'connection.protocol: must be "json" or "xml", got "soap"');
    });
});

describe("the demo system", () => {
    for (const protocol of ["json", "xml"] as const) {
        it(`makes the demo addresses the defaults over ${protocol} ("JSON API Basics", "XML API Basics")`, () => {
            const resolved = resolveClientOptions({ user: "u", password: "p", context: "4", protocol, demo: true }, {});
            expect([resolved.url, resolved.xmlUrl]).to.deep.equal([
                "https://api.demo.autodns.com/v1",
                "https://demo.autodns.com/gateway/",
            ]);
        });

        it(`refuses a live address with demo set over ${protocol}, before any request`, () => {
            const live =
                protocol === "json"
                    ? { url: "https://api.autodns.com/v1" }
                    : { xmlUrl: "https://gateway.autodns.com/" };
            const setting = protocol === "json" ? "connection.url" : "connection.xmlUrl";
            const demoUrl =
                protocol === "json" ? "https://api.demo.autodns.com/v1" : "https://demo.autodns.com/gateway/";
            const given = protocol === "json" ? live.url : live.xmlUrl;
            expect(
                () => new Client({ user: "u", password: "p", context: "4", protocol, demo: true, ...live }),
            ).to.throw(
                InvalidInputError,
                `${setting}: demo is set, but ${given} is the live system; use ${demoUrl} or leave ${protocol === "json" ? "url" : "xmlUrl"} unset`,
            );
            expect(() =>
                resolveClientOptions(
                    { user: "u", password: "p", context: "4", protocol, demo: true },
                    protocol === "json"
                        ? { AUTODNS_URL: "https://api.autodns.com/v1" }
                        : { AUTODNS_XML_URL: "https://gateway.autodns.com" },
                ),
            ).to.throw(InvalidInputError, setting);
        });
    }
});

describe("what means gone: one table, one test per entry", () => {
    const envelope = (code: string) => ({
        status: { code: "E400104", text: "", type: "ERROR" },
        messages: [{ code, text: "t", type: "ERROR" }],
        data: [],
    });

    it("has exactly the entries HTTP 404 with an envelope and EF300101, each naming its evidence", () => {
        expect(goneAnswers.map((entry) => entry.httpStatus ?? entry.code)).to.deep.equal([404, "EF300101"]);
        expect(goneAnswers.map((entry) => entry.source)).to.deep.equal([
            'InterNetX "JSON API Basics": INFO is GET /<object group>/<identifier>, HTTP 404 with an API envelope names no such object',
            'Certificate Job Info of a finished or cancelled job: a real answer asserted by InterNetX-DL/Laravel-SSL-Manager tests/CertificateWorkflowTest.php (Job Info after Job Cancel), and read as "finished" by public XML clients (`result/msg/code`)',
        ]);
    });

    it("takes HTTP 404 with an API envelope for gone", () => {
        expect(isGoneAnswer({ httpStatus: 404, hasEnvelope: true, codes: ["E400104"] })).to.equal(true);
        expect(
            errorFromExchange({
                task: "CertificateInfo",
                httpStatus: 404,
                headers: {},
                envelope: envelope("EF99999"),
                rawBody: "",
            }),
        ).to.be.instanceOf(NotFoundError);
    });

    it("takes EF300101 (a finished job has left Job Info) for gone, at any HTTP status", () => {
        expect(isGoneAnswer({ httpStatus: 200, hasEnvelope: true, codes: ["E300114", "EF300101"] })).to.equal(true);
        expect(
            errorFromExchange({
                task: "JobInfo",
                httpStatus: 400,
                headers: {},
                envelope: envelope("EF300101"),
                rawBody: "",
            }),
        ).to.be.instanceOf(NotFoundError);
    });

    it("never takes EF02022 for gone: a real AutoDNS answer shows it is a duplicate entry", () => {
        expect(isGoneAnswer({ httpStatus: 400, hasEnvelope: true, codes: ["E0202002", "EF02022"] })).to.equal(false);
        expect(isGoneAnswer({ httpStatus: 200, hasEnvelope: true, codes: ["E400104", "EF02022"] })).to.equal(false);
        expect(
            errorFromExchange({
                task: "CertificateInfo",
                httpStatus: 400,
                headers: {},
                envelope: envelope("EF02022"),
                rawBody: "",
            }),
        ).to.be.instanceOf(ApiValidationError);
    });

    it("never takes an unknown error, or a 404 without an API envelope, for gone", () => {
        expect(isGoneAnswer({ httpStatus: 400, hasEnvelope: true, codes: ["E400104", "EF01010"] })).to.equal(false);
        expect(isGoneAnswer({ httpStatus: 404, hasEnvelope: false, codes: [] })).to.equal(false);
        expect(
            errorFromExchange({
                task: "CertificateInfo",
                httpStatus: 400,
                headers: {},
                envelope: envelope("EF0404"),
                rawBody: "",
            }),
        ).not.to.be.instanceOf(NotFoundError);
        expect(
            errorFromExchange({ task: "CertificateInfo", httpStatus: 404, headers: {}, rawBody: "no route" }),
        ).not.to.be.instanceOf(NotFoundError);
    });
});
