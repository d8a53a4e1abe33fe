"""The loaded pipeline: offline model, and sentences that never cross a blank line."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_a_heading_is_a_sentence_of_its_own(nlp_model):
    sp = nlp_model("### Relations Between Ankara and Jerusalem\n\nDespite a state trip to Ankara in March 2022, "
                   "relations nosedived.\n\n- Trade fell\n\n- Flights stopped")
    sents = [s.text.strip() for s in sp.sents]
    assert sents[0] == "### Relations Between Ankara and Jerusalem"
    assert sents[1].startswith("Despite") and sents[1].endswith("nosedived.")
    assert not any("\n\n" in s for s in sents)


def test_a_single_line_break_inside_a_paragraph_is_left_to_the_parser(nlp_model):
    sp = nlp_model("Trade between the two countries\nreached USD 2.2 bn in 2020.")
    assert len(list(sp.sents)) == 1


def test_a_list_item_never_runs_into_the_next_one(nlp_model):
    sp = nlp_model("## Timeline\n\n- 1991: Moldova declares independence.\n- 1992: Moldova and Transnistria fight a "
                   "war.\n- 27 June 2014: Moldova signs the Prut Trade Agreement with Romania.\n")
    assert not any("independence" in s.text and "1992" in s.text or "war" in s.text and "2014" in s.text
                   for s in sp.sents)


def test_a_unicode_hyphen_between_names_splits_them(nlp_model):
    assert [t.text for t in nlp_model("the Israel\u2011Iran war")] == ["the", "Israel", "\u2011", "Iran", "war"]


def test_a_co_verb_is_one_token_and_a_verb(nlp_model):
    sp = nlp_model("The two ministers co-chaired the meeting, and Co-hosting it was easy.")
    words = [t.text for t in sp]
    assert "co-chaired" in words and "Co-hosting" in words
    assert sp[words.index("co-chaired")].pos_ == "VERB"
    assert sp[words.index("co-chaired")].lemma_ == "co-chair"   # (the default rules make it "co-chaire")


def test_a_re_verb_is_one_token_lemmatised_as_the_verb_it_repeats(nlp_model):
    sp = nlp_model("The armed forces were re-established in 1991, and he was re-elected in 2018.")
    got = {t.text: (t.lemma_, t.pos_) for t in sp if t.text.startswith("re-")}
    assert got == {"re-established": ("establish", "VERB"), "re-elected": ("elect", "VERB")}


def test_a_yearly_unit_ending_a_sentence_ends_it(nlp_model):
    sp = nlp_model("The Prut line can carry 16 bcm/y. Vestra owns 6.53% of it.")
    assert [s.text for s in sp.sents] == ["The Prut line can carry 16 bcm/y.", "Vestra owns 6.53% of it."]
