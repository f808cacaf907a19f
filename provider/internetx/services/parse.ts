import { z } from "zod";
import { MalformedResponseError } from "../../errors";
import { Envelope } from "../envelope";
import { TaskName } from "../tasks";

/** Parses `data[]` of an envelope with a schema; a mismatch is a typed error carrying the zod issues, never a TypeError. */
export function parseList<T extends z.ZodTypeAny>(schema: T, envelope: Envelope, task: TaskName): z.infer<T>[] {
    const parsed = z.array(schema).safeParse(envelope.data);
    if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
        throw new MalformedResponseError(`${task}: unexpected response data (${issues})`, {
            task,
            statusCode: envelope.status.code,
            statusText: envelope.status.text,
            stid: envelope.stid,
            retryable: false,
        });
    }
    return parsed.data;
}

/** The first object of `data[]`, which must exist. */
export function parseFirst<T extends z.ZodTypeAny>(schema: T, envelope: Envelope, task: TaskName): z.infer<T> {
    const [first] = parseList(schema, envelope, task);
    if (first === undefined) {
        throw new MalformedResponseError(`${task}: the response carries no data object`, {
            task,
            statusCode: envelope.status.code,
            stid: envelope.stid,
        });
    }
    return first;
}
