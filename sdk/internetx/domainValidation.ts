import * as pulumi from "@pulumi/pulumi";
import { domainValidationProvider } from "../../provider/dynamic/providers";
import { ConnectionArgs, secretConnection, typeModule } from "./connection";
import { DnsRecord, ValidationArgs } from "./types";

export interface DomainValidationArgs {
    /** The PEM CSR the certificate will be ordered with. */
    csr: pulumi.Input<string>;
    product: pulumi.Input<string>;
    /**
     * Which validation `authentication` carries: "DNS" (default; publish `dnsRecord`) or "FILE" (serve
     * `fileValidation.content` at `fileValidation.url`).
     */
    method?: pulumi.Input<"DNS" | "FILE">;
    connection?: pulumi.Input<ConnectionArgs>;
}

/**
 * The validation data of an order before it is placed (CertificatePrepareOrder 400110): create the DNS record from
 * `dnsRecord` with any DNS provider (or serve `fileValidation` with `method: "FILE"`), then pass `authentication` to
 * `Certificate.validation`.
 */
export class DomainValidation extends pulumi.dynamic.Resource {
    declare readonly name: pulumi.Output<string>;
    declare readonly dnsRecord: pulumi.Output<DnsRecord | undefined>;
    declare readonly fileValidation: pulumi.Output<{ url: string; content: string } | undefined>;
    declare readonly approverEmails: pulumi.Output<string[]>;
    declare readonly authentication: pulumi.Output<ValidationArgs>;

    constructor(name: string, args: DomainValidationArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            domainValidationProvider,
            name,
            { ...args, connection: secretConnection(args.connection), name: undefined, dnsRecord: undefined, fileValidation: undefined, approverEmails: undefined, authentication: undefined },
            { ...opts, additionalSecretOutputs: ["connection", ...(opts?.additionalSecretOutputs ?? [])] },
            typeModule,
            "DomainValidation",
        );
    }
}
