import { z } from "zod";

/**
 * The response envelope shared by every task (InterNetX's help pages "Ordering SSL Certificates" and "Reissue Certificate"; swagger `JsonResponseData*`):
 * `{stid, status: {code, text, type}, messages?, object?: {type, value, summary?}, data?: [...]}`.
 * The XML transport converts its `<response>` into the same shape, so services never see XML.
 */
export const messageSchema = z
    .object({
        text: z.string().optional(),
        code: z.string().optional(),
        type: z.string().optional(),
    })
    .passthrough();

export const statusSchema = z.object({
    code: z.string(),
    text: z.string().default(""),
    type: z.string().transform((type) => type.toUpperCase()),
});

export const envelopeSchema = z.object({
    stid: z.string().optional(),
    ctid: z.string().optional(),
    status: statusSchema,
    messages: z.array(messageSchema).default([]),
    object: z
        .object({
            type: z.string().optional(),
            value: z.union([z.string(), z.number()]).transform(String).optional(),
            summary: z.union([z.number(), z.string()]).transform(Number).optional(),
        })
        .passthrough()
        .optional(),
    data: z.array(z.unknown()).default([]),
});

export type Envelope = z.infer<typeof envelopeSchema>;
export type ApiStatus = z.infer<typeof statusSchema>;

/** `S…` success, `N…` accepted (finishing as a job); `E…` is an error. */
export function isSuccessStatus(status: ApiStatus): boolean {
    return status.type !== "ERROR" && !status.code.startsWith("E");
}
