"""Data-quality flags: what cleaning repaired and what looks wrong in a document.

Knowledge of correct forms comes from maintained sources (ISO 4217 via
pycountry), never from a table of known errors.  Each flag cites its evidence.
Flags about removed or repaired text cite the *original* text (their
``start``/``end`` index ``Document.original``); all others cite the clean text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

import pycountry

from dossier import gazetteer, metadata
from dossier.records import Document, Flag, Mention, Source

if TYPE_CHECKING:  # spaCy loads only when extraction runs
    from dossier.extract.context import Context

_REPAIR_MESSAGES = {
    "duplicate_content": "the page holds its article body more than once; it is kept once",
    "mojibake": "text decoded with the wrong code page was repaired",
    "boilerplate": "site navigation, contact or legal text mixed into the page was removed",
    "markup_artifact": "markup residue was removed from the text",
    "scrape_artifact": "a scraping artefact was repaired",
    "broken_paragraph": "a sentence split across paragraphs was joined",
}

# "Kuwaiti Dinar (KWD)": a currency word followed by a parenthesised code.
_CURRENCY_CODE = re.compile(
    r"(?P<name>(?:[A-Z][\w'’-]+\s+){0,3}(?:[Dd]inars?|[Dd]irhams?|[Rr]ials?|[Rr]iyals?|[Rr]oubles?|[Rr]ubles?|"
    r"[Rr]upees?|[Mm]anats?|[Ll]iras?|[Dd]ollars?|[Ee]uros?|[Pp]ounds?|[Ff]rancs?|[Yy]en|[Yy]uan|[Tt]enge|"
    r"[Ss]oms?|[Ll]ari|[Dd]rams?|[Hh]ryvnias?|[Zz]lot(?:y|ys)|[Kk]orun[ay]|[Ww]on|[Rr]ands?|[Pp]esos?))"
    r"\s*\((?P<code>[A-Za-z]{2,4})\)")


_INSTANCES = 12   # the places a cleaning flag cites: enough to find each, not a list of every tag


def cleaning_flags(doc: Document) -> list[Flag]:
    """One flag per kind of repair (and per distinct note), citing its instances, largest first (at most
    ``_INSTANCES``); plus missing metadata."""
    groups: dict[tuple[str, str], list] = {}
    for rep in doc.repairs:
        if rep.kind in _REPAIR_MESSAGES:
            # one flag per kind says it for boilerplate and repeated bodies; markup is told apart by its note
            note = rep.note if rep.kind in ("markup_artifact", "scrape_artifact", "mojibake") else ""
            groups.setdefault((rep.kind, note), []).append(rep)
    flags: list[Flag] = []
    for (kind, _), reps in groups.items():
        reps = sorted(reps, key=lambda r: -len(r.quote))
        message = reps[0].note or _REPAIR_MESSAGES[kind]
        if len(reps) > 1:
            message += f" ({len(reps)} places)"
        flags.append(Flag(type=kind, about="document", message=message,
                          sources=[Source(doc=doc.name, start=r.start, end=r.end, quote=r.quote)
                                   for r in reps[:_INSTANCES]]))
    fields = ("author", "published", "publisher")
    holes = metadata.placeholder_lines(doc.original or "")
    missing = [k for k in fields if not getattr(doc, k)]
    if missing:
        # the front-matter lines that hold a placeholder for them ('source_name: "Unknown Source"') are
        # the evidence; otherwise there is nothing to quote
        lines = sorted(ab for k in missing for ab in holes.get(k, []))
        flags.append(Flag(type="missing_metadata", about="document",
                          message=f"no {', '.join(missing)} found in the document",
                          sources=[Source(doc=doc.name, start=a, end=b, quote=doc.original[a:b]) for a, b in lines]
                          or [Source(doc=doc.name, start=0, end=0, quote="")]))
    lines = sorted(ab for k in fields if getattr(doc, k) for ab in holes.get(k, []))
    if lines:
        # 'source_name: "Unknown Source"' where the page names its source elsewhere: the field is empty
        flags.append(Flag(type="missing_metadata", about="document",
                          message="the front matter holds a placeholder where the page names the value elsewhere",
                          sources=[Source(doc=doc.name, start=a, end=b, quote=doc.original[a:b]) for a, b in lines]))
    return flags


def currency_flags(ctx: Context) -> list[Flag]:
    """A currency written with a code that is not ISO 4217 (invalid) or a local abbreviation (nonstandard)."""
    flags = []
    for m in _CURRENCY_CODE.finditer(ctx.doc.text):
        code = m.group("code")
        if code.isupper() and len(code) == 3 and pycountry.currencies.get(alpha_3=code):
            continue
        name = m.group("name").strip()
        if code.isupper() and len(code) == 3:
            kind, why = "invalid_currency_code", f"{code!r} is not an ISO 4217 currency code"
        else:
            kind, why = "nonstandard_currency_code", f"{code!r} is a local abbreviation, not an ISO 4217 code"
        expected = _iso_code(name)
        hint = f"; the ISO code of the {name} is {expected}" if expected else ""
        flags.append(Flag(type=kind, about=name, message=why + hint,
                          sources=[ctx.doc.source(m.start(), m.end())]))
    return flags


def _iso_code(name: str) -> str | None:
    """ISO 4217 code of a currency named like 'Kuwaiti Dinar' (adjective + currency word)."""
    words = name.split()
    if len(words) < 2:
        return None
    unit = words[-1].rstrip("s").casefold()
    country_adj = " ".join(words[:-1]).casefold()
    for cur in pycountry.currencies:
        cur_name = cur.name.casefold()
        if unit in cur_name and any(w[:5] in country_adj for w in cur_name.split() if w != unit and len(w) > 3):
            return cur.alpha_3
    return None


def missing_year_flags(ctx: Context) -> list[Flag]:
    """A day given without its year ("on June 10"): the knowledge base cannot place it in time."""
    return [Flag(type="missing_year", about="document",
                 message=f"{t.text!r} has no year; stored as {t.value}",
                 sources=[ctx.doc.source(*_sentence_clause(ctx, t.start, t.end))])
            for t in ctx.times if t.value.startswith("XXXX")]


def _sentence_clause(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """A short span around a time expression (up to the clause edges) for a readable quote."""
    text = ctx.doc.text
    left = max(text.rfind(c, 0, start) for c in ",;.\n") + 1
    right = min([i for i in (text.find(c, end) for c in ",;.\n") if i >= 0] or [len(text)])
    return (left if start - left < 80 else start - 20), (right if right - end < 80 else end + 40)


_VAGUE_TIME = {"recently", "lately"}


def _event_verbs() -> set[str]:
    """Verbs that report an event the knowledge base would date (the event extractor's trigger lexicons)."""
    from dossier.extract import patterns as P  # imports spaCy: only when extraction runs

    return (P.SIGN_VERBS | P.RECOGNIZE_VERBS | P.ESTABLISH_VERBS | P.VISIT_VERBS | P.MEET_VERBS
            | P.HOST_VERBS | P.EXERCISE_VERBS | P.OPEN_VERBS | P.ARRIVE_VERBS | P.INDEPENDENCE_VERBS)
_CLAUSE_EDGES = {"relcl", "acl", "advcl", "ccomp", "conj", "parataxis"}


def missing_date_flags(ctx: Context) -> list[Flag]:
    """An event reported only as "recently" in a document with no publication date: nothing anchors when.

    (With a publication date "recently" at least means "shortly before it", so those are left alone.)
    A date inside the same clause as the verb (not in a relative or subordinate clause) dates it."""
    if ctx.doc.published:
        return []
    flags, event_verbs = [], _event_verbs()
    for tok in ctx.sp:
        verb = tok.head
        if tok.lower_ not in _VAGUE_TIME or verb.lemma_.lower() not in event_verbs or verb is tok:
            continue
        clause = [(t.idx, t.idx + len(t)) for t in _clause_tokens(verb) if t.i != tok.i]
        if any(a < t.end and t.start < b for t in ctx.times for a, b in clause):
            continue
        start, end = verb.sent.start_char, max(verb.idx + len(verb), tok.idx + len(tok))
        flags.append(Flag(type="missing_date", about="document",
                          message=f"{verb.text!r} is dated only {tok.text!r} and the document has no "
                                  "publication date to anchor it",
                          sources=[ctx.doc.source(start, end)]))
    # "this month, Romania faces a deadline", "last year": a time told only against a publication date the
    # document does not give ("recent", "in recent years" stay vague on purpose and are left alone)
    for tok in ctx.sp:
        if tok.lower_ not in _RELATIVE_UNITS or tok.i == 0 \
                or tok.nbor(-1).lower_ not in ("this", "last", "next", "past"):
            continue
        start, end = tok.nbor(-1).idx, tok.idx + len(tok)
        flags.append(Flag(type="missing_date", about="document",
                          message=f"{ctx.doc.text[start:end]!r} is told against a publication date the document "
                                  "does not give",
                          sources=[ctx.doc.source(start, end)]))
    return flags


_RELATIVE_UNITS = {"week", "month", "year", "spring", "summer", "autumn", "fall", "winter", "weekend"}


def _clause_tokens(verb) -> list:
    """The verb's own clause: its subtree without nested clauses."""
    out, stack = [], [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSE_EDGES)
    return out


def find_flags(ctx: Context) -> list[Flag]:
    """Every flag for one extracted document."""
    return [*cleaning_flags(ctx.doc), *currency_flags(ctx), *missing_year_flags(ctx), *missing_date_flags(ctx),
            *repeated_word_flags(ctx), *variant_flags(ctx), *repeated_sentence_flags(ctx), *near_name_flags(ctx)]


@lru_cache(maxsize=1)
def _one_word_names() -> dict[str, list[str]]:
    """The gazetteer's one-word names (countries, capitals, demonyms, regions) of six letters or more,
    lower-cased and grouped by first letter."""
    out: dict[str, list[str]] = {}
    for surface in gazetteer.load().entries:
        if surface.isalpha() and len(surface) >= 6 and not surface.isupper():
            out.setdefault(surface[0].lower(), []).append(surface.lower())
    return out


def _place_named(entry: gazetteer.Entry | None) -> str | None:
    """What a gazetteer name names: the city for a capital (not its country), else the entry."""
    if entry is None:
        return None
    return entry.place if entry.form == "capital" else entry.canonical


def near_name_flags(ctx: Context) -> list[Flag]:
    """A capitalised word one slip away from a known place name ("Isreal" for Israel, "Tblisi" for Tbilisi):
    one letter wrong, missing, added or two swapped (two in longer words).  Neither an English word, nor a
    derived form of the name ("Crimean", "Balkan"), nor a person's name."""
    from rapidfuzz.distance import DamerauLevenshtein  # only this check needs it

    if (ctx.doc.language or "en") != "en":
        return []
    gaz, names = gazetteer.load(), _one_word_names()
    persons = {(m.start, m.end) for m in ctx.mentions if m.type == "person"}
    out, seen = [], set()
    for tok in ctx.sp:
        word = tok.text
        low = word.lower()
        if len(word) < 6 or not word.isalpha() or not word[0].isupper() or word.isupper() or low in seen:
            continue
        seen.add(low)
        if gaz.lookup(word) is not None or _english_word(low) or any(
                s <= tok.idx < e for s, e in persons):
            continue
        limit = 1 if len(low) < 8 else 2
        close = [n for n in names.get(low[0], ()) if abs(len(n) - len(low)) <= limit
                 and not n.startswith(low) and not low.startswith(n)
                 and DamerauLevenshtein.distance(low, n, score_cutoff=limit) <= limit]
        meant = {_place_named(gaz.lookup(n.title())) or n.title() for n in close}
        if len(meant) != 1:
            continue   # none, or several names it could be
        about = meant.pop()
        out.append(Flag(type="misspelled_name", about=about,
                        message=f"{word!r} is likely a misspelling of {about}",
                        sources=[ctx.doc.source(tok.idx, tok.idx + len(word))]))
    return out


def repeated_sentence_flags(ctx: Context) -> list[Flag]:
    """A sentence the text gives twice (a caption repeating the body, a fact box), or two that open with
    the same dozen words: the second copy is flagged; the cleaner already keeps a repeated article body
    once."""
    first: dict[str, int] = {}
    out = []
    for sent in ctx.sp.sents:
        words = re.findall(r"\w+", sent.text.lower())
        if len(words) < 8:
            continue
        k = " ".join(words[:12])   # a copy may end otherwise ("has rejected that claim" / "denies this")
        if k in first:
            out.append(Flag(type="duplicate_content", about="document",
                            message="this sentence appears twice in the document",
                            sources=[ctx.doc.source(sent.start_char, sent.end_char)]))
        else:
            first[k] = sent.start_char
    return out


# "in which which", "the the": a word written twice; some doubles are English ("that that", "had had")
_REPEATED = re.compile(r"(?<![\w'’-])([A-Za-z]{2,})[ \t]+\1(?![\w'’-])", re.I)
_GOOD_DOUBLES = {"that", "had", "is", "do", "no", "bye", "ha", "very", "so", "now", "far", "again", "more"}


def repeated_word_flags(ctx: Context) -> list[Flag]:
    """A word written twice in a row: a slip of the writer's (or the scraper's)."""
    out = []
    for m in _REPEATED.finditer(ctx.doc.text):
        word = m.group(1)
        if word.lower() in _GOOD_DOUBLES or m.group(0) != m.group(0).lower() and word.isupper():
            continue
        out.append(Flag(type="typo", about="document", message=f"{word!r} is written twice",
                        sources=[ctx.doc.source(*_sentence_clause(ctx, m.start(), m.end()))]))
    return out


# spellings of one word that are both right (British and American English), folded before comparing names
_SPELLING_PAIRS = [("isation", "ization"), ("ise", "ize"), ("ence", "ense"), ("our", "or"), ("tre", "ter")]
_GENERIC_TAILS = re.compile(r"\s+(?:region|province|city|republic|district|oblast)$")
VARIANT_MIN = 88   # rapidfuzz ratio of two names' folded keys
_VOWELS = re.compile(r"[aeiouy]")


def _variant_key(name: str) -> str:
    k = gazetteer.fold(name).lower().replace("-", " ").replace("–", " ")
    k = _GENERIC_TAILS.sub("", " ".join(k.split()))
    for a, b in _SPELLING_PAIRS:
        k = k.replace(a, b)
    return k


@lru_cache(maxsize=4096)
def _english_word(word: str) -> bool:
    from wordfreq import zipf_frequency  # a maintained frequency list: common words are no misspellings

    return zipf_frequency(word, "en") >= 3.0


def variant_flags(ctx: Context) -> list[Flag]:
    """A place, body or line spelt two ways in one document ("Nagorny-Karabakh" once, "Nagorno-Karabakh"
    everywhere else): the rarer spelling is flagged, as a transliteration when only vowels differ.
    People are left to the spelling flags, which know romanisation."""
    from rapidfuzz import fuzz  # only this check needs it

    if (ctx.doc.language or "en") != "en":
        return []   # a suffixed language spells one name many ways ("Kuzey Koridoru'na")

    seen: dict[str, list[Mention]] = {}
    for m in ctx.mentions:
        if m.form == "name" and m.type in ("place", "organization", "infrastructure", "country") \
                and len(m.text) >= 6:
            seen.setdefault(m.text, []).append(m)
    keys = {t: _variant_key(t) for t in seen}
    out, flagged = [], set()
    names = sorted(seen, key=lambda t: (-len(seen[t]), seen[t][0].start))   # most used first
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if b in flagged or keys[a] == keys[b] or len(keys[a].split()) != len(keys[b].split()) \
                    or fuzz.ratio(keys[a], keys[b]) < VARIANT_MIN:
                continue
            # one word spelt two ways, neither an English word ("Nagorny"/"Nagorno"), not two words
            # ("Land"/"Armed" Forces, "Transport"/"Transportation") nor two numbers ("139th"/"366th")
            diff = [(x, y) for x, y in zip(keys[a].split(), keys[b].split(), strict=True) if x != y]
            if len(diff) != 1 or any(len(w) < 5 or not w.isalpha() or _english_word(w) for w in diff[0]):
                continue
            if gazetteer.load().lookup(b) is not None:
                continue   # a known name of its own ("Austria" beside "Australia" is no slip)
            kind = "transliteration_variant" if _VOWELS.sub("", keys[a]) == _VOWELS.sub("", keys[b]) \
                else "misspelled_name"
            m = seen[b][0]
            flagged.add(b)
            out.append(Flag(type=kind, about=seen[a][0].entity or a,
                            message=f"{b!r} is spelt {a!r} elsewhere in the document",
                            sources=[ctx.doc.source(m.start, m.end)]))
    return out


# --- names ------------------------------------------------------------------------------------------
# Russian-style romanisations of Turkish and Azerbaijani names, as (Russian-style, Turkish) letters
# on accent-free lowercase text: "Fatikh" -> "Fatih", "Jakhit" -> "Cahit", "Sakhib" -> "Sahib".
_RUSSIAN_STYLE = [("dzh", "c"), ("kh", "h"), ("zh", "j"), ("ch", "c"), ("j", "c")]
TURKISH_VOCABULARY = 60_000   # wordfreq's most frequent Turkish words (and names) trusted as spellings


@lru_cache(maxsize=1)
def _turkish_words() -> frozenset[str]:
    """Accent-free Turkish words and names from wordfreq's word list (a maintained source, not a list of errors)."""
    from wordfreq import top_n_list

    return frozenset(gazetteer.fold(w).lower() for w in top_n_list("tr", TURKISH_VOCABULARY))


def warm_up() -> None:
    """Load the word lists the spelling flags read (about half a second), e.g. while workers start."""
    from wordfreq import zipf_frequency

    _turkish_words()
    zipf_frequency("warm", "en")
    zipf_frequency("isik", "tr")


def turkish_spelling(word: str) -> tuple[str, str] | None:
    """The Turkish spelling a name word most likely stands for, and how it went wrong, if it is not a word itself.

    Only words that are neither Turkish nor English are examined; a Russian-style romanisation whose
    Turkish form is a known word is a ``transliteration_variant``, two letters swapped a ``misspelled_name``.
    """
    from wordfreq import zipf_frequency

    w = gazetteer.fold(word).lower()
    words = _turkish_words()
    if len(w) < 4 or not w.isalpha() or w in words or zipf_frequency(w, "en") > 0:
        return None
    turkish = w
    # "kh" and "zh" mark the Russian way; a "j" or "ch" alone is also how English writes Azerbaijani
    # names ("Jeyhun" for Ceyhun) and proves nothing
    for a, b in _RUSSIAN_STYLE if ("kh" in w or "zh" in w) else ():
        turkish = turkish.replace(a, b)
    if turkish != w and turkish in words:
        return turkish, "transliteration_variant"
    for i in range(len(w) - 1):
        swapped = w[:i] + w[i + 1] + w[i] + w[i + 2:]
        if swapped != w and swapped in words and zipf_frequency(swapped, "tr") >= 3:
            return swapped, "misspelled_name"
    return None


def _tied_to_turkey(doc: Document, m: Mention) -> bool:
    """Whether the text says the person is Turkish: a post of Türkiye, or "Turkish" beside the name."""
    if any(getattr(f, "predicate", None) == "position_held" and f.subject == m.entity
           and (f.qualifiers or {}).get("of") == "Türkiye" for f in doc.facts):
        return True
    near = doc.text[max(0, m.start - 60):m.end + 80]
    return bool(re.search(r"\b(?:Turkish|Turkey|Türkiye|Turkiye)\b", near))


def spelling_flags(doc: Document, variants: dict[str, str] | None = None) -> list[Flag]:
    """Person names spelt unlike their known form: another spelling of a name the knowledge base holds
    (``variants``: spelling -> canonical name), or a Turkish name romanised the Russian way or misspelt."""
    first: dict[str, Mention] = {}
    for m in doc.mentions:
        if m.type == "person" and m.form == "name":
            first.setdefault(m.text, m)
    flags: list[Flag] = []
    for text, m in first.items():
        canonical = (variants or {}).get(text)
        if canonical:
            flags.append(Flag(type="misspelled_name", about=canonical,
                              message=f"{text!r} is likely a misspelling of {canonical}",
                              sources=[doc.source(m.start, m.end)]))
            continue
        for word in re.findall(r"[^\W\d_]+", text):
            found = turkish_spelling(word)
            # two swapped letters prove little on their own ("Hazi" is an Azerbaijani name, "Haiz" a
            # Turkish one): that reading is kept for people the text ties to Türkiye
            if found and found[1] == "misspelled_name" and not _tied_to_turkey(doc, m):
                found = None
            if found:
                spelling, kind = found
                what = "a Russian-style romanisation" if kind == "transliteration_variant" else "a misspelling"
                flags.append(Flag(type=kind, about=m.entity or text,
                                  message=f"{word!r} in {text!r} looks like {what} of the Turkish name "
                                          f"{spelling.capitalize()!r}",
                                  sources=[doc.source(m.start, m.end)]))
                break
    return flags


# --- what a thing is called ---------------------------------------------------------------------------
_KIND_WORDS = {"railway": "railway", "railways": "railway", "railroad": "railway", "railroads": "railway",
               "rail": "railway", "pipeline": "pipeline", "pipelines": "pipeline", "gas": "pipeline",
               "oil": "pipeline", "highway": "road", "motorway": "road", "road": "road"}
# "A, B and C railways": the head noun after a list of names applies to each of them
_LIST_TAIL = re.compile(r"^(?:(?:\s|,|\band\b|\bor\b|&)*(?:[A-Z][\w’'.]*(?:\s*[-–—]\s*|\s+)?)+)*?\s*"
                        r"(?P<head>railways?|railroads?|rail|pipelines?)\b")


def kind_of(name: str) -> str | None:
    """What a name says its thing is (``railway``, ``pipeline``, ``road``), from its head words."""
    found = [_KIND_WORDS[w] for w in re.findall(r"[a-z]+", name.lower()) if w in _KIND_WORDS]
    return found[-1] if found else None


def category_flags(doc: Document, known_kinds: dict[str, list[str]]) -> list[Flag]:
    """Infrastructure called what it is not ("the Baku-Tbilisi-Ceyhan railway" for an oil pipeline): the
    kind the text gives a mention disagrees with what every other source calls the same thing.

    ``known_kinds`` maps a canonical name to the kinds its names elsewhere (other documents, other
    mentions) give it."""
    flags = []
    for m in doc.mentions:
        if m.type != "infrastructure" or not m.entity:
            continue
        tail = _LIST_TAIL.match(doc.text[m.end:m.end + 120])
        said = kind_of(m.text) or (kind_of(tail.group("head")) if tail else None)
        elsewhere = [k for k in known_kinds.get(m.entity, []) if k]
        if said is None or not elsewhere or said in elsewhere:
            continue
        usual = max(set(elsewhere), key=elsewhere.count)
        end = m.end + tail.end() if tail and not kind_of(m.text) else m.end
        flags.append(Flag(type="factual_error", about=m.entity,
                          message=f"{doc.text[m.start:end]!r} calls a {usual} a {said}",
                          sources=[doc.source(m.start, end)]))
    return flags
