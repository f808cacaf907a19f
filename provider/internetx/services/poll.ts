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

    async confirm(id: string): Promise<void> {
        await this.runner.run({ task: "PollConfirm", id });
    }
}
