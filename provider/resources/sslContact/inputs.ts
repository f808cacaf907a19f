import { z } from "zod";
import type { SslContactInput } from "../../internetx/schemas";
import { countryCode, emailAddress, phoneNumber } from "../check";
import { connectionSchema } from "../connection";

/** SslContact arguments in the user's words; `toApiContact` gives the API's (swagger `SslContact`). */
export const sslContactInputsSchema = z
    .object({
        firstName: z.string().trim().min(1, "is required").max(64),
        lastName: z.string().trim().min(1, "is required").max(64),
        email: emailAddress,
        phone: phoneNumber,
        fax: phoneNumber.optional(),
        title: z.string().max(64).optional(),
        organization: z.string().trim().min(1, "is required").max(128),
        address: z
            .array(z.string().trim().min(1, "must not be empty").max(128))
            .min(1, "needs at least one line")
            .max(3, "has at most three lines"),
        postalCode: z.string().trim().min(1, "is required").max(16),
        city: z.string().trim().min(1, "is required").max(64),
        country: countryCode,
        state: z.string().max(64).optional(),
        connection: connectionSchema.optional(),
    })
    .strict();
export type SslContactInputs = z.infer<typeof sslContactInputsSchema>;

export function toApiContact(inputs: SslContactInputs): SslContactInput {
    return {
        fname: inputs.firstName,
        lname: inputs.lastName,
        phone: inputs.phone,
        fax: inputs.fax,
        email: inputs.email,
        title: inputs.title,
        organization: inputs.organization,
        address: inputs.address,
        pcode: inputs.postalCode,
        city: inputs.city,
        country: inputs.country,
        state: inputs.state,
    };
}
