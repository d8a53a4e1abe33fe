"""What the pages and the API show, built from ``dossier.query`` and the store (no SQL here).

``dossier.query`` is growing views (timeline, entity_view, series, ...); until a view exists
there, the small private fallback below gives the same shape from ``store.facts()``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, is_dataclass
from typing import Any

from dossier import query
from dossier.records import Event, Quantity, Relation, Source, to_record
from dossier.store import Store

INFRA_PREDICATES = ("operator", "owner", "operated_by", "owned_by", "endpoint", "connects", "route",
                    "runs_from", "runs_to", "built_by", "part_of", "located_in")


def plain(obj: Any) -> Any:
    """JSON-able form of records, dataclasses and containers."""
    if isinstance(obj, Quantity | Event | Relation):
        return to_record(obj)
    if is_dataclass(obj) and not isinstance(obj, type):
        return {k: plain(v) for k, v in asdict(obj).items()}
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple | set):
        return [plain(v) for v in obj]
    return obj


def fact_id(fact: Any) -> str:
    """A stable reference to a fact for links: its first source (doc:start-end)."""
    s = fact.sources[0] if fact.sources else None
    return f"{s.doc}:{s.start}-{s.end}" if s else ""


@dataclass
class TimelineItem:
    """One dated event on the timeline (fallback shape of ``query.timeline``)."""

    date: str
    kind: str
    type: str
    text: str
    entities: list[str]
    sources: list[Source]


def timeline(store: Store, entity: str | None = None, types: list[str] | None = None,
             start: str | None = None, end: str | None = None) -> list:
    """Dated events in order, filtered by participant, type and date range."""
    fn = getattr(query, "timeline", None)
    if fn is not None:
        return fn(store, entity=entity, types=types, start=start, end=end)
    items = []
    for e in store.facts("event"):
        if not isinstance(e, Event) or not e.date:
            continue
        ents = list(e.participants) + ([e.place] if e.place else [])
        if entity and entity not in ents:
            continue
        if types and e.type not in types:
            continue
        if (start and e.date < start) or (end and e.date[:len(end)] > end):
            continue
        text = e.name or f"{e.type.replace('_', ' ')}: {', '.join(e.participants)}"
        items.append(TimelineItem(e.date, "event", e.type, text, ents, e.sources))
    return sorted(items, key=lambda i: i.date)


@dataclass
class EntityView:
    """Everything known about one entity (fallback shape of ``query.entity_view``)."""

    name: str
    type: str
    aliases: list[str]
    docs: list[str]
    posts: list[Relation] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    figures: list[Quantity] = field(default_factory=list)
    mentions: list[tuple[str, Any]] = field(default_factory=list)


def entity_view(store: Store, name: str) -> Any:
    """The entity called ``name`` (or having it as alias) with its facts; None when unknown."""
    found = next((e for e in store.entities() if e.name == name), None) or \
        next((e for e in store.entities() if name in e.aliases), None)
    if found is None:
        return None
    fn = getattr(query, "entity_view", None)
    view = fn(store, found.name) if fn is not None else None
    if view is None:
        view = EntityView(found.name, found.type, sorted(set(found.aliases) - {found.name}), sorted(set(found.docs)))
        for f in store.facts():
            if isinstance(f, Relation) and found.name in (f.subject, f.object):
                (view.posts if f.predicate in ("position", "holds_post", "post") else view.relations).append(f)
            elif isinstance(f, Event) and found.name in f.participants + [f.place]:
                view.events.append(f)
            elif isinstance(f, Quantity) and found.name in f.subjects:
                view.figures.append(f)
        view.events.sort(key=lambda e: e.date or "")
        view.figures.sort(key=lambda q: (q.indicator, q.time or ""))
    mentions = store.mentions(found.name)
    return view, mentions


@dataclass
class SeriesPoint:
    """One value of an indicator (fallback shape of ``query.series``)."""

    period: str | None
    modality: str
    value: float
    value_max: float | None
    unit: str
    approx: str | None
    subjects: list[str]
    sources: list[Source]


def indicators(store: Store) -> list[str]:
    """Names of the indicators that have figures."""
    fn = getattr(query, "indicators", None)
    if fn is not None:
        return [i if isinstance(i, str) else getattr(i, "indicator", getattr(i, "name", str(i))) for i in fn(store)]
    return sorted({q.indicator for q in store.facts("quantity") if isinstance(q, Quantity)})


def series(store: Store, indicator: str, subjects: list[str] | None = None) -> list:
    """The figures of one indicator, in time order."""
    fn = getattr(query, "series", None)
    if fn is not None:
        return fn(store, indicator, subjects=subjects)
    points = [SeriesPoint(q.time, q.modality, q.value, q.value_max, q.unit, q.approx, q.subjects, q.sources)
              for q in store.facts("quantity")
              if isinstance(q, Quantity) and q.indicator == indicator
              and (not subjects or set(subjects) <= set(q.subjects))]
    return sorted(points, key=lambda p: p.period or "")


def flag_list(store: Store) -> list:
    """Every data-quality flag, contradictions first."""
    fn = getattr(query, "flag_list", None)
    flags = list(fn(store)) if fn is not None else store.flags()
    return sorted(flags, key=lambda f: (getattr(f, "type", "") != "contradiction", getattr(f, "type", "")))


def contradictions(store: Store) -> list:
    """Flags saying two sources disagree (each cites both sides)."""
    fn = getattr(query, "contradictions", None)
    if fn is not None:
        return list(fn(store))
    return [f for f in store.flags() if f.type == "contradiction"]


def network(store: Store) -> dict[str, Any]:
    """Infrastructure and the entities related to it, with positions laid out by networkx."""
    import networkx as nx

    ents = {e.name: e for e in store.entities()}
    infra = {n for n, e in ents.items() if e.type == "infrastructure"}
    graph = nx.Graph()
    details: dict[str, list[str]] = {n: [] for n in infra}
    for n in infra:
        graph.add_node(n)
    for f in store.facts():
        if isinstance(f, Relation) and f.object and (f.subject in infra or f.object in infra):
            graph.add_edge(f.subject, f.object, label=f.predicate.replace("_", " "), ref=fact_id(f))
        elif isinstance(f, Quantity):
            for s in f.subjects:
                if s in infra:
                    details[s].append(f"{f.indicator.replace('_', ' ')}: {query._fmt(f)}")
    if not graph.number_of_nodes():
        return {"nodes": [], "edges": [], "width": 800, "height": 200}
    pos = nx.kamada_kawai_layout(graph) if graph.number_of_nodes() > 2 else nx.spring_layout(graph, seed=1)
    width, height, pad = 900, 560, 70
    xs = [p[0] for p in pos.values()] or [0]
    ys = [p[1] for p in pos.values()] or [0]
    sx = (max(xs) - min(xs)) or 1
    sy = (max(ys) - min(ys)) or 1

    def place(n: str) -> tuple[float, float]:
        x, y = pos[n]
        return (round(pad + (x - min(xs)) / sx * (width - 2 * pad), 1),
                round(pad + (y - min(ys)) / sy * (height - 2 * pad), 1))

    nodes = [{"name": n, "x": place(n)[0], "y": place(n)[1], "infra": n in infra,
              "type": ents[n].type if n in ents else "", "details": details.get(n, [])} for n in graph.nodes]
    edges = [{"a": a, "b": b, "x1": place(a)[0], "y1": place(a)[1], "x2": place(b)[0], "y2": place(b)[1],
              "label": d.get("label", ""), "ref": d.get("ref", "")} for a, b, d in graph.edges(data=True)]
    return {"nodes": nodes, "edges": edges, "width": width, "height": height}


def ask(store: Store, question: str) -> dict[str, Any]:
    """``dossier.ask.answer`` when that module exists, else the search hits for the question."""
    hits = store.search(question, limit=10)
    try:
        from dossier.ask import answer  # written separately; imported lazily so the app works without it
    except ImportError:
        return {"answer": None, "engine": "search", "hits": hits}
    return {"answer": answer(store, question), "engine": "ask", "hits": hits}
