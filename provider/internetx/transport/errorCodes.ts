import { RenewalTooEarlyError } from "../../errors";
import { ErrorCodeTable } from "../../shared/transport/classify";
import { isGoneAnswer } from "./gone";

/**
 * What to check when the API refused the credentials. The quotes: a real gateway answer refused `"4"` as
 * `request.auth.context` because the values had been written with quotes around them (acmesh-official/acme.sh issue 5317).
 */
export const authenticationHint =
    "check connection user, password and context (AUTODNS_USER, AUTODNS_PASSWORD, AUTODNS_CONTEXT): the context is the account's number, and a value written with quotes around it is sent with the quotes";

/**
 * What InterNetX's status and message codes mean, for the shared error ladder (shared/transport/classify.ts). Codes
 * not listed here are a refused request (ApiValidationError), with the API's own text. Each entry says where it is seen.
 */
export const internetxErrorCodes: ErrorCodeTable = {
    // Authentication failures inside an envelope whatever the HTTP status (an XML answer comes with HTTP 200). No public
    // page or recorded answer shows these two codes; they stay as the simulator answers a wrong login (inferred,
    // docs/wire-format.md "Errors"). A wrong code here only makes the error's class wrong, never an action.
    authentication: new Set(["E0003", "E0001"]),
    authenticationHint,
    authenticationObjects: [
        // "Missing or wrong value." naming `request.auth.context` (or user, password): a real gateway answer recorded in
        // acmesh-official/acme.sh issue 5317 (EF01000, status E00000, HTTP 200).
        { code: "EF01000", objectType: /^request\.auth\./, hint: authenticationHint },
    ],
    // The one gone table of InterNetX answers (gone.ts), each entry with its evidence.
    isGone: (answer) =>
        isGoneAnswer({ httpStatus: answer.httpStatus, hasEnvelope: answer.hasDocument, codes: answer.codes }),
    refusals: [
        // InterNetX help "Certificate Renew": a renewal is refused until 90 days before expiry (EF4001012).
        {
            code: "EF4001012",
            error: RenewalTooEarlyError,
            fallback: "renewal refused: the certificate can be renewed from 90 days before it expires",
        },
    ],
    // The status code and the first message's code, then stid and ctid, which a support request quotes.
    reference: (details) => {
        const codes = [details.statusCode, details.messages?.[0]?.code].filter(Boolean).join("/");
        return `${codes ? `, ${codes}` : ""}${details.stid ? `, stid ${details.stid}` : ""}${details.ctid ? `, ctid ${details.ctid}` : ""}`;
    },
};
