import { z } from "zod";

/**
 * The response envelope shared by every task (InterNetX's help pages "Ordering SSL Certificates" and "Reissue Certificate"; swagger `JsonResponseData*`):
 * `{stid, status: {code, text, type}, messages?, object?: {type, value, summary?}, data?: [...]}`.
 * The XML transport converts its `<response>` into the same shape, so services never see XML.
 */
/**
 * What a message names (swagger `Message.objects`, `GenericObject` {type, value}): the API's own pointer at the value it
 * refused, e.g. `{type: "request.auth.context", value: "\"4\""}` (a gateway answer recorded in acmesh-official/acme.sh
 * issue 5317) or a zone record (go-acme/lego `providers/dns/autodns/internal/fixtures/error.json`).
 */
export const messageObjectSchema = z
    .object({
        type: z.string().optional(),
        value: z.union([z.string(), z.number()]).transform(String).optional(),
    })
    .passthrough();

/**
 * One entry of `messages[]` (swagger `Message`: text, objects, code, status). Real JSON answers give each message a
 * `status` ("ERROR", go-acme/lego's recorded AutoDNS error), not a `type`; the XML gateway writes `<type>` in `<msg>`.
 * Both become `type`, upper case, so nothing downstream depends on the protocol.
 */
export const messageSchema = z
    .object({
        text: z.string().optional(),
        code: z.string().optional(),
        type: z.string().optional(),
        status: z.string().optional(),
        objects: z.array(messageObjectSchema).optional(),
    })
    .passthrough()
    .transform(({ status, ...message }) => {
        const type = message.type ?? status;
        return { ...message, ...(type !== undefined ? { type: type.toUpperCase() } : {}) };
    });

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
