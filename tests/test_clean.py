import importlib.util
import json
import random
import re
from pathlib import Path

import pytest

from dossier import clean, metadata, read
from dossier.errors import EmptyFile
from dossier.records import Document

SHARED = Path(__file__).resolve().parents[2] / "shared"

# A made-up article: three paragraphs of prose, each different.
P1 = ("The Baku-Tbilisi-Ceyhan pipeline carries oil from the Caspian Sea to the Mediterranean coast, "
      "and it has done so without a break since the summer of 2006.")
P2 = ("The South Caucasus gas pipeline runs alongside it for most of the way and delivers gas from the "
      "Shah Deniz field to Georgia and to the Turkish border at Erzurum.")
P3 = ("Both projects were built by international consortia in which the state oil companies of the two "
      "countries hold large shares, while foreign partners operate them.")
BODY = f"{P1}\n\n{P2}\n\n{P3}\n"


def cleaned(tmp_path: Path, name: str, text: str | bytes) -> Document:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return clean.clean(read.read_document(str(path)))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def kinds(doc: Document) -> list[str]:
    return [r.kind for r in doc.repairs]


def assert_repairs_quote_the_original(doc: Document) -> None:
    for rep in doc.repairs:
        assert doc.original[rep.start:rep.end] == rep.quote


# ---------------------------------------------------------------- encoding repairs

def mis_decoded(text: str, codepage: str) -> str:
    """``text`` written in ``codepage`` and read back as Latin-1, as a careless scraper does."""
    return text.encode(codepage).decode("latin-1")


def test_wrong_code_page_date_is_repaired_and_parsed(tmp_path):
    page = f"Pipelines in the Caucasus\n\n{mis_decoded('12 марта 2021', 'cp1251')}\n\n{BODY}"
    doc = cleaned(tmp_path, "page.txt", page)
    moji = [r for r in doc.repairs if r.kind == "mojibake"]
    assert len(moji) == 1 and moji[0].quote == mis_decoded("марта", "cp1251")
    assert "марта" in moji[0].note
    assert doc.published == "2021-03-12" and doc.title == "Pipelines in the Caucasus"
    assert_repairs_quote_the_original(doc)


def test_wrong_code_page_words_in_a_paragraph_are_repaired(tmp_path):
    sentence = f"In Baku the agency wrote {mis_decoded('Президент Азербайджана', 'cp1251')} in its report on the talks."
    doc = cleaned(tmp_path, "page.txt", f"{sentence}\n\n{BODY}")
    assert "Президент Азербайджана in its report" in doc.text
    assert kinds(doc).count("mojibake") == 1


def test_greek_read_as_latin1_is_repaired():
    assert metadata.repair_codepage(mis_decoded("Ελληνική δημοκρατία", "cp1253")) == ("Ελληνική δημοκρατία", "cp1253")


@pytest.mark.parametrize("words", [
    "Fatih Dönmez", "BOTAŞ", "Türkiye", "élève à Paris", "Ça été", "üç yıl", "Ağdam", "Müşavir Öztürk",
    "Ñandú", "ÖÇÜ", "São Tomé", "Ærø",
])
def test_accented_latin_text_is_left_alone(tmp_path, words):
    sentence = f"The delegation mentioned {words} several times during the meeting with the ministers."
    doc = cleaned(tmp_path, "page.txt", f"{sentence}\n\n{BODY}")
    assert words in doc.text
    assert "mojibake" not in kinds(doc)


def test_a_real_word_of_the_document_language_is_not_repaired():
    assert metadata.repair_codepage("üç", "tr") is None
    assert metadata.repair_codepage("àéè", "fr") is None


def test_utf8_read_as_cp1252_is_repaired_by_ftfy(tmp_path):
    broken = "The minister said the talks didnâ€™t fail and the deal is still on the table for next year."
    doc = cleaned(tmp_path, "page.txt", f"{broken}\n\n{BODY}")
    assert "didn’t fail" in doc.text
    assert "mojibake" in kinds(doc)
    assert_repairs_quote_the_original(doc)


# ---------------------------------------------------------------- boilerplate

@pytest.mark.parametrize("line", [
    "RUS", "EN | RU | AZ", "Search", "photo: azertag.az", "Photo by Reuters", "Ph. +7 (495) 767-81-36",
    "Ph./Fax: +7 (495) 783-68-27", "E-mail: info@example.org", "© 2020-2024, Example Institute",
    "All rights reserved.", "16+", "top", "Back to top", "3 min read", "https://example.org/news/123",
    "4 office, 5 floor, 12 Main Str., 2 bldg., Springfield 127015.", "Page 3 of 10", "12",
    "All the rights for the materials published on this website reside with the Example Institute.",
])
def test_boilerplate_lines_around_the_article_are_removed(tmp_path, line):
    for page in (f"{line}\n\n{BODY}", f"{BODY}\n{line}\n"):
        doc = cleaned(tmp_path, "page.txt", page)
        assert squash(line) not in squash(doc.text)
        assert all(squash(p) in squash(doc.text) for p in (P1, P2, P3))
        assert "boilerplate" in kinds(doc)


def test_navigation_block_and_footer_are_removed_but_headings_kept(tmp_path):
    page = (f"Home\nRUS\nSearch\nPublications\n\nPipelines in the Caucasus\n\n{P1}\n\nGas transport\n\n{P2}\n\n"
            f"{P3}\n\n16+\nE-mail: info@example.org\nLegal footer\n© 2021 Example Institute\ntop\n")
    doc = cleaned(tmp_path, "page.txt", page)
    assert doc.text == f"{P1}\n\nGas transport\n\n{P2}\n\n{P3}"
    assert doc.title == "Pipelines in the Caucasus" and doc.publisher == "Example Institute"


def test_a_run_of_headlines_between_paragraphs_is_removed(tmp_path):
    headlines = "Court hears case of missing painting\n\nMinister opens new bridge in the north\n\n" \
                "Storm closes airport for a second day\n\nLocal team wins the cup final"
    doc = cleaned(tmp_path, "page.txt", f"{P1}\n\n{headlines}\n\n{P2}\n\n{P3}")
    assert "airport" not in doc.text and squash(P2) in doc.text


def test_list_items_are_kept(tmp_path):
    page = f"{P1}\n\nThe two pipelines:\n\n- Baku-Tbilisi-Ceyhan, 1,768 km\n- South Caucasus, 970 km\n\n{P2}"
    doc = cleaned(tmp_path, "page.md", page)
    assert "The two pipelines:\n\n• Baku-Tbilisi-Ceyhan, 1,768 km\n• South Caucasus, 970 km" in doc.text


def test_repeated_byline_is_undoubled_and_read_as_author(tmp_path):
    page = f"Pipelines in the Caucasus\n\n9 June 2022\nJane DoeJane Doe\n\nJane Doe\n\nSenior fellow\n\n{BODY}"
    doc = cleaned(tmp_path, "page.txt", page)
    assert doc.author == "Jane Doe" and doc.published == "2022-06-09"
    assert [r.quote for r in doc.repairs if r.kind == "scrape_artifact"] == ["Jane DoeJane Doe"]
    assert doc.text.startswith(P1)


# ---------------------------------------------------------------- front matter and markup

def test_yaml_front_matter_becomes_metadata(tmp_path):
    page = ("---\nlayout: post\ntitle : Pipelines: a short history\nauthor: Jane Doe\n"
            "date  : 2024-04-08 12:00:00 +0800\ndescription: \"About pipelines\"\n"
            "source_name: \"Unknown Source\" # a comment\n---\n\n" + BODY)
    doc = cleaned(tmp_path, "post.md", page)
    assert (doc.title, doc.author, doc.published, doc.publisher) == (
        "Pipelines: a short history", "Jane Doe", "2024-04-08", None)
    assert doc.text == BODY.strip()


def test_toml_front_matter_becomes_metadata(tmp_path):
    page = ('+++\nDate = 2023-06-27T23:30:00+04:00\ntitle = "Episode 12"\ntags = ["a", "b"]\n'
            'Description = """\nnotes\n"""\n+++\n## Section one\n\n' + BODY)
    doc = cleaned(tmp_path, "post.md", page)
    assert (doc.title, doc.published) == ("Episode 12", "2023-06-27")
    assert doc.text.startswith("Section one\n\n" + P1)  # a section heading is not the title


def test_markdown_links_images_escapes_and_entities(tmp_path):
    page = ("![](./images/map.jpg)\n\n"
            "The president's [recent visit](#) aimed at a trade turnover of \\$15 billion &amp; more, "
            "as the &quot;Middle Corridor&quot; grows and the ministers met in Baku.\n\n" + BODY)
    doc = cleaned(tmp_path, "page.txt", page)
    first = doc.text.split("\n\n")[0]
    assert first == ("The president's recent visit aimed at a trade turnover of $15 billion & more, "
                     "as the \"Middle Corridor\" grows and the ministers met in Baku.")
    quotes = [r.quote for r in doc.repairs if r.kind == "markup_artifact"]
    assert any("[recent visit](#)" in q for q in quotes) and any("\\$15 billion" in q for q in quotes)
    assert any("&amp;" in q for q in quotes)
    assert_repairs_quote_the_original(doc)


def test_markdown_syntax_in_a_markdown_file_is_rendering_not_an_artifact(tmp_path):
    page = "# Pipelines\n\nThe [operator](https://example.org) of the **line** said so in a statement.\n\n" + BODY
    doc = cleaned(tmp_path, "page.md", page)
    assert doc.text.startswith("The operator of the line said so in a statement.")
    assert doc.title == "Pipelines" and "markup_artifact" not in kinds(doc)


def test_a_picture_or_an_html_tag_in_a_markdown_file_is_residue(tmp_path):
    page = ("# Pipelines\n\n![](./images/line.jpg)\n\nThe [operator](https://example.org) of the line said so "
            "in a statement.<excerpt/>\n\n" + BODY)
    doc = cleaned(tmp_path, "page.md", page)
    assert doc.text.startswith("The operator of the line said so in a statement.")
    quotes = [r.quote for r in doc.repairs if r.kind == "markup_artifact"]
    assert any("![](./images/line.jpg)" in q for q in quotes) and any("<excerpt/>" in q for q in quotes)
    assert not any("[operator]" in q for q in quotes)


def test_tokenised_text_is_rejoined(tmp_path):
    lines = ["Moldova &apos;s navy is small , but the talks didn &apos;t start .",
             "The &quot; old man of Europe , &quot; they said , is back .",
             "Both states &quot; presidents met at a chess match .",
             "Is this the end of the matter ?", "Mixed marriages abound ;", "Oil , unsurprisingly , matters ."]
    doc = cleaned(tmp_path, "ps.txt", "A Reset in the Caucasus\n" + "\n".join(lines) + "\n")
    assert doc.title == "A Reset in the Caucasus"
    assert doc.text.split("\n\n")[:4] == [
        "Moldova's navy is small, but the talks didn't start.", 'The "old man of Europe," they said, is back.',
        "Both states’ presidents met at a chess match.", "Is this the end of the matter?"]
    assert "scrape_artifact" in kinds(doc)


def test_wiki_citation_marks_and_empty_parentheses_are_removed(tmp_path):
    page = "The ARMED FORCES () were re-established in 1991.[1][2] The navy has ships.[3]\n\n" + BODY
    doc = cleaned(tmp_path, "wiki.md", page)
    assert doc.text.startswith("The ARMED FORCES were re-established in 1991. The navy has ships.")


# ---------------------------------------------------------------- paragraphs

def test_hyphenated_name_split_across_a_blank_line_is_joined(tmp_path):
    page = f"{P1}\n\nThe megaprojects include the Baku-Tbilisi-Kars railway and the Baku-\n\nTbilisi-Ceyhan line " \
           f"which serve several regional stakeholders.\n\n{P2}"
    doc = cleaned(tmp_path, "page.txt", page)
    assert "and the Baku-Tbilisi-Ceyhan line which serve" in doc.text
    [rep] = [r for r in doc.repairs if r.kind == "broken_paragraph"]
    assert rep.quote == "Baku-\n\nTbilisi-Ceyhan"


def test_sentence_split_across_a_blank_line_is_joined_but_headings_are_not(tmp_path):
    page = (f"{P1}\n\nThe consortium said on Monday that the new section of the pipeline would open\n\n"
            f"in the spring, after the tests are complete.\n\nGas transport\n\n{P2}")
    doc = cleaned(tmp_path, "page.txt", page)
    assert "would open in the spring, after" in doc.text
    assert "\n\nGas transport\n\n" in doc.text
    assert kinds(doc).count("broken_paragraph") == 1


def test_hard_wrapped_lines_stay_one_paragraph(tmp_path):
    wrapped = ("I was lately told of a possible future proxy war between the two\n"
               "countries. Both were part of the Ottoman Empire and broke away towards the\n"
               "end of the Empire, when the old order collapsed.")
    doc = cleaned(tmp_path, "blog.md", f"{wrapped}\n\n{BODY}")
    assert doc.text.split("\n\n")[0] == wrapped


def test_a_body_repeated_in_the_page_is_kept_once(tmp_path):
    page = (f"Pipelines in the Caucasus\n\n{BODY}\n16+\nE-mail: info@example.org\n© 2021 Example Institute\n"
            f"Example Institute\nPublications\n\nPipelines in the Caucasus\n\n{BODY}")
    doc = cleaned(tmp_path, "page.txt", page)
    for p in (P1, P2, P3):
        assert squash(doc.text).count(squash(p)) == 1
    dups = [r for r in doc.repairs if r.kind == "duplicate_content"]
    assert len(dups) == 1 and dups[0].quote.startswith("Pipelines in the Caucasus\n\n" + P1)
    assert dups[0].quote.endswith(P3)
    assert dups[0].start > doc.original.index("E-mail")


def test_a_lightly_edited_copy_of_a_paragraph_is_a_duplicate(tmp_path):
    edited = P1.replace("without a break", "without any break")
    doc = cleaned(tmp_path, "page.txt", f"{BODY}\n{P2}\n\n{edited}\n")
    assert "without any break" not in doc.text and kinds(doc).count("duplicate_content") >= 1


# ---------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html><html><head><title>Pipelines &amp; politics | Example Institute</title>
<meta property="og:site_name" content="Example Institute"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2021-03-04T10:00:00Z"><script>var a = "<p>x</p>";</script>
</head><body><nav><a href="/">Home</a> <a href="/ru">RUS</a> <a href="/s">Search</a></nav>
<article><h1>Pipelines &amp; politics</h1><p>{p1}</p><h2>Gas</h2><p>{p2}</p>
<ul><li>Oil pipeline: 1,768&nbsp;km</li><li>Gas pipeline: 970&nbsp;km</li></ul><p>{p3}</p></article>
<footer><p>© 2021 Example Institute. All rights reserved.</p><p>Ph. +1 (555) 123-4567</p></footer></body></html>
"""


def test_html_article_is_extracted_with_metadata_and_a_map_into_the_source(tmp_path):
    doc = cleaned(tmp_path, "page.html", PAGE.format(p1=P1.replace("-", "&ndash;", 1), p2=P2, p3=P3))
    assert (doc.title, doc.author, doc.published, doc.publisher, doc.language) == (
        "Pipelines & politics", "Jane Doe", "2021-03-04", "Example Institute", "en")
    assert "Home" not in doc.text and "Ph." not in doc.text and "©" not in doc.text
    assert "Baku–Tbilisi-Ceyhan pipeline" in doc.text and "• Oil pipeline: 1,768 km" in doc.text
    start = doc.text.index("Shah Deniz")
    lo, hi = doc.charmap.to_original(start, start + len("Shah Deniz"))
    assert doc.original[lo:hi] == "Shah Deniz"


def test_html_without_an_article_is_empty(tmp_path):
    page = ("<html><body><nav><a href='/'>Home</a> <a href='/ru'>RUS</a></nav><div><a href='/p'>Publications</a>"
            "</div><footer>© 2021 Example Institute. Ph. +1 (555) 123-4567</footer></body></html>")
    with pytest.raises(EmptyFile) as exc:
        cleaned(tmp_path, "nav.html", page)
    assert "nav.html" in str(exc.value) and "\n" not in str(exc.value)


def test_text_of_only_navigation_is_empty(tmp_path):
    with pytest.raises(EmptyFile):
        cleaned(tmp_path, "nav.txt", "Home\nRUS\nSearch\nPublications\n© 2021 Example Institute\ntop\n")


# ---------------------------------------------------------------- character map

def assert_charmap_tiles_and_maps_back(doc: Document) -> None:
    segs = doc.charmap.segments
    assert segs[0].clean_start == 0 and segs[-1].clean_end == len(doc.text)
    assert all(a.clean_end == b.clean_start for a, b in zip(segs, segs[1:], strict=False))
    assert all(a.orig_start <= b.orig_start for a, b in zip(segs, segs[1:], strict=False))
    copied = [s for s in segs if doc.text[s.clean_start:s.clean_end] == doc.original[s.orig_start:s.orig_end]]
    assert sum(s.clean_end - s.clean_start for s in copied) >= 0.9 * len(doc.text)
    rng = random.Random(7)
    for _ in range(300):  # spans inside copied segments map back to the very same text
        seg = rng.choice([s for s in copied if s.clean_end - s.clean_start >= 2])
        a = rng.randrange(seg.clean_start, seg.clean_end - 1)
        b = rng.randrange(a + 1, seg.clean_end)
        lo, hi = doc.charmap.to_original(a, b)
        assert doc.original[lo:hi] == doc.text[a:b]
    words = list(re.finditer(r"\w+", doc.text))
    same = sum(doc.original[slice(*doc.charmap.to_original(m.start(), m.end()))] == m.group() for m in words)
    assert same >= 0.97 * len(words)


def test_charmap_of_a_messy_page(tmp_path):
    page = ("---\ntitle: T\n---\nRUS\n\n![](x.jpg)\n\nThe [visit](#) cost \\$15 billion &amp; more as the ministers "
            "met in Baku and Ankara, and the Baku-\n\nTbilisi line opened in the spring of that year.\n\n"
            + BODY + "\n© 2021 X\n")
    doc = cleaned(tmp_path, "page.txt", page)
    assert_charmap_tiles_and_maps_back(doc)
    assert_repairs_quote_the_original(doc)


def seed(name: str) -> Document:
    path = SHARED / "corpus" / "seeds" / name
    if not path.exists():
        pytest.fail(f"the seed corpus is missing at {path.parent} — clone the project beside shared/")
    return clean.clean(read.read_document(str(path)))


@pytest.mark.parametrize("name", ["000_c3117b4252de8092.txt", "001_d81d6c4f60e9c074.txt"])
def test_charmap_of_the_seeds(name):
    doc = seed(name)
    assert_charmap_tiles_and_maps_back(doc)
    assert_repairs_quote_the_original(doc)


# ---------------------------------------------------------------- the seeds against the gold checks

def scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["000_c3117b4252de8092.txt", "001_d81d6c4f60e9c074.txt"])
def test_seed_passes_the_gold_metadata_and_cleaning_checks(name):
    score = scorer()
    gold = json.loads((SHARED / "eval" / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    record = seed(name).to_record()
    failed = []
    for key, want in gold["metadata"].items():
        got = record.get(key)
        ok = str(got or "") == str(want) if key == "published" else score.norm(got) == score.norm(want)
        if not ok:
            failed.append(f"{key}: {got!r} != {want!r}")
    text = score.squash(record["text"])
    checks = gold["clean"]
    failed += [f"missing {s!r}" for s in checks.get("must_contain", []) if score.squash(s) not in text]
    failed += [f"left in {s!r}" for s in checks.get("must_not_contain", []) if score.squash(s) in text]
    failed += [f"not once {s!r}" for s in checks.get("exactly_once", []) if text.count(score.squash(s)) != 1]
    assert not failed


def test_seed_repairs_cite_the_evidence():
    doc = seed("000_c3117b4252de8092.txt")
    by_kind = {k: [r.quote for r in doc.repairs if r.kind == k] for k in set(kinds(doc))}
    assert any("èþíÿ" in q for q in by_kind["mojibake"])
    assert by_kind["scrape_artifact"] == ["Kamran HasanovKamran Hasanov"]
    assert any("Novodmitrovskaya" in q for q in by_kind["boilerplate"])
    assert any("Turkey and Azerbaijan: 30 years" in q for q in by_kind["duplicate_content"])


# ---------------------------------------------------------------- metadata helpers

@pytest.mark.parametrize("text,iso", [
    ("9 June 2022", "2022-06-09"), ("9 июня 2022", "2022-06-09"), ("Oct 3rd 2020ISTANBUL", "2020-10-03"),
    ("* 3 April 2025", "2025-04-03"), ("June 2023", "2023-06"), ("2020-09-28-10-19-25", "2020-09-28"),
    ("14 Mart 2024", "2024-03-14"), ("3 Mayıs 2024", "2024-05-03"),
    ("16+", None), ("Publications", None), ("Candidate of Political Studies, CISS expert", None),
])
def test_parse_date(text, iso):
    assert metadata.parse_date(text.lstrip("* ")) == iso


@pytest.mark.parametrize("line,name", [
    ("Kamran Hasanov", "Kamran Hasanov"), ("By Jane Doe", "Jane Doe"),
    ("Callum Fraser and Natia Seskuria", "Callum Fraser, Natia Seskuria"), ("Publications", None),
    ("Seizing The Moment", None), ("Candidate of Political Studies, CISS expert", None), ("16+", None),
])
def test_byline(line, name):
    assert metadata.byline(line) == name


@pytest.mark.parametrize("text,lang", [(BODY, "en"), (
    "Türkiye ve Azerbaycan arasındaki stratejik ortaklık, enerji ve ulaştırma alanlarında derinleşmektedir.", "tr"),
    # a short text full of names, which the identifier alone takes for Dutch or Estonian
    ("French Foreign Minister Jean-Yves Le Drian met Ion Rusu in Paris.", "en"),
    ("President Kassym-Jomart Tokayev visited Baku on Monday.", "en"),
    ("Die Regierung in Berlin hat heute entschieden.", "de")])
def test_language(text, lang):
    assert metadata.language(text) == lang


@pytest.mark.parametrize("line,parts", [
    ("Tbilisi, 12 October 2023, Caspian Energy Wire", {"published": "2023-10-12", "publisher": "Caspian Energy Wire"}),
    ("By Jane Doe | Monday, February 8, 2024", {"published": "2024-02-08", "author": "Jane Doe"}),
    ("By Foreign Desk, 8 February 2024", {"published": "2024-02-08", "publisher": "Foreign Desk"}),
    ("Eurasia Policy Review, 3 May 2024. By Jane Doe",
     {"published": "2024-05-03", "publisher": "Eurasia Policy Review", "author": "Jane Doe"}),
    ("CHISINAU — 14 March 2024", {"published": "2024-03-14"}),
    ("Chisinau, 30 May 2023 (Company press release)", {"published": "2023-05-30"}),
    ("Tbilisi, April 18, 2024 / Caspian Business News /",
     {"published": "2024-04-18", "publisher": "Caspian Business News"}),
    ("TBILISI, Sept 12 (Wire Service) - 12 September 2024", {"published": "2024-09-12", "publisher": "Wire Service"}),
    ("Published 12 June 2025 by Caspian Business Post",
     {"published": "2025-06-12", "publisher": "Caspian Business Post"}),
    ("Policy brief, 2 October 2024. By Jane Doe and John Roe",
     {"published": "2024-10-02", "author": "Jane Doe, John Roe"}),
    ("Tbilisi, 20 January 2025 — Caspian Energy Wire", {"published": "2025-01-20", "publisher": "Caspian Energy Wire"}),
    ("Interview by Jane Doe, Caspian Daily, 12 February 2025",
     {"published": "2025-02-12", "author": "Jane Doe", "publisher": "Caspian Daily"}),
    # a wire's agency in brackets is the publisher; a country in brackets is a place
    ("CHISINAU, Aug 27, 2024 (Wirepress)", {"published": "2024-08-27", "publisher": "Wirepress"}),
    ("GYUMRI (Armenia), 4 September 2023", {"published": "2023-09-04"}),
    ("TBILISI, Feb 20, 2024 (Caspian Logistics)", {"published": "2024-02-20", "publisher": "Caspian Logistics"}),
    # a sentence, a caption, a line whose other part is not a place or a byline: not a dateline
    ("Signed in Baku on 15 June 2021 by the two presidents", None), ("The Treaty of Kars, 13 October 1921", None),
    ("Romania and Moldova, 3 May 2024", None), ("Tbilisi, 2023, Caspian Energy Wire", None),
    # a publication's number in its series; who compiled it
    ("Policy Brief No. 12, Prut Policy Institute, February 2024",
     {"published": "2024-02", "publisher": "Prut Policy Institute"}),
    ("Compiled by the Prut research desk, updated 1 September 2024",
     {"published": "2024-09-01", "publisher": "Prut research desk"}),
    ("Prut Business Week | 3 April 2024 | Interview by Jane Doe",
     {"published": "2024-04-03", "publisher": "Prut Business Week", "author": "Jane Doe"}),
])
def test_dateline(line, parts):
    got = metadata.dateline(line)
    assert (got if got is None else {k: v for k, v in got.items() if k != "place"}) == parts   # (place below)


@pytest.mark.parametrize("line, place", [
    ("CHISINAU, Aug 27, 2024 (Wirepress)", "CHISINAU"), ("Tbilisi, 20 January 2025 — Caspian Energy Wire", "Tbilisi"),
    ("GYUMRI (Armenia), 4 September 2023", "GYUMRI"), ("Policy brief, 2 October 2024. By Jane Doe", None)])
def test_a_datelines_place(line, place):
    assert metadata.dateline(line).get("place") == place


def test_the_datelines_place_is_the_documents(tmp_path):
    doc = cleaned(tmp_path, "page.md", "# Pipelines in the Caucasus\n\nCHISINAU, 4 March 2025 / Prut Wire\n\n" + BODY)
    assert (doc.place, doc.published, doc.publisher) == ("CHISINAU", "2025-03-04", "Prut Wire")


def test_a_dateline_gives_the_date_byline_and_publication(tmp_path):
    page = "# Pipelines in the Caucasus\n\n*Tbilisi, 12 October 2023. By Jane Doe, Caspian Energy Wire*\n\n" + BODY
    doc = cleaned(tmp_path, "page.md", page)
    assert (doc.title, doc.published, doc.author, doc.publisher) == (
        "Pipelines in the Caucasus", "2023-10-12", "Jane Doe", "Caspian Energy Wire")
    assert "Jane Doe" not in doc.text and doc.text.startswith(P1)


@pytest.mark.parametrize("lead,published,publisher", [
    ("Tbilisi, 14 March 2024 — ", "2024-03-14", None),
    ("GYUMRI, Armenia, Sept 4, 2023 /Caspian Wire/ -- ", "2023-09-04", "Caspian Wire"),
    ("ASTANA, 2 May 2024 (Kazpress) - ", "2024-05-02", "Kazpress"),
    # the opening words of a sentence are no dateline
    ("Romania and Moldova, 3 May 2024 — ", None, None), ("In 2024 - ", None, None)])
def test_a_dateline_that_opens_the_first_paragraph_dates_the_page(tmp_path, lead, published, publisher):
    page = "# Pipelines in the Caucasus\n\n" + lead + BODY
    doc = cleaned(tmp_path, "page.md", page)
    assert (doc.published, doc.publisher) == (published, publisher)
    assert doc.text.startswith(lead + P1)   # the paragraph is kept whole


def test_a_date_line_that_names_the_publication_gives_the_publisher(tmp_path):
    page = "# Pipelines in the Caucasus\n\n*Published 12 June 2025 by Caspian Business Post*\n\n" + BODY
    doc = cleaned(tmp_path, "page.md", page)
    assert (doc.published, doc.publisher) == ("2025-06-12", "Caspian Business Post")


def test_an_organisation_byline_is_the_publisher(tmp_path):
    page = ("* 3 April 2025\n* Directorate-General for Energy\n* 1 min read\n\n# Pipelines in the Caucasus\n\n" + BODY)
    doc = cleaned(tmp_path, "page.md", page)
    assert (doc.published, doc.publisher) == ("2025-04-03", "Directorate-General for Energy")


def test_a_website_author_is_also_the_publisher(tmp_path):
    page = "---\ntitle: Pipelines\nauthor: \"Example.com\"\n---\n\n" + BODY
    doc = cleaned(tmp_path, "post.md", page)
    assert (doc.author, doc.publisher) == ("Example.com", "Example.com")


def test_words_a_scrape_ran_together_get_their_space_back(tmp_path):
    page = ("Danube Line\n\nOct 3rd 2020CHISINAU\n\nRomania sought to balance betweenMoldova and Ukraine with "
            "an iPhone bought on eBay.\n\n" + BODY)
    doc = cleaned(tmp_path, "page.txt", page)
    assert "balance between Moldova and Ukraine with an iPhone bought on eBay." in doc.text
    quotes = {r.quote for r in doc.repairs if r.kind == "scrape_artifact"}
    assert {"2020CHISINAU", "betweenMoldova"} <= quotes


@pytest.mark.parametrize("block", [
    # (a line this long runs on into the next: one unit of two lines)
    "Public Information Department, Prut Ministry of Energy\nTbilisi, 12 October 2023",
    "Public Information Department, Prut Ministry of Energy\n12 October 2023"])
def test_a_senders_block_of_lines_gives_the_date_and_publisher(tmp_path, block):
    page = "# Pipelines in the Caucasus\n\n" + block + "\n\n" + BODY
    doc = cleaned(tmp_path, "page.md", page)
    assert (doc.published, doc.publisher) == ("2023-10-12", "Public Information Department, Prut Ministry of Energy")
    assert doc.text.startswith(P1)


@pytest.mark.parametrize("line, names", [
    ("Author: Dr. Jane Doe, Senior Fellow", "Jane Doe"), ("By Prof. John Roe and Jane Doe", "John Roe, Jane Doe"),
    ("By Jane Doe, Head of Research", "Jane Doe"),
    # (nor the piece's genre before a dash or bar)
    ("Opinion — Jane Doe", "Jane Doe"), ("Commentary | John Roe", "John Roe"), ("Opinion — Pipelines", None)])
def test_a_byline_without_honorifics_and_posts(line, names):
    assert metadata.byline(line) == names


def test_a_report_header_of_two_lines_gives_author_date_and_publisher(tmp_path):
    page = ("# Pipelines in the Caucasus\n\nPolicy Brief No. 12, Prut Policy Institute, February 2024\n"
            "Author: Dr. Jane Doe, Senior Fellow\n\n" + BODY)
    doc = cleaned(tmp_path, "page.md", page)
    assert (doc.author, doc.published, doc.publisher) == ("Jane Doe", "2024-02", "Prut Policy Institute")


def test_a_timelines_first_item_is_no_dateline(tmp_path):
    page = ("# Moldova and Romania: a timeline\n\n- 27 August 1991 — Romania recognises Moldova's independence.\n"
            "- 1 June 1992 — The two countries sign a treaty.\n")
    doc = cleaned(tmp_path, "page.md", page)
    assert doc.published is None and "27 August 1991" in doc.text
    assert metadata.lead_dateline_spans(doc.text) == ()


def test_a_labelled_date_that_ends_a_longer_header_line_dates_the_page(tmp_path):
    page = ("# Pipelines in the Caucasus\n\nInterview with Jane Doe, Ambassador of Romania to Moldova. Published: "
            "2 June 2023\n\n" + BODY)
    doc = cleaned(tmp_path, "page.md", page)
    assert doc.published == "2023-06-02" and doc.text.startswith(P1)


@pytest.mark.parametrize("text, iso", [("Published 12.04.2024", "2024-04-12"), ("3.11.2023", "2023-11-03"),
                                       ("31.13.2024", None), ("04/12/2024", "2024-04-12")])
def test_a_dotted_date_is_day_month_year(text, iso):
    assert metadata.parse_date(text) == iso
