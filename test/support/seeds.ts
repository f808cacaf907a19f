import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Reads the API documents in ../shared/seeds (beside every checkout and CI run) so that wire tests compare with
 * the documents themselves. Fixtures are never copied into the project.
 */
export const seedsDirectory = join(__dirname, "..", "..", "..", "..", "shared", "seeds");

export function seedText(prefix: "000" | "001" | "002" | "003" | "004"): string {
    const file = readdirSync(seedsDirectory).find((name) => name.startsWith(`${prefix}_`));
    if (!file) throw new Error(`seed ${prefix} not found in ${seedsDirectory}`);
    return readFileSync(join(seedsDirectory, file), "utf8");
}

/** Every top-level JSON object of a seed, in document order. Lines that are only "..." (elisions) are dropped. */
export function jsonBlocks(text: string): unknown[] {
    const lines = text.split("\n");
    const blocks: unknown[] = [];
    for (let index = 0; index < lines.length; index++) {
        if (lines[index].trim() !== "{" || /^\s/.test(lines[index])) continue;
        let depth = 0;
        const collected: string[] = [];
        for (let end = index; end < lines.length; end++) {
            const line = lines[end];
            if (line.trim() === "...") continue;
            collected.push(line);
            depth += countBraces(line);
            if (depth === 0) {
                blocks.push(JSON.parse(collected.join("\n")));
                index = end;
                break;
            }
        }
    }
    return blocks;
}

function countBraces(line: string): number {
    let depth = 0;
    let inString = false;
    for (let position = 0; position < line.length; position++) {
        const character = line[position];
        if (character === "\\" && inString) position++;
        else if (character === '"') inString = !inString;
        else if (!inString && character === "{") depth++;
        else if (!inString && character === "}") depth--;
    }
    return depth;
}

/** Every `<request>…</request>` or `<response>…</response>` document of a seed, in order. */
export function xmlDocuments(text: string, root: "request" | "response"): string[] {
    return [...text.matchAll(new RegExp(`<${root}>[\\s\\S]*?</${root}>`, "g"))].map((match) => match[0]);
}
