import { readFileSync } from "node:fs";
import { join } from "node:path";
import { referencePage, repositoryRoot, undocumented } from "../../scripts/reference";
import { expect } from "../support/client";

describe("the reference page", () => {
    it("documents every argument, output and type of the SDK", () => {
        expect(undocumented()).to.deep.equal([]);
    });

    it("is what npm run reference generates from the SDK today", () => {
        expect(readFileSync(join(repositoryRoot, "docs", "reference.md"), "utf8")).to.equal(referencePage());
    });
});
