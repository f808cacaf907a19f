import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { adminCall, jsonCall, placeJsonOrder, seedContact, xmlTask } from "./raw";

const byComment = (reference: string) => ({ filters: [{ key: "comment", value: reference, operator: "EQUAL" }] });

describe("simulator: additional list keys and filter keys it does not search on", function () {
    this.timeout(30_000);
    let simulator: RunningSimulator;
    beforeEach(async () => {
        simulator = await startSimulator({ requestsPerSecond: 0, issuanceDelayMs: 60_000 });
        await jsonCall(simulator, "POST", "/sslcontact", seedContact);
        await placeJsonOrder(simulator, "shared.example.com", 100, { comment: "stack-a" });
        await placeJsonOrder(simulator, "shared.example.com", 100, { comment: "stack-b" });
        await placeJsonOrder(simulator, "other.example.com", 100);
    });
    afterEach(() => simulator.close());

    it("answers Certificate List rows with comment only when the JSON request asks for it with keys[]=comment", async () => {
        const plain = await jsonCall(simulator, "POST", "/certificate/_search", byComment("stack-a"));
        expect(plain.body.data.map((row: { name: string; comment?: string }) => [row.name, row.comment])).to.deep.equal(
            [["shared.example.com", undefined]],
        );
        const asked = await jsonCall(simulator, "POST", "/certificate/_search?keys[]=comment", byComment("stack-a"));
        expect(asked.body.data.map((row: { name: string; comment?: string }) => [row.name, row.comment])).to.deep.equal(
            [["shared.example.com", "stack-a"]],
        );
    });

    it("logs each request's query string as sent, so a test can see that a list asked for keys[]=comment", async () => {
        await adminCall(simulator, "DELETE", "/requests");
        await jsonCall(simulator, "POST", "/certificate/_search?keys[]=comment&keys[]=updated", byComment("stack-a"));
        await jsonCall(simulator, "POST", "/certificate/_search", byComment("stack-a"));
        await jsonCall(simulator, "GET", "/certificate/1000?ctid=mine&password=Secret-Pa55&other=1");
        const log = (await adminCall(simulator, "GET", "/requests")).body as { path: string; query: string }[];
        expect(log.map((logged) => [logged.path, logged.query])).to.deep.equal([
            ["/v1/certificate/_search", "keys[]=comment&keys[]=updated"],
            ["/v1/certificate/_search", ""],
            ["/v1/certificate/1000", "ctid=mine&password=[REDACTED]&other=1"],
        ]);
    });

    it("answers XML Certificate List rows with comment only when the task holds <key>comment</key>", async () => {
        const where = { where: { key: "name", operator: "eq", value: "shared.example.com" } };
        const plain = await xmlTask(simulator, "400105", { view: { limit: "10", offset: "0" }, ...where });
        expect(plain.body.result.data.certificate.map((row: { comment?: string }) => row.comment)).to.deep.equal([
            undefined,
            undefined,
        ]);
        const asked = await xmlTask(simulator, "400105", {
            view: { limit: "10", offset: "0" },
            key: ["comment"],
            ...where,
        });
        expect(asked.body.result.data.certificate.map((row: { comment?: string }) => row.comment)).to.deep.equal([
            "stack-a",
            "stack-b",
        ]);
    });

    it("answers comment without being asked once listKeysWithoutAsking is on", async () => {
        await adminCall(simulator, "POST", "/settings", { listKeysWithoutAsking: true });
        const plain = await jsonCall(simulator, "POST", "/certificate/_search", {
            filters: [{ key: "name", value: "shared.example.com", operator: "EQUAL" }],
        });
        expect(plain.body.data.map((row: { comment?: string }) => row.comment)).to.deep.equal(["stack-a", "stack-b"]);
    });

    it("answers rows without comment although asked once listKeysIgnored is on, while CertificateInfo still shows it", async () => {
        await adminCall(simulator, "POST", "/settings", { listKeysIgnored: true });
        const asked = await jsonCall(simulator, "POST", "/certificate/_search?keys[]=comment", byComment("stack-a"));
        expect(asked.body.data.map((row: { name: string; comment?: string }) => [row.name, row.comment])).to.deep.equal(
            [["shared.example.com", undefined]],
        );
        const info = await jsonCall(simulator, "GET", `/certificate/${asked.body.data[0].id}`);
        expect(info.body.data[0].comment).to.equal("stack-a");
    });

    it("ignores a comment condition with ignoreUnknownFilterKeys on, inside an OR group too, and still filters on name", async () => {
        await adminCall(simulator, "POST", "/settings", { ignoreUnknownFilterKeys: true });
        const names = (answer: { body: { data: { name: string; comment?: string }[] } }) =>
            answer.body.data.map((row) => `${row.name} ${row.comment}`);
        const ignored = await jsonCall(simulator, "POST", "/certificate/_search?keys[]=comment", byComment("stack-a"));
        expect(names(ignored)).to.deep.equal([
            "shared.example.com stack-a",
            "shared.example.com stack-b",
            "other.example.com undefined",
        ]);
        const group = {
            filters: [
                { key: "name", value: "shared.example.com", operator: "EQUAL" },
                { link: "OR", filters: [{ key: "comment", value: "stack-a", operator: "EQUAL" }] },
            ],
        };
        expect(names(await jsonCall(simulator, "POST", "/certificate/_search?keys[]=comment", group))).to.deep.equal([
            "shared.example.com stack-a",
            "shared.example.com stack-b",
        ]);
        const jobs = await jsonCall(simulator, "POST", "/job/_search", {
            filters: [{ key: "object", value: "other.example.com", operator: "EQUAL" }],
        });
        expect(jobs.body.data.map((row: { object: { value: string } }) => row.object.value)).to.deep.equal([
            "other.example.com",
        ]);
        await adminCall(simulator, "POST", "/settings", { ignoreUnknownFilterKeys: false });
        expect(
            names(await jsonCall(simulator, "POST", "/certificate/_search?keys[]=comment", byComment("stack-a"))),
        ).to.deep.equal(["shared.example.com stack-a"]);
    });

    it("refuses a switch that is not true or false, naming it", async () => {
        const refused = await adminCall(simulator, "POST", "/settings", { ignoreUnknownFilterKeys: "yes" });
        expect([refused.status, refused.text]).to.deep.equal([
            400,
            JSON.stringify({ error: "ignoreUnknownFilterKeys must be true or false" }),
        ]);
    });
});
