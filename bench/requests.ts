import { taskByCode } from "../simulator/internetx/tasks";
import { SimulatorAdmin } from "../test/support/simulatorAdmin";

/** Short words for the tasks in the tables (the API's task names otherwise). */
const taskWords: Record<string, string> = {
    SslContactCreate: "contact",
    CertificatePrepareOrder: "prepare",
    CertificateCreate: "create",
    CertificateInfo: "read",
    CertificateList: "search",
    JobInfo: "job info",
    JobList: "job list",
    JobHistoryList: "job history",
    PollInfo: "poll",
    PollConfirm: "confirm",
};

export interface RequestCount {
    /** Requests the simulator accepted. */
    requests: number;
    /** Requests it refused for the rate limit (HTTP 429): zero for a client that keeps the limit. */
    refused: number;
    requestsByTask: Record<string, number>;
}

/** Counts the simulator's request log since it was last cleared, by task. */
export async function countRequests(admin: SimulatorAdmin): Promise<RequestCount> {
    const log = await admin.requests();
    const requestsByTask: Record<string, number> = {};
    let refused = 0;
    for (const entry of log) {
        if (entry.status === 429) {
            refused++;
            continue;
        }
        const name = taskByCode[entry.taskCode ?? ""] as string | undefined;
        const task = (name && taskWords[name]) ?? name ?? entry.taskCode ?? "other";
        requestsByTask[task] = (requestsByTask[task] ?? 0) + 1;
    }
    return { requests: log.length - refused, refused, requestsByTask };
}
