import { OrderFailedError, SslManagerError } from "../../provider/errors";
import { ResourceInitializationError } from "../../provider/lifecycle/initializationError";
import { expect } from "../support/client";
import { BackendUnderTest, backendsUnderTest, Counts, Phase, phases } from "./backends";
import { figures } from "./figures";

/**
 * Faults as the simulators' admin endpoints take them (`POST /__simulator/faults`); `count` matching requests are hit.
 * The slow answer outlasts the client's one-second timeout (backends.ts).
 */
const faults: Record<string, { rule: Record<string, unknown> }> = {
    "a burst of 5xx": { rule: { kind: "status", status: 503, count: 3 } },
    "429 with Retry-After": { rule: { kind: "status", status: 429, retryAfterSeconds: 1, count: 1 } },
    "a reset before the request is processed": { rule: { kind: "reset", when: "before", count: 1 } },
    // The request was processed and its answer lost: the client cannot know whether the server acted.
    "a reset after the request was processed": { rule: { kind: "reset", when: "after", count: 1 } },
    "a response slower than the client timeout": { rule: { kind: "delay", ms: 1500, count: 1 } },
    "a malformed body": { rule: { kind: "malformed", count: 1 } },
};

type Properties = Record<string, unknown>;

/** The longest wait of a test that waits for an order's end (the default is an hour). */
const boundedWaitSeconds = 120;

/** How one run of one backend ended, in the terms the assertions compare. */
interface RunOutcome {
    backend: string;
    result: string;
    orders: number;
    reissues: number;
    faultInjected: boolean;
}

const isTyped = (error: unknown) => error instanceof SslManagerError || error instanceof ResourceInitializationError;

/**
 * Runs `operation`; a typed error is what the user sees, and the next `pulumi up` runs the operation again (`rerun`,
 * given the error: an initialization error carries the properties the engine records). An untyped error ends the run.
 */
async function converge<T>(operation: () => Promise<T>, rerun: (error: unknown) => Promise<T>): Promise<T> {
    try {
        return await operation();
    } catch (error) {
        if (!isTyped(error)) throw new UntypedError(error);
        return rerun(error);
    }
}

class UntypedError extends Error {
    constructor(override readonly cause: unknown) {
        super(`untyped error: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`);
    }
}

let serial = 0;

/** A certificate through its life with `fault` aimed at `phase`'s first request; what the simulator counted. */
async function runWithFault(
    backend: BackendUnderTest,
    phase: Phase,
    fault: Record<string, unknown>,
): Promise<{ outcome: RunOutcome; injected: number }> {
    const { operations, context } = backend;
    const name = `${phase}-${serial++}.example.com`;
    const { first, changed } = await backend.inputs(name);
    const before = await backend.counts();
    const aimed = { ...fault, match: { taskCode: backend.phaseRequest[phase] } };
    let result = "correct";
    try {
        const create = () => operations.create(first, context);
        const resume = async (error: unknown) =>
            error instanceof ResourceInitializationError
                ? { id: error.id, outs: (await operations.update(error.id, error.properties, first, context)).outs }
                : create();
        if (phase === "create" || phase === "wait") await backend.fault(aimed);
        let created = await converge(create, resume);
        if (created.outs.status !== "ISSUED") result = `created with status ${created.outs.status}`;

        if (phase === "read") {
            await backend.fault(aimed);
            const read = await converge(
                () => operations.read(created.id, created.outs, context),
                () => operations.read(created.id, created.outs, context),
            );
            if (read.props.serialNumber !== created.outs.serialNumber)
                result = `read serial ${read.props.serialNumber}, created ${created.outs.serialNumber}`;
        }
        if (phase === "update") {
            await backend.fault(aimed);
            const updated = await converge(
                () => operations.update(created.id, created.outs, changed, context),
                (error) =>
                    operations.update(
                        created.id,
                        error instanceof ResourceInitializationError ? error.properties : created.outs,
                        changed,
                        context,
                    ),
            );
            if (updated.outs.serialNumber === created.outs.serialNumber || updated.outs.status !== "ISSUED")
                result = `update ended ${updated.outs.status} with serial ${updated.outs.serialNumber}`;
            created = { id: created.id, outs: updated.outs };
        }
        if (phase === "delete") {
            await backend.fault(aimed);
            await converge(
                () => operations.delete(created.id, created.outs, context),
                () => operations.delete(created.id, created.outs, context),
            );
            const gone = await operations.read(created.id, created.outs, context);
            if (gone.id !== "") result = `still readable after delete as ${gone.id}`;
        }
    } catch (error) {
        result =
            error instanceof UntypedError
                ? error.message
                : `failed on rerun: ${(error as Error).name}: ${(error as Error).message}`;
    }
    await backend.clearFaults();
    // A slow answer's request still acts once the simulator answers it, after the client gave up: count that too.
    await backend.settled();
    return tally(backend, before, await backend.counts(), result);
}

function tally(
    backend: BackendUnderTest,
    before: Counts,
    after: Counts,
    result: string,
): { outcome: RunOutcome; injected: number } {
    const orders = after.orders - before.orders;
    const injected = after.injected - before.injected;
    figures.faultsInjected += injected;
    if (result === "correct" && orders === 1) figures.faultsSurvived += injected;
    figures.duplicateOrders += Math.max(0, orders - 1);
    return {
        outcome: {
            backend: backend.title,
            result,
            orders,
            reissues: after.reissues - before.reissues,
            faultInjected: injected > 0,
        },
        injected,
    };
}

/**
 * Faults in every phase of a certificate's life, in every backend and key mode (backends.ts), each backend on its own
 * simulator so they run side by side: each run ends correct or with a typed error a rerun recovers from, and the
 * simulator never counts a second order for one resource (nor a second reissue for one change).
 */
describe("reliability: faults in every phase of every backend and key mode", function () {
    this.timeout(300_000);
    const backends = backendsUnderTest();

    before(async () => {
        // BILLmanager's client paces itself from this variable; the simulator does not limit.
        process.env.ISPMANAGER_REQUESTS_PER_SECOND = "1000";
        await Promise.all(backends.map((backend) => backend.start()));
    });
    after(async () => {
        delete process.env.ISPMANAGER_REQUESTS_PER_SECOND;
        await Promise.all(backends.map((backend) => backend.close()));
    });

    for (const phase of phases) {
        for (const [faultName, { rule }] of Object.entries(faults)) {
            it(`survives ${faultName} during ${phase} with one order per certificate`, async () => {
                const runs = await Promise.all(backends.map((backend) => runWithFault(backend, phase, rule)));
                const outcomes = runs.map((run) => run.outcome);
                expect(outcomes, JSON.stringify(outcomes, null, 1)).to.deep.equal(
                    backends.map((backend) => ({
                        backend: backend.title,
                        result: "correct",
                        orders: 1,
                        reissues: phase !== "update" ? 0 : 1,
                        faultInjected: true,
                    })),
                );
            });
        }
    }

    // Slower than the client's timeout and the lookup it makes a timeout later (backends.ts: one second): an order
    // looked for once and placed again when not found yet would be paid twice when the first one lands.
    for (const phase of ["create", "update"] as const) {
        it(`places ${phase === "create" ? "one order" : "one order and one reissue"} when the ${phase === "create" ? "order" : "reissue"} lands only after the client's timeout and its first lookup for it`, async () => {
            const rule = { kind: "delay", ms: 3000, count: 1 };
            const runs = await Promise.all(backends.map((backend) => runWithFault(backend, phase, rule)));
            expect(
                runs.map((run) => run.outcome),
                JSON.stringify(runs, null, 1),
            ).to.deep.equal(
                backends.map((backend) => ({
                    backend: backend.title,
                    result: "correct",
                    orders: 1,
                    reissues: phase === "update" ? 1 : 0,
                    faultInjected: true,
                })),
            );
        });
    }

    it("reports an order the CA refuses as a failed order naming the certificate and the CA's reason, and reports it again on the next run, after one order", async () => {
        const reason = "CAA forbids issuance";
        const runs = await Promise.all(
            backends.map(async (backend) => {
                const name = `refused-${serial++}.example.com`;
                // Bounded below the test's own timeout: a wait stuck on a status that never comes ends as an error
                // naming that status, instead of the default hour.
                const { first } = await backend.inputs(name, { waitTimeoutSeconds: boundedWaitSeconds });
                await backend.outcome(name, "fail", reason);
                const before = await backend.counts();
                const error = await backend.operations.create(first, backend.context).then(
                    () => undefined,
                    (caught: unknown) => caught,
                );
                const failure =
                    error instanceof OrderFailedError
                        ? {
                              name: error.name,
                              label: error.message.split(": ")[0],
                              reason: error.message.split(": ").slice(-1)[0],
                          }
                        : { error: String(error) };
                // The next run finds the refused order by its reference and reports it again, with what to do, instead
                // of waiting for a leaf that never comes or placing a second order.
                const again = await backend.operations.create(first, backend.context).then(
                    () => undefined,
                    (caught: unknown) => caught,
                );
                const reported =
                    again instanceof OrderFailedError
                        ? refusedAgainPattern(backend.label(name), reason).test(again.message) || again.message
                        : String(again);
                return {
                    ...tally(backend, before, await backend.counts(), "correct").outcome,
                    failure,
                    reportedAgain: reported,
                    label: backend.label(name),
                };
            }),
        );
        expect(runs).to.deep.equal(
            runs.map((run, index) => ({
                backend: backends[index].title,
                result: "correct",
                orders: 1,
                reissues: 0,
                faultInjected: true,
                failure: { name: "OrderFailedError", label: run.label, reason },
                reportedAgain: true,
                label: run.label,
            })),
        );
    });

    it("turns an order that never finishes into a resumable initialization error, and the resumed wait orders nothing", async () => {
        const runs = await Promise.all(
            backends.map(async (backend) => {
                const name = `held-${serial++}.example.com`;
                const { first } = await backend.inputs(name, { waitTimeoutSeconds: 0.5 });
                await backend.outcome(name, "never");
                const before = await backend.counts();
                const firstError = await backend.operations
                    .create(first, backend.context)
                    .catch((caught: unknown) => caught);
                const errors = [firstError];
                if (firstError instanceof ResourceInitializationError) {
                    errors.push(
                        await backend.operations
                            .update(firstError.id, firstError.properties as Properties, first, backend.context)
                            .catch((caught: unknown) => caught),
                    );
                }
                const kinds = errors.map((error) =>
                    error instanceof ResourceInitializationError
                        ? `ResourceInitializationError ${error.properties.status}`
                        : String(error),
                );
                return { ...tally(backend, before, await backend.counts(), "correct").outcome, errors: kinds };
            }),
        );
        expect(runs).to.deep.equal(
            backends.map((backend) => ({
                backend: backend.title,
                result: "correct",
                orders: 1,
                reissues: 0,
                faultInjected: true,
                errors: ["ResourceInitializationError PENDING", "ResourceInitializationError PENDING"],
            })),
        );
    });
});

/** The message of a refused order found again by its reference on the next run. */
function refusedAgainPattern(label: string, reason: string): RegExp {
    const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(
        `^${escaped(label)}: the order failed \\([^)]+\\): ${escaped(reason)} \\((certificate \\S+, )?the order placed earlier under reference psm1-[0-9a-f]{32}; a refused order is not placed again on its own: remove the cause, cancel that certificate in the reseller account, then run pulumi up again to order anew\\)$`,
    );
}
