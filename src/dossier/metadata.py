"""Metadata and line-level knowledge used by cleaning: front matter, title, byline, date, publisher,
language, boilerplate patterns, and the check that repairs text read in the wrong code page.

Dates are parsed with dateparser, languages identified with py3langid, and repairs of text read in
the wrong code page proved with wordfreq's word lists.  The
boilerplate patterns and the byline test are written by hand: they describe
what site chrome looks like (phones, e-mails, copyright lines, navigation
words), never particular sites or strings.
"""

from __future__ import annotations

import functools
import itertools
import re
import tomllib
from dataclasses import dataclass, field

# ---------------------------------------------------------------- mojibake in a single-byte code page

# Letters (and the few signs cp1251 puts at letters' places) of the Latin-1 / cp1252 upper half: a word
# made only of these is what Cyrillic, Greek, Hebrew or Arabic text looks like when read as Latin-1.
_HIGH = "\u00c0-\u00ff\u00a8\u00aa\u00af\u00b2-\u00b4\u00b8\u00ba\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
_RUN_WORD = rf"(?<![^\W\d_])[{_HIGH}]{{2,}}(?![^\W\d_])"
MOJIBAKE_RUN = re.compile(rf"{_RUN_WORD}(?:[ \t\d,.;:!?'\"()«»\-–—]+{_RUN_WORD})*")

# The languages each single-byte code page was made for (Python's codecs documentation).
_CODEPAGES = {
    "cp1251": {"ru", "uk", "bg", "be", "mk", "sr", "kk", "ky", "mn", "tg", "tt", "ba"},
    "koi8_r": {"ru"},
    "koi8_u": {"uk", "ru", "be"},
    "cp1253": {"el"},
    "cp1255": {"he", "yi"},
    "cp1256": {"ar", "fa", "ur", "ps"},
    "cp1250": {"pl", "cs", "sk", "hu", "ro", "hr", "sl", "sr", "bs", "sq"},
    "cp1257": {"lt", "lv", "et"},
}


@functools.cache
def _identifier():
    """py3langid's model with normalised probabilities (loaded on first use, not at import)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


@functools.cache
def _wordlists() -> frozenset[str]:
    import wordfreq  # imported on first use: loading it costs half a second

    return frozenset(wordfreq.available_languages())


def _known(words: list[str], lang: str) -> tuple[float, float]:
    """Share of ``words`` that wordfreq knows in ``lang``, and their mean Zipf frequency."""
    import wordfreq

    if lang not in _wordlists() or not words:
        return 0.0, 0.0
    zipfs = [wordfreq.zipf_frequency(w, lang, wordlist="small") for w in words]  # small: quick to load
    return sum(z > 0 for z in zipfs) / len(zipfs), sum(zipfs) / len(zipfs)


def known_share(text: str) -> float:
    """Share of the words of ``text`` (its first 300) that wordfreq knows in the language py3langid names."""
    words = re.findall(r"[^\W\d_]{2,}", text)[:300]
    lang = language(text)
    return _known(words, lang)[0] if lang else 0.0


def repair_codepage(run: str, context_lang: str | None = None) -> tuple[str, str] | None:
    """``run`` re-read in the code page it was really written in, and that code page; None unless proved.

    A language model has to prove the repair: the run must not already be words of the document's
    language, and the candidate must keep letters as letters, have a normal case shape, and be words
    that wordfreq knows in a language of that code page (the one py3langid names, if it is one).
    """
    words = re.findall(r"[^\W\d_]{2,}", run)
    if sum(map(len, words)) < 4:  # two or three letters are too little evidence either way
        return None
    if context_lang and _known(words, context_lang)[0] >= 0.5:
        return None
    for source in ("latin-1", "cp1252"):
        try:
            raw = run.encode(source)
            break
        except UnicodeEncodeError:
            continue
    else:
        return None
    best: tuple[tuple[float, float], str, str] | None = None
    for codec, languages in _CODEPAGES.items():
        try:
            candidate = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if candidate == run or not _plausible(run, candidate):
            continue
        guess = str(_identifier().classify(candidate)[0])
        if guess not in languages:  # not even a language this code page serves
            continue
        tried = [guess] if guess in _wordlists() else sorted(languages & _wordlists())
        cand_words = re.findall(r"[^\W\d_]{2,}", candidate)
        for lang in tried:
            share, mean = _known(cand_words, lang)
            if share >= 0.5 and mean >= 2.0 and (best is None or (share, mean) > best[0]):
                best = ((share, mean), candidate, codec)
    return (best[1], best[2]) if best else None


def _plausible(run: str, candidate: str) -> bool:
    """Letters stay letters, and every word is lower case, Capitalised or UPPER case."""
    if any(a.isalpha() and not b.isalpha() for a, b in zip(run, candidate, strict=True)):
        return False
    for word in re.findall(r"[^\W\d_]+", candidate):
        if not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
            return False
    return True


def language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid), or None for too little text."""
    sample = text[:5000]
    words = re.findall(r"[^\W\d_]{2,}", sample)
    if len(words) < 3:
        return None
    ranked = _identifier().rank(sample)
    if ranked[0][1] >= 0.9:
        return str(ranked[0][0])
    # an unsure guess (a short text full of names: "Foreign Minister Jean-Yves Le Drian met Ion Rusu in
    # Paris" reads as Dutch): of the likely languages, the one whose words these most commonly are
    likely = [lang for lang, p in ranked[:3] if p >= 0.05]
    return str(max(likely, key=lambda lang: _known(words[:300], lang)[1]))


# ---------------------------------------------------------------- boilerplate lines

_NAV = {
    "search", "menu", "home", "login", "log in", "sign in", "sign up", "register", "subscribe", "share", "print",
    "comments", "read more", "more", "next", "previous", "back", "close", "skip to content", "accept", "tweet",
    "facebook", "twitter", "instagram", "telegram", "youtube", "linkedin", "whatsapp", "rss", "contacts",
    "contact", "contact us", "about us", "advertising", "privacy policy", "terms of use", "terms and conditions",
    "sitemap", "top", "back to top", "to top", "newsletter", "cookie policy", "cookies", "all news", "related",
    "related articles", "follow us", "share this", "share this article", "email", "e-mail", "search for",
}
_LANG_SWITCH = re.compile(r"^(?:[A-Z]{2,3}\s*[|/·•]\s*)*[A-Z]{2,3}$")
_AGE_RATING = re.compile(r"^\d{1,2}\s?\+$")
_PHONE = re.compile(r"(?i)(?:\b(?:ph|tel|phone|fax|mob|mobile)\b\.?(?:\s*/\s*fax)?\s*:?\s*\+?\(?\d|\+\d)"
                    r"[\d\s().-]{6,}\d")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_COPYRIGHT = re.compile(r"(?i)©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b|\ball rights reserved\b"
                        r"|\brights\b.{0,80}\b(?:reserved|reside with|belong to)\b|\breprint\b.{0,80}\bpermi")
_CREDIT = re.compile(r"(?i)^(?:photos?|images?|pictures?|illustrations?|credits?|фото)\s*(?:by|credit|courtesy)?"
                     r"\s*[:©/]|^(?:photo|image)s?\s+by\b")
_READ_TIME = re.compile(r"(?i)^\d+\s*min(?:ute)?s?\s+read$")
_ADDRESS = re.compile(r"(?i)\b(?:str|street|ave|avenue|blvd|boulevard|rd|road|bldg|building|floor|office|suite"
                      r"|premises?|room|p\.?\s?o\.?\s?box)\b\.?")
_URL_LINE = re.compile(r"(?i)^(?:https?://|www\.)\S+$")
_REFERENCE = re.compile(r"^\[\d{1,3}\]")
_PAGE_NUMBER = re.compile(r"(?i)^(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?$")


def boilerplate(text: str) -> str:
    """'boilerplate' when a line is site chrome (navigation, contact, legal, credits), else ''."""
    t = text.strip()
    words = len(t.split())
    short = words <= 12
    if (t.casefold().strip(" :|>»·•-") in _NAV or _LANG_SWITCH.match(t) or _AGE_RATING.match(t)
            or _READ_TIME.match(t) or _URL_LINE.match(t) or _REFERENCE.match(t) or _PAGE_NUMBER.match(t)
            or (short and (_PHONE.search(t) or _EMAIL.search(t) or _CREDIT.match(t)))
            or (words <= 60 and _COPYRIGHT.search(t))
            or (words <= 25 and len(_ADDRESS.findall(t)) >= 2 and re.search(r"\d", t))):
        return "boilerplate"
    return ""


# ---------------------------------------------------------------- front matter

_YAML_BLOCK = re.compile(r"\A\ufeff?\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_TOML_BLOCK = re.compile(r"\A\ufeff?\s*\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*(?:\r?\n|\Z)", re.S)
_FIELD_KEYS = {
    "title": ("title", "headline"),
    "author": ("author", "authors", "byline", "creator"),
    "published": ("date", "published", "publishdate", "pubdate", "published_at", "date_published", "created"),
    "publisher": ("publisher", "site_name", "sitename", "source_name", "organization", "organisation"),
}
_PLACEHOLDER = re.compile(r"(?i)^(?:|unknown.*|n/?a|none|null|anonymous|admin|untitled)$")


def placeholder_lines(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where the front matter gives a metadata field a placeholder value ('source_name: "Unknown
    Source"'): per field, the spans of those lines of ``text``, as evidence that the field is missing."""
    size, _ = front_matter(text)
    field_of = {k: f for f, keys in _FIELD_KEYS.items() for k in keys}
    out: dict[str, list[tuple[int, int]]] = {}
    for m in re.finditer(r"(?m)^[ \t]*([\w-]+)[ \t]*[:=][ \t]*(.*?)[ \t]*$", text[:size]):
        value = re.sub(r"\s+#.*$", "", m.group(2)).strip().strip("\"'")
        field = field_of.get(m.group(1).casefold())
        if field and _PLACEHOLDER.match(value):
            out.setdefault(field, []).append((m.start(), m.end()))
    return out


def front_matter(text: str) -> tuple[int, dict[str, str]]:
    """Length of a YAML (---) or TOML (+++) block at the start of ``text`` (0 if none) and its fields."""
    for pattern, parse in ((_YAML_BLOCK, _parse_yaml), (_TOML_BLOCK, _parse_toml)):
        m = pattern.match(text)
        if m and re.search(r"(?m)^[A-Za-z_][\w-]*\s*[:=]", m.group(1)):
            return m.end(), _fields(parse(m.group(1)))
    return 0, {}


def _parse_toml(block: str) -> dict[str, object]:
    try:
        return tomllib.loads(block)
    except tomllib.TOMLDecodeError:
        return _parse_yaml(block.replace(" = ", ": "))


def _parse_yaml(block: str) -> dict[str, object]:
    """Top-level ``key: value`` pairs and simple lists.  Written by hand: front matter in the wild is
    often not valid YAML (unquoted colons, stray comments), and only a few scalar fields are needed."""
    out: dict[str, object] = {}
    key = None
    for line in block.splitlines():
        m = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if m:
            key, value = m.group(1), m.group(2).strip()
            if value and value[0] not in "\"'":
                value = re.sub(r"\s+#.*$", "", value)  # a trailing comment
            value = value.strip()
            if value.startswith("[") and value.endswith("]"):
                out[key] = [v.strip().strip("\"'") for v in value[1:-1].split(",") if v.strip()]
            else:
                out[key] = value.strip("\"'") if value[:1] in "\"'" else value
            continue
        item = re.match(r"^\s+-\s+(.*)$", line)
        if item and key and out.get(key) in ("", None, []):
            out[key] = []
        if item and key and isinstance(out.get(key), list):
            out[key].append(item.group(1).strip().strip("\"'"))  # type: ignore[union-attr]
    return out


def _fields(raw: dict[str, object]) -> dict[str, str]:
    """The metadata fields of a front-matter mapping (keys compared case-insensitively)."""
    lowered = {str(k).casefold(): v for k, v in raw.items()}
    fields: dict[str, str] = {}
    for name, keys in _FIELD_KEYS.items():
        for key in keys:
            value = lowered.get(key)
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value if str(v).strip())
            if value is not None and not isinstance(value, dict):
                value = str(value).strip()
                if not _PLACEHOLDER.match(value):
                    fields[name] = value
                    break
    return fields


# ---------------------------------------------------------------- dates

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ISO = re.compile(r"^\s*((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?")


@functools.cache
def _date_parser():
    from dateparser.date import DateDataParser

    # (the month required too: else English reads "14 Mart 2024" as the 14th of the current month)
    return DateDataParser(settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                                    "REQUIRE_PARTS": ["year", "month"]})


def parse_date(text: str) -> str | None:
    """An ISO 8601 date prefix (``2022-06-09``, ``2022-06`` or ``2022``) from a short date string, else None."""
    m = _ISO.match(text)
    if m:
        return "-".join(g for g in m.groups() if g)
    year = _YEAR.search(text)
    if not year:
        return None
    head = re.sub(r"(?i)^\s*(?:published|posted|updated|date|on)\b\s*:?", "", text[:year.end()]).strip(" ,|·-")
    if len(head.split()) > 5 or len(head) > 40:  # dateparser is slow on long non-dates; a date line is short
        return None
    if re.fullmatch(r"(?:19|20)\d\d", head):
        return head
    # dotted numbers are day.month.year (the European way; the American one uses slashes)
    dotted = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)", head)
    if dotted:
        d, m, y = (int(g) for g in dotted.groups())
        return f"{y}-{m:02d}-{d:02d}" if 1 <= m <= 12 and 1 <= d <= 31 else None
    data = _date_parser().get_date_data(head)
    if data.date_obj is None:
        return None
    fmt = {"day": "%Y-%m-%d", "month": "%Y-%m"}.get(data.period or "", "%Y")
    return data.date_obj.strftime(fmt)


# ---------------------------------------------------------------- bylines, titles, publisher

_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-öø-ÿā-ſ'’-]+(?:-[A-Z][a-z'’]+)?|[A-Z]\.)$")
_NOT_NAME = {"The", "Of", "And", "For", "In", "On", "To", "A", "An", "With", "At", "From", "By", "Is", "Are"}


_HONORIFIC = re.compile(r"\b(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s+")
_ROLE_WORDS = re.compile(r"(?i)\b(?:fellow|director|professor|researcher|analyst|editor|correspondent|reporter|"
                         r"associate|lecturer|expert|advis[eo]r|journalist|writer|contributor|columnist|head|chair)\b")


def byline(text: str) -> str | None:
    """The person name(s) of a byline line ("By Jane Doe", "Jane Doe and John Roe"), else None."""
    # ("Opinion — Jane Doe", "Commentary | Jane Doe": the genre label before a dash or bar goes)
    t = re.sub(r"(?i)^\s*(?:opinion|commentary|analysis|column|op-ed|editorial|guest\s+column|viewpoint)\s*[—–|:]\s*",
               "", text.strip())
    t = re.sub(r"(?i)^\s*(?:by|written by|author|authors)\s*:?\s+", "", t).strip(" .,|")
    if not t or re.search(r"\d", t) or len(t) > 80:
        return None
    t = _HONORIFIC.sub("", t)   # "Dr. Emre Kaya"
    # ("Emre Kaya, Senior Fellow": the author's post is no second name)
    names = [n.strip() for n in re.split(r"\s*(?:,|&|\band\b)\s*", t)
             if n.strip() and not _ROLE_WORDS.search(n)]
    for name in names:
        words = name.split()
        if not 2 <= len(words) <= 4 or any(w in _NOT_NAME or not _NAME_WORD.match(w) for w in words):
            return None
    return ", ".join(names) if names else None


# a publication's number in its series ("Policy Brief No. 12", "Working Paper 5", "Issue 34")
_SERIES = re.compile(r"(?i)^(?:[\w-]+\s+){0,2}(?:brief|paper|report|issue|volume|vol|series|no|number)\.?\s*"
                     r"(?:no\.?\s*)?\d{1,4}$")
_WEEKDAY = re.compile(r"(?i)^(?:mon|tues|wednes|thurs|fri|satur|sun)day$")
_LABEL = re.compile(r"(?i)^(?:published|posted|updated|first published|date)(?:\s+on)?$"
                    # the piece's genre: "Policy brief, 2 October 2024", "Opinion · 1 June 2023"
                    r"|^(?:policy\s+)?(?:brief|analysis|commentary|opinion|op-ed|feature|interview|explainer|"
                    r"editorial|column|blog|news|update|report|perspective|insight)s?$"
                    r"|^(?:company\s+|official\s+)?(?:press|news|media)\s+release$")
_PLACE = re.compile(r"^(?!(?:The|A|An)\s)(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]*)(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]*){0,2}$")
# Where a dateline's parts part: a comma, a bar or dot, a spaced dash, or a full stop before a capital.
_PART = re.compile(r"\s*(?:[,|·•/()]|\s[-–—]\s|(?<=[\w)])\.\s+(?=[A-ZÀ-Þ]))\s*")
# a wire's day without its year ("ISTANBUL, Sept 12 (Reuters) - ..."), told beside the full date
_MONTH_DAY = re.compile(r"(?i)^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}$"
                        r"|^\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$")


_GENRE_BY = re.compile(r"(?i)^(?:an?\s+)?(?:interview|analysis|commentary|opinion|report|reporting|story|text|"
                       r"photos?|words|editing|compiled|edited|prepared|written)\s+by\s+(?:the\s+)?")
# A wire's dateline that opens the first paragraph: "Baku, 14 March 2024 — President ...", "KARS, Sept 4,
# 2023 /Caucasus Wire/ -- Turkish troops ...": the words before the first spaced dash.
_LEAD_DATELINE = re.compile(r"(.{6,120}?)\s+(?:--|[-–—])\s+(?=\S)")


@functools.lru_cache(maxsize=4)   # the time and entity readers both ask, of the same document
def lead_dateline_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where a dateline opens a paragraph of ``text`` (see :func:`lead_dateline`): its character spans."""
    # (not a list item's date: "• 9 November 1991 — Türkiye recognises ..." in a timeline)
    return tuple((d.start(1), d.end(1)) for m in re.finditer(r"(?:\A|\n\n)(?=[^\s•·▪*-])", text)
                 if (d := _LEAD_DATELINE.match(text, m.end())) and dateline(d.group(1)))


def lead_dateline(paragraph: str) -> dict[str, str] | None:
    """The dateline (as :func:`dateline`) that opens a paragraph and ends at a spaced dash, else None."""
    m = _LEAD_DATELINE.match(paragraph.strip())
    return dateline(m.group(1)) if m else None


def dateline(text: str) -> dict[str, str] | None:
    """The date, byline and publication of one line that gives them together ("Baku, 26 September 2023,
    Regional Energy Wire"; "By Daily Business Desk, 8 February 2024"; "Security Review, 3 May 2024. By
    Jane Doe"), or None unless every other part of the line is one of those, a weekday or a place."""
    t = text.strip(" \t*_")
    if len(t.split()) > 16:
        return None
    for year in _YEAR.finditer(t):
        words = list(re.finditer(r"\S+", t[:year.start()]))
        # the day and month come in the two words before the year: "26 September", "September 8,"
        found = next(((w.start(), d) for w in words[-2:] if (d := parse_date(t[w.start():year.end()]))
                      and len(d) > 4), None)
        if not found:
            continue
        out = {"published": found[1]}
        # a wire's agency in brackets after its place: "KARS (AA)", "CHISINAU, Aug 27, 2024 (Reuters)"
        agency = re.search(r"\(([A-Z][\w&.-]{1,20}(?:\s+[A-Z][\w&.-]*){0,3})\)", t)
        if agency and not _is_place(agency.group(1)):
            out["publisher"] = agency.group(1)
        for part in _PART.split(f"{t[:found[0]]} | {t[year.end():]}"):
            part = part.strip(" .,;:|*_–—-/")
            if not part or _WEEKDAY.match(part) or _LABEL.match(part) or _MONTH_DAY.match(part) \
                    or _SERIES.match(part):
                continue
            part = _GENRE_BY.sub("by ", part)   # "Interview by Jane Doe": the genre word goes
            if re.match(r"(?i)by\s", part) and (name := byline(part)):
                key = "publisher" if organisation_byline(name) else "author"
            elif organisation_byline(part) and not re.search(r"\d", part):
                key, name = "publisher", re.sub(r"(?i)^by\s+", "", part)
            elif _PLACE.match(part) or (part.isupper() and len(part.split()) <= 3):
                out.setdefault("place", part)   # the dateline's place ("Baku", "ASTANA")
                continue
            else:
                return None
            out.setdefault(key, name)
        return out
    return None


def _is_place(word: str) -> bool:
    """Whether the gazetteer knows ``word`` as a country, capital or region ("KARS (Türkiye)")."""
    from dossier import gazetteer  # the gazetteer is loaded only for a bracketed word

    entry = gazetteer.load().lookup(word)
    return entry is not None and entry.type in ("country", "place")


def heading_like(text: str) -> bool:
    """A line that could be a title: a few words, not a sentence, not a date or link."""
    t = text.strip()
    words = t.split()
    return (2 <= len(words) <= 25 and len(t) <= 200 and not t.endswith((".", ",", ";"))
            and any(w[:1].isupper() for w in words) and not boilerplate(t) and "@" not in t
            and "://" not in t and parse_date(t) is None)


_HOLDER = [
    re.compile(r"(?i)(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)\s*[,.]?\s*"
               r"(?P<org>[^\n.|©]{3,80})"),
    re.compile(r"(?i)\brights\b[^.\n]{0,80}?\b(?:reside|remain|belong)s?\s+(?:with|to)\s+(?:the\s+)?"
               r"(?P<org>[A-Z][^.\n]{2,80})"),
]


def publisher_from_text(text: str) -> str | None:
    """The organisation a copyright line names ("© 2022-2024, X", "all rights ... reside with X")."""
    for pattern in _HOLDER:
        for m in pattern.finditer(text):
            org = re.sub(r"(?i)\s*[-,;:]?\s*all rights reserved.*$", "", m.group("org")).strip(" ,;:-")
            if org and re.search(r"[^\W\d_]", org) and len(org.split()) <= 10:
                return org
    return None


# Words that make a byline an organisation's (the page's publisher), not a person's.
_ORG_BYLINE = re.compile(
    r"(?i)\b(?:directorate|ministry|agency|news|office|department|commission|institute|council|cent(?:re|er)|"
    r"service|press|media|times|post|daily|tribune|gazette|journal|foundation|university|bureau|staff|desk|"
    r"editorial|broadcasting|network|group|association|wire|review|monitor|herald|observer|magazine|weekly|week)\b"
    r"|\.(?:com|org|net|co|gov|int|eu|info)\b")


def organisation_byline(author: str | None) -> str | None:
    """A byline that names an organisation or a website ("Dawn.com", "Directorate-General for Energy")."""
    if author and _ORG_BYLINE.search(author) and len(author.split()) <= 8:
        return author
    return None


@dataclass
class Meta:
    """Metadata found for a document and the units (by index) that held it."""

    title: str | None = None
    author: str | None = None
    published: str | None = None
    publisher: str | None = None
    place: str | None = None   # where the dateline says the piece was written ("Baku", "ANKARA")
    used: set[int] = field(default_factory=set)
    title_at: int | None = None

    def merge(self, fields: dict[str, str]) -> None:
        """Declared metadata (front matter, HTML meta) wins over what was read from the text."""
        if fields.get("title") and self.title_at is not None and not _same(fields["title"], self.title or ""):
            self.used.discard(self.title_at)  # that line was a section heading, not the title: it stays
        for key in ("title", "author", "publisher"):
            if fields.get(key):
                setattr(self, key, re.sub(r"\s+", " ", fields[key]).strip())
        if fields.get("published"):
            self.published = parse_date(fields["published"]) or self.published


def _same(a: str, b: str) -> bool:
    """Two titles that are the same words, or one of which contains the other."""
    x, y = (" ".join(re.findall(r"\w+", t.casefold())) for t in (a, b))
    return bool(x and y) and (x in y or y in x)


_LABEL_DATE = re.compile(r"(?i)^(?:publication date|published(?: on)?|date|posted(?: on)?)\s*:?\s*(.*)$")
_LABELLED_DATE = re.compile(r"(?i)(?:^|[.|·]\s+)(?:published|posted|publication date)(?:\s+on)?\s*:?\s+"
                            r"([^|·]{6,30}?(?:19|20)\d\d)\.?\s*$")
_LABEL_AUTHOR = re.compile(r"(?i)^(?:authors?|written by|by)\s*:?\s*(.*)$")


def _lines(unit: str) -> list[str]:
    """A lead unit, or the lines of a sender's block of a few ("Ministry of Foreign Affairs\nBaku, 7 June
    2024"), each of which may be a date line."""
    lines = unit.strip().splitlines()
    return [unit] if len(lines) == 1 else lines if len(lines) <= 3 else []


def from_units(texts: list[str], classes: list[str], headings: list[int], items: list[bool] | None = None) -> Meta:
    """Title, byline and date from the lines before the article body; labelled ones from the lines after."""
    meta = Meta()
    first = next((i for i, c in enumerate(classes) if c == "good"), len(texts))
    last = max((i for i, c in enumerate(classes) if c == "good"), default=len(texts))
    lead = [i for i in range(first) if classes[i] in ("short", "near")]
    lines = [(i, line) for i in lead for line in _lines(texts[i])]
    dated = [(i, line, d) for i, line in lines if len(line.split()) <= 8 and (d := parse_date(line))]
    dates = [(i, d) for i, _, d in dated]
    names = [(i, n) for i, line in lines if (n := byline(line))]
    if dates:
        meta.published = dates[0][1]
        meta.used.add(dates[0][0])
        # "Published 12 June 2025 by Caspian Business Post": the publication the date line names too
        parts = dateline(dated[0][1]) or {}
        meta.publisher, meta.place = parts.get("publisher"), parts.get("place")
    elif parts := next(((i, d) for i, line in lines if (d := dateline(line))), None):
        dates = [(parts[0], parts[1]["published"])]   # "Baku, 26 September 2023, Regional Energy Wire"
        meta.published, meta.publisher = parts[1]["published"], parts[1].get("publisher")
        meta.place = parts[1].get("place")
        if parts[1].get("author"):
            names = [(parts[0], parts[1]["author"])]
        meta.used.add(parts[0])
    elif labelled := next(((i, d) for i, line in lines for m in [_LABELLED_DATE.search(line)] if m
                           for d in [parse_date(m.group(1))] if d and len(d) > 4), None):
        # "Interview with X, Ambassador of Y. Published: 2 June 2023": a labelled date ends a longer line
        dates = [labelled]
        meta.published = labelled[1]
        meta.used.add(labelled[0])
    elif first < len(texts) and not (items and items[first]) and (parts := lead_dateline(texts[first])):
        # the first paragraph opens with the dateline; the paragraph stays, the dateline in it
        dates = [(first, parts["published"])]
        meta.published, meta.publisher, meta.place = parts["published"], parts.get("publisher"), parts.get("place")
        meta.author = None if names else parts.get("author")
    anchor = min([i for i, _ in dates[:1] + names[:1]], default=first)
    before = [i for i in lead if i < anchor and i not in meta.used]
    rest = [i for i in lead if i not in meta.used]
    marked = sorted((i for i in before if headings[i]), key=lambda i: (headings[i], -i))  # "#" first, then nearest
    title_at = next(itertools.chain(
        marked, (i for i in reversed(before) if heading_like(texts[i])),
        sorted((i for i in rest if headings[i]), key=lambda i: (headings[i], i)),
        (i for i in rest if heading_like(texts[i]))), None)
    if title_at is not None:
        meta.title, meta.title_at = texts[title_at].strip(), title_at
        meta.used.add(title_at)
    for i, name in names:
        if title_at is None or i > title_at:
            meta.author = name
            meta.used.add(i)
            break
    # "Directorate-General for Energy" on its own line by the date, or in the date's block ("Press Office of
    # the Ministry\nBaku, 7 June 2024"): the publishing body
    for i, line in ((k, x.strip(" \t*•-–")) for k, x in lines):
        block = i in meta.used and "\n" in texts[i].strip() and dateline(line) is None
        if (i not in meta.used or block) and i != title_at and not re.search(r"[.!?:]$", line) \
                and organisation_byline(line) and "://" not in line and parse_date(line) is None:
            meta.publisher = meta.publisher or line
            meta.used.add(i)
            break
    for i in range(last + 1, len(texts)):  # "Publication date" / "Author" labels below the article
        for label, attr in ((_LABEL_DATE, "published"), (_LABEL_AUTHOR, "author")):
            m = label.match(texts[i].strip())
            if not m or getattr(meta, attr):
                continue
            value_at = i if m.group(1) else i + 1
            if value_at >= len(texts):
                continue
            value = m.group(1) or texts[value_at]
            parsed = parse_date(value) if attr == "published" else (byline(value) or value.strip() or None)
            if parsed and (attr == "published" or len(value.split()) <= 8):
                setattr(meta, attr, parsed)
                meta.used.update({i, value_at})
    return meta
