export { Client } from "./client";
export { TaskRunner } from "./taskRunner";
export type { ClientOptions } from "./config";
export { defaultJsonUrl, defaultXmlUrl, resolveClientOptions } from "./config";
export type { CertificateOrder, FoundOrder, OrderAccepted } from "./services/certificate";
export type { JobListEntry, JobListFilter, JobState } from "./services/job";
export * from "./schemas";
export { tasks } from "./tasks";
export type { TaskName, TaskRequest } from "./tasks";
