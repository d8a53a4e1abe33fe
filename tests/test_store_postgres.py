"""What only the PostgreSQL backend has to prove: migrations on a server, bad URLs, and many writers at once.

The behaviour both backends share is tested once, in ``test_store.py``, against each of them.
"""

import os
import random
import signal
import string
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import psycopg
import pytest

from dossier.errors import NotFound, StoreError
from dossier.records import Document, Entity, Mention, Quantity
from dossier.store import open_store, pg_schema
from dossier.store.postgres import PostgresStore
from test_store import TEXT, WRITER, find, make_doc

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_store(pg_kb_url):
    s = open_store(pg_kb_url)
    yield s
    s.close()


def in_thread(fn: Callable[..., Any], *args: Any) -> tuple[threading.Thread, list[BaseException]]:
    """Start ``fn(*args)`` in a thread; the list receives what it raised."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            fn(*args)
        except BaseException as exc:  # handed to the test, which asserts there are none
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, errors


# -- opening: migrations and URLs ---------------------------------------------

def test_open_store_routes_postgresql_urls(pg_url):
    for url in (pg_url, pg_url.replace("postgresql://", "postgres://")):
        with open_store(url) as s:
            assert isinstance(s, PostgresStore)


def test_migrations_run_once_and_reopening_is_a_no_op(pg_url, monkeypatch):
    s = open_store(pg_url)
    assert (s.migrated, s.schema_version) == (pg_schema.VERSION, pg_schema.VERSION)
    s.put_document(make_doc())
    s.close()
    s = open_store(pg_url)
    assert (s.migrated, s.schema_version) == (0, pg_schema.VERSION)
    assert s.get_document("a.txt").text == TEXT
    s.close()
    # a later release appends a migration: only that one runs
    monkeypatch.setattr(pg_schema, "MIGRATIONS", [*pg_schema.MIGRATIONS, "-- a migration with nothing to do\n"])
    monkeypatch.setattr(pg_schema, "VERSION", pg_schema.VERSION + 1)
    s = open_store(pg_url)
    assert (s.migrated, s.schema_version) == (1, pg_schema.VERSION)
    assert s.check() == []
    s.close()


def test_a_failed_migration_changes_nothing(pg_url, monkeypatch):
    open_store(pg_url).close()
    monkeypatch.setattr(pg_schema, "MIGRATIONS", [*pg_schema.MIGRATIONS,
                                                  "CREATE TABLE extra (x integer); SELECT no_such_function();"])
    monkeypatch.setattr(pg_schema, "VERSION", pg_schema.VERSION + 1)
    with pytest.raises(StoreError, match="cannot open"):
        open_store(pg_url)
    monkeypatch.undo()
    with open_store(pg_url) as s:
        assert (s.migrated, s.schema_version) == (0, pg_schema.VERSION)


def test_stores_opening_a_new_database_at_once_migrate_it_once(pg_url):
    migrated: list[int] = []

    def open_one() -> None:
        with open_store(pg_url) as s:
            migrated.append(s.migrated)

    started = [in_thread(open_one) for _ in range(4)]
    for thread, errors in started:
        thread.join(60)
        assert errors == []
    # each migration runs once, in whichever opener reaches it first (they may share the work)
    assert len(migrated) == 4 and sum(migrated) == pg_schema.VERSION
    with open_store(pg_url) as s:
        assert (s.migrated, s.schema_version) == (0, pg_schema.VERSION) and s.check() == []


def test_database_from_a_newer_release_is_refused(pg_url, monkeypatch):
    open_store(pg_url).close()
    monkeypatch.setattr(pg_schema, "VERSION", 0)
    with pytest.raises(StoreError, match="upgrade Dossier"):
        open_store(pg_url)


def test_someone_elses_database_is_refused(pg_url):
    # the one place a test writes SQL itself: it plays the other application
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE notes (body text)")
    with pytest.raises(StoreError, match="not a Dossier knowledge base"):
        open_store(pg_url)


def test_an_empty_database_opened_without_create_is_no_knowledge_base(pg_url):
    with pytest.raises(StoreError, match="no knowledge base here"):
        open_store(pg_url, create=False)
    open_store(pg_url).close()
    open_store(pg_url, create=False).close()


@pytest.mark.parametrize(("url", "message"), [
    ("{server}/no_such_db", "cannot open the knowledge base"),
    ("postgresql://dossier:s3cret@127.0.0.1:1/kb", "server is running"),
    ("postgresql://dossier:s3cret@127.0.0.1:notaport/kb", "cannot open"),
    ("postgresql://dossier:s3cret@[::1/kb", "not a valid PostgreSQL URL"),
])
def test_bad_urls_give_a_one_line_store_error_without_the_password(pg_server, url, message):
    with pytest.raises(StoreError, match=message) as info:
        open_store(url.format(server=pg_server.url("").rstrip("/")))
    text = str(info.value)
    assert "\n" not in text and " — " in text and "s3cret" not in text


def test_text_postgresql_cannot_hold_is_a_store_error(pg_store):
    doc = make_doc(text="Azerbaijan\x00exported gas.")
    with pytest.raises(StoreError, match="could not write") as info:
        pg_store.put_document(doc)
    assert "\n" not in str(info.value)
    assert pg_store.documents() == []   # nothing half-written, and the store still works
    pg_store.put_document(make_doc())


def test_a_dropped_connection_is_opened_again(pg_store, pg_kb_url):
    pg_store.put_document(make_doc())
    with psycopg.connect(pg_kb_url, autocommit=True) as conn:   # the server restarts, say
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE datname = current_database() AND pid <> pg_backend_pid()")
    with pytest.raises(StoreError, match="could not read"):
        pg_store.documents()   # the call that finds the connection gone fails cleanly...
    assert [d.name for d in pg_store.documents()] == ["a.txt"]   # ...and the next one reconnects


# -- same semantics as SQLite ---------------------------------------------------

def test_both_backends_answer_alike(pg_store):
    sqlite = open_store(":memory:")
    names = ["b.txt", "B.txt", "a.txt", "Ä.txt", "_x.txt", "ab.txt"]   # byte order differs from en-US order
    for i, name in enumerate(names):
        text = TEXT if i % 2 else "Gas flows from Azerbaijan through Türkiye to Europe."
        doc = make_doc(name, text=text, sha256=f"h{i}")
        if "Türkiye" in text:
            doc.mentions.append(Mention("Türkiye", *find(text, "Türkiye"), "country", "Türkiye"))
        doc.entities.append(Entity("Çin", "country", aliases=["çin", "CHINA", "china"]))
        for s in (sqlite, pg_store):
            s.put_document(doc, signature=name.encode())
    for s in (sqlite, pg_store):
        s.put_document(make_doc("a.txt", text="Azerbaijan and Georgia opened a railway.", sha256="new"))
        s.delete_document("B.txt")

    def answers(s):
        return {
            "documents": [{**asdict(d), "ingested_at": None} for d in s.documents()],
            "docs": [s.get_document(d.name) for d in s.documents()],
            "entities": s.entities(), "facts": s.facts(), "events": s.facts("event"), "flags": s.flags(),
            "signatures": list(s.signatures()),
            "mentions": {q: s.mentions(q) for q in ("turkey", "TÜRKIYE", "Türkiye", "china", "ÇIN", "nobody")},
            "search": {q: [(h.doc, h.title) for h in s.search(q)] for q in ("pipeline gas", "railway", "x")},
            "short snippet": [h.snippet for h in s.search("railway")],
            "check": s.check(),
        }

    assert answers(pg_store) == answers(sqlite)
    sqlite.close()


def test_search_folds_diacritics_and_cuts_a_snippet(pg_store):
    words = " ".join(f"word{i}" for i in range(60))
    pg_store.put_document(make_doc(text=f"{words} Türkiye signed it. {words}"))
    [hit] = pg_store.search("turkiye")
    assert hit.doc == "a.txt" and "Türkiye signed it" in hit.snippet
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…") and len(hit.snippet.split()) <= 24
    assert hit.score > 0


def test_a_text_too_long_for_one_tsvector_is_stored_and_its_start_found(pg_store):
    rnd = random.Random(7)   # distinct random words: the worst case for tsvector's 1 MB limit
    words = ["".join(rnd.choices(string.ascii_lowercase, k=rnd.randint(5, 12))) for _ in range(200_000)]
    text = " ".join(words)
    pg_store.put_document(Document(path="dump.txt", name="dump.txt", title="Trade data", text=text, original=text))
    assert pg_store.get_document("dump.txt").text == text
    assert [h.doc for h in pg_store.search(words[10])] == ["dump.txt"]
    assert [h.doc for h in pg_store.search("trade")] == ["dump.txt"]


# -- many writers and readers at once ------------------------------------------------

def varied_doc(name: str, i: int, writer: int) -> Document:
    """A document whose entities differ from round to round, so replacing it orphans some."""
    text = f"Azerbaijan and Türkiye met Party{i % 5} and Group{(i + writer) % 4} in round {i}."
    doc = Document(path=name, name=name, sha256=f"{writer}-{i}", text=text, original=text)
    for surface, etype in (("Azerbaijan", "country"), ("Türkiye", "country"),
                           (f"Party{i % 5}", "organization"), (f"Group{(i + writer) % 4}", "organization")):
        doc.mentions.append(Mention(surface, *find(text, surface), etype, surface))
    doc.entities = [Entity("Türkiye", "country", aliases=["Turkey", f"Türkiye-{writer}"]),
                    Entity(f"Group{(i + writer) % 4}", "organization", aliases=[f"G{i % 3}"])]
    doc.facts = [Quantity("round", ["Azerbaijan"], float(i), "count", [doc.source(*find(text, str(i)))])]
    return doc


def test_concurrent_writers_of_overlapping_documents_leave_no_duplicates(pg_kb_url):
    writers, rounds = 3, 40
    start = threading.Barrier(writers)

    def write(w: int) -> None:
        with open_store(pg_kb_url) as s:
            start.wait()
            for i in range(rounds):
                name = f"d{(i + w) % 5}.txt"   # the same names, written by every writer
                if i % 9 == 8:
                    try:
                        s.delete_document(name)
                    except NotFound:
                        pass   # another writer deleted it first
                else:
                    s.put_document(varied_doc(name, i, w), signature=bytes([w, i]))

    started = [in_thread(write, w) for w in range(writers)]
    for thread, errors in started:
        thread.join(120)
        assert not thread.is_alive()
        assert errors == []

    with open_store(pg_kb_url) as s:
        assert s.check() == []
        entities = s.entities()
        keys = [(e.name, e.type) for e in entities]
        assert len(keys) == len(set(keys))
        assert all(e.docs for e in entities), "an entity no document names was left behind"
        named: dict[tuple[str, str], set[str]] = {}
        for info in s.documents():
            doc = s.get_document(info.name)
            assert (len(doc.mentions), len(doc.facts), info.facts) == (4, 1, 1)
            for e in doc.entities:
                named.setdefault((e.name, e.type), set()).add(info.name)
        assert {(e.name, e.type): set(e.docs) for e in entities} == named


def test_a_reader_sees_the_whole_old_version_while_a_writer_is_midway(pg_kb_url):
    writer, second, reader = open_store(pg_kb_url), open_store(pg_kb_url), open_store(pg_kb_url)
    old = make_doc()
    writer.put_document(old)
    midway, release = threading.Event(), threading.Event()
    insert_facts = writer._insert_facts

    def paused(c, doc_id, facts):
        insert_facts(c, doc_id, facts)
        midway.set()   # the old version is deleted and half the new one written, uncommitted
        release.wait(30)

    writer._insert_facts = paused   # this store only
    new = make_doc(text="Azerbaijan and Georgia opened a railway.", sha256="h2")
    first_thread, first_errors = in_thread(writer.put_document, new)
    assert midway.wait(30)

    began = time.monotonic()
    got = reader.get_document("a.txt")
    assert time.monotonic() - began < 5   # a reader does not wait for the writer
    assert (got.sha256, got.text, got.facts, got.mentions, got.flags) == (
        old.sha256, old.text, old.facts, old.mentions, old.flags)
    assert {e.name for e in reader.entities()} == {"Türkiye", "Azerbaijan", "Shusha Declaration", "Ruhsar Pekcan"}
    assert reader.check() == []

    # a second writer of the same name queues behind the first rather than colliding with it
    third = make_doc(text="Türkiye and Georgia signed a deal.", sha256="h3")
    second_thread, second_errors = in_thread(second.put_document, third)
    second_thread.join(1)
    assert second_thread.is_alive()
    release.set()
    first_thread.join(30)
    second_thread.join(30)
    assert first_errors == [] and second_errors == []

    assert [(d.name, d.sha256) for d in reader.documents()] == [("a.txt", "h3")]
    assert {e.name for e in reader.entities()} == {"Türkiye"}   # the others only the old versions named
    assert reader.check() == []
    for s in (writer, second, reader):
        s.close()


def test_readers_see_only_whole_documents_while_writers_replace_them(pg_kb_url):
    stop = threading.Event()

    def write() -> None:
        with open_store(pg_kb_url) as s:
            i = 0
            while not stop.is_set():
                s.put_document(varied_doc(f"d{i % 3}.txt", i, 0))
                i += 1

    thread, errors = in_thread(write)
    seen = 0
    with open_store(pg_kb_url) as reader:
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            for info in reader.documents():
                try:
                    doc = reader.get_document(info.name)
                except NotFound:
                    continue  # cannot happen (replacing is atomic), but would fail below if it did
                assert (len(doc.mentions), len(doc.facts)) == (4, 1)
                assert doc.facts[0].value == float(doc.sha256.split("-")[1])
                seen += 1
            assert reader.check() == []
    stop.set()
    thread.join(30)
    assert errors == [] and seen > 0


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killing_a_writer_midway_leaves_every_document_whole(pg_kb_url):
    for delay in (0.05, 0.3):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, pg_kb_url], stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        for _ in range(30):  # well into the loop, replacing earlier documents
            assert proc.stdout.readline(), "the writer died on its own"
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()

        with open_store(pg_kb_url) as store:
            assert store.check() == []
            infos = store.documents()
            assert len(infos) == 25
            for info in infos:
                n = 40 + (int(info.sha256) % 7) * 30
                doc = store.get_document(info.name)
                assert (len(doc.facts), len(doc.mentions), info.facts) == (n, n + 1, n)
