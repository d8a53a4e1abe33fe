"""Server-rendered pages (Jinja2, autoescaped).  Every page's content is readable without JavaScript;
``static/app.js`` adds zooming, filtering and the charts."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from dossier import query
from dossier.errors import NotFound
from dossier.records import Event, Quantity, Relation
from dossier.store import Store
from dossier.web import data
from dossier.web.api import MAX_LIMIT, get_store
from dossier.web.app import HERE

router = APIRouter(include_in_schema=False)
# autoescape everything: article text is untrusted
templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=True))
templates.env.filters["fmt"] = query._fmt
templates.env.globals["fact_id"] = data.fact_id


def _src_url(src) -> str:
    return f"/doc/{src.doc}?start={src.start}&end={src.end}"


templates.env.filters["src_url"] = _src_url


def render(request: Request, template: str, status: int = 200, **ctx) -> HTMLResponse:
    """A template rendered with the request."""
    return templates.TemplateResponse(request, template, ctx, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    """The HTML error page (the API answers JSON instead)."""
    return render(request, "error.html", status=status, status_code=status, message=message)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: Store = Depends(get_store)):
    """Counts, key figures, latest events, open contradictions."""
    ov = query.overview(store, limit=MAX_LIMIT)
    latest = sorted(ov.timeline, key=lambda e: e.date or "", reverse=True)[:10]
    return render(request, "overview.html", ov=ov, latest=latest, figures=ov.figures[:15],
                  contradictions=data.contradictions(store)[:10])


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, type: list[str] | None = Query(None), entity: str | None = Query(None, max_length=200),
             store: Store = Depends(get_store)):
    """Dated events; filter by type and entity."""
    all_items = data.timeline(store)
    types = [t for t in type or [] if t]
    if entity:
        items = data.timeline(store, entity=entity, types=types or None)
    else:
        items = [i for i in all_items if not types or i.type in types]
    return render(request, "timeline.html", items=items, types=sorted({i.type for i in all_items}),
                  chosen=set(type or []), entity=entity or "")


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, type: str | None = Query(None, max_length=40), store: Store = Depends(get_store)):
    """All entities by type."""
    ents = sorted(query.all_entities(store), key=lambda e: (-len(e.docs), e.name))
    if type:
        ents = [e for e in ents if e.type == type]
    return render(request, "entities.html", entities=ents, type=type or "")


@router.get("/entity/{name}", response_class=HTMLResponse)
def entity(request: Request, name: str, store: Store = Depends(get_store)):
    """Aliases, posts, relations, facts and mentions of one entity."""
    found = data.entity_view(store, name)
    if found is None:
        return error_page(request, 404, f"no entity named {name!r}")
    view, mentions = found
    by_doc: dict[str, int] = {}
    for d, _ in mentions:
        by_doc[d] = by_doc.get(d, 0) + 1
    return render(request, "entity.html", e=view, mentions=mentions[:200], by_doc=sorted(by_doc.items()))


@router.get("/indicators", response_class=HTMLResponse)
def indicators(request: Request, store: Store = Depends(get_store)):
    """Indicators with their number of figures."""
    return render(request, "indicators.html", names=data.indicators(store))


@router.get("/indicator/{name}", response_class=HTMLResponse)
def indicator(request: Request, name: str, store: Store = Depends(get_store)):
    """One indicator's series as a chart (drawn by app.js) and a table."""
    points = data.series(store, name)
    if not points:
        return error_page(request, 404, f"no figures for indicator {name!r}")
    return render(request, "indicator.html", name=name, points=points)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, store: Store = Depends(get_store)):
    """Infrastructure as a graph laid out on the server."""
    return render(request, "network.html", net=data.network(store))


@router.get("/flags", response_class=HTMLResponse)
def flags(request: Request, store: Store = Depends(get_store)):
    """Contradictions and data-quality flags, sources side by side."""
    return render(request, "flags.html", flags=data.flag_list(store))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = Query("", max_length=500), ask: str = Query("", max_length=500),
           store: Store = Depends(get_store)):
    """Full-text search and the question box."""
    hits = store.search(q, limit=30) if q.strip() else []
    answer = data.ask(store, ask) if ask.strip() else None
    return render(request, "search.html", q=q, hits=hits, ask=ask, answer=answer)


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, store: Store = Depends(get_store)):
    """Stored documents."""
    return render(request, "documents.html", docs=query.all_documents(store))


@router.get("/doc/{name}", response_class=HTMLResponse)
def document(request: Request, name: str, start: int | None = Query(None, ge=0, le=10**8),
             end: int | None = Query(None, ge=0, le=10**8), store: Store = Depends(get_store)):
    """The clean text with one span highlighted, its facts, and what cleaning removed."""
    try:
        doc = store.get_document(name)
    except NotFound:
        return error_page(request, 404, f"no document named {name!r}")
    text = doc.text
    if start is not None and end is not None and 0 <= start < end <= len(text):
        parts = (text[:start], text[start:end], text[end:])
    else:
        parts = (text, "", "")
    facts = [f for f in doc.facts if isinstance(f, Quantity | Event | Relation)]
    return render(request, "doc.html", doc=doc, parts=parts, facts=facts, repairs=doc.repairs)
