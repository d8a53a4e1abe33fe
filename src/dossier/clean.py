"""Cleaning: the article body of a document, mapped back to the original, with a record of every repair.

    original ──(HTML: trafilatura)──> lines ──encoding repair──> inline fixes ──> units
        ──join broken paragraphs──> classify (good / near / short / bad / duplicate)
        ──context──> metadata + kept units ──> Document.text, .charmap, .repairs

All text is held as a ``Mapped`` string: every character knows the span of
``Document.original`` it stands for, so the clean text is built only from
slices of the original plus written replacements, and the character map falls
out of it.  The line classifier is written by hand in the manner of jusText
(a unit is kept on its own merit or its neighbours'), because trafilatura only
reads HTML and our inputs are mostly flattened pages saved as text.
"""

from __future__ import annotations

import difflib
import html
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import ftfy

from dossier import gazetteer, metadata
from dossier.errors import EmptyFile
from dossier.records import CharMap, Document, Repair, Segment

_TAGS = itertools.count(1)


class Mapped:
    """A string whose every character knows the original span it came from.

    Copied characters have tag 0 and map to one original character; characters
    written by a repair share a fresh tag and map to the whole span they replace.
    """

    __slots__ = ("text", "lo", "hi", "tag")

    def __init__(self, text: str, lo: list[int], hi: list[int], tag: list[int]):
        self.text, self.lo, self.hi, self.tag = text, lo, hi, tag

    @classmethod
    def copy(cls, original: str, start: int = 0, end: int | None = None) -> Mapped:
        """A verbatim slice of the original."""
        end = len(original) if end is None else end
        return cls(original[start:end], list(range(start, end)), list(range(start + 1, end + 1)),
                   [0] * (end - start))

    @classmethod
    def written(cls, text: str, start: int, end: int) -> Mapped:
        """New text standing for original[start:end]."""
        n = len(text)
        return cls(text, [start] * n, [end] * n, [next(_TAGS)] * n)

    @classmethod
    def join(cls, parts: list[Mapped]) -> Mapped:
        """Concatenation."""
        if not parts:
            return cls("", [], [], [])
        return cls("".join(p.text for p in parts), [x for p in parts for x in p.lo],
                   [x for p in parts for x in p.hi], [x for p in parts for x in p.tag])

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, s: slice) -> Mapped:
        return Mapped(self.text[s], self.lo[s], self.hi[s], self.tag[s])

    def span(self, i: int = 0, j: int | None = None) -> tuple[int, int]:
        """Original span of self[i:j]."""
        j = len(self.text) if j is None else j
        if j <= i:
            pos = self.lo[i] if i < len(self.lo) else (self.hi[-1] if self.hi else 0)
            return pos, pos
        return self.lo[i], self.hi[j - 1]

    def rewrite(self, pattern: re.Pattern[str], fn: Callable[[re.Match[str]], list | None]) -> Mapped:
        """Apply ``fn`` to every match; it returns None (no change) or the pieces to put instead:
        strings (written, standing for the whole match), ``(i, j)`` slices of this text, or ``Mapped``."""
        parts: list[Mapped] = []
        pos = 0
        for m in pattern.finditer(self.text):
            pieces = fn(m)
            if pieces is None:
                continue
            parts.append(self[pos:m.start()])
            lo, hi = self.span(m.start(), m.end())
            for p in pieces:
                if isinstance(p, Mapped):
                    parts.append(p)
                elif isinstance(p, str):
                    if p:
                        parts.append(Mapped.written(p, lo, hi))
                else:
                    parts.append(self[p[0]:p[1]])
            pos = m.end()
        if not parts:
            return self
        parts.append(self[pos:])
        return Mapped.join(parts)

    def segments(self) -> list[Segment]:
        """The character map: runs of contiguous copied characters, and each written replacement whole."""
        segs, i, n = [], 0, len(self.text)
        lo, hi, tag = self.lo, self.hi, self.tag
        while i < n:
            j = i + 1
            if tag[i] == 0:
                while j < n and tag[j] == 0 and lo[j] == hi[j - 1]:
                    j += 1
            else:
                while j < n and tag[j] == tag[i]:
                    j += 1
            segs.append(Segment(i, j, lo[i], hi[j - 1]))
            i = j
        return segs


@dataclass
class _Unit:
    """A logical line (a paragraph, heading, list item) of the working text."""

    body: Mapped
    blank_before: bool
    bullet: Mapped | None = None
    heading: int = 0         # Markdown heading level (1 for "#"), 0 for other lines
    item: bool = False
    quote: bool = False
    cls: str = ""            # good | near | short | bad | dup | drop
    reason: str = ""         # why dropped: boilerplate | duplicate_content | silent (no repair to report)

    @property
    def text(self) -> str:
        return self.body.text


@dataclass
class _Cleaner:
    """State of one cleaning run."""

    doc: Document
    residue: bool                    # Markdown syntax here is left-over residue (not a .md file)
    repairs: list[Repair] = field(default_factory=list)

    def repair(self, kind: str, span: tuple[int, int], note: str = "") -> None:
        lo, hi = span
        self.repairs.append(Repair(kind=kind, quote=self.doc.original[lo:hi], start=lo, end=hi, note=note))


# ---------------------------------------------------------------- entry point

def clean(doc: Document) -> Document:
    """Fill ``doc.text``, ``doc.charmap``, metadata and ``doc.repairs`` from ``doc.original``."""
    suffix = Path(doc.name).suffix.lower()
    run = _Cleaner(doc, residue=suffix not in (".md", ".markdown"))
    fields: dict[str, str] = {}
    if suffix in (".html", ".htm") or (suffix == ".txt" and _looks_like_html(doc.original)):
        text, fields = _from_html(doc.original)
    else:
        text = Mapped.copy(doc.original)
        size, fields = metadata.front_matter(doc.original)
        text = text[size:]
    text = _normalise(text)
    text = _fix_encoding(run, text)
    text = _inline(run, text)
    units = _join_broken(run, _units(text))
    for u in units:
        _undouble(run, u)
    _classify(units)
    _dedupe(units)
    meta = metadata.from_units([u.text for u in units], [u.cls for u in units], [u.heading for u in units],
                               [u.item for u in units])
    meta.merge(fields)
    for i in meta.used:
        units[i].cls, units[i].reason = "drop", "silent"
    _context(units, min(meta.used, default=None))
    _record_drops(run, units)
    out = _assemble(units)
    if not out.text.strip():
        raise EmptyFile(doc.path, "no article text found after removing navigation and boilerplate",
                        "check that the file holds an article")
    doc.text, doc.charmap = out.text, CharMap(out.segments())
    doc.title, doc.author, doc.published, doc.publisher = meta.title, meta.author, meta.published, meta.publisher
    doc.place = meta.place
    if not doc.publisher:
        doc.publisher = metadata.publisher_from_text(doc.original) or metadata.organisation_byline(doc.author)
    doc.language = metadata.language(doc.text)
    doc.repairs = _keep_repairs(run.repairs, units)
    return doc


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head


# ---------------------------------------------------------------- HTML

_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
               "section", "article", "header", "footer", "nav", "aside", "blockquote", "pre", "table",
               "main", "figure", "figcaption", "title", "dd", "dt", "hr"}


def _from_html(source: str) -> tuple[Mapped, dict[str, str]]:
    """The article lines trafilatura finds in a page, each aligned to the page source."""
    import trafilatura  # heavy; only HTML input needs it

    result = trafilatura.bare_extraction(source, with_metadata=True, include_comments=False,
                                         include_tables=True, favor_precision=True)
    fields: dict[str, str] = {}
    lines: list[str] = []
    if result is not None:
        for key in ("title", "author", "date", "sitename"):
            value = getattr(result, key, None)
            if value:
                fields[{"date": "published", "sitename": "publisher"}.get(key, key)] = str(value)
        lines = [ln.strip() for ln in (result.text or "").splitlines() if ln.strip()]
    visible = _visible_text(source)
    parts: list[Mapped] = []
    cursor = 0
    for line in lines:
        bullet = line.startswith("- ")
        wanted = re.sub(r"\s+", " ", line[2:] if bullet else line).strip()
        at = visible.text.find(wanted, cursor)
        if at < 0:
            at = visible.text.find(wanted)
        if at >= 0:
            piece = visible[at:at + len(wanted)]
            cursor = at + len(wanted)
        else:  # trafilatura rewrote the line: keep its text, mapped to where the reading had got to
            pos = visible.lo[cursor] if cursor < len(visible) else len(source)
            piece = Mapped.written(wanted, pos, pos)
        start = piece.lo[0] if len(piece) else 0
        if parts:
            parts.append(Mapped.written("\n\n", start, start))
        if bullet:
            parts.append(Mapped.written("- ", start, start))
        parts.append(piece)
    return (Mapped.join(parts)), fields


_SKIP_TAGS = {"script", "style", "noscript", "template", "svg"}


def _visible_text(source: str) -> Mapped:
    """The text nodes of an HTML page, whitespace squashed, each character mapped into the source."""
    from html.parser import HTMLParser

    starts = [0] + [m.end() for m in re.finditer("\n", source)]
    parts: list[Mapped] = []

    class Parser(HTMLParser):
        skip = 0

        def where(self) -> int:
            line, col = self.getpos()
            return starts[line - 1] + col

        def handle_starttag(self, tag, attrs):
            if tag in _SKIP_TAGS:
                self.skip += 1
            elif tag in _BLOCK_TAGS:
                parts.append(Mapped.written(" ", self.where(), self.where()))

        def handle_endtag(self, tag):
            if tag in _SKIP_TAGS:
                self.skip = max(0, self.skip - 1)
            elif tag in _BLOCK_TAGS:
                parts.append(Mapped.written(" ", self.where(), self.where()))

        def handle_data(self, data):
            at = self.where()
            if self.skip:
                return
            if source.startswith(data, at):
                parts.append(Mapped.copy(source, at, at + len(data)))
            else:
                parts.append(Mapped.written(data, at, at))

        def reference(self, raw_len: int) -> None:
            at = self.where()
            if self.skip:
                return
            end = at + raw_len + (1 if source.startswith(";", at + raw_len) else 0)
            parts.append(Mapped.written(html.unescape(source[at:end]), at, end))

        def handle_entityref(self, name):
            self.reference(len(name) + 1)

        def handle_charref(self, name):
            self.reference(len(name) + 2)

    parser = Parser(convert_charrefs=False)
    parser.feed(source)
    parser.close()
    text = Mapped.join(parts)
    return text.rewrite(re.compile(r"\s{2,}|[^\S ]"), lambda m: [" "])


# ---------------------------------------------------------------- character-level repairs

_INVISIBLE = re.compile(r"\r(?=\n)|[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _normalise(text: Mapped) -> Mapped:
    """Drop carriage returns before newlines and invisible characters (zero-width, BOM, soft hyphen)."""
    text = text.rewrite(_INVISIBLE, lambda m: [])
    return text.rewrite(re.compile(r"\r"), lambda m: ["\n"])


def _fix_encoding(run: _Cleaner, text: Mapped) -> Mapped:
    """Repair mojibake: ftfy for UTF-8 read as a single-byte code page, then our own code-page check."""
    def ftfy_line(m: re.Match[str]) -> list | None:
        line = m.group()
        fixed = ftfy.fix_encoding(line)
        if fixed == line:
            return None
        pieces: list = []
        base = m.start()
        first = last = None
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, line, fixed, autojunk=False).get_opcodes():
            if op == "equal":
                pieces.append((base + i1, base + i2))
            else:
                pieces.append(Mapped.written(fixed[j1:j2], *text.span(base + i1, base + i2)))
                first = base + i1 if first is None else first
                last = base + i2
        run.repair("mojibake", text.span(first, last), "UTF-8 text read in the wrong code page (repaired by ftfy)")
        return pieces

    text = text.rewrite(re.compile(r"[^\n]*[^\x00-\x7f][^\n]*"), ftfy_line)

    context: list[str | None] = []  # the document's language, found only if a suspect run turns up

    def codepage(m: re.Match[str]) -> list | None:
        if not context:
            context.append(metadata.language(text.text))
        fixed = metadata.repair_codepage(m.group(), context[0])
        if fixed is None:
            return None
        repaired, codec = fixed
        run.repair("mojibake", text.span(m.start(), m.end()),
                   f"text in {codec} read as Latin-1: {m.group()!r} is {repaired!r}")
        return [repaired]

    return text.rewrite(metadata.MOJIBAKE_RUN, codepage)


_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_UESCAPE = re.compile(r"\\ ?u([0-9a-fA-F]{4})")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*([^)\s]*)(?:\s+\"[^\"\n]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp)://[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>\n]*)?/?>")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$&%|<>~\"'])")
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^\n]+?)(?<=\S)\1")
_EM = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*\\])\*(?![\w*])"
                 r"|(?<![\w\\])_(?=[^\s_])([^_\n]+?)(?<=[^\s_\\])_(?!\w)")
_CITATION = re.compile(r"(?<=[^\s\[])(?:\[(?:\d{1,3}|citation needed|clarification needed)\])+")
_EMPTY_PARENS = re.compile(r"[ \t]?\([\s,;]*\)")
_ESCAPED_WORDS = re.compile(r"\S*(?:[ \t]+[^\s\\]+)?")
_PLACEHOLDER_URL = re.compile(r"^(?:#.*|javascript:.*|)$")


def _inline(run: _Cleaner, text: Mapped) -> Mapped:
    """Markup inside lines: entities, escapes, links, images, tags, emphasis, citation marks, tokenisation."""
    found: dict[int, tuple[int, int, list[str]]] = {}  # line start -> original span and what was done

    def note(m: re.Match[str], what: str, end: int | None = None) -> None:
        line = text.span(text.text.rfind("\n", 0, m.start()) + 1)[0]  # the line, as an original offset
        lo, hi = text.span(m.start(), end or m.end())
        old = found.get(line)
        found[line] = (min(lo, old[0]), max(hi, old[1]), old[2] + [what]) if old else (lo, hi, [what])

    def flush(kind: str, what: str) -> None:
        for lo, hi, notes in found.values():
            run.repair(kind, (lo, hi), f"{what}: " + ", ".join(sorted(set(notes))))
        found.clear()

    def entity(m):
        value = html.unescape(m.group())
        if value == m.group():
            return None
        note(m, "HTML entity")
        return [value]

    text = text.rewrite(_ENTITY, entity)
    text = text.rewrite(_UESCAPE, lambda m: note(m, "\\u escape") or [chr(int(m.group(1), 16))])
    flush("markup_artifact", "markup unescaped")

    residue = run.residue

    def image(m):
        note(m, "image")   # even in Markdown, a picture's address is no part of the article's text
        return []

    def link(m):
        if residue or _PLACEHOLDER_URL.match(m.group(2)):
            note(m, "link")
        return [(m.start(1), m.end(1))]

    def escape(m):
        if residue:  # quote the escaped character with the words it belongs to ("\$15 billion")
            note(m, "backslash escape", _ESCAPED_WORDS.match(text.text, m.end()).end())
        return [(m.start(1), m.end(1))]

    def strip_marks(kind: str) -> Callable:
        def fn(m):
            if residue:
                note(m, kind)
            return [(m.start(m.lastindex), m.end(m.lastindex))]
        return fn

    def tag(m):
        note(m, "HTML tag")   # not Markdown syntax: residue wherever it is
        return []

    for pattern, fn in ((_IMAGE, image), (_LINK, link), (_AUTOLINK, strip_marks("autolink")), (_TAG, tag),
                        (_ESCAPE, escape), (_STRONG, strip_marks("emphasis")), (_EM, strip_marks("emphasis"))):
        text = text.rewrite(pattern, fn)
    text = text.rewrite(_CITATION, lambda m: note(m, "citation mark") or [])
    text = text.rewrite(_EMPTY_PARENS, lambda m: note(m, "empty parentheses") or [])
    flush("markup_artifact", "markup removed")
    return _unglue(run, _detokenise(run, text))


# "Oct 3rd 2020ISTANBUL": a dateline glued to the date; "betweenArmenia": two words run together
_GLUED_YEAR = re.compile(r"(?<![\w])((?:1[89]|20)\d\d)([A-Z]{3,}|[A-Z][a-z]{2,})(?!\w)")
_GLUED_WORDS = re.compile(r"(?<![\w'’-])([a-z]{3,})([A-Z][a-z]{2,})(?![\w'’-])")


def _unglue(run: _Cleaner, text: Mapped) -> Mapped:
    """Words a scrape ran together get their space back (a common English word before a known name or a
    capitalised word, or a year before a word); each is flagged as a scraping artefact."""
    from wordfreq import zipf_frequency  # a maintained frequency list tells words from name parts

    def split(m: re.Match[str], why: str) -> list:
        run.repair("scrape_artifact", text.span(m.start(), m.end()), f"{m.group()!r}: {why}")
        return [(m.start(1), m.end(1)), " ", (m.start(2), m.end(2))]

    def words(m: re.Match[str]):
        first, second = m.group(1), m.group(2)
        if zipf_frequency(first, "en") < 3.5 or not (gazetteer.load().lookup(second) is not None
                                                       or zipf_frequency(second.lower(), "en") >= 3.5):
            return None   # "iPhone", "eBay", a name written in camel case
        return split(m, "two words run together")

    text = text.rewrite(_GLUED_YEAR, lambda m: split(m, "a year run into the next word"))
    return text.rewrite(_GLUED_WORDS, words)


_SPACE_BEFORE = re.compile(r"(?<=\S) +(?=[,.;:!?%)\]](?:\s|$))|(?<=\w) +(?=['’](?:s|t|re|ve|ll|d|m)\b)"
                           r"|(?<=[(\[]) +(?=\S)", re.M)
_QUOTED = re.compile(r"\" ([^\"\n]*?) \"")
_PLURAL_QUOTE = re.compile(r"(?<=[a-z]s) \" (?=[a-z])")


def _detokenise(run: _Cleaner, text: Mapped) -> Mapped:
    """Undo word tokenisation ("Turkey 's", "power , but") when the whole text shows it."""
    spaced = len(re.findall(r"\w [,.;:?!](?=\s|$)", text.text, re.M))
    normal = len(re.findall(r"\w[,.;:?!](?=\s|$)", text.text, re.M))
    if spaced < 5 or spaced < normal:
        return text
    first = re.search(r"\w [,.;:?!](?=\s|$)", text.text, re.M)
    line_end = text.text.find("\n", first.start())
    run.repair("scrape_artifact", text.span(text.text.rfind("\n", 0, first.start()) + 1,
                                            line_end if line_end >= 0 else len(text)),
               f"the text was tokenised (a space before punctuation in {spaced} places); the spaces were removed")
    text = text.rewrite(_SPACE_BEFORE, lambda m: [])

    def apostrophe(m):  # "both countries " presidents": a lone quote after a plural is its apostrophe
        line_start = text.text.rfind("\n", 0, m.start()) + 1
        line_end = text.text.find("\n", m.end())
        if text.text.count('"', line_start, line_end if line_end >= 0 else len(text)) % 2 == 0:
            return None
        run.repair("scrape_artifact", text.span(m.start(), m.end()),
                   "an apostrophe written as a double quote was restored")
        return ["’ "]

    text = text.rewrite(_PLURAL_QUOTE, apostrophe)

    def quoted(m):  # only where the line's quotes pair up, so opening and closing are known
        line_start = text.text.rfind("\n", 0, m.start()) + 1
        line_end = text.text.find("\n", m.end())
        if text.text.count('"', line_start, line_end if line_end >= 0 else len(text)) % 2:
            return None
        return [(m.start(), m.start() + 1), (m.start(1), m.end(1)), (m.end() - 1, m.end())]

    return text.rewrite(_QUOTED, quoted)


# ---------------------------------------------------------------- units

_HEADING = re.compile(r"^#{1,6}[ \t]+")
_QUOTE_MARK = re.compile(r"^(?:>[ \t]?)+")
_BULLET = re.compile(r"^(?:[-*+•·▪◦‣]|\d{1,3}[.)])[ \t]+")
_RULE = re.compile(r"^(?:(?:[-*_=~][ \t]*){3,}|\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?"
                   r"|\+(?:[-=:]+\+)+)$")  # rules, and the border lines of Markdown tables
_ENDS_SENTENCE = re.compile(r"[.!?…:;\"'”’»)\]]$")


def _units(text: Mapped) -> list[_Unit]:
    """Split into logical lines; hard-wrapped lines of one paragraph are merged."""
    units: list[_Unit] = []
    blank = True
    pos = 0
    prev_open = False  # the previous line is a long line that runs on (a hard wrap)
    for raw in text.text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        stripped = raw.strip()
        if not stripped:
            blank, prev_open = True, False
            continue
        lead = len(raw) - len(raw.lstrip())
        line = text[start + lead:start + lead + len(stripped)]
        structural = bool(_HEADING.match(stripped) or _BULLET.match(stripped) or _QUOTE_MARK.match(stripped)
                          or stripped.startswith(("|", "![", "<")))
        if prev_open and not blank and not structural and units:
            last = units[-1]
            last.body = Mapped.join([last.body, text[start - 1:start + lead], line])  # keeps the line break
        else:
            units.append(_parse_unit(line, blank))
        prev_open = (len(stripped) >= 50 and not _ENDS_SENTENCE.search(stripped)
                     and not units[-1].heading and not stripped.startswith(("|", "![")))
        blank = False
    return units


def _parse_unit(line: Mapped, blank: bool) -> _Unit:
    """A unit from one line: Markdown heading, quote and list markers come off (they are rendering)."""
    unit = _Unit(body=line, blank_before=blank)
    m = _QUOTE_MARK.match(line.text)
    if m:
        unit.quote, line = True, line[m.end():]
    m = _HEADING.match(line.text)
    if m:
        unit.heading, line = m.group().count("#"), line[m.end():]
        line = line[:len(line.text.rstrip("# \t")) or len(line)]
    if line.text.startswith("|") and line.text.rstrip().endswith("|"):
        unit.item = True  # a table row: kept line by line, like list items
    m = _BULLET.match(line.text)
    if m and not unit.heading:
        unit.item = True
        marker = m.group().rstrip()
        # Markdown's - * + render as a bullet; a real bullet or a number is kept as written
        unit.bullet = Mapped.written("•", *line.span(0, 1)) if marker in "-*+" else line[:len(marker)]
        line = line[m.end():]
    unit.body = line
    if _RULE.match(unit.body.text.strip()) or not unit.body.text.strip():
        unit.cls, unit.reason = "drop", "silent"
    return unit


def _join_broken(run: _Cleaner, units: list[_Unit]) -> list[_Unit]:
    """Join a sentence or hyphenated name split across a blank line ("Baku-" / "Tbilisi-Ceyhan")."""
    out: list[_Unit] = []
    for u in units:
        prev = out[-1] if out else None
        if (prev is not None and u.blank_before and not (prev.cls or u.cls)
                and not (prev.heading or u.heading or prev.item or u.item or prev.quote or u.quote)):
            a, b = prev.text, u.text
            prose = len(b.split()) >= 4 and not (metadata.boilerplate(a) or metadata.boilerplate(b))
            hyphen = re.search(r"[^\W\d_]-$", a) and re.match(r"[^\W\d_]", b) and len(a.split()) >= 5
            sentence = re.search(r"[^\W\d_],?$", a) and b[:1].islower() and len(a.split()) >= 10
            if prose and (hyphen or sentence):
                w1 = len(a) - len(re.search(r"\S+$", a).group())
                w2 = re.match(r"\S+", b).end()
                run.repair("broken_paragraph", (prev.body.lo[w1], u.body.hi[w2 - 1]),
                           "a sentence split across paragraphs was joined")
                glue = [] if hyphen else [Mapped.written(" ", prev.body.hi[-1], u.body.lo[0])]
                prev.body = Mapped.join([prev.body, *glue, u.body])
                continue
        out.append(u)
    return out


_DOUBLED = re.compile(r"^(\S.{2,}?[^\W\d_])(\1)$")


def _undouble(run: _Cleaner, unit: _Unit) -> None:
    """A short line scraped twice into itself ("Kamran HasanovKamran Hasanov") keeps one copy."""
    if len(unit.text.split()) > 12:
        return
    m = _DOUBLED.match(unit.text)
    if m and m.group(1)[0].isupper():
        run.repair("scrape_artifact", unit.body.span(), f"{m.group(1)!r} was scraped twice into one line")
        unit.body = unit.body[:m.end(1)]


# ---------------------------------------------------------------- classification

_WORD = re.compile(r"[^\W_][\w'’.-]*")


def _classify(units: list[_Unit]) -> None:
    """good: a paragraph of prose; near: a short sentence; short: headings, names, dates; bad: boilerplate."""
    for u in units:
        if u.cls:
            continue
        why = metadata.boilerplate(u.text)
        if why:
            u.cls, u.reason = "bad", why
            continue
        words = _WORD.findall(u.text)
        lower = sum(1 for w in words if w[0].islower())
        prose = words and lower >= 0.3 * len(words)
        if not u.heading and prose and len(words) >= 10 and (_ENDS_SENTENCE.search(u.text) or len(words) >= 20):
            u.cls = "good"
        elif not u.heading and len(words) >= 3 and lower and (re.search(r"[.!?…\"'”’»)]$", u.text) or u.item):
            u.cls = "near"
        else:
            u.cls = "short"
    if not any(u.cls == "good" for u in units):  # a very short article: its sentences are all there is
        for u in units:
            if u.cls == "near":
                u.cls = "good"


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _dedupe(units: list[_Unit]) -> None:
    """A body repeated in one page keeps its first copy: exact paragraph hashes, then word shingles."""
    live = [u for u in units if u.cls in ("good", "near", "short")]
    seen: dict[str, int] = {}
    repeats = []
    for u in live:
        k = _key(u.text)
        if k in seen:
            repeats.append(u)
        else:
            seen[k] = 1
    long_repeats = [u for u in repeats if len(u.text.split()) >= 8]
    whole_copy = len(long_repeats) >= 2  # the page holds the article more than once: every repeat goes
    body = next((u for u in live if len(u.text.split()) >= 8), None)
    after_body = False
    for u in live:
        after_body = after_body or u is body
        if u not in repeats:
            continue
        if len(u.text.split()) >= 15 or (whole_copy and (after_body or len(u.text.split()) >= 8)):
            u.cls, u.reason = "dup", "duplicate_content"
        elif whole_copy:  # a byline repeated above the body is page chrome rather than a second copy
            u.cls, u.reason = "bad", "boilerplate"
    shingles: dict[tuple[str, ...], set[int]] = {}
    for idx, u in enumerate(live):  # near-copies of long paragraphs (a word changed, a typo fixed)
        words = _key(u.text).split()
        if u.cls == "dup" or len(words) < 20:
            continue
        grams = {tuple(words[i:i + 5]) for i in range(len(words) - 4)}
        hits: dict[int, int] = {}
        for g in grams:
            for other in shingles.get(g, ()):
                hits[other] = hits.get(other, 0) + 1
        if any(n >= 0.7 * len(grams) for n in hits.values()):
            u.cls, u.reason = "dup", "duplicate_content"
            continue
        for g in grams:
            shingles.setdefault(g, set()).add(idx)


def _context(units: list[_Unit], header: int | None) -> None:
    """Near-sentences and short lines are kept only beside prose (jusText's neighbour rule).

    ``header`` is the first line read as metadata (title, date, byline); plain short lines between it and
    the body belong to the byline block (a repeated name, an affiliation) and go too."""
    def neighbour(i: int, step: int, skip: tuple[str, ...]) -> str | None:
        j = i + step
        while 0 <= j < len(units):
            if units[j].cls not in skip and units[j].reason != "silent":
                return units[j].cls
            j += step
        return None

    near = [i for i, u in enumerate(units) if u.cls == "near"]
    keep = {i for i in near if "good" in (neighbour(i, -1, ("short", "near")), neighbour(i, 1, ("short", "near")))}
    for i in near:
        units[i].cls = "good" if i in keep else "drop"
    _short_runs(units)
    body = next((i for i, u in enumerate(units) if u.cls == "good"), len(units))
    for i in range(header if header is not None else body, body):
        if units[i].cls == "short" and not units[i].heading:
            units[i].cls, units[i].reason = "drop", "boilerplate"
    for i, u in enumerate(units):
        if u.cls == "near" or (u.cls == "drop" and not u.reason):
            u.reason = "boilerplate"
        if u.cls == "short":
            before, after = neighbour(i, -1, ("short",)), neighbour(i, 1, ("short",))
            if (after == "good" and before in ("good", None)) or (u.item and before == "good"):
                u.cls = "good"
            else:
                u.cls, u.reason = "drop", "boilerplate"
    for u in units:
        if u.cls == "drop" and not u.reason:
            u.reason = "boilerplate"


def _short_runs(units: list[_Unit]) -> None:
    """Three or more short plain lines in a row are a link list or captions (headlines of other stories),
    not headings: a heading stands alone before its paragraph.  Lists, tables and figures are exempt."""
    run: list[_Unit] = []
    for u in [*units, None]:
        if u is not None and u.reason == "silent":
            continue
        if u is not None and u.cls == "short" and not (u.item or u.heading or re.search(r"\d", u.text)):
            run.append(u)
            continue
        if len(run) >= 3:
            for r in run:
                r.cls, r.reason = "drop", "boilerplate"
        run = []


_DROP_NOTES = {"duplicate_content": "a repeated copy of the article body was removed",
               "boilerplate": "site navigation, contact or legal text was removed"}


def _record_drops(run: _Cleaner, units: list[_Unit]) -> None:
    """One repair per run of removed units of one kind; header lines inside a removed copy count as the copy."""
    kinds = [u.reason if u.cls in ("bad", "dup", "drop") else "" for u in units]
    chrome = ("boilerplate", "silent")
    before = ""
    for i, kind in enumerate(kinds):  # the nearest non-chrome kind before each unit ...
        if kind in chrome:
            after = next((k for k in kinds[i + 1:] if k not in chrome), "")  # ... and after it
            if before == "duplicate_content" and (after == before or kind == "silent"):
                kinds[i] = "duplicate_content"
        else:
            before = kind
    i = 0
    while i < len(units):
        kind = kinds[i]
        j = i
        while j + 1 < len(units) and kinds[j + 1] == kind:
            j += 1
        if kind in _DROP_NOTES:
            run.repair(kind, (units[i].body.span()[0], units[j].body.span()[1]), _DROP_NOTES[kind])
        i = j + 1


# ---------------------------------------------------------------- output

def _assemble(units: list[_Unit]) -> Mapped:
    """Kept units, paragraphs separated by a blank line and list items by a line break."""
    parts: list[Mapped] = []
    prev: _Unit | None = None
    for u in units:
        if u.cls != "good":
            continue
        body = u.body
        if u.bullet is not None:
            body = Mapped.join([u.bullet, Mapped.written(" ", body.span()[0], body.span()[0]), body])
        if prev is not None:
            sep = "\n" if (prev.item and u.item) else "\n\n"
            parts.append(Mapped.written(sep, prev.body.span()[1], body.span()[0]))
        parts.append(body)
        prev = u
    return Mapped.join(parts)


def _keep_repairs(repairs: list[Repair], units: list[_Unit]) -> list[Repair]:
    """Markup fixed inside text that was then removed anyway is not worth reporting."""
    removed = [u.body.span() for u in units if u.cls != "good" and len(u.body)]

    def hidden(rep: Repair) -> bool:
        return any(lo <= rep.start and rep.end <= hi for lo, hi in removed)

    kept = [r for r in repairs if not (r.kind == "markup_artifact" and hidden(r))]
    return sorted(kept, key=lambda r: (r.start, r.end))
