"""The JSON API under /api (OpenAPI schema at /api/openapi.json).

Every list takes ``limit`` (1..200) and ``offset``; every error has one shape,
``{"error": {"code": ..., "message": ...}}`` (see ``app.py``).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Body, Depends, Header, HTTPException, Query, Request
from pydantic import BaseModel

from dossier import query
from dossier.errors import NotFound
from dossier.records import Event, Quantity, Relation
from dossier.store import Store
from dossier.web import data


class ErrorDetail(BaseModel):
    """What went wrong: a stable code and a sentence for people."""

    code: str
    message: str


class ErrorBody(BaseModel):
    """The one error shape of every API response with status 4xx/5xx."""

    error: ErrorDetail


_ERRORS = {status: {"model": ErrorBody, "description": text}
           for status, text in [(404, "Not found"), (422, "Invalid parameter"), (500, "Internal error")]}
router = APIRouter(prefix="/api", tags=["api"], responses=_ERRORS)
MAX_LIMIT = 200


def get_store(request: Request):
    """One store connection per request, closed afterwards."""
    store = request.app.state.open_store()
    try:
        yield store
    finally:
        store.close()


class Page:
    """Paging parameters shared by the list routes."""

    def __init__(self, limit: int = Query(50, ge=1, le=MAX_LIMIT), offset: int = Query(0, ge=0, le=10**9)):
        self.limit, self.offset = limit, offset

    def cut(self, items: list, convert: Callable[[Any], Any] | None = None) -> dict[str, Any]:
        """The page of ``items`` with the total count (only the page is converted to JSON)."""
        window = items[self.offset:self.offset + self.limit]
        return {"total": len(items), "limit": self.limit, "offset": self.offset,
                "items": [convert(x) for x in window] if convert else data.plain(window)}


@router.get("/documents")
def documents(page: Page = Depends(), q: str | None = Query(None, max_length=200),
              publisher: str | None = Query(None, max_length=200), store: Store = Depends(get_store)):
    """Stored documents (metadata only), filtered by a word of the title/name or by publisher."""
    docs = query.all_documents(store)
    if q:
        docs = [d for d in docs if q.lower() in f"{d.name} {d.title or ''}".lower()]
    if publisher:
        docs = [d for d in docs if (d.publisher or "") == publisher]
    return page.cut(docs)


@router.get("/documents/{name}")
def document(name: str, store: Store = Depends(get_store)):
    """One document: metadata, clean text, original text and what cleaning repaired."""
    try:
        doc = store.get_document(name)
    except NotFound as exc:
        raise HTTPException(404, f"no document named {name!r}") from exc
    rec = doc.to_record()
    rec["original"] = doc.original
    rec["repairs"] = data.plain(doc.repairs)
    return rec


@router.get("/entities")
def entities(page: Page = Depends(), type: str | None = Query(None, max_length=40),
             q: str | None = Query(None, max_length=200), store: Store = Depends(get_store)):
    """Entities, most documented first, filtered by type or by a part of a name or alias."""
    ents = sorted(query.all_entities(store), key=lambda e: (-len(e.docs), e.name))
    if type:
        ents = [e for e in ents if e.type == type]
    if q:
        ents = [e for e in ents if any(q.lower() in a.lower() for a in [e.name, *e.aliases])]
    return page.cut(ents, _entity_item)


SOURCES_IN_LIST = 10   # a fact stated by thousands of documents cites its first ten in a list


def _few_sources(item: Any) -> dict[str, Any]:
    """A merged item of a list with its first sources and how many there are in all."""
    rec = data.plain(item)
    sources = rec.get("sources") or []
    rec["sources_total"] = len(sources)
    rec["sources"] = sources[:SOURCES_IN_LIST]
    return rec


DOCS_IN_LIST = 20   # an entity named in 20,000 documents lists the first 20 here; /entities/{name} has all


def _entity_item(e) -> dict[str, Any]:
    rec = e.to_record()
    rec["documents"] = len(e.docs)
    rec["docs"] = rec["docs"][:DOCS_IN_LIST]
    return rec


@router.get("/entities/{name}")
def entity(name: str, store: Store = Depends(get_store)):
    """One entity with its aliases, posts, relations, events, figures and mentions."""
    found = data.entity_view(store, name)
    if found is None:
        raise HTTPException(404, f"no entity named {name!r}")
    view, mentions = found
    out = data.plain(view)
    out["mention_spans"] = [{"doc": d, "text": m.text, "start": m.start, "end": m.end} for d, m in mentions]
    return out


def _facts(store: Store, kind: str | None, entity: str | None, predicate: str | None,
           indicator: str | None) -> list:
    facts = query.all_facts(store, kind)
    if entity:
        facts = [f for f in facts if entity in _names(f)]
    if predicate:
        facts = [f for f in facts if isinstance(f, Relation) and f.predicate == predicate]
    if indicator:
        facts = [f for f in facts if isinstance(f, Quantity) and f.indicator == indicator]
    return facts


def _names(f) -> list[str]:
    if isinstance(f, Relation):
        return [f.subject, f.object or ""]
    if isinstance(f, Event):
        return [*f.participants, f.place or ""]
    return list(f.subjects)


@router.get("/facts")
def facts(page: Page = Depends(), kind: str | None = Query(None, pattern="^(quantity|event|relation)$"),
          entity: str | None = Query(None, max_length=200), predicate: str | None = Query(None, max_length=60),
          indicator: str | None = Query(None, max_length=60), store: Store = Depends(get_store)):
    """Facts in the contract's shape, each with its sources."""
    return page.cut(_facts(store, kind, entity, predicate, indicator))


DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


@router.get("/timeline")
def timeline(page: Page = Depends(), type: list[str] | None = Query(None),
             entity: str | None = Query(None, max_length=200), start: str | None = Query(None, pattern=DATE),
             end: str | None = Query(None, pattern=DATE), store: Store = Depends(get_store)):
    """Dated events and figures in order, filtered by event type or indicator, entity and period."""
    return page.cut(data.timeline(store, entity=entity, types=type or None, start=start, end=end), _few_sources)


@router.get("/events")
def events(page: Page = Depends(), type: list[str] | None = Query(None),
           entity: str | None = Query(None, max_length=200), start: str | None = Query(None, pattern=DATE),
           end: str | None = Query(None, pattern=DATE), store: Store = Depends(get_store)):
    """Dated events only, in order, filtered by type, entity and period."""
    items = data.timeline(store, entity=entity, types=type or None, start=start, end=end)
    return page.cut([i for i in items if i.kind == "event"], _few_sources)


@router.get("/indicators")
def indicators(store: Store = Depends(get_store)):
    """Indicators that have figures, with their number of figures, most first."""
    return {"items": [{"indicator": i, "figures": n} for i, n in data.indicators(store)]}


@router.get("/series/{indicator}")
def series(indicator: str, subject: list[str] | None = Query(None), store: Store = Depends(get_store)):
    """One indicator's values over time (actual, target, forecast...), each with its sources."""
    points = data.series(store, indicator, subjects=subject or None)
    if not points:
        raise HTTPException(404, f"no figures for indicator {indicator!r}")
    return {"indicator": indicator, "items": data.plain(points)}


@router.get("/flags")
def flags(page: Page = Depends(), type: str | None = Query(None, max_length=60), store: Store = Depends(get_store)):
    """Data-quality flags with their evidence."""
    items = data.flag_list(store)
    if type:
        items = [f for f in items if f.type == type]
    return page.cut(items, _few_sources)


@router.get("/contradictions")
def contradictions(page: Page = Depends(), store: Store = Depends(get_store)):
    """Places where two sources disagree, both cited."""
    return page.cut(data.contradictions(store), _few_sources)


@router.get("/network")
def network(store: Store = Depends(get_store)):
    """The infrastructure graph with server-side layout positions."""
    return data.network(store)


@router.get("/search")
def search(q: str = Query(..., min_length=1, max_length=500), limit: int = Query(10, ge=1, le=MAX_LIMIT),
           store: Store = Depends(get_store)):
    """Full-text search over the documents' clean text, best first."""
    return {"items": data.plain(store.search(q, limit=limit))}


@router.get("/ask")
def ask(q: str = Query(..., min_length=1, max_length=500), store: Store = Depends(get_store)):
    """Answer a question from the knowledge base (falls back to search when no answer engine is installed)."""
    return data.plain(data.ask(store, q))


@router.post("/ingest", status_code=201)
def ingest(request: Request, name: str = Body(..., pattern=r"^[\w.-]{1,100}$"),
           text: str = Body(..., max_length=2_000_000), authorization: str | None = Header(None),
           store: Store = Depends(get_store)):
    """Add one text document (needs the write token as ``Authorization: Bearer TOKEN``)."""
    token = request.app.state.token
    if not token:
        raise HTTPException(403, "this server is read-only (start it with --token to allow writes)")
    if authorization != f"Bearer {token}":
        raise HTTPException(401, "a valid write token is required")
    from dossier.pipeline import IngestOptions
    from dossier.pipeline import ingest as run

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / (name if name.endswith((".txt", ".md")) else name + ".txt")
        path.write_text(text, encoding="utf-8")
        summary = run(store, [str(path)], IngestOptions(extract=request.app.state.extract))
    if summary.failed:
        raise HTTPException(422, summary.failed[0][1])
    return data.plain(summary)
