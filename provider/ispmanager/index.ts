export { Client, FunctionRunner } from "./client";
export type { ClientOptions, ResponseFormat } from "./config";
export { defaultBillmanagerUrl, resolveClientOptions } from "./config";
export type { ApproverMethod, CertificateOrder, CsrSubject, DownloadedCertificate, OrderContact, OrderPlaced, ReissueRequest } from "./certificate";
export { billingCountryId } from "./countries";
export type { BillDocument, BillError, BillOption } from "./document";
export { billFunctions } from "./functions";
export type { BillFunction, BillRequest } from "./functions";
export * from "./schemas";
