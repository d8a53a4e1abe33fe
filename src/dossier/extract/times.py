"""Time expressions: find them in the clean text and say which one governs a span.

``find_times`` reads dates with a small grammar over the text (days, months,
years, ranges, decades, quarters) and resolves relative expressions ("last
year", "yesterday", "on Monday", "recently") against the publication date, and
anaphoric ones ("during this period", "the same year") against the time
expression before them.  ``time_for`` picks, for a span of the text, the time
expression of its sentence that governs it.

Values are ISO 8601 prefixes (``2021``, ``2021-04``, ``2021-06-15``); a day or
month whose year the text does not give keeps ``XXXX`` for the year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dossier import metadata
from dossier.extract import turkish
from dossier.extract.context import Context, TimeExpr

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

# Words that may stand right before a bare year without making it part of a name ("Ephesus 2022").
_YEAR_LEFT_OK = {
    "in", "since", "by", "from", "until", "till", "to", "during", "of", "before", "after", "around", "circa", "c",
    "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "fiscal", "fy", "end", "and", "or",
    "as", "for", "between", "through", "throughout", "year", "years", "on", "at", "the", "est",
}
# A bare number followed by one of these is a measure, not a year ("2000 km", "1990 people").
_NOT_YEAR_RIGHT = re.compile(
    r"\s*(?:%|per\s?cent|percent|km|kilomet|miles?\b|bcm|barrels?|bbl|tons?\b|tonnes?|met(?:re|er)s|m3|mln|million|"
    r"billion|bn\b|thousand|people|persons|soldiers|troops|units|companies|firms|projects|items|dollars|euros|"
    r"manats?\b|liras?\b|rubles?\b|[xX×]\b)", re.I)

# "the 1639 Ottoman-Safavid accord", "the 1920 Treaty of Sèvres": an old year dating a named treaty or war
_DATED_NAME_RIGHT = re.compile(
    r"\s+(?:[A-Z][\w’'-]*\s+){0,4}(?:accords?|treaty|treaties|agreement|peace|war|battle|conference|congress|"
    r"Treaty|Accords?|Agreement|Peace|War|Battle|Conference|Congress)\b")

# an abbreviation may end in a dot ("Sept. 15"); a full name's dot ends the sentence
_MON = (r"(?P<{g}>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|Jun(?:e|\.)?|Jul(?:y|\.)?|"
        r"Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{g}>1[0-9]{{3}}|20[0-9]{{2}}|2100)(?![\d])"
_DASH = r"\s*(?:-|–|—|‒|to|until|till|through|and)\s*"  # "and" only after "between" (checked in _build)
_WKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"


def _p(template: str, **groups: str) -> str:
    return template.format(**groups)


def _mon(g: str) -> str:
    return _MON.format(g=g)


def _day(g: str) -> str:
    return _DAY.format(g=g)


def _year(g: str) -> str:
    return _YEAR.format(g=g)


_LB = r"(?<![\w$€£.,/-])"  # a number glued to nothing before it
_RB = r"(?![\w/])"

# after a period with no year: nothing but "of this / last / the year" may qualify it
_NO_YEAR_AFTER = (r"(?!\s+(?:of\s+)?(?:1[89]|20)\d\d)"
                  r"(?!\s+of\b(?!\s+(?:this|last|next|the\s+current|the\s+previous|the)\s+year\b))")


PATTERNS: list[tuple[str, re.Pattern]] = [
    # 26-28 May 2022 / from 26 to 28 May 2022
    ("day_range_dmy", re.compile(
        _LB + r"(?:(?i:from|between)\s+)?" + _day("d1") + _DASH + _day("d2") + r"\s+" + _mon("m") + r",?\s+"
        + _year("y") + _RB)),
    # 26 May – 2 June 2022
    ("day_range_dmdmy", re.compile(
        _LB + r"(?:(?i:from|between)\s+)?" + _day("d1") + r"\s+" + _mon("m1") + _DASH + _day("d2") + r"\s+"
        + _mon("m2") + r",?\s+" + _year("y") + _RB)),
    # May 26-28, 2022
    ("day_range_mdy", re.compile(
        r"\b" + _mon("m") + r"\s+" + _day("d1") + r"\s*(?:-|–|—)\s*" + _day("d2") + r",?\s+" + _year("y") + _RB)),
    # (Monday,) 15 June 2021 / 15th of June, 2021
    ("dmy", re.compile(
        _LB + _WKDAY + _day("d") + r"\s+(?:of\s+)?" + _mon("m") + r",?\s+" + _year("y") + _RB)),
    # June 15, 2021 / Sept. 15, 2010
    ("mdy", re.compile(r"\b" + _WKDAY + _mon("m") + r"\s+" + _day("d") + r",?\s+" + _year("y") + _RB)),
    ("iso", re.compile(_LB + r"(?P<y>(?:1[89]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)" + _RB)),
    ("numeric", re.compile(_LB + r"(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:1[89]|20)\d\d)" + _RB)),
    # January – November 2021 / from January 2021 to March 2022
    ("month_range", re.compile(
        r"\b(?:(?i:from|between)\s+)?" + _mon("m1") + r"(?:,?\s+" + _year("y1") + r")?" + _DASH + _mon("m2")
        + r",?\s+" + _year("y2") + _RB)),
    # January – June, Jan.-June with no year written: the report's (resolved later); not "June 5 - July 3"
    ("month_range_bare", re.compile(
        r"\b(?:(?i:from|between)\s+)?" + _mon("m1") + _DASH + _mon("m2") + r"(?!\s*\d)" + _NO_YEAR_AFTER + _RB)),
    # first quarter of 2021 / Q1 2021 / the first half of 2021 / H1 2021
    ("quarter", re.compile(
        r"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<kind>quarter|half)\s+(?:of\s+)?"
        + _year("y") + _RB, re.I)),
    # the first nine months of 2023 / (the) first 11 months of 2021 / 9 months of 2023
    ("first_months", re.compile(
        r"\b(?:(?:the\s+)?first\s+)?(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months\s+"
        r"of\s+" + _year("y") + _RB, re.I)),
    ("quarter_short", re.compile(r"\b(?P<kind>[QH])(?P<q>[1-4])\s+" + _year("y") + _RB)),
    # the first quarter / the first half (of this year) / the first nine months, no year written: the report's
    # year (or the one a "last year" after it says); not "the first half of the 20th century"
    ("quarter_bare", re.compile(
        r"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<kind>quarter|half)\b" + _NO_YEAR_AFTER,
        re.I)),
    ("first_months_bare", re.compile(
        r"\b(?:the\s+)?first\s+(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months\b"
        + _NO_YEAR_AFTER, re.I)),
    # June 2021 / June of 2021 / (the) end of 2021 / mid-2021
    ("month_year", re.compile(r"\b" + _mon("m") + r",?\s+(?:of\s+)?" + _year("y") + _RB)),
    ("year_range", re.compile(
        _LB + r"(?:(?i:from|between)\s+)?" + _year("y1") + r"\s*(?:-|–|—|‒|/|to|until|till|through|and)\s*"
        + r"(?P<y2>1[0-9]{3}|20[0-9]{2}|[0-9]{2})(?![\d])" + _RB)),
    ("part_year", re.compile(
        r"\b(?:as\s+of\s+|by\s+|at\s+|in\s+)?(?:the\s+)?(?:(?:very\s+)?(?:end|beginning|start|middle|turn)\s+of|"
        r"early|late|mid-?|spring(?:\s+of)?|summer(?:\s+of)?|autumn(?:\s+of)?|fall(?:\s+of)?|winter(?:\s+of)?)\s*"
        + _year("y") + _RB, re.I)),
    ("decade", re.compile(
        r"\b(?:the\s+)?(?:(?:early|mid|late)[-\s])?(?P<dec>1[0-9]{2}|20[0-9])0s\b", re.I)),
    ("century", re.compile(r"\b(?:the\s+)?(?P<c>1?\d)(?:st|nd|rd|th)[-\s]century\b", re.I)),
    # 8-9 April / April 8-9 (no year)
    ("day_range_dm", re.compile(
        _LB + r"(?:(?i:from|between)\s+)?" + _day("d1") + _DASH + _day("d2") + r"\s+" + _mon("m")
        + r"(?![\w])(?!,?\s+\d)")),
    ("day_range_md", re.compile(
        r"\b" + _mon("m") + r"\s+" + _day("d1") + r"\s*(?:-|–|—)\s*" + _day("d2") + r"(?![\w,.]?\d)")),
    # 15 June / June 15 (no year)
    ("dm", re.compile(_LB + _WKDAY + _day("d") + r"\s+(?:of\s+)?" + _mon("m") + r"(?![\w])(?!,?\s+\d)")),
    ("md", re.compile(r"\b" + _WKDAY + _mon("m") + r"\s+" + _day("d") + r"(?![\w,.]?\d)(?!\s*(?:%|km|bcm))")),
    ("month_only", re.compile(
        r"\b(?P<prep>(?i:in|since|until|till|by|from|during|early|late|mid-?|last|next|this|of))\s+" + _mon("m")
        + r"(?![\w])(?!,?\s+\d)")),
    ("year", re.compile(_LB + r"(?:FY\s?)?" + _year("y") + r"(?:\s+est\.)?" + r"(?![\w/-])")),
]

_REL_DAY = re.compile(r"\b(?P<w>yesterday|today|tomorrow|last\s+night|tonight|this\s+(?:morning|afternoon|evening))\b",
                      re.I)
_DAY_SHIFT = {"yesterday": -1, "today": 0, "tomorrow": 1, "last night": -1, "tonight": 0, "this morning": 0,
              "this afternoon": 0, "this evening": 0}
_REL_UNIT = re.compile(
    r"\b(?P<w>(?:(?:so\s+far|earlier|later)\s+)?this|(?:the\s+)?last|(?:the\s+)?previous|next|(?:the\s+)?current|"
    r"(?:the\s+)?coming)\s+(?P<unit>year|month|week)\b(?!s)", re.I)
_REL_AGO = re.compile(r"\b(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty)\s+"
                      r"(?P<unit>year|month|day|week)s?\s+ago\b", re.I)
_REL_RECENT = re.compile(
    r"\b(?:(?:in|over|during)\s+(?:the\s+)?(?:recent|last|past)\s+(?:few\s+)?(?:days|weeks)|recently|lately|"
    r"the\s+other\s+day|earlier\s+this\s+week)\b", re.I)
_REL_WEEKDAY = re.compile(
    r"\b(?:(?P<w>last|this|next|on|On|Last|This|Next)\s+)?(?P<d>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)\b(?!,?\s+(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))")
# a clause told in the future: a weekday in it is the coming one
_FUTURE = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:due|expected|scheduled|set)\s+to|(?:is|are)\s+to|plans?\s+to)\b"
                     r"|\w['’]ll\b", re.I)
_SAID = re.compile(r"\b(?:said|says|told|announced|added|stated|warned|wrote|tweeted)\b", re.I)


def _future(lead: str) -> bool:
    """Whether the words before a weekday tell the future ("will meet on"), outside any quotation and
    not followed by a saying ("'we will win,' he said on Tuesday")."""
    lead = re.sub(r"[\"“‘'][^\"”’']{3,}[\"”’']", " ", lead)
    hits = list(_FUTURE.finditer(lead))
    return bool(hits) and not _SAID.search(lead, hits[-1].end())


_ANAPHOR = re.compile(
    r"\b(?:(?:in|during|over|at|within|for|by|throughout)\s+)?(?:(?P<this>this)\s+period|(?P<w>that|the\s+same|"
    r"the\s+following|the\s+next|the\s+previous|the\s+preceding|the\s+prior)\s+(?P<unit>period|year|month|day)"
    # "$1.9 billion a year earlier", "the year before", "a day later": a year (day) from the time told before
    r"|(?:a|one|the)\s+(?P<unit2>year|day)\s+(?P<w2>earlier|before|later|after)"
    r"(?!\s+(?:than|that|the|a|an|its|his|her)\b))"
    r"\b", re.I)


@dataclass
class _Cand:
    start: int
    end: int
    value: str
    end_value: str | None = None
    relative: bool = False
    anaphor: str | None = None  # "same"/"next"/"prev" + unit, resolved after selection


def find_times(ctx: Context) -> list[TimeExpr]:
    """Every time expression of the clean text, normalised, non-overlapping, in text order."""
    text = ctx.doc.text
    pub = published_date(ctx.doc.published)
    if turkish.is_turkish(ctx.doc.language):
        cands = [_Cand(s, e, v, ev) for s, e, v, ev in turkish.dates(text)]
    else:
        cands = [*_absolute(ctx, text), *_relative(text, pub)]
    # "Baku, 14 March 2024 — The president received ... on 13 March": the dateline dates the page (its
    # metadata), not what the paragraph tells
    lines = metadata.lead_dateline_spans(text)
    cands = [c for c in cands if not any(s <= c.start < e for s, e in lines)]
    chosen: list[_Cand] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    chosen.sort(key=lambda c: c.start)
    out: list[TimeExpr] = []
    skip = -1
    for i, c in enumerate(chosen):
        if i == skip:
            continue
        # "from March to 9 October 1995": the range's other end gives the year
        after = chosen[i + 1] if i + 1 < len(chosen) else None
        if c.value.startswith("XXXX") and after is not None and re.fullmatch(r"\d{4}", after.value) \
                and re.fullmatch(r"\s*(?:of\s+)?", text[c.end:after.start]) \
                and re.fullmatch(r"(?i:(?:the\s+)?(?:next|last|this|previous|coming)\s+year)",
                                 text[after.start:after.end]):
            # "from April next year": one month of the year told relative to the report
            end = after.value + c.end_value[4:] if c.end_value and c.end_value.startswith("XXXX") else None
            c = _Cand(c.start, after.end, after.value + c.value[4:], end, relative=True)
            skip = i + 1
        if c.value.startswith("XXXX") and after is not None and re.match(r"\d{4}", after.value) \
                and re.fullmatch(r"\s*(?:to|until|till|through|and|[-–—])\s*", text[c.end:after.start]):
            c = _Cand(c.start, c.end, after.value[:4] + c.value[4:], c.end_value, relative=True)
        if c.anaphor:
            # (not a compared period: "9% more than in the same period of last year. Over the same period, ...")
            told = [t for t in out if not recalled(ctx, t) and not _LAST_YEARS.search(t.text)]
            # (only a recalled day before: "on the same day" is none of its)
            told = told or ([] if c.anaphor.endswith(":day") else out)
            resolved = _resolve_anaphor(c, told, pub)
            if resolved is None:
                continue
            same, c = c.anaphor == "same:period", resolved
            if same and after is not None and _LAST_YEARS.fullmatch(text[c.start:after.end]) \
                    and re.fullmatch(r"\d{4}(?:-\d\d)?", c.value or ""):
                # "the same period of last year": those months a year before
                c = _Cand(c.start, after.end, _year_back(c.value), c.end_value and _year_back(c.end_value),
                          relative=True)
                skip = i + 1
        if c.value.startswith("XXXX"):
            year = _narrative_year(text, c, out)
            if year is not None:
                end = c.end_value
                if end and end.startswith("XXXX"):
                    end = year + end[4:]
                c = _Cand(c.start, c.end, year + c.value[4:], end, relative=True)
            elif pub is not None:
                c = _year_from_publication(c, pub, tense=_tense(ctx, c.start, c.end))
        out.append(TimeExpr(text=text[c.start:c.end], start=c.start, end=c.end, value=c.value,
                            end_value=c.end_value, relative=c.relative))
    return out


_LAST_YEARS = re.compile(r"(?i)(?:(?:in|during|over|for)\s+)?the\s+same\s+period\s+(?:of|in)\s+(?:the\s+)?"
                         r"(?:last|previous|preceding|prior)\s+year")


def _year_back(value: str) -> str:
    return f"{int(value[:4]) - 1:04d}{value[4:]}"


# How far past the publication date a bare "June 10" may lie and still be this year's (a scheduled event);
# further on, a dated report speaks of the previous year's.
_AHEAD_DAYS = 62


def _tense(ctx: Context, start: int, end: int) -> str | None:
    """How the clause of clean[start:end] is told: "past" ("conducted exercises in June"), "future"
    ("will meet again in September") or None (present, or no parse)."""
    if not ctx.sp.has_annotation("DEP"):
        return None
    span = ctx.sp.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    verb = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in ("will", "shall", "'ll") for c in aux):
        return "future"
    if any(c.tag_ in ("VBZ", "VBP") and c.lemma_ == "be" for c in aux):
        return None
    return "past" if verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(c.tag_ == "VBD" for c in aux) else None


def _year_from_publication(c: _Cand, pub: dt.date, tense: str | None = None) -> _Cand:
    """A day or month without a year in a dated article: the occurrence nearest before (or just after) it;
    told in the past tense, the last one before it; in the future tense, the next one from it on."""
    def year_of(value: str) -> int | None:
        parts = value.split("-")   # XXXX-MM or XXXX-MM-DD
        mo, d = int(parts[1]), int(parts[2]) if len(parts) > 2 else None
        if not _valid_day(d or 1, mo):
            return None
        if tense == "future":   # this year's unless it is already over (a bare month: its whole month)
            return pub.year if (mo, d or 31) >= (pub.month, pub.day - 1) else pub.year + 1
        d = d or 1
        ahead = (dt.date(pub.year, mo, min(d, 28) if mo == 2 else d) - pub).days
        return pub.year if ahead <= (1 if tense == "past" else _AHEAD_DAYS) else pub.year - 1   # (a day for time zones)

    if c.end_value and re.fullmatch(r"XXXX-\d\d", c.value) and re.fullmatch(r"XXXX-\d\d", c.end_value):
        # a period of months ("the first quarter"): told in the future, the next one not yet over; else the
        # last one over by the report's month
        last = int(c.end_value[5:])
        if tense == "future":
            y = pub.year if last >= pub.month else pub.year + 1
        else:
            y = pub.year if last <= pub.month else pub.year - 1
        return _Cand(c.start, c.end, f"{y}{c.value[4:]}", f"{y}{c.end_value[4:]}", relative=True)
    y = year_of(c.value)
    if y is None:
        return c
    end = c.end_value
    if end and end.startswith("XXXX"):
        ey = year_of(end)
        end = f"{ey}{end[4:]}" if ey is not None else end
        if end and end < f"{y}{c.value[4:]}":   # "December – January": the range crosses the new year
            y -= 1
    return _Cand(c.start, c.end, f"{y}{c.value[4:]}", end, relative=True)


# How far back a stated year still anchors a bare month of the same passage.
_ANCHOR_CHARS = 400


def _narrative_year(text: str, c: _Cand, before: list[TimeExpr]) -> str | None:
    """A day or month without a year told in a passage dated by an explicit year ("On 2 May 2024,
    Turkey announced ... an earlier restriction imposed in April"): the passage's year is its year,
    not the publication's.  Only a written date (month and year) in the same sentence or the one
    before counts."""
    for t in reversed(before):
        between = text[t.end:c.start]
        if c.start - t.end > _ANCHOR_CHARS or "\n\n" in between or len(re.findall(r"[.!?]\s", between)) > 1:
            return None   # the same sentence or the one before only
        # a written month at least: a bare year is often a label ("the 2023 export list", "since 2018"); but
        # "In 2023, the fair opened on 5 May" dates its sentence
        bare = re.fullmatch(r"\d{4}", t.value) and not t.end_value
        dated_sentence = bare and not re.search(r"[.!?;]\s", between) \
            and re.search(r"\b(?:[Ii]n|[Dd]uring)\s+$", text[max(0, t.start - 8):t.start])
        # a timeline's entry: "- 2018 – TANAP opens on 12 June; the refinery opens in October." (the year heads
        # its line, and dates the whole line)
        dated_sentence = dated_sentence or bare and "\n" not in between and not re.search(r"[.!?]\s", between) \
            and re.search(r"(?:^|\n)[ \t]*(?:[-•*][ \t]*)?$", text[max(0, t.start - 8):t.start]) \
            and re.match(r"[ \t]*[–—:-]", text[t.end:t.end + 3])
        if t.relative or not (re.match(r"\d{4}-\d\d", t.value) or dated_sentence):
            continue
        own = re.split(r"[.!?]\s", between)[-1]
        if own != between and re.search(r"(?<![\d-])(?:1[89]|20)\d\d(?![\d-])", own):
            return None   # "The ADEX 2024 exhibition opened on 24 September": a year of its own sentence (even
            #               one in a name) keeps the sentence before from dating it
        # a range anchors at its end ("From 2018 to 2020 ... in May")
        v = t.end_value if t.end_value and re.match(r"\d{4}", t.end_value) else t.value
        return v[:4]
    return None


def published_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").casefold()]


def _iso(y: int | str, m: int | None = None, d: int | None = None) -> str:
    out = str(y)
    if m:
        out += f"-{m:02d}"
        if d:
            out += f"-{d:02d}"
    return out


def _valid_day(d: int, m: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= 31


def _absolute(ctx: Context, text: str) -> list[_Cand]:
    out = []
    for kind, pat in PATTERNS:
        for m in pat.finditer(text):
            c = _build(kind, m)
            if c is None:
                continue
            if kind in ("year", "year_range") and not _year_ok(ctx, text, m):
                continue
            out.append(c)
    return out


def _build(kind: str, m: re.Match) -> _Cand | None:
    g = m.groupdict()
    s, e = m.start(), m.end()
    if re.search(r"\band\b", m.group(0)) and not m.group(0).casefold().startswith("between") and not (
            kind.startswith("day_range") and "d1" in g and g["d1"] and g["d2"] and int(g["d2"]) == int(g["d1"]) + 1):
        return None  # "in 2020 and 2021" names two years, not a span (but "on 3 and 4 May": two days running)
    if kind == "day_range_dmy" or kind == "day_range_mdy":
        mo, d1, d2, y = _month(g["m"]), int(g["d1"]), int(g["d2"]), int(g["y"])
        if not (_valid_day(d1, mo) and _valid_day(d2, mo) and d1 < d2):
            return None
        return _Cand(s, e, _iso(y, mo, d1), _iso(y, mo, d2))
    if kind == "day_range_dmdmy":
        m1, m2, d1, d2, y = _month(g["m1"]), _month(g["m2"]), int(g["d1"]), int(g["d2"]), int(g["y"])
        if not (_valid_day(d1, m1) and _valid_day(d2, m2)):
            return None
        y1 = y - 1 if m1 > m2 else y
        return _Cand(s, e, _iso(y1, m1, d1), _iso(y, m2, d2))
    if kind in ("dmy", "mdy", "iso", "numeric"):
        d, y = int(g["d"]), int(g["y"])
        mo = int(g["m"]) if kind in ("iso", "numeric") else _month(g["m"])
        if kind == "numeric" and mo > 12 and d <= 12:
            d, mo = mo, d
        if not _valid_day(d, mo):
            return None
        return _Cand(s, e, _iso(y, mo, d))
    if kind == "month_range":
        m1, m2, y2 = _month(g["m1"]), _month(g["m2"]), int(g["y2"])
        y1 = int(g["y1"]) if g.get("y1") else (y2 - 1 if m1 > m2 else y2)
        if (y1, m1) >= (y2, m2):
            return None
        return _Cand(s, e, _iso(y1, m1), _iso(y2, m2))
    if kind == "month_range_bare":
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        return _Cand(s, e, _iso("XXXX", m1), _iso("XXXX", m2)) if m1 < m2 else None
    if kind in ("quarter", "quarter_short", "quarter_bare"):
        q = ORDINALS.get(g["q"].casefold()) or int(g["q"])
        size = 6 if g["kind"].casefold() in ("half", "h") else 3
        if q * size > 12:
            return None
        y = int(g["y"]) if g.get("y") else "XXXX"   # (no year written: the report's, resolved later)
        return _Cand(s, e, _iso(y, (q - 1) * size + 1), _iso(y, q * size))
    if kind in ("first_months", "first_months_bare"):
        raw = g["n"].casefold()
        n = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw, 0)
        if not 1 <= n <= 11:
            return None
        y = int(g["y"]) if g.get("y") else "XXXX"
        return _Cand(s, e, _iso(y, 1), _iso(y, n))
    if kind == "month_year":
        return _Cand(s, e, _iso(int(g["y"]), _month(g["m"])))
    if kind == "year_range":
        y1, raw2 = int(g["y1"]), g["y2"]
        y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
        if not (y1 < y2 <= y1 + 100) or (len(raw2) == 2 and "/" in m.group(0) and y2 != y1 + 1):
            return None
        return _Cand(s, e, str(y1), str(y2))
    if kind == "part_year":
        return _Cand(s, e, g["y"])
    if kind == "decade":
        return _Cand(s, e, g["dec"])
    if kind == "century":
        c = int(g["c"])
        return _Cand(s, e, f"{c - 1:02d}") if 1 <= c <= 21 else None
    if kind in ("day_range_dm", "day_range_md"):
        mo, d1, d2 = _month(g["m"]), int(g["d1"]), int(g["d2"])
        if not (_valid_day(d1, mo) and _valid_day(d2, mo) and d1 < d2):
            return None
        return _Cand(s, e, f"XXXX-{mo:02d}-{d1:02d}", f"XXXX-{mo:02d}-{d2:02d}")
    if kind in ("dm", "md"):
        d, mo = int(g["d"]), _month(g["m"])
        return _Cand(s, e, f"XXXX-{mo:02d}-{d:02d}") if _valid_day(d, mo) else None
    if kind == "month_only":
        if g["prep"].casefold() in ("last", "next", "this"):
            return _Cand(s, e, "", anaphor=f"{g['prep'].casefold()}:month{_month(g['m'])}")
        start = m.start("m") if g["prep"].casefold() in ("in", "since", "until", "till", "by", "from",
                                                          "during", "of") else s
        return _Cand(start, e, f"XXXX-{_month(g['m']):02d}")
    if kind == "year":
        return _Cand(s, e, g["y"])
    return None


def _year_ok(ctx: Context, text: str, m: re.Match) -> bool:
    """A bare year (or year range) is a year, not a measure, a count or part of a name."""
    if _NOT_YEAR_RIGHT.match(text, m.end()):
        return False
    y = int(m.group("y") if "y" in m.groupdict() else m.group("y1"))
    # the words before the year itself ("to Moldova between 2015 and 2020": "between", not "Moldova")
    start = m.start("y") if "y" in m.groupdict() else m.start("y1")
    base = max(0, start - 30, text.rfind("\n", 0, start) + 1)   # (on its own line: a heading above is no name)
    left = text[base:start]
    words = re.findall(r"[\w.#$€£]+", left)
    prev = words[-1] if words else ""
    if re.search(r"(?:No\.?|#|[Nn]umber|[$€£]|US|USD|EUR|AZN|TL)\s*$", left):
        return False
    if y < 1800 and prev.casefold() not in ("in", "since", "by", "from", "until", "of", "before", "after", "circa") \
            and not (prev.casefold() == "the" and _DATED_NAME_RIGHT.match(text, m.end())):
        return False
    if re.search(r"[A-Za-z][-–]\s*$", left):
        return False  # "Ephesus-2022", "Su-1900"
    if prev and prev[0].isupper() and prev.casefold() not in _YEAR_LEFT_OK and prev.casefold().rstrip(".") \
            not in MONTHS and not _sentence_initial(text, base + left.rfind(prev)) \
            and not re.search(r"\(\s*$", left):   # "the First Karabakh War (1988–94)": the name's dates
        return False  # "Ephesus 2022", "Vision 2030": a name that carries a year
    return True


def _sentence_initial(text: str, pos: int) -> bool:
    return pos == 0 or bool(re.search(r"(?:[.!?:;«\"“(•*-]\s*|\n\s*)$", text[max(0, pos - 6):pos]))


def _relative(text: str, pub: dt.date | None) -> list[_Cand]:
    out: list[_Cand] = []
    for m in _ANAPHOR.finditer(text):
        if m.group("this"):
            out.append(_Cand(m.start(), m.end(), "", anaphor="same:period"))
            continue
        w = re.sub(r"\s+", " ", (m.group("w") or m.group("w2")).casefold())
        rel = {"that": "same", "the same": "same", "the following": "next", "the next": "next", "later": "next",
               "after": "next", "the previous": "prev", "the preceding": "prev", "the prior": "prev",
               "earlier": "prev", "before": "prev"}[w]
        out.append(_Cand(m.start(), m.end(), "", anaphor=f"{rel}:{(m.group('unit') or m.group('unit2')).casefold()}"))
    if pub is None:
        return out
    for m in _REL_DAY.finditer(text):
        delta = _DAY_SHIFT[re.sub(r"\s+", " ", m.group("w").casefold())]
        out.append(_Cand(m.start(), m.end(), (pub + dt.timedelta(days=delta)).isoformat(), relative=True))
    for m in _REL_UNIT.finditer(text):
        w, unit = m.group("w").casefold().split()[-1], m.group("unit").casefold()
        step = {"this": 0, "current": 0, "last": -1, "previous": -1, "next": 1, "coming": 1}[w]
        if m.group("w").casefold().startswith("the ") and re.search(
                r"\b(?:over|during|in|for|within|throughout)\s+$", text[max(0, m.start() - 12):m.start()]):
            continue  # "over the last year": a duration, not a date
        out.append(_Cand(m.start(), m.end(), _shift(pub, unit, step), relative=True))
    for m in _REL_AGO.finditer(text):
        raw = m.group("n").casefold()
        n = int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw, 0)
        if n:
            out.append(_Cand(m.start(), m.end(), _shift(pub, m.group("unit").casefold(), -n), relative=True))
    for m in _REL_RECENT.finditer(text):
        out.append(_Cand(m.start(), m.end(), _iso(pub.year, pub.month), relative=True))
    for m in _REL_WEEKDAY.finditer(text):
        w = (m.group("w") or "").casefold()
        target = WEEKDAYS.index(m.group("d").casefold())
        back = (pub.weekday() - target) % 7
        lead = text[max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start()), m.start() - 160) + 1:m.start()]
        stop = min([i for i in (text.find(".", m.end()), text.find("\n", m.end())) if i >= 0] or [len(text)])
        # "On Thursday, the Commissioner will co-chair ...": a weekday opening its sentence takes the tense after
        trail = text[m.end():min(stop, m.end() + 120)]
        hit = _FUTURE.search(trail)
        opening = not lead.strip() and hit is not None and not re.search(
            r"\b\w+ed\b|" + _SAID.pattern, trail[:hit.start()], re.I)   # (not "On Thursday, X said Y will")
        if w == "next" or w != "last" and (_future(lead) or opening):
            # "next Tuesday"; "the Council will meet on Tuesday": the coming one
            day = pub + dt.timedelta(days=(target - pub.weekday()) % 7 or 7)
        elif w == "last" and back == 0:
            day = pub - dt.timedelta(days=7)
        else:
            day = pub - dt.timedelta(days=back)
        out.append(_Cand(m.start(), m.end(), day.isoformat(), relative=True))
    return out


def _shift(pub: dt.date, unit: str, step: int) -> str:
    """The year, month or day ``step`` units away from the publication date, as an ISO prefix."""
    if unit == "year":
        return str(pub.year + step)
    if unit == "month":
        k = pub.year * 12 + pub.month - 1 + step
        return _iso(k // 12, k % 12 + 1)
    if unit == "week":
        day = pub + dt.timedelta(weeks=step)
        return _iso(day.year, day.month)
    return (pub + dt.timedelta(days=step)).isoformat()


def recalled(ctx: Context, t: TimeExpr) -> bool:
    """A time inside a clause set off to describe a noun ("the Declaration, signed on 15 June 2021,
    raised ..."), or a day long before the report in a participle on a noun ("the agreement signed in Ankara
    on 21 February 2023"): it dates a thing recalled, not the story a later "that day" goes on with."""
    if not ctx.sp.has_annotation("DEP"):
        return False
    span = ctx.sp.char_span(t.start, t.end, alignment_mode="expand")
    tok = span.root if span is not None and len(span) else None
    while tok is not None and tok.head.i != tok.i:
        if tok.dep_ in ("acl", "relcl") and tok.pos_ in ("VERB", "AUX"):
            # set off by a comma; "a delegation led by X on 13 March" is the story's own time, but not a
            # time long before the report ("discussed the agreement signed in Ankara on 21 February 2023")
            pub = published_date(ctx.doc.published)
            long_before = tok.dep_ == "acl" and tok.tag_ == "VBN" and pub is not None \
                and re.fullmatch(r"\d{4}-\d\d-\d\d", t.value or "") is not None \
                and (pub - dt.date.fromisoformat(t.value)).days > 60
            return long_before or tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text == ","
        if tok.dep_ in _CLAUSE_DEPS and tok.pos_ in ("VERB", "AUX"):
            return False
        tok = tok.head
    return False


def _resolve_anaphor(c: _Cand, before: list[TimeExpr], pub: dt.date | None) -> _Cand | None:
    """"this period", "the same year", "the following year", "last June": from the time before it."""
    rel, unit = c.anaphor.split(":")
    if unit.startswith("month") and unit != "month":  # "last June": the publication date anchors it
        if pub is None:
            return None
        mo = int(unit.removeprefix("month"))
        y = pub.year + {"last": -1 if mo >= pub.month else 0, "next": 1 if mo <= pub.month else 0,
                        "this": 0}[rel]
        return _Cand(c.start, c.end, _iso(y, mo), relative=True)
    ante = next((t for t in reversed(before) if not t.value.startswith("XXXX") and c.start - t.end < 600), None)
    if ante is None:
        if pub is None or unit != "year" or rel == "same":
            return None
        return _Cand(c.start, c.end, str(pub.year + (1 if rel == "next" else -1)), relative=True)
    if unit == "day":
        # "the previous day", "a day later": a day from a day told before ("that day" of a month is none)
        val = ante.end_value if rel == "next" and ante.end_value else ante.value
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", val or ""):
            return None
        day = dt.date.fromisoformat(val) + dt.timedelta(days={"same": 0, "next": 1, "prev": -1}[rel])
        return _Cand(c.start, c.end, day.isoformat(), relative=True)
    if rel == "same":
        if unit == "period":
            return _Cand(c.start, c.end, ante.value, ante.end_value, relative=True)
        if unit == "year":
            return _Cand(c.start, c.end, (ante.end_value or ante.value)[:4], relative=True)
        val = ante.end_value or ante.value
        return _Cand(c.start, c.end, val[:7], relative=True) if len(val) >= 7 else None
    if unit != "year":
        return None
    y = int((ante.end_value or ante.value)[:4]) + (1 if rel == "next" else -1)
    return _Cand(c.start, c.end, str(y), relative=True)


# --- which time governs a span -------------------------------------------------------------

_ADJ_AFTER = re.compile(r"^[\s,(–—-]*(?:(?:in|for|as\s+of|by|during|since|at\s+the\s+end\s+of|at|on|until)\s+"
                        r"(?:the\s+(?:end|beginning|start)\s+of\s+)?)?$", re.I)
_ADJ_BEFORE = re.compile(r"^[\s,:(–—-]*(?:(?:was|were|is|it\s+was|stood\s+at)\s*)?[\s,:(–—-]*$", re.I)
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "conj", "xcomp", "pcomp", "acl", "parataxis"}
REPORTING = {"say", "state", "note", "add", "tell", "emphasize", "emphasise", "stress", "announce", "declare",
              "report", "underline", "point", "explain", "remark", "mention", "claim", "write"}


def time_for(ctx: Context, start: int, end: int, *, carry: bool = False) -> TimeExpr | None:
    """The time expression that governs clean[start:end]: the nearest one of its sentence.

    A time right after the span ("$5bn in 2020") or right before it ("in 2020 – $5bn")
    wins; then one attached to the same clause, preferring one before the span.  With
    ``carry``, a sentence without a time that continues the previous one ("..., he said";
    "This list ...") takes the time of the previous sentence's main clause.
    """
    sent = _sentence_bounds(ctx, start)
    found = _best_time(ctx, sent, start, end)
    if found is not None or not carry:
        return found
    prev = _previous_sentence(ctx, sent)
    if prev is None or not _continues(ctx, sent):
        return None
    ps, pe = prev
    root = _sentence_root_span(ctx, ps, pe)
    found = _best_time(ctx, prev, *root) if root else None
    if found is not None and deadline(ctx.doc.text, found):
        return None   # "... to $6 billion by 2026. Investment has reached $2.4 billion, he added": a deadline
    return found


# "a 41% rise from the 2020 level", "compared with 2019", "than in 2020": the point a change is
# measured from, not the time of the figure
_BASELINE_BEFORE = re.compile(r"(?:\b(?:compared\s+(?:with|to)|relative\s+to|than(?:\s+in)?|versus|vs\.?)"
                              r"|\b(?:increase|decrease|rise|growth|drop|fall|up|down)\s+(?:\w+\s+){0,2}from)"
                              r"\s+(?:the\s+|its\s+)?$", re.I)
_BASELINE_AFTER = re.compile(r"^\s*(?:levels?|figures?)\b", re.I)
# "the worst fighting since a 1994 ceasefire", "the first visit since the 2020 war": the year dates an
# earlier event the sentence measures from, not the figure
_SINCE_EVENT = re.compile(r"\bsince\s+(?:an?|the)\s+$", re.I)


# "the worst eruption since 1994", "the first visit since 2019": a record counted from a time
_SINCE_RECORD = re.compile(r"\b(?:worst|best|biggest|largest|highest|lowest|deadliest|heaviest|first|last|"
                           r"most|least)\b[^.;:]{0,40}\bsince\s+(?:the\s+)?$", re.I)


def _baseline(text: str, t: TimeExpr) -> bool:
    """Whether the time is the baseline of a comparison rather than the time of a figure."""
    before = text[max(0, t.start - 80):t.start]
    if _SINCE_RECORD.search(before) and not re.match(r",?\s+when\b", text[t.end:t.end + 8]):
        return True   # (but "the worst since 1994, when ... a million people displaced": that year's events)
    before = before[-40:]
    if _SINCE_EVENT.search(before) and re.match(r"\s+[a-z]", text[t.end:t.end + 3]):
        return True
    return bool(_BASELINE_BEFORE.search(before)) or (
        bool(_BASELINE_AFTER.match(text[t.end:t.end + 12])) and bool(re.search(r"\bfrom\s+(?:the\s+)?$", before)))


def _sentence_bounds(ctx: Context, pos: int) -> tuple[int, int]:
    if turkish.is_turkish(ctx.doc.language):
        # the English parser splits Turkish sentences at "... Hedefler: 2021 yılında"; Turkish has its own
        return next(((s, e) for s, e in turkish.sentences(ctx.doc.text) if s <= pos < e), (pos, pos))
    if ctx.sp.has_annotation("SENT_START") or ctx.sp.has_annotation("DEP"):
        sent = ctx.sentence(pos)
        return sent.start_char, sent.end_char
    text = ctx.doc.text
    left = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos))
    right = min([i for i in (text.find(". ", pos), text.find("\n", pos)) if i >= 0] or [len(text)])
    return left + 1, right + 1


def previous_sentence_bounds(ctx: Context, pos: int) -> tuple[int, int] | None:
    """The character span of the sentence before the one at ``pos`` in its paragraph, if any."""
    return _previous_sentence(ctx, _sentence_bounds(ctx, pos))


def previous_sentence_time(ctx: Context, pos: int) -> TimeExpr | None:
    """The one time the sentence before (same paragraph) gives, when it gives exactly one."""
    prev = _previous_sentence(ctx, _sentence_bounds(ctx, pos))
    if prev is None:
        return None
    found = [t for t in ctx.times if t.start >= prev[0] and t.end <= prev[1] and not vague(t)]
    if len(found) != 1 or deadline(ctx.doc.text, found[0]):
        return None   # "... to 2 bcm by 2026. The company invested €40 million": a deadline dates no past figure
    return found[0]


def deadline(text: str, t: TimeExpr) -> bool:
    """Whether a time is a deadline ("by 2026", "by the end of 2025")."""
    return re.search(r"\bby\s+(?:the\s+end\s+of\s+)?$", text[max(0, t.start - 20):t.start]) is not None


def vague(t: TimeExpr) -> bool:
    """"recently", "in recent days": a time only when the sentence gives no other ("most recently, the
    September 2024 session" is September 2024)."""
    return bool(_REL_RECENT.fullmatch(t.text.strip()))


_BACK = re.compile(r"(?:a|one|the)\s+(?:year|month|day)\s+(?:earlier|before)$", re.I)


def _best_time(ctx: Context, sent: tuple[int, int], start: int, end: int) -> TimeExpr | None:
    text = ctx.doc.text
    cands = [t for t in ctx.times if t.start >= sent[0] and t.end <= sent[1] and (t.end <= start or t.start >= end)
             and not _baseline(text, t)]
    aside = _relative_clauses(ctx, sent, start, end)
    cands = [t for t in cands if not any(s <= t.start and t.end <= e for s, e in aside)]
    # "rose to 12 bcm from 10 bcm a year earlier": the time told back from another figure after the span is
    # that figure's
    cands = [t for t in cands if not (t.start >= end and _BACK.match(t.text) and re.search(r"\d", text[end:t.start]))]
    if not cands:
        return None
    cands = [t for t in cands if not vague(t)] or cands
    head = _clause_head(ctx, start, end)

    def rank(t: TimeExpr) -> tuple:
        after = t.start >= end
        gap = text[end:t.start] if after else text[t.end:start]
        if after and _ADJ_AFTER.match(gap):
            tier = 0
        elif not after and _ADJ_BEFORE.match(gap):
            tier = 1
        elif head is not None and _clause_head(ctx, t.start, t.end) == head:
            tier = 2 if not after else 3
        else:
            tier = 4 if not after else 5
        return tier, len(gap)

    return min(cands, key=rank)


def _relative_clauses(ctx: Context, sent: tuple[int, int], start: int, end: int) -> list[tuple[int, int]]:
    """The character spans of the sentence's relative clauses after clean[start:end] ("..., which was built
    in 1963"), and of its coordinated clauses there, and of a person's apposition anywhere: their times date
    what the clause tells of, not the span.
    (One before the span is kept: the parser often hangs what follows it, "..., which ended in 1994, after
    killing 30,000", off the main verb.)"""
    if not ctx.sp.has_annotation("DEP"):
        return []
    span = ctx.sp.char_span(sent[0], sent[1], alignment_mode="contract")
    if span is None:
        return []
    out = []
    for t in span:
        if (t.dep_ == "appos" or t.dep_ == "prep" and t.lower_ in ("since", "until", "till")) \
                and t.head.ent_type_ == "PERSON" and t.head.i < t.i and not (
                t.left_edge.idx <= start < t.right_edge.idx + len(t.right_edge)):
            # "X, the organisation's Secretary General since 2022, said trade had reached $45 billion": a
            # person's post and its time, wherever it stands
            out.append((t.left_edge.idx, t.right_edge.idx + len(t.right_edge)))
            continue
        if t.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP", "WP$", "WRB") for c in t.subtree):
            s, e = t.left_edge.idx, t.right_edge.idx + len(t.right_edge)
        elif t.dep_ == "advcl" and t.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in t.children) and any(
                c.dep_ == "mark" and c.lower_ in ("since", "before", "until") for c in t.children):
            # "have invested $16 billion there since the country gained independence in 1991": the clause's
            # own time, a point the figure is counted from
            s, e = t.left_edge.idx, t.right_edge.idx + len(t.right_edge)
        elif t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass")
                                                                    for c in t.children) \
                and (t.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in t.children)):
            # "600 firms operate in A, and its contractors have built projects there since 1991": a finite
            # clause with a subject of its own, coordinated after the span, tells its own time (not a gapped
            # one sharing the first's: "30,000 were killed and 1m displaced before a truce in 1994")
            s = min(c.left_edge.idx for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "cc", "mark"))
            e = t.right_edge.idx + len(t.right_edge)
        else:
            continue
        if s >= end:
            out.append((s, e))
    return out


def _clause_head(ctx: Context, start: int, end: int) -> int | None:
    """Token index of the verb heading the clause that holds clean[start:end] (None without a parse)."""
    if not ctx.sp.has_annotation("DEP"):
        return None
    span = ctx.sp.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    while tok.dep_ not in _CLAUSE_DEPS or tok.pos_ not in ("VERB", "AUX"):
        if tok.head.i == tok.i:  # Token objects are made anew on access: compare indices
            break
        tok = tok.head
    return tok.i


def _previous_sentence(ctx: Context, sent: tuple[int, int]) -> tuple[int, int] | None:
    text = ctx.doc.text
    if sent[0] <= 0 or "\n\n" in text[max(0, sent[0] - 3):sent[0] + 1]:
        return None  # a new paragraph starts afresh
    back = sent[0] - 1
    while back > 0 and text[back].isspace():
        back -= 1
    if back <= 0:
        return None
    return _sentence_bounds(ctx, back)


def _continues(ctx: Context, sent: tuple[int, int]) -> bool:
    """The sentence leans on the one before: a pronoun or demonstrative subject, or "..., he said"."""
    if not ctx.sp.has_annotation("DEP"):
        return False
    span = ctx.sp.char_span(sent[0], sent[1], alignment_mode="contract")
    if span is None:
        return False
    for tok in span:
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if tok.lower_ in ("he", "she", "they") and tok.head.lemma_ in REPORTING:
            return True
        if tok.lower_ in ("he", "she", "they") and tok.head.dep_ == "ROOT":
            return True
        if any(c.dep_ == "det" and c.lower_ in ("this", "these", "that", "those", "such") for c in tok.children):
            return True
    return False


def _sentence_root_span(ctx: Context, s: int, e: int) -> tuple[int, int] | None:
    span = ctx.sp.char_span(s, e, alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    root = span.root
    return root.idx, root.idx + len(root.text)
