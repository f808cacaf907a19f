import { spawn, spawnSync, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { basename, join } from "node:path";
import { installBundledPlugins, pulumiVersion } from "./bundledPlugins";

export const repositoryRoot = join(__dirname, "..", "..", "..");

export interface CommandResult {
    code: number;
    stdout: string;
    stderr: string;
}

/**
 * What keeps the CLI local and off the network: file backend and home under `directory`, passphrase secrets, no update
 * checks. The language hosts and the dynamic-provider plugin found on PATH away from `pulumi` go into the home's plugin
 * cache instead, so the CLI does not warn "using … from $PATH" (bundledPlugins.ts).
 */
export function localPulumiEnvironment(directory: string, path: string): Record<string, string> {
    return {
        PATH: installBundledPlugins(
            join(directory, "home"),
            `${path}:${process.env.PATH ?? ""}`,
            pulumiVersion(repositoryRoot),
        ),
        PULUMI_HOME: join(directory, "home"),
        PULUMI_BACKEND_URL: `file://${join(directory, "state")}`,
        PULUMI_CONFIG_PASSPHRASE: "pulumi-sslmanager-local",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
        PULUMI_SKIP_CONFIRMATIONS: "true",
        NO_COLOR: "1",
    };
}

/** The PATH entries of a usable Pulumi CLI (scripts/pulumi-cli/setup.sh builds it on first use). */
export function pulumiPath(): string {
    const output = execFileSync("bash", [join(repositoryRoot, "scripts", "pulumi-cli", "setup.sh")], {
        stdio: ["ignore", "pipe", "inherit"],
    })
        .toString()
        .trim();
    return output.split("\n").pop()!;
}

/**
 * A Pulumi program directory with a local file backend: one of examples/ (by name) or another program directory of
 * this repository (by its path, e.g. test/e2e/programs/first-hour) copied in, its node_modules linking this checkout
 * (the package itself as `pulumi-sslmanager`), and the environment that keeps the CLI off the network. "." is the
 * repository root's own project, run in place (the state still goes to `directory`).
 */
export class PulumiWorkspace {
    readonly programDirectory: string;
    readonly environment: Record<string, string>;

    constructor(
        readonly directory: string,
        example: string,
        path: string,
        extraEnvironment: Record<string, string> = {},
        /** false: keep the state already in `directory` (for a later command on the same stack). */
        fresh = true,
    ) {
        if (fresh) rmSync(directory, { recursive: true, force: true });
        mkdirSync(join(directory, "state"), { recursive: true });
        mkdirSync(join(directory, "home"), { recursive: true });
        if (example === ".") {
            // The repository root is a Pulumi project itself (Pulumi.yaml, the quickstart): run it in place.
            this.programDirectory = repositoryRoot;
        } else {
            const source = example.includes("/")
                ? join(repositoryRoot, example)
                : join(repositoryRoot, "examples", example);
            this.programDirectory = join(directory, basename(example));
            cpSync(source, this.programDirectory, { recursive: true });
            const modules = join(this.programDirectory, "node_modules");
            mkdirSync(modules, { recursive: true });
            for (const entry of readdirSync(join(repositoryRoot, "node_modules"))) {
                if (entry.startsWith(".") || entry === "pulumi-sslmanager") continue;
                symlinkSync(join(repositoryRoot, "node_modules", entry), join(modules, entry));
            }
            symlinkSync(repositoryRoot, join(modules, "pulumi-sslmanager"));
        }
        this.environment = {
            ...(process.env as Record<string, string>),
            ...localPulumiEnvironment(directory, path),
            ...extraEnvironment,
        };
    }

    /** Runs `pulumi <args>` in the program directory. */
    pulumi(args: string[], options: { input?: string; echo?: boolean } = {}): Promise<CommandResult> {
        return new Promise((resolve) => {
            const child = spawn("pulumi", ["--non-interactive", ...args], {
                cwd: this.programDirectory,
                env: this.environment,
                stdio: ["pipe", "pipe", "pipe"],
            });
            let stdout = "";
            let stderr = "";
            child.stdout.on("data", (chunk: Buffer) => {
                stdout += chunk.toString();
                if (options.echo) process.stdout.write(chunk);
            });
            child.stderr.on("data", (chunk: Buffer) => {
                stderr += chunk.toString();
                if (options.echo) process.stderr.write(chunk);
            });
            child.stdin.end(options.input ?? "");
            child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
        });
    }

    /**
     * Runs `pulumi <args>` as a terminal runs a foreground job (a process group of its own) and presses Ctrl-C once:
     * SIGINT to the whole group as soon as the output so far satisfies `when`. Resolves when the CLI has exited.
     */
    pulumiInterrupted(
        args: string[],
        when: (output: string) => boolean,
    ): Promise<CommandResult & { interrupted: boolean }> {
        return new Promise((resolve) => {
            const child = spawn("pulumi", ["--non-interactive", ...args], {
                cwd: this.programDirectory,
                env: this.environment,
                stdio: ["ignore", "pipe", "pipe"],
                detached: true,
            });
            let stdout = "";
            let stderr = "";
            let interrupted = false;
            const consider = () => {
                if (interrupted || !when(stdout + stderr)) return;
                interrupted = true;
                process.kill(-child.pid!, "SIGINT");
            };
            child.stdout.on("data", (chunk: Buffer) => {
                stdout += chunk.toString();
                consider();
            });
            child.stderr.on("data", (chunk: Buffer) => {
                stderr += chunk.toString();
                consider();
            });
            child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, interrupted }));
        });
    }

    /** Like `pulumi`, but a non-zero exit is an error carrying the whole output. */
    async must(args: string[], options: { echo?: boolean } = {}): Promise<CommandResult> {
        const result = await this.pulumi(args, options);
        if (result.code !== 0)
            throw new Error(`pulumi ${args.join(" ")} exited with ${result.code}\n${result.stdout}\n${result.stderr}`);
        return result;
    }

    /** Stack config for the simulator (the password as a secret). */
    async configureSimulator(
        simulator: { url: string; xmlUrl: string; user: string; password: string; context: string },
        protocol: "json" | "xml" = "json",
    ): Promise<void> {
        await this.must(["config", "set", "internetx:url", simulator.url]);
        await this.must(["config", "set", "internetx:xmlUrl", simulator.xmlUrl]);
        await this.must(["config", "set", "internetx:user", simulator.user]);
        await this.must(["config", "set", "internetx:context", simulator.context]);
        await this.must(["config", "set", "internetx:protocol", protocol]);
        await this.must(["config", "set", "--secret", "internetx:password", "--", simulator.password]);
    }

    /** `pulumi stack export | pulumi-sslmanager-renewal-check`, as the scheduled renewal recipe runs it. */
    async renewalCheck(): Promise<{ status: number | null; stdout: string; stderr: string }> {
        const exported = (await this.must(["stack", "export"])).stdout;
        const result = spawnSync(process.execPath, [join(repositoryRoot, "bin", "provider", "renewal", "cli.js")], {
            input: exported,
            encoding: "utf8",
        });
        return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    }

    async outputs(): Promise<Record<string, unknown>> {
        return JSON.parse((await this.must(["stack", "output", "--json", "--show-secrets"])).stdout) as Record<
            string,
            unknown
        >;
    }

    exists(): boolean {
        return existsSync(this.programDirectory);
    }

    /**
     * Ends the processes still running on this workspace's Pulumi home after its CLI was killed, and returns how many.
     * The CLI starts its language host and provider plugins in process groups of their own, so a signal to the CLI's
     * group leaves them orphaned; a run killed as a CI runner dies must not go on ordering or waiting behind the test's
     * back. Only processes whose environment names this workspace's `PULUMI_HOME` are touched.
     */
    reapOrphanedProcesses(): number {
        const marker = `PULUMI_HOME=${join(this.directory, "home")}`;
        let reaped = 0;
        for (const entry of readdirSync("/proc")) {
            if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
            let environment: string;
            try {
                environment = readFileSync(join("/proc", entry, "environ"), "latin1");
            } catch {
                continue; // ended meanwhile, or not ours to read
            }
            if (!environment.split("\0").includes(marker)) continue;
            try {
                process.kill(Number(entry), "SIGKILL");
                reaped++;
            } catch (error) {
                if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
            }
        }
        return reaped;
    }
}
