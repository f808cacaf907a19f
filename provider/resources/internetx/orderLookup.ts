import type { Client } from "../../internetx/client";
import type { JobEvidence } from "../../internetx/services/certificate";
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

/** One set of lookup rounds per account (endpoint, protocol, user, context) in this process: two accounts never share a round. */
export function orderLookupFor(client: Client): OrderLookupRounds {
    const { url, xmlUrl, protocol, user, context } = client.options;
    const key = [protocol, protocol === "xml" ? xmlUrl : url, user, context].join("|");
    let rounds = lookups.get(key);
    if (!rounds) {
        rounds = new OrderLookupRounds(clientPort(client));
        lookups.set(key, rounds);
    }
    return rounds;
}
