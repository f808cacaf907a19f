import { Client } from "../../../provider/internetx/client";
import { RunningSimulator, startSimulator } from "../../../simulator/internetx";
import { expect } from "../../support/client";
import { SimulatorAdmin } from "../../support/simulatorAdmin";

/**
 * "Only 3 requests per second and IP can be executed" (JSON API Basics, XML API Basics), held against a simulator
 * that enforces exactly that per client address and counts what it refuses.
 */
describe("rate limit: the default client against the simulator's 3 requests per second", function () {
    this.timeout(60_000);
    let simulator: RunningSimulator;
    let admin: SimulatorAdmin;

    before(async () => {
        simulator = await startSimulator({ issuanceDelayMs: 100 });
        admin = new SimulatorAdmin(simulator.adminUrl);
    });
    after(() => simulator.close());

    for (const protocol of ["json", "xml"] as const) {
        it(`keeps twelve concurrent requests of two clients of the same host under the limit over ${protocol}, none refused`, async () => {
            await admin.setRateLimit(3);
            const before = await admin.rateLimit();
            const options = {
                protocol,
                url: simulator.url,
                xmlUrl: simulator.xmlUrl,
                password: simulator.password,
                context: simulator.context,
            };
            const clients = [
                new Client({ ...options, user: simulator.user }),
                new Client({ ...options, user: simulator.user }),
            ];
            const answers = await Promise.all(
                Array.from({ length: 12 }, (_, index) => clients[index % 2].certificate.list()),
            );
            await Promise.all(clients.map((client) => client.close()));
            expect(answers.map((answer) => answer.total)).to.deep.equal(Array(12).fill(0));
            const after = await admin.rateLimit();
            expect(after.refused - before.refused).to.equal(0);
            expect(after.accepted - before.accepted).to.equal(12);
        });
    }

    it("refuses a client that sends faster than the limit, counts the refusals, and the client's retries still get every answer", async () => {
        const before = await admin.rateLimit();
        const fast = new Client({
            url: simulator.url,
            user: simulator.user,
            password: simulator.password,
            context: simulator.context,
            requestsPerSecond: 50,
            maxAttempts: 8,
        });
        const answers = await Promise.all(Array.from({ length: 6 }, () => fast.certificate.list()));
        await fast.close();
        expect(answers).to.have.length(6);
        expect((await admin.rateLimit()).refused - before.refused).to.be.greaterThan(0);
    });
});
