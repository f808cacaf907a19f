import { renewalDue } from "../resources/certificate/decisions";
import { defaultRenewBeforeDays } from "../resources/certificate/inputs";
import { resources } from "../resources/registry";
import { asText } from "../shared/text";

/**
 * The certificate resources of this package (the ones that order, provider/resources/registry.ts), by the dynamic
 * type token `pulumi-nodejs:dynamic/<module>:<Name>` as `pulumi stack export` names them.
 */
export const certificateTypes: readonly string[] = resources
    .filter((resource) => resource.orders)
    .map(({ declaration }) => `pulumi-nodejs:dynamic/${declaration.token.split(":").slice(1).join(":")}`);

export interface CertificateStanding {
    urn: string;
    name: string;
    notAfter?: string;
    renewBeforeDays: number;
    status?: string;
    /** Inside its renewal window (or past its expiry) although `pulumi up` ran: the renewal did not happen. */
    overdue: boolean;
}

interface ExportedResource {
    urn: string;
    type: string;
    outputs?: Record<string, unknown>;
}

/**
 * Every certificate of a stack export and whether it is overdue: `now ≥ notAfter − renewBeforeDays`, the rule
 * `pulumi up` renews by. Run after `pulumi up`, an overdue certificate is one whose renewal failed or never ran.
 */
export function certificateStandings(exported: unknown, now: Date): CertificateStanding[] {
    const resources = (
        (exported as { deployment?: { resources?: ExportedResource[] } })?.deployment?.resources ?? []
    ).filter((resource) => certificateTypes.includes(resource.type));
    return resources.map((resource) => {
        const outputs = resource.outputs ?? {};
        const notAfter = typeof outputs.notAfter === "string" ? outputs.notAfter : undefined;
        const renewBeforeDays =
            typeof outputs.renewBeforeDays === "number" ? outputs.renewBeforeDays : defaultRenewBeforeDays;
        const name = asText(outputs.name ?? outputs.email ?? outputs.domain ?? resource.urn.split("::").pop());
        const expired = notAfter !== undefined && now.getTime() >= Date.parse(notAfter);
        return {
            urn: resource.urn,
            name,
            notAfter,
            renewBeforeDays,
            status: outputs.status as string | undefined,
            overdue: expired || renewalDue(notAfter, renewBeforeDays, now),
        };
    });
}
