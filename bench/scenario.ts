import type { RequestCount } from "./requests";

/** What the benchmark's parent process hands a measuring child process, and what the child answers. */
export interface SimulatorEndpoints {
    url: string;
    xmlUrl: string;
    adminUrl: string;
    user: string;
    password: string;
    context: string;
}

export interface Scenario {
    kind: "ours" | "sdk";
    simulator: SimulatorEndpoints;
    count: number;
    /** Ours: the wait strategy; the SDK: sequential or concurrent flows. */
    strategy: "job" | "notifications" | "sequential" | "concurrent";
    protocol: "json" | "xml";
    pollIntervalSeconds: number;
    contactId: string;
    /** Makes the certificate names of this scenario unique on the shared simulator. */
    label: string;
}

export interface ChildResult {
    wallMs: number;
    /** Peak resident set of the child process (getrusage maxrss). */
    peakRssMb: number;
    /** What the simulator received while the certificates were made. */
    counts: RequestCount;
    /** Requests of the preview (check and diff of every unchanged certificate); ours only. */
    previewRequests?: number;
    /** Every create carried the SDK's hidden `orderReference` (ours; InterNetX's SDK has no such thing). */
    orderReferences: boolean;
}
