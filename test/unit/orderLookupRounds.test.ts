import {
    decideLookupRound,
    gatherQuietMs,
    lookupCheckMs,
    maximumGatherMs,
    announcedAnswerMs,
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

    /** A port that records the references of every round and finds an order for the references in `placed`. */
    function recordingPort(placed: Set<string> = new Set()) {
        const asked: string[][] = [];
        const port = {
            lookup: async (claims: OrderClaim[]) => {
                asked.push(claims.map((claim) => claim.orderReference));
                return new Map(
                    claims
                        .filter((claim) => placed.has(claim.orderReference))
                        .map((claim) => [
                            claim.orderReference,
                            {
                                certificateId: "42",
                                orderReference: claim.orderReference,
                                proof: "reference read back" as const,
                            },
                        ]),
                );
            },
        };
        return { asked, port };
    }
    const claimOf = (orderReference: string): OrderClaim => ({ orderReference, name: `${orderReference}.example.com` });

    it("sends claims announced at check along with the next round, and their creates take its answer without a round of their own", async () => {
        const { asked, port } = recordingPort();
        const rounds = new OrderLookupRounds(port);
        for (const reference of ["ref-1", "ref-2", "ref-3"]) rounds.announce(claimOf(reference));
        expect(await rounds.find(claimOf("ref-1"), 10_000)).to.equal(undefined);
        expect(await rounds.find(claimOf("ref-2"), 10_000)).to.equal(undefined);
        expect(await rounds.find(claimOf("ref-3"), 10_000)).to.equal(undefined);
        expect(asked).to.deep.equal([["ref-1", "ref-2", "ref-3"]]);
    });

    it("waits for the round an announced claim went along with instead of sending another", async () => {
        const { asked, port } = recordingPort();
        const rounds = new OrderLookupRounds(port);
        rounds.announce(claimOf("ref-2"));
        const first = rounds.find(claimOf("ref-1"), 10_000);
        await new Promise((resolve) => setTimeout(resolve, gatherQuietMs + 50));
        const second = rounds.find(claimOf("ref-2"), 10_000);
        expect(await Promise.all([first, second])).to.deep.equal([undefined, undefined]);
        expect(asked).to.deep.equal([["ref-1", "ref-2"]]);
    });

    it("looks again for an announced claim whose round found an order, so adoption always goes on a fresh read", async () => {
        const { asked, port } = recordingPort(new Set(["ref-2"]));
        const rounds = new OrderLookupRounds(port);
        rounds.announce(claimOf("ref-2"));
        expect(await rounds.find(claimOf("ref-1"), 10_000)).to.equal(undefined);
        expect(await rounds.find(claimOf("ref-2"), 10_000)).to.deep.equal({
            certificateId: "42",
            orderReference: "ref-2",
            proof: "reference read back",
        });
        expect(asked).to.deep.equal([["ref-1", "ref-2"], ["ref-2"]]);
    });

    it("looks again when the create's claim is not the announced one (another CSR)", async () => {
        const { asked, port } = recordingPort();
        const rounds = new OrderLookupRounds(port);
        rounds.announce(claimOf("ref-2"));
        await rounds.find(claimOf("ref-1"), 10_000);
        await rounds.find({ ...claimOf("ref-2"), csrPem: "-----BEGIN CERTIFICATE REQUEST-----" }, 10_000);
        expect(asked).to.deep.equal([["ref-1", "ref-2"], ["ref-2"]]);
    });

    it("takes an announced claim's answer once only, and not after announcedAnswerMs", async () => {
        let now = 1_000_000;
        const { asked, port } = recordingPort();
        const rounds = new OrderLookupRounds(port, () => now);
        rounds.announce(claimOf("ref-2"));
        rounds.announce(claimOf("ref-3"));
        const first = rounds.find(claimOf("ref-1"), 10_000);
        now += gatherQuietMs;
        await first;
        expect(await rounds.find(claimOf("ref-2"), 10_000)).to.equal(undefined);
        now += announcedAnswerMs + 1;
        const late = rounds.find(claimOf("ref-3"), 10_000);
        const again = rounds.find(claimOf("ref-2"), 10_000);
        now += gatherQuietMs;
        await Promise.all([late, again]);
        expect(asked).to.deep.equal([
            ["ref-1", "ref-2", "ref-3"],
            ["ref-3", "ref-2"],
        ]);
    });
});
