"""The gazetteer: its name search matches what a flat, longest-first alternation of the names would."""

import re

from dossier import gazetteer
from dossier.gazetteer import _trie_pattern

NAMES = ["Baku", "Baku-Tbilisi-Ceyhan", "Baku-Tbilisi-Kars", "Ba", "Kars", "Az", "Azerbaijan",
         "Azerbaijani", "U.S.", "U.S. Navy", "Trans-Anatolian Natural Gas Pipeline", "Trans"]


def _flat(names):
    alts = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w])")


def _matches(pattern, text):
    return [m.group() for m in pattern.finditer(text)]


def test_trie_pattern_finds_the_longest_name_ending_at_a_word_boundary():
    trie = re.compile(r"(?<![\w.])" + _trie_pattern(NAMES) + r"(?![\w])")
    text = ("The Baku-Tbilisi-Ceyhan line, the Baku-Tbilisi-Karsx typo, Bakus, Azerbaijanis and "
            "Azerbaijani gas; the U.S. Navy and the U.S. Army; Trans-Anatolian Natural Gas Pipelines; Ba.")
    assert _matches(trie, text) == _matches(_flat(NAMES), text)
    assert _matches(trie, text) == ["Baku-Tbilisi-Ceyhan", "Baku", "Azerbaijani", "U.S. Navy", "U.S.",
                                    "Trans", "Ba"]


def test_gazetteer_find_agrees_with_a_flat_alternation_of_its_names():
    gaz = gazetteer.load()
    text = ("Azerbaijan and the Republic of Türkiye signed with Georgia; BOTAS, SOCAR and the EU met in "
            "Baku, Ankara and Tbilisi. Turkish and Azerbaijani officials, NATO, the OSCE Minsk Group.")
    found = [text[s:e] for s, e, _ in gaz.find(text)]
    assert found == _matches(_flat(gaz.entries), text)
    assert {"Azerbaijan", "Georgia", "Baku", "Ankara", "NATO"} <= set(found)


def test_a_region_is_found_with_its_generic_word_in_lower_case():
    gaz = gazetteer.load()
    assert gaz.lookup("Caspian sea").canonical == gaz.lookup("Caspian Sea").canonical == "Caspian Sea"
    assert gaz.lookup("caspian sea") is None


def test_a_breakaway_region_is_known_under_its_local_and_transliterated_names():
    gaz = gazetteer.load()
    names = {gaz.lookup(n).canonical for n in ("Transnistria", "Transdniestria", "Pridnestrovie")}
    assert names == {"Transnistria"} and gaz.lookup("Transnistria").type == "place"


def test_a_body_is_found_with_its_generic_word_in_lower_case():
    gaz = gazetteer.load()
    assert gaz.lookup("Minsk group").canonical == "OSCE Minsk Group"


def test_a_line_is_known_under_every_dash_and_its_generic_word_capitalised():
    gaz = gazetteer.load()
    for written in ("Baku-Tbilisi-Kars railway", "Baku – Tbilisi – Kars", "Baku—Tbilisi—Kars Railway", "BTK",
                    "Bakü-Tiflis-Kars Demiryolu"):
        entry = gaz.lookup(written)
        assert entry is not None and (entry.canonical, entry.type) == ("Baku–Tbilisi–Kars railway",
                                                                       "infrastructure"), written
    assert gaz.lookup("Orta Koridor").canonical == "Middle Corridor"
    assert gaz.lookup("Shah-Deniz").type == "place"


def test_a_known_name_with_a_capitalised_generic_word_is_found_with_it_in_lower_case():
    assert gazetteer.load().lookup("STAR refinery").canonical == "STAR Refinery"


def test_a_route_is_known_with_its_generic_word_in_lower_case():
    entry = gazetteer.load().lookup("Trump route")
    assert entry is not None and entry.canonical == "Trump Route for International Peace and Prosperity"


def test_karabakh_by_any_of_its_names_is_one_place():
    gaz = gazetteer.load()
    names = ["Karabakh", "Nagorny-Karabakh", "Nagorno Karabakh", "Dağlık Karabağ", "Karabagh"]
    assert {gaz.lookup(n).canonical for n in names} == {"Nagorno-Karabakh"}
    assert gaz.lookup("North Caucasus").canonical != gaz.lookup("South Caucasus").canonical


def test_a_town_is_one_place_under_its_english_turkish_and_azerbaijani_spellings():
    g = gazetteer.load()
    assert {g.lookup(n).canonical for n in ("Shusha", "Şuşa", "Shushi")} == {"Shusha"}
    assert {g.lookup(n).canonical for n in ("Kalbajar", "Kelbajar", "Kəlbəcər")} == {"Kalbajar"}
    assert g.lookup("Şuşa").type == "place"


def test_an_autonomous_republic_is_its_region_by_every_name():
    gaz = gazetteer.load()
    names = {gaz.lookup(n).canonical for n in ("Nakhchivan", "Nakhchivan Autonomous Republic",
                                                "Nakhichevan Autonomous Republic", "Nahçıvan Özerk Cumhuriyeti")}
    assert names == {"Nakhchivan"}
