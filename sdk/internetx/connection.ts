import * as pulumi from "@pulumi/pulumi";

/** How a resource reaches InterNetX; anything left out comes from stack config `internetx:*`, then `AUTODNS_*`. */
export interface ConnectionArgs {
    /** JSON API base URL (default https://api.autodns.com/v1). */
    url?: pulumi.Input<string>;
    /** XML gateway URL (default https://gateway.autodns.com). */
    xmlUrl?: pulumi.Input<string>;
    user?: pulumi.Input<string>;
    /** Stored as a Pulumi secret. */
    password?: pulumi.Input<string>;
    context?: pulumi.Input<string>;
    protocol?: pulumi.Input<"json" | "xml">;
    demo?: pulumi.Input<boolean>;
    /** A private CA to trust in addition to the system's (TLS verification is never turned off). */
    caCertificatePem?: pulumi.Input<string>;
    timeoutSeconds?: pulumi.Input<number>;
    /** Client-side request rate limit per account and process (default 25 per second). */
    requestsPerSecond?: pulumi.Input<number>;
}

/** The whole connection travels as a secret, so a password in it never reaches state in plain text. */
export function secretConnection(connection: pulumi.Input<ConnectionArgs> | undefined): pulumi.Output<ConnectionArgs> | undefined {
    return connection === undefined ? undefined : pulumi.secret(connection as pulumi.Input<ConnectionArgs>) as pulumi.Output<ConnectionArgs>;
}

/** Type tokens are identity (STYLE 8): `pulumi-nodejs:dynamic/internetx:<Type>`; never rename. */
export const typeModule = "internetx";
