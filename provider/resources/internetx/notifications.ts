import type { Client } from "../../internetx/client";
import { PollMessage } from "../../internetx/schemas";
import { OrderStatus, PendingOrder, StatusSource } from "../../lifecycle/port";
import { jobOutcome } from "../../internetx/jobStatus";
import { Clock, systemClock } from "../../lifecycle/context";
import { machineRateLimiter } from "../../shared/transport/machineRateLimiter";
import { defaultRequestsPerSecond } from "../../shared/transport/rateLimiter";
import { certificateStatus, Described, jobStatus, jobStatusSource } from "./orders";
import { NotificationQueue, QueuePort } from "./notificationQueue";
import { asText } from "../../shared/text";

/**
 * The `notifications` wait strategy (PollInfo, then PollConfirm): every order of the account waiting in this process
 * shares one reader of the account's queue (notificationQueue.ts), which keeps each message for the order it names and
 * confirms only messages of jobs of this process. Nothing is read per order while its job runs: the message says that
 * it ended. A success message is not taken for an issued certificate on its own word, the certificate must carry the
 * leaf; where the message names the certificate, that is read at once, without Job Info (the job has left it) and the
 * job history (it would only say again what the message said). While a message of someone else blocks the head, the
 * orders are followed as the job strategy follows them (one shared Job List per round, which consumes nothing).
 *
 * An order found again (a killed or timed-out run placed it) is first asked by the non-consuming job status: the run
 * that placed it may have confirmed its message already (a confirmed message is gone for every reader, InterNetX help
 * "Poll confirm"), and then no message would ever come.
 */
export function notificationStatusSource(
    client: Client,
    intervalMs: number,
    described: Described = {},
    clock: Clock = systemClock,
): StatusSource {
    const queue = notificationQueueFor(client, clock);
    const byJobList = jobStatusSource(client, intervalMs, described, clock);
    /** Jobs whose message said they ended, with what it said. */
    const ended = new Map<string, OrderStatus>();
    /** Found-again orders already asked once by their job status. */
    const asked = new Set<string>();
    return {
        expect(order) {
            if (order.jobId) queue.expect(order.jobId);
        },
        async statusOf(order) {
            if (!order.jobId) return jobStatus(client, order, described);
            const jobId = order.jobId;
            const known = ended.get(jobId);
            if (known) return known.outcome === "failed" ? known : afterSuccess(client, order, known, described);
            if (order.recovered && !asked.has(jobId)) {
                asked.add(jobId);
                queue.expect(jobId);
                const status = await jobStatus(client, order, described);
                if (status.outcome !== "pending") return status;
            }
            const round = await queue.next(jobId, intervalMs);
            if (round.outcome === "none") {
                if (round.blockedBy) return byJobList.statusOf(order);
                return { outcome: "pending", status: "RUNNING", certificateId: order.certificateId };
            }
            const outcome = outcomeOf(round.message);
            const certificateId = outcome.certificateId || order.certificateId;
            if (outcome.outcome === "pending") return { ...outcome, certificateId };
            ended.set(jobId, outcome);
            if (outcome.outcome === "failed") return { ...outcome, certificateId };
            return afterSuccess(client, order, outcome, described);
        },
    };
}

/**
 * A job whose message said it succeeded: the certificate the message names (else the order's) must carry the leaf
 * the order waits for; with no certificate known, the job's status finds it.
 */
async function afterSuccess(
    client: Client,
    order: PendingOrder,
    message: OrderStatus,
    described: Described,
): Promise<OrderStatus> {
    const certificateId = message.certificateId || order.certificateId;
    if (!certificateId) return jobStatus(client, order, described);
    const settled = await certificateStatus(client, { ...order, jobId: undefined, certificateId });
    return settled.outcome === "pending" ? { ...settled, status: `${message.status}, no issued leaf yet` } : settled;
}

function outcomeOf(message: PollMessage): OrderStatus {
    const status = message.job?.status ?? "unknown";
    const outcome = jobOutcome(status);
    const data = message.object?.data as { id?: unknown } | undefined;
    const certificateId = data?.id !== undefined ? asText(data.id) : undefined;
    if (outcome === "succeeded") return { outcome: "issued", status, certificateId: certificateId ?? "" };
    if (outcome === "failed") {
        const reasons = (message.messages ?? [])
            .map((entry) => entry.text)
            .filter((text): text is string => Boolean(text));
        return { outcome: "failed", status, reason: reasons.join("; ") || status, certificateId };
    }
    return { outcome: "pending", status, certificateId };
}

/**
 * The reader's questions in the client's words, and the rate limiter of the account's host for whether anything else
 * waits. The reader outlives each resource operation's client, so it forks a client of its own and closes it when no
 * order waits.
 */
function clientPort(client: Client): QueuePort {
    let own: Client | undefined;
    const forked = () => (own ??= client.fork());
    const { url, xmlUrl, protocol, requestsPerSecond } = client.options;
    const limiter = machineRateLimiter(
        protocol === "xml" ? xmlUrl : url,
        requestsPerSecond ?? defaultRequestsPerSecond,
    );
    return {
        info: () => forked().poll.info(),
        confirm: (id) => forked().poll.confirm(id),
        idle: () => limiter.idle,
        release: async () => {
            const closing = own;
            own = undefined;
            await closing?.close();
        },
    };
}

const queues = new WeakMap<Clock, Map<string, NotificationQueue>>();

/**
 * One queue reader per account (URL, protocol, user, context) and clock in this process: the queue is the account's.
 * The rounds are timed on the lifecycle's clock (LifecycleContext.clock), like the wait they answer.
 */
export function notificationQueueFor(client: Client, clock: Clock = systemClock): NotificationQueue {
    const { url, xmlUrl, protocol, user, context } = client.options;
    const key = [protocol, protocol === "xml" ? xmlUrl : url, user, context].join("|");
    let ofClock = queues.get(clock);
    if (!ofClock) {
        ofClock = new Map();
        queues.set(clock, ofClock);
    }
    let queue = ofClock.get(key);
    if (!queue) {
        queue = new NotificationQueue(
            clientPort(client),
            (message) => jobOutcome(message.job?.status ?? "unknown") !== "pending",
            () => clock.now().getTime(),
            (ms) => clock.sleep(ms),
        );
        ofClock.set(key, queue);
    }
    return queue;
}
