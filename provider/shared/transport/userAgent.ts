import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The package's own version, from its package.json found upwards from the compiled file (in the plugin tarball: the
 * package.json beside the bundle).
 */
export function packageVersion(): string {
    for (let directory = __dirname; ; directory = dirname(directory)) {
        try {
            const manifest = JSON.parse(readFileSync(join(directory, "package.json"), "utf8")) as {
                name?: string;
                version?: string;
            };
            if (manifest.name === "pulumi-sslmanager" && manifest.version) return manifest.version;
        } catch {
            // no package.json here: keep looking upwards
        }
        if (dirname(directory) === directory) return "0.0.0";
    }
}

/** "The use of a UserAgent is mandatory for the correct use of the JSON API" (help page "JSON API Basics"). */
export const userAgent = `pulumi-sslmanager/${packageVersion()}`;
