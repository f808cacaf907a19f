import * as pulumi from "@pulumi/pulumi";
import { declaredProvider } from "../../provider/dynamic/providers";
import { DomainValidationArgs, DomainValidationOutputs, domainValidationShape } from "../generated/internetx";
import { registration } from "../registration";
import { typeModule } from "./connection";

export type { DomainValidationArgs };

/** The outputs, declared by the generated interface (from the package schema) merged into the class. */
export interface DomainValidation extends DomainValidationOutputs {}

/**
 * The validation data of an order before it is placed (CertificatePrepareOrder): create the DNS record from
 * `dnsRecord` with any DNS provider (or serve `fileValidation` with `method: "FILE"`), then pass `authentication` to
 * `Certificate.validation`.
 */
export class DomainValidation extends pulumi.dynamic.Resource {
    constructor(name: string, args: DomainValidationArgs, opts?: pulumi.CustomResourceOptions) {
        const { props, options } = registration(
            typeModule,
            "DomainValidation",
            name,
            args,
            domainValidationShape,
            opts,
        );
        super(
            declaredProvider("sslmanager:internetx:DomainValidation"),
            name,
            props,
            options,
            typeModule,
            "DomainValidation",
        );
    }
}
