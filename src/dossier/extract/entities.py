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
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dossier import gazetteer
from dossier.extract.context import Context
from dossier.records import Entity, Mention

# -- head nouns: the last word of a name's first segment says what it names --------------
ORG_HEADS = {
    "ministry", "council", "company", "corporation", "corp", "agency", "institute", "institution", "consortium",
    "movement", "organization", "organisation", "association", "union", "committee", "commission", "bank",
    "fund", "foundation", "parliament", "assembly", "party", "office", "service", "center", "centre",
    "university", "academy", "federation", "group", "holding", "holdings", "authority", "cabinet", "embassy",
    "consulate", "administration", "directorate", "department", "forces", "army", "navy", "police", "court",
    "secretariat", "chamber", "board", "bureau", "inc", "ltd", "llc", "plc", "co", "jsc", "airlines", "airways",
    "railways", "exchange", "alliance", "coalition", "front", "guard", "command",
    "network", "club", "society", "television", "radio", "times", "news", "post", "press", "tribune",
}
AGREEMENT_HEADS = {
    "agreement", "declaration", "memorandum", "treaty", "protocol", "accord", "accords", "deal", "pact",
    "convention", "charter", "communique", "communiqué", "act", "mou",
}
EVENT_HEADS = {
    "summit", "forum", "festival", "exercise", "exercises", "war", "week", "session", "conference",
    "games", "olympics", "championship", "cup", "expo", "exhibition", "fair", "talks", "revolution",
    "genocide", "massacre", "offensive", "battle", "ceremony", "drills", "uprising", "siege", "biennale",
}
INFRA_HEADS = {
    "pipeline", "railway", "railroad", "rail", "corridor", "route", "road", "highway", "motorway", "bridge",
    "tunnel", "canal", "refinery", "plant", "station", "airport", "dam", "hub", "link", "interconnector",
    "cable", "complex", "stream", "line", "facility",
}
PLACE_HEADS = {
    "field", "block", "sea", "ocean", "gulf", "bay", "lake", "river", "mountains", "valley", "region",
    "province", "district", "oblast", "city", "island", "islands", "peninsula", "strait", "basin", "plateau",
    "desert", "port", "terminal", "harbour", "harbor", "territory", "enclave", "village", "town", "square",
}
HEAD_TYPES = {**{w: "organization" for w in ORG_HEADS}, **{w: "agreement" for w in AGREEMENT_HEADS},
              **{w: "event" for w in EVENT_HEADS}, **{w: "infrastructure" for w in INFRA_HEADS},
              **{w: "place" for w in PLACE_HEADS}}
# lowercase heads that may follow a name ("Shah-Deniz field", "Trans-Anatolian gas pipeline")
LOWER_HEADS = {
    "pipeline": "infrastructure", "railway": "infrastructure", "railroad": "infrastructure",
    "corridor": "infrastructure", "route": "infrastructure", "highway": "infrastructure",
    "road": "infrastructure", "refinery": "infrastructure", "bridge": "infrastructure",
    "interconnector": "infrastructure", "field": "place", "block": "place", "region": "place",
    "port": "place", "terminal": "place", "summit": "event", "forum": "event", "war": "event",
    "exercise": "event", "exercises": "event", "drills": "event", "festival": "event", "conference": "event",
    "talks": "event", "agreement": "agreement", "declaration": "agreement", "treaty": "agreement",
    "deal": "agreement", "memorandum": "agreement", "accord": "agreement", "protocol": "agreement",
    "pact": "agreement",
}
LOWER_MODIFIERS_MAX = 3
# plural heads that still name one thing
PLURAL_OK = {"forces", "games", "olympics", "talks", "exercises", "drills", "accords", "airlines", "airways",
             "railways", "holdings", "islands", "mountains", "news", "times"}
PRODUCT_NOUNS = {
    "drone", "drones", "uav", "uavs", "ucav", "ucavs", "aircraft", "jet", "jets", "fighter", "fighters",
    "missile", "missiles", "tank", "tanks", "helicopter", "helicopters", "rocket", "rockets", "launcher",
    "launchers", "howitzer", "howitzers", "warship", "warships", "frigate", "corvette", "submarine", "rifle",
    "radar", "plane", "planes", "bomber", "bombers", "munitions", "system", "systems", "vehicle", "vehicles",
}
ORG_NOUNS = {
    "company", "firm", "corporation", "manufacturer", "maker", "producer", "operator", "contractor",
    "consortium", "holding", "giant", "agency", "carrier", "airline", "broadcaster", "newspaper", "outlet",
    "channel", "group",
}
TITLE_WORDS = {
    "president", "minister", "ambassador", "chairman", "chairwoman", "chairperson", "spokesman", "spokeswoman",
    "spokesperson", "secretary", "commissioner", "envoy", "adviser", "advisor", "aide", "director", "governor",
    "mayor", "king", "queen", "prince", "emir", "sultan", "chancellor", "premier", "speaker", "admiral",
    "commander", "colonel", "captain", "ceo", "representative", "consul", "senator", "congressman",
    "congresswoman", "lawmaker", "pope", "patriarch", "prosecutor", "founder", "editor", "analyst",
    "president-elect", "vice-president", "leader", "head", "chief", "marshal", "fellow", "professor",
    "researcher", "scholar", "lecturer",
}
# titles that never start a person's name when capitalised mid-sentence
TITLE_MODIFIERS = {
    "deputy", "vice", "prime", "foreign", "first", "acting", "former", "defence", "defense", "energy", "economy",
    "trade", "finance", "interior", "executive", "senior", "special", "general", "chief", "assistant", "state",
    "grand", "supreme", "economic", "presidential", "national", "security", "digital", "development",
}
REGNAL = {"pope", "king", "queen", "prince", "princess", "sultan", "emir", "sheikh", "shah", "patriarch",
          "catholicos"}
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "madam", "sheikh", "mr.", "mrs.", "ms.", "dr."}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
          "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your",
               "such", "any", "every", "each"}
CONNECTORS = {"of", "for", "and", "on", "the", "between", "de", "du", "al", "&", "'n", "upon"}
SPLITTERS = {"of", "for", "on", "between", "in", "to", "with", "at", "upon"}
DASHES = {"-", "–", "—", "‒"}
GENERIC = {
    "government", "state", "states", "republic", "ministry", "embassy", "council", "parliament", "army",
    "president", "minister", "capital", "city", "country", "region", "north", "south", "east", "west",
    "western", "eastern", "northern", "southern", "central", "international", "national", "global", "world",
    "address", "internet", "web", "twitter", "facebook", "telegram", "instagram", "youtube", "reuters",
    "covid", "covid-19", "coronavirus", "no", "yes", "ok", "tv", "pm", "am", "gdp", "capex", "opex", "fdi",
    "lng", "uav", "uavs", "ceo", "vat", "ngo", "ngos", "sme", "smes", "ict", "it", "id", "pdf", "faq", "usd",
    "eur", "ps", "nb", "etc", "ie", "eg", "page", "photo", "source", "sources", "figure", "table", "map",
    "co", "inc", "ltd", "summit", "forum", "corridor", "pipeline", "agreement", "declaration", "war",
    "company", "group", "office", "prime", "deputy", "foreign", "defence", "defense", "armed", "forces",
    "economic", "trade", "energy", "god", "allah", "islam", "muslim", "muslims", "christian", "christians",
    "sunni", "shia", "shiite", "orthodox", "catholic", "mp", "mps", "bcm", "km", "mln", "bn", "empire", "ministries",
}
SIGN_VERBS = {"sign", "conclude", "ratify", "adopt", "approve", "initial", "endorse", "reach", "enter", "renew",
              "negotiate", "finalize", "finalise", "implement", "extend"}
EXERCISE_WORDS = {"exercise", "exercises", "drill", "drills", "manoeuvre", "manoeuvres", "maneuver",
                  "maneuvers", "wargame", "wargames"}
LOC_PREPS = {"in", "to", "from", "into", "via", "through", "near", "across", "toward", "towards", "at", "outside"}
GOV_PREPS = {"with", "between", "against", "by", "toward", "towards", "on", "among", "of", "versus", "vs"}
MODEL_RE = re.compile(r"^(?:[A-Z][A-Za-z]{0,5}-?\d{1,4}[A-Z]?\d?|[A-Z]{1,3}\d[A-Z]\d?)$")
YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
ACRONYM_RE = re.compile(r"\(\s*([A-ZÇĞİÖŞÜ][A-Za-z0-9ÇĞİÖŞÜçğıöşü&.\-]{1,14})\s*\)")
NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT"}
STRENGTH = {"acronym": 6, "shape": 5, "gazetteer": 4, "context": 4, "ner": 3, "propagated": 1}


@dataclass
class _Cand:
    """A candidate mention before overlaps are settled."""

    start: int
    end: int
    type: str
    source: str
    form: str = "name"
    entity: str = ""      # canonical name when already known (gazetteer, acronym expansion)
    name: str = ""        # the name this span proposes (e.g. with a lowercase head outside the span)
    place: str = ""       # for capitals: the city's canonical name

    @property
    def strength(self) -> int:
        # a demonym is an adjective: a tagged name that starts with one ("British Petroleum") wins
        return 2 if self.form == "demonym" else STRENGTH[self.source]


def _currencies() -> set[str]:
    import pycountry

    words = {c.name.split()[-1].lower() for c in pycountry.currencies}
    return words | {"rouble", "roubles", "rubles", "dollars", "euros", "manats", "liras", "dirham", "riyal",
                    "rial", "dinar", "rupee", "yuan", "lari", "dram", "tenge", "som", "lira"}


_CURRENCY_WORDS: set[str] = set()


def _currency_words() -> set[str]:
    if not _CURRENCY_WORDS:
        _CURRENCY_WORDS.update(_currencies())
    return _CURRENCY_WORDS


# -- small helpers over tokens and text ----------------------------------------------------------

def _is_cap(tok: Token) -> bool:
    t = tok.text
    return bool(t) and (t[0].isupper() or (t[0].isdigit() and any(c.isupper() for c in t)))


def _common(tok: Token) -> bool:
    """Whether the lowercase word is an ordinary English word (it has a vector in the model)."""
    return tok.vocab.has_vector(tok.lower_)


def _is_dash(tok: Token) -> bool:
    return tok.text in DASHES


def _is_year(tok: Token) -> bool:
    return bool(YEAR_RE.match(tok.text))


def _clean_name(text: str) -> str:
    """One-line name: whitespace collapsed, a dash never spaced on one side only, no leading article."""
    text = " ".join(text.split())
    text = re.sub(r"(\w)([-–—]) (?=\w)", r"\1\2", text)
    text = re.sub(r"(?<=\w) ([-–—])(\w)", r"\1\2", text)
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = re.sub(r"[’']s$", "", text)
    text = re.sub(r"[«»\"“”„]", "", text)
    text = text.strip(" ,;:'’()")
    if text.endswith(".") and not re.search(r"(?:\b(?:Co|Inc|Ltd|Corp|Jr|Sr|St|Bros|Plc)|\.\w)\.$", text):
        text = text[:-1]
    return text


def key(name: str) -> str:
    """Matching key of a name: accents, case, punctuation, dashes and a leading "the" ignored."""
    k = gazetteer.fold(name).casefold()
    k = re.sub(r"[’'`´]s\b", "", k)
    k = re.sub(r"[^\w]+", " ", k).strip()
    return re.sub(r"^the ", "", k)


def _sentences_with(sp: Doc, lemmas: set[str]) -> set[int]:
    """Start offsets of sentences that contain one of ``lemmas``."""
    return {s.start_char for s in sp.sents if any(t.lemma_.lower() in lemmas or t.lower_ in lemmas for t in s)}


# -- source 1: the gazetteer -----------------------------------------------------------------------

def _gazetteer_candidates(text: str) -> list[_Cand]:
    gaz = gazetteer.load()
    out = []
    for start, end, e in gaz.find(text):
        out.append(_Cand(start, end, e.type, "gazetteer", form=e.form, entity=e.canonical, place=e.place))
    return out


# -- source 2: spaCy's named entities --------------------------------------------------------------

def _trim_span(span: Span) -> Span | None:
    """Drop a leading article, a trailing possessive, and edge punctuation."""
    doc = span.doc
    s, e = span.start, span.end
    while s < e and (doc[s].lower_ in DETERMINERS or doc[s].is_punct or doc[s].is_space):
        s += 1
    while e > s and (doc[e - 1].lower_ in {"'s", "’s", "of", "the", "and", "'"} or
                     (doc[e - 1].is_punct and doc[e - 1].text != ".") or doc[e - 1].is_space):
        e -= 1
    return doc[s:e] if e > s else None


def _head_type(words: list[str]) -> str | None:
    """The type a name's head noun gives: the last word before its first of/on/between..."""
    first = []
    for w in words:
        if w.lower() in SPLITTERS and first:
            break
        first.append(w)
    while first and (YEAR_RE.match(first[-1]) or first[-1] in DASHES or first[-1].isdigit()):
        first.pop()
    if not first:
        return None
    if first[0].lower() == "operation" and len(first) > 1:
        return "event"
    head = first[-1].lower().rstrip(".")
    if head == "general" and len(first) > 1:       # "Consulate General", "Secretary General"
        head = first[-2].lower()
    if head == "republic" and len(first) > 1 and first[-2].lower() == "autonomous":
        return "place"
    typ = HEAD_TYPES.get(head)
    if typ is None:
        return None
    if head.endswith("s") and head not in PLURAL_OK and head[:-1] in HEAD_TYPES:
        return None
    return typ


def _ner_candidates(sp: Doc, gaz: gazetteer.Gazetteer) -> list[_Cand]:
    out = []
    cur = _currency_words()
    lower_words = {t.text for t in sp if t.text.islower()}
    for ent in sp.ents:
        if ent.label_ not in NER_LABELS:
            continue
        span = _trim_span(ent)
        if span is None:
            continue
        toks = list(span)
        # a demonym glued to a name by the tagger ("Azerbaijani Shah-Deniz") is not part of it
        while len(toks) > 1 and (gaz.lookup(toks[0].text) or gazetteer.Entry("", "")).form == "demonym" \
                and ent.label_ in {"PERSON", "GPE", "LOC", "FAC", "PRODUCT"}:
            toks = toks[1:]
        if ent.label_ == "PERSON":
            while len(toks) > 1 and (toks[0].pos_ != "PROPN" or toks[0].lower_ in TITLE_WORDS
                                     or toks[0].lower_.rstrip(".") in HONORIFICS):   # "Addressing Aliyev"
                if len(toks) == 2 and toks[0].lower_ in REGNAL:   # "Pope Francis" is the name
                    break
                toks = toks[1:]
        if len(toks) < len(ent) and len(toks) == 1 and _common(toks[0]) and ent.label_ == "PERSON":
            continue   # "Georgian Dream" is not a person called Dream
        span = sp[toks[0].i:toks[-1].i + 1]
        words = [t.text for t in span]
        low = [w.lower() for w in words]
        text = span.text
        if any(w in cur for w in low) or not any(c.isalpha() for c in text):
            continue
        if len(words) == 1 and (low[0] in GENERIC or low[0] in MONTHS or len(text) < 2 or (
                _common(span[0]) and span[0].pos_ != "PROPN" and not text.isupper()) or (
                not text.isupper() and low[0] in lower_words and ent.label_ not in {"PERSON", "GPE"})):
            continue
        if any(w in MONTHS for w in low) and ent.label_ not in {"EVENT", "LAW"}:
            continue
        label = ent.label_
        typ = _head_type(words)
        if _plural_generic(words) or _has_amount(words) or gaz.lookup(text):
            continue  # a gazetteer name is the gazetteer's to type
        if label == "NORP":
            continue  # demonyms come from the gazetteer; other groups are not entities
        if any(MODEL_RE.match(w) for w in words) and label in {"ORG", "PERSON", "PRODUCT", "FAC"} and typ is None:
            out.append(_Cand(span.start_char, span.end_char, "product", "ner", name=_clean_name(text)))
            continue
        if label == "PERSON":
            if typ or any(c.isdigit() for c in text) or len(words) > 5:
                typ = typ or ("product" if any(c.isdigit() for c in text) else None)
                if typ is None:
                    continue
            elif text.isupper() or not all(w[0].isupper() or w in DASHES or w in {"'", "’", "-"} or w.lower() in {"al", "bin", "de", "van", "von", "oglu", "oğlu"} for w in words):
                continue
            else:
                typ = "person"
        elif label in {"GPE", "LOC"}:
            if text.isupper() and not gaz.lookup(text):
                continue
            typ = typ if typ in {"place", "infrastructure", "event", "organization"} else "place"
        elif label == "FAC":
            typ = typ or "place"   # a building or site; a facility with an infrastructure head is typed above
        elif label == "ORG":
            if typ is None and (any(w in TITLE_WORDS for w in low) or "/" in text):
                continue   # "Commissioner for Energy" is a title; "AdobeStock/..." a credit
            typ = typ or "organization"
        elif label == "EVENT":
            typ = typ or "event"
        elif label == "LAW":
            if typ != "agreement":
                continue
        elif label == "PRODUCT":
            typ = typ or "product"
        out.append(_Cand(span.start_char, span.end_char, typ, "ner", name=_clean_name(text)))
    return _vote(out)


def _vote(cands: list[_Cand]) -> list[_Cand]:
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


def _plural_generic(words: list[str]) -> bool:
    """"Defense Ministries": a plural head noun names a class, not one thing."""
    head = words[-1].lower()
    return head.endswith("s") and head not in PLURAL_OK and (head[:-1] in HEAD_TYPES or head[:-3] + "y" in HEAD_TYPES)


def _has_amount(words: list[str]) -> bool:
    return any(re.fullmatch(r"[\d.,]+", w) and not YEAR_RE.match(w) for w in words) or any(
        w.lower() in {"million", "billion", "bn", "mln", "thousand", "trillion"} for w in words)


# -- source 3: name shapes --------------------------------------------------------------------------

@dataclass
class _Run:
    """A run of capitalised tokens (with connectors), as token indices [i, j)."""

    i: int
    j: int


def _startable(tok: Token, gaz: gazetteer.Gazetteer) -> bool:
    low = tok.lower_
    if not _is_cap(tok) or low in MONTHS or low in HONORIFICS or tok.text == "I":
        return False
    if low in TITLE_WORDS or low in PRODUCT_NOUNS:
        return False
    if tok.is_sent_start and not (tok.pos_ == "PROPN" or (tok.text.isupper() and len(tok.text) > 1)
                                  or gaz.lookup(tok.text)):
        return False
    if tok.is_stop and tok.pos_ != "PROPN":
        # "Three Brothers", "The Hague" start names; "In 2007", "During the war" do not
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and _continues(nxt) and not _is_year(nxt)
    return True


def _continues(tok: Token) -> bool:
    low = tok.lower_
    return _is_cap(tok) and low not in MONTHS and low not in TITLE_WORDS and low not in HONORIFICS


def _runs(sp: Doc, gaz: gazetteer.Gazetteer) -> list[_Run]:
    """Maximal runs of capitalised words joined by connectors, dashes or (in names) commas."""
    runs = []
    n = len(sp)
    i = 0
    while i < n:
        if not _startable(sp[i], gaz):
            i += 1
            continue
        j = i + 1
        last = i
        while j < n:
            t = sp[j]
            if t.is_space and _is_dash(sp[j - 1]) or t.is_space and sp[j - 1].text.endswith("-"):
                j += 1
                continue
            if _continues(t) and (not t.is_sent_start or _is_dash(sp[j - 1]) or sp[j - 1].text.endswith("-")
                                  or (sp[j - 1].text.endswith(".") and len(sp[j - 1].text) <= 4)):
                last = j
                j += 1
                continue
            if _is_year(t) and j == last + 1 or (_is_dash(t) and j + 1 < n and _is_year(sp[j + 1])):
                last = j + (0 if _is_year(t) else 1)
                break
            if _is_dash(t) or t.lower_ in CONNECTORS or t.text == ",":
                # a connector joins only when capitalised words follow within two tokens
                k = j
                seen = []
                while k < n and k - j < 3 and (sp[k].lower_ in CONNECTORS or _is_dash(sp[k]) or sp[k].text == ","
                                               or sp[k].is_space):
                    seen.append(sp[k].lower_)
                    k += 1
                if k < n and _continues(sp[k]) and not sp[k].is_sent_start and _connector_ok(seen):
                    j = k
                    continue
            break
        runs.append(_Run(i, last + 1))
        i = last + 1
    return runs


def _connector_ok(seen: list[str]) -> bool:
    words = [w for w in seen if w.strip()]
    if not words:
        return False
    if words[0] == "and" and len(words) > 1 and words[1] in SPLITTERS:   # "... and on the Memorandum"
        return False
    if words.count(",") > 1:
        return False
    return not (words[0] == "," and len(words) > 1 and words[1] != "and")


def _split_run(sp: Doc, run: _Run, gaz: gazetteer.Gazetteer) -> list[_Run]:
    """Break a run at commas and at a top-level "and" unless a capitalised head holds it together."""
    toks = sp[run.i:run.j]
    words = [t.text for t in toks]
    typed = _head_type(words) is not None
    parts = []
    start = run.i
    depth_of = False
    for t in toks:
        if t.lower_ in SPLITTERS:
            depth_of = True
        if t.text == "," or (t.lower_ == "and" and not depth_of):
            left = sp[start:t.i]
            split = t.text == "," and not (typed and _and_after(sp, t.i, run.j)
                                           and _head_type([x.text for x in left]) is None)
            if t.lower_ == "and":
                # "North – South and Zangezur Corridor": a route or a known name does not coordinate inside a name
                right = sp[t.i + 1:run.j]
                split = not typed or any(_is_dash(x) for x in left) or bool(gaz.lookup(left.text)) or (
                    _head_type([x.text for x in left]) is not None and _head_type([x.text for x in right]) is not None)
            if split:
                if t.i > start:
                    parts.append(_Run(start, t.i))
                start = t.i + 1
    if start < run.j:
        parts.append(_Run(start, run.j))
    out = []
    for p in parts:
        i, j = p.i, p.j
        while i < j and (sp[i].lower_ in CONNECTORS or _is_dash(sp[i]) or sp[i].is_space or sp[i].text == ","):
            i += 1
        while j > i and (sp[j - 1].lower_ in CONNECTORS or _is_dash(sp[j - 1]) or sp[j - 1].is_space):
            j -= 1
        if j > i:
            out.append(_Run(i, j))
    return out


def _and_after(sp: Doc, i: int, j: int) -> bool:
    return any(sp[k].lower_ == "and" for k in range(i, j))


def _route_members(sp: Doc, run: _Run) -> list[Span]:
    members, start = [], run.i
    for k in range(run.i, run.j):
        if _is_dash(sp[k]):
            members.append(sp[start:k])
            start = k + 1
        elif sp[k].text.endswith("-") and len(sp[k].text) > 1:
            members.append(sp[start:k + 1])
            start = k + 1
    members.append(sp[start:run.j])
    return [m for m in members if len(m) and not all(t.is_space for t in m)]


def _lower_tail(sp: Doc, j: int) -> tuple[int, str | None]:
    """After token j: up to three lowercase modifiers and a lowercase head ("gas pipeline") -> (end, type)."""
    k = j
    n = len(sp)
    if k + 2 < n and sp[k].text == "(" and sp[k + 2].text == ")" and sp[k + 1].text.isupper():
        k += 3
    mods = 0
    while k < n and mods <= LOWER_MODIFIERS_MAX:
        t = sp[k]
        if not t.text.islower() or not t.is_alpha:
            return j, None
        if t.text in LOWER_HEADS and (k + 1 >= n or not (sp[k + 1].text.islower() and sp[k + 1].text in LOWER_HEADS)):
            return k + 1, LOWER_HEADS[t.text]
        if t.pos_ not in {"NOUN", "ADJ", "PROPN"} or t.is_stop:
            return j, None
        mods += 1
        k += 1
    return j, None


def _shape_candidates(sp: Doc, gaz: gazetteer.Gazetteer, ner_label: dict[int, str],
                      exercise_sents: set[int], product_sents: set[int]) -> tuple[list[_Cand], list[_Run]]:
    """Typed candidates from capitalised runs; also every run (typed or not) for the acronym step."""
    out: list[_Cand] = []
    all_runs: list[_Run] = []
    for raw in _runs(sp, gaz):
        for run in _split_run(sp, raw, gaz):
            run = _strip_demonym(sp, run, gaz)
            all_runs.append(run)
            cand = _type_run(sp, run, gaz, ner_label, exercise_sents, product_sents)
            if cand is not None:
                out.extend(cand)
    return out, all_runs


def _strip_demonym(sp: Doc, run: _Run, gaz: gazetteer.Gazetteer) -> _Run:
    """"Azerbaijani Shah-Deniz field" -> "Shah-Deniz field"; an organisation keeps it ("Turkish Ministry of Trade")."""
    if run.j - run.i < 2:
        return run
    e = gaz.lookup(sp[run.i].text)
    if e is None or e.form != "demonym":
        return run
    words = [t.text for t in sp[run.i:run.j]]
    if _head_type(words) in {"organization", "agreement", "event"}:
        return run
    if _is_dash(sp[run.i + 1]):
        return run
    return _Run(run.i + 1, run.j)


def _type_run(sp: Doc, run: _Run, gaz: gazetteer.Gazetteer, ner_label: dict[int, str],
              exercise_sents: set[int], product_sents: set[int]) -> list[_Cand] | None:
    toks = sp[run.i:run.j]
    words = [t.text for t in toks]
    text = toks.text
    start, end = toks.start_char, toks.end_char
    whole = gaz.lookup(text)
    members = _route_members(sp, run)
    is_route = len(members) >= 2 and all(len(m) <= 3 for m in members)
    typ = _head_type(words)
    if whole is not None or _plural_generic(words):
        return None
    if typ is not None:
        if len([w for w in words if w not in DASHES]) < 2 and typ != "event":
            return None
        if any(w.lower() in TITLE_WORDS for w in words[:1]):
            return None
        j = run.j
        if words[0].lower() in {"embassy", "consulate"} and j + 1 < len(sp) and sp[j].lower_ == "in" \
                and _is_cap(sp[j + 1]):
            end = sp[j + 1].idx + len(sp[j + 1].text)
            text = sp[run.i:j + 2].text
        return [_Cand(start, end, typ, "shape", name=_clean_name(text))]
    # a name followed by a lowercase head: "Shah-Deniz field", "Azerbaijan – Georgia – Turkey business forum"
    tail_end, tail_type = _lower_tail(sp, run.j)
    if tail_type == "place" and sp[run.j - 1].pos_ != "PROPN":
        tail_type = None
    if tail_type is not None and not any(ner_label.get(t.i) or gaz.lookup(t.text) or not _common(t) for t in toks):
        tail_type = None   # "Accession talks": an ordinary word, not a name
    if tail_type is not None and tail_end > run.j:
        members_known = [gaz.lookup(m.text) for m in members]
        single_place = len(members) == 1 and (members_known[0] is not None or ner_label.get(run.i) in {"GPE", "LOC"})
        if single_place:
            if tail_type != "event" or (members_known[0] is not None and members_known[0].form == "demonym"):
                return None
            # "Istanbul summit": the place keeps its own mention; the event is named by the pair
            head_start = sp[tail_end - 1].idx if tail_end - run.j == 1 else sp[run.j].idx
            full = _clean_name(sp[run.i:tail_end].text)
            return [_Cand(head_start, sp[tail_end - 1].idx + len(sp[tail_end - 1].text), "event", "shape",
                          name=full)]
        name = _clean_name(sp[run.i:run.j].text + " " + _tail_words(sp, run.j, tail_end))
        return [_Cand(start, sp[tail_end - 1].idx + len(sp[tail_end - 1].text) if not _paren_at(sp, run.j)
                      else end, tail_type, "shape", name=name)]
    # a dash-joined route of places with no head: "Baku-Tbilisi-Kars"
    if is_route and len(members) >= 3:
        known = [gaz.lookup(m.text) for m in members]
        places = sum(1 for m, e in zip(members, known, strict=True)
                     if (e is not None and e.form in {"name", "capital"} and e.type in {"country", "place"})
                     or ner_label.get(m.start) in {"GPE", "LOC", "FAC"})
        countries = sum(1 for e in known if e is not None and e.type == "country" and e.form == "name")
        if places >= 2 and countries < len(members):
            return [_Cand(start, end, "infrastructure", "shape", name=_clean_name(text))]
        return None
    if is_route and whole is None and all(gaz.lookup(m.text) for m in members):
        return None
    # a name followed by a year: "Three Brothers 2021", "Ephesus-2022"
    if len(words) >= 2 and YEAR_RE.match(words[-1]):
        base = [w for w in words[:-1] if w not in DASHES]
        if base and not gaz.lookup(" ".join(base)) and base[0].lower() not in MONTHS:
            return [_Cand(start, end, "event", "shape", name=_clean_name(text))]
        return None
    # products: a model designation ("Bayraktar TB2", "F-16") where weapons are talked about
    sent = toks[0].sent.start_char
    if any(MODEL_RE.match(w) for w in words) and sent in product_sents and not whole:
        return [_Cand(start, end, "product", "context", name=_clean_name(text))]
    before = sp[run.i - 1] if run.i > 0 else None
    after = sp[run.j] if run.j < len(sp) else None
    if whole is None and ner_label.get(run.i) not in {"GPE", "LOC", "NORP"} and before is not None \
            and before.lower_ in PRODUCT_NOUNS:
        return [_Cand(start, end, "product", "context", name=_clean_name(text))]
    if whole is None and ner_label.get(run.i) not in {"PERSON", "GPE", "LOC", "NORP"}:
        if after is not None and after.lower_ in PRODUCT_NOUNS and after.text[0].islower() and len(words) <= 2 \
                and ner_label.get(run.i) not in {"ORG"}:
            return [_Cand(start, end, "product", "context", name=_clean_name(text))]
    if whole is None and before is not None and before.lower_ in ORG_NOUNS and before.text.islower() \
            and ner_label.get(run.i) not in {"GPE", "LOC"}:
        return [_Cand(start, end, "organization", "context", name=_clean_name(text))]
    proper = any(t.pos_ == "PROPN" for t in toks)
    if sent in exercise_sents and whole is None and proper and ner_label.get(run.i) not in {
            "PERSON", "GPE", "LOC", "NORP", "DATE", "CARDINAL"}:
        if not any(gaz.lookup(m.text) for m in members):
            return [_Cand(start, end, "event", "context", name=_clean_name(text))]
    if before is not None and before.lower_ in LOC_PREPS and not ner_label.get(run.i) and len(toks) <= 3 \
            and all(t.pos_ == "PROPN" and not t.text.isupper() and not _common(t) for t in toks):
        return [_Cand(start, end, "place", "context", name=_clean_name(text))]
    return None


def _paren_at(sp: Doc, j: int) -> bool:
    return j < len(sp) and sp[j].text == "("


def _tail_words(sp: Doc, j: int, end: int) -> str:
    return " ".join(t.text for t in sp[j:end] if t.text not in {"(", ")"} and not t.text.isupper())


# -- persons named after or before a title ------------------------------------------------------------

def _title_end(sp: Doc, i: int, gaz: gazetteer.Gazetteer) -> int:
    """End of a title phrase whose head word is token i: "Minister of Energy and Natural Resources"."""
    j = i + 1
    n = len(sp)
    if j < n and sp[j].lower_ == "general":
        j += 1
    while j + 1 < n and sp[j].lower_ in {"of", "for"} and _is_cap(sp[j + 1]):
        k = j + 1
        while k < n and ((_is_cap(sp[k]) and _common(sp[k])) or
                         (sp[k].lower_ == "and" and k + 1 < n and _is_cap(sp[k + 1]))):
            k += 1
        if k == j + 1:
            break
        phrase = sp[j + 1:k].text
        if gaz.lookup(phrase) or sp[j + 1].lower_ == "the" or any(gaz.lookup(t.text) for t in sp[j + 1:k]):
            break
        j = k
    return j


def _title_start(sp: Doc, i: int) -> int:
    s = i
    while s > 0 and sp[s - 1].lower_ in TITLE_MODIFIERS and sp[s - 1].text[0].isupper() == sp[i].text[0].isupper():
        s -= 1
    return s


def _person_run(sp: Doc, i: int, gaz: gazetteer.Gazetteer) -> int:
    """End of a 2-4 token person-like name starting at token i, or i when there is none."""
    j = i
    n = len(sp)
    while j < n and j - i < 4 and sp[j].text[:1].isupper() and sp[j].is_alpha and sp[j].lower_ not in TITLE_WORDS \
            and sp[j].lower_ not in MONTHS and not gaz.lookup(sp[j].text) and not sp[j].is_stop:
        j += 1
    if j - i < 2 or _head_type([t.text for t in sp[i:j]]) is not None:
        return i
    return j


def _title_person_candidates(sp: Doc, gaz: gazetteer.Gazetteer) -> tuple[list[_Cand], list[tuple[int, int, int]]]:
    """Persons named right after a title, or before one in apposition; and the title spans seen."""
    out: list[_Cand] = []
    titles: list[tuple[int, int, int]] = []   # (start token, end token, head token)
    n = len(sp)
    for tok in sp:
        if tok.lower_ not in TITLE_WORDS:
            continue
        s, e = _title_start(sp, tok.i), _title_end(sp, tok.i, gaz)
        titles.append((s, e, tok.i))
        k = e
        # "President of the Republic of Azerbaijan Ilham Aliyev": skip "of <country>"
        if k + 1 < n and sp[k].lower_ == "of":
            m = k + 1
            while m < n and (sp[m].lower_ == "the" or _is_cap(sp[m])) and not _person_run(sp, m, gaz) > m:
                m += 1
            if m > k + 1 and gaz.lookup(sp[k + 1:m].text):
                k = m
        end = _person_run(sp, k, gaz)
        if end > k:
            out.append(_Cand(sp[k].idx, sp[end - 1].idx + len(sp[end - 1].text), "person", "shape",
                             name=_clean_name(sp[k:end].text)))
            continue
        # "Mehmet Muş, the Turkish Minister of Trade": a name before ", (then) (the) <title>"
        b = s - 1
        while b >= 0 and (sp[b].lower_ in {"the", "then", "former", "current", "now", "a"}
                          or (gaz.lookup(sp[b].text) and gaz.lookup(sp[b].text).form == "demonym")):
            b -= 1
        if b >= 1 and sp[b].text == ",":
            a = b
            while a > 0 and sp[a - 1].text[:1].isupper() and sp[a - 1].is_alpha and b - a < 4:
                a -= 1
            if b - a >= 2 and _person_run(sp, a, gaz) == b:
                out.append(_Cand(sp[a].idx, sp[b - 1].idx + len(sp[b - 1].text), "person", "shape",
                                 name=_clean_name(sp[a:b].text)))
    return out, titles


# -- lowercase agreements ("the preferential trade agreement", "deal on cooperation in ...") ----------

def _agreement_candidates(sp: Doc, sign_sents: set[int]) -> list[_Cand]:
    out = []
    for tok in sp:
        if tok.text not in AGREEMENT_HEADS or tok.tag_ not in {"NN"} or tok.sent.start_char not in sign_sents:
            continue
        mods = [c for c in tok.lefts if c.dep_ in {"amod", "compound", "nmod"} and c.text.islower()
                and c.lower_ not in {"new", "this", "that", "important", "major", "such", "other", "same"}]
        start = min([m.i for m in mods], default=tok.i)
        if any(sp[k].text[:1].isupper() or not sp[k].is_alpha for k in range(start, tok.i)):
            continue
        end = tok.i + 1
        preps = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ in {"on", "of"} and c.i == tok.i + 1]
        if preps:
            sub = [t for t in preps[0].subtree]
            stop = next((t.i for t in sub if t.text in {",", "(", ";"} or t.lower_ in {"which", "that", "signed"}
                         or t.pos_ == "VERB"), sub[-1].i + 1)
            end = max(end, stop)
        content = [t for t in sp[start:end] if t.is_alpha and not t.is_stop]
        if not ((len(mods) >= 2 or (preps and len(content) >= 3)) and end - start >= 3):
            continue
        # a name inside keeps its own mention: "declaration on the formation of the [High-Level ... Council]"
        cut = next((k for k in range(tok.i + 1, end) if _is_cap(sp[k])), end)
        while cut > tok.i + 1 and sp[cut - 1].lower_ in {"the", "of", "on", "a", "an"}:
            cut -= 1
        out.append(_Cand(sp[start].idx, sp[cut - 1].idx + len(sp[cut - 1].text), "agreement", "shape",
                         name=_clean_name(sp[start:end].text)))
    return out


# -- acronym definitions ------------------------------------------------------------------------------

def _sh_match(short: str, long: str) -> bool:
    """Schwartz & Hearst: the acronym's letters appear in order in the long form, the first at a word start."""
    s = [c for c in gazetteer.fold(short).lower() if c.isalnum()]
    lf = gazetteer.fold(long).lower()
    if not s or len(lf.split()) > max(len(s) + 5, 2 * len(s)):
        return False
    si, li = len(s) - 1, len(lf) - 1
    while si >= 0:
        c = s[si]
        while li >= 0 and (lf[li] != c or (si == 0 and li > 0 and lf[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return False
        si -= 1
        li -= 1
    return True


@dataclass
class _Acronyms:
    """What the text defines: acronym -> (entity name, type), and alternative names -> name."""

    expand: dict[str, tuple[str, str]]
    cands: list[_Cand]
    alias_of: dict[str, str]


def _acronym_candidates(text: str, sp: Doc, cands: list[_Cand], runs: list[_Run],
                        gaz: gazetteer.Gazetteer) -> _Acronyms:
    by_end: dict[int, list[_Cand]] = defaultdict(list)
    for c in cands:
        if c.form in {"name", "acronym"}:
            by_end[c.end].append(c)
    run_by_end = {sp[r.j - 1].idx + len(sp[r.j - 1].text): r for r in runs}
    expand: dict[str, tuple[str, str]] = {}
    out: list[_Cand] = []
    alias_of: dict[str, str] = {}
    ext_end: dict[int, str] = {}   # char offset where a defined name (with its tail) ends -> its name
    cur = _currency_words()
    for m in ACRONYM_RE.finditer(text):
        acr = m.group(1).rstrip(".")
        if sum(c.isupper() for c in acr) < 2 or acr.upper() in {"USD", "EUR"} or key(acr) in cur:
            continue
        if gazetteer.load().lookup(acr) and gazetteer.load().lookup(acr).type == "country":
            continue
        lend = m.start()
        while lend > 0 and text[lend - 1] in " \t":
            lend -= 1
        long_c = sorted(by_end.get(lend, []), key=lambda c: (c.strength, c.end - c.start), reverse=True)
        long_c = [c for c in long_c if c.type not in {"person"}]
        tail_end, tail_type = _lower_tail(sp, _tok_at(sp, m.end()))
        chosen: _Cand | None = None
        if long_c:
            c = long_c[0]
            if _sh_match(acr, text[c.start:c.end]) or (acr.isupper() and c.type in {"organization", "event",
                                                                                        "infrastructure", "agreement"}):
                chosen = c
        if chosen is None and lend in run_by_end:
            r = run_by_end[lend]
            long_text = sp[r.i:r.j].text
            if _sh_match(acr, long_text) and not gaz.lookup(long_text):
                chosen = _Cand(sp[r.i].idx, lend, tail_type or "organization", "acronym", name=_clean_name(long_text))
        if chosen is None:
            continue
        name = chosen.entity or _clean_name(text[chosen.start:chosen.end])
        typ = chosen.type
        tail = ""
        if tail_type is not None and not chosen.entity:
            tail = " " + _tail_words(sp, _tok_at(sp, m.end()), tail_end)
            typ = tail_type if _head_type(name.split()) is None else typ
        full = chosen.entity or _clean_name(name + tail)
        known = gaz.lookup(acr)
        if known is not None and known.type == typ:
            full = known.canonical   # "Organization for Turkic States (OTS)" is the OTS
        expand[acr] = (full, typ)
        out.append(replace(chosen, source="acronym", type=typ, entity=full, name=full))
        out.append(_Cand(m.start(1), m.start(1) + len(m.group(1).rstrip(".")), typ, "acronym", form="acronym",
                         entity=full, name=full))
        ext_end[sp[tail_end - 1].idx + len(sp[tail_end - 1].text) if tail else m.end()] = full
    # "ACR (Long form, ...)": TANAP (Trans-Anatolian gas pipeline, operations started in 2018)
    for m in re.finditer(r"\b([A-ZÇĞİÖŞÜ]{2,10})\s*\(\s*([A-Z][^,;()]{3,120}?)\s*[,;)]", text):
        acr, long_text = m.group(1), m.group(2)
        if acr in expand or not _sh_match(acr, long_text) or gaz.lookup(acr):
            continue
        ls = m.start(2)
        le = ls + len(long_text)
        inner = [c for c in cands if c.start >= ls and c.end <= le and c.type != "country"]
        typ = _head_type(long_text.split()) or next((LOWER_HEADS[w] for w in reversed(long_text.split())
                                                     if w in LOWER_HEADS), None)
        if typ is None and inner:
            typ = max(inner, key=lambda c: c.end - c.start).type
        if typ is None:
            continue
        full = _clean_name(long_text)
        expand[acr] = (full, typ)
        out.append(_Cand(m.start(1), m.end(1), typ, "acronym", form="acronym", entity=full, name=full))
        out.append(_Cand(ls, le, typ, "acronym", entity=full, name=full))
    # an alternative name in parentheses right after a defined one: "... (BTE) gas pipeline (South Caucasian ...)"
    for end, full in ext_end.items():
        opening = re.match(r"\s{0,2}\(", text[end:end + 4])
        if not opening:
            continue
        ps = end + opening.end() - 1
        pe = text.find(")", ps)
        inner = [c for c in cands if c.start == ps + 1 and c.end == pe and c.form == "name"]
        for c in inner:
            alias_of[key(c.name or text[c.start:c.end])] = full
    # every other use of a defined acronym
    for acr, (full, typ) in expand.items():
        for m in re.finditer(r"(?<![\w-])" + re.escape(acr) + r"(?![\w])", text):
            out.append(_Cand(m.start(), m.end(), typ, "gazetteer", form="acronym", entity=full, name=full))
    return _Acronyms(expand, out, alias_of)


def _tok_at(sp: Doc, char: int) -> int:
    for t in sp:
        if t.idx >= char:
            return t.i
    return len(sp)


# -- settling overlaps -----------------------------------------------------------------------------

def _select(cands: Iterable[_Cand], taken: list[_Cand] | None = None) -> list[_Cand]:
    chosen = list(taken or [])
    occupied = [(c.start, c.end) for c in chosen]
    for c in sorted(cands, key=lambda c: (-c.strength, -(c.end - c.start), c.start)):
        if c.end <= c.start or any(c.start < e and s < c.end for s, e in occupied):
            continue
        chosen.append(c)
        occupied.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


# -- capitals: the government or the city --------------------------------------------------------------

def _capital_is_government(sp: Doc, c: _Cand) -> bool:
    span = sp.char_span(c.start, c.end, alignment_mode="expand")
    if span is None:
        return False
    if span.start > 0 and sp[span.start - 1].lower_ in {"capital", "city", "town", "of"}:
        return False
    tok = span.root
    seen = 0
    while tok.dep_ == "conj" and seen < 6:   # "Ankara and Baku signed": take the first conjunct's role
        tok = tok.head
        seen += 1
    if tok.dep_ in {"nsubj", "nsubjpass", "poss", "dobj", "agent"}:
        return tok.dep_ != "dobj" or tok.head.lemma_ in {"support", "urge", "accuse", "warn", "help", "back",
                                                        "criticize", "criticise", "call", "join", "persuade"}
    if tok.dep_ == "pobj" and tok.head.lower_ in GOV_PREPS:
        return tok.head.lower_ != "of" or tok.head.head.lemma_ in {"position", "policy", "support", "stance",
                                                                    "interest", "government", "role"}
    return False


# -- linking names within the document -----------------------------------------------------------------

def _person_tokens(name: str) -> list[str]:
    return [key(w) for w in name.replace("-", " ").split() if key(w)]


def _link(text: str, chosen: list[_Cand], acr: _Acronyms) -> list[Mention]:
    """Give every candidate its canonical name within the document."""
    gaz = gazetteer.load()
    mentions: list[Mention] = []
    for c in chosen:
        surface = text[c.start:c.end]
        name = c.entity or c.name or _clean_name(surface)
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
        for m in ms:
            m.entity = best
    del gaz
    return mentions


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
    if typ in {"infrastructure", "place"}:
        if len(words) > 1 and words[-1].lower() in HEAD_TYPES or words[-1] in LOWER_HEADS:
            words.pop()
        while len(words) > 1 and words[-1].islower():
            words.pop()
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

def _propagate(text: str, mentions: list[Mention], persons_ok: set[str]) -> list[_Cand]:
    out = []
    surfaces: dict[str, Mention] = {}
    conflict: set[str] = set()
    for m in mentions:
        if m.form not in {"name", "acronym"} or m.type == "country":
            continue
        s = _clean_name(m.text)
        if len(s) < 3 or not any(c.isupper() for c in s):
            continue
        if s in surfaces and (surfaces[s].type, surfaces[s].entity) != (m.type, m.entity):
            conflict.add(s)
        surfaces.setdefault(s, m)
        if m.type == "person" and m.entity in persons_ok:
            last = m.entity.split()[-1]
            if len(last) >= 3 and last not in surfaces:
                surfaces[last] = m
    for s, m in surfaces.items():
        if s in conflict:
            continue
        for hit in re.finditer(r"(?<![\w-])" + re.escape(s) + r"(?![\w-])", text):
            out.append(_Cand(hit.start(), hit.end(), m.type, "propagated", form=m.form, entity=m.entity,
                             name=m.entity))
    return out


# -- titles -------------------------------------------------------------------------------------------

def _title_mentions(sp: Doc, titles: list[tuple[int, int, int]], mentions: list[Mention]) -> list[Mention]:
    """A title next to a person ("Turkish President Recep Tayyip Erdogan"; "X, the Minister of Trade")."""
    persons = sorted((m for m in mentions if m.type == "person" and m.form == "name"), key=lambda m: m.start)
    occupied = [(m.start, m.end) for m in mentions]
    out = []
    for s, e, _head in titles:
        span = sp[s:e]
        a, b = span.start_char, span.end_char
        if any(a < y and x < b for x, y in occupied):
            continue
        after = next((p for p in persons if 0 <= p.start - b <= 40 and "." not in sp.text[b:p.start]
                      and not re.search(r"\b(?:and|said|says|told)\b", sp.text[b:p.start])), None)
        before = next((p for p in reversed(persons) if 0 <= a - p.end <= 30
                       and re.fullmatch(r",\s*(?:(?:then|the|former|current|now|a|an)\s+)*(?:\w+\s+)?",
                                        sp.text[p.end:a])), None)
        person = after if after is not None and re.fullmatch(r"[\s\w’'.,-]*", sp.text[b:after.start]) else before
        if person is None:
            continue
        out.append(Mention(text=span.text, start=a, end=b, type="person", entity=person.entity, form="title"))
        occupied.append((a, b))
    return out


# -- the extractor --------------------------------------------------------------------------------------

def find_mentions(ctx: Context) -> list[Mention]:
    """Non-overlapping entity mentions of the document's clean text, typed and linked, in text order."""
    text, sp = ctx.doc.text, ctx.sp
    gaz = gazetteer.load()
    ner_label = {t.i: t.ent_type_ for t in sp if t.ent_type_}
    exercise_sents = _sentences_with(sp, EXERCISE_WORDS)
    product_sents = _sentences_with(sp, PRODUCT_NOUNS)
    sign_sents = _sentences_with(sp, SIGN_VERBS)

    gaz_c = _gazetteer_candidates(text)
    ner_c = _ner_candidates(sp, gaz)
    shape_c, runs = _shape_candidates(sp, gaz, ner_label, exercise_sents, product_sents)
    person_c, titles = _title_person_candidates(sp, gaz)
    agree_c = _agreement_candidates(sp, sign_sents)
    base = [*gaz_c, *ner_c, *shape_c, *person_c, *agree_c]
    acr = _acronym_candidates(text, sp, base, runs, gaz)
    chosen = _select([*base, *acr.cands])
    chosen = [c for c in chosen if _keep(text, c, sp)]
    chosen = _drop_heading_guesses(text, chosen)

    # capitals: a government only where its country is named in the text too
    named = {c.entity for c in chosen if c.type == "country" and c.form in {"name", "acronym"}}
    for c in chosen:
        if c.form == "capital":
            if c.entity in named and _capital_is_government(sp, c):
                continue
            c.type, c.form, c.entity = "place", "name", c.place
    chosen = [c for c in chosen if c.form != "demonym" or c.entity in named]

    chosen = _merge_subsidiaries(text, chosen)
    mentions = _link(text, chosen, acr)
    persons_ok = {m.entity for m in mentions if m.type == "person" and len(m.entity.split()) >= 2}
    more = _propagate(text, mentions, persons_ok)
    if more:
        chosen = _select(more, chosen)
        mentions = _link(text, chosen, acr)
    mentions = _drop_lone_surnames(mentions, sp)
    mentions += _title_mentions(sp, titles, mentions)
    return sorted(mentions, key=lambda m: m.start)


def _heading_spans(text: str) -> list[tuple[int, int]]:
    """Lines that read as headings: short, no final punctuation."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip()
        if line and len(line.split()) <= 12 and not re.search(r"[.!?:;»”\"')]$", line):
            out.append((m.start(), m.end()))
    return out


def _drop_heading_guesses(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """A tagger's or context guess found only in headings ("Growing Distance") is not kept."""
    heads = _heading_spans(text)
    if not heads:
        return chosen

    def in_heading(c: _Cand) -> bool:
        return any(a <= c.start and c.end <= b for a, b in heads)

    outside = {key(c.name or text[c.start:c.end]) for c in chosen if not in_heading(c)}
    return [c for c in chosen if c.source not in {"ner", "context"} or not in_heading(c)
            or key(c.name or text[c.start:c.end]) in outside]


def _merge_subsidiaries(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """"SOCAR Türkiye", "BP Azerbaijan": an organisation's name followed by a country names another one."""
    out: list[_Cand] = []
    for c in chosen:
        prev = out[-1] if out else None
        if prev is not None and prev.type == "organization" and c.type == "country" and c.form == "name" \
                and text[prev.end:c.start] == " " and text[prev.start:prev.end].isupper():
            name = _clean_name(text[prev.start:c.end])
            out[-1] = _Cand(prev.start, c.end, "organization", prev.source, name=name)
            continue
        out.append(c)
    return out


def _keep(text: str, c: _Cand, sp: Doc) -> bool:
    """Junk filter: generic words, numbers, lowercase fragments, single letters."""
    surface = text[c.start:c.end]
    name = c.entity or c.name or surface
    k = key(name)
    if re.search(r"[\[\]|={}<>/\\@#]", name):
        return False   # markup, citations and credits, not names
    if not k or k in GENERIC or len(k) < 2 or k.isdigit() or re.fullmatch(r"no \d+", k) or re.match(r"\d{4}[a-z]", k):
        return False
    if c.type != "event" and _has_amount(name.split()):
        return False
    if c.form in {"demonym", "capital"} or c.entity:
        return True
    if not any(ch.isupper() for ch in name) and c.type != "agreement":
        return c.type == "event" and " " in name
    if name[:1].islower() and c.type not in {"agreement", "event"}:
        return False   # "post-Erdoğan"
    return not (c.type == "person" and any(w.lower() in GENERIC for w in name.split()))


def _drop_lone_surnames(mentions: list[Mention], sp: Doc) -> list[Mention]:
    """A one-word person never given a full name is kept only after a title or honorific, or when frequent."""
    counts = Counter(m.entity for m in mentions if m.type == "person")
    out = []
    for m in mentions:
        if m.type == "person" and len(m.entity.split()) == 1:
            span = sp.char_span(m.start, m.end, alignment_mode="expand")
            prev = sp[span.start - 1] if span is not None and span.start > 0 else None
            titled = prev is not None and (prev.lower_ in TITLE_WORDS or prev.lower_ in HONORIFICS)
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
        if not any(m.form in {"name", "acronym"} for m in ms):
            continue
        aliases = {_clean_name(m.text) for m in ms if m.form in {"name", "acronym"}
                   and any(ch.isupper() for ch in m.text)}
        aliases.discard(name)
        out.append(Entity(name=name, type=typ, aliases=sorted(a for a in aliases if a), docs=[doc_name]))
    return sorted(out, key=lambda e: (e.type, e.name))
