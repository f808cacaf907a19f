import * as pulumi from "@pulumi/pulumi";
import { declaredProvider } from "../../provider/dynamic/providers";
import { CertificateArgs, CertificateOutputs, certificateShape } from "../generated/internetx";
import { registration } from "../registration";
import { typeModule } from "./connection";

export type { CertificateArgs };

/** The outputs, declared by the generated interface (from the package schema) merged into the class. */
export interface Certificate extends CertificateOutputs {}

/**
 * A CA-issued SSL/TLS certificate through InterNetX SSL Manager. Changing names, SANs, CSR, key or contacts
 * reissues it (same resource); a due renewal renews it; `pulumi destroy` cancels it.
 */
export class Certificate extends pulumi.dynamic.Resource {
    constructor(name: string, args: CertificateArgs, opts?: pulumi.CustomResourceOptions) {
        const { props, options } = registration(typeModule, "Certificate", name, args, certificateShape, opts);
        super(declaredProvider("sslmanager:internetx:Certificate"), name, props, options, typeModule, "Certificate");
    }
}
