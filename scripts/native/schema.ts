import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageSchema } from "../../provider/native/schema";

/** The checked-in schema.json: what `pulumi package gen-sdk` reads. Written from provider/native/schema. */
export const repositoryRoot = join(__dirname, "..", "..", "..");
export const schemaFile = join(repositoryRoot, "schema.json");

export function schemaText(): string {
    const { version } = require(join(repositoryRoot, "package.json")) as { version: string };
    return `${JSON.stringify(packageSchema(version), null, 2)}\n`;
}

if (require.main === module) {
    writeFileSync(schemaFile, schemaText());
    console.log(`wrote ${schemaFile}`);
}
