import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repositoryRoot } from "../../scripts/pulumi-cli/workspace";
import { expect } from "../support/client";

const packageJson = JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as {
    bin: Record<string, string>;
    license: string;
};

/** The first line a command prints on stdout, and everything it printed there until it was stopped. */
function firstLine(command: string, args: string[]): Promise<{ line: string; stdout: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: repositoryRoot, stdio: ["ignore", "pipe", "pipe"], detached: true });
        let stdout = "";
        const timer = setTimeout(() => {
            process.kill(-child.pid!, "SIGTERM");
            reject(new Error(`${command} ${args.join(" ")} printed no line in 60 s`));
        }, 60_000);
        child.stdout.on("data", (chunk: Buffer) => {
            stdout += chunk.toString();
            if (stdout.includes("\n")) {
                clearTimeout(timer);
                // The whole group: npm, its shell and the simulator.
                process.kill(-child.pid!, "SIGTERM");
            }
        });
        child.on("close", () => resolve({ line: stdout.split("\n")[0], stdout }));
    });
}

describe("the package as npm ships it", () => {
    it("holds the provider, the SDK and the simulator, the licence and the docs, and no development code", () => {
        const [packed] = JSON.parse(
            execFileSync("npm", ["pack", "--dry-run", "--json"], {
                cwd: repositoryRoot,
                stdio: ["ignore", "pipe", "ignore"],
            }).toString(),
        ) as { files: { path: string }[] }[];
        const paths = packed.files.map((file) => file.path);
        expect(
            paths.filter((path) => /^bin\/(test|bench|scripts)\//.test(path) || path.endsWith(".map")),
        ).to.deep.equal([]);
        expect(paths).to.include.members([
            "LICENSE",
            "README.md",
            "docs/reference.md",
            "docs/simulator.md",
            "bin/index.js",
            "bin/simulator/cli.js",
            "bin/provider/dynamic/certificate.js",
        ]);
    });

    it("ships docs/simulator.md complete on its own: every file it names is in the package, and it says how to publish a DNS record, approve and switch", () => {
        const [packed] = JSON.parse(
            execFileSync("npm", ["pack", "--dry-run", "--json"], {
                cwd: repositoryRoot,
                stdio: ["ignore", "pipe", "ignore"],
            }).toString(),
        ) as { files: { path: string }[] }[];
        const paths = new Set(packed.files.map((file) => file.path));
        const text = readFileSync(join(repositoryRoot, "docs/simulator.md"), "utf8");
        const named = [
            ...text.matchAll(/(?:^|[\s`(])((?:simulator|examples|docs|provider|scripts|test|sdk|bin)\/[\w./-]+)/g),
        ].map((match) => match[1]);
        expect(named.filter((path) => !paths.has(path))).to.deep.equal([]);
        expect(text).to.include(`curl -s -X POST "$ADMIN/dns"`);
        expect(text).to.include("/certificates/<id>/approve");
        expect(text).to.include("POST <adminUrl>/settings");
        expect(text).to.include("openssl verify -CAfile root.pem -untrusted fullchain.pem fullchain.pem");
    });

    it("declares Apache-2.0 and ships its text", () => {
        expect(packageJson.license).to.equal("Apache-2.0");
        expect(readFileSync(join(repositoryRoot, "LICENSE"), "utf8")).to.match(
            /^\s+Apache License\n\s+Version 2\.0, January 2004\n/,
        );
    });

    it("offers the native provider plugin, the simulator, the renewal check and the doctor as commands, executable node scripts", () => {
        expect(packageJson.bin).to.deep.equal({
            "pulumi-resource-sslmanager": "bin/provider/native/main.js",
            "pulumi-sslmanager-simulator": "bin/simulator/cli.js",
            "pulumi-sslmanager-renewal-check": "bin/provider/renewal/cli.js",
            "pulumi-sslmanager": "bin/provider/doctor/cli.js",
        });
        for (const script of Object.values(packageJson.bin))
            expect(readFileSync(join(repositoryRoot, script), "utf8").split("\n")[0], script).to.equal(
                "#!/usr/bin/env node",
            );
    });

    it("npm run simulator prints one JSON line with both simulators' URLs and credentials, and nothing before it on stdout", async () => {
        const { line, stdout } = await firstLine("npm", ["run", "simulator", "--", "--issuance-delay-ms", "500"]);
        expect(stdout.startsWith(line)).to.equal(true);
        const settings = JSON.parse(line) as Record<string, unknown> & { ispmanager: Record<string, unknown> };
        expect(Object.keys(settings)).to.deep.equal([
            "url",
            "xmlUrl",
            "adminUrl",
            "user",
            "password",
            "context",
            "ispmanager",
        ]);
        expect(settings.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
        expect(Object.keys(settings.ispmanager)).to.deep.equal(["url", "adminUrl", "user", "password"]);
    });
});
