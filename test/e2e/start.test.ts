import { spawn, spawnSync } from "node:child_process";
import { repositoryRoot } from "../../scripts/pulumi-cli/workspace";
import { expect } from "../support/client";
import { SimulatorAdmin } from "../support/simulatorAdmin";

/**
 * The README's first command under the real Pulumi CLI: `npm start` runs the repository's own Pulumi project (the
 * quickstart) against the bundled simulator and leaves it running; `npm run destroy` then cancels the certificate.
 */
describe("npm start and npm run destroy", function () {
    this.timeout(30 * 60 * 1000);

    it("npm start issues the quickstart's certificate from the root project, and npm run destroy cancels it with a short command", async () => {
        const start = spawn("npm", ["start"], {
            cwd: repositoryRoot,
            stdio: ["ignore", "pipe", "pipe"],
            detached: true,
            env: { ...process.env, CI: "false" },
        });
        let output = "";
        try {
            await new Promise<void>((resolve, reject) => {
                start.stdout.on("data", (chunk: Buffer) => {
                    output += chunk.toString();
                    if (output.includes("Press Ctrl-C to stop the simulator.")) resolve();
                });
                start.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
                start.on("close", (code) =>
                    reject(new Error(`npm start ended with ${code} before it was ready:\n${output}`)),
                );
            });
            expect(output).to.include("$ pulumi up (Pulumi.yaml: examples/quickstart; state in .pulumi-local/state)");
            // The language host runs from the plugin cache of .pulumi-local/home: the CLI has nothing to warn about.
            expect(output.split("\n").filter((line) => line.includes("from $PATH"))).to.deep.equal([]);
            expect(output).to.match(/SANs {15}www\.example\.com, example\.com, shop\.example\.com/);
            expect(output).to.include("full chain         verifies (leaf → intermediate → root)");
            expect(output).to.include(
                "To cancel the certificate and remove the stack's resources, in another terminal:  npm run destroy",
            );
            const url = /InterNetX simulator: JSON (\S+),/.exec(output)![1];
            const admin = new SimulatorAdmin(url.replace(/\/v1$/, "/__simulator"));
            expect((await admin.state()).certificates.map((certificate) => certificate.name)).to.deep.equal([
                "www.example.com",
            ]);

            const destroy = spawnSync("npm", ["run", "destroy"], { cwd: repositoryRoot, encoding: "utf8" });
            expect(destroy.status, destroy.stdout + destroy.stderr).to.equal(0);
            expect(destroy.stdout).to.match(/- 3 deleted|3 deleted/);
            const after = await admin.state();
            expect([after.certificates, after.contacts]).to.deep.equal([[], 0]);
        } finally {
            process.kill(-start.pid!, "SIGINT");
        }
    });
});
