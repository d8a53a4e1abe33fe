"""Closed, knowable names: countries, historic states, demonyms, capitals,
international organisations, the region's large companies, geographic regions
and infrastructure.

Countries come from ``pycountry`` (ISO 3166); ``data/countries.tsv`` adds the
usual short names, former and local names, demonyms and capitals;
``data/organizations.tsv`` lists intergovernmental organisations with their
acronyms; ``data/companies.tsv`` the energy, transport and defence companies of
the region; ``data/regions.tsv`` continents, seas, world regions and oil and gas
fields; ``data/infrastructure.tsv`` the region's pipelines, railways, corridors
and ports under their standard names.  The files
hold names only — never figures, dates or relations.  Everything else an
article names is learned from its text (``extract/entities.py``).
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pycountry


@dataclass(frozen=True)
class Entry:
    """What a gazetteer name stands for.

    ``form`` is ``name``, ``acronym``, ``demonym`` or ``capital``; for a capital
    ``canonical`` is the country and ``place`` the city's own canonical name.
    """

    canonical: str
    type: str          # country | organization | place | infrastructure
    form: str = "name"
    place: str = ""


def fold(text: str) -> str:
    """Accents stripped (``Türkiye`` -> ``Turkiye``; dotless ı -> i), case kept."""
    text = text.replace("ı", "i").replace("İ", "I")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


@dataclass
class Gazetteer:
    """Every known surface form, mapped to what it names."""

    entries: dict[str, Entry] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)    # country -> canonical capital
    demonyms: dict[str, str] = field(default_factory=dict)    # country -> its first demonym ("Azerbaijani")
    countries: set[str] = field(default_factory=set)          # canonical country names
    _pattern: re.Pattern[str] | None = None

    def add(self, surface: str, entry: Entry) -> None:
        """Register a surface form (and its accent-free spelling); the first registration wins."""
        surface = " ".join(surface.split())
        if not surface:
            return
        if entry.form == "name" and _is_acronym(surface):
            entry = Entry(entry.canonical, entry.type, "acronym", entry.place)
        for s in {surface, fold(surface)}:
            self.entries.setdefault(s, entry)

    def lookup(self, surface: str) -> Entry | None:
        """The entry for an exact surface form (a leading "the" and accents tolerated)."""
        surface = " ".join(surface.split()).translate(_SAME_LENGTH_DASHES)
        surface = re.sub(r"^(?:the|The)\s+", "", surface)
        found = self.entries.get(surface) or self.entries.get(fold(surface))
        if found is None and surface.isupper() and len(surface) > 4:   # "AZERBAIJAN" in a dateline
            found = self.entries.get(surface.title())
        return found

    def city_of_capital(self, surface: str) -> str | None:
        """The city a capital's name stands for, under its usual name ("Bakü": Baku), else None."""
        entry = self.lookup(surface)
        return entry.place if entry is not None and entry.form == "capital" and entry.place else None

    def is_country(self, name: str) -> bool:
        """Whether ``name`` is the canonical name of a country or historic state."""
        return name in self.countries

    def find(self, text: str) -> Iterator[tuple[int, int, Entry]]:
        """Every gazetteer name in ``text``, longest first at each position, left to right."""
        if self._pattern is None:
            self._pattern = re.compile(r"(?<![\w.])" + _trie_pattern(self.entries) + r"(?![\w])")
        text = text.translate(_SAME_LENGTH_DASHES)   # "Co‑operation" with a non-breaking hyphen
        for m in self._pattern.finditer(text):
            yield m.start(), m.end(), self.entries[m.group()]


def _add_name_rows(gaz: Gazetteer, file: str, typ: str, heads: set[str], proper_part: bool = False) -> None:
    """Rows of ``name<TAB>alias|alias``; a name ending in one of ``heads`` is also found with that
    generic word in the other case ("the Minsk group", "the BTK Railway"; for a body, only after a
    capitalised proper part).  An en dash between a route's places stands for every way of writing it
    ("Baku-Tbilisi-Ceyhan", "Baku – Tbilisi – Ceyhan")."""
    for row in _rows(file):
        row += [""] * (2 - len(row))
        entry = Entry(row[0], typ)
        for written in [row[0], *_split(row[1])]:
            for n in _dash_forms(written):
                gaz.add(n, entry)
                head = n.rsplit(" ", 1)
                if len(head) == 2 and (head[1] in heads or head[1].lower() in heads) \
                        and (head[0][:1].isupper() or not proper_part):
                    other = head[1].capitalize() if head[1].islower() else head[1].lower()
                    gaz.add(f"{head[0]} {other}", entry)


def _dash_forms(name: str) -> list[str]:
    if "–" not in name:
        return [name]
    parts = [p.strip() for p in name.split("–")]
    return [joint.join(parts) for joint in ("–", "-", " – ", " - ", "—", " — ")]


def _trie_pattern(words) -> str:
    """One regular expression for many names, shaped as a prefix tree ("Az(?:erbaijan|eri)").

    Deliberately hand-written: a flat alternation of thousands of names makes ``re`` try each one at
    every position (a tenth of all extraction time); the tree branches on the next character.  Longer
    continuations come before a name's end, so each position still matches its longest name that
    ends at a word boundary, as the flat alternation sorted by length did.  (An Aho-Corasick package
    finds leftmost-longest matches but cannot fall back to a shorter name when the longest one runs
    into a word.)
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:   # the name may stop here, after every longer continuation has been tried
            return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
        return body

    return "(?:" + build(trie) + ")"


# the generic word of a body's name, also written in lower case after its proper part
_BODY_HEADS = {"Group", "Council", "Commission", "Committee", "Assembly", "Parliament", "Forum"}

# the generic word of a region's name, often written in lower case ("the Caspian sea")
_GEOGRAPHIC_HEADS = {"Sea", "Ocean", "Gulf", "Strait", "Straits", "Mountains", "Basin", "Lake", "River", "Peninsula"}

# the generic word of an infrastructure name, also written capitalised ("Baku-Tbilisi-Kars Railway")
_INFRASTRUCTURE_HEADS = {"pipeline", "railway", "railroad", "corridor", "tunnel", "bridge", "port", "terminal",
                         "refinery", "route", "road", "highway", "line", "link"}

_SAME_LENGTH_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00ad": "-"})


def _rows(name: str) -> Iterator[list[str]]:
    text = resources.files("dossier.data").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield [cell.strip() for cell in line.split("\t")]


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def _short(country) -> str:
    common = getattr(country, "common_name", None)
    return common or country.name


# Languages whose country names the relationship's own press uses (Turkish, Azerbaijani, Russian).
LOCAL_LANGUAGES = ("tr", "az", "ru")


def _add_local_names(gaz: Gazetteer) -> None:
    """Every country's name in the local languages, from the ISO 3166 translations pycountry ships."""
    english = {}
    for country in pycountry.countries:
        entry = gaz.lookup(_short(country)) or gaz.lookup(country.name)
        if entry is not None and entry.type == "country" and entry.form == "name":
            english[country.alpha_2] = (country, entry)
    for lang in LOCAL_LANGUAGES:
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:   # a pycountry build without this locale: the English names still work
            continue
        for country, entry in english.values():
            for n in (country.name, getattr(country, "official_name", None), getattr(country, "common_name", None)):
                local = tr.gettext(n) if n else None
                # an untranslated name comes back in English; short local names may be common words
                if local and local != n and "," not in local and (len(local) >= 4 or not local.isascii()) \
                        and gaz.lookup(local) is None:
                    gaz.add(local, entry)


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer (built once per process from pycountry and the data files)."""
    gaz = Gazetteer()
    rows = {}
    extra = []
    for row in _rows("countries.tsv"):
        row += [""] * (5 - len(row))
        if row[0] == "-":
            extra.append(row)
        else:
            rows[row[0]] = row
    demonyms: list[tuple[str, str]] = []
    capitals: list[tuple[str, str, list[str]]] = []
    # explicit rows first, so their canonical names win over pycountry's long forms
    for code, canonical, aliases, dem, caps in [*rows.values(), *extra]:
        country = pycountry.countries.get(alpha_2=code) if code != "-" else None
        name = canonical or (_short(country) if country else "")
        if not name:
            continue
        gaz.countries.add(name)
        entry = Entry(name, "country")
        names = [name, *_split(aliases)]
        if country is not None:
            names += [n for n in (country.name, getattr(country, "official_name", None), _short(country))
                      if n and "," not in n]
        for n in names:
            gaz.add(n, entry)
        demonyms += [(d, name) for d in _split(dem)]
        if _split(caps):
            capitals.append((name, _split(caps)[0], _split(caps)))
    for country in pycountry.countries:  # the rest of ISO 3166, under their short names
        if country.alpha_2 in rows:
            continue
        name = _short(country)
        if "," in name:
            continue
        gaz.countries.add(name)
        for n in (name, country.name, getattr(country, "official_name", None)):
            if n and "," not in n:
                gaz.add(n, Entry(name, "country"))
    _add_local_names(gaz)
    _add_name_rows(gaz, "organizations.tsv", "organization", _BODY_HEADS, proper_part=True)   # "the Minsk group"
    _add_name_rows(gaz, "companies.tsv", "organization", set())
    _add_name_rows(gaz, "regions.tsv", "place", _GEOGRAPHIC_HEADS)                           # "the Caspian sea"
    _add_name_rows(gaz, "infrastructure.tsv", "infrastructure", _INFRASTRUCTURE_HEADS)       # "the BTK Railway"
    # demonyms and capitals last: a country or organisation name of the same spelling wins
    for surface, country in demonyms:
        gaz.add(surface, Entry(country, "country", "demonym"))
        gaz.demonyms.setdefault(country, surface)
    for country, capital, spellings in capitals:
        gaz.capitals[country] = capital
        for s in spellings:
            gaz.add(s, Entry(country, "country", "capital", place=capital))
    return gaz
