import * as pulumi from "@pulumi/pulumi";
import { domainValidationProvider } from "../../provider/dynamic/providers";
import { ConnectionArgs, secretConnection, typeModule } from "./connection";
import { DnsRecord, ValidationArgs } from "./types";

export interface DomainValidationArgs {
    /** The PEM CSR the certificate will be ordered with; a new CSR means new validation data (replace). */
    csr: pulumi.Input<string>;
    /** The InterNetX product code the certificate will be ordered as, e.g. QUICKSSLPREMIUM (replace when changed). */
    product: pulumi.Input<string>;
    /**
     * Which validation `authentication` carries: "DNS" (default; publish `dnsRecord`) or "FILE" (serve
     * `fileValidation.content` at `fileValidation.url`).
     */
    method?: pulumi.Input<"DNS" | "FILE">;
    /** How to reach InterNetX; what it leaves out comes from the stack config `internetx:*`, then `AUTODNS_*`. */
    connection?: pulumi.Input<ConnectionArgs>;
}

/**
 * The validation data of an order before it is placed (CertificatePrepareOrder): create the DNS record from
 * `dnsRecord` with any DNS provider (or serve `fileValidation` with `method: "FILE"`), then pass `authentication` to
 * `Certificate.validation`.
 */
export class DomainValidation extends pulumi.dynamic.Resource {
    /** The common name of the CSR. */
    declare readonly name: pulumi.Output<string>;
    /** The TXT record the CA looks up: create it with any DNS provider. */
    declare readonly dnsRecord: pulumi.Output<DnsRecord | undefined>;
    /** The file the CA fetches over HTTP: serve `content` at `url`. */
    declare readonly fileValidation: pulumi.Output<{ url: string; content: string } | undefined>;
    /** The mailboxes the CA accepts for EMAIL validation of this name. */
    declare readonly approverEmails: pulumi.Output<string[]>;
    /** Pass to `Certificate.validation`: the prepared DNS record (not provisioned by InterNetX) or the prepared file. */
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
