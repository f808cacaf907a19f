import * as pulumi from "@pulumi/pulumi";
import { declaredProvider } from "../../provider/dynamic/providers";
import { SslContactArgs, SslContactOutputs, sslContactShape } from "../generated/internetx";
import { registration } from "../registration";
import { typeModule } from "./connection";

export type { SslContactArgs };

/** The outputs, declared by the generated interface (from the package schema) merged into the class. */
export interface SslContact extends SslContactOutputs {}

/** An SSL contact at InterNetX: the administrative or technical contact of certificate orders. Every field can change later; the contact is updated in place. */
export class SslContact extends pulumi.dynamic.Resource {
    constructor(name: string, args: SslContactArgs, opts?: pulumi.CustomResourceOptions) {
        const { props, options } = registration(typeModule, "SslContact", name, args, sslContactShape, opts);
        super(declaredProvider("sslmanager:internetx:SslContact"), name, props, options, typeModule, "SslContact");
    }
}
