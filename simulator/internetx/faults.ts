import type { Json } from "./jsonValue";

/** A fault to inject into the next matching API requests (admin endpoint `/__simulator/faults`). */
export interface FaultRule {
    kind: "status" | "delay" | "reset" | "malformed";
    status?: number;
    retryAfterSeconds?: number;
    ms?: number;
    when?: "before" | "after";
    remaining: number;
    match?: { method?: string; pathPrefix?: string; taskCode?: string };
}

export class FaultInjector {
    private rules: FaultRule[] = [];
    injected = 0;

    add(rule: Json): void {
        if (!["status", "delay", "reset", "malformed"].includes(rule.kind))
            throw new Error(`unknown fault kind ${rule.kind}`);
        if (rule.kind === "status" && !(Number(rule.status) >= 400 && Number(rule.status) <= 599))
            throw new Error("a status fault needs status 400..599");
        if (rule.kind === "reset" && rule.when !== undefined && rule.when !== "before" && rule.when !== "after")
            throw new Error('when must be "before" or "after"');
        this.rules.push({ ...rule, remaining: Number(rule.count ?? 1) } as FaultRule);
    }

    /** The rules with requests left to hit. */
    pending(): FaultRule[] {
        return this.rules.filter((rule) => rule.remaining > 0);
    }

    clear(): void {
        this.rules = [];
    }

    /** The fault for this request, if any; using it counts down its rule. */
    take(request: { method: string; path: string; taskCode?: string }): FaultRule | undefined {
        const rule = this.rules.find(
            (candidate) =>
                candidate.remaining > 0 &&
                (!candidate.match?.method || candidate.match.method === request.method) &&
                (!candidate.match?.pathPrefix || request.path.startsWith(candidate.match.pathPrefix)) &&
                (!candidate.match?.taskCode || candidate.match.taskCode === request.taskCode),
        );
        if (!rule) return undefined;
        rule.remaining--;
        this.injected++;
        return rule;
    }
}
