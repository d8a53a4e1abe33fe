#!/usr/bin/env bash
# What the tests need beyond the Python packages: PostgreSQL's server binaries
# (initdb, pg_ctl), from which tests/conftest.py starts a throwaway cluster.
# Installs Debian's `postgresql` package with apt-get only when they are missing,
# so on a machine that has them this costs nothing.
set -euo pipefail

have_server() {
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null \
        || { command -v initdb >/dev/null && command -v pg_ctl >/dev/null; }
}

if have_server; then
    exit 0
fi
if ! command -v apt-get >/dev/null; then
    echo "install-test-deps: PostgreSQL's server binaries (initdb, pg_ctl) are missing and there is no apt-get —" \
         "install the PostgreSQL server with your system's package manager" >&2
    exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
fi
echo "install-test-deps: installing PostgreSQL (apt-get install postgresql) for the store tests" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends postgresql >/dev/null
have_server
