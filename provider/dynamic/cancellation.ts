import type { EventEmitter } from "node:events";

/**
 * The first Ctrl-C of `pulumi up`. The terminal's SIGINT reaches only the CLI: Pulumi starts every plugin, the
 * dynamic-provider process included, in a process group of its own. The engine then sends the gRPC `Cancel` to each
 * provider (ResourceProvider.Cancel, "signals the provider to gracefully shut down and abort any ongoing resource
 * operations"), but the dynamic-provider server of `@pulumi/pulumi` answers it without telling the provider.
 * So this module watches for that call on the server's own HTTP/2 connections, without touching the answer, and
 * aborts one signal that every wait of this process listens to: the wait ends at once, the order stays recorded as
 * pending, the next `pulumi up` resumes it.
 */
export const cancelPath = "/pulumirpc.ResourceProvider/Cancel";

export const cancelledReason =
    "pulumi up was cancelled (Ctrl-C); the order stands and the next pulumi up resumes the wait";

let controller = new AbortController();
const watched = new WeakSet<object>();

interface StreamHeaders {
    ":path"?: string;
}

/** Whether a live handle of this process is an HTTP/2 server (grpc-js serves on one), by its behaviour. */
function isHttp2Server(handle: unknown): handle is EventEmitter {
    const candidate = handle as { listenerCount?: (event: string) => number; listen?: unknown };
    return (
        typeof candidate?.listenerCount === "function" &&
        typeof candidate.listen === "function" &&
        candidate.listenerCount("stream") > 0
    );
}

/** Adds the watch to every HTTP/2 server of this process that has none yet (the provider's gRPC server). */
export function watchForCancel(
    handles: unknown[] = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles(),
): number {
    let added = 0;
    for (const handle of handles) {
        if (!isHttp2Server(handle) || watched.has(handle)) continue;
        watched.add(handle);
        handle.on("stream", (_stream: unknown, headers: StreamHeaders) => {
            if (headers[":path"] === cancelPath) cancelOperations();
        });
        added++;
    }
    return added;
}

/** Ends every wait of this process that listens to `operationSignal()`. */
export function cancelOperations(reason: string = cancelledReason): void {
    if (controller.signal.aborted) return;
    const error = new Error(reason);
    error.name = "CancelledError";
    controller.abort(error);
}

/** The signal of the operations of this process; the Cancel watch is in place once this was asked for. */
export function operationSignal(): AbortSignal {
    watchForCancel();
    return controller.signal;
}

/** For tests: a new signal, as in a new provider process. */
export function resetCancellation(): void {
    controller = new AbortController();
}
