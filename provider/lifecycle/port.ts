/**
 * The small port every backend implements (InterNetX SSL, InterNetX S/MIME, BILLmanager); the order lifecycle in
 * orderLifecycle.ts is written once against it. A backend says how to place, find, reissue, renew, read and cancel in
 * its own API's words; the lifecycle decides when.
 */

/** A placed order as the lifecycle follows it: what the backend needs to ask for its status. */
export interface PendingOrder {
    /** The backend's certificate (or service) id, once known. */
    certificateId?: string;
    /** The backend's job of the order, when it has jobs. */
    jobId?: string;
    /** The reference the order carries (see orderReference.ts), when it was placed with one. */
    orderReference?: string;
    /** A reissue for a new key is done when the leaf carries this key (SHA-256 of the SubjectPublicKeyInfo). */
    expectedPublicKeySha256?: string;
    /** A reissue with the same key is done when the leaf no longer carries this serial. */
    previousSerialNumber?: string;
    /** True when the order was found again (adopted, recovered, resumed) rather than just accepted. */
    recovered?: boolean;
}

/** One answer of a status source. */
export type OrderStatus =
    /** `detail`: what the API says about the validation, for the progress line. */
    | { outcome: "pending"; status: string; certificateId?: string; detail?: string }
    /** `issued`: what the source read that shows the issue (e.g. CertificateInfo), handed to `issuedProperties` so it is not read twice. */
    | { outcome: "issued"; status: string; certificateId: string; issued?: unknown }
    | { outcome: "failed"; status: string; reason: string; certificateId?: string };

/**
 * Where the poll loop learns an order's status. A source may batch: every pending order of one account can share one
 * list request per interval, or one notification queue, as long as each call answers for the order it is given.
 */
export interface StatusSource {
    statusOf(order: PendingOrder, signal?: AbortSignal): Promise<OrderStatus>;
    /**
     * Told of the order before its first check (a fresh order's wait sleeps an interval first): a source that reads a
     * shared queue knows the order's messages as its own from then on.
     */
    expect?(order: PendingOrder): void;
}

/** An order found again by its reference. */
export interface FoundOrder extends PendingOrder {
    /** The backend's status words, for the progress line. */
    status?: string;
    /** How the backend proved the order is this resource's (e.g. "reference read back"), for the progress line. */
    proof?: string;
}

/** The key and CSR an order is placed with. */
export interface KeyMaterial {
    csrPem?: string;
    /** Only when this provider (or the billing system, for us) generated the key; a secret. */
    privateKeyPem?: string;
    /** Of the CSR's key, when there is a CSR: what the issued leaf must carry. */
    publicKeySha256?: string;
    /** Backend words that belong to this material (e.g. the billing system's country id of a generated CSR). */
    details?: Record<string, unknown>;
}

export interface OrderBackend<Inputs, Properties> {
    /** For progress lines and errors: the certificate's main name. */
    label(inputs: Inputs): string;
    /** The order placed earlier with this reference and not cancelled, preferring a running one; undefined if none. */
    findPlacedOrder(orderReference: string, inputs: Inputs): Promise<FoundOrder | undefined>;
    /** The key and CSR for a new order or a reissue; `previous` is the recorded state (its key is kept when its spec did not change). */
    keyMaterial(inputs: Inputs, previous?: Properties): Promise<KeyMaterial>;
    /** Places the paid order. The client recovers an order whose answer was lost (same reference) instead of repeating it. */
    place(inputs: Inputs, key: KeyMaterial, orderReference: string | undefined): Promise<PendingOrder>;
    /** Reissues the certificate (free) for new key material or new names; an identical reissue already placed is not repeated. */
    reissue(current: Properties, inputs: Inputs, key: KeyMaterial): Promise<PendingOrder>;
    /** Renews the certificate; a backend without renewal throws a clear error. */
    renew(current: Properties, inputs: Inputs): Promise<PendingOrder>;
    /** How this order's status is learned while it runs; `pending` is the state recorded for it. */
    statusSource(inputs: Inputs, pending: Properties): StatusSource;
    /** Backend details of a pending order worth recording before the wait (validation data); may be empty. */
    pendingDetails(order: PendingOrder, inputs: Inputs): Promise<Partial<Properties>>;
    /** Every output of the issued certificate, merged over the pending properties; `issued` is what the status source read, when it read the certificate. */
    issuedProperties(certificateId: string, pending: Properties, inputs: Inputs, issued?: unknown): Promise<Properties>;
    /** Refresh: the certificate as the backend knows it now, undefined when it is gone. Without `recorded`: an import. */
    read(
        certificateId: string,
        recorded: Properties | undefined,
    ): Promise<{ props: Properties; inputs?: Record<string, unknown> } | undefined>;
    /** Cancels the certificate and waits until the backend has; a certificate already gone is success. */
    cancel(certificateId: string, recorded: Properties | undefined): Promise<void>;
}
