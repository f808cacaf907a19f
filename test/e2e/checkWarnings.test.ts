import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PulumiWorkspace, pulumiPath } from "../../scripts/pulumi-cli/workspace";
import { expect } from "../support/client";

/** A warning of check as a person sees it: `pulumi preview` of a TypeScript program under the real CLI. */
describe("check warnings in a real preview", function () {
    this.timeout(10 * 60 * 1000);

    it("previews an ispmanager.Certificate with approverEmails and no validationMethod with the warning under the resource, sending nothing", async () => {
        const program = new PulumiWorkspace(
            mkdtempSync(join(tmpdir(), "sslmanager-approvers-")),
            "test/e2e/programs/ispmanager-approvers",
            pulumiPath(),
        );
        await program.must(["stack", "init", "approvers"]);
        // Never contacted: a preview sends no request.
        await program.must(["config", "set", "ispmanager:url", "https://billing.invalid/billmgr"]);
        await program.must(["config", "set", "ispmanager:user", "reseller@example.com"]);
        await program.must(["config", "set", "--secret", "ispmanager:password", "s3cret-pass"]);
        const preview = await program.must(["preview"]);
        const warning =
            'warning: approverEmails (webmaster@shop.example.com) are unused: no validationMethod is given, so it is DNS (the default), where the CA checks a DNS TXT record and sends no approval e-mail. Set validationMethod: "EMAIL" to have the CA send its approval e-mail to these addresses, or remove approverEmails.';
        const diagnostics = preview.stdout.slice(preview.stdout.indexOf("Diagnostics:"));
        expect(diagnostics).to.contain(`pulumi-nodejs:dynamic/ispmanager:Certificate (shop):\n    ${warning}`);
        expect(preview.stdout).to.match(/\+ 2 to create/);
    });
});
