import * as pulumi from "@pulumi/pulumi";
import { sslContactProvider } from "../../provider/dynamic/providers";
import { ConnectionArgs, secretConnection, typeModule } from "./connection";

export interface SslContactArgs {
    firstName: pulumi.Input<string>;
    lastName: pulumi.Input<string>;
    email: pulumi.Input<string>;
    /** International format, e.g. +49-941-1234560. */
    phone: pulumi.Input<string>;
    fax?: pulumi.Input<string>;
    title?: pulumi.Input<string>;
    organization: pulumi.Input<string>;
    address: pulumi.Input<pulumi.Input<string>[]>;
    postalCode: pulumi.Input<string>;
    city: pulumi.Input<string>;
    /** ISO 3166-1 alpha-2, e.g. DE. */
    country: pulumi.Input<string>;
    state?: pulumi.Input<string>;
    connection?: pulumi.Input<ConnectionArgs>;
}

/** An SSL contact (InterNetX SslContact, ContactCreate 400201): the admin or technical contact of certificate orders. */
export class SslContact extends pulumi.dynamic.Resource {
    declare readonly contactId: pulumi.Output<string>;
    declare readonly firstName: pulumi.Output<string>;
    declare readonly lastName: pulumi.Output<string>;
    declare readonly email: pulumi.Output<string>;
    declare readonly phone: pulumi.Output<string>;
    declare readonly fax: pulumi.Output<string | undefined>;
    declare readonly title: pulumi.Output<string | undefined>;
    declare readonly organization: pulumi.Output<string>;
    declare readonly address: pulumi.Output<string[]>;
    declare readonly postalCode: pulumi.Output<string>;
    declare readonly city: pulumi.Output<string>;
    declare readonly country: pulumi.Output<string>;
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
