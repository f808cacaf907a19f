import { Client } from "../../provider/ispmanager/client";
import { CertificateOrder, OrderContact } from "../../provider/ispmanager/certificate";
import { generateKeyAndCsr } from "../../provider/x509";
import { RunningIspmanagerSimulator, startIspmanagerSimulator } from "../../simulator/ispmanager";
import { expect } from "../support/client";
import { IspmanagerSimulatorAdmin } from "./simulatorAdmin";

const contact: OrderContact = {
    firstName: "Ivan",
    lastName: "Petrov",
    jobTitle: "CTO",
    email: "ivan@example.com",
    phone: "+7 495 1234567",
};

/** The simulator switch `dropsRemoteId`: a BILLmanager whose certificate.order.param keeps no `remoteid` anywhere visible. */
describe("BILLmanager simulator: the dropsRemoteId switch", function () {
    this.timeout(30_000);
    let simulator: RunningIspmanagerSimulator;
    let simulatorAdmin: IspmanagerSimulatorAdmin;
    let client: Client;

    before(async () => {
        simulator = await startIspmanagerSimulator({ issuanceDelayMs: 100 });
        simulatorAdmin = new IspmanagerSimulatorAdmin(simulator.adminUrl);
        client = new Client({
            url: simulator.url,
            user: simulator.user,
            password: simulator.password,
            requestsPerSecond: 100,
        });
    });
    after(async () => {
        await client.close();
        await simulator.close();
    });

    async function orderWith(orderReference: string): Promise<string> {
        const domain = "switch.example.com";
        const own = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: domain });
        const order: CertificateOrder = {
            pricelist: "55326",
            periodMonths: 12,
            crtType: "manual",
            domain,
            csr: own.csrPem,
            adminContact: contact,
            technicalContact: contact,
            approverEmails: [`admin@${domain}`],
            orderReference,
        };
        return (await client.certificate.order(order)).certificateId;
    }

    it("takes remoteid and shows it nowhere (form, list, state) while on, and keeps it again once off", async () => {
        expect(await simulatorAdmin.settings({ dropsRemoteId: true })).to.deep.include({ dropsRemoteId: true });
        const dropped = await orderWith("psm1-00000000000000000000000000000001");
        await simulatorAdmin.settings({ dropsRemoteId: false });
        const kept = await orderWith("psm1-00000000000000000000000000000002");

        const requests = (await simulatorAdmin.requests()).filter(
            (request) => request.func === "certificate.order.param",
        );
        expect(requests.map((request) => request.params.remoteid)).to.deep.equal([
            "psm1-00000000000000000000000000000001",
            "psm1-00000000000000000000000000000002",
        ]);
        expect((await client.certificate.validationData(dropped)).orderReference).to.equal(undefined);
        expect((await client.certificate.validationData(kept)).orderReference).to.equal(
            "psm1-00000000000000000000000000000002",
        );
        const listed = await fetch(simulator.url, {
            method: "POST",
            body: new URLSearchParams({
                func: "certificate",
                out: "bjson",
                lang: "en",
                authinfo: `${simulator.user}:${simulator.password}`,
            }),
        });
        const listText = await listed.text();
        expect(listText).to.contain(`"id":"${dropped}"`);
        expect(listText).to.contain(`"id":"${kept}"`);
        expect(listText).not.to.contain("psm1-");
        const state = await simulatorAdmin.state();
        expect(state.certificates.map((certificate) => [certificate.id, certificate.remoteId])).to.deep.equal([
            [dropped, undefined],
            [kept, "psm1-00000000000000000000000000000002"],
        ]);
    });

    it("refuses a dropsRemoteId that is not a boolean, naming the setting", async () => {
        const error = (await simulatorAdmin
            .settings({ dropsRemoteId: "yes" as unknown as boolean })
            .catch((caught: Error) => caught)) as Error;
        expect(error.message).to.equal(
            'simulator admin POST /settings: HTTP 400 {"error":"dropsRemoteId must be true or false"}',
        );
    });
});
