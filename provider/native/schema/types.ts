import { ObjectType } from "./model";

/** Object types shared by the resources, by token. */
export const objectTypes: Record<string, ObjectType> = {
    "sslmanager:internetx:PrivateKey": {
        description: "The key the provider generates (with the CSR) when no CSR is given.",
        properties: {
            algorithm: { type: "string", values: ["RSA", "ECDSA"], required: true, description: "RSA or ECDSA." },
            rsaBits: { type: "integer", description: "RSA key size: 2048 (default), 3072 or 4096 bits (RSA only)." },
            curve: {
                type: "string",
                values: ["P256", "P384"],
                description: "ECDSA curve: P256 (default) or P384 (ECDSA only).",
            },
        },
    },
    "sslmanager:internetx:SmimePrivateKey": {
        description: "The RSA key the provider generates for an S/MIME certificate (PKCS#12 needs RSA).",
        properties: {
            algorithm: { type: "string", values: ["RSA"], required: true, description: "RSA." },
            rsaBits: { type: "integer", description: "2048, 3072 or 4096." },
        },
    },
    "sslmanager:internetx:Subject": {
        description: "Subject fields of a generated CSR beyond the common name.",
        properties: {
            organization: { type: "string", description: "O, at most 64 characters." },
            organizationalUnit: { type: "string", description: "OU, at most 64 characters." },
            country: { type: "string", description: "C, an ISO 3166-1 alpha-2 code such as DE." },
            state: { type: "string", description: "ST, at most 128 characters." },
            locality: { type: "string", description: "L, at most 128 characters." },
            emailAddress: { type: "string", description: "emailAddress attribute." },
        },
    },
    "sslmanager:internetx:Validation": {
        description:
            "How the CA validates the domain: DNS (TXT record, provisioned by InterNetX unless `provisioning` is false), EMAIL to an approver, or FILE; or the `authentication` output of a DomainValidation.",
        properties: {
            method: {
                type: "string",
                values: ["DNS", "EMAIL", "FILE"],
                required: true,
                description: "DNS, EMAIL or FILE.",
            },
            provisioning: {
                type: "boolean",
                description:
                    "DNS only: InterNetX publishes the TXT record itself (default true unless `dns` is given).",
            },
            approverEmail: { type: "string", description: "EMAIL only: the approver's address." },
            dns: { type: "string", description: "The prepared DNS record as a zone line (from DomainValidation)." },
            fileName: { type: "string", description: "The prepared validation file's URL (from DomainValidation)." },
            fileContent: {
                type: "string",
                description: "The prepared validation file's content (from DomainValidation).",
            },
            approverEmails: {
                type: { array: "string" },
                description: "EMAIL only: the approvers, when more than one.",
            },
            domains: {
                type: { array: { object: "sslmanager:internetx:DomainAuthentication" } },
                description:
                    "DNS and FILE: every name's prepared record or file (from DomainValidation), so the order carries each name's validation.",
            },
        },
        variants: {
            discriminator: "method",
            cases: {
                DNS: { properties: ["provisioning", "dns", "domains"] },
                EMAIL: { properties: ["approverEmail", "approverEmails"], required: ["approverEmail"] },
                FILE: { properties: ["fileName", "fileContent", "domains"] },
            },
        },
    },
    "sslmanager:internetx:DnsRecord": {
        description: "A DNS record the CA checks.",
        properties: {
            name: {
                type: "string",
                required: true,
                description: "Fully qualified, with the trailing dot, e.g. `example.com.`",
            },
            type: { type: "string", required: true, description: "The record type, e.g. TXT." },
            ttl: { type: "integer", required: true, description: "Time to live in seconds." },
            value: { type: "string", required: true, description: "The token, unquoted." },
            domain: {
                type: "string",
                description:
                    "The name this record validates, e.g. `www.example.com` (its record is at `_dnsauth.www.example.com.`).",
            },
        },
    },
    "sslmanager:internetx:DomainAuthentication": {
        description:
            "One name's prepared validation inside an order's authentication (CertificatePrepareOrder answers one per name and method).",
        properties: {
            name: { type: "string", required: true, description: "The name it validates, e.g. `www.example.com`." },
            method: { type: "string", values: ["DNS", "FILE"], required: true, description: "DNS or FILE." },
            dns: { type: "string", description: "DNS: the record as a zone line." },
            fileName: { type: "string", description: "FILE: the file's URL." },
            fileContent: { type: "string", description: "FILE: the file's content." },
        },
    },
    "sslmanager:internetx:FileValidation": {
        description: "A file the CA fetches over HTTP to validate the domain.",
        properties: {
            url: { type: "string", required: true, description: "Where the file must be served." },
            content: { type: "string", required: true, description: "What it must contain." },
            domain: { type: "string", description: "The name this file validates." },
        },
    },
    "sslmanager:ispmanager:Contact": {
        description: "The administrative or technical contact of a BILLmanager order.",
        properties: {
            firstName: { type: "string", required: true, description: "First name." },
            lastName: { type: "string", required: true, description: "Last name." },
            jobTitle: { type: "string", required: true, description: "Position." },
            email: { type: "string", required: true, description: "E-mail address." },
            phone: { type: "string", required: true, description: "Phone number, e.g. +7 495 1234567." },
        },
    },
    "sslmanager:ispmanager:ValidationRecord": {
        description: "A DNS record the CA checks (name with the trailing dot).",
        properties: {
            name: {
                type: "string",
                required: true,
                description: "Fully qualified record name, with the trailing dot.",
            },
            type: { type: "string", required: true, description: "The record type (TXT)." },
            value: { type: "string", required: true, description: "The record value." },
        },
    },
    "sslmanager:ispmanager:FileValidation": {
        description: "A validation file to serve on the domain.",
        properties: {
            name: { type: "string", required: true, description: "The file name." },
            content: { type: "string", required: true, description: "The file content." },
        },
    },
    "sslmanager:ispmanager:CnameValidation": {
        description: "A CNAME record the CA checks.",
        properties: {
            name: { type: "string", required: true, description: "The record name." },
            value: { type: "string", required: true, description: "The record target." },
        },
    },
};
