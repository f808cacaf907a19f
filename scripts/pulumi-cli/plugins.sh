#!/usr/bin/env bash
# Builds the Pulumi plugins the Go module proxy can give this project, next to the CLI of setup.sh, and prints the
# PATH fragment "<bin>:<codegen>" (last line of stdout; everything else goes to stderr):
#
# - <cache>/plugins-<key>/bin/pulumi-language-yaml: Pulumi YAML's language host (github.com/pulumi/pulumi-yaml
#   v1.25.0, the newest the proxy lists here). It does not compile against the CLI's pkg v3.248.0, so it is built in
#   a module of its own (plugins/go.mod) at the pkg/sdk v3.206.0 its go.mod names.
# - <cache>/plugins-<key>/codegen/pulumi-language-{nodejs,python,go,dotnet}: the code generation plugin
#   (plugins/*.go), GeneratePackage only, for `pulumi package gen-sdk` (Pulumi's own language hosts are refused by
#   the proxy). Node.js, Python and Go are built against the CLI's pkg version; .NET (tag `dotnet`) in the YAML
#   module, as pkg v3.248.0 has no .NET generator. Only SDK generation puts this directory on PATH: it runs no programs.
#
# Cached like the CLI: <key> hashes the CLI version and plugins/*; a flock keeps concurrent runs from building
# twice; PULUMI_SSLMANAGER_REBUILD=1 ignores the cache. Environment as setup.sh (PULUMI_SSLMANAGER_CACHE,
# PULUMI_SSLMANAGER_BUILD_JOBS).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source_dir="$here/plugins"
log() { echo "pulumi plugins: $*" >&2; }

version="$(node -p 'require(process.argv[1]).version' "$root/node_modules/@pulumi/pulumi/package.json")"
key="$( (echo "$version"; cat "$source_dir"/go.mod "$source_dir"/*.go) | sha256sum | cut -c1-12)"
cache="${PULUMI_SSLMANAGER_CACHE:-$HOME/.cache/pulumi-sslmanager}"
target="$cache/plugins-$key"
languages=(nodejs python go dotnet)

cached() {
    [ "${PULUMI_SSLMANAGER_REBUILD:-}" != 1 ] && [ -x "$target/bin/pulumi-language-yaml" ] && [ -x "$target/codegen/pulumi-language-dotnet" ] \
        && [ -x "$target/codegen/pulumi-language-nodejs" ]
}

if cached; then
    log "using the cached plugins in $target"
    echo "$target/bin:$target/codegen"
    exit 0
fi

mkdir -p "$cache"
exec 9>"$cache/.build-plugins-$key.lock"
if command -v flock >/dev/null 2>&1; then
    flock 9
    if cached; then
        log "built meanwhile by another run: $target"
        echo "$target/bin:$target/codegen"
        exit 0
    fi
fi
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then PATH="/usr/local/go/bin:$PATH"; fi
command -v go >/dev/null 2>&1 || { log "no Go toolchain to build the plugins (put /usr/local/go/bin on PATH)"; exit 1; }

export GOFLAGS="-mod=mod -buildvcs=false -p=${PULUMI_SSLMANAGER_BUILD_JOBS:-$(nproc 2>/dev/null || echo 2)}"
export GOTOOLCHAIN="${GOTOOLCHAIN:-local}" GOSUMDB=off GOWORK=off CGO_ENABLED=0
# Flags as the CLI's build (setup.sh): no optimization, no symbol table.
build() { go build -trimpath -gcflags="all=-N -l" -ldflags "-s -w" "$@"; }
requirements() { awk '/^require \(/ { block = 1; next } block && /^\)/ { block = 0 } block && NF == 2 { print $1 "@" $2 }' "$1"; }

yaml_module="$cache/build-plugins-$key/yaml"
codegen_module="$cache/build-plugins-$key/codegen"
staging="$target.new"
rm -rf "$cache/build-plugins-$key" "$staging"
mkdir -p "$yaml_module" "$codegen_module" "$staging/bin" "$staging/codegen"
cp "$source_dir"/go.mod "$source_dir"/*.go "$yaml_module/"
cp "$source_dir"/*.go "$codegen_module/"
cat >"$codegen_module/go.mod" <<MODULE
module pulumi-sslmanager/pulumi-codegen

go 1.24.7

require (
	github.com/pulumi/pulumi/pkg/v3 v$version
	github.com/pulumi/pulumi/sdk/v3 v$version
)
MODULE
started=$(date +%s)
log "building pulumi-language-yaml and the code generation plugin ($(go version), GOFLAGS=$GOFLAGS)"
# The pinned versions and what they need (go.sum is made here: GOSUMDB=off, as for the CLI).
for module in "$yaml_module" "$codegen_module"; do
    # shellcheck disable=SC2046
    (cd "$module" && go get $(requirements "$module/go.mod")) >&2
done
downloaded=$(date +%s)
(cd "$yaml_module" && build -o "$staging/bin/" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml) >&2
(cd "$yaml_module" && build -tags dotnet -o "$staging/codegen/pulumi-sslmanager-codegen-dotnet" .) >&2
(cd "$codegen_module" && build -o "$staging/codegen/pulumi-sslmanager-codegen" .) >&2
for language in "${languages[@]}"; do
    binary=pulumi-sslmanager-codegen
    if [ "$language" = dotnet ]; then binary=pulumi-sslmanager-codegen-dotnet; fi
    ln -s "$binary" "$staging/codegen/pulumi-language-$language"
done
rm -rf "$target"
mv "$staging" "$target"
log "built in $(( $(date +%s) - started ))s (download $((downloaded - started))s, compile $(( $(date +%s) - downloaded ))s) into $target"
echo "$target/bin:$target/codegen"
