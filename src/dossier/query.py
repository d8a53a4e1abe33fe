"""Read-only views over the knowledge base, shared by the CLI and (later) the web app."""

from __future__ import annotations

import re
import threading
import weakref
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from dossier.records import Entity, Event, Fact, Flag, Quantity, Relation, Source
from dossier.store import DocumentInfo, Store

T = TypeVar("T")

# --- everything stored, read once per version of the store ---------------------------------------
# The views below read the whole knowledge base (merging, the timeline, the network); a web app asks
# for them on every request.  Each is kept per store until ``store.version()`` changes, so a long-
# running server pays for a read once per ingest, not once per request.

_BY_LOCATION: dict[str, dict] = {}   # a database file or server: shared by every connection to it
_BY_OBJECT: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()   # an in-memory store: its own
_CACHE_LOCK = threading.Lock()


def _location(store: Store) -> str | None:
    """Where the store's data lives, when other connections can see the same data (the web app opens
    one connection per request)."""
    path = getattr(store, "path", None)
    if path and path != ":memory:":
        import os

        return "sqlite:" + os.path.realpath(path)
    url = getattr(store, "_url", None)
    return f"postgresql:{url}" if url else None


def cached(store: Store, key: str, compute: Callable[[], T]) -> T:
    """``compute()`` for this store's data, reused until the store's version changes (never stale)."""
    version = store.version()
    where = _location(store)
    with _CACHE_LOCK:
        per_store = _BY_LOCATION.setdefault(where, {}) if where else _BY_OBJECT.setdefault(store, {})
        lock = per_store.setdefault(("lock", key), threading.Lock())
    with lock:   # one computation at a time per view: concurrent requests wait for it, not redo it
        hit = per_store.get(key)
        if hit is not None and hit[0] == version:
            return hit[1]
        value = compute()
        per_store[key] = (version, value)
        return value


def all_facts(store: Store, kind: str | None = None) -> list[Fact]:
    """Every stored fact (of one kind), as the store returns them; callers must not modify them."""
    return cached(store, f"facts:{kind}", lambda: store.facts(kind))


def all_entities(store: Store) -> list[Entity]:
    """Every stored entity; callers must not modify them."""
    return cached(store, "entities", store.entities)


def all_documents(store: Store) -> list[DocumentInfo]:
    """Every stored document's metadata."""
    return cached(store, "documents", store.documents)


def all_flags(store: Store) -> list[Flag]:
    """Every stored data-quality flag."""
    return cached(store, "flags", store.flags)


@dataclass
class Overview:
    """What ``dossier summary`` prints."""

    documents: list[DocumentInfo]
    entity_types: Counter
    fact_kinds: Counter
    flags: int
    timeline: list[Event] = field(default_factory=list)
    figures: list[Quantity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    top_entities: list[tuple[str, str, int]] = field(default_factory=list)

    def counts_line(self) -> str:
        """One line of counts."""
        ents = sum(self.entity_types.values())
        facts = ", ".join(f"{n} {k}" for k, n in sorted(self.fact_kinds.items())) or "no facts"
        return f"{len(self.documents)} documents, {ents} entities, {facts}, {self.flags} flags"

    def sections(self) -> list[tuple[str, list[tuple]]]:
        """Titled rows for display."""
        return [
            ("Documents", [(d.name, d.title or "(no title)", d.published or "", d.publisher or "")
                           for d in self.documents]),
            ("Entities by type", sorted(self.entity_types.items())),
            ("Most cited entities", [(n, t, f"{k} docs") for n, t, k in self.top_entities]),
            ("Timeline", [(e.date or "?", e.type, e.name or ", ".join(e.participants), _cite(e))
                          for e in self.timeline]),
            ("Figures", [(q.time or "", q.indicator, " / ".join(q.subjects), _fmt(q), q.modality, _cite(q))
                         for q in self.figures]),
            ("Relations", [(r.subject, r.predicate, r.object or "", r.time or "", _cite(r))
                           for r in self.relations]),
        ]


def overview(store: Store, limit: int = 25) -> Overview:
    """Counts, most cited entities, dated events in order, figures and relations."""
    entities = all_entities(store)
    facts = all_facts(store)
    events = sorted((f for f in facts if isinstance(f, Event) and f.date), key=lambda e: e.date or "")
    figures = sorted((f for f in facts if isinstance(f, Quantity)), key=lambda q: (q.indicator, q.time or ""))
    relations = [f for f in facts if isinstance(f, Relation)]
    top = sorted(entities, key=lambda e: (-len(e.docs), e.name))[:10]
    return Overview(
        documents=all_documents(store),
        entity_types=Counter(e.type for e in entities),
        fact_kinds=Counter(f.kind for f in facts),
        flags=len(all_flags(store)),
        timeline=events[:limit], figures=figures[:limit], relations=relations[:limit],
        top_entities=[(e.name, e.type, len(e.docs)) for e in top],
    )


def _fmt(q: Quantity) -> str:
    """A figure for people: 2.2 bn USD, 1,768 km, 6.53 %."""
    def num(v: float) -> str:
        for scale, word in ((1e9, " bn"), (1e6, " mln")):
            if abs(v) >= scale:
                return f"{v / scale:,.4g}{word}"
        return f"{v:,.6g}"
    value = num(q.value) + (f"–{num(q.value_max)}" if q.value_max is not None else "")
    return f"{q.approx + ' ' if q.approx else ''}{value} {q.unit}"


def _cite(fact) -> str:
    """Short citation: doc name and character span of the first source."""
    if not fact.sources:
        return ""
    s = fact.sources[0]
    return f"[{s.doc}:{s.start}-{s.end}]"


# --- the consolidated picture: timeline, entity view, series, flags -------------------------------------
# (imports kept local to this block so the summary above stays cheap)

@dataclass
class TimelineItem:
    """One dated event or figure, in chronological order."""

    date: str
    kind: str                 # "event" | "quantity"
    type: str                 # event type or indicator
    text: str                 # one readable line
    entities: list[str]
    sources: list[Source]


@dataclass
class FactView:
    """A fact shown on an entity page: a readable line and its sources."""

    kind: str
    type: str                 # predicate, event type or indicator
    text: str
    date: str | None
    sources: list[Source]


@dataclass
class EntityView:
    """Everything the knowledge base says about one entity."""

    name: str
    type: str
    aliases: list[str]
    docs: list[str]
    mentions: int
    posts: list[FactView] = field(default_factory=list)
    memberships: list[FactView] = field(default_factory=list)
    infrastructure: list[FactView] = field(default_factory=list)   # owns/operates, or (for a pipeline) its owners, ends
    events: list[FactView] = field(default_factory=list)
    figures: list[FactView] = field(default_factory=list)
    relations: list[FactView] = field(default_factory=list)


@dataclass
class SeriesPoint:
    """One value of an indicator for a period."""

    period: str | None
    indicator: str
    subjects: list[str]
    modality: str
    value: float
    value_max: float | None
    unit: str
    approx: str | None
    reported: str | None      # publication date of the (earliest) reporting document
    text: str
    sources: list[Source]


@dataclass
class FlagItem:
    """A stored data-quality flag or a contradiction found by consolidation."""

    type: str
    about: str
    message: str
    sources: list[Source]
    origin: str               # "document" (stored flag) | "consolidation"


def date_key(date: str | None) -> tuple:
    """Sort key for ISO prefixes: 2021 < 2021-05 < 2021-05-26; a span sorts by its start; a day with no
    year (XXXX-05-26) after every dated one, by month and day."""
    start = (date or "").split("/")[0]
    parts = start.split("-")
    nums = [int(p) if p.isdigit() else -1 for p in parts[:3]] + [0] * (3 - min(len(parts), 3))
    year = nums[0] * 10 ** max(0, 4 - len(parts[0])) if nums[0] >= 0 else 10_000   # "199" is the 1990s
    return (year, max(nums[1], 0), max(nums[2], 0), start)


def _picture(store: Store):
    from dossier.consolidate import from_store

    return cached(store, "picture", lambda: from_store(store))


def _published(store: Store) -> dict[str, str | None]:
    return {d.name: d.published for d in all_documents(store)}


def fact_text(fact) -> str:
    """One readable line for a fact."""
    if isinstance(fact, Quantity):
        label = f" ({fact.label})" if fact.label else ""
        return (f"{fact.indicator.replace('_', ' ')}{label} of {' / '.join(fact.subjects) or '?'}: {_fmt(fact)}"
                f"{'' if fact.modality == 'actual' else ' [' + fact.modality + ']'}"
                f"{' in ' + fact.time if fact.time else ''}")
    if isinstance(fact, Event):
        who = ", ".join(fact.participants)
        what = fact.name or fact.type.replace("_", " ")
        return (f"{what}{' (' + fact.type.replace('_', ' ') + ')' if fact.name else ''}"
                f"{': ' + who if who else ''}{' in ' + fact.place if fact.place else ''}"
                f"{' until ' + fact.end_date if fact.end_date else ''}")
    if fact.predicate == "position_held":
        of = fact.qualifiers.get("of")
        post = f"{fact.object}{' of ' + str(of) if of else ''}" if fact.object else f"at {of or '?'}"
        return (f"{fact.subject}: {post}"
                f"{' (' + fact.time + ')' if fact.time else ''}")
    quals = ", ".join(f"{k} {v}" for k, v in sorted(fact.qualifiers.items()))
    return (f"{fact.subject} {fact.predicate.replace('_', ' ')} {fact.object or ''}"
            f"{' (' + quals + ')' if quals else ''}{' in ' + fact.time if fact.time else ''}").strip()


def _entities_of(fact) -> list[str]:
    if isinstance(fact, Quantity):
        return list(fact.subjects)
    if isinstance(fact, Event):
        return [*fact.participants, *([fact.place] if fact.place else []), *([fact.name] if fact.name else [])]
    return [n for n in (fact.subject, fact.object, *(str(v) for v in fact.qualifiers.values())) if n]


def _fold(text: str) -> str:
    from dossier.gazetteer import fold

    return fold(text).casefold().strip()


def timeline(store: Store, entity: str | None = None, types: list[str] | None = None,
             start: str | None = None, end: str | None = None) -> list[TimelineItem]:
    """Dated events and dated figures (merged across documents) in chronological order; undated ones left out.

    ``entity`` keeps items naming it (by name or alias), ``types`` event types or indicators, ``start``
    and ``end`` ISO prefixes bounding the period (inclusive)."""
    names = _names_of(store, entity) if entity else None
    items = []
    for item in cached(store, "timeline", lambda: _timeline_items(store)):
        if types and item.type not in types:
            continue
        if names is not None and not _names_match(names, item.entities):
            continue
        if (start or end) and item.date.startswith("XXXX"):
            continue   # a day without its year cannot be placed in a period
        if start and date_key(item.date)[:3] < date_key(start)[:3]:
            continue
        if end and _before_end(item.date, end):
            continue
        items.append(item)
    return items


def _timeline_items(store: Store) -> list[TimelineItem]:
    """Every dated event and figure of the merged picture, in order (read once per store version)."""
    items = []
    for m in _picture(store).facts:
        f = m.fact
        if isinstance(f, Event) and f.date:
            items.append(TimelineItem(f.date, "event", f.type, fact_text(f), _entities_of(f), f.sources))
        elif isinstance(f, Quantity) and f.time:
            items.append(TimelineItem(f.time, "quantity", f.indicator, fact_text(f), _entities_of(f), f.sources))
    return sorted(items, key=lambda i: (date_key(i.date), i.kind, i.text))


def _names_match(names: set[str], entities: list[str]) -> bool:
    """Whether any of ``entities`` is one of ``names`` or contains one as whole words ("Shusha Declaration")."""
    for e in map(_fold, entities):
        if e in names or any(re.search(rf"\b{re.escape(n)}\b", e) for n in names if n):
            return True
    return False


def _before_end(date: str, end: str) -> bool:
    """True when ``date`` starts after the period ``end`` (a prefix: 2021 includes 2021-12-31)."""
    d = date.split("/")[0]
    return d[:len(end)] > end


def _names_of(store: Store, name: str) -> set[str] | None:
    """Folded name and aliases of the entity ``name`` resolves to (just the name when unknown)."""
    ent = resolve_entity(store, name)
    if ent is None:
        return {_fold(name)}
    return {_fold(name), *(_fold(n) for n in (ent.name, *ent.aliases))}


def resolve_entity(store: Store, name: str):
    """The stored entity named ``name`` or known by it as an alias (case- and accent-insensitive),
    else the closest name by fuzzy match (rapidfuzz), else None."""
    entities = all_entities(store)
    want = _fold(name)
    if not want:
        return None
    by_name = {}
    for e in sorted(entities, key=lambda e: -len(e.docs)):
        for n in (e.name, *e.aliases):
            by_name.setdefault(_fold(n), e)
    if want in by_name:
        return by_name[want]
    from rapidfuzz import fuzz, process, utils

    best = process.extractOne(want, list(by_name), scorer=fuzz.WRatio, processor=utils.default_process,
                              score_cutoff=85)
    return by_name[best[0]] if best else None


_POST = {"position_held", "chairs"}
_MEMBER = {"member_of", "party_to", "part_of"}
_INFRA = {"owner_of", "operator_of", "connects", "manufacturer_of"}


def entity_view(store: Store, name: str) -> EntityView | None:
    """What the knowledge base says about the entity ``name`` (or an alias of it); None when unknown."""
    ent = resolve_entity(store, name)
    if ent is None:
        return None
    names = {_fold(n) for n in (ent.name, *ent.aliases)}
    view = EntityView(name=ent.name, type=ent.type, aliases=sorted(set(ent.aliases) - {ent.name}),
                      docs=sorted(ent.docs), mentions=len(store.mentions(ent.name)))
    for m in _picture(store).facts:
        f = m.fact
        if not any(_fold(e) in names for e in _entities_of(f)):
            continue
        if isinstance(f, Event):
            view.events.append(FactView("event", f.type, fact_text(f), f.date, f.sources))
        elif isinstance(f, Quantity):
            view.figures.append(FactView("quantity", f.indicator, fact_text(f), f.time, f.sources))
        else:
            item = FactView("relation", f.predicate, fact_text(f), f.time, f.sources)
            if f.predicate in _POST:
                view.posts.append(item)
            elif f.predicate in _MEMBER and _fold(f.subject) in names:
                view.memberships.append(item)
            elif f.predicate in _INFRA or f.predicate == "connects":
                view.infrastructure.append(item)
            else:
                view.relations.append(item)
    for part in (view.posts, view.memberships, view.infrastructure, view.events, view.figures, view.relations):
        part.sort(key=lambda v: (date_key(v.date), v.text))
    return view


def series(store: Store, indicator: str, subjects: list[str] | None = None) -> list[SeriesPoint]:
    """Values of ``indicator`` (about all of ``subjects``, if given) by period, actual and forward-looking,
    each dated by its reporting document and cited."""
    published = _published(store)
    wanted = [_names_of(store, s) or {_fold(s)} for s in subjects or []]
    points = []
    for m in _picture(store).facts:
        q = m.fact
        if not isinstance(q, Quantity) or q.indicator != indicator:
            continue
        folded = {_fold(s) for s in q.subjects}
        if any(not (w & folded) for w in wanted):
            continue
        dates = sorted(published[d] for d in m.docs if published.get(d))
        points.append(SeriesPoint(period=q.time, indicator=q.indicator, subjects=list(q.subjects),
                                  modality=q.modality, value=q.value, value_max=q.value_max, unit=q.unit,
                                  approx=q.approx, reported=dates[0] if dates else None, text=fact_text(q),
                                  sources=q.sources))
    return sorted(points, key=lambda p: (p.period is None, date_key(p.period), p.modality, p.reported or ""))


def indicators(store: Store) -> list[tuple[str, list[str], int]]:
    """(indicator, subjects, number of figures) for every indicator and subject list, most figures first."""
    counts: Counter = Counter()
    for m in _picture(store).facts:
        if isinstance(m.fact, Quantity):
            counts[(m.fact.indicator, tuple(m.fact.subjects))] += 1
    return [(ind, list(subj), n) for (ind, subj), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def contradictions(store: Store):
    """Contradictions between sources, found by consolidation (``consolidate.Contradiction``)."""
    return _picture(store).contradictions


def evolutions(store: Store):
    """Targets and forecasts restated over time (``consolidate.Evolution``)."""
    return _picture(store).evolutions


def flag_list(store: Store) -> list[FlagItem]:
    """Stored data-quality flags followed by the contradictions found across documents."""
    return list(cached(store, "flag_list", lambda: _flag_items(store)))


def _flag_items(store: Store) -> list[FlagItem]:
    items = [FlagItem(f.type, f.about, f.message, f.sources, "document") for f in all_flags(store)]
    items += [FlagItem("contradiction", c.to_flag().about, c.message, c.sources, "consolidation")
              for c in contradictions(store)]
    return items
