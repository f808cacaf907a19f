import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { repositoryRoot } from "../native/schema";

/** What `npm run release` made of each generated SDK, and the line a user installs it with. */
export interface SdkPackage {
    language: "nodejs" | "python" | "go" | "dotnet";
    files: string[];
    install: string;
}

/** The environment of the Go commands: the module proxy, the checksums in go.sum only (the checksum database is not reachable everywhere). */
const goEnvironment = {
    ...process.env,
    PATH: `/usr/local/go/bin:${process.env.PATH}`,
    GOFLAGS: "-mod=mod",
    GOSUMDB: "off",
    GOTOOLCHAIN: "local",
    GOWORK: "off",
    CGO_ENABLED: "0",
};

/**
 * The Node.js SDK as Pulumi's providers publish theirs: compiled with tsc into bin/, package.json beside the output,
 * `npm pack` of bin/. Compiled against this repository's TypeScript, @types/node and @pulumi/pulumi.
 */
export function packNodejs(sdk: string, out: string): SdkPackage {
    const modules = join(sdk, "node_modules");
    mkdirSync(join(modules, "@pulumi"), { recursive: true });
    mkdirSync(join(modules, "@types"), { recursive: true });
    symlinkSync(join(repositoryRoot, "node_modules", "@pulumi", "pulumi"), join(modules, "@pulumi", "pulumi"));
    symlinkSync(join(repositoryRoot, "node_modules", "@types", "node"), join(modules, "@types", "node"));
    execFileSync(
        process.execPath,
        [join(repositoryRoot, "node_modules", "typescript", "bin", "tsc"), "-p", join(sdk, "tsconfig.json")],
        { cwd: sdk, stdio: "pipe" },
    );
    for (const file of ["package.json", "README.md"]) copyFileSync(join(sdk, file), join(sdk, "bin", file));
    copyFileSync(join(repositoryRoot, "LICENSE"), join(sdk, "bin", "LICENSE"));
    const packed = JSON.parse(
        execFileSync("npm", ["pack", "--json", "--loglevel=error", "--pack-destination", out, join(sdk, "bin")], {
            cwd: sdk,
            stdio: ["ignore", "pipe", "pipe"],
        }).toString(),
    ) as { filename: string; name: string; version: string }[];
    return {
        language: "nodejs",
        files: [join(out, packed[0].filename)],
        install: `npm install ${packed[0].name}@${packed[0].version}`,
    };
}

/** The Python SDK's sdist and wheel with PyPA's `build` (`python3 -m pip install build` once). */
export function buildPython(sdk: string, out: string, packageName: string, version: string): SdkPackage {
    copyFileSync(join(repositoryRoot, "LICENSE"), join(sdk, "LICENSE"));
    const before = new Set(existsSync(out) ? readdirSync(out) : []);
    try {
        execFileSync("python3", ["-m", "build", "--sdist", "--wheel", "--outdir", out, sdk], {
            cwd: sdk,
            stdio: "pipe",
        });
    } catch (error) {
        const stderr = String((error as { stderr?: Buffer }).stderr ?? "");
        if (stderr.includes("No module named build"))
            throw new Error("building the Python SDK needs PyPA's build: python3 -m pip install build");
        throw new Error(`python3 -m build failed: ${stderr}`);
    }
    const files = readdirSync(out)
        .filter((file) => !before.has(file))
        .map((file) => join(out, file));
    return { language: "python", files, install: `pip install ${packageName}==${version}` };
}

/**
 * The Go SDK as a module of its own: the schema's import path `github.com/pulumi-sslmanager/sdk/go/sslmanager` is the
 * folder go/sslmanager of the repository github.com/pulumi-sslmanager/sdk, so its go.mod names that path and the tag
 * is `go/sslmanager/v<version>` (Go modules in a subdirectory are tagged with the folder as prefix). `go build`
 * proves it compiles against the Pulumi Go SDK of this repository's @pulumi/pulumi version.
 */
export function prepareGo(sdk: string, importBasePath: string, version: string): SdkPackage {
    const { version: pulumiVersion } = require(
        join(repositoryRoot, "node_modules", "@pulumi", "pulumi", "package.json"),
    ) as { version: string };
    const module = join(sdk, "sslmanager");
    writeFileSync(join(module, "go.mod"), `module ${importBasePath}\n\ngo 1.22\n`);
    execFileSync("go", ["get", `github.com/pulumi/pulumi/sdk/v3@v${pulumiVersion}`], {
        cwd: module,
        env: goEnvironment,
        stdio: "pipe",
    });
    execFileSync("go", ["mod", "tidy"], { cwd: module, env: goEnvironment, stdio: "pipe" });
    execFileSync("go", ["build", "./..."], { cwd: module, env: goEnvironment, stdio: "pipe" });
    const folder = importBasePath.split("/").slice(3).join("/");
    return {
        language: "go",
        files: [module],
        install: `go get ${importBasePath}@v${version}  (tag ${folder}/v${version} in ${importBasePath.split("/").slice(0, 3).join("/")})`,
    };
}

/** The .NET project, its version in the .csproj; `dotnet pack` (not available on every machine) makes the NuGet package. */
export function prepareDotnet(sdk: string, rootNamespace: string, version: string): SdkPackage {
    const project = readdirSync(sdk).find((file) => file.endsWith(".csproj"))!;
    return {
        language: "dotnet",
        files: [join(sdk, project)],
        install: `dotnet add package ${rootNamespace}.Sslmanager --version ${version}`,
    };
}
