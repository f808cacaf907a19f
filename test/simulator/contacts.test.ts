import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";
import { orderingPage } from "../support/helpPages";
import { adminCall, jsonCall, xmlCall, xmlTask, seedContact } from "./raw";

/** Puts the simulator's credentials where the help page's request writes USER, PASSWORD and CONTEXT. */
function withCredentials(document: string, simulator: RunningSimulator): string {
    return document
        .replace("<user>USER</user>", `<user>${simulator.user}</user>`)
        .replace("<password>PASSWORD</password>", `<password>${simulator.password}</password>`)
        .replace("<context>CONTEXT</context>", `<context>${simulator.context}</context>`);
}

describe("simulator: authentication over both protocols", function () {
    let simulator: RunningSimulator;
    before(async () => {
        simulator = await startSimulator({ requestsPerSecond: 0, password: "right-password", issuanceDelayMs: 200 });
    });
    after(() => simulator.close());

    it("answers a wrong JSON password with HTTP 401 and the error envelope, without echoing the password", async () => {
        const answer = await jsonCall(simulator, "GET", "/poll", undefined, {
            user: simulator.user,
            password: "wrong-password",
            context: simulator.context,
        });
        expect(answer.status).to.equal(401);
        expect(answer.body.status).to.deep.equal({ code: "E0003", text: "Authentication error.", type: "ERROR" });
        expect(answer.body.messages).to.deep.equal([
            { text: "Authentication failed: wrong user, password or context.", code: "EF0003", type: "ERROR" },
        ]);
        expect(answer.body.stid).to.match(/^\d{8}-sim-\d+$/);
        expect(answer.text).not.to.contain("wrong-password");
        expect(answer.text).not.to.contain("right-password");
    });

    it("answers a JSON request for another context with HTTP 401", async () => {
        const answer = await jsonCall(simulator, "GET", "/poll", undefined, {
            user: simulator.user,
            password: simulator.password,
            context: "9",
        });
        expect(answer.status).to.equal(401);
        expect(answer.body.status.code).to.equal("E0003");
    });

    it("answers a wrong XML password with the XML error envelope, status E0003", async () => {
        const document = `<request><auth><user>${simulator.user}</user><password>wrong-password</password><context>${simulator.context}</context></auth><task><code>0905</code></task></request>`;
        const answer = await xmlCall(simulator, document);
        expect(answer.status).to.equal(200);
        expect(answer.body.result.status).to.deep.equal({
            code: "E0003",
            text: "Authentication error.",
            type: "error",
        });
        expect(answer.body.result.msg).to.deep.equal([
            { text: "Authentication failed: wrong user, password or context.", code: "EF0003", type: "error" },
        ]);
        expect(answer.text).not.to.contain("wrong-password");
    });

    it("keeps passwords out of the request log: Authorization and <password> are redacted", async () => {
        await adminCall(simulator, "DELETE", "/requests");
        await jsonCall(simulator, "GET", "/poll");
        await xmlTask(simulator, "0905");
        const log = (await adminCall(simulator, "GET", "/requests")).body as {
            protocol: string;
            taskCode: string;
            status: number;
            headers: Record<string, string>;
            body: string;
        }[];
        expect(log.map((entry) => [entry.protocol, entry.taskCode, entry.status])).to.deep.equal([
            ["json", "0905", 200],
            ["xml", "0905", 200],
        ]);
        expect(log[0].headers.authorization).to.equal("[REDACTED]");
        expect(log[1].body).to.contain("<password>[REDACTED]</password>");
        expect(JSON.stringify(log)).not.to.contain("right-password");
    });
});

describe("simulator: SSL contacts", function () {
    let simulator: RunningSimulator;
    beforeEach(async () => {
        simulator = await startSimulator({ requestsPerSecond: 0, issuanceDelayMs: 200 });
    });
    afterEach(() => simulator.close());

    it("creates the contact of the 'Ordering SSL Certificates' help page's JSON request and answers in the page's shape", async () => {
        const { contactCreateRequest: request, contactCreateResponse: pageResponse } = orderingPage.json;
        const answer = await jsonCall(simulator, "POST", "/sslcontact", request);
        expect(answer.status).to.equal(200);
        expect(answer.body.status.code).to.equal(pageResponse.status.code);
        expect(answer.body.status.type).to.equal(pageResponse.status.type);
        expect(answer.body.object).to.deep.equal(pageResponse.object);
        const { address: _address, owner: _owner, ...pageFields } = pageResponse.data[0];
        expect(answer.body.data[0]).to.deep.include({
            ...pageFields,
            fax: "+49-123-12345",
            owner: { user: simulator.user, context: 4 },
        });
        // The page's answer shows one address line as a string; swagger SslContact.address is an array.
        expect(answer.body.data[0].address).to.deep.equal(["123 Main Street"]);
    });

    it("creates the contact of the 'Ordering SSL Certificates' help page's XML request and answers the page's XML response", async () => {
        const request = orderingPage.xml.contactCreateRequest;
        const answer = await xmlCall(simulator, withCredentials(request, simulator));
        expect(answer.status).to.equal(200);
        expect(answer.body.result.data).to.equal("");
        expect(answer.body.result.status).to.deep.equal({
            code: "S400201",
            text: "Contact was successfully created.",
            type: "success",
            object: { type: "contact", value: "100" },
        });
        const info = await jsonCall(simulator, "GET", "/sslcontact/100");
        expect(info.body.data[0]).to.deep.include({
            fname: "Michael",
            lname: "Mustermann",
            pcode: "93047",
            address: ["Maximilianstrasse 36000"],
            country: "DE",
            state: "Bayern",
            id: 100,
        });
    });

    it("gives increasing ids from 100 and shows the same contact over XML", async () => {
        const first = await jsonCall(simulator, "POST", "/sslcontact", seedContact);
        const second = await jsonCall(simulator, "POST", "/sslcontact", { ...seedContact, email: "jane@example.com" });
        expect([first.body.object.value, second.body.object.value]).to.deep.equal(["100", "101"]);
        const info = await xmlTask(simulator, "400204", { contact: { id: "101" } });
        expect(info.body.result.status.code).to.equal("S400204");
        expect(info.body.result.data.contact[0]).to.deep.include({
            first: "John",
            last: "Doe",
            email: "jane@example.com",
            postal_code: "12345",
            address: ["123 Main Street"],
            id: "101",
        });
    });

    for (const field of ["fname", "lname", "email", "phone", "address", "pcode", "city", "country", "organization"]) {
        it(`refuses a contact without ${field} with a 400 naming the field`, async () => {
            const { [field]: _left, ...contact } = seedContact as Record<string, unknown>;
            const answer = await jsonCall(simulator, "POST", "/sslcontact", contact);
            expect(answer.status).to.equal(400);
            expect(answer.body.status).to.deep.equal({
                code: "E400201",
                text: "The request is invalid.",
                type: "ERROR",
            });
            expect(answer.body.messages).to.deep.equal([
                { text: `${field}: is required`, code: "EF01010", type: "ERROR" },
            ]);
        });
    }

    it("refuses a country that is not two letters", async () => {
        const answer = await jsonCall(simulator, "POST", "/sslcontact", { ...seedContact, country: "Germany" });
        expect(answer.status).to.equal(400);
        expect(answer.body.messages[0].text).to.equal("country: must be an ISO 3166-1 alpha-2 code");
    });

    it("lists contacts by EQUAL and LIKE filters with a view, the summary counting every match", async () => {
        for (const [fname, organization] of [
            ["Anna", "Acme"],
            ["Bernd", "Acme Labs"],
            ["Carla", "Other"],
        ]) {
            await jsonCall(simulator, "POST", "/sslcontact", {
                ...seedContact,
                fname,
                organization,
                email: `${fname.toLowerCase()}@example.com`,
            });
        }
        const like = await jsonCall(simulator, "POST", "/sslcontact/_search", {
            filters: [{ key: "organization", value: "Acme*", operator: "LIKE" }],
            view: { limit: 1, offset: 1 },
        });
        expect(like.body.status.code).to.equal("S400205");
        expect(like.body.object.summary).to.equal(2);
        expect(like.body.data.map((contact: { fname: string }) => contact.fname)).to.deep.equal(["Bernd"]);
        const equal = await jsonCall(simulator, "POST", "/sslcontact/_search", {
            filters: [{ key: "email", value: "carla@example.com", operator: "EQUAL" }],
        });
        expect(equal.body.data.map((contact: { id: number }) => contact.id)).to.deep.equal([102]);
        const xml = await xmlTask(simulator, "400205", {
            view: { limit: "10", offset: "0" },
            where: { key: "fname", operator: "like", value: "*a" },
        });
        expect(xml.body.result.data.summary).to.equal("2");
        expect(xml.body.result.data.contact.map((contact: { first: string }) => contact.first)).to.deep.equal([
            "Anna",
            "Carla",
        ]);
    });

    it("updates and deletes a contact; afterwards its info answers 404", async () => {
        await jsonCall(simulator, "POST", "/sslcontact", seedContact);
        const updated = await jsonCall(simulator, "PUT", "/sslcontact/100", { ...seedContact, city: "München" });
        expect(updated.body.data[0].city).to.equal("München");
        expect((await jsonCall(simulator, "DELETE", "/sslcontact/100")).body.status.code).to.equal("S400203");
        const gone = await jsonCall(simulator, "GET", "/sslcontact/100");
        expect(gone.status).to.equal(404);
        expect(gone.body.status).to.deep.equal({
            code: "E400204",
            text: "SslContact could not be found.",
            type: "ERROR",
        });
    });
});
