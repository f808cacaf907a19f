/**
 * Progress lines for waits and orders. Inside the dynamic-provider process they go to the engine through Pulumi's
 * log (shown by `pulumi up`); elsewhere (tests, scripts) to an injected sink. Never given secrets.
 */
export type ProgressLog = (message: string) => void;

export function pulumiLog(): ProgressLog {
    return (message) => {
        try {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const pulumi = require("@pulumi/pulumi") as typeof import("@pulumi/pulumi");
            void pulumi.log.info(message);
        } catch {
            // No engine to log to (e.g. a unit test): progress is informational only.
        }
    };
}
