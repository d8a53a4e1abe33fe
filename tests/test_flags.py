"""Data-quality flags: spelling of names and the category a thing is given (small cases written for them)."""

from __future__ import annotations

from dossier import flags
from dossier.records import Document, Mention


def _doc(text: str, *mentions: tuple[str, str, str]) -> Document:
    """A document whose mentions are (surface text, type, canonical entity), found in order in ``text``."""
    doc = Document(path="t.txt", name="t.txt", text=text)
    at = 0
    for surface, typ, entity in mentions:
        start = text.index(surface, at)
        doc.mentions.append(Mention(text=surface, start=start, end=start + len(surface), type=typ, entity=entity))
        at = start + len(surface)
    return doc


def test_russian_style_romanisation_of_a_turkish_name_is_a_transliteration_variant():
    assert flags.turkish_spelling("Fatikh") == ("fatih", "transliteration_variant")
    assert flags.turkish_spelling("Jakhit") == ("cahit", "transliteration_variant")


def test_correct_and_english_words_are_not_flagged():
    for word in ("Fatih", "Mehmet", "Erdoğan", "Pipeline", "Kars", "Aliyev"):
        assert flags.turkish_spelling(word) is None, word


def test_swapped_letters_in_a_turkish_name_are_a_misspelling():
    assert flags.turkish_spelling("Mehemt") == ("mehmet", "misspelled_name")


def test_spelling_flags_cite_the_mention_once_per_spelling():
    text = "Fatikh Donmez met Ilham Aliyev. Later Fatikh Donmez left."
    doc = _doc(text, ("Fatikh Donmez", "person", "Fatikh Donmez"), ("Ilham Aliyev", "person", "Ilham Aliyev"),
               ("Fatikh Donmez", "person", "Fatikh Donmez"))
    found = flags.spelling_flags(doc)
    assert [(f.type, f.sources[0].quote) for f in found] == [("transliteration_variant", "Fatikh Donmez")]
    assert found[0].sources[0].start == 0


def test_a_known_variant_is_flagged_against_its_canonical_name():
    text = "Ilhan Aliyev spoke."
    doc = _doc(text, ("Ilhan Aliyev", "person", "Ilham Aliyev"))
    found = flags.spelling_flags(doc, {"Ilhan Aliyev": "Ilham Aliyev"})
    assert [(f.type, f.about) for f in found] == [("misspelled_name", "Ilham Aliyev")]


def test_kind_of_reads_the_head_word():
    assert flags.kind_of("Baku-Tbilisi-Kars railway") == "railway"
    assert flags.kind_of("Trans-Anatolian Natural Gas Pipeline") == "pipeline"
    assert flags.kind_of("Middle Corridor") is None


def test_a_pipeline_called_a_railway_is_a_factual_error():
    text = "Trade moves over the Baku-Tbilisi-Ceyhan and Baku-Tbilisi-Kars railways every day."
    doc = _doc(text, ("Baku-Tbilisi-Ceyhan", "infrastructure", "Baku-Tbilisi-Ceyhan pipeline"),
               ("Baku-Tbilisi-Kars", "infrastructure", "Baku-Tbilisi-Kars railway"))
    known = {"Baku-Tbilisi-Ceyhan pipeline": ["pipeline", "pipeline"], "Baku-Tbilisi-Kars railway": ["railway"]}
    found = flags.category_flags(doc, known)
    assert [(f.type, f.about) for f in found] == [("factual_error", "Baku-Tbilisi-Ceyhan pipeline")]
    assert found[0].sources[0].quote.startswith("Baku-Tbilisi-Ceyhan")
    assert found[0].sources[0].quote.endswith("railways")


def test_no_category_flag_without_other_evidence_or_when_it_agrees():
    text = "The Baku-Tbilisi-Kars railway opened."
    doc = _doc(text, ("Baku-Tbilisi-Kars railway", "infrastructure", "Baku-Tbilisi-Kars railway"))
    assert flags.category_flags(doc, {}) == []
    assert flags.category_flags(doc, {"Baku-Tbilisi-Kars railway": ["railway"]}) == []


def test_english_romanisation_of_azerbaijani_names_is_not_flagged():
    assert flags.turkish_spelling("Jeyhun") is None
    assert flags.turkish_spelling("Jabrayil") is None


def _ctx(nlp_model, text: str, published: str | None = None):
    from dossier.extract import times
    from dossier.extract.context import Context

    ctx = Context(doc=Document(path="t.txt", name="t.txt", text=text, published=published), sp=nlp_model(text))
    ctx.times = times.find_times(ctx)
    return ctx


def test_an_event_dated_only_recently_in_an_undated_document_is_missing_its_date(nlp_model):
    text = "Recently, the two ministries signed several contracts on gas transit. Trade grew."
    [flag] = flags.missing_date_flags(_ctx(nlp_model, text))
    assert flag.type == "missing_date" and flag.sources[0].quote.startswith("Recently, the two ministries")


def test_this_month_in_an_undated_document_is_missing_its_date_but_recent_years_are_vague(nlp_model):
    text = "This month, Moldova has a deadline. In recent years trade grew."
    [flag] = flags.missing_date_flags(_ctx(nlp_model, text))
    assert flag.sources[0].quote == "This month"
    assert flags.missing_date_flags(_ctx(nlp_model, text, published="2022-06-09")) == []


def test_recently_is_no_flag_with_a_publication_date_or_a_date_in_the_clause(nlp_model):
    text = "Recently, the two ministries signed several contracts on gas transit."
    assert flags.missing_date_flags(_ctx(nlp_model, text, published="2022-06-09")) == []
    dated = "The ministries recently signed a contract on 14 May 2021."
    assert flags.missing_date_flags(_ctx(nlp_model, dated)) == []
    # a date in a relative clause dates that clause, not the signing
    other = "Recently, contracts were signed under the deal, which the two countries signed on 14 May 2021."
    assert len(flags.missing_date_flags(_ctx(nlp_model, other))) == 1
    assert flags.missing_date_flags(_ctx(nlp_model, "Stability they have recently enjoyed is fragile.")) == []


def test_swapped_letters_count_only_for_a_person_the_text_ties_to_turkey():
    turkish = _doc("The Turkish trade minister Mehemt Yilmaz spoke.", ("Mehemt Yilmaz", "person", "Mehemt Yilmaz"))
    other = _doc("General Mehemt Yilmaz led the Azerbaijani division in 1943.",
                 ("Mehemt Yilmaz", "person", "Mehemt Yilmaz"))
    assert [f.type for f in flags.spelling_flags(turkish)] == ["misspelled_name"]
    assert flags.spelling_flags(other) == []


def _flags_of(nlp_model, text: str):
    from dossier.extract.run import extract
    return extract(Document(path="t.txt", name="t.txt", text=text), nlp_model).flags


def test_a_word_written_twice_is_a_typo_but_not_an_english_double(nlp_model):
    got = [f for f in _flags_of(nlp_model, "It was a war in which which many died. He said that that was all.")
           if f.type == "typo"]
    assert [f.message for f in got] == ["'which' is written twice"]


def test_a_name_spelt_two_ways_in_one_document_is_flagged_once(nlp_model):
    text = ("Fighting in Nagorno-Karabakh went on. The Nagorno-Karabakh region is disputed. Separatists seized the "
            "Nagorny-Karabakh region in the 1990s. The Ministry of Transport and the Ministry of Transportation met.")
    got = [(f.type, f.sources[0].quote) for f in _flags_of(nlp_model, text)
           if f.type in ("transliteration_variant", "misspelled_name")]
    assert got == [("transliteration_variant", "Nagorny-Karabakh region")]


def test_a_sentence_given_twice_is_flagged_at_its_copy(nlp_model):
    sentence = "A three-day escalation in April 2016 was the worst ceasefire breach so far."
    got = [f for f in _flags_of(nlp_model, f"{sentence} Talks failed.\n\nPhoto caption.\n\n{sentence}")
           if f.type == "duplicate_content"]
    assert len(got) == 1 and got[0].sources[0].start > 20


def test_a_cleaning_flag_cites_each_place_it_repaired(tmp_path):
    from dossier import clean, read
    body = ("Azerbaijan and Türkiye signed the declaration in Shusha on 15 June 2021, and trade grew.\n\n"
            "![](./images/chart-one.png)\n\nThe pipeline carries gas from the Caspian to Europe.\n\n"
            "![](./images/chart-two.png)\n\nBoth sides praised the agreement at length.\n")
    path = tmp_path / "page.txt"   # markup in a plain-text file is residue
    path.write_text(body, encoding="utf-8")
    doc = clean.clean(read.read_document(str(path)))
    [flag] = [f for f in flags.cleaning_flags(doc) if f.type == "markup_artifact"]
    quotes = {s.quote for s in flag.sources}
    assert any("chart-one" in q for q in quotes) and any("chart-two" in q for q in quotes)


def test_a_word_one_slip_from_a_place_name_is_a_misspelling_but_not_its_derived_forms(nlp_model):
    text = ("Talks between Moldova and Romnaia resumed in Chisnau. The Crimean bridge, the Balkan route, "
            "Kazakhs and Georgians were discussed.")
    got = [(f.sources[0].quote, f.about) for f in _flags_of(nlp_model, text) if f.type == "misspelled_name"]
    assert got == [("Romnaia", "Romania"), ("Chisnau", "Chișinău")]   # a capital's slip names the city


def test_a_placeholder_in_the_front_matter_is_quoted_as_missing_metadata():
    original = ('---\ntitle: "A title"\nauthor: "Ana Lupu"\nsource_name: "Unknown Source" # added\n---\nBody text.\n')
    doc = Document(path="t.md", name="t.md", text="Body text.", original=original, author="Ana Lupu",
                   published="2025-05-28")
    [flag] = [f for f in flags.cleaning_flags(doc) if f.type == "missing_metadata"]
    assert [s.quote for s in flag.sources] == ['source_name: "Unknown Source" # added']
    doc.publisher = "Chisinau Daily"   # named elsewhere on the page: the placeholder is still flagged
    [flag] = [f for f in flags.cleaning_flags(doc) if f.type == "missing_metadata"]
    assert [s.quote for s in flag.sources] == ['source_name: "Unknown Source" # added']
    doc.original = original.replace('"Unknown Source" # added', '"Chisinau Daily"')
    assert [f for f in flags.cleaning_flags(doc) if f.type == "missing_metadata"] == []
