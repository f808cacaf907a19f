import type { Client } from "../../internetx/client";
import { PollMessage } from "../../internetx/schemas";
import { OrderStatus, PendingOrder, StatusSource } from "../../lifecycle/port";
import { jobOutcome } from "../../internetx/jobStatus";
import { certificateStatus, jobStatus } from "./orders";
import { asText } from "../../shared/text";

/**
 * The `notifications` wait strategy (PollInfo, then PollConfirm): a status source for the poll loop. The queue is one
 * per account and PollInfo only shows its oldest message, so one source per account and process reads it for every
 * order waiting on that account (concurrent callers share one read) and keeps each message's outcome for the order it
 * names. Messages of jobs this process waited for are confirmed; a foreign message at the head is left for its owner,
 * and while it blocks the queue an order's status comes from the non-consuming GET /job/{id}.
 */
export class NotificationSource implements StatusSource {
    /** Outcomes read from the queue, by job id, until their order asks. */
    private readonly settled = new Map<string, OrderStatus>();
    /** Jobs this process waits or waited for: their messages are ours to confirm. */
    private readonly ours = new Set<string>();
    /** Jobs whose message was read. */
    private readonly finished = new Set<string>();
    private reading?: Promise<boolean>;
    private client?: Client;

    constructor(private readonly clientFor: () => Client) {}

    async statusOf(order: PendingOrder): Promise<OrderStatus> {
        const client = this.connection();
        if (!order.jobId) return jobStatus(client, order);
        const jobId = order.jobId;
        this.ours.add(jobId);
        // Once its message was read, a job's status comes from Job Info (or, when it has left Job Info, the certificate).
        if (this.finished.has(jobId)) return jobStatus(client, order);
        let settled = this.takeSettled(jobId);
        let blocked = false;
        if (!settled) {
            blocked = await this.readQueue();
            settled = this.takeSettled(jobId);
        }
        if (settled) {
            this.finished.add(jobId);
            if (settled.outcome === "failed") return settled;
            // A success message is not taken for an issued certificate on its own word: the certificate must carry the
            // leaf. The message already tells how the job ended, so where it names the certificate that is read at
            // once, without Job Info (the job has left it) and the job history (which would only say it again).
            const certificateId = settled.certificateId || order.certificateId;
            if (certificateId) return certificateStatus(client, { ...order, jobId: undefined, certificateId });
            return jobStatus(client, order);
        }
        return blocked
            ? jobStatus(client, order)
            : { outcome: "pending", status: "RUNNING", certificateId: order.certificateId };
    }

    private takeSettled(jobId: string): OrderStatus | undefined {
        const status = this.settled.get(jobId);
        if (status) this.settled.delete(jobId);
        return status;
    }

    /** The account's client, kept by the source (it outlives each resource operation's client). */
    private connection(): Client {
        this.client ??= this.clientFor();
        return this.client;
    }

    /** One shared read of the queue: drains our messages; true when a foreign message blocks the head. */
    private readQueue(): Promise<boolean> {
        this.reading ??= this.drain().finally(() => {
            this.reading = undefined;
        });
        return this.reading;
    }

    private async drain(): Promise<boolean> {
        const client = this.connection();
        for (;;) {
            const { message } = await client.poll.info();
            if (!message) return false;
            const jobId = message.job?.id;
            if (!jobId || !this.ours.has(jobId)) return true;
            this.settled.set(jobId, outcomeOf(message));
            await client.poll.confirm(message.id);
        }
    }
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

const sources = new Map<string, NotificationSource>();

/** One notification source per account (URL, protocol, user, context) in this process: the queue is the account's. */
export function notificationSourceFor(client: Client): NotificationSource {
    const { url, xmlUrl, protocol, user, context } = client.options;
    const key = [protocol, protocol === "xml" ? xmlUrl : url, user, context].join("|");
    let source = sources.get(key);
    if (!source) {
        const fork = () => client.fork();
        source = new NotificationSource(fork);
        sources.set(key, source);
    }
    return source;
}
