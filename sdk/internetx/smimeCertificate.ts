import * as pulumi from "@pulumi/pulumi";
import { declaredProvider } from "../../provider/dynamic/providers";
import { SmimeCertificateArgs, SmimeCertificateOutputs, smimeCertificateShape } from "../generated/internetx";
import { registration } from "../registration";
import { typeModule } from "./connection";

export type { SmimeCertificateArgs };

/** The outputs, declared by the generated interface (from the package schema) merged into the class. */
export interface SmimeCertificate extends SmimeCertificateOutputs {}

/** An S/MIME certificate (InterNetX certificate type MAIL): signing and encrypting mail. */
export class SmimeCertificate extends pulumi.dynamic.Resource {
    constructor(name: string, args: SmimeCertificateArgs, opts?: pulumi.CustomResourceOptions) {
        const { props, options } = registration(
            typeModule,
            "SmimeCertificate",
            name,
            args,
            smimeCertificateShape,
            opts,
        );
        super(
            declaredProvider("sslmanager:internetx:SmimeCertificate"),
            name,
            props,
            options,
            typeModule,
            "SmimeCertificate",
        );
    }
}
