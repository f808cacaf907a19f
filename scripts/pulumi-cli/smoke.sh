#!/usr/bin/env bash
# End-to-end proof that the Pulumi CLI from setup.sh works offline with a Node.js dynamic provider:
# a throw-away program (one pulumi.dynamic.Resource whose provider writes and removes a file) on a local file
# backend goes through stack init, up, stack output, preview --expect-no-changes and destroy.
#
# Where `unshare -n` and `ip` work (root, or a kernel allowing it), every pulumi command runs in a network
# namespace of its own with only loopback: any attempt to reach the network fails the run instead of going unseen.
# SMOKE_ISOLATE=0 turns that off, SMOKE_ISOLATE=1 requires it. SMOKE_KEEP=1 keeps the temporary directory.
# Needs node_modules (npm ci) and, for the project's language host, the compiled bin/ (npm run build).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
say() { echo "smoke: $*" >&2; }
fail() { say "FAILED: $*"; exit 1; }

started=$(date +%s)
pathfragment="$(bash "$here/setup.sh" | tail -n 1)"
[ -n "$pathfragment" ] || fail "setup.sh printed no PATH"
say "PATH fragment from setup.sh: $pathfragment ($(( $(date +%s) - started ))s)"
if [ ! -f "$root/bin/scripts/pulumi-cli/languageHost.js" ]; then
    say "note: $root/bin/scripts/pulumi-cli/languageHost.js is missing (npm run build); the project's language host needs it"
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/pulumi-sslmanager-smoke.XXXXXX")"
cleanup() { if [ "${SMOKE_KEEP:-}" = 1 ]; then say "kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT
program="$tmp/program"
mkdir -p "$program" "$tmp/state" "$tmp/home" "$tmp/marker"
ln -s "$root/node_modules" "$program/node_modules"

cat >"$program/Pulumi.yaml" <<'YAML'
name: sslmanager-smoke
description: pulumi-sslmanager scripts/pulumi-cli/smoke.sh
runtime:
  name: nodejs
  options:
    typescript: false
main: index.js
YAML
cat >"$program/package.json" <<'JSON'
{ "name": "sslmanager-smoke", "version": "0.0.0", "private": true, "main": "index.js" }
JSON
cat >"$program/index.js" <<'JS'
"use strict";
const pulumi = require("@pulumi/pulumi");

// A trivial dynamic provider: create writes a marker file, delete removes it (modules are required inside the
// functions, which are serialized into state).
const provider = {
    async create(inputs) {
        const fs = require("fs");
        fs.writeFileSync(inputs.file, inputs.greeting);
        return { id: `smoke-${inputs.greeting.length}`, outs: { ...inputs, message: `${inputs.greeting}, world` } };
    },
    async diff(_id, olds, news) {
        const replaces = ["greeting", "file"].filter((key) => olds[key] !== news[key]);
        return { changes: replaces.length > 0, replaces };
    },
    async delete(_id, props) {
        require("fs").rmSync(props.file, { force: true });
    },
};

class Greeting extends pulumi.dynamic.Resource {
    constructor(name, args, opts) {
        super(provider, name, { message: undefined, ...args }, opts);
    }
}

const config = new pulumi.Config();
const greeting = new Greeting("greeting", { greeting: "hello", file: config.require("markerFile") });
exports.message = greeting.message;
exports.id = greeting.id;
JS

export PATH="$pathfragment:$PATH"
export PULUMI_HOME="$tmp/home"
export PULUMI_BACKEND_URL="file://$tmp/state"
export PULUMI_CONFIG_PASSPHRASE=test
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_SKIP_CONFIRMATIONS=true
export PULUMI_DIY_BACKEND_NO_LEGACY_WARNING=true
export NO_COLOR=1
unset PULUMI_ACCESS_TOKEN PULUMI_IGNORE_AMBIENT_PLUGINS

isolate=0
case "${SMOKE_ISOLATE:-auto}" in
0) ;;
*)
    if command -v unshare >/dev/null 2>&1 && command -v ip >/dev/null 2>&1 \
        && unshare -n sh -c 'ip link set lo up' >/dev/null 2>&1; then
        isolate=1
    elif [ "${SMOKE_ISOLATE:-auto}" = 1 ]; then
        fail "SMOKE_ISOLATE=1 but 'unshare -n' with 'ip link set lo up' does not work here"
    fi
    ;;
esac
say "pulumi $(command -v pulumi) $(pulumi version); language host $(command -v pulumi-language-nodejs);" \
    "dynamic-provider launcher $(command -v pulumi-resource-pulumi-nodejs); network isolation: $([ $isolate = 1 ] && echo 'yes (unshare -n, loopback only)' || echo no)"

# One pulumi command in the program directory (in its own network namespace when isolating).
pl() {
    if [ $isolate = 1 ]; then
        (cd "$program" && unshare -n sh -c 'ip link set lo up && exec "$@"' sh pulumi --non-interactive "$@")
    else
        (cd "$program" && pulumi --non-interactive "$@")
    fi
}
run() {
    say "\$ pulumi $*"
    local status=0
    pl "$@" || status=$?
    [ $status = 0 ] || fail "pulumi $* exited with $status"
}

cd "$program"
timer=$(date +%s)
run stack init dev
run config set markerFile "$tmp/marker/created"
run up --yes --skip-preview
[ "$(cat "$tmp/marker/created")" = hello ] || fail "the provider's create did not write the marker file"
message="$(pl stack output message)" || fail "pulumi stack output message failed"
say "stack output message = $message"
[ "$message" = "hello, world" ] || fail "stack output message is '$message', expected 'hello, world'"
run stack output --json
run preview --expect-no-changes
run destroy --yes
[ ! -e "$tmp/marker/created" ] || fail "the provider's delete did not remove the marker file"
run stack rm --yes dev
ls "$tmp/home/plugins" 2>/dev/null | grep . && fail "the CLI installed plugins into PULUMI_HOME" || true
say "PASSED in $(( $(date +%s) - timer ))s of pulumi commands ($(( $(date +%s) - started ))s in all)"
