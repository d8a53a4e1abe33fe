"""The knowledge base behind a small interface.  SQL lives only in this package.

``open_store(url)`` returns a ``Store``: a path or ``sqlite:///path`` gives the
embedded SQLite backend (``sqlite.py``); a ``postgresql://`` URL the shared
PostgreSQL backend (``postgres.py``), which implements the same protocol.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from dossier.records import Document, Entity, Fact, Flag, Mention

Status = Literal["new", "same", "changed"]


def grown_entities(known: dict[tuple[str, str], Entity], rows: Iterator[Any], doc_name: str) -> list[Entity]:
    """The entities a newly added document names, as a full read would now return them, built from
    their ``known`` state and the document's own (name, type, alias or None) rows: a writer's cache
    grows this way instead of re-reading entities shared with many documents (a country's)."""
    added: dict[tuple[str, str], set[str]] = {}
    for name, etype, alias in rows:
        names = added.setdefault((name, etype), set())
        if alias is not None:
            names.add(alias)
    out = []
    for (name, etype), names in added.items():
        old = known.get((name, etype))
        aliases = set(old.aliases) if old else set()
        docs = set(old.docs) if old else set()
        out.append(Entity(name=name, type=etype, aliases=sorted((aliases | names) - {name}),
                          docs=sorted(docs | {doc_name})))
    return out


@dataclass
class DocumentInfo:
    """What ``dossier docs`` lists: a stored document's metadata and status."""

    name: str
    path: str
    sha256: str
    size: int
    title: str | None
    author: str | None
    published: str | None
    publisher: str | None
    language: str | None
    duplicate_of: str | None
    chars: int
    facts: int
    ingested_at: str


@dataclass
class RunSummary:
    """Counts for one ingestion run."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)      # unchanged since last ingest
    duplicates: list[str] = field(default_factory=list)   # near-duplicates of a stored document
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line message)


@dataclass
class SearchHit:
    """A document found by full-text search, with the passage that matched."""

    doc: str
    title: str | None
    snippet: str
    score: float  # higher is better


class Store(Protocol):
    """What the pipeline, the CLI and the web app may ask of a knowledge base."""

    def status(self, name: str, sha256: str) -> Status:
        """Whether a document of this name is new, stored with this hash, or stored changed."""

    def put_document(self, doc: Document, signature: bytes | None = None) -> None:
        """Write (or replace) one document with everything found in it (and its MinHash), in one transaction."""

    def get_document(self, name: str) -> Document:
        """A stored document with its text, char map, metadata, repairs and facts; NotFound if absent."""

    def delete_document(self, name: str) -> None:
        """Remove a document and everything found in it; NotFound if absent."""

    def documents(self) -> list[DocumentInfo]:
        """All stored documents, by name."""

    def signatures(self) -> Iterator[tuple[str, bytes]]:
        """(name, MinHash signature) of every stored document, for near-duplicate detection."""

    def put_signature(self, name: str, signature: bytes) -> None:
        """Store a document's MinHash signature (called inside ``put_document``'s flow)."""

    def entities(self) -> list[Entity]:
        """Every entity with its aliases and the documents that mention it."""

    def mentions(self, entity: str) -> list[tuple[str, Mention]]:
        """(document name, mention) of every mention of the entity with this name or alias."""

    def facts(self, kind: str | None = None) -> list[Fact]:
        """Every stored fact (of one kind, if given), each with its sources."""

    def flags(self) -> list[Flag]:
        """Every stored data-quality flag."""

    def search(self, query: str, limit: int = 10) -> list[SearchHit]:
        """Documents whose clean text best matches the words of ``query``, best first."""

    def start_run(self, args: list[str]) -> int:
        """Record the start of an ingestion run; returns its id."""

    def finish_run(self, run_id: int, summary: RunSummary) -> None:
        """Record how a run ended."""

    def version(self) -> tuple:
        """A stamp that changes whenever a document is added, replaced or deleted."""

    def runs(self) -> list[dict[str, Any]]:
        """Past ingestion runs, newest first."""

    def check(self) -> list[str]:
        """Problems found in the stored data (an empty list means it is sound)."""

    def close(self) -> None:
        """Release the connection."""


def open_store(url: str, *, create: bool = True) -> Store:
    """Open the knowledge base at ``url`` (a file path, ``sqlite:///path``, ``:memory:`` or ``postgresql://``)."""
    if url.startswith(("postgresql://", "postgres://")):
        try:
            from dossier.store.postgres import PostgresStore
        except ImportError as exc:  # psycopg is a dependency, but an old environment may lack it
            from dossier.errors import StoreError

            raise StoreError(f"the PostgreSQL backend needs psycopg ({exc}) — "
                             "run `make setup` or `pip install 'psycopg[binary]'`") from exc
        return PostgresStore(url, create=create)
    from dossier.store.sqlite import SQLiteStore

    path = url.removeprefix("sqlite:///")
    return SQLiteStore(path, create=create)
