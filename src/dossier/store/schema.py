"""The SQLite schema as a list of migrations, applied in order and recorded in ``PRAGMA user_version``.

A migration is one SQL script; it runs inside its own ``BEGIN IMMEDIATE``
transaction together with the version bump, so a database is always at
exactly one version.  To change the schema, append a script: never edit one
that has shipped.
"""

from __future__ import annotations

import sqlite3

from dossier.errors import StoreError

MIGRATIONS: list[str] = [
    # 1: the knowledge base
    """
    CREATE TABLE runs (
        id        INTEGER PRIMARY KEY,
        started   TEXT NOT NULL,
        finished  TEXT,
        args      TEXT NOT NULL,            -- JSON list of the paths given
        summary   TEXT                      -- JSON RunSummary, once finished
    );

    CREATE TABLE documents (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL UNIQUE,  -- base file name: the document's identity
        path         TEXT NOT NULL,
        sha256       TEXT NOT NULL,
        size         INTEGER NOT NULL,
        encoding     TEXT NOT NULL,
        original     TEXT NOT NULL,         -- decoded file text, before cleaning
        text         TEXT NOT NULL,         -- clean body text
        charmap      TEXT NOT NULL,         -- JSON CharMap.to_list()
        title        TEXT,
        author       TEXT,
        published    TEXT,
        publisher    TEXT,
        language     TEXT,
        duplicate_of TEXT,                  -- a name, not a key: the original may be replaced later
        minhash      BLOB,
        n_repairs    INTEGER NOT NULL,      -- row counts written with the document,
        n_mentions   INTEGER NOT NULL,      -- so a check can prove nothing is half-written
        n_facts      INTEGER NOT NULL,
        n_flags      INTEGER NOT NULL,
        ingested_at  TEXT NOT NULL,
        run_id       INTEGER REFERENCES runs(id) ON DELETE SET NULL
    );

    CREATE TABLE repairs (
        id      INTEGER PRIMARY KEY,
        doc_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind    TEXT NOT NULL,
        quote   TEXT NOT NULL,
        start   INTEGER NOT NULL,           -- offsets into the original text
        end     INTEGER NOT NULL,
        note    TEXT NOT NULL
    );
    CREATE INDEX repairs_doc ON repairs(doc_id);

    CREATE TABLE entities (
        id    INTEGER PRIMARY KEY,
        name  TEXT NOT NULL,
        type  TEXT NOT NULL,
        UNIQUE (name, type)
    );

    -- every surface form of an entity, per document that used it: replacing or
    -- deleting a document takes its aliases with it, so none go stale
    CREATE TABLE aliases (
        entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
        alias      TEXT NOT NULL,
        doc_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (entity_id, alias, doc_id)
    ) WITHOUT ROWID;
    CREATE INDEX aliases_doc ON aliases(doc_id);
    CREATE INDEX aliases_alias ON aliases(alias COLLATE NOCASE);

    CREATE TABLE mentions (
        id         INTEGER PRIMARY KEY,
        doc_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        entity_id  INTEGER NOT NULL REFERENCES entities(id),
        text       TEXT NOT NULL,
        start      INTEGER NOT NULL,        -- offsets into the clean text
        end        INTEGER NOT NULL,
        type       TEXT NOT NULL,
        form       TEXT NOT NULL
    );
    CREATE INDEX mentions_doc ON mentions(doc_id);
    CREATE INDEX mentions_entity ON mentions(entity_id);

    CREATE TABLE facts (
        id       INTEGER PRIMARY KEY,
        doc_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind     TEXT NOT NULL,             -- quantity | event | relation
        key      TEXT NOT NULL,             -- JSON of Fact.key(): the same fact from several sources
        payload  TEXT NOT NULL              -- JSON contract record without kind and sources
    );
    CREATE INDEX facts_doc ON facts(doc_id);
    CREATE INDEX facts_kind ON facts(kind);
    CREATE INDEX facts_key ON facts(key);

    CREATE TABLE fact_sources (
        fact_id  INTEGER NOT NULL REFERENCES facts(id) ON DELETE CASCADE,
        seq      INTEGER NOT NULL,
        doc      TEXT NOT NULL,
        start    INTEGER NOT NULL,
        end      INTEGER NOT NULL,
        quote    TEXT NOT NULL,
        PRIMARY KEY (fact_id, seq)
    ) WITHOUT ROWID;

    CREATE TABLE flags (
        id       INTEGER PRIMARY KEY,
        doc_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        type     TEXT NOT NULL,
        about    TEXT NOT NULL,
        message  TEXT NOT NULL,
        payload  TEXT NOT NULL              -- JSON of any further fields of the record
    );
    CREATE INDEX flags_doc ON flags(doc_id);

    CREATE TABLE flag_sources (
        flag_id  INTEGER NOT NULL REFERENCES flags(id) ON DELETE CASCADE,
        seq      INTEGER NOT NULL,
        doc      TEXT NOT NULL,
        start    INTEGER NOT NULL,
        end      INTEGER NOT NULL,
        quote    TEXT NOT NULL,
        PRIMARY KEY (flag_id, seq)
    ) WITHOUT ROWID;

    -- full-text search over the clean text, kept in step by triggers
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    """,
    # 2: a counter that every write of a document moves, so that views derived from everything stored
    # (the merged picture, the timeline) can be kept until it changes; reading it costs one row
    """
    CREATE TABLE changes (
        id  INTEGER PRIMARY KEY CHECK (id = 1),
        n   INTEGER NOT NULL
    );
    INSERT INTO changes (id, n) SELECT 1, count(*) FROM documents;
    CREATE TRIGGER changes_on_insert AFTER INSERT ON documents BEGIN
        UPDATE changes SET n = n + 1;
    END;
    CREATE TRIGGER changes_on_delete AFTER DELETE ON documents BEGIN
        UPDATE changes SET n = n + 1;
    END;
    """,
]

VERSION = len(MIGRATIONS)


def statements(script: str) -> list[str]:
    """Split a script into complete statements (trigger bodies stay whole)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip() and not _only_comments(buf):
        raise ValueError(f"incomplete SQL statement at the end of a migration: {buf.strip()[:60]!r}")
    return out


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.strip().startswith("--") for line in text.splitlines())


def version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database."""
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, where: str = "database") -> int:
    """Bring the schema up to date (``conn`` in autocommit mode); returns how many migrations ran."""
    # each step re-reads the version under the write lock, so two processes
    # opening a new database at once apply every migration exactly once
    current = version(conn)
    if current > VERSION:
        raise StoreError(f"{where}: written by a newer Dossier (schema {current}, this one knows "
                         f"{VERSION}) — upgrade Dossier to open it")
    if current == 0 and _foreign(conn):
        raise StoreError(f"{where}: an SQLite database that is not a Dossier knowledge base — "
                         "choose another --db path")
    applied = 0
    for target, script in enumerate(MIGRATIONS, start=1):
        if current >= target:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = version(conn)
            if current < target:
                for stmt in statements(script):
                    conn.execute(stmt)
                # PRAGMA takes no bound parameters; target is an int from enumerate
                conn.execute(f"PRAGMA user_version = {int(target)}")
                applied += 1
                current = target
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    return applied


def _foreign(conn: sqlite3.Connection) -> bool:
    """Whether an unversioned database already holds tables (someone else's)."""
    return conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0
