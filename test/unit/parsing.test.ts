import { ConfigurationMissingError, InvalidInputError } from "../../provider/errors";
import { resolveClientOptions } from "../../provider/internetx/config";
import { isoTimestamp } from "../../provider/internetx/schemas";
import { redact } from "../../provider/redact";
import { parseZoneRecord } from "../../provider/resources/dnsRecord";
import { expect } from "../support/client";

describe("small parsers", () => {
    it("splits the document's tab-separated TXT zone line into name, type, ttl and the unquoted token", () => {
        expect(parseZoneRecord('example.com.\t\t300\tIN\tTXT\t"2018092608362142n4sbul8rv8ttv7zkhjgzvyim8n1kpa9lys0uqdszxzs0pa0l"')).to.deep.equal({
            name: "example.com.",
            type: "TXT",
            ttl: 300,
            value: "2018092608362142n4sbul8rv8ttv7zkhjgzvyim8n1kpa9lys0uqdszxzs0pa0l",
        });
        expect(parseZoneRecord('_dnsauth.www.example.com. 3600 IN CNAME "x.validation.example."')).to.deep.equal({ name: "_dnsauth.www.example.com.", type: "CNAME", ttl: 3600, value: "x.validation.example." });
        expect(parseZoneRecord("garbage")).to.equal(undefined);
    });

    it("reads the JSON and XML timestamp formats as UTC instants", () => {
        expect(isoTimestamp("2018-09-26T11:38:08.000+0200")).to.equal("2018-09-26T09:38:08.000Z");
        expect(isoTimestamp("2017-01-01 10:35:22")).to.equal("2017-01-01T10:35:22.000Z");
        expect(isoTimestamp("CREATED")).to.equal("CREATED");
    });

    it("redacts the XML password element, basic auth headers, BILLmanager authinfo and known secrets", () => {
        expect(redact("<auth><user>u</user><password>p&lt;1</password></auth>")).to.equal("<auth><user>u</user><password>[REDACTED]</password></auth>");
        expect(redact("authorization: Basic dXNlcjpwYXNz")).to.equal("authorization: Basic [REDACTED]");
        expect(redact("/billmgr?authinfo=me%40x.com:pw&out=bjson")).to.equal("/billmgr?authinfo=[REDACTED]&out=bjson");
        expect(redact("the password is hunter22 or hunter%2022", ["hunter22", "hunter 22"])).to.equal("the password is [REDACTED] or [REDACTED]");
    });
});

describe("client settings", () => {
    it("takes what the caller left out from the AUTODNS_* environment, then the production defaults", () => {
        const resolved = resolveClientOptions({ user: "given" }, { AUTODNS_USER: "ignored", AUTODNS_PASSWORD: "pw", AUTODNS_CONTEXT: "4", AUTODNS_PROTOCOL: "xml" });
        expect(resolved).to.deep.include({ user: "given", password: "pw", context: "4", protocol: "xml", url: "https://api.autodns.com/v1", xmlUrl: "https://gateway.autodns.com", demo: false });
    });

    it("names every missing credential before any request", () => {
        expect(() => resolveClientOptions({}, {})).to.throw(ConfigurationMissingError, "InterNetX connection settings missing: user (AUTODNS_USER), password (AUTODNS_PASSWORD), context (AUTODNS_CONTEXT)");
    });

    it("names the malformed setting", () => {
        expect(() => resolveClientOptions({ user: "u", password: "p", context: "four" }, {})).to.throw(InvalidInputError, "connection.context: must be a number (the InterNetX context)");
        expect(() => resolveClientOptions({ user: "u", password: "p", context: "4", protocol: "soap" as never }, {})).to.throw(InvalidInputError, 'connection.protocol: must be "json" or "xml", got "soap"');
    });
});
