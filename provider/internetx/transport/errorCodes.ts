import { RenewalTooEarlyError } from "../../errors";
import { ErrorCodeTable } from "../../shared/transport/classify";
import { isGoneAnswer } from "./gone";

/**
 * What InterNetX's status and message codes mean, for the shared error ladder (shared/transport/classify.ts). Codes
 * not listed here are a refused request (ApiValidationError), with the API's own text.
 */
export const internetxErrorCodes: ErrorCodeTable = {
    // Authentication failures reported inside an XML envelope with HTTP 200 (E0003, inferred: docs/wire-format.md).
    authentication: new Set(["E0003", "E0001"]),
    // The one gone table of InterNetX answers (gone.ts).
    isGone: (answer) => isGoneAnswer({ httpStatus: answer.httpStatus, hasEnvelope: answer.hasDocument, codes: answer.codes }),
    refusals: [
        // "Certificate Renew": a renewal is refused until 90 days before expiry.
        { code: "EF4001012", error: RenewalTooEarlyError, fallback: "renewal refused: the certificate can be renewed from 90 days before it expires" },
    ],
    // The status code and the first message's code, then stid and ctid, which a support request quotes.
    reference: (details) => {
        const codes = [details.statusCode, details.messages?.[0]?.code].filter(Boolean).join("/");
        return `${codes ? `, ${codes}` : ""}${details.stid ? `, stid ${details.stid}` : ""}${details.ctid ? `, ctid ${details.ctid}` : ""}`;
    },
};
