import csv
import io
import json

import pytest

from dossier.export import export_csv, export_facts
from dossier.records import Document, Entity, Event, Flag, Mention, Quantity, Relation, Repair
from dossier.store import open_store

TEXT = ("Türkiye and Azerbaijan signed the Shusha Declaration on 15 June 2021. "
        "Trade reached USD 2.2 bn in 2020. Rushar Pekcan was Minister of Trade.")


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def build(name: str, text: str, duplicate_of: str | None = None) -> Document:
    """A document with one fact of each kind and a flag, each citing its own text."""
    doc = Document(path=name, name=name, sha256=name, text=text, original=text, title=f"Title of {name}",
                   author="A. Writer", published="2021-06-16", publisher="Daily", language="en",
                   duplicate_of=duplicate_of)
    doc.repairs = [Repair("boilerplate", "Subscribe now", 0, 13)]
    doc.mentions = [Mention("Türkiye", *span(text, "Türkiye"), "country", "Türkiye"),
                    Mention("Azerbaijan", *span(text, "Azerbaijan"), "country", "Azerbaijan")]
    doc.entities = [Entity("Türkiye", "country", aliases=["Turkey", "Republic of Turkey"])]
    doc.facts = [
        Quantity("trade_turnover", ["Azerbaijan", "Türkiye"], 2.2e9, "USD", [doc.source(*span(text, "USD 2.2 bn"))],
                 time="2020"),
        Event("agreement_signed", [doc.source(*span(text, "15 June 2021"))], name="Shusha Declaration",
              date="2021-06-15", participants=["Azerbaijan", "Türkiye"], place="Shusha"),
        Relation("position_held", "Ruhsar Pekcan", "Minister of Trade",
                 [doc.source(*span(text, "Rushar Pekcan was Minister of Trade"))], qualifiers={"of": "Türkiye"}),
    ]
    doc.flags = [Flag("misspelled_name", "Ruhsar Pekcan", "'Rushar Pekcan' is likely a misspelling",
                      [doc.source(*span(text, "Rushar Pekcan"))])]
    return doc


@pytest.fixture
def store():
    s = open_store(":memory:")
    s.put_document(build("b.txt", TEXT, duplicate_of="a.txt"))
    s.put_document(build("a.txt", TEXT))
    yield s
    s.close()


def test_export_facts_writes_one_contract_record_per_line(store):
    out = io.StringIO()
    n = export_facts(store, out)
    lines = out.getvalue().splitlines()
    records = [json.loads(line) for line in lines]
    # the same fact in the two documents is one record citing both
    assert n == len(records) == 2 + 2 + 3 + 2
    kinds = [r["kind"] for r in records]
    # documents, then entities, then facts kind by kind, then flags
    assert kinds == ["document"] * 2 + ["entity"] * 2 + ["quantity", "event", "relation"] + ["flag"] * 2
    assert [r["doc"] for r in records[:2]] == ["a.txt", "b.txt"]
    assert records[1]["duplicate_of"] == "a.txt" and records[1]["text"] == TEXT
    assert set(records[0]) >= {"title", "author", "published", "publisher", "language", "text"}
    turkiye = next(r for r in records if r["kind"] == "entity" and r["name"] == "Türkiye")
    assert turkiye == {"kind": "entity", "name": "Türkiye", "type": "country",
                       "aliases": ["Republic of Turkey", "Turkey"], "docs": ["a.txt", "b.txt"]}
    quantity = next(r for r in records if r["kind"] == "quantity")
    assert (quantity["indicator"], quantity["value"], quantity["unit"], quantity["time"]) == \
        ("trade_turnover", 2.2e9, "USD", "2020")
    source, copy = quantity["sources"]
    assert (source["doc"], copy["doc"]) == ("a.txt", "b.txt")
    assert quantity["witnesses"] == 1   # b.txt is a near-duplicate of a.txt: one witness
    assert TEXT[source["start"]:source["end"]] == source["quote"] == "USD 2.2 bn"
    assert "Türkiye" in out.getvalue()  # written as UTF-8, not \\u escapes


def test_export_facts_is_deterministic(store):
    first, second = io.StringIO(), io.StringIO()
    export_facts(store, first)
    export_facts(store, second)
    assert first.getvalue() == second.getvalue()


def test_export_of_an_empty_knowledge_base_is_empty():
    s = open_store(":memory:")
    out = io.StringIO()
    assert export_facts(s, out) == 0 and out.getvalue() == ""
    s.close()


def test_export_csv_writes_one_file_per_kind_with_headers(store, tmp_path):
    folder = tmp_path / "out" / "csv"
    paths = export_csv(store, folder)
    assert [p.name for p in paths] == ["documents.csv", "entities.csv", "quantities.csv", "events.csv",
                                       "relations.csv", "flags.csv"]

    def read(name: str) -> list[dict[str, str]]:
        with (folder / name).open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))

    docs = read("documents.csv")
    assert [d["doc"] for d in docs] == ["a.txt", "b.txt"]
    assert docs[0]["chars"] == str(len(TEXT)) and "text" not in docs[0]
    assert docs[1]["duplicate_of"] == "a.txt"
    entities = {e["name"]: e for e in read("entities.csv")}
    assert entities["Türkiye"]["aliases"] == "Republic of Turkey; Turkey"
    assert entities["Türkiye"]["docs"] == "a.txt; b.txt"
    quantity = read("quantities.csv")[0]
    start, end = span(TEXT, "USD 2.2 bn")
    assert quantity["sources"] == f"a.txt:{start}-{end}; b.txt:{start}-{end}"
    assert quantity["subjects"] == "Azerbaijan; Türkiye" and float(quantity["value"]) == 2.2e9
    relation = read("relations.csv")[0]
    assert json.loads(relation["qualifiers"]) == {"of": "Türkiye"}
    assert read("events.csv")[0]["participants"] == "Azerbaijan; Türkiye"
    assert read("flags.csv")[0]["quotes"] == "Rushar Pekcan"


def test_export_csv_of_an_empty_knowledge_base_writes_headers_only(tmp_path):
    s = open_store(":memory:")
    paths = export_csv(s, tmp_path)
    s.close()
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 1 and lines[0].split(",")[0]
