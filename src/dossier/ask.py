"""Answer a question from the knowledge base, in one sentence, with the quotes that support it.

A question is classified by what it asks for (a date, a figure, a person, a post, the
other side of a relation) from its question words and keyword classes, and the names in
it are linked to the knowledge base's entities through their aliases (rapidfuzz for
near spellings).  Structured facts of the matching kinds are scored by the entities and
words they share with the question; the best one answers.  Anything else falls back to
passage retrieval (``passages.py``).  When nothing fits, the answer is ``None``: the
reply says the knowledge base does not say, and shows the nearest passages.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from dossier import gazetteer
from dossier.passages import PassageIndex, stems, tokens
from dossier.records import Entity, Event, Fact, Quantity, Relation, Source
from dossier.store import Store

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

# Keyword classes: words of a question that say what kind of answer it wants.
DATE_WORDS = {"when", "date", "year", "month", "day"}
FIGURE_WORDS = {"much", "many", "long", "length", "turnover", "value", "worth", "capacity", "throughput",
                "volume", "amount", "figure", "percent", "percentage", "share", "stake", "equity", "target",
                "total", "budget", "size"}
ROLE_WORDS = {"minister", "president", "ambassador", "prime", "chairman", "head", "secretary", "deputy",
              "leader", "ceo", "director", "governor", "mayor", "foreign", "spokesman", "spokesperson"}
POST_WORDS = {"post", "position", "role", "office", "title", "job"}
# Relation predicates a question word points to (stems, matched as prefixes of question words).
PREDICATE_WORDS = {
    "member": ["member_of"], "belong": ["member_of"], "join": ["member_of"],
    "connect": ["connects"], "link": ["connects"], "run": ["connects"], "route": ["connects"],
    "own": ["owner_of"], "owns": ["owner_of"], "owned": ["owner_of"], "owner": ["owner_of"],
    "operat": ["operator_of"], "manag": ["operator_of"], "chair": ["chairs"], "part": ["part_of"],
    "suppl": ["supplies"], "manufactur": ["manufacturer_of"], "produc": ["manufacturer_of"],
    "locat": ["located_in"], "where": ["located_in", "connects"], "party": ["party_to"],
    "rank": ["ranked", "trade_partner_rank"], "partner": ["trade_partner_rank"],
}
# Stems too short to be prefixes: "part" is not "participation" nor "party", "run" not "runway".
WHOLE_WORD_STEMS = {"part", "run", "party", "own", "rank"}
# Words of a question that name a fact's indicator, type or predicate in other words.
SYNONYMS = {
    "long": "length", "km": "length", "stake": "equity_share", "share": "equity_share",
    "equity": "equity_share", "percent": "equity_share", "weapons": "arms_sales", "arms": "arms_sales",
    "firms": "companies", "businesses": "businesses companies", "projects": "contracts",
    "throughput": "capacity", "trade": "trade_turnover", "turnover": "trade_turnover",
    "invested": "investment", "investments": "investment", "signed": "agreement_signed",
    "sign": "agreement_signed", "opened": "opening", "open": "opening", "inaugurated": "opening",
    "recognised": "recognition", "recognized": "recognition", "recognise": "recognition",
    "recognize": "recognition", "renamed": "organization_change", "founded": "organization_change",
    "established": "diplomatic_relations organization_change", "relations": "diplomatic_relations",
    "exercise": "military_exercise", "exercises": "military_exercise", "held": "meeting exhibition",
    "met": "meeting", "visit": "visit", "visited": "visit", "effect": "agreement_in_force",
    "effective": "agreement_in_force", "force": "agreement_in_force", "began": "war",
    "started": "opening war", "gas": "gas_supply", "purchase": "arms_sales", "bought": "arms_sales",
    "independence": "independence", "summit": "meeting", "forum": "meeting", "festival": "exhibition",
    "goal": "target", "aim": "target", "expected": "target", "plan": "target", "planned": "target",
    "need": "investment_need", "budget": "contracts_value value", "worth": "value",
    "spend": "arms_sales", "spent": "arms_sales", "required": "investment_need", "capex": "investment_need",
}
TARGET_WORDS = {"target", "goal", "aim", "expected", "plan", "planned", "objective"}
EVENT_VERBS = {"agreement_signed": "was signed", "agreement_in_force": "came into force", "opening": "opened",
               "meeting": "took place", "exhibition": "was held", "war": "began", "visit": "took place",
               "military_exercise": "was held", "recognition": "took place",
               "organization_change": "took place", "diplomatic_relations": "were established"}
CALENDAR = {m.lower() for m in MONTHS} | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                       "sunday"}
MIN_SCORE = 3.0
PASSAGE_ANSWER_SCORE = 0.62  # mixed BM25/cosine score of the best passage, to answer with it
PASSAGE_COVERAGE = 0.5       # ... and the share of the question's words it must contain


@dataclass
class Answer:
    """A reply: the answer (``None`` when the knowledge base does not say), a sentence, the sources."""

    answer: str | None
    text: str
    sources: list[Source] = field(default_factory=list)
    via: str = "facts"  # facts | passages | none

    def to_json(self) -> dict[str, Any]:
        """The contract shape (shared/eval/CONTRACT.md, "Questions")."""
        return {"answer": self.answer, "text": self.text, "sources": [s.to_record() for s in self.sources]}


@dataclass
class Question:
    """What a question asks for, and the entities it names."""

    text: str
    want: str                      # date | figure | who | post | relation | other
    words: set[str]
    entities: list[str]            # canonical names linked, in order of appearance
    predicates: list[str]
    years: set[str]
    unknown: list[str]             # capitalised names the knowledge base does not know
    target: bool = False


def fold(text: str) -> str:
    """Case- and accent-folded text, for matching names (Erdoğan = Erdogan)."""
    text = unicodedata.normalize("NFKD", text.replace("ı", "i"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _names(entities: list[Entity]) -> list[tuple[str, str]]:
    """(folded surface form, canonical name) of every name, alias and country demonym, longest first."""
    pairs = {(fold(a), e.name) for e in entities for a in [e.name, *e.aliases] if len(a) >= 2}
    known = {e.name for e in entities}
    pairs |= {(fold(surface), entry.canonical) for surface, entry in gazetteer.load().entries.items()
              if entry.form == "demonym" and entry.canonical in known}
    return sorted(pairs, key=lambda p: -len(p[0]))


def link(question: str, entities: list[Entity], corpus: str = "") -> tuple[list[str], list[str]]:
    """Entities named in the question (exact alias, else a near spelling) and capitalised names that
    neither an entity nor the folded stored texts (``corpus``) know."""
    q = fold(question)
    found: list[tuple[int, str]] = []
    taken = [False] * len(q)
    for form, name in _names(entities):
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?:s|i|ish)?(?!\w)", q):
            if not any(taken[m.start():m.end()]):
                found.append((m.start(), name))
                taken[m.start():m.end()] = [True] * (m.end() - m.start())
    # near spellings of the remaining capitalised words (Pekcan / Pekçan, Aliev / Aliyev)
    unknown = []
    for m in re.finditer(r"\b[A-ZÀ-Ý][\w'’-]+(?:\s+(?:(?:of|for|on|the)\s+)*[A-ZÀ-Ý][\w'’-]+)*", question):
        start = len(fold(question[:m.start()]))
        if any(taken[start:start + len(m.group())]) or m.start() == 0:
            continue
        cand = fold(m.group())
        # a whole near spelling, or (for a long name) the start of a longer official name
        best = max(((fuzz.ratio(cand, form) if len(cand) < 12 or len(form) < len(cand)
                     else fuzz.partial_ratio(cand, form), name)
                    for form, name in _names(entities) if len(form) >= 4), default=(0, ""))
        if best[0] >= 85:
            found.append((start, best[1]))
        elif cand.rstrip("s") not in ROLE_WORDS | POST_WORDS and not set(re.split(r"[\s-]+", cand)) <= CALENDAR \
                and not (
                corpus and re.search(r"(?<!\w)" + re.escape(cand) + r"(?!\w)", corpus)):
            unknown.append(m.group())  # named in no stored text either
    names = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return names, unknown


def _stem_hit(stem: str, word: str) -> bool:
    if stem in WHOLE_WORD_STEMS:
        return word in {stem, stem + "s", stem + "ed", stem + "er", stem + "ing"} or (
            stem.endswith("y") and word == stem[:-1] + "ies")
    return word.startswith(stem)


def parse(question: str, entities: list[Entity], corpus: str = "") -> Question:
    """Classify the question and link the entities it names."""
    words = {w.lower() for w in re.findall(r"\w+", question)}
    first = question.strip().split()[0].lower() if question.strip() else ""
    # a capitalised word is part of a name ("the Trump Route"), not what is asked about
    asked = {w.lower() for i, w in enumerate(re.findall(r"\w+", question)) if i == 0 or not w[:1].isupper()}
    predicates = [p for stem, preds in PREDICATE_WORDS.items() for p in preds
                  if any(_stem_hit(stem, w) for w in asked)]
    if first == "when" or words & {"date", "year"} and first in {"what", "which", "in", "on"}:
        want = "date"
    elif words & {"much", "many"} or first == "how" and "long" in words or words & FIGURE_WORDS and first in {
            "what", "which"} and not predicates:
        want = "figure"
    elif words & POST_WORDS or first == "who" and ({"is", "was"} & words) and not words & ROLE_WORDS and (
            len(words) <= 5):
        want = "post"
    elif first in {"who", "whom"} and words & ROLE_WORDS:
        want = "who"
    elif predicates:
        want = "relation"
    elif first in {"who", "whom"} or words & {"signed", "sign"} and first in {"which", "what"}:
        want = "who"
    else:
        want = "other"
    linked, unknown = link(question, entities, corpus)
    return Question(question, want, words, linked, predicates, set(re.findall(r"\b(1[89]\d\d|20\d\d)\b", question)),
                    unknown, bool(words & TARGET_WORDS))


# ---------------------------------------------------------------- formatting

def say_date(iso: str | None) -> str:
    """An ISO date prefix as people write it: 2021-06-15 -> 15 June 2021; XXXX-06-10 -> 10 June."""
    if not iso:
        return "an unknown date"
    if "/" in iso:
        a, b = iso.split("/", 1)
        return f"{say_date(a)} – {say_date(b)}"
    parts = iso.split("-")
    year = "" if parts[0].startswith("X") else parts[0]
    if len(parts) == 1:
        return year
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {year}".strip()
    return f"{int(parts[2])} {month} {year}".strip()


def _num(v: float) -> str:
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def say_value(q: Quantity) -> str:
    """A figure with its unit: USD 2.2 bn, 1,768 km, 6.53%, 4,300."""
    def one(v: float) -> str:
        if q.unit == "%":
            return f"{_num(v)}%"
        if q.unit == "count":
            return _num(v)
        if len(q.unit) == 3 and q.unit.isupper() and q.unit != "TEU":  # an ISO 4217 currency (not containers)
            for scale, word in ((1e9, "bn"), (1e6, "mln"), (1e3, "thousand")):
                if abs(v) >= scale:
                    return f"{q.unit} {_num(v / scale)} {word}"
            return f"{q.unit} {_num(v)}"
        if q.unit == "bbl/d" and v >= 1e6:
            return f"{_num(v / 1e6)} mln bbl/d"
        return f"{_num(v)} {q.unit}"
    text = one(q.value)
    if q.value_max is not None:
        text = f"{text} – {one(q.value_max)}"
    return f"{q.approx} {text}" if q.approx else text


def _fact_names(f: Fact) -> list[str]:
    if isinstance(f, Quantity):
        return [*f.subjects, *(str(v) for v in f.qualifiers.values())]
    if isinstance(f, Event):
        return [n for n in [f.name, *f.participants, f.place] if n]
    return [n for n in [f.subject, f.object, *(str(v) for v in f.qualifiers.values())] if n]


def _fact_words(f: Fact) -> set[str]:
    if isinstance(f, Quantity):
        raw = " ".join([f.indicator, f.label or "", f.modality, " ".join(q.quote for q in f.sources)])
    elif isinstance(f, Event):
        raw = " ".join([f.type, f.name or "", " ".join(q.quote for q in f.sources)])
    else:
        raw = " ".join([f.predicate, f.object or "", " ".join(q.quote for q in f.sources)])
    words = set(tokens(raw.replace("_", " ")))
    kind = getattr(f, "indicator", None) or getattr(f, "type", None) or getattr(f, "predicate", "")
    return words | {kind}


def _time(f: Fact) -> str | None:
    return f.date if isinstance(f, Event) else f.time


# ---------------------------------------------------------------- scoring

def _expand(words: set[str]) -> set[str]:
    out = set(words)
    for w in words:
        out.update(SYNONYMS.get(w, "").split())
    return out


def score(q: Question, f: Fact) -> float:
    """How well a fact fits the question: shared entities weigh most, then shared words, then the year."""
    names = set(_fact_names(f))
    shared = sum(1 for e in q.entities if e in names)
    s = 3.0 * shared - (2.0 if q.entities and not shared else 0.0)
    fw = _fact_words(f)
    qw = _expand(set(tokens(q.text)))
    s += sum(1.0 for w in qw if w in fw or (len(w) > 4 and any(x.startswith(w[:5]) for x in fw)))
    kind = getattr(f, "indicator", None) or getattr(f, "type", None) or getattr(f, "predicate", "")
    named = set(tokens(" ".join(q.entities)))  # words of the names asked about say nothing of the measure
    if qw & {kind, *kind.split("_")} or getattr(f, "label", None) and (qw - named) & set(tokens(f.label or "")):
        s += 2.0  # the question names what the fact measures or records
    order = [n for n in _fact_names(f) if n in q.entities]
    if len(order) >= 2 and order[:2] == [e for e in q.entities if e in order][:2]:
        s += 1.0  # named in the same order: from/to, seller/buyer
    t = _time(f) or ""
    if q.years and isinstance(f, Quantity) and not any(y in t for y in q.years):
        return 0.0  # a figure of another (or no) year does not answer for this one
    t = _time(f) or ""
    if q.years:
        s += 2.0 if any(t.startswith(y) or y in t for y in q.years) else -2.0
    if isinstance(f, Quantity):
        s += 1.0 if (f.modality == "target") == q.target else -1.0
        if "many" in q.words:
            s += 1.5 if f.unit == "count" else -1.5
        elif q.words & {"much", "budget", "value", "worth", "cost", "spend", "spent"}:
            s += -1.5 if f.unit == "count" else 0.5
    return s


def _candidates(q: Question, facts: list[Fact]) -> list[Fact]:
    if q.want == "date":
        return [f for f in facts if isinstance(f, Event) and f.date]
    if q.want == "figure":
        return [f for f in facts if isinstance(f, Quantity)]
    if q.want in {"post", "who"} and (q.words & ROLE_WORDS or q.want == "post"):
        return [f for f in facts if isinstance(f, Relation) and f.predicate == "position_held"]
    if q.want == "relation":
        return [f for f in facts if isinstance(f, Relation) and f.predicate in q.predicates]
    if q.want == "who":
        return [f for f in facts if isinstance(f, Event | Relation)]
    return []


def _other_side(q: Question, f: Fact) -> list[str]:
    """The names of a fact the question does not already name."""
    if isinstance(f, Relation):
        if f.predicate == "position_held":
            return [f.subject] if q.want == "who" or f.subject not in q.entities else [_post(f)]
        return [f.object or ""] if f.subject in q.entities else [f.subject]
    if isinstance(f, Event):
        return [p for p in f.participants if p not in q.entities]
    return []


_YES_NO = {"is", "are", "was", "were", "does", "do", "did", "has", "have"}
_NOT_POST_WORDS = {"who", "whom", "is", "was", "the", "a", "an", "of", "for", "in", "current", "currently", "now",
                   "new", "former", "then", "which", "what", "holds", "held", "post", "position", "job", "office",
                   "today", "s"}


def _names_the_post(q: Question, f: Fact) -> bool:
    """A post asked about in words ("the defence minister") is only answered by a post that says them:
    "Minister of Energy" does not answer for the defence minister."""
    if not (isinstance(f, Relation) and f.predicate == "position_held" and q.words & ROLE_WORDS):
        return True
    named = set(tokens(fold(" ".join(q.entities))))
    wanted = {w for w in (fold(x) for x in q.words) if w not in _NOT_POST_WORDS and w not in named
              and not w.isdigit() and w not in _demonyms()}
    post = fold(_post(f))
    return all(w[:5] in post or w.replace("ence", "ense")[:6] in post for w in wanted)


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(fold(s) for s, e in gazetteer.load().entries.items() if e.form == "demonym")


def _post(f: Relation) -> str:
    of = f.qualifiers.get("of")
    if not f.object:   # "Ana Popa of the Vestra Institute": a post whose title the text does not give
        return f"a post at {of}" if of else ""
    return f"{f.object} of {of}" if of and fold(of) not in fold(f.object) else f.object


def _sentence(q: Question, f: Fact, answer: str) -> str:
    when = f" ({say_date(_time(f))})" if _time(f) and q.want != "date" else ""
    if isinstance(f, Event):
        what = f.name or f"{f.type.replace('_', ' ')} of {', '.join(f.participants)}"
        if q.want == "date":
            verb = EVENT_VERBS.get(f.type, "happened")
            return f"{what[0].upper() + what[1:]} {verb} {'in' if len(f.date or '') <= 7 else 'on'} {answer}."
        return f"{what[0].upper() + what[1:]}: {answer}{when}."
    if isinstance(f, Quantity):
        what = (f.label or f.indicator).replace("_", " ")
        modal = "" if f.modality == "actual" else f" ({f.modality})"
        return f"The {what} of {' – '.join(f.subjects[:2])}{modal}{when}: {answer}."
    if f.predicate == "position_held":
        return f"{f.subject} held {'the post of ' if f.object else ''}{_post(f)}{when}."
    return f"{f.subject} {f.predicate.replace('_', ' ')} {f.object or ''}{when}.".replace(" .", ".")


def from_facts(q: Question, facts: list[Fact], recency: dict[str, int] | None = None) -> Answer | None:
    """The best structured answer, or None; ``recency`` ranks documents newest first, for ties."""
    recency = recency or {}

    def newest(f: Fact) -> int:
        return min((recency.get(s.doc, len(recency)) for s in f.sources), default=len(recency))

    if q.text.split()[0].lower() in _YES_NO and q.want == "relation":
        # "Is A a member of B?": a fact naming both sides confirms it
        both = [f for f in _candidates(q, facts) if isinstance(f, Relation)
                and f.subject in q.entities and f.object in q.entities]
        if both:
            return Answer(f"Yes: {both[0].object}", _sentence(q, both[0], both[0].object or ""), _sources(both))
    cands = [f for f in _candidates(q, facts) if q.want in ("date", "figure") or [
        v for v in _other_side(q, f) if v and v not in q.entities] and _names_the_post(q, f)]
    scored = [(-s, n, f) for s, n, f in sorted(((-score(q, f), newest(f), f) for f in cands),
                                               key=lambda t: t[:2])]
    if not scored or scored[0][0] < MIN_SCORE:
        return None
    best_score, _, best = scored[0]
    ties = [f for s, _, f in scored if s >= best_score - 0.01]
    if q.want == "date":
        answer = say_date(best.date)
        return Answer(answer, _sentence(q, best, answer), _sources(ties[:1]))
    if q.want == "figure":
        answer = say_value(best)
        return Answer(answer, _sentence(q, best, answer), _sources(ties[:1]))
    values: list[str] = []
    for f in ties:
        for v in _other_side(q, f):
            if v and v not in values and v not in q.entities:   # the question's own names answer nothing
                values.append(v)
    if not values:
        return None
    answer = ", ".join(values)
    text = _sentence(q, best, answer) if len(ties) == 1 else f"{answer} (for: {q.text.rstrip('?')})."
    return Answer(answer, text, _sources(ties))


def _sources(facts: list[Fact]) -> list[Source]:
    seen, out = set(), []
    for f in facts:
        for s in f.sources:
            if (s.doc, s.start) not in seen:
                seen.add((s.doc, s.start))
                out.append(s)
    return out


class Asker:
    """Answers questions about one knowledge base; loads its entities, facts and passages once."""

    def __init__(self, store: Store, *, use_model: bool = True):
        self.entities = store.entities()
        self.facts = store.facts()
        docs = [d for d in store.documents() if not d.duplicate_of]
        texts = {d.name: store.get_document(d.name).text for d in docs}
        self.index = PassageIndex(texts, use_model=use_model)
        self.corpus = fold("\n".join(texts.values()))
        # newer documents first when two facts fit equally well (a later target replaces an earlier one)
        self.recency = {name: i for i, name in enumerate(
            d.name for d in sorted(docs, key=lambda d: d.published or "", reverse=True))}

    def ask(self, question: str) -> Answer:
        """Answer one question (see the module docstring)."""
        q = parse(question, self.entities, self.corpus)
        hits = self.index.search(question, limit=3)
        if q.unknown:
            # a name the knowledge base does not know: a fact about something else would be invented;
            # only a passage naming it may answer
            names = ", ".join(q.unknown)
            top = next((h for h in hits if all(fold(n) in fold(h.context) for n in q.unknown)), None)
            if top and top.score >= PASSAGE_ANSWER_SCORE and top.coverage >= PASSAGE_COVERAGE and _fits(q, top.text):
                return Answer(top.text, top.text, [top.source()], "passages")
            return Answer(None, f"The knowledge base does not say: it knows nothing of {names} here.",
                          [h.source() for h in hits], "none")
        found = from_facts(q, self.facts, self.recency) if q.want != "other" else None
        if found:
            return found
        if hits and hits[0].score >= PASSAGE_ANSWER_SCORE and hits[0].coverage >= PASSAGE_COVERAGE and \
                _fits(q, hits[0].text) and (
                not q.entities or any(_mentions(hits[0].context, e, self.entities) for e in q.entities)):
            top = hits[0]
            return Answer(top.text, top.text, [top.source()], "passages")
        return Answer(None, f"The knowledge base does not say: {question.strip()}", [h.source() for h in hits],
                      "none")


_QUESTION_WORDS = {"when", "what", "which", "who", "whom", "how", "many", "much", "does", "did", "year", "date",
                   "day", "month", "long", "is", "was", "are", "were", "will", "would", "can"}


def _fits(q: Question, text: str) -> bool:
    """Whether a passage can hold the answer asked for: a date needs a year, a figure a number, a year asked
    about must be there, and so must one word of what is asked beyond the names ("mayor", "passengers")."""
    if q.want == "date" and not re.search(r"\b(1[89]\d\d|20\d\d)\b", text):
        return False
    if q.want == "figure" and not re.search(r"\d", text):
        return False
    if any(y not in text for y in q.years):
        return False
    named = set(stems(" ".join([*q.entities, *q.unknown])))
    lower = " ".join(w for i, w in enumerate(q.text.split()) if i and not w[:1].isupper())  # not names
    asked = {s for s in stems(lower) if s not in named and s not in _QUESTION_WORDS and not s.isdigit()}
    return not asked or bool(asked & set(stems(text)))


def _mentions(text: str, name: str, entities: list[Entity]) -> bool:
    forms = [name, *next((e.aliases for e in entities if e.name == name), [])]
    t = fold(text)
    return any(fold(f) in t for f in forms)


def ask(store: Store, question: str) -> Answer:
    """Answer one question from the knowledge base in ``store``."""
    return Asker(store).ask(question)


# ---------------------------------------------------------------- benchmark

def normalise(text: str) -> str:
    """Folded, with number words and separators unified: 'USD 2.2 billion' -> 'usd 2.2 bn'."""
    t = fold(text)
    t = re.sub(r"(?<=\d),(?=\d{3})", "", t)
    for long, short in (("billion", "bn"), ("million", "mln"), ("per cent", "%"), ("percent", "%")):
        t = t.replace(long, short)
    t = re.sub(r"(?<=\d)\s+%", "%", t)
    return re.sub(r"[\s–—-]+", " ", t).strip()


def expected_forms(expected: str) -> list[str]:
    """The expected answer, and an ISO date also in its spoken form."""
    forms = [expected]
    if re.fullmatch(r"(\d{4}|XXXX)(-\d\d){0,2}", expected):
        forms.append(say_date(expected))
    return [normalise(f) for f in forms]


@dataclass
class BenchResult:
    """Exact-answer accuracy over a question file, with the misses."""

    total: int
    correct: int
    misses: list[tuple[str, str | None, str | None]]  # question, expected, got

    @property
    def accuracy(self) -> float:
        """Share of questions answered right."""
        return self.correct / self.total if self.total else 0.0


def bench(store: Store, items: list[dict[str, Any]]) -> BenchResult:
    """Ask every question; right = the normalised expected answer is inside the normalised answer
    (an expected ``null`` wants the "does not say" reply)."""
    asker = Asker(store)
    correct, misses = 0, []
    for item in items:
        got = asker.ask(item["question"]).answer
        exp = item.get("answer")
        ok = got is None if exp is None else got is not None and any(
            f in normalise(got) for f in expected_forms(str(exp)))
        correct += ok
        if not ok:
            misses.append((item["question"], exp, got))
    return BenchResult(len(items), correct, misses)
