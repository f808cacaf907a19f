import { InvalidInputError } from "../errors";
import { ClientOptions, resolveClientOptions, systemOf } from "../internetx/config";

/** Hosts of this machine: a test double (the bundled simulator) can stand in for the demo system there. */
function isLoopback(hostname: string): boolean {
    return (
        hostname === "localhost" || hostname === "[::1]" || hostname === "::1" || /^127\.\d+\.\d+\.\d+$/.test(hostname)
    );
}

/**
 * Whether `--demo-order` may run with these options; decided before any request. The live system is refused by the
 * client's own rule (`demo: true` refuses the live hosts, provider/internetx/config.ts); any other host but the demo
 * system's and this machine's is refused too, so that a proxy or a reseller's gateway in front of the live system can
 * never receive the order. Throws InvalidInputError naming the URL setting.
 */
export function demoOrderGate(options: ClientOptions): void {
    const resolved = resolveClientOptions({ ...options, demo: true });
    const [setting, url] =
        resolved.protocol === "xml" ? ["connection.xmlUrl", resolved.xmlUrl] : ["connection.url", resolved.url];
    if (systemOf(url) === "demo" || isLoopback(new URL(url).hostname)) return;
    throw new InvalidInputError(
        setting,
        `--demo-order runs only against InterNetX's demo system (https://api.demo.autodns.com/v1, https://demo.autodns.com/gateway/) or a simulator on this machine, not ${url}`,
    );
}
