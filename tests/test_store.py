import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from dossier.errors import NotFound, StoreError
from dossier.records import (
    CharMap,
    Document,
    Entity,
    Event,
    Flag,
    Mention,
    Quantity,
    Relation,
    Repair,
    Segment,
)
from dossier.store import RunSummary, open_store, schema

TEXT = ("Turkey and Azerbaijan signed the Shusha Declaration on 15 June 2021. "
        "Trade reached USD 2.2 bn in 2020. Rushar Pekcan was Minister of Trade.")


def find(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def make_doc(name: str = "a.txt", text: str = TEXT, sha256: str = "h1") -> Document:
    """A small document with something of every kind, its spans taken from its own text."""
    doc = Document(path=f"corpus/{name}", name=name, sha256=sha256, size=len(text.encode()), encoding="utf-8",
                   original="<p>" + text + "</p>", text=text,
                   charmap=CharMap([Segment(0, len(text), 3, 3 + len(text))]),
                   title="Shusha", author="A. Writer", published="2021-06-16", publisher="Daily",
                   language="en")
    doc.repairs = [Repair("markup_artifact", "<p>", 0, 3, "tag removed")]
    mentions = [("Turkey", "country", "Türkiye"), ("Azerbaijan", "country", "Azerbaijan"),
                ("Shusha Declaration", "agreement", "Shusha Declaration"),
                ("Rushar Pekcan", "person", "Ruhsar Pekcan")]
    for surface, etype, entity in mentions:
        if surface in text:
            doc.mentions.append(Mention(surface, *find(text, surface), etype, entity))
    doc.entities = [Entity("Türkiye", "country", aliases=["Republic of Turkey"])]
    if "USD 2.2 bn" in text:
        doc.facts.append(Quantity("trade_turnover", ["Azerbaijan", "Türkiye"], 2.2e9, "USD",
                                  [doc.source(*find(text, "USD 2.2 bn"))], time="2020",
                                  qualifiers={"note": "ü"}))
    if "15 June 2021" in text:
        doc.facts.append(Event("agreement_signed", [doc.source(*find(text, "signed the Shusha Declaration")),
                                                    doc.source(*find(text, "15 June 2021"))],
                               name="Shusha Declaration", date="2021-06-15",
                               participants=["Azerbaijan", "Türkiye"], place="Shusha"))
    if "Minister of Trade" in text:
        doc.facts.append(Relation("position_held", "Ruhsar Pekcan", "Minister of Trade",
                                  [doc.source(*find(text, "Rushar Pekcan was Minister of Trade"))],
                                  qualifiers={"of": "Türkiye"}))
    if "Rushar" in text:
        doc.flags.append(Flag("misspelled_name", "Ruhsar Pekcan", "'Rushar Pekcan' is likely a misspelling",
                              [doc.source(*find(text, "Rushar Pekcan"))]))
    return doc


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request):
    """The same suite against both backends: in-memory SQLite and a fresh PostgreSQL database."""
    s = open_store(":memory:" if request.param == "sqlite" else request.getfixturevalue("pg_kb_url"))
    yield s
    s.close()


def test_round_trip_keeps_everything(store):
    doc = make_doc()
    store.put_document(doc)
    got = store.get_document("a.txt")
    for field in ("path", "name", "sha256", "size", "encoding", "original", "text", "title", "author",
                  "published", "publisher", "language", "duplicate_of", "repairs", "mentions", "facts",
                  "flags"):
        assert getattr(got, field) == getattr(doc, field), field
    assert got.charmap.to_list() == doc.charmap.to_list()
    assert got.charmap.to_original(0, 6) == (3, 9)
    names = {e.name: e for e in got.entities}
    assert set(names) == {"Türkiye", "Azerbaijan", "Shusha Declaration", "Ruhsar Pekcan"}
    assert names["Türkiye"].aliases == ["Republic of Turkey", "Turkey"]
    assert names["Ruhsar Pekcan"].aliases == ["Rushar Pekcan"]
    assert store.check() == []


def test_get_document_of_unknown_name_raises_not_found(store):
    with pytest.raises(NotFound, match="no such document"):
        store.get_document("missing.txt")


def test_values_are_bound_not_formatted(store):
    name = "it's \"quoted\"; DROP TABLE documents; --.txt"
    store.put_document(make_doc(name))
    assert [d.name for d in store.documents()] == [name]
    assert store.get_document(name).facts[0].sources[0].doc == name


def test_status_is_new_then_same_then_changed(store):
    assert store.status("a.txt", "h1") == "new"
    store.put_document(make_doc(sha256="h1"))
    assert store.status("a.txt", "h1") == "same"
    assert store.status("a.txt", "h2") == "changed"


def test_replacing_a_document_leaves_no_stale_rows(store):
    store.put_document(make_doc())
    store.put_document(make_doc("b.txt", text="Azerbaijan exported gas.", sha256="b"))
    new_text = "Azerbaijan and Georgia opened a railway."
    new = make_doc(text=new_text, sha256="h2")
    new.mentions.append(Mention("Georgia", *find(new_text, "Georgia"), "country", "Georgia"))
    new.facts = [Event("opening", [new.source(*find(new_text, "opened a railway"))],
                       participants=["Azerbaijan", "Georgia"])]
    new.repairs, new.flags = [], []
    store.put_document(new)

    got = store.get_document("a.txt")
    assert got.text == new_text and got.sha256 == "h2"
    assert [f.type for f in got.facts] == ["opening"]
    assert got.repairs == [] and got.flags == []
    assert [m.text for m in got.mentions] == ["Azerbaijan", "Georgia"]
    assert [type(f).__name__ for f in store.facts()] == ["Event"]
    assert store.flags() == []
    entities = {e.name: e for e in store.entities()}
    # Türkiye is still declared by the new version; the people and agreement of the old one are gone
    assert set(entities) == {"Azerbaijan", "Georgia", "Türkiye"}
    assert entities["Türkiye"].aliases == ["Republic of Turkey"]  # "Turkey" came from the old text
    assert entities["Azerbaijan"].docs == ["a.txt", "b.txt"]
    assert store.search("Declaration") == []  # the old text left the index
    assert [h.doc for h in store.search("railway")] == ["a.txt"]
    assert [d.name for d in store.documents()] == ["a.txt", "b.txt"]
    assert store.check() == []


def test_entity_upsert_merges_aliases_across_documents(store):
    text2 = "The Republic of Turkey and Türkiye's partner Azerbaijan met."
    doc2 = make_doc("b.txt", text=text2, sha256="b")
    doc2.mentions = [Mention("Republic of Turkey", *find(text2, "Republic of Turkey"), "country", "Türkiye"),
                     Mention("Azerbaijan", *find(text2, "Azerbaijan"), "country", "Azerbaijan")]
    doc2.entities = [Entity("Türkiye", "country", aliases=["Türkiye Cumhuriyeti"])]
    store.put_document(make_doc())
    store.put_document(doc2)

    turkiye = [e for e in store.entities() if e.name == "Türkiye"]
    assert len(turkiye) == 1
    assert turkiye[0].aliases == ["Republic of Turkey", "Turkey", "Türkiye Cumhuriyeti"]
    assert turkiye[0].docs == ["a.txt", "b.txt"]
    assert [doc for doc, _ in store.mentions("turkey")] == ["a.txt", "b.txt"]  # any alias finds them all
    assert [(doc, m.text) for doc, m in store.mentions("Türkiye")] == [
        ("a.txt", "Turkey"), ("b.txt", "Republic of Turkey")]


def test_same_name_of_another_type_is_another_entity(store):
    text = "Georgia the country; Georgia the ship."
    doc = Document(path="g.txt", name="g.txt", text=text)
    doc.mentions = [Mention("Georgia", 0, 7, "country", "Georgia"), Mention("Georgia", 21, 28, "product", "Georgia")]
    store.put_document(doc)
    assert [(e.name, e.type) for e in store.entities()] == [("Georgia", "country"), ("Georgia", "product")]


def test_failure_midway_through_put_keeps_the_previous_version(store, monkeypatch):
    old = make_doc()
    store.put_document(old)
    entities_before = store.entities()

    def broken(self, c, doc_id, facts):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(type(store), "_insert_facts", broken)
    new = make_doc(text="Azerbaijan and Georgia opened a railway.", sha256="h2")
    with pytest.raises(RuntimeError):
        store.put_document(new)
    with pytest.raises(RuntimeError):
        store.put_document(make_doc("fresh.txt", sha256="f"))

    got = store.get_document("a.txt")
    assert got.text == old.text and got.sha256 == "h1"
    assert got.facts == old.facts and got.mentions == old.mentions and got.flags == old.flags
    assert store.entities() == entities_before
    assert store.status("fresh.txt", "f") == "new"
    assert store.check() == []

    monkeypatch.undo()  # the store is still usable after the rollback
    store.put_document(new)
    assert store.get_document("a.txt").sha256 == "h2"


def test_delete_document_removes_it_and_its_orphan_entities(store):
    store.put_document(make_doc())
    store.put_document(make_doc("b.txt", text="Azerbaijan exported gas.", sha256="b"))
    store.delete_document("a.txt")
    assert [d.name for d in store.documents()] == ["b.txt"]
    assert {e.name for e in store.entities()} == {"Azerbaijan", "Türkiye"}
    assert store.facts() == [] and store.flags() == []
    with pytest.raises(NotFound):
        store.delete_document("a.txt")
    assert store.check() == []


def test_facts_filter_by_kind_and_documents_list_counts(store):
    store.put_document(make_doc())
    assert [type(f).__name__ for f in store.facts()] == ["Quantity", "Event", "Relation"]
    assert [f.indicator for f in store.facts("quantity")] == ["trade_turnover"]
    assert store.facts("flag") == []
    [info] = store.documents()
    assert (info.name, info.chars, info.facts, info.title) == ("a.txt", len(TEXT), 3, "Shusha")


def test_signatures_are_stored_per_document(store):
    store.put_document(make_doc())
    store.put_document(make_doc("b.txt", sha256="b"))
    store.put_signature("b.txt", b"\x01\x02")
    assert list(store.signatures()) == [("b.txt", b"\x01\x02")]
    with pytest.raises(NotFound):
        store.put_signature("zzz.txt", b"")
    store.put_document(make_doc("b.txt", sha256="b2"))  # a new version needs a new signature
    assert list(store.signatures()) == []
    store.put_document(make_doc("a.txt", sha256="a2"), signature=b"\x03")  # or comes with it
    assert list(store.signatures()) == [("a.txt", b"\x03")]


def test_runs_are_recorded_newest_first(store):
    first = store.start_run(["corpus"])
    store.put_document(make_doc())
    store.finish_run(first, RunSummary(added=["a.txt"], failed=[("x.bin", "binary")]))
    second = store.start_run(["other"])
    runs = store.runs()
    assert [r["id"] for r in runs] == [second, first]
    assert runs[1]["summary"]["added"] == ["a.txt"] and runs[1]["finished"]
    assert runs[0]["summary"] is None and runs[0]["args"] == ["other"]


def test_search_ranks_documents_by_their_words(store):
    store.put_document(make_doc())
    store.put_document(make_doc("b.txt", text="Gas flows through the pipeline to Europe.", sha256="b"))
    assert [h.doc for h in store.search("pipeline gas")] == ["b.txt"]
    assert [h.doc for h in store.search('"pipeline* NEAR(')] == ["b.txt"]  # query syntax never reaches FTS5
    assert store.search("   ") == []


def test_migrations_run_once_and_reopening_is_a_no_op(tmp_path, monkeypatch):
    path = str(tmp_path / "kb.db")
    s = open_store(path)
    assert (s.migrated, s.schema_version) == (schema.VERSION, schema.VERSION)
    s.put_document(make_doc())
    s.close()
    s = open_store(path)
    assert (s.migrated, s.schema_version) == (0, schema.VERSION)
    assert s.get_document("a.txt").text == TEXT
    s.close()
    # a later release appends a migration: only that one runs
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, "-- a migration with nothing to do\n"])
    monkeypatch.setattr(schema, "VERSION", schema.VERSION + 1)
    s = open_store(path)
    assert (s.migrated, s.schema_version) == (1, schema.VERSION)
    s.close()


def test_database_from_a_newer_release_is_refused(tmp_path, monkeypatch):
    path = str(tmp_path / "kb.db")
    open_store(path).close()
    monkeypatch.setattr(schema, "VERSION", 0)
    with pytest.raises(StoreError, match="upgrade Dossier"):
        open_store(path)


@pytest.mark.parametrize(("setup", "message"), [
    ("missing_folder", "does not exist"),
    ("not_a_database", "not a Dossier knowledge base"),
    ("folder", "is a folder"),
    ("missing_file_no_create", "no knowledge base here"),
])
def test_bad_paths_give_a_one_line_store_error(tmp_path, setup, message):
    create = True
    if setup == "missing_folder":
        path = tmp_path / "nowhere" / "kb.db"
    elif setup == "not_a_database":
        path = tmp_path / "notes.txt"
        path.write_text("these are notes, not a database " * 100, encoding="utf-8")
    elif setup == "folder":
        path = tmp_path
    else:
        path, create = tmp_path / "kb.db", False
    with pytest.raises(StoreError, match=message) as info:
        open_store(str(path), create=create)
    assert "\n" not in str(info.value) and " — " in str(info.value)


def test_two_connections_see_each_others_writes(tmp_path):
    path = str(tmp_path / "kb.db")
    writer, reader = open_store(path), open_store(path)
    writer.put_document(make_doc())
    assert reader.status("a.txt", "h1") == "same"
    writer.close()
    reader.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def kb_url(request, tmp_path):
    """Where a knowledge base that several connections can open lives: a SQLite file or a PostgreSQL database."""
    return str(tmp_path / "kb.db") if request.param == "sqlite" else request.getfixturevalue("pg_kb_url")


def test_entities_kept_between_writes_equal_a_fresh_read(kb_url):
    """The writer's entity cache follows added, replaced and deleted documents and other writers."""
    path = kb_url
    writer, other = open_store(path), open_store(path)

    def fresh():
        with open_store(path) as s:
            return s.entities()

    writer.put_document(make_doc())
    assert writer.entities() == fresh()
    text2 = "The Republic of Turkey and Azerbaijan met. Ilham Aliyev spoke."
    doc2 = make_doc("b.txt", text=text2, sha256="b")
    doc2.mentions = [Mention("Republic of Turkey", *find(text2, "Republic of Turkey"), "country", "Türkiye"),
                     Mention("Azerbaijan", *find(text2, "Azerbaijan"), "country", "Azerbaijan"),
                     Mention("Ilham Aliyev", *find(text2, "Ilham Aliyev"), "person", "Ilham Aliyev")]
    doc2.entities = [Entity("Türkiye", "country", aliases=["Türkiye Cumhuriyeti"])]
    writer.put_document(doc2)
    assert writer._known is not None               # the cache grew rather than being dropped
    assert writer.entities() == fresh()
    assert [e.docs for e in writer.entities() if e.name == "Türkiye"] == [["a.txt", "b.txt"]]
    writer.put_document(make_doc("b.txt", text="Azerbaijan alone.", sha256="b2"))   # replaces
    assert writer.entities() == fresh()
    assert "Ilham Aliyev" not in {e.name for e in writer.entities()}
    other.put_document(make_doc("c.txt", sha256="c"))                                # another writer
    assert writer.entities() == fresh()
    writer.delete_document("a.txt")
    assert writer.entities() == fresh()
    writer.close()
    other.close()


WRITER = textwrap.dedent("""
    import sys
    from dossier.records import Document, Mention, Quantity, Source
    from dossier.store import open_store

    store = open_store(sys.argv[1])
    text = "Azerbaijan and Türkiye. " * 400
    i = 0
    while True:
        n = 40 + (i % 7) * 30          # the sha256 field carries i, so the reader knows n
        doc = Document(path="x", name=f"d{i % 25:02d}.txt", sha256=str(i), text=text, original=text)
        doc.mentions = [Mention("Azerbaijan", 24 * k, 24 * k + 10, "country", "Azerbaijan")
                        for k in range(n + 1)]
        doc.facts = [Quantity("count", ["Azerbaijan"], float(k), "count",
                              [Source(doc.name, 24 * k, 24 * k + 10, "Azerbaijan")]) for k in range(n)]
        store.put_document(doc)
        print(i, flush=True)
        i += 1
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killing_a_writer_midway_leaves_every_document_whole(tmp_path):
    db = str(tmp_path / "kb.db")
    for delay in (0.05, 0.2, 0.4):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, db], stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        for _ in range(30):  # well into the loop, replacing earlier documents
            assert proc.stdout.readline(), "the writer died on its own"
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stdout.close()

        store = open_store(db)
        assert store.check() == []
        infos = store.documents()
        assert len(infos) == 25
        for info in infos:
            n = 40 + (int(info.sha256) % 7) * 30
            doc = store.get_document(info.name)
            assert (len(doc.facts), len(doc.mentions), info.facts) == (n, n + 1, n)
        store.close()


def test_version_moves_with_every_write_of_a_document_and_only_then(store):
    seen = [store.version()]
    store.put_document(make_doc("a.txt"))
    seen.append(store.version())
    store.documents(), store.facts(), store.entities()          # reading changes nothing
    assert store.version() == seen[-1]
    store.put_document(make_doc("a.txt", sha256="h2"))          # replaced under the same name
    seen.append(store.version())
    store.delete_document("a.txt")
    seen.append(store.version())
    assert len(set(seen)) == 4
