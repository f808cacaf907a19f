import { createHash } from "node:crypto";
import { parseCertificate } from "../../provider/x509";
import { randomSerialNumber, TestCertificateAuthority } from "../ca";
import { servesValidationFile } from "../webValidation";

/** Timings and behaviour, changeable at run time through `POST /__simulator/settings`. */
export interface IspmanagerSimulatorSettings {
    /** From validation to the certificate file. */
    issuanceDelayMs: number;
    /**
     * A validation the CA checks itself (DNS TXT, CNAME, and FILE when `fileValidationOrigin` is set) fails when it does
     * not succeed within this time of the order (or reissue).
     */
    dnsValidationDeadlineMs: number;
    /** The CA looks for the DNS records on every read; when false, only `certificate.dns_verify` makes it look. */
    automaticDnsCheck: boolean;
    /**
     * A billing system without the SSL reselling module: every `certificate…` function is unknown (`missed` naming
     * `func`, the answer BILLmanager gives any function it does not have).
     */
    withoutSslModule: boolean;
    /**
     * An account with two-factor authentication: the right `authinfo` is refused, since such an account cannot use the
     * API ("Reselling SSL certificates through BILLmanager"). The answer's words are inferred (docs/ispmanager.md).
     */
    twoFactorAccount: boolean;
    /**
     * Where the CA fetches FILE validation from: `<origin>/.well-known/pki-validation/<auth_file_name>` with each
     * domain as the Host header (a loopback web server standing in for the domains). Unset: FILE waits for the admin's
     * approve endpoint.
     */
    fileValidationOrigin?: string;
    latencyMs: number;
    /**
     * How `certificate.file type=crt` hands out an issued certificate, as ISPsystem's GlobalSign processing module
     * stores it: `zip` (a `.p7b` and one `.crt` per certificate) when the CA returned PKCS#7, `pem` (the leaf only)
     * when it returned the X.509 certificate alone.
     */
    certificateFileFormat: "zip" | "pem";
    /**
     * A BILLmanager that takes `remoteid` with certificate.order.param and keeps it nowhere visible: not in
     * certificate.edit, not in the list, not in `/__simulator/state`. The Reselling page does not list `remoteid` for
     * certificate.order.param (docs/ispmanager.md), so a client must survive an account that drops it.
     */
    dropsRemoteId: boolean;
    /**
     * certificate.edit shows no `csr`. That the form shows the order's CSR is inferred (docs/ispmanager.md); with this
     * and `dropsRemoteId` an account keeps nothing that proves whose an order is.
     */
    hidesCsr: boolean;
}

/** The certificate's own state (the GlobalSign module's service status 3 requested, 4 enrolled, 5 issued, 6 failed). */
export type Issuance = "requested" | "enrolled" | "issued" | "failed";

export type ApproverMethod = "auth_email" | "auth_dnstxt" | "auth_file" | "auth_cname";

export interface SimulatedCertificate {
    id: string;
    pricelist: string;
    periodMonths: number;
    domain: string;
    altNames: string[];
    crtType: "generate" | "manual";
    csrPem: string;
    keyPem?: string;
    approverMethod: ApproverMethod;
    approverEmails: string[];
    contacts: Record<string, string>;
    /**
     * BILLmanager service item status: 1 ordered, 2 active, 3 suspended, 4 deleted, 5 processing. The item is
     * processing until the order reached the CA, then active, whatever the certificate's issuance says.
     */
    status: "1" | "2" | "3" | "4" | "5";
    issuance: Issuance;
    /** `remoteid` of the order: the reseller's reference, shown again in the certificate's form. */
    remoteId?: string;
    /** The order's date (`createdate`, YYYY-MM-DD). */
    createdOn: string;
    /** The validation token (DNS TXT value, file content, CNAME target label). */
    token: string;
    /** When the current validation round started (order or reissue). */
    roundStartedAt: number;
    validatedAt?: number;
    dnsCheckRequested: boolean;
    certificatePem?: string;
    serialNumber?: string;
    notAfter?: string;
    reason?: string;
    reissues: number;
    serialHistory: string[];
    /** An outcome rule made the CA hold this issuance: it never finishes. */
    held?: boolean;
}

/**
 * What the CA does with the next certificates of `domain` once validated: refuse them with `reason` ("fail"), or never
 * decide ("never": the issuance stays enrolled, as an order the CA holds for manual review).
 */
export interface OutcomeRule {
    domain: string;
    outcome: "fail" | "never";
    reason?: string;
    remaining: number;
}

const monthMs = 30 * 24 * 60 * 60 * 1000;

export const dnsRecordTypes = ["TXT", "CNAME"] as const;
export type DnsRecordType = (typeof dnsRecordTypes)[number];

const dnsKey = (name: string, type: DnsRecordType) => `${name.toLowerCase().replace(/\.$/, "")}|${type}`;

/** An order the CA has not decided yet. */
export const isPending = (certificate: SimulatedCertificate) =>
    certificate.issuance === "requested" || certificate.issuance === "enrolled";

/** The validations the CA checks in DNS, and re-checks on certificate.dns_verify. */
export const isDnsValidation = (method: ApproverMethod) => method === "auth_dnstxt" || method === "auth_cname";

/** The account: certificates, published DNS records, counters. All state changes of the CA happen in `advance`. */
export class IspmanagerModel {
    readonly certificates = new Map<string, SimulatedCertificate>();
    /** Published DNS record values by `<name>|<TYPE>` (name in lower case, without the trailing dot). */
    private readonly dns = new Map<string, Set<string>>();
    readonly outcomeRules: OutcomeRule[] = [];
    readonly counters = {
        orders: 0,
        reissues: 0,
        deletes: 0,
        dnsVerifications: 0,
        approverEmailsSent: 0,
        keysGenerated: 0,
        outcomesApplied: 0,
    };
    private nextId = 3001;

    constructor(
        readonly ca: TestCertificateAuthority,
        readonly settings: IspmanagerSimulatorSettings,
        private readonly now: () => Date,
    ) {}

    newId(): string {
        return String(this.nextId++);
    }

    time(): number {
        return this.now().getTime();
    }

    add(
        certificate: Omit<
            SimulatedCertificate,
            | "id"
            | "status"
            | "issuance"
            | "createdOn"
            | "token"
            | "roundStartedAt"
            | "dnsCheckRequested"
            | "reissues"
            | "serialHistory"
        >,
    ): SimulatedCertificate {
        const id = this.newId();
        const token = createHash("sha256")
            .update(`${id}|${certificate.domain}|${certificate.csrPem}`)
            .digest("hex")
            .slice(0, 40);
        const created: SimulatedCertificate = {
            ...certificate,
            id,
            status: "5",
            issuance: "requested",
            createdOn: this.now().toISOString().slice(0, 10),
            token,
            roundStartedAt: this.time(),
            dnsCheckRequested: false,
            reissues: 0,
            serialHistory: [],
        };
        if (created.approverMethod === "auth_email") created.validatedAt = created.roundStartedAt;
        this.certificates.set(id, created);
        this.counters.orders++;
        return created;
    }

    /** A live (not deleted) certificate. */
    find(id: string | undefined): SimulatedCertificate | undefined {
        const certificate = id ? this.certificates.get(id) : undefined;
        return certificate && certificate.status !== "4" ? certificate : undefined;
    }

    domainsOf(certificate: SimulatedCertificate): string[] {
        return [certificate.domain, ...certificate.altNames];
    }

    publishDns(name: string, type: DnsRecordType, value: string): void {
        const key = dnsKey(name, type);
        if (!this.dns.has(key)) this.dns.set(key, new Set());
        // A name has one CNAME (RFC 1034 3.6.2): publishing another replaces it.
        if (type === "CNAME") this.dns.get(key)!.clear();
        this.dns.get(key)!.add(type === "CNAME" ? value.toLowerCase().replace(/\.$/, "") : value);
    }

    /** Removes the records of a name: of one type, or of every type. */
    removeDns(name: string, type?: DnsRecordType): void {
        for (const recordType of type ? [type] : dnsRecordTypes) this.dns.delete(dnsKey(name, recordType));
    }

    publishedDns(): { name: string; type: string; value: string }[] {
        return [...this.dns.entries()].flatMap(([key, values]) => {
            const [name, type] = key.split("|");
            return [...values].map((value) => ({
                name: `${name}.`,
                type,
                value: type === "CNAME" ? `${value}.` : value,
            }));
        });
    }

    /** The CNAME record a CNAME validation asks for (certificate.edit `auth_cname_name` / `auth_cname_value`). */
    cnameRecordOf(certificate: SimulatedCertificate): { name: string; value: string } {
        return {
            name: `_${certificate.token.slice(0, 32)}.${certificate.domain}`,
            value: `${certificate.token.slice(0, 32)}.${certificate.token.slice(32)}.dcv.simulator.test`,
        };
    }

    /** The file a FILE validation asks for (certificate.edit `auth_file_name` / `auth_file_value`). */
    validationFileOf(certificate: SimulatedCertificate): { name: string; content: string } {
        return {
            name: `${certificate.token.slice(0, 32).toUpperCase()}.txt`,
            content: `${certificate.token}\nsimulator.ispmanager.test\n${certificate.id}`,
        };
    }

    /**
     * The DNS records the certificate's validation still lacks, as "<TYPE> record for <name>.": a TXT record per domain
     * (value: the token) for DNS validation, the one CNAME record for CNAME validation.
     */
    missingDnsRecords(certificate: SimulatedCertificate): string[] {
        if (certificate.approverMethod === "auth_cname") {
            const cname = this.cnameRecordOf(certificate);
            return this.dns.get(dnsKey(cname.name, "CNAME"))?.has(cname.value.toLowerCase())
                ? []
                : [`CNAME record for ${cname.name}.`];
        }
        return this.domainsOf(certificate)
            .map((domain) => domain.replace(/^\*\./, ""))
            .filter((domain) => !this.dns.get(dnsKey(domain, "TXT"))?.has(certificate.token))
            .map((domain) => `TXT record for ${domain}.`);
    }

    /** The validation file URLs (one per domain) that the web server at `fileValidationOrigin` does not serve with the content. */
    async missingValidationFiles(certificate: SimulatedCertificate, origin: string): Promise<string[]> {
        const file = this.validationFileOf(certificate);
        const urls = this.domainsOf(certificate).map(
            (domain) => `http://${domain.replace(/^\*\./, "")}/.well-known/pki-validation/${file.name}`,
        );
        const served = await Promise.all(urls.map((url) => servesValidationFile(origin, url, file.content)));
        return urls.filter((_url, index) => !served[index]);
    }

    /** A new validation round for a reissue (certificate.reissue.step2). */
    startReissue(
        certificate: SimulatedCertificate,
        change: { csrPem?: string; altNames?: string[]; approverMethod: ApproverMethod; approverEmails: string[] },
    ): void {
        if (change.csrPem) certificate.csrPem = change.csrPem;
        if (change.altNames) certificate.altNames = change.altNames;
        certificate.approverMethod = change.approverMethod;
        certificate.approverEmails = change.approverEmails;
        // ISPsystem's GlobalSign module sets the state back to requested when it sends a reissue to the CA.
        certificate.issuance = "requested";
        certificate.reason = undefined;
        certificate.roundStartedAt = this.time();
        certificate.validatedAt = change.approverMethod === "auth_email" ? certificate.roundStartedAt : undefined;
        certificate.dnsCheckRequested = false;
        certificate.reissues++;
        this.counters.reissues++;
    }

    /** Approves a FILE or CNAME validation (admin endpoint), as the CA's check would. */
    approve(certificate: SimulatedCertificate): void {
        if (isPending(certificate) && certificate.validatedAt === undefined) certificate.validatedAt = this.time();
    }

    /** The CA cancelled the order: the issuance failed; the service item stays as it was. */
    refuse(certificate: SimulatedCertificate, reason: string): void {
        certificate.issuance = "failed";
        certificate.reason = reason;
    }

    /** Moves every processing certificate forward to `now`: DNS checks, deadlines, issuance. */
    async advance(): Promise<void> {
        const now = this.time();
        for (const certificate of this.certificates.values()) {
            if (!isPending(certificate) || certificate.status === "4") continue;
            // The processing module opened the service: the order is at the CA, which waits for validation.
            if (certificate.status === "5") certificate.status = "2";
            certificate.issuance = "enrolled";
            if (certificate.validatedAt === undefined && isDnsValidation(certificate.approverMethod)) {
                const missing = this.missingDnsRecords(certificate);
                if ((this.settings.automaticDnsCheck || certificate.dnsCheckRequested) && missing.length === 0) {
                    certificate.validatedAt = now;
                } else if (now - certificate.roundStartedAt >= this.settings.dnsValidationDeadlineMs) {
                    this.refuse(certificate, `DNS validation failed: ${missing.join(", ")} not found`);
                    continue;
                }
                certificate.dnsCheckRequested = false;
            }
            const origin = this.settings.fileValidationOrigin;
            if (certificate.validatedAt === undefined && certificate.approverMethod === "auth_file" && origin) {
                const missing = await this.missingValidationFiles(certificate, origin);
                if (!isPending(certificate) || certificate.validatedAt !== undefined) continue; // settled meanwhile by a concurrent advance
                if (missing.length === 0) {
                    certificate.validatedAt = now;
                } else if (now - certificate.roundStartedAt >= this.settings.dnsValidationDeadlineMs) {
                    this.refuse(certificate, `File validation failed: ${missing.join(", ")} not served`);
                    continue;
                }
            }
            if (
                certificate.held ||
                certificate.validatedAt === undefined ||
                now < certificate.validatedAt + this.settings.issuanceDelayMs
            )
                continue;
            const rule = this.outcomeRules.find(
                (candidate) =>
                    candidate.remaining > 0 && candidate.domain.toLowerCase() === certificate.domain.toLowerCase(),
            );
            if (rule) {
                rule.remaining--;
                this.counters.outcomesApplied++;
                if (rule.outcome === "never") certificate.held = true;
                else this.refuse(certificate, rule.reason ?? "refused by the simulator's admin");
                continue;
            }
            await this.issue(certificate, now);
        }
    }

    private async issue(certificate: SimulatedCertificate, now: number): Promise<void> {
        const serialNumber = randomSerialNumber();
        const pem = await this.ca.issue({
            csrPem: certificate.csrPem,
            commonName: certificate.domain,
            dnsNames: [...new Set(this.domainsOf(certificate).map((name) => name.toLowerCase()))],
            notBefore: new Date(now - 60_000),
            notAfter: new Date(now + certificate.periodMonths * monthMs),
            serialNumber,
            profile: "server",
        });
        if (certificate.serialNumber) certificate.serialHistory.push(certificate.serialNumber);
        certificate.certificatePem = pem;
        certificate.serialNumber = (await parseCertificate(pem)).serialNumber;
        certificate.notAfter = new Date(now + certificate.periodMonths * monthMs).toISOString();
        certificate.issuance = "issued";
    }

    state(): Record<string, unknown> {
        return {
            ...this.counters,
            certificates: [...this.certificates.values()].map((certificate) => ({
                id: certificate.id,
                domain: certificate.domain,
                altNames: certificate.altNames,
                status: certificate.status,
                issuance: certificate.issuance,
                remoteId: certificate.remoteId,
                approverMethod: certificate.approverMethod,
                serialNumber: certificate.serialNumber,
                reissues: certificate.reissues,
                reason: certificate.reason,
            })),
        };
    }
}
