import { jobOutcome } from "../../provider/internetx/jobStatus";
import { expect } from "../support/client";

describe("what an InterNetX job status means for a wait", () => {
    const table: Array<[string | undefined, string]> = [
        ["SUCCESS", "succeeded"],
        ["success", "succeeded"],
        ["FAILED", "failed"],
        ["CANCELED", "failed"],
        ["RUNNING", "pending"],
        ["WAIT", "pending"],
        ["DEFERRED", "pending"],
        ["SUPPORT", "pending"],
        ["NOT_SET", "pending"],
        [undefined, "pending"],
    ];
    for (const [status, outcome] of table) {
        it(`reads ${status ?? "no status"} as ${outcome}`, () => expect(jobOutcome(status)).to.equal(outcome));
    }
});
