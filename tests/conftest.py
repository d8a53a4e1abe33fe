"""Shared fixtures.

PostgreSQL: ``pg_server`` starts a throwaway cluster from the server binaries of
Debian's ``postgresql`` package (``scripts/install-test-deps.sh`` installs them),
once per session; ``pg_url`` gives each test a fresh, empty database in it, and
``pg_kb_url`` one that already holds an empty knowledge base.  Without
the binaries the PostgreSQL tests fail under CI and are skipped elsewhere, saying
what to install.  ``pytest -m "not postgres"`` leaves them out.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

PG_USER = "dossier"   # the cluster's superuser (trust authentication, local connections only)
_INSTALL = ("PostgreSQL's server binaries (initdb, pg_ctl) were not found — install them with "
            "`scripts/install-test-deps.sh` (apt-get install postgresql), as CI does")


_OWN_CACHE = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``postgres`` marker (warnings are errors, so an unknown marker would fail)."""
    config.addinivalue_line("markers", "postgres: runs against a throwaway PostgreSQL server")
    # passage embeddings are cached on disk: the tests keep theirs out of the user's cache
    if "DOSSIER_CACHE" not in os.environ:
        os.environ["DOSSIER_CACHE"] = tempfile.mkdtemp(prefix="dossier-test-cache-")
        config.stash[_OWN_CACHE] = os.environ["DOSSIER_CACHE"]


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the cache folder this session made (one left per run would pile up in /tmp)."""
    made = config.stash.get(_OWN_CACHE, None)
    if made:
        shutil.rmtree(made, ignore_errors=True)
        os.environ.pop("DOSSIER_CACHE", None)


def _pg_bindir() -> Path | None:
    """The newest PostgreSQL server's bin folder (Debian keeps them out of PATH), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                   key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb and shutil.which("pg_ctl") else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class PgCluster:
    """A PostgreSQL cluster in a temporary folder, run as the ``postgres`` OS user when we are root."""

    bindir: Path
    root: Path
    port: int = 0
    as_user: str | None = None

    @property
    def major(self) -> int:
        """The server's major version, as ``initdb --version`` tells it (0 when it cannot be read)."""
        out = subprocess.run([str(self.bindir / "initdb"), "--version"], capture_output=True, text=True,
                             check=False).stdout
        found = re.search(r"\(PostgreSQL\) (\d+)", out)
        return int(found.group(1)) if found else 0

    def _run(self, *argv: str, server: bool = False) -> None:
        """Run a PostgreSQL program; server programs refuse root, so they run as ``as_user``."""
        cmd = [str(self.bindir / argv[0]), *argv[1:]]
        if server and self.as_user:
            cmd = [shutil.which("runuser") or "/usr/sbin/runuser", "-u", self.as_user, "--", *cmd]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(argv[:2])} failed ({done.returncode}):\n{done.stderr}{done.stdout}{tail}")

    def start(self) -> None:
        """initdb, then pg_ctl start on a free local port with the socket in the temporary folder."""
        data = self.root / "data"
        # a linguistic default collation, as on most servers, so a query that forgets Dossier's
        # byte-wise ("C") ordering sorts differently from SQLite and a test notices
        icu = ["--locale-provider=icu", "--icu-locale=en-US"] if self.major >= 15 else []
        self._run("initdb", "--no-sync", "-D", str(data), "-U", PG_USER, "--auth=trust",
                  "-E", "UTF8", "--locale=C.UTF-8", *icu, server=True)
        # a throwaway cluster: durability is worth nothing, speed is
        settings = {"listen_addresses": "'127.0.0.1'", "unix_socket_directories": f"'{self.root}'",
                    "fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
                    "max_connections": "50", "shared_buffers": "32MB"}
        with open(data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("".join(f"{k} = {v}\n" for k, v in settings.items()))
        for attempt in range(5):   # the free port may be taken between choosing and binding it
            self.port = _free_port()
            try:
                self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(data), "-o", f"-p {self.port}",
                          "-l", str(self.root / "server.log"), server=True)
                return
            except RuntimeError:
                if attempt == 4:
                    raise

    def stop(self) -> None:
        """Stop the server at once (its data is thrown away anyway)."""
        self._run("pg_ctl", "stop", "-m", "immediate", "-w", "-D", str(self.root / "data"), server=True)

    def url(self, dbname: str) -> str:
        """A URL for one database of the cluster."""
        return f"postgresql://{PG_USER}@127.0.0.1:{self.port}/{dbname}"

    def createdb(self, name: str, template: str = "template1") -> str:
        """Create a database, a copy of ``template``; returns its URL."""
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", PG_USER, "-T", template, name)
        return self.url(name)

    def dropdb(self, name: str) -> None:
        """Drop a database, ending any connection a test left open."""
        self._run("dropdb", "--force", "-h", "127.0.0.1", "-p", str(self.port), "-U", PG_USER, name)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgCluster]:
    """A throwaway PostgreSQL cluster for the whole session, stopped and deleted at its end."""
    bindir = _pg_bindir()
    if bindir is None:
        if os.environ.get("CI"):
            pytest.fail(_INSTALL, pytrace=False)
        pytest.skip(_INSTALL)
    as_user = None
    if os.geteuid() == 0:   # initdb and postgres refuse to run as root
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.fail("running as root, but there is no `postgres` OS user to run the test server as — "
                        "install Debian's postgresql package, or run the tests as another user", pytrace=False)
        as_user = "postgres"
    # not under pytest's tmp_path: its folders are private to root, and the server runs as postgres
    root = Path(tempfile.mkdtemp(prefix="dossier-pg-"))
    if as_user:
        shutil.chown(root, as_user, as_user)
    cluster = PgCluster(bindir=bindir, root=root, as_user=as_user)
    try:
        cluster.start()
        yield cluster
    finally:
        try:
            if (root / "data" / "postmaster.pid").exists():
                cluster.stop()
        finally:
            shutil.rmtree(root)


_db_numbers = itertools.count(1)


@contextmanager
def _database(cluster: PgCluster, template: str = "template1") -> Iterator[str]:
    """A fresh database copied from ``template`` (a new name each time), dropped afterwards."""
    name = f"test_{os.getpid()}_{next(_db_numbers)}"
    url = cluster.createdb(name, template)
    try:
        yield url
    finally:
        cluster.dropdb(name)


@pytest.fixture
def pg_url(pg_server: PgCluster) -> Iterator[str]:
    """The URL of a fresh, empty database, dropped after the test."""
    with _database(pg_server) as url:
        yield url


@pytest.fixture(scope="session")
def pg_kb_template(pg_server: PgCluster) -> str:
    """A database holding an empty, migrated knowledge base, for ``pg_kb_url`` to copy."""
    from dossier.store import open_store

    open_store(pg_server.createdb("kb_template")).close()   # nobody may be connected to a template
    return "kb_template"


@pytest.fixture
def pg_kb_url(pg_server: PgCluster, pg_kb_template: str) -> Iterator[str]:
    """The URL of a fresh database holding an empty knowledge base (copying it beats migrating each time)."""
    with _database(pg_server, pg_kb_template) as url:
        yield url


@pytest.fixture(scope="session")
def nlp_model():
    """The en_core_web_md pipeline, loaded once for the session."""
    from dossier.extract import nlp

    return nlp.load()
