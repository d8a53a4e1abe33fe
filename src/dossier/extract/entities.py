"""Entity mentions: who and what an article names, typed and linked within the document.

``find_mentions(ctx)`` reads the parsed clean text and returns non-overlapping
``Mention``s in text order.  Candidates come from four sources, strongest first:

1. acronym definitions, both orders: "Baku – Tbilisi – Ceyhan (BTC) oil
   pipeline", "TANAP (Trans-Anatolian gas pipeline, ...)";
2. name shapes: runs of capitalised words typed by their head noun
   ("... Agreement", "... Ministry", "... Corridor", "... Forum"), dash-joined
   city routes, a name followed by a lowercase head ("Shah-Deniz field"),
   a name followed by a year ("Three Brothers 2021"), persons after titles;
3. the gazetteer (``dossier.gazetteer``): countries, demonyms, capitals,
   international organisations, world regions;
4. spaCy's named entities.

Overlaps are settled by strength, then length.  Names are then linked within
the document: a surname to the full name seen, an acronym to its expansion,
a capital used as a government ("Ankara and Baku signed") to its country.
``entities_from_mentions`` turns the mentions into one ``Entity`` per name and type.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import takewhile

import pycountry
from spacy.tokens import Doc, Span, Token

from dossier import gazetteer, metadata
from dossier.extract import turkish
from dossier.extract.context import Context
from dossier.extract.name_shapes import (
    DASHES,
    EXERCISE_WORDS,
    GENERIC,
    HEAD_TYPES,
    HONORIFICS,
    LOWER_HEADS,
    MILITARY_RANKS,
    MODEL_RE,
    MONTHS,
    ORG_HEADS,
    ORG_NOUNS,
    PRODUCT_NOUNS,
    SIGN_VERBS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    WORKS_AT,
    Acronyms,
    Candidate,
    acronym_candidates,
    agreement_candidates,
    clean_name,
    common_word,
    currency_words,
    has_amount,
    head_type,
    key,
    plural_generic,
    sentences_with,
    shape_candidates,
    shouted,
    title_person_candidates,
)
from dossier.records import Entity, Mention

NAME_PARTICLES = {"al", "bin", "de", "van", "von", "oglu", "oğlu"}  # lower-case parts of a personal name
# particles a surname may start with ("Ursula von der Leyen", "Charles de Gaulle")
_SURNAME_PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "du", "dos", "das", "del", "ter", "bin", "ibn"}


def _through_particles(sp, toks: list[Token]) -> list[Token]:
    """A person's name the tagger stopped at a lower-case particle ("Ursula von | der Leyen"): it runs on
    through the particles to the capitalised surname after them."""
    j = k = toks[-1].i + 1
    while k < len(sp) and sp[k].text in _SURNAME_PARTICLES:
        k += 1
    if (k > j or toks[-1].text in _SURNAME_PARTICLES) and k < len(sp) and sp[k].text[:1].isupper() \
            and sp[k].is_alpha and k - j <= 2:
        return list(sp[toks[0].i:k + 1])
    return toks

DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your",
               "such", "any", "every", "each"}
GOV_PREPS = {"with", "between", "against", "by", "toward", "towards", "on", "among", "of", "versus", "vs"}
TRANSFER_VERBS = {"sell", "supply", "deliver", "export", "provide", "send", "give", "transfer", "lend", "grant",
                  "buy", "import", "purchase", "procure", "receive", "pay", "owe"}
# "the Trump administration", "the Putin era": a surname before these names the leader
LEADER_ERA = {"administration", "presidency", "era", "regime", "government", "cabinet"}
NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT"}
REGNAL = {"pope", "king", "queen", "prince", "princess", "sultan", "emir", "sheikh", "shah", "patriarch",
          "catholicos"}
# -- source 1: the gazetteer -----------------------------------------------------------------------

def _gazetteer_candidates(text: str) -> list[Candidate]:
    gaz = gazetteer.load()
    out = []
    for start, end, e in gaz.find(text):
        out.append(Candidate(start, end, e.type, "gazetteer", form=e.form, entity=e.canonical, place=e.place))
    # a name written with accents the gazetteer lists it without ("Bakü'de" for Baku): read the text with
    # its accents stripped, character by character so that the positions hold
    folded = "".join(f if len(f := gazetteer.fold(c)) == 1 else c for c in text)
    if folded != text:
        for start, end, e in gaz.find(folded):
            if text[start:end] != folded[start:end]:
                out.append(Candidate(start, end, e.type, "gazetteer", form=e.form, entity=e.canonical,
                                     place=e.place))
    # a heading in capitals that is a name ("ARMENIA" over a fact box's lines)
    for m in re.finditer(r"(?m)^[ \t]*([A-Z][A-Z'’ -]{3,40}?)[ \t:]*$", text):
        e = gaz.lookup(m.group(1))
        if e is not None and e.form == "name" and e.type in ("country", "place", "organization"):
            out.append(Candidate(m.start(1), m.end(1), e.type, "gazetteer", form=e.form, entity=e.canonical))
    return out


# -- source 2: spaCy's named entities --------------------------------------------------------------

_SITE_NOUNS = {"depot", "base", "airbase", "port", "terminal", "plant", "station", "facility", "camp", "site",
               "village", "town", "city", "crossing", "checkpoint", "airport", "field", "refinery"}


def _trim_span(span: Span) -> Span | None:
    """Drop a leading article, a trailing possessive, and edge punctuation."""
    doc = span.doc
    s, e = span.start, span.end
    while s < e and (doc[s].lower_ in DETERMINERS or doc[s].is_punct or doc[s].is_space):
        s += 1
    while e > s and (doc[e - 1].lower_ in {"'s", "’s", "of", "the", "and", "'"} or
                     (doc[e - 1].is_punct and doc[e - 1].text != ".") or doc[e - 1].is_space):
        e -= 1
    # "the Alliance's Partnership for Peace": the owner a generic word names is not part of the name
    # (unlike "People's Party")
    if e - s > 3 and doc[s + 1].lower_ in ("'s", "’s") and (doc[s].lower_ in ORG_HEADS or doc[s].lower_ == "bloc"):
        s += 2
    return doc[s:e] if e > s else None




def _names_goods(span: Span) -> bool:
    """Whether a name qualifies a noun for arms or vehicles right after it ("Bayraktar Akıncı drones")."""
    head = span.root.head
    return span.root.dep_ in ("compound", "nmod") and head.i >= span.end and head.i - span.end <= 4 \
        and head.lower_ in PRODUCT_NOUNS and all(t.pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT")
                                                 for t in span.doc[span.end:head.i])


def _mend_person_ents(sp: Doc, known: Iterable[Candidate]) -> list[Span]:
    """The recogniser's spans, with a person's name freed from the body named before it: in "Speaker of the
    Milli Majlis Sahiba Gafarova" it reads "Majlis Sahiba" and "Gafarova"; the gazetteer's "Milli Majlis"
    ends inside the first, so the person is "Sahiba Gafarova"."""
    ents = list(sp.ents)
    if not any(e.label_ == "PERSON" for e in ents):
        return ents
    ends = {c.end: c.start for c in known if c.type != "country"}   # the gazetteer's names, read once
    out: list[Span] = []
    skip = -1
    for k, ent in enumerate(ents):
        if k == skip:
            continue
        cut = next((e for e, s in ends.items() if ent.label_ == "PERSON" and s < ent.start_char < e < ent.end_char),
                   None)
        if cut is not None:
            rest = [t for t in ent if t.idx >= cut]
            if not rest:
                continue
            end = ent.end
            if k + 1 < len(ents) and ents[k + 1].label_ == "PERSON" and ents[k + 1].start == ent.end:
                end, skip = ents[k + 1].end, k + 1
            ent = Span(sp, rest[0].i, end, label="PERSON")
        out.append(ent)
    return out


def _ner_candidates(sp: Doc, gaz: gazetteer.Gazetteer, known: Iterable[Candidate] = ()) -> list[Candidate]:
    """The recogniser's names, typed and trimmed (``known``: the gazetteer's candidates of the same text)."""
    out = []
    cur = currency_words()
    lower_words = {t.text for t in sp if t.text.islower()}
    for ent in _mend_person_ents(sp, known):
        if ent.label_ not in NER_LABELS:
            continue
        span = _trim_span(ent)
        if span is None:
            continue
        toks = list(span)
        # a demonym glued to a name by the tagger ("Azerbaijani Shah-Deniz") is not part of it
        while len(toks) > 1 and (gaz.lookup(toks[0].text) or gazetteer.Entry("", "")).form == "demonym" \
                and ent.label_ in {"PERSON", "GPE", "LOC", "FAC", "PRODUCT"} \
                and not (len(toks) == 2 and toks[1].lower_ in HEAD_TYPES):   # "the Indian Ocean" is one name
            toks = toks[1:]
        while ent.label_ == "PERSON" and len(toks) > 2 and (gaz.lookup(toks[0].text) or gazetteer.Entry("", "")).type \
                == "country":
            toks = toks[1:]   # "Ambassador to Türkiye Rashad Mammadov": the state the title ends with is not the name
        if ent.label_ == "PERSON":
            # (a rare capitalised word the tagger did not take for a name is still one: "Recep Tayyip ...")
            while len(toks) > 1 and (toks[0].pos_ != "PROPN" and not (toks[0].text[:1].isupper() and toks[0].is_alpha
                                                                   and not common_word(toks[0]))
                                     or toks[0].lower_ in TITLE_WORDS
                                     or toks[0].lower_.rstrip(".") in HONORIFICS   # "Addressing Aliyev"
                                     or (toks[0].is_sent_start and toks[0].lower_.endswith(("ing", "ed"))
                                         and common_word(toks[0]))):
                if len(toks) == 2 and toks[0].lower_ in REGNAL:   # "Pope Francis" is the name
                    break
                toks = toks[1:]
        if len(toks) < len(ent) and len(toks) == 1 and common_word(toks[0]) and ent.label_ == "PERSON":
            continue   # "Georgian Dream" is not a person called Dream
        if len(toks) == 1 and ent.label_ == "PERSON" and common_word(toks[0]) and toks[0].i > 0 \
                and sp[toks[0].i - 1].lower_ in TITLE_WORDS:
            continue   # "Ambassador Extraordinary and Plenipotentiary": a word of the title, not a person
        if ent.label_ == "PERSON":
            toks = _through_particles(sp, list(toks))
        span = sp[toks[0].i:toks[-1].i + 1]
        words = [t.text for t in span]
        low = [w.lower() for w in words]
        text = span.text
        if any(w in cur for w in low) or not any(c.isalpha() for c in text):
            continue
        if len(words) == 1 and span[0].is_sent_start and span.end < len(sp) and sp[span.end].text == "," \
                and low[0].endswith("ly") and common_word(span[0]) and not gaz.lookup(text):
            continue   # "Institutionally, Russia supports ...": a sentence's opening adverb, not a name
        if len(words) == 1 and (low[0] in GENERIC or low[0] in MONTHS or len(text) < 2 or (
                common_word(span[0]) and span[0].pos_ != "PROPN" and not text.isupper()) or (
                not text.isupper() and low[0] in lower_words and ent.label_ not in {"PERSON", "GPE"})):
            continue
        if any(w in MONTHS for w in low) and ent.label_ not in {"EVENT", "LAW"}:
            continue
        if ent.label_ == "ORG" and len(words) > 1 and span.end < len(sp) and sp[span.end].lower_ in TITLE_WORDS \
                and (gaz.lookup(words[0]) or gazetteer.Entry("", "")).form == "demonym":
            continue   # "Turkish Transport Minister X": a title, the state's and the portfolio's, not a body
        gov = re.fullmatch(r"(?:the\s+)?(?:Government|Cabinet\s+of\s+Ministers)\s+of\s+(?:the\s+)?(.+)", text)
        if ent.label_ == "ORG" and gov and (gaz.lookup(gov.group(1)) or gazetteer.Entry("", "")).type == "country":
            continue   # "the Government of the Republic of Türkiye" is the state, named inside
        label = ent.label_
        typ = head_type(words)
        if plural_generic(words) or has_amount(words) or gaz.lookup(text):
            continue  # a gazetteer name is the gazetteer's to type
        if label == "NORP":
            continue  # demonyms come from the gazetteer; other groups are not entities
        if len(words) == 1 and low[0] in TITLE_MODIFIERS and span.end < len(sp) \
                and sp[span.end].lower_.rstrip(".") in TITLE_WORDS | HONORIFICS:
            continue   # "Field Marshal X": a rank, not a name
        if (any(MODEL_RE.match(w) for w in words) or label == "PERSON" and _names_goods(span)) \
                and label in {"ORG", "PERSON", "PRODUCT", "FAC"} and typ is None:
            # ("Bayraktar Akıncı unmanned combat aerial vehicles": a name that qualifies arms is their model)
            out.append(Candidate(span.start_char, span.end_char, "product", "ner", name=clean_name(text)))
            continue
        if label == "PERSON":
            if typ or any(c.isdigit() for c in text) or len(words) > 5:
                typ = typ or ("product" if any(c.isdigit() for c in text) else None)
                if typ is None:
                    continue
            elif text.isupper() or not all(w[0].isupper() or w in DASHES or w in {"'", "’", "-"}
                                           or w.lower() in NAME_PARTICLES | _SURNAME_PARTICLES for w in words):
                continue
            else:
                typ = "person"
        elif label in {"GPE", "LOC"}:
            if text.isupper() and not gaz.lookup(text):
                continue
            if len(words) >= 2 and span.root.dep_ == "appos" and span.root.head.lower_ in TITLE_WORDS:
                # "the Minister of Trade, Mehmet Muş,": a name in apposition to a title is a person's
                out.append(Candidate(span.start_char, span.end_char, "person", "ner", name=clean_name(text)))
                continue
            typ = typ if typ in {"place", "infrastructure", "event", "organization"} else "place"
            if typ == "place" and _called_a_company(span):
                typ = "organization"   # "the company Aselsan", "Aselsan, a defence firm,": not a place
        elif label == "FAC":
            typ = typ or "place"   # a building or site; a facility with an infrastructure head is typed above
        elif label == "ORG":
            if typ is None and (any(w in TITLE_WORDS for w in low) or "/" in text):
                continue   # "Commissioner for Energy" is a title; "AdobeStock/..." a credit
            if typ is None and len(words) == 1 and span.end < len(sp) and sp[span.end].lower_ in LEADER_ERA:
                typ = "person"   # "the incoming Trump administration": the leader, not a body named Trump
            if typ is None and 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words) and any(
                    c.dep_ == "appos" and c.lower_ in TITLE_WORDS and c.tag_ == "NN" for c in span.root.children):
                typ = "person"   # "Ion Chicu, Moldova's prime minister from 2019 to 2020,": a person's name
            if typ is None and len(words) == 1 and not text.isupper() and span.start > 0 \
                    and (sp[span.start - 1].lower_ in ("near", "outside") or span.start > 1
                         and sp[span.start - 1].lower_ == "at" and sp[span.start - 2].lower_ in _SITE_NOUNS):
                typ = "place"    # "drills near Termez", "a depot at Cobasna": one is near or at a place, not a body
            typ = typ or "organization"
        elif label == "EVENT":
            typ = typ or "event"
        elif label == "LAW":
            if typ != "agreement":
                continue
        elif label == "PRODUCT":
            typ = typ or "product"
        out.append(Candidate(span.start_char, span.end_char, typ, "ner", name=clean_name(text)))
    return _vote(out)


# a post's field before a name ("Fellow for Middle East Security"), not an organisation
_TITLE_FIELD = re.compile(r"\b(?:" + "|".join(sorted(TITLE_WORDS)) + r")\s+(?:for|of)\s+(?:the\s+)?$", re.I)


def _extended_orgs(ner_c: list[Candidate], gaz_c: list[Candidate], text: str) -> list[Candidate]:
    """An organisation the tagger reads around a known name ("Carnegie Europe", "the European Council on
    Foreign Relations", "Azerbaijan Airlines"): the longer name wins over the known one inside it when
    every other word is a capitalised word of its own (no title, no other known name) or a linking word."""
    out = []
    for c in ner_c:
        if c.type != "organization":
            continue
        inside = [g for g in gaz_c if c.start <= g.start and g.end <= c.end and g.end - g.start < c.end - c.start
                  and g.form == "name"]
        if not inside:
            continue
        rest = text[c.start:c.end]
        for g in sorted(inside, key=lambda g: -g.start):
            rest = rest[:g.start - c.start] + " " + rest[g.end - c.start:]
        words = re.findall(r"[\w’'.-]+", rest)
        own = [w for w in words if w[:1].isupper() and w not in ("The",)]
        if any(w.lower().removeprefix("co-").removesuffix("s") in TITLE_WORDS | {"chair"} for w in own):
            continue   # "OSCE Minsk Group Co-Chairs": a title
        if re.match(r"\s+[A-Z]", text[c.end:c.end + 2]) or _TITLE_FIELD.search(text[max(0, c.start - 40):c.start]):
            continue   # a cut title-case heading ("Key South Caucasus Transport Routes"), a post's field
            # ("Fellow for Middle East Security")
        if own and all(w[:1].isupper() or w.lower() in ("of", "on", "for", "and", "the", "in") for w in words) \
                and all(gazetteer.load().lookup(w) is None for w in own):
            end = c.end
            city = re.match(r" in (?:[A-Z][\w’'-]+ ?){1,3}", text[end:end + 40])
            if own[0] in ("Embassy", "Consulate") and city:
                end += len(city.group().rstrip())   # a mission is named with its city: "Embassy of X in Baku"
            out.append(Candidate(c.start, end, "organization", "context", name=clean_name(text[c.start:end])))
    return out


# the combining forms of state names in compounds ("Russo-Georgian", "Sino-Indian"): names only
COMBINING_FORMS = {"russo": "russia", "sino": "china", "franco": "france", "anglo": "united kingdom",
                   "turco": "turkiye", "irano": "iran", "indo": "india", "greco": "greece", "austro": "austria",
                   "italo": "italy", "serbo": "serbia", "armeno": "armenia", "azerbaijano": "azerbaijan"}


def state_named(word: str) -> str | None:
    """The state a part of a compound name stands for ("Georgia", "georgian", "Russo"), or None."""
    gaz = gazetteer.load()
    combining = COMBINING_FORMS.get(word.casefold())
    e = gaz.lookup(word) or gaz.lookup(word.title()) or (gaz.lookup(combining.title()) if combining else None)
    return e.canonical if e is not None and e.type == "country" else None


# capitalised abbreviations that name no one: measures, currencies' cousins, jargon, roman numerals
NOT_NAMES_CAPS = {"GDP", "GNP", "LNG", "CNG", "LPG", "CEO", "CFO", "FDI", "UAV", "UAVS", "MLRS", "BCM", "TCM", "BBL",
                  "BPD", "MW", "GW", "KWH", "MWH", "GWH", "TWH", "IPO", "VAT", "NGO", "NGOS", "HQ", "AM", "PM", "EST",
                  "GMT", "UTC", "PDF", "HTML", "URL", "FAQ", "RSS", "SMS", "GSM", "GPS", "CDMA", "COVID", "AIDS", "HIV",
                  "ATM", "CCTV", "ID", "TV", "USA", "UK", "PPP", "CPI", "YOY", "QOQ", "FY", "YTD", "MOU", "TBD",
                  "NB", "PS", "OK", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XX", "XXI", "ETA",
                  "API", "AI", "IT", "ICT", "RD", "EDT", "CET", "CEST"}


def _caps_candidates(sp: Doc, gaz: gazetteer.Gazetteer) -> list[Candidate]:
    """A capitalised abbreviation the tagger passed over ("BOTAS 30% and BP 12%", "a stake in TANAP"):
    an organisation until a head noun elsewhere says otherwise ("the TANAP pipeline").  The weakest
    source: any other reading of the same span wins.  Not in a line written all in capitals (a heading)."""
    out = []
    for tok in sp:
        text = tok.text
        # the tagger's place guess for an unknown abbreviation ("BOTAS" as GPE) is dropped by the NER reader
        if not (3 <= len(text) <= 8 and text.isalpha() and text.isupper()) or tok.pos_ != "PROPN" \
                or tok.ent_type_ not in ("", "GPE", "LOC"):
            continue
        # an ordinary word in capitals ("LICENSE", "HEAD", "MFA" as jargon) is no name the text coined
        if text in NOT_NAMES_CAPS or re.fullmatch(r"[IVXLC]+", text) or gaz.lookup(text) or common_word(tok) \
                or pycountry.currencies.get(alpha_3=text):
            continue
        if any(0 <= k < len(sp) and sp[k].like_num for k in (tok.i - 1, tok.i + 1)) \
                and not (tok.i + 1 < len(sp) and sp[tok.i + 1].like_num and sp[tok.i + 2:tok.i + 3].text == "%"):
            continue   # "RWD 5 million", "5 mln RWD": a unit or currency code beside a number, not a name
        if 0 < tok.i < len(sp) - 1 and sp[tok.i - 1].text == "(" and sp[tok.i + 1].text == ")":
            continue   # "(RWD)": a definition the acronym reader judges (here a currency's code)
        if shouted(tok):
            continue
        out.append(Candidate(tok.idx, tok.idx + len(text), "organization", "ner", form="acronym", name=text))
    return out


def _company_candidates(sp: Doc, gaz: gazetteer.Gazetteer) -> list[Candidate]:
    """A name the text calls a company that the tagger passed over: "Baykar, the manufacturer of the
    TB2", "the defence firm Roketsan"; or a weapon: "the Falcon, a Romanian-made loitering munition"."""
    out = []
    for tok in sp:
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.dep_ == "compound" or gaz.lookup(tok.text):
            continue
        if tok.ent_iob_ != "I" and _called_a_weapon(tok):   # (not the end of a longer name)
            out.append(_name_ending_at(tok, "product"))
            continue
        if tok.ent_type_ in ("ORG", "NORP"):
            continue
        before = sp[tok.left_edge.i - 1] if tok.left_edge.i > 0 else None
        # the apposition read from the words, the parse being unsure of it: "X, the (drone) manufacturer"
        after = list(sp[tok.i + 1:tok.i + 7])
        # (its head noun is the last one before the next comma: "X, the national gas company,")
        phrase = list(takewhile(lambda t: not t.is_punct, after[2:]))
        head = next((t for t in reversed(phrase) if t.pos_ == "NOUN"), None)
        appos = len(after) >= 3 and after[0].text == "," and after[1].lower_ in ("the", "a", "an") \
            and head is not None and head.lemma_.lower() in ORG_NOUNS - {"group", "giant"}
        # "X is a subsidiary of Y", "X is the country's gas monopoly"
        attr = tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and any(
            c.dep_ == "attr" and c.lemma_.lower() in ORG_NOUNS - {"group", "giant"}
            and any(d.lower_ in ("a", "an", "the") or d.dep_ == "poss" for d in c.children) for c in tok.head.children)
        called = appos or attr or (tok.ent_type_ != "PERSON" and before is not None and before.lower_ in ORG_NOUNS
                                   and before.text.islower())
        # "owned by A (20%), B (30%) and C (50%)": a name with its share in parentheses holds it
        # (a one-word "person" there is a company: "Transgaz (10%)")
        lone = tok.ent_iob_ == "B" and tok.i + 1 < len(sp) and sp[tok.i + 1].ent_iob_ != "I"
        share = (tok.ent_type_ != "PERSON" or lone) and [t.text for t in sp[tok.i + 1:tok.i + 5]][::3] == ["(", ")"] \
            and sp[tok.i + 2].like_num and sp[tok.i + 3].text == "%" \
            and any(t.lemma_.lower() in OWNING_WORDS for t in tok.sent)
        called = called or share
        if not called:
            continue
        out.append(_name_ending_at(tok, "organization"))
    return out


# company legal forms written after a name ("Baku International Sea Trade Port CJSC", "Asia Gas Pipeline LLP")
LEGAL_FORMS = {"CJSC", "OJSC", "JSC", "PJSC", "LLC", "LLP", "PLC", "Ltd", "Ltd.", "Inc", "Inc.", "AŞ", "A.Ş.",
                "GmbH", "AG", "SpA", "QSC", "OAO", "ZAO", "OOO", "MMC", "ASC"}


def _legal_form_candidates(sp: Doc) -> list[Candidate]:
    """A name that ends in a company's legal form is the company's, though its first words name a port or
    a place: "the state-owned Baku International Sea Trade Port CJSC"."""
    out = []
    for tok in sp:
        if tok.text in LEGAL_FORMS and tok.i > 0 and sp[tok.i - 1].text[:1].isupper():
            first = sp[tok.i - 1]
            while first.i > 0 and sp[first.i - 1].text[:1].isupper() and sp[first.i - 1].pos_ == "PROPN" \
                    and not sp[first.i - 1].is_sent_start:
                first = sp[first.i - 1]
            out.append(Candidate(first.idx, tok.idx + len(tok.text), "organization", "context",
                                 name=clean_name(sp[first.i:tok.i + 1].text)))
    return out


def _called_a_weapon(tok) -> bool:
    """"the Falcon, a Romanian-made "loitering munition"": a name in apposition with a kind of weapon."""
    sp = tok.doc
    if tok.i + 2 >= len(sp) or sp[tok.i + 1].text != "," or sp[tok.i + 2].lower_ not in ("a", "an", "the"):
        return False
    phrase = []
    for t in sp[tok.i + 3:tok.i + 12]:
        if t.text in (",", ";", ".", "—", "–", "(", ")") or t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            break
        phrase.append(t)
    head = next((t for t in reversed(phrase) if t.pos_ == "NOUN"), None)
    return head is not None and head.lower_ in PRODUCT_NOUNS | {"munition"} and head.lower_ not in (
        "system", "systems", "vehicle", "vehicles") and sp[head.i - 1].text != "-"   # (not a "think-tank")


# words of owning: a share told in a sentence with one is a stake ("owned by A (20%) and B (80%)")
OWNING_WORDS = {"own", "hold", "shareholder", "stake", "stakeholder", "consortium", "equity", "shareholding"}


def _name_ending_at(tok, typ: str) -> Candidate:
    """A context candidate: the proper noun ``tok`` with the proper-noun compounds before it."""
    sp = tok.doc
    first = tok
    while first.i > 0 and sp[first.i - 1].pos_ == "PROPN" and sp[first.i - 1].dep_ == "compound":
        first = sp[first.i - 1]
    return Candidate(first.idx, tok.idx + len(tok.text), typ, "context", name=clean_name(sp[first.i:tok.i + 1].text))


_REGION_WORDS = {"province", "region", "district", "oblast", "governorate", "county", "raion", "rayon", "village"}
_SETTLEMENT_NOUNS = {"town", "city", "village", "port", "region", "province", "district", "settlement",
                     "municipality", "capital", "enclave", "exclave", "republic"}


def _place_candidates(sp: Doc, gaz: gazetteer.Gazetteer) -> list[Candidate]:
    """A name the text calls a town or a region where it is ("Goris, a town in southern Armenia", "Kars
    is a city in eastern Turkey"), which the tagger passed over or took for a body."""
    out = []
    for tok in sp:
        if tok.pos_ == "PROPN" and tok.i + 1 < len(sp) and sp[tok.i + 1].lower_ in _REGION_WORDS \
                and sp[tok.i + 1].pos_ == "NOUN" and tok.text[:1].isupper() \
                and (tok.i == 0 or sp[tok.i - 1].pos_ != "PROPN") and not gaz.lookup(tok.text):
            # "Armenia's Syunik province", "the Tavush region": a region named with its generic word
            out.append(Candidate(tok.idx, sp[tok.i + 1].idx + len(sp[tok.i + 1].text), "place", "context",
                                 name=clean_name(sp[tok.i:tok.i + 2].text)))
            continue
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.dep_ == "compound" or gaz.lookup(tok.text):
            continue
        kind = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
        if kind is not None and kind.lemma_.lower() in _SETTLEMENT_NOUNS - {"capital", "republic"} \
                and kind.text.islower() and any(c.dep_ == "det" and c.lower_ == "the" for c in kind.children):
            # "the Azerbaijani city of Kelbajar", "the port of Ochamchire": what the text calls a town is one
            out.append(_name_ending_at(tok, "place"))
            continue
        what = None
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ == "be":
            what = next((a for a in tok.head.children if a.dep_ == "attr"), None)
        if what is None and tok.i + 3 < len(sp) and sp[tok.i + 1].text == "," \
                and sp[tok.i + 2].lower_ in ("a", "an", "the"):
            what = next((t for t in sp[tok.i + 3:tok.i + 6] if t.pos_ == "NOUN"), None)
        if what is None or what.lemma_.lower() not in _SETTLEMENT_NOUNS or what.i + 1 >= len(sp) \
                or sp[what.i + 1].lower_ not in ("in", "on", "near", "of"):
            continue   # where it lies is what makes it a place ("a town in ...")
        out.append(_name_ending_at(tok, "place"))
    return out


def _called_a_company(span: Span) -> bool:
    """Whether the text itself calls the name a company: "the company X", "X, a defence firm"."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in ORG_NOUNS and before.text.islower():
        return True
    root = span.root
    return (root.dep_ == "appos" and root.head.lower_ in ORG_NOUNS) or any(
        c.dep_ == "appos" and c.lower_ in ORG_NOUNS for c in root.children)


def _vote(cands: list[Candidate]) -> list[Candidate]:
    """One type per surface across the document; a lone surname of a full name seen is that person."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for c in cands:
        votes[c.name][c.type] += 1
    surnames = {c.name.split()[-1] for c in cands if c.type == "person" and len(c.name.split()) >= 2}
    for c in cands:
        if " " not in c.name and c.name in surnames:
            c.type = "person"
        elif len(votes[c.name]) > 1:
            c.type = max(votes[c.name], key=lambda t: (votes[c.name][t], t != "person"))
    return cands


# -- settling overlaps -----------------------------------------------------------------------------

def _select(cands: Iterable[Candidate], size: int, taken: list[Candidate] | None = None) -> list[Candidate]:
    """Strongest first, then longest: a candidate is kept when no kept one overlaps it."""
    chosen = list(taken or [])
    occupied = bytearray(size + 1)
    for c in chosen:
        occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
    for c in sorted(cands, key=lambda c: (-c.strength, -(c.end - c.start), c.start)):
        if c.end <= c.start or occupied.find(1, c.start, c.end) >= 0:
            continue
        chosen.append(c)
        occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
    return sorted(chosen, key=lambda c: c.start)


# -- capitals: the government or the city --------------------------------------------------------------

# what a city has and a government does not ("Chisinau's hotels are full")
_CITY_THINGS = {"hotel", "street", "port", "airport", "resident", "inhabitant", "mayor", "suburb", "skyline",
                "district", "neighbourhood", "neighborhood", "boulevard", "square", "restaurant", "building",
                "harbour", "harbor", "bay", "waterfront", "outskirts", "metro", "old", "city", "population"}


def _capital_is_government(sp: Doc, c: Candidate, cities: set[int] = frozenset()) -> bool:
    """Whether a capital stands for its government ("Ankara and Baku signed") rather than the city;
    ``cities`` holds the tokens of places told as cities, which make a list of cities ("between Baku
    and Novorossiysk in Russia")."""
    span = sp.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return False
    if span.start > 0 and sp[span.start - 1].lower_ in {"capital", "city", "town", "of"}:
        return False
    tok = span.root
    if any(t.i in cities for t in [*tok.conjuncts]):
        return False
    seen = 0
    while tok.dep_ == "conj" and seen < 6:   # "Ankara and Baku signed": take the first conjunct's role
        tok = tok.head
        seen += 1
    if tok.dep_ == "poss" and tok.head.lemma_.lower() in _CITY_THINGS:
        return False
    if any(a.dep_ == "appos" and a.lemma_.lower() in {"capital"} | _CITY_THINGS for a in tok.children):
        return False   # "Chisinau, the capital of Moldova, hosted the summit": told as the city
    if tok.dep_ in {"nsubj", "nsubjpass", "poss", "dobj", "agent"}:
        return tok.dep_ != "dobj" or tok.head.lemma_ in {"support", "urge", "accuse", "warn", "help", "back",
                                                        "criticize", "criticise", "call", "join", "persuade"}
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "from") and tok.head.head.lemma_ in TRANSFER_VERBS:
        return True   # "selling weapons to Yerevan", "buys gas from Moscow": a trading partner is a state
    if tok.dep_ == "pobj" and tok.head.lower_ in GOV_PREPS:
        return tok.head.lower_ != "of" or tok.head.head.lemma_ in {"position", "policy", "support", "stance",
                                                                    "interest", "government", "role"}
    return False


# -- linking names within the document -----------------------------------------------------------------

# a person introduced as of the past: "then-President X", "the late X", "X, the current president's father"
_HISTORIC_BEFORE = re.compile(r"\b(?:then|former|late|ex|erstwhile)(?:\s*[-–—]\s*|\s+)(?:[A-Z][\w.-]*\s+){0,3}$")
_HISTORIC_AFTER = re.compile(r",?\s+(?:the\s+)?(?:late\b|former\b|[\w’' ]{0,30}?(?:'s|’s)\s+(?:father|mother|"
                             r"predecessor|grandfather)\b)")


def _person_tokens(name: str) -> list[str]:
    return [key(w) for w in name.replace("-", " ").split() if key(w)]


def _link(text: str, chosen: list[Candidate], acr: Acronyms) -> list[Mention]:
    """Give every candidate its canonical name within the document."""
    gaz = gazetteer.load()
    mentions: list[Mention] = []
    for c in chosen:
        surface = text[c.start:c.end]
        name = c.entity or c.name or clean_name(surface)
        mentions.append(Mention(text=surface, start=c.start, end=c.end, type=c.type, entity=name, form=c.form))
    # a tagger's guess yields to a shape seen elsewhere: "Nabucco" (ORG) is the "Nabucco pipeline"
    shaped: dict[str, str] = {}
    for m, c in zip(mentions, chosen, strict=True):
        if c.source in {"shape", "acronym"} and m.type in {"infrastructure", "place"}:
            shaped.setdefault(_group_key(m.entity, m.type).split(":", 1)[1], m.type)
    for m, c in zip(mentions, chosen, strict=True):
        if c.source == "ner" and m.type not in {"person", "country"} and key(m.entity) in shaped:
            m.type = shaped[key(m.entity)]
    # one type per name: the one its strongest source gave ("Noble Partner" exercise, not organisation)
    best_type: dict[str, tuple[int, str]] = {}
    for m, c in zip(mentions, chosen, strict=True):
        if m.type not in {"person", "country"}:
            k = key(m.entity)
            if k not in best_type or c.strength > best_type[k][0]:
                best_type[k] = (c.strength, m.type)
    for m in mentions:
        if m.type not in {"person", "country"}:
            m.type = best_type[key(m.entity)][1]
    # persons: a surname or partial name -> the fullest name seen with it (nearest before, else most used)
    fulls = [m for m in mentions if m.type == "person" and len(_person_tokens(m.entity)) >= 2]
    counts = Counter(m.entity for m in fulls)
    historic = {f.entity for f in fulls if _HISTORIC_BEFORE.search(text[max(0, f.start - 40):f.start])
                or _HISTORIC_AFTER.match(text, f.end)}
    for m in mentions:
        if m.type != "person":
            continue
        toks = _person_tokens(m.entity)
        options = [f for f in counts if len(_person_tokens(f)) > len(toks) and _contains(_person_tokens(f), toks)]
        if not options and len(toks) == 1:   # "Shehbaz" for "Shehbaz Sharif", when only one full name fits
            options = [f for f in counts if _person_tokens(f)[0] == toks[0]]
            options = options if len(options) == 1 else []
        if not options:
            continue
        if len(options) > 1:
            # "then-President Ion Rusu, the current president's father": a later "Rusu" is the other one
            present = [f for f in options if f not in historic]
            options = present or options
        before = [f for f in fulls if f.start < m.start and f.entity in options]
        m.entity = before[-1].entity if before else max(options, key=lambda f: counts[f])
    # persons differing only by accents: the accented spelling
    by_key: dict[str, list[str]] = defaultdict(list)
    for m in mentions:
        if m.type == "person":
            by_key[key(m.entity)].append(m.entity)
    for m in mentions:
        if m.type == "person":
            m.entity = max(by_key[key(m.entity)], key=lambda n: (n != gazetteer.fold(n), len(n)))
    # other names: alternative names, acronyms with a head ("BTK railway"), case variants, longest form
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.type in {"person", "country"} or m.form != "name" and m.form != "acronym":
            continue
        k = key(m.entity)
        if k in acr.alias_of:
            m.entity = acr.alias_of[k]
            k = key(m.entity)
        words = m.entity.split()
        if words and words[0] in acr.expand and all(w.islower() for w in words[1:]):
            m.entity = acr.expand[words[0]][0]
            m.type = acr.expand[words[0]][1]
            k = key(m.entity)
        groups[_group_key(m.entity, m.type)].append(m)
    cores = list(groups)
    for core in cores:
        # "Shusha Declaration" and "Shusha Declaration on Allied Relations" are one agreement
        for other in cores:
            if other != core and other.startswith(core + " ") and groups[core] and groups[other] \
                    and core.split(":")[0] in {"agreement", "event"} \
                    and other[len(core) + 1:].split()[0] in {"on", "of", "between"}:
                groups[other].extend(groups[core])
                groups[core] = []
    for ms in groups.values():
        if not ms:
            continue
        names = Counter(m.entity for m in ms)
        best = max(names, key=lambda n: (len(n.split()), sum(c.isupper() for c in n), names[n]))
        typ = ms[0].type
        known = _standard_name(names, typ, gaz)
        if known is not None:   # "Baku-Tbilisi-Ceyhan oil pipeline", "Baku port": the name it is known by
            best, typ = known.canonical, known.type
        for m in ms:
            m.entity, m.type = best, typ
    del gaz
    return mentions


def _standard_name(names: Iterable[str], typ: str, gaz: gazetteer.Gazetteer) -> gazetteer.Entry | None:
    """The gazetteer's entry for a place or a piece of infrastructure, found under any of the names the
    document gives it, with or without the generic words after it ("Shah-Deniz gas field")."""
    if typ not in ("infrastructure", "place"):
        return None
    for name in names:
        words = name.split()
        while words:
            e = gaz.lookup(" ".join(words))
            if e is not None and e.type in ("infrastructure", "place") and e.form in ("name", "acronym"):
                return e
            if len(words) < 2 or not words[-1].islower() or (typ == "place" and words[-1] in WORKS_AT):
                break   # (the "Batumi container terminal" is not the town of Batumi)
            words.pop()
    return None


def _contains(full: list[str], part: list[str]) -> bool:
    if not part:
        return False
    if full[-len(part):] == part:
        return True
    return any(full[i:i + len(part)] == part for i in range(len(full) - len(part) + 1)) and len(part) >= 2


SPELLING = {"defence": "defense", "organisation": "organization", "programme": "program", "centre": "center",
            "labour": "labor", "cooperation": "co operation"}


def _group_key(name: str, typ: str) -> str:
    """Names of one thing within a document share this key.

    Infrastructure and places without their head words ("Baku-Tbilisi-Kars railway" ~ "Baku–Tbilisi–Kars");
    organisations as a set of words, demonyms read as countries, spelling unified ("Armenian Defence
    Ministry" ~ "Ministry of Defense of Armenia").
    """
    words = name.split()
    if typ == "event" and len(words) > 2 and words[-1].islower():
        while len(words) > 1 and words[-1].islower():   # "Eagle Partner (military) exercises"
            words.pop()
        return f"{typ}:{key(' '.join(words))}"
    if typ == "event":
        # "Russo-Georgian War" ~ "Russia–Georgia war": the states a war's name pairs, however written
        parts = []
        for w in re.split(r"[\s\-–—]+", key(name)):
            state = state_named(w)
            parts.append(key(state) if state is not None else COMBINING_FORMS.get(w, w))
        return f"{typ}:{' '.join(parts)}"
    if typ == "place" and len(words) > 1 and words[-1].lower() in WORKS_AT | {"seaport"}:
        # "the Batumi container terminal", "Baku International Sea Port" are not the town
        return f"{typ}:{key(name)}"
    if typ in {"infrastructure", "place"}:
        if len(words) > 1 and words[-1].lower() in HEAD_TYPES or words[-1] in LOWER_HEADS:
            words.pop()
        while len(words) > 1 and words[-1].islower():
            words.pop()
        # "Zvartnots International Airport" ~ "Zvartnots Airport"
        words = [w for w in words if w.lower() not in ("international", "national")] or words
        return f"{typ}:{key(' '.join(words))}"
    if typ == "organization" and len(words) > 1:
        gaz = gazetteer.load()
        out = set()
        for w in key(name).split():
            e = gaz.lookup(w.title())
            if e is not None and e.type == "country":
                w = key(e.canonical)
            w = SPELLING.get(w, w)
            if w not in {"of", "the", "and", "for", "on", "in", "republic"}:
                out.add(w)
        return f"{typ}:{' '.join(sorted(out))}"
    return f"{typ}:{key(name)}"


# -- propagation: other uses of a name learned somewhere in the text -----------------------------------

def _propagate(text: str, mentions: list[Mention], persons_ok: set[str]) -> list[Candidate]:
    out = []
    surfaces: dict[str, Mention] = {}
    conflict: set[str] = set()
    for m in mentions:
        if m.form not in {"name", "acronym"} or m.type == "country":
            continue
        s = clean_name(m.text)
        if len(s) < 3 or not any(c.isupper() for c in s):
            continue
        if s in surfaces and (surfaces[s].type, surfaces[s].entity) != (m.type, m.entity):
            conflict.add(s)
        surfaces.setdefault(s, m)
        if m.type == "person" and m.entity in persons_ok:
            last = m.entity.split()[-1]
            if len(last) >= 3 and last not in surfaces:
                surfaces[last] = m
        if m.type == "product" and " " in s:
            # "Vestra VX7 drones ... The VX7, made by ...": a model's designation stands for it
            model = s.split()[-1]
            if len(model) >= 3 and any(c.isdigit() for c in model) and any(c.isupper() for c in model) \
                    and model not in surfaces:
                surfaces[model] = m
    wanted = sorted((s for s in surfaces if s not in conflict), key=len, reverse=True)
    if not wanted:
        return out
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, wanted)) + r")(?![\w-])")
    for hit in pattern.finditer(text):
        m = surfaces[hit.group()]
        out.append(Candidate(hit.start(), hit.end(), m.type, "propagated", form=m.form, entity=m.entity,
                             name=m.entity))
    return out


# -- titles -------------------------------------------------------------------------------------------

def _title_mentions(sp: Doc, titles: list[tuple[int, int, int]], mentions: list[Mention]) -> list[Mention]:
    """A title next to a person ("Turkish President Recep Tayyip Erdogan"; "X, the Minister of Trade")."""
    persons = sorted((m for m in mentions if m.type == "person" and m.form == "name"), key=lambda m: m.start)
    occupied = [(m.start, m.end) for m in mentions]
    text = sp.text
    out = []
    for s, e, _head in titles:
        span = sp[s:e]
        a, b = span.start_char, span.end_char
        if any(a < y and x < b for x, y in occupied):
            continue
        after = next((p for p in persons if 0 <= p.start - b <= 40 and "." not in text[b:p.start]
                      and not re.search(r"\b(?:and|said|says|told)\b", text[b:p.start])), None)
        before = next((p for p in reversed(persons) if 0 <= a - p.end <= 30
                       and re.fullmatch(r",\s*(?:(?:then|the|former|current|now|a|an)\s+)*(?:\w+\s+)?",
                                        text[p.end:a])), None)
        if after is not None and any(t.pos_ in ("VERB", "AUX") for t in sp.char_span(
                b, after.start, alignment_mode="expand") or ()):
            after = None   # "the premier held a meeting with President X": a clause, not one title phrase
        if before is not None and sp[_head].dep_ in ("nsubj", "nsubjpass"):
            before = None  # "Addressing X, the premier thanked him": the title is the next clause's subject
        person = after if after is not None and re.fullmatch(r"[\s\w’'.,-]*", text[b:after.start]) else before
        if person is None:
            continue
        out.append(Mention(text=span.text, start=a, end=b, type="person", entity=person.entity, form="title"))
        occupied.append((a, b))
    return out


_CONFLICT_NAME = re.compile(r"\s(?:conflict|war)\b")


def _conflict_candidates(text: str, gaz_c: list[Candidate]) -> list[Candidate]:
    """"the Nagorno-Karabakh conflict", "the Karabakh war": a disputed region's name before
    "conflict" or "war" names that conflict (an event), not the region."""
    out = []
    for g in gaz_c:
        if g.type == "country" and g.form == "name" or g.type == "place" and g.form == "name":
            # "the war in Chechnya", "the war in Ukraine": a war known by where it is fought
            w = re.search(r"\bthe\s+war\s+in\s+$", text[max(0, g.start - 20):g.start], re.I)
            if w and not re.match(r"\s*(?:and|or|,)\s+\w", text[g.end:]):   # not "in Syria and Libya"
                start = g.start - (len(text[max(0, g.start - 20):g.start]) - w.start()) + 4
                out.append(Candidate(start, g.end, "event", "shape", name=text[start:g.end]))
        if g.type != "place" or g.form != "name":
            continue
        m = _CONFLICT_NAME.match(text, g.end)
        # "the Karabakh war", "the decades-long Karabakh conflict"
        if m and re.search(r"\bthe\s+(?:[a-z][\w-]*\s+){0,2}$", text[max(0, g.start - 40):g.start], re.I):
            out.append(Candidate(g.start, m.end(), "event", "shape", name=text[g.start:m.end()]))
    # "the 44-day war": a war known by how long it lasted
    for m in re.finditer(r"\bthe\s+(\d{1,3}[-‑ ]day\s+war)\b", text, re.I):
        out.append(Candidate(m.start(1), m.end(1), "event", "shape", name=m.group(1)))
    return out


# a state's ministry written in lower case, as news reports do: "Moldova's defence ministry said"
_LOWER_MINISTRY = re.compile(r"(?P<s>['’]s)?\s+(?P<w>(?:defen[cs]e|foreign(?:\s+affairs)?|interior|finance|energy|"
                             r"economy|justice|health|emergenc(?:y|ies)|agriculture|trade|economic)\s+ministry)\b")


def _ministry_candidates(text: str, gaz_c: list[Candidate]) -> list[Candidate]:
    """"Moldova's defence ministry", "the Moldovan foreign ministry": the state's ministry, named the
    way its capitalised form is ("Moldovan Defence Ministry"; the state's name before it is qualified
    by ``_qualify_bodies``)."""
    out = []
    for g in gaz_c:
        if g.type != "country" or g.form not in ("name", "demonym"):
            continue
        m = _LOWER_MINISTRY.match(text, g.end)
        if m is None or (m.group("s") is None) != (g.form == "demonym"):
            continue
        title = " ".join(w.capitalize() for w in m.group("w").split())
        if g.form == "demonym":
            out.append(Candidate(g.start, m.end(), "organization", "shape", name=f"{text[g.start:g.end]} {title}"))
        else:
            out.append(Candidate(m.start("w"), m.end(), "organization", "shape", name=title))
    return out


def _turkish_candidates(text: str) -> list[Candidate]:
    """Names a Turkish text marks by a kind-giving head noun or an acronym; an acronym the text
    defines ("Bakü-Tiflis-Kars (BTK) Demiryolu Hattı") stands for that name wherever it is used."""
    gaz = gazetteer.load()
    # a name the gazetteer knows whole ("Osmanlı Devleti", "Sovyetler Birliği") is the gazetteer's
    found = [n for n in turkish.names(text) if gaz.lookup(text[n.start:n.end]) is None]
    defined = {}
    for n in found:
        m = turkish.DEFINED_ACRONYM.search(text, n.start, n.end) if n.form == "name" else None
        if m:
            defined.setdefault(m.group(1), (n.type, turkish.DEFINED_ACRONYM.sub("", text[n.start:n.end])))
    out = []
    for n in found:
        surface = text[n.start:n.end]
        if n.form == "name":
            out.append(Candidate(n.start, n.end, n.type, "turkish", name=turkish.DEFINED_ACRONYM.sub("", surface)))
        else:
            typ, name = defined.get(surface, (n.type, ""))
            out.append(Candidate(n.start, n.end, typ, "turkish", form="acronym", entity=name))
    return out


# -- the extractor --------------------------------------------------------------------------------------

def find_mentions(ctx: Context) -> list[Mention]:
    """Non-overlapping entity mentions of the document's clean text, typed and linked, in text order."""
    text, sp = ctx.doc.text, ctx.sp
    gaz = gazetteer.load()
    if english(ctx.doc):
        _join_hyphenated_persons(sp, gaz)
    ner_label = {t.i: t.ent_type_ for t in sp if t.ent_type_}
    exercise_sents, product_sents, sign_sents = sentences_with(sp, EXERCISE_WORDS, PRODUCT_NOUNS, SIGN_VERBS)

    gaz_c = _gazetteer_candidates(text)
    if english(ctx.doc):
        ner_c = _ner_candidates(sp, gaz, gaz_c)
        shape_c, runs = shape_candidates(sp, gaz, ner_label, exercise_sents, product_sents)
        person_c, titles = title_person_candidates(sp, gaz)
        agree_c = agreement_candidates(sp, sign_sents)
    else:
        # the tagger and the name shapes are English: on another language they invent names from every
        # capitalised phrase ("Orta Koridor'un"), so only the gazetteer's names are trusted there, and for
        # Turkish the names its orthography marks (extract/turkish.py)
        ner_c, shape_c, runs, person_c, titles, agree_c = [], [], [], [], [], []
        if turkish.is_turkish(ctx.doc.language):
            shape_c = _turkish_candidates(text)
    # a known multi-word name is complete: a shape cut inside it ("Organization for Security and Co"
    # of "...Co-operation in Europe") yields to it
    long_gaz = [g for g in gaz_c if g.form == "name" and text.count(" ", g.start, g.end) >= (
        1 if g.type == "infrastructure" else 2)]   # "STAR Rafinerisi", not the acronym-shaped "STAR"
    shape_c = [c for c in shape_c if not any(g.start <= c.start and c.end <= g.end and c.end - c.start
                                                 < g.end - g.start for g in long_gaz)]
    # ... nor does a shape that runs on from a known name into a person ("the State Oil Company of
    # Azerbaijan Republic Rovnag Abdullayev"): the name ends where the gazetteer's does
    persons = [(e.start_char, e.end_char) for e in sp.ents if e.label_ == "PERSON"]
    shape_c = [c for c in shape_c if not any(
        c.start <= g.start and g.end < c.end and any(g.end <= ps < c.end for ps, _ in persons) for g in long_gaz)]
    caps_c = [*_caps_candidates(sp, gaz), *_company_candidates(sp, gaz), *_place_candidates(sp, gaz),
              *_legal_form_candidates(sp)] if english(ctx.doc) else []
    base = [*gaz_c, *ner_c, *shape_c, *person_c, *agree_c, *caps_c, *_extended_orgs(ner_c, gaz_c, text)]
    if english(ctx.doc):
        base += _conflict_candidates(text, gaz_c) + _ministry_candidates(text, gaz_c)
    acr = acronym_candidates(text, sp, base, runs, gaz)
    chosen = _select([*base, *acr.cands], len(text))
    chosen = [c for c in chosen if _keep(text, c, sp)]
    chosen = _drop_heading_guesses(text, chosen)

    # capitals: a government only where its country is named in the text too
    named = {c.entity for c in chosen if c.type == "country" and c.form in {"name", "acronym"}}
    # places told as cities by the country after them ("Novorossiysk in Russia", "Poti, Georgia")
    countries_at = {c.start for c in chosen if c.type == "country" and c.form in {"name", "acronym"}}
    cities = {t.i for c in chosen if c.type == "place" and c.form != "capital"
              and any(c.end + len(g) in countries_at for g in (" in ", ", ", " in the "))
              for t in (sp.char_span(c.start, c.end, alignment_mode="expand") or ())}
    for c in chosen:
        if c.form == "capital":
            if c.entity in named and _capital_is_government(sp, c, cities):
                continue
            c.type, c.form, c.entity = "place", "name", c.place
    chosen = [c for c in chosen if c.form != "demonym" or c.entity in named or _state_demonym(sp, c)]

    chosen = _merge_subsidiaries(text, chosen)
    mentions = _link(text, chosen, acr)
    persons_ok = {m.entity for m in mentions if m.type == "person" and len(m.entity.split()) >= 2}
    more = _propagate(text, mentions, persons_ok)
    if more:
        chosen = _select(more, len(text), chosen)
        mentions = _link(text, chosen, acr)
    mentions = _drop_lone_surnames(mentions, sp)
    _surnames_are_persons(mentions, gaz)
    mentions = _with_honorific_particle(text, mentions)
    mentions += _title_mentions(sp, titles, mentions)
    _qualify_bodies(text, mentions, gaz)
    mentions = _or_aliases(text, mentions)
    # "410 million US dollars", "5 billion Turkish lira": a currency's country is no actor of the sentence
    cur = currency_words()
    mentions = [m for m in mentions if not (m.type == "country" and (
        (w := re.match(r"\s+(\w+)", text[m.end:m.end + 16])) and w.group(1).lower() in cur
        or text[m.end:m.end + 1] == "$"))]   # (and "US$15 billion")
    # one capitalised common noun names no event ("Genocide denial", "our Week in Review")
    mentions = [m for m in mentions if not (m.type == "event" and m.form == "name" and " " not in m.text.strip()
                                            and " " not in (m.entity or m.text).strip()
                                            and sp.vocab.has_vector(m.text.lower())
                                            and gaz.lookup(m.text) is None)]
    # "TBILISI, Feb 20, 2024 (Silk Road Logistics) -- Cargo ...": the wire that filed the story (the page's
    # publisher) is no actor of its first sentence
    lines = metadata.lead_dateline_spans(text)
    mentions = [m for m in mentions if not (m.type == "organization" and any(s <= m.start < e for s, e in lines))]
    # the page's own publisher named in its text ("X spoke to Caucasus Business Week") is an organisation,
    # whatever its last word makes it look like
    own = (ctx.doc.publisher or "").casefold().strip()
    for m in mentions:
        if own and m.type in ("event", "place", "infrastructure", "product") and m.text.casefold().strip() == own:
            m.type, m.entity = "organization", m.entity or m.text
    return sorted(mentions, key=lambda m: m.start)


def _join_hyphenated_persons(sp: Doc, gaz: gazetteer.Gazetteer) -> None:
    """A hyphenated first name is part of the person: the tagger cuts "Kassym-Jomart Tokayev" into a place
    "Kassym" and a person "Tokayev" (or no entity at all), or into two persons.  Rewrites ``sp.ents`` so
    every reader sees one person."""
    def name_word(t) -> bool:
        return t.is_alpha and t.text[:1].isupper() and not t.is_upper and gaz.lookup(t.text) is None

    ents = list(sp.ents)
    spans: list[tuple[int, int]] = []
    for i in range(1, len(sp) - 1):
        a, b = sp[i - 1], sp[i + 1]
        if sp[i].text != "-" or a.whitespace_ or sp[i].whitespace_ or not (name_word(a) and name_word(b)) \
                or gaz.lookup(sp[i - 1:i + 2].text) is not None:
            continue
        start, end = i - 1, i + 2
        touching = [e for e in ents if e.label_ == "PERSON" and (e.start < end and start < e.end
                                                                 or e.start == end and b.whitespace_)]
        surname = end < len(sp) and b.whitespace_ and name_word(sp[end]) and sp[end].pos_ == "PROPN" \
            and not any(common_word(t) for t in (a, b, sp[end])) and not (end + 1 < len(sp) and sp[end + 1].text == "-")
        if touching:
            start, end = min(start, *(e.start for e in touching)), max(end, *(e.end for e in touching))
        elif surname:
            end += 1
        else:
            continue
        spans.append((start, end))
    if not spans:
        return
    merged: list[tuple[int, int]] = []   # (overlapping spans are one person; entities may not overlap)
    for s, t in sorted(spans):
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], t))
        else:
            merged.append((s, t))
    keep = [e for e in ents if not any(s < e.end and e.start < t for s, t in merged)]
    sp.ents = sorted([*keep, *(Span(sp, s, t, label="PERSON") for s, t in merged)], key=lambda e: e.start)


def _or_aliases(text: str, mentions: list[Mention]) -> list[Mention]:
    """"the Trump Route for International Peace and Prosperity, or Tripp": the short name after ", or" is
    the long one's alias wherever it occurs (the tagger may have typed it otherwise)."""
    out = list(mentions)
    for m in mentions:
        if m.type not in ("infrastructure", "organization", "agreement", "event") or m.form != "name":
            continue
        alias = re.match(r",\s+or\s+(?:the\s+)?([A-Z][A-Za-z]{1,9})(?=[.,;:)]|\s*$)", text[m.end:m.end + 20])
        if not alias or len(m.text.split()) < 3:
            continue
        word = alias.group(1)
        taken = {(x.start, x.end) for x in out}
        for x in out:
            if x.text == word:
                x.type, x.entity, x.form = m.type, m.entity, "acronym"
        for hit in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text):
            if (hit.start(), hit.end()) not in taken and not any(y.start < hit.end() and hit.start() < y.end
                                                                    for y in out):
                out.append(Mention(word, hit.start(), hit.end(), m.type, m.entity, "acronym"))
    return out


# a state's body named without its state: "Defense Ministry", "Foreign Ministry", "Ministry of Energy"
_GENERIC_BODY = re.compile(r"(?:(?:[A-Z][a-z]+\s+){1,2}Ministry|Ministry\s+of\s+(?:[A-Z][a-z]+(?:\s+and\s+|\s+))*"
                           r"[A-Z][a-z]+|(?:General\s+Staff|Armed\s+Forces|Parliament|Government|Cabinet))")


def _qualify_bodies(text: str, mentions: list[Mention], gaz) -> None:
    """"Azerbaijan's Defense Ministry": the body is the Azerbaijani Defense Ministry, not every state's
    defence ministry; the name takes the state's demonym (the way the body is usually written), and a
    later bare "Defense Ministry" is the one qualified last."""
    ordered = sorted(mentions, key=lambda m: m.start)
    last: dict[str, str] = {}   # generic name -> the state's name it was last qualified with
    for i, m in enumerate(ordered):
        if m.type != "organization" or m.form != "name" or not _GENERIC_BODY.fullmatch(m.entity):
            continue
        prev = ordered[i - 1] if i else None
        if prev is not None and prev.type == "country" and prev.form in ("name", "acronym") \
                and re.fullmatch(r"['’]s\s+", text[prev.end:m.start]) and gaz.demonyms.get(prev.entity):
            last[m.entity] = f"{gaz.demonyms[prev.entity]} {m.entity}"
        if m.entity in last:
            m.entity = last[m.entity]


def _heading_spans(text: str) -> list[tuple[int, int]]:
    """Lines that read as headings: short, no final punctuation."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip()
        if line and len(line.split()) <= 12 and not re.search(r"[.!?:;»”\"')]$", line):
            out.append((m.start(), m.end()))
    return out


def _drop_heading_guesses(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """A tagger's or context guess found only in headings ("Growing Distance") is not kept."""
    heads = _heading_spans(text)
    if not heads:
        return chosen

    def in_heading(c: Candidate) -> bool:
        return any(a <= c.start and c.end <= b for a, b in heads)

    outside = {key(c.name or text[c.start:c.end]) for c in chosen if not in_heading(c)}
    return [c for c in chosen if c.source not in {"ner", "context"} or not in_heading(c)
            or key(c.name or text[c.start:c.end]) in outside]


def _merge_subsidiaries(text: str, chosen: list[Candidate]) -> list[Candidate]:
    """"SOCAR Türkiye", "BP Azerbaijan": an organisation's name followed by a country names another one."""
    out: list[Candidate] = []
    for c in chosen:
        prev = out[-1] if out else None
        if prev is not None and prev.type == "organization" and c.type == "country" and c.form == "name" \
                and text[prev.end:c.start] == " " and text[prev.start:prev.end].isupper():
            name = clean_name(text[prev.start:c.end])
            out[-1] = Candidate(prev.start, c.end, "organization", prev.source, name=name)
            continue
        out.append(c)
    return out


def _keep(text: str, c: Candidate, sp: Doc) -> bool:
    """Junk filter: generic words, numbers, lowercase fragments, single letters."""
    surface = text[c.start:c.end]
    name = c.entity or c.name or surface
    k = key(name)
    if re.search(r"[\[\]|={}<>/\\@#]", name):
        return False   # markup, citations and credits, not names
    if not k or k in GENERIC or len(k) < 2 or k.isdigit() or re.fullmatch(r"no \d+", k) or re.match(r"\d{4}[a-z]", k):
        return False
    if c.type != "event" and has_amount(name.split()):
        return False
    if c.form in {"demonym", "capital"} or c.entity:
        return True
    if not any(ch.isupper() for ch in name) and c.type != "agreement":
        return c.type == "event" and " " in name
    if name[:1].islower() and c.type not in {"agreement", "event"}:
        return False   # "post-Erdoğan"
    if c.type == "person" and name.split()[-1].lower().rstrip(".") in MILITARY_RANKS:
        return False   # "Chief Master Sgt. X": a rank, the name comes after it
    return not (c.type == "person" and any(w.lower() in GENERIC for w in name.split()))


_PARTICLE_NAME = re.compile(r" (?:bey|bay|khan|pasha|agha|aga|efendi|effendi) [A-Z][\w'’-]+")


def _with_honorific_particle(text: str, mentions: list[Mention]) -> list[Mention]:
    """"Rustam bey Karimli", "Elnur Khan Talibov": a Turkic honorific between a given name and a
    surname is inside the name (the tagger stops at it)."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if out and out[-1].end > m.start:
            continue   # swallowed by the name before
        tail = _PARTICLE_NAME.match(text, m.end) if m.type == "person" and m.form == "name" else None
        if tail and not re.match(r"[\w'’-]", text[tail.end():tail.end() + 1]):
            name = text[m.start:tail.end()]
            m = Mention(name, m.start, tail.end(), "person", name, "name")
        out.append(m)
    return out


def _surnames_are_persons(mentions: list[Mention], gaz: gazetteer.Gazetteer) -> None:
    """"However, Galben dismissed the report": a lone word the tagger took for a place or a body, that is the
    surname of exactly one person the document names in full (and no name the gazetteer knows), is that
    person."""
    full: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.type == "person" and len(m.entity.split()) >= 2:
            full[m.entity.split()[-1]].add(m.entity)
    for m in mentions:
        if m.type in ("place", "organization") and m.form == "name" and " " not in m.text \
                and len(full.get(m.text, ())) == 1 and gaz.lookup(m.text) is None:
            m.type, m.entity = "person", next(iter(full[m.text]))


# "Presidents Aliyev and Erdoğan": names a plural title lists
_LISTED_AFTER_TITLE = re.compile(r"\b(?:Presidents|Ministers|Premiers|Chancellors|Leaders)\s+"
                                 r"(?:[A-Z][\w'’-]+(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+))*$")


def _drop_lone_surnames(mentions: list[Mention], sp: Doc) -> list[Mention]:
    """A one-word person never given a full name is kept only after a title or honorific, or when frequent."""
    counts = Counter(m.entity for m in mentions if m.type == "person")
    out = []
    for m in mentions:
        if m.type == "person" and len(m.entity.split()) == 1:
            span = sp.char_span(m.start, m.end, alignment_mode="expand")
            prev = sp[span.start - 1] if span is not None and span.start > 0 else None
            titled = prev is not None and (prev.lower_ in TITLE_WORDS or prev.lower_ in HONORIFICS) \
                or _LISTED_AFTER_TITLE.search(sp.text[max(0, m.start - 80):m.start]) is not None
            if not titled and (counts[m.entity] < 2 or "-" in m.entity):
                continue
        out.append(m)
    return out


def entities_from_mentions(mentions: list[Mention], doc_name: str) -> list[Entity]:
    """One ``Entity`` per (canonical name, type), with every name-like surface form as an alias."""
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[(m.entity or m.text, m.type)].append(m)
    out = []
    for (name, typ), ms in groups.items():
        if not any(m.form in {"name", "acronym"} or (m.form == "demonym" and typ == "country") for m in ms):
            continue   # a demonym kept by find_mentions stands for a state ("the Turkish President")
        aliases = {clean_name(m.text) for m in ms if m.form in {"name", "acronym"}
                   and any(ch.isupper() for ch in m.text)}
        aliases.discard(name)
        aliases = {a for a in aliases if not _title_only(a)}   # "President" names no one by itself
        out.append(Entity(name=name, type=typ, aliases=sorted(a for a in aliases if a), docs=[doc_name]))
    return sorted(out, key=lambda e: (e.type, e.name))


def _title_only(alias: str) -> bool:
    """Whether a surface form is only a title ("President", "Prime Minister", "Field Marshal")."""
    words = [w.lower().strip(".") for w in alias.split()]
    return bool(words) and all(w in TITLE_WORDS or w in TITLE_MODIFIERS for w in words)


def english(doc) -> bool:
    """Whether the document is English (or of unknown language): the English models apply to it."""
    return (doc.language or "en") == "en"


# Nouns that make a demonym stand for its state: "the Turkish President", "Georgian and Romanian ministers".
STATE_NOUNS = {
    "president", "minister", "ministry", "government", "army", "forces", "military", "troops", "official",
    "authorities", "leader", "leadership", "delegation", "counterpart", "side", "embassy", "ambassador",
    "prime", "foreign", "defence", "defense", "parliament", "state", "cabinet", "premier", "navy", "diplomat",
    "envoy", "spokesman", "spokeswoman", "spokesperson", "administration", "officials", "company",
    # acts only a state commits: "the Russian invasion of Ukraine", "Azerbaijani airstrikes"
    "invasion", "occupation", "annexation", "aggression", "airstrike", "airstrikes",
}


def _state_demonym(sp: Doc, c) -> bool:
    """Whether a demonym qualifies a state actor ("Turkish President", "Azerbaijani and Georgian ministers")."""
    span = sp.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ in ("amod", "compound", "nmod", "poss") and _state_noun(head):
        return True
    if tok.dep_ in ("amod", "compound") and head.dep_ == "compound" and head.head.i != head.i \
            and _state_noun(head.head):
        return True   # "Azerbaijani Economy Minister": the portfolio between the demonym and the post
    # the parser loses long coordinations ("Azerbaijani, Georgian and Romanian Ministers"): read the surface
    gaz = gazetteer.load()
    k = span.end
    while k < len(sp) and (sp[k].text in {",", "and", "or", "&"} or (
            (gaz.lookup(sp[k].text) or gazetteer.Entry("", "")).form == "demonym")):
        k += 1
    return k < len(sp) and _state_noun(sp[k])


def _state_noun(tok) -> bool:
    return bool({tok.lemma_.lower(), tok.lower_, tok.lower_.removesuffix("s")} & STATE_NOUNS)
