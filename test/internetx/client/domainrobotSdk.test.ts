import { generateKeyAndCsr, parseCertificate } from "../../../provider/x509";
import { RunningSimulator, startSimulator } from "../../../simulator/internetx";
import { expect } from "../../support/client";
import { SimulatorAdmin } from "../../support/simulatorAdmin";

// InterNetX's own JavaScript SDK (dev dependency), written against the real API: if it works with the simulator,
// the simulator speaks the documented JSON API and not only what this project's client expects.

const { DomainRobot } = require("js-domainrobot-sdk");

describe("compatibility: InterNetX's js-domainrobot-sdk against the simulator", function () {
    this.timeout(60_000);
    let simulator: RunningSimulator;
    let robot: any;

    before(async () => {
        simulator = await startSimulator({ issuanceDelayMs: 150 });
        robot = new DomainRobot({
            url: simulator.url,
            auth: { user: simulator.user, password: simulator.password, context: simulator.context },
        });
    });
    /** The SDK does not pace its requests; a caller keeps to "3 requests per second and IP" (JSON API Basics). */
    const paced = async (call: () => Promise<any>): Promise<any> => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        return call();
    };
    after(() => simulator.close());

    it("runs the documented flow: contact create, prepare order, certificate create, poll info and confirm, certificate info", async () => {
        const contact = await paced(() =>
            robot.sslcontact().create({
                fname: "John",
                lname: "Doe",
                phone: "+49-123-12345",
                email: "john.doe@example.com",
                organization: "Company",
                address: ["123 Main Street"],
                pcode: "12345",
                city: "Anytown",
                country: "DE",
            }),
        );
        expect(contact.status).to.equal(200);
        expect(contact.result.status.code).to.equal("S400201");
        const contactId = contact.result.data[0].id;

        const { csrPem } = await generateKeyAndCsr({
            key: { algorithm: "RSA", rsaBits: 2048 },
            commonName: "sdk.example.com",
        });
        const prepared = await paced(() =>
            robot.certificate().prepareOrder({ csr: csrPem, product: "QUICKSSLPREMIUM" }),
        );
        expect(prepared.result.status.code).to.equal("S400110");
        const dns = prepared.result.data[0].authentication.find(
            (entry: { method: string }) => entry.method === "DNS",
        ).dns;

        const created = await paced(() =>
            robot.certificate().create({
                adminContact: { id: contactId },
                technicalContact: { id: contactId },
                name: "sdk.example.com",
                lifetime: { unit: "MONTH", period: 12 },
                software: "APACHESSL",
                csr: csrPem,
                product: "QUICKSSLPREMIUM",
                authentication: { method: "DNS", dns, provisioning: true },
            }),
        );
        expect(created.result.status).to.deep.equal({
            code: "N400101",
            text: "Certificate order was started successfully.",
            type: "NOTIFY",
        });
        const jobId = created.result.data[0].id;

        await new Promise((resolve) => setTimeout(resolve, 300));
        const polled = await paced(() => robot.poll().info());
        expect(polled.result.status.code).to.equal("S0905");
        const message = polled.result.data[0];
        expect(message.job).to.deep.include({ id: jobId, status: "SUCCESS", action: "create" });
        const certificateId = message.object.data.id;
        const confirmed = await paced(() => robot.poll().confirm(message.id));
        expect(confirmed.result.status.code).to.equal("S0906");

        const info = await paced(() => robot.certificate().info(certificateId));
        expect(info.result.status.code).to.equal("S400104");
        const leaf = await parseCertificate(info.result.data[0].server);
        expect(leaf.commonName).to.equal("sdk.example.com");
        expect(
            info.result.data[0].certificationAuthority.map((authority: { caType: string }) => authority.caType),
        ).to.deep.equal(["INTERMEDIATE", "ROOT"]);
        expect((await new SimulatorAdmin(simulator.adminUrl).rateLimit()).refused).to.equal(0);
    });
});
