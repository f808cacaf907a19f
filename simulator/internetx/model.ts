import { randomBytes } from "node:crypto";
import { generateKeyAndCsr, parseCsr } from "../../provider/x509";
import { randomSerialNumber, TestCertificateAuthority } from "../ca";
import { servesValidationFile } from "../webValidation";
import { ContactBook } from "./contacts";
import { invalid, notFound, permissionDenied, SimulatorApiError } from "./errors";
import { products, softwareValues } from "./products";
import { search, SearchResult } from "./query";
import {
    dnsValidationRecordName,
    parseZoneRecordLine,
    sameToken,
    validationToken,
    ValidationPurpose,
    zoneRecordLine,
} from "./validationToken";

import type { Json } from "./jsonValue";

export interface SimulatorSettings {
    issuanceDelayMs: number;
    /** DNS validation without provisioning, and FILE validation the CA fetches, fail when not done within this time. */
    dnsValidationDeadlineMs: number;
    latencyMs: number;
    /**
     * Where the CA fetches FILE validation from (the authentication's `fileName` URL, its path on this origin with the
     * name as Host header): a loopback web server standing in for the domain. Unset: FILE orders are validated at once.
     */
    fileValidationOrigin?: string;
    /** How long a cancellation (CertificateDelete) or revocation job runs before the certificate is gone or revoked. */
    cancellationDelayMs: number;
    /** "Certificate Renew": renewal is refused (EF4001012) while the certificate expires later than this many days ahead. */
    renewalWindowDays: number;
    /**
     * An account whose ACLs do not cover the certificate's `comment` (swagger Certificate.comment "Requires appropriate
     * ACLs"): a comment sent with an order is not kept, and Certificate Comment Update is refused.
     */
    dropsComment: boolean;
    /**
     * The comment sent with an order (CertificateCreate, Reissue, Renew) is not kept, while Certificate Comment Update
     * works: the swagger's own words for Certificate.comment ("Can only be updated via PUT /certificate/{id}/_comment")
     * read as "not set at create". Default false.
     */
    ignoresCommentAtCreate: boolean;
    /**
     * List searches ignore conditions on keys this account may not search on (`comment`: swagger Certificate.comment
     * "Requires appropriate ACLs"; see `searchableKeys`) and answer the rows unfiltered on them, instead of refusing.
     */
    ignoreUnknownFilterKeys: boolean;
    /**
     * Certificate List rows carry the additional keys (`comment`) whether the request asked for them or not. Default
     * false: only when asked (`?keys[]=comment`, XML `<key>comment</key>`), as InterNetX's SDKs ask for them.
     */
    listKeysWithoutAsking: boolean;
    /**
     * Certificate List rows never carry the additional keys, even when asked: an account that keeps the comment
     * (CertificateInfo shows it) but whose list does not answer `keys[]=comment`. Default false.
     */
    listKeysIgnored: boolean;
    /**
     * A request for an object that does not exist is refused like invalid content (JSON HTTP 400 with the error
     * envelope) instead of HTTP 404: the reading the published pages do not rule out ("JSON API Basics" names 404, the
     * swagger documents only 200 answers, and no real not-found answer is recorded). The XML gateway answers HTTP 200
     * either way. Default false.
     */
    refusesMissingObjects: boolean;
}

/**
 * The keys a search may filter on when `ignoreUnknownFilterKeys` is on: the swagger's key lists of Certificate List
 * and Job List ("The following keys can be used for filtering…") without `comment`.
 */
export const searchableKeys = {
    certificate: new Set([
        "product",
        "technical",
        "orderId",
        "created",
        "admin",
        "type",
        "expire",
        "domain",
        "name",
        "id",
        "updated",
        "authentication",
    ]),
    job: new Set([
        "parent",
        "execution",
        "subStatus",
        "type",
        "created",
        "id",
        "updated",
        "status",
        "object",
        "action",
    ]),
};

export interface JobRecord {
    id: number;
    certificateId: number;
    name: string;
    action: "create" | "reissue" | "renew" | "delete" | "revoke";
    subType: string;
    status: "RUNNING" | "SUCCESS" | "FAILED" | "CANCELED";
    created: Date;
    updated: Date;
    readyAt: number;
    outcome: "success" | "fail" | "never";
    reason?: string;
    /** DNS validation without provisioning: the TXT record of every name of the order, each published before issuing. */
    dnsChecks?: { domain: string; name: string; value: string }[];
    /** FILE validation: the URL the CA fetches (when `fileValidationOrigin` is set) and the content it expects. */
    fileCheck?: { url: string; content: string };
    fileValidated?: boolean;
    /** Set while the CA signs: the job stays RUNNING until the certificate carries its leaf ("Certificate Job Info": SUCCESS means issued). */
    issuing?: boolean;
    order: Json;
}

interface OutcomeRule {
    name?: string;
    outcome: "fail" | "never";
    reason?: string;
    remaining: number;
}

/** The simulated account: contacts, certificates, jobs and the notification queue (one model for JSON and XML). */
export class SimulatorModel {
    readonly contacts: ContactBook;
    readonly certificates = new Map<number, Json>();
    readonly jobs = new Map<number, JobRecord>();
    readonly pollQueue: Json[] = [];
    readonly dnsRecords = new Set<string>();
    readonly outcomeRules: OutcomeRule[] = [];
    counters = { orders: 0, reissues: 0, renewals: 0, outcomesApplied: 0 };
    private nextCertificateId = 1000;
    private nextJobId = 500000;
    private nextMessageId = 1400000;
    private nextStid = 1;
    private readonly tokenSalt = randomBytes(8).toString("hex");

    constructor(
        readonly ca: TestCertificateAuthority,
        readonly settings: SimulatorSettings,
        readonly user: string,
        readonly context: string,
        private readonly now: () => Date,
    ) {
        this.contacts = new ContactBook(() => this.owner(), now);
    }

    stid(): string {
        const day = this.now().toISOString().slice(0, 10).replace(/-/g, "");
        return `${day}-sim-${this.nextStid++}`;
    }

    private owner(): Json {
        return { user: this.user, context: Number(this.context) };
    }

    // ---- SslContact (400201 ff.): contacts.ts ----------------------------------------------------------------

    contact(taskCode: string, id: string | number): Json {
        return this.contacts.get(taskCode, id);
    }

    // ---- CertificatePrepareOrder (400110) ----------------------------------------------------------------------

    async checkCsr(taskCode: string, field: string, pem: unknown) {
        if (typeof pem !== "string") throw invalid(taskCode, field, "is required");
        let csr;
        try {
            csr = await parseCsr(pem);
        } catch (error) {
            throw invalid(taskCode, field, `the CSR could not be read (${(error as Error).message})`);
        }
        if (!csr.signatureValid) throw invalid(taskCode, field, "the CSR signature does not verify");
        if (csr.keyAlgorithm === "RSA" && csr.keySize < 2048)
            throw invalid(taskCode, field, `the key has ${csr.keySize} bits; at least 2048 are required`);
        if (!csr.commonName) throw invalid(taskCode, field, "the CSR has no common name");
        return csr;
    }

    /** The validation token for a CSR key and name (validationToken.ts): the same on every prepare, checked by create. */
    validationToken(publicKeySha256: string, name: string, purpose: ValidationPurpose): string {
        return validationToken(this.tokenSalt, publicKeySha256, name, purpose);
    }

    async prepareOrder(input: Json): Promise<Json> {
        const csr = await this.checkCsr("400110", "plain", input.plain);
        const product = products[input.product];
        if (!product) throw invalid("400110", "product", `unknown product ${input.product}`);
        const name = csr.commonName!;
        const baseDomain = name.replace(/^\*\./, "").split(".").slice(-2).join(".");
        const names = [...new Set([name, ...csr.dnsNames].map((entry) => entry.toLowerCase()))];
        return {
            plain: input.plain,
            name,
            keySize: csr.keySize,
            countryCode: csr.subject.country,
            state: csr.subject.state,
            city: csr.subject.locality,
            organization: csr.subject.organization,
            organizationUnit: csr.subject.organizationalUnit,
            email: csr.subject.emailAddress,
            product: input.product,
            authentication: [
                {
                    method: "EMAIL",
                    approverEmails: ["admin", "administrator", "hostmaster", "webmaster", "postmaster"].map(
                        (box) => `${box}@${baseDomain}`,
                    ),
                },
                // One DNS and one FILE entry per name, each with its `name` and its own token, the record at
                // `_dnsauth.<name>.` (InterNetX/php-domainrobot-sdk test/mock-data/Certificate/PrepareOrderResponse.json).
                ...names.flatMap((domain) => [
                    {
                        name: domain,
                        method: "DNS",
                        dns: zoneRecordLine(domain, this.validationToken(csr.publicKeySha256, domain, "DNS")),
                        provisioning: true,
                    },
                    {
                        name: domain,
                        method: "FILE",
                        fileName: `http://${domain}/.well-known/pki-validation/fileauth.txt`,
                        fileContent: this.validationToken(csr.publicKeySha256, domain, "FILE"),
                    },
                ]),
            ],
            algorithm: csr.keyAlgorithm === "RSA" ? "RSA" : "ECC",
            signatureHashAlgorithm: "SHA256",
        };
    }

    // ---- CertificateCreate / Reissue / Renew (400101, 400102, 400120) -----------------------------------------

    private async validateOrder(
        taskCode: string,
        order: Json,
    ): Promise<{
        product: { type: "FQDN" | "MAIL" };
        csrPem?: string;
        dnsNames: string[];
        publicKeySha256?: string;
        keyMadeByCa?: boolean;
    }> {
        const product = products[order.product];
        if (!product) throw invalid(taskCode, "product", `unknown product ${order.product}`);
        const type = order.certificateType ?? "FQDN";
        if (type !== product.type)
            throw invalid(taskCode, "certificateType", `${order.product} is a ${product.type} product`);
        const period = Number(order.lifetime?.period);
        if (!product.lifetimes.includes(period))
            throw invalid(taskCode, "lifetime", `${period} months is not offered for ${order.product}`);
        if (!order.adminContact?.id) throw invalid(taskCode, "adminContact", "is required");
        this.contact(taskCode, order.adminContact.id);
        if (typeof order.name !== "string" || order.name === "") throw invalid(taskCode, "name", "is required");
        if (type === "MAIL") {
            for (const field of ["password", "firstname", "lastname"]) {
                if (typeof order[field] !== "string" || order[field] === "")
                    throw invalid(taskCode, field, "is required for S/MIME certificates");
            }
            if (!/^[^@\s]+@[^@\s]+$/.test(order.name))
                throw invalid(taskCode, "name", "must be the email address of the S/MIME certificate");
            // Without a CSR the CA makes the key when it issues (issue()), not while the order is accepted.
            if (order.hasCsr === false || !order.csr) return { product, dnsNames: [], keyMadeByCa: true };
            const csr = await this.checkCsr(taskCode, "csr", order.csr);
            return { product, csrPem: order.csr, dnsNames: [], publicKeySha256: csr.publicKeySha256 };
        }
        if (!order.technicalContact?.id) throw invalid(taskCode, "technicalContact", "is required");
        this.contact(taskCode, order.technicalContact.id);
        if (order.software !== undefined && !softwareValues.has(order.software))
            throw invalid(taskCode, "software", `unknown software ${order.software}`);
        const csr = await this.checkCsr(taskCode, "csr", order.csr);
        const csrNames = [...new Set([csr.commonName!, ...csr.dnsNames].map((name) => name.toLowerCase()))];
        if (!csrNames.includes(order.name.toLowerCase()))
            throw invalid(taskCode, "name", `${order.name} is not in the CSR (${csrNames.join(", ")})`);
        const method = order.authentication?.method;
        if (order.authentication === undefined && product.authenticationOptional) {
            // Nothing to validate: the job issues after issuanceDelayMs, as an EMAIL order does.
        } else if (!["DNS", "EMAIL", "FILE"].includes(method))
            throw invalid(taskCode, "authentication.method", "must be DNS, EMAIL or FILE");
        if (method === "DNS" && typeof order.authentication.dns !== "string")
            throw invalid(taskCode, "authentication.dns", "is required for DNS validation");
        const requested = (order.subjectAlternativeNames ?? []).map((entry: Json) => String(entry.name).toLowerCase());
        const dnsNames = [
            ...new Set([order.name.toLowerCase(), ...csr.dnsNames.map((name) => name.toLowerCase()), ...requested]),
        ];
        if (taskCode === "400101")
            for (const entry of authenticationEntries(order.authentication))
                this.checkToken(taskCode, entry, csr.publicKeySha256, dnsNames);
        return { product, csrPem: order.csr, dnsNames, publicKeySha256: csr.publicKeySha256 };
    }

    /**
     * DNS and FILE validation of a CertificateCreate carry the token CertificatePrepareOrder gave for this CSR key and
     * name (InterNetX help "Ordering SSL Certificates"); an order with another token could never be validated by the CA, so it is refused at once.
     * Reissue and renewal are not checked: the documents show them with the record of the original order (InterNetX help "Reissue Certificate").
     */
    private checkToken(taskCode: string, authentication: Json, publicKeySha256: string, names: string[]): void {
        const purpose: ValidationPurpose | undefined =
            authentication.method === "DNS" || authentication.method === "FILE" ? authentication.method : undefined;
        const field =
            purpose === "DNS" ? "authentication.dns" : purpose === "FILE" ? "authentication.fileContent" : undefined;
        if (!field) return;
        const given =
            authentication.method === "DNS"
                ? parseZoneRecordLine(String(authentication.dns))?.value
                : authentication.fileContent === undefined
                  ? undefined
                  : String(authentication.fileContent);
        if (given === undefined) {
            if (authentication.method === "DNS") throw invalid(taskCode, field, "is not a TXT zone record line");
            return; // FILE without content: the CA looks up what it handed out
        }
        if (!names.some((name) => sameToken(given, this.validationToken(publicKeySha256, name, purpose!)))) {
            throw invalid(
                taskCode,
                field,
                "the token is not the one CertificatePrepareOrder issued for this CSR and name",
            );
        }
    }

    async placeOrder(
        taskCode: string,
        order: Json,
        action: "create" | "reissue" | "renew",
        existingId?: string,
    ): Promise<JobRecord> {
        const existing = existingId === undefined ? undefined : this.certificate(taskCode, existingId);
        if (action === "renew" && existing) this.checkRenewalWindow(taskCode, existing);
        const merged =
            action === "renew" && existing ? { ...existing, ...order, csr: order.csr ?? existing.csr } : order;
        const checked = await this.validateOrder(taskCode, merged);
        const time = this.now();
        let certificate = existing;
        if (!certificate) {
            const id = this.nextCertificateId++;
            certificate = {
                // Every certificate in InterNetX's examples ("Ordering SSL Certificates", "Reissue Certificate": Certificate
                // Info, the poll message's `object.data`, list rows) carries `created` at 00:00:00 of its day.
                created: startOfDay(time),
                id,
                orderId: `SIM-${String(id).padStart(6, "0")}`,
                // Assigned by the system, as the "Certificate Job Info" example's `IX-CC-…`.
                partnerOrderId: `IX-CC-${this.nextJobId}`,
                certificationAuthority: [],
                histories: [],
                status: "PENDING",
            };
            this.certificates.set(id, certificate);
            this.counters.orders++;
        } else if (action === "reissue") {
            this.counters.reissues++;
        } else {
            this.counters.renewals++;
        }
        Object.assign(certificate, {
            updated: time,
            owner: this.owner(),
            name: merged.name,
            product: merged.product,
            lifetime: { unit: "MONTH", period: Number(merged.lifetime.period) },
            software: merged.software ?? "NOT_SET",
            csr: checked.csrPem,
            adminContact: { ...this.contact(taskCode, merged.adminContact.id) },
            technicalContact: merged.technicalContact?.id
                ? { ...this.contact(taskCode, merged.technicalContact.id) }
                : undefined,
            authentication: merged.authentication,
            subjectAlternativeNames: checked.dnsNames.map((name) => ({ name })),
            certificateType: checked.product.type,
            approverEmail: merged.approverEmail ?? (checked.product.type === "MAIL" ? merged.name : undefined),
            password: merged.password,
            firstname: merged.firstname,
            lastname: merged.lastname,
            organizationUnitName: merged.organizationUnitName,
            hasCsr: checked.product.type === "MAIL" ? !checked.keyMadeByCa : undefined,
            // "A custom field" (swagger Certificate.comment): kept as sent; a reissue or renewal without one keeps the old one.
            // An account without the ACLs for it (`dropsComment`) keeps none; `ignoresCommentAtCreate` keeps none sent
            // with an order (only Certificate Comment Update sets it), and a reissue or renewal keeps the one set.
            comment: this.settings.dropsComment
                ? undefined
                : this.settings.ignoresCommentAtCreate
                  ? certificate.comment
                  : typeof merged.comment === "string"
                    ? merged.comment
                    : certificate.comment,
            pendingDnsNames: checked.dnsNames,
        });
        const rule = this.outcomeRules.find(
            (candidate) => candidate.remaining > 0 && (!candidate.name || candidate.name === merged.name),
        );
        if (rule) {
            rule.remaining--;
            this.counters.outcomesApplied++;
        }
        const job: JobRecord = {
            id: this.nextJobId++,
            certificateId: certificate.id,
            name: merged.name,
            action,
            subType: merged.product,
            status: "RUNNING",
            created: time,
            updated: time,
            readyAt: time.getTime() + this.settings.issuanceDelayMs,
            outcome: rule?.outcome ?? "success",
            reason: rule?.reason,
            order: merged,
        };
        const authentication = merged.authentication;
        if (
            checked.product.type === "FQDN" &&
            authentication?.method === "DNS" &&
            !isTrue(authentication.provisioning)
        ) {
            // The CA checks every name of the order at `_dnsauth.<name>.` with the token it handed out for that name
            // (InterNetX/php-domainrobot-sdk test/mock-data/Certificate/PrepareOrderResponse.json: one entry per name).
            // Reissue and renewal carry the record of the original order (InterNetX help "Reissue Certificate").
            const publicKeySha256 = checked.publicKeySha256!;
            job.dnsChecks =
                action === "create"
                    ? checked.dnsNames.map((domain) => ({
                          domain,
                          name: dnsValidationRecordName(domain),
                          value: this.validationToken(publicKeySha256, domain, "DNS"),
                      }))
                    : authenticationEntries(authentication)
                          .map((entry) => ({
                              domain: String(entry.name ?? merged.name).toLowerCase(),
                              ...parseZoneRecordLine(String(entry.dns)),
                          }))
                          .filter(
                              (check): check is { domain: string; name: string; value: string } =>
                                  typeof check.name === "string",
                          );
        }
        if (checked.product.type === "FQDN" && authentication?.method === "FILE" && action === "create") {
            // The file CertificatePrepareOrder handed out for the order's name (InterNetX help "Ordering SSL Certificates" `fileName` / `fileContent`).
            // Reissue and renewal are not fetched, as their tokens are not checked (see checkToken).
            job.fileCheck = {
                url:
                    typeof authentication.fileName === "string"
                        ? authentication.fileName
                        : `http://${merged.name}/.well-known/pki-validation/fileauth.txt`,
                content: this.validationToken(checked.publicKeySha256!, merged.name, "FILE"),
            };
        }
        this.jobs.set(job.id, job);
        return job;
    }

    /**
     * "Certificate Comment Update" (4001024, `PUT /certificate/{id}/_comment`): the one way to change the comment
     * (swagger Certificate.comment "Can only be updated via PUT /certificate/{id}/_comment. Requires appropriate ACLs").
     * Without those ACLs (`dropsComment`) it is refused as a permission error (the error's words are inferred).
     */
    updateComment(id: string, comment: unknown): void {
        const certificate = this.certificate("4001024", id);
        if (this.settings.dropsComment) throw permissionDenied("4001024");
        certificate.comment = typeof comment === "string" && comment !== "" ? comment : undefined;
        certificate.updated = this.now();
    }

    certificate(taskCode: string, id: string | number): Json {
        const certificate = this.certificates.get(Number(id));
        if (!certificate) throw notFound(taskCode, "Certificate", String(id));
        return certificate;
    }

    /** "Certificate Renew": possible from `renewalWindowDays` (90) days before expiry; earlier it is EF4001012. */
    private checkRenewalWindow(taskCode: string, certificate: Json): void {
        if (!(certificate.expire instanceof Date)) return;
        const opensAt = certificate.expire.getTime() - this.settings.renewalWindowDays * 24 * 60 * 60 * 1000;
        if (this.now().getTime() < opensAt) {
            throw new SimulatorApiError(400, `E${taskCode}`, "Certificate could not be renewed.", [
                {
                    text: `The certificate can be renewed from ${new Date(opensAt).toISOString().slice(0, 10)} (90 days before it expires).`,
                    code: "EF4001012",
                },
            ]);
        }
    }

    /**
     * CertificateDelete and revocation are asynchronous ("CertificateDelete": N400103 with a job): the job runs for
     * `cancellationDelayMs`, then the certificate is gone (delete) or revoked. A running order of it is cancelled.
     */
    startCancellation(taskCode: string, id: string, action: "delete" | "revoke"): JobRecord {
        const certificate = this.certificate(taskCode, id);
        const time = this.now();
        const job: JobRecord = {
            id: this.nextJobId++,
            certificateId: certificate.id,
            name: certificate.name,
            action,
            subType: certificate.product,
            status: "RUNNING",
            created: time,
            updated: time,
            readyAt: time.getTime() + this.settings.cancellationDelayMs,
            outcome: "success",
            order: {},
        };
        this.jobs.set(job.id, job);
        return job;
    }

    /** Certificate Job Info knows running jobs only; a finished one answers EF300101 (its history stays). */
    job(id: string): JobRecord {
        const job = this.jobs.get(Number(id));
        if (!job || job.status !== "RUNNING")
            throw new SimulatorApiError(404, "E300114", "Job could not be found.", [
                { text: `Job ${id} is not running (finished jobs are in the job history).`, code: "EF300101" },
            ]);
        return job;
    }

    /** Any job, running or finished (admin and the history). */
    anyJob(id: string): JobRecord {
        const job = this.jobs.get(Number(id));
        if (!job) throw notFound("300134", "Job", id);
        return job;
    }

    // ---- time passes -------------------------------------------------------------------------------------------

    /** Finishes every job whose time has come (issuing real certificates), and queues its notification. */
    async advance(): Promise<void> {
        const now = this.now().getTime();
        for (const job of this.jobs.values()) {
            if (job.status !== "RUNNING" || job.issuing || now < job.readyAt || job.outcome === "never") continue;
            if (job.action === "delete" || job.action === "revoke") {
                this.finishCancellation(job);
                continue;
            }
            if (job.outcome === "fail") {
                this.finish(job, "FAILED", job.reason ?? "The certificate authority refused the order.");
                continue;
            }
            const missing = this.unpublishedRecords(job);
            if (missing.length > 0) {
                if (now >= job.created.getTime() + this.settings.dnsValidationDeadlineMs) {
                    this.finish(
                        job,
                        "FAILED",
                        `DNS validation failed: TXT record for ${missing.map((check) => check.name).join(", ")} not found`,
                    );
                }
                continue;
            }
            const origin = this.settings.fileValidationOrigin;
            if (job.fileCheck && origin && !job.fileValidated) {
                const served = await servesValidationFile(origin, job.fileCheck.url, job.fileCheck.content);
                if (job.status !== "RUNNING") continue; // settled meanwhile by a concurrent advance()
                if (!served) {
                    if (now >= job.created.getTime() + this.settings.dnsValidationDeadlineMs) {
                        this.finish(job, "FAILED", `File validation failed: ${job.fileCheck.url} not served`);
                    }
                    continue;
                }
                job.fileValidated = true;
            }
            const certificate = this.certificates.get(job.certificateId);
            if (!certificate) continue;
            // Claimed before the await so a concurrent advance() does not issue twice, but still RUNNING to readers:
            // a job reported SUCCESS while its certificate has no leaf yet would send clients to read nothing.
            job.issuing = true;
            try {
                await this.issue(certificate);
            } finally {
                job.issuing = false;
            }
            if (job.status !== "RUNNING") continue; // cancelled meanwhile
            this.finish(job, "SUCCESS");
        }
    }

    private async issue(certificate: Json): Promise<void> {
        const notBefore = new Date(Math.floor(this.now().getTime() / 1000) * 1000);
        const notAfter = new Date(notBefore);
        notAfter.setUTCMonth(notAfter.getUTCMonth() + certificate.lifetime.period);
        const serialNumber = randomSerialNumber();
        const smime = certificate.certificateType === "MAIL";
        // An S/MIME order without a CSR: the CA makes a key of its own for every issuance, the holder downloads it.
        if (smime && certificate.hasCsr === false)
            certificate.csr = (
                await generateKeyAndCsr({
                    key: { algorithm: "RSA", rsaBits: 2048 },
                    commonName: certificate.name,
                    emailAddresses: [certificate.name],
                })
            ).csrPem;
        const server = await this.ca.issue({
            csrPem: certificate.csr,
            commonName: certificate.name,
            dnsNames: smime ? [] : certificate.pendingDnsNames,
            emailAddresses: smime ? [certificate.name] : undefined,
            notBefore,
            notAfter,
            serialNumber,
            profile: smime ? "smime" : "server",
        });
        if (certificate.serialNumber)
            certificate.histories.push({ serialNumber: certificate.serialNumber, expire: certificate.expire });
        Object.assign(certificate, {
            server,
            serialNumber,
            expire: notAfter,
            updated: this.now(),
            status: "ACTIVE",
            certificationAuthority: [
                {
                    created: this.now(),
                    updated: this.now(),
                    caType: "INTERMEDIATE",
                    caCertificate: this.ca.intermediatePem,
                },
                { created: this.now(), updated: this.now(), caType: "ROOT", caCertificate: this.ca.rootPem },
            ],
        });
    }

    private finishCancellation(job: JobRecord): void {
        const certificate = this.certificates.get(job.certificateId);
        if (job.action === "delete") {
            this.certificates.delete(job.certificateId);
            for (const order of this.jobs.values()) {
                if (order.certificateId === job.certificateId && order.status === "RUNNING" && order !== job) {
                    order.status = "CANCELED";
                    order.updated = this.now();
                    order.reason = "The order was cancelled.";
                }
            }
        } else if (certificate) {
            certificate.status = "REVOKED";
            certificate.updated = this.now();
        }
        job.status = "SUCCESS";
        job.updated = this.now();
    }

    private finish(job: JobRecord, status: "SUCCESS" | "FAILED", reason?: string): void {
        job.status = status;
        job.updated = this.now();
        if (reason) job.reason = reason;
        if (status === "FAILED") {
            const certificate = this.certificates.get(job.certificateId);
            if (certificate && !certificate.server) certificate.status = "FAILED";
        }
        this.pollQueue.push({
            id: this.nextMessageId++,
            owner: this.owner(),
            job: this.jobView(job),
            stid: this.stid(),
            object: { type: "Certificate", value: job.name, data: snapshot(this.certificates.get(job.certificateId)) },
            messages: status === "FAILED" ? [{ text: job.reason, code: "EF400101", type: "ERROR" }] : undefined,
            created: this.now(),
        });
    }

    /** The TXT records of a DNS-validated order not yet published (a name with or without its trailing dot). */
    private unpublishedRecords(job: JobRecord): { domain: string; name: string; value: string }[] {
        const published = (name: string, value: string) => this.dnsRecords.has(`${name}|TXT|${value}`);
        return (job.dnsChecks ?? []).filter((check) => {
            const name = check.name.toLowerCase();
            return (
                !published(name, check.value) &&
                !published(name.endsWith(".") ? name.slice(0, -1) : `${name}.`, check.value)
            );
        });
    }

    /** A record published in the simulated DNS (admin `POST /__simulator/dns`); names compare case-insensitively. */
    publishDns(name: string, type: string, value: string): void {
        this.dnsRecords.add(`${name.toLowerCase()}|${type.toUpperCase()}|${value}`);
    }

    /** Removes a published record (admin `DELETE /__simulator/dns`); removing one that is not there is no error. */
    unpublishDns(name: string, type: string, value: string): void {
        this.dnsRecords.delete(`${name.toLowerCase()}|${type.toUpperCase()}|${value}`);
    }

    publishedDns(): { name: string; type: string; value: string }[] {
        return [...this.dnsRecords].map((record) => {
            const [name, type, ...value] = record.split("|");
            return { name, type, value: value.join("|") };
        });
    }

    failJob(id: string, reason: string): void {
        const job = this.anyJob(id);
        if (job.status === "RUNNING") this.finish(job, "FAILED", reason);
    }

    /** swagger "Job Cancel (300121)": a running order stops as a CertificateDelete stops it (CANCELED, no notification). */
    cancelJob(id: string): JobRecord {
        const job = this.job(id);
        if (job.action === "create" || job.action === "reissue" || job.action === "renew") {
            job.status = "CANCELED";
            job.updated = this.now();
            job.reason = "The order was cancelled.";
        }
        return job;
    }

    /** swagger Job, as PollMessage carries it. */
    jobView(job: JobRecord): Json {
        return {
            created: job.created,
            updated: job.updated,
            owner: this.owner(),
            status: job.status,
            subStatus: job.status === "RUNNING" ? this.subStatus(job) : undefined,
            id: job.id,
            subType: job.subType,
            action: job.action,
        };
    }

    /** The validation step a running order waits for (the "Certificate Job Info" example: DEFERRED / WF_DNS_AUTH). */
    private subStatus(job: JobRecord): string | undefined {
        if (job.action === "delete" || job.action === "revoke") return undefined;
        const method = job.order?.authentication?.method;
        return method === "DNS"
            ? "WF_DNS_AUTH"
            : method === "EMAIL"
              ? "WF_EMAIL_AUTH"
              : method === "FILE"
                ? "WF_FILE_AUTH"
                : undefined;
    }

    /**
     * swagger ObjectJob. Job Info shows the certificate in `object.data` ("Certificate Job Info" example: id,
     * partnerOrderId, contacts …); list rows name it only ("Managing Certificate Orders": `object: {type, value}`).
     * Finished jobs in the history keep their messages ("Job Object": messages) and the certificate id.
     */
    objectJob(job: JobRecord, detail: "info" | "list" | "history"): Json {
        const certificate = this.certificates.get(job.certificateId);
        const view: Json = { job: this.jobView(job), object: { type: "Certificate", value: job.name } };
        if (detail === "info" && certificate) {
            view.object.data = certificateView(certificate);
            view.authentication = [
                {
                    status: "WAIT",
                    step: job.status === "RUNNING" ? "DOMAIN_VERIFICATION" : "ISSUED",
                    updated: job.updated,
                },
            ];
            // Per name (swagger DomainControllValidationStatus): a name whose record is published is COMPLETED.
            const missing = new Set(this.unpublishedRecords(job).map((check) => check.domain));
            const checked = new Set((job.dnsChecks ?? []).map((check) => check.domain));
            view.dcvAuth = (certificate.pendingDnsNames ?? []).map((domain: string) => ({
                domain,
                status: checked.has(domain) && !missing.has(domain) ? "COMPLETED" : "PENDING",
            }));
        }
        if (detail === "history") {
            view.object.data = { id: job.certificateId };
            if (job.reason && job.status !== "SUCCESS")
                view.job.messages = [{ text: job.reason, code: "EF400101", type: "ERROR" }];
        }
        return view;
    }

    /** Job rows (as JSON keys of "Certificate Job List": id, action, status, subStatus, created, object, type) for `_search`. */
    jobRows(running: boolean): { row: Json; job: JobRecord }[] {
        return [...this.jobs.values()]
            .filter((job) => (job.status === "RUNNING") === running)
            .map((job) => ({
                job,
                row: {
                    id: String(job.id),
                    action: job.action,
                    status: job.status,
                    subStatus: this.subStatus(job) ?? "",
                    created: job.created,
                    object: job.name,
                    type: "ssl",
                },
            }));
    }

    // ---- lists -------------------------------------------------------------------------------------------------

    /** `_search` over contacts or certificates (query.ts). */
    search(objects: Json[], query: Json | undefined, list?: keyof typeof searchableKeys): SearchResult {
        return search(objects, query, list && this.settings.ignoreUnknownFilterKeys ? searchableKeys[list] : undefined);
    }

    state(): Json {
        return {
            orders: this.counters.orders,
            reissues: this.counters.reissues,
            renewals: this.counters.renewals,
            outcomesApplied: this.counters.outcomesApplied,
            certificates: [...this.certificates.values()].map((certificate) => ({
                id: String(certificate.id),
                name: certificate.name,
                status: certificate.status,
                serialNumber: certificate.serialNumber,
            })),
            contacts: this.contacts.size,
            jobs: [...this.jobs.values()].map((job) => ({
                id: String(job.id),
                status: job.status,
                name: job.name,
                action: job.action,
            })),
            pollQueueLength: this.pollQueue.length,
        };
    }
}

export function isTrue(value: unknown): boolean {
    return value === true || value === "1" || value === "true" || value === 1;
}

/** The certificate as the API shows it (internal bookkeeping removed). */
export function certificateView(certificate: Json): Json {
    const { pendingDnsNames: _names, status: _status, ...view } = certificate;
    return view;
}

/** The keys a Certificate List row carries only when the request asks for them (swagger: "fetching additional data via query parameter") *(which ones: inferred)*. */
export const additionalListKeys = ["comment"] as const;

/**
 * A Certificate List row: "The returned lists contain fewer details than when inquiring single objects"
 * ("Running List Inquiries"); `csr` is not among the list keys, and `created` is the start of the day
 * ("Certificate Object"). Leaf, chain, contacts and validation data are only in CertificateInfo. `keys`: the
 * additional keys the row carries (those asked for, or all of them with `listKeysWithoutAsking`).
 */
export function certificateListRow(certificate: Json, keys: readonly string[] = additionalListKeys): Json {
    const created =
        certificate.created instanceof Date
            ? new Date(
                  Date.UTC(
                      certificate.created.getUTCFullYear(),
                      certificate.created.getUTCMonth(),
                      certificate.created.getUTCDate(),
                  ),
              )
            : certificate.created;
    return {
        created,
        updated: certificate.updated,
        id: certificate.id,
        orderId: certificate.orderId,
        partnerOrderId: certificate.partnerOrderId,
        name: certificate.name,
        product: certificate.product,
        lifetime: certificate.lifetime,
        software: certificate.software,
        certificateType: certificate.certificateType,
        serialNumber: certificate.serialNumber,
        expire: certificate.expire,
        ...(keys.includes("comment") ? { comment: certificate.comment } : {}),
    };
}

/** 00:00:00 UTC of a time's day (the simulator writes UTC). */
export function startOfDay(time: Date): Date {
    return new Date(Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate()));
}

function snapshot(certificate: Json | undefined): Json | undefined {
    return certificate ? certificateView({ ...certificate }) : undefined;
}

/**
 * The entries of an order's authentication: swagger CertAuthentication's `domains` ("The authentication data for every
 * domain") when given, else the authentication itself (one name).
 */
function authenticationEntries(authentication: Json): Json[] {
    if (!authentication) return [];
    const domains = Array.isArray(authentication.domains)
        ? authentication.domains
        : authentication.domains
          ? [authentication.domains]
          : [];
    return domains.length > 0
        ? domains.map((entry: Json) => ({ method: authentication.method, ...entry }))
        : [authentication];
}
