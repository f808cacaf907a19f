import { MachineRateLimiter } from "../../provider/shared/transport/machineRateLimiter";

/**
 * A process of its own for the machine-wide window tests: gets `{ directory, host, count, requestsPerSecond }`,
 * answers "ready", waits for "go" (so all workers start together), takes `count` starts and answers their times.
 */
process.once("message", (task: { directory?: string; host: string; count: number; requestsPerSecond: number }) => {
    const limiter = new MachineRateLimiter(task.requestsPerSecond, task.host, { directory: task.directory });
    process.once("message", () => {
        void (async () => {
            const starts: number[] = [];
            for (let index = 0; index < task.count; index++) {
                await limiter.take();
                starts.push(Date.now());
            }
            process.send!({ starts, fallbackReason: limiter.fallbackReason ?? null }, () => process.exit(0));
        })();
    });
    process.send!("ready");
});
