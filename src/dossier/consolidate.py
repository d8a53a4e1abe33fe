"""One consistent picture: the same fact from several documents merged, and where sources disagree.

Merging happens at read time (export, query and brief call ``consolidate`` over
``store.facts()``), so replacing or deleting a document never leaves a stale merge.

Rules over figures (``Quantity``), all of them about the same indicator, subjects, unit and period:

- the same fact (``Fact.key()``) stated in several documents is one fact listing every source;
  near-duplicate documents (``duplicate_of``) count as one *witness*;
- a target, forecast or estimate restated by a later report with another value is an
  ``Evolution`` (both kept, each dated by its report's publication date);
- actual figures that differ by more than rounding (``TOLERANCE``), where neither's
  "about"/"more than"/"up to" explains the other, are a ``Contradiction`` citing both sides;
- figures for different dates ("as of" 2020 and 2021) differ by period and so are a series.

And one rule over posts: "President X" in a document that never says of which state takes the state
another document gives the same person's same title (``place_posts``); with none, or several, it is left
out, as a post of nowhere.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import cast

from dossier.records import Event, Fact, Flag, Quantity, Relation, Source

TOLERANCE = 0.02          # relative difference still taken as rounding
APPROX_TOLERANCE = 0.10   # "about", "nearly", "some": a figure given loosely
_LOOSE = {"about", "around", "approximately", "approx.", "nearly", "almost", "some", "roughly", "circa",
          "close to", "an estimated", "estimated"}
_AT_LEAST = {"more than", "over", "above", "at least", "in excess of", "exceeding", "exceeds", "upwards of"}
_AT_MOST = {"less than", "under", "below", "up to", "at most", "no more than", "fewer than"}
FORWARD = ("target", "forecast", "estimate")


@dataclass
class MergedFact:
    """A fact with the sources of every document that states it."""

    fact: Fact
    docs: list[str]
    witnesses: int            # independent documents (near-duplicates count once)
    reported: list[str] = field(default_factory=list)   # publication dates of the citing documents


@dataclass
class Contradiction:
    """Two sources giving different actual figures for the same indicator, subjects and period, or
    different dates for the same one-off event (``indicator`` is then its type, ``unit`` empty)."""

    indicator: str
    subjects: list[str]
    time: str | None
    unit: str
    a: Quantity | Event
    b: Quantity | Event
    message: str
    sources: list[Source]

    def to_flag(self) -> Flag:
        """The contract's ``flag`` record of type ``contradiction``, citing both sides."""
        return Flag(type="contradiction", about=" / ".join(self.subjects) or self.indicator,
                    message=self.message, sources=self.sources)


@dataclass
class Evolution:
    """A forward-looking figure (target, forecast, estimate) restated with new values over time."""

    indicator: str
    subjects: list[str]
    time: str | None
    modality: str
    steps: list[tuple[str | None, Quantity]]   # (report's publication date, figure), oldest first


@dataclass
class Picture:
    """Merged facts and what consolidating them found."""

    facts: list[MergedFact]
    contradictions: list[Contradiction]
    evolutions: list[Evolution]


def consolidate(facts: list[Fact], published: dict[str, str | None] | None = None,
                duplicate_of: dict[str, str | None] | None = None) -> Picture:
    """Merge ``facts`` by identity and find contradictions and evolutions among figures.

    ``published`` maps a document to its publication date, ``duplicate_of`` to the stored document
    it is a near-copy of (both as ``store.documents()`` gives them)."""
    published = published or {}
    duplicate_of = duplicate_of or {}
    merged = merge(place_posts(facts), published, duplicate_of)
    return Picture(merged, contradictions(merged, duplicate_of), evolutions(merged, published))


def from_store(store) -> Picture:
    """``consolidate`` over everything a store holds."""
    from dossier.query import all_documents, all_facts  # read once per version of the store

    infos = all_documents(store)
    return consolidate(all_facts(store), {d.name: d.published for d in infos},
                       {d.name: d.duplicate_of for d in infos})


def unplaced_post(f: Fact) -> bool:
    """A post read without its state or body: "President X" in a document that never says of which."""
    return isinstance(f, Relation) and f.predicate == "position_held" and not f.qualifiers.get("of") \
        and not re.search(r"\b(?:of|for)\b", f.object or "")


def place_posts(facts: list[Fact]) -> list[Fact]:
    """Each unplaced post takes the state (or body) other documents give the same person's same title,
    when they give exactly one; the document that tells it is named in the qualifier ``of_told_in``
    (the post still cites its own sentence only). Posts left unplaced are dropped."""
    told: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)   # (person, title) -> {state: document}
    for f in facts:
        if isinstance(f, Relation) and f.predicate == "position_held" and f.qualifiers.get("of") and f.object:
            told[(f.subject, f.object.casefold())].setdefault(str(f.qualifiers["of"]), f.sources[0].doc
                                                              if f.sources else "")
    out: list[Fact] = []
    for f in facts:
        if not unplaced_post(f):
            out.append(f)
            continue
        states = told.get((f.subject, (cast(Relation, f).object or "").casefold()), {})
        if len(states) == 1:
            (state, doc), = states.items()
            out.append(replace(f, qualifiers={**f.qualifiers, "of": state, "of_told_in": doc}))
    return out


def _root(doc: str, duplicate_of: dict[str, str | None]) -> str:
    """The original a near-duplicate copies (following chains, guarding cycles)."""
    seen = {doc}
    while duplicate_of.get(doc) and duplicate_of[doc] not in seen:
        doc = duplicate_of[doc]  # type: ignore[assignment]
        seen.add(doc)
    return doc


def merge(facts: list[Fact], published: dict[str, str | None],
          duplicate_of: dict[str, str | None]) -> list[MergedFact]:
    """One ``MergedFact`` per ``Fact.key()``, its sources the union of all (in first-seen order)."""
    groups: dict[tuple, list[Fact]] = {}
    for f in facts:
        groups.setdefault(_hashable(f.key()), []).append(f)
    out = []
    for group in groups.values():
        sources: list[Source] = []
        seen: set[tuple] = set()
        for f in group:
            for s in f.sources:
                if (s.doc, s.start, s.end) not in seen:
                    seen.add((s.doc, s.start, s.end))
                    sources.append(s)
        docs = list(dict.fromkeys(s.doc for s in sources))
        fact = replace(group[0], sources=sources)
        out.append(MergedFact(fact=fact, docs=docs,
                              witnesses=len({_root(d, duplicate_of) for d in docs}),
                              reported=sorted({published[d] for d in docs if published.get(d)})))
    return out


def _hashable(key: tuple) -> tuple:
    return tuple(tuple(k) if isinstance(k, list) else k for k in key)


# a plain ``count`` is labelled by the thing counted ("people"), not by what happened to it (killed,
# displaced), so two counts of "people" in one year are often different facts: no contradiction from them
NOT_COMPARABLE = {"count"}
DIRECTED = {"investment", "arms_sales", "gas_supply", "oil_supply", "equity_share"}  # subjects [from, to]


def _figure_group(q: Quantity) -> tuple:
    subjects = tuple(q.subjects) if q.indicator in DIRECTED else tuple(sorted(q.subjects))
    return (q.indicator, subjects, q.unit, q.time, q.qualifiers.get("label") or q.label)


def consistent(a: Quantity, b: Quantity, tolerance: float = TOLERANCE) -> bool:
    """Whether two figures for the same thing can both be right: equal within rounding, or one's
    "about", "more than", "up to" or range covers the other."""
    lo_a, hi_a = _bounds(a, tolerance)
    lo_b, hi_b = _bounds(b, tolerance)
    return lo_a <= hi_b and lo_b <= hi_a


def _bounds(q: Quantity, tolerance: float) -> tuple[float, float]:
    """The interval a stated figure allows."""
    lo, hi = q.value, q.value_max if q.value_max is not None else q.value
    approx = (q.approx or "").casefold().strip()
    tol = APPROX_TOLERANCE if approx in _LOOSE else tolerance
    lo, hi = lo - abs(lo) * tol, hi + abs(hi) * tol
    if approx in _AT_LEAST:
        hi = float("inf")
    elif approx in _AT_MOST:
        lo = float("-inf")
    return lo, hi


def contradictions(merged: list[MergedFact], duplicate_of: dict[str, str | None]) -> list[Contradiction]:
    """Actual figures for the same indicator, subjects, unit and period that cannot both be right,
    stated by different (independent) documents."""
    groups: dict[tuple, list[MergedFact]] = defaultdict(list)
    for m in merged:
        q = m.fact
        if isinstance(q, Quantity) and q.modality == "actual" and q.time and q.indicator not in NOT_COMPARABLE:
            groups[_figure_group(q)].append(m)
    found = []
    for (indicator, subjects, unit, time, _), items in groups.items():
        for i, x in enumerate(items):
            for y in items[i + 1:]:
                a, b = cast(Quantity, x.fact), cast(Quantity, y.fact)
                roots_a = {_root(d, duplicate_of) for d in x.docs}
                roots_b = {_root(d, duplicate_of) for d in y.docs}
                if roots_a <= roots_b and roots_b <= roots_a and len(roots_a) == 1:
                    continue  # one document saying two things is an extraction matter, not two sources
                if consistent(a, b):
                    continue
                side_a, side_b = a.sources[:2], b.sources[:2]
                found.append(Contradiction(
                    indicator=indicator, subjects=list(subjects), time=time, unit=unit, a=a, b=b,
                    message=(f"{indicator} of {' / '.join(subjects)} in {time}: "
                             f"{_num(a)} ({', '.join(x.docs)}) vs {_num(b)} ({', '.join(y.docs)})"),
                    sources=side_a + side_b))
    return found + _event_contradictions(merged, duplicate_of)


# events that happen once: two documents dating one differently cannot both be right
ONCE = {"opening", "agreement_signed", "agreement_in_force", "recognition"}


def _event_contradictions(merged: list[MergedFact], duplicate_of: dict[str, str | None]) -> list[Contradiction]:
    """A named line opened, an agreement signed or in force, or a state's recognition by another, dated
    by independent documents on days, months or years that cannot be the same ("2014-08" and "2015";
    not "2021" and "2021-06-15")."""
    groups: dict[tuple, list[MergedFact]] = defaultdict(list)
    for m in merged:
        e = m.fact
        if not isinstance(e, Event) or e.type not in ONCE or not e.date or e.date.startswith("XXXX"):
            continue
        if e.type == "recognition" and len(e.participants) == 2:
            groups[(e.type, tuple(e.participants))].append(m)   # (who recognised whom, in that order)
        elif e.type != "recognition" and e.name:
            groups[(e.type, e.name.casefold())].append(m)
    found = []
    for (kind, _), items in groups.items():
        for i, x in enumerate(items):
            for y in items[i + 1:]:
                a, b = cast(Event, x.fact), cast(Event, y.fact)
                da, db = (a.date or "").split("/")[0], (b.date or "").split("/")[0]
                if da.startswith(db) or db.startswith(da):
                    continue
                if {_root(d, duplicate_of) for d in x.docs} & {_root(d, duplicate_of) for d in y.docs}:
                    continue   # one document telling two dates is an extraction matter, not two sources
                what = a.name or " recognised by ".join(reversed(a.participants))
                found.append(Contradiction(
                    indicator=kind, subjects=[a.name] if a.name else list(a.participants), time=None, unit="",
                    a=a, b=b, message=(f"{kind.replace('_', ' ')} of {what}: {a.date} ({', '.join(x.docs)}) vs "
                                       f"{b.date} ({', '.join(y.docs)})"),
                    sources=a.sources[:2] + b.sources[:2]))
    return found


def evolutions(merged: list[MergedFact], published: dict[str, str | None]) -> list[Evolution]:
    """Targets, forecasts and estimates for the same thing given different values by different reports."""
    groups: dict[tuple, list[MergedFact]] = defaultdict(list)
    for m in merged:
        q = m.fact
        if isinstance(q, Quantity) and q.modality in FORWARD:
            groups[(*_figure_group(q), q.modality)].append(m)
    out = []
    for (indicator, subjects, _, time, _, modality), items in groups.items():
        if len({(m.fact.value, getattr(m.fact, "value_max", None)) for m in items}) < 2:
            continue
        steps = sorted(((min(m.reported) if m.reported else None, m.fact) for m in items),
                       key=lambda s: (s[0] or "", s[1].value))
        out.append(Evolution(indicator=indicator, subjects=list(subjects), time=time, modality=modality,
                             steps=steps))  # type: ignore[arg-type]
    return out


def _num(q: Quantity) -> str:
    value = f"{q.value:,.6g}" + (f"–{q.value_max:,.6g}" if q.value_max is not None else "")
    return f"{q.approx + ' ' if q.approx else ''}{value} {q.unit}"
