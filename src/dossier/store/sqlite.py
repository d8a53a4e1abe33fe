"""The embedded backend: one SQLite file in WAL mode (or ``:memory:`` for tests).

Every write is one ``BEGIN IMMEDIATE`` transaction, so a killed process
leaves either the old document or the new one, never half of either.  Reads
run in a deferred transaction so the several queries behind one answer see
one snapshot.  Values are always bound as parameters.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from dossier.errors import NotFound, StoreError
from dossier.records import (
    CharMap,
    Document,
    Entity,
    Fact,
    Flag,
    Mention,
    Repair,
    Source,
    from_record,
    to_record,
)
from dossier.store import DocumentInfo, RunSummary, SearchHit, Status, grown_entities, schema

BUSY_TIMEOUT_MS = 30_000   # how long a writer waits for another process's transaction
_WORD = re.compile(r"\w+", re.UNICODE)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


class SQLiteStore:
    """A knowledge base in one SQLite file; implements ``dossier.store.Store``."""

    def __init__(self, path: str = ":memory:", *, create: bool = True):
        self.path = path or ":memory:"
        self._lock = threading.RLock()   # the connection is shared by threads (web app)
        self._run_id: int | None = None
        # every entity by (name, type), as of a ``version()``: a writer resolves each document against
        # all entities stored, and reloading them per document grows with the knowledge base
        self._known: tuple[tuple, dict[tuple[str, str], Entity]] | None = None
        self._conn = _connect(self.path, create)
        try:
            self.migrated = schema.migrate(self._conn, self.path)
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise StoreError(_open_message(self.path, exc)) from exc
        except BaseException:
            self._conn.close()
            raise

    # -- transactions -------------------------------------------------------

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside commits together or not at all."""
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StoreError(_write_message(self.path, exc)) from exc
            try:
                yield conn
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                _rollback(conn)
                raise StoreError(_write_message(self.path, exc)) from exc
            except BaseException:
                _rollback(conn)
                raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """A read snapshot (nested use joins the outer one)."""
        with self._lock:
            conn = self._conn
            if conn.in_transaction:
                yield conn
                return
            try:
                conn.execute("BEGIN")
                yield conn
            except sqlite3.Error as exc:
                _rollback(conn)
                raise StoreError(f"{self.path}: could not read the knowledge base ({exc}) — "
                                 "check the file, or rebuild it with `dossier ingest`") from exc
            except BaseException:
                _rollback(conn)
                raise
            else:
                conn.execute("COMMIT")

    # -- documents ----------------------------------------------------------

    def status(self, name: str, sha256: str) -> Status:
        """Whether a document of this name is new, stored with this hash, or stored changed."""
        with self._read() as c:
            row = c.execute("SELECT sha256 FROM documents WHERE name = ?", (name,)).fetchone()
        if row is None:
            return "new"
        return "same" if row["sha256"] == sha256 else "changed"

    def put_document(self, doc: Document, signature: bytes | None = None) -> None:
        """Write (or replace) one document with everything found in it, in one transaction."""
        known, touched = self._known, None
        with self._tx() as c:
            before = _changes(c)
            replaced = c.execute("DELETE FROM documents WHERE name = ?", (doc.name,)).rowcount  # cascades
            doc_id = self._insert_document(c, doc, signature)
            self._insert_repairs(c, doc_id, doc.repairs)
            self._insert_entities(c, doc_id, doc)
            self._insert_facts(c, doc_id, doc.facts)
            self._insert_flags(c, doc_id, doc.flags)
            _drop_orphan_entities(c)
            if known is not None and known[0] == before and not replaced:
                # a new document only adds entities, and aliases and itself to the entities it names
                touched = (_changes(c), _grown_entities(c, doc_id, doc.name, known[1]))
        # committed: bring the entity cache up to date, or drop it (a replaced document may have
        # taken entities away; another writer may have written since it was loaded)
        self._known = None
        if touched is not None and known is not None:
            version, entities = touched
            self._known = (version, {**known[1], **{(e.name, e.type): e for e in entities}})

    def delete_document(self, name: str) -> None:
        """Remove a document and everything found in it; NotFound if absent."""
        self._known = None
        with self._tx() as c:
            if c.execute("DELETE FROM documents WHERE name = ?", (name,)).rowcount == 0:
                raise NotFound(_no_document(name))
            _drop_orphan_entities(c)

    def _insert_document(self, c: sqlite3.Connection, doc: Document, signature: bytes | None) -> int:
        cur = c.execute(
            """INSERT INTO documents (name, path, sha256, size, encoding, original, text, charmap,
                   title, author, published, publisher, language, duplicate_of, minhash,
                   n_repairs, n_mentions, n_facts, n_flags, ingested_at, run_id)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (doc.name, doc.path, doc.sha256, doc.size, doc.encoding, doc.original, doc.text,
             json.dumps(doc.charmap.to_list()), doc.title, doc.author, doc.published, doc.publisher,
             doc.language, doc.duplicate_of, signature, len(doc.repairs), len(doc.mentions),
             len(doc.facts), len(doc.flags), _now(), self._run_id))
        return int(cur.lastrowid)

    def _insert_repairs(self, c: sqlite3.Connection, doc_id: int, repairs: list[Repair]) -> None:
        c.executemany("INSERT INTO repairs (doc_id, kind, quote, start, end, note) VALUES (?, ?, ?, ?, ?, ?)",
                      [(doc_id, r.kind, r.quote, r.start, r.end, r.note) for r in repairs])

    def _insert_entities(self, c: sqlite3.Connection, doc_id: int, doc: Document) -> None:
        """Upsert the document's entities by (name, type); every surface form becomes an alias."""
        declared = {(e.name, e.type): e for e in doc.entities}
        type_of: dict[str, str] = {}
        for e in doc.entities:
            type_of.setdefault(e.name, e.type)
        ids: dict[tuple[str, str], int] = {}
        aliases: set[tuple[int, str]] = set()
        for (name, etype), entity in declared.items():
            eid = _entity_id(c, ids, name, etype)
            aliases.update((eid, a) for a in [name, *entity.aliases])
        rows = []
        for m in doc.mentions:
            name = m.entity or m.text   # an unresolved mention stands for itself
            etype = m.type if (name, m.type) in declared else type_of.get(name, m.type)
            eid = _entity_id(c, ids, name, etype)
            aliases.add((eid, name))
            if m.form in ("name", "acronym"):   # "the President" or "the pipeline" names nothing by itself
                aliases.add((eid, m.text))
            rows.append((doc_id, eid, m.text, m.start, m.end, m.type, m.form))
        c.executemany("INSERT OR IGNORE INTO aliases (entity_id, alias, doc_id) VALUES (?, ?, ?)",
                      [(eid, a.strip(), doc_id) for eid, a in sorted(aliases) if a and a.strip()])
        c.executemany("INSERT INTO mentions (doc_id, entity_id, text, start, end, type, form) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    def _insert_facts(self, c: sqlite3.Connection, doc_id: int, facts: Sequence[Fact]) -> None:
        for fact in facts:
            rec = to_record(fact)
            kind, sources = rec.pop("kind"), rec.pop("sources")
            cur = c.execute("INSERT INTO facts (doc_id, kind, key, payload) VALUES (?, ?, ?, ?)",
                            (doc_id, kind, _json(list(fact.key())), _json(rec)))
            _insert_sources(c, _FACT_SOURCE, int(cur.lastrowid), sources)

    def _insert_flags(self, c: sqlite3.Connection, doc_id: int, flags: Sequence[Flag]) -> None:
        for flag in flags:
            rec = to_record(flag)
            rec.pop("kind")
            sources = rec.pop("sources")
            cur = c.execute(
                "INSERT INTO flags (doc_id, type, about, message, payload) VALUES (?, ?, ?, ?, ?)",
                (doc_id, rec.pop("type"), rec.pop("about"), rec.pop("message"), _json(rec)))
            _insert_sources(c, _FLAG_SOURCE, int(cur.lastrowid), sources)

    def get_document(self, name: str) -> Document:
        """A stored document with its text, char map, metadata, repairs and facts; NotFound if absent."""
        with self._read() as c:
            row = c.execute("SELECT * FROM documents WHERE name = ?", (name,)).fetchone()
            if row is None:
                raise NotFound(_no_document(name))
            doc_id = row["id"]
            repairs = [Repair(kind=r["kind"], quote=r["quote"], start=r["start"], end=r["end"],
                              note=r["note"])
                       for r in c.execute("SELECT * FROM repairs WHERE doc_id = ? ORDER BY id", (doc_id,))]
            mentions = [Mention(text=r["text"], start=r["start"], end=r["end"], type=r["type"],
                                entity=r["entity"], form=r["form"])
                        for r in c.execute("""SELECT m.*, e.name AS entity FROM mentions m
                                              JOIN entities e ON e.id = m.entity_id
                                              WHERE m.doc_id = ? ORDER BY m.id""", (doc_id,))]
            return Document(
                path=row["path"], name=row["name"], sha256=row["sha256"], size=row["size"],
                encoding=row["encoding"], original=row["original"], text=row["text"],
                charmap=CharMap.from_list(json.loads(row["charmap"])), title=row["title"],
                author=row["author"], published=row["published"], publisher=row["publisher"],
                language=row["language"], repairs=repairs, duplicate_of=row["duplicate_of"],
                mentions=mentions, entities=_load_entities(c, doc_id),
                facts=_load_facts(c, doc_id=doc_id), flags=_load_flags(c, doc_id=doc_id))

    def documents(self) -> list[DocumentInfo]:
        """All stored documents, by name."""
        with self._read() as c:
            rows = c.execute("""SELECT name, path, sha256, size, title, author, published, publisher,
                                       language, duplicate_of, length(text) AS chars,
                                       n_facts AS facts, ingested_at
                                FROM documents ORDER BY name""").fetchall()
        return [DocumentInfo(**dict(r)) for r in rows]

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """(name, MinHash signature) of every stored document, for near-duplicate detection."""
        with self._read() as c:
            rows = c.execute("SELECT name, minhash FROM documents WHERE minhash IS NOT NULL "
                             "ORDER BY name").fetchall()
        return iter([(r["name"], bytes(r["minhash"])) for r in rows])

    def put_signature(self, name: str, signature: bytes) -> None:
        """Store a document's MinHash signature (called inside ``put_document``'s flow)."""
        with self._tx() as c:
            cur = c.execute("UPDATE documents SET minhash = ? WHERE name = ?", (signature, name))
            if cur.rowcount == 0:
                raise NotFound(_no_document(name))

    # -- entities, facts, flags ---------------------------------------------

    def entities(self) -> list[Entity]:
        """Every entity with its aliases and the documents that mention it, ordered by name and type.

        Kept between calls while nothing else writes (a writer asks before every document); the
        entities returned are shared with that cache and must not be changed."""
        with self._read() as c:
            version = _changes(c)
            if self._known is None or self._known[0] != version:
                self._known = (version, {(e.name, e.type): e for e in _load_entities(c)})
            known = self._known[1]
        return [known[k] for k in sorted(known)]

    def mentions(self, entity: str) -> list[tuple[str, Mention]]:
        """(document name, mention) of every mention of the entity with this name or alias."""
        with self._read() as c:
            rows = c.execute(
                """SELECT d.name AS doc, m.*, e.name AS entity FROM mentions m
                   JOIN entities e ON e.id = m.entity_id JOIN documents d ON d.id = m.doc_id
                   WHERE m.entity_id IN (
                       SELECT id FROM entities WHERE name = ? COLLATE NOCASE
                       UNION SELECT entity_id FROM aliases WHERE alias = ? COLLATE NOCASE)
                   ORDER BY d.name, m.start, m.id""", (entity, entity)).fetchall()
        return [(r["doc"], Mention(text=r["text"], start=r["start"], end=r["end"], type=r["type"],
                                   entity=r["entity"], form=r["form"])) for r in rows]

    def facts(self, kind: str | None = None) -> list[Fact]:
        """Every stored fact (of one kind, if given), each with its sources."""
        with self._read() as c:
            return _load_facts(c, kind=kind)

    def flags(self) -> list[Flag]:
        """Every stored data-quality flag."""
        with self._read() as c:
            return _load_flags(c)

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Documents whose clean text best matches the words of ``query`` (BM25), best first."""
        words = _WORD.findall(query)
        if not words:
            return []
        # each word quoted, so user text never reaches the FTS5 query syntax
        match = " OR ".join('"' + w + '"' for w in dict.fromkeys(words))
        with self._read() as c:
            rows = c.execute(
                """SELECT d.name, d.title, snippet(documents_fts, 1, '', '', '…', 24) AS snippet,
                          bm25(documents_fts) AS rank
                   FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
                   WHERE documents_fts MATCH ? ORDER BY rank, d.name LIMIT ?""",
                (match, limit)).fetchall()
        return [SearchHit(doc=r["name"], title=r["title"], snippet=r["snippet"], score=-r["rank"])
                for r in rows]

    # -- runs -----------------------------------------------------------------

    def start_run(self, args: list[str]) -> int:
        """Record the start of an ingestion run; returns its id."""
        with self._tx() as c:
            cur = c.execute("INSERT INTO runs (started, args) VALUES (?, ?)", (_now(), _json(list(args))))
        self._run_id = int(cur.lastrowid)
        return self._run_id

    def finish_run(self, run_id: int, summary: RunSummary) -> None:
        """Record how a run ended."""
        with self._tx() as c:
            cur = c.execute("UPDATE runs SET finished = ?, summary = ? WHERE id = ?",
                            (_now(), _json(asdict(summary)), run_id))
            if cur.rowcount == 0:
                raise NotFound(f"run {run_id}: no such ingestion run — `dossier runs` lists them")
        if self._run_id == run_id:
            self._run_id = None

    def version(self) -> tuple:
        """A stamp that changes whenever a document is added, replaced or deleted (a cache key for views
        derived from everything stored): the counter the documents' triggers move."""
        with self._read() as c:
            return _changes(c)

    def runs(self) -> list[dict[str, Any]]:
        """Past ingestion runs, newest first."""
        with self._read() as c:
            rows = c.execute("SELECT * FROM runs ORDER BY id DESC").fetchall()
        return [{"id": r["id"], "started": r["started"], "finished": r["finished"],
                 "args": json.loads(r["args"]),
                 "summary": json.loads(r["summary"]) if r["summary"] else None} for r in rows]

    # -- housekeeping ---------------------------------------------------------

    @property
    def schema_version(self) -> int:
        """The schema version recorded in the database file."""
        with self._lock:
            return schema.version(self._conn)

    def check(self) -> list[str]:
        """Problems found in the database file (an empty list means it is sound)."""
        problems: list[str] = []
        with self._read() as c:
            problems += [f"integrity: {r[0]}" for r in c.execute("PRAGMA integrity_check") if r[0] != "ok"]
            problems += [f"foreign key: {r[0]} row {r[1]} points to a missing {r[2]}"
                         for r in c.execute("PRAGMA foreign_key_check")]
            for r in c.execute(
                    """SELECT name, n_repairs, n_mentions, n_facts, n_flags,
                              (SELECT count(*) FROM repairs WHERE doc_id = d.id) AS repairs,
                              (SELECT count(*) FROM mentions WHERE doc_id = d.id) AS mentions,
                              (SELECT count(*) FROM facts WHERE doc_id = d.id) AS facts,
                              (SELECT count(*) FROM flags WHERE doc_id = d.id) AS flags
                       FROM documents d ORDER BY name"""):
                for part in ("repairs", "mentions", "facts", "flags"):
                    if r[part] != r["n_" + part]:
                        problems.append(f"{r['name']}: {r[part]} {part} stored, {r['n_' + part]} written")
        with self._lock:
            try:
                self._conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                problems.append(f"search index: {exc}")
        return problems

    def close(self) -> None:
        """Release the connection."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- helpers (module level so the class stays a thin list of operations) ------

def _connect(path: str, create: bool) -> sqlite3.Connection:
    """Open the file with Dossier's pragmas, or raise StoreError saying what to do."""
    if path != ":memory:":
        p = Path(path).expanduser()
        if p.is_dir():
            raise StoreError(f"{path}: is a folder — give a file path for the database, "
                             f"e.g. {p / 'dossier.db'}")
        if not p.parent.is_dir():
            raise StoreError(f"{path}: folder {p.parent} does not exist — create it first "
                             "or choose another --db path")
        if not create and not p.exists():
            raise StoreError(f"{path}: no knowledge base here — build one with "
                             f"`dossier ingest --db {path} FOLDER`")
        path = str(p)
    try:
        # autocommit mode: transactions are begun and ended explicitly
        conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(_open_message(path, exc)) from exc
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")  # PRAGMA takes no parameters
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")   # durable enough with WAL; a crash never corrupts
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(_open_message(path, exc)) from exc
    return conn


def _open_message(path: str, exc: sqlite3.Error) -> str:
    text = str(exc)
    if "not a database" in text or "malformed" in text:
        return f"{path}: not a Dossier knowledge base ({text}) — choose another --db path"
    return f"{path}: cannot open the knowledge base ({text}) — check the path and its permissions"


def _write_message(path: str, exc: sqlite3.Error) -> str:
    text = str(exc)
    if "locked" in text or "busy" in text:
        hint = "another process is writing to it; try again when it has finished"
    elif "readonly" in text or "read-only" in text:
        hint = "check that the file and its folder are writable"
    elif "full" in text:
        hint = "free some disk space and try again"
    else:
        hint = "nothing was changed; try again, or rebuild the knowledge base with `dossier ingest`"
    return f"{path}: could not write to the knowledge base ({text}) — {hint}"


def _no_document(name: str) -> str:
    return f"{name}: no such document — `dossier docs` lists the stored ones"


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _entity_id(c: sqlite3.Connection, cache: dict[tuple[str, str], int], name: str, etype: str) -> int:
    """Id of the entity (name, type), inserting it if new."""
    key = (name, etype)
    if key not in cache:
        c.execute("INSERT OR IGNORE INTO entities (name, type) VALUES (?, ?)", key)
        cache[key] = c.execute("SELECT id FROM entities WHERE name = ? AND type = ?", key).fetchone()[0]
    return cache[key]


def _drop_orphan_entities(c: sqlite3.Connection) -> None:
    """Delete entities no document mentions or names any more."""
    c.execute("""DELETE FROM entities
                 WHERE NOT EXISTS (SELECT 1 FROM aliases a WHERE a.entity_id = entities.id)
                   AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)""")


_FACT_SOURCE = "INSERT INTO fact_sources (fact_id, seq, doc, start, end, quote) VALUES (?, ?, ?, ?, ?, ?)"
_FLAG_SOURCE = "INSERT INTO flag_sources (flag_id, seq, doc, start, end, quote) VALUES (?, ?, ?, ?, ?, ?)"


def _insert_sources(c: sqlite3.Connection, sql: str, owner: int, sources: Iterable[dict[str, Any]]) -> None:
    c.executemany(sql, [(owner, i, s["doc"], s["start"], s["end"], s["quote"]) for i, s in enumerate(sources)])


def _sources(c: sqlite3.Connection, sql: str, params: tuple) -> dict[int, list[dict[str, Any]]]:
    """Sources grouped by owner id; ``sql`` selects owner, doc, start, end, quote ordered by seq."""
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in c.execute(sql, params):
        out[r["owner"]].append(Source(doc=r["doc"], start=r["start"], end=r["end"],
                                      quote=r["quote"]).to_record())
    return out


def _load_facts(c: sqlite3.Connection, *, doc_id: int | None = None, kind: str | None = None) -> list[Fact]:
    """Facts in document-name then insertion order, optionally of one document or kind."""
    where = " AND ".join(w for w, v in (("f.doc_id = ?", doc_id), ("f.kind = ?", kind)) if v is not None)
    params = tuple(v for v in (doc_id, kind) if v is not None)
    where = f"WHERE {where}" if where else ""   # fixed fragments only; values are bound
    rows = c.execute(f"""SELECT f.id, f.kind, f.payload FROM facts f JOIN documents d ON d.id = f.doc_id
                         {where} ORDER BY d.name, f.id""", params).fetchall()
    sources = _sources(c, f"""SELECT s.fact_id AS owner, s.doc, s.start, s.end, s.quote
                              FROM fact_sources s JOIN facts f ON f.id = s.fact_id
                              {where} ORDER BY s.fact_id, s.seq""", params)
    return [cast(Fact, from_record({"kind": r["kind"], **json.loads(r["payload"]), "sources": sources[r["id"]]}))
            for r in rows]


def _load_flags(c: sqlite3.Connection, *, doc_id: int | None = None) -> list[Flag]:
    """Flags in document-name then insertion order, optionally of one document."""
    where, params = ("WHERE g.doc_id = ?", (doc_id,)) if doc_id is not None else ("", ())
    rows = c.execute(f"""SELECT g.* FROM flags g JOIN documents d ON d.id = g.doc_id
                         {where} ORDER BY d.name, g.id""", params).fetchall()
    sources = _sources(c, f"""SELECT s.flag_id AS owner, s.doc, s.start, s.end, s.quote
                              FROM flag_sources s JOIN flags g ON g.id = s.flag_id
                              {where} ORDER BY s.flag_id, s.seq""", params)
    return [cast(Flag, from_record({"kind": "flag", "type": r["type"], "about": r["about"],
                                    "message": r["message"], **json.loads(r["payload"]),
                                    "sources": sources[r["id"]]}))
            for r in rows]


def _changes(c: sqlite3.Connection) -> tuple:
    """The documents' change counter (see ``version``)."""
    return (int(c.execute("SELECT n FROM changes").fetchone()["n"]),)


def _grown_entities(c: sqlite3.Connection, doc_id: int, doc_name: str,
                    known: dict[tuple[str, str], Entity]) -> list[Entity]:
    """The entities a newly added document names, from its own rows (see ``grown_entities``)."""
    rows = c.execute("""SELECT e.name, e.type, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id
                        WHERE a.doc_id = ?
                        UNION SELECT e.name, e.type, NULL FROM mentions m JOIN entities e ON e.id = m.entity_id
                        WHERE m.doc_id = ?""", (doc_id, doc_id))
    return grown_entities(known, (tuple(r) for r in rows), doc_name)


def _load_entities(c: sqlite3.Connection, doc_id: int | None = None) -> list[Entity]:
    """Entities by name and type (those of one document, if given), with all aliases and documents."""
    if doc_id is None:
        scope, params = "", ()
    else:  # a fixed fragment; the ids are bound, as one JSON list
        ids = [r[0] for r in c.execute("SELECT entity_id FROM aliases WHERE doc_id = ? "
                                       "UNION SELECT entity_id FROM mentions WHERE doc_id = ?", (doc_id, doc_id))]
        scope, params = "WHERE {col} IN (SELECT value FROM json_each(?))", (json.dumps(ids),)
    rows = c.execute(f"SELECT id, name, type FROM entities {scope.format(col='id')} ORDER BY name, type",
                     params).fetchall()
    aliases: dict[int, set[str]] = defaultdict(set)
    for r in c.execute(f"SELECT DISTINCT entity_id, alias FROM aliases {scope.format(col='entity_id')}",
                       params):
        aliases[r["entity_id"]].add(r["alias"])
    docs: dict[int, set[str]] = defaultdict(set)
    # the scope inside each branch, so that one document's entities do not read every mention
    for r in c.execute(f"""SELECT a.entity_id, d.name FROM aliases a JOIN documents d ON d.id = a.doc_id
                           {scope.format(col='a.entity_id')}
                           UNION SELECT m.entity_id, d.name FROM mentions m JOIN documents d ON d.id = m.doc_id
                           {scope.format(col='m.entity_id')}""", params * 2):
        docs[r["entity_id"]].add(r["name"])
    return [Entity(name=r["name"], type=r["type"], aliases=sorted(aliases[r["id"]] - {r["name"]}),
                   docs=sorted(docs[r["id"]])) for r in rows]
