"""Name shapes: the rules that find names a tagger misses or mistypes.

Runs of capitalised words typed by their head noun ("... Agreement",
"... Ministry", "... Corridor", "... Forum"), dash-joined city routes
("Baku-Tbilisi-Kars"), a name before a lowercase head ("Shah-Deniz field"),
a name with a year ("Three Brothers 2021"), persons after or before a title,
lowercase agreements ("the preferential trade agreement"), and acronym
definitions in both orders ("Baku – Tbilisi – Ceyhan (BTC) oil pipeline",
"TANAP (Trans-Anatolian gas pipeline, ...)").  Every rule yields
``Candidate`` spans; ``entities.find_mentions`` settles overlaps between them,
the gazetteer and spaCy's entities.  The word lists are closed classes of
English (head nouns, titles), never names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from dossier import gazetteer

if TYPE_CHECKING:   # resolve() reads this module's word lists in the writer, which needs no spaCy
    from spacy.tokens import Doc, Span, Token

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
    "aerospace", "industries", "industry", "technologies", "petroleum", "shipyard",
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
    "base", "airbase",
}
HEAD_TYPES = {**{w: "organization" for w in ORG_HEADS}, **{w: "agreement" for w in AGREEMENT_HEADS},
              **{w: "event" for w in EVENT_HEADS}, **{w: "infrastructure" for w in INFRA_HEADS},
              **{w: "place" for w in PLACE_HEADS}}
# lowercase heads that may follow a name ("Shah-Deniz field", "Trans-Anatolian gas pipeline")
LOWER_HEADS = {
    "pipeline": "infrastructure", "railway": "infrastructure", "railroad": "infrastructure",
    "corridor": "infrastructure", "route": "infrastructure", "highway": "infrastructure",
    "road": "infrastructure", "refinery": "infrastructure", "bridge": "infrastructure",
    "interconnector": "infrastructure", "plant": "infrastructure", "dam": "infrastructure",
    "airport": "infrastructure", "complex": "infrastructure", "station": "infrastructure",
    "field": "place", "block": "place", "region": "place",
    "port": "place", "terminal": "place", "summit": "event", "forum": "event", "roundtable": "event", "war": "event",
    "exercise": "event", "exercises": "event", "drills": "event", "festival": "event", "conference": "event",
    "talks": "event", "agreement": "agreement", "declaration": "agreement", "treaty": "agreement",
    "deal": "agreement", "memorandum": "agreement", "accord": "agreement", "protocol": "agreement",
    "pact": "agreement",
}
_UNITS = {"army", "division", "brigade", "regiment", "corps", "fleet", "battalion", "squadron", "flotilla"}
# a town's port or terminal is a place of its own ("the Poti port")
WORKS_AT = {"port", "terminal", "harbour", "harbor"}
_COMPANY_WORKS = {"refinery", "plant", "complex", "station"}
# "line" names a line only after the kind of line it is ("the A–B ferry line", not "the A–B front line")
_LINE_KINDS = {"ferry", "rail", "railway", "shipping", "container", "freight", "power", "transmission", "cable",
               "bus", "metro", "tram", "gas", "oil", "pipeline"}
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
    "channel", "group", "monopoly", "conglomerate", "utility", "subsidiary", "affiliate",
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
    "deputy", "vice", "prime", "field", "foreign", "first", "acting", "former", "defence", "defense", "energy",
    "economy",
    "trade", "finance", "interior", "executive", "senior", "special", "general", "chief", "assistant", "state",
    "grand", "supreme", "economic", "presidential", "national", "security", "digital", "development",
}
# military ranks and their abbreviations ("Lt Gen Barshadli", "Col. Ahmadov")
MILITARY_RANKS = {"gen", "gen.", "lt", "lt.", "col", "col.", "maj", "maj.", "capt", "capt.", "brig", "brig.", "adm",
                  "adm.", "sgt", "sgt.", "cpl", "general", "lieutenant", "major", "colonel", "brigadier", "sergeant",
                  "corporal", "captain", "lieutenant-general", "major-general", "colonel-general"}
HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "madam", "sheikh", "mr.", "mrs.", "ms.", "dr.",
              *MILITARY_RANKS}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
          "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
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
MODEL_RE = re.compile(r"^(?:[A-Z][A-Za-z]{0,5}-?\d{1,4}[A-Z]?\d?|[A-Z]{1,3}\d[A-Z]\d?)$")
YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
ACRONYM_RE = re.compile(r"\(\s*([A-ZÇĞİÖŞÜ][A-Za-z0-9ÇĞİÖŞÜçğıöşü&.\-]{1,14})\s*\)")
STRENGTH = {"acronym": 6, "shape": 5, "turkish": 5, "gazetteer": 4, "context": 4, "ner": 3, "propagated": 1}


@dataclass
class Candidate:
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


def currency_words() -> set[str]:
    if not _CURRENCY_WORDS:
        _CURRENCY_WORDS.update(_currencies())
    return _CURRENCY_WORDS


# -- small helpers over tokens and text ----------------------------------------------------------

def is_cap(tok: Token) -> bool:
    t = tok.text
    return bool(t) and (t[0].isupper() or (t[0].isdigit() and any(c.isupper() for c in t)))


def shouted(tok: Token) -> bool:
    """Whether the token's sentence is written mostly in capitals (a heading, not an abbreviation)."""
    words = [t for t in tok.sent if t.is_alpha and len(t.text) > 1]
    return sum(t.text.isupper() for t in words) > len(words) / 2


def common_word(tok: Token) -> bool:
    """Whether the lowercase word is an ordinary English word (it has a vector in the model)."""
    return tok.vocab.has_vector(tok.lower_)


def is_dash(tok: Token) -> bool:
    return tok.text in DASHES


def is_year(tok: Token) -> bool:
    return bool(YEAR_RE.match(tok.text))


def clean_name(text: str) -> str:
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


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """Matching key of a name: accents, case, punctuation, dashes and a leading "the" ignored."""
    k = gazetteer.fold(name).casefold()
    k = re.sub(r"[’'`´]s\b", "", k)
    k = re.sub(r"[^\w]+", " ", k).strip()
    return re.sub(r"^the ", "", k)


def sentences_with(sp: Doc, *word_sets: set[str]) -> list[set[int]]:
    """For each set of lemmas, the start offsets of the sentences that contain one of them (one pass)."""
    found: list[set[int]] = [set() for _ in word_sets]
    for s in sp.sents:
        for t in s:
            lemma, low = t.lemma_.lower(), t.lower_
            for words, starts in zip(word_sets, found, strict=True):
                if lemma in words or low in words:
                    starts.add(s.start_char)
    return found


def plural_generic(words: list[str]) -> bool:
    """"Defense Ministries": a plural head noun names a class, not one thing."""
    head = words[-1].lower()
    return head.endswith("s") and head not in PLURAL_OK and (head[:-1] in HEAD_TYPES or head[:-3] + "y" in HEAD_TYPES)


def has_amount(words: list[str]) -> bool:
    return any(re.fullmatch(r"[\d.,]+", w) and not YEAR_RE.match(w) for w in words) or any(
        w.lower() in {"million", "billion", "bn", "mln", "thousand", "trillion"} for w in words)


def head_type(words: list[str]) -> str | None:
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
    if head == "republic" and len(words) == len(first) + 2 and words[len(first)].lower() == "of":
        return "country"   # "the self-proclaimed Republic of Artsakh" (a state the gazetteer may not list)
    typ = HEAD_TYPES.get(head)
    if typ is None:
        return None
    if head.endswith("s") and head not in PLURAL_OK and head[:-1] in HEAD_TYPES:
        return None
    return typ


# -- source 3: name shapes --------------------------------------------------------------------------

@dataclass
class _Run:
    """A run of capitalised tokens (with connectors), as token indices [i, j)."""

    i: int
    j: int


def _startable(tok: Token, gaz: gazetteer.Gazetteer) -> bool:
    low = tok.lower_
    if not is_cap(tok) or low in MONTHS or low in HONORIFICS or tok.text == "I":
        return False
    if low in TITLE_WORDS or low in PRODUCT_NOUNS:
        return False
    if tok.is_sent_start and not (tok.pos_ == "PROPN" or (tok.text.isupper() and len(tok.text) > 1)
                                  or gaz.lookup(tok.text)):
        return False
    if tok.is_stop and tok.pos_ != "PROPN":
        # "Three Brothers", "The Hague" start names; "In 2007", "During the war" do not
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and _continues(nxt) and not is_year(nxt)
    return True


def _continues(tok: Token) -> bool:
    low = tok.lower_
    return is_cap(tok) and low not in MONTHS and low not in TITLE_WORDS and low not in HONORIFICS


def _runs(sp: Doc, gaz: gazetteer.Gazetteer) -> list[_Run]:
    """Maximal runs of capitalised words joined by connectors, dashes or (in names) commas."""
    runs = []
    n = len(sp)
    i = 0
    while i < n:
        # "Six-Day War", "12-Day War": a number joined by a hyphen to a capitalised word starts the name
        numbered = sp[i].like_num and i + 2 < n and sp[i + 1].text == "-" and not sp[i + 1].whitespace_ \
            and not sp[i].whitespace_ and _startable(sp[i + 2], gaz) and not is_year(sp[i])
        if not numbered and not _startable(sp[i], gaz):
            i += 1
            continue
        j = i + 1
        last = i
        while j < n:
            t = sp[j]
            if t.is_space and is_dash(sp[j - 1]) or t.is_space and sp[j - 1].text.endswith("-"):
                j += 1
                continue
            if _continues(t) and (not t.is_sent_start or is_dash(sp[j - 1]) or sp[j - 1].text.endswith("-")
                                  or (sp[j - 1].text.endswith(".") and len(sp[j - 1].text) <= 4)):
                last = j
                j += 1
                continue
            if is_year(t) and j == last + 1 or (is_dash(t) and j + 1 < n and is_year(sp[j + 1])):
                last = j + (0 if is_year(t) else 1)
                break
            # an agreement's title runs on through small words ("Memorandum of Understanding on a Long-Term
            # Partnership in the Area of Transport")
            joins = CONNECTORS | {"a", "an", "in"} if any(
                sp[x].lower_ in AGREEMENT_HEADS | {"understanding"} for x in range(i, j)) else CONNECTORS
            if is_dash(t) or t.lower_ in joins or t.text == ",":
                # a connector joins only when capitalised words follow within two tokens
                k = j
                seen = []
                while k < n and k - j < 3 and (sp[k].lower_ in joins or is_dash(sp[k]) or sp[k].text == ","
                                               or sp[k].is_space):
                    seen.append(sp[k].lower_)
                    k += 1
                words = [w for w in seen if w.strip()]
                small = {"a", "an", "in"} & set(words)
                if small and words not in (["on", "a"], ["on", "an"], ["in", "the"]):
                    break   # (never "the Shusha Declaration in Shusha": "in" joins only "in the ...")
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
    typed = head_type(words) is not None
    parts = []
    start = run.i
    depth_of = False
    for t in toks:
        if t.lower_ in SPLITTERS:
            depth_of = True
        # "the Council of Europe and the Non-Aligned Movement": an article after "and" starts a name
        # (not "an Agreement between the A and the B")
        article_after = t.lower_ == "and" and t.i + 1 < run.j and sp[t.i + 1].lower_ == "the" \
            and not any(x.lower_ == "between" for x in sp[start:t.i])
        if t.text == "," or (t.lower_ == "and" and (not depth_of or article_after)):
            left = sp[start:t.i]
            # "the BSEC, and the Council of Europe", "the Azerbaijani Air Force, and the Azerbaijani Navy": a
            # known name or an article after the comma starts the next name of a list
            article = t.i + 2 < run.j and (sp[t.i + 1].lower_ == "the" or sp[t.i + 1].lower_ == "and"
                                           and sp[t.i + 2].lower_ == "the")
            split = t.text == "," and (not (typed and _and_after(sp, t.i, run.j)
                                            and head_type([x.text for x in left]) is None)
                                       or bool(gaz.lookup(left.text)) or article)
            if t.lower_ == "and":
                # "North – South and Zangezur Corridor": a route or a known name does not coordinate inside a name
                right = sp[t.i + 1:run.j]
                split = not typed or any(is_dash(x) for x in left) or bool(gaz.lookup(left.text)) or article_after or (
                    head_type([x.text for x in left]) is not None and head_type([x.text for x in right]) is not None)
            if split:
                if t.i > start:
                    parts.append(_Run(start, t.i))
                start = t.i + 1
    if start < run.j:
        parts.append(_Run(start, run.j))
    out = []
    for p in parts:
        i, j = p.i, p.j
        while i < j and (sp[i].lower_ in CONNECTORS or is_dash(sp[i]) or sp[i].is_space or sp[i].text == ","):
            i += 1
        while j > i and (sp[j - 1].lower_ in CONNECTORS or is_dash(sp[j - 1]) or sp[j - 1].is_space):
            j -= 1
        if j > i:
            out.append(_Run(i, j))
    return out


def _and_after(sp: Doc, i: int, j: int) -> bool:
    return any(sp[k].lower_ == "and" for k in range(i, j))


def _route_members(sp: Doc, run: _Run) -> list[Span]:
    members, start = [], run.i
    for k in range(run.i, run.j):
        if is_dash(sp[k]):
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
        if t.text == "line" and k > j and sp[k - 1].text in _LINE_KINDS:
            return k + 1, "infrastructure"
        if t.pos_ not in {"NOUN", "ADJ", "PROPN"} or t.is_stop:
            return j, None
        mods += 1
        k += 1
    return j, None


def shape_candidates(sp: Doc, gaz: gazetteer.Gazetteer, ner_label: dict[int, str],
                      exercise_sents: set[int], product_sents: set[int]) -> tuple[list[Candidate], list[_Run]]:
    """Typed candidates from capitalised runs; also every run (typed or not) for the acronym step."""
    out: list[Candidate] = []
    all_runs: list[_Run] = []
    for raw in _runs(sp, gaz):
        for run in _split_run(sp, raw, gaz):
            run = _strip_demonym(sp, run, gaz)
            run = _strip_opening_noun(sp, run)
            all_runs.append(run)
            cand = _type_run(sp, run, gaz, ner_label, exercise_sents, product_sents)
            if cand is not None:
                out.extend(cand)
    return out + _quoted_exercises(sp), all_runs


def _quoted_exercises(sp: Doc) -> list[Candidate]:
    """'the "Mustafa Kemal Atatürk-2023" exercise', '"Stefan cel Mare-2023" drills': a quoted name before an
    exercise word is the exercise's, whole, even where it starts with a person's name."""
    out = []
    for tok in sp:
        if tok.text not in _OPEN_QUOTES or tok.i + 2 >= len(sp) or not sp[tok.i + 1].text[:1].isupper():
            continue
        close = next((t.i for t in sp[tok.i + 1:tok.i + 9] if t.text in _CLOSE_QUOTES), None)
        if close is None or close == tok.i + 1 or close + 1 >= len(sp) or sp[close + 1].lower_ not in EXERCISE_WORDS:
            continue
        inner = sp[tok.i + 1:close]
        out.append(Candidate(inner.start_char, inner.end_char, "event", "shape", name=clean_name(inner.text)))
    return out


def _strip_opening_noun(sp: Doc, run: _Run) -> _Run:
    """"Construction of the BTC pipeline begins": a common noun capitalised only because it
    opens the sentence, with its "of", is not part of the name after it (a name's own head stays: "Ministry of
    Energy", "Council of Europe")."""
    first = sp[run.i]
    k = run.i + 1
    # (or a timeline item: "1993 — Construction of ...")
    opens = first.is_sent_start or (run.i > 0 and sp[run.i - 1].text in ("—", "–", ":", "•"))
    if not (opens and first.pos_ == "NOUN" and first.tag_ == "NN" and k < run.j
            and sp[k].lower_ == "of" and head_type([first.text]) is None and first.lower_ not in TITLE_WORDS):
        return run
    k += 1
    while k < run.j and sp[k].lower_ == "the":
        k += 1
    return _Run(k, run.j) if k < run.j else run


def _strip_demonym(sp: Doc, run: _Run, gaz: gazetteer.Gazetteer) -> _Run:
    """"Azerbaijani Shah-Deniz field" -> "Shah-Deniz field"; an organisation keeps it ("Turkish Ministry of Trade")."""
    if run.j - run.i < 2:
        return run
    e = gaz.lookup(sp[run.i].text)
    if e is None or e.form != "demonym":
        return run
    words = [t.text for t in sp[run.i:run.j]]
    if head_type(words) in {"organization", "agreement", "event"}:
        return run
    if is_dash(sp[run.i + 1]):
        return run
    return _Run(run.i + 1, run.j)


def _type_run(sp: Doc, run: _Run, gaz: gazetteer.Gazetteer, ner_label: dict[int, str],
              exercise_sents: set[int], product_sents: set[int]) -> list[Candidate] | None:
    toks = sp[run.i:run.j]
    words = [t.text for t in toks]
    text = toks.text
    start, end = toks.start_char, toks.end_char
    whole = gaz.lookup(text)
    members = _route_members(sp, run)
    is_route = len(members) >= 2 and all(len(m) <= 3 for m in members)
    typ = head_type(words)
    named_before = typ == "agreement" and "between" in words[1:] and len(
        [w for w in words[:words.index("between", 1)] if w[:1].isupper()]) >= 3
    if typ == "infrastructure" and "between" in words[1:] or named_before:
        # "the Prut Gas Corridor between the Black Sea and Moldova": the ends are not in a line's name;
        # nor the parties in that of an agreement with a name of its own ("the Preferential Trade
        # Agreement between A and B"; they are in a bare title's: "the Agreement between A and B on ...")
        cut = run.i + words.index("between", 1)
        while cut > run.i and (sp[cut - 1].lower_ in CONNECTORS or sp[cut - 1].is_space):
            cut -= 1
        return _type_run(sp, _Run(run.i, cut), gaz, ner_label, exercise_sents, product_sents) if cut > run.i else None
    if whole is not None and whole.type in ("infrastructure", "place") and whole.form in ("name", "acronym"):
        # a known line or field with its generic words: "Shah-Deniz field", "the BTC oil pipeline" (the name
        # keeps its standard form; the mention covers the words an adjective before it qualifies)
        tail_end, tail_type = _lower_tail(sp, run.j)
        # (not a place's own works: "the Prut power plant" is a plant, not the river)
        if tail_type in ("infrastructure", "place") and tail_end > run.j and not _paren_at(sp, run.j) \
                and not (whole.type == "place" and tail_type == "infrastructure"):
            tail_end_char = sp[tail_end - 1].idx + len(sp[tail_end - 1].text)
            if whole.type == "place" and sp[tail_end - 1].lower_ in WORKS_AT:
                # "the Batumi container terminal", "the Poti port": works at a town, not the town itself
                return [Candidate(start, tail_end_char, "place", "shape", name=clean_name(sp[run.i:tail_end].text))]
            return [Candidate(start, tail_end_char, whole.type, "shape", entity=whole.canonical)]
    if whole is not None and whole.type == "organization" and whole.form == "name" and not _paren_at(sp, run.j):
        # "the Petkim petrochemical complex", "the Gazprom plant": works a company's name is given to
        tail_end, tail_type = _lower_tail(sp, run.j)
        if tail_type == "infrastructure" and sp[tail_end - 1].lower_ in _COMPANY_WORKS:
            return [Candidate(start, sp[tail_end - 1].idx + len(sp[tail_end - 1].text), "infrastructure", "shape",
                              name=clean_name(sp[run.i:tail_end].text))]
    if whole is not None or plural_generic(words):
        return None
    if typ is not None:
        if len([w for w in words if w not in DASHES]) < 2 and typ != "event":
            return None
        if any(w.lower() in TITLE_WORDS for w in words[:1]):
            return None
        j = run.j
        if words[0].lower() in {"embassy", "consulate"} and j + 1 < len(sp) and sp[j].lower_ == "in" \
                and is_cap(sp[j + 1]):
            end = sp[j + 1].idx + len(sp[j + 1].text)
            text = sp[run.i:j + 2].text
        if run.i > 0 and re.fullmatch(r"\d+(?:st|nd|rd|th)", sp[run.i - 1].text) and (
                typ in ("place", "infrastructure") or any(w.lower() in _UNITS for w in words)):
            # "the 102nd Military Base", "the 19th Army of ...": the number is the name's (not "the 11th
            # Advisory Council", the eleventh meeting of the council)
            start, text = sp[run.i - 1].idx, sp[run.i - 1:run.j].text
        return [Candidate(start, end, typ, "shape", name=clean_name(text))]
    # a name followed by a lowercase head: "Shah-Deniz field", "Azerbaijan – Georgia – Turkey business forum"
    tail_end, tail_type = _lower_tail(sp, run.j)
    if tail_type == "place" and sp[run.j - 1].pos_ != "PROPN":
        tail_type = None
    if tail_type is not None and not any(ner_label.get(t.i) or gaz.lookup(t.text) or not common_word(t)
                                         or (t.text.isupper() and len(t.text) > 2 and not shouted(t)) for t in toks) \
            and not any(is_dash(t) for t in toks[1:-1]):
        # "Accession talks": an ordinary word, not a name ("BTC pipeline" is one, and so is a dash-joined
        # compound of capitalised words: "Trans-Anatolian pipeline")
        tail_type = None
    if tail_type is not None and tail_end > run.j:
        members_known = [gaz.lookup(m.text) for m in members]
        single_place = len(members) == 1 and (members_known[0] is not None or ner_label.get(run.i) in {"GPE", "LOC"})
        if single_place:
            if tail_type != "event" or (members_known[0] is not None and members_known[0].form == "demonym"):
                return None
            # "Istanbul summit": the place keeps its own mention; the event is named by the pair
            head_start = sp[tail_end - 1].idx if tail_end - run.j == 1 else sp[run.j].idx
            full = clean_name(sp[run.i:tail_end].text)
            return [Candidate(head_start, sp[tail_end - 1].idx + len(sp[tail_end - 1].text), "event", "shape",
                          name=full)]
        name = clean_name(sp[run.i:run.j].text + " " + _tail_words(sp, run.j, tail_end))
        return [Candidate(start, sp[tail_end - 1].idx + len(sp[tail_end - 1].text) if not _paren_at(sp, run.j)
                      else end, tail_type, "shape", name=name)]
    # a dash-joined route of places with no head: "Baku-Tbilisi-Kars"
    if is_route and len(members) >= 3:
        known = [gaz.lookup(m.text) for m in members]
        places = sum(1 for m, e in zip(members, known, strict=True)
                     if (e is not None and e.form in {"name", "capital"} and e.type in {"country", "place"})
                     or ner_label.get(m.start) in {"GPE", "LOC", "FAC"})
        countries = sum(1 for e in known if e is not None and e.type == "country" and e.form == "name")
        if places >= 2 and countries < len(members):
            return [Candidate(start, end, "infrastructure", "shape", name=clean_name(text))]
        return None
    if is_route and whole is None and all(gaz.lookup(m.text) for m in members):
        return None
    # a name followed by a year: "Three Brothers 2021", "Ephesus-2022"
    if len(words) >= 2 and YEAR_RE.match(words[-1]):
        base = [w for w in words[:-1] if w not in DASHES]
        cited = len(base) == 1 and base[0].isupper() and run.i > 0 and sp[run.i - 1].text == "("
        if base and not gaz.lookup(" ".join(base)) and base[0].lower() not in MONTHS and not cited:
            # (not a source cited in parentheses: "(SIPRI 2019, p. 88)")
            return [Candidate(start, end, "event", "shape", name=clean_name(text))]
        return None
    # products: a model designation ("Bayraktar TB2", "F-16") where weapons are talked about
    sent = toks[0].sent.start_char
    if any(MODEL_RE.match(w) for w in words) and sent in product_sents and not whole:
        first = gaz.lookup(words[0])
        if len(words) >= 3 and first is not None and first.type == "country" and first.form == "name":
            # "sold Azerbaijan Bayraktar TB2 drones": the buyer named before the model is not in its name
            return _type_run(sp, _Run(run.i + 1, run.j), gaz, ner_label, exercise_sents, product_sents)
        return [Candidate(start, end, "product", "context", name=clean_name(text))]
    before = sp[run.i - 1] if run.i > 0 else None
    after = sp[run.j] if run.j < len(sp) else None
    if whole is None and ner_label.get(run.i) not in {"GPE", "LOC", "NORP"} and before is not None \
            and before.lower_ in PRODUCT_NOUNS:
        return [Candidate(start, end, "product", "context", name=clean_name(text))]
    if whole is None and ner_label.get(run.i) not in {"PERSON", "GPE", "LOC", "NORP"}:
        if after is not None and after.lower_ in PRODUCT_NOUNS and after.text[0].islower() and len(words) <= 2 \
                and ner_label.get(run.i) not in {"ORG"}:
            return [Candidate(start, end, "product", "context", name=clean_name(text))]
    if whole is None and before is not None and before.lower_ in ORG_NOUNS and before.text.islower() \
            and ner_label.get(run.i) not in {"GPE", "LOC"}:
        return [Candidate(start, end, "organization", "context", name=clean_name(text))]
    proper = any(t.pos_ == "PROPN" for t in toks)
    if sent in exercise_sents and whole is None and proper and before is not None \
            and before.lower_ in ("codenamed", "code-named", "dubbed"):
        return [Candidate(start, end, "event", "context", name=clean_name(text))]   # "codenamed Baku Shield"
    # (nor a body's last word run into a person's name: "observed by Chief of the General Staff Metin Gürak")
    if sent in exercise_sents and whole is None and proper and not (
            before is not None and before.lower_ in ("near", "outside", "around")) and ner_label.get(run.i) not in {
            "PERSON", "GPE", "LOC", "NORP", "DATE", "CARDINAL"} and ner_label.get(run.j - 1) != "PERSON":
        if not any(gaz.lookup(m.text) for m in members):
            return [Candidate(start, end, "event", "context", name=clean_name(text))]
    if before is not None and before.lower_ in LOC_PREPS and not ner_label.get(run.i) and len(toks) <= 3 \
            and all(t.pos_ == "PROPN" and not t.text.isupper() and not common_word(t) for t in toks):
        return [Candidate(start, end, "place", "context", name=clean_name(text))]
    return None


_OPEN_QUOTES = {'"', "“", "«", "'", "‘"}
_CLOSE_QUOTES = {'"', "”", "»", "'", "’"}


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
    while j + 1 < n and sp[j].lower_ in {"of", "for"} and is_cap(sp[j + 1]):
        k = j + 1
        while k < n and ((is_cap(sp[k]) and common_word(sp[k])) or
                         (sp[k].lower_ == "and" and k + 1 < n and is_cap(sp[k + 1]))):
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
    if j - i < 2 or head_type([t.text for t in sp[i:j]]) is not None:
        return i
    return j


_PLURAL_TITLES = {"presidents", "ministers", "premiers", "chancellors", "leaders"}


def _listed_surnames(sp: Doc, i: int, gaz: gazetteer.Gazetteer) -> list[Candidate]:
    """"Presidents Aliyev and Erdoğan": the names a plural title lists, one word each (longer names are
    found as names)."""
    out, n = [], len(sp)
    while i < n and is_cap(sp[i]) and sp[i].is_alpha and sp[i].lower_ not in TITLE_WORDS and not gaz.lookup(sp[i].text):
        if i + 1 < n and is_cap(sp[i + 1]):
            return []   # ("Presidents Ilham Aliyev and ...": a full name, read as one)
        out.append(Candidate(sp[i].idx, sp[i].idx + len(sp[i].text), "person", "shape", name=sp[i].text))
        if i + 2 < n and sp[i + 1].text in (",", "and"):
            i += 2 + (sp[i + 1].text == "," and sp[i + 2].lower_ == "and")
        else:
            break
    return out if len(out) >= 2 else []


def title_person_candidates(sp: Doc, gaz: gazetteer.Gazetteer) -> tuple[list[Candidate], list[tuple[int, int, int]]]:
    """Persons named right after a title, or before one in apposition; and the title spans seen."""
    out: list[Candidate] = []
    titles: list[tuple[int, int, int]] = []   # (start token, end token, head token)
    n = len(sp)
    for tok in sp:
        if tok.lower_ in _PLURAL_TITLES and tok.text[:1].isupper():
            out += _listed_surnames(sp, tok.i + 1, gaz)
        if tok.lower_ not in TITLE_WORDS:
            continue
        s, e = _title_start(sp, tok.i), _title_end(sp, tok.i, gaz)
        titles.append((s, e, tok.i))
        k = e
        # "President of the Republic of Azerbaijan Ilham Aliyev": skip "of <country>"
        if k + 1 < n and sp[k].lower_ == "of":
            m = k + 1
            while m < n and (sp[m].lower_ == "the" or is_cap(sp[m])) and not _person_run(sp, m, gaz) > m:
                m += 1
            # (not a demonym: "Chief of the Turkish General Staff Metin Gürak" names a body, then the person)
            if m > k + 1 and (entry := gaz.lookup(sp[k + 1:m].text)) and entry.form != "demonym":
                k = m
        end = _person_run(sp, k, gaz)
        if end > k:
            out.append(Candidate(sp[k].idx, sp[end - 1].idx + len(sp[end - 1].text), "person", "shape",
                             name=clean_name(sp[k:end].text)))
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
            while a < b and sp[a].pos_ in ("VERB", "AUX", "ADV", "SCONJ"):   # "Addressing Aliyev, the premier"
                a += 1
            if b - a >= 2 and _person_run(sp, a, gaz) == b:
                out.append(Candidate(sp[a].idx, sp[b - 1].idx + len(sp[b - 1].text), "person", "shape",
                                 name=clean_name(sp[a:b].text)))
    return out, titles


# -- lowercase agreements ("the preferential trade agreement", "deal on cooperation in ...") ----------

def names_a_place(prep: Token) -> bool:
    """Whether a preposition's object is a place's name ("in Baku"), not a date ("in June") or a thing."""
    return any(o.dep_ == "pobj" and (o.pos_ == "PROPN" and o.ent_type_ != "DATE" or o.ent_type_ in ("GPE", "LOC"))
               for o in prep.children)


def agreement_candidates(sp: Doc, sign_sents: set[int]) -> list[Candidate]:
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
        preps = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ in {"on", "of"} and c.i == tok.i + 1
                 and not any(o.lemma_.lower().rstrip("s") in {"sideline", "margin", "occasion", "eve"}
                             for o in c.children if o.dep_ == "pobj")]   # "on the sidelines of": when, not what
        if preps:
            sub = [t for t in preps[0].subtree]
            # "a memorandum of understanding with Romania": the parties are not part of the name
            # ... nor where or when it was signed ("... on energy cooperation in Baku")
            stop = next((t.i for t in sub if t.text in {",", "(", ";"} or t.lower_ in {"which", "that", "signed"}
                         or t.pos_ == "VERB" or t.lower_ in {"with", "between", "among"} and t.dep_ == "prep"
                         or t.lower_ in {"in", "at"} and t.dep_ == "prep" and names_a_place(t)),
                        sub[-1].i + 1)
            end = max(end, stop)
        content = [t for t in sp[start:end] if t.is_alpha and not t.is_stop]
        if not ((len(mods) >= 2 or (preps and len(content) >= 3)) and end - start >= 3):
            continue
        # a name inside keeps its own mention: "declaration on the formation of the [High-Level ... Council]"
        cut = next((k for k in range(tok.i + 1, end) if is_cap(sp[k])), end)
        while cut > tok.i + 1 and sp[cut - 1].lower_ in {"the", "of", "on", "a", "an"}:
            cut -= 1
        out.append(Candidate(sp[start].idx, sp[cut - 1].idx + len(sp[cut - 1].text), "agreement", "shape",
                         name=clean_name(sp[start:end].text)))
    return out


# -- acronym definitions ------------------------------------------------------------------------------

def _initials(name: str) -> str:
    """The first letters of a name's capitalised words ("Organization of Turkic States": "OTS")."""
    return "".join(w[0] for w in gazetteer.fold(name).split() if w[:1].isupper())


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
class Acronyms:
    """What the text defines: acronym -> (entity name, type), and alternative names -> name."""

    expand: dict[str, tuple[str, str]]
    cands: list[Candidate]
    alias_of: dict[str, str]


def acronym_candidates(text: str, sp: Doc, cands: list[Candidate], runs: list[_Run],
                        gaz: gazetteer.Gazetteer) -> Acronyms:
    by_end: dict[int, list[Candidate]] = defaultdict(list)
    for c in cands:
        if c.form in {"name", "acronym"}:
            by_end[c.end].append(c)
    run_by_end = {sp[r.j - 1].idx + len(sp[r.j - 1].text): r for r in runs}
    expand: dict[str, tuple[str, str]] = {}
    out: list[Candidate] = []
    alias_of: dict[str, str] = {}
    ext_end: dict[int, str] = {}   # char offset where a defined name (with its tail) ends -> its name
    cur = currency_words()
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
        tail_end, tail_type = _lower_tail(sp, tok_at(sp, m.end()))
        chosen: Candidate | None = None
        if long_c:
            # the name the letters spell, else the strongest ("the Summit of the Organization of Turkic States
            # (OTS)": the organisation's acronym, not the summit's)
            c = next((c for c in long_c if _initials(text[c.start:c.end]) == gazetteer.fold(acr).upper()),
                     next((c for c in long_c if _sh_match(acr, text[c.start:c.end])), long_c[0]))
            if _sh_match(acr, text[c.start:c.end]) or (acr.isupper() and c.type in {"organization", "event",
                                                                                        "infrastructure", "agreement"}):
                chosen = c
        if chosen is None and lend in run_by_end:
            r = run_by_end[lend]
            i = r.i
            if not _sh_match(acr, sp[i:r.j].text) and i > 0 and sp[i - 1].text[:1].isupper() \
                    and sp[i - 1].is_alpha and _sh_match(acr, sp[i - 1:r.j].text) \
                    and sp[r.j - 1].lower_ not in cur:   # not "Pakistani Rupee (PKR)": a currency
                i -= 1   # "Georgian Dream (GD)": the runs leave a demonym out of a name it starts
            if not _sh_match(acr, sp[i:r.j].text) and i > 2 and sp[i - 1].lower_ in ("in", "of", "for", "on"):
                # "Treaty on Conventional Armed Forces in Europe (CFE)": the name runs on across "in"
                before = run_by_end.get(sp[i - 2].idx + len(sp[i - 2].text))
                if before is not None and _sh_match(acr, sp[before.i:r.j].text):
                    # ("... talks with X on the EU Mission in Moldova (EUMM)": not the person's name the run
                    # began with, nor the words joining it to the name)
                    k = before.i
                    while k < i - 2 and (sp[k].ent_type_ == "PERSON" or sp[k].lower_ in CONNECTORS):
                        k += 1
                    i = k if _sh_match(acr, sp[k:r.j].text) else before.i
            long_text = sp[i:r.j].text
            if _sh_match(acr, long_text) and not gaz.lookup(long_text):
                chosen = Candidate(sp[i].idx, lend, tail_type or head_type(long_text.split()) or "organization",
                                   "acronym", name=clean_name(long_text))
        if chosen is None:
            continue
        name = chosen.entity or clean_name(text[chosen.start:chosen.end])
        typ = chosen.type
        tail = ""
        if tail_type is not None and not chosen.entity:
            tail = " " + _tail_words(sp, tok_at(sp, m.end()), tail_end)
            typ = tail_type if head_type(name.split()) is None else typ
        full = chosen.entity or clean_name(name + tail)
        known = gaz.lookup(acr)
        if known is not None and known.type == typ:
            full = known.canonical   # "Organization for Turkic States (OTS)" is the OTS
        expand[acr] = (full, typ)
        out.append(replace(chosen, source="acronym", type=typ, entity=full, name=full))
        out.append(Candidate(m.start(1), m.start(1) + len(m.group(1).rstrip(".")), typ, "acronym", form="acronym",
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
        typ = head_type(long_text.split()) or next((LOWER_HEADS[w] for w in reversed(long_text.split())
                                                     if w in LOWER_HEADS), None)
        if typ is None and inner:
            typ = max(inner, key=lambda c: c.end - c.start).type
        if typ is None:
            continue
        full = clean_name(long_text)
        expand[acr] = (full, typ)
        out.append(Candidate(m.start(1), m.end(1), typ, "acronym", form="acronym", entity=full, name=full))
        out.append(Candidate(ls, le, typ, "acronym", entity=full, name=full))
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
            out.append(Candidate(m.start(), m.end(), typ, "gazetteer", form="acronym", entity=full, name=full))
    return Acronyms(expand, out, alias_of)


def tok_at(sp: Doc, char: int) -> int:
    """Index of the first token starting at or after ``char``."""
    span = sp.char_span(char, char + 1, alignment_mode="expand")
    if span is not None and span.start_char >= char:
        return span.start
    for t in sp[span.start if span is not None else 0:]:
        if t.idx >= char:
            return t.i
    return len(sp)


