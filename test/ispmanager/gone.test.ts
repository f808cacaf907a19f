import { MalformedResponseError, NotFoundError, unlessNotFound } from "../../provider/errors";
import { Client } from "../../provider/ispmanager/client";
import { RunningIspmanagerSimulator, startIspmanagerSimulator } from "../../simulator/ispmanager";
import { expect } from "../support/client";

/**
 * Only the billing system's own word makes a certificate gone: read answers an empty id for it and delete takes it
 * as done, so an HTTP 404 from a wrong address must never read as gone.
 */
describe("BILLmanager: what means gone", () => {
    let simulator: RunningIspmanagerSimulator;

    before(async () => {
        simulator = await startIspmanagerSimulator({ issuanceDelayMs: 100 });
    });
    after(() => simulator.close());

    it("takes the error type missed for an unknown certificate as gone", async () => {
        const client = new Client({
            url: simulator.url,
            user: simulator.user,
            password: simulator.password,
            requestsPerSecond: 100,
        });
        try {
            await expect(client.certificate.validationData("999999")).to.be.rejectedWith(
                NotFoundError,
                "certificate.edit failed: Certificate 999999 not found (HTTP 200, missed elid)",
            );
        } finally {
            await client.close();
        }
    });

    it("does not take an HTTP 404 from an address that is not the billing system's for gone, so a delete through it fails", async () => {
        const wrongUrl = new URL("/billmanager-moved", simulator.url).toString();
        const client = new Client({
            url: wrongUrl,
            user: simulator.user,
            password: simulator.password,
            requestsPerSecond: 100,
        });
        try {
            await expect(unlessNotFound(client.certificate.delete("999999"))).to.be.rejectedWith(
                MalformedResponseError,
                "certificate.delete failed: unexpected response body (HTTP 404)",
            );
        } finally {
            await client.close();
        }
    });
});
