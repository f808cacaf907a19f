#!/usr/bin/env bash
# Prepares a Python that can run and type-check the generated Python SDK (sdk-gen/python), and prints the directory
# of the Pulumi Python SDK (the `pulumi` package) as the last line of stdout; everything else goes to stderr.
#
# - The interpreter is Debian's /usr/bin/python3, because the Pulumi SDK's dependencies come from Debian's packages
#   for it (python3-grpcio, python3-protobuf, python3-dill, python3-semver, python3-yaml, python3-packaging,
#   python3-setuptools): PyPI is not reachable here. Missing ones are installed with apt-get (CI runs as root).
# - The `pulumi` package is the python/lib/pulumi directory of the Go module github.com/pulumi/pulumi/sdk/v3 at the
#   version of the @pulumi/pulumi dependency (the CLI's version): that module's zip carries Pulumi's Python SDK
#   sources, and its pyproject.toml accepts protobuf from 3.20.3 on, so Debian 12's protobuf 3.21 loads its *_pb2.py.
#   The download goes through the Go module cache shared with the CLI's build (GOSUMDB=off, as there).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
log() { echo "python runtime: $*" >&2; }
python=/usr/bin/python3
modules=(grpc google.protobuf dill semver yaml packaging setuptools)
packages=(python3-grpcio python3-protobuf python3-dill python3-semver python3-yaml python3-packaging python3-setuptools)

importable() { "$python" -c "import $(IFS=,; echo "${modules[*]}")" >/dev/null 2>&1; }

if [ ! -x "$python" ]; then
    log "no $python: the checks of the generated Python SDK use Debian's python3 (apt-get install python3)"
    exit 1
fi
if ! importable; then
    if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        log "$python lacks some of ${modules[*]} and apt-get cannot run here (needs root): install ${packages[*]}"
        exit 1
    fi
    install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 "${packages[@]}" >&2; }
    log "installing ${packages[*]}"
    # A machine whose package lists are missing or stale needs `apt-get update` first.
    install || { apt-get update -q -o DPkg::Lock::Timeout=300 >&2 && install; } || {
        log "apt-get could not install ${packages[*]}"
        exit 1
    }
    importable || { log "$python still cannot import ${modules[*]} after installing ${packages[*]}"; exit 1; }
fi

if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then PATH="/usr/local/go/bin:$PATH"; fi
command -v go >/dev/null 2>&1 || { log "no Go toolchain to download github.com/pulumi/pulumi/sdk/v3 (put /usr/local/go/bin on PATH)"; exit 1; }
version="$(node -p 'require(process.argv[1]).version' "$root/node_modules/@pulumi/pulumi/package.json")"
directory="$(cd / && GOFLAGS=-mod=mod GOSUMDB=off GOTOOLCHAIN=local GOWORK=off \
    go mod download -json "github.com/pulumi/pulumi/sdk/v3@v$version" | "$python" -c 'import json, sys; print(json.load(sys.stdin)["Dir"])')"
lib="$directory/python/lib"
[ -f "$lib/pulumi/__init__.py" ] || { log "github.com/pulumi/pulumi/sdk/v3@v$version has no python/lib/pulumi"; exit 1; }
log "Pulumi Python SDK $version from $lib"
echo "$lib"
