import * as pulumi from "@pulumi/pulumi";
import { sslContactProvider } from "../../provider/dynamic/providers";
import { ConnectionArgs, secretConnection, typeModule } from "./connection";

/** The person the CA and InterNetX contact about an order. Every field can change later; the contact is updated in place. */
export interface SslContactArgs {
    /** Given name, 1 to 64 characters. */
    firstName: pulumi.Input<string>;
    /** Family name, 1 to 64 characters. */
    lastName: pulumi.Input<string>;
    /** The contact's mailbox; the CA may write to it about the order. */
    email: pulumi.Input<string>;
    /** International format with country code, e.g. +49-941-1234560. */
    phone: pulumi.Input<string>;
    /** Fax number in the same format as `phone`; optional. */
    fax?: pulumi.Input<string>;
    /** Form of address or job title, up to 64 characters; optional. */
    title?: pulumi.Input<string>;
    /** The organization the contact belongs to, 1 to 128 characters. */
    organization: pulumi.Input<string>;
    /** Street address, one to three lines. */
    address: pulumi.Input<pulumi.Input<string>[]>;
    /** Postal code, up to 16 characters. */
    postalCode: pulumi.Input<string>;
    /** City, 1 to 64 characters. */
    city: pulumi.Input<string>;
    /** Country as an ISO 3166-1 alpha-2 code in capitals, e.g. DE. */
    country: pulumi.Input<string>;
    /** State or province; optional. */
    state?: pulumi.Input<string>;
    /** How to reach InterNetX; what it leaves out comes from the stack config `internetx:*`, then `AUTODNS_*`. */
    connection?: pulumi.Input<ConnectionArgs>;
}

/** An SSL contact at InterNetX: the administrative or technical contact of certificate orders. */
export class SslContact extends pulumi.dynamic.Resource {
    /** InterNetX's id of the contact: pass it to `Certificate.adminContactId` and `technicalContactId`. */
    declare readonly contactId: pulumi.Output<string>;
    /** As given. */
    declare readonly firstName: pulumi.Output<string>;
    /** As given. */
    declare readonly lastName: pulumi.Output<string>;
    /** As given. */
    declare readonly email: pulumi.Output<string>;
    /** As given. */
    declare readonly phone: pulumi.Output<string>;
    /** As given. */
    declare readonly fax: pulumi.Output<string | undefined>;
    /** As given. */
    declare readonly title: pulumi.Output<string | undefined>;
    /** As given. */
    declare readonly organization: pulumi.Output<string>;
    /** As given. */
    declare readonly address: pulumi.Output<string[]>;
    /** As given. */
    declare readonly postalCode: pulumi.Output<string>;
    /** As given. */
    declare readonly city: pulumi.Output<string>;
    /** As given. */
    declare readonly country: pulumi.Output<string>;
    /** As given. */
    declare readonly state: pulumi.Output<string | undefined>;

    constructor(name: string, args: SslContactArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            sslContactProvider,
            name,
            { ...args, connection: secretConnection(args.connection), contactId: undefined },
            { ...opts, additionalSecretOutputs: ["connection", ...(opts?.additionalSecretOutputs ?? [])] },
            typeModule,
            "SslContact",
        );
    }
}
