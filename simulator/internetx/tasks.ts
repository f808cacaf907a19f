import { invalid, notFound } from "./errors";
import { certificateView, Json, SimulatorModel } from "./model";

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
    | "JobInfo"
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
    CertificateRenew: "400120",
    JobInfo: "0504",
    PollInfo: "0905",
    PollConfirm: "0906",
};

export const taskByCode: Record<string, TaskName> = Object.fromEntries(Object.entries(taskCodes).map(([name, code]) => [code, name as TaskName]));

function success(code: string, text: string, data: Json[] = [], object?: Json): TaskAnswer {
    return { code, text, type: "SUCCESS", object, data };
}

export async function runTask(model: SimulatorModel, task: TaskName, id: string | undefined, body: Json): Promise<TaskAnswer> {
    await model.advance();
    const requireId = () => {
        if (!id) throw invalid(taskCodes[task], "id", "is required");
        return id;
    };
    switch (task) {
        case "SslContactCreate": {
            const contact = model.contacts.create(body);
            return success("S400201", "Contact was successfully created.", [contact], { type: "contact", value: String(contact.id) });
        }
        case "SslContactUpdate":
            return success("S400202", "Contact was successfully updated.", [model.contacts.update(requireId(), body)], { type: "contact", value: requireId() });
        case "SslContactDelete":
            model.contacts.delete(requireId());
            return success("S400203", "Contact was successfully deleted.", [], { type: "contact", value: requireId() });
        case "SslContactInfo":
            return success("S400204", "Contact data were inquired successfully.", [model.contacts.get("400204", requireId())], { type: "contact", value: requireId() });
        case "SslContactList": {
            const { summary, page } = model.search(model.contacts.all(), body);
            return success("S400205", "Contacts were listed successfully.", page, { type: "contact", summary });
        }
        case "CertificatePrepareOrder":
            return success("S400110", "CSR key was checked successfully.", [await model.prepareOrder(body)]);
        case "CertificateCreate":
        case "CertificateReissue":
        case "CertificateRenew": {
            const action = task === "CertificateCreate" ? "create" : task === "CertificateReissue" ? "reissue" : "renew";
            const job = await model.placeOrder(taskCodes[task], body, action, task === "CertificateCreate" ? undefined : requireId());
            const code = task === "CertificateRenew" ? "N400120" : "N400101";
            return { code, text: "Certificate order was started successfully.", type: "NOTIFY", object: { type: "Certificate", value: job.name }, data: [{ id: job.id, status: job.status }] };
        }
        case "CertificateDelete":
            model.deleteCertificate(requireId());
            return success("S400103", "Certificate was deleted successfully.", [], { type: "Certificate", value: requireId() });
        case "CertificateInfo": {
            const certificate = model.certificate("400104", requireId());
            return success("S400104", "Certificate data were inquired successfully.", [certificateView(certificate)], { type: "Certificate", value: certificate.name });
        }
        case "CertificateList": {
            const all = [...model.certificates.values()];
            const { summary, page } = model.search(all, body);
            return success("S400105", "Certificates were listed successfully.", page.map(certificateView), { type: "Certificate", summary });
        }
        case "JobInfo": {
            const job = model.job(requireId());
            const answer = success("S0504", "Job data were inquired successfully.", [model.jobView(job)], { type: "Job", value: String(job.id) });
            if (job.status === "FAILED") answer.messages = [{ text: job.reason, code: "EF400101", type: "ERROR" }];
            return answer;
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
            return success("S0906", "The notification was confirmed successfully.", [], { type: "message", value: requireId(), summary: model.pollQueue.length });
        }
    }
}
