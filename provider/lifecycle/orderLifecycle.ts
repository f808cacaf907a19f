import { NotIssuedError, OrderFailedError, WaitTimedOutError } from "../errors";
import { requireIssued } from "./issued";
import { acceptedLine, OrderAction } from "../resources/progressWords";
import { ResourceInitializationError } from "./initializationError";
import { LifecycleContext } from "./context";
import { waitUntilIssued } from "./pollLoop";
import { FoundOrder, KeyMaterial, OrderBackend, PendingOrder } from "./port";
import { waitSettings } from "./waitSettings";
import { csrPublicKeySha256, parseCertificate } from "../x509";

/** What the lifecycle reads from every backend's inputs. */
export interface LifecycleInputs {
    /** Hidden input the SDK sets (orderReference.ts); absent in state written before references existed. */
    orderReference?: string;
    waitTimeoutSeconds?: number;
    pollIntervalSeconds?: number;
    /** false: return with the pending order and its validation data; the next update waits (BILLmanager only). */
    waitForIssuance?: boolean;
}

/** What the lifecycle writes into every backend's properties. */
export interface LifecycleProperties {
    /** ISSUED, or PENDING while an order, reissue or renewal waits to be finished. */
    status?: string;
    jobId?: string;
    csrPem?: string;
    privateKeyPem?: string;
    serialNumber?: string;
    certificatePem?: string;
    /** The reference the resource's order carries, recorded so a resumed wait can still find it. */
    orderReference?: string;
    /** While a reissue with the same key is pending: the serial of the certificate it replaces. */
    previousSerialNumber?: string;
}

/** A decision of a backend's pure `diff` (its own table of which inputs replace, reissue, renew). */
export type Change = {
    kind: "none" | "replace" | "resume" | "reissue" | "renew" | "settings";
    properties?: string[];
    reason?: string;
};

/**
 * One backend bound to one resource type: the port plus how its properties are laid out in state. State written by
 * earlier versions keeps its layout (the id under `idProperty`, the recorded inputs as they were).
 */
export interface ResourceBinding<Inputs extends LifecycleInputs, Properties extends LifecycleProperties> {
    backend: OrderBackend<Inputs, Properties>;
    /** Where the backend's certificate id is recorded: `certificateId` (InterNetX) or `orderId` (BILLmanager). */
    idProperty: "certificateId" | "orderId";
    /** The inputs as recorded in state with the key material of an order. */
    baseProperties(inputs: Inputs, key: KeyMaterial): Properties;
    /** The inputs that only change how later work is done, taken over by `update` without the backend. */
    settingsOf(news: Inputs): Partial<Properties>;
    decide(olds: Properties, news: Inputs, now: Date): Change;
}

type Result<Properties> = { id: string; outs: Properties };

function recordedId<Properties extends LifecycleProperties>(
    binding: ResourceBinding<LifecycleInputs, Properties>,
    properties: Properties | undefined,
    id: string,
): string {
    return ((properties as Record<string, unknown> | undefined)?.[binding.idProperty] as string | undefined) ?? id;
}

/**
 * The id `finishOrder` makes up while an order has no certificate id yet (`job-<id>`, `order-<reference>`), when no
 * certificate id is recorded beside it. Such an id names no object of the API: a read or a cancellation by it would
 * meet "not found" and take a running, paid order for gone.
 */
function placeholderOf<Properties extends LifecycleProperties>(
    binding: ResourceBinding<LifecycleInputs, Properties>,
    properties: Properties | undefined,
    id: string,
): boolean {
    const certificateId = (properties as Record<string, unknown> | undefined)?.[binding.idProperty];
    return !certificateId && (id.startsWith("job-") || id.startsWith("order-"));
}

function withOrder<Properties>(
    binding: { idProperty: string },
    properties: Properties,
    order: PendingOrder,
): Properties {
    return {
        ...properties,
        status: "PENDING",
        jobId: order.jobId,
        [binding.idProperty]: order.certificateId,
        previousSerialNumber: order.previousSerialNumber,
    };
}

/**
 * Waits for a placed order and reads the issued certificate. Anything but the CA's refusal (timeout, cancellation,
 * a lost answer while waiting or reading) becomes the initialization error carrying the pending properties: the
 * engine records the order and the next run resumes it instead of ordering again.
 */
export async function finishOrder<Inputs extends LifecycleInputs, Properties extends LifecycleProperties>(
    binding: ResourceBinding<Inputs, Properties>,
    inputs: Inputs,
    order: PendingOrder,
    pending: Properties,
    context: LifecycleContext,
    resourceId: string | undefined,
    action: OrderAction = "order",
): Promise<Result<Properties>> {
    const { backend } = binding;
    const label = backend.label(inputs);
    let current = withOrder(binding, pending, order);
    let known = order;
    const idNow = () =>
        resourceId ??
        known.certificateId ??
        (known.jobId ? `job-${known.jobId}` : `order-${inputs.orderReference ?? "unknown"}`);
    try {
        current = { ...current, ...(await backend.pendingDetails(order, inputs)) };
        if (inputs.waitForIssuance === false) {
            context.log(
                `${label}: ordered (${order.certificateId ?? order.jobId}); not waiting (waitForIssuance is false), the next update waits`,
            );
            return { id: idNow(), outs: current };
        }
        if (!order.recovered) context.log(acceptedLine(label, action, order));
        const tracked: PendingOrder = { ...order };
        const source = backend.statusSource(inputs, current);
        source.expect?.(order);
        let issuedRead: unknown;
        const certificateId = await waitUntilIssued(
            {
                statusOf: async (asked, signal) => {
                    const status = await source.statusOf(asked, signal);
                    if (status.certificateId) known = { ...known, certificateId: status.certificateId };
                    if (status.outcome === "issued") issuedRead = status.issued;
                    return status;
                },
            },
            tracked,
            {
                settings: waitSettings(inputs),
                log: context.log,
                clock: context.clock,
                signal: context.signal,
                label,
                action,
                freshOrder: !order.recovered && Boolean(order.jobId),
            },
        );
        known = { ...known, certificateId };
        current = withOrder(binding, current, known);
        const { previousSerialNumber: _previous, ...issuedBase } = current;
        const outs = await backend.issuedProperties(certificateId, issuedBase as Properties, inputs, issuedRead);
        // The guard: outputs without an issued leaf are never a success (NotIssuedError becomes the initialization error).
        return { id: idNow(), outs: requireIssued(outs as Properties & { status: string }, label) };
    } catch (error) {
        if (error instanceof OrderFailedError || error instanceof ResourceInitializationError) throw error;
        const certificateId =
            known.certificateId ??
            (error instanceof WaitTimedOutError || error instanceof NotIssuedError ? error.certificateId : undefined);
        known = { ...known, certificateId };
        throw new ResourceInitializationError(
            (error as Error).message,
            idNow(),
            withOrder(binding, current, known) as unknown as Record<string, unknown>,
        );
    }
}

/** A found order's words for the progress line. */
function foundWords(found: FoundOrder): string {
    const words = [
        found.certificateId ? `certificate ${found.certificateId}` : undefined,
        found.jobId ? `job ${found.jobId}` : undefined,
        found.status,
    ]
        .filter(Boolean)
        .join(", ");
    return found.proof ? `${words}; proof: ${found.proof}` : words;
}

/**
 * `create`: adopt the order an earlier run placed under this resource's reference (a killed run, a lost answer), or
 * place it; record, wait, read. A paid order is placed at most once. An adopted order whose certificate does not carry
 * the key in state (the generated key died with the killed process) is reissued for the new key: a reissue is free.
 */
export async function createResource<Inputs extends LifecycleInputs, Properties extends LifecycleProperties>(
    binding: ResourceBinding<Inputs, Properties>,
    inputs: Inputs,
    context: LifecycleContext,
): Promise<Result<Properties>> {
    const { backend } = binding;
    const label = backend.label(inputs);
    const reference = inputs.orderReference;
    const found = reference ? await backend.findPlacedOrder(reference, inputs) : undefined;
    const key = await backend.keyMaterial(inputs);
    let order: PendingOrder;
    if (found) {
        context.log(
            `${label}: adopting the order placed earlier under reference ${reference} (${foundWords(found)}) instead of ordering again`,
        );
        order = { ...found, orderReference: reference, recovered: true };
    } else {
        order = { ...(await backend.place(inputs, key, reference)), orderReference: reference };
        if (order.recovered)
            context.log(
                `${label}: the order was found again after a lost answer (job ${order.jobId ?? "-"}, certificate ${order.certificateId ?? "-"})`,
            );
    }
    if (!found) {
        const pending = { ...binding.baseProperties(inputs, key), orderReference: reference } as Properties;
        return finishOrder(binding, inputs, order, pending, context, undefined);
    }
    // The adopted certificate was ordered with the earlier run's CSR, which may not be ours: it is read by signature
    // (no key material recorded for it), then matched with our key. A generated key always needs that match, so its
    // adoption waits even where the program does not.
    const adoptedInputs = key.privateKeyPem ? { ...inputs, waitForIssuance: true } : inputs;
    const adopted = await finishOrder(
        binding,
        adoptedInputs,
        order,
        { ...binding.baseProperties(inputs, {}), orderReference: reference },
        context,
        undefined,
    ).catch((error: unknown) => {
        throw refusedAgain(error, reference!, found);
    });
    if (adoptedInputs.waitForIssuance === false || !key.publicKeySha256)
        return { id: adopted.id, outs: { ...adopted.outs, ...keyProperties(key) } };
    return { id: adopted.id, outs: await matchKey(binding, adopted.id, adopted.outs, inputs, key, context) };
}

/**
 * An adopted order the CA refused is reported again, and never placed again on its own: the refused order stays at the
 * reseller under this resource's reference, and whether to pay for another one is the account holder's decision.
 */
function refusedAgain(error: unknown, reference: string, found: FoundOrder): unknown {
    if (!(error instanceof OrderFailedError)) return error;
    const certificate = found.certificateId ? `certificate ${found.certificateId}, ` : "";
    return new OrderFailedError(
        `${error.message} (${certificate}the order placed earlier under reference ${reference}; a refused order is not placed again on its own: remove the cause, cancel that certificate in the reseller account, then run pulumi up again to order anew)`,
        { jobId: error.jobId, reason: error.reason },
    );
}

/** The key material as recorded in state (absent parts left out, so they do not overwrite). */
function keyProperties(key: KeyMaterial): { csrPem?: string; privateKeyPem?: string } {
    return JSON.parse(JSON.stringify({ csrPem: key.csrPem, privateKeyPem: key.privateKeyPem })) as {
        csrPem?: string;
        privateKeyPem?: string;
    };
}

/** After adopting: the certificate must carry the key in state; if it does not, reissue for it (free). */
async function matchKey<Inputs extends LifecycleInputs, Properties extends LifecycleProperties>(
    binding: ResourceBinding<Inputs, Properties>,
    id: string,
    current: Properties,
    inputs: Inputs,
    key: KeyMaterial,
    context: LifecycleContext,
): Promise<Properties> {
    const issuedKey = await leafPublicKeySha256(current);
    if (issuedKey === key.publicKeySha256) return { ...current, ...keyProperties(key) };
    context.log(
        `${binding.backend.label(inputs)}: the adopted certificate carries another key (the earlier run's key is lost); reissuing it for the key in state`,
    );
    return reissueWith(binding, id, current, inputs, key, context, issuedKey);
}

/** The SHA-256 of the recorded leaf's public key (SubjectPublicKeyInfo): what tells whether it matches the key material in state. */
async function leafPublicKeySha256(properties: LifecycleProperties): Promise<string | undefined> {
    return properties.certificatePem ? (await parseCertificate(properties.certificatePem)).publicKeySha256 : undefined;
}

async function reissueWith<Inputs extends LifecycleInputs, Properties extends LifecycleProperties>(
    binding: ResourceBinding<Inputs, Properties>,
    id: string,
    current: Properties,
    inputs: Inputs,
    key: KeyMaterial,
    context: LifecycleContext,
    /** The recorded leaf's key, when the caller already read it. */
    issuedKey?: string,
): Promise<Properties> {
    const leafKey = issuedKey ?? (await leafPublicKeySha256(current));
    const order = await binding.backend.reissue(current, inputs, key);
    const pending = {
        ...current,
        ...binding.baseProperties(inputs, key),
        orderReference: current.orderReference,
    } as Properties;
    // A reissue for a new key is done when the leaf carries it; one with the same key when the old serial is gone.
    const newKey = Boolean(key.publicKeySha256) && key.publicKeySha256 !== leafKey;
    const tracked: PendingOrder = {
        certificateId: recordedId(binding as ResourceBinding<LifecycleInputs, Properties>, current, id),
        ...order,
        expectedPublicKeySha256: newKey ? key.publicKeySha256 : undefined,
        previousSerialNumber: newKey ? undefined : (current.previousSerialNumber ?? current.serialNumber),
    };
    return (await finishOrder(binding, inputs, tracked, pending, context, id, "reissue")).outs;
}

/** The order recorded in state as pending, as the poll loop follows it. */
async function recordedOrder<Properties extends LifecycleProperties>(
    binding: ResourceBinding<LifecycleInputs, Properties>,
    id: string,
    current: Properties,
    publicKeySha256: string | undefined,
): Promise<PendingOrder> {
    const certificateId = (current as Record<string, unknown>)[binding.idProperty] as string | undefined;
    return {
        certificateId: certificateId ?? (id.startsWith("job-") || id.startsWith("order-") ? undefined : id),
        jobId: current.jobId,
        orderReference: current.orderReference,
        expectedPublicKeySha256: current.previousSerialNumber ? undefined : publicKeySha256,
        previousSerialNumber: current.previousSerialNumber,
        recovered: true,
    };
}

/**
 * `update`: act on the decision `diff` made. A pending order is resumed first and the decision made again on what
 * it gave (a change made while it was pending still happens). The resource id never changes.
 */
export async function updateResource<Inputs extends LifecycleInputs, Properties extends LifecycleProperties>(
    binding: ResourceBinding<Inputs, Properties>,
    id: string,
    olds: Properties,
    news: Inputs,
    context: LifecycleContext,
): Promise<{ outs: Properties }> {
    const { backend } = binding;
    let current = olds;
    let decision = binding.decide(current, news, context.clock.now());
    if (decision.kind === "resume") {
        context.log(`${backend.label(news)}: resuming the wait for the order of an earlier run`);
        const order = await recordedOrder(
            binding as ResourceBinding<LifecycleInputs, Properties>,
            id,
            current,
            await csrPublicKeySha256(current.csrPem),
        );
        const resumedInputs = { ...news, waitForIssuance: true } as Inputs;
        current = (
            await finishOrder(binding, resumedInputs, order, { ...current, ...binding.settingsOf(news) }, context, id)
        ).outs;
        decision = binding.decide(current, news, context.clock.now());
    }
    switch (decision.kind) {
        case "none":
        case "resume":
            return { outs: current };
        case "settings":
            return { outs: { ...current, ...binding.settingsOf(news) } };
        case "replace":
            throw new Error(
                `${backend.label(news)}: ${decision.reason ?? `${(decision.properties ?? []).join(", ")} changed`}; this needs a replacement, not an update`,
            );
        case "reissue": {
            context.log(
                `${backend.label(news)}: reissuing (${decision.reason ?? (decision.properties ?? []).join(", ")})`,
            );
            const key = await backend.keyMaterial(news, current);
            return {
                outs: await reissueWith(binding, id, { ...current, ...binding.settingsOf(news) }, news, key, context),
            };
        }
        case "renew": {
            const order = await backend.renew(current, news);
            const tracked: PendingOrder = {
                certificateId: recordedId(binding as ResourceBinding<LifecycleInputs, Properties>, current, id),
                ...order,
            };
            // The renewed leaf carries the same key; the job (not the key) tells when it is done.
            return {
                outs: (
                    await finishOrder(
                        binding,
                        news,
                        tracked,
                        { ...current, ...binding.settingsOf(news) },
                        context,
                        id,
                        "renewal",
                    )
                ).outs,
            };
        }
    }
}

/**
 * `read` (refresh and import): the certificate as the backend knows it; a gone certificate gives an empty id. A
 * pending order stays pending in state (its job kept) until an update finishes it.
 */
export async function readResource<Inputs extends LifecycleInputs, Properties extends LifecycleProperties>(
    binding: ResourceBinding<Inputs, Properties>,
    id: string,
    recorded: Properties | undefined,
): Promise<{ id: string; props: Record<string, unknown>; inputs?: Record<string, unknown> }> {
    // An order still without its certificate id is kept as recorded: the next update resumes its wait and records it.
    if (recorded && placeholderOf(binding as ResourceBinding<LifecycleInputs, Properties>, recorded, id))
        return { id, props: recorded as unknown as Record<string, unknown> };
    const read = await binding.backend.read(
        recordedId(binding as ResourceBinding<LifecycleInputs, Properties>, recorded, id),
        recorded,
    );
    if (!read) return { id: "", props: {} };
    if (recorded?.status === "PENDING")
        return { id, props: { ...read.props, status: "PENDING" } as unknown as Record<string, unknown> };
    const props = read.props as unknown as Record<string, unknown>;
    return read.inputs ? { id, props, inputs: read.inputs } : { id, props };
}

/** `delete`: cancels the certificate and waits for the cancellation; one already gone is success. */
export async function deleteResource<Inputs extends LifecycleInputs, Properties extends LifecycleProperties>(
    binding: ResourceBinding<Inputs, Properties>,
    id: string,
    recorded: Properties | undefined,
): Promise<void> {
    if (placeholderOf(binding as ResourceBinding<LifecycleInputs, Properties>, recorded, id))
        throw new Error(
            `${binding.backend.label((recorded ?? {}) as unknown as Inputs)}: the order (${id}) has no certificate id in state yet, ` +
                "so nothing can be cancelled by it; `pulumi up` resumes the wait and records the certificate, after " +
                "which destroy cancels it. Nothing was cancelled, and the resource stays in state.",
        );
    await binding.backend.cancel(
        recordedId(binding as ResourceBinding<LifecycleInputs, Properties>, recorded, id),
        recorded,
    );
}
