import type { Client } from "../../internetx/client";
import { Clock, systemClock } from "../../lifecycle/context";
import { machineRateLimiter } from "../../shared/transport/machineRateLimiter";
import { defaultRequestsPerSecond } from "../../shared/transport/rateLimiter";
import { JobListPoller, JobStatusPort } from "./jobListPoller";

/**
 * The poller's questions in the client's words: Job List for the running jobs, the job history for the finished ones,
 * and the rate limiter of the account's host for whether anything else waits. The poller outlives each resource
 * operation's client, so it forks a client of its own and closes it when no caller is left.
 */
function clientPort(client: Client): JobStatusPort {
    let own: Client | undefined;
    const forked = () => (own ??= client.fork());
    const { url, xmlUrl, protocol, requestsPerSecond } = client.options;
    const limiter = machineRateLimiter(
        protocol === "xml" ? xmlUrl : url,
        requestsPerSecond ?? defaultRequestsPerSecond,
    );
    return {
        running: async (jobIds) =>
            (await forked().job.list({ ids: jobIds })).map((entry) => ({
                jobId: entry.jobId,
                status: entry.status,
                dcvAuth: entry.dcvAuth,
                certificateId: entry.certificateId,
            })),
        finished: async (jobIds) =>
            (await forked().job.histories(jobIds)).map((job) => ({
                jobId: String(job.id),
                status: job.status,
                certificateId: job.object?.data?.id,
                reasons: job.reasons,
            })),
        idle: () => limiter.idle,
        release: async () => {
            const closing = own;
            own = undefined;
            await closing?.close();
        },
    };
}

const pollers = new WeakMap<Clock, Map<string, JobListPoller>>();

/**
 * One poller per account (endpoint, protocol, user, context) and clock in this process, shared by every pending order
 * of it. The rounds are timed on the lifecycle's clock (LifecycleContext.clock), like the wait they answer.
 */
export function jobListPollerFor(client: Client, clock: Clock = systemClock): JobListPoller {
    const { url, xmlUrl, protocol, user, context } = client.options;
    const key = [protocol, protocol === "xml" ? xmlUrl : url, user, context].join("|");
    let ofClock = pollers.get(clock);
    if (!ofClock) {
        ofClock = new Map();
        pollers.set(clock, ofClock);
    }
    let poller = ofClock.get(key);
    if (!poller) {
        poller = new JobListPoller(
            clientPort(client),
            () => clock.now().getTime(),
            (ms) => clock.sleep(ms),
        );
        ofClock.set(key, poller);
    }
    return poller;
}
