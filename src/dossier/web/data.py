"""What the pages and the API show: thin wrappers over ``dossier.query`` and the store (no SQL here),
plus the network layout, which is the web's own (networkx positions drawn as SVG by the template)."""

from __future__ import annotations

import importlib
from dataclasses import asdict, is_dataclass
from typing import Any

from dossier import query
from dossier.records import Event, Quantity, Relation, to_record
from dossier.store import Store


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


def timeline(store: Store, entity: str | None = None, types: list[str] | None = None,
             start: str | None = None, end: str | None = None) -> list[query.TimelineItem]:
    """Dated events and figures in order (``query.timeline``)."""
    return query.timeline(store, entity=entity, types=types, start=start, end=end)


def entity_view(store: Store, name: str) -> tuple[query.EntityView, list[tuple[str, Any]]] | None:
    """``query.entity_view`` with the entity's mentions (document, span); None when unknown."""
    view = query.entity_view(store, name)
    if view is None:
        return None
    return view, store.mentions(view.name)


def indicators(store: Store) -> list[tuple[str, int]]:
    """(indicator, number of figures) for every indicator, most figures first."""
    counts: dict[str, int] = {}
    for ind, _subjects, n in query.indicators(store):
        counts[ind] = counts.get(ind, 0) + n
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def series(store: Store, indicator: str, subjects: list[str] | None = None) -> list[query.SeriesPoint]:
    """One indicator's values by period (``query.series``)."""
    return query.series(store, indicator, subjects=subjects)


def flag_list(store: Store) -> list[query.FlagItem]:
    """Every flag, contradictions first (``query.flag_list``)."""
    return sorted(query.flag_list(store), key=lambda f: f.type != "contradiction")


def contradictions(store: Store) -> list[query.FlagItem]:
    """Places where two sources disagree: stored contradiction flags and those found by consolidation."""
    return [f for f in query.flag_list(store) if f.type == "contradiction"]


def network(store: Store) -> dict[str, Any]:
    """Infrastructure and the entities related to it, with positions laid out by networkx (laid out once
    per version of the store)."""
    return query.cached(store, "network", lambda: _network(store))


def _network(store: Store) -> dict[str, Any]:
    import networkx as nx

    ents = {e.name: e for e in query.all_entities(store)}
    infra = {n for n, e in ents.items() if e.type == "infrastructure"}
    graph = nx.Graph()
    details: dict[str, list[str]] = {n: [] for n in infra}
    for n in infra:
        graph.add_node(n)
    for f in query.all_facts(store):
        if isinstance(f, Relation) and f.object and (f.subject in infra or f.object in infra):
            graph.add_edge(f.subject, f.object, label=f.predicate.replace("_", " "), ref=fact_id(f))
        elif isinstance(f, Quantity):
            for s in f.subjects:
                if s in infra:
                    details[s].append(f"{f.indicator.replace('_', ' ')}: {query._fmt(f)}")
    if not graph.number_of_nodes():
        return {"nodes": [], "edges": [], "width": 800, "height": 200}
    linked = graph.subgraph([n for n in graph.nodes if graph.degree(n)])
    alone = sorted(n for n in graph.nodes if not graph.degree(n))
    width, pad, row = 900, 70, 40
    height = 560 if linked.number_of_nodes() else 2 * pad
    # kamada-kawai spreads a small graph evenly; unlinked infrastructure goes in rows below it
    pos = (nx.kamada_kawai_layout(linked) if linked.number_of_nodes() > 2 else nx.spring_layout(linked, seed=1)) \
        if linked.number_of_nodes() else {}
    xs = [p[0] for p in pos.values()] or [0]
    ys = [p[1] for p in pos.values()] or [0]
    sx = (max(xs) - min(xs)) or 1
    sy = (max(ys) - min(ys)) or 1
    per_row = 3
    fixed = {n: (pad + (i % per_row) * (width - 2 * pad) / per_row, height - pad / 2 + row * (1 + i // per_row))
             for i, n in enumerate(alone)}
    if alone:
        height += row * (1 + (len(alone) - 1) // per_row) + row

    def place(n: str) -> tuple[float, float]:
        if n in fixed:
            return round(fixed[n][0], 1), round(fixed[n][1], 1)
        x, y = pos[n]
        return (round(pad + (x - min(xs)) / sx * (width - pad - 190), 1),  # room for the right-hand labels
                round(pad + (y - min(ys)) / sy * (560 - 2 * pad), 1))

    nodes = [{"name": n, "x": place(n)[0], "y": place(n)[1], "infra": n in infra,
              "type": ents[n].type if n in ents else "", "details": details.get(n, [])} for n in graph.nodes]
    edges = [{"a": a, "b": b, "x1": place(a)[0], "y1": place(a)[1], "x2": place(b)[0], "y2": place(b)[1],
              "label": d.get("label", ""), "ref": d.get("ref", "")} for a, b, d in graph.edges(data=True)]
    return {"nodes": nodes, "edges": edges, "width": width, "height": height}


def ask(store: Store, question: str) -> dict[str, Any]:
    """The answer of ``dossier.ask`` (an ``Answer``: answer, text, sources) when that module exists,
    with the search hits for the question; just the hits without it."""
    hits = store.search(question, limit=10)
    try:
        engine = importlib.import_module("dossier.ask")  # lazily: the app works without the answer engine
    except ImportError:
        return {"answer": None, "engine": "search", "hits": hits}
    fn = getattr(engine, "ask", None) or getattr(engine, "answer", None)
    if fn is None:
        return {"answer": None, "engine": "search", "hits": hits}
    return {"answer": fn(store, question), "engine": "ask", "hits": hits}
