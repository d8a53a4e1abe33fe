"""Read-only views over the knowledge base, shared by the CLI and (later) the web app."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from dossier.records import Event, Quantity, Relation
from dossier.store import DocumentInfo, Store


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
    entities = store.entities()
    facts = store.facts()
    events = sorted((f for f in facts if isinstance(f, Event) and f.date), key=lambda e: e.date or "")
    figures = sorted((f for f in facts if isinstance(f, Quantity)), key=lambda q: (q.indicator, q.time or ""))
    relations = [f for f in facts if isinstance(f, Relation)]
    top = sorted(entities, key=lambda e: (-len(e.docs), e.name))[:10]
    return Overview(
        documents=store.documents(),
        entity_types=Counter(e.type for e in entities),
        fact_kinds=Counter(f.kind for f in facts),
        flags=len(store.flags()),
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
