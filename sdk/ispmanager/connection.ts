import * as pulumi from "@pulumi/pulumi";

/** How a resource reaches ispmanager's billing system; anything left out comes from stack config `ispmanager:*`, then `ISPMANAGER_*`. */
export interface ConnectionArgs {
    /** The function endpoint (default https://api-eu.ispmanager.com/billmgr). */
    url?: pulumi.Input<string>;
    /** The account's e-mail address (the EMAIL of `authinfo`). */
    user?: pulumi.Input<string>;
    /** Stored as a Pulumi secret. */
    password?: pulumi.Input<string>;
    /** POST (default: authinfo in the body) or GET (every parameter in the URL, as the document's examples). */
    method?: pulumi.Input<"GET" | "POST">;
    /** Answer format: bjson (default) or json. */
    format?: pulumi.Input<"bjson" | "json">;
    /** A private CA to trust in addition to the system's (TLS verification is never turned off). */
    caCertificatePem?: pulumi.Input<string>;
    /** Time limit of one request in seconds. */
    timeoutSeconds?: pulumi.Input<number>;
}

/** The whole connection travels as a secret, so a password in it never reaches state in plain text. */
export function secretConnection(connection: pulumi.Input<ConnectionArgs> | undefined): pulumi.Output<ConnectionArgs> | undefined {
    return connection === undefined ? undefined : (pulumi.secret(connection as pulumi.Input<ConnectionArgs>) as pulumi.Output<ConnectionArgs>);
}

/** Type tokens are identity: `pulumi-nodejs:dynamic/ispmanager:<Type>` is in every stack's state; never rename. */
export const typeModule = "ispmanager";
