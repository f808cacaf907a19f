import { NotFoundError } from "../../errors";
import type { TaskRunner } from "../taskRunner";
import { Envelope } from "../envelope";
import { Job, ObjectJob, objectJobSchema, Query, QueryFilter } from "../schemas";
import { parseFirst, parseList } from "./parse";

export interface JobState extends Job {
    /** The API's messages for a failed job (the CA's reason). */
    reasons: string[];
    /** The job's object; `data.id` is the certificate while the order runs ("Certificate Job Info"). */
    object?: ObjectJob["object"];
    /** The overall validation progress (swagger ObjectJob.authentication). */
    authentication: ObjectJob["authentication"];
    /** The domain validation of each name still running or done (swagger ObjectJob.dcvAuth), where the API lists any. */
    dcvAuth?: ObjectJob["dcvAuth"];
}

/** One running certificate order, as Job List shows it (with Job Info's object data where it was needed). */
export interface JobListEntry {
    jobId: string;
    /** The job's object: the certificate's name ("Managing Certificate Orders": `<object>name</object>`). */
    name?: string;
    status?: string;
    subStatus?: string;
    action?: string;
    certificateId?: string;
    orderReference?: string;
    created?: string;
    reasons: string[];
    /** The domain validation of each name (swagger ObjectJob.dcvAuth), where the API lists any. */
    dcvAuth?: ObjectJob["dcvAuth"];
}

export interface JobListFilter {
    ids?: string[];
    action?: string;
    status?: string;
    subStatus?: string;
    /** Matched against the certificate's `comment` (see CertificateOrder.orderReference). */
    orderReference?: string;
    /** The job's object: the certificate's name, or any of several (the `object` key of "Certificate Job List"). */
    object?: string | string[];
    createdAfter?: Date;
}

/** "Running List Inquiries": without a limit the API answers at most 100 objects. */
export const jobListLimit = 100;

const reasonsOf = (envelope: Envelope) =>
    envelope.messages.map((message) => message.text).filter((text): text is string => Boolean(text));

/** JSON writes dates as `2018-09-26T11:38:08.000+0200`: the filter value uses the same form, in UTC. */
export function queryTimestamp(date: Date): string {
    return date.toISOString().replace("Z", "+0000");
}

/** The Job List query for a filter ("Certificate Job List" keys: id, action, status, subStatus, created, object, type). */
export function jobListQuery(filter: JobListFilter): Query {
    const filters: QueryFilter[] = [];
    if (filter.ids && filter.ids.length === 1) filters.push({ key: "id", value: filter.ids[0], operator: "EQUAL" });
    if (filter.ids && filter.ids.length > 1)
        filters.push({
            link: "OR",
            filters: filter.ids.map((id) => ({ key: "id", value: id, operator: "EQUAL" as const })),
        });
    if (filter.action) filters.push({ key: "action", value: filter.action, operator: "EQUAL" });
    if (filter.status) filters.push({ key: "status", value: filter.status, operator: "EQUAL" });
    if (filter.subStatus) filters.push({ key: "subStatus", value: filter.subStatus, operator: "EQUAL" });
    const objects = filter.object === undefined ? [] : ([] as string[]).concat(filter.object);
    if (objects.length === 1) filters.push({ key: "object", value: objects[0], operator: "EQUAL" });
    if (objects.length > 1)
        filters.push({
            link: "OR",
            filters: objects.map((object) => ({ key: "object", value: object, operator: "EQUAL" as const })),
        });
    if (filter.createdAfter)
        filters.push({ key: "created", value: queryTimestamp(filter.createdAfter), operator: "GREATER_EQUAL" });
    return { filters, view: { limit: jobListLimit, offset: 0 } };
}

function stateOf(objectJob: ObjectJob, envelope: Envelope): JobState {
    const own = (objectJob.job.messages ?? [])
        .map((message) => message.text)
        .filter((text): text is string => Boolean(text));
    const reasons = [...new Set([...own, ...reasonsOf(envelope)])];
    return {
        ...objectJob.job,
        object: objectJob.object,
        authentication: objectJob.authentication,
        ...dcvAuthOf(objectJob),
        reasons,
    };
}

/** `dcvAuth` only where the answer has entries, so a job without them reads as before. */
function dcvAuthOf(objectJob: ObjectJob): { dcvAuth?: ObjectJob["dcvAuth"] } {
    return objectJob.dcvAuth.length > 0 ? { dcvAuth: objectJob.dcvAuth } : {};
}

function entryOf(objectJob: ObjectJob, reasons: string[] = []): JobListEntry {
    const data = objectJob.object?.data;
    return {
        jobId: objectJob.job.id,
        name: objectJob.object?.value,
        status: objectJob.job.status,
        subStatus: objectJob.job.subStatus || undefined,
        action: objectJob.job.action,
        certificateId: data?.id,
        orderReference: data?.comment,
        created: objectJob.job.created,
        ...dcvAuthOf(objectJob),
        reasons,
    };
}

/** The Job object: Certificate Job Info (300114 / 400114), Certificate Job List (300115 / 400115), the job history. */
export class JobService {
    constructor(private readonly runner: TaskRunner) {}

    /**
     * Certificate Job Info: reads a running job without consuming a notification. A finished job has left Job Info
     * (EF300101): that surfaces as NotFoundError, and the certificate (or `history`) tells how it ended.
     */
    async info(id: string): Promise<JobState> {
        const envelope = await this.runner.run({ task: "JobInfo", id });
        return stateOf(parseFirst(objectJobSchema, envelope, "JobInfo"), envelope);
    }

    /**
     * Certificate Job List: the running certificate orders matching `filter`. List rows carry no object data, so
     * `orderReference` is matched (and `withObjectData` filled in) by reading each candidate's Job Info (one request
     * per running job listed).
     */
    async list(filter: JobListFilter = {}, options: { withObjectData?: boolean } = {}): Promise<JobListEntry[]> {
        const envelope = await this.runner.run({
            task: "JobList",
            body: jobListQuery(filter) as Record<string, unknown>,
        });
        const rows = parseList(objectJobSchema, envelope, "JobList").filter(
            (row) => !row.object?.type || row.object.type.toLowerCase() === "certificate",
        );
        const entries: JobListEntry[] = [];
        for (const row of rows) {
            let entry = entryOf(row);
            if ((filter.orderReference !== undefined || options.withObjectData) && entry.orderReference === undefined) {
                const state = await this.info(entry.jobId).catch((error) => {
                    if (error instanceof NotFoundError) return undefined; // finished meanwhile: no longer running
                    throw error;
                });
                if (!state) continue;
                entry = {
                    ...entry,
                    status: state.status ?? entry.status,
                    certificateId: state.object?.data?.id,
                    orderReference: state.object?.data?.comment,
                    reasons: state.reasons,
                };
            }
            if (filter.orderReference !== undefined && entry.orderReference !== filter.orderReference) continue;
            entries.push(entry);
        }
        return entries;
    }

    /** The job history ("Managing Certificate Orders": POST /job/history/_search, XML 400135): how a finished job ended. */
    async history(id: string): Promise<JobState | undefined> {
        const [row] = await this.histories([id]);
        return row;
    }

    /**
     * The last finished job of a certificate: its history rows are found by the certificate's name (the `object` key)
     * and told apart by the certificate id they carry. Undefined when the history has none.
     */
    async lastFinishedOf(certificateName: string, certificateId: string): Promise<JobState | undefined> {
        const rows = await this.historyRows(
            { object: certificateName },
            (row) => row.object?.data?.id === certificateId,
        );
        return rows.sort((one, other) => Number(other.id) - Number(one.id))[0];
    }

    /**
     * The ids of a certificate's reissue jobs, running (Certificate Job List) or finished (the job history), found by
     * the `object` and `action` keys and told apart by the certificate id (Job Info's `object.data` for a running one).
     */
    async reissueJobsOf(certificateName: string, certificateId: string): Promise<Set<string>> {
        const filter = { object: certificateName, action: "reissue" };
        const running = (await this.list(filter, { withObjectData: true })).filter(
            (entry) => entry.certificateId === certificateId,
        );
        const finished = await this.historyRows(filter, (row) => row.object?.data?.id === certificateId);
        return new Set([...running.map((entry) => entry.jobId), ...finished.map((job) => job.id)]);
    }

    /** The history rows of several finished jobs in one request (the same query as Job List: an OR of ids). */
    async histories(ids: string[]): Promise<JobState[]> {
        return this.historyRows({ ids });
    }

    /** The history rows matching `filter` that `keep` accepts; the answer's own messages belong to a row only when it is the one kept. */
    private async historyRows(
        filter: JobListFilter,
        keep: (row: ObjectJob) => boolean = () => true,
    ): Promise<JobState[]> {
        const envelope = await this.runner.run({
            task: "JobHistoryList",
            body: jobListQuery(filter) as Record<string, unknown>,
        });
        const rows = parseList(objectJobSchema, envelope, "JobHistoryList").filter(keep);
        return rows.map((row) => stateOf(row, rows.length === 1 ? envelope : { ...envelope, messages: [] }));
    }
}
