import { z } from "zod";
import { lifetimeProblem } from "../../internetx/products";
import { CheckFailure, emailAddress, numericId, pemBlock, rsaBits } from "../check";
import { connectionSchema } from "../connection";
import { defaultRenewBeforeDays, onDestroySchema, productProblem } from "../certificate/inputs";
import { orderReferenceSchema } from "../../lifecycle/orderReference";
import { defaultPollIntervalSeconds, defaultWaitTimeoutSeconds } from "../../lifecycle/waitSettings";

/**
 * SmimeCertificate arguments (certificate type MAIL, e.g. GlobalSign PersonalSign). A separate
 * resource rather than a mode of Certificate: its identity is a mailbox and a person, not DNS names, and it carries
 * a download password.
 */
export const smimeInputsSchema = z
    .object({
        email: emailAddress,
        product: z.string().regex(/^[A-Z0-9_]+$/, "must be an InterNetX product code like GLOBALSIGN_PERSONALSIGN_1"),
        lifetimeMonths: z.number().int().positive(),
        adminContactId: numericId("an SslContact id"),
        firstName: z.string().trim().min(1, "is required").max(64),
        lastName: z.string().trim().min(1, "is required").max(64),
        organizationUnit: z.string().max(64).optional(),
        approverEmail: emailAddress.optional(),
        /** The CA protects the download with it (the order's `password`); a secret. */
        downloadPassword: z.string().min(8, "needs at least 8 characters").max(64),
        csr: pemBlock("CERTIFICATE REQUEST").optional(),
        /** node-forge (PKCS#12) reads RSA keys only, so generated S/MIME keys are RSA. */
        privateKey: z
            .object({ algorithm: z.literal("RSA"), rsaBits: rsaBits.optional() })
            .strict()
            .optional(),
        renewBeforeDays: z.number().int().min(0).max(365).default(defaultRenewBeforeDays),
        waitTimeoutSeconds: z.number().positive().default(defaultWaitTimeoutSeconds),
        pollIntervalSeconds: z.number().positive().default(defaultPollIntervalSeconds),
        waitStrategy: z.enum(["job", "notifications"]).default("job"),
        onDestroy: onDestroySchema,
        /** The resource's own URN, computed by the SDK, so progress lines appear under the resource. */
        progressUrn: z.string().optional(),
        connection: connectionSchema.optional(),
        /** Set by the SDK, not by the program: how `create` finds an order an interrupted run placed (orderReference.ts). */
        orderReference: orderReferenceSchema.optional(),
    })
    .strict();
export type SmimeInputs = z.infer<typeof smimeInputsSchema>;

export function smimeCrossPropertyProblems(inputs: Record<string, unknown>): CheckFailure[] {
    const problems: CheckFailure[] = [];
    if (inputs.csr && inputs.privateKey)
        problems.push({ property: "privateKey", reason: "give either csr or privateKey, not both" });
    const product = productProblem(inputs.product, "MAIL");
    if (product) problems.push({ property: "product", reason: product });
    if (!product && typeof inputs.product === "string") {
        if (
            typeof inputs.lifetimeMonths === "number" &&
            Number.isInteger(inputs.lifetimeMonths) &&
            inputs.lifetimeMonths > 0
        ) {
            const problem = lifetimeProblem(inputs.product, inputs.lifetimeMonths);
            if (problem) problems.push({ property: "lifetimeMonths", reason: problem });
        }
    }
    return problems;
}
