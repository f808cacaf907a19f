import { z } from "zod";
import { MalformedResponseError } from "../errors";

/** Parses a document's part with a schema; a mismatch is a typed error carrying the zod issues, never a TypeError. */
export function parseWith<T extends z.ZodTypeAny>(schema: T, value: unknown, func: string, what: string): z.infer<T> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
        const issues = parsed.error.issues
            .map((issue) => `${issue.path.join(".") || what}: ${issue.message}`)
            .join("; ");
        throw new MalformedResponseError(`${func}: unexpected ${what} (${issues})`, { task: func, retryable: false });
    }
    return parsed.data as z.infer<T>;
}
