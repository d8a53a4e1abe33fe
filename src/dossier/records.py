"""The typed records that flow through the stages.

read -> clean -> extract -> resolve -> store -> query -> present

One ``Document`` travels the whole way: ``read`` fills the original text,
``clean`` the clean text, its character map and metadata, ``extract`` the
mentions, facts and flags.  Facts and flags are written in the vocabulary of
the evaluation contract (``shared/eval/CONTRACT.md``); ``to_record`` gives the
exact JSON shape of the ``facts`` export.
"""

from __future__ import annotations

import bisect
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EntityType = Literal[
    "country", "person", "organization", "infrastructure", "agreement", "event", "place", "product"
]
FactKind = Literal["quantity", "event", "relation"]


@dataclass
class Source:
    """Where a fact or flag comes from: a span of a document's clean text."""

    doc: str
    start: int
    end: int
    quote: str

    def to_record(self) -> dict[str, Any]:
        """The contract shape of a source."""
        return {"doc": self.doc, "quote": self.quote, "start": self.start, "end": self.end}


@dataclass
class Segment:
    """One piece of the character map: clean[clean_start:clean_end] came from
    original[orig_start:orig_end].  Lengths differ only where cleaning replaced
    text (a repaired mojibake run, an unescaped character)."""

    clean_start: int
    clean_end: int
    orig_start: int
    orig_end: int


@dataclass
class CharMap:
    """Maps spans of the clean text back to the original (decoded) file text."""

    segments: list[Segment] = field(default_factory=list)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original span covering clean[start:end]."""
        if not self.segments:
            return start, end
        return self._point(start, left=True), self._point(end, left=False)

    def _point(self, pos: int, left: bool) -> int:
        starts = [s.clean_start for s in self.segments]
        # an end position belongs to the segment holding its last character, not the next one
        i = max(0, bisect.bisect_right(starts, pos if left else max(pos - 1, 0)) - 1)
        seg = self.segments[i]
        if seg.clean_end - seg.clean_start == seg.orig_end - seg.orig_start:
            return seg.orig_start + min(pos - seg.clean_start, seg.clean_end - seg.clean_start)
        # a replaced run maps as a whole
        return seg.orig_start if left or pos <= seg.clean_start else seg.orig_end

    def to_list(self) -> list[list[int]]:
        """Compact JSON-able form."""
        return [[s.clean_start, s.clean_end, s.orig_start, s.orig_end] for s in self.segments]

    @classmethod
    def from_list(cls, rows: list[list[int]]) -> CharMap:
        """Inverse of ``to_list``."""
        return cls([Segment(*row) for row in rows])


@dataclass
class Repair:
    """Something cleaning changed or removed, kept as evidence for flags and the reader view.

    ``kind`` is a flag type of the contract: duplicate_content, mojibake,
    markup_artifact, boilerplate, scrape_artifact, broken_paragraph.
    ``quote`` is the original text concerned; ``start``/``end`` index the original text.
    """

    kind: str
    quote: str
    start: int
    end: int
    note: str = ""


@dataclass
class Mention:
    """A span of clean text naming an entity.  ``entity`` is the canonical name once resolved."""

    text: str
    start: int
    end: int
    type: str
    entity: str = ""     # canonical name of the entity meant
    form: str = "name"   # name | acronym | demonym ("Turkish") | capital (Ankara meaning Türkiye) | title


@dataclass
class Entity:
    """One real-world thing, with every surface form seen."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        """The contract shape of an entity."""
        return {"kind": "entity", "name": self.name, "type": self.type,
                "aliases": sorted(set(self.aliases) - {self.name}), "docs": sorted(set(self.docs))}


@dataclass
class Quantity:
    """A figure stated about one or more entities."""

    indicator: str
    subjects: list[str]
    value: float
    unit: str
    sources: list[Source]
    value_max: float | None = None
    time: str | None = None
    modality: str = "actual"
    approx: str | None = None  # "about", "more than", "up to", ...
    label: str | None = None
    qualifiers: dict[str, Any] = field(default_factory=dict)
    kind: str = "quantity"

    def key(self) -> tuple:
        """Identity used to merge the same fact from several sources (a plain count also by what it counts:
        three tanks are not three states)."""
        return ("quantity", self.indicator, tuple(self.subjects), round(self.value, 6), self.unit,
                self.time, self.modality, self.label if self.indicator == "count" else None)


@dataclass
class Event:
    """Something that happened (or is scheduled) at a date."""

    type: str
    sources: list[Source]
    name: str | None = None
    date: str | None = None
    end_date: str | None = None
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    qualifiers: dict[str, Any] = field(default_factory=dict)
    kind: str = "event"

    def key(self) -> tuple:
        """Identity used to merge the same fact from several sources.  An undated, unnamed saying, meeting
        or visit cannot be told from another of the same people: it stays its document's own."""
        own = self.sources[0].doc if (self.date is None and not self.name and self.sources
                                      and self.type in ("statement", "meeting", "visit")) else None
        return ("event", self.type, self.name, self.date, tuple(sorted(self.participants)), self.place, own)


@dataclass
class Relation:
    """A typed link between two entities, optionally time-scoped."""

    predicate: str
    subject: str
    object: str | None
    sources: list[Source]
    qualifiers: dict[str, Any] = field(default_factory=dict)
    time: str | None = None
    kind: str = "relation"

    def key(self) -> tuple:
        """Identity used to merge the same fact from several sources."""
        return ("relation", self.predicate, self.subject, self.object,
                tuple(sorted((k, str(v)) for k, v in self.qualifiers.items())), self.time)


Fact = Quantity | Event | Relation


@dataclass
class Flag:
    """A data-quality problem found in a document, with its evidence."""

    type: str
    about: str
    message: str
    sources: list[Source]
    kind: str = "flag"


def to_record(item: Fact | Flag) -> dict[str, Any]:
    """The contract (JSON Lines) shape of a fact or flag."""
    rec = asdict(item)
    rec["sources"] = [Source(**s).to_record() if isinstance(s, dict) else s.to_record()
                      for s in rec["sources"]]
    kind = rec.pop("kind")
    return {"kind": kind, **rec}


def from_record(rec: dict[str, Any]) -> Fact | Flag:
    """Inverse of ``to_record`` (used by the store)."""
    rec = dict(rec)
    kind = rec.pop("kind")
    rec["sources"] = [Source(doc=s["doc"], start=s["start"], end=s["end"], quote=s["quote"])
                      for s in rec.get("sources") or []]
    cls = {"quantity": Quantity, "event": Event, "relation": Relation, "flag": Flag}[kind]
    return cls(**rec)


@dataclass
class Document:
    """One file on its way through the pipeline."""

    path: str                      # as given on the command line
    name: str                      # base name: the document's identity
    sha256: str = ""               # of the file's bytes
    size: int = 0
    encoding: str = ""             # detected encoding of the bytes
    original: str = ""             # decoded file text, before cleaning
    text: str = ""                 # clean body text
    charmap: CharMap = field(default_factory=CharMap)
    title: str | None = None
    author: str | None = None
    published: str | None = None   # ISO date prefix
    publisher: str | None = None
    place: str | None = None       # the dateline's place ("Baku", "ANKARA"): not stored, read by extraction
    language: str | None = None
    repairs: list[Repair] = field(default_factory=list)
    duplicate_of: str | None = None  # name of a near-identical document already stored
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)

    def source(self, start: int, end: int) -> Source:
        """A source citing clean[start:end] of this document."""
        return Source(doc=self.name, start=start, end=end, quote=self.text[start:end])

    def to_record(self) -> dict[str, Any]:
        """The contract shape of a document."""
        return {"kind": "document", "doc": self.name, "title": self.title, "author": self.author,
                "published": self.published, "publisher": self.publisher,
                "language": self.language, "text": self.text, "duplicate_of": self.duplicate_of}
