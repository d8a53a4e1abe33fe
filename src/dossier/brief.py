"""A report on the relationship, written from the consolidated knowledge base.

``build_brief`` sorts the merged facts into sections by what they are (event types, indicators,
relation predicates, the kind of infrastructure they name), never by names from a corpus; every
statement carries footnotes citing its documents and quotes.  ``write_brief`` renders it as
Markdown or, by the file's extension, HTML (Jinja2 with autoescape; article text is untrusted).
"""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from dossier.consolidate import Picture, from_store
from dossier.flags import kind_of
from dossier.query import SeriesPoint, date_key, fact_text, flag_list, series, timeline
from dossier.records import Event, Quantity, Relation, Source
from dossier.store import Store

POLITICS_EVENTS = {"recognition", "diplomatic_relations", "independence", "visit", "meeting", "agreement_signed",
                   "agreement_in_force", "statement", "organization_change"}
POLITICS_RELATIONS = {"member_of", "party_to", "chairs", "part_of", "ranked"}
ECONOMY_INDICATORS = {"trade_turnover", "investment", "contracts_value", "contracts_count", "companies_count",
                      "investment_need", "equity_share"}
ECONOMY_RELATIONS = {"trade_partner_rank"}
ENERGY_INDICATORS = {"gas_supply", "oil_supply"}
ENERGY_RELATIONS = {"supplies"}
DEFENCE_INDICATORS = {"arms_sales"}
DEFENCE_EVENTS = {"military_exercise", "war"}
DEFENCE_RELATIONS = {"manufacturer_of"}
PEOPLE_RELATIONS = {"position_held"}
INFRA_RELATIONS = {"owner_of", "operator_of", "connects", "located_in"}
SECTIONS = ("Politics and treaties", "Economy and trade", "Energy", "Transport", "Defence", "Key people")


@dataclass
class Statement:
    """One line of the report and the numbers of the footnotes that support it."""

    text: str
    notes: list[int]


@dataclass
class SeriesTable:
    """An indicator's figures by period, each row footnoted; ``image`` names its plot, if drawn."""

    indicator: str
    rows: list[Statement]
    points: list[SeriesPoint]
    image: str | None = None


@dataclass
class Section:
    """A titled part of the report."""

    title: str
    statements: list[Statement] = field(default_factory=list)
    tables: list[SeriesTable] = field(default_factory=list)


@dataclass
class Brief:
    """The whole report: sections and the numbered sources they cite (note n is ``notes[n - 1]``)."""

    title: str
    documents: int
    sections: list[Section]
    notes: list[Source]


class _Notes:
    """Numbers sources once each, in order of first citation."""

    def __init__(self) -> None:
        self.sources: list[Source] = []
        self._index: dict[tuple, int] = {}

    def cite(self, sources: list[Source]) -> list[int]:
        numbers = []
        for s in sources:
            key = (s.doc, s.start, s.end)
            if key not in self._index:
                self.sources.append(s)
                self._index[key] = len(self.sources)
            numbers.append(self._index[key])
        return list(dict.fromkeys(numbers))


def _section_of(fact, infra_kinds: dict[str, str | None]) -> str | None:
    """Which section a fact belongs to, from its type, indicator or predicate and what it names."""
    if isinstance(fact, Relation) and fact.predicate in PEOPLE_RELATIONS:
        return "Key people"
    kinds = {infra_kinds.get(n) for n in _names(fact)} - {None}
    if isinstance(fact, Quantity):
        if fact.indicator in ECONOMY_INDICATORS:
            return "Economy and trade"
        if fact.indicator in ENERGY_INDICATORS:
            return "Energy"
        if fact.indicator in DEFENCE_INDICATORS:
            return "Defence"
    if isinstance(fact, Event) and fact.type in DEFENCE_EVENTS:
        return "Defence"
    if isinstance(fact, Relation):
        if fact.predicate in ECONOMY_RELATIONS:
            return "Economy and trade"
        if fact.predicate in ENERGY_RELATIONS:
            return "Energy"
        if fact.predicate in DEFENCE_RELATIONS:
            return "Defence"
    if "pipeline" in kinds:
        return "Energy"
    if kinds & {"railway", "road"}:
        return "Transport"
    if isinstance(fact, Event) and fact.type in POLITICS_EVENTS:
        return "Politics and treaties"
    if isinstance(fact, Relation) and fact.predicate in POLITICS_RELATIONS | INFRA_RELATIONS:
        return "Politics and treaties" if fact.predicate in POLITICS_RELATIONS else None
    return None


def _names(fact) -> list[str]:
    if isinstance(fact, Quantity):
        return list(fact.subjects)
    if isinstance(fact, Event):
        return [*fact.participants, *([fact.place] if fact.place else []), *([fact.name] if fact.name else [])]
    return [fact.subject, *([fact.object] if fact.object else [])]


def _date_of(fact) -> str | None:
    return fact.date if isinstance(fact, Event) else fact.time


def build_brief(store: Store, picture: Picture | None = None) -> Brief:
    """The report's content: sections of footnoted statements, series tables, timeline and appendix."""
    picture = picture or from_store(store)
    entities = store.entities()
    infra_kinds = {}
    for e in entities:
        if e.type == "infrastructure":
            kind = kind_of(e.name) or next((k for k in map(kind_of, e.aliases) if k), None)
            for n in (e.name, *e.aliases):
                infra_kinds[n] = kind
    notes = _Notes()
    sections = {title: Section(title) for title in SECTIONS}
    economy_series: set[str] = set()
    facts = sorted(picture.facts, key=lambda m: (date_key(_date_of(m.fact)), fact_text(m.fact)))
    for m in facts:
        title = _section_of(m.fact, infra_kinds)
        if title is None:
            continue
        if isinstance(m.fact, Quantity) and m.fact.indicator in ECONOMY_INDICATORS:
            economy_series.add(m.fact.indicator)
            continue   # shown as series tables below
        text = fact_text(m.fact)
        if _date_of(m.fact) and not isinstance(m.fact, Quantity):
            text = f"{_date_of(m.fact)}: {text}"
        if m.witnesses > 1:
            text += f" ({m.witnesses} independent sources)"
        sections[title].statements.append(Statement(text, notes.cite(m.fact.sources)))
    for indicator in sorted(economy_series):
        points = series(store, indicator)
        rows = [Statement(f"{p.period or 'undated'} | {p.modality} | {' / '.join(p.subjects)} | "
                          f"{p.text.split(': ', 1)[-1]} | {p.reported or ''}", notes.cite(p.sources))
                for p in points]
        sections["Economy and trade"].tables.append(SeriesTable(indicator, rows, points))
    tl = Section("Timeline", [Statement(f"{i.date}: {i.text}", notes.cite(i.sources))
                              for i in timeline(store) if i.kind == "event"])
    appendix = Section("Appendix: contradictions and flags")
    for c in picture.contradictions:
        appendix.statements.append(Statement(f"Contradiction: {c.message}", notes.cite(c.sources)))
    for ev in picture.evolutions:
        steps = "; ".join(f"{q.value:,.6g} {q.unit} (reported {d or 'undated'})" for d, q in ev.steps)
        appendix.statements.append(Statement(
            f"{ev.modality.capitalize()} for {ev.indicator.replace('_', ' ')} of {' / '.join(ev.subjects)}"
            f"{' in ' + ev.time if ev.time else ''} restated over time: {steps}",
            notes.cite([s for _, q in ev.steps for s in q.sources[:1]])))
    for f in flag_list(store):
        if f.origin == "document" and f.sources:
            appendix.statements.append(Statement(f"{f.type.replace('_', ' ')}: {f.message}",
                                                 notes.cite(f.sources[:2])))
    parts = [s for s in (*sections.values(), tl, appendix) if s.statements or s.tables]
    return Brief(title=_title(entities), documents=len(store.documents()), sections=parts, notes=notes.sources)


def _title(entities) -> str:
    """The relationship the corpus is about: its two most documented countries."""
    countries = sorted((e for e in entities if e.type == "country"), key=lambda e: (-len(e.docs), e.name))[:2]
    return " – ".join(e.name for e in countries) + " relations: brief" if countries else "Brief"


# --- rendering -------------------------------------------------------------------------------------------

def md_escape(text: str) -> str:
    """Untrusted text made inert in Markdown: markdown syntax backslash-escaped, HTML angle brackets and
    ampersands as entities (Markdown renderers pass raw HTML through)."""
    text = html.escape(text, quote=False).replace("\n", " ")
    return re.sub(r"([\\`*_\[\]|#])", r"\\\1", text)


def to_markdown(brief: Brief) -> str:
    """The brief as Markdown with footnotes (``[^n]``)."""
    lines = [f"# {md_escape(brief.title)}", "",
             f"Written from {brief.documents} documents; every statement cites its sources.", ""]
    for section in brief.sections:
        lines += [f"## {md_escape(section.title)}", ""]
        for table in section.tables:
            lines += [f"### {md_escape(table.indicator.replace('_', ' '))}", ""]
            if table.image:
                lines += [f"![{md_escape(table.indicator)}]({table.image})", ""]
            lines += ["| period | modality | subjects | value | reported | sources |", "|---|---|---|---|---|---|"]
            for row in table.rows:
                cells = [md_escape(c.strip()) for c in row.text.split(" | ")]
                lines.append("| " + " | ".join(cells) + " | " + _md_notes(row.notes) + " |")
            lines.append("")
        for st in section.statements:
            lines.append(f"- {md_escape(st.text)} {_md_notes(st.notes)}")
        lines.append("")
    for n, s in enumerate(brief.notes, 1):
        lines.append(f"[^{n}]: {md_escape(s.doc)} ({s.start}–{s.end}): “{md_escape(s.quote)}”")
    return "\n".join(lines) + "\n"


def _md_notes(numbers: list[int]) -> str:
    return "".join(f"[^{n}]" for n in numbers)


_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ brief.title }}</title>
<style>body{font-family:sans-serif;max-width:60em;margin:auto}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:2px 6px}.notes{font-size:small}</style></head><body>
<h1>{{ brief.title }}</h1>
<p>Written from {{ brief.documents }} documents; every statement cites its sources.</p>
{% for section in brief.sections %}<h2>{{ section.title }}</h2>
{% for table in section.tables %}<h3>{{ table.indicator }}</h3>
{% if table.image %}<img src="{{ table.image }}" alt="{{ table.indicator }}">{% endif %}
<table><tr><th>period</th><th>modality</th><th>subjects</th><th>value</th><th>reported</th><th>sources</th></tr>
{% for row in table.rows %}<tr>{% for cell in row.text.split(' | ') %}<td>{{ cell }}</td>{% endfor %}
<td>{% for n in row.notes %}<sup><a href="#fn{{ n }}">{{ n }}</a></sup>{% endfor %}</td></tr>
{% endfor %}</table>{% endfor %}
<ul>{% for st in section.statements %}<li>{{ st.text }}
{%- for n in st.notes %}<sup><a href="#fn{{ n }}">{{ n }}</a></sup>{% endfor %}</li>
{% endfor %}</ul>{% endfor %}
<h2>Sources</h2><ol class="notes">{% for s in brief.notes %}
<li id="fn{{ loop.index }}">{{ s.doc }} ({{ s.start }}–{{ s.end }}): “{{ s.quote }}”</li>
{% endfor %}</ol></body></html>
"""


def to_html(brief: Brief) -> str:
    """The brief as one HTML page; every value is autoescaped by Jinja2."""
    from jinja2 import Environment

    return Environment(autoescape=True).from_string(_HTML).render(brief=brief)


def write_brief(store: Store, out: Path) -> list[Path]:
    """Write the brief to ``out`` (.html for HTML, else Markdown) and a plot per series next to it."""
    brief = build_brief(store)
    written = []
    for section in brief.sections:
        for table in section.tables:
            if sum(1 for p in table.points if p.period) >= 2:
                image = out.with_name(f"{out.stem}_{table.indicator}.png")
                plot_series(table.points, image, title=table.indicator)
                table.image = image.name
                written.append(image)
    out.write_text(to_html(brief) if out.suffix.lower() in (".html", ".htm") else to_markdown(brief),
                   encoding="utf-8")
    return [out, *written]


# --- series output -----------------------------------------------------------------------------------------

def series_csv(points: list[SeriesPoint]) -> str:
    """A series as CSV: one row per figure with its sources and quotes."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["period", "indicator", "subjects", "modality", "value", "value_max", "unit", "approx",
                "reported", "sources", "quotes"])
    for p in points:
        w.writerow([p.period or "", p.indicator, "; ".join(p.subjects), p.modality, p.value,
                    "" if p.value_max is None else p.value_max, p.unit, p.approx or "", p.reported or "",
                    "; ".join(f"{s.doc}:{s.start}-{s.end}" for s in p.sources),
                    " | ".join(s.quote for s in p.sources)])
    return buf.getvalue()


def _x(period: str) -> float | None:
    """A period as a fractional year for plotting (a span at its start)."""
    y, m, d, _ = date_key(period)
    return None if y >= 10_000 else y + (max(m, 1) - 1) / 12 + max(d - 1, 0) / 365


def plot_series(points: list[SeriesPoint], path: Path, title: str = "") -> Path:
    """Draw actual figures as a solid line and targets/forecasts/estimates as dashed, hollow markers."""
    # the object-oriented API with an Agg canvas: no pyplot global state, no display needed
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7, 4))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    units = sorted({p.unit for p in points})
    for (modality, unit) in sorted({(p.modality, p.unit) for p in points}):
        xy = sorted((x, p.value) for p in points if p.modality == modality and p.unit == unit
                    and p.period and (x := _x(p.period)) is not None)
        if not xy:
            continue
        xs, ys = zip(*xy, strict=True)
        actual = modality == "actual"
        ax.plot(xs, ys, linestyle="-" if actual else "--", marker="o",
                markerfacecolor=None if actual else "none", label=f"{modality} ({unit})")
    ax.set_title(title.replace("_", " "))
    ax.set_xlabel("period")
    ax.set_ylabel(", ".join(units))
    if ax.get_legend_handles_labels()[0]:
        ax.legend()
    fig.tight_layout()
    fig.savefig(path, format="png")
    return path
