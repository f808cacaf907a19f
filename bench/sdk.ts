import { RateLimiter } from "../provider/shared/transport/rateLimiter";
import { generateKeyAndCsr } from "../provider/x509";
import { SimulatorAdmin } from "../test/support/simulatorAdmin";
import { countRequests } from "./requests";
import type { ChildResult, Scenario } from "./scenario";

// InterNetX's own SDK, for the baseline.

const { DomainRobot } = require("js-domainrobot-sdk");

/** The same budget as ours: at most 3 requests in any one-second window ("JSON API Basics"). */
const sdkRequestsPerSecond = 3;

/**
 * The documented order flow with InterNetX's js-domainrobot-sdk ("Certificate Prepare Order", "Certificate Create",
 * then "Polling" with PollInfo/PollConfirm at a fixed interval until this job's message arrives, then "Certificate
 * Info"), every call through a limiter of 3 per second, as any client of the real API must. `concurrent` runs the N
 * flows at once; each confirms only its own message, so a foreign message at the head of the queue makes it wait.
 */
export async function measureSdk(scenario: Scenario): Promise<Omit<ChildResult, "peakRssMb">> {
    const { simulator, count, label, contactId } = scenario;
    const admin = new SimulatorAdmin(simulator.adminUrl);
    const limiter = new RateLimiter(sdkRequestsPerSecond);
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // The SDK's answers are untyped JavaScript objects.

    const limited = async (call: () => Promise<any>): Promise<any> => {
        // A request that still arrives early on a busy machine is refused (429): like ours, it waits and asks again.
        for (;;) {
            await limiter.take();
            try {
                return await call();
            } catch (error) {
                // The SDK throws DomainRobotException { error, status } with the HTTP status.
                const refused = error as { status?: number; response?: { status?: number } };
                if ((refused.status ?? refused.response?.status) !== 429) throw error;
                await sleep(1000);
            }
        }
    };
    const robot = new DomainRobot({
        url: simulator.url,
        auth: { user: simulator.user, password: simulator.password, context: simulator.context },
    });
    const names = Array.from({ length: count }, (_, index) => `${label}-${index}.example.com`);

    await admin.clearRequests();
    const started = Date.now();
    const orderOne = async (name: string) => {
        const { csrPem } = await generateKeyAndCsr({ key: { algorithm: "ECDSA", curve: "P256" }, commonName: name });
        const prepared = await limited(() =>
            robot.certificate().prepareOrder({ csr: csrPem, product: "QUICKSSLPREMIUM" }),
        );
        const dns = prepared.result.data[0].authentication.find(
            (entry: { method: string }) => entry.method === "DNS",
        ).dns;
        const created = await limited(() =>
            robot.certificate().create({
                adminContact: { id: contactId },
                technicalContact: { id: contactId },
                name,
                lifetime: { unit: "MONTH", period: 12 },
                software: "APACHESSL",
                csr: csrPem,
                product: "QUICKSSLPREMIUM",
                authentication: { method: "DNS", dns, provisioning: true },
            }),
        );
        const jobId = created.result.data[0].id;
        for (;;) {
            await sleep(scenario.pollIntervalSeconds * 1000);
            const polled = await limited(() => robot.poll().info());
            const message = polled.result.data?.[0];
            if (message && message.job?.id === jobId) {
                await limited(() => robot.poll().confirm(message.id));
                return limited(() => robot.certificate().info(message.object.data.id));
            }
        }
    };
    if (scenario.strategy === "concurrent") await Promise.all(names.map(orderOne));
    else for (const name of names) await orderOne(name);
    const wallMs = Date.now() - started;
    return { wallMs, counts: await countRequests(admin), orderReferences: false };
}
