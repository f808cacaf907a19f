import type { TaskRunner } from "../taskRunner";
import { PollMessage, pollMessageSchema } from "../schemas";
import { parseList } from "./parse";

/**
 * The account's notification queue: PollInfo (0905) returns the oldest unconfirmed message, PollConfirm (0906)
 * removes it (InterNetX help "Reissue Certificate"). The queue is shared by everything using the account.
 */
export class PollService {
    constructor(private readonly runner: TaskRunner) {}

    /** The oldest unconfirmed message and the queue length, or `message: undefined` when the queue is empty. */
    async info(): Promise<{ message?: PollMessage; pending: number }> {
        const envelope = await this.runner.run({ task: "PollInfo" });
        const [message] = parseList(pollMessageSchema, envelope, "PollInfo");
        return { message, pending: envelope.object?.summary ?? (message ? 1 : 0) };
    }

    /**
     * Removes the message for every reader of the account; answers how many messages are left where the answer says
     * (InterNetX help "Poll confirm": JSON `object.summary`, XML `<summary>`), so a reader need not ask PollInfo again
     * to learn that the queue is empty.
     */
    async confirm(id: string): Promise<{ pending?: number }> {
        const envelope = await this.runner.run({ task: "PollConfirm", id });
        const pending = envelope.object?.summary;
        return { pending: pending === undefined || Number.isNaN(pending) ? undefined : pending };
    }
}
