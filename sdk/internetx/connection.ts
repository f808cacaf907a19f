import * as pulumi from "@pulumi/pulumi";

/** How a resource reaches InterNetX; anything left out comes from stack config `internetx:*`, then `AUTODNS_*`. */
export interface ConnectionArgs {
    /** JSON API base URL (default https://api.autodns.com/v1; stack config `internetx:url`, `AUTODNS_URL`). */
    url?: pulumi.Input<string>;
    /** XML gateway URL (default https://gateway.autodns.com; `internetx:xmlUrl`, `AUTODNS_XML_URL`). */
    xmlUrl?: pulumi.Input<string>;
    /** The InterNetX user name (`internetx:user`, `AUTODNS_USER`). */
    user?: pulumi.Input<string>;
    /** The user's password (`internetx:password` set with `--secret`, `AUTODNS_PASSWORD`); a secret in state. */
    password?: pulumi.Input<string>;
    /** The account's context number, e.g. 4 (`internetx:context`, `AUTODNS_CONTEXT`). */
    context?: pulumi.Input<string>;
    /** `json` (default) or `xml` (the XML gateway); the same results either way. */
    protocol?: pulumi.Input<"json" | "xml">;
    /** Sends InterNetX's demo header, for accounts on the demo system. */
    demo?: pulumi.Input<boolean>;
    /** A private CA to trust in addition to the system's (TLS verification is never turned off). */
    caCertificatePem?: pulumi.Input<string>;
    /** Time limit of one request in seconds. */
    timeoutSeconds?: pulumi.Input<number>;
    /** Request starts per second to the host (default 3, InterNetX's limit per IP), shared by every provider process of the user on the machine. */
    requestsPerSecond?: pulumi.Input<number>;
}

/** The whole connection travels as a secret, so a password in it never reaches state in plain text. */
export function secretConnection(connection: pulumi.Input<ConnectionArgs> | undefined): pulumi.Output<ConnectionArgs> | undefined {
    return connection === undefined ? undefined : pulumi.secret(connection as pulumi.Input<ConnectionArgs>) as pulumi.Output<ConnectionArgs>;
}

/** Type tokens are identity: `pulumi-nodejs:dynamic/internetx:<Type>` is in every stack's state; never rename. */
export const typeModule = "internetx";
