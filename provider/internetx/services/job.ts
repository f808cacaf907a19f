import type { TaskRunner } from "../client";
import { Job, jobSchema } from "../schemas";
import { parseFirst } from "./parse";

export interface JobState extends Job {
    /** The API's messages for a failed job (the CA's reason). */
    reasons: string[];
}

/** The Job object: GET /job/{id} reads a job without consuming a notification (swagger jobInfo). */
export class JobService {
    constructor(private readonly runner: TaskRunner) {}

    async info(id: string): Promise<JobState> {
        const envelope = await this.runner.run({ task: "JobInfo", id });
        const job = parseFirst(jobSchema, envelope, "JobInfo");
        const reasons = envelope.messages.map((message) => message.text).filter((text): text is string => Boolean(text));
        return { ...job, reasons };
    }
}
