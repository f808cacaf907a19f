import { renewalDue } from "../resources/certificate/decisions";
import { defaultRenewBeforeDays } from "../resources/certificate/inputs";
import { asText } from "../shared/text";

/** The certificate resources of this package, by type token (as `pulumi stack export` names them). */
export const certificateTypes = [
    "pulumi-nodejs:dynamic/internetx:Certificate",
    "pulumi-nodejs:dynamic/internetx:SmimeCertificate",
    "pulumi-nodejs:dynamic/ispmanager:Certificate",
] as const;

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
    ).filter((resource) => (certificateTypes as readonly string[]).includes(resource.type));
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
