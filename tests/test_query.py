import dataclasses
import json

import pytest

from dossier.query import date_key, entity_view, flag_list, indicators, series, timeline
from dossier.records import Document, Entity, Event, Mention, Quantity, Relation, Source
from dossier.store import open_store

TEXT_A = ("Türkiye and Azerbaijan signed the Shusha Declaration on 15 June 2021. "
          "Trade reached USD 2.2 bn in 2020. Ruhsar Pekcan was Minister of Trade. "
          "The target is USD 15 bn by 2023. Leaders met on 26 May. BOTAŞ operates the TANAP pipeline.")
TEXT_B = "Trade between Turkey and Azerbaijan was USD 3.5 bn in 2020 and USD 4 bn in 2021-05."


def span(doc: Document, quote: str) -> Source:
    start = doc.text.index(quote)
    return doc.source(start, start + len(quote))


def make(name: str, text: str, published: str) -> Document:
    return Document(path=name, name=name, sha256=name, text=text, original=text, published=published)


@pytest.fixture
def store():
    s = open_store(":memory:")
    a = make("a.txt", TEXT_A, "2022-06-09")
    a.mentions = [Mention("Türkiye", 0, 7, "country", "Türkiye"),
                  Mention("Ruhsar Pekcan", *(lambda i: (i, i + 13))(TEXT_A.index("Ruhsar")), "person",
                          "Ruhsar Pekcan")]
    a.entities = [Entity("Türkiye", "country", aliases=["Turkey"]), Entity("Ruhsar Pekcan", "person"),
                  Entity("TANAP", "infrastructure"), Entity("BOTAŞ", "organization")]
    a.facts = [
        Event("agreement_signed", [span(a, "15 June 2021")], name="Shusha Declaration", date="2021-06-15",
              participants=["Azerbaijan", "Türkiye"]),
        Event("meeting", [span(a, "26 May")], date="XXXX-05-26", participants=["Türkiye"]),
        Quantity("trade_turnover", ["Azerbaijan", "Türkiye"], 2.2e9, "USD", [span(a, "USD 2.2 bn")], time="2020"),
        Quantity("trade_turnover", ["Azerbaijan", "Türkiye"], 15e9, "USD", [span(a, "USD 15 bn")], time="2023",
                 modality="target"),
        Relation("position_held", "Ruhsar Pekcan", "Minister of Trade",
                 [span(a, "Ruhsar Pekcan was Minister of Trade")], qualifiers={"of": "Türkiye"}, time="2021"),
        Relation("operator_of", "BOTAŞ", "TANAP", [span(a, "BOTAŞ operates the TANAP pipeline")]),
    ]
    b = make("b.txt", TEXT_B, "2022-01-01")
    b.entities = [Entity("Türkiye", "country", aliases=["Turkey"])]
    b.facts = [Quantity("trade_turnover", ["Türkiye", "Azerbaijan"], 3.5e9, "USD", [span(b, "USD 3.5 bn")],
                        time="2020"),
               Quantity("trade_turnover", ["Türkiye", "Azerbaijan"], 4e9, "USD", [span(b, "USD 4 bn")],
                        time="2021-05")]
    s.put_document(a)
    s.put_document(b)
    yield s
    s.close()


def test_date_key_orders_partial_dates_sensibly():
    dates = ["XXXX-05-26", "2021-06-15", "2021", "2021-05", "2020/2021", "199", "2021-06"]
    assert sorted(dates, key=date_key) == ["199", "2020/2021", "2021", "2021-05", "2021-06", "2021-06-15",
                                           "XXXX-05-26"]


def test_timeline_lists_dated_events_and_figures_in_order(store):
    items = timeline(store)
    assert [i.date for i in items] == ["2020", "2020", "2021-05", "2021-06-15", "2023", "XXXX-05-26"]
    assert {i.kind for i in items} == {"event", "quantity"}
    shusha = next(i for i in items if i.type == "agreement_signed")
    assert "Shusha Declaration" in shusha.text and shusha.sources[0].quote == "15 June 2021"


def test_timeline_filters_by_type_period_and_entity(store):
    assert [i.type for i in timeline(store, types=["agreement_signed"])] == ["agreement_signed"]
    assert [i.date for i in timeline(store, start="2021", end="2021")] == ["2021-05", "2021-06-15"]
    # "Turkey" is an alias of Türkiye; the undated-year meeting names only Türkiye
    assert "XXXX-05-26" in [i.date for i in timeline(store, entity="turkey")]
    assert [i.type for i in timeline(store, entity="Shusha")] == ["agreement_signed"]


def test_entity_view_resolves_aliases_and_collects_facts(store):
    view = entity_view(store, "TURKEY")
    assert view is not None and view.name == "Türkiye" and view.type == "country"
    assert view.aliases == ["Turkey"] and view.docs == ["a.txt", "b.txt"]
    assert len(view.figures) == 4 and len(view.events) == 2
    person = entity_view(store, "Ruhsar Pekcn")   # fuzzy fallback
    assert person is not None and person.name == "Ruhsar Pekcan" and person.mentions == 1
    [post] = person.posts
    assert post.date == "2021" and "Minister of Trade" in post.text
    infra = entity_view(store, "TANAP")
    assert infra is not None and [v.type for v in infra.infrastructure] == ["operator_of"]
    assert entity_view(store, "Atlantis") is None
    json.dumps(dataclasses.asdict(view))


def test_series_orders_by_period_with_modality_and_reporting_date(store):
    points = series(store, "trade_turnover", ["Turkey", "Azerbaijan"])
    assert [(p.period, p.value, p.modality) for p in points] == [
        ("2020", 3.5e9, "actual"), ("2020", 2.2e9, "actual"), ("2021-05", 4e9, "actual"), ("2023", 15e9, "target")]
    # within a period, by reporting date
    assert [p.reported for p in points[:2]] == ["2022-01-01", "2022-06-09"] and points[-1].sources[0].doc == "a.txt"
    assert series(store, "trade_turnover", ["Georgia"]) == []
    assert indicators(store) == [("trade_turnover", ["Azerbaijan", "Türkiye"], 2),
                                 ("trade_turnover", ["Türkiye", "Azerbaijan"], 2)]


def test_flag_list_includes_contradictions_citing_both_sides(store):
    [c] = [f for f in flag_list(store) if f.type == "contradiction"]
    assert {s.doc for s in c.sources} == {"a.txt", "b.txt"} and c.origin == "consolidation"
    json.dumps([dataclasses.asdict(f) for f in flag_list(store)])


def test_views_are_read_once_per_version_of_the_store_and_never_stale(store):
    from dossier.query import all_facts, contradictions

    first = all_facts(store)
    assert all_facts(store) is first                    # nothing changed: the same read
    assert contradictions(store)                        # TEXT_A and TEXT_B disagree on 2020 trade
    c = make("c.txt", "Nothing here.", "2022-02-02")
    c.facts = [Event("meeting", [span(c, "Nothing")], date="2022-02-02", participants=["Türkiye"])]
    store.put_document(c)
    assert len(all_facts(store)) == len(first) + 1      # a new document: read again
    store.delete_document("b.txt")
    assert not contradictions(store)                    # the other side is gone: the merge is redone
    store.put_document(dataclasses.replace(c, facts=[]))  # replaced in place, same name and count
    assert len(all_facts(store)) == len([f for f in first if f.sources[0].doc == "a.txt"])


def test_views_are_shared_by_connections_to_one_database_file(tmp_path):
    from dossier.query import all_facts

    path = str(tmp_path / "kb.db")
    first = open_store(path)
    doc = make("a.txt", TEXT_B, "2022-01-01")
    doc.facts = [Quantity("trade_turnover", ["Azerbaijan", "Türkiye"], 3.5e9, "USD", [span(doc, "USD 3.5 bn")])]
    first.put_document(doc)
    facts = all_facts(first)
    first.close()
    second = open_store(path)           # the web app opens one connection per request
    assert all_facts(second) is facts
    second.put_document(make("b.txt", "Another text.", "2022-01-02"))
    assert all_facts(second) is not facts
    second.close()
