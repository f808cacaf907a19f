import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/**
 * Processes a test started, found by the directories only that test uses: its plugin launcher's directory in the
 * command line, or its program directory as the working directory (PulumiWorkspace.reapOrphanedProcesses ends what a
 * killed CLI leaves behind).
 */
export function processesUsing(directories: readonly string[]): number[] {
    const found: number[] = [];
    for (const entry of readdirSync("/proc")) {
        const pid = Number(entry);
        if (!Number.isInteger(pid) || pid === process.pid) continue;
        try {
            const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
            let workingDirectory = "";
            try {
                workingDirectory = readlinkSync(`/proc/${pid}/cwd`);
            } catch {
                // A process of another user, or one that just ended.
            }
            if (
                directories.some(
                    (directory) => commandLine.includes(directory) || workingDirectory.startsWith(directory),
                )
            )
                found.push(pid);
        } catch {
            // Ended while we looked.
        }
    }
    return found;
}

/** The parent process id (`/proc/<pid>/stat`, the field after the state); undefined once the process is gone. */
export function parentOf(pid: number): number | undefined {
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        // The command name in parentheses may contain spaces: the fields after its closing parenthesis are plain.
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    } catch {
        return undefined;
    }
}
