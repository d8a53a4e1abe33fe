import re

import pytest

from dossier.brief import build_brief, md_escape, series_csv, to_html, to_markdown, write_brief
from dossier.query import series
from dossier.records import Document, Entity, Event, Flag, Quantity, Relation, Source
from dossier.store import open_store

HOSTILE = "<script>alert(1)</script>"
TEXT = (f"Türkiye and Azerbaijan signed the Shusha Declaration on 15 June 2021. Trade reached USD 2.2 bn in 2020 "
        f"and USD 3 bn in 2021; the target is USD 15 bn. {HOSTILE} was Minister of Trade. "
        "The Kars railway opened in 2017. Gas supply was 6 bcm in 2020. They held a military exercise in 2021.")


def span(doc: Document, quote: str) -> Source:
    start = doc.text.index(quote)
    return doc.source(start, start + len(quote))


@pytest.fixture
def store():
    s = open_store(":memory:")
    d = Document(path="a.txt", name="a.txt", sha256="a", text=TEXT, original=TEXT, published="2022-06-09")
    d.entities = [Entity("Türkiye", "country"), Entity("Azerbaijan", "country"),
                  Entity("Kars railway", "infrastructure")]
    d.facts = [
        Event("agreement_signed", [span(d, "15 June 2021")], name="Shusha Declaration", date="2021-06-15",
              participants=["Azerbaijan", "Türkiye"]),
        Quantity("trade_turnover", ["Azerbaijan", "Türkiye"], 2.2e9, "USD", [span(d, "USD 2.2 bn in 2020")],
                 time="2020"),
        Quantity("trade_turnover", ["Azerbaijan", "Türkiye"], 3e9, "USD", [span(d, "USD 3 bn in 2021")], time="2021"),
        Quantity("trade_turnover", ["Azerbaijan", "Türkiye"], 15e9, "USD", [span(d, "USD 15 bn")],
                 modality="target"),
        Quantity("gas_supply", ["Azerbaijan", "Türkiye"], 6, "bcm", [span(d, "6 bcm in 2020")], time="2020"),
        Relation("position_held", HOSTILE, "Minister of Trade", [span(d, f"{HOSTILE} was Minister of Trade")]),
        Event("opening", [span(d, "The Kars railway opened in 2017")], name="Kars railway", date="2017"),
        Event("military_exercise", [span(d, "military exercise in 2021")], date="2021",
              participants=["Azerbaijan", "Türkiye"]),
    ]
    d.flags = [Flag("missing_metadata", "document", f"no author {HOSTILE}", [d.source(0, 7)])]
    s.put_document(d)
    yield s
    s.close()


def test_brief_sorts_facts_into_sections_by_what_they_are(store):
    brief = build_brief(store)
    titles = [s.title for s in brief.sections]
    assert titles == ["Politics and treaties", "Economy and trade", "Energy", "Transport", "Defence",
                      "Key people", "Timeline", "Appendix: contradictions and flags"]
    economy = brief.sections[1]
    assert [t.indicator for t in economy.tables] == ["trade_turnover"] and len(economy.tables[0].rows) == 3
    assert "Kars railway" in brief.sections[3].statements[0].text
    assert brief.title.startswith(("Azerbaijan", "Türkiye"))


def test_every_statement_of_the_markdown_brief_is_footnoted(store):
    md = to_markdown(build_brief(store))
    body, _, notes = md.partition("\n[^1]:")
    lines = [ln for ln in body.splitlines() if ln.startswith(("- ", "| ")) and not ln.startswith("| period")]
    assert len(lines) >= 9
    for line in lines:
        assert re.search(r"\[\^\d+\]", line), line
    cited = {int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", body)}
    defined = {int(n) for n in re.findall(r"^\[\^(\d+)\]:", "[^1]:" + notes, flags=re.M)}
    assert cited == defined
    assert "15 June 2021" in notes


def test_hostile_text_is_escaped_in_markdown_and_html(store):
    brief = build_brief(store)
    md, page = to_markdown(brief), to_html(brief)
    assert HOSTILE not in md and HOSTILE not in page
    assert "&lt;script&gt;" in md and "&lt;script&gt;" in page
    assert md_escape("a [link](x) *b*") == r"a \[link\](x) \*b\*"


def test_write_brief_writes_markdown_or_html_with_a_plot_per_series(store, tmp_path):
    written = write_brief(store, tmp_path / "brief.md")
    assert written[0].read_text(encoding="utf-8").startswith("# ")
    png = tmp_path / "brief_trade_turnover.png"
    assert png in written and png.read_bytes()[:4] == b"\x89PNG"
    assert "](brief_trade_turnover.png)" in written[0].read_text(encoding="utf-8")
    page = write_brief(store, tmp_path / "brief.html")[0].read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and '<img src="brief_trade_turnover.png"' in page


def test_series_csv_has_a_row_per_point_with_quotes(store):
    rows = series_csv(series(store, "trade_turnover")).splitlines()
    assert rows[0].startswith("period,indicator") and len(rows) == 4
    assert "USD 2.2 bn in 2020" in rows[1]
