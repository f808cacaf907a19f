import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repositoryRoot } from "../../scripts/native/schema";
import { filesUnder, generateSdks, sdkDirectory, sdkLanguages } from "../../scripts/native/sdks";
import { expect } from "../support/client";

/**
 * The SDKs in sdk-gen/ are what `pulumi package gen-sdk` makes from schema.json today (regenerate with
 * `npm run sdks`), and each is compiled or type-checked with the toolchains here: tsc (Node.js), python3 -m
 * py_compile (Python; the pulumi package itself is on no registry reachable here), go vet and go build (Go, its
 * modules from the Go module proxy). .NET is generated and compared only: no .NET SDK is installable here.
 */
describe("the generated SDKs", function () {
    this.timeout(30 * 60 * 1000);
    let generated: string;

    before(() => {
        generated = mkdtempSync(join(tmpdir(), "sslmanager-sdk-gen-"));
        generateSdks(generated);
    });
    after(() => rmSync(generated, { recursive: true, force: true }));

    for (const language of sdkLanguages) {
        it(`sdk-gen/${language} is exactly what pulumi package gen-sdk generates from schema.json`, () => {
            const checkedIn = filesUnder(join(sdkDirectory, language));
            const fresh = filesUnder(join(generated, language));
            expect([...checkedIn.keys()].sort()).to.deep.equal([...fresh.keys()].sort());
            const differing = [...fresh.keys()].filter((file) => !fresh.get(file)!.equals(checkedIn.get(file)!));
            expect(differing).to.deep.equal([]);
        });
    }

    it("the Node.js SDK type-checks with tsc against this package's @pulumi/pulumi", () => {
        const directory = mkdtempSync(join(tmpdir(), "sslmanager-sdk-nodejs-"));
        try {
            cpSync(join(sdkDirectory, "nodejs"), directory, { recursive: true });
            symlinkSync(join(repositoryRoot, "node_modules"), join(directory, "node_modules"));
            execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json", "--noEmit"], { cwd: directory, stdio: "pipe" });
        } finally {
            rmSync(directory, { recursive: true, force: true });
        }
    });

    it("the Python SDK compiles with python3 -m py_compile", () => {
        const directory = mkdtempSync(join(tmpdir(), "sslmanager-sdk-python-"));
        try {
            cpSync(join(sdkDirectory, "python"), directory, { recursive: true });
            const files = [...filesUnder(directory).keys()].filter((file) => file.endsWith(".py")).map((file) => join(directory, file));
            expect(files.length).to.be.greaterThan(10);
            execFileSync("python3", ["-m", "py_compile", ...files], { stdio: "pipe" });
        } finally {
            rmSync(directory, { recursive: true, force: true });
        }
    });

    it("the Go SDK passes go vet and go build with github.com/pulumi/pulumi/sdk/v3 from the module proxy", () => {
        const directory = mkdtempSync(join(tmpdir(), "sslmanager-sdk-go-"));
        const { version } = require(join(repositoryRoot, "node_modules", "@pulumi", "pulumi", "package.json")) as { version: string };
        const environment = {
            ...process.env,
            PATH: `/usr/local/go/bin:${process.env.PATH}`,
            GOFLAGS: "-mod=mod",
            GOSUMDB: "off",
            GOTOOLCHAIN: "local",
            GOWORK: "off",
            CGO_ENABLED: "0",
        };
        try {
            cpSync(join(sdkDirectory, "go", "sslmanager"), directory, { recursive: true });
            writeFileSync(join(directory, "go.mod"), "module github.com/pulumi-sslmanager/sdk/go/sslmanager\n\ngo 1.25\n");
            execFileSync("go", ["get", `github.com/pulumi/pulumi/sdk/v3@v${version}`], { cwd: directory, env: environment, stdio: "pipe" });
            execFileSync("go", ["vet", "./..."], { cwd: directory, env: environment, stdio: "pipe" });
            execFileSync("go", ["build", "./..."], { cwd: directory, env: environment, stdio: "pipe" });
        } finally {
            rmSync(directory, { recursive: true, force: true });
        }
    });
});
