#!/usr/bin/env bash
# Makes a Pulumi CLI available for the end-to-end tests, `npm start` and scripts/pulumi-cli/smoke.sh.
#
# Output: the last line of stdout is the PATH fragment to put first (directories joined with ':'): the directory
# of `pulumi` (and of the dynamic-provider launcher `pulumi-resource-pulumi-nodejs`), then, when no Pulumi
# `pulumi-language-nodejs` is available, this folder's bin/ with the project's own Node.js language host
# (languageHost.ts, compiled by `npm run build`). Everything else goes to stderr.
#
# 1. A `pulumi` on PATH together with a `pulumi-language-nodejs` (a Pulumi installation) is used as it is.
# 2. Otherwise the CLI is built with Go from the Go module proxy, pinned to the version of the installed
#    @pulumi/pulumi (node_modules/@pulumi/pulumi/package.json), and cached outside the checkout in
#    ${PULUMI_SSLMANAGER_CACHE:-$HOME/.cache/pulumi-sslmanager}/pulumi-v<version>/bin; later runs reuse it.
#    - `go install github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v<version>` is refused: pkg/v3's go.mod replaces
#      sdk/v3 with ../sdk. The build uses a module of its own that requires pkg/v3 and sdk/v3 at that version and
#      repeats pkg's non-local replace directives (read from pkg's go.mod on the proxy).
#    - sum.golang.org is not reachable here: GOSUMDB=off (the downloaded zips are hashed into the build's go.sum).
#    - Pulumi's Node.js language host (github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3) is
#      refused by the module proxy here (403); it is built too when the proxy serves it, and otherwise the
#      project's own language host in this folder's bin/ is used.
# 3. `pulumi-resource-pulumi-nodejs`, the plugin the CLI starts for Node.js dynamic providers, is written next to
#    the CLI: it runs @pulumi/pulumi/cmd/dynamic-provider from the program's own node_modules.
#
# Environment: PULUMI_SSLMANAGER_CACHE (cache root), PULUMI_SSLMANAGER_BUILD_JOBS (go build -p; default: nproc),
# PULUMI_SSLMANAGER_REBUILD=1 (ignore the cached binaries and the pulumi on PATH), PULUMI_SSLMANAGER_OPTIMIZE=1
# (compiler optimizations on: slower build).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
launchers="$here/bin"
log() { echo "pulumi-cli setup: $*" >&2; }
export PULUMI_SKIP_UPDATE_CHECK=true

# The dynamic-provider launcher (the same job as the script shipped in @pulumi/pulumi's package root): run the
# SDK's dynamic-provider server found from the current directory (the CLI starts plugins in the program directory).
write_dynamic_provider_launcher() {
    local file="$1/pulumi-resource-pulumi-nodejs"
    cat >"$file.tmp" <<'LAUNCHER'
#!/bin/sh
# Written by pulumi-sslmanager scripts/pulumi-cli/setup.sh: the Pulumi plugin for Node.js dynamic providers.
# Runs @pulumi/pulumi/cmd/dynamic-provider from the node_modules seen from the current (program) directory.
server=$(node -e 'process.stdout.write(require.resolve("@pulumi/pulumi/cmd/dynamic-provider"))') || exit 1
exec node "$server" "$@"
LAUNCHER
    chmod 755 "$file.tmp"
    mv -f "$file.tmp" "$file"
}

# The PATH fragment for a directory holding `pulumi`: add this folder's bin/ when that directory lacks a language
# host or the dynamic-provider launcher (PATH order lets the directory's own ones win).
path_for() {
    if [ -x "$1/pulumi-language-nodejs" ] && [ -x "$1/pulumi-resource-pulumi-nodejs" ]; then
        echo "$1"
    else
        echo "$1:$launchers"
    fi
}

# 1. A Pulumi installation on PATH.
if [ "${PULUMI_SSLMANAGER_REBUILD:-}" != 1 ] && command -v pulumi >/dev/null 2>&1 \
    && command -v pulumi-language-nodejs >/dev/null 2>&1 && pulumi version >/dev/null 2>&1; then
    dir="$(dirname "$(command -v pulumi)")"
    log "using the pulumi on PATH: $dir/pulumi $(pulumi version), language host $(command -v pulumi-language-nodejs)"
    # The directories of the CLI, its language host and the dynamic-provider launcher (ours when there is none).
    provider="$(command -v pulumi-resource-pulumi-nodejs || echo "$launchers/pulumi-resource-pulumi-nodejs")"
    fragment="$dir"
    for extra in "$(dirname "$(command -v pulumi-language-nodejs)")" "$(dirname "$provider")"; do
        case ":$fragment:" in *":$extra:"*) ;; *) fragment="$fragment:$extra" ;; esac
    done
    echo "$fragment"
    exit 0
fi

version="$(node -p 'require(process.argv[1]).version' "$root/node_modules/@pulumi/pulumi/package.json")"
cache="${PULUMI_SSLMANAGER_CACHE:-$HOME/.cache/pulumi-sslmanager}"
target="$cache/pulumi-v$version/bin"

cached() {
    [ "${PULUMI_SSLMANAGER_REBUILD:-}" != 1 ] && [ -x "$target/pulumi" ] \
        && [ "$("$target/pulumi" version 2>/dev/null)" = "v$version" ]
}

if cached; then
    [ -x "$target/pulumi-resource-pulumi-nodejs" ] || write_dynamic_provider_launcher "$target"
    log "using the cached Pulumi CLI v$version in $target"
    path_for "$target"
    exit 0
fi

# 2. Build. One build at a time per cache (tests and scripts may call this concurrently).
mkdir -p "$cache"
exec 9>"$cache/.build-v$version.lock"
if command -v flock >/dev/null 2>&1; then
    log "waiting for the build lock $cache/.build-v$version.lock"
    flock 9
    if cached; then
        log "built meanwhile by another run: $target"
        path_for "$target"
        exit 0
    fi
fi
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then PATH="/usr/local/go/bin:$PATH"; fi
command -v go >/dev/null 2>&1 || { log "no pulumi on PATH and no Go toolchain to build it (put /usr/local/go/bin on PATH)"; exit 1; }

export GOFLAGS="-mod=mod -buildvcs=false -p=${PULUMI_SSLMANAGER_BUILD_JOBS:-$(nproc 2>/dev/null || echo 2)}"
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}" GOSUMDB=off GOWORK=off CGO_ENABLED=0
pkg="github.com/pulumi/pulumi/pkg/v3"
sdk="github.com/pulumi/pulumi/sdk/v3"
languagehost="github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3"
module="$cache/build-v$version"
staging="$cache/pulumi-v$version/bin.new"
rm -rf "$module" "$staging"
mkdir -p "$module" "$staging"
started=$(date +%s)
log "building the Pulumi CLI v$version from the Go module proxy ($(go version), GOFLAGS=$GOFLAGS; first run only)"

# pkg/v3's go.mod (path in the module cache): its non-local replace directives apply to our build too (they are configuration, not code).
pkgmod="$(cd "$module" && go mod download -json "$pkg@v$version" | node -e '
    let s = ""; process.stdin.on("data", (c) => (s += c)).on("end", () => {
        const info = JSON.parse(s);
        if (info.Error) { console.error(info.Error); process.exit(1); }
        process.stdout.write(info.GoMod);
    });')"
replaces="$(awk '
    /^replace[ \t]*\($/ { block = 1; next }
    block && /^\)/ { block = 0; next }
    block { line = $0 }
    !block && /^replace[ \t]/ { line = $0; sub(/^replace[ \t]+/, "", line) }
    line ~ /=>/ {
        split(line, parts, "=>"); target = parts[2]; gsub(/^[ \t]+/, "", target)
        if (target !~ /^[.\/]/) print "replace " line
    }
    { line = "" }' "$pkgmod")"
gover="$(awk '$1 == "go" { print $2; exit }' "$pkgmod")"
{
    echo "module pulumi-sslmanager/pulumi-cli-build"
    echo
    echo "go $gover"
    echo
    if [ -n "$replaces" ]; then echo "$replaces"; fi
} >"$module/go.mod"
log "build module $module/go.mod: go $gover; replaces from pkg/v3: ${replaces:-none}"

# The Node.js language host is its own module; the proxy here refuses it, so it is optional.
packages=("$pkg/cmd/pulumi")
( cd "$module" && go get "$pkg/cmd/pulumi@v$version" "$sdk@v$version" ) >&2
if (cd "$module" && go get "$languagehost@v$version") >"$module/languagehost.log" 2>&1; then
    packages+=("$languagehost")
    log "the module proxy serves $languagehost@v$version: building it too"
else
    log "the module proxy does not serve $languagehost@v$version ($(grep -m1 -o '[0-9][0-9][0-9] [A-Za-z ]*' "$module/languagehost.log" || tail -1 "$module/languagehost.log")); using $launchers/pulumi-language-nodejs"
fi
downloaded=$(date +%s)
log "modules resolved and downloaded in $((downloaded - started))s; compiling ${packages[*]}"

# Both binaries in one invocation (shared packages compile once); -s -w skips the symbol table and DWARF (less
# link work). Without optimization and inlining (-N -l) the compile takes ~30% less CPU (measured here: 316 CPU-s
# against ~440) for a larger binary (130 MB against 107 MB) that runs these stacks just as well;
# PULUMI_SSLMANAGER_OPTIMIZE=1 builds the optimized CLI instead.
gcflags="all=-N -l"
if [ "${PULUMI_SSLMANAGER_OPTIMIZE:-}" = 1 ]; then gcflags=""; fi
(cd "$module" && go build -trimpath -gcflags="$gcflags" \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
    -o "$staging/" "${packages[@]}") >&2
write_dynamic_provider_launcher "$staging"
built="$("$staging/pulumi" version)"
[ "$built" = "v$version" ] || { log "the built CLI reports version '$built', expected v$version"; exit 1; }
rm -rf "$target"
mv "$staging" "$target"
log "built Pulumi CLI $built in $(( $(date +%s) - started ))s (download $((downloaded - started))s, compile $(( $(date +%s) - downloaded ))s): $(du -sh "$target/pulumi" | cut -f1) in $target"
path_for "$target"
