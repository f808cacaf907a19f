/**
 * Runs a Pulumi program under the SDK's runtime mocks (in its own process, with the program's own copy of
 * @pulumi/pulumi) and prints, as one JSON line, every resource registration: type, name, the inputs the SDK
 * serialized (including `__provider`) and the additional secret outputs requested.
 * Usage: node mockRunner.js <programDirectory> <configJson>
 */
const [programDirectory, configJson] = process.argv.slice(2);
const pulumi = require(require.resolve("@pulumi/pulumi", { paths: [programDirectory] }));

interface Registration {
    type: string;
    name: string;
    inputs: Record<string, unknown>;
    additionalSecretOutputs: string[];
}
const registrations: Registration[] = [];
const secretOutputs = new Map<string, string[]>();

process.env.PULUMI_CONFIG = configJson ?? "{}";
pulumi.runtime.setMocks(
    {
        newResource(args: { type: string; name: string; inputs: Record<string, unknown> }) {
            registrations.push({
                type: args.type,
                name: args.name,
                inputs: args.inputs,
                additionalSecretOutputs: secretOutputs.get(args.name) ?? [],
            });
            return { id: `${args.name}-id`, state: { ...args.inputs, contactId: `${args.name}-contact-id` } };
        },
        call() {
            return {};
        },
    },
    "engine-path-program",
    "test",
    false,
);
const monitor = pulumi.runtime.getMonitor();
const register = monitor.registerResource.bind(monitor);
monitor.registerResource = (
    request: { getName(): string; getAdditionalsecretoutputsList(): string[] },
    callback: unknown,
) => {
    secretOutputs.set(request.getName(), request.getAdditionalsecretoutputsList());
    return register(request, callback);
};
require(programDirectory);
setTimeout(() => {
    process.stdout.write(JSON.stringify(registrations) + "\n");
    process.exit(0);
}, 1500);
