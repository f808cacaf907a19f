import { acceptedLine, destroyLine, finishedLine, waitingLine } from "../../provider/resources/progressWords";
import { expect } from "../support/client";

describe("the words of progress lines", () => {
    it("names the action that was accepted", () => {
        expect([
            acceptedLine("www.example.com", "order", { jobId: "500000" }),
            acceptedLine("www.example.com", "reissue", { jobId: "500001", certificateId: "7" }),
            acceptedLine("www.example.com", "renewal", {}),
        ]).to.deep.equal([
            "www.example.com: order accepted (job 500000)",
            "www.example.com: reissue accepted (job 500001, certificate 7)",
            "www.example.com: renewal accepted",
        ]);
    });

    it("says which status check saw the issuance and how long after the acceptance, not how long issuance took", () => {
        expect(finishedLine("www.example.com", "order", { check: 1, elapsedMs: 10_200 })).to.equal(
            "www.example.com: issued, seen at status check 1, 10s after the order was accepted",
        );
        expect(finishedLine("www.example.com", "renewal", { check: 3, elapsedMs: 31_000 })).to.equal(
            "www.example.com: renewed, seen at status check 3, 31s after the renewal was accepted",
        );
    });

    it("prefers what the API says about the validation over the bare status", () => {
        expect(
            waitingLine("www.example.com", "order", {
                status: "RUNNING",
                detail: "waiting for DNS validation of www.example.com, 2 of 3 names done",
                check: 2,
                elapsedMs: 12_000,
                nextMs: 15_000,
            }),
        ).to.equal(
            "www.example.com: waiting for DNS validation of www.example.com, 2 of 3 names done (status check 2, 12s after the order was accepted); next check in 15s",
        );
        expect(
            waitingLine("www.example.com", "reissue", { status: "RUNNING", check: 1, elapsedMs: 1_000, nextMs: 1_500 }),
        ).to.equal(
            "www.example.com: reissue RUNNING (status check 1, 1s after the reissue was accepted); next check in 2s",
        );
    });

    it("speaks of a cancellation job as a cancellation, never as an issuance", () => {
        expect(finishedLine("certificate 1000", "cancellation", { check: 1, elapsedMs: 1_000 })).to.equal(
            "certificate 1000: cancellation job finished, seen at status check 1, 1s after the cancellation was accepted",
        );
        expect(
            waitingLine("certificate 1000", "cancellation", {
                status: "RUNNING",
                check: 1,
                elapsedMs: 2_000,
                nextMs: 2_000,
            }),
        ).to.equal(
            "certificate 1000: cancellation RUNNING (status check 1, 2s after the cancellation was accepted); next check in 2s",
        );
    });

    it("words what destroy does", () => {
        expect([
            destroyLine("a.example.com", "cancel", "7"),
            destroyLine("a.example.com", "revoke", "7"),
            destroyLine("a.example.com", "keep", "7"),
        ]).to.deep.equal([
            "a.example.com: certificate 7 cancelled (onDestroy: cancel)",
            "a.example.com: revocation of certificate 7 accepted (onDestroy: revoke)",
            "a.example.com: certificate 7 kept in the account (onDestroy: keep)",
        ]);
    });
});
