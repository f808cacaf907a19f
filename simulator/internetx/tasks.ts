import { invalid, notFound } from "./errors";
import type { Json } from "./jsonValue";
import { additionalListKeys, certificateListRow, certificateView, SimulatorModel } from "./model";

/**
 * The API's tasks on the model, independent of the protocol: each takes the request in the JSON API's words
 * (camelCase swagger models) and answers status, object and data. json.ts and xml.ts only translate.
 */
export interface TaskAnswer {
    code: string;
    text: string;
    type: "SUCCESS" | "NOTIFY";
    object?: Json;
    data: Json[];
    messages?: Json[];
}

export type TaskName =
    | "SslContactCreate"
    | "SslContactUpdate"
    | "SslContactDelete"
    | "SslContactInfo"
    | "SslContactList"
    | "CertificatePrepareOrder"
    | "CertificateCreate"
    | "CertificateReissue"
    | "CertificateDelete"
    | "CertificateInfo"
    | "CertificateList"
    | "CertificateRenew"
    | "CertificateRevoke"
    | "CertificateCommentUpdate"
    | "JobInfo"
    | "JobList"
    | "JobHistoryList"
    | "JobHistoryInfo"
    | "JobCancel"
    | "JobConfirm"
    | "PollInfo"
    | "PollConfirm";

export const taskCodes: Record<TaskName, string> = {
    SslContactCreate: "400201",
    SslContactUpdate: "400202",
    SslContactDelete: "400203",
    SslContactInfo: "400204",
    SslContactList: "400205",
    CertificatePrepareOrder: "400110",
    CertificateCreate: "400101",
    CertificateReissue: "400102",
    CertificateDelete: "400103",
    CertificateInfo: "400104",
    CertificateList: "400105",
    CertificateRenew: "400106",
    CertificateRevoke: "4001031",
    CertificateCommentUpdate: "4001024",
    JobInfo: "400114",
    JobList: "400115",
    JobHistoryList: "400135",
    // swagger "Job History Info (300134)", "Job Cancel (300121)", "Job Confirm (300122)": JSON routes; InterNetX's SSL
    // XML pages document no gateway task for them, so the gateway does not take these codes (jsonOnlyTasks).
    JobHistoryInfo: "300134",
    JobCancel: "300121",
    JobConfirm: "300122",
    PollInfo: "0905",
    PollConfirm: "0906",
};

/** Tasks of the JSON API only: the gateway answers their codes as unknown. */
const jsonOnlyTasks: ReadonlySet<TaskName> = new Set(["JobHistoryInfo", "JobCancel", "JobConfirm"]);

/** The gateway's task codes. */
export const taskByCode: Record<string, TaskName> = Object.fromEntries(
    Object.entries(taskCodes)
        .filter(([name]) => !jsonOnlyTasks.has(name as TaskName))
        .map(([name, code]) => [code, name as TaskName]),
);

function success(code: string, text: string, data: Json[] = [], object?: Json): TaskAnswer {
    return { code, text, type: "SUCCESS", object, data };
}

/** `keys`: the additional list keys the request asked for (JSON `?keys[]=…`, XML `<key>` in the task). */
export async function runTask(
    model: SimulatorModel,
    task: TaskName,
    id: string | undefined,
    body: Json,
    keys: string[] = [],
): Promise<TaskAnswer> {
    await model.advance();
    const requireId = () => {
        if (!id) throw invalid(taskCodes[task], "id", "is required");
        return id;
    };
    switch (task) {
        case "SslContactCreate": {
            const contact = model.contacts.create(body);
            return success("S400201", "Contact was successfully created.", [contact], {
                type: "contact",
                value: String(contact.id),
            });
        }
        case "SslContactUpdate":
            return success("S400202", "Contact was successfully updated.", [model.contacts.update(requireId(), body)], {
                type: "contact",
                value: requireId(),
            });
        case "SslContactDelete":
            model.contacts.delete(requireId());
            return success("S400203", "Contact was successfully deleted.", [], { type: "contact", value: requireId() });
        case "SslContactInfo":
            return success(
                "S400204",
                "Contact data were inquired successfully.",
                [model.contacts.get("400204", requireId())],
                { type: "contact", value: requireId() },
            );
        case "SslContactList": {
            const { summary, page } = model.search(model.contacts.all(), body);
            return success("S400205", "Contacts were listed successfully.", page, { type: "contact", summary });
        }
        case "CertificatePrepareOrder":
            return success("S400110", "CSR key was checked successfully.", [await model.prepareOrder(body)]);
        case "CertificateCreate":
        case "CertificateReissue":
        case "CertificateRenew": {
            const action =
                task === "CertificateCreate" ? "create" : task === "CertificateReissue" ? "reissue" : "renew";
            const job = await model.placeOrder(
                taskCodes[task],
                body,
                action,
                task === "CertificateCreate" ? undefined : requireId(),
            );
            const code = task === "CertificateRenew" ? "N400106" : "N400101";
            return {
                code,
                text: "Certificate order was started successfully.",
                type: "NOTIFY",
                object: { type: "Certificate", value: job.name },
                data: [{ id: job.id, status: job.status }],
            };
        }
        case "CertificateDelete":
        case "CertificateRevoke": {
            // "CertificateDelete": N400103 and a job (swagger JsonResponseDataJob); the certificate goes when it finishes.
            const job = model.startCancellation(
                taskCodes[task],
                requireId(),
                task === "CertificateDelete" ? "delete" : "revoke",
            );
            const code = task === "CertificateDelete" ? "N400103" : "N4001031";
            const text =
                task === "CertificateDelete"
                    ? "Certificate cancelation could be started successfully."
                    : "Certificate revocation could be started successfully.";
            return {
                code,
                text,
                type: "NOTIFY",
                object: { type: "Certificate", value: job.name },
                data: [{ id: job.id, status: job.status }],
            };
        }
        case "CertificateCommentUpdate":
            // swagger "Certificate Comment Update (4001024)": a Certificate in, JsonResponseDataVoid out (status only).
            model.updateComment(requireId(), body.comment);
            return success("S4001024", "Certificate comment was updated successfully.", [], {
                type: "Certificate",
                value: requireId(),
            });
        case "CertificateInfo": {
            const certificate = model.certificate("400104", requireId());
            return success("S400104", "Certificate data were inquired successfully.", [certificateView(certificate)], {
                type: "Certificate",
                value: certificate.name,
            });
        }
        case "CertificateList": {
            const all = [...model.certificates.values()];
            const { summary, page } = model.search(all, body, "certificate");
            const rowKeys = model.settings.listKeysIgnored
                ? []
                : model.settings.listKeysWithoutAsking
                  ? additionalListKeys
                  : keys;
            return success(
                "S400105",
                "Certificates were listed successfully.",
                page.map((certificate) => certificateListRow(certificate, rowKeys)),
                { type: "Certificate", summary },
            );
        }
        case "JobInfo": {
            // "Certificate Job Info": S300114, object {type: "ObjectJob", value: job id}, data [ObjectJob].
            const job = model.job(requireId());
            return success("S300114", "The workflow job was inquired successfully.", [model.objectJob(job, "info")], {
                type: "ObjectJob",
                value: String(job.id),
            });
        }
        case "JobList":
        case "JobHistoryList": {
            // "Certificate Job List" (S300115) lists running orders; "Managing Certificate Orders": finished ones in the history.
            const running = task === "JobList";
            const rows = model.jobRows(running);
            const { summary, page } = model.search(
                rows.map(({ row }) => row),
                body,
                "job",
            );
            const selected = page.map((row) => rows.find((candidate) => candidate.row === row)!.job);
            const code = running ? "S300115" : "S300135";
            return success(
                code,
                "Request data has been inquired successfully.",
                selected.map((job) => model.objectJob(job, running ? "list" : "history")),
                { type: "ObjectJob", summary },
            );
        }
        case "JobHistoryInfo": {
            // swagger "Job History Info (300134)": a finished job, as a history row shows it; a running one is not in the history.
            const job = model.anyJob(requireId());
            if (job.status === "RUNNING") throw notFound("300134", "Job", requireId());
            return success(
                "S300134",
                "The workflow job was inquired successfully.",
                [model.objectJob(job, "history")],
                { type: "ObjectJob", value: String(job.id) },
            );
        }
        case "JobCancel": {
            // swagger "Job Cancel (300121)", answering JsonNoData: a running order stops, as a CertificateDelete stops it
            // (CANCELED, no notification); what the real API does with the certificate object is *inferred*.
            const job = model.cancelJob(requireId());
            return success("S300121", "The job was cancelled successfully.", [], {
                type: "Job",
                value: String(job.id),
            });
        }
        case "JobConfirm": {
            // swagger "Job Confirm (300122)", answering JsonNoData: the simulator's jobs wait for no confirmation, so
            // confirming a running job changes nothing *(inferred)*; a finished one is gone from Job Info (EF300101).
            const job = model.job(requireId());
            return success("S300122", "The job was confirmed successfully.", [], {
                type: "Job",
                value: String(job.id),
            });
        }
        case "PollInfo": {
            const message = model.pollQueue[0];
            return success("S0905", "The notification was polled successfully.", message ? [message] : [], {
                type: "message",
                value: message ? String(message.id) : undefined,
                summary: model.pollQueue.length,
            });
        }
        case "PollConfirm": {
            const index = model.pollQueue.findIndex((message) => String(message.id) === requireId());
            if (index < 0) throw notFound("0906", "Notification", requireId());
            model.pollQueue.splice(index, 1);
            return success("S0906", "The notification was confirmed successfully.", [], {
                type: "message",
                value: requireId(),
                summary: model.pollQueue.length,
            });
        }
    }
}
