import { MachineRateLimiter, machineRateLimiter } from "./machineRateLimiter";
import { defaultRequestsPerSecond } from "./rateLimiter";
import { OrderOutcomeUnknownError } from "../../errors";
import {
    decideRetry,
    defaultRetryPolicy,
    mayStillBeProcessed,
    recoveryLookupDelays,
    RequestKind,
    RetryPolicy,
} from "./retry";

/** What the runner takes from a backend's client options (the rest, credentials above all, it never sees). */
export interface RequestRunnerSettings {
    /** defaultRequestsPerSecond when unset. */
    requestsPerSecond?: number;
    /** How many attempts a repeatable request gets (defaultRetryPolicy.maxAttempts when unset). */
    maxAttempts?: number;
    /** How long one attempt may take: an order whose outcome is unknown is looked for after this long again. */
    timeoutMs: number;
    logger?: (line: string) => void;
}

/** One attempt of a request, prepared by the backend when the rate limiter lets it go. */
export interface RequestAttempt<Answer> {
    send(): Promise<Answer>;
    /** The log line before the attempt is sent. */
    sending: string;
    /** The log line for its answer. */
    answered(answer: Answer): string;
    /** What the failure's log line ends with: the references support asks for, if the backend has any. */
    failureReference(error: unknown): string;
}

/** A request in the runner's terms: its name and kind, each attempt, and for an order how to find it again. */
export interface RunnerRequest<Answer, Found> {
    /** The request's name in the API's words (task, function), first word of every log line. */
    name: string;
    kind: RequestKind;
    /** Called once per attempt, so that each attempt can carry its own references (InterNetX: a new ctid). */
    attempt(attempt: number): RequestAttempt<Answer>;
    /** For an order: what a failed attempt may have placed, or undefined when nothing was placed. */
    recover?: () => Promise<Found | undefined>;
    /** What the log calls a found order ("the order placed", "certificate 12 ordered"). */
    foundWords?(found: Found): string;
    /** The reference the order carries, named when its outcome stays unknown (the next run looks for it by that). */
    reference?: string;
}

/** The answer of a request, or what `recover` found instead of ordering again. */
export type RunOutcome<Answer, Found> =
    { answered: Answer; recovered?: undefined } | { answered?: undefined; recovered: Found };

/**
 * Sends requests of one backend at the pace of its host, repeats them as decideRetry says, and never places an order
 * twice: after an ambiguous failure of an order it waits as long again as the attempt could take (recoveryDelay),
 * asks `recover`, and returns what that found instead of sending the order again.
 */
export class RequestRunner {
    readonly limiter: MachineRateLimiter;
    private readonly policy: RetryPolicy;
    private readonly timeoutMs: number;
    private readonly logger?: (line: string) => void;

    /** `url`: the API's address; one request window per host for every process of this user (machineRateLimiter.ts). */
    constructor(
        url: string,
        settings: RequestRunnerSettings,
        private readonly sleep: (ms: number) => Promise<void> = (ms) =>
            new Promise((resolve) => setTimeout(resolve, ms)),
        private readonly random: () => number = Math.random,
    ) {
        this.limiter = machineRateLimiter(url, settings.requestsPerSecond ?? defaultRequestsPerSecond, settings.logger);
        this.policy = { ...defaultRetryPolicy, maxAttempts: settings.maxAttempts ?? defaultRetryPolicy.maxAttempts };
        this.timeoutMs = settings.timeoutMs;
        this.logger = settings.logger;
    }

    async run<Answer, Found = never>(request: RunnerRequest<Answer, Found>): Promise<RunOutcome<Answer, Found>> {
        for (let attempt = 1; ; attempt++) {
            await this.limiter.take();
            const current = request.attempt(attempt);
            this.log(current.sending);
            try {
                const answered = await current.send();
                this.log(current.answered(answered));
                return { answered };
            } catch (error) {
                const decision = decideRetry(error, request.kind, attempt, this.policy, this.random);
                this.log(
                    `${request.name} failed: ${(error as Error).name}: ${(error as Error).message}; ${decision.action} (${decision.reason})${current.failureReference(error)}`,
                );
                if (decision.action === "fail") throw error;
                if (decision.action === "recover") {
                    if (!request.recover) throw error;
                    const found = await this.recover(request, error, decision);
                    if (found !== undefined) return { recovered: found };
                }
                await this.sleep(decision.delayMs);
            }
        }
    }

    /**
     * Looks for an order whose outcome is unknown. An order that may still be in the server's hands is looked for
     * again, a timeout apart; when no lookup finds it, it is not placed again in this run (no proof it did not land):
     * OrderOutcomeUnknownError names its reference, under which the next run looks before ordering.
     */
    private async recover<Answer, Found>(
        request: RunnerRequest<Answer, Found>,
        error: unknown,
        decision: { delayMs: number },
    ): Promise<Found | undefined> {
        const unanswered = mayStillBeProcessed(error);
        const delays = recoveryLookupDelays(decision, this.timeoutMs, unanswered);
        for (const [index, delayMs] of delays.entries()) {
            await this.sleep(delayMs);
            const found = await request.recover!();
            if (found) {
                this.log(
                    `${request.name}: found ${request.foundWords?.(found) ?? "the order placed"} by the failed attempt; not ordering again`,
                );
                return found;
            }
            if (index < delays.length - 1)
                this.log(
                    `${request.name}: the order is not there yet (lookup ${index + 1} of ${delays.length}); looking again in ${delays[index + 1] / 1000}s`,
                );
        }
        if (!unanswered) return undefined;
        const waitedSeconds = delays.reduce((sum, delayMs) => sum + delayMs, 0) / 1000;
        const reference = request.reference ? ` under reference ${request.reference}` : "";
        throw new OrderOutcomeUnknownError(
            `${request.name}: the order got no answer from the API (${(error as Error).message}) and ${delays.length} lookups over ${waitedSeconds}s did not find it${reference}; the API may still place it, so it is not placed again in this run. Run pulumi up again: it looks for the order${reference} before ordering`,
            { task: request.name, orderReference: request.reference, cause: error },
        );
    }

    private log(line: string): void {
        this.logger?.(line);
    }
}
