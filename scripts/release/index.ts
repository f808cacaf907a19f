import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateSdks } from "../native/sdks";
import { repositoryRoot, schemaFile } from "../native/schema";
import { writePluginTarballs } from "./pluginTarball";
import { buildPython, packNodejs, prepareDotnet, prepareGo, SdkPackage } from "./sdkPackages";

/**
 * Where the CLI downloads the plugin when a program needs it ("Publishing packages": `pluginDownloadURL`). The
 * `github://api.github.com/<owner>` form reads the release assets of <owner>/pulumi-sslmanager, the owner the schema's
 * publisher and Go import path name.
 */
export const defaultPluginDownloadUrl = "github://api.github.com/pulumi-sslmanager";

interface Schema {
    version: string;
    pluginDownloadURL?: string;
    language: {
        python: { packageName: string };
        go: { importBasePath: string };
        csharp: { rootNamespace: string; respectSchemaVersion?: boolean };
    };
}

/** schema.json with what only a release knows: where the plugin is downloaded from; .NET gets the version too. */
export function releaseSchema(schemaText: string, pluginDownloadUrl: string): Schema {
    const schema = JSON.parse(schemaText) as Schema;
    return {
        ...schema,
        pluginDownloadURL: pluginDownloadUrl,
        language: { ...schema.language, csharp: { ...schema.language.csharp, respectSchemaVersion: true } },
    };
}

export interface Release {
    version: string;
    pluginTarballs: string[];
    schema: string;
    sdks: SdkPackage[];
}

/**
 * `npm run release`: everything of one version (package.json's) in `out` (dist/): the plugin tarballs, the schema
 * with pluginDownloadURL, and the SDKs generated from that schema, packaged per language.
 */
export async function release(
    out: string,
    pluginDownloadUrl: string,
    languages: readonly SdkPackage["language"][],
): Promise<Release> {
    const manifest = JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as {
        version: string;
        license: string;
    };
    const { version } = manifest;
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const pluginTarballs = await writePluginTarballs(out, version, manifest.license);
    const schema = releaseSchema(readFileSync(schemaFile, "utf8"), pluginDownloadUrl);
    if (schema.version !== version)
        throw new Error(`schema.json is of version ${schema.version}, package.json of ${version}: run npm run schema`);
    const schemaPath = join(out, "schema.json");
    writeFileSync(schemaPath, `${JSON.stringify(schema, null, 2)}\n`);
    const sdks: SdkPackage[] = [];
    if (languages.length > 0) {
        const sdkDirectory = join(out, "sdk");
        generateSdks(sdkDirectory, undefined, undefined, schemaPath);
        for (const language of languages) {
            const sdk = join(sdkDirectory, language);
            if (language === "nodejs") sdks.push(packNodejs(sdk, out));
            if (language === "python") sdks.push(buildPython(sdk, out, schema.language.python.packageName, version));
            if (language === "go") sdks.push(prepareGo(sdk, schema.language.go.importBasePath, version));
            if (language === "dotnet") sdks.push(prepareDotnet(sdk, schema.language.csharp.rootNamespace, version));
        }
    }
    return { version, pluginTarballs, schema: schemaPath, sdks };
}

/** `--plugin-download-url <url>` (else PULUMI_SSLMANAGER_PLUGIN_DOWNLOAD_URL, else the default), `--out <dir>`, `--languages nodejs,python` ("" for none). */
function options(args: string[]): { out: string; pluginDownloadUrl: string; languages: SdkPackage["language"][] } {
    const value = (name: string) => {
        const index = args.indexOf(name);
        return index >= 0 ? args[index + 1] : undefined;
    };
    const languages = (value("--languages") ?? "nodejs,python,go,dotnet").split(",").filter(Boolean);
    const known = ["nodejs", "python", "go", "dotnet"];
    const unknown = languages.filter((language) => !known.includes(language));
    if (unknown.length > 0) throw new Error(`--languages: unknown ${unknown.join(", ")} (known: ${known.join(", ")})`);
    return {
        out: value("--out") ?? join(repositoryRoot, "dist"),
        pluginDownloadUrl:
            value("--plugin-download-url") ??
            process.env.PULUMI_SSLMANAGER_PLUGIN_DOWNLOAD_URL ??
            defaultPluginDownloadUrl,
        languages: languages as SdkPackage["language"][],
    };
}

if (require.main === module) {
    const { out, pluginDownloadUrl, languages } = options(process.argv.slice(2));
    release(out, pluginDownloadUrl, languages).then(
        (result) => {
            console.log(`version ${result.version}, plugin download URL ${pluginDownloadUrl}`);
            for (const tarball of result.pluginTarballs) console.log(`plugin  ${tarball}`);
            console.log(`schema  ${result.schema}`);
            for (const sdk of result.sdks)
                console.log(`${sdk.language.padEnd(7)} ${sdk.files.join(" ")}\n        install: ${sdk.install}`);
        },
        (error: Error) => {
            console.error(`release failed: ${error.message}`);
            process.exit(1);
        },
    );
}
