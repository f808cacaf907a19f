import { AdminEndpoint } from "../support/simulatorAdmin";
import type { LoggedBillRequest } from "../../simulator/ispmanager";

export interface IspmanagerSimulatorState {
    orders: number;
    reissues: number;
    deletes: number;
    dnsVerifications: number;
    approverEmailsSent: number;
    keysGenerated: number;
    /** Certificates an outcome rule decided (refused, or held so they never finish). */
    outcomesApplied: number;
    certificates: {
        id: string;
        domain: string;
        altNames: string[];
        status: string;
        issuance: string;
        remoteId?: string;
        approverMethod: string;
        serialNumber?: string;
        reissues: number;
        reason?: string;
    }[];
}

/** The BILLmanager simulator's test-only endpoints (`/__simulator`, simulator/ispmanager/README.md), over HTTP. */
export class IspmanagerSimulatorAdmin extends AdminEndpoint {
    state(): Promise<IspmanagerSimulatorState> {
        return this.call("GET", "/state");
    }
    requests(since = 0): Promise<LoggedBillRequest[]> {
        return this.call("GET", `/requests?since=${since}`);
    }
    clearRequests(): Promise<void> {
        return this.call("DELETE", "/requests");
    }
    publishTxt(name: string, value: string): Promise<void> {
        return this.call("POST", "/dns", { name, type: "TXT", value });
    }
    publishDns(name: string, type: "TXT" | "CNAME", value: string): Promise<void> {
        return this.call("POST", "/dns", { name, type, value });
    }
    publishedDns(): Promise<{ name: string; type: string; value: string }[]> {
        return this.call("GET", "/dns");
    }
    removeDns(name: string, type?: "TXT" | "CNAME"): Promise<void> {
        return this.call("DELETE", "/dns", { name, type });
    }
    settings(settings: {
        issuanceDelayMs?: number;
        dnsValidationDeadlineMs?: number;
        automaticDnsCheck?: boolean;
        fileValidationOrigin?: string | null;
        certificateFileFormat?: "zip" | "pem";
        latencyMs?: number;
        dropsRemoteId?: boolean;
        hidesCsr?: boolean;
    }): Promise<unknown> {
        return this.call("POST", "/settings", settings);
    }
    fault(fault: Record<string, unknown>): Promise<void> {
        return this.call("POST", "/faults", fault);
    }
    clearFaults(): Promise<void> {
        return this.call("DELETE", "/faults");
    }
    refuse(domain: string, reason: string): Promise<void> {
        return this.call("POST", "/refusals", { domain, reason });
    }
    /** The next certificates of `domain`, once validated, are refused with `reason` ("fail") or never decided ("never"). */
    outcome(rule: { domain: string; outcome: "fail" | "never"; reason?: string; count?: number }): Promise<void> {
        return this.call("POST", "/outcomes", rule);
    }
    approve(id: string): Promise<void> {
        return this.call("POST", `/certificates/${id}/approve`);
    }
}
