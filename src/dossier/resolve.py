"""Canonical names across documents.

``resolve(doc, known)`` maps a freshly extracted document's entities onto the
entities already in the knowledge base when they are the same thing, and
rewrites every name the document uses (mentions, entities, facts, flags) to
the chosen canonical name.  Two names are the same thing when they have the
same type and

- one's name or alias equals the other's once accents, case and punctuation
  are ignored ("Erdogan" / "Erdoğan"), or they share an acronym ("BTC");
- their transliteration keys agree: Russian-style and Turkish/Azerbaijani
  spellings of one name ("Fatikh" / "Fatih", "Jakhit Bagchi" / "Cahit Bağcı",
  "Sakhib Mamedov" / "Sahib Mammadov");
- for persons, the surnames are near-identical and the given names agree —
  so "Heydar Aliyev" never becomes "Ilham Aliyev"; a lone surname goes to
  the one known person who carries it;
- for infrastructure and places, the names agree without their head words
  ("Baku-Tbilisi-Ceyhan railway" / "Baku–Tbilisi–Ceyhan oil pipeline");
- otherwise the keys are near-identical (rapidfuzz) and differ in no number.

Within one document, a short or variant spelling of a person ("Erdogan",
"Ilhan Aliyev") joins the full name used there.  The document's author and
publisher (from its metadata) are added as a person and an organisation.
``variant_of`` tells the flags whether a spelling is a variant of a known name.
"""

from __future__ import annotations

import re
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from dossier import flags, gazetteer
from dossier.extract.name_shapes import HEAD_TYPES, LOWER_HEADS, TITLE_WORDS, key
from dossier.records import Document, Entity, Event, Flag, Quantity, Relation

# Russian-style romanisation -> Turkish/Azerbaijani spelling, applied to accent-free lowercase text
_TRANSLIT = [("dzh", "c"), ("kh", "h"), ("zh", "j"), ("ch", "c"), ("sh", "s"), ("j", "c"), ("ə", "a"),
             ("w", "v"), ("ph", "f"), ("q", "g"), ("x", "h"), ("iy", "i"), ("yy", "y")]
_HEAD_WORDS = set(HEAD_TYPES) | set(LOWER_HEADS) | {"gas", "oil", "natural", "transport", "international"}
PERSON_SURNAME_MIN = 88     # rapidfuzz ratio of two surnames' transliteration keys
PERSON_GIVEN_MIN = 75       # ... and of two given names
NAME_MIN = 92               # two other names' keys


@lru_cache(maxsize=65536)   # names recur across documents: resolving compares each with every known one
def translit_key(name: str) -> str:
    """A spelling-insensitive key: accents, case, punctuation, romanisation and double letters ignored."""
    k = key(name).replace("ə", "a")
    for a, b in _TRANSLIT:
        k = k.replace(a, b)
    return re.sub(r"(\w)\1+", r"\1", k)


@lru_cache(maxsize=65536)
def _tokens(name: str) -> tuple[str, ...]:
    return tuple(translit_key(w) for w in re.split(r"[\s-]+", name) if key(w)
            and key(w) not in {"al", "bin", "oglu", "ogly", "de", "van", "von"})


@lru_cache(maxsize=65536)
def _name_like(alias: str, typ: str) -> bool:
    """Aliases that can identify an entity: not titles, demonyms, capitals or lowercase fragments."""
    a = alias.strip()
    if not a or not any(c.isupper() for c in a) or a.lower() in TITLE_WORDS:
        return False
    if typ == "person" and len(a.split()) == 1 and a.lower() in TITLE_WORDS:
        return False
    entry = gazetteer.load().lookup(a)
    return not (entry is not None and entry.form in {"demonym", "capital"} and typ != "place")


def _names(e: Entity) -> tuple[str, ...]:
    return _names_of(e.name, e.type, tuple(e.aliases))


@lru_cache(maxsize=65536)
def _names_of(name: str, typ: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    return (name, *(a for a in aliases if _name_like(a, typ)))


def _acronyms(e: Entity) -> set[str]:
    return set(_acronyms_of(_names(e)))


@lru_cache(maxsize=65536)
def _acronyms_of(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(n for n in names if re.fullmatch(r"[A-ZÇĞİÖŞÜ0-9&.\-]{2,12}", n)
                     and sum(c.isalpha() for c in n) >= 2)


@lru_cache(maxsize=65536)
def _core(name: str) -> str:
    words = key(name).split()
    while len(words) > 1 and words[-1] in _HEAD_WORDS:
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=65536)
def _skeleton(word: str) -> str:
    """Consonants only: vowels are what romanisations of Azerbaijani names disagree on (ə as e or a)."""
    return re.sub(r"[aeiouy]", "", word)


@lru_cache(maxsize=65536)
def _digits(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"\d+", name))


# -- comparing two names of one type ------------------------------------------------------------

def same_person(a: str, b: str) -> bool:
    """Whether two person names can be one person: near-identical surnames and agreeing given names."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    if fuzz.ratio(ta[-1], tb[-1]) < PERSON_SURNAME_MIN and not (
            len(_skeleton(ta[-1])) >= 3 and _skeleton(ta[-1]) == _skeleton(tb[-1])):
        return False   # neither near-identical nor the same consonants ("Mamedov" / "Mammadov")
    ga, gb = ta[:-1], tb[:-1]
    if not ga or not gb:
        return True
    short, long = sorted((ga, gb), key=len)
    return all(any(fuzz.ratio(x, y) >= PERSON_GIVEN_MIN or fuzz.ratio(_diphthongs(x), _diphthongs(y))
                   >= PERSON_GIVEN_MIN for y in long) for x in short)


def _diphthongs(word: str) -> str:
    """One spelling for the vowel pairs romanisations disagree on: "Heydar" and "Haider" are one name."""
    return re.sub(r"ey|ei|ay|ai", "ai", word).replace("y", "i")


@lru_cache(maxsize=65536)
def _model_key(name: str) -> str:
    """A model designation without its dashes, spaces, case or plural: "TB-2", "TB2" and "F-16s" as "tb2",
    "tb2" and "f16"."""
    return re.sub(r"(?<=\d)s$", "", re.sub(r"[^0-9a-z]", "", gazetteer.fold(name).casefold()))


def _model_tail(name: str) -> str:
    """The model key of a product name's last word when it holds a digit ("Bayraktar TB2" -> "tb2")."""
    words = name.split()
    last = words[-1] if words else ""
    return _model_key(last) if re.search(r"\d", last) else ""


def _model_keys(name: str) -> set[str]:
    """What a product name is filed under: its model key and that of its last word."""
    return {_model_key(name), _model_tail(name)} - {""}


def _same_product(a: str, b: str) -> bool:
    """"TB-2", "TB2" and "Bayraktar TB2"; "F-16" and "F-16s" (not "S-300" and "S-300PMU-2")."""
    ma, mb = _model_key(a), _model_key(b)
    if ma and ma == mb:
        return True
    short, long = sorted((a, b), key=lambda n: len(n.split()))
    return len(short.split()) == 1 and len(long.split()) > 1 and bool(_model_tail(short)) \
        and _model_key(short) == _model_tail(long)


def _same_thing(a: str, b: str, typ: str) -> bool:
    """Whether two names of one (non-person) type name one thing."""
    ka, kb = key(a), key(b)
    if ka == kb or translit_key(a) == translit_key(b):
        return True
    if typ == "product" and _same_product(a, b):
        return True
    if _digits(a) != _digits(b):
        return False
    if typ == "place" and _works(a) != _works(b):
        return False   # "Baku International Sea Port" is not the town of Baku
    if typ in {"infrastructure", "place"}:
        ca, cb = _core(a), _core(b)
        # (a route of three places is one thing whatever its head word says; "Trans-Caspian Gas Pipeline" is
        # no "Trans-Caspian International Transport Route")
        if ca and ca == cb and (len(ca.split()) >= 3 or len({_kind(a), _kind(b)} - {None}) < 2):
            return True
        ra, rb = set(ca.split()), set(cb.split())
        if len(ra) >= 3 and ra == rb and re.search(r"[-–—]", a + b):
            return True   # a route named in either direction
    return min(len(ka), len(kb)) >= 8 and fuzz.ratio(translit_key(a), translit_key(b)) >= NAME_MIN


_KINDS = {"pipeline": "pipe", "interconnector": "pipe", "railway": "rail", "railroad": "rail", "rail": "rail",
          "road": "road", "highway": "road", "motorway": "road", "route": "route", "corridor": "route"}


def _kind(name: str) -> str | None:
    """What kind of line a name's head word says it is ("pipe", "rail", "road", "route"), if it says."""
    words = key(name).split()
    return _KINDS.get(words[-1]) if words else None


def _works(name: str) -> bool:
    """A place named for the works at it: a port or a terminal."""
    return key(name).split()[-1:] in (["port"], ["seaport"], ["terminal"], ["harbour"], ["harbor"])


@dataclass
class _Known:
    """A known entity with what matching reads of it, computed once per ``resolve``."""

    entity: Entity
    names: tuple[str, ...]
    keys: frozenset[str]
    acronyms: frozenset[str]
    full: tuple[str, ...]      # names of two words or more (persons)
    index: tuple[tuple[str, object], ...] = ()   # what ``_Candidates`` files it under
    long: tuple[str, ...] = ()                   # transliterations of names of 8 letters or more
    surnames: tuple[str, ...] = ()               # last words of its names (persons)
    full_surnames: tuple[str, ...] = ()          # ... of its full names


# by id(): the store hands the writer the same entity objects from one document to the next, so what
# matching reads of each is computed once, not per document (an entry holds its entity, so no id is reused)
_KNOWN: dict[int, _Known] = {}


def _known(k: Entity) -> _Known:
    hit = _KNOWN.get(id(k))
    if hit is not None and hit.entity is k:
        return hit
    names = _names(k)
    index: list[tuple[str, object]] = []
    for b in names:
        core = _core(b)
        index += [("key", key(b)), ("translit", translit_key(b))]
        if core:
            index.append(("core", core))
        if len(set(core.split())) >= 3:
            index.append(("route", frozenset(core.split())))
        if k.type == "product":
            index += [("model", m) for m in _model_keys(b)]
    made = _Known(k, names, frozenset(key(n) for n in names), _acronyms_of(names),
                  tuple(n for n in names if len(_tokens(n)) >= 2), tuple(index),
                  tuple(translit_key(b) for b in names if len(key(b)) >= 8),
                  tuple(_tokens(b)[-1] for b in names if _tokens(b)),
                  tuple(_tokens(b)[-1] for b in names if len(_tokens(b)) >= 2))
    _KNOWN[id(k)] = made
    return made


class _NameIndex:
    """The names of the known entities of one type, by what could match them: kept from one ``resolve``
    to the next and updated by difference, as the store hands out the same entity objects until one
    changes (so a document does not rebuild an index of the whole knowledge base)."""

    def __init__(self) -> None:
        self.members: dict[int, _Known] = {}
        self.buckets: dict[tuple[str, object], set[int]] = defaultdict(set)
        self._lists: dict[str, tuple[list[str], list[int]]] | None = None

    def sync(self, items: list[_Known]) -> None:
        now = {id(k): k for k in items}
        gone, new = self.members.keys() - now.keys(), now.keys() - self.members.keys()
        for i in gone:
            for entry in self._entries(self.members.pop(i)):
                self.buckets[entry].discard(i)
        for i in new:
            self.members[i] = now[i]
            for entry in self._entries(now[i]):
                self.buckets[entry].add(i)
        if gone or new:
            self._lists = None

    @staticmethod
    def _entries(k: _Known) -> list[tuple[str, object]]:
        return [*k.index, *(("skeleton", _skeleton(w)) for w in k.full_surnames)]

    def lists(self, kind: str) -> tuple[list[str], list[int]]:
        """Strings to compare a name with (transliterations of long names, surnames of full names, all
        surnames) and the id of the entity each belongs to."""
        if self._lists is None:
            lists: dict[str, tuple[list[str], list[int]]] = {"long": ([], []), "full": ([], []), "all": ([], [])}
            for i, k in self.members.items():
                for name, words in (("long", k.long), ("full", k.full_surnames), ("all", k.surnames)):
                    lists[name][0].extend(words)
                    lists[name][1].extend([i] * len(words))
            self._lists = lists
        return self._lists[kind]


_INDEXES: dict[str, _NameIndex] = {}
_INDEX_LOCK = threading.Lock()   # the web app may resolve two uploads at once


class _Candidates(list):
    """The known entities of one type, in order, with the index of their names: it narrows each
    comparison to those that could pass it (``_same_thing`` and ``same_person`` still decide)."""

    index: _NameIndex | None = None
    _pos: dict[int, int] | None = None

    def _in_order(self, ids: set[int]) -> list[_Known]:
        if self._pos is None:
            self._pos = {id(k): i for i, k in enumerate(self)}
        return [self[i] for i in sorted(self._pos[j] for j in ids if j in self._pos)]

    def could_be(self, names: tuple[str, ...], typ: str) -> list[_Known]:
        """Those of these entities (in order) that ``_same_thing`` could join to one of ``names``:
        equal keys, transliterations, cores or route words, or transliterations within ``NAME_MIN``."""
        if self.index is None:
            return []
        buckets = self.index.buckets
        hits: set[int] = set()
        for a in names:
            hits.update(buckets.get(("key", key(a)), ()))
            hits.update(buckets.get(("translit", translit_key(a)), ()))
            if typ in {"infrastructure", "place"}:
                core = _core(a)
                hits.update(buckets.get(("core", core), ()))
                hits.update(buckets.get(("route", frozenset(core.split())), ()))
            if typ == "product":
                for m in _model_keys(a):
                    hits.update(buckets.get(("model", m), ()))
            if len(key(a)) >= 8:
                choices, owners = self.index.lists("long")
                hits.update(owners[j] for _, _, j in process.extract(translit_key(a), choices, scorer=fuzz.ratio,
                                                                     score_cutoff=NAME_MIN, limit=None))
        return self._in_order(hits)

    def could_be_person(self, surnames: list[str], full: bool) -> list[_Known]:
        """Those (in order) with a name whose last word is within ``PERSON_SURNAME_MIN`` of a surname
        or has its consonants (``full``: among their full names, as ``same_person`` compares them), or,
        not ``full``, within 95 of it (a lone surname)."""
        if self.index is None:
            return []
        choices, owners = self.index.lists("full" if full else "all")
        cutoff = PERSON_SURNAME_MIN if full else 95
        hits: set[int] = set()
        for surname in surnames:
            hits.update(owners[j] for _, _, j in process.extract(surname, choices, scorer=fuzz.ratio,
                                                                 score_cutoff=cutoff, limit=None))
            if full and len(_skeleton(surname)) >= 3:
                hits.update(self.index.buckets.get(("skeleton", _skeleton(surname)), ()))
        return self._in_order(hits)


def _match(e: Entity, by_type: dict[str, _Candidates]) -> Entity | None:
    """The known entity ``e`` is, if any."""
    candidates = by_type.get(e.type, _Candidates())
    names = _names(e)
    if e.type == "person":
        # a full name is compared with full names only, so a surname shared by two people ("Aliyev") never
        # joins "Heydar Aliyev" to "Ilham Aliyev"; a lone surname is whoever the knowledge base mostly means
        # by it, not the first person known under it
        return _match_person(e, candidates)
    keys = {key(n) for n in names}
    for k in candidates:   # exact names first
        if keys & k.keys:
            return k.entity
    acr = _acronyms(e)
    if acr:
        for k in candidates:
            if acr & k.acronyms:
                return k.entity
    for k in candidates.could_be(names, e.type):
        if any(_same_thing(a, b, e.type) for a in names for b in k.names):
            return k.entity
    return None


def _match_person(e: Entity, candidates: _Candidates) -> Entity | None:
    full = [n for n in _names(e) if len(_tokens(n)) >= 2]
    if full:
        near = candidates.could_be_person([_tokens(a)[-1] for a in full], full=True)
        hits = [k.entity for k in near if any(same_person(a, b) for a in full for b in k.full)]
        return max(hits, key=lambda k: len(k.docs)) if hits else None
    surname = _tokens(e.name)[-1:] if _tokens(e.name) else []
    if not surname:
        return None
    hits = [k.entity for k in candidates.could_be_person(surname, full=False)
            if any(_tokens(b)[-1:] and fuzz.ratio(_tokens(b)[-1], surname[0]) >= 95 for b in k.names)]
    if len(hits) == 1:
        return hits[0]
    hits.sort(key=lambda k: len(k.docs), reverse=True)
    if len(hits) > 1 and len(hits[0].docs) >= 2 * len(hits[1].docs):
        return hits[0]   # "Aliyev" alone: the Aliyev the knowledge base mostly speaks of
    return None


# -- within one document ----------------------------------------------------------------------------

def _preferred(names: Counter) -> str:
    """The most standard spelling: native diacritics first, then the fullest, then the most used."""
    return max(names, key=lambda n: (len(_tokens(n)), n != gazetteer.fold(n), names[n], n))


def _merge_persons_in_doc(doc: Document) -> dict[str, str]:
    """Short or variant person names of this document -> the full name it uses."""
    uses = Counter(m.entity for m in doc.mentions if m.type == "person" and m.form == "name")
    for e in doc.entities:
        if e.type == "person":
            uses[e.name] += 0
    names = list(uses)
    fulls = [n for n in names if len(_tokens(n)) >= 2]
    rename: dict[str, str] = {}
    groups: list[list[str]] = []
    for n in sorted(fulls, key=lambda n: -uses[n]):
        for g in groups:
            close = same_person(n, g[0]) and fuzz.ratio(translit_key(n), translit_key(g[0])) >= 80
            if close or translit_key(n) == translit_key(g[0]) or _contains_tokens(g[0], n) \
                    or _contains_tokens(n, g[0]):
                g.append(n)
                break
        else:
            groups.append([n])
    for g in groups:
        best = _preferred(Counter({n: uses[n] for n in g}))
        for n in g:
            if n != best:
                rename[n] = best
    for n in names:
        if len(_tokens(n)) == 1 and n not in rename:
            hits = {rename.get(f, f) for f in fulls if _tokens(f)[-1] == _tokens(n)[0]}
            if len(hits) == 1:
                rename[n] = hits.pop()
    for n in names:   # a lone surname spelt a little differently ("Shevardnadze" beside "Eduard Shevarnadze")
        if len(_tokens(n)) == 1 and n not in rename and len(n) >= 6:
            hits = {rename.get(f, f) for f in fulls if fuzz.ratio(_tokens(f)[-1], _tokens(n)[0]) >= PERSON_SURNAME_MIN}
            if len(hits) != 1:
                continue
            full = hits.pop()
            rename[n] = full
            if uses[n] > sum(uses[f] for f in fulls if rename.get(f, f) == full):
                # the surname alone is the spelling the text mostly uses: the full name takes it
                fixed = " ".join([*full.split()[:-1], n])
                for a, b in list(rename.items()):
                    if b == full:
                        rename[a] = fixed
                rename[full] = fixed
                rename.pop(fixed, None)
    return rename


def _merge_products_in_doc(doc: Document) -> dict[str, str]:
    """Product names of this document that are one model ("TB2", "TB-2", "Bayraktar TB2"; "F-16s") -> the
    fullest of them."""
    names = sorted({e.name for e in doc.entities if e.type == "product"}, key=lambda n: (-len(n.split()), n))
    rename: dict[str, str] = {}
    for i, n in enumerate(names):
        for fuller in names[:i]:
            if fuller not in rename and _same_product(n, fuller):
                rename[n] = fuller
                break
    return rename


def _contains_tokens(full: str, part: str) -> bool:
    tf, tp = _tokens(full), _tokens(part)
    return 2 <= len(tp) < len(tf) and tf[-len(tp):] == tp


# -- metadata: the author and the publisher are actors of the document --------------------------------

_PERSON_NAME = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ſƏ][\w’'.-]+(?: [A-ZÀ-ÖØ-ÞĀ-ſƏ][\w’'.-]+){1,3}$")


def metadata_entities(doc: Document) -> list[Entity]:
    """The author(s) as persons and the publisher as an organisation, when they read as names."""
    out = []
    gaz = gazetteer.load()
    for part in re.split(r"\s*(?:,|;|&|\band\b)\s*", doc.author or ""):
        part = part.strip()
        words = part.split()
        if _PERSON_NAME.match(part) and not any(w.lower() in _HEAD_WORDS or w.lower() in TITLE_WORDS for w in words) \
                and not any(gaz.lookup(w) for w in words):
            out.append(Entity(name=part, type="person", aliases=[], docs=[doc.name]))
    pub = (doc.publisher or "").strip()
    if pub and re.search(r"[A-Z]", pub) and not re.search(r"\.[a-z]{2,3}\b|/|@", pub) and len(pub) <= 80 \
            and (gaz.lookup(pub) is None or gaz.lookup(pub).type == "organization"):
        entry = gaz.lookup(pub)
        out.append(Entity(name=entry.canonical if entry else pub, type="organization", aliases=[pub], docs=[doc.name]))
    return out


# -- the stage ----------------------------------------------------------------------------------------

def warm_up() -> None:
    """Load what the first ``resolve`` would (the gazetteer, the spelling word lists): a writer does it
    while its workers start, on a core that would otherwise wait."""
    gazetteer.load()
    flags.warm_up()


def resolve(doc: Document, known: list[Entity]) -> Document:
    """Map this document's entities onto known ones and rewrite every name it uses to the canonical one."""
    for e in metadata_entities(doc):
        if not any(x.type == e.type and key(x.name) == key(e.name) for x in doc.entities):
            doc.entities.append(e)
    rename = _merge_persons_in_doc(doc)
    products = _merge_products_in_doc(doc)
    entities = _apply_to_entities(_apply_to_entities(doc.entities, rename, "person"), products, "product")
    by_type: dict[str, _Candidates] = defaultdict(_Candidates)
    cross: dict[tuple[str, str], str] = {}
    with _INDEX_LOCK:
        if len(_KNOWN) > 2 * len(known) + 10_000:
            _KNOWN.clear()   # entities the store has since replaced
        for k in known:
            by_type[k.type].append(_known(k))
        for typ, candidates in by_type.items():
            candidates.index = _INDEXES.setdefault(typ, _NameIndex())
            candidates.index.sync(candidates)
        for e in entities:
            hit = _match(e, by_type)
            if hit is not None and hit.name != e.name:
                cross[(e.name, e.type)] = hit.name
    final = {**{(a, "person"): b for a, b in rename.items()}, **{(a, "product"): b for a, b in products.items()}}
    for (a, t), b in cross.items():
        final[(a, t)] = b
    for (a, t), b in list(final.items()):   # chains: short -> full -> known
        final[(a, t)] = cross.get((b, t), b)
    doc.entities = _merge_entities(entities, {k: v for k, v in final.items()})
    by_name = _name_map(final)
    for m in doc.mentions:
        m.entity = final.get((m.entity, m.type), m.entity)
    doc.facts = [_rename_fact(f, by_name) for f in doc.facts]
    doc.flags = [replace(f, about=by_name.get(f.about, f.about)) if isinstance(f, Flag) else f for f in doc.flags]
    doc.flags += [*flags.spelling_flags(doc, _misspellings(final)), *flags.category_flags(doc, _kinds(doc, known))]
    return doc


def _kinds(doc: Document, known: list[Entity]) -> dict[str, list[str]]:
    """For each infrastructure entity: the kinds (railway, pipeline) its names in other documents give it."""
    out: dict[str, list[str]] = defaultdict(list)
    for k in known:
        if k.type == "infrastructure" and (doc.name not in k.docs or len(k.docs) > 1):
            out[k.name] += [flags.kind_of(n) for n in {k.name, *k.aliases}]
    return out


def _misspellings(final: dict[tuple[str, str], str]) -> dict[str, str]:
    """Person spellings joined to another full name of as many words that romanisation does not explain
    ("Ilhan Aliyev" for "Ilham Aliyev"; not "Erdogan" for "Erdoğan", nor "Sergey" for "Sergei")."""
    out = {}
    for (a, t), b in final.items():
        if t != "person" or len(_tokens(a)) < 2 or len(_tokens(a)) != len(_tokens(b)):
            continue
        ka, kb = translit_key(a).replace("y", "i"), translit_key(b).replace("y", "i")
        if ka != kb and fuzz.ratio(ka, kb) >= 85:
            out[a] = b
    return out


def _apply_to_entities(entities: list[Entity], rename: dict[str, str], typ: str) -> list[Entity]:
    return _merge_entities(entities, {(a, typ): b for a, b in rename.items()})


def _merge_entities(entities: list[Entity], rename: dict[tuple[str, str], str]) -> list[Entity]:
    """Rename entities and merge those that now share (name, type); old names stay as aliases."""
    merged: dict[tuple[str, str], Entity] = {}
    for e in entities:
        name = rename.get((e.name, e.type), e.name)
        k = (name, e.type)
        if k not in merged:
            merged[k] = Entity(name=name, type=e.type, aliases=[], docs=[])
        target = merged[k]
        target.aliases = sorted({*target.aliases, *e.aliases, e.name} - {name})
        target.docs = sorted({*target.docs, *e.docs})
    return list(merged.values())


def _name_map(final: dict[tuple[str, str], str]) -> dict[str, str]:
    """Old name -> new name for facts, which carry names without types (ambiguous names are left alone)."""
    targets: dict[str, set[str]] = defaultdict(set)
    for (a, _t), b in final.items():
        targets[a].add(b)
    return {a: next(iter(b)) for a, b in targets.items() if len(b) == 1}


def _rename_fact(fact, by_name: dict[str, str]):
    def r(v):
        return by_name.get(v, v) if isinstance(v, str) else v

    if isinstance(fact, Quantity):
        return replace(fact, subjects=[r(s) for s in fact.subjects],
                       qualifiers={k: r(v) for k, v in fact.qualifiers.items()})
    if isinstance(fact, Event):
        return replace(fact, participants=[r(p) for p in fact.participants], place=r(fact.place), name=r(fact.name),
                       qualifiers={k: r(v) for k, v in fact.qualifiers.items()})
    if isinstance(fact, Relation):
        return replace(fact, subject=r(fact.subject), object=r(fact.object),
                       qualifiers={k: r(v) for k, v in fact.qualifiers.items()})
    return fact


# -- for the flags ----------------------------------------------------------------------------------

def variant_of(name: str, known: list[Entity]) -> Entity | None:
    """The known entity ``name`` is a likely misspelling or transliteration of (never an exact spelling of it)."""
    if not name or not name.strip():
        return None
    k = key(name)
    spelled = {n for e in known for n in _names(e)}
    if name in spelled or any(key(n) == k for n in spelled):
        return None   # the same spelling (accents and case aside) is no variant
    tk = translit_key(name)
    person_like = len(_tokens(name)) >= 2
    best: tuple[float, Entity] | None = None
    for e in known:
        for n in _names(e):
            if e.type == "person" and person_like and len(_tokens(n)) >= 2:
                if translit_key(n) == tk or same_person(name, n) and fuzz.ratio(translit_key(n), tk) >= 85:
                    score = fuzz.ratio(translit_key(n), tk)
                    if best is None or score > best[0]:
                        best = (score, e)
            elif e.type != "person" and len(k) >= 6 and _digits(name) == _digits(n):
                score = fuzz.ratio(translit_key(n), tk)
                if score >= NAME_MIN and (best is None or score > best[0]):
                    best = (score, e)
    return best[1] if best else None


def variant_kind(name: str, entity: Entity) -> str | None:
    """``transliteration_variant`` when romanisation explains the difference, else ``misspelled_name``."""
    if any(key(n) == key(name) for n in _names(entity)):
        return None
    if any(translit_key(n) == translit_key(name) for n in _names(entity)):
        return "transliteration_variant"
    return "misspelled_name"
