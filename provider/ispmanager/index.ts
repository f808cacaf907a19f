export { Client } from "./client";
export { FunctionRunner } from "./functionRunner";
export type { ClientOptions, ResponseFormat } from "./config";
export { defaultBillmanagerUrl, resolveClientOptions } from "./config";
export type {
    ApproverMethod,
    CertificateOrder,
    CsrSubject,
    DownloadedCertificate,
    OrderContact,
    OrderCriteria,
    OrderPlaced,
    ReissueRequest,
} from "./certificate";
export { readCertificateFile } from "./certificateFile";
export type { CertificateFileContents } from "./certificateFile";
export { billingCountryId } from "./countries";
export type { BillDocument, BillError, BillOption } from "./document";
export { billFunctions } from "./functions";
export type { BillFunction, BillRequest } from "./functions";
export * from "./schemas";
