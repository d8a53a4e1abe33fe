"""The picture commands (timeline, entity, series, flags, brief) on a small hand-made knowledge base,
and once over the seed corpus together with the real articles."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dossier.cli import app
from dossier.records import Document, Entity, Event, Quantity, Relation
from dossier.store import open_store

runner = CliRunner()
SEEDS = Path(__file__).resolve().parents[1] / "demo" / "corpus"
REAL = Path("/work/shared/corpus/real")
HOSTILE = "[bold red]Evil[/bold red] <b>x</b>"
TEXT_A = f"Trade was USD 2.2 bn in 2020. {HOSTILE} met in Baku on 10 May 2021. Ruhsar Pekcan was Minister."
TEXT_B = "Trade was USD 3.5 bn in 2020."


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "kb.db")
    store = open_store(path)
    a = Document(path="a.txt", name="a.txt", sha256="a", text=TEXT_A, original=TEXT_A, published="2022-06-09")
    a.entities = [Entity("Türkiye", "country", aliases=["Turkey"]), Entity("Ruhsar Pekcan", "person")]
    a.facts = [Quantity("trade_turnover", ["Azerbaijan", "Türkiye"], 2.2e9, "USD", [a.source(10, 28)], time="2020"),
               Event("meeting", [a.source(30, 90)], name=HOSTILE, date="2021-05-10", participants=["Türkiye"]),
               Relation("position_held", "Ruhsar Pekcan", "Minister", [a.source(91, len(TEXT_A))],
                        qualifiers={"of": "Türkiye"}, time="2021")]
    b = Document(path="b.txt", name="b.txt", sha256="b", text=TEXT_B, original=TEXT_B, published="2022-01-01")
    b.facts = [Quantity("trade_turnover", ["Azerbaijan", "Türkiye"], 3.5e9, "USD", [b.source(10, 28)], time="2020")]
    store.put_document(a)
    store.put_document(b)
    store.close()
    return path


def run(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_timeline_table_and_json(db):
    table = run("timeline", "--db", db)
    assert "2020" in table and "2021-05-10" in table and table.index("2020") < table.index("2021-05-10")
    assert "[bold" in table   # article text is printed literally, never read as Rich markup
    items = json.loads(run("timeline", "--db", db, "--json", "--type", "meeting"))
    assert [i["date"] for i in items] == ["2021-05-10"] and items[0]["sources"][0]["doc"] == "a.txt"
    assert json.loads(run("timeline", "--db", db, "--json", "--from", "2021")) == items


def test_entity_shows_posts_and_fails_on_unknown_names(db):
    assert "Minister" in run("entity", "ruhsar pekcan", "--db", db)
    view = json.loads(run("entity", "TURKEY", "--db", db, "--json"))
    assert view["name"] == "Türkiye" and len(view["figures"]) == 2
    result = runner.invoke(app, ["entity", "Atlantis", "--db", db])
    assert result.exit_code == 1 and "no entity" in result.output


def test_series_prints_csv_and_plot(db, tmp_path):
    assert "trade_turnover" in run("series", "--db", db)     # no indicator: the menu
    csv_text = run("series", "trade_turnover", "--db", db, "--subjects", "Azerbaijan", "Turkey", "--csv", "-")
    assert csv_text.splitlines()[0].startswith("period,") and len(csv_text.splitlines()) == 3
    png = tmp_path / "s.png"
    run("series", "trade_turnover", "--db", db, "--plot", str(png))
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_flags_lists_the_contradiction_with_both_sides(db):
    items = json.loads(run("flags", "--db", db, "--json"))
    [c] = [i for i in items if i["type"] == "contradiction"]
    assert {s["doc"] for s in c["sources"]} == {"a.txt", "b.txt"}
    assert "contradiction" in run("flags", "--db", db)


def test_export_carries_contradictions_as_flags(db):
    records = [json.loads(line) for line in run("export", "--db", db, "--format", "facts").splitlines()]
    [flag] = [r for r in records if r["kind"] == "flag" and r["type"] == "contradiction"]
    assert {s["doc"] for s in flag["sources"]} == {"a.txt", "b.txt"}


def test_brief_writes_markdown_and_html(db, tmp_path):
    run("brief", "--db", db, "--out", str(tmp_path / "b.md"))
    run("brief", "--db", db, "--out", str(tmp_path / "b.html"))
    assert "[^1]" in (tmp_path / "b.md").read_text(encoding="utf-8")
    assert "<b>x</b>" not in (tmp_path / "b.html").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> str:
    """Seeds and real articles together, ingested once."""
    if not REAL.is_dir():
        pytest.skip(f"{REAL} is not here")
    db = str(tmp_path_factory.mktemp("corpus") / "kb.db")
    result = runner.invoke(app, ["ingest", "--db", db, str(SEEDS), str(REAL)])
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.slow
def test_picture_commands_over_seeds_and_real_articles(corpus_db, tmp_path):
    assert len(json.loads(run("timeline", "--db", corpus_db, "--json"))) > 50
    assert json.loads(run("entity", "Azerbaijan", "--db", corpus_db, "--json"))["events"]
    assert "actual" in run("series", "trade_turnover", "--db", corpus_db, "--csv", "-")
    assert len(json.loads(run("flags", "--db", corpus_db, "--json"))) > 10
    run("brief", "--db", corpus_db, "--out", str(tmp_path / "brief.html"))
    page = (tmp_path / "brief.html").read_text(encoding="utf-8")
    assert "Economy and trade" in page and "<script" not in page.lower()
