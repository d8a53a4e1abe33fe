"""Quantities: the figures a document states about entities.

Three steps, each general grammar rather than knowledge of particular texts:

1. **Figures.**  A number grammar over the clean text reads digits and number
   words with their scale ("2.2 bn", "4.3 thousand"), currency ("USD", "$",
   "TL", "manat"), unit ("km", "bcm", "bbl. per day", "%"), range ("2-3 bn")
   and approximation ("about", "more than", "approaching").  Years, dates,
   ordinals, list numbers, durations and numbers inside names are not figures.
2. **Indicator.**  Trigger words near the figure in the parse (the closest
   wins) say what it measures: "turnover" -> trade_turnover, "invest" ->
   investment, "projects ... worth" -> contracts_value, a counted noun
   ("companies") -> companies_count, and so on.
3. **Subjects, time, modality.**  Entity mentions of the sentence fill the
   subjects; for directed indicators prepositions, possessives, demonyms and
   grammatical subjects give the order (``[from, to]``, ``[seller, buyer]``,
   ``[holder, asset]``).  ``times.time_for`` gives the time; cue words along
   the figure's governing verbs give the modality.

A parenthesised figure in another currency right after a figure ("$15 billion
(TL 485.50 billion)") is kept as a figure of its own with the same indicator,
subjects and time, and ``qualifiers["equivalent_of"]`` naming the figure it
restates; a parenthesised conversion into the same unit ("43km (26-mile)") is
dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry
from spacy.tokens import Span, Token

from dossier import gazetteer
from dossier.extract import times, turkish
from dossier.extract.context import Context, TimeExpr
from dossier.extract.entities import LEGAL_FORMS, OWNING_WORDS, state_named
from dossier.extract.name_shapes import EXERCISE_WORDS
from dossier.extract.patterns import SITE_HEADS, SUPPLIER_NOUNS, pobjs, relative_head, subject_of
from dossier.records import Mention, Quantity

# --- lexicons: words only ------------------------------------------------------------------

SCALES = {"thousand": 1e3, "thous": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6,
          "m": 1e6, "billion": 1e9, "billions": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12,
          "trln": 1e12, "tn": 1e12, "hundred": 1e2}
SHORT_SCALES = {"k", "m", "b", "mn"}  # only after a currency: "$5m", "€2bn"
NUMBER_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
                "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12}
SCALE_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2}  # only with a scale: "a million", "two billion"
CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "US $": "USD", "€": "EUR", "£": "GBP", "₺": "TRY", "₼": "AZN",
                    "₽": "RUB", "¥": "JPY", "TL": "TRY", "YTL": "TRY"}
# The usual currency of a currency word when no country adjective says otherwise.
CURRENCY_WORDS = {"dollar": "USD", "euro": "EUR", "lira": "TRY", "manat": "AZN", "ruble": "RUB", "rouble": "RUB",
                  "pound": "GBP", "yuan": "CNY", "rial": "IRR", "dram": "AMD", "lari": "GEL", "tenge": "KZT",
                  "rupee": "INR", "riyal": "SAR", "dinar": None, "dirham": "AED", "hryvnia": "UAH", "som": None}
APPROX = {
    "about": "about", "approximately": "approximately", "approx": "approximately", "around": "around",
    "roughly": "roughly", "nearly": "nearly", "almost": "nearly", "some": "about", "circa": "about", "c": "about",
    "~": "about", "over": "more than", "more than": "more than", "above": "more than", "exceeding": "more than",
    "in excess of": "more than", "at least": "at least", "well over": "more than", "just over": "more than",
    "up to": "up to", "as much as": "up to", "as many as": "up to", "as high as": "up to", "less than": "less than",
    "fewer than": "less than", "under": "less than", "below": "less than", "just under": "less than",
    "at most": "at most", "close to": "nearly", "an estimated": "estimated", "estimated": "estimated",
    "approaching": "approaching", "exceeds": "more than", "exceeded": "more than", "surpassed": "more than",
    "almost reached": "nearly",
}

TRADE = {"turnover", "trade", "commerce", "trading"}
INVEST = {"invest", "investment", "investor", "fdi", "reinvest", "allocation", "allocate"}
NEED = {"capex", "need", "require", "required", "requirement", "necessary", "needed"}
NEED_OBJECT = INVEST | {"capex", "fund", "funding", "financing", "cost", "reconstruction", "rehabilitation",
                        "restoration"}
CONTRACT = {"contract", "project", "tender", "deal", "order", "subcontract"}
ARMS = {"weapon", "arms", "armament", "munition", "ammunition", "drone", "uav", "howitzer", "missile", "artillery",
        "rocket", "helicopter", "warship", "defense", "defence", "military"}
BUY = {"buy", "purchase", "acquire", "procure", "procurement", "import", "order", "receive", "get", "obtain", "take",
       "attract", "acquisition", "importer", "buyer", "purchaser"}
SELL = {"sell", "sale", "supply", "export", "deliver", "delivery", "provide", "transfer", "ship", "send",
        "transport", "supplier", "exporter", "seller", "pump", "carry", "transit", "shipment", "flow", "invest",
        "investment", "investor", "allocate", "grant", "lend"}
SUPPLY = (SELL | BUY | {"transportation", "supplies", "export", "imports"}) - {"invest", "investment", "investor",
                                                                                "allocate", "grant", "lend"}
GAS = {"gas", "lng"}
OIL = {"oil", "crude", "petroleum", "condensate"}
CARRY_VERBS = {"carry", "transport", "deliver", "pump", "ship", "handle", "move", "transmit", "convey", "process"}
EXPAND = {"raise", "expand", "increase", "double", "triple", "boost", "bring", "extend", "upgrade"}
CARGO = {"cargo", "freight", "goods", "container", "shipment", "transit"}
CAPACITY = {"capacity", "throughput", "design", "designed", "capable", "able"}
EQUITY = {"equity", "stake", "ownership", "holding", "shareholding", "shareholder", "stakeholder"}
EQUITY_WEAK = {"share", "interest"}
NOT_EQUITY = TRADE | {"gdp", "market", "import", "export", "imports", "exports", "vote", "population", "territory",
                      "budget", "revenue", "consumption", "production", "output", "purchase", "supply"}
HOLD = {"own", "hold", "belong", "have", "control", "retain", "acquire", "buy", "purchase", "get", "receive"}
CASUALTY = {"kill", "killed", "die", "dead", "death", "wound", "wounded", "injure", "injured", "displace",
            "displaced", "flee", "evacuate", "casualty", "fatality", "missing"}
# what befalls men and machines in a war: a count of them is a figure even when small
LOSS_VERBS = {"destroy", "shoot", "down", "hit", "capture", "seize", "lose", "detain", "arrest", "kill", "sink",
              "damage", "neutralize", "neutralise", "abduct", "execute"}
PEOPLE = {"people", "person", "civilian", "soldier", "troop", "serviceman", "servicemen", "refugee", "fighter",
          "resident", "child", "man", "woman", "combatant"}
_SAME_PLURAL = {"aircraft", "personnel", "staff", "spacecraft", "hovercraft"}   # "29 combat aircraft"
COMPANIES = {"company", "firm", "business", "enterprise", "venture", "corporation", "entrepreneur"}
CONTRACT_COUNT = {"contract", "project"}
NOT_COUNTED = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "time", "percent",
               "point", "degree", "%", "per", "th", "position", "place", "rank", "fold", "o'clock", "round",
               "anniversary", "term", "age", "generation",
               # what a web page counts about itself
               "character", "word", "file", "page", "byte", "kb", "mb", "gb", "view", "comment", "like",
               "subscriber", "follower", "click", "reply", "retweet", "share", "download", "line",
               # what an argument counts about itself ("three interlinked developments", "two key factors")
               "development", "factor", "reason", "way", "aspect", "dimension", "trend", "question", "lesson",
               "scenario", "theme", "principle", "pillar", "phase", "stage", "chapter", "section", "option",
               "priority", "challenge", "dynamic", "shift", "consideration", "recommendation"}
TARGET = {"expect", "expectation", "target", "goal", "aim", "plan", "intend", "intention", "objective", "foresee",
          "envisage", "envision", "seek", "hope", "ambition", "strive", "want", "pledge", "promise", "commit",
          "agree", "purpose", "will", "shall", "should", "would"}
ESTIMATE = {"assess", "estimate", "estimation", "evaluate", "calculate", "gauge", "assessment", "est"}
FORECAST = {"forecast", "project", "projection", "predict", "prediction", "anticipate", "outlook"}
ANAPHORIC_DET = {"the", "these", "those", "its", "their", "our", "his", "her", "all", "both", "such"}
NAME_LEFT_OK = {"in", "on", "at", "by", "over", "about", "some", "nearly", "almost", "around", "approximately",
                "only", "just", "all", "the", "these", "those", "up", "until", "since", "from", "between", "more",
                "less", "than", "and", "or", "with", "to", "for", "during", "roughly", "each", "of", "another",
                "as", "but", "while", "whereas", "yet", "so", "here", "there", "its",
                "their", "our", "his", "her", "under", "below", "above", "exactly",
                "estimated", "an", "a", "total", "totaling", "totalling", "approx"}
PERSON_TYPES = {"person"}

# --- the number grammar --------------------------------------------------------------------

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?"
_SCALE = r"(?:thousand|thous\.|million|millions|mln\.?|billion|billions|bln\.?|bn|trillion|trln\.?|tn|hundred)(?![a-z])"
_SHORT = r"(?:mn|m|b|k)(?![a-z])"
_CUR_PRE = re.compile(r"(?:US\s?\$|\\?\$|€|£|₺|₼|₽|¥|\b(?:[A-Z]{3}|TL|YTL)\.?)\s?$")
_NUMBER = re.compile(r"(?<![\w.,/\-–—^])(?P<n>" + _NUM + r")(?![\d])")
_WORD_NUMBER = re.compile(
    r"\b(?P<w>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|"
    r"eight|nine))?|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|a|an|one|two)(?:\s+(?P<sc>hundred|thousand|million|billion|trillion))?\b",
    re.I)
# "per year", "a year", "/yr" after a unit (not "a year earlier": a time, "0.9 million tonnes a year earlier")
_YEARLY = r"(?:per|a|/)\s*(?:year|annum|yr|y)\b(?!\s+(?:earlier|before|ago|later))"
_UNITS: list[tuple[re.Pattern, str, float, str]] = [
    # (pattern after the number and scale, unit, factor, dimension)
    (re.compile(r"\s?(?:barrels?|bbl\.?|b)\s*(?:(?:per|a|/)\s*(?:day|d)\b|daily)|\s?(?:bpd|b/d|bbl/d)\b", re.I),
     "bbl/d", 1, "flow"),
    (re.compile(r"\s?(?:cubic\s+met(?:re|er)s|m3|m³|cu\.?\s?m)\s*(?:" + _YEARLY + r"|annually|yearly|p\.?a\.?)", re.I),
     "bcm/y", 1e-9, "flow"),
    (re.compile(r"\s?(?:bcm|bcma)\s*(?:" + _YEARLY + r"|annually|yearly|p\.?a\.?)|\s?bcm/y\b|"
                r"\s?bcma\b", re.I), "bcm/y", 1, "flow"),
    (re.compile(r"\s?(?:tonnes?|tons?|t)\s*(?:" + _YEARLY + r"|annually|yearly|p\.?a\.?)|"
                r"\s?(?:tpa|t/y)\b", re.I), "t/y", 1, "flow"),
    (re.compile(r"\s?(?:cubic\s+met(?:re|er)s|m3|m³|cu\.?\s?m)(?![\w])", re.I), "bcm", 1e-9, "volume"),
    (re.compile(r"\s?bcm\b", re.I), "bcm", 1, "volume"),
    (re.compile(r"\s?tcm\b", re.I), "bcm", 1e3, "volume"),
    (re.compile(r"\s?(?:barrels?|bbl\.?)(?![\w])", re.I), "bbl", 1, "volume"),
    (re.compile(r"\s?(?:tonnes|tons|tonne|ton)\b", re.I), "t", 1, "mass"),
    # containers, in twenty-foot equivalent units
    (re.compile(r"\s?TEUs?\s*(?:" + _YEARLY + r"|annually|yearly)"), "TEU/y", 1, "containers"),
    (re.compile(r"\s?(?:TEUs?|twenty-foot\s+equivalent\s+units?)(?![\w])"), "TEU", 1, "containers"),
    (re.compile(r"(?:\s|-)?(?:km|kilomet(?:re|er)s?)(?![\w])", re.I), "km", 1, "length"),
    (re.compile(r"(?:\s|-)?(?:miles?)(?![\w])", re.I), "km", 1.609344, "length"),
    (re.compile(r"\s?(?:%|per\s?cent\b|percent\b|pct\b)", re.I), "%", 1, "percent"),
    (re.compile(r"(?:\s|-)?(?:met(?:re|er)s?)(?![\w])", re.I), "km", 1e-3, "length"),
    # power is a capacity (in MW); energy, calibres, weights and areas are measures the vocabulary
    # does not hold: they are recognised so that "40mm launchers" or "22 billion kWh" are not counts
    # (energy first: "kilowatt-hours" is no power)
    (re.compile(r"(?:\s|-)?(?:[kMGT]Wh|(?:kilo|mega|giga|tera)watt[- ]hours?)(?![\w])"), "Wh", 1, "energy"),
    (re.compile(r"(?:\s|-)?(?:GW|gigawatts?)(?![\w])"), "MW", 1e3, "power"),
    (re.compile(r"(?:\s|-)?(?:MW|megawatts?)(?![\w])"), "MW", 1, "power"),
    (re.compile(r"(?:\s|-)?(?:kW|kilowatts?)(?![\w])"), "MW", 1e-3, "power"),
    (re.compile(r"(?:\s|-)?(?:mm|cm|millimet(?:re|er)s?|centimet(?:re|er)s?|kg|kilograms?|grams?|hectares?|ha|"
                r"sq\.?\s?km|square\s+(?:kilomet(?:re|er)s?|miles?|met(?:re|er)s?)|km2|km²|inch(?:es)?|feet|ft|"
                r"calibre|caliber)(?![\w])", re.I), "other", 1, "other"),
]
_CUR_POST = re.compile(
    r"\s?(?:(?P<adj>[A-Z][a-z]+|US|U\.S\.)\s+)?(?P<word>dollars?|euros?|liras?|lira|manats?|roubles?|rubles?|"
    r"pounds?(?:\s+sterling)?|yuan|rupees?|dinars?|rials?|riyals?|drams?|lari|tenge|soms?|hryvnias?|dirhams?)\b"
    r"|\s?(?P<code>[A-Z]{3}|TL|YTL)\b")
_PER_YEAR = re.compile(r"\s*(?:(?:per|a|an|each)\s+(?:year|annum)(?!\s+(?:earlier|before|ago|later))|annually|yearly"
                       r"|p\.a\.)\b", re.I)
# ("2.25 billion cubic metres (bcm) of gas a year": the unit's abbreviation may come between)
_PER_YEAR_AFTER = re.compile(r"(?:\s+\([^()]{1,12}\))?\s+of\s+(?:[a-z-]+\s+){0,2}[a-z-]+" + _PER_YEAR.pattern, re.I)
_APPROX_LEFT = re.compile(
    r"(?<![\w.])(?P<a>about|approximately|approx\.?|around|roughly|nearly|almost|some|circa|c\.|~|over|more\s+than|above|"
    r"exceeding|in\s+excess\s+of|at\s+least|well\s+over|just\s+over|up\s+to|as\s+much\s+as|as\s+many\s+as|"
    r"as\s+high\s+as|less\s+than|fewer\s+than|under|below|just\s+under|at\s+most|close\s+to|an\s+estimated|"
    r"estimated|approaching|exceeds|exceeded|surpassed|almost\s+reached)\s*$", re.I)
_CHANGE = re.compile(r"\b(?:ris|increas|grow|grew|fell|fall|decreas|declin|drop|jump|climb|surg|plummet|doubl|"
                     r"boost|reduc|expand|rose|went|soar|shr[iu]nk|tripl)\w*\b[^.;]{0,40}$", re.I)


@dataclass
class Figure:
    """A number with its scale, unit, range and approximation, as written."""

    start: int
    end: int
    value: float
    unit: str          # ISO 4217 code, km, bcm, bcm/y, bbl/d, bbl, t, t/y, %, or count
    dim: str           # money, length, volume, flow, mass, percent, count
    value_max: float | None = None
    approx: str | None = None
    per_year: bool = False
    scaled: bool = False
    word: bool = False
    equivalent_of: Figure | None = None
    segment: tuple[int, int] = (0, 0)  # the coordinated part of the sentence that is the figure's own
    qualifiers: dict = field(default_factory=dict)


def find_quantities(ctx: Context) -> list[Quantity]:
    """Every figure of the document that measures something about entities, as ``Quantity`` records."""
    if turkish.is_turkish(ctx.doc.language):
        return _turkish_quantities(ctx)
    figures = _find_figures(ctx)
    pair = _main_pair(ctx.mentions)
    done: dict[int, Quantity] = {}
    merged: dict[tuple, Quantity] = {}
    out: list[Quantity] = []
    for i, fig in enumerate(figures):
        if fig.equivalent_of is not None:
            base = done.get(id(fig.equivalent_of))
            if base is None or fig.dim != "money" or fig.unit == base.unit:
                continue
            q = Quantity(indicator=base.indicator, subjects=list(base.subjects), value=fig.value, unit=fig.unit,
                         sources=[ctx.doc.source(fig.start, fig.end)], value_max=fig.value_max, time=base.time,
                         modality=base.modality, approx=fig.approx, label=base.label,
                         qualifiers={**base.qualifiers,
                                     "equivalent_of": f"{base.unit} {base.value:g}"})
        else:
            siblings = [done[id(f)] for f in figures[:i] if id(f) in done and _same_sentence(ctx, f, fig)]
            fig.segment = _segment(ctx, figures, i)
            q = _quantity(ctx, fig, pair, siblings, [] if siblings else _told_before(ctx, figures, i, done))
            if q is None:
                continue
        done[id(fig)] = q
        key = q.key()
        if key in merged:
            merged[key].sources.extend(q.sources)
            continue
        merged[key] = q
        out.append(q)
    return _fold_repeats(out)


def _fold_repeats(qs: list[Quantity]) -> list[Quantity]:
    """A count told again without its time ("16 people were killed" in a quote after "Sixteen people have
    been killed ... on Sunday") is the same figure: its sources join the dated one."""
    out = []
    for q in qs:
        twin = None
        if q.time is None and q.indicator == "count":
            twins = [o for o in qs if o is not q and o.time is not None and o.indicator == q.indicator
                     and o.unit == q.unit and o.value == q.value and o.value_max == q.value_max
                     and (o.label or "").split()[-1:] == (q.label or "").split()[-1:]]
            # the nearest telling is the one retold
            twin = min(twins, key=lambda o: abs(o.sources[0].start - q.sources[0].start), default=None)
        if twin is None:
            out.append(q)
            continue
        twin.sources += [s for s in q.sources if s not in twin.sources]
        twin.subjects += [n for n in q.subjects if n not in twin.subjects]
    return out


# --- figures -------------------------------------------------------------------------------


def _find_figures(ctx: Context) -> list[Figure]:
    text = ctx.doc.text
    figs: list[Figure] = []
    taken_until = -1
    candidates = [(m.start("n"), "d", m) for m in _NUMBER.finditer(text)]
    candidates += [(m.start(), "w", m) for m in _WORD_NUMBER.finditer(text)]
    for start, kind, m in sorted(candidates, key=lambda c: c[0]):
        if start < taken_until:
            continue
        fig = _read_digits(ctx, m) if kind == "d" else _read_words(ctx, m)
        if fig is None:
            continue
        figs.append(fig)
        taken_until = fig.end
    for prev, fig in zip(figs, figs[1:], strict=False):
        gap = text[prev.end:fig.start]
        if re.fullmatch(r"\s*\(\s*(?:or\s+|about\s+|approximately\s+|some\s+|~)?", gap):
            fig.equivalent_of = prev
    return [f for f in figs if not (f.equivalent_of and f.dim == f.equivalent_of.dim and f.dim != "money")]


def _number_value(raw: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", raw):
        return float(raw.replace(",", ""))
    return float(raw.replace(",", "."))


def _read_digits(ctx: Context, m: re.Match) -> Figure | None:
    text = ctx.doc.text
    n_start, n_end = m.start("n"), m.end("n")
    raw = m.group("n")
    if _in_time(ctx, n_start, n_end) and not _CUR_PRE.search(text[max(0, n_start - 6):n_start]):
        return None
    if _excluded_digits(ctx, text, n_start, n_end, raw):
        return None
    value = _number_value(raw)
    return _read_rest(ctx, n_start, n_end, value, word=False)


def _read_words(ctx: Context, m: re.Match) -> Figure | None:
    w = m.group("w").casefold()
    sc = (m.group("sc") or "").casefold()
    if w in SCALE_WORD_NUMBERS:
        if (not sc and w != "two") or sc == "hundred":
            return None   # "two" alone may count a loss ("two helicopters were shot down"): see _counted_noun
        base = SCALE_WORD_NUMBERS[w]
        if re.search(r"\b(?:a\s+few|several|many|few)\s+$", ctx.doc.text[max(0, m.start() - 12):m.start()], re.I):
            return None
    elif "-" in w:
        tens, ones = w.split("-")
        base = NUMBER_WORDS[tens] + ["one", "two", "three", "four", "five", "six", "seven", "eight",
                                     "nine"].index(ones) + 1
    else:
        base = NUMBER_WORDS[w]
    if re.match(r"-", ctx.doc.text[m.end():m.end() + 1]):
        return None  # "three-way", "five-year"
    if ctx.entity_at(m.start(), m.end()) is not None:
        return None
    return _read_rest(ctx, m.start(), m.start() + len(m.group("w")), float(base), word=True)


def _in_time(ctx: Context, start: int, end: int) -> bool:
    return any(t.start <= start and end <= t.end for t in ctx.times)


def _excluded_digits(ctx: Context, text: str, s: int, e: int, raw: str) -> bool:
    """Numbers that are not figures: ordinals, list numbers, clock times, citations, parts of names."""
    after, before = text[e:e + 12], text[max(0, s - 40):s]
    if re.match(r"(?:st|nd|rd|th)\b|:\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\]|[A-Za-z]*\d", after):
        return True
    if re.search(r"(?:\[|\^|#|\bNo\.?\s?|\bNr\.?\s?|\btop\s|\bTop\s|\bvs?\.?\s|\bpp?\.\s?)$", before):
        return True
    if re.search(r"\bnumber\s$", before) and not re.fullmatch(r"\d{1,3}(?:,\d{3})+", raw):
        return True   # "resolution number 822"; but "the forces number 56,840 men": a count
    if re.search(r"(?:^|\n)[ \t]*(?:[-*•]\s*)?$", before) and re.match(r"[.)]\s", after):
        return True  # list numbering "1. ", "2) "
    if re.search(r"\(\s*$", before) and re.match(r"\s*\)", after):
        return True  # "(1)"
    if ctx.entity_at(s, e) is not None:
        return True  # "Bayraktar TB2", "Ephesus 2022"
    words = re.findall(r"[A-Za-z][\w.’'-]*|[^\w\s]", before)
    prev = words[-1] if words else ""
    if prev and prev[0].isupper() and prev.casefold().rstrip(".") not in NAME_LEFT_OK \
            and prev.casefold().rstrip(".") not in times.MONTHS and not _CUR_PRE.search(before) \
            and not re.search(r"(?:^|[.!?:;«\"“(•]\s*|\n\s*)" + re.escape(prev) + r"\s*$", before) \
            and prev.upper() != prev and not (ctx.mentions_in(s - len(prev) - 1, s, ("country", "organization"))
                                              and any(u.match(text[e:e + 20]) for u, *_ in _UNITS)):
        return True  # "Article 9", "Resolution 884", "Vision 2030" (not "Russia 21 bcm and Azerbaijan 9.6 bcm")
    if re.fullmatch(r"(?:1[89]|20)\d\d", raw) and not _CUR_PRE.search(before):
        nxt = text[e:e + 20]
        if not any(u.match(nxt) for u, *_ in _UNITS) and not re.match(r"\s?" + _SCALE, nxt):
            return True  # a year the time grammar left out (a name's year, "2023 export champions")
    return False


def _read_rest(ctx: Context, n_start: int, n_end: int, value: float, word: bool) -> Figure | None:
    """Scale, range, currency, unit and approximation around a number at text[n_start:n_end]."""
    text = ctx.doc.text
    start, pos = n_start, n_end
    cur = None
    pre = _CUR_PRE.search(text[max(0, n_start - 6):n_start])
    if pre and not word:
        cur = _currency_code(pre.group(0).strip().lstrip("\\"))
        if cur:
            start = n_start - len(pre.group(0))
    scale, scaled = 1.0, False
    # a short scale needs a currency ("$5m"), or people it counts ("1m displaced", "2m refugees"); else
    # "m" may be metres
    short = bool(cur) or bool(_SHORT_PEOPLE.match(text, pos))
    sm = re.compile(r"\s?(" + _SCALE + (r"|" + _SHORT if short else "") + ")", re.I).match(text, pos)
    if sm:
        scale, scaled, pos = SCALES[sm.group(1).casefold().rstrip(".")], True, sm.end()
    value *= scale
    value_max = None
    rng = _RANGE.match(text, pos)
    if rng and not word and _range_ok(text, n_start, rng):
        hi = _number_value(rng.group("n2"))
        sc2 = rng.group("sc2")
        if sc2 and not scaled:
            scale = SCALES[sc2.casefold().rstrip(".")]
            value *= scale
            scaled = True
        hi *= SCALES[sc2.casefold().rstrip(".")] if sc2 else scale
        if hi > value:
            value_max, pos = hi, rng.end()
    elif not scaled:  # "from 2 to 3 billion" as a change: the scale is shared all the same
        shared = re.compile(r"\s*(?:to|and|-|–)\s*(?:" + _NUM + r")\s?(" + _SCALE + r")", re.I).match(text, pos)
        if shared and not word:
            scale = SCALES[shared.group(1).casefold().rstrip(".")]
            value *= scale
            scaled = True
    unit, dim = (cur, "money") if cur else (None, None)
    per_year = False
    if unit is None:
        cm = _CUR_POST.match(text, pos)
        code = _post_currency(cm) if cm else None
        if code:
            unit, dim, pos = code, "money", cm.end()
    elif (cm := _CUR_POST.match(text, pos)) and _post_currency(cm) == unit:
        pos = cm.end()  # "$2.46 billion USD"
    if unit is None:
        for pat, u, factor, d in _UNITS:
            um = pat.match(text, pos)
            if um:
                unit, dim, pos = u, d, um.end()
                value *= factor
                value_max = value_max * factor if value_max is not None else None
                break
    if unit is None:
        unit, dim = "count", "count"
    py = _PER_YEAR.match(text, pos)
    # "20 million tonnes of diesel annually": the rate follows what is measured (the figure ends before it)
    py_after = None if py else _PER_YEAR_AFTER.match(text, pos)
    if py and dim in ("money", "volume", "mass") or py_after and dim in ("volume", "mass"):
        per_year = True
        pos = py.end() if py else pos
        if dim == "volume" and unit == "bcm":
            unit, dim = "bcm/y", "flow"
        elif dim == "mass":
            unit, dim = "t/y", "flow"
    if dim == "volume" and unit == "bcm" and re.search(r"\b(?:annual|yearly)\s+(?:\w+\s+){0,2}$",
                                                       text[max(0, start - 40):start], re.I):
        unit, dim = "bcm/y", "flow"
    approx = None
    am = _APPROX_LEFT.search(text[max(0, start - 25):start])
    if am:
        approx = APPROX.get(re.sub(r"\s+", " ", am.group("a").casefold()).rstrip("."), am.group("a").casefold())
    elif text[pos:pos + 1] == "+":
        approx, pos = "more than", pos + 1
    if dim == "count" and not scaled and value != int(value):
        return None  # a bare decimal without unit measures nothing we know
    # 4.1 × 1e9 is 4099999999.9999995 in binary floating point: keep the digits the text gave
    value = float(f"{value:.12g}")
    value_max = float(f"{value_max:.12g}") if value_max is not None else None
    return Figure(start=start, end=pos, value=value, unit=unit, dim=dim, value_max=value_max, approx=approx,
                  per_year=per_year, scaled=scaled, word=word)


# "1m people", "1.2m barrels", "2.5m tonnes": a short scale before people or goods measured
_SHORT_PEOPLE = re.compile(r"(?:mn|m|k)\s+(?:people|persons|civilians|refugees|displaced|killed|dead|wounded|"
                           r"injured|homeless|migrants|barrels?|tonnes?|tons|cubic\s+met(?:re|er)s)\b", re.I)
_RANGE = re.compile(r"\s?(?:-|–|—|to|and)\s?(?:US\s?\$|\\?\$|€|£|USD\s|AZN\s|TL\s)?(?P<n2>" + _NUM
                    + r")(?![\d])(?:\s?(?P<sc2>" + _SCALE + r"|bn|mn))?", re.I)


def _range_ok(text: str, n_start: int, rng: re.Match) -> bool:
    link = rng.group(0).strip().split()[0].casefold() if rng.group(0).strip() else ""
    before = text[max(0, n_start - 60):n_start]
    if link.startswith("and"):
        return bool(re.search(r"\bbetween\s+(?:\S+\s+)?$", before, re.I))
    if link.startswith("to"):
        return not _CHANGE.search(before) and bool(re.search(r"\b(?:from|between)\s+(?:\S+\s+)?$", before, re.I)
                                                   or rng.group("sc2"))
    return True


def _currency_code(token: str) -> str | None:
    token = token.rstrip(".").replace(" ", "")
    if token in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[token]
    if token.endswith("$"):
        return "USD" if token.startswith("US") else None
    if re.fullmatch(r"[A-Z]{3}", token) and pycountry.currencies.get(alpha_3=token):
        return token
    return None


def _post_currency(m: re.Match) -> str | None:
    if m.group("code"):
        return _currency_code(m.group("code"))
    word = m.group("word").casefold().split()[0]
    word = {"roubles": "rouble", "rubles": "ruble"}.get(word, word)
    word = word[:-1] if word.endswith("s") and word[:-1] in CURRENCY_WORDS else word
    adj = (m.group("adj") or "").replace(".", "")
    if adj:
        if adj in ("US", "American") and word == "dollar":
            return "USD"
        for c in pycountry.currencies:
            parts = c.name.casefold().split()
            if parts[-1].rstrip("s") == word and any(p[:5] == adj.casefold()[:5] for p in parts[:-1] if len(p) > 3):
                return c.alpha_3
    return CURRENCY_WORDS.get(word)


# --- from a figure to a quantity -----------------------------------------------------------


@dataclass
class _Site:
    """Where a figure sits in the parse."""

    sent: Span
    root: Token
    toks: set[int]


def _site(ctx: Context, fig: Figure) -> _Site | None:
    span = ctx.sp.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    first, last = span[0].sent, span[-1].sent
    if first.start != last.start:  # "1.2 mln bbl. per day": the parser cut the sentence at "bbl."
        span = ctx.sp[span.start:first.end]
        return _Site(sent=ctx.sp[first.start:last.end], root=span.root, toks={t.i for t in span})
    return _Site(sent=first, root=span.root, toks={t.i for t in span})


# where one figure's part of a sentence ends and the next one's begins ("15 bcm to A and 10 bcm to B",
# "25 bcm in all, including 13 bcm to B", "A holds 58% and B 30%, with C owning the remaining 12%"; not
# "..., with the $6 billion refinery as its flagship")
_COORD = re.compile(r",?\s+(?:and|while|whereas|but|including|of\s+which)\s+|,\s+with\s+(?=[A-Z])|;\s*"
                    r"|\s+[–—]\s+(?=to\b)")


def _segment(ctx: Context, figures: list[Figure], i: int) -> tuple[int, int]:
    """The stretch of the sentence that belongs to figure i when coordination lists several figures
    ("15 bcm ... to Turkey and 10 bcm to other countries")."""
    fig = figures[i]
    sent = ctx.sentence(fig.start)
    lo, hi = sent.start_char, sent.end_char
    text = ctx.doc.text
    prev = next((f for f in reversed(figures[:i]) if f.end > lo and f.equivalent_of is None), None)
    nxt = next((f for f in figures[i + 1:] if f.start < hi and f.equivalent_of is None), None)
    if prev is not None:
        cuts = [m.start() for m in _COORD.finditer(text, prev.end, fig.start)]
        lo = cuts[-1] if cuts else lo
    if nxt is not None:
        cut = _COORD.search(text, fig.end, nxt.start)
        hi = cut.start() if cut else hi
    return lo, hi


def _same_sentence(ctx: Context, a: Figure, b: Figure) -> bool:
    return ctx.sentence(a.start).start == ctx.sentence(b.start).start


def _told_before(ctx: Context, figures: list[Figure], i: int, done: dict[int, Quantity]) -> list[Quantity]:
    """The quantities of the sentence right before figure ``i``'s, in the same paragraph (figures are in text
    order: the walk back stops at the first figure before that sentence)."""
    sb = ctx.sentence(figures[i].start)
    if sb.start == 0:
        return []
    prev = ctx.sp[sb.start - 1].sent
    out = []
    for f in reversed(figures[:i]):
        if f.start < prev.start_char:
            break
        if f.start < sb.start_char and id(f) in done and "\n\n" not in ctx.doc.text[f.start:figures[i].start]:
            out.append(done[id(f)])
    return out[::-1]


# what a level "stood at", "reached" or "rose to"
_LEVEL_VERBS = {"stand", "reach", "amount", "total", "be", "rise", "grow", "increase", "fall", "drop", "decline",
                "exceed", "climb", "jump", "top", "hit", "surpass", "decrease", "shrink"}


# what a goal is ("the goal is $15 billion"), and what brings a figure to a level ("to raise it to $15 billion")
_GOAL_NOUNS = {"goal", "target", "aim", "objective", "ambition"}
_RAISE_VERBS = {"raise", "increase", "bring", "boost", "double", "triple", "lift", "take", "push", "grow"}


def _it_goes_on(site: _Site, before: list[Quantity], unit: str) -> Quantity | None:
    """"Trade reached $4.3 billion in 2023. In January–February 2024 it stood at $612 million.": the
    figure "it" is told with is the one of the sentence before, of the same unit; so is a goal's ("Our goal
    is $15 billion", "The two countries aim to raise it to $15 billion")."""
    verb = _verb(site) or (site.root.head if site.root.head.pos_ == "AUX" else None)
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    level = _lemma(verb) in _LEVEL_VERBS and any(c.lower_ == "it" for c in subjects)
    goal = _lemma(verb) == "be" and site.root.dep_ == "attr" and any(
        _lemma(c) in _GOAL_NOUNS and not any(x.dep_ == "prep" for x in c.children) for c in subjects)
    raised = _lemma(verb) in _RAISE_VERBS and site.root.dep_ == "pobj" and site.root.head.lower_ == "to" \
        and any(c.dep_ == "dobj" and (c.lower_ in ("it", "this") or _lemma(c) == "figure") for c in verb.children)
    if not (level or goal or raised):
        return None
    return next((q for q in reversed(before) if q.unit == unit and q.indicator in (
        "trade_turnover", "investment", "gas_supply", "oil_supply", "contracts_value", "arms_sales")), None)


def _quantity(ctx: Context, fig: Figure, pair: list[str], siblings: list[Quantity],
              before: list[Quantity] = ()) -> Quantity | None:
    site = _site(ctx, fig)
    if site is None:
        return None
    label = None
    told = None
    if fig.dim == "count":
        if re.search(r"\bout\s+of\s+(?:the\s+)?$", ctx.doc.text[max(0, fig.start - 12):fig.start]):
            return None   # "ranked 41st out of 190 economies": what a rank is counted among
        noun = _counted_noun(ctx, fig, site)
        if noun is None:
            return None
        indicator, label = _count_indicator(noun)
        trigger = noun
    else:
        indicator, trigger = _indicator(ctx, fig, site)
        told = _it_goes_on(site, before, fig.unit) if indicator is None and before else None
        if told is not None:
            indicator, trigger = told.indicator, None
        elif indicator is None:
            same = [q for q in siblings if q.unit == fig.unit]
            if same and same[-1].indicator == "trade_turnover" and _one_direction(ctx, fig, site):
                return None   # "... $4.1 billion, of which exports accounted for $1.5 billion": a part of it
            if not same or fig.dim != "money" and fig.dim not in ("volume", "flow") and not (
                    same[-1].indicator == "equity_share" and (_gapped_holder(ctx, fig, _sentence_mentions(
                        ctx, site, ("organization", "country")), siblings) is not None or _held(site))):
                # (a share goes on only as "X owns 58% of Y, Z 30% and W 12%", or "..., while Z holds 35%")
                return None
            indicator, trigger = same[-1].indicator, None
    cap = next((q for q in reversed(siblings) if q.indicator == "capacity" and q.unit.startswith(fig.unit)), None) \
        if indicator == "count" and fig.unit in ("t", "t/y") else None
    expanded = _verb(site) if cap is not None else None
    if expanded is not None and _lemma(expanded) in EXPAND:
        # "can handle 15 million tonnes a year and is being expanded to 25 million tonnes": its capacity grows
        indicator, trigger, told = "capacity", None, cap
    if told is not None:   # "it stood at ...": the subjects of the figure it goes on
        subjects, quals = list(told.subjects), dict(told.qualifiers)
    else:
        subjects, quals = _subjects(ctx, fig, site, indicator, trigger, pair, siblings)
    there = _there(ctx, site, subjects) if indicator in ("companies_count", "investment", "count") else None
    if there is not None:
        # "Turkish firms employ 20,000 people in Azerbaijan. More than 4,000 Turkish companies operate there"
        subjects = [*subjects, there]
        if indicator == "investment" and "to" not in quals:
            quals["to"] = there
    if indicator in ("gas_supply", "oil_supply") and not subjects:
        # "Since 2007 the pipeline has shipped more than 3.5bn barrels": what the line carried
        verb = _verb(site)
        subj = [s for s in (verb.children if verb is not None else ()) if s.dep_ == "nsubj"]
        lines = [_name(m) for s in subj
                 for m in ctx.mentions_in(s.left_edge.idx, s.right_edge.idx + len(s.right_edge), ("infrastructure",))]
        # "In 2023 the line pumped 590,000 barrels a day": the line named before
        lines += [n for s in subj if _lemma(s) in _LINE_NOUNS and any(c.dep_ == "det" for c in s.children)
                  for n in [_line_before(ctx, s.idx, _lemma(s))] if n]
        lines += [n for s in subj if s.lower_ == "it" for n in [_line_before(ctx, s.idx)] if n]   # "it carried"
        # "through TANAP, which has delivered more than 50 bcm": the line the relative clause is said of
        lines += [n for n in [_relative_line(ctx, site)] if n and verb.dep_ == "relcl"
                  and any(s.tag_ == "WDT" for s in subj)]
        subjects = lines[:1]
    if fig.dim == "count":
        heading = _heading_subject(ctx, fig.start)
        if heading:   # a fact box: "MOLDOVA / 1,200 tanks including 140 Italian-made Arietes"
            subjects = [heading, *(n for n in subjects if n != heading)]
    toll = fig.dim == "count" and _casualties(trigger, site)
    if toll and not subjects:
        # "About 12,000 people were killed": the toll of the conflict the document is about
        subjects = list(pair)
    if fig.dim == "count" and not subjects and _HELD.intersection({_lemma(trigger), trigger.lower_}):
        # "The armed forces count 21,300 men ..., 3,100 men in the navy": forces, arms or firms
        # of the state its paragraph is about
        # ("Some 3,000 servicemen took part in the drills": the states of the exercise told before)
        topic = _paragraph_topic(ctx, fig.start, ("country",))
        subjects = _exercise_states(ctx, site) or ([topic] if topic else [])
    if fig.dim == "count" and not subjects:
        return None   # "the paper has three chapters": a count is a figure about someone or something named
    if indicator == "length" and trigger is not None and trigger.lemma_.casefold() not in ("long", "length"):
        label = _noun_phrase(trigger) if trigger.pos_ == "NOUN" else None
    unit = fig.unit
    if unit in ("t", "bcm") and any(s.unit == unit + "/y" and (s.indicator == indicator or indicator == "capacity")
                                    for s in siblings):
        # "a capacity of 5 million tons per year, to be raised to 17 million tons", "carries 16 bcm a year; an
        # expansion to 31 bcm": per year too
        unit += "/y"
    elif unit in ("t", "bcm") and indicator == "capacity" and trigger is not None and any(
            c.lower_ in ("annual", "yearly") for c in trigger.children):
        unit += "/y"   # "its annual capacity stands at 6.5 million tonnes"
    elif unit == "bbl" and indicator in ("capacity", "oil_supply") and trigger is not None and any(
            c.lower_ == "daily" for c in trigger.children):
        unit = "bbl/d"   # "its daily capacity of 1.2m barrels"
    if indicator == "count" and fig.dim == "containers":
        label = "containers"
    elif indicator == "count" and fig.dim != "count":   # tonnes of cargo
        label = _noun_phrase(trigger) if trigger is not None and trigger.pos_ == "NOUN" else "cargo"
    t = times.time_for(ctx, fig.start, fig.end, carry=True)
    if t is not None and _baseline(ctx.doc.text, fig, site) and times.deadline(ctx.doc.text, t):
        t = None   # "increased from 1.5 bcm to 2.5 bcm by 2025": the deadline is the target's, not the start's
    modality = _modality(ctx.doc.text, fig, site, indicator)
    if t is not None and modality == "actual" and fig.segment != (0, 0) and t.start >= fig.segment[1] \
            and times.deadline(ctx.doc.text, t):
        t = None   # "capacity is 10 bcm and they plan to double it to 20 bcm by 2027": the target's deadline
    if t is not None and fig.segment != (0, 0) and not fig.segment[0] <= t.start < fig.segment[1] \
            and re.search(r"\bsince\s+$", ctx.doc.text[max(0, t.start - 8):t.start]):
        t = None   # "A has invested $21 billion since 1995, while B's investment stands at $17 billion": A's start
    if t is not None and modality == "target" and t.end <= fig.start and any(
            q.modality == "actual" and q.time == t.iso for q in siblings):
        t = None   # "turnover was $6.3 billion in 2023, far short of the $15 billion goal": the year is the actual's
    if t is not None and modality == "target" and _said_when(ctx, t, site):
        t = None   # "trade is to reach $1 billion, the minister said on Tuesday": the day of saying is no deadline
    if t is not None and _present_tense(site.root) and _in_clause_of_another(ctx, t, site):
        t = None   # "The fighting, which erupted on 27 September, has killed at least 100 people": as of the report
    now = indicator == "capacity" and (_present_tense(site.root) or _can(site.root))
    if t is not None and now and t.end <= site.sent.start_char:
        t = None   # "... was opened in October 2018. The refinery can process 10 million tonnes a year": as of now
    if indicator == "count" and unit == "t" and _a_year(t):
        unit = "t/y"   # the cargo of a year is a yearly volume
    when = t.iso if t else None
    verb = next((a for a in [site.root, *site.root.ancestors] if a.pos_ in ("VERB", "AUX")), None)
    if verb is not None and ctx.doc.published and any(
            c.dep_ == "advmod" and c.lower_ in ("currently", "now", "presently", "today") for c in verb.children):
        when = ctx.doc.published   # "Romania currently sells power to 6 states, and in May 2021 signed ..."

    past_toll = toll and _past_era(ctx, site.sent)
    if when is None and past_toll:
        # "A three-day flare-up in March 2015 ... both sides have reported at least 40 dead": the toll
        # of the past war the sentence before dates
        prev = times.previous_sentence_time(ctx, fig.start)
        when = prev.iso if prev is not None else None
    elif when is None and modality == "actual" and (_present_tense(site.root) or now or re.search(
            r"\b(?:amounts?\s+to|stands?\s+at)\s+(?:[\w-]+\s+){0,2}$", ctx.doc.text[max(0, fig.start - 40):fig.start])):
        # ("investments amount to $13 billion, the minister said": the parser may take "amount" for a noun)
        when = ctx.doc.published   # "Romania currently sells power to 6 states": as of the report
    elif when is None and modality == "actual":
        # "In 2013 the ties deepened. Turnover reached USD 3 bn.": a past figure told right after the
        # one time of its paragraph's previous sentence
        prev = times.previous_sentence_time(ctx, fig.start)
        when = prev.iso if prev is not None else None
        if when is None and toll and not past_toll:
            when = ctx.doc.published   # a toll told in a dated report ("16 people have been killed"): as of it
    q = Quantity(indicator=indicator, subjects=subjects, value=fig.value, unit=unit,
                 sources=[ctx.doc.source(*_quote(ctx, fig, site, trigger))], value_max=fig.value_max,
                 time=when, modality=modality, approx=fig.approx, label=label, qualifiers=quals)
    if fig.per_year and fig.dim == "money":
        q.qualifiers["per"] = "year"
    return q


def _said_when(ctx: Context, t: TimeExpr, site: _Site) -> bool:
    """Whether the time dates a reporting verb ("said on Tuesday") other than the figure's own verb."""
    span = ctx.sp.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    own = next((a for a in [site.root, *site.root.ancestors] if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and own is not None and verb.i != own.i and verb.lemma_.casefold() in times.REPORTING


def _there(ctx: Context, site: _Site, subjects: list[str]) -> str | None:
    """The state "there" stands for in the figure's clause: the last one named after "in", "to" or "into"
    before it, in its sentence or the one before."""
    verb = next((t for t in [site.root, *site.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or not any(c.lower_ == "there" and c.dep_ == "advmod" for c in verb.children):
        return None
    text = ctx.doc.text
    prev = times.previous_sentence_bounds(ctx, site.sent.start_char)
    lo = prev[0] if prev else site.sent.start_char
    named = [m for m in ctx.mentions_in(lo, site.root.idx, ("country",)) if m.form in ("name", "acronym")
             and re.search(r"\b(?:in|to|into)\s+(?:the\s+)?$", text[max(0, m.start - 8):m.start])]
    name = _name(named[-1]) if named else None
    return name if name not in subjects else None


# what a state fields or holds, counted: its forces, arms and firms
_HELD = {"man", "men", "troop", "soldier", "serviceman", "servicemen", "personnel", "officer", "reservist", "tank",
         "vehicle", "aircraft", "helicopter", "jet", "ship", "vessel", "submarine", "boat", "minesweeper", "system",
         "battery", "gun", "launcher", "drone", "artillery", "brigade", "division", "battalion", "regiment", "base",
         "company", "bank", "firm", "enterprise"}


def _heading_subject(ctx: Context, pos: int) -> str | None:
    """The state, body or place a short line sits under: the nearest line above that is only its name
    ("ARMENIA", "Azerbaijan:"), across other short lines of the same box."""
    text = ctx.doc.text
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    if (line_end if line_end >= 0 else len(text)) - line_start > 150:
        return None   # a paragraph of prose, not a line of a box
    end = line_start
    for _ in range(10):
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end - 1) + 1
        line = text[start:end].strip()
        if line:
            if len(line) > 150:
                return None
            ms = ctx.mentions_in(start, end, ("country", "organization", "place"))
            if len(ms) == 1 and re.fullmatch(r"[\W_]*" + re.escape(ms[0].text) + r"[\W_]*", line):
                return ms[0].entity or ms[0].text
        end = start
    return None


def _present_tense(tok: Token) -> bool:
    """Whether the clause governing ``tok`` is in the present ("supplies", "has reached"), not past or future."""
    verb = next((t for t in [tok, *tok.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.tag_ == "VBD" for a in auxes):
        return False
    return verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes)


def _in_clause_of_another(ctx: Context, t: TimeExpr, site: _Site) -> bool:
    """Whether a time sits in a relative clause told before the figure, of a noun other than it."""
    span = ctx.sp.char_span(t.start, t.end, alignment_mode="expand")
    return span is not None and any(a.dep_ == "relcl" and a.i < min(site.toks) and not site.toks & {
        k.i for k in a.subtree} for a in span.root.ancestors)


def _can(tok: Token) -> bool:
    """Whether the clause governing ``tok`` tells what can be done now ("the line can carry 16 bcm a year")."""
    verb = next((t for t in [tok, *tok.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(c.dep_ == "aux" and c.lower_ == "can" for c in verb.children)


def _tree_dist(a: Token, b: Token) -> int:
    up = {t.i: k for k, t in enumerate([a, *a.ancestors])}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in up:
            return up[t.i] + k
    return 99


def _context(ctx: Context, fig: Figure, site: _Site) -> list[tuple[int, Token]]:
    """Tokens of the sentence with their distance to the figure (parse distance, or a short linear one)."""
    others = set()
    for t in site.sent:
        if t.i not in site.toks and t.like_num and not t.is_alpha:
            others.add(t.i)
    first, last = min(site.toks), max(site.toks)
    out = []
    for t in site.sent:
        if t.i in site.toks or t.i in others or t.is_punct:
            continue
        lin = first - t.i if t.i < first else t.i - last
        cost = min(_tree_dist(site.root, t), lin + 1 if lin <= 3 else 99)
        if cost <= 6:
            out.append((cost, t))
    return sorted(out, key=lambda c: (c[0], abs(c[1].i - site.root.i)))


_AWAY = re.compile(r"\s*(?:\([^)]{0,30}\)\s*)?(?:(?:to\s+the\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
                   r"(?:\s+of)?|away|from)\b", re.I)


def _distance(text: str, end: int, sent_end: int) -> bool:
    """"70 km south of the capital", "30 kilometres from the border", "40 km away": how far apart two places
    are, not how long a thing is ("runs 1,768 km from Baku to Ceyhan" measures the line)."""
    m = _AWAY.match(text, end, sent_end)
    if m is None:
        return False
    if m.group().strip().casefold() != "from":
        return True
    return not re.search(r"\b(?:to|through|via|until)\b", text[m.end():min(sent_end, m.end() + 80)])


def _lemma(t: Token) -> str:
    low = t.lower_
    if low in ("arms", "capex", "fdi", "lng", "uav", "uavs", "bcm"):
        return low.rstrip("s") if low in ("uavs",) else low
    return t.lemma_.casefold()


_GROWTH_NOUNS = {"expansion", "extension", "upgrade", "enlargement"}


def _grown(site: _Site) -> Token | None:
    """The noun of growth a figure is the end of ("an expansion to 31 bcm"; the parser may hang "to" on the
    verb: "studying an expansion to 31 bcm")."""
    to = site.root.head if site.root.dep_ == "pobj" and site.root.head.lower_ == "to" else None
    if to is None:
        return None
    for noun in (to.head, to.doc[to.i - 1] if to.i > 0 else to):
        if noun.pos_ == "NOUN" and _lemma(noun) in _GROWTH_NOUNS:
            return noun
    return None
_LENGTH_WORDS = {"long", "length", "pipeline", "railway", "road", "border", "route", "corridor", "line", "stretch",
                 "section", "highway", "railroad", "cable", "bridge", "tunnel", "track", "canal", "link",
                 "interconnector"}


def _indicator(ctx: Context, fig: Figure, site: _Site) -> tuple[str | None, Token | None]:
    """The indicator of a measured figure (money, length, volume, flow, percent) and the word that says so."""
    near = _context(ctx, fig, site)
    lemmas = {_lemma(t) for _, t in near}

    def first(words: set[str], limit: int = 6) -> tuple[int, Token | None]:
        return next(((c, t) for c, t in near if _lemma(t) in words and c <= limit), (99, None))

    if fig.dim == "length":
        if _distance(ctx.doc.text, fig.end, site.sent.end_char):
            return None, None
        ancestors = {a.i for a in site.root.ancestors}
        tok = next((t for c, t in near if c <= 6 and _lemma(t) in _LENGTH_WORDS and not (
            # (not an end or a waypoint: "runs 878 km from the Greek–Turkish border through Greece")
            t.i not in ancestors and t.dep_ == "pobj" and t.head.lower_ in ("from", "to", "through", "via", "across"))),
            None)
        return "length", tok
    if fig.dim == "percent":
        c, tok = first(EQUITY)
        if tok is None:
            c, tok = first(EQUITY_WEAK, 3)
            if tok is not None and lemmas & NOT_EQUITY:
                tok = None
        if tok is None:
            tok = _owned_part(ctx, site)
        if tok is None:
            tok = _listed_holder(ctx, fig, site)
        if tok is None:
            return None, None
        held = site.root.head if site.root.dep_ == "dobj" and _lemma(site.root.head) in ("own", "hold", "control") \
            else None
        if held is not None and not _in_segment(fig, tok) and _in_segment(fig, held):
            tok = held   # "A's share stands at 21% and B holds 20%": B's share is told by its own verb
        return "equity_share", tok
    grown = _grown(site)
    if fig.dim in ("flow", "volume", "mass") and grown is not None:
        return "capacity", grown   # "an expansion to 31 bcm": what the line will be able to carry
    if fig.dim in ("flow", "volume", "mass"):
        cap = first(CAPACITY)
        sup = first(SUPPLY)
        cargo = first(CARGO)
        verb = _verb(site)
        moves = verb is not None and _lemma(verb) in CARRY_VERBS | {"handle", "process"}
        able = moves and (any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in verb.children) or (
            any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and _lemma(verb.head) in EXPAND))
        # (a capacity told in a clause of its own is another figure's: "handled 6.9 million tonnes last year and
        # plans to raise its capacity to 25 million tonnes")
        if fig.unit in ("t", "t/y") and not lemmas & (GAS | OIL) and (cap[1] is None or not _in_segment(fig, cap[1])) \
                and moves:
            # "the port can handle 15 million tonnes of cargo a year", "upgraded to handle 5 million tonnes":
            # what it is able to move; "the railway carried 1.1 million tonnes in 2023": goods it moved
            return ("capacity", verb) if able else ("count", cargo[1] or verb)
        if fig.unit in ("t", "t/y") and cargo[1] is not None and cargo[0] < cap[0] and not _measures(cap[1], site):
            return "count", cargo[1]   # "carried 4.5 million tonnes of cargo": a volume of goods moved
        if fig.unit in ("t", "t/y") and not lemmas & (GAS | OIL) and cap[1] is None:
            vol = first({"volume", "traffic"}, 4)
            if vol[1] is not None:
                return "count", vol[1]   # "expects volumes to reach 10 million tonnes a year by 2030"
        oil = bool(lemmas & OIL) or fig.unit in ("bbl", "bbl/d", "t", "t/y") and not lemmas & GAS
        supply = "oil_supply" if oil else "gas_supply"
        if cap[1] is not None and cap[0] <= sup[0] + 1:
            return "capacity", cap[1]
        # "the pipeline can carry 10 bcm a year": what it is able to move is its capacity
        if verb is not None and _lemma(verb) in CARRY_VERBS and any(
                c.dep_ == "aux" and c.lower_ in ("can", "could") for c in verb.children):
            return "capacity", verb
        # (barrels are of oil: "the line pumped 590,000 barrels a day" in a past year; "the pipeline carries 1.2
        # million barrels a day", in the present, tells what it can carry)
        moved = fig.unit.startswith("bbl") and verb is not None and verb.tag_ in ("VBD", "VBN")
        if sup[1] is not None and (lemmas & (GAS | OIL) or fig.unit.startswith("bcm") or moved):
            return supply, sup[1]
        if fig.dim == "flow" and ctx.mentions_in(site.sent.start_char, site.sent.end_char, ("infrastructure",)):
            return "capacity", None
        return None, None
    if fig.dim == "containers":
        # "can handle 100,000 TEU a year": a capacity; "traffic doubled to 45,000 TEU": containers moved
        cap = first(CAPACITY)
        verb = _verb(site)
        able = verb is not None and any(c.dep_ == "aux" and c.lower_ in ("can", "could") for c in verb.children)
        return ("capacity", cap[1] or verb) if cap[1] is not None or able else ("count", None)
    if fig.dim == "power":
        return "capacity", first(CAPACITY | {"plant", "station", "farm", "park", "reactor", "unit"})[1]
    if fig.dim != "money":
        return None, None
    hits: list[tuple[int, int, str, Token]] = []
    for prio, (ind, words) in enumerate([("arms_sales", ARMS), ("investment_need", {"capex"} | NEED),
                                         ("investment", INVEST), ("contracts_value", CONTRACT),
                                         ("trade_turnover", TRADE)]):
        c, tok = first(words)
        if tok is None:
            continue
        if ind == "arms_sales" and not (lemmas & (BUY | SELL | {"worth", "contract", "deal", "agreement"})):
            continue
        if ind == "arms_sales" and _lemma(tok) in ("defense", "defence", "military") and not lemmas & (
                BUY | SELL | {"contract", "deal", "agreement", "equipment", "product"}):
            continue
        if ind == "investment_need" and _lemma(tok) != "capex" and not lemmas & NEED_OBJECT:
            continue
        if ind == "trade_turnover" and _one_direction(ctx, fig, site) and not _in_segment(fig, tok):
            continue   # "trade totalled $4.1 billion, of which exports accounted for $1.5 billion": one direction
        hits.append((c, prio, ind, tok))
    if hits:
        c, _, ind, tok = min(hits)
        if ind == "investment" and _lemma(tok.head) in NEED and any(h[2] == "investment_need" for h in hits):
            ind = "investment_need"   # "the corridor needs investment of $18.5 billion": what it needs
        arms = next((h for h in hits if h[2] == "arms_sales"), None)
        if ind == "contracts_value" and arms is not None and lemmas & (BUY | SELL):
            return "arms_sales", arms[3]   # "a $1 billion deal to buy 48 Turkish drones": a deal for arms
        if ind == "contracts_value" and any(_arms_goods(o) for h in site.sent for o in pobjs(h, {"for"})):
            # "a $150 million contract with X for air defence radars", "... for electronic warfare systems": a
            # contract for arms
            return "arms_sales", tok
        return ind, tok
    c, tok = first(SUPPLY, 4)
    # money for gas or oil sold ("gas exports worth $2 billion", "exports of crude brought $5 billion"); not
    # all trade one way that the sentence says is mostly gas ("imports stood at $4 billion, mostly gas")
    goods = {_lemma(o) for k in (tok.children if tok is not None else ())
             for o in ([o for o in k.children if o.dep_ == "pobj"] if k.dep_ == "prep" else [k])}
    if goods & (GAS | OIL):
        return ("oil_supply" if goods & OIL and not goods & GAS else "gas_supply"), tok
    return None, None


_KIT = {"system", "equipment", "vehicle", "aircraft", "vessel", "ship", "boat", "gear"}
_MILITARY = {"warfare", "defence", "defense", "military", "combat", "missile", "artillery", "armoured", "armored"}


def _arms_goods(tok: Token) -> bool:
    """Arms named by a noun ("howitzers", "radars") or by what a piece of kit is for ("electronic warfare
    systems", "armoured vehicles")."""
    lemma = _lemma(tok)
    return lemma in ARMS - {"defense", "defence", "military"} | {"radar"} or lemma in _KIT and any(
        c.dep_ in ("compound", "amod") and _lemma(c) in _MILITARY for c in tok.children)


def _one_direction(ctx: Context, fig: Figure, site: _Site) -> bool:
    """Whether the figure's own part of the sentence (after "of which", "while", ...) names exports or
    imports alone: a flow one way, not trade."""
    lo, hi = fig.segment if fig.segment != (0, 0) else (site.sent.start_char, site.sent.end_char)
    said = {_lemma(t) for t in site.sent if lo <= t.idx < hi}
    return len(said & {"export", "import"}) == 1


def _in_segment(fig: Figure, tok: Token) -> bool:
    return fig.segment == (0, 0) or fig.segment[0] <= tok.idx < fig.segment[1]


def _verb(site: _Site) -> Token | None:
    """The verb of the figure's clause: the nearest verb at or above it."""
    return next((t for t in [site.root, *site.root.ancestors] if t.pos_ == "VERB"), None)


def _held(site: _Site) -> bool:
    """"..., while the government holds 35.3%": a percentage that is what its clause's subject holds."""
    verb = _verb(site)
    return verb is not None and _lemma(verb) in ("hold", "own", "control", "retain") and site.root.dep_ == "dobj" \
        and site.root.head.i == verb.i and any(c.dep_ == "nsubj" for c in verb.children)


def _measures(word: Token | None, site: _Site) -> bool:
    """Whether ``word`` is what the figure's clause measures: "its capacity stands at 6.5 million tonnes
    of freight" (the subject of the figure's verb, or a word the figure hangs from)."""
    if word is None:
        return False
    verb = next((t for t in [site.root, *site.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    return word in site.root.ancestors or verb is not None and word in [
        c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def _listed_holder(ctx: Context, fig: Figure, site: _Site) -> Token | None:
    """"X is owned by a consortium led by A (20%), with B (30%) ...": a percentage in parentheses right
    after a company or state, in a sentence about owning, is its stake (the owning word is returned)."""
    text = ctx.doc.text
    before = re.search(r"\(\s*$", text[max(0, fig.start - 3):fig.start])
    if before is None or not re.match(r"\s*\)", text[fig.end:fig.end + 3]):
        return None
    paren = fig.start - len(before.group())
    if not any(m.end <= paren and not text[m.end:paren].strip() for m in ctx.mentions_in(
            max(0, paren - 80), paren, ("organization", "country"))):
        return None
    # ("the field, operated by BP (29.99%)": the operator's stake)
    return next((t for t in site.sent if _lemma(t) in OWNING_WORDS | {"operate"}), None)


def _owned_part(ctx: Context, site: _Site) -> Token | None:
    """"SOCAR owns 51% of TANAP", "BP holds 12% in the pipeline": a percentage a company or state owns
    of a named company or line is a stake (the verb is returned), even without the word "stake"."""
    pct = site.root
    verb = pct.head
    if pct.dep_ in ("npadvmod", "advmod") and _lemma(verb) in ("own", "control") and verb.tag_ == "VBN" \
            and any(c.dep_ == "agent" for c in verb.children):
        return verb   # "Moldovagaz is 50% owned by Gazprom"
    if pct.dep_ == "appos":
        # "owned by A (75%) and B (25%)": a share in brackets after each owner of a passive "owned by"
        up = pct.head
        while up.dep_ == "conj" and up.head.pos_ != "VERB":
            up = up.head
        owner_of = up.head.head if up.dep_ == "pobj" and up.head.dep_ == "agent" else up.head
        if _lemma(owner_of) in ("own", "hold", "control") and owner_of.tag_ == "VBN":
            return owner_of
    if pct.dep_ != "dobj" or _lemma(verb) not in ("own", "hold", "control", "acquire", "buy", "retain", "purchase"):
        return None
    if verb.dep_ == "relcl" and _lemma(verb) in ("own", "hold") and ctx.mentions_in(
            verb.head.idx, verb.head.idx + len(verb.head.text), ("organization", "country")) and any(
            m.type == "infrastructure" or _site_name(m) for m in ctx.mentions_in(
                site.sent.start_char, site.sent.end_char, ("infrastructure", "place"))):
        return verb   # "operates the Codru field with BP, which owns 29.99 percent": BP's share of the line or site
    owned = [o for p in [*pct.children, *verb.children] if p.dep_ == "prep" and p.lower_ in ("of", "in")
             and (p.head == pct or p.lower_ == "in") for o in p.children if o.dep_ == "pobj"]
    for o in owned:
        ms = ctx.mentions_in(o.left_edge.idx, o.right_edge.idx + len(o.right_edge.text),
                             ("organization", "infrastructure", "place"))
        if any(m.type != "place" or _site_name(m) for m in ms) or _lemma(o) in _LINE_NOUNS | {"company"}:
            return verb
    return None


def _site_name(m: Mention) -> bool:
    """A place named for what is built there is owned like a line ("the Giurgiulesti oil terminal")."""
    return m.type == "place" and m.text.split()[-1].lower() in SITE_HEADS


def _label_noun(ctx: Context, fig: Figure) -> Token | None:
    """"- Turkish companies in Azerbaijan: about 5,000": a bare number that is all a labelled line gives counts
    the label's head noun (the last plural noun before its first preposition)."""
    text = ctx.doc.text
    start = text.rfind("\n", 0, fig.start) + 1
    end = text.find("\n", fig.end)
    end = len(text) if end < 0 else end
    label = re.fullmatch(r"[\s*•-]*([^:\n]{3,80}):\s*(?:(?:about|around|some|over|nearly|almost|more\s+than)\s+)?",
                         text[start:fig.start])
    if label is None or text[fig.end:end].strip(" .;"):
        return None
    nouns = []
    for t in ctx.sp.char_span(start + label.start(1), start + label.end(1), alignment_mode="contract") or ():
        if t.pos_ == "ADP":
            break
        if t.tag_ == "NNS":
            nouns.append(t)
    return nouns[-1] if nouns else None


def _number_of(site: _Site) -> Token | None:
    """"The number of Turkish companies in Azerbaijan exceeded 5,200", "... rose to 12,000", "... stands at
    320": a bare number that a verb gives to "the number of X" counts X (a plural noun)."""
    tok = site.sent.doc[max(site.toks)]
    verb = tok.head if tok.dep_ in ("dobj", "attr") else tok.head.head if (
        tok.dep_ == "pobj" and tok.head.lower_ in ("to", "at", "of")) else None
    if verb is None or verb.pos_ not in ("VERB", "AUX") or tok.i < verb.i:
        return None
    for subj in verb.children:
        if subj.dep_ in ("nsubj", "nsubjpass") and subj.lemma_.lower() in ("number", "total"):
            nouns = [o for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj" and o.tag_ in ("NNS", "NNPS")]
            return nouns[0] if nouns else None
    return None


def _counted_noun(ctx: Context, fig: Figure, site: _Site) -> Token | None:
    """The noun a bare number counts ("455 Azerbaijani projects" -> projects), or None."""
    sp = ctx.sp
    last = max(site.toks)
    first = min(site.toks)
    small = fig.value <= 2 and not fig.scaled   # "the two countries", "one side": a set, unless lost (below)
    if first > 0 and (sp[first - 1].lower_ in ANAPHORIC_DET or sp[first - 1].tag_ == "POS") and fig.value < 10:
        return None  # "the three countries": a set named before, not a figure
    if first > 0 and sp[first - 1].lower_ in ("of", "top") and first > 1 and sp[first - 2].lower_ in ("one", "top"):
        return None
    if first > 0 and sp[first - 1].lower_ in ("top", "first", "last", "bottom", "leading"):
        return None   # "its top three trading partners": a ranking, not a count
    labelled = _label_noun(ctx, fig)
    if labelled is not None:
        return labelled
    numbered = _number_of(site)
    if numbered is not None:
        return numbered
    i = last + 1
    if i < len(sp) and sp[i].lemma_.lower() in CASUALTY and sp[i].tag_ in ("VBN", "JJ") and not (
            i + 1 < len(sp) and sp[i + 1].pos_ in ("NOUN", "PROPN")):
        return sp[i]   # "about 1m displaced", "more than 100 killed": people, by what befell them
    if i < len(sp) and sp[i].lower_ == "more":
        i += 1   # "15 more fighters"
    if i + 1 < len(sp) and sp[i].lower_ == "of" and (sp[i + 1].lower_ in ("their", "its", "the", "his", "her")
                                                      or sp[i + 1].tag_ == "PRP$"):
        i += 2   # "12 (more) of their troops had been wounded": a part of a group is counted too
    steps = 0
    while i < len(sp) and steps < 5:
        t = sp[i]
        if t.tag_ == "JJS" or t.lower_ in ("top", "largest", "biggest", "leading"):
            return None  # "the 10 largest investors": a ranking
        if t.pos_ in ("NOUN",) and not (i + 1 < len(sp) and sp[i + 1].pos_ == "NOUN" and sp[i + 1].dep_ != "conj"
                                        and sp[i + 1].head.i != t.i) and not (
                t.dep_ == "compound" and t.head.i == i + 1 and sp[i + 1].pos_ == "NOUN"):
            break   # (not at "combat" of "595 armored combat vehicles")
        if t.tag_ == "NNPS" and t.ent_type_ == "NORP" and (i + 1 >= len(sp) or sp[i + 1].pos_ != "NOUN"):
            break   # "500,000 Azerbaijanis": a people (not "Azerbaijani troops")
        if (t.pos_ not in ("ADJ", "PROPN", "NOUN", "ADV") and not (t.tag_ == "VBN" and t.dep_ == "amod")
                or t.is_punct and t.text != "-" or t.lower_ in ("of", "and")):
            return None   # ("armored combat vehicles", "non-combat deaths": a participle or a hyphen inside)
        i += 1
        steps += 1
    else:
        return None
    noun = sp[i]
    lemma = _lemma(noun)
    if lemma in NOT_COUNTED or noun.text in ("%",):
        return None
    if noun.tag_ not in ("NNS", "NNPS") and not fig.scaled and fig.value != 1 and lemma not in _SAME_PLURAL \
            and not re.search(r"[a-z]men$|^(?:people|children|police)$", noun.lower_):
        return None   # (the tagger takes "servicemen" for a singular)
    if re.match(r"\s*-", ctx.doc.text[fig.end:noun.idx]):
        return None  # "44-day war", "20-year-old" (not "62 non-combat deaths")
    if small and not (noun.dep_ in ("nsubjpass", "dobj", "nsubj") and _lemma(noun.head) in LOSS_VERBS | CASUALTY):
        return None   # "three Moldovan drones were brought down", "killed two soldiers": a loss is counted
    return noun


_PAST_ERA = re.compile(r"\b(?:1[0-9]|20)\d\ds?\b|\bcentury\b|\bWorld War\b|\bgenocide\b|\bhistor", re.I)


def _past_era(ctx: Context, sent: Span) -> bool:
    """A toll of a war of the past ("a 1990s war that cost 12,000 lives. About 12,000 people were
    killed."): the sentence, or the one before it, names a year, a century or a past war."""
    prev = ctx.doc.text[max(0, sent.start_char - 300):sent.start_char]
    prev = re.split(r"(?<=[.!?])\s+", prev.strip())[-1] if prev.strip() else ""
    return bool(_PAST_ERA.search(sent.text) or _PAST_ERA.search(prev))


def _casualties(noun: Token | None, site: _Site) -> bool:
    """Whether a count is of people killed, wounded or displaced (a toll, told of nobody in particular)."""
    if noun is None:
        return False
    if _lemma(noun) in CASUALTY:
        return True
    people = _lemma(noun) in PEOPLE or noun.ent_type_ == "NORP"   # "500,000 Azerbaijanis were displaced"
    return people and any(_lemma(t) in CASUALTY for t in site.sent)


def _count_indicator(noun: Token) -> tuple[str, str | None]:
    lemma = _lemma(noun)
    if lemma in COMPANIES:
        return "companies_count", None
    if lemma in CONTRACT_COUNT:
        return "contracts_count", None
    if noun.tag_ in ("VBN", "JJ"):
        return "count", "people " + noun.lower_   # "1m displaced"
    return "count", _noun_phrase(noun)


def _noun_phrase(noun: Token) -> str:
    """A short label: the noun with its compounds and adjectives, and a following 'of/for/on' phrase."""
    # not the unit of a figure glued to it ("the 1,850-km pipeline"), not a number, not a nationality
    left = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and not c.like_num and c.ent_type_ != "NORP"
            and not (c.i > 0 and c.doc[c.i - 1].text in ("-", "–") and c.i > 1 and c.doc[c.i - 2].like_num)
            and c.lower_ not in ("km", "kilometre", "kilometer", "mile", "metre", "meter", "%")]
    toks = [*left, noun]
    for c in noun.rights:
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "on", "in", "with") and len(list(c.subtree)) <= 6:
            toks += list(c.subtree)
            break
    # as written where the words are adjacent ("non-combat"), else one space
    return "".join(t.text + (t.whitespace_ if nxt.i == t.i + 1 else " ")
                   for t, nxt in zip(toks, toks[1:], strict=False)) + toks[-1].text


# --- subjects ------------------------------------------------------------------------------


def _main_pair(mentions: list[Mention]) -> list[str]:
    """The two countries the document is about: the most mentioned ones."""
    counts = Counter(m.entity or m.text for m in mentions if m.type == "country")
    return [name for name, _ in counts.most_common(2)]


def _name(m: Mention) -> str:
    return m.entity or m.text


def _actor(m: Mention, indicator: str) -> str:
    """The name of a party to a flow: a capital that buys, sells or invests stands for its country."""
    if m.type == "place" and indicator in ("investment", "arms_sales", "gas_supply", "oil_supply"):
        entry = gazetteer.load().lookup(m.text)
        if entry is not None and entry.form == "capital":
            return entry.canonical
    head, _, form = m.text.rpartition(" ")
    entry = gazetteer.load().lookup(head) if head and form in LEGAL_FORMS | {"Co", "Co.", "SA"} \
        and indicator == "equity_share" else None
    if entry is not None and entry.type == "infrastructure":
        return entry.canonical   # "TAP AG is owned by BP (20%)": a stake in the line's company is one in the line
    return _name(m)


def _mention_tokens(ctx: Context, m: Mention) -> Span | None:
    return ctx.sp.char_span(m.start, m.end, alignment_mode="expand")


def _unique(names: list[str]) -> list[str]:
    seen: list[str] = []
    for n in names:
        if n and n not in seen:
            seen.append(n)
    return seen


def _sentence_mentions(ctx: Context, site: _Site, types: tuple[str, ...] | None = None) -> list[Mention]:
    """The sentence's mentions, except persons and those inside a relative clause the figure is not in
    ("the grant of EUR 4 billion for the line, which would bypass Vestra's network")."""
    ms = ctx.mentions_in(site.sent.start_char, site.sent.end_char, types)
    aside = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in site.sent
             if (c.dep_ == "relcl" or _other_clause(c)) and not site.toks & {t.i for t in c.subtree}]
    ms = [m for m in ms if m.type not in PERSON_TYPES and not any(s <= m.start and m.end <= e for s, e in aside)]
    # "A and B signed an agreement under which B will invest $2 billion in A": the clause of the deal's terms
    # names the figure's parties, when it names any (not "the line, in which A holds 25%": the line is the asset)
    own = next((c for c in site.sent if c.dep_ == "relcl" and site.toks <= {t.i for t in c.subtree}
                and c.left_edge.lower_ in ("under", "whereby", "through", "according")
                and any(k.dep_ in ("nsubj", "nsubjpass") and k.pos_ == "PROPN" for k in c.children)), None)
    if own is not None:
        inner = [m for m in ms if own.left_edge.idx <= m.start and m.end <= own.right_edge.idx + len(own.right_edge)]
        ms = inner or ms
    # nor the source a figure is told by ("..., according to the IISS"), unless it names the only actors
    told_by = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in site.sent
               if c.lower_ == "according" and c.dep_ == "prep" and not site.toks & {t.i for t in c.subtree}]
    # nor a body that says it after ("Cargo ... rose to 1.2 million tonnes, Azerbaijan Railways said"; a state
    # saying it is still a party: "trade with B reached $5bn, A's customs said")
    said = [(s.left_edge.idx, s.right_edge.idx + len(s.right_edge)) for c in site.sent
            if c.lemma_.lower() in times.REPORTING and c.pos_ == "VERB" and c.i > max(site.toks)
            for s in c.children if s.dep_ == "nsubj" and s.i > max(site.toks)]
    return [m for m in ms if not any(s <= m.start and m.end <= e for s, e in told_by) and not (
        m.type != "country" and any(s <= m.start and m.end <= e for s, e in said))] or ms


def _other_clause(c: Token) -> bool:
    """"..., while Armenia received jets from Russia": a contrasting clause, or a finite one with a subject of
    its own coordinated with the figure's, tells of other actors (not "..., and they work in A": the same)."""
    if c.pos_ not in ("VERB", "AUX") or not any(k.dep_ in ("nsubj", "nsubjpass") and k.pos_ != "PRON"
                                                for k in c.children):
        return False
    if c.dep_ == "advcl":
        return any(k.dep_ == "mark" and k.lower_ in ("while", "whereas") for k in c.children)
    return c.dep_ == "conj" and (c.tag_ in ("VBD", "VBZ", "VBP") or any(k.dep_ in ("aux", "auxpass")
                                                                       for k in c.children))


_LINE_NOUNS = {"route", "pipeline", "railway", "railroad", "road", "corridor", "line", "link", "highway", "cable",
               "interconnector"}


def _subjects(ctx: Context, fig: Figure, site: _Site, indicator: str, trigger: Token | None, pair: list[str],
              siblings: list[Quantity]) -> tuple[list[str], dict]:
    if indicator == "investment" and trigger is not None and any(
            c.dep_ == "amod" and c.lower_ in ("mutual", "reciprocal", "bilateral") for c in trigger.children):
        # "mutual investments exceeded $30 billion": both ways, between the states named (or the pair the
        # text is about), with no direction
        countries = _unique([_name(m) for m in _sentence_mentions(ctx, site, ("country",))])
        return (_unique(countries + pair)[:2] if len(countries) < 2 else countries), {}
    if indicator in ("investment", "arms_sales", "gas_supply", "oil_supply", "equity_share"):
        return _ordered(ctx, fig, site, indicator, trigger, pair, siblings)
    if indicator in ("length", "capacity"):
        told_of = _relative_line(ctx, site)
        if told_of is not None:
            return [told_of], {}   # "TAP, which runs 878 km from ... through Greece and Albania": the line alone
        infra = _sentence_mentions(ctx, site, ("infrastructure",))
        if trigger is not None and _lemma(trigger) in _LINE_NOUNS - {"project"} and all(
                _name(m).casefold().split()[-1] in _WORKS for m in infra):
            infra = []   # "the 1,768-km line runs from the Sangachal terminal": a terminal on the line is not it
        others = _sentence_mentions(ctx, site)
        names = [_name(m) for m in sorted(infra, key=lambda m: abs(m.start - fig.start))]
        # "the 1,850-km TANAP pipeline runs to Greece": the places of its route are not what is measured
        measured = any(0 <= m.start - fig.end <= 12 for m in infra)
        if not names and trigger is not None and _lemma(trigger) in _LINE_NOUNS:
            # "the 43km route through Armenian territory": the line the passage is about
            topic = _line_before(ctx, fig.start, _lemma(trigger))
            names = [topic] if topic else []
        if not names and trigger is not None:
            # "the pipeline is designed to carry 0.5 bcm a year", "the line can carry ...": the line the
            # passage is about is the subject
            line = next((s for h in (trigger, trigger.head) for s in h.children if s.dep_ in ("nsubj", "nsubjpass")
                         and _lemma(s) in _LINE_NOUNS and any(d.lower_ in ("the", "this", "that") for d in s.children)),
                        None)
            topic = _line_before(ctx, fig.start, _lemma(line)) if line is not None else None
            names = [topic] if topic else []
        # "The 85-kilometre pipeline will carry gas to X": the line the figure measures, named before
        measured = measured or bool(names and trigger is not None and _lemma(trigger) in _LINE_NOUNS
                                    and 0 <= trigger.idx - fig.end <= 12)
        if not names and trigger is not None and indicator == "capacity":
            # "the line's capacity will rise to 5 million tonnes after the Georgian section is rebuilt": the
            # line, not the places of the sentence
            names = _owner_line(ctx, fig, site, trigger)
        if (indicator == "length" and not measured) or not names:
            names += [_name(m) for m in others if m.type in ("country", "place", "infrastructure")]
        if not names and trigger is not None:
            names = _owner_line(ctx, fig, site, trigger)
        if not names:
            topic = _paragraph_topic(ctx, fig.start, ("infrastructure",))
            names = [topic] if topic else []
        return _unique(names), {}
    if indicator == "count":
        ms = _sentence_mentions(ctx, site)
        # (not the examples of what is counted: "signed 12 documents, including an agreement on ...")
        examples = [(p.idx, p.right_edge.idx + len(p.right_edge)) for p in site.sent
                    if p.dep_ == "prep" and p.lower_ in ("including", "like") and p.i > max(site.toks)]
        ms = [m for m in ms if not any(s <= m.start < e for s, e in examples)]
        if _anaphoric_subject(site.sent):
            ms = _previous_sentence_mentions(ctx, site) + ms
        # "110 tanks including T-80s": the models counted are what is counted, not whose the count is
        holders = [m for m in ms if m.type != "product"]
        names = [_name(m) for m in holders or ms]
        if pair and _PAIR_SUBJECT.search(site.sent.text):
            names = list(pair) + names   # "the two countries fought a war that killed 6,500": the pair's toll
        if not names:
            # "1.1 million tonnes of cargo was transported along the line": the line named before
            # "The route, which links A with B, aims to handle 10 million tonnes a year": the line the subject
            # points back to
            along = [t for t in site.sent if _lemma(t) in _LINE_NOUNS and (t.dep_ == "pobj" and t.head.lower_ in (
                "along", "on", "via", "through", "by") or t.dep_ in ("nsubj", "nsubjpass") and t.head.i in {
                a.i for a in list(site.root.ancestors)[:3]}) and any(c.lower_ in ("the", "this", "that")
                                                                    for c in t.children)]
            names = [n for t in along[:1] for n in [_line_before(ctx, t.idx, _lemma(t))] if n]
        return _unique(names), {}
    if indicator == "investment_need" and trigger is not None:
        # "the corridor needs investment of $18.5 billion": the line that needs it (named before)
        needs = next((t for t in (trigger, trigger.head) if _lemma(t) in NEED), None)
        subj = [s for s in (needs.children if needs is not None else ()) if s.dep_ in ("nsubj", "nsubjpass")]
        named = [_name(m) for s in subj for m in ctx.mentions_in(s.left_edge.idx, s.idx + len(s.text))]
        named += [n for s in subj if not named and _lemma(s) in _LINE_NOUNS
                  for n in [_line_before(ctx, s.idx, _lemma(s))] if n]
        if named:
            return named[:1], {}
    # trade_turnover, contracts_*, companies_count, investment_need: the countries of the sentence
    countries = _unique([_name(m) for m in _sentence_mentions(ctx, site, ("country",))])
    if indicator == "companies_count" and trigger is not None:
        # "1,500 companies with Romanian capital in Moldova": whose capital they are is where they come from
        owners = [n for p in trigger.children if p.dep_ == "prep" and p.lower_ == "with"
                  for o in p.children if o.dep_ == "pobj" for n in _demonym_states(o)]
        countries = _unique(owners + countries)
    if indicator in ("contracts_value", "contracts_count", "companies_count") and len(countries) < 2:
        # "Turkish contractors completed 520 projects in the country": the state named before
        told = _country_told_before(ctx, site, set(countries), anywhere=True)
        countries = _unique(countries + ([told] if told else []))
    if indicator == "trade_turnover" and not countries and re.search(
            r"\b(?:among|between)\s+(?:the\s+|its\s+)?member(?:\s+(?:states|countries|nations))?\b", site.sent.text):
        # "trade among the member states had reached $45 billion": the body the passage is about
        body = _named_before(ctx, site, fig.start, ("organization",), lambda m: m.form in ("name", "acronym"))
        if body:
            return [body], {}
    if indicator == "trade_turnover" and len(countries) < 2 and pair:
        bilateral = re.search(r"\b(?:bilateral|mutual|two\s+countries|both\s+countries|between|its|their)\b",
                              site.sent.text, re.I)
        if not countries or bilateral:
            countries = _unique(countries + pair)
    elif not countries and pair and _PAIR_SUBJECT.search(site.sent.text):
        countries = list(pair)   # "1,000 joint ventures operate in the two countries": the pair the text is about
    if not countries:
        countries = _unique([_name(m) for m in _sentence_mentions(ctx, site, ("organization",))])
    return countries, {}


_PAIR_SUBJECT = re.compile(r"\b(?:[Tt]he\s+two|[Bb]oth)\s+(?:countries|states|nations|sides)\b")


def _relative_line(ctx: Context, site: _Site) -> str | None:
    """The line a relative clause holding the figure is said of ("TAP, which runs 878 km ...")."""
    rel = next((a for a in [site.root, *site.root.ancestors] if a.dep_ == "relcl"), None)
    if rel is None or not any(c.tag_ in ("WDT", "WP") for c in rel.children):
        return None
    head = relative_head(rel)
    ms = [m for m in ctx.mentions_in(head.left_edge.idx, head.idx + len(head.text), ("infrastructure",))
          if m.end >= head.idx]
    return _name(ms[-1]) if ms else None


def _owner_line(ctx: Context, fig: Figure, site: _Site, trigger: Token) -> list[str]:
    """"the pipeline's capacity", "its annual capacity", "the capacity of the line": the line the passage is
    about."""
    owner = next((c for c in trigger.children if c.dep_ == "poss"), None) or next(
        (o for p in trigger.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
         if o.dep_ == "pobj" and any(d.lower_ in ("the", "this", "that") for d in o.children)), None)
    topic = None
    if owner is not None and owner.lower_ == "its":
        topic = _subject_before(ctx, site) or _line_before(ctx, fig.start, None)
    elif owner is not None and _lemma(owner) in _LINE_NOUNS:
        topic = _line_before(ctx, fig.start, _lemma(owner))
    return [topic] if topic else []


def _anaphoric_subject(sent: Span) -> bool:
    return any(t.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "det" and c.lower_ in ("this", "these", "that", "those", "such") for c in t.children)
        for t in sent)


def _exercise_states(ctx: Context, site: _Site) -> list[str]:
    """The states of the exercise told in the sentences before (a few back) when the figure's sentence is
    about an exercise too ("Joint exercises of the Azerbaijani and Turkish armies were held ... Some 3,000
    servicemen took part in the drills")."""
    if not any(t.lower_ in EXERCISE_WORDS for t in site.sent):
        return []
    sent = site.sent
    for _ in range(3):
        if sent.start == 0:
            break
        sent = ctx.sp[sent.start - 1].sent
        if any(t.lower_ in EXERCISE_WORDS for t in sent):
            return _unique([_name(m) for m in ctx.mentions_in(sent.start_char, sent.end_char, ("country",))])
    return []


def _previous_sentence_mentions(ctx: Context, site: _Site) -> list[Mention]:
    start = site.sent.start
    if start == 0:
        return []
    prev = ctx.sp[start - 1].sent
    return [m for m in ctx.mentions_in(prev.start_char, prev.end_char) if m.type not in PERSON_TYPES]


def _a_year(t: TimeExpr | None) -> bool:
    """Whether a time is one whole year ("in 2021"), the span of a yearly figure."""
    return t is not None and re.fullmatch(r"\d{4}", t.iso or "") is not None


# what a line's name says it is, for "the pipeline" to find a pipeline ("Port of Baku" is none)
_LINE_KINDS = {"pipeline": ("pipeline", "boru"), "railway": ("railway", "railroad", "rail", "demiryolu"),
               "railroad": ("railway", "railroad", "rail"), "road": ("road", "highway", "motorway"),
               "highway": ("road", "highway", "motorway"), "corridor": ("corridor", "route", "koridor"),
               "route": ("corridor", "route", "koridor")}


def _subject_before(ctx: Context, site: _Site, types: tuple[str, ...] = ("infrastructure",)) -> str | None:
    """"The 1,768-km line runs from the X terminal to Y. Its capacity is ...": "its" is the thing the sentence
    before was about, its subject (a line or works it names, or "the line" it points back with; or a name of
    other ``types``)."""
    if site.sent.start == 0 or "\n\n" in ctx.doc.text[ctx.sp[site.sent.start - 1].idx:site.sent.start_char]:
        return None
    prev = ctx.sp[site.sent.start - 1].sent
    # (the parser may miss the subject: "The 1,768-km line runs ..." read as a noun phrase "line runs")
    subj = [s for s in prev.root.children if s.dep_ in ("nsubj", "nsubjpass")] or [
        t for t in prev[:6] if _lemma(t) in _LINE_NOUNS][:1]
    if not subj:
        return None
    named = ctx.mentions_in(subj[0].left_edge.idx, subj[0].idx + len(subj[0].text), types) or [
        m for m in ctx.mentions if m.start <= subj[0].idx < m.end and m.type in types]   # "SOCAR Turkey" split
    if named:
        return _name(named[-1])
    if _lemma(subj[0]) in _LINE_NOUNS and any(t.lower_ in ("the", "this", "that")
                                              for t in ctx.sp[max(prev.start, subj[0].left_edge.i - 1):subj[0].i]):
        return _line_before(ctx, subj[0].idx, _lemma(subj[0]))
    return None


# the works at a line's ends, which a line runs from or to ("the Sangachal terminal", "the port of Ceyhan")
_WORKS = {"terminal", "port", "seaport", "harbour", "harbor", "refinery", "plant", "station", "field"}


def _line_before(ctx: Context, pos: int, noun: str | None = None) -> str | None:
    """The line a passage is about ("the 43km route", "bu güzergâh"): its paragraph's topic line, else the
    line named last in the 1,500 characters before; "the pipeline" is the pipeline among them when one is."""
    kind = _LINE_KINDS.get(noun or "")
    if kind:
        left = ctx.doc.text.rfind("\n", 0, pos) + 1
        near = ctx.mentions_in(left, pos, ("infrastructure",))
        near += reversed(ctx.mentions_in(max(0, pos - 1500), left, ("infrastructure",)))
        fit = next((m for m in near if any(k in _name(m).casefold() for k in kind)), None)
        if fit is not None:
            return _name(fit)
        # else a line whose name does not say what it is ("Baku–Novorossiysk"), never one of another kind
        # ("the railway" is not TANAP) nor a port
        kinds = {k for ks in _LINE_KINDS.values() for k in ks} | {"port", "terminal", "limanı"}
        plain = [m for m in near if not any(k in _name(m).casefold() for k in kinds)]
        return _name(plain[0]) if plain else None
    topic = _paragraph_topic(ctx, pos, ("infrastructure",))
    if topic is None:
        last = ctx.mentions_in(max(0, pos - 1500), pos, ("infrastructure",))
        topic = _name(last[-1]) if last else None
    return topic


_FIRM_NOUNS = {"company", "firm", "group", "corporation", "operator", "consortium"}


def _named_before(ctx: Context, site: _Site, pos: int, types: tuple[str, ...],
                  keep: Callable[[Mention], bool] = lambda m: True) -> str | None:
    """The last mention of ``types`` before ``pos`` within the passage (from 600 characters before the
    figure's sentence) that ``keep`` accepts: what "the pipeline", "the field", "the country" points back to."""
    before = [m for m in ctx.mentions_in(max(0, site.sent.start_char - 600), pos, types) if keep(m)]
    return _name(before[-1]) if before else None


def _line_named_before(ctx: Context, site: _Site, exclude: set[str]) -> str | None:
    """"BP holds 12% in the pipeline": a share in "the pipeline" (or "the railway", "the line") is in
    the line of that kind named last before it."""
    t = site.root
    owned = [o for p in [*t.children, *t.head.children] if p.dep_ == "prep" and p.lower_ in ("in", "of")
             for o in p.children if o.dep_ == "pobj" and _lemma(o) in _LINE_NOUNS | {"project"}
             and any(d.lower_ in ("the", "this", "that") for d in o.children)]
    if not owned:
        return None
    return _named_before(ctx, site, owned[0].idx, ("infrastructure",), lambda m: _name(m) not in exclude)


def _whose_supplier(ctx: Context, site: _Site, exclude: set[str]) -> list[str]:
    """"its (their) largest supplier", "its largest investor": the state the sentence before was about (its
    subject), or one named in the possessive."""
    owner = next((c for t in site.sent if _lemma(t) in SUPPLIER_NOUNS | {"investor", "source", "seller"}
                  for c in t.children if c.dep_ == "poss"), None)
    if owner is None:
        return []
    if owner.lower_ in ("its", "their"):
        named = _subject_before(ctx, site, ("country",))
        return [named] if named and named not in exclude else []
    return [_name(m) for m in ctx.mentions_in(owner.idx, owner.idx + len(owner.text), ("country",))
            if _name(m) not in exclude][:1]


_BROKEN_DOWN = re.compile(r"\b(?:largest|biggest|main|top|leading)\s+(?:\w+\s+)?(?:supplier|source|seller)\b"
                          r"|\bfollowed\s+by\b", re.I)


_OWNER_NOUNS = {"shareholder", "stakeholder", "owner", "partner", "investor", "member"}


def _bracketed_stake(ctx: Context, fig: Figure, site: _Site, ms: list[Mention]) -> tuple[list[str], dict] | None:
    """"Its shareholders are BP (operator, 29.99%), LUKOIL (19.99%) and TPAO (19%)": a share in brackets after a
    name is that name's; the asset is whose shareholders they are ("its": what the sentence before was about,
    "the shareholders of X", "X's shareholders"), else the site or line the paragraph is about."""
    text = ctx.doc.text
    opened = text.rfind("(", max(0, fig.start - 40), fig.start)
    if opened < 0 or ")" in text[opened:fig.start] or not re.fullmatch(r"\(\s*(?:[\w-]+,?\s+){0,3}",
                                                                        text[opened:fig.start]):
        return None
    holder = next((m for m in ms if m.type in ("organization", "country") and m.end <= opened
                   and re.fullmatch(r"\s*", text[m.end:opened])), None)
    if holder is None:
        return None
    owners = next((t for t in site.sent if _lemma(t) in _OWNER_NOUNS and t.tag_ == "NNS"), None)
    if owners is None:
        return None
    asset = None
    for c in owners.children:
        if c.dep_ == "poss" and c.lower_ in ("its", "their"):
            asset = _subject_before(ctx, site, ("place", "infrastructure", "organization")) or _paragraph_topic(
                ctx, c.idx, ("place", "infrastructure"))
        elif c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of":
            named = [m for t in ([c] if c.dep_ == "poss" else pobjs(owners, {"of"})) for m in
                     ctx.mentions_in(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text))]
            asset = _name(named[0]) if named else asset
    holder_name = _actor(holder, "equity_share")
    if asset is None or asset == holder_name:
        return [holder_name], {"holder": holder_name}
    return [holder_name, asset], {"holder": holder_name, "asset": asset}


def _operator_stake(ctx: Context, fig: Figure, ms: list[Mention]) -> tuple[list[str], dict] | None:
    """"the Shah Deniz field, operated by BP (29.99%)": a share in brackets right after the operator named
    with "operated by" is its stake in the site or line the sentence names first."""
    text = ctx.doc.text
    opened = text.rfind("(", max(0, fig.start - 3), fig.start)
    holder = next((x for x in ms if x.type in ("organization", "country") and opened >= 0
                   and not text[x.end:opened].strip()), None)
    if holder is None or not re.search(r"\boperated\s+(?:jointly\s+)?by\s+(?:the\s+)?$", text[:holder.start][-40:]):
        return None
    # (the first named: "the Shah Deniz field in the Caspian Sea, operated by ...")
    sites = _unique([_name(x) for x in ms if x.type in ("infrastructure", "place") and x.end <= holder.start])
    if not sites:
        return None
    name = _actor(holder, "equity_share")
    return [name, sites[0]], {"holder": name, "asset": sites[0]}


def _site_named_before(ctx: Context, site: _Site) -> str | None:
    """"BP, which operates the field, holds 29.99%": "the field" (terminal, refinery, ...) of the sentence is
    the site of that kind named last before it, within the passage."""
    bare = next((t for t in site.sent if _lemma(t) in SITE_HEADS and t.tag_ == "NN" and not any(
        c.dep_ in ("compound", "amod", "nmod") for c in t.children) and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children)), None)
    if bare is None:
        return None
    return _named_before(ctx, site, bare.idx, ("place", "infrastructure"),
                         lambda m: m.text.split()[-1].lower() == bare.lower_)


def _country_told_before(ctx: Context, site: _Site, exclude: set[str], anywhere: bool = False) -> str | None:
    """"SOCAR plans to invest $7 billion in the country": "the country" (state, nation) an investment goes
    into is the state named last before it, within the passage (``anywhere``: "in the country" anywhere in
    the sentence, not only on the figure's words)."""
    t = site.root
    into = [o for p in (site.sent if anywhere else [*t.children, *t.head.children])
            if p.dep_ == "prep" and p.lower_ in ("in", "into")
            for o in p.children if o.dep_ == "pobj" and o.tag_ == "NN" and _lemma(o) in ("country", "state", "nation")
            and any(d.lower_ == "the" for d in o.children)]
    if not into:
        return None
    return _named_before(ctx, site, into[0].idx, ("country",), lambda m: _name(m) not in exclude)


def _paragraph_topic(ctx: Context, pos: int, types: tuple[str, ...], exclude: set[str] = frozenset()) -> str | None:
    """The first mention of the given types in the paragraph holding ``pos`` (a bullet's or a paragraph's topic)."""
    text = ctx.doc.text
    left = text.rfind("\n", 0, pos) + 1
    right = text.find("\n", pos)
    right = len(text) if right < 0 else right
    for m in ctx.mentions_in(left, right, types):
        if m.start < pos and _name(m) not in exclude:
            return _name(m)
    return None


def _role(ctx: Context, m: Mention, indicator: str, verb: Token | None, figure: Token | None = None) -> str | None:
    """'src' (from / seller / holder), 'dst' (to / buyer / asset) or None for one mention (``figure``: the
    figure's token)."""
    text = ctx.doc.text
    if m.type == "place" and re.search(r"\b(?:Sea|Ocean|Gulf|Lake|Basin|Strait)$", _name(m)):
        return None   # "oil from the Caspian Sea": where it is found, not who sells or buys it
    span = _mention_tokens(ctx, m)
    buying = verb is not None and _lemma(verb) in BUY
    left = text[max(0, m.start - 40):m.start]
    # ("with Azerbaijan's SOCAR": the company a possessive names stands where its owner does)
    prep = re.search(r"\b(of|from|by|into|in|to|towards|for|with|via|through|between|among|belong\s+to|"
                     r"belongs\s+to|belonged\s+to)\s+(?:the\s+|a\s+|its\s+|their\s+|other\s+|\w+[- ]?owned\s+)*"
                     r"(?:[A-Z][\w-]*['’]s\s+)?$", left, re.I)
    p = re.sub(r"\s+", " ", prep.group(1).casefold()) if prep else None
    if m.form == "demonym" and indicator in ("gas_supply", "oil_supply") and span is not None \
            and span.root.dep_ in ("amod", "compound") and _lemma(span.root.head) in OIL | GAS:
        return "src"   # "received 1.2 bcm of Azerbaijani gas": whose gas it is sold it
    if indicator == "equity_share":
        if p and p.startswith("belong") or p == "by":
            return "src"
        if span is not None and figure is not None and any(
                c.dep_ == "relcl" and figure.i in {t.i for t in c.subtree} and any(
                    p.dep_ == "prep" and p.lower_ in ("in", "of") and any(w.lower_ == "which" for w in p.children)
                    for p in c.children) for c in span.root.children):
            return "dst"   # "the CPC, in which Chevron holds a 15% stake": what the stake is in
        if p in ("in", "of", "into"):
            return "dst"
        if re.search(r"\b(?:of|in)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,3}(?:company|consortium|operator|firm|"
                     r"venture|owner),\s+$", left, re.I):
            return "dst"   # "BP holds 30.1% of the pipeline company, BTC Co.": the company named in apposition
        described = span.root.head.head if span is not None and span.root.dep_ in ("poss", "compound", "amod") \
            and span.root.head.dep_ == "appos" else None
        if described is not None and ctx.mentions_in(described.idx, described.idx + len(described.text),
                                                      ("organization",)):
            return None   # "a 51% stake in Petkim, Türkiye's largest producer": the state describes the company
        root = span.root if span is not None else None
        while root is not None and root.dep_ in ("compound", "appos") and root.head.i != root.i:
            root = root.head   # "its operator, TAP AG, is owned by": the name in the subject's apposition
        if root is not None and verb is not None and root.dep_ in ("nsubj", "nsubjpass") and any(
                c.dep_ == "agent" for c in verb.children) and (root.head in (verb, *verb.children) or (
                    verb.dep_ in ("acomp", "xcomp") and root.head == verb.head)):
            # "Moldovagaz is 50% owned by Gazprom" (the parser may make "owned" the complement of "is"): what
            # the passive is said of is owned
            return "dst"
    elif p == "with" and buying and indicator in ("gas_supply", "oil_supply"):
        return "src"   # "signed a deal with Azerbaijan's SOCAR to buy 2 bcm": who it buys from
    elif p in ("via", "through", "between", "among", "with"):
        return None
    elif p in ("from", "by"):
        return "src"
    elif p == "of":
        return "dst" if buying and indicator != "investment" else "src"
    elif p in ("into", "in", "to", "towards", "for"):
        return "dst"
    if re.match(r"\s*['’]s\b", text[m.end:m.end + 3]):
        owned = span.root.head if span is not None else None
        if owned is not None and _lemma(owned) in SUPPLIER_NOUNS:
            return "dst"   # "overtook Z as Romania's largest gas supplier": Romania is supplied
        return "dst" if buying else "src"
    if span is None:
        return None
    root = span.root
    if any(a.dep_ == "prep" and a.lower_ in ("through", "via") for a in root.ancestors):
        return None   # "investments of $20 billion, mainly through A's refinery and B's plant": the means
    if m.type != "country" and any(a.dep_ == "prep" and a.lower_ == "including" for a in root.ancestors):
        return None   # "investments of $18 billion, including the X refinery and the Y complex": what it bought
    if m.form == "demonym":
        head = root.head
        if buying and _lemma(head) in BUY:
            return "dst"  # "Azerbaijani purchases"
        if buying and any(a.dep_ == "nsubj" and verb in (a.head, *a.head.subtree) for a in [root, *root.ancestors]):
            return "dst"  # "Turkish company BOTAS signed a deal to buy gas": the buyer's state
        return "src"  # "Turkish investment", "Turkish weapons", "Azerbaijani gas"
    if buying and root.dep_ == "compound" and root.head.dep_ == "dobj" and root.head.head == verb:
        return None   # "Azerbaijan purchased Bayraktar drones": a name on the goods is neither party
    if verb is not None and not buying and root.dep_ == "compound" and root.i == verb.i + 1:
        return "dst"  # "Romania sold Moldova weapons worth ...": the parser makes the recipient a compound
    if verb is not None and not buying and root.dep_ == "dobj" and root.head == verb and figure is not None and any(
            p.lower_ == "with" and figure.i in {t.i for t in p.subtree} for p in verb.children if p.dep_ == "prep"):
        return "dst"  # "Azerbaijan supplied Türkiye with 8.5 bcm of gas": the one supplied
    if root.dep_ == "nsubj" and verb is not None and verb.pos_ == "VERB" and root.head.i != verb.i \
            and _lemma(root.head) in times.REPORTING:
        # "the pipeline has carried 4 billion barrels, its operator BP said": who tells of what another clause
        # did (not "the Union announced a grant of €5 billion": a figure its own noun tells)
        return None
    if verb is not None and verb.dep_ == "relcl" and root.i != verb.head.i and root.i not in {
            t.i for t in verb.subtree} and not prep and any(c.tag_ in ("WDT", "WP") for c in verb.children):
        # "the gas reaches Türkiye through TANAP, which has delivered 50 bcm": a figure of a relative clause is
        # told of what the clause is said of, not of the main clause's other names
        return None
    if root.dep_ == "nsubj" and verb is not None and root.head not in (verb, *verb.ancestors):
        own = root.head
        if figure is None or figure.i not in {t.i for t in own.subtree}:
            return None   # "X holds 50% in the venture, while Y owns the rest": Y is the subject of another clause
        # "A received 1.2 bcm, while B took 9.5 bcm": the figure's own clause says the role of its subject
        return "dst" if _lemma(own) in BUY | {"take"} else "src" if _lemma(own) in SELL else None
    if root.dep_ in ("nsubj", "compound") or (verb is not None and root.i < verb.i and not prep):
        if root.dep_ == "nsubjpass":
            return None
        return "dst" if buying else "src"
    return None


def _ordered(ctx: Context, fig: Figure, site: _Site, indicator: str, trigger: Token | None, pair: list[str],
             siblings: list[Quantity]) -> tuple[list[str], dict]:
    types = ("organization", "infrastructure", "place", "country") if indicator == "equity_share" else (
        "country", "organization", "place")
    ms = [m for m in _sentence_mentions(ctx, site, types)]
    if indicator == "equity_share":
        # "Hungarian MOL has a 12% stake", "the Moldovan state company Vestra holds", "Romania's Vestra
        # holds": the company holds it, not the state its demonym or possessive names
        ms = [m for m in ms if not ((m.form == "demonym" or m.type == "country") and any(
            o.type == "organization" and o.start >= m.end
            and re.fullmatch(r"\s*(?:[a-z-]+\s+){0,3}" if m.form == "demonym" else r"['’]s\s+",
                             ctx.doc.text[m.end:o.start]) for o in ms))]
    elif indicator == "investment":
        # "Romania's Vestra invested ...": the company invests, not the state its possessive names
        ms = [m for m in ms if not (m.type == "country" and m.form != "demonym" and any(
            o.type == "organization" and re.fullmatch(r"['’]s\s+", ctx.doc.text[m.end:o.start]) for o in ms))]
    verb = trigger
    if indicator == "arms_sales":
        verb = next((t for _, t in _context(ctx, fig, site) if _lemma(t) in BUY | SELL), trigger)
        signed = next((a for a in list(trigger.ancestors)[:8] if _lemma(a) == "sign"), None) \
            if trigger is not None and _lemma(trigger) in CONTRACT | {"agreement"} else None
        if verb is trigger and signed is not None:
            # "Moldova signed a $150 million contract with Romanian firm Vestra for radars", "Chisinau signed
            # deals with Romania worth $1 billion, among them contracts for guns": the signer buys from the one it
            # signed with (the firm's state)
            buyers = [_actor(m, indicator) for s in signed.children if s.dep_ == "nsubj"
                      for m in ctx.mentions_in(s.left_edge.idx, s.idx + len(s.text), ("country", "place"))]
            withs = [p for p in signed.subtree if p.dep_ == "prep" and p.lower_ == "with"][:1]
            within = [ctx.mentions_in(p.idx, p.right_edge.idx + len(p.right_edge.text), ("country", "place"))
                      or ctx.mentions_in(p.idx, p.right_edge.idx + len(p.right_edge.text), ("organization",))
                      for p in withs]   # the firm's state, else the firm ("with Aselsan for ...")
            sellers = [_actor(m, indicator) for ms_ in within for m in ms_]
            if buyers and sellers and sellers[0] != buyers[0]:
                return [sellers[0], buyers[0]], {"seller": sellers[0], "buyer": buyers[0], "from": sellers[0]}
            if buyers and not sellers:
                return buyers[:1], {"buyer": buyers[0]}   # the signer buys, from no one named
    if indicator == "equity_share":
        listed = _bracketed_stake(ctx, fig, site, ms)
        if listed is not None:
            return listed
        operator = _operator_stake(ctx, fig, ms)
        if operator is not None:
            return operator
        gapped = _gapped_holder(ctx, fig, ms, siblings)
        if gapped is not None:
            return gapped
    src: list[str] = []
    dst: list[str] = []
    lo, hi = fig.segment if fig.segment != (0, 0) else (site.sent.start_char, site.sent.end_char)
    flow = next((q for q in reversed(siblings) if q.indicator == indicator and q.qualifiers.get("from")), None) \
        if indicator in ("gas_supply", "oil_supply", "investment") else None
    gap = next((m for m in ms if m.end <= fig.start and m.type in ("country", "organization")
                and re.fullmatch(r"\s*", ctx.doc.text[m.end:fig.start])), None)
    if flow is not None and gap is not None and _actor(gap, indicator) != flow.qualifiers["from"]:
        # "of which Russia supplied 21 bcm and Azerbaijan 9.6 bcm": the verb left out, the seller before the
        # figure, the buyer the same
        src = [_actor(gap, indicator)]
        dst = [flow.qualifiers["to"]] if flow.qualifiers.get("to") else []
        return [*src, *dst], {"from": src[0], **({"to": dst[0]} if dst else {})}
    if indicator in ("gas_supply", "oil_supply", "investment", "arms_sales"):
        # "Russia was its largest supplier with 21.6 bcm, followed by Azerbaijan with 10.4 bcm and Iran with
        # 7.2 bcm": the name right before "with" is whose figure it is, going where the figures go
        listed = next((m for m in ms if m.type in ("country", "organization") and m.end <= fig.start and re.fullmatch(
            r"\s+with\s+(?:(?:about|around|some|over|nearly|almost|approximately|more\s+than)\s+)?",
            ctx.doc.text[m.end:fig.start])), None)
        if listed is not None and "followed by" in ctx.doc.text[site.sent.start_char:fig.start]:
            src = [_actor(listed, indicator)]
            dst = _whose_supplier(ctx, site, set(src))
            return [*src, *dst], {"from": src[0], **({"to": dst[0]} if dst else {})}
    said_of = _relative_subject(ctx, ms, site) if indicator == "equity_share" else None
    if said_of is not None:
        src = [_actor(said_of, indicator)]   # "run by A and B, which holds a 30% stake": B holds it
    for m in sorted(ms, key=lambda m: (not lo <= m.start < hi, abs(m.start - fig.start))):
        if not lo <= m.start < hi and (src or dst):
            break
        role = _role(ctx, m, indicator, verb, site.root)
        if role == "src" and said_of is not None:
            continue
        if role == "src":
            src.append(_actor(m, indicator))
        elif role == "dst" and not (indicator == "equity_share" and m.type in ("place", "country")
                                    and not _site_name(m)):
            dst.append(_actor(m, indicator))   # a stake is in a company, a line or a site, not in a land
    src = _unique(src)
    if len(src) > 1:
        # coordinated actors ("Romania and its company Petrom supplied") keep the order the text gives
        at = {_actor(m, indicator): m.start for m in reversed(ms)}
        heads = [s for s in src if s in at]
        if len(heads) == len(src) and max(at[s] for s in src) - min(at[s] for s in src) < 60:
            src.sort(key=lambda s: at[s])
    dst = [d for d in _unique(dst) if d not in src[:1]]
    if indicator == "investment":
        # "X's refinery in Izmir ... the largest foreign investment in Türkiye": the state invested in, before
        # the town the works stand in
        states = {_actor(m, indicator) for m in ms if m.type == "country"}
        dst.sort(key=lambda d: d not in states)
    if indicator in ("gas_supply", "oil_supply") and src and not dst:
        dst = _whose_supplier(ctx, site, set(src))   # "Russia was its largest supplier with 21.6 bcm"
    if indicator in ("gas_supply", "oil_supply") and trigger is not None and trigger.pos_ == "NOUN":
        # "wants Azerbaijani supplies to reach 20 bcm", "Azerbaijani gas deliveries": the demonym on the flow
        # names its seller, whoever wants or counts it
        own = [n for h in (trigger, *(c for c in trigger.children if c.dep_ == "compound"))
               for n in _demonym_states(h)][:1]
        if own:
            src, dst = own, [d for d in dst if d not in own]
    sib = next((q for q in reversed(siblings) if q.indicator == indicator and q.subjects), None)
    if not src and sib is not None and sib.qualifiers.get("from"):
        src = [sib.qualifiers["from"]]
    if indicator in ("gas_supply", "oil_supply") and not src:
        # "20 bcm of Azerbaijani gas": the goods' demonym is their seller (no mention of the state: the
        # entity reader leaves a demonym on goods unlinked)
        goods = [t for t in site.sent if t.lemma_.lower() in ("gas", "oil", "crude") and t.idx > fig.start
                 and ctx.doc.text[fig.end:t.idx].count(" ") <= 5]
        src = [n for g in goods[:1] for n in _demonym_states(g) if n not in dst[:1]]
        dst = [d for d in dst if d not in src]
    if indicator == "investment" and not src and trigger is not None:
        # "SOCAR Turkey operates the Petkim complex. The company plans to invest $7 billion in Türkiye": "the
        # company" (firm, group) investing is the one the sentence before was about, else the one named last
        firm = next((s for s in subject_of(trigger) if s.tag_ == "NN" and _lemma(s) in _FIRM_NOUNS
                     and [c.lower_ for c in s.children] == ["the"]), None)
        named = (_subject_before(ctx, site, ("organization",)) or _named_before(
            ctx, site, firm.idx, ("organization",), lambda m: _name(m) not in dst)) if firm else None
        src = [named] if named else src
    if indicator in ("investment", "arms_sales") and not src and trigger is not None:
        # "Romanian investment in Moldova", "Turkish arms sales": the demonym on the flow names its source
        # ("Romanian arms exports": the demonym may sit on the noun the trigger qualifies)
        heads = [trigger, trigger.head] if trigger.dep_ == "compound" else [trigger]
        src = [n for h in heads for n in _demonym_states(h) if n not in dst][:1]
    paragraph_end = ctx.doc.text.find("\n", fig.end)
    after = ctx.doc.text[fig.end:paragraph_end if paragraph_end >= 0 else len(ctx.doc.text)]
    if indicator in ("gas_supply", "oil_supply") and not src and dst and dst[0] in pair and not re.match(
            r"[^.;]{0,40}?,?\s+(?:of\s+which|including)\b", ctx.doc.text[fig.end:site.sent.end_char]) \
            and not _BROKEN_DOWN.search(after[:300]):
        # (not a total the sentence, or the next, goes on to break down: "imported 50 bcm, of which Russia
        # supplied 21 bcm"; "imported 50 bcm. Russia was its largest supplier with 21 bcm, followed by ...")
        src = [n for n in pair if n != dst[0]][:1]
    if indicator == "equity_share" and not dst:
        # "the Codru field is run by A and B, which holds 30%": a site the sentence names
        dst = [_actor(m, indicator) for m in ms if _site_name(m) and _actor(m, indicator) not in src][:1]
    if indicator == "equity_share" and not dst:
        # "A owns 15% of the line, while B holds 24%": the asset of the share before in the sentence
        dst = [q.qualifiers["asset"] for q in reversed(siblings) if q.indicator == indicator
               and q.qualifiers.get("asset") and q.qualifiers["asset"] not in src[:1]][:1]
    if indicator == "equity_share" and not dst:
        topic = _line_named_before(ctx, site, set(src[:1])) or _site_named_before(ctx, site) or _paragraph_topic(
            ctx, fig.start, ("infrastructure", "organization"), set(src[:1]))
        if topic is None:
            # "(...) This pipeline is owned by a consortium (Lukoil has a 10% stake)": the line named last
            last = [_name(m) for m in ctx.mentions_in(max(0, site.sent.start_char - 400), fig.start,
                                                       ("infrastructure",)) if _name(m) not in src[:1]]
            topic = last[-1] if last else None
        dst = [topic] if topic else []
    if indicator == "investment" and not dst:
        # "the grant of €4 billion for the building of this large transport project": the line
        # the demonstrative points back to
        this = [t for t in site.sent if t.i > site.root.i - 40 and t.lemma_.lower() in _LINE_NOUNS | {"project"}
                and any(c.dep_ == "det" and c.lower_ in ("this", "that") for c in t.children)]
        if this:
            dst = [n for n in [_named_before(ctx, site, site.sent.start_char, ("infrastructure",))] if n]
    if indicator == "investment" and not dst:
        dst = [n for n in [_country_told_before(ctx, site, set(src[:1]))] if n]
    if not src and not dst and indicator in ("investment", "arms_sales"):
        countries = _unique([_name(m) for m in ms if m.type == "country"])
        src, dst = countries[:1], countries[1:2]
    if indicator in ("gas_supply", "oil_supply") and src and not dst and re.match(
            r",?\s*(?:of\s+which|including)\b", ctx.doc.text[lo:hi]):
        # "imported 50 bcm, of which Russia supplied 21 bcm": the part goes where the whole went
        whole = next((q for q in reversed(siblings) if q.indicator == indicator), None)
        dst = [whole.qualifiers["to"]] if whole is not None and whole.qualifiers.get("to") not in (None, *src) else []
    quals: dict = {}
    if src:
        quals["from" if indicator != "equity_share" else "holder"] = src[0]
    if dst:
        quals["to" if indicator != "equity_share" else "asset"] = dst[0]
    if indicator == "arms_sales":
        quals = {{"from": "seller", "to": "buyer"}[k]: v for k, v in quals.items()}
        if "seller" in quals:
            quals["from"] = quals["seller"]
    if src:
        return [src[0], *dst[:1]], quals
    return dst[:1], quals


def _relative_subject(ctx: Context, ms: list[Mention], site: _Site) -> Mention | None:
    """The mention a relative clause holding the figure is said of, "which" its subject ("..., together
    with BP, which owns 29.99 percent")."""
    for m in ms:
        span = _mention_tokens(ctx, m)
        if span is None:
            continue
        for c in span.root.children:
            if c.dep_ == "relcl" and site.root.i in {t.i for t in c.subtree} and any(
                    w.dep_ in ("nsubj", "nsubjpass") and w.tag_ in ("WDT", "WP") for w in c.children):
                last = [k for k in span.root.conjuncts if k.i < c.i]
                if last and c.tag_ == "VBZ":
                    # "run by A and B, which holds 30%": a singular verb tells of the last one (the parser hangs
                    # the clause on the first)
                    found = [x for x in ms if (toks := _mention_tokens(ctx, x)) is not None
                             and toks.root.i == last[-1].i]
                    return found[0] if found else None
                return m
    return None


def _demonym_states(tok: Token) -> list[str]:
    """The states named by the capitalised modifiers of a word ("Azerbaijani gas", "Romanian investment")."""
    return [n for c in tok.children if c.dep_ in ("amod", "compound") and c.text[:1].isupper()
            for n in [state_named(c.text)] if n]


def _gapped_holder(ctx: Context, fig: Figure, ms: list[Mention], siblings: list[Quantity]
                   ) -> tuple[list[str], dict] | None:
    """A holder written right before its share, the verb left out: "SOCAR holds 58% in TANAP, BOTAS
    30% and BP 12%" (the asset of the share before), "the shareholders of TAP are SOCAR (20%) ..."
    (the asset named with "of"/"in" in the sentence)."""
    text = ctx.doc.text
    holder = next((m for m in sorted(ms, key=lambda m: -m.end) if m.end <= fig.start
                   and m.type in ("organization", "country")
                   and re.fullmatch(r"\s*(?:with|has|:|[-–]|\()?\s*", text[m.end:fig.start])), None)
    if holder is None:
        return None
    name = _actor(holder, "equity_share")
    sib = next((q for q in reversed(siblings) if q.indicator == "equity_share" and q.qualifiers.get("asset")), None)
    asset = sib.qualifiers["asset"] if sib is not None else next(
        (_actor(m, "equity_share") for m in ms if m.type in ("infrastructure", "organization") and m is not holder
         and (re.search(r"\b(?:of|in)\s+(?:the\s+)?$", text[max(0, m.start - 12):m.start])
              # "X is owned by A (75%) and B (25%)"
              or re.match(r"\s+(?:is|are|was|were)\s+(?:\w+\s+)?(?:owned|held|controlled)\s+by\b", text[m.end:]))),
        None)
    if asset is None or asset == name:
        return None
    return [name, asset], {"holder": name, "asset": asset}


# --- modality and quote ----------------------------------------------------------------------


def _baseline(text: str, fig: Figure, site: _Site) -> bool:
    """"plan to raise trade to $5 billion by 2030 from $3 billion in 2023": the level a change starts from,
    a fact whatever the plan. In "from $4 billion to $6 billion" the parser often hangs both figures on
    "from" as one phrase: the words around the figure decide which one the change starts from."""
    if not any(_lemma(t) in EXPAND for t in site.root.ancestors):
        return False
    before = text[max(0, fig.start - 12):fig.start]
    if re.search(r"\bto\s+$", before):
        return False
    if re.search(r"\bfrom\s+$", before) and re.match(r"\s+(?:in\s+\d{4}\s+|last\s+year\s+)?to\s+\S*\d",
                                                       text[fig.end:fig.end + 30]):
        return True
    return site.root.dep_ == "pobj" and site.root.head.lower_ == "from" and _lemma(site.root.head.head) in EXPAND


_DEALT = {"supply", "delivery", "purchase", "sale", "export", "import", "transit", "transportation", "shipment"}
_DEAL_NOUNS = {"deal", "agreement", "contract", "memorandum", "accord", "treaty", "pact", "plan", "commitment"}


def _modality(text: str, fig: Figure, site: _Site, indicator: str) -> str:
    """target / estimate / forecast from cue words along the figure's governing words, else actual."""
    chain = [site.root, *site.root.ancestors]
    if _baseline(text, fig, site):
        return "actual"
    for tok in chain:
        if _lemma(tok) in EXPAND and tok.tag_ == "VBN" and any(
                c.dep_ == "auxpass" and c.tag_ in ("VB", "VBG") for c in tok.children):
            # "to be raised to 17 million tons", "could be doubled to 32 bcm", "is being upgraded to handle
            # 5 million tonnes" (not "was")
            return "target"
        if tok.pos_ == "VERB" and tok.dep_ in ("acl", "advcl", "xcomp") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and any(
                _lemma(d) in _DEAL_NOUNS for d in [tok.head, *(c for c in tok.head.children if c.dep_ == "dobj")]):
            return "target"   # "signed a deal to buy 50 bcm a year": what the deal is to bring about
        if tok.pos_ == "NOUN" and _lemma(tok) in _DEALT and tok.dep_ == "pobj" and tok.head.lower_ in ("on", "for") \
                and _lemma(tok.head.head) in _DEAL_NOUNS:
            return "target"   # "signed a memorandum on the supply of 1.5 bcm a year": what it is to bring
        words = [tok, *(c for c in tok.children if c.dep_ in ("aux", "auxpass", "amod", "advmod", "neg"))]
        if tok.dep_ == "pobj" or tok.dep_ == "prep":
            words = [tok]
        if tok.lower_ == "to" and _grown(site) is not None and fig.dim != "money":
            return "target"   # "studying an expansion to 31 bcm": a capacity the line is to have
        if _lemma(tok) == "be":   # "Our goal is $15 billion", "The plan is to bring it to $15 billion"
            words += [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and _lemma(c) in TARGET]
        for w in words:
            lemma = _lemma(w)
            if lemma in FORECAST and not (lemma == "project" and w.pos_ == "NOUN"):
                return "forecast"
            if lemma in ESTIMATE:
                return "estimate"
            if w.dep_ == "aux" and w.lower_ in ("could", "may", "might") and indicator not in ("capacity", "length"):
                return "forecast"   # "investments could reach $3 billion": a possible figure (a line "can carry")
            if lemma in TARGET and not (lemma == "order" or w.pos_ == "NOUN" and lemma == "plan"
                                        and w.dep_ == "compound"
                                        # "strikes targeted three air bases": aimed at, not a goal
                                        or lemma == "target" and w.pos_ == "VERB" and fig.dim == "count"):
                return "target"
        if tok.dep_ == "relcl" and (tok.tag_ in ("VBD", "VBZ", "VBP") or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP") for c in tok.children)):
            # "trade, which stood at $7.6 billion last year, would reach ...", "she will hold talks on the
            # mission, which was deployed in 2023 and now counts 209 monitors": the clause tells what is or was
            break
        if tok.dep_ in ("conj", "ccomp") and tok.tag_ in ("VBD", "VBZ", "VBP") and any(
                c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in tok.head.children):
            break   # a verb with its own tense shares no "will" with the one it is hung on ("will hold ... counts")
    # a figure a label introduces ("- Target trade turnover (2030): $15 billion", "Forecast: 20 bcm"): the
    # label's own word
    line = text[text.rfind("\n", 0, fig.start) + 1:fig.start]
    label = re.fullmatch(r"\W*([^:\n]{0,80}):\s*(?:\w+\s+){0,2}\W*", line)
    for w in re.findall(r"[a-z]+", label.group(1).lower()) if label else []:
        if w in FORECAST | {"projected", "forecasted"}:
            return "forecast"
        if w in TARGET | {"targeted", "planned", "expected"}:
            return "target"
        if w in ESTIMATE | {"estimated"}:
            return "estimate"
    if fig.approx == "estimated":
        return "estimate"
    if fig.approx == "up to" and indicator not in ("capacity", "length") and not any(
            t.tag_ in ("VBD", "VBN") for t in chain if t.pos_ in ("VERB", "AUX")):
        return "target"
    return "actual"


def _digit_comma(text: str, i: int) -> bool:
    """A thousands separator ("20,000"), not a clause break."""
    return text[i] == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


def _rfind_sep(text: str, c: str, lo: int, hi: int) -> int:
    i = text.rfind(c, lo, hi)
    while i >= 0 and _digit_comma(text, i):
        i = text.rfind(c, lo, i)
    return i


def _find_sep(text: str, c: str, lo: int, hi: int) -> int:
    i = text.find(c, lo, hi)
    while i >= 0 and _digit_comma(text, i):
        i = text.find(c, i + 1, hi)
    return i


def _quote(ctx: Context, fig: Figure, site: _Site, trigger: Token | None) -> tuple[int, int]:
    """A short span of the sentence stating the figure: from its trigger (or clause start) to its end."""
    text = ctx.doc.text
    s0, e0 = site.sent.start_char, site.sent.end_char
    start, end = fig.start, fig.end
    am = _APPROX_LEFT.search(text[max(s0, start - 25):start])
    if am:
        start = max(s0, start - 25) + am.start()
    if trigger is not None and trigger.sent.start == site.sent.start:
        start = min(start, trigger.idx)
        end = max(end, trigger.idx + len(trigger.text))
    if end - start > 220:
        start, end = max(s0, fig.start - 80), min(e0, fig.end + 60)
    left = max(_rfind_sep(text, c, s0, start) for c in ",;:«(–\n") + 1
    if left > s0 and start - left < 60:
        start = left
    elif start - s0 < 60:
        start = s0
    right_cands = [i for i in (_find_sep(text, c, end, e0) for c in ",;»)\n") if i >= 0]
    right = min(right_cands) if right_cands else e0
    if right - end < 60:
        end = right
    while start < end and text[start] in " \t•*-–":
        start += 1
    while end > start and text[end - 1] in " \t.,;":
        end -= 1
    return start, end


def _turkish_quantities(ctx: Context) -> list[Quantity]:
    """Figures of a Turkish document (``extract/turkish.py``): the indicator from the sentence's
    keyword stems, the subjects from its names (the line measured first for a length or capacity)."""
    text = ctx.doc.text
    years = {(t.start, t.end) for t in ctx.times}
    pair = _main_pair(ctx.mentions)
    out: dict[tuple, Quantity] = {}
    for s, e in turkish.sentences(text):
        sentence = text[s:e]
        for fig in turkish.figures(sentence):
            indicator = turkish.indicator(sentence, fig)
            if indicator is None or any(ys <= s + fig.start < ye for ys, ye in years):
                continue
            ms = ctx.mentions_in(s, e)
            infra = [_name(m) for m in ms if m.type == "infrastructure"]
            others = [_name(m) for m in ms if m.type in ("country", "organization")]
            if indicator in ("gas_supply", "oil_supply") and fig.unit.endswith("/y") and (any(
                    m.type == "infrastructure" and m.start < s + fig.start for m in ms)
                    or turkish.THE_LINE.match(sentence)) and re.search(r"(?<![\wçğıöşü])taşı", sentence, re.I):
                indicator = "capacity"   # "TANAP boru hattı, yılda 16 milyar metreküp doğal gazı ... taşıyor"
            if not infra and (indicator == "count" or indicator in ("length", "capacity")
                              and (turkish.THIS_LINE.search(sentence) or turkish.THE_LINE.match(sentence))):
                # "Yaklaşık 7000 kilometrelik ... bu güzergâh": the line the paragraph is about, else the
                # one named last before the sentence
                topic = _line_before(ctx, s)
                infra = [topic] if topic else []
            subjects = _unique(infra + others if indicator in ("length", "capacity") else others + infra)
            quals: dict = {}
            if indicator == "equity_share":
                roles = _turkish_stake(ctx, s, sentence, fig, ms)
                if roles is None:
                    continue
                subjects, quals = roles
            elif indicator in ("investment", "gas_supply", "oil_supply"):
                subjects, quals = _turkish_flow(ctx, indicator, sentence, ms, subjects)
            elif indicator == "contracts_value" and (firms := turkish.NATIONAL_FIRMS.search(sentence)):
                # "Türk müteahhitlerin Azerbaycan'da ... 19 milyar dolarlık 450 proje": the contractors' state first
                subjects = _unique([s for s in [_turkish_state(firms.group("adj"))] if s] + subjects)
            if indicator == "trade_turnover" and len(subjects) < 2:
                subjects = _unique(subjects + pair)   # the two countries the document is about
            if not subjects:
                continue
            t = times.time_for(ctx, s + fig.start, s + fig.end)
            cargo = indicator == "count"   # tonnes of cargo: a year's volume is yearly
            unit = "t/y" if cargo and (_a_year(t) or re.search(r"\byıllık\b", sentence, re.I)) else fig.unit
            q = Quantity(indicator=indicator, subjects=subjects, value=fig.value, unit=unit,
                         sources=[ctx.doc.source(s, e)], value_max=fig.value_max, time=t.iso if t else None,
                         modality=turkish.modality(sentence, fig), approx=fig.approx,
                         label="cargo" if cargo else None, qualifiers=quals)
            out.setdefault(q.key(), q)
    return list(out.values())


_TR_BUYING = re.compile(r"(?<![\wçğıöşü])(?:ithal|satın\sal|al[ıd])", re.I)


def _turkish_flow(ctx: Context, indicator: str, sentence: str, ms: list[Mention], subjects: list[str]
                  ) -> tuple[list[str], dict]:
    """Who invests or sells and who receives, from Turkish case endings: "Türk şirketleri Azerbaycan'a
    yatırım yaptı" (the firms' nationality to the dative), "Azerbaycan'ın Türkiye'deki yatırımları" (the
    genitive's in the "-deki" one), "Azerbaycan, Türkiye'ye gaz ihraç etti" (the subject to the dative);
    an importer is the subject and its seller the ablative ("Türkiye, Rusya'dan gaz ithal etti")."""
    text = ctx.doc.text
    buying = bool(_TR_BUYING.search(sentence))
    src: list[str] = []
    dst: list[str] = []
    firms = turkish.NATIONAL_FIRMS.search(sentence)
    if firms is not None:
        state = _turkish_state(firms.group("adj"))
        if state:
            src.append(state)
    for m in ms:
        if m.type not in ("country", "organization"):
            continue
        c = turkish.case(text, m.end)
        if c in ("dative", "in") or c == "locative" and indicator == "investment":
            dst.append(_name(m))   # ("SOCAR, Türkiye'de ... yatırım yaptı": invested in Türkiye)
        elif c == "ablative" or c == "genitive" or (c is None and not buying):
            src.append(_name(m))
        elif c is None and buying:
            dst.append(_name(m))
    src, dst = _unique(src), [d for d in _unique(dst) if d not in src]
    # "TANAP üzerinden Türkiye'ye ... taşındı": the line the goods go by is no party to the flow
    via = [_name(m) for m in ms if re.match(r"(?:['’][\wçğıöşü]*)?\s+üzerinden\b", text[m.end:m.end + 20], re.I)]
    subjects = [n for n in subjects if n not in via]
    if not src and not dst:
        return subjects, {"via": via[0]} if via else {}
    quals = {k: v[0] for k, v in (("from", src), ("to", dst), ("via", via)) if v}
    return _unique(src + dst + subjects), quals


def _turkish_stake(ctx: Context, s: int, sentence: str, fig: turkish.Figure, ms: list[Mention]
                   ) -> tuple[list[str], dict] | None:
    """"TANAP'ın yüzde 58'i SOCAR'a, yüzde 30'u BOTAŞ'a aittir": the dative after each share holds it;
    "SOCAR, TANAP'ın yüzde 58'ine sahip": the subject holds it; the genitive (else the line named) is
    what the share is of."""
    text = ctx.doc.text
    later = [f.start for f in turkish.figures(sentence) if f.start > fig.start]
    stop = s + (later[0] if later else len(sentence))
    parties = [m for m in ms if m.type in ("organization", "country", "infrastructure")]
    asset = next((m for m in parties if turkish.case(text, m.end) == "genitive"), None) or next(
        (m for m in parties if m.type == "infrastructure"), None)
    holder = next((m for m in parties if s + fig.end <= m.start < stop and m is not asset
                   and turkish.case(text, m.end) == "dative"), None)
    if holder is None and re.search(r"sahip", sentence, re.I):
        holder = next((m for m in parties if m.end <= s + fig.start and m is not asset
                       and turkish.case(text, m.end) is None), None)
    if holder is None or asset is None or _name(holder) == _name(asset):
        return None
    return [_name(holder), _name(asset)], {"holder": _name(holder), "asset": _name(asset)}


@lru_cache(maxsize=256)
def _turkish_state(word: str) -> str | None:
    """The state a Turkish nationality word names ("Türk", "Azerbaycanlı", "Rus"): the country name it is
    (without "-lı"), or the one it begins with a short ending away ("Türk" of "Türkiye", "Rus" of "Rusya")."""
    gaz = gazetteer.load()
    base = re.sub(r"(?:lı|li|lu|lü)$", "", word)
    for cand in (word, base):
        e = gaz.lookup(cand)
        if e is not None and e.type == "country":
            return e.canonical
    hits = {e.canonical for name, e in gaz.entries.items() if e.type == "country" and " " not in name
            and name.startswith(base) and 0 < len(name) - len(base) <= 3}
    return hits.pop() if len(hits) == 1 else None

