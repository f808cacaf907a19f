import { ErrorCodeTable } from "../shared/transport/classify";
import { asText } from "../shared/text";

/**
 * ispmanager's "Reselling SSL certificates through BILLmanager": an account with two-factor authentication cannot be
 * used by the integration. Said with every authentication failure, since the billing system answers it as a failed login.
 */
export const twoFactorHint =
    "an account with two-factor authentication (2FA) cannot use authinfo: disable 2FA for it or use another account";

/** `missed`: the object named by `elid` does not exist. */
const notFoundErrorTypes = new Set(["missed", "notfound"]);

/**
 * `missed` naming `func` is an unknown function (a billing system without the SSL reselling module, or another
 * version's function names): the certificate may well exist, so it is never taken for gone.
 */
const functionObject = "func";

/**
 * What BILLmanager's error types (`<error type="…">`) mean, for the shared error ladder (shared/transport/classify.ts).
 * Types not listed here are a refused request (ApiValidationError), with the billing system's own text.
 */
export const billmanagerErrorCodes: ErrorCodeTable = {
    // Error types meaning "who are you" (bad authinfo) or "not allowed" (docs/ispmanager.md).
    authentication: new Set(["auth", "access", "badpassword"]),
    authenticationHint: twoFactorHint,
    // Only the billing system's own word makes an object gone. It answers every function on one address (`billmgr`), so
    // an HTTP 404 without its error document is a wrong URL or a proxy, and taking it for gone would drop a live
    // certificate from the stack (read) or report a failed delete as done.
    isGone: (answer) =>
        answer.hasDocument &&
        answer.codes.some((code) => notFoundErrorTypes.has(code)) &&
        !answer.objects.includes(functionObject),
    refusals: [],
    // The error type and the object it names (`missed elid`, `value CN`).
    reference: (details) => {
        const object = details.messages?.[0]?.objects?.[0];
        return details.statusCode ? `, ${details.statusCode}${object ? ` ${asText(object)}` : ""}` : "";
    },
};
