import { readdirSync } from "node:fs";
import { join } from "node:path";
import { repositoryRoot } from "../../scripts/pulumi-cli/workspace";
import { expect } from "../support/client";

/** The folders whose TypeScript makes up the project (tsconfig.json's `include`). */
const sourceFolders = ["provider", "sdk", "simulator", "scripts", "bench", "test", "index.ts"];

describe("the module structure", () => {
    it("has no import cycle in any source folder (madge over the TypeScript sources)", async function () {
        this.timeout(120_000);
        const madge = (await import("madge")).default;
        const graph = await madge(
            sourceFolders.map((folder) => join(repositoryRoot, folder)),
            {
                fileExtensions: ["ts"],
                tsConfig: join(repositoryRoot, "tsconfig.json"),
                excludeRegExp: [/node_modules/, /^bin\//, /test\/e2e\/programs\//],
            },
        );
        expect(graph.circular()).to.deep.equal([]);
    });

    it("exports the package entry point, the dynamic providers' modules that state requires, and nothing else of bin/", () => {
        const resolveFromPackage = (specifier: string) => require.resolve(specifier, { paths: [repositoryRoot] });
        expect(resolveFromPackage("pulumi-sslmanager")).to.equal(join(repositoryRoot, "bin", "index.js"));
        // Serialized dynamic providers in users' stacks (0.1.0 and later) require these paths by name.
        for (const module of readdirSync(join(repositoryRoot, "provider", "dynamic"))
            .filter((file) => file.endsWith(".ts"))
            .map((file) => file.slice(0, -3))) {
            expect(resolveFromPackage(`pulumi-sslmanager/bin/provider/dynamic/${module}`)).to.equal(
                join(repositoryRoot, "bin", "provider", "dynamic", `${module}.js`),
            );
        }
        // The native plugin's launcher finds its server by this name when it runs from a copied file.
        expect(resolveFromPackage("pulumi-sslmanager/bin/provider/native/server")).to.equal(
            join(repositoryRoot, "bin", "provider", "native", "server.js"),
        );
        for (const internal of [
            "pulumi-sslmanager/bin/provider/internetx/client",
            "pulumi-sslmanager/bin/simulator/internetx/model",
            "pulumi-sslmanager/bin/provider/x509/index",
        ]) {
            expect(() => resolveFromPackage(internal), internal).to.throw(
                `Package subpath './${internal.slice("pulumi-sslmanager/".length)}' is not defined by "exports" in ${join(repositoryRoot, "package.json")}`,
            );
        }
    });
});
