import { TaskRunner } from "../../../provider/internetx/taskRunner";
import { resolveClientOptions as resolveInternetxOptions } from "../../../provider/internetx/config";
import { JsonTransport } from "../../../provider/internetx/transport/json";
import { FunctionRunner } from "../../../provider/ispmanager/functionRunner";
import { resolveClientOptions as resolveBillmanagerOptions } from "../../../provider/ispmanager/config";
import { BillTransport } from "../../../provider/ispmanager/transport";
import { OrderOutcomeUnknownError } from "../../../provider/errors";
import { asText } from "../../../provider/shared/text";
import { expect } from "../../support/client";
import { RecordingServer } from "../../support/recordingServer";

const timeoutMs = 2000;

const certificateEnvelope = JSON.stringify({
    stid: "20261201-stid-7",
    status: { code: "S400104", text: "Certificate data were inquired successfully.", type: "SUCCESS" },
    data: [{ id: 7, name: "example.com" }],
});
const emptyListEnvelope = JSON.stringify({
    stid: "20261201-stid-8",
    status: { code: "S400105", text: "Certificates were listed.", type: "SUCCESS" },
    data: [],
});
const orderAcceptedEnvelope = JSON.stringify({
    stid: "20261201-stid-9",
    status: { code: "N400101", text: "Order accepted.", type: "NOTIFY" },
    data: [],
});

/**
 * The shared request runner's rule for an order whose outcome is unknown, through both backends' adapters over real
 * HTTP: wait as long again as the attempt could take (or the Retry-After, if longer), then look for the order, and
 * send it again only when nothing was found. The runner's sleep is recorded instead of waited.
 */
describe("the request runner never orders twice after an ambiguous failure", () => {
    let server: RecordingServer;
    let sleeps: number[];
    let logLines: string[];
    const sleep = async (ms: number) => {
        sleeps.push(ms);
    };

    beforeEach(async () => {
        server = await new RecordingServer().start();
        sleeps = [];
        logLines = [];
    });
    afterEach(() => server.stop());

    function internetxRunner(): { runner: TaskRunner; close: () => Promise<void> } {
        const options = resolveInternetxOptions(
            {
                url: `${server.url}/v1`,
                user: "user",
                password: "secret",
                context: "4",
                timeoutMs,
                logger: (line) => logLines.push(line),
            },
            {},
        );
        const transport = new JsonTransport(
            options.url,
            { user: options.user, password: options.password, context: options.context },
            { timeoutMs },
        );
        return { runner: new TaskRunner(transport, options, sleep), close: () => transport.close() };
    }

    function billmanagerRunner(): { runner: FunctionRunner; close: () => Promise<void> } {
        const options = resolveBillmanagerOptions(
            {
                url: `${server.url}/billmgr`,
                user: "user@example.com",
                password: "secret",
                timeoutMs,
                logger: (line) => logLines.push(line),
            },
            {},
        );
        const transport = new BillTransport(options);
        return { runner: new FunctionRunner(transport, options, sleep), close: () => transport.close() };
    }

    it("looks for an InterNetX order after a 502, once the timeout has passed again, and returns what it found instead of ordering again", async () => {
        server.respondWith({ status: 502, body: "Bad Gateway" }, { body: certificateEnvelope });
        const { runner, close } = internetxRunner();
        try {
            const envelope = await runner.run({ task: "CertificateCreate", body: { name: "example.com" } }, () =>
                runner.run({ task: "CertificateInfo", id: "7" }),
            );
            expect(envelope.stid).to.equal("20261201-stid-7");
        } finally {
            await close();
        }
        expect(server.requests.map((request) => `${request.method} ${request.url}`)).to.deep.equal([
            "POST /v1/certificate",
            "GET /v1/certificate/7",
        ]);
        expect(sleeps).to.deep.equal([timeoutMs]);
        expect(logLines).to.include(
            "CertificateCreate: found the order placed by the failed attempt; not ordering again",
        );
    });

    it("looks for an InterNetX order a gateway timed out on three times, a timeout apart, and never sends it again when none finds it, naming its reference", async () => {
        server.respondWith(
            { status: 504, body: "Gateway Timeout" },
            { body: emptyListEnvelope },
            { body: emptyListEnvelope },
            { body: emptyListEnvelope },
        );
        const { runner, close } = internetxRunner();
        let error: unknown;
        try {
            const recover = async () => {
                const list = await runner.run({ task: "CertificateList", body: { filters: [] } });
                return list.data.length > 0 ? list : undefined;
            };
            error = await runner
                .run({ task: "CertificateCreate", body: { name: "example.com" } }, recover, "psm1-reference")
                .catch((caught: unknown) => caught);
        } finally {
            await close();
        }
        expect(error).to.be.instanceOf(OrderOutcomeUnknownError);
        const ctid = asText(server.requests[0].headers["x-domainrobot-ctid"]);
        expect((error as Error).message).to.equal(
            `CertificateCreate: the order got no answer from the API (CertificateCreate failed: server error (HTTP 504, ctid ${ctid})) and 3 lookups over 6s did not find it under reference psm1-reference; the API may still place it, so it is not placed again in this run. Run pulumi up again: it looks for the order under reference psm1-reference before ordering`,
        );
        expect((error as OrderOutcomeUnknownError).orderReference).to.equal("psm1-reference");
        expect(server.requests.map((request) => `${request.method} ${request.url}`)).to.deep.equal([
            "POST /v1/certificate",
            "POST /v1/certificate/_search",
            "POST /v1/certificate/_search",
            "POST /v1/certificate/_search",
        ]);
        expect(sleeps).to.deep.equal([timeoutMs, timeoutMs, timeoutMs]);
        expect(logLines).to.include.members([
            "CertificateCreate: the order is not there yet (lookup 1 of 3); looking again in 2s",
            "CertificateCreate: the order is not there yet (lookup 2 of 3); looking again in 2s",
        ]);
    });

    it("finds a BILLmanager order that landed after the first lookup, looking again a timeout later", async () => {
        server.respondWith(
            { status: 502, body: "Bad Gateway" },
            { body: JSON.stringify({ elem: [] }) },
            { body: JSON.stringify({ elem: [{ id: "12", domain: "example.com" }] }) },
        );
        const { runner, close } = billmanagerRunner();
        try {
            const recover = async () => (await runner.run({ func: "certificate" })).elements[0]?.id;
            const answer = await runner.runOrder(
                { func: "certificate.order.param", params: { pricelist: "55364" } },
                recover,
                "psm1-reference",
            );
            expect(answer).to.deep.equal({ recoveredId: "12" });
        } finally {
            await close();
        }
        const functions = server.requests.map((request) => new URLSearchParams(request.body).get("func"));
        expect(functions).to.deep.equal(["certificate.order.param", "certificate", "certificate"]);
        expect(sleeps).to.deep.equal([timeoutMs, timeoutMs]);
    });

    it("waits the longer Retry-After of a 429 before looking, and orders again only when the order is not there", async () => {
        server.respondWith(
            { status: 429, headers: { "retry-after": "5" }, body: "" },
            { body: emptyListEnvelope },
            { body: orderAcceptedEnvelope },
        );
        const { runner, close } = internetxRunner();
        try {
            const recover = async () => {
                const list = await runner.run({ task: "CertificateList", body: { filters: [] } });
                return list.data.length > 0 ? list : undefined;
            };
            const envelope = await runner.run({ task: "CertificateCreate", body: { name: "example.com" } }, recover);
            expect(envelope.status.code).to.equal("N400101");
        } finally {
            await close();
        }
        expect(server.requests.map((request) => `${request.method} ${request.url}`)).to.deep.equal([
            "POST /v1/certificate",
            "POST /v1/certificate/_search",
            "POST /v1/certificate",
        ]);
        // The first wait lets the lost order arrive before looking; the second is the Retry-After before ordering again.
        expect(sleeps).to.deep.equal([5000, 5000]);
        // Each attempt carries a client transaction id of its own.
        const ctids = server.requests.map((request) => request.headers["x-domainrobot-ctid"]);
        expect(new Set(ctids).size).to.equal(3);
    });

    it("looks for a BILLmanager order after a 500, once the timeout has passed again, and answers the certificate it found", async () => {
        server.respondWith(
            { status: 500, body: "Internal Server Error" },
            { body: JSON.stringify({ elem: [{ id: "12", domain: "example.com" }] }) },
        );
        const { runner, close } = billmanagerRunner();
        try {
            const recover = async () => (await runner.run({ func: "certificate" })).elements[0]?.id;
            const answer = await runner.runOrder(
                { func: "certificate.order.param", params: { pricelist: "55364" } },
                recover,
            );
            expect(answer).to.deep.equal({ recoveredId: "12" });
        } finally {
            await close();
        }
        const functions = server.requests.map((request) => new URLSearchParams(request.body).get("func"));
        expect(functions).to.deep.equal(["certificate.order.param", "certificate"]);
        expect(sleeps).to.deep.equal([timeoutMs]);
        expect(logLines).to.include(
            "certificate.order.param: found certificate 12 ordered by the failed attempt; not ordering again",
        );
    });

    it("gives a BILLmanager order that failed without a way to look for it back to the caller instead of repeating it", async () => {
        server.respondWith({ status: 500, body: "Internal Server Error" });
        const { runner, close } = billmanagerRunner();
        try {
            await expect(
                runner.run({ func: "certificate.order.param", params: { pricelist: "55364" } }),
            ).to.be.rejectedWith("certificate.order.param failed: server error (HTTP 500)");
        } finally {
            await close();
        }
        expect(server.requests).to.have.length(1);
        expect(sleeps).to.deep.equal([]);
    });
});
