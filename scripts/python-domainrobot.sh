#!/usr/bin/env bash
# Installs DigitalTolk's public Python client of the Domainrobot JSON API (PyPI package `domainrobot`, with its one
# dependency httpx) into a cache directory, for the test that runs it against the simulator, and prints the interpreter
# and that directory (to put on PYTHONPATH) as the last two lines of stdout; everything else goes to stderr.
#
# - The interpreter is the first `python3` on PATH (the package needs Python 3.10 or newer).
# - The version is pinned, so the test's expectations hold for what is installed; pip takes it from the package
#   registry (PyPI or the index pip is configured with). Nothing of the client is kept in this repository.
set -euo pipefail
version=0.0.2
log() { echo "python domainrobot: $*" >&2; }
python="$(command -v python3 || true)"
[ -n "$python" ] || { log "no python3 on PATH: the client test needs Python 3.10 or newer"; exit 1; }
"$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' || { log "$python is older than 3.10 (domainrobot $version needs 3.10)"; exit 1; }
cache="${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-sslmanager/python-domainrobot-$version-py$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
if ! PYTHONPATH="$cache" "$python" -c "import importlib.metadata as m, httpx, domainrobot; assert m.version('domainrobot') == '$version'" >/dev/null 2>&1; then
    log "installing domainrobot==$version (and httpx) into $cache"
    rm -rf "$cache.partial"
    "$python" -m pip install --quiet --disable-pip-version-check --no-input --target "$cache.partial" "domainrobot==$version" >&2 || {
        log "pip could not install domainrobot==$version from the package registry"
        exit 1
    }
    rm -rf "$cache"
    mv "$cache.partial" "$cache"
fi
echo "$python"
echo "$cache"
