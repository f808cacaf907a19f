import type { Client } from "../../internetx/client";
import type { ResolvedClientOptions } from "../../internetx/config";
import type { JobEvidence, OrderClaim } from "../../internetx/services/certificate";
import { OrderLookupPort, OrderLookupRounds } from "./orderLookupRounds";

/**
 * The lookup rounds' questions in the client's words (`findOrders`). The rounds outlive each create's client, so
 * the port forks a client of its own and closes it when no caller is left; what Job Info showed of a running job's
 * certificate is kept meanwhile, so a job listed in several rounds is read once.
 */
function clientPort(client: Client): OrderLookupPort {
    let own: Client | undefined;
    let jobEvidence = new Map<string, JobEvidence>();
    return {
        lookup: (claims) => (own ??= client.fork()).certificate.findOrders(claims, jobEvidence),
        release: async () => {
            const closing = own;
            own = undefined;
            jobEvidence = new Map();
            await closing?.close();
        },
    };
}

const lookups = new Map<string, OrderLookupRounds>();
/** Claims announced for an account before any create of it made its rounds (the rounds need a client). */
const announcements = new Map<string, { claim: OrderClaim; since: number }[]>();

/** The account a client talks to: endpoint, protocol, user and context. */
type Account = Pick<ResolvedClientOptions, "url" | "xmlUrl" | "protocol" | "user" | "context">;

function accountKey({ url, xmlUrl, protocol, user, context }: Account): string {
    return [protocol, protocol === "xml" ? xmlUrl : url, user, context].join("|");
}

/** One set of lookup rounds per account (endpoint, protocol, user, context) in this process: two accounts never share a round. */
export function orderLookupFor(client: Client): OrderLookupRounds {
    const key = accountKey(client.options);
    let rounds = lookups.get(key);
    if (!rounds) {
        rounds = new OrderLookupRounds(clientPort(client));
        lookups.set(key, rounds);
    }
    for (const { claim, since } of announcements.get(key) ?? []) rounds.announce(claim, since);
    announcements.delete(key);
    return rounds;
}

/**
 * A new resource's claim, announced at `check` for the account its create will use (orderLookupRounds.ts `announce`):
 * no request; the account's next lookup round sends it along.
 */
export function announceOrderClaim(account: Account, claim: OrderClaim): void {
    const key = accountKey(account);
    const rounds = lookups.get(key);
    if (rounds) rounds.announce(claim);
    else announcements.set(key, [...(announcements.get(key) ?? []), { claim, since: Date.now() }]);
}
