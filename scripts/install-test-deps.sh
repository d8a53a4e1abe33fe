#!/usr/bin/env bash
# What the tests need beyond the Python packages: PostgreSQL's server binaries
# (initdb, pg_ctl), from which tests/conftest.py starts a throwaway cluster, and
# Debian's chromium for the browser tests (tests/test_web_browser.py).
# Installs Debian's `postgresql` package with apt-get only when they are missing,
# so on a machine that has them this costs nothing.
set -euo pipefail

have_server() {
    compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null \
        || { command -v initdb >/dev/null && command -v pg_ctl >/dev/null; }
}

need_pg=1
have_server && need_pg=0
need_chromium=1
[ -x /usr/bin/chromium ] && need_chromium=0
if [ "$need_pg" = 0 ] && [ "$need_chromium" = 0 ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null; then
    echo "install-test-deps: PostgreSQL's server binaries (initdb, pg_ctl) or /usr/bin/chromium are missing and" \
         "there is no apt-get — install the PostgreSQL server and Chromium with your system's package manager" >&2
    exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
if [ "$need_pg" = 1 ]; then
    echo "install-test-deps: installing PostgreSQL (apt-get install postgresql) for the store tests" >&2
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    have_server
fi
if [ "$need_chromium" = 1 ]; then
    # the browser tests drive Debian's chromium through Playwright; never `playwright install`
    echo "install-test-deps: installing Chromium (apt-get install chromium) for the browser tests" >&2
    "${sudo[@]}" apt-get install -y -qq chromium >/dev/null
fi
