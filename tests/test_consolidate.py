import pytest

from dossier.consolidate import consistent, consolidate
from dossier.records import Event, Quantity, Relation, Source


def src(doc: str, start: int = 0, quote: str = "q") -> Source:
    return Source(doc=doc, start=start, end=start + len(quote), quote=quote)


def fig(value: float, doc: str, time: str | None = "2020", modality: str = "actual", approx: str | None = None,
        subjects=("Azerbaijan", "Türkiye"), indicator: str = "trade_turnover") -> Quantity:
    return Quantity(indicator, list(subjects), value, "USD", [src(doc, quote=f"USD {value}")], time=time,
                    modality=modality, approx=approx)


def test_the_same_fact_from_two_documents_is_one_fact_citing_both():
    picture = consolidate([fig(2.2e9, "a.txt"), fig(2.2e9, "b.txt"), fig(3e9, "a.txt", time="2021")])
    [both] = [m for m in picture.facts if m.fact.time == "2020"]
    assert [s.doc for s in both.fact.sources] == ["a.txt", "b.txt"]
    assert both.docs == ["a.txt", "b.txt"] and both.witnesses == 2
    assert len(picture.facts) == 2


def test_events_merge_by_identity_too():
    e = [Event("agreement_signed", [src(d)], name="Shusha Declaration", date="2021-06-15",
               participants=["Azerbaijan", "Türkiye"]) for d in ("a.txt", "b.txt")]
    [merged] = consolidate(e).facts
    assert len(merged.fact.sources) == 2


def test_undated_sayings_or_meetings_of_the_same_people_stay_apart_but_a_war_merges():
    said = [Event("statement", [src(d)], participants=["Dmitry Peskov"]) for d in ("a.txt", "b.txt")]
    assert len(consolidate(said).facts) == 2
    war = [Event("war", [src(d)], participants=["Iran", "Israel"]) for d in ("a.txt", "b.txt")]
    assert len(consolidate(war).facts) == 1


def test_counts_of_different_things_do_not_merge():
    def count(label: str, doc: str) -> Quantity:
        return Quantity("count", ["Armenia", "Azerbaijan"], 3, "count", [src(doc, quote=f"three {label}")],
                        label=label)
    merged = consolidate([count("tanks", "a.txt"), count("states", "b.txt"), count("tanks", "c.txt")]).facts
    assert sorted((m.fact.label, m.docs) for m in merged) == [("states", ["b.txt"]), ("tanks", ["a.txt", "c.txt"])]


def test_near_duplicate_documents_count_as_one_witness():
    picture = consolidate([fig(2.2e9, "a.txt"), fig(2.2e9, "copy.txt"), fig(2.2e9, "copy2.txt")],
                          duplicate_of={"copy.txt": "a.txt", "copy2.txt": "copy.txt"})
    [merged] = picture.facts
    assert len(merged.docs) == 3 and merged.witnesses == 1


def test_actual_figures_for_the_same_period_that_differ_are_a_contradiction():
    a, b = fig(2.2e9, "a.txt"), fig(3.1e9, "b.txt")
    [c] = consolidate([a, b]).contradictions
    assert (c.indicator, c.time) == ("trade_turnover", "2020")
    assert {s.doc for s in c.sources} == {"a.txt", "b.txt"}
    flag = c.to_flag()
    assert flag.type == "contradiction" and {s.doc for s in flag.sources} == {"a.txt", "b.txt"}


def test_subject_order_does_not_hide_a_contradiction_of_a_symmetric_indicator():
    a, b = fig(2.2e9, "a.txt"), fig(3.1e9, "b.txt", subjects=("Türkiye", "Azerbaijan"))
    assert len(consolidate([a, b]).contradictions) == 1


def test_a_difference_within_rounding_is_no_contradiction():
    assert consolidate([fig(2.2e9, "a.txt"), fig(2.23e9, "b.txt")]).contradictions == []


@pytest.mark.parametrize(("a", "b", "ok"), [
    ((2.0e9, "about"), (2.15e9, None), True),       # "about 2 bn" covers 2.15 bn
    ((2.0e9, "more than"), (2.6e9, None), True),    # "more than 2 bn" and 2.6 bn agree
    ((2.0e9, "more than"), (1.5e9, None), False),   # but not 1.5 bn
    ((3.0e9, "up to"), (2.0e9, None), True),
    ((2.0e9, None), (2.5e9, None), False),
])
def test_approximate_figures_explain_differences(a, b, ok):
    qa, qb = fig(a[0], "a.txt", approx=a[1]), fig(b[0], "b.txt", approx=b[1])
    assert consistent(qa, qb) is ok
    assert (consolidate([qa, qb]).contradictions == []) is ok


def test_figures_as_of_different_dates_are_a_series_not_a_conflict():
    picture = consolidate([fig(2.2e9, "a.txt", time="2020"), fig(3.1e9, "b.txt", time="2021"),
                           fig(4e9, "c.txt", time=None), fig(5e9, "d.txt", time=None)])
    assert picture.contradictions == []


def test_a_target_restated_later_is_an_evolution_not_a_contradiction():
    old, new = fig(15e9, "old.txt", modality="target", time="2023"), fig(10e9, "new.txt", modality="target",
                                                                         time="2023")
    picture = consolidate([new, old], published={"old.txt": "2018-01-10", "new.txt": "2022-06-09"})
    assert picture.contradictions == []
    [ev] = picture.evolutions
    assert [(d, q.value) for d, q in ev.steps] == [("2018-01-10", 15e9), ("2022-06-09", 10e9)]
    assert ev.modality == "target" and len(picture.facts) == 2   # both kept


def test_one_document_disagreeing_with_itself_is_not_two_sources():
    assert consolidate([fig(2.2e9, "a.txt"), fig(3.1e9, "a.txt")]).contradictions == []


def test_a_copy_disagreeing_with_its_original_is_still_reported_only_across_witnesses():
    picture = consolidate([fig(2.2e9, "a.txt"), fig(3.1e9, "copy.txt")], duplicate_of={"copy.txt": "a.txt"})
    assert picture.contradictions == []


def test_plain_counts_of_the_same_label_are_not_compared():
    a = fig(30_000, "a.txt", indicator="count", time="1994")
    b = fig(1_000_000, "b.txt", indicator="count", time="1994")
    assert consolidate([a, b]).contradictions == []


def opened(date: str, doc: str, name: str = "Prut Gas Line") -> Event:
    return Event("opening", [src(doc, quote=f"opened {date}")], name=name, date=date)


@pytest.mark.parametrize("a, b, flagged", [
    ("2014-08", "2015", True),          # two years: one of them is wrong
    ("2014", "2014-08-27", False),      # one date told more exactly than the other
])
def test_two_documents_dating_one_opening_differently_contradict(a, b, flagged):
    picture = consolidate([opened(a, "a.txt"), opened(b, "b.txt")])
    found = [c.to_flag() for c in picture.contradictions]
    assert bool(found) == flagged
    if flagged:
        assert found[0].about == "Prut Gas Line" and {s.doc for s in found[0].sources} == {"a.txt", "b.txt"}


def test_one_document_dating_an_opening_twice_is_no_contradiction_between_sources():
    picture = consolidate([opened("2014", "a.txt"), opened("2016", "a.txt")])
    assert picture.contradictions == []


def test_recognitions_by_different_states_at_different_dates_are_no_contradiction():
    rec = [Event("recognition", [src("a.txt")], date="1991-08-27", participants=["Romania", "Moldova"]),
           Event("recognition", [src("b.txt")], date="1991-12-25", participants=["Ukraine", "Moldova"]),
           Event("recognition", [src("c.txt")], date="1992-03", participants=["Romania", "Moldova"])]
    [c] = consolidate(rec).contradictions
    assert "Moldova recognised by Romania" in c.message


def post(person: str, title: str, doc: str, of: str | None = None, time: str | None = None) -> Relation:
    return Relation("position_held", person, title, [src(doc, quote=f"{title} {person}")],
                    qualifiers={"of": of} if of else {}, time=time)


def test_a_post_without_its_state_takes_the_one_another_document_gives():
    picture = consolidate([post("Ion Rusu", "President", "a.txt", time="2024"),
                           post("Ion Rusu", "president", "b.txt", of="Moldova")])
    placed = [m.fact for m in picture.facts if m.docs == ["a.txt"]]
    assert [(f.qualifiers, f.time) for f in placed] == [({"of": "Moldova", "of_told_in": "b.txt"}, "2024")]
    assert [s.doc for f in placed for s in f.sources] == ["a.txt"]   # it cites its own sentence only


@pytest.mark.parametrize("others", [
    [],                                                                            # no document tells
    [post("Ion Rusu", "President", "b.txt", of="Moldova"), post("Ion Rusu", "President", "c.txt", of="Romania")],
    [post("Ion Rusu", "Prime Minister", "b.txt", of="Moldova")],                   # another title
])
def test_a_post_no_other_document_places_alone_is_left_out(others):
    picture = consolidate([post("Ion Rusu", "President", "a.txt"), *others])
    assert not [m for m in picture.facts if "a.txt" in m.docs]


def test_a_post_with_its_own_remit_needs_no_state():
    picture = consolidate([post("Ion Rusu", "Commissioner for Energy", "a.txt")])
    assert [m.fact.qualifiers for m in picture.facts] == [{}]
