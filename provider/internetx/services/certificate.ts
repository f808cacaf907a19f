import type { OrderRecovery, TaskRunner } from "../taskRunner";
import { Envelope } from "../envelope";
import { CertAuthentication, Certificate, CertificateData, certificateDataSchema, certificateSchema, Query } from "../schemas";
import type { JobService } from "./job";
import { goneOrError, idQuery } from "./goneByList";
import { parseFirst, parseList } from "./parse";

/** What an order (create, reissue, renew) needs; the API's Certificate model in our words (InterNetX's ordering, reissue and S/MIME help pages). */
export interface CertificateOrder {
    name: string;
    product: string;
    lifetimeMonths: number;
    software?: string;
    csr?: string;
    adminContactId: string;
    technicalContactId?: string;
    authentication?: Partial<CertAuthentication> & { method: string };
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

/** A running order or its certificate, found again by its order reference. */
export interface FoundOrder {
    certificateId?: string;
    jobId?: string;
    status?: string;
    orderReference: string;
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

/** Clock skew tolerated between us and the API when matching an order to the moment we placed it. */
export const orderMatchSkewMs = 10 * 60 * 1000;

/** The Certificate object: CertificatePrepareOrder, Create, Reissue, Info, Delete, Renew, List (InterNetX's help pages "Ordering SSL Certificates" and "Reissue Certificate"). */
export class CertificateService {
    constructor(
        private readonly runner: TaskRunner,
        private readonly jobs: JobService,
        private readonly now: () => Date = () => new Date(),
    ) {}

    /** CertificatePrepareOrder (400110): checks the CSR and answers the validation data for each method. */
    async prepareOrder(request: { plain: string; product: string }): Promise<CertificateData> {
        const envelope = await this.runner.run({ task: "CertificatePrepareOrder", body: { plain: request.plain, product: request.product } });
        return parseFirst(certificateDataSchema, envelope, "CertificatePrepareOrder");
    }

    /**
     * CertificateCreate (400101). A paid order: never repeated blindly. After an ambiguous failure the account's
     * certificates are searched for this name and CSR first (see `findOrder`).
     */
    async create(order: CertificateOrder): Promise<OrderAccepted> {
        const startedAt = this.now();
        const recover: OrderRecovery = async () => {
            if (order.orderReference !== undefined) {
                const found = await this.findOrder({ orderReference: order.orderReference });
                return found ? recoveredOrderEnvelope(found, order.name) : undefined;
            }
            const found = await this.findOrder({ name: order.name, csr: order.csr, createdAfter: new Date(startedAt.getTime() - orderMatchSkewMs) });
            return found ? recoveredEnvelope(found) : undefined;
        };
        return orderAccepted(await this.runner.run({ task: "CertificateCreate", body: certificateOrderBody(order) }, recover));
    }

    /** CertificateReissue (400102, PUT /certificate/{id}): same data as create, new CSR (InterNetX help "Reissue Certificate"). */
    async reissue(id: string, order: CertificateOrder): Promise<OrderAccepted> {
        // Without a CSR (S/MIME with the key made by the CA) the certificate shows nothing new while the reissue runs:
        // a reissue job of this certificate that was not there before the attempt is what tells that it was accepted.
        const reissuesBefore = order.csr ? undefined : await this.jobs.reissueJobsOf(order.name, id);
        const recover: OrderRecovery = async () => {
            if (reissuesBefore) {
                const started = [...(await this.jobs.reissueJobsOf(order.name, id))].find((jobId) => !reissuesBefore.has(jobId));
                return started ? recoveredOrderEnvelope({ certificateId: id, jobId: started, orderReference: order.orderReference ?? "" }, order.name) : undefined;
            }
            // The reissue was accepted if the certificate already carries the new CSR.
            const current = await this.info(id);
            return order.csr && normalizePem(current.csr) === normalizePem(order.csr) ? recoveredEnvelope(current) : undefined;
        };
        return orderAccepted(await this.runner.run({ task: "CertificateReissue", id, body: certificateOrderBody(order) }, recover));
    }

    /**
     * Certificate Renew (XML 400106, PUT /certificate/{id}/_renew). Refused until 90 days before expiry: that is
     * RenewalTooEarlyError (EF4001012), never a new order. An ambiguous failure is reported, not repeated.
     */
    async renew(id: string, order: CertificateOrder): Promise<OrderAccepted> {
        return orderAccepted(await this.runner.run({ task: "CertificateRenew", id, body: certificateOrderBody(order) }));
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
            return parseFirst(certificateSchema, await this.runner.run({ task: "CertificateInfo", id }), "CertificateInfo");
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

    /** CertificateList (POST /certificate/_search). */
    async list(query: Query = {}): Promise<{ certificates: Certificate[]; total: number }> {
        const envelope = await this.runner.run({ task: "CertificateList", body: query as Record<string, unknown> });
        const certificates = parseList(certificateSchema, envelope, "CertificateList");
        return { certificates, total: envelope.object?.summary ?? certificates.length };
    }

    /**
     * The order placed with `orderReference`: a running one through Certificate Job List first, else its certificate
     * through Certificate List filtered on `comment`. How an order whose answer was lost, or whose process died, is
     * found again instead of being placed twice. List rows carry no CSR and a `created` of the start of the day
     * ("Certificate Object"), so neither is used.
     */
    async findOrder(criteria: { orderReference: string }): Promise<FoundOrder | undefined>;
    /**
     * @deprecated A certificate of `name` (and `csr`, when given) by reading each listed certificate: slow, and blind
     * to an order whose certificate does not exist yet. Use `findOrder({ orderReference })`.
     */
    async findOrder(criteria: { name: string; csr?: string; createdAfter?: Date }): Promise<Certificate | undefined>;
    async findOrder(criteria: { orderReference: string } | { name: string; csr?: string; createdAfter?: Date }): Promise<FoundOrder | Certificate | undefined> {
        if ("orderReference" in criteria) return this.findOrderByReference(criteria.orderReference);
        const { certificates } = await this.list({ filters: [{ key: "name", value: criteria.name, operator: "EQUAL" }], view: { limit: 100 } });
        const candidates = certificates.filter((certificate) => certificate.name === criteria.name).sort((left, right) => Number(right.id) - Number(left.id));
        for (const row of candidates) {
            // List rows are reduced ("Running List Inquiries"): the CSR is only in CertificateInfo.
            if (!criteria.csr && !criteria.createdAfter) return row;
            const certificate = await this.info(row.id);
            if (criteria.csr && normalizePem(certificate.csr) !== normalizePem(criteria.csr)) continue;
            return certificate;
        }
        return undefined;
    }

    private async findOrderByReference(orderReference: string): Promise<FoundOrder | undefined> {
        const [running] = await this.jobs.list({ orderReference });
        if (running) return { jobId: running.jobId, certificateId: running.certificateId, status: running.status, orderReference };
        const { certificates } = await this.list({ filters: [{ key: "comment", value: orderReference, operator: "EQUAL" }], view: { limit: 1 } });
        const [certificate] = certificates;
        return certificate ? { certificateId: certificate.id, orderReference } : undefined;
    }
}

function jobOf(envelope: Envelope): { jobId?: string } {
    const job = envelope.data[0] as { id?: unknown } | undefined;
    return { jobId: job?.id === undefined ? undefined : String(job.id) };
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
        return { certificateId: certificateId === undefined ? undefined : String(certificateId), jobId: job?.id, jobStatus: job?.status, recovered: true };
    }
    const job = envelope.data[0] as { id?: unknown; status?: unknown } | undefined;
    return {
        jobId: job?.id === undefined ? undefined : String(job.id),
        jobStatus: job?.status === undefined ? undefined : String(job.status),
        recovered: false,
    };
}
