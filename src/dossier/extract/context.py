"""What the extractors share while reading one document.

Each extractor is a pure function ``find(ctx) -> list[...]`` over a ``Context``:
the pipeline parses the clean text once, finds entity mentions and time
expressions first, and hands all of it to the quantity, event and relation
extractors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from dossier.records import Document, Event, Mention


@dataclass
class TimeExpr:
    """A time expression in the clean text, normalised.

    ``value`` is an ISO 8601 prefix (``2021``, ``2021-04``, ``2021-06-15``,
    ``XXXX-06-10`` when the year is not given); a range has ``end`` set
    (``value`` ``2021-01``, ``end`` ``2021-11``).  ``relative`` is true when the
    value was computed from the publication date ("last year").
    """

    text: str
    start: int
    end: int
    value: str
    end_value: str | None = None
    relative: bool = False

    @property
    def iso(self) -> str:
        """``start/end`` for a range, else the value."""
        return f"{self.value}/{self.end_value}" if self.end_value else self.value


@dataclass
class Context:
    """One document being read: the record, its parse, its mentions and times."""

    doc: Document
    sp: Doc
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] | None = None   # filled by the event reader, read again by the relation reader

    def mentions_in(self, start: int, end: int, types: tuple[str, ...] | None = None) -> list[Mention]:
        """Mentions lying inside clean[start:end], in text order, optionally of some types."""
        return [m for m in self.mentions
                if m.start >= start and m.end <= end and (types is None or m.type in types)]

    def times_in(self, start: int, end: int) -> list[TimeExpr]:
        """Time expressions lying inside clean[start:end], in text order."""
        return [t for t in self.times if t.start >= start and t.end <= end]

    def sentence(self, start: int) -> Span:
        """The sentence of the parse holding character ``start``."""
        tok = self.sp.char_span(start, start + 1, alignment_mode="expand")
        return tok.sent if tok is not None else self.sp[:].sent

    def entity_at(self, start: int, end: int) -> Mention | None:
        """The mention covering clean[start:end], if any."""
        for m in self.mentions:
            if m.start <= start and end <= m.end:
                return m
        return None
