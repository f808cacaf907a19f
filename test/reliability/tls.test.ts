import { TransportError } from "../../provider/errors";
import { Client } from "../../provider/internetx/client";
import { RunningSimulator, startSimulator } from "../../simulator/internetx";
import { expect } from "../support/client";

/**
 * TLS: the client verifies server certificates. The simulator serves HTTPS with its own CA; the client accepts it
 * only when given that CA (`caCertificatePem`), never by turning verification off.
 */
describe("reliability: TLS verification against the simulator's own CA", function () {
    this.timeout(60_000);
    let simulator: RunningSimulator;
    before(async () => {
        simulator = await startSimulator({ https: true, issuanceDelayMs: 100 });
    });
    after(() => simulator.close());

    for (const protocol of ["json", "xml"] as const) {
        it(`refuses the simulator's certificate over ${protocol} without its CA, before sending anything`, async () => {
            const client = new Client({
                protocol,
                url: simulator.url,
                xmlUrl: simulator.xmlUrl,
                user: simulator.user,
                password: simulator.password,
                context: simulator.context,
                maxAttempts: 5,
            });
            const error = (await client.certificate.list().catch((caught) => caught)) as TransportError;
            await client.close();
            expect(error).to.be.instanceOf(TransportError);
            expect(error.message).to.match(
                /failed \((UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\)$/,
            );
            expect(error.requestSent).to.equal(false);
            expect(error.retryable).to.equal(false);
        });

        it(`accepts it over ${protocol} when given the simulator's root as caCertificatePem`, async () => {
            expect(simulator.url.startsWith("https://127.0.0.1:")).to.equal(true);
            const client = new Client({
                protocol,
                url: simulator.url,
                xmlUrl: simulator.xmlUrl,
                user: simulator.user,
                password: simulator.password,
                context: simulator.context,
                caCertificatePem: simulator.ca.rootPem,
            });
            expect(await client.certificate.list()).to.deep.equal({ certificates: [], total: 0 });
            await client.close();
        });
    }

    it("refuses a server certificate from another CA even when a CA is given", async () => {
        const other = await startSimulator({ https: true });
        const client = new Client({
            url: simulator.url,
            user: simulator.user,
            password: simulator.password,
            context: simulator.context,
            caCertificatePem: other.ca.rootPem,
            maxAttempts: 1,
        });
        await expect(client.certificate.list()).to.be.rejectedWith(TransportError);
        await client.close();
        await other.close();
    });
});
