import type { OrderRecovery, TaskRunner } from "../taskRunner";
import { Envelope } from "../envelope";
import { NotFoundError } from "../../errors";
import { OwnershipClaim, OwnershipEvidence, OwnershipProof, ownershipProof } from "../../resources/internetx/ownership";
import { withCsrReference } from "../../resources/internetx/csrReference";
import {
    CertAuthentication,
    Certificate,
    CertificateData,
    certificateDataSchema,
    certificateSchema,
    Query,
} from "../schemas";
import type { JobService } from "./job";
import { goneOrError, idQuery } from "./goneByList";
import { parseFirst, parseList } from "./parse";
import { asText } from "../../shared/text";

/** One name's validation data inside an order's authentication (swagger CertAuthentication, nested in `domains`). */
export interface DomainAuthentication {
    name: string;
    method: string;
    dns?: string;
    fileName?: string;
    fileContent?: string;
}

/** What an order (create, reissue, renew) needs; the API's Certificate model in our words (InterNetX's ordering, reissue and S/MIME help pages). */
export interface CertificateOrder {
    name: string;
    product: string;
    lifetimeMonths: number;
    software?: string;
    csr?: string;
    adminContactId: string;
    technicalContactId?: string;
    /**
     * How the CA validates; `domains` holds every name's entry (swagger CertAuthentication.domains, "The authentication
     * data for every domain"), as CertificatePrepareOrder answers one entry per name.
     */
    authentication?: Partial<CertAuthentication> & { method: string; domains?: DomainAuthentication[] };
    subjectAlternativeNames?: string[];
    /** `MAIL` for S/MIME (InterNetX's S/MIME ordering help page); default FQDN. */
    certificateType?: "FQDN" | "MAIL";
    approverEmail?: string;
    /** S/MIME download password (InterNetX's S/MIME ordering help page). */
    password?: string;
    firstname?: string;
    lastname?: string;
    organizationUnitName?: string;
    hasCsr?: boolean;
    /**
     * Our own reference for this order, sent as the certificate's `comment` ("A custom field", swagger Certificate;
     * "User defined field", "Certificate Object"). The API assigns `partnerOrderId` itself (`IX-CC-…` in the
     * "Certificate Job Info" example), so the comment is the field the client controls. `findOrder` finds the
     * order by it again after a lost answer or a killed process.
     */
    orderReference?: string;
}

/** A running order or its certificate, found again by its order reference and proven ours (ownership.ts). */
export interface FoundOrder {
    certificateId?: string;
    jobId?: string;
    status?: string;
    orderReference: string;
    /** How the object proved to be the order placed under the reference. */
    proof?: OwnershipProof["reason"];
}

/** The answer to an accepted order: the job doing it (N400101) or, when found after an ambiguous failure, the certificate. */
export interface OrderAccepted {
    jobId?: string;
    jobStatus?: string;
    certificateId?: string;
    /** True when the order was found by searching after an ambiguous failure rather than answered directly. */
    recovered: boolean;
}

/** Body of CertificateCreate/Reissue/Renew, in the element order of the XML examples of InterNetX help "Ordering SSL Certificates". */
export function certificateOrderBody(order: CertificateOrder): Record<string, unknown> {
    return {
        certificateType: order.certificateType,
        technicalContact: order.technicalContactId ? { id: apiId(order.technicalContactId) } : undefined,
        adminContact: { id: apiId(order.adminContactId) },
        name: order.name,
        product: order.product,
        authentication: order.authentication,
        lifetime: { unit: "MONTH", period: order.lifetimeMonths },
        software: order.software,
        csr: order.csr,
        subjectAlternativeNames: order.subjectAlternativeNames?.map((name) => ({ name })),
        approverEmail: order.approverEmail,
        password: order.password,
        firstname: order.firstname,
        lastname: order.lastname,
        organizationUnitName: order.organizationUnitName,
        hasCsr: order.hasCsr,
        comment: order.orderReference,
    };
}

/** InterNetX ids are integers in the JSON API (swagger); we carry them as strings. */
const apiId = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id);

const normalizePem = (pem: string | undefined) => (pem ?? "").replace(/\s+/g, "");

/** The Certificate object: CertificatePrepareOrder, Create, Reissue, Info, Delete, Renew, List (InterNetX's help pages "Ordering SSL Certificates" and "Reissue Certificate"). */
export class CertificateService {
    constructor(
        private readonly runner: TaskRunner,
        private readonly jobs: JobService,
    ) {}

    /** CertificatePrepareOrder (400110): checks the CSR and answers the validation data for each method. */
    async prepareOrder(request: { plain: string; product: string }): Promise<CertificateData> {
        const envelope = await this.runner.run({
            task: "CertificatePrepareOrder",
            body: { plain: request.plain, product: request.product },
        });
        return parseFirst(certificateDataSchema, envelope, "CertificatePrepareOrder");
    }

    /**
     * CertificateCreate (400101). A paid order: never repeated blindly. After an ambiguous failure the order is looked
     * for by its reference (see `findOrders`), and answered only when found with its proof read back.
     */
    async create(order: CertificateOrder): Promise<OrderAccepted> {
        // Without a reference nothing can prove which certificate of the account this order became: the ambiguous
        // failure is reported, never answered with a certificate that merely looks alike.
        const reference = order.orderReference;
        const recover: OrderRecovery | undefined =
            reference === undefined
                ? undefined
                : async () => {
                      const found = await this.findOrder({
                          orderReference: reference,
                          name: order.name,
                          csrPem: order.csr,
                      });
                      return found ? recoveredOrderEnvelope(found, order.name) : undefined;
                  };
        return orderAccepted(
            await this.runner.run({ task: "CertificateCreate", body: certificateOrderBody(order) }, recover, reference),
        );
    }

    /** CertificateReissue (400102, PUT /certificate/{id}): same data as create, new CSR (InterNetX help "Reissue Certificate"). */
    async reissue(id: string, order: CertificateOrder): Promise<OrderAccepted> {
        // Without a CSR (S/MIME with the key made by the CA) the certificate shows nothing new while the reissue runs:
        // a reissue job of this certificate that was not there before the attempt is what tells that it was accepted.
        const reissuesBefore = order.csr ? undefined : await this.jobs.reissueJobsOf(order.name, id);
        const recover: OrderRecovery = async () => {
            if (reissuesBefore) {
                const started = [...(await this.jobs.reissueJobsOf(order.name, id))].find(
                    (jobId) => !reissuesBefore.has(jobId),
                );
                return started
                    ? recoveredOrderEnvelope(
                          { certificateId: id, jobId: started, orderReference: order.orderReference ?? "" },
                          order.name,
                      )
                    : undefined;
            }
            // The reissue was accepted if the certificate already carries the new CSR.
            const current = await this.info(id);
            return order.csr && normalizePem(current.csr) === normalizePem(order.csr)
                ? recoveredEnvelope(current)
                : undefined;
        };
        return orderAccepted(
            await this.runner.run({ task: "CertificateReissue", id, body: certificateOrderBody(order) }, recover),
        );
    }

    /**
     * Certificate Renew (XML 400106, PUT /certificate/{id}/_renew). Refused until 90 days before expiry: that is
     * RenewalTooEarlyError (EF4001012), never a new order. An ambiguous failure is reported, not repeated.
     */
    async renew(id: string, order: CertificateOrder): Promise<OrderAccepted> {
        return orderAccepted(
            await this.runner.run({ task: "CertificateRenew", id, body: certificateOrderBody(order) }),
        );
    }

    /** Revocation (POST /certificate/{id}/_revoke, swagger certificateRevoke): answers a job, like delete. */
    async revoke(id: string): Promise<{ jobId?: string }> {
        return jobOf(await this.runner.run({ task: "CertificateRevoke", id }));
    }

    /**
     * Certificate Comment Update (4001024, PUT /certificate/{id}/_comment): the swagger's only way to change a
     * certificate's `comment` ("Can only be updated via PUT /certificate/{id}/_comment. Requires appropriate ACLs").
     * Answers nothing (JsonResponseDataVoid); an account without those ACLs refuses it.
     */
    async updateComment(id: string, comment: string): Promise<void> {
        await this.runner.run({ task: "CertificateCommentUpdate", id, body: { comment } });
    }

    /** CertificateInfo (400104). A plain refusal is "gone" only when Certificate List proves it (goneByList.ts). */
    async info(id: string): Promise<Certificate> {
        try {
            return parseFirst(
                certificateSchema,
                await this.runner.run({ task: "CertificateInfo", id }),
                "CertificateInfo",
            );
        } catch (error) {
            throw await this.goneOrError(error, id);
        }
    }

    private goneOrError(error: unknown, id: string): Promise<unknown> {
        const list = async () => {
            const { certificates, total } = await this.list(idQuery(id));
            return { total, ids: certificates.map((certificate) => certificate.id) };
        };
        return goneOrError(error, list, "CertificateList", id);
    }

    /**
     * CertificateDelete (400103, DELETE /certificate/{id}): starts the cancellation ("N400103 Certificate cancelation
     * could be started successfully", swagger JsonResponseDataJob) and answers its job; the certificate is gone when
     * the job has finished.
     */
    async delete(id: string): Promise<{ jobId?: string }> {
        try {
            return jobOf(await this.runner.run({ task: "CertificateDelete", id }));
        } catch (error) {
            throw await this.goneOrError(error, id);
        }
    }

    /** CertificateList (POST /certificate/_search); `keys`: additional keys each row should carry (swagger `keys`, e.g. `comment`). */
    async list(
        query: Query = {},
        options: { keys?: string[] } = {},
    ): Promise<{ certificates: Certificate[]; total: number }> {
        const envelope = await this.runner.run({
            task: "CertificateList",
            body: query as Record<string, unknown>,
            ...(options.keys ? { keys: options.keys } : {}),
        });
        const certificates = parseList(certificateSchema, envelope, "CertificateList");
        return { certificates, total: envelope.object?.summary ?? certificates.length };
    }

    /**
     * The order placed under one reference (see `findOrders`): how an order whose answer was lost, or whose process
     * died, is found again instead of being placed twice.
     */
    async findOrder(claim: OrderClaim): Promise<FoundOrder | undefined> {
        return (await this.findOrders([claim])).get(claim.orderReference);
    }

    /**
     * The orders placed under these references, in one lookup for all of them: a running one through Certificate Job
     * List (narrowed to the claims' names by the `object` key), else its certificate through Certificate List
     * (narrowed to the names and the references, with `keys[]=comment` so rows carry their comment). The filters only
     * narrow: every row is adopted only with its proof read back from the object itself (ownership.ts) — a job's
     * from Job Info's `object.data` (once per job, kept in `jobEvidence`), a certificate's from its row's comment, or
     * from CertificateInfo (comment, or the claim's own CSR) when the row carries none. A row without proof is never
     * answered. Of several proven certificates of one reference the newest (highest id) is answered.
     */
    async findOrders(
        claims: OrderClaim[],
        jobEvidence: Map<string, JobEvidence> = new Map(),
    ): Promise<Map<string, FoundOrder>> {
        const found = new Map<string, FoundOrder>();
        if (claims.length === 0) return found;
        const names = namesOf(claims);
        for (const row of await this.jobs.list({ object: names })) {
            // A running cancellation or revocation is not an order to adopt: its certificate is on its way out.
            if (row.action && !orderActions.has(row.action.toLowerCase())) continue;
            const candidates = claimsFor(claims, row.name).filter((claim) => !found.has(claim.orderReference));
            if (candidates.length === 0) continue;
            const evidence = await this.jobEvidence(row.jobId, jobEvidence);
            if (!evidence) continue;
            for (const claim of candidates) {
                const proof = ownershipProof(evidence, claim);
                if (proof.owned)
                    found.set(claim.orderReference, {
                        jobId: row.jobId,
                        certificateId: evidence.certificateId,
                        status: evidence.status ?? row.status,
                        orderReference: claim.orderReference,
                        proof: proof.reason,
                    });
            }
        }
        const open = claims.filter((claim) => !found.has(claim.orderReference));
        if (open.length === 0) return found;
        const proven = new Map<string, { id: string; reason: OwnershipProof["reason"] }>();
        for (const row of await this.listAll(certificateSearch(open))) {
            const candidates = claimsFor(open, row.name);
            if (candidates.length === 0) continue;
            // A row that carries a comment settles it; without one only CertificateInfo (comment, CSR) can prove it.
            const evidence = row.comment?.trim() ? row : await this.info(row.id).then(withCsrReference, unlessGone);
            if (!evidence) continue;
            for (const claim of candidates) {
                const proof = ownershipProof(evidence, claim);
                const best = proven.get(claim.orderReference);
                if (proof.owned && (!best || Number(row.id) > Number(best.id)))
                    proven.set(claim.orderReference, { id: row.id, reason: proof.reason });
            }
        }
        for (const [orderReference, { id, reason }] of proven)
            found.set(orderReference, { certificateId: id, orderReference, proof: reason });
        return found;
    }

    /** Every row of a Certificate List search, page by page ("Running List Inquiries": at most 100 per answer). */
    private async listAll(query: Query): Promise<Certificate[]> {
        const rows: Certificate[] = [];
        for (let offset = 0; ; offset += certificatesPerPage) {
            const { certificates, total } = await this.list(
                { ...query, view: { limit: certificatesPerPage, offset } },
                { keys: ["comment"] },
            );
            rows.push(...certificates);
            if (certificates.length < certificatesPerPage || offset + certificates.length >= total) return rows;
        }
    }

    /** What Job Info shows of a running job's certificate (its proof), read once per job; undefined once it has finished. */
    private async jobEvidence(jobId: string, known: Map<string, JobEvidence>): Promise<JobEvidence | undefined> {
        const cached = known.get(jobId);
        if (cached) return cached;
        const state = await this.jobs.info(jobId).catch(unlessGone);
        if (!state) return undefined;
        const data = state.object?.data as { id?: string; comment?: string; csr?: string } | undefined;
        const evidence = await withCsrReference({
            certificateId: data?.id,
            comment: data?.comment,
            csr: data?.csr,
            status: state.status,
        });
        known.set(jobId, evidence);
        return evidence;
    }
}

/** What a resource knows of its order, for finding it again: the reference, and the name and own CSR where known. */
export interface OrderClaim extends OwnershipClaim {
    /** The certificate's name (CN, or the address for S/MIME): narrows the searches. */
    name?: string;
}

/** A running job's certificate as Job Info showed it. */
export interface JobEvidence extends OwnershipEvidence {
    certificateId?: string;
    status?: string;
}

const certificatesPerPage = 100;
/** The job actions that place or replace a certificate (swagger Job.action; "Certificate Job List"). */
const orderActions = new Set(["create", "reissue", "renew"]);

/** The claims' names when every claim has one (else no name narrows the search). */
function namesOf(claims: OrderClaim[]): string[] | undefined {
    if (!claims.every((claim) => claim.name)) return undefined;
    const byLowerCase = new Map(claims.map((claim) => [claim.name!.toLowerCase(), claim.name!] as const));
    return [...byLowerCase.values()];
}

/** The claims a row of this name can belong to (names compare case-insensitively, as the API's EQUAL does). */
function claimsFor(claims: OrderClaim[], name: string | undefined): OrderClaim[] {
    return claims.filter(
        (claim) => !claim.name || (name !== undefined && claim.name.toLowerCase() === name.toLowerCase()),
    );
}

/**
 * Certificate List narrowed to the claims' names (an OR group) where every claim has one, else to their references.
 * Narrowed on the names alone, the rows without a comment come back too: an account that keeps no comment (swagger
 * Certificate.comment "Requires appropriate ACLs") leaves the reference only in the order's CSR, which CertificateInfo
 * reads back — so the same list serves both proofs and no create lists its name again. Rows are checked anyway.
 */
function certificateSearch(claims: OrderClaim[]): Query {
    const names = namesOf(claims);
    if (names)
        return {
            filters: [
                {
                    link: "OR",
                    filters: names.map((name) => ({ key: "name", value: name, operator: "EQUAL" as const })),
                },
            ],
        };
    return {
        filters: [
            {
                link: "OR",
                filters: claims.map((claim) => ({
                    key: "comment",
                    value: claim.orderReference,
                    operator: "EQUAL" as const,
                })),
            },
        ],
    };
}

/** A job or certificate gone between the list and the read (finished, cancelled) proves nothing. */
function unlessGone(error: unknown): undefined {
    if (error instanceof NotFoundError) return undefined;
    throw error;
}

function jobOf(envelope: Envelope): { jobId?: string } {
    const job = envelope.data[0] as { id?: unknown } | undefined;
    return { jobId: job?.id === undefined ? undefined : asText(job.id) };
}

function recoveredOrderEnvelope(found: FoundOrder, name: string): Envelope {
    return {
        status: { code: recoveredStatusCode, text: "order found after an ambiguous failure", type: "NOTIFY" },
        messages: [],
        object: { type: "Certificate", value: name, data: { id: found.certificateId } },
        data: found.jobId ? [{ id: found.jobId, status: found.status }] : [],
    };
}

const recoveredStatusCode = "RECOVERED";

function recoveredEnvelope(certificate: Certificate): Envelope {
    return {
        status: { code: recoveredStatusCode, text: "order found after an ambiguous failure", type: "NOTIFY" },
        messages: [],
        object: { type: "Certificate", value: certificate.name, data: { id: certificate.id } },
        data: [],
    };
}

function orderAccepted(envelope: Envelope): OrderAccepted {
    if (envelope.status.code === recoveredStatusCode) {
        const certificateId = (envelope.object as { data?: { id?: string } } | undefined)?.data?.id;
        const job = envelope.data[0] as { id?: string; status?: string } | undefined;
        return {
            certificateId: certificateId === undefined ? undefined : String(certificateId),
            jobId: job?.id,
            jobStatus: job?.status,
            recovered: true,
        };
    }
    const job = envelope.data[0] as { id?: unknown; status?: unknown } | undefined;
    return {
        jobId: job?.id === undefined ? undefined : asText(job.id),
        jobStatus: job?.status === undefined ? undefined : asText(job.status),
        recovered: false,
    };
}
