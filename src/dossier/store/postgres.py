"""The shared backend: a PostgreSQL database, reached with a ``postgresql://`` URL (psycopg 3).

It keeps the semantics of ``sqlite.py`` while several processes write at once:

* every write is one transaction, so a killed process leaves either the old
  document or the new one, never half of either;
* writers of one document name queue on an advisory lock taken first thing
  (``pg_advisory_xact_lock``), so replacing by name is atomic and two ingests
  of the same file never collide on ``documents.name``;
* entities are upserted with ``INSERT ... ON CONFLICT`` on their unique
  (name, type), aliases on their primary key.  The short stretch at the end of
  a write that adds and drops entity references runs under one more advisory
  lock: without it, one writer could delete as orphaned an entity another is
  about to reference, and two writers each removing one of an entity's last two
  references would each still see the other's and leave it orphaned;
* reads run in a ``REPEATABLE READ READ ONLY`` transaction: the queries behind
  one answer see one snapshot, and readers never wait for writers.

Values are always bound as parameters.
"""

from __future__ import annotations

import json
import re
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any, cast

import psycopg
from psycopg import errors as pg_errors
from psycopg.conninfo import conninfo_to_dict
from psycopg.pq import TransactionStatus
from psycopg.rows import dict_row

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
from dossier.store import DocumentInfo, RunSummary, SearchHit, Status, grown_entities, pg_schema

LOCK_TIMEOUT = "30s"        # how long a writer waits for another process's transaction (SQLite: busy timeout)
CONNECT_TIMEOUT_S = 10
_WORD = re.compile(r"\w+", re.UNICODE)
# advisory lock keys (two-int form; one namespace per purpose, apart from the migration lock's one-bigint form)
_DOCUMENT_LOCKS = 0x444F43   # + hashtext(name): writers of one document name
_ENTITY_LOCKS = 0x454E54     # + 0: adding and dropping entity references
# one fragment of about 24 words, no highlight markers: what sqlite.py's snippet() gives
# (ShortWord=0: keep short words such as "Gas" at the edges of the fragment)
_HEADLINE = 'StartSel="", StopSel="", MaxWords=24, MinWords=12, MaxFragments=1, ShortWord=0'

Conn = psycopg.Connection[dict[str, Any]]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _iso(value: datetime | None) -> str | None:
    """A stored time as sqlite.py writes it: ISO 8601 in UTC, to the second."""
    return value.astimezone(UTC).isoformat(timespec="seconds") if value is not None else None


class PostgresStore:
    """A knowledge base in a PostgreSQL database; implements ``dossier.store.Store``."""

    def __init__(self, url: str, *, create: bool = True):
        self._url = url                  # may hold a password: kept for reconnecting only
        self.where = redact(url)         # for messages
        self._lock = threading.RLock()   # the connection is shared by threads (web app)
        # every entity by (name, type), as of a ``version()`` (see SQLiteStore)
        self._known: tuple[tuple, dict[tuple[str, str], Entity]] | None = None
        self._run_id: int | None = None
        self._closed = False
        self._conn = _connect(url, self.where)
        try:
            self.migrated = pg_schema.migrate(self._conn, self.where, create=create)
        except psycopg.Error as exc:
            self._conn.close()
            raise StoreError(_open_message(self.where, exc)) from exc
        except BaseException:
            self._conn.close()
            raise

    # -- transactions -------------------------------------------------------

    def _live(self) -> Conn:
        """The connection, opened again if the server dropped it (a restart, a network blip)."""
        if self._conn.closed and not self._closed:
            self._conn = _connect(self._url, self.where)
        return self._conn

    @contextmanager
    def _tx(self) -> Iterator[Conn]:
        """One write transaction: everything inside commits together or not at all."""
        with self._lock:
            conn = self._live()
            try:
                conn.execute("BEGIN")
            except psycopg.Error as exc:
                raise StoreError(_write_message(self.where, exc)) from exc
            try:
                yield conn
                conn.execute("COMMIT")
            except psycopg.Error as exc:
                _rollback(conn)
                raise StoreError(_write_message(self.where, exc)) from exc
            except BaseException:
                _rollback(conn)
                raise

    @contextmanager
    def _read(self) -> Iterator[Conn]:
        """A read snapshot (nested use joins the outer one)."""
        with self._lock:
            conn = self._live()
            if conn.info.transaction_status != TransactionStatus.IDLE:
                yield conn
                return
            try:
                conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                yield conn
                conn.execute("COMMIT")
            except psycopg.Error as exc:
                _rollback(conn)
                raise StoreError(f"{self.where}: could not read the knowledge base ({_oneline(exc)}) — "
                                 "check the server, or rebuild it with `dossier ingest`") from exc
            except BaseException:
                _rollback(conn)
                raise

    # -- documents ----------------------------------------------------------

    def status(self, name: str, sha256: str) -> Status:
        """Whether a document of this name is new, stored with this hash, or stored changed."""
        with self._read() as c:
            row = c.execute("SELECT sha256 FROM documents WHERE name = %s", (name,)).fetchone()
        if row is None:
            return "new"
        return "same" if row["sha256"] == sha256 else "changed"

    def put_document(self, doc: Document, signature: bytes | None = None) -> None:
        """Write (or replace) one document with everything found in it, in one transaction."""
        known, touched = self._known, None
        with self._tx() as c:
            _lock_document(c, doc.name)
            before = _changes(c)
            stale = _entities_of(c, doc.name)
            replaced = c.execute("DELETE FROM documents WHERE name = %s", (doc.name,)).rowcount  # cascades
            doc_id = self._insert_document(c, doc, signature)
            self._insert_repairs(c, doc_id, doc.repairs)
            self._insert_facts(c, doc_id, doc.facts)
            self._insert_flags(c, doc_id, doc.flags)
            _lock_entities(c)
            self._insert_entities(c, doc_id, doc)
            _drop_orphan_entities(c, stale)
            after = _changes(c)
            # the counter moves once per statement (the delete, the insert), and its row stays locked by
            # this transaction from the delete on: two steps more than the cache means no other writer
            # committed in between
            if known is not None and known[0] == before and after == (before[0] + 2,) and not replaced:
                rows = c.execute("""SELECT e.name, e.type, a.alias FROM aliases a JOIN entities e ON e.id = a.entity_id
                                    WHERE a.doc_id = %(doc)s
                                    UNION SELECT e.name, e.type, NULL FROM mentions m
                                    JOIN entities e ON e.id = m.entity_id WHERE m.doc_id = %(doc)s""",
                                 {"doc": doc_id}).fetchall()
                touched = (after, grown_entities(known[1], ((r["name"], r["type"], r["alias"]) for r in rows),
                                                 doc.name))
        self._known = None   # committed: grow the cache, or drop it
        if touched is not None and known is not None:
            self._known = (touched[0], {**known[1], **{(e.name, e.type): e for e in touched[1]}})

    def delete_document(self, name: str) -> None:
        """Remove a document and everything found in it; NotFound if absent."""
        self._known = None
        with self._tx() as c:
            _lock_document(c, name)
            stale = _entities_of(c, name)
            if c.execute("DELETE FROM documents WHERE name = %s", (name,)).rowcount == 0:
                raise NotFound(_no_document(name))
            _lock_entities(c)
            _drop_orphan_entities(c, stale)

    def _insert_document(self, c: Conn, doc: Document, signature: bytes | None) -> int:
        (row,) = c.execute(
            """INSERT INTO documents (name, path, sha256, size, encoding, original, text, charmap,
                   title, author, published, publisher, language, duplicate_of, minhash,
                   n_repairs, n_mentions, n_facts, n_flags, ingested_at, run_id)
               VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s,
                       %s, %s, %s, %s, now(), %s)
               RETURNING id""",
            (doc.name, doc.path, doc.sha256, doc.size, doc.encoding, doc.original, doc.text,
             json.dumps(doc.charmap.to_list()), doc.title, doc.author, doc.published, doc.publisher,
             doc.language, doc.duplicate_of, signature, len(doc.repairs), len(doc.mentions),
             len(doc.facts), len(doc.flags), self._run_id)).fetchall()
        return int(row["id"])

    def _insert_repairs(self, c: Conn, doc_id: int, repairs: list[Repair]) -> None:
        with c.cursor() as cur:
            cur.executemany('INSERT INTO repairs (doc_id, kind, quote, start, "end", note) '
                            "VALUES (%s, %s, %s, %s, %s, %s)",
                            [(doc_id, r.kind, r.quote, r.start, r.end, r.note) for r in repairs])

    def _insert_entities(self, c: Conn, doc_id: int, doc: Document) -> None:
        """Upsert the document's entities by (name, type); every surface form becomes an alias."""
        declared = {(e.name, e.type): e for e in doc.entities}
        type_of: dict[str, str] = {}
        for e in doc.entities:
            type_of.setdefault(e.name, e.type)
        meant: list[tuple[str, str]] = []
        for m in doc.mentions:
            name = m.entity or m.text   # an unresolved mention stands for itself
            meant.append((name, m.type if (name, m.type) in declared else type_of.get(name, m.type)))
        ids = _upsert_entities(c, sorted(set(declared) | set(meant)))
        aliases: set[tuple[int, str]] = set()
        for (name, etype), entity in declared.items():
            aliases.update((ids[name, etype], a) for a in [name, *entity.aliases])
        rows = []
        for m, key in zip(doc.mentions, meant, strict=True):
            eid = ids[key]
            aliases.add((eid, key[0]))
            if m.form in ("name", "acronym"):   # "the President" or "the pipeline" names nothing by itself
                aliases.add((eid, m.text))
            rows.append((doc_id, eid, m.text, m.start, m.end, m.type, m.form))
        with c.cursor() as cur:
            cur.executemany("INSERT INTO aliases (entity_id, alias, doc_id) VALUES (%s, %s, %s) "
                            "ON CONFLICT DO NOTHING",
                            [(eid, a.strip(), doc_id) for eid, a in sorted(aliases) if a and a.strip()])
            cur.executemany('INSERT INTO mentions (doc_id, entity_id, text, start, "end", type, form) '
                            "VALUES (%s, %s, %s, %s, %s, %s, %s)", rows)

    def _insert_facts(self, c: Conn, doc_id: int, facts: Sequence[Fact]) -> None:
        rows, sources = [], []
        for fact in facts:
            rec = to_record(fact)
            kind = rec.pop("kind")
            sources.append(rec.pop("sources"))
            rows.append((doc_id, kind, _json(list(fact.key())), _json(rec)))
        ids = _insert_returning_ids(c, "INSERT INTO facts (doc_id, kind, key, payload) "
                                       "VALUES (%s, %s, %s, %s) RETURNING id", rows)
        _insert_sources(c, _FACT_SOURCE, zip(ids, sources, strict=True))

    def _insert_flags(self, c: Conn, doc_id: int, flags: Sequence[Flag]) -> None:
        rows, sources = [], []
        for flag in flags:
            rec = to_record(flag)
            rec.pop("kind")
            sources.append(rec.pop("sources"))
            rows.append((doc_id, rec.pop("type"), rec.pop("about"), rec.pop("message"), _json(rec)))
        ids = _insert_returning_ids(c, "INSERT INTO flags (doc_id, type, about, message, payload) "
                                       "VALUES (%s, %s, %s, %s, %s) RETURNING id", rows)
        _insert_sources(c, _FLAG_SOURCE, zip(ids, sources, strict=True))

    def get_document(self, name: str) -> Document:
        """A stored document with its text, char map, metadata, repairs and facts; NotFound if absent."""
        with self._read() as c:
            row = c.execute("""SELECT id, name, path, sha256, size, encoding, original, text, charmap, title,
                                      author, published, publisher, language, duplicate_of
                               FROM documents WHERE name = %s""", (name,)).fetchone()
            if row is None:
                raise NotFound(_no_document(name))
            doc_id = row["id"]
            repairs = [Repair(kind=r["kind"], quote=r["quote"], start=r["start"], end=r["end"],
                              note=r["note"])
                       for r in c.execute('SELECT kind, quote, start, "end", note FROM repairs '
                                          "WHERE doc_id = %s ORDER BY id", (doc_id,))]
            mentions = [_mention(r) for r in c.execute(
                """SELECT m.text, m.start, m."end", m.type, m.form, e.name AS entity FROM mentions m
                   JOIN entities e ON e.id = m.entity_id
                   WHERE m.doc_id = %s ORDER BY m.id""", (doc_id,))]
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
        return [DocumentInfo(**{**r, "ingested_at": _iso(r["ingested_at"])}) for r in rows]

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """(name, MinHash signature) of every stored document, for near-duplicate detection."""
        with self._read() as c:
            rows = c.execute("SELECT name, minhash FROM documents WHERE minhash IS NOT NULL "
                             "ORDER BY name").fetchall()
        return iter([(r["name"], bytes(r["minhash"])) for r in rows])

    def put_signature(self, name: str, signature: bytes) -> None:
        """Store a document's MinHash signature (called inside ``put_document``'s flow)."""
        with self._tx() as c:
            _lock_document(c, name)   # after a concurrent replace, so the new version gets it
            cur = c.execute("UPDATE documents SET minhash = %s WHERE name = %s", (signature, name))
            if cur.rowcount == 0:
                raise NotFound(_no_document(name))

    # -- entities, facts, flags ---------------------------------------------

    def entities(self) -> list[Entity]:
        """Every entity with its aliases and the documents that mention it, ordered by name and type
        (by code point, as SQLite orders them).  Kept between calls while no one else writes; the
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
            # lower() of "C" text folds ASCII only, as SQLite's NOCASE does
            rows = c.execute(
                """SELECT d.name AS doc, m.text, m.start, m."end", m.type, m.form, e.name AS entity
                   FROM mentions m
                   JOIN entities e ON e.id = m.entity_id JOIN documents d ON d.id = m.doc_id
                   WHERE m.entity_id IN (
                       SELECT id FROM entities WHERE lower(name) = lower(%(entity)s::text COLLATE "C")
                       UNION SELECT entity_id FROM aliases WHERE lower(alias) = lower(%(entity)s::text COLLATE "C"))
                   ORDER BY d.name, m.start, m.id""", {"entity": entity}).fetchall()
        return [(r["doc"], _mention(r)) for r in rows]

    def facts(self, kind: str | None = None) -> list[Fact]:
        """Every stored fact (of one kind, if given), each with its sources."""
        with self._read() as c:
            return _load_facts(c, kind=kind)

    def flags(self) -> list[Flag]:
        """Every stored data-quality flag."""
        with self._read() as c:
            return _load_flags(c)

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Documents whose clean text best matches the words of ``query`` (ts_rank), best first."""
        words = _WORD.findall(query)
        if not words:
            return []
        # each word quoted as one lexeme: \w+ holds no quote, so user text never reaches tsquery syntax
        match = " | ".join(f"'{w}'" for w in dict.fromkeys(words))
        with self._read() as c:
            rows = c.execute(
                r"""SELECT name, title, rank, headline, at, left(text, at - 1) ~ '\w' AS cut_before,
                           CASE WHEN substr(text, at + length(headline)) ~ '\w' THEN NULL
                                ELSE rtrim(substr(text, at + length(headline))) END AS tail
                    FROM (SELECT *, strpos(text, headline) AS at
                          FROM (SELECT name, title, text, rank,
                                       ts_headline('dossier_text', text, q, %(headline)s) AS headline
                                FROM (SELECT d.name, d.title, d.text, q, ts_rank(d.fts, q, 1) AS rank
                                      FROM documents d, to_tsquery('dossier_text', %(match)s) AS q
                                      WHERE d.fts @@ q ORDER BY rank DESC, d.name LIMIT %(limit)s) AS best
                               ) AS lit
                         ) AS placed
                    ORDER BY rank DESC, name""",
                {"match": match, "limit": limit, "headline": _HEADLINE}).fetchall()
        return [SearchHit(doc=r["name"], title=r["title"], snippet=_snippet(r), score=float(r["rank"]))
                for r in rows]

    # -- runs -----------------------------------------------------------------

    def start_run(self, args: list[str]) -> int:
        """Record the start of an ingestion run; returns its id."""
        with self._tx() as c:
            (row,) = c.execute("INSERT INTO runs (started, args) VALUES (now(), %s) RETURNING id",
                               (_json(list(args)),)).fetchall()
        self._run_id = int(row["id"])
        return self._run_id

    def finish_run(self, run_id: int, summary: RunSummary) -> None:
        """Record how a run ended."""
        with self._tx() as c:
            cur = c.execute("UPDATE runs SET finished = now(), summary = %s WHERE id = %s",
                            (_json(asdict(summary)), run_id))
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
            rows = c.execute("SELECT id, started, finished, args, summary FROM runs ORDER BY id DESC").fetchall()
        return [{"id": r["id"], "started": _iso(r["started"]), "finished": _iso(r["finished"]),
                 "args": json.loads(r["args"]),
                 "summary": json.loads(r["summary"]) if r["summary"] else None} for r in rows]

    # -- housekeeping ---------------------------------------------------------

    @property
    def schema_version(self) -> int:
        """The schema version recorded in the database."""
        with self._read() as c:
            return pg_schema.version(c)

    def check(self) -> list[str]:
        """Problems found in the stored data (an empty list means it is sound)."""
        problems: list[str] = []
        with self._read() as c:
            if (found := pg_schema.version(c)) != pg_schema.VERSION:
                problems.append(f"schema: version {found}, expected {pg_schema.VERSION}")
            # PostgreSQL enforces the foreign keys itself; an index can still be left invalid
            # by an interrupted CREATE INDEX CONCURRENTLY
            problems += [f"index {r['index']}: invalid — rebuild it with REINDEX" for r in c.execute(
                """SELECT i.indexrelid::regclass::text AS index FROM pg_catalog.pg_index i
                   JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
                   WHERE t.relnamespace = current_schema()::regnamespace AND NOT i.indisvalid
                   ORDER BY 1""")]
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
        return problems

    def close(self) -> None:
        """Release the connection."""
        with self._lock:
            self._closed = True
            self._conn.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- helpers (module level so the class stays a thin list of operations) ------

def redact(url: str) -> str:
    """The URL without its password (and other options), for messages."""
    try:
        info = conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        reason = _oneline(exc).replace(url, "...")   # the URL may hold a password
        raise StoreError(f"the --db URL is not a valid PostgreSQL URL ({reason}) — "
                         "write it as postgresql://USER@HOST:PORT/DATABASE") from None
    user = f"{info['user']}@" if info.get("user") else ""
    port = f":{info['port']}" if info.get("port") else ""
    return f"postgresql://{user}{info.get('host') or ''}{port}/{info.get('dbname') or ''}"


def _connect(url: str, where: str) -> Conn:
    """Open a connection in autocommit mode (transactions are begun and ended explicitly)."""
    given = conninfo_to_dict(url)
    extra: dict[str, Any] = {k: v for k, v in (("connect_timeout", CONNECT_TIMEOUT_S),
                                                ("application_name", "dossier")) if k not in given}
    try:
        conn = psycopg.connect(url, autocommit=True, row_factory=dict_row, **extra)
    except psycopg.Error as exc:
        raise StoreError(_open_message(where, exc)) from exc
    try:
        conn.execute("SELECT set_config('lock_timeout', %s, false)", (LOCK_TIMEOUT,))
    except psycopg.Error as exc:
        conn.close()
        raise StoreError(_open_message(where, exc)) from exc
    return conn


def _oneline(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _open_message(where: str, exc: psycopg.Error) -> str:
    text = _oneline(exc)
    if isinstance(exc, pg_errors.InsufficientPrivilege):
        hint = "the database user needs the right to create tables there (or use a database it owns)"
    elif "unaccent" in text:
        hint = "install PostgreSQL's contrib modules on the server (Debian: postgresql-contrib)"
    elif _disconnected(exc):   # connecting failed: refused, unknown database or user, bad password
        hint = "check the URL, that the server is running, and that the user may log in"
    else:
        hint = "check the URL and the server"
    return f"{where}: cannot open the knowledge base ({text}) — {hint}"


def _write_message(where: str, exc: psycopg.Error) -> str:
    text = _oneline(exc)
    if isinstance(exc, pg_errors.LockNotAvailable):
        hint = "another process is writing to it; try again when it has finished"
    elif isinstance(exc, pg_errors.InsufficientPrivilege | pg_errors.ReadOnlySqlTransaction):
        hint = "check that the database user may write to it"
    elif isinstance(exc, pg_errors.DiskFull):
        hint = "free some disk space on the server and try again"
    elif _disconnected(exc):
        hint = "the connection to the server failed and nothing was changed; try again"
    else:
        hint = "nothing was changed; try again, or rebuild the knowledge base with `dossier ingest`"
    return f"{where}: could not write to the knowledge base ({text}) — {hint}"


def _disconnected(exc: psycopg.Error) -> bool:
    """Whether the error is the connection's (lost, refused, server shutting down), not the statement's."""
    return isinstance(exc, psycopg.OperationalError) and (exc.sqlstate is None or exc.sqlstate.startswith(
        ("08", "57P")))


def _no_document(name: str) -> str:
    return f"{name}: no such document — `dossier docs` lists the stored ones"


def _rollback(conn: Conn) -> None:
    if conn.closed or conn.info.transaction_status == TransactionStatus.IDLE:
        return
    try:
        conn.execute("ROLLBACK")
    except psycopg.OperationalError:
        pass  # the connection is gone, and the server has rolled back with it


def _lock_document(c: Conn, name: str) -> None:
    """Queue behind any other transaction writing a document of this name (held until commit)."""
    c.execute("SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (_DOCUMENT_LOCKS, name))


def _lock_entities(c: Conn) -> None:
    """Queue behind any other transaction adding or dropping entity references (held until commit)."""
    c.execute("SELECT pg_advisory_xact_lock(%s, 0)", (_ENTITY_LOCKS,))


def _entities_of(c: Conn, name: str) -> list[int]:
    """Ids of the entities the stored version of a document names or mentions."""
    rows = c.execute("""SELECT a.entity_id FROM aliases a JOIN documents d ON d.id = a.doc_id WHERE d.name = %s
                        UNION SELECT m.entity_id FROM mentions m JOIN documents d ON d.id = m.doc_id
                        WHERE d.name = %s""", (name, name)).fetchall()
    return [r["entity_id"] for r in rows]


def _upsert_entities(c: Conn, keys: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """Ids of the entities (name, type), inserting the new ones."""
    if not keys:
        return {}
    names, types = [k[0] for k in keys], [k[1] for k in keys]
    c.execute("""INSERT INTO entities (name, type)
                 SELECT k.name, k.type FROM unnest(%s::text[], %s::text[]) AS k(name, type)
                 ORDER BY k.name, k.type
                 ON CONFLICT (name, type) DO NOTHING""", (names, types))
    rows = c.execute("""SELECT e.id, e.name, e.type FROM entities e
                        JOIN unnest(%s::text[], %s::text[]) AS k(name, type)
                          ON e.name = k.name AND e.type = k.type""", (names, types)).fetchall()
    return {(r["name"], r["type"]): r["id"] for r in rows}


def _drop_orphan_entities(c: Conn, candidates: list[int]) -> None:
    """Delete those of ``candidates`` (entities a document stopped naming) that nothing names any more."""
    if candidates:
        c.execute("""DELETE FROM entities
                     WHERE id = ANY(%s)
                       AND NOT EXISTS (SELECT 1 FROM aliases a WHERE a.entity_id = entities.id)
                       AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)""",
                  (candidates,))


def _insert_returning_ids(c: Conn, sql: str, rows: list[tuple[Any, ...]]) -> list[int]:
    """Insert many rows in one round trip; the ids ``sql``'s RETURNING gives, in row order."""
    if not rows:
        return []
    ids: list[int] = []
    with c.cursor() as cur:
        cur.executemany(sql, rows, returning=True)
        while True:  # one result per inserted row
            ids.extend(int(r["id"]) for r in cur.fetchall())
            if not cur.nextset():
                break
    return ids


_FACT_SOURCE = 'INSERT INTO fact_sources (fact_id, seq, doc, start, "end", quote) VALUES (%s, %s, %s, %s, %s, %s)'
_FLAG_SOURCE = 'INSERT INTO flag_sources (flag_id, seq, doc, start, "end", quote) VALUES (%s, %s, %s, %s, %s, %s)'


def _insert_sources(c: Conn, sql: str, owned: Iterable[tuple[int, list[dict[str, Any]]]]) -> None:
    with c.cursor() as cur:
        cur.executemany(sql, [(owner, i, s["doc"], s["start"], s["end"], s["quote"])
                              for owner, sources in owned for i, s in enumerate(sources)])


def _mention(r: dict[str, Any]) -> Mention:
    return Mention(text=r["text"], start=r["start"], end=r["end"], type=r["type"], entity=r["entity"],
                   form=r["form"])


def _snippet(r: dict[str, Any]) -> str:
    """The headline with '…' where it cuts words off, as SQLite's snippet() gives it."""
    if not r["at"]:  # not a verbatim piece of the text: leave it as it is
        return r["headline"]
    return ("…" if r["cut_before"] else "") + r["headline"] + ("…" if r["tail"] is None else r["tail"])


def _sources(c: Conn, sql: str, params: tuple[Any, ...]) -> dict[int, list[dict[str, Any]]]:
    """Sources grouped by owner id; ``sql`` selects owner, doc, start, end, quote ordered by seq."""
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in c.execute(sql, params):
        out[r["owner"]].append(Source(doc=r["doc"], start=r["start"], end=r["end"],
                                      quote=r["quote"]).to_record())
    return out


def _load_facts(c: Conn, *, doc_id: int | None = None, kind: str | None = None) -> list[Fact]:
    """Facts in document-name then insertion order, optionally of one document or kind."""
    where = " AND ".join(w for w, v in (("f.doc_id = %s", doc_id), ("f.kind = %s", kind)) if v is not None)
    params = tuple(v for v in (doc_id, kind) if v is not None)
    where = f"WHERE {where}" if where else ""   # fixed fragments only; values are bound
    rows = c.execute(f"""SELECT f.id, f.kind, f.payload FROM facts f JOIN documents d ON d.id = f.doc_id
                         {where} ORDER BY d.name, f.id""", params).fetchall()
    sources = _sources(c, f"""SELECT s.fact_id AS owner, s.doc, s.start, s."end", s.quote
                              FROM fact_sources s JOIN facts f ON f.id = s.fact_id
                              {where} ORDER BY s.fact_id, s.seq""", params)
    return [cast(Fact, from_record({"kind": r["kind"], **json.loads(r["payload"]), "sources": sources[r["id"]]}))
            for r in rows]


def _load_flags(c: Conn, *, doc_id: int | None = None) -> list[Flag]:
    """Flags in document-name then insertion order, optionally of one document."""
    where, params = ("WHERE g.doc_id = %s", (doc_id,)) if doc_id is not None else ("", ())
    rows = c.execute(f"""SELECT g.id, g.type, g.about, g.message, g.payload
                         FROM flags g JOIN documents d ON d.id = g.doc_id
                         {where} ORDER BY d.name, g.id""", params).fetchall()
    sources = _sources(c, f"""SELECT s.flag_id AS owner, s.doc, s.start, s."end", s.quote
                              FROM flag_sources s JOIN flags g ON g.id = s.flag_id
                              {where} ORDER BY s.flag_id, s.seq""", params)
    return [cast(Flag, from_record({"kind": "flag", "type": r["type"], "about": r["about"],
                                    "message": r["message"], **json.loads(r["payload"]),
                                    "sources": sources[r["id"]]}))
            for r in rows]


def _changes(c: Conn) -> tuple:
    """The documents' change counter (see ``version``)."""
    return (int(c.execute("SELECT n FROM changes").fetchone()["n"]),)


def _load_entities(c: Conn, doc_id: int | None = None) -> list[Entity]:
    """Entities by name and type (those of one document, if given), with all aliases and documents."""
    if doc_id is None:
        scope, params = "", {}
    else:  # a fixed fragment; the id is bound
        scope = """WHERE {col} IN (SELECT entity_id FROM aliases WHERE doc_id = %(doc)s
                                   UNION SELECT entity_id FROM mentions WHERE doc_id = %(doc)s)"""
        params = {"doc": doc_id}
    rows = c.execute(f"""SELECT id, name, type FROM entities {scope.format(col='id')}
                         ORDER BY name COLLATE "C", type COLLATE "C\"""", params).fetchall()
    aliases: dict[int, set[str]] = defaultdict(set)
    for r in c.execute(f"SELECT DISTINCT entity_id, alias FROM aliases {scope.format(col='entity_id')}",
                       params):
        aliases[r["entity_id"]].add(r["alias"])
    docs: dict[int, set[str]] = defaultdict(set)
    for r in c.execute(f"""SELECT entity_id, name FROM (
                               SELECT a.entity_id, d.name FROM aliases a JOIN documents d ON d.id = a.doc_id
                               UNION SELECT m.entity_id, d.name FROM mentions m
                               JOIN documents d ON d.id = m.doc_id) AS refs
                           {scope.format(col='entity_id')}""", params):
        docs[r["entity_id"]].add(r["name"])
    return [Entity(name=r["name"], type=r["type"], aliases=sorted(aliases[r["id"]] - {r["name"]}),
                   docs=sorted(docs[r["id"]])) for r in rows]
