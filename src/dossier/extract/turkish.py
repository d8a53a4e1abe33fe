"""Names and facts in Turkish articles, read from the surface.

The English model invents names from every capitalised Turkish phrase, so a
Turkish document gets the gazetteer's names plus what this module reads with
rules that hold for Turkish orthography:

- a proper name takes its case suffix after an apostrophe ("Azerbaycan'ın",
  "Orta Koridor'un"): the name ends at the apostrophe;
- a named thing ends with a head noun that says its kind ("... Boru Hattı"
  pipeline, "... Koridoru" corridor, "... Savaşı" war, "... Beyannamesi"
  declaration); the capitalised words before it are its name;
- an acronym defined in parentheses ("Bakü-Tiflis-Kars (BTK) Demiryolu Hattı")
  and capitalised acronyms of three letters or more ("SOCAR", "TANAP").

Dates: "1991 yılında", "2017'de", "15 Haziran 2021", "1991-1994". Events: a
sentence that states a founding, independence, recognition, war, opening or
signing with a trigger word stem and names what it is about.  The head nouns
and trigger stems are Turkish words, not names or facts of any article.  No
Turkish parser is used on purpose: none ships with spaCy 3.7 offline, and the
rules below need only the surface.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# kind-giving head nouns (with their possessive forms) -> entity type
HEADS = {
    "infrastructure": ("Boru Hattı", "Doğal Gaz Boru Hattı", "Ham Petrol Boru Hattı", "Boru hattı",
                       "Demiryolu Hattı", "Demiryolu hattı", "Demiryolu", "Koridoru", "Koridor", "Hattı", "Limanı",
                       "Rafinerisi",
                       "Köprüsü", "Projesi", "Güzergâhı", "Güzergahı", "Otoyolu"),
    "organization": ("Şirketi", "Konsorsiyumu", "Örgütü", "Teşkilatı", "Bakanlığı", "Konseyi", "Merkezi",
                     "Kuvvetleri", "Ajansı", "Bankası", "Birliği", "Holding", "Meclisi", "Partisi"),
    "event": ("Savaşı", "Savaş", "Zaferi", "Zirvesi", "Tatbikatı", "Forumu", "Harekâtı", "Harekatı"),
    "agreement": ("Beyannamesi", "Anlaşması", "Antlaşması", "Protokolü", "Mutabakat Zaptı", "Bildirgesi"),
    "country": ("Cumhuriyeti", "Devleti", "İmparatorluğu"),
}
_HEAD_TYPE = {h: t for t, hs in HEADS.items() for h in hs}
_HEAD_RE = "|".join(sorted((re.escape(h) for h in _HEAD_TYPE), key=len, reverse=True))
_CAP = r"(?:[A-ZÇĞİÖŞÜÂ][\wçğıöşüâîû.]*)"   # a capitalised word
_LINK = r"(?:\s?[-–]\s?|\s)"
# capitalised words (joined by spaces or hyphens), an optional "(ACR)", the kind-giving head
NAMED = re.compile(r"(?<![\w'’])(?P<name>" + _CAP + r"(?:" + _LINK + _CAP + r"){0,6}?)"
                   r"(?:\s\((?P<acr>[A-ZÇĞİÖŞÜ]{2,8})\))?\s(?P<head>" + _HEAD_RE + r")(?![\wçğıöşü])")
ACRONYM = re.compile(r"(?<![\w'’])[A-ZÇĞİÖŞÜ]{3,8}(?![a-zçğıöşü])")
# a person named after a title: "Cumhurbaşkanı Recep Tayyip Erdoğan", "Dışişleri Bakanı Hakan Fidan" (the name's
# capitalised words, up to a case suffix after an apostrophe: "İlham Aliyev'in")
_NAME_WORD = r"[A-ZÇĞİÖŞÜ][a-zçğıöşüâîû]+"
TITLED_PERSON = re.compile(r"(?<![\wçğıöşü])(?:Cumhurbaşkanı|Başbakanı?|Bakanı|Büyükelçisi|Başkanı|Sekreteri|"
                           r"Sözcüsü|Komutanı)\s(?P<name>" + _NAME_WORD + r"(?:\s" + _NAME_WORD + r"){1,3})"
                           r"(?![\wçğıöşü])")

# a place: a name in the locative after its apostrophe ("Şuşa'da", "Laçın'de", "Kars'ta"); the gazetteer's
# names (countries, capitals) are left to it
LOCATIVE = re.compile(r"(?<![\wçğıöşü'’])(?P<name>" + _NAME_WORD + r"(?:\s" + _NAME_WORD + r"){0,2})['’](?:da|de|ta|te)"
                      r"(?![\wçğıöşü])")

MONTHS = {"ocak": 1, "şubat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "haziran": 6, "temmuz": 7, "ağustos": 8,
          "eylül": 9, "ekim": 10, "kasım": 11, "aralık": 12}
_MONTH_RE = "|".join(m.capitalize() for m in MONTHS) + "|" + "|".join(MONTHS)
DAY_DATE = re.compile(r"\b(?P<d>\d{1,2})\s(?P<m>" + _MONTH_RE + r")\s(?P<y>1[89]\d\d|20\d\d)\b")
MONTH_DATE = re.compile(r"\b(?P<m>" + _MONTH_RE + r")\s(?P<y>1[89]\d\d|20\d\d)\b")
YEAR_RANGE = re.compile(r"\(?\b(?P<y>1[89]\d\d|20\d\d)\s?[-–]\s?(?P<y2>1[89]\d\d|20\d\d)\b\)?")
# a year as such: "1991 yılında", "1991'de", "2017’den bu yana"
YEAR = re.compile(r"\b(?P<y>1[89]\d\d|20\d\d)(?:\s(?:yılında|yılı|yılından|yılına)|['’](?:de|da|te|ta|den|dan|ten|"
                  r"tan|deki|daki|teki|taki|e|a|ye|ya|in|ın|un|ün|nin|nın)\b)")

# trigger stems -> event type (lowercase, matched at a word start)
TRIGGERS = (
    ("independence", r"bağımsızlığını\s(?:\w+\s)?(?:ilan|kazan)|bağımsızlık\silan"),
    ("agreement_in_force", r"yürürlüğe\s(?:gir|kon)"),
    # "diplomatik ilişkiler 14 Ocak 1992'de kuruldu" (before "kurul": the relations, not a body, are set up)
    ("diplomatic_relations", r"diplomatik\silişki[\wçğıöşü]*\s(?:[\wçğıöşü'’]+\s){0,4}?kur"),
    ("recognition", r"tanı(?:yan|dı|mış|ması|mıştır|yarak|nan|ndı)"),
    ("opening", r"faaliyete\sgeç|hizmete\s(?:gir|açıl)|işletmeye\s(?:alın|açıl)|açılış|açıldı"),
    ("organization_change", r"kurul(?:an|du|muş|muştur|ması)|kuruldu"),
    ("agreement_signed", r"imzala(?:n|dı|mış|yarak|ması)"),
    ("war", r"savaş(?:ı|ında|ının)?\b"),
    ("military_exercise", r"tatbikat"),
    ("visit", r"ziyaret"),
    # not "zirve noktası", a peak; "karşıladı", "kabul etti": received (a visitor)
    ("meeting", r"zirve(?:si|sinde|sine|de)\b|görüştü|görüşmesi|bir\saraya\sgel|karşıladı|kabul\setti"),
)
_TRIGGER_RES = tuple((typ, re.compile(r"(?<![\wçğıöşü])(?:" + pat + r")[\wçğıöşü]*", re.I)) for typ, pat in TRIGGERS)
# a defined acronym inside a name: "Bakü-Tiflis-Kars (BTK) Demiryolu Hattı"
DEFINED_ACRONYM = re.compile(r"\s?\(([A-ZÇĞİÖŞÜ]{2,8})\)")


@dataclass
class Name:
    start: int
    end: int
    type: str
    form: str = "name"    # name | acronym


def is_turkish(language: str | None) -> bool:
    return (language or "") == "tr"


def names(text: str) -> list[Name]:
    """Named things and acronyms of a Turkish text (the gazetteer adds countries, places, organisations)."""
    out: list[Name] = []
    for m in NAMED.finditer(text):
        typ = _HEAD_TYPE.get(m.group("head"), "organization")
        if "Özerk" in m.group("name"):
            typ = "place"   # "Nahçıvan Özerk Cumhuriyeti": an autonomous republic is a region of a state
        out.append(Name(m.start("name"), m.end("head"), typ))
        if m.group("acr"):
            out.append(Name(m.start("acr"), m.end("acr"), typ, "acronym"))
    for m in ACRONYM.finditer(text):
        out.append(Name(m.start(), m.end(), "organization", "acronym"))
    for m in TITLED_PERSON.finditer(text):
        out.append(Name(m.start("name"), m.end("name"), "person"))
    taken = [(n.start, n.end) for n in out]
    for m in LOCATIVE.finditer(text):
        if not any(a < m.end("name") and m.start("name") < b for a, b in taken):
            out.append(Name(m.start("name"), m.end("name"), "place"))
    return out


def dates(text: str) -> list[tuple[int, int, str, str | None]]:
    """(start, end, ISO value, ISO end or None) for each date of a Turkish text, without overlaps."""
    found: list[tuple[int, int, str, str | None]] = []

    def free(s: int, e: int) -> bool:
        return not any(s < fe and fs < e for fs, fe, _, _ in found)

    for m in DAY_DATE.finditer(text):
        found.append((m.start(), m.end(), f"{m['y']}-{MONTHS[m['m'].lower()]:02d}-{int(m['d']):02d}", None))
    for m in MONTH_DATE.finditer(text):
        if free(m.start(), m.end()):
            found.append((m.start(), m.end(), f"{m['y']}-{MONTHS[m['m'].lower()]:02d}", None))
    for m in YEAR_RANGE.finditer(text):
        if free(m.start(), m.end()) and m["y"] < m["y2"]:
            found.append((m.start(), m.end(), m["y"], m["y2"]))
    for m in YEAR.finditer(text):
        if free(m.start(), m.end()):
            found.append((m.start(), m.start("y") + 4, m["y"], None))
    return sorted(found)


def triggers(sentence: str) -> list[tuple[str, int, int]]:
    """(event type, start, end of its word) for each trigger word stem of a Turkish sentence."""
    out = [(typ, m.start(), m.end()) for typ, pattern in _TRIGGER_RES for m in pattern.finditer(sentence)]
    return sorted(out, key=lambda x: x[1])


def participle(phrase: str, following: str) -> bool:
    """A relative participle ("kazanan", "kurulan", "ilan eden"): it qualifies the noun after it.
    ``phrase`` is the trigger's words, ``following`` the word after them."""
    if re.search(r"\b(?:ilan|kazan)$", phrase):   # the verb's stem: its ending is the next word
        return following in ("eden", "edilen", "olan")
    return bool(re.search(r"(?:an|en|yan|yen|dığı|diği|duğu|düğü)$", phrase))


# a sentence ends at . ! ? before a capital or a digit, and at a line break
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[\dA-ZÇĞİÖŞÜ\"“'‘•*-])|\n+")


@lru_cache(maxsize=4)   # events, relations and quantities all read the same document's sentences
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans of a Turkish text (the English sentencizer splits "1991 yılında" off its year)."""
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        if text[start:m.start()].strip():
            out.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return tuple(out)


# --- figures ------------------------------------------------------------------------------------

_TR_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"     # Turkish: "1.850", "6,53"
SCALES = {"bin": 1e3, "milyon": 1e6, "milyar": 1e9, "trilyon": 1e12}
# unit words (after the number and its scale) -> (unit, dimension)
UNITS = (
    (r"milyar\s+metreküp|milyar\s+m3|bcm", "bcm", "volume"),
    (r"metreküp|m3", "m3", "volume"),
    (r"kilometre(?:lik)?|km", "km", "length"),
    (r"varil", "bbl", "volume"),
    (r"ton", "t", "mass"),
    (r"(?:ABD\s+)?dolar(?:ı|lık)?|\$", "USD", "money"),
    (r"avro|euro", "EUR", "money"),
    (r"TL|Türk\s+lirası|lira", "TRY", "money"),
    (r"manat", "AZN", "money"),
    (r"MW|megavat", "MW", "power"),
)
FIGURE = re.compile(r"(?P<pct>(?:yüzde|%)\s?)?(?P<n>" + _TR_NUM + r")(?:\s?[-–]\s?(?P<n2>" + _TR_NUM + r"))?"
                    r"(?:\s(?P<scale>bin|milyon|milyar|trilyon)\b)?(?:\s?(?P<unit>"
                    + "|".join(u for u, _, _ in UNITS) + r")[a-zçğıöşü]*)?(?![\wçğıöşü])")   # "tona", "dolarlık"
APPROX = {"yaklaşık": "about", "yakın": "approaching", "üzerinde": "more than", "fazla": "more than",
          "aşkın": "more than", "en az": "at least", "kadar": "up to"}
TARGET_WORDS = re.compile(r"hedef|planlan|öngörül|amaçlan|çıkarılması|çıkarmak|ulaştırılması|ulaşması\sbekleniyor",
                          re.I)
TARGET_VERBS = re.compile(r"hedeflen|hedefli|planlan|planlı|öngörül|amaçlan|amaçlı|çıkarılması|çıkarma(?:k|yı)|"
                          r"(?<![\wçğıöşü])olacak(?:tır)?(?![\wçğıöşü])|"   # "... kapasitesi 5 bcm olacak": will be
                          r"artırma(?:k|yı)|ulaştırılması|ulaştırma(?:k|yı)|ulaşması\sbekleniyor",
                          re.I)
ESTIMATE_WORDS = re.compile(r"tahmin", re.I)
INDICATORS = (   # keyword stems of the sentence -> indicator, in order of precedence
    ("trade_turnover", r"ticaret\shacmi|dış\sticaret"),
    ("investment", r"yatırım"),
    ("contracts_value", r"müteahhit|(?<![\wçğıöşü])proje(?:ler)?(?:i|in|e|de)?\b"),   # "19 milyar dolarlık 450 proje"
    ("capacity", r"kapasite"),
    ("gas_supply", r"doğal\s?gaz|gaz\sihracat|gaz\stedarik|(?<![\wçğıöşü])gaz(?:ı|ın)?\s"),
    ("oil_supply", r"petrol"),
    ("count", r"(?<![\wçğıöşü])yük(?:ü|ün|e|te)?\b|konteyner"),   # tonnes of cargo ("500 bin ton yük")
)


def _number(raw: str) -> float:
    return float(raw.replace(".", "").replace(",", "."))


@dataclass
class Figure:
    start: int
    end: int
    value: float
    unit: str
    dim: str
    value_max: float | None = None
    approx: str | None = None


def figures(text: str) -> list[Figure]:
    """Measured figures of a Turkish text: a number with a unit or a currency (and "yüzde X"); bare
    numbers are left alone."""
    out = []
    for m in FIGURE.finditer(text):
        if not (m.group("unit") or m.group("pct")):
            continue
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in ".,"):
            continue
        scale = SCALES[m.group("scale")] if m.group("scale") else 1.0
        if m.group("pct"):
            unit, dim = "%", "percent"
        else:
            unit, dim = next(((u, d) for pat, u, d in UNITS if re.match(pat, m.group("unit"), re.I)), (None, None))
            if unit is None:
                continue
            if unit == "bcm" or (unit == "m3" and m.group("scale") == "milyar"):
                unit, scale = "bcm", 1.0   # "16 milyar metreküp" is 16 bcm
            elif unit == "m3" and m.group("scale") == "milyon":
                unit, scale = "bcm", 1e-3   # "500 milyon metreküp" is 0.5 bcm
        if unit in ("bcm", "t") and re.search(r"(?:yılda|yıllık|senelik)\s+(?:[\wçğıöşü]+\s+){0,2}$",
                                              text[max(0, m.start() - 30):m.start()], re.I):
            unit, dim = unit + "/y", "flow"   # "yılda 16 milyar metreküp": a yearly flow
        value = _number(m.group("n")) * scale
        value_max = _number(m.group("n2")) * scale if m.group("n2") else None
        before = text[max(0, m.start() - 12):m.start()].lower()
        after = text[m.end():m.end() + 12].lower()
        # ("kadar" after the figure is "up to"; before it, "2030 yılına kadar", it is "by 2030")
        approx = next((a for w, a in APPROX.items() if re.search(r"(?<![\wçğıöşü])" + w + r"(?![\wçğıöşü])",
                                                                 after if w == "kadar" else before + " " + after)),
                      None)
        out.append(Figure(m.start(), m.end(), float(f"{value:.12g}"), unit, dim,
                          float(f"{value_max:.12g}") if value_max else None, approx))
    return out


# the case ending after a name's apostrophe says its part in the clause: "Azerbaycan'a" (to), "Türkiye'deki"
# (in: the one a stake or investment is in), "Azerbaycan'ın" (of), "Rusya'dan" (from)
_CASES = (("dative", r"y?[ae]"), ("in", r"[dt][ae]ki"), ("genitive", r"n?[ıiuü]n"), ("ablative", r"n?[dt][ae]n"),
          ("locative", r"[dt][ae]"))
_CASE_RES = tuple((c, re.compile(r"['’](?:" + pat + r")(?![\wçğıöşü])")) for c, pat in _CASES)


def case(text: str, end: int) -> str | None:
    """The case of the name ending at ``end``: "dative", "in", "genitive", "ablative", "locative", or None
    (no ending: the subject, or a name inside a phrase)."""
    return next((c for c, pat in _CASE_RES if pat.match(text, end)), None)


# a company's nationality before its kind: "Türk şirketleri", "Azerbaycanlı yatırımcılar", "Türk müteahhitler"
NATIONAL_FIRMS = re.compile(r"(?<![\wçğıöşü])(?P<adj>[A-ZÇĞİÖŞÜ][a-zçğıöşü]+)\s"
                            r"(?:şirket|firma|yatırımcı|kuruluş|müteahhit)[\wçğıöşü]*")


def indicator(sentence: str, fig: Figure) -> str | None:
    """The indicator a Turkish sentence gives its figure, from keyword stems (None: a figure we
    cannot say what it measures)."""
    if fig.dim == "length":
        return "length"   # (by its unit alone: in "97 kilometrelik hat, yılda 0,5 bcm ..." the flow is no length)
    if fig.dim == "power":
        return "capacity"
    if fig.dim == "percent":
        # ("TANAP'ın yüzde 58'i SOCAR'a aittir": a share of the line belongs to SOCAR)
        return "equity_share" if re.search(r"hisse|pay(?:ı|ına|ını)\b|ortaklık|(?<![\wçğıöşü])ait(?:tir)?\b|sahip",
                                           sentence, re.I) else None
    for ind, pat in INDICATORS:
        if re.search(pat, sentence, re.I):
            if ind in ("gas_supply", "oil_supply", "capacity") and fig.dim not in ("volume", "mass", "flow"):
                continue
            if ind in ("trade_turnover", "investment", "contracts_value") and fig.dim != "money":
                continue
            if ind == "count" and fig.unit not in ("t", "t/y"):
                continue
            return ind
    return None


def modality(sentence: str, fig: Figure | None = None) -> str:
    """A target when the sentence aims at its figure: a target word near it ("Stratejik hedef, ... 5 milyon
    tona çıkarmak") or a verb of aiming after it ("... ton olması hedefleniyor"), not a goal the sentence
    goes on to name ("çok yönlü hedeflere hizmet eden" serves many goals)."""
    if fig is None:
        if TARGET_WORDS.search(sentence):
            return "target"
    elif TARGET_WORDS.search(sentence[max(0, fig.start - 120, sentence.rfind(":", 0, fig.start) + 1):fig.start]) \
            or TARGET_VERBS.search(sentence[fig.end:]):
        return "target"   # (a heading before a colon is not the figure's: "Büyüme Hedefleri: 2021 yılında ...")
    if ESTIMATE_WORDS.search(sentence):
        return "estimate"
    return "actual"


# a line that runs, passes, links or carries ("uzanan", "geçen", "bağlayan", "birleştiren", "ulaştıran")
ROUTE_VERBS = re.compile(r"(?<![\wçğıöşü])(?:uzan|geç|bağla|birleştir|ulaştır|taşı|başla|ilerle|ulaş)[\wçğıöşü]*",
                         re.I)
# "bu hat", "bu güzergâh": the line named just before
THIS_LINE = re.compile(r"(?<![\wçğıöşü])(?:bu|söz konusu)\s+(?:hat|güzergâh|güzergah|koridor|boru hattı|demiryolu)",
                       re.I)
# a sentence opening with the line's kind word alone ("Boru hattının kapasitesi ...", "Hattın uzunluğu ..."):
# Turkish has no article, the line named before is meant
# ("97 kilometrelik hat, ...": its length told before the word)
THE_LINE = re.compile(r"^\s*(?:[\d.,]+\s*(?:kilometre|km)['’]?l[iıuü]k\s+)?"
                      r"(?:boru\s+hatt|hatt?|demiryol|koridor|güzergâh|güzergah)[\wçğıöşü]*[\s,]", re.I)
