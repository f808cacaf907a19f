/**
 * What an InterNetX job status means for whoever waits on the job (swagger JobStatusConstants: RUNNING, SUCCESS,
 * FAILED, CANCELED, SUPPORT, DEFERRED, NOT_SET, WAIT). The one table of it: Job Info, the Job List round, the job
 * history and the notification queue all read their statuses through it.
 */
export type JobOutcome = "pending" | "succeeded" | "failed";

export function jobOutcome(status: string | undefined): JobOutcome {
    switch ((status ?? "").toUpperCase()) {
        case "SUCCESS":
            return "succeeded";
        case "FAILED":
        case "CANCELED":
            return "failed";
        default:
            // RUNNING, WAIT, DEFERRED, SUPPORT, NOT_SET: the CA or InterNetX is still working on it.
            return "pending";
    }
}
