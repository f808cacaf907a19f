import * as pulumi from "@pulumi/pulumi";
import { declaredProvider } from "../../provider/dynamic/providers";
import { CertificateArgs, CertificateOutputs, certificateShape } from "../generated/ispmanager";
import { registration } from "../registration";
import { typeModule } from "./connection";

export type { CertificateArgs };

/** The outputs, declared by the generated interface (from the package schema) merged into the class. */
export interface Certificate extends CertificateOutputs {}

/**
 * A commercial SSL certificate ordered through ispmanager's BILLmanager. Changing the CSR or the additional
 * domains reissues it (same resource); `pulumi destroy` deletes it (certificate.delete).
 */
export class Certificate extends pulumi.dynamic.Resource {
    constructor(name: string, args: CertificateArgs, opts?: pulumi.CustomResourceOptions) {
        const { props, options } = registration(typeModule, "Certificate", name, args, certificateShape, opts);
        super(declaredProvider("sslmanager:ispmanager:Certificate"), name, props, options, typeModule, "Certificate");
    }
}
