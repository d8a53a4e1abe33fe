"""Events read from the parse: one small made-up sentence per case.

Mentions and times are given by hand, so these tests exercise the event reader
alone (the entity and time readers have their own tests).
"""

from __future__ import annotations

import re

import pytest
import spacy

from dossier.extract import events, nlp
from dossier.extract import patterns as P
from dossier.extract.context import Context, TimeExpr
from dossier.records import Document, Mention


def make_context(model, text: str, mentions=(), times=(), published: str | None = None) -> Context:
    """A context over ``text``: ``mentions`` are (surface, type, canonical[, form]) found wherever
    the surface occurs (longest first, no overlaps); ``times`` are (surface, value[, end])."""
    doc = Document(path="t.txt", name="t.txt", text=text, published=published)
    ctx = Context(doc=doc, sp=model(text))
    taken: list[tuple[int, int]] = []
    found = []
    for surface, typ, canonical, *form in sorted(mentions, key=lambda m: -len(m[0])):
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(Mention(surface, m.start(), m.end(), typ, canonical, form[0] if form else "name"))
    ctx.mentions = sorted(found, key=lambda m: m.start)
    for surface, value, *end in times:
        for m in re.finditer(re.escape(surface), text):
            ctx.times.append(TimeExpr(surface, m.start(), m.end(), value, end[0] if end else None))
    ctx.times.sort(key=lambda t: t.start)
    return ctx


@pytest.fixture(scope="module")
def model():
    return nlp.load()


def find(model, text, mentions=(), times=(), published=None):
    return events.find_events(make_context(model, text, mentions, times, published))


def persons(*names: str) -> list[tuple[str, str, str]]:
    """Person mentions given by hand: each name its own canonical form."""
    return [(n, "person", n) for n in names]


def one(found, type_):
    hits = [e for e in found if e.type == type_]
    assert len(hits) == 1, found
    return hits[0]


# --- without the model ----------------------------------------------------------------------

@pytest.mark.parametrize("words, rank", [
    ("the second biggest supplier", 2), ("its largest partner", 1), ("the No.1 position", 1),
    ("the 3rd place", 3), ("an important supplier", None)])
def test_ordinal_of_reads_ranks(words, rank):
    doc = spacy.blank("en")(words)
    assert P.ordinal_of(list(doc)) == rank


@pytest.mark.parametrize("name, kind", [
    ("Central Asian Defence Expo", "exhibition"), ("Steppe Shield exercise", "military_exercise"),
    ("Transnistria War", "war"), ("Astana Summit", "meeting"), ("Danube Accord", None)])
def test_event_kind_from_name(name, kind):
    assert events._event_kind(name) == kind


# --- with the model -------------------------------------------------------------------------

COUNTRIES = [("Georgia", "country", "Georgia"), ("Armenia", "country", "Armenia"),
             ("Moldova", "country", "Moldova"), ("Romania", "country", "Romania"),
             ("Kazakhstan", "country", "Kazakhstan"), ("Uzbekistan", "country", "Uzbekistan"),
             ("Kyrgyzstan", "country", "Kyrgyzstan"), ("Ukraine", "country", "Ukraine"),
             ("Russia", "country", "Russia"), ("Iran", "country", "Iran")]


@pytest.mark.model
def test_signing_is_dated_placed_and_has_signatories(model):
    text = "On 3 March 2019, Georgia and Armenia signed the Tbilisi Accord in Yerevan."
    e = one(find(model, text, COUNTRIES + [("Tbilisi Accord", "agreement", "Tbilisi Accord"),
                                            ("Yerevan", "place", "Yerevan")],
                 [("3 March 2019", "2019-03-03")]), "agreement_signed")
    assert (e.name, e.date, e.place) == ("Tbilisi Accord", "2019-03-03", "Yerevan")
    assert {"Georgia", "Armenia"} <= set(e.participants)
    assert "signed the Tbilisi Accord" in e.sources[0].quote


@pytest.mark.model
def test_two_signings_in_one_sentence_keep_their_own_dates(model):
    text = "Kazakhstan signed a transit agreement in 2015 and a customs agreement in May 2018."
    found = find(model, text, COUNTRIES, [("2015", "2015"), ("May 2018", "2018-05")])
    dates = {e.name: e.date for e in found if e.type == "agreement_signed"}
    assert dates == {"transit agreement": "2015", "customs agreement": "2018-05"}


@pytest.mark.model
def test_entry_into_force_is_dated_apart_from_the_signing(model):
    text = "In 2016 Moldova signed the Black Sea Fisheries Accord (effective since 1 January 2017)."
    found = find(model, text, COUNTRIES + [("Black Sea Fisheries Accord", "agreement", "Black Sea Fisheries Accord")],
                 [("2016", "2016"), ("1 January 2017", "2017-01-01")])
    assert one(found, "agreement_signed").date == "2016"
    force = one(found, "agreement_in_force")
    assert (force.name, force.date) == ("Black Sea Fisheries Accord", "2017-01-01")


@pytest.mark.model
def test_enters_into_force(model):
    text = "The Caspian Transit Treaty entered into force on 1 July 2020."
    e = one(find(model, text, [("Caspian Transit Treaty", "agreement", "Caspian Transit Treaty")],
                 [("1 July 2020", "2020-07-01")]), "agreement_in_force")
    assert (e.name, e.date) == ("Caspian Transit Treaty", "2020-07-01")


@pytest.mark.parametrize("text", [
    "The customs agreement, signed on 4 May 2019 and in force since 1 June 2020, cut tariffs on wine.",
    "The customs agreement between Georgia and Armenia has been in force since 1 June 2020.",
    "Georgia and Armenia signed a customs agreement, which has been in force since 1 June 2020.",
])
@pytest.mark.model
def test_in_force_since_a_time_is_the_entry_into_force(model, text):
    found = find(model, text, COUNTRIES, [("4 May 2019", "2019-05-04"), ("1 June 2020", "2020-06-01")])
    e = one(found, "agreement_in_force")
    assert (e.name.startswith("customs agreement"), e.date) == (True, "2020-06-01")
    assert e.participants == ([] if text.startswith("The customs agreement,") else ["Georgia", "Armenia"])


@pytest.mark.model
def test_in_force_without_a_start_or_an_agreement_is_not_an_entry_into_force(model):
    when = [("1 June 2020", "2020-06-01")]
    assert not find(model, "The curfew has been in force since 1 June 2020.", COUNTRIES, when)
    assert not find(model, "The customs agreement remains in force.", COUNTRIES)


@pytest.mark.model
def test_the_meeting_the_next_sentence_tells_of_is_the_one_before_with_its_attendees(model):
    text = ("Leaders of the Vestra Council met in Iasi on Saturday for an informal summit, their first gathering "
            "in the city. Ion Rusu hosted the meeting, which was attended by Ana Lind and Mehmet Kaya.")
    found = find(model, text, [("Vestra Council", "organization", "Vestra Council"), ("Iasi", "place", "Iasi")]
                 + persons("Ion Rusu", "Ana Lind", "Mehmet Kaya"), [("on Saturday", "2024-07-06")])
    e = one(found, "meeting")
    assert (set(e.participants), e.place, e.date) == (
        {"Vestra Council", "Ion Rusu", "Ana Lind", "Mehmet Kaya"}, "Iasi", "2024-07-06")
    text = ("Iasi hosted a summit of the Vestra Council in May 2024. Ion Rusu attended the second meeting of the "
            "Prut Commission.")
    found = find(model, text, [("Vestra Council", "organization", "Vestra Council"), ("Iasi", "place", "Iasi"),
                               ("Prut Commission", "organization", "Prut Commission")] + persons("Ion Rusu"),
                 [("May 2024", "2024-05")])
    assert "Ion Rusu" not in next(e for e in found if e.date == "2024-05").participants


@pytest.mark.model
def test_the_summit_attended_in_the_next_sentence_is_the_named_one_told_before(model):
    # (the council is no participant apart from its name: the summit is told with none)
    text = ("The 5th Summit of the Vestra Council was held in Iasi on Friday.\n\n"
            "Ion Rusu, Ana Lind and Mehmet Kaya attended the summit.")
    found = find(model, text, [("Iasi", "place", "Iasi")] + persons("Ion Rusu", "Ana Lind", "Mehmet Kaya"),
                 [("on Friday", "2023-11-03")])
    e = one(found, "meeting")
    assert {"Ion Rusu", "Ana Lind", "Mehmet Kaya"} <= set(e.participants)
    assert (e.place, e.date) == ("Iasi", "2023-11-03") and "Vestra Council" in e.name


@pytest.mark.model
def test_recognition_on_that_day_takes_the_previous_date(model):
    text = "Kyrgyzstan declared independence on 31 August 1991. On that day, Kazakhstan recognized Kyrgyzstan."
    found = find(model, text, COUNTRIES, [("31 August 1991", "1991-08-31")])
    rec = one(found, "recognition")
    assert rec.date == "1991-08-31"
    assert {"Kazakhstan", "Kyrgyzstan"} <= set(rec.participants)
    ind = one(found, "independence")
    assert (ind.date, ind.participants) == ("1991-08-31", ["Kyrgyzstan"])


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Georgia and Ukraine established diplomatic relations on 22 July 1992.",
    "Georgia and Ukraine established diplomatic ties on 22 July 1992.",
])
def test_diplomatic_relations_established(model, text):
    e = one(find(model, text, COUNTRIES, [("22 July 1992", "1992-07-22")]), "diplomatic_relations")
    assert e.date == "1992-07-22" and {"Georgia", "Ukraine"} <= set(e.participants)


@pytest.mark.model
def test_anniversary_of_relations_is_not_the_event(model):
    text = "In 2017, Georgia and Ukraine celebrated the 25th anniversary of establishing diplomatic relations."
    assert find(model, text, COUNTRIES, [("2017", "2017")]) == []


@pytest.mark.model
def test_visit_with_place_and_date(model):
    text = "On 5 April 2023, President Shavkat Mirziyoyev visited Baku."
    e = one(find(model, text, [("Shavkat Mirziyoyev", "person", "Shavkat Mirziyoyev"), ("Baku", "place", "Baku")],
                 [("5 April 2023", "2023-04-05")]), "visit")
    assert (e.participants, e.place, e.date) == (["Shavkat Mirziyoyev"], "Baku", "2023-04-05")


@pytest.mark.model
def test_visit_and_meeting_share_visitor_and_date(model):
    text = "Moldovan President Maia Sandu's visit to Romania and meeting with Klaus Iohannis on June 3 drew attention."
    found = find(model, text, COUNTRIES + [("Maia Sandu", "person", "Maia Sandu"),
                                           ("Klaus Iohannis", "person", "Klaus Iohannis"),
                                           ("Moldovan", "country", "Moldova", "demonym")],
                 [("June 3", "XXXX-06-03")])
    visit, meeting = one(found, "visit"), one(found, "meeting")
    assert "Maia Sandu" in visit.participants and visit.date == "XXXX-06-03"
    assert {"Maia Sandu", "Klaus Iohannis"} <= set(meeting.participants) and meeting.date == "XXXX-06-03"


@pytest.mark.model
def test_named_summit_with_its_members(model):
    text = "In September 2022, the Astana summit of Kazakhstan, Russia and Iran took place."
    e = one(find(model, text, COUNTRIES, [("September 2022", "2022-09")]), "meeting")
    assert e.name == "Astana summit" and e.date == "2022-09"
    assert {"Kazakhstan", "Russia", "Iran"} <= set(e.participants)


@pytest.mark.model
def test_a_habit_is_not_a_meeting(model):
    text = "When Kazakhstan and Uzbekistan meet, they always discuss water."
    assert find(model, text, COUNTRIES) == []


@pytest.mark.model
def test_listed_exercises_each_get_their_own_date_and_countries(model):
    text = ("The two armies hold joint military exercises every year. The exercises include Caspian Storm 2019 "
            "(June 2019, Kazakhstan – Russia) and Eastern Wind 2020 (August 2020, Iran – Russia).")
    found = find(model, text, COUNTRIES + [("Caspian Storm 2019", "event", "Caspian Storm 2019"),
                                           ("Eastern Wind 2020", "event", "Eastern Wind 2020")],
                 [("June 2019", "2019-06"), ("August 2020", "2020-08")])
    got = {e.name: (e.date, set(e.participants)) for e in found if e.type == "military_exercise"}
    assert got == {"Caspian Storm 2019": ("2019-06", {"Kazakhstan", "Russia"}),
                   "Eastern Wind 2020": ("2020-08", {"Iran", "Russia"})}


@pytest.mark.model
def test_war_dated_by_its_start(model):
    text = "The Transnistria War began in March 1992, and Moldova lost control of the left bank."
    e = one(find(model, text, COUNTRIES + [("Transnistria War", "event", "Transnistria War")],
                 [("March 1992", "1992-03")]), "war")
    assert (e.name, e.date) == ("Transnistria War", "1992-03")


@pytest.mark.model
def test_the_outbreak_of_a_war_dates_it_and_its_theatre_is_a_side(model):
    text = "Even before the start of full-scale war in Moldova in March 1992, trade had slowed."
    e = one(find(model, text, COUNTRIES, [("March 1992", "1992-03")]), "war")
    assert (e.date, e.participants) == ("1992-03", ["Moldova"])


@pytest.mark.model
def test_the_outbreak_of_a_war_only_feared_is_no_event(model):
    text = "The outbreak of war in Moldova in 2030 would ruin the region."
    assert [e for e in find(model, text, COUNTRIES, [("2030", "2030")]) if e.type == "war"] == []


@pytest.mark.model
def test_invasions_each_dated_in_parentheses_are_two_wars(model):
    text = "Russia invaded Georgia (2008) and Moldova (1992)."
    found = [e for e in find(model, text, COUNTRIES,
                             [("2008", "2008"), ("1992", "1992")]) if e.type == "war"]
    assert {(e.date, tuple(e.participants)) for e in found} == {("2008", ("Russia", "Georgia")),
                                                                ("1992", ("Russia", "Moldova"))}


@pytest.mark.model
def test_the_launch_of_a_named_war_dates_it(model):
    text = "The launch of the Transnistria War by Moscow in 1992 changed the region."
    e = one(find(model, text, COUNTRIES + [("Transnistria War", "event", "Transnistria War")], [("1992", "1992")]),
            "war")
    assert (e.name, e.date) == ("Transnistria War", "1992")


@pytest.mark.model
def test_the_body_set_up_is_the_one_its_noun_names_just_before(model):
    text = ("Talks resumed under the aegis of the Vienna Contact Group.\n\n"
            "The group was created in 1992 to broker a settlement.")
    e = one(find(model, text, COUNTRIES + [("Vienna Contact Group", "organization", "Vienna Contact Group")],
                 [("1992", "1992")]), "organization_change")
    assert (e.name, e.date) == ("Vienna Contact Group", "1992")


@pytest.mark.model
def test_receiving_a_delegation_is_meeting_the_one_who_heads_it(model):
    text = "President Ion Rusu received a Georgian delegation headed by Vice President Levan Beridze on 5 March 2024."
    e = one(find(model, text, COUNTRIES + persons("Ion Rusu", "Levan Beridze"), [("5 March 2024", "2024-03-05")]),
            "meeting")
    assert (e.participants, e.date) == (["Ion Rusu", "Levan Beridze"], "2024-03-05")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "A delegation of the Prut Assembly led by Speaker Levan Beridze arrived in Tbilisi on 5 March 2024.",
    "A Georgian delegation headed by Levan Beridze visited Tbilisi on 5 March 2024.",
    "A delegation led by Levan Beridze travelled to Tbilisi on 5 March 2024."])
def test_a_delegation_visiting_is_the_one_who_leads_it(model, text):
    e = one(find(model, text, COUNTRIES + persons("Levan Beridze") + [
        ("Tbilisi", "place", "Tbilisi"), ("Prut Assembly", "organization", "Prut Assembly")],
        [("5 March 2024", "2024-03-05")]), "visit")
    assert (e.participants, e.place, e.date) == (["Levan Beridze"], "Tbilisi", "2024-03-05")


@pytest.mark.model
def test_one_who_is_somewhere_for_talks_with_another_takes_part(model):
    text = "Foreign Minister Ion Rusu was in Tbilisi on Monday for talks with Levan Beridze."
    e = one(find(model, text, COUNTRIES + persons("Ion Rusu", "Levan Beridze") + [("Tbilisi", "place", "Tbilisi")],
                 [("Monday", "2023-09-25")]), "meeting")
    assert set(e.participants) == {"Ion Rusu", "Levan Beridze"}


@pytest.mark.model
@pytest.mark.parametrize("lead, date", [
    ("Chisinau, May 27 (Agency) - Talks resumed on Tuesday.", "2025-05-27"),   # a report of its day
    ("Talks have resumed after a decade of silence.", None),                    # an analysis: no day
])
def test_an_undated_saying_in_a_news_report_is_of_the_day_it_reports(model, lead, date):
    text = lead + "\n\nIon Rusu said that the two countries stood together."
    times = [("May 27", "2025-05-27"), ("Tuesday", "2025-05-27")]
    e = one(find(model, text, COUNTRIES + persons("Ion Rusu"), times, published="2025-05-28"), "statement")
    assert (e.participants, e.date) == (["Ion Rusu"], date)


@pytest.mark.model
@pytest.mark.parametrize("name, sides", [
    ("Moldova-Romania War", ["Moldova", "Romania"]),
    ("Russo-Georgian War", ["Russia", "Georgia"]),
    ("Transnistria War", []),
])
def test_a_war_named_by_two_states_joined_with_a_dash_has_them_as_sides(model, name, sides):
    text = f"The {name} began in March 1992."
    e = one(find(model, text, [(name, "event", name)], [("March 1992", "1992-03")]), "war")
    assert e.participants == sides


@pytest.mark.model
def test_a_state_that_ratified_an_agreement_has_it_in_force(model):
    text = "In July 1992, Moldova ratified the Treaty on Open Skies, which limits flights."
    e = one(find(model, text, COUNTRIES + [("Treaty on Open Skies", "agreement", "Treaty on Open Skies")],
                 [("July 1992", "1992-07")]), "agreement_in_force")
    assert (e.name, e.date, e.participants) == ("Treaty on Open Skies", "1992-07", ["Moldova"])


@pytest.mark.model
@pytest.mark.parametrize("text, joined", [
    ("Moldova became a full member of the Beta Council in 2011.", True),
    ("Moldova has become a key member of the Beta Council.", False),   # undated: a standing, not a change
])
def test_becoming_a_member_on_a_date_is_joining(model, text, joined):
    found = find(model, text, COUNTRIES + [("Beta Council", "organization", "Beta Council")], [("2011", "2011")])
    got = [(e.name, e.date, e.participants) for e in found if e.type == "organization_change"]
    assert got == ([("Beta Council", "2011", ["Moldova"])] if joined else [])


@pytest.mark.model
def test_two_who_met_one_named_deep_in_a_title_phrase(model):
    text = ("On 19 May 2006, Defence Minister Ion Rusu and the then commander of the Alpha Air Forces in Europe "
            "General Tom Lane met in Tiraspol to discuss cooperation.")
    e = one(find(model, text, COUNTRIES + persons("Ion Rusu", "Tom Lane") + [
        ("Alpha Air Forces", "organization", "Alpha Air Forces"), ("Tiraspol", "place", "Tiraspol")],
        [("19 May 2006", "2006-05-19")]), "meeting")
    assert set(e.participants) == {"Ion Rusu", "Tom Lane"}


@pytest.mark.model
def test_the_same_time_told_more_exactly_dates_the_event(model):
    text = "The history of the army dates back to 1918, when the Moldovan Army was created on 26 June 1918."
    e = one(find(model, text, COUNTRIES + [("Moldovan Army", "organization", "Moldovan Army")],
                 [("1918", "1918"), ("26 June 1918", "1918-06-26")]), "organization_change")
    assert e.date == "1918-06-26"


@pytest.mark.model
def test_undated_war_in_passing_is_not_an_event(model):
    text = "Victory in the Transnistria War is still celebrated in Tiraspol."
    assert find(model, text, [("Transnistria War", "event", "Transnistria War")]) == []


@pytest.mark.model
def test_an_undated_war_whose_name_joins_two_states_is_an_event(model):
    text = "Trade routes have shifted in light of the Moldovan-Romanian war."
    e = one(find(model, text, [("Moldovan-Romanian war", "event", "Moldovan-Romanian war")]), "war")
    assert (e.name, e.date, e.participants) == ("Moldovan-Romanian war", None, ["Moldova", "Romania"])


@pytest.mark.model
def test_opening_of_it_refers_to_the_infrastructure_of_the_passage(model):
    text = "The Caspian Link pipeline runs along the coast of Kazakhstan. It was opened on 2 May 2012."
    e = one(find(model, text, COUNTRIES + [("Caspian Link pipeline", "infrastructure", "Caspian Link")],
                 [("2 May 2012", "2012-05-02")]), "opening")
    assert (e.name, e.date) == ("Caspian Link", "2012-05-02")


@pytest.mark.model
def test_an_opening_at_a_ceremony_in_a_city_is_placed_there_even_in_a_city_the_line_is_named_for(model):
    text = ("The Iasi–Ungheni railway links Romania and Moldova. It was officially opened on 2 May 2012 at a "
            "ceremony in Iasi attended by the presidents of both states.")
    e = one(find(model, text, COUNTRIES + [("Iasi–Ungheni railway", "infrastructure", "Iasi–Ungheni railway"),
                                           ("Iasi", "place", "Iasi")], [("2 May 2012", "2012-05-02")]), "opening")
    assert (e.name, e.date, e.place) == ("Iasi–Ungheni railway", "2012-05-02", "Iasi")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The potential opening of the border between Kazakhstan and Uzbekistan is discussed.",
    "The signing may happen next month.",
    "Armenia did not sign the Tbilisi Accord.",
    "Kazakhstan hopes to join the Energy Community.",
])
def test_possible_or_negated_events_are_not_events(model, text):
    found = find(model, text, COUNTRIES + [("Tbilisi Accord", "agreement", "Tbilisi Accord"),
                                           ("Energy Community", "organization", "Energy Community")])
    assert found == []


@pytest.mark.model
def test_renaming_names_the_new_organisation(model):
    text = "In 2009 the Caspian Council was renamed as the Caspian Union."
    e = one(find(model, text, [("Caspian Council", "organization", "Caspian Council"),
                               ("Caspian Union", "organization", "Caspian Union")], [("2009", "2009")]),
            "organization_change")
    assert (e.name, e.date) == ("Caspian Union", "2009")


@pytest.mark.model
def test_joining_an_organisation(model):
    text = "Georgia joined the Energy Community in 2017."
    e = one(find(model, text, COUNTRIES + [("Energy Community", "organization", "Energy Community")],
                 [("2017", "2017")]), "organization_change")
    assert (e.name, e.date, e.participants) == ("Energy Community", "2017", ["Georgia"])


@pytest.mark.model
def test_exhibition_over_a_range_hosted_by_a_city(model):
    text = "On 10-12 May 2023, Tashkent hosted the Central Asian Defence Expo."
    e = one(find(model, text, [("Tashkent", "place", "Tashkent"),
                               ("Central Asian Defence Expo", "event", "Central Asian Defence Expo")],
                 [("10-12 May 2023", "2023-05-10", "2023-05-12")]), "exhibition")
    assert (e.name, e.date, e.end_date, e.place) == ("Central Asian Defence Expo", "2023-05-10", "2023-05-12",
                                                      "Tashkent")


@pytest.mark.model
def test_both_countries_are_the_documents_two_main_countries(model):
    text = "Moldova and Romania share a long border. In 2014 both countries signed the Danube Accord."
    e = one(find(model, text, COUNTRIES + [("Danube Accord", "agreement", "Danube Accord")], [("2014", "2014")]),
            "agreement_signed")
    assert set(e.participants) == {"Moldova", "Romania"}


@pytest.mark.model
@pytest.mark.parametrize("text, parties", [
    ("Moldova and Romania share a long border. The countries signed the Danube Accord in 2014.",
     {"Moldova", "Romania"}),
    # "the countries" of a wider group are none of the pair's: only a bare subject stands for it
    ("Moldova and Romania share a long border. The countries of the region signed the Danube Accord in 2014.",
     set()),
])
def test_a_bare_the_countries_as_subject_is_the_pair_told_before(model, text, parties):
    e = one(find(model, text, COUNTRIES + [("Danube Accord", "agreement", "Danube Accord")], [("2014", "2014")]),
            "agreement_signed")
    assert set(e.participants) == parties


@pytest.mark.model
def test_a_decision_reported_next_sentence_dates_the_recognition(model):
    text = ("After Kyrgyzstan proclaimed independence, Kazakhstan was the first country to recognize its "
            "sovereignty. The government of Kazakhstan made this decision on 2 September 1991.")
    rec = one(find(model, text, COUNTRIES, [("2 September 1991", "1991-09-02")]), "recognition")
    assert rec.date == "1991-09-02" and {"Kazakhstan", "Kyrgyzstan"} <= set(rec.participants)


@pytest.mark.model
def test_same_event_twice_is_merged(model):
    text = ("Kazakhstan and Uzbekistan held talks in Astana on 4 June 2022. "
            "The talks in Astana between Kazakhstan and Uzbekistan were long.")
    found = find(model, text, COUNTRIES + [("Astana", "place", "Astana")], [("4 June 2022", "2022-06-04")])
    meeting = one(found, "meeting")
    assert meeting.date == "2022-06-04" and meeting.place == "Astana"


JORGENSEN = [("Dan Jørgensen", "person", "Dan Jørgensen"), ("Alparslan Bayraktar", "person", "Alparslan Bayraktar"),
             ("Ankara", "place", "Ankara"), ("Baku", "place", "Baku")]


@pytest.mark.model
def test_events_read_a_scheduled_stay_as_a_visit(model):
    found = find(model, "Dan Jørgensen will be in Chisinau tomorrow.", [*JORGENSEN, ("Chisinau", "place", "Chisinau")],
                 [("tomorrow", "2025-04-04")])
    visit = one(found, "visit")
    assert (visit.participants, visit.place, visit.date) == (["Dan Jørgensen"], "Chisinau", "2025-04-04")


@pytest.mark.model
def test_events_do_not_read_a_plain_state_as_a_visit(model):
    assert not find(model, "Dan Jørgensen is in Baku.", JORGENSEN)


@pytest.mark.model
def test_events_date_a_purpose_clause_with_its_trip(model):
    text = "Dan Jørgensen will stop in Ankara today to meet with Alparslan Bayraktar."
    found = find(model, text, JORGENSEN, [("today", "2025-04-03")])
    assert one(found, "visit").place == "Ankara"
    meeting = one(found, "meeting")
    assert set(meeting.participants) == {"Dan Jørgensen", "Alparslan Bayraktar"}
    assert meeting.date == "2025-04-03"


@pytest.mark.model
def test_events_a_traveller_takes_part_in_the_summit_he_travels_for(model):
    text = "Dan Jørgensen travelled to Ankara on Wednesday for a summit with Alparslan Bayraktar."
    found = find(model, text, JORGENSEN, [("on Wednesday", "2025-04-02")])
    assert one(found, "visit").place == "Ankara"
    assert set(one(found, "meeting").participants) == {"Dan Jørgensen", "Alparslan Bayraktar"}


@pytest.mark.model
def test_hosting_a_person_is_a_meeting(model):
    text = ("In May 2019, Chancellor Olaf Weber hosted Prime Minister Ana Brnabic and President Milo Djukanovic "
            "in Berlin.")
    e = one(find(model, text, [*persons("Olaf Weber", "Ana Brnabic"),
                               ("Milo Djukanovic", "person", "Milo Djukanovic"), ("Berlin", "place", "Berlin")],
                 [("May 2019", "2019-05")]), "meeting")
    assert set(e.participants) == {"Olaf Weber", "Ana Brnabic", "Milo Djukanovic"}
    assert (e.place, e.date) == ("Berlin", "2019-05")


@pytest.mark.model
def test_receiving_support_is_not_a_meeting(model):
    text = "Last year Serbia received support from Olaf Weber."
    found = find(model, text, [("Olaf Weber", "person", "Olaf Weber"), ("Serbia", "country", "Serbia")])
    assert not [e for e in found if e.type == "meeting"]


@pytest.mark.model
def test_a_visit_that_dates_an_intention_did_happen(model):
    text = "Efforts to mend ties following President Ana Lind's state visit to Oslo in March 2022 failed."
    e = one(find(model, text, [("Ana Lind", "person", "Ana Lind"), ("Oslo", "place", "Oslo")],
                 [("March 2022", "2022-03")]), "visit")
    assert (e.participants, e.place, e.date) == (["Ana Lind"], "Oslo", "2022-03")


@pytest.mark.model
def test_a_dated_announcement_is_a_statement(model):
    text = "On 2 May 2024, Georgia announced a full ban on imports from Armenia."
    e = one(find(model, text, COUNTRIES, [("2 May 2024", "2024-05-02")]), "statement")
    assert (e.participants, e.date) == (["Georgia"], "2024-05-02")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ion Rusu has visited Georgia more often than any other country.",
    "In 2020 Ion Rusu repeatedly met Ana Lind in Tbilisi.",
    "Ion Rusu frequently travelled to Armenia.",
])
def test_what_is_done_often_or_repeatedly_is_no_one_event_in_any_tense(model, text):
    assert not [e for e in find(model, "Ion Rusu went to Armenia in 1994. " + text, COUNTRIES
                                + persons("Ion Rusu", "Ana Lind") + [("Tbilisi", "place", "Tbilisi")],
                                [("1994", "1994"), ("2020", "2020")]) if e.type in ("visit", "meeting")
                and e.sources[0].quote.startswith(text[:12])]


@pytest.mark.model
def test_an_undated_saying_is_a_statement_of_no_date_but_a_sentence_with_another_event_is_none(model):
    [e] = find(model, "Georgia announced a full ban on imports from Armenia.", COUNTRIES)
    assert (e.type, e.date, e.participants) == ("statement", None, ["Georgia"])
    assert not find(model, "The pipeline said to be the longest carries gas.", COUNTRIES)
    assert not find(model, "He said the ban would stay.", COUNTRIES)
    found = find(model, "On 2 May 2024, Georgia announced that it had signed the treaty with Armenia.", COUNTRIES,
                 [("2 May 2024", "2024-05-02")])
    assert "statement" not in [e.type for e in found]


@pytest.mark.model
def test_a_saying_is_dated_by_its_own_time_not_by_the_time_of_what_was_said(model):
    text = "Exports to Georgia fell to $2 billion last year, Minister Ion Rusu said on Tuesday."
    times = [("last year", "2023"), ("Tuesday", "2024-03-12")]
    e = one(find(model, text, COUNTRIES + persons("Ion Rusu"), times, published="2024-03-14"), "statement")
    assert (e.participants, e.date) == (["Ion Rusu"], "2024-03-12")
    text = "Exports to Georgia fell to $2 billion last year, Minister Ion Rusu said."   # a saying of no known day
    e = one(find(model, text, COUNTRIES + persons("Ion Rusu"), times[:1], published="2024-03-14"), "statement")
    assert (e.participants, e.date) == (["Ion Rusu"], None)


@pytest.mark.model
def test_each_dated_clause_of_a_sentence_tells_its_own_saying(model):
    text = "In 2014, Ion Rusu spoke of shared pain, but last year he slammed Romania for its stance."
    found = find(model, text, COUNTRIES + persons("Ion Rusu"), [("2014", "2014"), ("last year", "2019")],
                 published="2020-09-28")
    assert sorted(e.date for e in found if e.type == "statement") == ["2014", "2019"]


@pytest.mark.model
def test_a_dated_saying_beside_the_event_it_reports_is_told_but_not_one_made_at_an_event(model):
    text = "Moldova claimed last month that Romania was arming Georgia after the first clashes in July."
    found = find(model, text, COUNTRIES, [("last month", "2020-08"), ("July", "2020-07")], published="2020-09-28")
    assert [(e.participants, e.date) for e in found if e.type == "statement"] == [(["Moldova"], "2020-08")]
    text = "Exports grew, the Minister of Trade Ion Rusu reported at the Chisinau business forum in December 2021."
    found = find(model, text, COUNTRIES + persons("Ion Rusu"), [("December 2021", "2021-12")])
    assert [(e.type, e.date) for e in found] == [("meeting", "2021-12")]


@pytest.mark.model
def test_a_partnership_signed_is_an_agreement_and_the_sidelines_are_no_part_of_its_name(model):
    text = "Moldova and Romania signed a strategic partnership at the margins of the July 2024 summit."
    e = one(find(model, text, COUNTRIES, [("July 2024", "2024-07")]), "agreement_signed")
    assert (e.name, set(e.participants), e.date) == ("strategic partnership", {"Moldova", "Romania"}, "2024-07")
    found = find(model, "Moldova and Romania deepened their strategic partnership in July 2024.", COUNTRIES,
                 [("July 2024", "2024-07")])
    assert [e for e in found if e.type == "agreement_signed"] == []


@pytest.mark.model
def test_recognising_it_recognises_the_state_named_before(model):
    text = "Moldova declared independence in 1991. Romania recognised it on 27 August 1991."
    found = find(model, text, COUNTRIES, [("1991", "1991"), ("27 August 1991", "1991-08-27")])
    e = one(found, "recognition")
    assert (e.participants, e.date) == (["Romania", "Moldova"], "1991-08-27")


@pytest.mark.model
def test_states_that_gained_independence_together_each_gained_their_own(model):
    found = find(model, "Georgia, Moldova and Romania gained independence in 1991.", COUNTRIES, [("1991", "1991")])
    assert sorted((e.participants, e.date) for e in found if e.type == "independence") == [
        (["Georgia"], "1991"), (["Moldova"], "1991"), (["Romania"], "1991")]


@pytest.mark.model
def test_a_saying_in_a_clause_about_a_place_is_a_statement(model):
    # the parser reads the "where" clause as an adverbial clause of the main verb
    text = ("This wasn't received well by Georgia where the foreign ministry spokeswoman, Nino Beridze, stated "
            "that the US is seeking to force itself into the process.")
    e = one(find(model, text, COUNTRIES + persons("Nino Beridze")), "statement")
    assert e.participants == ["Nino Beridze"]


@pytest.mark.model
def test_a_visitors_next_sentences_are_dated_and_placed_by_the_visit(model):
    text = ("Commissioner Maia Sandu will be in Tbilisi tomorrow.\n\n"
            "She will attend the 12th Ministerial Meeting of the Black Sea Energy Council.")
    found = find(model, text, [("Maia Sandu", "person", "Maia Sandu"), ("Tbilisi", "place", "Tbilisi")],
                 [("tomorrow", "2025-04-04")])
    meeting = one(found, "meeting")
    assert meeting.name == "12th Ministerial Meeting of the Black Sea Energy Council"
    assert (meeting.date, meeting.place, meeting.participants) == ("2025-04-04", "Tbilisi", ["Maia Sandu"])


@pytest.mark.model
def test_the_signatories_of_an_agreement_say_it_was_signed(model):
    text = "The bloc includes Peru and the signatories of the 2019 Andes Accords."
    found = find(model, text, [("Andes Accords", "agreement", "Andes Accords"), ("Peru", "country", "Peru")],
                 [("2019", "2019")])
    signed = one(found, "agreement_signed")
    assert (signed.name, signed.date) == ("Andes Accords", "2019")


@pytest.mark.model
def test_a_summit_held_somewhere_is_placed_there_and_those_also_there_took_part(model):
    text = ("On 4 July 2025 President Ana Pop attended the regional summit held in Varna. "
            "Prime Minister Ion Rus was also present, and photographed with Pop and Mayor Dan Vlad.")
    people = [("Ana Pop", "person", "Ana Pop"), ("Pop", "person", "Ana Pop"), ("Ion Rus", "person", "Ion Rus"),
              ("Dan Vlad", "person", "Dan Vlad"), ("Varna", "place", "Varna")]
    meeting = one(find(model, text, people, [("4 July 2025", "2025-07-04")]), "meeting")
    assert meeting.place == "Varna" and meeting.date == "2025-07-04"
    assert set(meeting.participants) == {"Ana Pop", "Ion Rus", "Dan Vlad"}


@pytest.mark.model
def test_a_war_with_a_country_is_also_the_war_of_the_clause_subject(model):
    text = "Peru received foreign weapons during the 1995 war with Ecuador."
    war = one(find(model, text, [("Peru", "country", "Peru"), ("Ecuador", "country", "Ecuador")],
                   [("1995", "1995")]), "war")
    assert set(war.participants) == {"Peru", "Ecuador"} and war.date == "1995"


@pytest.mark.model
def test_since_never_dates_a_signing_but_does_date_entry_into_force(model):
    signed = one(find(model, "Present in the region since the 1990s, Peru signed military agreements with Chile.",
                      [("Peru", "country", "Peru"), ("Chile", "country", "Chile")], [("the 1990s", "199")]),
                 "agreement_signed")
    assert signed.date is None
    text = "In 2020 they signed the trade agreement (effective since 1 March 2021)."
    found = find(model, text, [], [("2020", "2020"), ("1 March 2021", "2021-03-01")])
    assert one(found, "agreement_in_force").date == "2021-03-01"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Chancellor Olaf Weber spoke by phone to Prime Minister Ana Brnabic, but no details were given.",
    "Olaf Weber talked on the telephone with Ana Brnabic on Monday.",
    "Olaf Weber phoned Ana Brnabic to discuss the border.",
    "Olaf Weber and Ana Brnabic spoke by phone on Monday.",
])
def test_a_phone_call_is_a_meeting(model, text):
    people = [*persons("Olaf Weber", "Ana Brnabic")]
    assert set(one(find(model, text, people), "meeting").participants) == {"Olaf Weber", "Ana Brnabic"}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Olaf Weber called Ana Brnabic a reliable partner.",
    "Olaf Weber spoke to Ana Brnabic's critics in the parliament.",
    "Olaf Weber called on Ana Brnabic to resign.",
])
def test_words_about_someone_are_not_a_call(model, text):
    people = [*persons("Olaf Weber", "Ana Brnabic")]
    assert not [e for e in find(model, text, people) if e.type == "meeting"]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The foreign ministers of Moldova and Georgia met in Tbilisi on 2 May 2024.",
    "Leaders of Moldova and Georgia met in Tbilisi on 2 May 2024.",
])
def test_the_officials_of_states_named_after_of_stand_for_them(model, text):
    found = find(model, text, COUNTRIES + [("Tbilisi", "place", "Tbilisi")], [("2 May 2024", "2024-05-02")])
    e = one(found, "meeting")
    assert (set(e.participants), e.date) == ({"Moldova", "Georgia"}, "2024-05-02")


@pytest.mark.model
def test_ministers_of_several_countries_stand_for_them_in_a_meeting(model):
    text = ("On the sidelines, Minister Olaf Weber took part in a meeting with Georgian, Romanian and Moldovan "
            "Ministers to review the corridor.")
    found = find(model, text, [("Olaf Weber", "person", "Olaf Weber"),
                               ("Georgian", "country", "Georgia", "demonym"),
                               ("Romanian", "country", "Romania", "demonym"),
                               ("Moldovan", "country", "Moldova", "demonym")])
    assert set(one(found, "meeting").participants) == {"Olaf Weber", "Georgia", "Romania", "Moldova"}


@pytest.mark.model
def test_accession_talks_are_a_process_and_peace_talks_a_meeting(model):
    countries = [("Armenia", "country", "Armenia"), ("Georgia", "country", "Georgia"),
                 ("EU", "organization", "European Union", "acronym"), ("Geneva", "place", "Geneva")]
    assert not [e for e in find(model, "In 2004, with the opening of EU accession talks, Georgia had to "
                                       "explain itself.", countries, [("2004", "2004")]) if e.type == "meeting"]
    e = one(find(model, "Peace talks between Armenia and Georgia were held in Geneva in May 2024.", countries,
                 [("May 2024", "2024-05")]), "meeting")
    assert set(e.participants) == {"Armenia", "Georgia"} and e.place == "Geneva"


@pytest.mark.model
def test_a_meeting_of_two_subjects_dated_by_the_occasion_in_brackets(model):
    people = [*persons("Olaf Weber", "Ana Brnabic"),
              ("UN General Assembly", "organization", "UN General Assembly")]
    text = ("Olaf Weber and Ana Brnabic have met on the sidelines of large events (lately, the "
            "September 2024 UN General Assembly).")
    e = one(find(model, text, people, [("recently", "2024-12"), ("September 2024", "2024-09")]), "meeting")
    assert set(e.participants) == {"Olaf Weber", "Ana Brnabic"} and e.date == "2024-09"


@pytest.mark.model
def test_a_meeting_word_inside_a_body_s_name_is_no_meeting(model):
    text = "In 2020, the Foreign Relations Committee of the US Congress passed a resolution on Armenia."
    found = find(model, text, [("Foreign Relations Committee of the US Congress", "organization",
                                "Foreign Relations Committee of the US Congress"),
                               ("Armenia", "country", "Armenia")], [("2020", "2020")])
    assert not [e for e in found if e.type == "meeting"]


@pytest.mark.model
def test_who_speaks_in_a_call_with_someone_takes_part(model):
    text = "Olaf Weber discussed the border in a phone call with Ana Brnabic on Monday."
    e = one(find(model, text, [*persons("Olaf Weber", "Ana Brnabic")],
                 [("Monday", "2020-09-28")]), "meeting")
    assert set(e.participants) == {"Olaf Weber", "Ana Brnabic"} and e.date == "2020-09-28"


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "President Olaf Weber had a phone conversation with Ana Brnabic on Monday.",
    "Olaf Weber had talks with Ana Brnabic on Monday.",
])
def test_who_has_a_call_or_talks_with_someone_takes_part(model, text):
    e = one(find(model, text, [*persons("Olaf Weber", "Ana Brnabic")], [("Monday", "2020-09-28")]), "meeting")
    assert set(e.participants) == {"Olaf Weber", "Ana Brnabic"}


@pytest.mark.model
def test_the_place_hung_on_the_person_met_is_the_meeting_s(model):
    text = "General Ali Asgarov met Ahmad Hasanov in Baku."
    e = one(find(model, text, [("Ali Asgarov", "person", "Ali Asgarov"), ("Ahmad Hasanov", "person", "Ahmad Hasanov"),
                               ("Baku", "place", "Baku")]), "meeting")
    assert e.place == "Baku"


@pytest.mark.model
def test_exercises_dated_once_are_an_event_and_the_troops_stand_for_their_countries(model):
    names = [("Turkish", "country", "Türkiye", "demonym"), ("Azerbaijani", "country", "Azerbaijan", "demonym"),
             ("Nakhchivan", "place", "Nakhchivan"), ("Turkey", "country", "Türkiye")]
    e = one(find(model, "Turkish and Azerbaijani troops held joint military exercises in Nakhchivan in "
                        "September 2023.", names, [("September 2023", "2023-09")]), "military_exercise")
    assert set(e.participants) == {"Türkiye", "Azerbaijan"} and (e.date, e.place) == ("2023-09", "Nakhchivan")
    assert not [e for e in find(model, "Turkey and its allies hold joint military exercises every year.", names)
                if e.type == "military_exercise"]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Moldova held joint exercises with Romania in September 2023.", [({"Moldova", "Romania"}, "2023-09")]),
    ("Moldova held joint exercises with Romania's army for the first time in 2023.",
     [({"Moldova", "Romania"}, "2023")]),
    ("Moldova held joint exercises with Romania in 2023.", []),   # a year of many, maybe
])
def test_exercises_with_a_partner_include_it_and_a_first_time_is_one_occasion(model, text, expected):
    found = find(model, text, COUNTRIES, [("September 2023", "2023-09"), ("2023", "2023")])
    assert [(set(e.participants), e.date) for e in found if e.type == "military_exercise"] == expected


@pytest.mark.model
def test_the_agreement_is_the_one_named_before(model):
    text = "The leaders signed the Shusha Declaration on 15 June 2021. The agreement entered into force in 2022."
    e = one(find(model, text, [("Shusha Declaration", "agreement", "Shusha Declaration")],
                 [("15 June 2021", "2021-06-15"), ("2022", "2022")]), "agreement_in_force")
    assert (e.name, e.date) == ("Shusha Declaration", "2022")


@pytest.mark.model
def test_his_in_a_fronted_phrase_is_the_subject_that_follows(model):
    names = [*persons("Olaf Weber", "Ana Brnabic"),
             ("Baku", "place", "Baku")]
    text = ("Olaf Weber left early. During his visit to Baku in December 2022, Foreign Minister Ana Brnabic met "
            "with her counterpart.")
    e = one(find(model, text, names, [("December 2022", "2022-12")]), "visit")
    assert e.participants == ["Ana Brnabic"] and e.place == "Baku"


@pytest.mark.model
def test_an_opening_ceremony_opens_what_it_is_of(model):
    names = [("Zangezur corridor", "infrastructure", "Zangezur corridor"),
             ("Igdir-Nakhchivan gas pipeline", "infrastructure", "Igdir-Nakhchivan gas pipeline")]
    text = ("The Zangezur corridor will link the two. The leaders attended the opening ceremony of the "
            "Igdir-Nakhchivan gas pipeline in 2024.")
    e = one(find(model, text, names, [("2024", "2024")]), "opening")
    assert (e.name, e.date) == ("Igdir-Nakhchivan gas pipeline", "2024")


@pytest.mark.model
@pytest.mark.parametrize("text, signed", [
    ("The ceasefire statement signed by the leaders of Georgia, Armenia and Moldova on 10 November 2020 said "
     "the border would reopen.", True),
    ("Georgia, Armenia and Moldova signed a trilateral statement on 10 November 2020.", True),
    ("The minister of Georgia read a statement on 10 November 2020.", False),
])
def test_a_statement_signed_is_an_agreement_signed(model, text, signed):
    found = [e for e in find(model, text, COUNTRIES, [("10 November 2020", "2020-11-10")])
             if e.type == "agreement_signed"]
    assert [(e.date, e.participants) for e in found] == (
        [("2020-11-10", ["Georgia", "Armenia", "Moldova"])] if signed else [])


@pytest.mark.model
def test_independence_declared_by_a_state_s_government_is_the_state_s(model):
    text = ("The Ottoman army handed the city to the government of the Azerbaijan Democratic Republic, which had "
            "declared independence on 28 May 1918.")
    adr = ("Azerbaijan Democratic Republic", "country", "Azerbaijan Democratic Republic")
    e = one(find(model, text, COUNTRIES + [adr], [("28 May 1918", "1918-05-28")]), "independence")
    assert (e.participants, e.date) == (["Azerbaijan Democratic Republic"], "1918-05-28")


@pytest.mark.model
def test_a_dated_independence_is_an_event_and_its_refers_ahead(model):
    names = [("Moldova", "country", "Moldova")]
    e = one(find(model, "Since its independence in 1991, Moldova has turned its budget to the war.",
                 names, [("1991", "1991")]), "independence")
    assert (e.participants, e.date) == (["Moldova"], "1991")
    assert not [e for e in find(model, "Moldova must defend its independence.", names)
                if e.type == "independence"]


@pytest.mark.model
def test_the_place_of_a_meeting_held_somewhere_hangs_on_the_participation(model):
    names = [("Ilham Aliyev", "person", "Ilham Aliyev"), ("Dushanbe", "place", "Dushanbe"),
             ("5th Consultative Meeting", "event", "5th Consultative Meeting")]
    text = ("This explains Ilham Aliyev’s participation as a guest at the 6th Consultative Meeting, held in Dushanbe "
            "in September 2023.")
    e = one(find(model, text, names, [("September 2023", "2023-09")]), "meeting")
    assert (e.place, e.date) == ("Dushanbe", "2023-09")


@pytest.mark.model
def test_a_war_that_began_or_fighting_that_broke_out_is_dated(model):
    names = [("Armenia", "country", "Armenia"), ("Azerbaijan", "country", "Azerbaijan")]
    e = one(find(model, "The true war, which started on October 4th, has been less filmed.", names,
                 [("October 4th", "2020-10-04")]), "war")
    assert e.date == "2020-10-04"
    e = one(find(model, "Fighting between Azerbaijan and Armenia broke out on 27 September 2020.", names,
                 [("27 September 2020", "2020-09-27")]), "war")
    assert (set(e.participants), e.date) == ({"Armenia", "Azerbaijan"}, "2020-09-27")
    text = "Sixteen people died after fighting erupted again between Armenian and Azerbaijani troops on Sunday."
    e = one(find(model, text, [*names, ("Armenian", "country", "Armenia", "demonym"),
                               ("Azerbaijani", "country", "Azerbaijan", "demonym")], [("Sunday", "2020-09-27")]), "war")
    assert set(e.participants) == {"Armenia", "Azerbaijan"}


@pytest.mark.model
def test_a_sentence_opening_with_hosting_is_a_meeting_of_host_and_guests(model):
    names = [*persons("Olaf Weber", "Ana Brnabic"),
             ("Ilir Meta", "person", "Ilir Meta"), ("White House", "place", "White House")]
    text = ("Then Olaf Weber broke the deadlock. Hosting President Ana Brnabic and Prime Minister Ilir Meta at the "
            "White House, he offered a deal meant to satisfy both sides.")
    e = one(find(model, text, names), "meeting")
    assert set(e.participants) == {"Olaf Weber", "Ana Brnabic", "Ilir Meta"} and e.place == "White House"


@pytest.mark.model
def test_an_undated_event_takes_the_one_time_of_the_sentence_before_unless_later(model):
    names = [*persons("Olaf Weber", "Ana Brnabic"),
             ("Baku", "place", "Baku")]
    text = "In August 2025, Olaf Weber broke the deadlock. He met Ana Brnabic in Baku to discuss a solution."
    assert one(find(model, text, names, [("August 2025", "2025-08")]), "meeting").date == "2025-08"
    text = "In August 2025, Olaf Weber broke the deadlock. He will later meet Ana Brnabic in Baku."
    assert one(find(model, text, names, [("August 2025", "2025-08")]), "meeting").date is None


@pytest.mark.model
@pytest.mark.parametrize("bound", ["Until", "Before", "Since"])
def test_a_time_a_stretch_ends_or_starts_at_in_the_sentence_before_dates_no_event(model, bound):
    names = [*persons("Olaf Weber", "Ana Brnabic"), ("Vestra", "organization", "Vestra")]
    text = f"{bound} 2022, Vestra sold most of the gas. Olaf Weber met Ana Brnabic to discuss a solution."
    assert one(find(model, text, names, [("2022", "2022")]), "meeting").date is None


@pytest.mark.model
@pytest.mark.parametrize("text, place", [
    ("Ion Rusu met Anna Petrova in the Moldovan capital on Monday.", "Chișinău"),
    ("Ion Rusu met Anna Petrova in the Moldovan town of Cahul on Monday.", "Cahul"),
])
def test_a_meeting_in_a_state_s_capital_told_by_its_demonym_is_in_that_city(model, text, place):
    names = [*persons("Ion Rusu", "Anna Petrova"), ("Moldovan", "country", "Moldova", "demonym"),
             ("Cahul", "place", "Cahul")]
    assert one(find(model, text, names, [("Monday", "2024-03-11")]), "meeting").place == place


@pytest.mark.model
def test_a_dated_invasion_is_a_war_and_a_dated_agreement_was_signed_then(model):
    names = [("Russia", "country", "Russia"), ("Ukraine", "country", "Ukraine"), ("Armenia", "country", "Armenia"),
             ("Partnership Agreement", "agreement", "Partnership Agreement")]
    e = one(find(model, "In the end, Russia’s February 2022 invasion of Ukraine changed the region.", names,
                 [("February 2022", "2022-02")]), "war")
    assert (set(e.participants), e.date) == ({"Russia", "Ukraine"}, "2022-02")
    e = one(find(model, "Armenia seeks to deepen ties under the November 2017 Partnership Agreement.",
                 names, [("November 2017", "2017-11")]), "agreement_signed")
    assert (e.name, e.date) == ("Partnership Agreement", "2017-11")


@pytest.mark.model
def test_the_states_an_agreement_s_name_pairs_are_its_parties(model):
    names = [("Russia", "country", "Russia"),
             ("Armenia–Azerbaijan ceasefire agreement", "agreement", "Armenia–Azerbaijan ceasefire agreement")]
    e = one(find(model, "Russia invoked the 2020 Azerbaijan–Armenia ceasefire agreement.", names, [("2020", "2020")]),
            "agreement_signed")
    assert (set(e.participants), e.date) == ({"Armenia", "Azerbaijan"}, "2020")


@pytest.mark.model
def test_a_body_established_in_a_year_and_quoted_exercises_over_days(model):
    names = [("High-Level Strategic Cooperation Council", "organization", "High-Level Strategic Cooperation Council"),
             ("Baku", "place", "Baku"), ("Turkey", "country", "Türkiye"), ("Azerbaijan", "country", "Azerbaijan")]
    e = one(find(model, "The High-Level Strategic Cooperation Council, established in 2010, is chaired by the "
                        "presidents.", names, [("2010", "2010")]), "organization_change")
    assert (e.name, e.date) == ("High-Level Strategic Cooperation Council", "2010")
    text = ('Turkey and Azerbaijan held the "Mustafa Kemal Ataturk-2021" joint military exercises in Baku on '
            '1-5 February 2021.')
    e = one(find(model, text, names, [("1-5 February 2021", "2021-02-01", "2021-02-05")]), "military_exercise")
    assert (e.name, e.date, e.place) == ("Mustafa Kemal Ataturk-2021", "2021-02-01", "Baku")


@pytest.mark.model
@pytest.mark.parametrize("text, sides", [
    ("Amid the Russian invasion of Moldova, Georgia looked east.", {"Russia", "Moldova"}),
    ("Kazakhstan's war in Moldova hurt its economy.", {"Kazakhstan", "Moldova"}),
    ("Trade suffered from the war between Uzbekistan and Moldova.", {"Uzbekistan", "Moldova"}),
])
def test_an_undated_war_that_names_both_sides_is_an_event(model, text, sides):
    e = one(find(model, text, COUNTRIES + [("Russian", "country", "Russia", "demonym")]), "war")
    assert e.date is None and set(e.participants) == sides


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The crisis could turn into a proxy war between Georgia and Moldova.",
    "Georgia fears the risk of a renewed war with Moldova.",
    "Analysts warn of a war between Georgia and Moldova.",
    "Georgia helped end the wars in Moldova and Kazakhstan.",
    "Uzbekistan's invasions of Moldova and Kazakhstan shocked the region.",
])
def test_a_war_only_spoken_of_or_several_wars_are_no_event(model, text):
    assert [e for e in find(model, text, COUNTRIES) if e.type == "war"] == []


@pytest.mark.model
def test_visiting_two_countries_is_a_visit_to_each(model):
    text = "Prime Minister Ana Lupu arrived in Tbilisi after visiting Romania and Kazakhstan."
    found = find(model, text, COUNTRIES + persons("Ana Lupu") + [("Tbilisi", "place", "Tbilisi")])
    assert {e.place for e in found if e.type == "visit"} == {"Tbilisi", "Romania", "Kazakhstan"}


@pytest.mark.model
def test_the_premier_is_the_prime_minister_named_before(model):
    text = ("PM Ana Lupu arrived in Tbilisi on 3 May 2021. "
            "On 4 May 2021, the premier held a one-on-one meeting with President Ion Sima.")
    found = find(model, text, COUNTRIES + persons("Ana Lupu", "Ion Sima") + [("Tbilisi", "place", "Tbilisi")],
                 [("3 May 2021", "2021-05-03"), ("4 May 2021", "2021-05-04")])
    assert set(one(found, "meeting").participants) == {"Ana Lupu", "Ion Sima"}


@pytest.mark.model
def test_a_dated_saying_is_a_statement_an_undated_one_is_not(model):
    text = ("Foreign Minister Ion Sima said on 4 May 2021 that the border would reopen. "
            "He said the talks were useful.")
    found = find(model, text, persons("Ion Sima"), [("4 May 2021", "2021-05-04")])
    e = one(found, "statement")
    assert (e.participants, e.date) == (["Ion Sima"], "2021-05-04")


@pytest.mark.model
def test_agreements_signed_with_two_partners_are_one_signing_with_each(model):
    text = ("Georgia widened its reach by signing trade agreements with Moldova and Kazakhstan. "
            "In 2019 Romania signed an agreement with Armenia and Iran.")
    found = find(model, text, COUNTRIES, [("2019", "2019")])
    got = sorted(sorted(e.participants) for e in found if e.type == "agreement_signed")
    assert got == [["Armenia", "Iran", "Romania"], ["Georgia", "Kazakhstan"], ["Georgia", "Moldova"]]


@pytest.mark.model
def test_recognition_offered_is_the_recognition_of_the_offering_subject(model):
    text = "In 1992 Romania did not open an embassy, instead offering mere recognition of Moldova's independence."
    e = one(find(model, text, COUNTRIES, [("1992", "1992")]), "recognition")
    assert set(e.participants) == {"Romania", "Moldova"}


@pytest.mark.model
def test_a_dated_visit_dates_what_the_visitor_goes_on_to_do(model):
    text = ("Commissioner for Trade, Ana Lupu, will be in Tbilisi tomorrow. "
            "The visit matters for the region. "
            "Commissioner Lupu will also attend a meeting with Georgian and Armenian Ministers. "
            "Last year, Ana Lupu held talks with Ion Sima in Chisinau.")
    mentions = COUNTRIES + persons("Ana Lupu", "Ion Sima") + [
        ("Lupu", "person", "Ana Lupu"), ("Tbilisi", "place", "Tbilisi"), ("Chisinau", "place", "Chisinau"),
        ("Georgian", "country", "Georgia", "demonym"), ("Armenian", "country", "Armenia", "demonym")]
    found = find(model, text, mentions, [("tomorrow", "2025-04-04"), ("Last year", "2024")], published="2025-04-03")
    meetings = {e.date: set(e.participants) for e in found if e.type == "meeting"}
    assert meetings["2025-04-04"] >= {"Ana Lupu", "Georgia", "Armenia"}
    assert meetings["2024"] == {"Ana Lupu", "Ion Sima"}


@pytest.mark.model
def test_two_states_written_as_one_modifier_are_the_sides_of_a_war(model):
    text = "Georgia gained most from the recent Ukraine-Russia conflict."
    e = one(find(model, text, COUNTRIES), "war")
    assert set(e.participants) == {"Ukraine", "Russia"} and e.date is None


@pytest.mark.model
def test_being_in_talks_with_a_country_is_a_meeting_of_both(model):
    e = one(find(model, "Moldova is in talks with Romania to open the border.", COUNTRIES), "meeting")
    assert set(e.participants) == {"Moldova", "Romania"}


@pytest.mark.model
def test_a_one_sentence_lead_dates_the_undated_meeting_of_the_next_paragraph(model):
    text = ("President Ana Lupu on Wednesday said she had met her neighbours.\n\n"
            "Lupu took part in the Black Sea Summit alongside President Ion Sima.")
    mentions = persons("Ana Lupu", "Ion Sima") + [("Lupu", "person", "Ana Lupu"),
                                                 ("Black Sea Summit", "event", "Black Sea Summit")]
    found = find(model, text, mentions, [("on Wednesday", "2025-05-28")], published="2025-05-28")
    e = next(e for e in found if e.type == "meeting" and e.name == "Black Sea Summit")
    assert e.date == "2025-05-28"


@pytest.mark.model
def test_a_ceasefire_dated_by_its_own_words_was_agreed_then(model):
    text = ("Thousands were killed before a ceasefire in 1995. "
            "Georgia rejected an association agreement in 2013.")
    found = find(model, text, COUNTRIES, [("1995", "1995"), ("2013", "2013")])
    assert [(e.name, e.date) for e in found if e.type == "agreement_signed"] == [("ceasefire", "1995")]


@pytest.mark.model
def test_every_name_in_apposition_to_a_plural_title_takes_part(model):
    text = "In May 2021 the premier took part in the Black Sea Summit alongside presidents Ana Lupu and Ion Sima."
    mentions = persons("Ana Lupu", "Ion Sima") + [("Black Sea Summit", "event", "Black Sea Summit")]
    e = one(find(model, text, mentions, [("May 2021", "2021-05")]), "meeting")
    assert {"Ana Lupu", "Ion Sima"} <= set(e.participants)


@pytest.mark.model
def test_a_body_dissolved_is_an_organization_change_but_not_one_only_demanded(model):
    text = ("Its dissolution of the Danube Council in January 2024 pleased Romania. "
            "Moldova keeps demanding the dissolution of the Black Sea Forum.")
    mentions = COUNTRIES + [("Danube Council", "organization", "Danube Council"),
                            ("Black Sea Forum", "organization", "Black Sea Forum")]
    found = [e for e in find(model, text, mentions, [("January 2024", "2024-01")]) if e.type == "organization_change"]
    assert [(e.name, e.date) for e in found] == [("Danube Council", "2024-01")]


@pytest.mark.model
def test_a_meeting_of_the_ministers_of_a_body_is_a_meeting_of_that_body(model):
    text = "In June 2023 there was a session of foreign ministers of the Danube Council in Chisinau."
    mentions = [("Danube Council", "organization", "Danube Council"), ("Chisinau", "place", "Chisinau")]
    e = one(find(model, text, mentions, [("June 2023", "2023-06")]), "meeting")
    assert (e.participants, e.date) == (["Danube Council"], "2023-06")


@pytest.mark.model
def test_a_dated_invasion_or_recapture_by_a_state_is_a_war_but_not_a_possible_one(model):
    text = ("In 2021, Georgia recaptured the disputed region. Romania invaded Moldova in May 2019. "
            "Russia could invade Ukraine.")
    found = find(model, text, COUNTRIES, [("2021", "2021"), ("May 2019", "2019-05")])
    got = {(tuple(e.participants), e.date) for e in found if e.type == "war"}
    assert got == {(("Georgia",), "2021"), (("Romania", "Moldova"), "2019-05")}


@pytest.mark.model
def test_talks_held_somewhere_between_two_sides_are_a_meeting_there(model):
    text = "Moldova and Romania quarrelled. Officials cite technical talks held in Georgia between the two sides."
    e = one(find(model, text, COUNTRIES), "meeting")
    assert (set(e.participants), e.place) == ({"Moldova", "Romania"}, "Georgia")


@pytest.mark.model
def test_an_agreement_name_drops_its_quantifiers(model):
    found = find(model, "Further arms deals were signed with Georgia in May 2011.", COUNTRIES,
                 [("May 2011", "2011-05")])
    assert one(found, "agreement_signed").name == "arms deals"


@pytest.mark.model
def test_fighting_dated_by_its_own_phrase_is_a_war_even_with_an_indefinite_article(model):
    text = ("A three-day escalation in April 2016 was the worst breach so far. "
            "A war in 2030 would be a disaster.")
    found = find(model, text, COUNTRIES, [("April 2016", "2016-04"), ("2030", "2030")])
    assert [(e.type, e.date) for e in found] == [("war", "2016-04")]


@pytest.mark.model
def test_a_state_leaving_or_freezing_its_part_in_a_body_changes_the_body(model):
    text = ("Moldova tried to cut its reliance by suspending its participation within the Danube Security "
            "Organization. Georgia left the DSO in 2009. Romania froze the assets of the DSO. Armenia "
            "may leave the DSO.")
    names = COUNTRIES + [("Danube Security Organization", "organization", "DSO"), ("DSO", "organization", "DSO"),
                         ("Black Sea Union", "organization", "BSU")]
    found = [(tuple(e.participants), e.date) for e in find(model, text, names, [("2009", "2009")])
             if e.type == "organization_change"]
    assert found == [(("Moldova",), None), (("Georgia",), "2009")]


@pytest.mark.model
def test_a_list_of_actors_each_dated_in_brackets_is_one_event_each(model):
    text = ("Summits in this format have been organised by Georgia (September 2023) and Moldova (October 2023). "
            "Politicians have set out on tours of the Balkans, such as Ana Lupu (June 2023) and Ion Sima "
            "(November 2023).")
    found = find(model, text, COUNTRIES + persons("Ana Lupu", "Ion Sima") + [("Balkans", "place", "Balkans")],
                 [("September 2023", "2023-09"), ("October 2023", "2023-10"), ("June 2023", "2023-06"),
                  ("November 2023", "2023-11")])
    assert {(e.type, tuple(e.participants), e.date, e.place) for e in found} == {
        ("meeting", ("Georgia",), "2023-09", None), ("meeting", ("Moldova",), "2023-10", None),
        ("visit", ("Ana Lupu",), "2023-06", "Balkans"), ("visit", ("Ion Sima",), "2023-11", "Balkans")}


@pytest.mark.model
def test_both_countries_presidents_meeting_is_a_meeting_of_the_two(model):
    text = "Normalization between Georgia and Moldova began when both countries’ presidents met at a chess match."
    found = find(model, text, COUNTRIES)
    assert set(one(found, "meeting").participants) == {"Georgia", "Moldova"}


@pytest.mark.model
def test_a_line_named_by_an_unknown_proper_modifier_is_not_the_last_line_named(model):
    text = ("The Danube pipeline became operational in May 2006. The Trans-Balkan pipeline was inaugurated in "
            "June 2018. The pipeline was extended in June 2019.")
    found = find(model, text, [("Danube pipeline", "infrastructure", "Danube pipeline")],
                 [("May 2006", "2006-05"), ("June 2018", "2018-06"), ("June 2019", "2019-06")])
    assert "2018-06" not in {e.date for e in found if e.name == "Danube pipeline"}


@pytest.mark.model
def test_a_state_entering_the_war_named_before_is_at_war_from_then(model):
    text = ("Things came to a head during the Great Northern War. "
            "Moldavia joined the war on the side of Sweden in 1709, and trade collapsed.")
    found = find(model, text, [("Great Northern War", "event", "Great Northern War"),
                               ("Moldavia", "country", "Moldavia"), ("Sweden", "country", "Sweden")],
                 [("1709", "1709")])
    war = one(found, "war")
    assert (war.name, war.date, war.participants) == ("Great Northern War", "1709", ["Moldavia"])


@pytest.mark.model
def test_a_co_chaired_roundtable_is_a_meeting(model):
    text = "On 4 May 2024 the commissioner will co-chair an EU-Moldova business roundtable in Chisinau."
    found = find(model, text, [("EU-Moldova business roundtable", "event", "EU-Moldova business roundtable"),
                               ("Chisinau", "place", "Chisinau")], [("4 May 2024", "2024-05-04")])
    meeting = one(found, "meeting")
    assert (meeting.name, meeting.date, meeting.place) == ("EU-Moldova business roundtable", "2024-05-04", "Chisinau")


@pytest.mark.model
@pytest.mark.parametrize("text, sides", [
    ("Moldova and Romania fought a 44-day war in 2020.", ["Moldova", "Romania"]),
    ("Romania waged a war against Moldova in 2020.", ["Romania", "Moldova"]),
    ("In 2020, Romania launched a war against Moldova.", ["Romania", "Moldova"]),
])
def test_a_war_fought_waged_or_launched_has_its_subject_among_its_sides(model, text, sides):
    found = find(model, text, [("Moldova", "country", "Moldova"), ("Romania", "country", "Romania")],
                 [("2020", "2020")])
    war = one(found, "war")
    assert war.date == "2020" and sorted(war.participants) == sorted(sides)


@pytest.mark.model
def test_a_named_exercise_the_tagger_calls_a_verb_is_still_an_exercise(model):
    text = "Moldovan and Romanian forces conducted the MolRo Qartali-2023 exercise in Iasi in September 2023."
    found = find(model, text, [("MolRo Qartali-2023 exercise", "event", "MolRo Qartali-2023 exercise"),
                               ("Iasi", "place", "Iasi"), ("Moldovan", "country", "Moldova", "demonym"),
                               ("Romanian", "country", "Romania", "demonym")], [("September 2023", "2023-09")])
    ex = one(found, "military_exercise")
    assert (ex.name, ex.date, ex.place) == ("MolRo Qartali-2023 exercise", "2023-09", "Iasi")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Moldovan prime minister Ion Rusu urged both sides to stop fighting.",
    "Ion Rusu slammed Romania for its stance.",
    "Ion Rusu spoke of shared pain over the killings.",
    "Ion Rusu highlighted the growing trade between the two countries.",
    "Ion Rusu indicated that Moldova should use the forum to negotiate.",
])
def test_calling_on_slamming_or_speaking_of_is_a_statement(model, text):
    found = find(model, text, [*persons("Ion Rusu"), ("Romania", "country", "Romania"),
                               ("Moldovan", "country", "Moldova", "demonym")])
    assert one(found, "statement").participants == ["Ion Rusu"]


@pytest.mark.model
def test_a_saying_told_after_a_dated_lead_or_a_record_year_takes_neither(model):
    text = ("The group was set up in 1992 to mediate.\n\nBut Ion Rusu has since said that it failed.\n\n"
            "Moldova announced gains in the worst fighting since 1994.")
    found = find(model, text, [*persons("Ion Rusu"), ("Moldova", "country", "Moldova")],
                 [("1992", "1992"), ("1994", "1994")])
    assert sorted((e.participants[0], e.date) for e in found if e.type == "statement") == [
        ("Ion Rusu", None), ("Moldova", None)]


@pytest.mark.model
def test_the_president_of_a_named_state_is_not_another_state_s_president_named_last(model):
    text = ("Moldovan President Ana Popa met Romanian President Ion Rusu. "
            "The Moldovan president then travelled to Iasi in September 2023.")
    found = find(model, text, [*persons("Ana Popa", "Ion Rusu"), ("Iasi", "place", "Iasi"),
                               ("Moldovan", "country", "Moldova", "demonym"),
                               ("Romanian", "country", "Romania", "demonym")], [("September 2023", "2023-09")])
    assert one(found, "visit").participants == ["Ana Popa"]


@pytest.mark.model
def test_the_commissioner_is_the_person_titled_so_even_beside_a_title_mention(model):
    text = ("Commissioner for Trade, Ana Popa, will be in Chisinau tomorrow. On her way to Chisinau, the "
            "Commissioner will stop in Iasi, Romania, today to see the Minister of Energy, Ion Rusu.")
    found = find(model, text, [*persons("Ana Popa", "Ion Rusu"), ("Commissioner for Trade", "person", "Ana Popa",
                                                                   "title"),
                               ("Chisinau", "place", "Chisinau"), ("Iasi", "place", "Iasi"),
                               ("Romania", "country", "Romania")], [("today", "2025-04-03")], "2025-04-03")
    assert any(e.type == "visit" and e.participants == ["Ana Popa"] and e.place == "Iasi" for e in found), found


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Danube pipeline went into operation in November 2020.",
    "The Danube pipeline entered service in November 2020.",
    "The Danube pipeline opened in November 2020.",
    "The Danube pipeline, which links Moldova and Romania, opened in November 2020.",
])
def test_a_line_going_into_operation_or_entering_service_opens(model, text):
    found = find(model, text, [("Danube pipeline", "infrastructure", "Danube pipeline")],
                 [("November 2020", "2020-11")])
    opening = one(found, "opening")
    assert (opening.name, opening.date) == ("Danube pipeline", "2020-11")


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The Danube pipeline is expected to open in November 2026.", [("Danube pipeline", "2026-11")]),
    ("The Danube pipeline is scheduled to be commissioned in November 2026.", [("Danube pipeline", "2026-11")]),
    ("The Danube pipeline is not expected to open in November 2026.", []),
])
def test_a_line_scheduled_to_open_opens_then_unless_denied(model, text, expected):
    found = find(model, text, [("Danube pipeline", "infrastructure", "Danube pipeline")],
                 [("November 2026", "2026-11")])
    assert [(e.name, e.date) for e in found if e.type == "opening"] == expected


@pytest.mark.model
def test_a_line_that_opened_something_else_did_not_open(model):
    found = find(model, "The Danube pipeline opened up new markets in November 2020.",
                 [("Danube pipeline", "infrastructure", "Danube pipeline")], [("November 2020", "2020-11")])
    assert [e for e in found if e.type == "opening"] == []


@pytest.mark.model
def test_an_agreement_s_name_stops_before_where_it_was_signed(model):
    text = "Moldova and Romania signed a memorandum of understanding on energy cooperation in Iasi on 10 March 2023."
    found = find(model, text, [("Moldova", "country", "Moldova"), ("Romania", "country", "Romania"),
                               ("Iasi", "place", "Iasi")], [("10 March 2023", "2023-03-10")])
    signed = one(found, "agreement_signed")
    assert (signed.name, signed.place) == ("memorandum of understanding on energy cooperation", "Iasi")


@pytest.mark.model
def test_the_two_presidents_are_the_two_named_as_presidents_before(model):
    text = ("Moldovan President Ana Popa praised Romanian President Ion Rusu, said aide Dan Vlad. "
            "The two presidents met in Iasi on 15 June 2021.")
    found = find(model, text, [*persons("Ana Popa", "Ion Rusu", "Dan Vlad"), ("Iasi", "place", "Iasi"),
                               ("Moldovan", "country", "Moldova", "demonym"),
                               ("Romanian", "country", "Romania", "demonym")], [("15 June 2021", "2021-06-15")])
    meeting = one(found, "meeting")
    assert sorted(meeting.participants) == ["Ana Popa", "Ion Rusu"] and meeting.place == "Iasi"


@pytest.mark.model
@pytest.mark.parametrize("text, signed", [
    ("In June 2021, Moldova and Romania adopted the Prut Declaration.",
     [("Prut Declaration", ["Moldova", "Romania"], "2021-06")]),
    ("The Moldovan Protection Act, adopted by the Senate in 2023, was criticised.", []),
])
def test_adopting_a_declaration_is_signing_it_but_passing_a_law_is_not(model, text, signed):
    mentions = COUNTRIES + [("Prut Declaration", "agreement", "Prut Declaration"),
                            ("Moldovan Protection Act", "agreement", "Moldovan Protection Act"),
                            ("Senate", "organization", "Senate")]
    found = find(model, text, mentions, times=[("June 2021", "2021-06"), ("2023", "2023")])
    assert [(e.name, sorted(e.participants), e.date) for e in found if e.type == "agreement_signed"] == signed


@pytest.mark.model
def test_joining_two_bodies_is_a_dated_change_for_each(model):
    mentions = COUNTRIES + [("Council of Europe", "organization", "Council of Europe"),
                            ("World Trade Organization", "organization", "World Trade Organization")]
    found = find(model, "Moldova joined the Council of Europe and the World Trade Organization in 2001.", mentions,
                 times=[("2001", "2001")])
    assert sorted((e.name, e.date, tuple(e.participants)) for e in found if e.type == "organization_change") == [
        ("Council of Europe", "2001", ("Moldova",)), ("World Trade Organization", "2001", ("Moldova",))]


@pytest.mark.model
def test_a_body_that_changed_its_name_is_a_change_under_the_new_name(model):
    mentions = [("Prut Council", "organization", "Prut Council"),
                ("Organization of Prut States", "organization", "Organization of Prut States")]
    found = find(model, "In 2021 the Prut Council changed its name to the Organization of Prut States.", mentions,
                 times=[("2021", "2021")])
    assert [(e.type, e.name, e.date) for e in found] == [
        ("organization_change", "Organization of Prut States", "2021")]


@pytest.mark.model
@pytest.mark.parametrize("text, said", [
    ("Ion Rusu's statement that a peace deal would help Moldova is notable.", [("Ion Rusu", None)]),
    ("Ion Rusu's speech in February 2024 was widely covered.", [("Ion Rusu", "2024-02")]),
    ("The Moldovan Foreign Ministry later explained that demarcation was not done.",
     [("Moldovan Foreign Ministry", None)]),
    ("Moldova added two new ships to its fleet.", []),
])
def test_a_saying_told_by_a_noun_or_a_verb_with_its_clause_is_a_statement(model, text, said):
    mentions = COUNTRIES + persons("Ion Rusu") + [
        ("Moldovan Foreign Ministry", "organization", "Moldovan Foreign Ministry")]
    found = find(model, text, mentions, times=[("February 2024", "2024-02")])
    assert [(e.participants[0], e.date) for e in found if e.type == "statement"] == said


@pytest.mark.model
@pytest.mark.parametrize("text, date", [
    ("The Prut pipeline started pumping gas in 2018.", "2018"),
    ("The Prut pipeline, which began delivering gas to Moldova in 2019, is long.", "2019"),
    ("The Prut pipeline came online in 2018.", "2018"),
])
def test_a_line_that_began_carrying_goods_or_came_online_opened_then(model, text, date):
    found = find(model, text, COUNTRIES + [("Prut pipeline", "infrastructure", "Prut pipeline")],
                 times=[("2018", "2018"), ("2019", "2019")])
    assert [(e.type, e.name, e.date) for e in found if e.type == "opening"] == [("opening", "Prut pipeline", date)]


@pytest.mark.model
def test_a_line_opened_in_a_verb_coordinated_with_another_is_an_opening(model):
    text = "The Prut pipeline connects Moldova to Romania's gas network and was inaugurated in 2014."
    found = find(model, text, COUNTRIES + [("Prut pipeline", "infrastructure", "Prut pipeline")],
                 times=[("2014", "2014")])
    assert [(e.type, e.name, e.date) for e in found] == [("opening", "Prut pipeline", "2014")]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The Prut Council met on 5 May 2023 to discuss the fighting.", [("Prut Council",)]),
    ("Prut Council leaders met in Chisinau on 5 May 2023.", [("Prut Council",)]),
    ("Prut Council leaders often meet.", []),
])
def test_a_body_or_its_leaders_meeting_on_a_given_day_is_a_meeting(model, text, expected):
    found = find(model, text, COUNTRIES + [("Prut Council", "organization", "Prut Council"),
                                           ("Chisinau", "place", "Chisinau")], times=[("5 May 2023", "2023-05-05")])
    assert [tuple(e.participants) for e in found if e.type == "meeting"] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, states", [
    ("With the collapse of the Soviet Union in 1991 and the emergence of the independent states of Georgia, "
     "Moldova and Armenia, Russia shifted away.", ["Georgia", "Moldova", "Armenia"]),
    ("Since independence in 1991, Moldova has been neutral.", ["Moldova"]),
])
def test_states_emerging_as_independent_or_a_clause_since_independence_date_their_independence(model, text, states):
    found = find(model, text, COUNTRIES + [("Soviet Union", "country", "Soviet Union")], times=[("1991", "1991")])
    assert [(e.participants, e.date) for e in found if e.type == "independence"] == [([s], "1991") for s in states]


@pytest.mark.model
def test_an_exercise_s_own_dated_name_is_not_where_it_was_held(model):
    found = find(model, "Moldova and Romania held the Prut-2021 exercises in May 2021.",
                 COUNTRIES + [("Prut-2021", "place", "Prut-2021")], times=[("May 2021", "2021-05")])
    assert [(e.type, e.place) for e in found] == [("military_exercise", None)]


@pytest.mark.model
def test_a_saying_by_a_person_named_inside_a_long_title_is_theirs(model):
    text = ("In June 2012, President of the State Oil Company of Moldova Republic Rovan Abdulov stated that Moldova "
            "would begin building national warships after 2013.")
    mentions = COUNTRIES + persons("Rovan Abdulov") + [
        ("State Oil Company of Moldova Republic", "organization", "SOCM")]
    found = find(model, text, mentions, times=[("June 2012", "2012-06")])
    assert [(e.participants, e.date) for e in found if e.type == "statement"] == [(["Rovan Abdulov"], "2012-06")]


@pytest.mark.model
@pytest.mark.parametrize("text, type_", [
    ("Ion Rusu, who was prime minister from 2003 to 2013, visited Bucharest.", "visit"),
    ("Ion Rusu, prime minister from 2003 to 2013, met Anna Petrova.", "meeting"),
    ("Ion Rusu, who served as foreign minister from 2003 to 2013, said the deal was historic.", "statement"),
])
def test_a_tenure_told_of_a_participant_in_a_clause_of_its_own_does_not_date_the_event(model, text, type_):
    found = find(model, text, COUNTRIES + persons("Ion Rusu", "Anna Petrova") + [("Bucharest", "place", "Bucharest")],
                 times=[("from 2003 to 2013", "2003", "2013")])
    assert [(e.type, e.date) for e in found] == [(type_, None)]


@pytest.mark.model
def test_a_single_year_told_of_a_participant_may_still_date_the_event(model):
    text = "In my first meeting with Ion Rusu, who was Moldova's foreign minister in 2003, he spoke of trade."
    found = find(model, text, COUNTRIES + persons("Ion Rusu"), times=[("2003", "2003")])
    assert [(e.type, e.date) for e in found if e.type == "meeting"] == [("meeting", "2003")]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Prut pipeline, which was inaugurated in 2014, connects Moldova to Romania.",
    "The Prut pipeline, commissioned in 2014, connects Moldova to Romania.",
])
def test_a_line_opened_in_a_relative_clause_or_participle_is_an_opening(model, text):
    found = find(model, text, COUNTRIES + [("Prut pipeline", "infrastructure", "Prut pipeline")],
                 times=[("2014", "2014")])
    assert [(e.type, e.name, e.date) for e in found] == [("opening", "Prut pipeline", "2014")]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The 1992 war between Moldova and Prutland killed hundreds.",
    "War broke out between Moldova and Prutland in March 1992.",
    "Fighting erupted between Moldovan forces and separatists in Prutland in 1992.",
])
def test_a_region_a_war_is_fought_with_is_where_it_was_fought(model, text):
    found = find(model, text, COUNTRIES + [("Moldovan", "country", "Moldova", "demonym"),
                                           ("Prutland", "place", "Prutland")],
                 times=[("1992", "1992"), ("March 1992", "1992-03")])
    assert [(e.type, e.participants, e.place) for e in found] == [("war", ["Moldova"], "Prutland")]


@pytest.mark.model
@pytest.mark.parametrize("text, date", [
    ("Ion Rusu said the talks were useful.", None),
    ("On 2 May 2023, Ion Rusu said the talks were useful.", "2023-05-02"),
    ("Ion Rusu told reporters the deal was signed.", None),
])
def test_talks_of_nobody_in_what_is_said_do_not_hide_the_saying(model, text, date):
    found = find(model, text, COUNTRIES + persons("Ion Rusu"), times=[("2 May 2023", "2023-05-02")])
    assert [(e.type, e.participants, e.date) for e in found] == [("statement", ["Ion Rusu"], date)]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Moldova and Romania have maintained diplomatic relations since 1991.", [(["Moldova", "Romania"], "1991")]),
    ("Moldova has had diplomatic relations with Romania since 1991.", [(["Moldova", "Romania"], "1991")]),
    ("Moldova has maintained diplomatic relations with Romania since the war.", []),
    ("Moldova and Romania maintain diplomatic relations.", []),
])
def test_relations_maintained_since_a_time_were_established_then(model, text, expected):
    found = find(model, text, COUNTRIES, times=[("1991", "1991")])
    assert [(e.participants, e.date) for e in found if e.type == "diplomatic_relations"] == expected


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Prut Union was founded in 1997 by Georgia, Armenia and Moldova.",
    "Georgia, Armenia and Moldova founded the Prut Union in 1997.",
])
def test_the_states_that_founded_a_body_take_part_in_its_founding(model, text):
    found = find(model, text, COUNTRIES + [("Prut Union", "organization", "Prut Union")], times=[("1997", "1997")])
    assert [(e.type, e.participants, e.date) for e in found] == [
        ("organization_change", ["Georgia", "Armenia", "Moldova"], "1997")]


@pytest.mark.model
@pytest.mark.parametrize("text, who, date", [
    ("The Moldovan government said the town was shelled.", ["Moldova"], None),
    ("Moldova's army said the town was shelled.", ["Moldova"], None),
    ("Moldovan authorities said on 3 May 2023 that the town was shelled.", ["Moldova"], "2023-05-03"),
    ("Both Moldovan and Romanian officials emphasized the deal was defensive.", ["Moldova", "Romania"], None),
])
def test_a_state_speaks_through_its_government_army_or_officials(model, text, who, date):
    found = find(model, text, COUNTRIES + [("Moldovan", "country", "Moldova", "demonym"),
                                           ("Romanian", "country", "Romania", "demonym")],
                 times=[("3 May 2023", "2023-05-03")])
    assert [(e.type, e.participants, e.date) for e in found] == [("statement", who, date)]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Moldova declared martial law.", []),
    ("Ion Rusu declared that the border was closed.", [["Ion Rusu"]]),
])
def test_declaring_a_state_of_things_is_no_saying_declaring_a_clause_is(model, text, expected):
    found = find(model, text, COUNTRIES + persons("Ion Rusu"))
    assert [e.participants for e in found if e.type == "statement"] == expected


@pytest.mark.model
def test_who_holds_a_round_of_talks_holds_the_talks(model):
    text = "Moldova and Romania held the sixth round of talks in Chisinau on 12 March 2024."
    found = find(model, text, COUNTRIES + [("Chisinau", "place", "Chisinau")], times=[("12 March 2024", "2024-03-12")])
    assert [(e.type, e.participants, e.place, e.date) for e in found] == [
        ("meeting", ["Moldova", "Romania"], "Chisinau", "2024-03-12")]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The Prut Union mission in Moldova was established in 1993.", []),
    ("The Prut Union was established in 1993.", ["Prut Union"]),
])
def test_founding_a_body_s_unit_is_no_change_of_the_body(model, text, expected):
    found = find(model, text, COUNTRIES + [("Prut Union", "organization", "Prut Union")], times=[("1993", "1993")])
    assert [e.name for e in found if e.type == "organization_change"] == expected


@pytest.mark.model
def test_how_much_a_contract_is_worth_is_no_part_of_its_name(model):
    text = "Moldova and Romania signed contracts worth $300 million in May 2023."
    found = find(model, text, COUNTRIES, times=[("May 2023", "2023-05")])
    assert [(e.type, e.name, e.date) for e in found] == [("agreement_signed", None, "2023-05")]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ion Rusu discussed the crisis by phone with Anna Petrova.",
    "Ion Rusu and Anna Petrova agreed by phone to meet again.",
])
def test_discussing_or_agreeing_by_phone_is_a_call(model, text):
    found = find(model, text, COUNTRIES + persons("Ion Rusu", "Anna Petrova"))
    assert [(e.type, e.participants) for e in found] == [("meeting", ["Ion Rusu", "Anna Petrova"])]


@pytest.mark.model
def test_named_in_apposition_to_their_titles_the_people_who_met_take_part(model):
    text = "The foreign ministers of Moldova and Romania, Ion Rusu and Anna Petrova, met in Iasi."
    found = find(model, text, COUNTRIES + persons("Ion Rusu", "Anna Petrova") + [("Iasi", "place", "Iasi")])
    assert [(e.type, set(e.participants) >= {"Ion Rusu", "Anna Petrova"}, e.place) for e in found] == [
        ("meeting", True, "Iasi")]


@pytest.mark.model
def test_embassies_opened_in_a_coordinated_clause_are_opened_by_its_subject(model):
    text = "Moldova and Romania established diplomatic relations in 1991 and opened embassies in 1992."
    found = find(model, text, COUNTRIES, times=[("1991", "1991"), ("1992", "1992")])
    assert [(e.participants, e.date) for e in found if e.type == "diplomatic_relations"] == [
        (["Moldova", "Romania"], "1991"), (["Moldova", "Romania"], "1992")]


@pytest.mark.model
@pytest.mark.parametrize("text, who, date", [
    ("Romania joined the Prut Union in 2004 along with Georgia and Armenia.",
     ["Romania", "Georgia", "Armenia"], "2004"),
    ("Romania joined the Prut Union together with Georgia in 2004.", ["Romania", "Georgia"], "2004"),
    ("Romania has been a member of the Prut Union since 2004.", ["Romania"], "2004"),
])
def test_states_joining_together_or_members_since_a_time_joined_then(model, text, who, date):
    found = find(model, text, COUNTRIES + [("Prut Union", "organization", "Prut Union")], times=[("2004", "2004")])
    assert [(e.type, e.participants, e.date) for e in found] == [("organization_change", who, date)]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("According to Ion Rusu, the border will reopen in May.", [["Ion Rusu"]]),
    ("The border will reopen in May, according to Ion Rusu.", [["Ion Rusu"]]),
    ("According to the Prut Institute, trade grew.", []),   # a body cited is a source of data
])
def test_what_a_person_is_cited_for_is_their_saying(model, text, expected):
    found = find(model, text, COUNTRIES + persons("Ion Rusu") + [("Prut Institute", "organization", "Prut Institute")])
    assert [e.participants for e in found if e.type == "statement"] == expected


@pytest.mark.model
def test_a_visit_of_so_many_days_ends_on_its_last_day(model):
    text = "Ion Rusu paid a three-day state visit to Romania on 5 May 2023."
    found = find(model, text, COUNTRIES + persons("Ion Rusu"), times=[("5 May 2023", "2023-05-05")])
    assert [(e.type, e.date, e.end_date) for e in found] == [("visit", "2023-05-05", "2023-05-07")]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ion Rusu and Anna Petrova inaugurated the Prut Bridge in 2019.",
    "The Prut Bridge was inaugurated by Ion Rusu and Anna Petrova in 2019.",
])
def test_who_inaugurates_a_line_takes_part_in_its_opening(model, text):
    found = find(model, text, COUNTRIES + persons("Ion Rusu", "Anna Petrova")
                 + [("Prut Bridge", "infrastructure", "Prut Bridge")], times=[("2019", "2019")])
    assert [(e.type, e.name, e.participants, e.date) for e in found] == [
        ("opening", "Prut Bridge", ["Ion Rusu", "Anna Petrova"], "2019")]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Over 1,000 troops took part in the Prut Shield 2023 exercise.", ("Prut Shield 2023 exercise", "2023")),
    ("The exercise took place near Iasi in 2023.", (None, "2023")),
])
def test_an_exercise_dated_by_its_name_or_told_taking_place(model, text, expected):
    found = find(model, text, COUNTRIES + [("Prut Shield 2023 exercise", "event", "Prut Shield 2023 exercise"),
                                           ("Iasi", "place", "Iasi")], times=[("in 2023", "2023")])
    assert [(e.type, e.name, e.date) for e in found] == [("military_exercise", *expected)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Moldovan and Romanian troops held a joint exercise, codenamed Prut Shield, near Cahul in October.",
    # the parser makes "codenamed" the root here: the name and the place are read where they are written
    "The two countries' armed forces held their first joint exercise, codenamed Prut Shield, near Cahul in October.",
])
def test_an_exercise_takes_the_name_it_is_given_and_the_place_near_it(model, text):
    found = find(model, text, COUNTRIES + [("Prut Shield", "event", "Prut Shield"), ("Cahul", "place", "Cahul")],
                 times=[("in October", "2024-10")])
    assert [(e.type, e.name, e.place) for e in found if e.type == "military_exercise"] == [
        ("military_exercise", "Prut Shield", "Cahul")]


@pytest.mark.model
@pytest.mark.parametrize("text, times, dates", [
    ("Ion Rusu visited Bucharest in May 2004 and in October 2007.",
     [("May 2004", "2004-05"), ("October 2007", "2007-10")], ["2004-05", "2007-10"]),
    ("Ion Rusu visited Bucharest in 2004, 2007 and 2011.",
     [("2004", "2004"), ("2007", "2007"), ("2011", "2011")], ["2004", "2007", "2011"]),
    # one stay told with its day
    ("Ion Rusu visited Bucharest in May 2004, on 3 May.", [("May 2004", "2004-05"), ("3 May", "2004-05-03")],
     ["2004-05-03"]),
])
def test_a_visit_told_at_several_times_is_one_visit_each_time(model, text, times, dates):
    found = find(model, text, COUNTRIES + persons("Ion Rusu") + [("Bucharest", "place", "Bucharest")], times)
    assert sorted(e.date for e in found if e.type == "visit") == dates


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "In 1996, Moldova's President Ion Rusu paid an official visit to Romania, during which the two presidents "
    "signed the Treaty of Friendship.",
    "Moldova and Romania are neighbours. In 1996, President Ion Rusu paid an official visit to Romania, during "
    "which the two presidents signed the Treaty of Friendship.",
])
def test_what_is_signed_during_a_visit_is_dated_by_it_and_two_presidents_stand_for_the_pair(model, text):
    mentions = COUNTRIES + persons("Ion Rusu") + [("Treaty of Friendship", "agreement", "Treaty of Friendship")]
    ctx = make_context(model, text, mentions, [("In 1996", "1996")])
    [e] = [e for e in events.find_events(ctx) if e.type == "agreement_signed"]
    assert (e.date, sorted(e.participants)) == ("1996", ["Moldova", "Romania"])


@pytest.mark.model
def test_the_company_a_contract_is_signed_with_to_buy_goods_is_a_party(model):
    text = "Romgaz signed a contract on Wednesday with Vestra Gas to buy 1 billion cubic metres of gas a year."
    found = find(model, text, [("Romgaz", "organization", "Romgaz"), ("Vestra Gas", "organization", "Vestra Gas")])
    assert [(e.type, e.participants) for e in found] == [("agreement_signed", ["Romgaz", "Vestra Gas"])]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Ion Rusu also laid a wreath at the memorial and was received by Prime Minister Anna Petrova.",
     [("meeting", ["Anna Petrova", "Ion Rusu"])]),
    ("The proposal was well received by Anna Petrova.", []),
])
def test_one_received_by_an_official_meets_that_official(model, text, expected):
    found = find(model, text, COUNTRIES + persons("Ion Rusu", "Anna Petrova"))
    assert [(e.type, e.participants) for e in found] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, in_force, signed", [
    ("Moldova's parliament ratified the agreement on defence cooperation with Romania in March 2022, two years "
     "after it was signed in Chisinau.", ["Moldova", "Romania"], ["Moldova", "Romania"]),
    ("The Moldovan parliament ratified the agreement on defence cooperation in 2022.", ["Moldova"], None),
    ("The Sfatul Tarii, Moldova's parliament, ratified the agreement on defence cooperation in 2022.", ["Moldova"],
     None),
    ("The Sfatul Tarii ratified the agreement on defence cooperation between the Government of Moldova and the "
     "Government of the Republic of Romania in 2022.", ["Moldova", "Romania"], None),
])
def test_a_ratification_binds_the_state_of_the_parliament_and_the_other_party(model, text, in_force, signed):
    mentions = COUNTRIES + [("agreement on defence cooperation", "agreement", "agreement on defence cooperation"),
                            ("Chisinau", "place", "Chisinau"), ("Sfatul Tarii", "organization", "Sfatul Tarii"),
                            ("Republic of Romania", "country", "Romania")]
    found = find(model, text, mentions, [("in March 2022", "2022-03"), ("in 2022", "2022")])
    assert [e.participants for e in found if e.type == "agreement_in_force"] == [in_force]
    assert [e.participants for e in found if e.type == "agreement_signed"] == ([signed] if signed else [])


@pytest.mark.model
def test_a_breakaway_region_declares_independence_and_fights_a_war(model):
    text = "Transnistria, a breakaway region, declared independence in 1990 and fought a war with Moldova in 1992."
    found = find(model, text, COUNTRIES + [("Transnistria", "place", "Transnistria")],
                 [("in 1990", "1990"), ("in 1992", "1992")])
    assert [(e.type, e.participants, e.date) for e in found] == [
        ("independence", ["Transnistria"], "1990"), ("war", ["Transnistria", "Moldova"], "1992")]


@pytest.mark.model
def test_a_region_coordinated_with_a_state_fights_the_war_too(model):
    found = find(model, "Moldova and Transnistria fought a war in 1992.",
                 COUNTRIES + [("Transnistria", "place", "Transnistria")], [("in 1992", "1992")])
    assert [(e.type, e.participants) for e in found] == [("war", ["Moldova", "Transnistria"])]


@pytest.mark.model
def test_the_independence_recognised_on_the_day_it_was_declared_is_the_recognised_states(model):
    text = "Romania recognized Moldova's independence on the day it was declared, 27 August 1991."
    found = find(model, text, COUNTRIES, [("27 August 1991", "1991-08-27")])
    assert sorted((e.type, tuple(e.participants)) for e in found) == [
        ("independence", ("Moldova",)), ("recognition", ("Romania", "Moldova"))]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The Treaty of Chisinau (1812) gave the land to Romania.", [("agreement_signed", "Treaty of Chisinau", "1812")]),
    ("The Treaty of Chisinau gave the land to Romania.", []),
])
def test_a_named_treaty_with_its_year_in_parentheses_was_signed_then(model, text, expected):
    found = find(model, text, COUNTRIES + [("Treaty of Chisinau", "agreement", "Treaty of Chisinau")],
                 [("1812", "1812")])
    assert [(e.type, e.name, e.date) for e in found] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The Giurgiulesti port was inaugurated by Ion Rusu in 2006.", [("opening", "Giurgiulesti port", "2006")]),
    ("The first gas flowed through the Prut pipeline in 2014.", [("opening", "Prut pipeline", "2014")]),
    ("Gas flowed through the Prut pipeline in 2014.", []),   # not the first: no opening told
])
def test_a_port_opened_and_a_line_through_which_the_first_gas_flowed(model, text, expected):
    mentions = COUNTRIES + persons("Ion Rusu") + [("Giurgiulesti port", "place", "Giurgiulesti port"),
                                                  ("Prut pipeline", "infrastructure", "Prut pipeline")]
    found = find(model, text, mentions, [("in 2006", "2006"), ("in 2014", "2014")])
    assert [(e.type, e.name, e.date) for e in found] == expected


@pytest.mark.model
def test_a_place_that_did_not_declare_independence_gets_none(model):
    text = "Transnistria, a breakaway region, wants to declare independence."
    found = find(model, text, COUNTRIES + [("Transnistria", "place", "Transnistria")])
    assert [e for e in found if e.type == "independence"] == []


@pytest.mark.model
@pytest.mark.parametrize("text, signers", [
    ("Moldova and Romania signed 11 documents, including a memorandum on energy and an agreement on trade.",
     ["Moldova", "Romania"]),
    ("Ion Rusu and Anna Petrova met on Monday. The two leaders also witnessed the signing of 11 documents, "
     "including a memorandum on energy and an agreement on trade.", ["Ion Rusu", "Anna Petrova"]),
])
def test_the_documents_a_signing_includes_are_each_signed(model, text, signers):
    mentions = COUNTRIES + persons("Ion Rusu", "Anna Petrova") + [
        ("memorandum on energy", "agreement", "memorandum on energy"),
        ("agreement on trade", "agreement", "agreement on trade")]
    found = [e for e in find(model, text, mentions) if e.type == "agreement_signed"]
    assert [(e.name, e.participants) for e in found] == [("memorandum on energy", signers),
                                                         ("agreement on trade", signers)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Prut Shield exercise will involve some 3,000 troops from Moldova and Romania.",
    "Moldova and Romania are allies. The Prut Shield exercise will involve some 3,000 troops from both countries.",
])
def test_an_exercise_involving_troops_from_states_is_theirs(model, text):
    found = find(model, text, COUNTRIES + [("Prut Shield exercise", "event", "Prut Shield exercise")])
    assert [e.participants for e in found if e.type == "military_exercise"] == [["Moldova", "Romania"]]


@pytest.mark.model
def test_a_town_closing_the_members_of_a_meeting_is_where_it_was_held(model):
    text = "Moldova is a member of the OBSS. On Monday a session of the defence chiefs of the OBSS in Iasi began. " \
           "Moldova's president addressed the chiefs."
    mentions = COUNTRIES + [("OBSS", "organization", "OBSS"), ("Iasi", "place", "Iasi")]
    found = [e for e in find(model, text, mentions) if e.type == "meeting"]
    assert [(e.participants, e.place) for e in found] == [(["OBSS"], "Iasi")]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Leaders of the Alpha Union met in Iasi on Monday.", [("meeting", ["Alpha Union"], "2024-11-25")]),
    ("Moldova's accession to the Alpha Union in 2001 was welcomed.",
     [("organization_change", ["Moldova"], "2001")]),
])
def test_a_body_whose_leaders_meet_and_a_dated_accession(model, text, expected):
    found = find(model, text, COUNTRIES + [("Alpha Union", "organization", "Alpha Union"), ("Iasi", "place", "Iasi")],
                 [("on Monday", "2024-11-25"), ("2001", "2001")])
    assert [(e.type, e.participants, e.date) for e in found] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, place", [
    ("During his visit to Bucharest in May 2023, Ion Rusu met Anna Petrova.", "Bucharest"),
    ("Ion Rusu visited Romania in May 2023 and met Anna Petrova.", "Romania"),
])
def test_a_meeting_told_with_a_visit_was_held_where_the_visit_went(model, text, place):
    mentions = COUNTRIES + persons("Ion Rusu", "Anna Petrova") + [("Bucharest", "place", "Bucharest")]
    found = find(model, text, mentions, [("in May 2023", "2023-05")])
    assert [e.place for e in found if e.type == "meeting"] == [place]


@pytest.mark.model
def test_a_trip_in_a_fronted_phrase_is_the_clause_subjects_visit(model):
    text = "During a trip to Bucharest on 5 May 2023, Ion Rusu met Anna Petrova."
    found = find(model, text, COUNTRIES + persons("Ion Rusu", "Anna Petrova") + [("Bucharest", "place", "Bucharest")],
                 [("on 5 May 2023", "2023-05-05")])
    assert sorted((e.type, tuple(e.participants), e.place) for e in found) == [
        ("meeting", ("Ion Rusu", "Anna Petrova"), "Bucharest"), ("visit", ("Ion Rusu",), "Bucharest")]


@pytest.mark.model
@pytest.mark.parametrize("text, day, dates", [
    ("Ion Rusu arrived in Bucharest on 3 May 2023 for a two-day trip.", ("on 3 May 2023", "2023-05-03"),
     ("2023-05-03", "2023-05-04")),
    ("Ion Rusu's three-day tour of Romania ended on 7 May 2023.", ("on 7 May 2023", "2023-05-07"),
     ("2023-05-05", "2023-05-07")),
])
def test_a_visit_of_some_days_spans_them_from_its_start_or_back_from_its_end(model, text, day, dates):
    found = find(model, text, COUNTRIES + persons("Ion Rusu") + [("Bucharest", "place", "Bucharest")], [day])
    assert [(e.date, e.end_date) for e in found if e.type == "visit"] == [dates]


@pytest.mark.model
def test_a_singular_relative_clause_after_members_of_a_body_tells_of_the_body(model):
    text = "Moldova and Romania are members of the Organization of Black Sea States, which held its summit " \
           "in Chisinau in early November."
    mentions = COUNTRIES + [("Organization of Black Sea States", "organization", "Organization of Black Sea States"),
                            ("Chisinau", "place", "Chisinau")]
    [e] = [e for e in find(model, text, mentions, [("early November", "2024-11")]) if e.type == "meeting"]
    assert (e.participants, e.place, e.date) == (["Organization of Black Sea States"], "Chisinau", "2024-11")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ion Rusu arrived in Bucharest on Tuesday for a two-day state visit, his third trip to Romania this year.",
    "Ion Rusu visited Bucharest on Tuesday, his first visit to Romania since 2019.",
])
def test_a_visit_told_again_in_apposition_is_the_same_visit(model, text):
    mentions = COUNTRIES + persons("Ion Rusu") + [("Bucharest", "place", "Bucharest")]
    found = [e for e in find(model, text, mentions, [("Tuesday", "2024-11-26")]) if e.type == "visit"]
    assert [(e.participants, e.place) for e in found] == [(["Ion Rusu"], "Bucharest")]


@pytest.mark.model
def test_drills_near_a_place_are_held_there(model):
    text = "Moldovan and Romanian troops held joint drills near Ungheni in March."
    mentions = [("Moldovan", "country", "Moldova", "demonym"), ("Romanian", "country", "Romania", "demonym"),
                ("Ungheni", "place", "Ungheni")]
    [e] = [e for e in find(model, text, mentions, [("March", "2024-03")]) if e.type == "military_exercise"]
    assert (e.place, sorted(e.participants)) == ("Ungheni", ["Moldova", "Romania"])


@pytest.mark.model
def test_the_deadline_of_a_pledge_does_not_date_the_pledge(model):
    text = "Under the deal, Moldova pledged to raise gas imports from Romania to at least 2 bcm a year by 2027."
    found = [e for e in find(model, text, COUNTRIES, [("2027", "2027")]) if e.type == "statement"]
    assert found and all(e.date != "2027" for e in found)


@pytest.mark.model
def test_a_place_right_before_the_signing_date_is_where_it_was_signed(model):
    text = ("The European Commission signed a memorandum of understanding with Moldova on a strategic partnership "
            "in the field of energy in Chisinau on 18 July 2022.")
    mentions = COUNTRIES + [("European Commission", "organization", "European Commission"),
                            ("Chisinau", "place", "Chisinau")]
    [e] = [e for e in find(model, text, mentions, [("18 July 2022", "2022-07-18")]) if e.type == "agreement_signed"]
    assert (e.place, e.date) == ("Chisinau", "2022-07-18")


@pytest.mark.model
def test_each_official_who_opened_a_line_stands_for_a_state(model):
    text = ("The Ungheni–Iasi railway was inaugurated on 30 October 2017 by the presidents of Moldova and Romania "
            "and the prime minister of Georgia.")
    mentions = COUNTRIES + [("Ungheni–Iasi railway", "infrastructure", "Ungheni–Iasi railway")]
    [e] = [e for e in find(model, text, mentions, [("30 October 2017", "2017-10-30")]) if e.type == "opening"]
    assert sorted(e.participants) == ["Georgia", "Moldova", "Romania"]


@pytest.mark.model
def test_the_land_a_war_is_fought_over_is_its_place(model):
    text = "Moldova and Romania fought a six-week war in 2020 over Transnistria."
    mentions = COUNTRIES + [("Transnistria", "place", "Transnistria")]
    [e] = [e for e in find(model, text, mentions, [("2020", "2020")]) if e.type == "war"]
    assert (e.place, sorted(e.participants)) == ("Transnistria", ["Moldova", "Romania"])


@pytest.mark.model
def test_ministers_who_co_chaired_a_meeting_took_part_in_it(model):
    text = ("Moldovan Economy Minister Ion Rusu and Romanian Trade Minister Anna Petrova co-chaired the 12th meeting "
            "of the intergovernmental commission in Chisinau on 8 November.")
    mentions = persons("Ion Rusu", "Anna Petrova") + [("Chisinau", "place", "Chisinau")]
    [e] = [e for e in find(model, text, mentions, [("8 November", "2024-11-08")]) if e.type == "meeting"]
    assert (e.participants, e.place, e.date) == (["Ion Rusu", "Anna Petrova"], "Chisinau", "2024-11-08")


@pytest.mark.model
def test_an_agreement_in_force_binds_the_states_that_signed_it(model):
    text = ("Moldova signed an Association Agreement with the European Union in June 2014, which came into force "
            "on 1 July 2016.")
    mentions = COUNTRIES + [("European Union", "organization", "European Union"),
                            ("Association Agreement", "agreement", "Association Agreement")]
    times = [("June 2014", "2014-06"), ("1 July 2016", "2016-07-01")]
    [e] = [e for e in find(model, text, mentions, times) if e.type == "agreement_in_force"]
    assert (sorted(e.participants), e.date) == (["European Union", "Moldova"], "2016-07-01")


@pytest.mark.model
def test_an_agreement_in_force_does_not_bind_the_persons_who_signed_it(model):
    text = "In 2020 Ion Rusu and Anna Petrova signed the Prut Agreement, which came into force on 1 March 2021."
    mentions = persons("Ion Rusu", "Anna Petrova") + [("Prut Agreement", "agreement", "Prut Agreement")]
    [e] = [e for e in find(model, text, mentions, [("2020", "2020"), ("1 March 2021", "2021-03-01")])
           if e.type == "agreement_in_force"]
    assert e.participants == []


@pytest.mark.model
def test_a_meeting_told_a_week_after_another_event_is_not_dated_by_the_sentence_before(model):
    text = "Ion Rusu visited Chisinau in March 2024. The visit came a week after Rusu met Anna Petrova in Iasi."
    mentions = persons("Ion Rusu", "Rusu", "Anna Petrova") + [("Chisinau", "place", "Chisinau"),
                                                              ("Iasi", "place", "Iasi")]
    [e] = [e for e in find(model, text, mentions, [("March 2024", "2024-03")]) if e.type == "meeting"]
    assert e.date is None


@pytest.mark.model
def test_a_figures_year_in_the_paragraph_before_dates_no_event(model):
    text = "Bilateral trade rose to 82 million euros in 2024.\n\nIon Rusu met Anna Petrova in Iasi."
    mentions = persons("Ion Rusu", "Anna Petrova") + [("Iasi", "place", "Iasi")]
    [e] = [e for e in find(model, text, mentions, [("2024", "2024")]) if e.type == "meeting"]
    assert e.date is None


@pytest.mark.model
def test_a_meeting_followed_by_talks_in_the_same_sentence_is_one_meeting(model):
    text = ("On 8 April, Ion Rusu and Anna Petrova held a one-on-one meeting, followed by talks in an expanded "
            "format.")
    found = [e for e in find(model, text, persons("Ion Rusu", "Anna Petrova"), [("8 April", "2025-04-08")])
             if e.type == "meeting"]
    assert [sorted(e.participants) for e in found] == [["Anna Petrova", "Ion Rusu"]]


def test_unnamed_events_told_together_merge_when_one_has_the_others_participants():
    from dossier.records import Event, Source
    src = Source("t.txt", 0, 90, "The two presidents held a one-on-one meeting, followed by talks.")
    both = Event("meeting", [src], date="2025-04-08", participants=["Ion Rusu", "Anna Petrova"])
    one = Event("meeting", [src], date="2025-04-08", participants=["Ion Rusu"])
    other = Event("meeting", [Source("t.txt", 100, 150, "Ion Rusu met Petru Rusu.")], date="2025-04-20",
                  participants=["Ion Rusu"])
    assert [e.participants for e in events._merge([both, one, other])] == [["Ion Rusu", "Anna Petrova"],
                                                                             ["Ion Rusu"]]


@pytest.mark.model
def test_troops_of_two_states_named_by_their_demonyms_take_part_for_them(model):
    text = "In March, Kazakh and Uzbek troops took part in the joint exercise \"Khamkor-2024\" near Cahul."
    mentions = [("Kazakh", "country", "Kazakhstan", "demonym"), ("Uzbek", "country", "Uzbekistan", "demonym"),
                ("Cahul", "place", "Cahul")]
    [e] = [e for e in find(model, text, mentions, [("March", "2024-03")]) if e.type == "military_exercise"]
    assert (sorted(e.participants), e.place) == (["Kazakhstan", "Uzbekistan"], "Cahul")


def test_a_name_the_parser_hangs_on_the_first_conjunct_names_the_noun_right_before_it():
    # "Rusu and his Moldovan counterpart Petru Sembayev held talks", parsed with "Sembayev" in apposition to
    # "Rusu" (as the parser does for some names): the counterpart is Sembayev
    from spacy.tokens import Doc
    words = ["Rusu", "and", "his", "Moldovan", "counterpart", "Petru", "Sembayev", "held", "talks", "."]
    heads = [7, 0, 4, 4, 0, 6, 0, 7, 7, 7]
    deps = ["nsubj", "cc", "poss", "compound", "conj", "compound", "appos", "ROOT", "dobj", "punct"]
    sp = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    text = sp.text
    ctx = Context(doc=Document(path="t.txt", name="t.txt", text=text), sp=sp)
    ctx.mentions = [Mention("Rusu", 0, 4, "person", "Ion Rusu", "name"),
                    Mention("Petru Sembayev", text.index("Petru"), text.index(" held"), "person", "Petru Sembayev",
                            "name")]
    ix = P.Index(ctx)
    assert [ix.name(m) for m in ix.phrase_mentions(sp[0])] == ["Ion Rusu", "Petru Sembayev"]


@pytest.mark.model
def test_a_singular_relative_clause_after_two_bodies_tells_of_the_nearest_only(model):
    text = ("Moldova and Romania are members of the Danube Council and the Organization of Black Sea States, "
            "which held its summit in Chisinau in early November.")
    mentions = COUNTRIES + [("Organization of Black Sea States", "organization", "Organization of Black Sea States"),
                            ("Danube Council", "organization", "Danube Council"), ("Chisinau", "place", "Chisinau")]
    [e] = [e for e in find(model, text, mentions, [("early November", "2024-11")]) if e.type == "meeting"]
    assert e.participants == ["Organization of Black Sea States"]


@pytest.mark.model
def test_a_person_who_founded_a_party_takes_part_in_its_founding(model):
    text = "Moldova has drifted under the ruling Prut Dream party, founded by billionaire Ion Rusu in 2012."
    mentions = COUNTRIES + persons("Ion Rusu") + [("Prut Dream", "organization", "Prut Dream")]
    [e] = [e for e in find(model, text, mentions, [("2012", "2012")]) if e.type == "organization_change"]
    assert (e.name, e.participants, e.date) == ("Prut Dream", ["Ion Rusu"], "2012")


@pytest.mark.model
@pytest.mark.parametrize("who", ["The leaders also", "The heads of state"])
def test_the_leaders_are_those_who_took_part_in_the_event_before(model, who):
    text = f"Ion Rusu and Anna Petrova met in Chisinau on Monday. {who} signed a joint declaration."
    mentions = persons("Ion Rusu", "Anna Petrova") + [("Chisinau", "place", "Chisinau")]
    [e] = [e for e in find(model, text, mentions, [("Monday", "2024-11-25")]) if e.type == "agreement_signed"]
    assert e.participants == ["Ion Rusu", "Anna Petrova"]


@pytest.mark.model
def test_a_timeline_in_the_historical_present_tells_events_dated_by_their_labels(nlp_model):
    from dossier.extract.run import extract
    text = ("## Timeline\n\n- 1991: Moldova declares independence.\n- 1992: Moldova and Transnistria fight a war.\n"
            "- 27 June 2014: Moldova signs the Prut Trade Agreement with Romania.\n\n"
            "Moldova holds talks with Romania every year.")
    doc = extract(Document(path="t.md", name="t.md", text=text, published="2024-12-01"), nlp_model)
    got = {(f.type, f.date) for f in doc.facts if f.kind == "event"}
    assert got == {("independence", "1991"), ("war", "1992"), ("agreement_signed", "2014-06-27")}


@pytest.mark.parametrize("text, date", [
    # the relative clause tells when the commission was made, not when it sat
    ("Ion Rusu met Anna Petrova at the third session of the Vestra commission, which was set up in 2019.", None),
    # a clause telling when the occasion itself was held is its time
    ("Ion Rusu and Anna Petrova attended the summit of the Vestra Council, which was held in 2022.", "2022"),
])
def test_a_relative_clause_on_another_thing_does_not_date_the_meeting(model, text, date):
    found = find(model, text, persons("Ion Rusu", "Anna Petrova"), [("2019", "2019"), ("2022", "2022")])
    assert {e.date for e in found if e.type == "meeting"} == {date}


@pytest.mark.parametrize("text, signed", [
    ("The Vestra Treaty, signed in Chisinau in May 2019, has not been ratified by Romania.", True),
    ("The Vestra Treaty, expected to be signed in Chisinau in May 2019, may not be ratified.", False),
])
def test_a_signing_told_in_a_participle_is_a_fact_whatever_the_main_clause_denies(model, text, signed):
    found = find(model, text, [("Vestra Treaty", "agreement", "Vestra Treaty"), ("Chisinau", "place", "Chisinau"),
                               ("Romania", "country", "Romania")], [("May 2019", "2019-05")])
    hits = [(e.name, e.date, e.place) for e in found if e.type == "agreement_signed"]
    assert hits == ([("Vestra Treaty", "2019-05", "Chisinau")] if signed else [])


@pytest.mark.parametrize("text", [
    "Trade will grow, Ion Rusu said in Chisinau on Tuesday after talks with his counterpart Anna Petrova.",
    "After talks with Anna Petrova, Ion Rusu told reporters that trade would grow.",
])
def test_who_tells_of_talks_after_them_held_them(model, text):
    found = find(model, text, persons("Ion Rusu", "Anna Petrova"))
    assert set(one(found, "meeting").participants) == {"Ion Rusu", "Anna Petrova"}


def test_a_where_clause_the_parser_hangs_on_the_date_leaves_the_date_to_the_visit_too(model):
    text = "Ion Rusu made his first foreign visit as prime minister to Bucharest on 16 May 2018, where he met " \
           "President Anna Petrova."
    found = find(model, text, [*persons("Ion Rusu", "Anna Petrova"), ("Bucharest", "place", "Bucharest")],
                 [("16 May 2018", "2018-05-16")])
    assert (one(found, "visit").date, one(found, "meeting").date) == ("2018-05-16", "2018-05-16")


def test_a_place_hung_on_the_name_of_a_counterpart_met_is_where_they_met(model):
    # (the parser hangs "in Batken" on the name)
    text = "The head of Moldova's security service, Ion Rusu, met his Romanian counterpart Vasile Ceban in " \
           "Batken on 25 September."
    found = find(model, text, [*persons("Ion Rusu", "Vasile Ceban"), ("Batken", "place", "Batken")],
                 [("25 September", "XXXX-09-25")])
    assert one(found, "meeting").place == "Batken"


def test_a_signing_a_meeting_was_for_is_both_sides_where_they_met(model):
    text = "Ion Rusu met Vasile Ceban in Cahul on 25 September to sign the Cahul Protocol."
    found = find(model, text, [*persons("Ion Rusu", "Vasile Ceban"), ("Cahul", "place", "Cahul"),
                               ("Cahul Protocol", "agreement", "Cahul Protocol")], [("25 September", "XXXX-09-25")])
    signed = one(found, "agreement_signed")
    assert (set(signed.participants), signed.place) == ({"Ion Rusu", "Vasile Ceban"}, "Cahul")


@pytest.mark.parametrize("title, participants", [
    ("Moldova–Romania relations", ["Moldova", "Romania"]),
    ("Moldova's foreign policy", []),
])
def test_relations_established_on_a_page_about_a_pair_are_the_pair_s(model, title, participants):
    ctx = make_context(model, "Diplomatic relations were established on 17 July 1992.", (),
                       [("17 July 1992", "1992-07-17")])
    ctx.doc.title = title
    assert one(events.find_events(ctx), "diplomatic_relations").participants == participants


@pytest.mark.parametrize("text, participants", [
    ("Romania recognised Moldova on 27 August 1991, and diplomatic relations were established on 17 July 1992.",
     ["Moldova", "Romania"]),
    # another state named in the sentence: not the title's pair
    ("Ukraine recognised Moldova on 27 August 1991, and diplomatic relations were established on 17 July 1992.",
     []),
])
def test_relations_established_in_a_sentence_naming_only_the_pair_are_the_pair_s(model, text, participants):
    ctx = make_context(model, text, COUNTRIES, [("27 August 1991", "1991-08-27"), ("17 July 1992", "1992-07-17")])
    ctx.doc.title = "Moldova–Romania relations"
    assert sorted(one(events.find_events(ctx), "diplomatic_relations").participants) == participants


def test_a_capital_hosting_a_summit_is_its_place_and_its_state_the_host(model):
    text = "Chisinau hosted a summit of the Vestra Council in May 2024."
    found = find(model, text, [("Chisinau", "place", "Chisinau"), ("Vestra Council", "organization", "Vestra Council")],
                 [("May 2024", "2024-05")])
    d = one(found, "meeting")
    assert (d.participants, d.place) == (["Moldova"], "Chisinau")


def test_a_meeting_s_name_runs_on_through_a_hyphen_inside_the_body_s_name(model):
    text = "Ion Rusu and Anna Petrova chaired the sixth meeting of the High-Level Vestra Council on Monday."
    found = find(model, text, persons("Ion Rusu", "Anna Petrova"), [("Monday", "2024-11-25")])
    assert one(found, "meeting").name == "meeting of the High-Level Vestra Council"


def test_the_president_of_a_state_speaking_is_the_person_named_with_that_post(model):
    text = "Romanian President Ion Rusu met Moldovan President Anna Petrova in Iasi. " \
           "The Moldovan President said that trade would grow."
    mentions = [*persons("Ion Rusu", "Anna Petrova"), ("Romanian", "country", "Romania", "demonym"),
                ("Moldovan", "country", "Moldova", "demonym"), ("Iasi", "place", "Iasi")]
    said = [e for e in find(model, text, mentions) if e.type == "statement"]
    assert [e.participants for e in said] == [["Anna Petrova"]]


def test_a_visit_told_after_visiting_others_leaves_their_date_to_them(model):
    text = "Ion Rusu arrived in Iasi on Monday after visiting Romania and Hungary."
    found = find(model, text, [*persons("Ion Rusu"), *COUNTRIES_RO_HU, ("Iasi", "place", "Iasi")],
                 [("Monday", "2024-11-25")])
    assert sorted((e.place, e.date) for e in found if e.type == "visit") == [
        ("Hungary", None), ("Iasi", "2024-11-25"), ("Romania", None)]


def test_a_meeting_on_the_day_of_an_arrival_told_before_is_held_where_the_visitor_arrived(model):
    text = "Ion Rusu arrived in Iasi on Monday. The visit is his first. On Monday, Ion Rusu held a meeting " \
           "with Anna Petrova."
    found = find(model, text, [*persons("Ion Rusu", "Anna Petrova"), ("Iasi", "place", "Iasi")],
                 [("Monday", "2024-11-25")])
    assert one(found, "meeting").place == "Iasi"


COUNTRIES_RO_HU = [("Romania", "country", "Romania"), ("Hungary", "country", "Hungary")]


def test_a_later_stop_of_a_tour_is_not_dated_by_the_visit_told_before(model):
    text = "Ion Rusu arrived in Iasi on Monday. He will later depart for Hungary, where he will attend the " \
           "Vestra Forum in Budapest."
    found = find(model, text, [*persons("Ion Rusu"), *COUNTRIES_RO_HU, ("Iasi", "place", "Iasi"),
                               ("Vestra Forum", "event", "Vestra Forum"), ("Budapest", "place", "Budapest")],
                 [("Monday", "2024-11-25")])
    assert [e.date for e in found if e.type == "meeting"] in ([], [None])


def test_a_pronoun_after_a_sentence_naming_someone_met_stands_for_who_met_them(model):
    text = "Ion Rusu met Prime Minister Anna Petrova in Iasi on Monday. The project is large. On Tuesday, he " \
           "held talks with Vasile Ceban in Cahul."
    found = find(model, text, [*persons("Ion Rusu", "Anna Petrova", "Vasile Ceban"), ("Iasi", "place", "Iasi"),
                               ("Cahul", "place", "Cahul")], [("Monday", "2024-11-25"), ("Tuesday", "2024-11-26")])
    talks = [e for e in found if e.type == "meeting" and "Vasile Ceban" in e.participants]
    assert [set(e.participants) for e in talks] == [{"Ion Rusu", "Vasile Ceban"}]


def test_an_opening_takes_place_where_its_ceremony_was_held(model):
    text = "The Vestra pipeline was inaugurated in Cahul in June 2018."
    found = find(model, text, [("Vestra pipeline", "infrastructure", "Vestra pipeline"), ("Cahul", "place", "Cahul")],
                 [("June 2018", "2018-06")])
    assert one(found, "opening").place == "Cahul"


def test_a_truce_a_war_ended_with_is_dated_by_the_time_right_after_it(model):
    text = "The war ended with a Romanian-brokered armistice in January 1919."
    found = find(model, text, [], [("January 1919", "1919-01")])
    assert one(found, "agreement_signed").date == "1919-01"


def test_a_festival_in_apposition_to_its_name_takes_the_name_and_where_it_was_held(model):
    text = "Vestrafest, Moldova's largest technology festival, was held in Cahul in May 2022."
    found = find(model, text, [("Moldova", "country", "Moldova"), ("Cahul", "place", "Cahul")],
                 [("May 2022", "2022-05")])
    d = one(found, "exhibition")
    assert (d.name, d.place, d.date) == ("Vestrafest", "Cahul", "2022-05")


def test_a_body_renamed_under_a_pronoun_is_named_by_its_new_name(model):
    text = "The Prut Council met in 2019. At the Iasi summit in November 2021, it was renamed the Prut Union."
    found = find(model, text, [("Prut Council", "organization", "Prut Council"),
                               ("Prut Union", "organization", "Prut Union")],
                 [("2019", "2019"), ("November 2021", "2021-11")])
    d = one(found, "organization_change")
    assert (d.name, d.date) == ("Prut Union", "2021-11")


def test_a_state_joining_the_body_named_before(model):
    text = "The Prut Organization was founded in 2009. Moldova joined the organisation in 2019."
    found = find(model, text, [("Prut Organization", "organization", "Prut Organization"),
                               ("Moldova", "country", "Moldova")], [("2009", "2009"), ("2019", "2019")])
    joined = [e for e in found if e.type == "organization_change" and e.participants]
    assert [(e.name, e.participants, e.date) for e in joined] == [("Prut Organization", ["Moldova"], "2019")]


def test_a_body_founded_somewhere_takes_that_place(model):
    text = "The Prut Council was founded in Cahul in October 2009."
    found = find(model, text, [("Prut Council", "organization", "Prut Council"), ("Cahul", "place", "Cahul")],
                 [("October 2009", "2009-10")])
    assert one(found, "organization_change").place == "Cahul"


def test_a_news_lead_dates_the_meeting_the_next_paragraph_tells_by_its_own_occasion(model):
    text = "The defence ministers of Moldova and Romania met in Iasi on Thursday and agreed to hold exercises " \
           "in 2023.\n\nIon Rusu hosted his Romanian counterpart Vasile Ceban at the ministry."
    found = find(model, text, [*persons("Ion Rusu", "Vasile Ceban"), ("Moldova", "country", "Moldova"),
                               ("Romania", "country", "Romania"), ("Iasi", "place", "Iasi")],
                 [("Thursday", "2022-07-14"), ("2023", "2023")])
    hosted = [e for e in found if e.type == "meeting" and "Ion Rusu" in e.participants]
    assert [e.date for e in hosted] == ["2022-07-14"]


def test_someone_on_a_visit_in_a_dated_report_is_visiting_that_day(model):
    text = "Chisinau, 10 May - Ion Rusu is on a two-day official visit to Romania."
    found = find(model, text, [*persons("Ion Rusu"), ("Romania", "country", "Romania")],
                 [("10 May", "2024-05-10")], published="2024-05-10")
    d = one(found, "visit")
    assert (d.participants, d.place, d.date) == (["Ion Rusu"], "Romania", "2024-05-10")


@pytest.mark.model
@pytest.mark.parametrize("second, name, end", [
    ('The "Stefan cel Mare-2023" exercise will run until 8 September.', "Stefan cel Mare-2023", "2023-09-08"),
    # a named exercise told without "the" is another one
    ('Moldova also joined a "Prut Shield-2023" exercise in May.', None, None),
])
def test_the_named_exercise_of_the_next_sentence_names_the_one_told_before(model, second, name, end):
    text = "Romanian and Moldovan troops began a joint exercise near Cahul on 4 September. " + second
    mentions = COUNTRIES + [("Cahul", "place", "Cahul"), ("Stefan cel Mare-2023", "event", "Stefan cel Mare-2023"),
                            ("Prut Shield-2023", "event", "Prut Shield-2023")]
    found = find(model, text, mentions, [("4 September", "2023-09-04"), ("8 September", "2023-09-08"),
                                         ("May", "2023-05")])
    first = next(e for e in found if e.type == "military_exercise" and e.date == "2023-09-04")
    assert (first.name, first.end_date, first.place) == (name, end, "Cahul")


@pytest.mark.model
def test_a_signing_aside_the_parser_hangs_on_the_agreement_s_last_noun_is_the_agreement_s(model):
    text = ("Moldova and Georgia trade more every year. The Free Trade Agreement between the two countries, signed "
            "in 2016, entered into force on 1 May 2017.")
    found = find(model, text, COUNTRIES + [("Free Trade Agreement", "agreement", "Free Trade Agreement")],
                 [("2016", "2016"), ("1 May 2017", "2017-05-01")])
    signed = one(found, "agreement_signed")
    assert (signed.name, signed.date) == ("Free Trade Agreement", "2016")


@pytest.mark.model
def test_the_parties_an_agreement_was_signed_between_sign_it(model):
    text = "The Treaty of Iasi, signed on 3 May 1921 between Romania and the Soviet republics, fixed the border."
    found = find(model, text, COUNTRIES + [("Treaty of Iasi", "agreement", "Treaty of Iasi")],
                 [("3 May 1921", "1921-05-03")])
    assert one(found, "agreement_signed").participants == ["Romania"]


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    ("Wednesday, 20 March. Petrom and Transgaz signed a memorandum on the supply of 1.5 bcm of gas per year "
     "from 2025.", "memorandum on the supply"),
    ("Wednesday, 20 March. Petrom and Transgaz signed a protocol on consultations between their boards for "
     "2025–2027.", "protocol on consultations")])
def test_when_what_is_signed_runs_does_not_date_the_signing(model, text, name):
    orgs = [("Petrom", "organization", "Petrom"), ("Transgaz", "organization", "Transgaz")]
    times = [("Wednesday, 20 March", "2024-03-20"), ("2025–2027", "2025", "2027"), ("2025", "2025")]
    e = one(find(model, text, orgs, times), "agreement_signed")
    # (nor does a name end on the word before a number or a pronoun it leaves out)
    assert (e.name, e.date, e.participants) == (name, "2024-03-20", ["Petrom", "Transgaz"])


@pytest.mark.model
def test_a_ratification_is_not_dated_by_the_signing_it_tells_of(model):
    text = "Thursday, 21 March. The Moldovan parliament ratified the agreement on preferential trade with " \
           "Romania, signed in Bucharest on 25 February 2020."
    found = find(model, text, COUNTRIES + [("Bucharest", "place", "Bucharest"), (
        "agreement on preferential trade", "agreement", "agreement on preferential trade")],
                 [("Thursday, 21 March", "2024-03-21"), ("25 February 2020", "2020-02-25")])
    assert (one(found, "agreement_in_force").date, one(found, "agreement_signed").date) == ("2024-03-21", "2020-02-25")


@pytest.mark.model
def test_a_recent_signing_is_not_dated_by_the_sentence_before(model):
    text = "The refinery topped the 2023 export list. Recently, Petrom and Transgaz signed several contracts."
    found = find(model, text, [("Petrom", "organization", "Petrom"), ("Transgaz", "organization", "Transgaz")],
                 [("2023", "2023")])
    assert one(found, "agreement_signed").date is None


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The Prut Organization, founded in 2009 as the Prut Council and renamed in 2021, has five members.",
    "The Prut Organization was founded in 2009 and renamed in 2021."])
def test_a_body_founded_and_renamed_changes_twice(model, text):
    found = find(model, text, [("Prut Organization", "organization", "Prut Organization"),
                               ("Prut Council", "organization", "Prut Council")], [("2009", "2009"), ("2021", "2021")])
    assert sorted((e.name, e.date) for e in found if e.type == "organization_change") == [
        ("Prut Organization", "2009"), ("Prut Organization", "2021")]


@pytest.mark.model
def test_a_meeting_the_same_day_is_not_dated_by_a_signing_long_past(model):
    text = "The sides discussed the agreement on defence signed in Chisinau on 21 February 2023.\n\n" \
           "On the same day, Ion Rusu and Levan Beridze held a meeting."
    found = find(model, text, persons("Ion Rusu", "Levan Beridze") + [("Chisinau", "place", "Chisinau")],
                 [("21 February 2023", "2023-02-21")], published="2024-03-12")
    assert one(found, "meeting").date is None


@pytest.mark.model
@pytest.mark.parametrize("text, date", [
    ("President Ion Rusu has received a delegation led by Levan Beridze. They discussed trade.", "2024-03-12"),
    # (several visits, a report of no day, a later sentence: no date)
    ("Ion Rusu has visited Tbilisi five times. He is a veteran.", None),
    ("Trade grew. President Ion Rusu has received a delegation led by Levan Beridze.", None)])
def test_the_lead_of_a_dated_report_told_in_the_present_perfect_is_of_that_day(model, text, date):
    found = find(model, text, persons("Ion Rusu", "Levan Beridze") + [("Tbilisi", "place", "Tbilisi")],
                 published="2024-03-12")
    assert [e.date for e in found if e.type in ("meeting", "visit")] == [date]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The agreement was signed in Chisinau on 3 March 2024 by Moldovan Minister of Infrastructure and Regional "
    "Development Vladimir Bolea and Romanian Minister of Transport and Infrastructure Sorin Grindeanu.",
    "The agreement was signed by Minister of Digital Development and Transport Vladimir Bolea and Minister of "
    "Transport and Infrastructure Sorin Grindeanu."])
def test_both_signers_with_long_titles_signed(model, text):
    e = one(find(model, text, persons("Vladimir Bolea", "Sorin Grindeanu")), "agreement_signed")
    # (the parser lays the first signer inside the second one's title)
    assert e.participants == ["Vladimir Bolea", "Sorin Grindeanu"]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Moldova and Romania held joint drills in Ungheni in 2023.", [("military_exercise", "2023", "Ungheni")]),
    # (a count or a habit is many exercises)
    ("Moldova and Romania held several joint drills in Ungheni in 2023.", []),
    ("Moldova and Romania regularly held joint drills in Ungheni in 2023.", [])])
def test_drills_held_at_one_place_in_a_year_are_one_exercise(model, text, expected):
    found = find(model, text, COUNTRIES + [("Ungheni", "place", "Ungheni")], [("2023", "2023")])
    assert [(e.type, e.date, e.place) for e in found] == expected


@pytest.mark.model
def test_the_states_hold_an_exercise_whose_name_the_parser_splits(model):
    # (here the parser makes "TurAz" the object and "exercise" a clause of its own)
    text = ("The Turkish and Azerbaijani armed forces held the TurAz Qartalı-2024 air force exercise in Baku and "
            "Ganja from 2 to 13 September.")
    found = find(model, text, [("Turkish", "country", "Türkiye", "demonym"), (
        "Azerbaijani", "country", "Azerbaijan", "demonym"), ("TurAz Qartalı-2024 air force exercise", "event",
                                                             "TurAz Qartalı-2024 air force exercise")])
    assert [(e.name, e.participants) for e in found] == [("TurAz Qartalı-2024 air force exercise",
                                                         ["Türkiye", "Azerbaijan"])]


@pytest.mark.model
def test_the_two_presidents_are_the_two_titled_so_before_their_ministers(model):
    text = ("President Ion Rusu and President Dan Pop met in Ungheni on Monday. Pop was accompanied by Foreign "
            "Minister Vlad Iliescu and Defence Minister Ana Moraru. The two presidents also held a one-on-one meeting.")
    found = find(model, text, persons("Ion Rusu", "Dan Pop", "Vlad Iliescu", "Ana Moraru") + [
        ("Pop", "person", "Dan Pop"), ("Ungheni", "place", "Ungheni")])
    assert [e.participants for e in found if e.type == "meeting"][-1] == ["Ion Rusu", "Dan Pop"]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "It was Rusu's first visit abroad since his re-election in May.",
    "Moldova and Romania have held joint drills regularly since the Prut Declaration of June 2021 bound them."])
def test_the_time_a_stretch_runs_from_dates_no_event_told_before_it(model, text):
    found = find(model, text, COUNTRIES + [("Rusu", "person", "Ion Rusu"), (
        "Prut Declaration", "agreement", "Prut Declaration")], [("May", "XXXX-05"), ("June 2021", "2021-06")])
    assert [(e.type, e.date) for e in found if e.type in ("visit", "military_exercise")] == []


@pytest.mark.model
def test_an_arrival_on_a_visit_is_one_visit(model):
    text = "President Ion Rusu arrived in Bucharest on a two-day official visit on 27 May 2024."
    found = find(model, text, persons("Ion Rusu") + [("Bucharest", "place", "Bucharest")],
                 [("27 May 2024", "2024-05-27")])
    assert [(e.type, e.place, e.date) for e in found] == [("visit", "Bucharest", "2024-05-27")]


@pytest.mark.model
def test_a_trip_to_two_places_dates_the_meetings_told_after_it(model):
    text = ("European Commissioner for Trade and Energy Ion Rusu visited Chisinau and Bucharest on 2-3 April 2025. "
            "In Chisinau, the Commissioner met President Dan Pop.")
    found = find(model, text, persons("Ion Rusu", "Dan Pop") + [("Chisinau", "place", "Chisinau"), (
        "Bucharest", "place", "Bucharest")], [("2-3 April 2025", "2025-04-02", "2025-04-03")])
    # (the parser lays the name inside the title's phrase)
    assert [(e.type, e.participants[0], e.place, e.date) for e in found] == [
        ("visit", "Ion Rusu", "Chisinau", "2025-04-02"), ("visit", "Ion Rusu", "Bucharest", "2025-04-02"),
        ("meeting", "Ion Rusu", "Chisinau", "2025-04-02")]


@pytest.mark.model
def test_a_summit_agreed_to_be_held_is_not_held(model):
    text = "Presidents Ion Rusu and Dan Pop agreed to set up a secretariat and to hold the next summit in Chisinau."
    assert find(model, text, persons("Ion Rusu", "Dan Pop") + [("Chisinau", "place", "Chisinau")]) == []


@pytest.mark.model
def test_the_only_agreement_named_is_the_one_a_later_paragraph_ratifies(model):
    text = ("Moldova and Romania signed the Prut Road Agreement in March. It simplifies transit.\n\n"
            "The roads will be rebuilt. The Grand National Assembly of Moldova ratified the agreement on 2 April 2024.")
    found = find(model, text, COUNTRIES + [("Prut Road Agreement", "agreement", "Prut Road Agreement"), (
        "Grand National Assembly of Moldova", "organization", "Grand National Assembly of Moldova")],
        [("2 April 2024", "2024-04-02"), ("March", "2024-03")])
    assert [(e.name, e.participants, e.date) for e in found if e.type == "agreement_in_force"] == [
        ("Prut Road Agreement", ["Moldova"], "2024-04-02")]
