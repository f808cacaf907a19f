/** One row of bench/results/results.json. */
export interface ResultRow {
    /** "pulumi-sslmanager", "js-domainrobot-sdk", "pulumi up (real CLI)" or "pulumi up (real CLI, YAML, native provider)". */
    flow: string;
    n: number;
    /** Ours: the wait strategy (job, notifications); the SDK: sequential or concurrent flows. */
    strategy: string;
    protocol: "json" | "xml";
    wallSeconds: number;
    /** N + T: three requests per certificate (prepare, create, one read) at three per second, plus the issuance time. */
    boundSeconds: number;
    requestsPerCertificate: number;
    /** Requests sent by a preview of the unchanged stack; null where the flow has no preview. */
    previewRequests: number | null;
    /** Peak resident set of the client's own process (the provider, or the SDK's process). */
    peakRssMb: number;
    /**
     * Every create went the SDK's way, with the hidden `orderReference` input (so each looks for an order placed
     * under its reference before ordering, as for users); false for InterNetX's SDK, which has none.
     */
    orderReferences: boolean;
    /** Real CLI only: the same `pulumi up` with no certificate (CLI, language host, program, provider start); else null. */
    floorSeconds: number | null;
}

/** What the markdown table shows beside the row. */
export interface MeasuredRow extends ResultRow {
    requestsByTask: Record<string, number>;
    refused: number;
}
