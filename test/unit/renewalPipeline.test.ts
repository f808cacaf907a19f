import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { certificateStandings } from "../../provider/renewal/overdue";
import { repositoryRoot } from "../../scripts/pulumi-cli/workspace";
import { expect } from "../support/client";

// js-yaml comes with @pulumi/pulumi; it has no type declarations here.
const yaml = require("js-yaml") as { load(text: string): unknown };

const workflowPath = join(repositoryRoot, "examples", "renewal-pipeline", "renew-certificates.yml");
const workflowText = readFileSync(workflowPath, "utf8");
const workflow = yaml.load(workflowText) as {
    on: { schedule: { cron: string }[] };
    jobs: { renew: { steps: { run?: string; uses?: string }[] } };
};

const now = new Date("2026-12-01T12:00:00.000Z");
const certificate = (name: string, notAfter: string, renewBeforeDays?: number) => ({
    urn: `urn:pulumi:production::site::pulumi-nodejs:dynamic/internetx:Certificate::${name}`,
    type: "pulumi-nodejs:dynamic/internetx:Certificate",
    outputs: { name, notAfter, status: "ISSUED", ...(renewBeforeDays === undefined ? {} : { renewBeforeDays }) },
});
const exported = {
    deployment: {
        resources: [
            {
                urn: "urn:pulumi:production::site::pulumi:pulumi:Stack::site-production",
                type: "pulumi:pulumi:Stack",
                outputs: {},
            },
            certificate("fresh.example.com", "2027-11-01T00:00:00.000Z", 30),
            certificate("due.example.com", "2026-12-20T00:00:00.000Z", 30),
            certificate("default-window.example.com", "2026-12-25T00:00:00.000Z"),
        ],
    },
};

function renewalCheck(input: unknown) {
    return spawnSync(process.execPath, [join(repositoryRoot, "bin", "provider", "renewal", "cli.js")], {
        input: JSON.stringify(input),
        encoding: "utf8",
    });
}

describe("the scheduled renewal recipe", () => {
    it("runs every day on a schedule, pulumi up first, then the renewal check on the stack export", () => {
        expect(workflow.on.schedule.map((entry) => entry.cron)).to.deep.equal(["17 5 * * *"]);
        const runs = workflow.jobs.renew.steps.map((step) => step.run).filter((run): run is string => Boolean(run));
        expect(runs).to.deep.equal([
            "npm ci",
            "pulumi up --yes --stack production",
            "pulumi stack export --stack production | npx pulumi-sslmanager-renewal-check",
        ]);
    });

    it("is shown in the README exactly as the checked file", () => {
        expect(readFileSync(join(repositoryRoot, "README.md"), "utf8")).to.include("```yaml\n" + workflowText + "```");
    });

    it("calls certificates overdue from renewBeforeDays (30 when not set) before notAfter", () => {
        expect(certificateStandings(exported, now).map((standing) => [standing.name, standing.overdue])).to.deep.equal([
            ["fresh.example.com", false],
            ["due.example.com", true],
            ["default-window.example.com", true],
        ]);
    });

    it("fails with the names of the overdue certificates and passes when none is due", () => {
        const failing = renewalCheck({
            deployment: {
                resources: [certificate("due.example.com", new Date(Date.now() + 5 * 86_400_000).toISOString(), 30)],
            },
        });
        expect([failing.status, failing.stderr]).to.deep.equal([
            1,
            "1 certificate(s) inside the renewal window after pulumi up: due.example.com\n",
        ]);
        const passing = renewalCheck({
            deployment: {
                resources: [
                    certificate("fresh.example.com", new Date(Date.now() + 300 * 86_400_000).toISOString(), 30),
                ],
            },
        });
        expect(passing.status).to.equal(0);
        expect(passing.stdout).to.match(/^ok {2}fresh\.example\.com {2}not after \S+, renewal due 30 days before\n$/);
    });
});
