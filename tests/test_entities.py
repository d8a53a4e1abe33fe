"""Entity mentions: gazetteer names, the tagger's names, titles, and what is not a name."""

from __future__ import annotations

import pytest

from dossier.extract.run import extract
from dossier.records import Document

pytestmark = pytest.mark.model


def run(nlp_model, text: str, language: str = "en") -> Document:
    return extract(Document(path="t.txt", name="t.txt", text=text, language=language), nlp_model)


def test_entities_type_countries_and_their_names(nlp_model):
    doc = run(nlp_model, "Turkey and the Republic of Azerbaijan signed the agreement. Türkiye welcomed it.")
    names = {(e.name, e.type) for e in doc.entities}
    assert ("Türkiye", "country") in names and ("Azerbaijan", "country") in names
    assert len([e for e in doc.entities if e.type == "country"]) == 2


def test_a_list_of_known_bodies_is_not_one_name(nlp_model):
    doc = run(nlp_model, "Georgia is a member of the GUAM, the BSEC, and the Council of Europe.")
    assert {e.name for e in doc.entities if e.type == "organization"} == {
        "GUAM", "Organization of the Black Sea Economic Cooperation", "Council of Europe"}


def test_an_acronym_defines_a_name_that_starts_with_a_demonym(nlp_model):
    doc = run(nlp_model, "Moscow courts Ivan Rusu and his governing Georgian Dream (GD) party. The GD government fell.")
    [e] = [e for e in doc.entities if e.type == "organization"]
    assert e.name == "Georgian Dream" and "GD" in e.aliases


def test_a_currency_with_its_code_is_no_organisation(nlp_model):
    doc = run(nlp_model, "Trade is settled in the Pakistani Rupee (PKR).")
    assert [e for e in doc.entities if e.type == "organization"] == []


def test_an_acronym_defines_a_name_that_runs_on_across_in(nlp_model):
    doc = run(nlp_model, "Moldova ratified the Treaty on Conventional Armed Forces in Europe (CFE) in 1992.")
    [e] = [e for e in doc.entities if e.type == "agreement"]
    assert e.name == "Treaty on Conventional Armed Forces in Europe" and "CFE" in e.aliases


def test_a_list_of_names_after_commas_and_articles_is_not_one_name(nlp_model):
    doc = run(nlp_model, "The military has three branches: the Moldovan Land Forces, the Moldovan Air Force, "
                         "and the Moldovan Navy.")
    names = {e.name for e in doc.entities if e.type == "organization"}
    assert not any(", and" in n for n in names) and "Moldovan Navy" in names


def test_entities_keep_no_title_as_an_alias(nlp_model):
    doc = run(nlp_model, "President Recep Tayyip Erdoğan arrived in Baku on Monday. The President met "
                         "students there. Erdoğan later left.")
    person = next(e for e in doc.entities if e.type == "person")
    assert person.name == "Recep Tayyip Erdoğan"
    assert "President" not in person.aliases


def test_entities_keep_a_rare_first_name_the_tagger_took_for_an_adjective(nlp_model):
    doc = run(nlp_model, "Recep Tayyip Erdogan paid a two-day visit to Baku in June 2023.")
    assert [e.name for e in doc.entities if e.type == "person"] == ["Recep Tayyip Erdogan"]


def test_entities_drop_a_sentence_initial_verb_from_a_name(nlp_model):
    doc = run(nlp_model, "Ilham Aliyev spoke first. Addressing Aliyev, the guest praised the new road.")
    assert "Addressing Aliyev" not in {e.name for e in doc.entities}


@pytest.mark.parametrize("text", [
    "Ion Rusu spoke first. Addressing Ion Rusu, the premier praised the new road.",
    "Ion Rusu spoke first. Later the premier held a long meeting with Ion Rusu.",
])
def test_a_title_in_another_clause_is_not_the_persons(nlp_model, text):
    doc = run(nlp_model, text)
    assert [m.text for m in doc.mentions if m.form == "title"] == []


@pytest.mark.parametrize("text, city", [
    ("Azerbaijan grows rich. Baku's hotels are full of oil men.", True),
    ("Azerbaijan and Russia plan a pipeline between Baku and Novorossiysk in Russia.", True),
    ("Azerbaijan and Russia agree. Baku's decision pleased Moscow.", False),
    ("Azerbaijan, Russia and Iran agree. It keeps relations with Moscow, Baku and Brussels.", False),
])
def test_a_capital_is_the_city_where_it_has_city_things_or_is_listed_with_cities(nlp_model, text, city):
    doc = run(nlp_model, text)
    [baku] = [m for m in doc.mentions if m.text == "Baku"]
    assert (baku.type, baku.entity) == (("place", "Baku") if city else ("country", "Azerbaijan"))


def test_a_capital_told_as_the_capital_in_apposition_is_the_city(nlp_model):
    doc = run(nlp_model, "Armenia borders Iran. Yerevan, the capital of Armenia, hosted the summit.")
    assert [(m.type, m.entity) for m in doc.mentions if m.text == "Yerevan"] == [("place", "Yerevan")]


def test_rivers_are_places(nlp_model):
    doc = run(nlp_model, "The port of Giurgiulesti on the Danube is Moldova's only port.")
    assert {e.name: e.type for e in doc.entities}.get("Danube") == "place"


@pytest.mark.parametrize("text, name", [
    ("They ended the decades-long Karabakh conflict at last.", "Karabakh conflict"),
    ("He spoke about the 44-day war to a committee.", "44-day war"),
    ("But the war in Chechnya showed how bad it was.", "war in Chechnya"),
    ("Georgia helped end the war in Syria and Libya.", None),
])
def test_a_war_known_by_its_region_length_or_theatre_is_an_event(nlp_model, text, name):
    doc = run(nlp_model, text)
    assert [e.name for e in doc.entities if e.type == "event"] == ([name] if name else [])


@pytest.mark.parametrize("text, place", [
    ("Zorile, a town in southern Moldova, is quiet.", "Zorile"),
    ("Bravicea is a village in central Moldova.", "Bravicea"),
])
def test_a_name_the_text_calls_a_town_somewhere_is_a_place_there(nlp_model, text, place):
    doc = run(nlp_model, text)
    assert (place, "place") in {(e.name, e.type) for e in doc.entities}
    assert [(f.subject, f.object) for f in doc.facts if getattr(f, "predicate", None) == "located_in"] == [
        (place, "Moldova")]


@pytest.mark.parametrize("text, place", [
    ("Fighting spread to the Moldovan border village of Zorile.", "Zorile"),
    ("Trade passes through the Moldovan city of Bravicea every day.", "Bravicea"),
])
def test_the_town_of_a_name_is_a_place_in_the_state_its_demonym_names(nlp_model, text, place):
    doc = run(nlp_model, text)
    assert (place, "place") in {(e.name, e.type) for e in doc.entities}
    assert [(f.subject, f.object) for f in doc.facts if getattr(f, "predicate", None) == "located_in"] == [
        (place, "Moldova")]


def test_a_line_s_name_ends_before_the_ends_it_lies_between(nlp_model):
    doc = run(nlp_model, "The Prut Gas Corridor between the Black Sea and Moldova carries gas.")
    assert "Prut Gas Corridor" in {e.name for e in doc.entities if e.type == "infrastructure"}
    assert not [e.name for e in doc.entities if "between" in e.name]


def test_a_region_named_with_its_generic_word_is_a_place_of_the_state_that_owns_it(nlp_model):
    doc = run(nlp_model, "The road runs through Moldova's Zorile province.")
    assert ("Zorile province", "place") in {(e.name, e.type) for e in doc.entities}
    assert [(f.subject, f.object) for f in doc.facts if getattr(f, "predicate", None) in ("part_of", "located_in")] \
        == [("Zorile province", "Moldova")]


def test_a_person_described_where_they_work_is_no_place(nlp_model):
    doc = run(nlp_model, "Ion Rusu, a journalist in Chisinau, spoke.")
    assert "Ion Rusu" not in {e.name for e in doc.entities if e.type == "place"}


def test_entities_trust_only_the_gazetteer_in_another_language(nlp_model):
    text = "Azerbaycan ve Türkiye arasındaki Tuna Koridor Projesi Büyük Önem Taşıyor."
    doc = run(nlp_model, text, language="az")
    assert {e.type for e in doc.entities} == {"country"}
    assert {e.name for e in doc.entities} == {"Azerbaijan", "Türkiye"}


def test_entities_in_turkish_are_the_gazetteers_and_those_a_head_noun_marks(nlp_model):
    # title case alone ("Büyük Önem Taşıyor") names nothing; "... Projesi" names a project
    text = "Azerbaycan ve Türkiye arasındaki Tuna Koridor Projesi Büyük Önem Taşıyor."
    doc = run(nlp_model, text, language="tr")
    assert {(e.name, e.type) for e in doc.entities} == {
        ("Azerbaijan", "country"), ("Türkiye", "country"), ("Tuna Koridor", "infrastructure")}


def test_entities_read_a_state_from_a_demonym_on_a_title(nlp_model):
    doc = run(nlp_model, "He met Azerbaijani, Georgian and Romanian ministers in Baku.")
    assert {e.name for e in doc.entities if e.type == "country"} == {"Azerbaijan", "Georgia", "Romania"}


@pytest.mark.parametrize("text", [
    "The line will be ready by 2028, Georgian Transport Minister Levan Davitashvili said.",
    "On Monday, Romanian Economy Minister Radu Oprea visited Chisinau.",
])
def test_entities_read_a_state_from_a_demonym_before_a_portfolio_and_a_post(nlp_model, text):
    doc = run(nlp_model, text)
    assert {e.type for e in doc.entities if e.name.endswith(("Transport", "Economy"))} <= {"person"}
    assert {e.name for e in doc.entities if e.type == "country"} & {"Georgia", "Romania"}
    [pos] = [f for f in doc.facts if getattr(f, "predicate", None) == "position_held"]
    posts = {("Transport Minister", "Georgia"), ("Economy Minister", "Romania")}
    assert (pos.object, pos.qualifiers.get("of")) in posts


@pytest.mark.parametrize("text, person, of", [
    ("Trade grew, Georgian Ambassador to Armenia Levan Beridze said earlier.", "Levan Beridze", "Georgia"),
    ("Romania's Ambassador to Moldova Cristian Leon visited Cahul.", "Cristian Leon", "Romania"),
])
def test_an_ambassador_to_a_state_named_before_the_name_is_the_sending_state_s(nlp_model, text, person, of):
    doc = run(nlp_model, text)
    assert person in {e.name for e in doc.entities if e.type == "person"}
    [pos] = [f for f in doc.facts if getattr(f, "predicate", None) == "position_held"]
    assert (pos.subject, pos.qualifiers.get("of")) == (person, of)


def test_entities_read_a_state_from_a_demonym_on_an_act_of_state(nlp_model):
    doc = run(nlp_model, "Trade shifted after the Romanian invasion of Moldova.")
    assert {e.name for e in doc.entities if e.type == "country"} == {"Romania", "Moldova"}


def test_entities_ignore_a_demonym_on_a_commodity(nlp_model):
    doc = run(nlp_model, "Russian gas is cheap this winter.")
    assert not [e for e in doc.entities if e.type == "country"]


def test_entities_type_a_name_in_apposition_to_a_title_as_a_person(nlp_model):
    doc = run(nlp_model, "The Turkish Minister of Trade, Mehmet Muş, met him.")
    assert ("Mehmet Muş", "person") in {(e.name, e.type) for e in doc.entities}
    held = [f for f in doc.facts if getattr(f, "predicate", None) == "position_held"]
    assert [(r.subject, r.object, r.qualifiers.get("of")) for r in held] == [
        ("Mehmet Muş", "Minister of Trade", "Türkiye")]


def test_entities_read_a_numbered_event_name(nlp_model):
    doc = run(nlp_model, "Israel won the Six-Day War quickly. The 12-Day War ended in June.")
    events = {e.name for e in doc.entities if e.type == "event"}
    assert {"Six-Day War", "12-Day War"} <= events
    assert "Day War" not in events


def test_a_name_the_text_calls_a_company_is_an_organization(nlp_model):
    doc = run(nlp_model, "The company Aselsan makes radios for the army. He flew to Batumi.")
    types = {e.name: e.type for e in doc.entities}
    assert types.get("Aselsan") == "organization"
    assert types.get("Batumi") == "place"


@pytest.mark.parametrize("text, name", [
    ("The pipeline is operated by Vestmoldtransgaz, a subsidiary of the Romanian grid.", "Vestmoldtransgaz"),
    ("Vestmoldtransgaz is a subsidiary of the Romanian grid.", "Vestmoldtransgaz"),
])
def test_a_name_the_text_calls_a_subsidiary_is_an_organization(nlp_model, text, name):
    types = {e.name: e.type for e in run(nlp_model, text).entities}
    assert types.get(name) == "organization"


@pytest.mark.parametrize("text", [
    "Moldova's defence ministry said the town was shelled.",
    "The Moldovan defence ministry said the town was shelled.",
    "The Moldovan Defence Ministry said the town was shelled.",
])
def test_a_state_s_ministry_in_lower_case_is_the_ministry_its_capitals_name(nlp_model, text):
    doc = run(nlp_model, text)
    assert [(e.name, e.type) for e in doc.entities if e.type == "organization"] == [
        ("Moldovan Defence Ministry", "organization")]


def test_a_capital_a_state_trades_with_stands_for_its_government(nlp_model):
    doc = run(nlp_model, "Armenia borders Iran. France started selling weapons to Yerevan. He flew to Yerevan later.")
    yerevan = [(m.type, m.entity) for m in doc.mentions if m.text == "Yerevan"]
    assert yerevan == [("country", "Armenia"), ("place", "Yerevan")]


def test_a_lone_surname_is_the_person_of_the_present_not_the_father(nlp_model):
    doc = run(nlp_model, "Samir Kadyrli has ruled since 2003. In the 1990s, then-President Omar Kadyrli, the "
                         "current president's father, spoke of one nation. This year, Kadyrli traveled to Kyiv.")
    lone = [m for m in doc.mentions if m.text == "Kadyrli"]
    assert lone and {m.entity for m in lone} == {"Samir Kadyrli"}


def test_a_known_long_name_is_not_cut_at_its_hyphen(nlp_model):
    doc = run(nlp_model, "France co-chairs the Organization for Security and Co-operation in Europe’s Minsk Group.")
    orgs = {e.name for e in doc.entities if e.type == "organization"}
    assert "Organization for Security and Co-operation in Europe" in orgs
    assert "Organization for Security and Co" not in orgs


def test_a_leader_s_administration_is_no_organization_named_after_him(nlp_model):
    doc = run(nlp_model, "Baku waits to learn how the incoming Trump administration sets its priorities.")
    assert not [e for e in doc.entities if e.type == "organization" and e.name == "Trump"]


def test_a_dash_glued_after_a_quoted_name_ends_it(nlp_model):
    doc = run(nlp_model, "Baku backs the “Zangezur Corridor”—a separate road and rail link to Nakhchivan.")
    assert "Zangezur Corridor" in {e.name for e in doc.entities}
    assert not [e for e in doc.entities if "dedicated" in e.name]


def test_the_parties_to_a_memorandum_are_not_part_of_its_name(nlp_model):
    doc = run(nlp_model, "In July 2022, Azerbaijan signed a memorandum of understanding with the European Union "
                         "to boost gas exports.")
    [signed] = [f for f in doc.facts if getattr(f, "type", None) == "agreement_signed"]
    assert signed.name == "memorandum of understanding"
    assert set(signed.participants) == {"Azerbaijan", "European Union"}


def test_a_military_rank_is_not_part_of_a_name(nlp_model):
    doc = run(nlp_model, "Lieutenant-General Valeh Barshadli was named the first Minister of Defense. After Lt Gen "
                         "Barshadli moved on to be Chief of General Staff, Col. Ahmad Hasanov took over.")
    persons = {e.name for e in doc.entities if e.type == "person"}
    assert persons == {"Valeh Barshadli", "Ahmad Hasanov"}


def test_an_abbreviation_the_tagger_missed_is_an_organization_but_not_a_code(nlp_model):
    doc = run(nlp_model, "SOCAR holds a 58% stake in TAVAP, KORAS 30% and BP 12%. GDP grew, and the Omani rial (QQZ) "
                         "was added. They paid XYZ 5 million.")
    names = {e.name for e in doc.entities}
    assert {"TAVAP", "KORAS"} <= names
    assert not names & {"GDP", "QQZ", "XYZ"}


def test_a_name_the_text_calls_a_manufacturer_is_an_organization(nlp_model):
    doc = run(nlp_model, "Baykar, the manufacturer of the Bayraktar TB2 drone, sold drones to Azerbaijan. "
                         "The defence company Roketsan delivered missiles.")
    orgs = {e.name for e in doc.entities if e.type == "organization"}
    assert {"Baykar", "Roketsan"} <= orgs


def test_one_entity_for_names_written_differently(nlp_model):
    doc = run(nlp_model, "Flights land at Zvartnots International Airport. Zvartnots Airport is near Yerevan. "
                         "The 2008 Russia–Georgia war followed. After the Russo-Georgian War, Russia annexed Crimea.")
    infra = [e for e in doc.entities if e.type == "infrastructure"]
    events = [e for e in doc.entities if e.type == "event"]
    assert len(infra) == 1 and len(events) == 1


def test_a_region_named_before_conflict_names_the_conflict(nlp_model):
    doc = run(nlp_model, "Georgia stayed neutral in the Nagorno-Karabakh conflict. Nagorno-Karabakh is mountainous.")
    names = {(e.name, e.type) for e in doc.entities}
    assert ("Nagorno-Karabakh conflict", "event") in names and ("Nagorno-Karabakh", "place") in names


def test_a_republic_of_a_name_is_a_state_but_not_a_run_into_a_person(nlp_model):
    doc = run(nlp_model, "Georgia welcomed the dissolution of the self-proclaimed Republic of Zaria. "
                         "He met the President of the Republic of Moldova Ana Lupu.")
    names = {(e.name, e.type) for e in doc.entities}
    assert ("Republic of Zaria", "country") in names
    assert not any("Ana Lupu" in n and t == "country" for n, t in names)


def test_entities_know_the_region_s_companies_and_historic_states(nlp_model):
    doc = run(nlp_model, "Lukoil and Equinor signed with SOCAR. The Ottoman Empire fought beside Austria-Hungary.")
    names = {(e.name, e.type) for e in doc.entities}
    assert {("Lukoil", "organization"), ("Equinor", "organization"), ("Austria-Hungary", "country"),
            ("State Oil Company of the Azerbaijan Republic", "organization")} <= names
    assert ("Austria", "country") not in names


def test_entities_prefer_an_organisation_named_around_a_known_name(nlp_model):
    doc = run(nlp_model, "The fighting goes on, says Ana Popa of Carnegie Moldova, a think-tank. "
                         "Ion Lupu of the Romanian Council on Foreign Relations agreed.")
    names = {(e.name, e.type) for e in doc.entities}
    assert {("Carnegie Moldova", "organization"), ("Romanian Council on Foreign Relations", "organization")} <= names
    assert ("European Council", "organization") not in names and ("Europe", "place") not in names


def test_entities_qualify_a_state_body_by_the_state_whose_it_is(nlp_model):
    doc = run(nlp_model, "Azerbaijan's Defense Ministry said so. The Defense Ministry added more. "
                         "Armenia's Defense Ministry denied it.")
    orgs = [m.entity for m in doc.mentions if m.type == "organization"]
    assert orgs == ["Azerbaijani Defense Ministry", "Azerbaijani Defense Ministry", "Armenian Defense Ministry"]


def test_entities_read_a_short_name_after_comma_or_as_an_alias(nlp_model):
    doc = run(nlp_model, "Trains will run on the Danube Route for Regional Peace and Prosperity, or Drupp. "
                         "Moldova voiced support for Drupp.")
    [e] = [e for e in doc.entities if e.name == "Danube Route for Regional Peace and Prosperity"]
    assert e.type == "infrastructure" and "Drupp" in e.aliases
    assert not [x for x in doc.entities if x.name == "Drupp"]


def test_entities_take_no_single_common_noun_for_an_event(nlp_model):
    doc = run(nlp_model, "Turkey's fixation on denial goes on. We trust you found our Week in Review "
                         "helpful. The Armenian Genocide is remembered.")
    events = {e.name for e in doc.entities if e.type == "event"}
    assert "Genocide" not in events and "Week" not in events


def test_entities_read_a_dash_joined_capitalised_compound_before_a_lowercase_head(nlp_model):
    doc = run(nlp_model, "The Trans-Western pipeline was inaugurated in June 2018. Accession talks stalled.")
    assert ("Trans-Western pipeline", "infrastructure") in {(e.name, e.type) for e in doc.entities}
    assert not [e for e in doc.entities if "Accession" in e.name]


def test_a_known_line_or_field_takes_its_standard_name_whatever_words_follow_it(nlp_model):
    doc = run(nlp_model, "The Baku-Tbilisi-Ceyhan crude oil pipeline carries oil from the Azerbaijani Shah-Deniz "
                         "gas field. The BTC oil pipeline and Aktau port are busy.")
    found = {(m.text, m.entity, m.type) for m in doc.mentions if m.type in ("infrastructure", "place")}
    assert ("Baku-Tbilisi-Ceyhan crude oil pipeline", "Baku–Tbilisi–Ceyhan pipeline", "infrastructure") in found
    assert ("Shah-Deniz gas field", "Shah Deniz", "place") in found
    assert ("BTC oil pipeline", "Baku–Tbilisi–Ceyhan pipeline", "infrastructure") in found
    assert ("Aktau port", "Port of Aktau", "infrastructure") in found   # a port is infrastructure, not a place


def test_a_known_line_in_turkish_takes_its_english_standard_name(nlp_model):
    doc = run(nlp_model, "Orta Koridor'un önemi artıyor. STAR Rafinerisi ve Bakü-Tiflis-Kars Demiryolu hattı "
                         "bunun örnekleridir.", language="tr")
    names = {(m.text.split()[0], m.entity) for m in doc.mentions if m.type == "infrastructure"}
    assert names == {("Orta", "Middle Corridor"), ("STAR", "STAR Refinery"),
                     ("Bakü-Tiflis-Kars", "Baku–Tbilisi–Kars railway")}
    assert not [m for m in doc.mentions if m.text == "STAR"]


def test_a_known_name_ends_where_a_person_named_after_it_begins(nlp_model):
    doc = run(nlp_model, "In June 2012, President of the State Oil Company of Azerbaijan Republic Ion Rusu stated "
                         "that exports grew.")
    names = {(e.name, e.type) for e in doc.entities}
    assert {("State Oil Company of the Azerbaijan Republic", "organization"), ("Ion Rusu", "person")} <= names


def test_an_article_after_and_starts_the_next_name_of_a_list_but_not_inside_between(nlp_model):
    doc = run(nlp_model, "Moldova is a member of the Council of Europe and the Black Sea Economic Forum. "
                         "The Treaty on Friendship between the Republic of Moldova and the Republic of Romania "
                         "was signed in 1992.")
    names = {e.name for e in doc.entities}
    assert {"Council of Europe", "Black Sea Economic Forum"} <= names
    assert any(n.startswith("Treaty on Friendship between") and n.endswith("Romania") for n in names)


def test_a_name_the_text_calls_a_monopoly_is_an_organization(nlp_model):
    doc = run(nlp_model, "The state nuclear monopoly Moldatom runs the Orhei Power Plant.")
    assert ("Moldatom", "organization") in {(e.name, e.type) for e in doc.entities}


@pytest.mark.parametrize("text, person", [
    # the tagger's cuts: two persons; a place and a person; a place and no entity for the surname
    ("Ion Rusu and his Moldovan counterpart Ardak-Nurlan Sembayev held talks in Chisinau.", "Ardak-Nurlan Sembayev"),
    ("Moldova's President Ardak-Nurlan Sembayev said the route matters.", "Ardak-Nurlan Sembayev"),
    ("Ion Rusu met Kassym-Bolat Sadykov in Chisinau.", "Kassym-Bolat Sadykov"),
])
def test_a_hyphenated_first_name_is_part_of_the_person(nlp_model, text, person):
    doc = run(nlp_model, text)
    assert person in {e.name for e in doc.entities if e.type == "person"}
    assert not any(person.startswith(e.name) and e.name != person for e in doc.entities)


def test_a_hyphenated_line_or_place_is_no_person(nlp_model):
    doc = run(nlp_model, "The Kazan-Vyatka Highway reached Nagorno-Karabakh and the Trans-Caspian Pipeline.")
    assert [e.name for e in doc.entities if e.type == "person"] == []


def test_an_agreement_with_a_name_of_its_own_leaves_its_parties_out_of_the_name(nlp_model):
    doc = run(nlp_model,
              "The Preferential Trade Agreement between Moldova and Romania entered into force on 1 March 2021.")
    assert {(e.name, e.type) for e in doc.entities} >= {
        ("Preferential Trade Agreement", "agreement"), ("Moldova", "country"), ("Romania", "country")}
    [e] = [f for f in doc.facts if getattr(f, "type", None) == "agreement_in_force"]
    assert sorted(e.participants) == ["Moldova", "Romania"]


@pytest.mark.parametrize("text, name", [
    ("Under the Memorandum of Understanding on a Long-Term Partnership in the Area of Transport, signed in "
     "Chisinau in July 2022, Moldova committed to buy gas.",
     "Memorandum of Understanding on a Long-Term Partnership in the Area of Transport"),
    ("Georgia and Armenia signed the Vestra Declaration in Tbilisi on 15 June 2021.", "Vestra Declaration"),
    ("A Declaration on Allied Relations in Moscow was signed in 2022.", "Declaration on Allied Relations"),
])
def test_an_agreement_s_title_runs_on_through_small_words_but_not_into_the_place_it_was_signed(nlp_model, text, name):
    doc = run(nlp_model, text)
    assert [e.name for e in doc.entities if e.type == "agreement"] == [name]


def test_a_name_in_apposition_with_a_company_noun_after_modifiers_is_a_company(nlp_model):
    doc = run(nlp_model, "Vestragaz, the national gas company, is owned by the state.")
    assert ("Vestragaz", "organization") in {(e.name, e.type) for e in doc.entities}


def test_a_named_power_plant_is_infrastructure_and_a_rivers_plant_is_not_the_river(nlp_model):
    doc = run(nlp_model, "The Cuciurgan power plant produces electricity. The Prut power plant is owned by Vestra.")
    got = {(e.name, e.type) for e in doc.entities}
    assert ("Cuciurgan power plant", "infrastructure") in got
    assert not any(f.predicate == "owner_of" and f.object == "Prut" for f in doc.facts if hasattr(f, "predicate"))


def test_a_name_near_which_an_exercise_is_held_is_a_place(nlp_model):
    doc = run(nlp_model, "Moldova and Romania are neighbours.\n\nIn March, Moldovan and Romanian troops took part "
                         "in the joint exercise \"Prut-2024\" near Cahul.")
    assert ("Cahul", "place") in {(e.name, e.type) for e in doc.entities}
    [e] = [f for f in doc.facts if getattr(f, "type", None) == "military_exercise"]
    assert (e.place, sorted(e.participants)) == ("Cahul", ["Moldova", "Romania"])


def test_a_models_designation_stands_for_it_and_its_maker_is_read(nlp_model):
    doc = run(nlp_model, "Moldova bought Vestra VX7 drones from Romania this year.\n\n"
                         "The VX7, made by Vestra Aero, costs about $5 million.")
    assert {(f.subject, f.object) for f in doc.facts if getattr(f, "predicate", None) == "manufacturer_of"} == {
        ("Vestra Aero", "Vestra VX7")}


def test_a_name_in_apposition_with_a_kind_of_weapon_is_a_product_and_a_think_tank_is_none(nlp_model):
    doc = run(nlp_model, "Moldova used the Falcon, a Romanian-made loitering munition. Ion Rusu of the Institute for "
                         "Prut Studies, a think-tank in Chisinau, said so.")
    got = {(e.name, e.type) for e in doc.entities}
    assert ("Falcon", "product") in got
    assert not any(t == "product" and "Studies" in n for n, t in got)


@pytest.mark.parametrize("text, name, typ", [
    # a name given to an exercise is its name, even when it starts with a capital
    ("Moldovan and Romanian troops held a joint exercise, codenamed Tashkent Shield, near Orhei in October.",
     "Tashkent Shield", "event"),
    # the tagger takes some towns after "near" for bodies
    ("Romania's army held drills near Vulcanesti.", "Vulcanesti", "place"),
])
def test_an_exercise_name_and_a_place_it_is_held_near(nlp_model, text, name, typ):
    doc = run(nlp_model, text)
    assert (name, typ) in {(doc.text[m.start:m.end], m.type) for m in doc.mentions}


@pytest.mark.parametrize("text", [
    "In 2023, trade between Moldova and Romania amounted to 410.6 million US dollars.",
    "Moldova and Romania agreed to lift trade to US$15 billion by 2030.",
    "Moldova settles its trade with Romania in 20 currencies, including the Russian rouble and the Turkish lira.",
])
def test_the_country_of_a_currency_is_not_mentioned_as_an_actor(nlp_model, text):
    doc = run(nlp_model, text)
    assert {m.entity for m in doc.mentions if m.type == "country"} == {"Moldova", "Romania"}


@pytest.mark.parametrize("text, name", [
    ("The Chisinau–Iasi ferry line links Moldova with Romania.", "Chisinau–Iasi ferry line"),
    ("Troops on the Chisinau–Iasi front line were shelled.", None),   # a line of another kind
])
def test_a_line_of_a_transport_kind_is_infrastructure(nlp_model, text, name):
    doc = run(nlp_model, text)
    assert [doc.text[m.start:m.end] for m in doc.mentions if m.type == "infrastructure"] == ([name] if name else [])


@pytest.mark.parametrize("text, surface, name", [
    # a town's terminal or port is a place of its own, not the town
    ("Vestra Logistics holds a stake in the Batumi container terminal.", "Batumi container terminal",
     "Batumi container terminal"),
    # a field keeps the gazetteer's name with its generic words
    ("Vestra Energy operates the Shah Deniz gas field.", "Shah Deniz gas field", "Shah Deniz"),
])
def test_a_known_place_with_generic_words_is_itself_unless_works_at_it(nlp_model, text, surface, name):
    doc = run(nlp_model, text)
    assert [(doc.text[m.start:m.end], m.entity) for m in doc.mentions if m.type == "place"] == [(surface, name)]


@pytest.mark.parametrize("text, expected, absent", [
    ("Moldova keeps a route to the Indian Ocean open.", ("Indian Ocean", "place"), "Ocean"),
    ("Chief of Staff Field Marshal Ion Rusu was present.", ("Ion Rusu", "person"), "Field"),
    ("It was attended by Chief Master Sgt. Ion Rusu, the command chief.", ("Ion Rusu", "person"), "Master Sgt"),
    ("The army has 80 launchers. (SIPRI 2019, p. 88)", None, "SIPRI 2019"),
    ("Fighters are based at Vulcanesti Air Base.", ("Vulcanesti Air Base", "place"), None),
    ("Romania keeps its 102nd Military Base in Iasi.", ("102nd Military Base", "place"), "Military Base"),
    ("The 11th Prut Advisory Council met in Iasi.", None, "11th Prut Advisory Council"),
])
def test_names_keep_their_number_and_kind_and_leave_ranks_and_citations_out(nlp_model, text, expected, absent):
    doc = run(nlp_model, text)
    found = {(doc.text[m.start:m.end], m.type) for m in doc.mentions if m.form != "title"}
    assert expected is None or expected in found
    assert absent is None or absent not in {s for s, _ in found}


def test_a_name_ending_in_a_company_word_is_an_organization(nlp_model):
    doc = run(nlp_model, "The Vestra VX7 drone, produced by Codru Aerospace, was used.")
    assert ("Codru Aerospace", "organization") in {(doc.text[m.start:m.end], m.type) for m in doc.mentions}


def test_a_lone_surname_taken_for_a_place_is_the_person_named_in_full():
    from dossier import gazetteer
    from dossier.extract.entities import _surnames_are_persons
    from dossier.records import Mention
    mentions = [Mention("Mihai Galben", 0, 12, "person", "Mihai Galben"), Mention("Galben", 40, 46, "place", "Galben"),
                Mention("Romania", 60, 67, "country", "Romania")]
    _surnames_are_persons(mentions, gazetteer.load())
    assert [(m.type, m.entity) for m in mentions] == [
        ("person", "Mihai Galben"), ("person", "Mihai Galben"), ("country", "Romania")]


def test_a_turkic_honorific_between_given_name_and_surname_is_inside_the_name(nlp_model):
    doc = run(nlp_model, "The first minister of finance was Dr. Rustam bey Karimli.")
    assert "Rustam bey Karimli" in {m.entity for m in doc.mentions if m.type == "person"}


def test_a_towns_terminal_and_the_town_stay_two_things_in_one_document(nlp_model):
    doc = run(nlp_model, "Grain reaches Batumi by rail. Vestra holds a stake in the Batumi container terminal.")
    assert {e.name for e in doc.entities if e.type == "place"} >= {"Batumi", "Batumi container terminal"}


@pytest.mark.parametrize("text, expected", [
    ("Moldova has joined the Alliance's Partnership for Peace programme.", ("Partnership for Peace", "organization")),
    ("The People's Party won the vote.", ("People's Party", "organization")),
    ("Russian troops guard an ammunition depot at Cobasna.", ("Cobasna", "place")),
])
def test_an_owner_word_before_a_name_and_a_site_at_a_place(nlp_model, text, expected):
    doc = run(nlp_model, text)
    assert expected in {(m.entity or doc.text[m.start:m.end], m.type) for m in doc.mentions}


@pytest.mark.parametrize("text, name", [
    ("The memorandum was signed by Ursula von der Leyen and Ion Rusu in Chisinau.", "Ursula von der Leyen"),
    ("Greta van der Meer met Ion Rusu in Chisinau on Monday.", "Greta van der Meer"),
])
def test_a_name_runs_on_through_its_surname_particles(nlp_model, text, name):
    doc = run(nlp_model, text)
    assert name in {e.name for e in doc.entities if e.type == "person"}


def test_a_name_written_with_accents_the_gazetteer_lacks_is_still_found(nlp_model):
    doc = run(nlp_model, "Cumhurbaşkanı Ion Rusu, 11 Haziran 2024 tarihinde Bakü'de bir araya geldi.", language="tr")
    baku = [e for e in doc.entities if e.name == "Baku"]
    assert baku and "Bakü" in baku[0].aliases


def test_an_acronym_defined_after_a_person_s_name_does_not_take_the_person_in(nlp_model):
    doc = run(nlp_model, "She will hold talks with Foreign Minister Ion Rusu on the EU Mission in Moldova (EUMM), "
                         "which was deployed in 2005.")
    names = {e.name for e in doc.entities}
    assert "EU Mission in Moldova" in names and "Ion Rusu" in names


def test_a_name_the_tagger_took_for_a_body_is_a_person_s_with_a_title_in_apposition(nlp_model):
    doc = run(nlp_model, "The deal was negotiated by Ion Chicu, Moldova's prime minister from 2019 to 2020, and "
                         "Romanian Prime Minister Ludovic Orban.")
    assert {"Ion Chicu", "Ludovic Orban"} <= {e.name for e in doc.entities if e.type == "person"}


def test_a_sentence_s_opening_adverb_is_no_name(nlp_model):
    doc = run(nlp_model, "Historically, Romania supported the Prut Cooperation Platform format.")
    assert "Historically" not in {e.name for e in doc.entities}


def test_a_village_named_with_its_generic_word_is_a_place(nlp_model):
    doc = run(nlp_model, "Mortars struck the Vardan village on Monday.")
    assert ("Vardan village", "place") in {(e.name, e.type) for e in doc.entities}


@pytest.mark.parametrize("text, product", [
    ("Georgia sold Armenia Vestra VX7 drones in 2021.", "Vestra VX7"),
    ("Romania has sold Moldova Prut K2 howitzers.", "Prut K2"),
])
def test_a_state_named_before_a_model_it_bought_is_not_in_the_model_s_name(nlp_model, text, product):
    doc = run(nlp_model, text)
    got = {(e.name, e.type) for e in doc.entities}
    assert (product, "product") in got and ("Armenia" in text) == (("Armenia", "country") in got)
    assert not any(t == "product" and n.split()[0] in ("Armenia", "Moldova") for n, t in got)


def test_a_quoted_exercise_name_that_starts_with_a_person_s_name_is_an_event(nlp_model):
    doc = run(nlp_model, 'Romania and Moldova began drills on Monday. The "Stefan cel Mare-2023" exercise '
                         'will run until Friday.')
    got = {(e.name, e.type) for e in doc.entities}
    assert ("Stefan cel Mare-2023", "event") in got and not any(t == "person" for _, t in got)


def test_an_acronym_after_a_summit_of_a_body_is_the_body_s_whose_initials_it_spells(nlp_model):
    doc = run(nlp_model, "The 5th Summit of the Danube Cooperation Council (DCC) was held in Iasi. The DCC "
                         "was founded in 2009.")
    got = {e.name: e.type for e in doc.entities}
    assert got.get("Danube Cooperation Council") == "organization"
    assert any(e.name == "Danube Cooperation Council" and "DCC" in e.aliases for e in doc.entities)


@pytest.mark.parametrize("text, works", [
    ("Snam runs the Gazprom compressor station at Kipoi.", "Gazprom compressor station"),
    ("Moldovagaz bought the Lukoil petrochemical complex in 2019.", "Lukoil petrochemical complex"),
])
def test_works_named_after_a_company_are_infrastructure(nlp_model, text, works):
    doc = run(nlp_model, text)
    infra = {e.name for e in doc.entities if e.type == "infrastructure"}
    assert works in infra


@pytest.mark.parametrize("text", [
    "The exercises were observed by Chief of the Turkish General Staff Metin Gürak.",
    "The drills were watched by Defence Minister Zakir Hasanov and Chief of the Turkish General Staff Metin Gürak."])
def test_a_person_after_a_body_named_with_a_demonym_is_the_name_alone(nlp_model, text):
    doc = run(nlp_model, text)
    people = {doc.text[m.start:m.end] for m in doc.mentions if m.type == "person" and m.form == "name"}
    assert "Metin Gürak" in people and not any("Staff" in p for p in people)
    assert not any(m.type == "event" for m in doc.mentions)


@pytest.mark.parametrize("text, names", [
    ("In June, Presidents Rusu and Petrescu signed the Prut Declaration.", {"Rusu", "Petrescu"}),
    ("Presidents Rusu, Petrescu and Ceban met in Chisinau.", {"Rusu", "Petrescu", "Ceban"})])
def test_surnames_a_plural_title_lists_are_persons(nlp_model, text, names):
    doc = run(nlp_model, text)
    assert {doc.text[m.start:m.end] for m in doc.mentions if m.type == "person" and m.form == "name"} == names


@pytest.mark.parametrize("text, name", [
    ("Construction of the Chisinau–Iasi pipeline began in 2014.", "Chisinau–Iasi pipeline"),
    ("In 2014 — Construction of the Chisinau–Iasi pipeline begins.", "Chisinau–Iasi pipeline"),
    ("Ministry of Energy officials said so.", "Ministry of Energy")])
def test_a_noun_capitalised_only_to_open_the_sentence_is_not_in_the_name(nlp_model, text, name):
    doc = run(nlp_model, text)
    assert name in {doc.text[m.start:m.end] for m in doc.mentions}


def test_the_pages_publisher_named_in_its_text_is_an_organisation(nlp_model):
    doc = extract(Document(path="t.txt", name="t.txt", text="The envoy spoke to Prut Business Week about trade.",
                           publisher="Prut Business Week"), nlp_model)
    assert [(m.text, m.type) for m in doc.mentions if m.text == "Prut Business Week"] == [
        ("Prut Business Week", "organization")]


def test_a_national_parliament_named_untranslated_is_a_body(nlp_model):
    doc = run(nlp_model, "The Milli Majlis ratified the treaty on Tuesday.")
    assert [(m.text, m.type) for m in doc.mentions] == [("Milli Majlis", "organization")]


def test_a_person_named_after_a_body_is_freed_from_it(nlp_model):
    # (the recogniser reads "Majlis Sahiba" and "Gafarova")
    doc = run(nlp_model, "Speaker of the Milli Majlis Sahiba Gafarova met the delegation.")
    assert {(m.text, m.type) for m in doc.mentions if m.form == "name"} == {
        ("Milli Majlis", "organization"), ("Sahiba Gafarova", "person")}


def test_the_government_of_a_state_is_the_state(nlp_model):
    doc = run(nlp_model, "The treaty between the Government of Romania and the Government of the Republic of "
                         "Moldova was ratified.")
    assert {(m.text, m.type) for m in doc.mentions} == {("Romania", "country"), ("Republic of Moldova", "country")}


def test_a_word_of_an_envoys_title_is_no_person(nlp_model):
    doc = run(nlp_model, "Cahit Bağcı, the newly appointed Ambassador Extraordinary and Plenipotentiary of the "
                         "Republic of Türkiye to Azerbaijan, presented his credentials to President Ilham Aliyev.")
    assert {m.text for m in doc.mentions if m.type == "person" and m.form == "name"} == {"Cahit Bağcı", "Ilham Aliyev"}


def test_a_name_that_qualifies_arms_is_their_model(nlp_model):
    doc = run(nlp_model, "Azerbaijan has received a new batch of Bayraktar Akıncı unmanned combat aerial vehicles "
                         "from Türkiye.")
    assert [(m.text, m.type) for m in doc.mentions if m.text.startswith("Bayraktar")] == [
        ("Bayraktar Akıncı", "product")]


@pytest.mark.parametrize("text, name", [
    ("Its owner, the state-owned Baku International Sea Trade Port CJSC, plans to expand it.",
     "Baku International Sea Trade Port CJSC"),
    ("The line is run by Prut Gas Pipeline LLP.", "Prut Gas Pipeline LLP")])
def test_a_name_that_ends_in_a_legal_form_is_the_companys(nlp_model, text, name):
    doc = run(nlp_model, text)
    assert [(m.text, m.type) for m in doc.mentions] == [(name, "organization")]
