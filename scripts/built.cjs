#!/usr/bin/env node
// Runs a compiled module of this repository (`node scripts/built.cjs simulator/cli --port 8443`), compiling first only
// when bin/ is missing or older than a source file, so `npm run simulator` starts at once on a built tree. Also links
// node_modules/pulumi-sslmanager to this checkout: the repository root is a Pulumi project (Pulumi.yaml, the
// quickstart), and its program and the dynamic providers it serializes load the package by name.
// Plain JavaScript on purpose: it has to run before anything is compiled. What it prints goes to stderr; stdout
// belongs to the module it runs.
"use strict";
const { execFileSync } = require("node:child_process");
const { existsSync, lstatSync, readdirSync, statSync, symlinkSync } = require("node:fs");
const { join, relative } = require("node:path");

const root = join(__dirname, "..");
const sourceDirectories = ["provider", "sdk", "simulator", "scripts"];

function newestSource() {
    let newest = statSync(join(root, "index.ts")).mtimeMs;
    const visit = (directory) => {
        for (const entry of readdirSync(directory, { withFileTypes: true })) {
            const path = join(directory, entry.name);
            if (entry.isDirectory()) visit(path);
            else if (entry.name.endsWith(".ts")) newest = Math.max(newest, statSync(path).mtimeMs);
        }
    };
    for (const directory of sourceDirectories) visit(join(root, directory));
    return newest;
}

function ensureBuilt(target) {
    const compiled = join(root, "bin", `${target}.js`);
    if (existsSync(compiled) && statSync(compiled).mtimeMs >= newestSource()) return compiled;
    process.stderr.write(
        `compiling (tsc) because ${relative(root, compiled)} is ${existsSync(compiled) ? "older than the sources" : "missing"}\n`,
    );
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(root, "tsconfig.json")], {
        cwd: root,
        stdio: ["ignore", 2, 2],
    });
    return compiled;
}

function ensurePackageLink() {
    const link = join(root, "node_modules", "pulumi-sslmanager");
    try {
        lstatSync(link);
    } catch {
        symlinkSync("..", link, "dir");
    }
}

const [target, ...args] = process.argv.slice(2);
if (!target) {
    process.stderr.write("usage: node scripts/built.cjs <module under bin/, e.g. simulator/cli> [arguments]\n");
    process.exit(2);
}
const compiled = ensureBuilt(target);
ensurePackageLink();
process.argv = [process.argv[0], compiled, ...args];
require(compiled);
