import {
    decideLookupRound,
    gatherQuietMs,
    lookupCheckMs,
    maximumGatherMs,
    OrderLookupRounds,
} from "../../provider/resources/internetx/orderLookupRounds";
import type { OrderClaim } from "../../provider/internetx/services/certificate";
import { expect } from "../support/client";

describe("when the shared order-reference lookup round goes", () => {
    const cases: [string, Parameters<typeof decideLookupRound>[0], ReturnType<typeof decideLookupRound>][] = [
        [
            "a create just arrived and nothing is in flight",
            { now: 10_000, oldestSince: 10_000, newestSince: 10_000, inFlight: 0, intervalMs: 10_000 },
            { action: "wait", ms: gatherQuietMs },
        ],
        [
            "no new reference arrived for the quiet time",
            { now: 10_000, oldestSince: 9_800, newestSince: 10_000 - gatherQuietMs, inFlight: 0, intervalMs: 10_000 },
            { action: "start" },
        ],
        [
            "references keep arriving, up to the gathering limit",
            {
                now: 10_000,
                oldestSince: 10_000 - maximumGatherMs + 50,
                newestSince: 9_990,
                inFlight: 0,
                intervalMs: 10_000,
            },
            { action: "wait", ms: 50 },
        ],
        [
            "references kept arriving for the gathering limit",
            { now: 10_000, oldestSince: 10_000 - maximumGatherMs, newestSince: 9_990, inFlight: 0, intervalMs: 10_000 },
            { action: "start" },
        ],
        [
            "the poll interval is shorter than the gathering limit",
            { now: 10_000, oldestSince: 9_700, newestSince: 9_990, inFlight: 0, intervalMs: 300 },
            { action: "start" },
        ],
        [
            "a round is in flight and the create has waited less than its interval",
            { now: 10_000, oldestSince: 9_000, newestSince: 9_000, inFlight: 1, intervalMs: 5_000 },
            { action: "wait", ms: lookupCheckMs },
        ],
        [
            "a round is in flight but the create would wait past its interval",
            { now: 10_000, oldestSince: 5_000, newestSince: 9_000, inFlight: 1, intervalMs: 5_000 },
            { action: "start" },
        ],
    ];
    for (const [situation, timing, expected] of cases) {
        it(`${expected.action === "start" ? "starts" : `waits ${(expected as { ms: number }).ms} ms`} when ${situation}`, () => {
            expect(decideLookupRound(timing)).to.deep.equal(expected);
        });
    }

    it("answers creates that look up together from one round, each with its own order", async () => {
        const asked: string[][] = [];
        const rounds = new OrderLookupRounds({
            lookup: async (claims: OrderClaim[]) => {
                asked.push(claims.map((claim) => claim.orderReference));
                return new Map([
                    ["ref-2", { certificateId: "42", orderReference: "ref-2", proof: "reference read back" as const }],
                ]);
            },
        });
        const answers = await Promise.all(
            ["ref-1", "ref-2", "ref-3"].map((orderReference) =>
                rounds.find({ orderReference, name: `${orderReference}.example.com` }, 10_000),
            ),
        );
        expect(asked).to.deep.equal([["ref-1", "ref-2", "ref-3"]]);
        expect(answers).to.deep.equal([
            undefined,
            { certificateId: "42", orderReference: "ref-2", proof: "reference read back" },
            undefined,
        ]);
    });
});
