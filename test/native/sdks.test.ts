import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repositoryRoot, schemaFile } from "../../scripts/native/schema";
import { filesUnder, generateSdks, sdkDirectory, sdkLanguages } from "../../scripts/native/sdks";
import { expect } from "../support/client";
import { csharpLanguage, declaredClasses, parseCsharp, syntaxErrors } from "./csharp";

/**
 * The SDKs in sdk-gen/ are what `pulumi package gen-sdk` makes from schema.json today (regenerate with
 * `npm run sdks`), and each is checked with the toolchains the registries give here (docs/native-provider.md,
 * "Toolchains for the generated SDKs", says what each check proves): tsc (Node.js); for Python, Debian's python3
 * running the SDK on the Pulumi Python SDK under Pulumi's mocks, and pyright; go vet and go build (Go, its modules
 * from the Go module proxy); for .NET, which no registry here can compile, tree-sitter's C# grammar parsing every
 * file and reading the declarations back.
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
            execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.json", "--noEmit"], {
                cwd: directory,
                stdio: "pipe",
            });
        } finally {
            rmSync(directory, { recursive: true, force: true });
        }
    });

    it("the Go SDK passes go vet and go build with github.com/pulumi/pulumi/sdk/v3 from the module proxy", () => {
        const directory = mkdtempSync(join(tmpdir(), "sslmanager-sdk-go-"));
        const { version } = require(join(repositoryRoot, "node_modules", "@pulumi", "pulumi", "package.json")) as {
            version: string;
        };
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
            writeFileSync(
                join(directory, "go.mod"),
                "module github.com/pulumi-sslmanager/sdk/go/sslmanager\n\ngo 1.25\n",
            );
            execFileSync("go", ["get", `github.com/pulumi/pulumi/sdk/v3@v${version}`], {
                cwd: directory,
                env: environment,
                stdio: "pipe",
            });
            execFileSync("go", ["vet", "./..."], { cwd: directory, env: environment, stdio: "pipe" });
            execFileSync("go", ["build", "./..."], { cwd: directory, env: environment, stdio: "pipe" });
        } finally {
            rmSync(directory, { recursive: true, force: true });
        }
    });

    describe("the Python SDK", () => {
        const python = "/usr/bin/python3";
        const pythonDirectory = join(repositoryRoot, "test", "native", "python");
        const standIns = join(pythonDirectory, "stand-ins");
        let pulumiLib: string;
        let sdk: string;

        before(() => {
            const runtime = execFileSync("bash", [join(repositoryRoot, "scripts", "native", "python-runtime.sh")], {
                stdio: ["ignore", "pipe", "inherit"],
            });
            pulumiLib = runtime.toString().trim().split("\n").pop()!;
            sdk = mkdtempSync(join(tmpdir(), "sslmanager-sdk-python-"));
            cpSync(join(sdkDirectory, "python"), sdk, { recursive: true });
            // The package's own setup.py writes the metadata importlib.metadata reads the SDK's version from.
            execFileSync(python, ["setup.py", "-q", "egg_info"], { cwd: sdk, stdio: "pipe" });
        });
        after(() => rmSync(sdk, { recursive: true, force: true }));

        const environment = () => {
            const variables: NodeJS.ProcessEnv = {
                ...process.env,
                PYTHONPATH: [standIns, pulumiLib, sdk].join(":"),
                PYTHONDONTWRITEBYTECODE: "1",
            };
            // The OpenTelemetry stand-in refuses to trace; a PYTHONHOME would point Debian's python3 elsewhere.
            delete variables.TRACEPARENT;
            delete variables.PYTHONHOME;
            return variables;
        };

        it("every file of the Python SDK compiles with Debian's python3 -m py_compile", () => {
            const files = [...filesUnder(sdk).keys()]
                .filter((file) => file.endsWith(".py") && !file.includes(".egg-info"))
                .map((file) => join(sdk, file));
            expect(files.length).to.equal(
                [...filesUnder(join(sdkDirectory, "python")).keys()].filter((file) => file.endsWith(".py")).length,
            );
            execFileSync(python, ["-m", "py_compile", ...files], { stdio: "pipe", env: environment() });
        });

        it("under Pulumi's mocks, the SDK registers the provider, a Certificate and an SmimeCertificate with their typed args, secret inputs sent as secrets, and the outputs the schema marks secret arrive secret", () => {
            const run = spawnSync(python, [join(pythonDirectory, "under_mocks.py")], {
                cwd: sdk,
                env: environment(),
                encoding: "utf8",
            });
            expect(run.stderr).to.equal("");
            expect(run.status).to.equal(0);
            const secret = (value: unknown) => ({
                "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
                value,
            });
            const providerUrn =
                "urn:pulumi:stack::project::pulumi:pulumi:Stack$pulumi:providers:sslmanager::sslmanager::sslmanager-id";
            const { version } = require(join(repositoryRoot, "package.json")) as { version: string };
            expect(JSON.parse(run.stdout)).to.deep.equal({
                registrations: [
                    {
                        type: "pulumi:providers:sslmanager",
                        name: "sslmanager",
                        custom: true,
                        provider: "",
                        version,
                        acceptSecrets: true,
                        additionalSecretOutputs: [],
                        // Provider inputs other than strings travel as JSON text (Pulumi's provider configuration).
                        inputs: {
                            internetxUrl: "https://127.0.0.1:8443",
                            internetxUser: "api-user",
                            internetxPassword: secret("api-password"),
                            internetxContext: "4",
                            internetxDemo: "true",
                            internetxRequestsPerSecond: "3",
                        },
                    },
                    {
                        type: "sslmanager:internetx:Certificate",
                        name: "www",
                        custom: true,
                        provider: providerUrn,
                        version,
                        acceptSecrets: true,
                        additionalSecretOutputs: ["privateKeyPem"],
                        inputs: {
                            adminContactId: "17",
                            lifetimeMonths: 12,
                            name: "www.example.com",
                            privateKey: { algorithm: "RSA", rsaBits: 2048 },
                            product: "QUICKSSLPREMIUM",
                            subjectAlternativeNames: ["example.com"],
                            technicalContactId: "17",
                            validation: { method: "DNS", provisioning: true },
                        },
                    },
                    {
                        type: "sslmanager:internetx:SmimeCertificate",
                        name: "alice",
                        custom: true,
                        provider: providerUrn,
                        version,
                        acceptSecrets: true,
                        additionalSecretOutputs: ["downloadPassword", "pkcs12Base64", "privateKeyPem"],
                        inputs: {
                            adminContactId: "17",
                            downloadPassword: secret("download-password"),
                            email: "alice@example.com",
                            firstName: "Alice",
                            lastName: "Example",
                            lifetimeMonths: 12,
                            privateKey: { algorithm: "RSA", rsaBits: 3072 },
                            product: "SMIME_BASIC",
                        },
                    },
                ],
                outputs: {
                    certificate: {
                        id: { value: "www-id", secret: false },
                        certificateId: { value: "4711", secret: false },
                        status: { value: "ACTIVE", secret: false },
                        subjectAlternativeNames: { value: ["example.com"], secret: false },
                        issuedNames: { value: ["www.example.com", "example.com"], secret: false },
                        privateKeyPem: {
                            value: "-----BEGIN PRIVATE KEY-----\nMIIEwww\n-----END PRIVATE KEY-----\n",
                            secret: true,
                        },
                        dnsValidationRecordValue: { value: "token-www", secret: false },
                        dnsValidationRecordTtl: { value: 300, secret: false },
                        privateKeyRsaBits: { value: 2048, secret: false },
                    },
                    smimeCertificate: {
                        id: { value: "alice-id", secret: false },
                        email: { value: "alice@example.com", secret: false },
                        emailAddresses: { value: ["alice@example.com"], secret: false },
                        downloadPassword: { value: "download-password", secret: true },
                        privateKeyPem: {
                            value: "-----BEGIN PRIVATE KEY-----\nMIIEmail\n-----END PRIVATE KEY-----\n",
                            secret: true,
                        },
                        pkcs12Base64: { value: "MIIKpkcs12", secret: true },
                    },
                },
                refusals: { certificateWithoutProduct: "Missing required property 'product'" },
            });
        });

        describe("type-checked with pyright", () => {
            interface Diagnostic {
                file: string;
                severity: string;
                rule?: string;
                message: string;
                range: { start: { line: number } };
            }
            let diagnostics: Diagnostic[];
            let summary: { filesAnalyzed: number; errorCount: number; warningCount: number };

            before(() => {
                cpSync(join(pythonDirectory, "under_mocks.py"), join(sdk, "under_mocks.py"));
                cpSync(join(pythonDirectory, "mistyped.py"), join(sdk, "mistyped.py"));
                // Pulumi's Python SDK and the stand-ins are found through extraPaths; Debian's packages through the interpreter.
                writeFileSync(
                    join(sdk, "pyrightconfig.json"),
                    JSON.stringify({
                        include: ["pulumi_sslmanager", "under_mocks.py", "mistyped.py"],
                        extraPaths: [standIns, pulumiLib],
                        pythonVersion: "3.11",
                        typeCheckingMode: "standard",
                    }),
                );
                const pyright = require.resolve("pyright/index.js");
                const run = spawnSync(
                    process.execPath,
                    [pyright, "--project", join(sdk, "pyrightconfig.json"), "--pythonpath", python, "--outputjson"],
                    {
                        cwd: sdk,
                        encoding: "utf8",
                        maxBuffer: 64 * 1024 * 1024,
                    },
                );
                const report = JSON.parse(run.stdout) as { generalDiagnostics: Diagnostic[]; summary: typeof summary };
                diagnostics = report.generalDiagnostics.map((diagnostic) => ({
                    ...diagnostic,
                    file: diagnostic.file.slice(sdk.length + 1),
                }));
                summary = report.summary;
            });

            const errorsIn = (file: (name: string) => boolean) =>
                diagnostics
                    .filter((diagnostic) => diagnostic.severity === "error" && file(diagnostic.file))
                    .map((diagnostic) => `${diagnostic.file}: ${diagnostic.rule}: ${diagnostic.message.split("\n")[0]}`)
                    .sort();

            it("pyright reports in the SDK only the errors of Pulumi's own code templates: six in _utilities.py and one per resource class where it passes its args as props", () => {
                const schema = JSON.parse(readFileSync(schemaFile, "utf8")) as { resources: Record<string, unknown> };
                const snakeCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
                const propsError = (file: string, name: string) =>
                    `${file}: reportArgumentType: Argument of type "${name}Args | Unknown | None" cannot be assigned to parameter "props" of type "Inputs | None" in function "__init__"`;
                const utilities = "pulumi_sslmanager/_utilities.py";
                const sdkFiles = [...filesUnder(join(sdkDirectory, "python", "pulumi_sslmanager")).keys()].filter(
                    (file) => /\.pyi?$/.test(file),
                );
                expect(summary.filesAnalyzed).to.equal(sdkFiles.length + 2);
                expect(errorsIn((file) => file.startsWith("pulumi_sslmanager/"))).to.deep.equal(
                    [
                        `${utilities}: reportArgumentType: Argument of type "Loader | None" cannot be assigned to parameter "loader" of type "Loader" in function "__init__"`,
                        `${utilities}: reportOptionalMemberAccess: "loader" is not a known attribute of "None"`,
                        `${utilities}: reportOptionalMemberAccess: "loader" is not a known attribute of "None"`,
                        `${utilities}: reportArgumentType: Argument of type "ModuleSpec | None" cannot be assigned to parameter "spec" of type "ModuleSpec" in function "module_from_spec"`,
                        `${utilities}: reportCallIssue: Argument expression after ** must be a mapping with a "str" key type`,
                        `${utilities}: reportReturnType: Type "(_: _F@lift_output_func) -> ((..., opts: (Unknown | None) = None) -> Output[Any])" is not assignable to return type "(_F@lift_output_func) -> _F@lift_output_func"`,
                        propsError("pulumi_sslmanager/provider.py", "Provider"),
                        ...Object.keys(schema.resources).map((token) => {
                            const [, module, name] = token.split(":");
                            return propsError(`pulumi_sslmanager/${module}/${snakeCase(name)}.py`, name);
                        }),
                    ].sort(),
                );
            });

            it("pyright finds no error in the program that runs the SDK under Pulumi's mocks", () => {
                expect(errorsIn((file) => file === "under_mocks.py")).to.deep.equal([]);
            });

            it("pyright finds exactly the three typing mistakes of a mistyped program through the SDK's annotations", () => {
                expect(
                    diagnostics
                        .filter((diagnostic) => diagnostic.file === "mistyped.py")
                        .map(
                            (diagnostic) =>
                                `${diagnostic.range.start.line + 1} ${diagnostic.severity} ${diagnostic.rule}: ${diagnostic.message.split("\n")[0]}`,
                        ),
                ).to.deep.equal([
                    `11 error reportArgumentType: Argument of type "Literal['twelve']" cannot be assigned to parameter "lifetime_months" of type "Input[int]" in function "__init__"`,
                    `14 error reportArgumentType: Argument of type "Literal['2048']" cannot be assigned to parameter "rsa_bits" of type "Input[int | None]" in function "__init__"`,
                    `17 error reportCallIssue: No overloads for "__init__" match the provided arguments`,
                ]);
            });
        });
    });

    describe("the .NET SDK", () => {
        const csharpFiles = () =>
            [...filesUnder(join(sdkDirectory, "dotnet")).entries()].filter(([file]) => file.endsWith(".cs"));

        it("the C# grammar reports a syntax error where a statement lacks its semicolon", () => {
            expect(syntaxErrors(parseCsharp("class A { void F() { var x = 1 } }"))).to.deep.equal(["1:31 missing ;"]);
        });

        it("every .cs file of the .NET SDK parses with tree-sitter's C# grammar without an error or missing node", () => {
            const language = csharpLanguage();
            const files = csharpFiles();
            expect(files.length).to.be.greaterThan(0);
            const errors = Object.fromEntries(
                files
                    .map(([file, content]) => [file, syntaxErrors(parseCsharp(content.toString("utf8"), language))])
                    .filter(([, found]) => found.length > 0),
            );
            expect(errors).to.deep.equal({});
        });

        it("the .NET SDK declares every schema resource and the provider under its type token, with the schema's inputs, outputs, secret inputs and secret outputs", () => {
            type Property = { secret?: boolean };
            type Shape = { inputProperties?: Record<string, Property>; properties?: Record<string, Property> };
            const schema = JSON.parse(readFileSync(schemaFile, "utf8")) as {
                provider: Shape;
                resources: Record<string, Shape>;
            };
            const language = csharpLanguage();
            const classes = csharpFiles().flatMap(([file, content]) =>
                declaredClasses(parseCsharp(content.toString("utf8"), language)).map((declared) => ({
                    file,
                    ...declared,
                })),
            );
            const resources = classes.filter((declared) => declared.attributes.has("SslmanagerResourceType"));
            const byToken = new Map(
                resources.map((declared) => [declared.attributes.get("SslmanagerResourceType")!, declared]),
            );
            const shapes: [string, Shape][] = [
                ["pulumi:providers:sslmanager", schema.provider],
                ...Object.entries(schema.resources),
            ];
            const secretNames = (properties: Record<string, Property> = {}) =>
                Object.keys(properties)
                    .filter((name) => properties[name].secret)
                    .sort();
            const declared = (token: string) => {
                const resource = byToken.get(token);
                // Its args class is declared in the same file (two modules have a CertificateArgs).
                const args = classes.find(
                    (candidate) => candidate.file === resource?.file && candidate.name === `${resource?.name}Args`,
                );
                return {
                    outputs: [...(resource?.outputs ?? [])].sort(),
                    additionalSecretOutputs: [...(resource?.additionalSecretOutputs ?? [])].sort(),
                    inputs: [...(args?.inputs ?? [])].sort(),
                    secretInputs: [...(args?.secretInputs ?? [])].sort(),
                };
            };
            expect([...byToken.keys()].sort()).to.deep.equal(shapes.map(([token]) => token).sort());
            for (const [token, shape] of shapes) {
                const isProvider = token.startsWith("pulumi:providers:");
                expect({ token, ...declared(token) }).to.deep.equal({
                    token,
                    // A provider resource has no state outputs beyond its config: the schema lists none here.
                    outputs: Object.keys(shape.properties ?? {}).sort(),
                    additionalSecretOutputs: isProvider ? [] : secretNames(shape.properties),
                    inputs: Object.keys(shape.inputProperties ?? {}).sort(),
                    secretInputs: secretNames(shape.inputProperties),
                });
            }
        });
    });
});
