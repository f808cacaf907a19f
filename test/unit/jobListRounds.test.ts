import {
    decideRound,
    idleSettleMs,
    jobResult,
    maximumRoundDeferralMs,
    roundCheckMs,
} from "../../provider/resources/internetx/jobListPoller";
import { expect } from "../support/client";

describe("when the shared Job List round goes", () => {
    const base = { now: 100_000, intervalMs: 1000, waitingSince: 99_000 };

    it("waits out the interval since the last round first", () => {
        expect(decideRound({ ...base, lastRoundAt: 99_400, idleSince: 90_000 })).to.deep.equal({
            action: "wait",
            ms: 400,
        });
    });

    it("goes once the process has been idle for the settle time", () => {
        expect(decideRound({ ...base, lastRoundAt: 90_000, idleSince: 100_000 - idleSettleMs })).to.deep.equal({
            action: "poll",
        });
        expect(decideRound({ ...base, idleSince: 100_000 - idleSettleMs + 1 })).to.deep.equal({
            action: "wait",
            ms: roundCheckMs,
        });
    });

    it("holds back while other requests wait, but never longer than the deferral limit", () => {
        expect(decideRound({ ...base, lastRoundAt: 90_000 })).to.deep.equal({ action: "wait", ms: roundCheckMs });
        expect(decideRound({ ...base, waitingSince: 100_000 - maximumRoundDeferralMs })).to.deep.equal({
            action: "poll",
        });
    });
});

describe("what one round says about a job", () => {
    const running = new Map([["11", { jobId: "11", status: "RUNNING" }]]);
    const finished = new Map([
        ["12", { jobId: "12", status: "SUCCESS", certificateId: "501", reasons: [] }],
        ["13", { jobId: "13", status: "FAILED", reasons: ["The certificate authority refused the order."] }],
    ]);

    it("reads a listed job as still running", () => {
        expect(jobResult("11", running, finished)).to.deep.equal({ outcome: "pending", status: "RUNNING" });
    });

    it("reads a job gone from the list by its history row", () => {
        expect(jobResult("12", running, finished)).to.deep.equal({
            outcome: "succeeded",
            status: "SUCCESS",
            certificateId: "501",
        });
        expect(jobResult("13", running, finished)).to.deep.equal({
            outcome: "failed",
            status: "FAILED",
            reasons: ["The certificate authority refused the order."],
        });
    });

    it("keeps a job that is in neither pending until the history has it", () => {
        expect(jobResult("14", running, finished)).to.deep.equal({
            outcome: "pending",
            status: "FINISHED, not yet in the job history",
        });
    });
});
