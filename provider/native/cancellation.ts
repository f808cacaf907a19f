/**
 * The reason the provider's Cancel aborts its operations with, so every wait in progress, and every later one, ends
 * with it (the lifecycle's waits sleep on LifecycleContext.signal): the order stands and the next update resumes.
 */
export class OperationCancelledError extends Error {
    override name = "OperationCancelledError";
    constructor() {
        super(
            "the engine cancelled the operation (Ctrl-C); the order is kept and the next `pulumi up` resumes the wait",
        );
    }
}
