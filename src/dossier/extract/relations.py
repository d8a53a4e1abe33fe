"""Relations: typed links between entities, read from titles, appositions and the dependency parse.

Each predicate of the contract has its own reader:

- ``position_held``: a title next to a person's name — "Turkish President X",
  "the President of the Republic of Azerbaijan X", "X, then the Minister of
  Trade of Turkey", "X, the Turkish Ambassador to Baku" (the demonym is the
  sending country).  The role is the title without the country; ``of`` is the
  country (or organisation) the title names, else the one the same person's
  title names elsewhere in the document, else the only country of the
  sentence no other title claims.
- ``member_of`` / ``chairs``: "X chairs Y", "sitting on Y", "X joined Y",
  "member of Y", "X ... in organisations such as A, B and C".
- ``operator_of`` / ``owner_of``: "X is the operator of the pipeline",
  "X operates ...", "X's Y", "Türkiye's state-owned X"; "the pipeline" and
  "it" are the infrastructure the passage is about.
- ``connects``: route names ("Baku – Tbilisi – Ceyhan pipeline" connects its
  first and last places), "connecting A, B and C", "from X to Y".
- ``part_of`` / ``located_in``: "X is part of Y", "the Azerbaijani enclave X",
  "the Turkish port X", "X located in Y".
- ``supplies``: "A is the second biggest supplier of gas to B (after C)",
  "A supplies gas to B", "B imports gas from A"; qualifiers commodity, rank, via.
- ``trade_partner_rank`` / ``ranked``: an ordinal position, place or rank;
  among trading partners, importers or exporters it is a trade rank.
- ``manufacturer_of``: "X manufactures/produces Y", "Y made by X", "X's Y".
- ``party_to``: the signatories of a signed agreement (a person stands for the
  country their title names) and the parties "between A and B" of its name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dossier import gazetteer
from dossier.extract import events as event_reader
from dossier.extract import patterns as P
from dossier.extract import turkish
from dossier.extract.context import Context
from dossier.extract.entities import state_named
from dossier.extract.name_shapes import MILITARY_RANKS
from dossier.extract.patterns import Index
from dossier.records import Mention, Quantity, Relation

_ABBREVIATIONS = {"pm": "Prime Minister", "fm": "Foreign Minister", "mp": "Member of Parliament"}


class _Collector:
    """Relations found so far, one per (predicate, subject, object, qualifiers)."""

    def __init__(self, ctx: Context, ix: Index):
        self.ctx, self.ix = ctx, ix
        self.items: dict[tuple, Relation] = {}

    def add(self, predicate: str, subject: str | None, obj: str | None, where: Span | tuple[int, int],
            qualifiers: dict | None = None, time: str | None = None) -> None:
        if not subject or (obj is not None and not obj) or subject == obj:
            return
        start, end = self.ix.quote(where) if isinstance(where, Span) else where
        quals = {k: v for k, v in (qualifiers or {}).items() if v is not None}
        key = (predicate, subject, (obj or "").casefold(),
               tuple(sorted((k, str(v)) for k, v in quals.items() if k not in ("list",))))
        src = self.ctx.doc.source(start, end)
        if key in self.items:
            rel = self.items[key]
            if src not in rel.sources:
                rel.sources.append(src)
            rel.time = rel.time or time
            return
        self.items[key] = Relation(predicate=predicate, subject=subject, object=obj, sources=[src],
                                   qualifiers=quals, time=time)


# triggers are content words, the possessive "'s" (PART) and "from X to Y" (ADP): skip the rest cheaply
_NEVER_TRIGGERS = P.FUNCTION_POS - {"ADP"}


def find_relations(ctx: Context) -> list[Relation]:
    """Relations stated in the document, each citing the sentence that states it."""
    ix = Index(ctx)
    out = _Collector(ctx, ix)
    if turkish.is_turkish(ctx.doc.language):
        _routes(ix, out)
        _turkish_connections(ix, out)
        _turkish_locations_and_owners(ix, out)
        _turkish_posts(ix, out)
        return list(out.items.values())
    unplaced: list[_Position] = []
    positions = _positions(ix, unplaced)
    for p in positions + unplaced:
        out.add("position_held", p.person, p.role, p.span.sent, {"of": p.of} if p.of else {}, p.time)
    _affiliations(ix, positions, out)
    for sent in ix.sentences():
        for tok in sent:
            if tok.pos_ in _NEVER_TRIGGERS:
                continue
            _membership(tok, sent, ix, out)
            _ownership(tok, sent, ix, out)
            _connections(tok, sent, ix, out)
            _legs(tok, sent, ix, out)
            _part_of(tok, sent, ix, out)
            _listed_parts(tok, sent, ix, out)
            _supplies(tok, sent, ix, out)
            _ranks(tok, sent, ix, out)
            _manufacturer(tok, sent, ix, out)
    _routes(ix, out)
    _units(ix, out)
    _acceded(ix, out)
    _located(ix, out)
    _state_owned(ix, out)
    _parties(ctx, ix, positions, out)
    return list(out.items.values())


# --- position_held ----------------------------------------------------------------------------

def _title_word(tok: Token) -> bool:
    return tok.lower_ in P.TITLE_HEADS or tok.lower_ in _ABBREVIATIONS or tok.lower_ in P.PROFESSIONS


def _core_word(phrase: list[Token], i: int, ix: Index) -> bool:
    """Whether ``phrase[i]`` alone makes a post: a title ("minister"), or an occupation followed by
    the organisation it is held at ("an analyst at the Vestra Policy Centre")."""
    low = phrase[i].lower_
    if low in P.TITLE_CORE or low in _ABBREVIATIONS:
        return True
    if low not in P.PROFESSIONS:
        return False
    k = i + 1
    while k < len(phrase) and phrase[k].lower_ in ("at", "of", "with", "the"):
        k += 1
    if k > i + 1 and k + 1 < len(phrase) and phrase[k - 1].lower_ == "of" and phrase[k].text.islower() \
            and phrase[k].pos_ in ("NOUN", "ADJ"):
        # "a professor of economics at Columbia University": the field first
        k += 1
        while k < len(phrase) and phrase[k].lower_ in ("at", "with", "the"):
            k += 1
    return k > i + 1 and k < len(phrase) and ix.name_mention(phrase[k], ("organization",)) is not None


def _time_phrase_end(doc, k: int, ix: Index, limit: int) -> int:
    """"since 2018", "in 2003", "from 2013 to 2018": a time phrase starting at token ``k`` is skipped;
    returns the token index after it (``k`` when there is none)."""
    if k >= limit or doc[k].lower_ not in ("since", "in", "from", "until", "till", "between", "during"):
        return k
    start = doc[k].idx + len(doc[k].text)
    # (the time may start at the preposition itself: "from 2019 to 2020")
    t = next((t for t in ix.ctx.times if 0 <= t.start - start <= 5 or t.start == doc[k].idx), None)
    if t is None:
        return k
    end = t.end
    while k < limit and doc[k].idx < end:
        k += 1
    return k


@dataclass
class _Position:
    """A person's title as read next to their name."""

    person: str
    role: str
    of: str | None
    span: Span                 # the name
    claimed: list[str]         # countries the title phrase names
    time: str | None = None


def _positions(ix: Index, unplaced: list[_Position] | None = None) -> list[_Position]:
    """Every titled person mention whose title says of which country or organisation it is (those whose
    country the document never tells go to ``unplaced``: consolidation looks for it in other documents)."""
    found: list[_Position] = []
    for m, span in ix.spans(("person",)):
        if m.form == "title":
            continue
        # a name may carry a title on each side ("Albanian prime minister X, chairman of the OSCE"):
        # two posts; the copula is read only when neither side has one
        phrases = [p for p in (_title_before(span, ix), _title_after(span, ix)) if p is not None]
        copula = _title_copula(span, ix)
        if not phrases:
            phrases = [p for p in (copula or _title_as(span, ix),) if p is not None]
        elif copula is not None and all(copula[0].casefold() != r.casefold() for r, _, _ in phrases):
            phrases.append(copula)   # "His Intel chief, X, is now his foreign minister": then and now
        if copula is not None:
            phrases += _copula_more(span, ix)
        for role, of, claimed in phrases:
            if any(q.span == span and q.role.casefold() == role.casefold() for q in found):
                continue
            found.append(_Position(ix.name(m), role, of, span, claimed))
    found += _counterparts(ix, found)
    found += [q for q in _respective_posts(ix) if not any(f.span == q.span for f in found)]
    found += _pronoun_posts(ix)
    # a title without its country: the same person's title elsewhere; else, when another leader of
    # the sentence has a country ("A's President X ... meeting with President Y in the Turkish
    # capital"), the sentence's only other country, named after the person
    # (an organisation only for the same title: "Intel chief X ... is now his foreign minister")
    known: dict[tuple[str, str], str] = {}
    for p in found:
        if p.of:
            known.setdefault((p.person, p.role.casefold()), p.of)
            if p.of in p.claimed:
                known.setdefault((p.person, ""), p.of)
    for p in found:
        p.of = p.of or known.get((p.person, p.role.casefold())) or known.get((p.person, ""))
    # "Romanian President Ion Rusu and Prime Minister Vasile Ceban": the country of the
    # first title is the second's too
    for prev, p in zip(found, found[1:], strict=False):
        if p.of or not prev.of or prev.of not in prev.claimed or prev.span.sent != p.span.sent:
            continue
        k = p.span.start - 1
        while k > prev.span.end and _title_word(p.span.doc[k]) and p.span.doc[k].text[:1].isupper():
            k -= 1
        if k == prev.span.end and p.span.doc[k].lower_ == "and":
            p.of = prev.of
    # (how many in each sentence hold each post told without a state)
    stateless = Counter((p.span.sent.start, p.role.casefold()) for p in found if not p.of)
    home = _home_state(ix)
    out = []
    for p in found:
        sent = p.span.sent
        if not p.of:
            others = {q.of for q in found if q.span.sent == sent and q.of in q.claimed and q.person != p.person}
            free = {ix.name(x) for x in ix.mentions_in(sent.start_char, sent.end_char, ("country",))}
            free -= others | set(p.claimed)
            after = {ix.name(x) for x in ix.mentions_in(p.span.end_char, sent.end_char, ("country",))}
            if others and len(free) == 1 and free <= after:
                p.of = free.pop()
            elif len(hosts := free or _capitals_named(sent, ix)) == 1 and (
                    _met_in_host_country(p.span.root) or _inviting_host(p.span.root)):
                # "stop in Iasi, Romania, to see the Minister for Transport, X", "a visit to Serbia at the
                # invitation of President X", "In Baku, the Commissioner met Minister of Energy X": the host's
                # official
                p.of = next(iter(hosts))
            else:
                p.of = _government_of(p.span.root, ix) or _delegation_of(p.span.root, ix)
            if not p.of and not free and home and others and home not in others \
                    and stateless[(sent.start, p.role.casefold())] == 1 and any(
                    q.span.sent == sent and q.of in others and q.role.casefold() == p.role.casefold() for q in found):
                # "ANKARA — ... Energy Minister X and Azerbaijani Energy Minister Y": the same post told without
                # its state, beside another state's, is that of the state the piece is written in
                p.of = home
            if not p.of:
                # "President X was accompanied by Foreign Minister Y and ...": the delegation is of X's state
                p.of = _accompanied_state(p, found)
            if not p.of and not others and not re.search(r"\b(?:of|for)\b", p.role):
                p.of = _state_acting_in_sentence(p, ix)
            p.of = p.of or _ministry_of(p, found, ix) or _leader_served(p, found, ix)
        # a bare "President" of nowhere says little ("Commissioner for Energy" says its post): it is kept
        # aside, for another document may tell of which state (``consolidate.place_posts``)
        bare = not p.of and not re.search(r"\b(?:of|for)\b", p.role)
        # a present-tense sentence ("X is the foreign minister") states the post now, not at the time
        # the previous sentence speaks of
        verbs = [t for t in [sent.root, *sent.root.children] if t.dep_ in ("ROOT", "aux", "auxpass")]
        present = any(t.tag_ in ("VBZ", "VBP") for t in verbs if t.dep_ != "auxpass") \
            and not any(t.tag_ in ("VBD", "VBN") for t in verbs)
        # a past sentence without a time of its own continues the one before; a post stated in the
        # present holds as of the report
        # "X is a former chief economist of Y": a post held before, at no time the sentence gives
        former = re.search(r"\b(?:former|ex-|onetime|one-time|erstwhile)\s+(?:[\w-]+\s+){0,3}?"
                           + re.escape(p.role.split()[0]), sent.text, re.I) is not None
        # (not a time told of another person in the sentence: "X, minister from 2003 to 2013, met Y")
        times = ix.sentence_times(sent)
        words = set(p.role.lower().split())
        mine = [a for a in times if not P.describes_another(a, p.span.root, lambda t, w=words: t.lower_ in w)]
        # (nor the day the person was born: "X (born 5 February 1968) is a politician who served as ...")
        mine = [a for a in mine if not any(t.lemma_.lower() == "bear" and t.dep_ in ("acl", "relcl", "appos")
                                           for t in [a.token, *a.token.ancestors])]
        # (nor a tenure in the apposition after another name, wherever the parser hangs it: "by X, Moldova's
        # prime minister from 2019 to 2020, and Romanian Prime Minister Y")
        ends = [q.span.end_char for q in found if q.person != p.person and q.span.sent == sent]
        mine = [a for a in mine if not any(re.fullmatch(r",[^,;()]{0,60}", ix.text[e:a.time.start]) for e in ends)]
        # (nor the date of what an anniversary is of: "congratulated Y on the anniversary of the 15 July 2016 coup
        # attempt")
        mine = [a for a in mine if not any(t.lemma_.lower() in ("anniversary", "jubilee") for t in a.token.ancestors)]
        when = ix.time_of(p.span.root, mine, fallback_previous=not present) if mine or not times else None
        if former and when is not None and not 0 <= when.start - p.span.end_char <= 3:
            when = None   # "Former president X died in 2020": the sentence's time is not the post's (a tenure
            #             right after the name is: "former president X (2009-2016)")
        p.time = when.iso if when else (ix.ctx.doc.published if present and not former
                                        and not _in_quote(p.span) else None)
        if not bare:
            out.append(p)
        elif unplaced is not None:
            unplaced.append(p)
    return out


def _accompanied_state(p: _Position, found: list[_Position]) -> str | None:
    """The state of the one a person accompanies ("X was accompanied by Foreign Minister Y, ..."; "Y, who
    accompanied X"), when a post of X's says it."""
    tok = p.span.root
    while tok.dep_ in ("conj", "appos") and tok.head is not tok:   # (the parser may make the next one an apposition)
        tok = tok.head
    if not (tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.lemma_.lower() == "accompany"):
        return None
    led = [s for s in tok.head.head.children if s.dep_ == "nsubjpass"]
    states = {q.of for q in found for s in led if q.of and q.of in q.claimed and q.span.root.i == s.i}
    return states.pop() if len(states) == 1 else None


def _capitals_named(sent: Span, ix: Index) -> set[str]:
    """The states whose capitals the sentence names as places ("In Baku, ..."): Azerbaijan."""
    gaz = gazetteer.load()
    return {e.canonical for m in ix.mentions_in(sent.start_char, sent.end_char, ("place",))
            for e in [gaz.lookup(m.text)] if e is not None and e.form == "capital"}


def _home_state(ix: Index) -> str | None:
    """The state whose capital (or name) the document's dateline gives ("ANKARA, March 4, 2025"), else None."""
    place = ix.ctx.doc.place
    if not place:
        return None
    gaz = gazetteer.load()
    entry = gaz.lookup(place) or gaz.lookup(place.title())
    return entry.canonical if entry is not None and entry.type == "country" else None


def _pronoun_posts(ix: Index) -> list[_Position]:
    """"X is the director of Y. ... He is a fellow with Z": a post told of "he" or "she" is held by the
    person the paragraph is about: the last one named before in it, when no other was named since its
    first sentence."""
    out = []
    for sent in ix.sentences():
        subj = next((t for t in sent if t.dep_ == "nsubj" and t.lower_ in ("he", "she")
                     and t.head.lemma_.lower() in ("be", "become", "remain", "serve")), None)
        if subj is None:
            continue
        floor = ix.paragraph_start(sent.start_char)
        people = {ix.name(m) for m in ix.mentions_in(floor, sent.start_char, ("person",)) if m.form != "title"}
        if not people:
            # (a paragraph opening with "he" in a page about one person: "From 2010 to 2012 he was ...")
            people = {ix.name(m) for m in ix.mentions_in(0, sent.start_char, ("person",)) if m.form != "title"}
        if len(people) != 1:
            continue
        span = sent.doc[subj.i:subj.i + 1]
        reads = [r for r in (_title_copula(span, ix),) if r is not None]
        reads += _copula_more(span, ix) if reads else []
        person = people.pop()
        out += [_Position(person, role, of, span, claimed) for role, of, claimed in reads]
    return out


_LEADER_TITLES = ("president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "sultan")


def _leader_served(p: _Position, found: list[_Position], ix: Index) -> str | None:
    """"Erdogan shuffled his cabinet. His Intel chief, X, ...", "Y is now his foreign minister": an
    official introduced with "his"/"her" serves the head of state or government named last before, and
    holds the post of that leader's state."""
    doc, sent = p.span.doc, p.span.sent
    pron = None
    k = p.span.start - 1
    while k >= sent.start and p.span.start - k <= 6 and pron is None:
        t = doc[k]
        if t.lower_ in ("his", "her"):
            pron = t
        elif not (_title_word(t) or t.text in (",", "-", "–") or t.pos_ in ("ADJ", "PROPN", "NOUN")):
            break
        k -= 1
    root = p.span.root
    if root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"):
        root = root.head
    if pron is None and root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in ("be", "become"):
        pron = next((c for a in root.head.children if a.dep_ == "attr" and _title_word(a)
                     for c in a.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
    if pron is None:
        return None
    start = sent.start
    for _ in range(2):
        if start > 0:
            start = doc[start - 1].sent.start
    people = [m for m in ix.mentions_in(doc[start].idx, pron.idx, ("person",)) if ix.name(m) != p.person]
    for m in reversed(people[-4:]):
        states = {q.of for q in found if q.person == ix.name(m) and q.of
                  and any(q.role.lower().endswith(w) for w in _LEADER_TITLES)}
        if len(states) == 1:
            return states.pop()
    return None


def _ministry_of(p: _Position, found: list[_Position], ix: Index) -> str | None:
    """"Russian foreign minister X said ...', foreign ministry spokeswoman Y said": an official of a
    ministry whose minister the sentence names with a country is of that country; "Russia, where the
    foreign ministry spokeswoman, Y, stated": of the state the clause is about."""
    sent = p.span.sent
    before = ix.text[sent.start_char:p.span.start_char]
    m = re.search(r"\b(\w+)\s+[Mm]inistry(?:'s|’s)?\s+(?:\w+\s+){0,2}?\w+\s*,?\s*$", before)
    if m is None:
        return None
    field = m.group(1).lower()
    ministers = {q.of for q in found if q.span.sent == sent and q.of and q.person != p.person
                 and re.search(rf"\b{re.escape(field)}\s+minister\b", q.role, re.I)}
    if len(ministers) == 1:
        return ministers.pop()
    title = _phrase_head(p.span.root)
    clause = title.head if title.dep_ in ("nsubj", "nsubjpass") else None
    where = next((c for c in clause.children if c.lower_ == "where"), None) if clause is not None else None
    if where is not None and where.i > sent.start:
        k = where.i - 1 - (where.nbor(-1).text == ",")   # the parser may hang the clause anywhere
        state = ix.mention(sent.doc[k], ("country",))
        if state is not None and state.form == "name":
            return ix.name(state)
    return None


def _state_acting_in_sentence(p: _Position, ix: Index) -> str | None:
    """"President Ion Rusu said that Moldova would aim ...", "Romania's debate between
    Prime Minister X and the army": a title without its country, in a sentence with no other person
    and one named state, which acts there (a subject or an owner, not a place one is in, nor the state
    of another title), is that state's title. Sentences that set two sides apart ("A has yet to announce
    losses, but spokeswoman X claimed") are left alone."""
    sent = p.span.sent
    if {ix.name(x) for x in ix.mentions_in(sent.start_char, sent.end_char, ("person",))} != {p.person}:
        return None
    contrasts = [t.idx for t in sent
                 if t.lower_ in ("but", "yet", "whereas", "while", "although", "though") and t.dep_ in ("cc", "mark")]
    named, acting = set(), set()
    for x in ix.mentions_in(sent.start_char, sent.end_char, ("country",)):
        if x.form == "demonym":
            continue   # "tensions with Armenians": a people, not the state
        if any(min(x.start, p.span.start_char) < c < max(x.start, p.span.start_char) for c in contrasts):
            return None   # "A ..., but X claimed": two sides set apart
        named.add(ix.name(x))
        root = ix.sp.char_span(x.start, x.end, alignment_mode="expand")
        root = root.root if root is not None else None
        # (an owner, unless of a title or of a preposition's object: "cut the trip to A's ports")
        if root is not None and root.dep_ in ("nsubj", "nsubjpass", "poss") \
                and not (root.dep_ == "poss" and (_title_word(root.head) or root.head.dep_ == "pobj")):
            acting.add(ix.name(x))
    return next(iter(named)) if len(named) == 1 and acting == named else None


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?")
# "Presidents X (1993–2003) and Y (2003–present)": holders listed with their tenures
_TENURE = re.compile(r"\s*\(\s*(?:19|20)\d\d\s*[–—-]\s*(?:(?:19|20)?\d\d|present|today|now)\s*\)")
_TENURE_GAP = re.compile(_TENURE.pattern + _LIST_GAP.pattern)


def _mention_run(ix: Index, start: int, types: tuple[str, ...], backwards: bool = False,
                 gap_re: re.Pattern = _LIST_GAP) -> list[Mention]:
    """The mentions of ``types`` listed one after another from ``start`` ("Turkey and Azerbaijan",
    "X, Y and Z"), or ending at ``start`` when ``backwards``; only list punctuation between them."""
    ms = [m for m in ix.mentions if m.type in types and m.form != "title"]   # in text order already
    run: list[Mention] = []
    if backwards:
        for m in reversed([m for m in ms if m.end <= start]):
            gap = ix.text[m.end:run[0].start] if run else ix.text[m.end:start]
            if not (re.fullmatch(r"\s*", gap) if not run else _LIST_GAP.fullmatch(gap)):
                break
            run.insert(0, m)
        return run
    for m in (m for m in ms if m.start >= start):
        gap = ix.text[run[-1].end:m.start] if run else ix.text[start:m.start]
        if not (gap_re.fullmatch(gap) if run else re.fullmatch(r"\s*,?\s*", gap)):
            break
        run.append(m)
    return run


def _respective_posts(ix: Index) -> list[_Position]:
    """Titles shared out in order between two lists: "the presidents of Turkey and Azerbaijan, X and
    Y", "Turkish and Azerbaijani presidents X and Y", "presidents X and Y of Turkey and Azerbaijan,
    respectively"; or "presidents X and Y" after "the presidents of Turkey and Azerbaijan" in the
    sentence before."""
    out: list[_Position] = []
    lists: dict[str, list[str]] = {}   # a plural title's countries, as last listed
    for sent in ix.sentences():
        for t in sent:
            # (a capitalised plural may keep its "s" as its lemma: "Presidents")
            single = re.sub(r"s$", "", t.lower_) if t.tag_ == "NNPS" else t.lemma_.lower()
            if t.tag_ not in ("NNS", "NNPS") or single not in P.TITLE_CORE:
                continue
            mods = [c for c in t.lefts if c.dep_ in ("amod", "compound") and _title_word(c)
                    and ix.mention(c) is None]
            role = " ".join([c.text for c in mods] + [single if t.text.islower() else single.title()])
            states = [] if mods else _mention_run(ix, t.idx, ("country",), backwards=True)
            states = [m for m in states if m.form == "demonym"]
            after = t.idx + len(t.text)
            of = re.match(r"\s+of\s+(?:the\s+)?", ix.text[after:])
            if not states and of:
                states = _mention_run(ix, after + of.end(), ("country",))
                after = states[-1].end if states else after
            people = _mention_run(ix, after, ("person",))
            tenures = _mention_run(ix, after, ("person",), gap_re=_TENURE_GAP)
            if len(tenures) > len(people) and _TENURE.match(ix.text[tenures[-1].end:]):
                # "(the governments of) Presidents X (1993–2003) and Y (2003–present)": successive holders of
                # one post, of the state named with the title or else the one state the sentence names before
                people = tenures
                before = ix.mentions_in(sent.start_char, t.idx, ("country",))
                if not states and len({ix.name(m) for m in before if m.form in ("name", "acronym")}) == 1:
                    states = before[-1:]
                names = [ix.name(m) for m in states]
                if len(set(names)) == 1:
                    for m in people:
                        span = ix.sp.char_span(m.start, m.end, alignment_mode="expand")
                        if span is not None:
                            out.append(_Position(ix.name(m), role, names[0], span, names[:1]))
                    continue
            if people and not states:
                tail = re.match(r"\s+of\s+(?:the\s+)?", ix.text[people[-1].end:])
                listed = _mention_run(ix, people[-1].end + tail.end(), ("country",)) if tail else []
                if listed and re.match(r"\s*,?\s*respectively", ix.text[listed[-1].end:]):
                    states = listed
            names = [ix.name(m) for m in states]
            if len(names) >= 2 and not people:
                lists[single] = names
                continue
            if len(people) >= 2 and not names and t.sent.start > 0:
                prev = ix.previous_sentence(sent, same_paragraph=False)
                names = lists.get(single, []) if prev is not None and any(
                    u.lemma_.lower() == t.lemma_.lower() and u.tag_ in ("NNS", "NNPS") for u in prev) else []
            if len(people) < 2 or len(names) != len(people) or len(set(names)) != len(names):
                continue
            for m, state in zip(people, names, strict=True):
                span = ix.sp.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    out.append(_Position(ix.name(m), role, state, span, [state]))
    return out


def _counterparts(ix: Index, found: list[_Position]) -> list[_Position]:
    """"Foreign Minister X met his Azerbaijani counterpart Y", "X's Turkish counterpart, Y", "his
    counterpart from Azerbaijan, Y": Y holds X's post, of the country the phrase names."""
    out: list[_Position] = []
    doc = ix.sp
    for m, span in ix.spans(("person",)):
        if m.form == "title" or any(p.person == ix.name(m) for p in found):
            continue
        lo = span.sent.start
        j = span.start - 1
        if j >= lo and doc[j].text == ",":
            j -= 1
        country, k = None, None
        if j >= lo and doc[j].lemma_.lower() == "counterpart":
            k = j - 1
            while k >= lo and (ix.name_mention(doc[k], ("country",)) is not None or doc[k].text in ("-", "–")):
                country = country or ix.name(ix.name_mention(doc[k], ("country",)))
                k -= 1
        else:   # "his counterpart from Azerbaijan, Y"
            c = ix.name_mention(doc[j], ("country",)) if j >= lo else None
            while c is not None and j > lo and ix.name_mention(doc[j - 1], ("country",)) is c:
                j -= 1
            if c is not None and j - 2 >= lo and doc[j - 1].lower_ in ("from", "of", "in") \
                    and doc[j - 2].lemma_.lower() == "counterpart" and span.start - 1 > j:
                country, k = ix.name(c), j - 3
        if country is None or k is None or k < lo:
            continue
        if doc[k].lower_ in ("his", "her", "their"):
            sources = [x for x in ix.mentions_in(span.sent.start_char, doc[k].idx, ("person",)) if x.form != "title"]
            source = ix.name(sources[-1]) if sources else None
        elif doc[k].lower_ in ("'s", "’s") and k > lo and ix.name_mention(doc[k - 1], ("person",)) is not None:
            source = ix.name(ix.name_mention(doc[k - 1], ("person",)))
        else:
            continue
        held = sorted((p for p in found if p.person == source and p.of != country),
                      key=lambda p: (p.span.sent != span.sent, abs(p.span.start - span.start)))
        if held:
            out.append(_Position(ix.name(m), held[0].role, country, span, [country]))
    return out


def _affiliations(ix: Index, positions: list[_Position], out: _Collector) -> None:
    """"says Ana Popa of the Vestra Institute": a person written with the organisation they work at
    holds a post there: the title written before the name, else one the text does not give (the role is
    left empty)."""
    ms = ix.mentions
    held = {(p.person, p.of) for p in positions}
    for m, o in zip(ms, ms[1:], strict=False):
        if m.type != "person" or m.form not in ("name", "acronym") or o.type != "organization" \
                or o.form not in ("name", "acronym"):
            continue
        if not re.fullmatch(r"\s+of\s+(?:the\s+)?", ix.text[m.end:o.start]) \
                or re.match(r"['’]s\b|\s*[-–]\s*(?:based|led|backed)", ix.text[o.end:o.end + 10]):
            continue
        person, org = ix.name(m), ix.name(o)
        if any(p == person and (of == org or of is None) for p, of in held) or any(
                p == person for p, _ in held if ix.text[m.end:o.start].strip() == "of"):
            continue
        span = ix.sp.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        # "Senior Fellow X of the Atlantic Council": the title before the name is the post there; "Former
        # prime minister X of Georgian Dream": a state's post, and the body is the holder's party
        before = _title_before(span, ix)
        role = before[0] if before is not None and before[1] is None else None
        if before is None and (t := _title_mention_before(m, ix)) is not None:
            role = re.sub(r"^(?:[Ff]ormer|[Tt]hen|[Cc]urrent)\s+", "", t.text)   # "analyst X of Y": an occupation
        if role is not None and re.search(r"\b(?:minister|president|premier|chancellor|mayor|governor)\b", role,
                                          re.I) and not re.search(r"\b(?:of|for)\b", role):
            out.add("member_of", person, org, span.sent)
        else:
            out.add("position_held", person, role, span.sent, {"of": org})


def _title_mention_before(m: Mention, ix: Index) -> Mention | None:
    """The title written right before a person's name ("analyst" in "analyst X"), as the entity
    reader found it."""
    i = ix.mentions.index(m)
    t = ix.mentions[i - 1] if i else None
    if t is None or t.type != "person" or t.form != "title" or t.entity != m.entity or ix.text[t.end:m.start] != " ":
        return None
    return t


def _in_quote(span: Span) -> bool:
    """Whether the name sits inside quotation marks opened in its sentence (someone else's words)."""
    before = span.doc.text[span.sent.start_char:span.start_char]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


_GOVERNMENT_NOUNS = {"government", "administration", "cabinet", "leadership", "regime", "rule"}


def _phrase_head(tok: Token) -> Token:
    """The head of the phrase a name stands in ("the spokeswoman, X": spokeswoman; "Prime Minister X": X)."""
    while tok.dep_ in ("appos", "compound", "flat") and tok.head is not tok:
        tok = tok.head
    return tok


def _government_of(tok: Token, ix: Index) -> str | None:
    """"the Israeli government under Prime Minister X", "Turkey's government, led by X": the person
    leads the government the phrase names, and so holds the post of its country."""
    tok = _phrase_head(tok)
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in ("under", "by", "of"):
        return None
    head = prep.head
    if head.tag_ == "VBN" and head.dep_ == "acl":   # "the government led by X"
        head = head.head
    if head.lemma_.lower() not in _GOVERNMENT_NOUNS and prep.i > 0:
        head = prep.nbor(-1)   # the parser hangs "under X" on the clause: the noun just before it
    if head.lemma_.lower() not in _GOVERNMENT_NOUNS:
        return None
    countries = [n for c in head.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                 for n in ix.refers(c, ("country",))]
    return countries[0] if len(set(countries)) == 1 else None


def _delegation_of(tok: Token, ix: Index) -> str | None:
    """"a Turkish delegation headed by Vice President X": the leader of a state's delegation is its official."""
    tok = _phrase_head(tok)
    if tok.dep_ != "pobj" or tok.head.lower_ != "by" or tok.head.head.lemma_.lower() not in ("head", "lead"):
        return None
    group = tok.head.head.head
    if group.lemma_.lower() not in ("delegation", "team", "mission"):
        return None
    states = [n for c in group.children if c.dep_ in ("amod", "compound", "poss") for n in ix.refers(c, ("country",))]
    # ("a delegation of the Grand National Assembly led by Speaker X": the body's)
    states = states or [n for o in P.pobjs(group, {"of"}) for n in ix.refers(o, ("country", "organization"))]
    return states[0] if len(set(states)) == 1 else None


def _met_in_host_country(tok: Token) -> bool:
    """The person is the one met, received or hosted ("to meet with the Minister X", "received X"), in a
    sentence that names where the meeting is: a visitor meets the host country's officials."""
    while tok.dep_ in ("appos", "conj", "compound", "flat") and tok.head is not tok:
        tok = tok.head
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "with":
        head = head.head
    elif tok.dep_ != "dobj":
        return False
    if head.lemma_.lower() not in P.MEET_VERBS | {"talk", "meeting", "talks"}:
        return False
    where = P.TRAVEL_VERBS | P.STAY_VERBS | P.ARRIVE_VERBS | P.VISIT_VERBS | P.MEET_VERBS
    return any(t.dep_ == "prep" and t.lower_ in ("in", "to") and t.head.lemma_.lower() in where for t in head.sent)


_RANKS = {"general", "brigadier", "colonel", "lieutenant", "major", "admiral", "marshal", "captain", "field", "rear",
          "vice", "army", "air", "lieutenant-general", "major-general", "colonel-general"}


def _inviting_host(tok: Token) -> bool:
    """The person at whose invitation a visit is paid ("visited Serbia at the invitation of President X")."""
    while tok.dep_ in ("appos", "conj", "compound", "flat") and tok.head is not tok:
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ != "of" or tok.head.head.lemma_.lower() != "invitation":
        return False
    where = P.TRAVEL_VERBS | P.ARRIVE_VERBS | P.VISIT_VERBS | P.VISIT_NOUNS
    return any(t.lemma_.lower() in where for t in tok.sent)


def _title_before(span: Span, ix: Index):
    """"Turkish President X", "the President of the Republic of Azerbaijan X", "Türkiye's energy
    minister X", "the Minister for Energy, X", "Its president, X"."""
    doc = span.doc
    # the mention may carry the title itself ("President Ilham Aliyev")
    i = span.start
    while i < span.end and _title_word(doc[i]) and doc[i].text[:1].isupper():
        i += 1
    tokens = list(doc[span.start:i])
    j = span.start - 1
    if not tokens:   # "the Chief of the General Staff, Brigadier General X": a rank between the post and the name
        k = j
        while k > span.sent.start and doc[k].lower_ in _RANKS and doc[k].text[:1].isupper():
            k -= 1
        if k < j and doc[k].text == ",":
            j = k
    if not tokens and j > span.sent.start and doc[j].text == ",":
        j -= 1     # "the Minister for Transport and Roads, Vasile Ceban"
    if not tokens and (j < span.sent.start or not _ends_title(doc[j], ix)):
        return None
    left = []
    while j >= span.sent.start:
        t = doc[j]
        if t.text == ")" and j - 2 >= span.sent.start and doc[j - 2].text == "(" and doc[j - 1].text.isupper():
            j -= 3   # "Chief of the Naval Staff (CNS) Admiral X": the title's acronym
            continue
        m = ix.name_mention(t)
        if m is not None and m.type == "person" and m.form != "title":
            break   # (a title the recogniser took for a name of its own is still the title: "President X of Y")
        if t.lower_ == "and" and _after_name(doc, j - 1, span.sent.start, ix):
            break   # "President X of Azerbaijan and President Y": what comes before "and" is X's
        if (m is not None and m.type in ("country", "organization")) or _title_word(t) \
                or t.lower_ in ("of", "for", "and", "the", "'s", "’s", "-", "–") or t.lower_ in P.TITLE_PRE \
                or (t.pos_ == "PROPN" and t.text[:1].isupper()) or _title_complement(t) \
                or t.lower_ == "officer" or t.pos_ == "NOUN" and t.text.islower() and doc[t.i + 1].lower_ == "officer" \
                or (t.lower_ == "to" and j > span.sent.start and _title_word(doc[j - 1])) \
                or (left and t.text.islower() and t.pos_ in ("ADJ", "NOUN") and any(   # "EU foreign policy chief X"
                    ix.name_mention(doc[x], ("country", "organization")) is not None
                    for x in range(max(span.sent.start, j - 3), j))):
            left.insert(0, t)
            j -= 1
            continue
        # "Azerbaijan's strongman president, X", "Turkey's long-serving leader X": plain words between
        # the possessive and the title describe the person, not the post
        k = j
        while k > span.sent.start and j - k < 4 and not any(ch.isupper() for ch in doc[k].text) \
                and (doc[k].pos_ in ("ADJ", "NOUN", "ADV", "VERB") or doc[k].text in ("-", "–")):
            k -= 1
        if left and k < j and doc[k].lower_ in ("'s", "’s") and k > span.sent.start \
                and ix.name_mention(doc[k - 1], ("country", "organization")) is not None:
            left = list(doc[k - 1:j + 1]) + left
            j = k - 2
            while j >= span.sent.start and ix.name_mention(doc[j]) is ix.name_mention(doc[k - 1]):
                left.insert(0, doc[j])
                j -= 1
        break
    phrase = left + tokens
    read = _read_title(phrase, ix, span)
    boss = ix.name_mention(doc[j], ("person",)) if j >= span.sent.start else None
    if read is not None and read[1] is None and boss is not None and phrase and phrase[0].lower_ in ("'s", "’s"):
        # "Erdogan's aide Fahrettin Altun": the aide of a person
        read = (read[0], ix.name(boss), read[2])
    if read is not None and read[1] is None and j >= span.sent.start and doc[j].lower_ == "whose":
        # "Baykar, a Turkish firm whose chief technology officer, X, ...": the body the clause is about
        clause = next((a for a in doc[j].ancestors if a.dep_ == "relcl"), None)
        # (or, when the parser makes the post an apposition, the noun before "whose" it hangs on)
        noun = clause.head if clause is not None else next((a for a in doc[j].ancestors if a.i < j), None)
        body = None if noun is None else ix.mention(noun, ("organization", "country")) or (
            ix.mention(noun.head, ("organization", "country")) if noun.dep_ == "appos" else None)
        if body is not None:
            read = (read[0], ix.name(body), read[2])
    if read is not None and read[1] is None and span.end + 1 < span.sent.end and doc[span.end].lower_ == "of" \
            and (body := ix.name_mention(doc[span.end + 1], ("country", "organization"))) is not None:
        read = (read[0], ix.name(body), read[2])   # "Defence Minister X of Moldova"
    if read is not None and read[1] is None and j >= span.sent.start and doc[j].lower_ in ("its", "their"):
        # "Its president, X": the country the passage is about
        c = ix.subject_before(doc[j], ("country",))
        if c:
            read = (read[0], c, read[2] + [c])
    return read


def _after_name(doc, k: int, floor: int, ix: Index) -> bool:
    """Whether the words ending at ``k`` are a state or body told of a person named right before them
    ("X of Azerbaijan", "X of the Prut Party")."""
    while k >= floor and (ix.name_mention(doc[k], ("country", "organization")) is not None
                          or doc[k].lower_ in ("of", "the")):
        k -= 1
    m = ix.name_mention(doc[k]) if floor <= k < len(doc) - 1 and doc[k + 1].lower_ == "of" else None
    return m is not None and m.type == "person" and m.form != "title"


def _ends_title(t: Token, ix: Index) -> bool:
    """A title phrase ends right before the name with a title word, a proper noun or a name."""
    m = ix.name_mention(t)
    if m is not None:
        return m.type in ("country", "organization")
    # "chief technology officer"
    officer = t.lower_ == "officer" and t.i > 1 and t.doc[t.i - 2].lower_ in ("chief", "executive")
    return _title_word(t) or (t.pos_ == "PROPN" and t.text[:1].isupper()) or _title_complement(t) or officer


def _title_complement(t: Token) -> bool:
    """"state" in "secretary of state", "affairs" in "minister of foreign affairs": a title's own
    lowercase complement."""
    d = t.doc
    if t.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return False
    k = t.i - 1
    while k > t.i - 3 and k >= 0 and d[k].pos_ in ("ADJ", "NOUN") and d[k].text.islower():
        k -= 1
    return k >= 1 and d[k].lower_ in ("of", "for") and _title_word(d[k - 1])


_APPOINTED = {"appointed", "elected", "designated", "nominated", "named", "recently", "re-elected", "reelected"}


def _title_after(span: Span, ix: Index):
    """"X, then the Minister of Trade of the Republic of Turkey,", "X, the Turkish Ambassador to Baku"."""
    doc = span.doc
    k = span.end
    # ("X (Minister of Foreign Affairs of Y): ..." in a transcript)
    if k >= span.sent.end or doc[k].text not in (",", "("):
        return None
    bracket = doc[k].text == "("
    k += 1
    if span.root.dep_ in ("dobj", "pobj") and span.root.head.dep_ == "advcl" and any(
            t.dep_ in ("nsubj", "nsubjpass") and t.head.i == span.root.head.head.i for t in doc[k:k + 6]):
        return None   # "Addressing X, the premier thanked him": the title is the main clause's subject
    right = []
    while k < span.sent.end:
        t = doc[k]
        m = ix.name_mention(t)
        if m is not None and m.type == "person" and m.form != "title":
            if any(_title_word(r) for r in right) and right[-1].lower_ in ("to", "of") or (
                    len(right) > 1 and right[-2].lower_ in ("to", "of") and _title_word(right[-1])):
                # "X, foreign policy adviser to President Y,": the title ends where Y's begins
                return _read_title(right, ix, span)
            return None
        # lowercase words of a title ("foreign policy adviser"): only when a title word follows
        # (and "the newly appointed ambassador", "the recently elected president")
        lower_lead = (t.pos_ in ("ADJ", "NOUN") or t.lower_ in _ROLE_MODIFIERS or t.lower_ in _APPOINTED) \
            and t.text.islower() and any(_title_word(x) for x in doc[k + 1:min(k + 4, span.sent.end)])
        if (m is not None and m.type in ("country", "organization", "place")) or _title_word(t) or lower_lead \
                or _title_complement(t) \
                or t.lower_ in ("of", "for", "and", "the", "to", "'s", "’s", "-", "–", "a", "an") \
                or (t.lower_ == "at" and any(_title_word(r) for r in right)) \
                or t.lower_ in P.TITLE_PRE or (t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ")):
            right.append(t)
            k += 1
            continue
        # after the body is named, its lowercase description ("of Armenia's foreign ministry", "of the SITE
        # Intelligence monitoring group", "the Britain-based Syrian Observatory")
        named = any(ix.name_mention(r, ("country", "organization", "place")) is not None for r in right)
        if named and t.pos_ in ("NOUN", "ADJ", "VERB") and t.text.islower() and (
                t.pos_ != "VERB" or right[-1].text in ("-", "–")) and sum(r.text.islower() for r in right) < 8:
            right.append(t)
            k += 1
            continue
        break
    k = _time_phrase_end(doc, k, ix, span.sent.end)   # "X, Armenia's prime minister since 2018,"
    if not bracket and k + 2 < span.sent.end and doc[k].text == "(" and doc[k + 2].text[:1] == ")" \
            and ix.name_mention(doc[k + 1]) is not None:
        k += 2 + (doc[k + 2].text == ")")   # "X, president of Y's Defence Industry Agency (SSB),"
    # (a speaker's label in a transcript ends at a colon: "X, Minister of Foreign Affairs of Y: Thank you")
    ends = (")",) if bracket else (",", ".", ")", ";", "—", "–", ":")
    if k < span.sent.end and doc[k].text[:1] not in ends and (bracket or doc[k].pos_ != "VERB"):
        return None
    return _read_title(right, ix, span)


def _title_copula(span: Span, ix: Index):
    """"X is the president of Y", "X became prime minister", "X was appointed ambassador",
    "X, who was Turkey's foreign minister in 2003, ..."."""
    root = span.root
    if root.dep_ == "attr" and root.head.lemma_.lower() == "be":
        # "The current Minister of Energy of Moldova is X": the title is the subject
        for subj in P.children(root.head, ("nsubj",)):
            if _title_word(subj):
                phrase = [t for t in _title_phrase(subj, ix)
                          if t.lower_ not in ("incumbent", "current", "new", "former", "then")]
                return _read_title(phrase, ix, span)
        return None
    if root.dep_ in ("dobj", "oprd") and root.head.lemma_.lower() in ("appoint", "name", "elect", "nominate", "make"):
        # "Moldova appointed X as its envoy to NATO", "the parliament elected X president": the post, of the
        # one who appointed when the title does not say
        verb = root.head
        # (the parser may make the person the "oprd": "appointed [Y] as prime minister")
        target = next((t for t in _complements(verb, ("oprd", "xcomp")) if t.i != root.i), None)
        if target is not None and _title_word(target):
            read = _copula_target(target, span, ix)
            if read is not None and read[1] is None:
                by = [ix.name(m) for s in P.subject_of(verb) for m in [ix.mention(s, ("country", "organization"))]
                      if m is not None]
                read = (read[0], by[0], read[2]) if by else read
            return read
    subj = root.head if root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass") else root
    verbs = [subj.head] if subj.dep_ in ("nsubj", "nsubjpass") else []   # "His aide, X, is now ..."
    # ("his son X, who was elected president": the parser may hang the clause on the noun X is in apposition to)
    told = [root, *([root.head] if root.dep_ == "appos" else [])]
    verbs += [c for t in told for c in t.children if c.dep_ == "relcl" and c.i > root.i and any(
        s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ("who", "that") for s in c.children)]
    # "X is a Turkish politician who served as foreign minister": the clause on what X is tells the post
    verbs += [c for v in verbs[:1] if v.lemma_.lower() == "be" for a in P.children(v, ("attr",))
              if not _title_word(a) for c in a.children if c.dep_ == "relcl" and any(
                  s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ("who", "that") for s in c.children)]
    for verb in verbs:
        if verb.lemma_.lower() in _HEAD_VERBS and not P.is_hypothetical(verb):
            # "X, who heads the Prut Agency", "X leads the Prut Party": the body's head or leader
            bodies = [m for o in P.children(verb, ("dobj",)) for m in ix.phrase_mentions(o, ("organization",))]
            if bodies:
                return _HEAD_VERBS[verb.lemma_.lower()], ix.name(bodies[0]), []
        # ("X replaced Y as foreign minister", "X succeeded Y as president")
        if verb.lemma_.lower() not in ("be", "become", "serve", "appoint", "elect", "name", "remain", "replace",
                                       "succeed"):
            continue
        if verb.lemma_.lower() in ("appoint", "elect", "name") and not P.children(verb, ("auxpass", "nsubjpass")):
            continue   # "X appointed Y as prime minister": the post is Y's
        for target in _complements(verb, ("attr", "oprd")):
            if _title_word(target):
                return _copula_target(target, span, ix)
    return None


def _complements(verb: Token, deps: tuple[str, ...]) -> Iterator[Token]:
    """What a verb says its subject or object is, in the order written: "is the president", "named X
    ambassador", "as its envoy", "served two terms as president"."""
    for c in verb.children:
        target = None
        if c.dep_ in deps:
            target = c
        elif c.dep_ == "prep" and c.lower_ == "as":
            target = next((o for o in c.children if o.dep_ == "pobj"), None)
        elif c.dep_ == "dobj" and verb.lemma_.lower() == "serve" and c.lemma_.lower() in _TENURE_NOUNS:
            # "who served two terms as president from 2001 to 2009"
            target = next((o for a in c.children if a.dep_ == "prep" and a.lower_ == "as"
                           for o in a.children if o.dep_ == "pobj"), None)
        if target is not None:
            yield target


_HEAD_VERBS = {"head": "head", "lead": "leader"}


def _copula_more(span: Span, ix: Index) -> list:
    """The posts of a copula's complements coordinated after the first ("X is a research fellow at Y and
    a senior associate at Z")."""
    subj = span.root
    if subj.dep_ != "nsubj" or subj.head.lemma_.lower() not in ("be", "become", "remain"):
        return []
    first = next((c for c in subj.head.children if c.dep_ == "attr" and _title_word(c)), None)
    if first is None:
        return []
    # the parser may coordinate the second with the first's organisation ("... at Y and a senior associate")
    more = [t for t in first.subtree if t.dep_ == "conj" and t.i > first.i and t.pos_ == "NOUN" and _title_word(t)
            and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in t.children)]
    reads = [_copula_target(c, span, ix) for c in dict.fromkeys([*P.conjuncts(first)[1:], *more])
             if _title_word(c)]
    return [r for r in reads if r is not None]


def _copula_target(target: Token, span: Span, ix: Index):
    """The post a copula's complement names ("is the president of Y", "a researcher at Z")."""
    read = _read_title(_title_phrase(target, ix), ix, span)
    unit = next((m for m in ix.mentions_in(target.idx, target.right_edge.idx + 1, ("organization",))
                 if read is not None and ix.name(m) == read[1]), None)
    if unit is not None:
        named = ix.sp.char_span(unit.start, unit.end, alignment_mode="expand")
        nxt = named[-1].nbor(1) if named is not None and named.end < len(ix.sp) else None
        if nxt is not None and nxt.pos_ == "NOUN" and nxt.text.islower():
            # "Director of the Security research group at the Prut Institute": a unit's name; the
            # post is at the organisation named after "at"
            at = [m for t in target.subtree if t.dep_ == "pobj" and t.head.lower_ == "at"
                  and t.i > nxt.i for m in ix.phrase_mentions(t, ("organization",))]
            read = (read[0], ix.name(at[0]), read[2]) if at else read
    if read is None or read[1] is None:
        # "X is a Senior Fellow for Y in the Energy programme at Z", "a
        # researcher with a focus on ... at Z": the organisation the post is held at
        # not in a post coordinated after it ("a fellow with Y and a lecturer at Z")
        other = {x.i for c in target.subtree if c.dep_ == "conj" and c.i > target.i and _title_word(c)
                 for x in c.subtree}
        at = sorted((("at", "with", "within").index(t.head.lower_), t.i, ix.name(m))
                     for t in target.subtree if t.dep_ == "pobj" and t.i > target.i and t.i not in other
                     and t.head.lower_ in ("at", "with", "within")
                     for m in ix.phrase_mentions(t, ("organization",)))
        if at and read is not None:
            read = (read[0], at[0][2], read[2])
        elif at and target.lower_ in P.PROFESSIONS:
            left = target
            while left.i > 0 and left.nbor(-1).dep_ in ("compound", "amod") \
                    and left.nbor(-1).head.i == target.i:
                left = left.nbor(-1)
            read = (target.doc[left.i:target.i + 1].text, at[0][2], [])
    return read


def _title_phrase(head: Token, ix: Index) -> list[Token]:
    """The words of a title phrase headed by ``head`` that can belong to the title: all up to the head,
    then linking words, capitalised words and names ("president of the Republic of Azerbaijan")."""
    return [t for t in head.doc[head.left_edge.i:head.right_edge.i + 1]
            if t.i <= head.i or t.lower_ in ("of", "for", "the", "and", "to", "with", "at") or t.text[:1].isupper()
            or ix.name_mention(t) is not None]


_TENURE_NOUNS = {"term", "tenure", "period", "time", "years", "stint", "return", "election", "reelection",
                 "re-election", "appointment", "career", "spell", "mandate"}


def _title_as(span: Span, ix: Index):
    """"Rusu's first spell as Moldova's president (2001–09)", "the comeback of Rusu as president in
    2012", "his election as prime minister": a post named with "as" after a word for a tenure."""
    root = span.root
    if root.dep_ == "poss":
        noun = root.head
    elif root.dep_ == "pobj" and root.head.lower_ == "of":
        noun = root.head.head
    else:
        return None
    if noun.lemma_.lower() not in _TENURE_NOUNS and noun.lower_ not in _TENURE_NOUNS:
        return None
    for target in P.pobjs(noun, {"as"}):
        if _title_word(target):
            return _read_title(_title_phrase(target, ix), ix, span)
    return None


def _modifier_only(m: Mention, ix: Index) -> bool:
    return bool(re.match(r"^[-–]\s?(based|led|backed|born|owned|run)\b", ix.text[m.end:m.end + 10]))


def _unknown_org(phrase: list[Token], k: int, ix: Index) -> tuple[str, int] | None:
    """"of the Romanian Foreign Policy Council": a capitalised name the mentions do not cover,
    starting with a country word; returns the name and the index after it."""
    start = k
    if k >= len(phrase) or ix.name_mention(phrase[k], ("country",)) is None:
        return None
    m = ix.name_mention(phrase[k])
    while k < len(phrase) and ix.name_mention(phrase[k]) is m:
        k += 1
    end = k
    while end < len(phrase) and phrase[end].text[:1].isupper() and ix.name_mention(phrase[end]) is None:
        end += 1
    if end - k < 1 or phrase[end - 1].lower_ not in P.ORG_HEADS:
        return None
    return " ".join(t.text for t in phrase[start:end]), end


# lower-case words that are part of a post ("senior fellow", "honorary chairman", "research fellow")
_ROLE_MODIFIERS = {"senior", "honorary", "visiting", "nonresident", "non-resident", "research", "principal",
                   "distinguished", "adjunct", "executive", "managing", "emeritus", "junior", "special", "assistant",
                   "associate"}


# what a name before them makes a portfolio of ("EU Affairs", "Diaspora Relations", "European Integration")
_PORTFOLIO_NOUNS = {"affairs", "relations", "integration", "cooperation", "matters", "issues"}
_PORTFOLIO_NAME = re.compile(r"(?:[A-Z][\w-]*\s+){1,2}(?:Affairs|Relations|Integration|Cooperation)")
_PORTFOLIO_TITLES = {"minister", "commissioner"}


def _portfolio(name: str, role: list[Token], first: Token) -> bool:
    """Whether an organisation's name after "of" in a title is a portfolio ("Minister of [Foreign Affairs]",
    "Minister of [Defence Industry]"): a "... Affairs" name, or a minister's field of a few capitalised words
    named without "the" that no word makes a body."""
    if _PORTFOLIO_NAME.fullmatch(name):
        return True
    words = name.split()
    return any(t.lower_ in _PORTFOLIO_TITLES for t in role) and first.nbor(-1).lower_ in ("of", "for") \
        and len(words) <= 3 and all(w[:1].isupper() and not w.isupper() and w.lower() not in P.ORG_HEADS
                                    for w in words)


def _read_title(phrase: list[Token], ix: Index, person: Span):
    """(role, of, countries named) from a title phrase, or None when it holds no title.

    "the Turkish Minister of Trade of the Republic of Turkey" -> ("Minister of Trade", "Türkiye");
    the role keeps its own complements ("of Trade", "for Economy") and stops at the country or
    organisation ("of the Republic of Turkey", "of the State Oil Company") or at "to <host>"."""
    if not phrase:
        return None
    core = next((i for i, t in enumerate(phrase) if _core_word(phrase, i, ix)
                 and ix.name_mention(t, ("country", "organization")) is None), None)
    if core is None:
        return None
    if any((t.lower_ in ("presidents", "ministers", "leaders") or t.tag_ == "NNPS") and _title_word(t)
           for t in phrase):
        return None
    start = core
    while start > 0:
        t = phrase[start - 1]
        if ix.name_mention(t) is not None or t.lower_ in P.TITLE_PRE or t.lower_ in ("the", "a", "an", "'s", "’s"):
            break
        if t.text in ("-", "–") and _glued(t) and start > 1 and phrase[start - 2].text[:1].isupper():
            start -= 2   # "Vice-President", "Deputy-Minister"
            continue
        if not (_title_word(t) or t.lower_ in _ROLE_MODIFIERS
                or (t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN", "ADJ"))):
            break
        start -= 1
    role_toks = list(phrase[start:core + 1])
    of, claimed = None, []
    for t in phrase[:start]:
        m = ix.name_mention(t, ("country", "organization"))
        if m is not None and not _modifier_only(m, ix):
            if m.type == "country":
                claimed.append(ix.name(m))
            of = of or ix.name(m)
    post = phrase[core + 1:]
    i = 0
    while i < len(post):
        t = post[i]
        if t.lower_ == "to":
            break       # "Ambassador to Baku": the host, not the sender
        # "a fellow with the Prut Fund": an occupation is held with a body too
        profession = any(x.lower_ in P.PROFESSIONS for x in role_toks)
        if t.lower_ in ("of", "for", "at") or t.lower_ == "with" and profession:
            j = i + 1
            if j < len(post) and post[j].lower_ == "the":
                j += 1
            while j < len(post) and (post[j].text in ("-", "–") or post[j].lower_ in ("based", "led") or (
                    ix.name_mention(post[j]) is not None and _modifier_only(ix.name_mention(post[j]), ix))):
                j += 1
            org = _unknown_org(post, j, ix)
            m = ix.name_mention(post[j], ("country", "organization")) if j < len(post) else None
            if org is not None:
                of = org[0] if of is None or t.lower_ == "of" or profession else of
                break
            if m is not None:
                k = j
                while k < len(post) and ix.name_mention(post[k]) is m:
                    k += 1
                if k < len(post) and post[k].lower_ in _PORTFOLIO_NOUNS:
                    # "Minister of EU Affairs", "Minister for Caucasus Relations": a portfolio, not the body
                    role_toks += post[i:k + 1]
                    i = k + 1
                    continue
                if m.type == "organization" and not profession \
                        and _portfolio(ix.text[m.start:m.end], role_toks, post[j]):
                    # (nor a portfolio the recogniser took for a body: "Minister of [Foreign Affairs] of Y")
                    role_toks += post[i:k]
                    i = k
                    continue
                if m.type == "country":
                    claimed.append(ix.name(m))
                of = ix.name(m) if of is None or m.type == "organization" else of
                # "Director of the Security research group at the Prut Institute": the name only qualifies
                # a unit; the post is at the organisation named after "at"
                k = j
                while k < len(post) and ix.name_mention(post[k]) is m:
                    k += 1
                if k < len(post) and post[k].lower_ in ("'s", "’s"):
                    k += 1
                inner = ix.name_mention(post[k], ("organization",)) if k < len(post) else None
                if inner is not None and inner is not m and re.fullmatch(r"['’]s\s+", ix.text[m.end:inner.start]):
                    # "a fellow at Prut University's Institute for ...": the unit; "head of Moldova's Gas
                    # Agency": the state's body
                    of = ix.name(inner)
                    break
                if m.type == "organization" and k < len(post) and post[k].pos_ == "NOUN" and post[k].text.islower():
                    at = next((ix.name_mention(post[y], ("organization",)) for x in range(k, len(post) - 1)
                               if post[x].lower_ == "at"
                               for y in [x + 2 if post[x + 1].lower_ == "the" and x + 2 < len(post) else x + 1]
                               if ix.name_mention(post[y], ("organization",))), None)
                    of = ix.name(at) if at is not None else of
                break
        if ix.name_mention(t) is not None:
            break
        if t.text in ("-", "–") and i + 1 < len(post) and _glued(t) and post[i + 1].text[:1].isupper():
            role_toks += [t, post[i + 1]]   # "Secretary-General"
            i += 2
            continue
        if not (t.lower_ in ("of", "for", "and", "on") or _title_word(t) or t.text[:1].isupper()
                or _title_complement(t) or t.pos_ == "ADJ" and i + 1 < len(post) and _title_complement(post[i + 1])
                or t.text.islower() and t.pos_ == "NOUN" and i + 1 < len(post) and post[i + 1].lower_ == "officer"
                or t.lower_ == "the" and i > 0 and post[i - 1].lower_ == "of" and i + 1 < len(post)
                and post[i + 1].text[:1].isupper() and ix.name_mention(post[i + 1]) is None):
            break   # "Chief of the Army Staff": a complement of its own
        role_toks.append(t)
        i += 1
    # no military rank before the name ("Defence Minister Colonel General X"); "Secretary General" stays
    rank = next((k for k, t in enumerate(role_toks) if k > 0 and (t.lower_.rstrip(".") in _RANK_STARTS or (
        t.lower_ == "field" and k + 1 < len(role_toks) and role_toks[k + 1].lower_ == "marshal"))), None)
    if rank is not None:
        role_toks = role_toks[:rank]
    while role_toks and role_toks[-1].lower_ in ("of", "the", "for", "and", "on", "'s", "’s", "-", "–", ","):
        role_toks.pop()
    if not any(t.lower_ in P.TITLE_CORE or t.lower_ in _ABBREVIATIONS or t.lower_ in P.PROFESSIONS
               for t in role_toks):
        return None
    role = ""
    for k, t in enumerate(role_toks):
        glued = k > 0 and role_toks[k - 1].i + 1 == t.i and not role_toks[k - 1].whitespace_
        role += ("" if glued or k == 0 else " ") + _ABBREVIATIONS.get(t.lower_, t.text)
    return role, of, claimed


def _glued(t: Token) -> bool:
    """A hyphen written without spaces around it."""
    return not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_


# --- member_of, chairs --------------------------------------------------------------------------

_ORG = ("organization",)
_AGENT = ("country", "organization", "person")


# the words that can state a membership or a chair: cheaper to test than the modality of every token
# a rank that starts before a name ends a title ("Defence Minister Colonel General X"), but "General" after a
# title word is the title's own ("Secretary General")
_RANK_STARTS = {r.rstrip(".") for r in MILITARY_RANKS} - {"general"}
_CHAIR_NOUNS = {"chair", "chairman", "chairwoman", "chairperson"}
_MEMBERSHIP_WORDS = ({"party", "co-chair", "chairmanship", "presidency", "chairpersonship", "participation"}
                     | _CHAIR_NOUNS | P.SIT_VERBS | P.JOIN_VERBS | P.MEMBER_NOUNS | P.ORG_LIST_NOUNS | P.FOUND_VERBS)


_MEMBER_LIKE = {"member", "economy", "country", "state", "nation"}
_ASPIRED = {"bid", "application", "path", "road", "aspiration", "prospect", "track", "candidacy", "talks", "accession",
            "quest", "drive", "hope", "hopes", "ambition", "ambitions"}


def _is_year_or_date(tok: Token, ix: Index) -> bool:
    return any(a.token.i == tok.i or a.token.head.i == tok.i for a in ix.sentence_times(tok.sent))


def _membership(tok: Token, sent: Span, ix: Index, out: _Collector) -> None:
    lemma = tok.lemma_.lower()
    # "as a NATO member" and "Turkey, a NATO member," state a standing fact whatever the clause intends
    if lemma in ("country", "state", "nation"):
        _member_states(tok, sent, ix, out)
        return
    if lemma == "member" and tok.tag_ == "NNS":
        _member_states(tok, sent, ix, out)   # "the members of the X: A, B ...", "X has five members: A, B ..."
    if lemma == "party" and tok.pos_ in ("NOUN", "PROPN"):
        # "Rusu has a majority through his ruling Vestra Unity party": his party
        poss = [c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("his", "her")]
        org = ix.mention(tok, _ORG) or next((m for c in tok.children if c.dep_ in ("compound", "nmod")
                                             for m in ix.phrase_mentions(c, _ORG)), None)
        if poss and org is not None:
            for person in ix.refers(poss[0], ("person",)):
                out.add("member_of", person, ix.name(org), sent)
        return
    if lemma == "member" and tok.tag_ == "NNS" and tok.i > 0 and ix.mention(tok.nbor(-1), _ORG) is not None:
        # "GUAM members Georgia, Ukraine, Azerbaijan and Moldova met": the states listed after the word
        org = ix.mention(tok.nbor(-1), _ORG)
        for m in _mention_run(ix, tok.idx + len(tok.text), ("country",)):
            out.add("member_of", ix.name(m), ix.name(org), sent)
    if lemma in ("include", "comprise", "unite") and tok.pos_ == "VERB" and not P.is_hypothetical(tok):
        # "the Organization of Turkic States, which includes Turkey, Azerbaijan and Kazakhstan": its members
        bodies = [m for sb in P.subject_of(tok)[:1] for m in ix.phrase_mentions(sb, _ORG)]
        for o in P.children(tok, ("dobj",)):
            for c in P.conjuncts(o):
                for n in ix.refers(c, ("country",)) if bodies else []:
                    out.add("member_of", n, ix.name(bodies[0]), sent)
        return
    if lemma == "participate" and tok.pos_ == "VERB" and not P.is_hypothetical(tok):
        # "Moldova has participated in NATO's Partnership for Peace since 1994": a body, or a programme
        # named as one (not "participated in the NATO summit": an event)
        bodies = [m for o in P.pobjs(tok, {"in"}) for m in [ix.mention(o, _ORG) or next(
            (x for c in o.children if c.dep_ in ("compound", "nmod") for x in [ix.mention(c, _ORG)]
             if x is not None and o.lemma_.lower() in ("programme", "program", "initiative")), None)] if m is not None]
        since = [a for a in ix.sentence_times(sent) if a.token.head.lower_ == "since" and a.token.head.head.i == tok.i]
        for st in _subjects(tok, ix, ("country",)):
            for m in bodies:
                out.add("member_of", st, ix.name(m), sent, time=since[0].time.iso if since else None)
        return
    if lemma == "belong" and tok.pos_ == "VERB" and not P.is_hypothetical(tok):
        # "Both countries belong to the Organization of Turkic States": states belonging to a body are members
        bodies = [m for o in P.pobjs(tok, {"to"}) for c in P.conjuncts(o) for m in [ix.mention(c, _ORG)]
                  if m is not None and m.type == "organization"]
        for st in _subjects(tok, ix, ("country",)):
            for m in bodies:
                out.add("member_of", st, ix.name(m), sent)
        return
    if lemma in ("accession", "admission") and tok.pos_ == "NOUN" and not P.is_hypothetical(tok) \
            and any(_is_year_or_date(o, ix) for o in P.pobjs(tok, {"in", "on"})):
        # "Moldova's accession to the WTO in 2001": a member since then
        for st in [n for c in P.children(tok, ("poss",)) for n in ix.refers(c, ("country",))]:
            for m in [m for o in P.pobjs(tok, {"to", "into"}) for m in ix.phrase_mentions(o, _ORG)]:
                out.add("member_of", st, ix.name(m), sent, time=_time(tok, ix))
        return
    if lemma not in _MEMBERSHIP_WORDS:
        return
    if lemma in ("member", "ally") and tok.tag_ == "NN" and 0 < tok.i < len(tok.doc) - 1:
        # "NATO member Turkey", "EU member Romania": read on the surface, the body right before the word and
        # the state right after it (the parser makes the state a compound, an apposition or a verb's)
        orgs = [ix.name(m) for m in [ix.mention(tok.nbor(-1), _ORG)] if m is not None]
        state = ix.mention(tok.nbor(1), ("country",))
        states = [ix.name(state)] if state is not None and state.form in ("name", "acronym") else []
        for s in states:
            for org in orgs:
                out.add("member_of", s, org, sent)
        if orgs and states:
            return
    if lemma == "participation" and tok.pos_ == "NOUN" and P.children(tok, ("poss",)):
        # "Moldova ... pausing its participation within the GUAM": frozen or not, a member (read before
        # the modality test: freezing or ending a participation says it exists)
        orgs = [ix.name(m) for o in P.pobjs(tok, {"in", "within", "of"}) for m in ix.phrase_mentions(o, _ORG)]
        holders = [n for c in P.children(tok, ("poss",)) for n in ix.refers(c, ("country",))]
        if not holders and any(c.lower_ in ("its", "their") for c in P.children(tok, ("poss",))):
            holders = _subjects(tok.head, ix, ("country",))   # "Armenia ... freezing its participation"
        for s in holders:
            for org in orgs:
                out.add("member_of", s, org, sent)
        return
    standing = tok.dep_ == "appos" or (tok.dep_ == "pobj" and tok.head.lower_ == "as")
    if P.is_hypothetical(tok) and not standing:
        return
    if lemma == "membership" and (tok.dep_ == "pobj" and tok.head.lower_ in ("for", "to", "toward", "towards")
                                  and tok.head.head.lower_ not in ("thanks", "due", "owing")   # "thanks to its"
                                  or tok.head.lemma_.lower() in _ASPIRED):
        return   # "a quick path to Moldova's EU membership", "its membership bid": sought, not held
    if lemma in ("chair", "co-chair") and tok.pos_ == "VERB":
        # a body, or a meeting ("co-chaired an EU-Moldova investment roundtable")
        passive = P.children(tok, ("nsubjpass",))
        if not passive and tok.dep_ == "acl" and tok.tag_ == "VBN":
            passive = [tok.head]   # "the OSCE Minsk Group, co-chaired by A, B and C,"
        orgs = [ix.name(m) for o in passive or P.children(tok, ("dobj",))
                for m in ix.phrase_mentions(o, _ORG + ("event",))]
        # "the Prut Group was co-chaired by A, B and C"
        chairs = [n for s in (P.pobjs(tok, {"by"}) if passive else P.subject_of(tok)) for c in P.conjuncts(s)
                  for n in ix.refers(c, ("country", "person", "organization"))]
        for s in dict.fromkeys(chairs):
            for org in orgs:
                out.add("chairs", s, org, sent, time=_time(tok, ix))   # "chaired X from 2019 to 2023"
                if s in _countries(ix):
                    out.add("member_of", s, org, sent)
    elif lemma in _CHAIR_NOUNS and tok.pos_ in ("NOUN", "PROPN"):
        # "Ion Rusu, chairman of the GUAM, ..."; "X is the chair of Y"
        orgs = [ix.name(m) for o in P.pobjs(tok, {"of"}) for m in ix.phrase_mentions(o, _ORG)]
        holders = ix.refers(tok.head, ("person", "country")) if tok.dep_ == "appos" else []
        if tok.dep_ in ("attr", "oprd"):
            holders += _subjects(tok.head, ix, ("person", "country"))
        for s in dict.fromkeys(holders):
            for org in orgs:
                out.add("chairs", s, org, sent, time=_time(tok, ix))
    elif lemma in ("chairmanship", "chairpersonship") and tok.dep_ == "pobj" and tok.head.lower_ == "under":
        # "the Prut Group process (... under the co-chairmanship of A, B and C)": the body
        # named last before in the sentence is chaired by each
        chairs = [n for o in P.pobjs(tok, {"of"}) for n in ix.refers(o, ("country",))]
        body = _body_told_before(tok, ix, sent.start_char)
        for s in dict.fromkeys(chairs if body else []):
            out.add("chairs", s, body, sent)
    elif lemma in ("chairmanship", "presidency", "chairpersonship") and tok.pos_ == "NOUN":
        orgs = [ix.name(m) for o in P.pobjs(tok, {"of"}) for m in ix.phrase_mentions(o, _ORG)]
        handed = tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("hand", "pass", "transfer") \
            and not P.is_hypothetical(tok.head)
        if handed and lemma != "presidency":
            # "Kazakhstan handed over the chairmanship (of the OTS) to Kyrgyzstan": the one it went to holds it,
            # of the body named, else of the one told before (a presidency handed over may be a state's own)
            orgs = orgs or [b for b in [_body_told_before(tok, ix, max(0, tok.sent.start_char - 600))] if b]
            for s in [n for o in P.pobjs(tok.head, {"to"}) for n in ix.refers(o, ("country", "person"))]:
                for org in orgs:
                    out.add("chairs", s, org, sent, time=_time(tok, ix))
            return
        holders = [n for c in P.children(tok, ("poss",)) for n in ix.refers(c, ("country", "person"))]
        taken = tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("take", "assume", "hold", "receive", "inherit")
        if not holders and taken and not P.is_hypothetical(tok.head):
            # "Azerbaijan took over the chairmanship of the OTS in 2022": who took it holds it from then
            holders = _subjects(tok.head, ix, ("country", "person"))
        for s in holders:
            for org in orgs:
                out.add("chairs", s, org, sent, time=_time(tok, ix) if taken else None)
    elif lemma in P.SIT_VERBS and tok.pos_ == "VERB":
        orgs = [ix.name(m) for o in P.pobjs(tok, {"on"}) for m in ix.phrase_mentions(o, _ORG)]
        for s in _subjects(tok, ix, ("country",)):
            for org in orgs:
                out.add("member_of", s, org, sent, time=_time(tok, ix))
    elif lemma in P.JOIN_VERBS and tok.pos_ == "VERB":
        objs = P.children(tok, ("dobj",)) + P.pobjs(tok, {"to"})
        if any(o.lemma_.lower() in ("observer", "partner", "guest") for o in P.pobjs(tok, {"as"})):
            return   # "joined the organisation as an observer": not a member
        # ("joined the organisation in 2018": the body named before)
        orgs = [ix.name(m) for o in objs for m in ix.phrase_mentions(o, _ORG) or ix.body_named_before(o)]
        joiners = _subjects(tok, ix, ("country",))
        # "joined NATO in 2004 along with Bulgaria and Slovakia"
        joiners += [n for o in P.along_with(tok) for n in ix.refers(o, ("country",))] \
            if joiners else []
        for s in joiners:
            for org in orgs:
                out.add("member_of", s, org, sent, time=_time(tok, ix))
    elif lemma in P.FOUND_VERBS and tok.pos_ == "VERB" and lemma != "set" and not P.is_hypothetical(tok):
        # "GUAM was founded in 1997 by Georgia, Ukraine, Azerbaijan and Moldova": states founding a body
        # together are its members (one state founding a body founds its own agency)
        passive = P.children(tok, ("nsubjpass",)) or ([tok.head] if tok.dep_ == "acl" and tok.tag_ == "VBN" else [])
        bodies = passive or P.children(tok, ("dobj",))
        orgs = [ix.name(m) for b in bodies for m in ix.phrase_mentions(b, _ORG)]
        founders = list(dict.fromkeys(
            [n for o in P.pobjs(tok, {"by"}) for n in ix.refers(o, ("country",))] if passive
            else _subjects(tok, ix, ("country",))))
        for s in founders if len(founders) >= 2 else []:
            for org in orgs:
                out.add("member_of", s, org, sent)
    elif lemma in P.MEMBER_NOUNS and tok.pos_ == "NOUN" and (tok.tag_ == "NN" or tok.tag_ == "NNS" and (
            tok.dep_ in ("attr", "oprd") or tok.dep_ == "pobj" and tok.head.lower_ == "as")):
        # "Azerbaijan and Turkey are (both) members of the OTS", "as members of"
        orgs = [ix.name(m) for o in P.pobjs(tok, {"of", "in"}) for m in ix.phrase_mentions(o, _ORG)]
        if orgs:
            # "a member of the OTS, the OSCE and the NAM": the parser may hang the rest of the list on
            # "member" (as an apposition, or a conjunct that is itself a name) or on its first name
            listed = P.children(tok, ("appos",)) + [a for o in P.pobjs(tok, {"of", "in"})
                                                     for a in P.children(o, ("appos",))]
            listed += [c for c in tok.conjuncts if ix.mention(c, _ORG) is not None]
            if tok.dep_ == "attr":   # "is a member of A, B and C", the parser hanging B and C on "is"
                listed += [c for c in tok.head.children if c.dep_ in ("conj", "attr") and c.i > tok.i
                           for d in P.conjuncts(c) if ix.mention(d, _ORG) is not None]
            orgs += [ix.name(m) for a in listed for m in ix.phrase_mentions(a, _ORG)]
        of_which = [o for p in [*tok.children, *tok.head.children] if p.lower_ in ("of", "in")
                    for o in p.children if o.dep_ == "pobj" and o.lower_ in ("which", "whom")]
        if of_which and tok.head.dep_ == "relcl":
            # "the Vestra Council, of which Moldova and Romania are members"
            orgs += [ix.name(m) for m in ix.phrase_mentions(tok.head.head, _ORG)]
        # "a NATO member", "an EU member state"; "as an EU member, OECD economy, and NATO partner" (an economy,
        # country or state of a group belongs to it; a candidate does not)
        alike = [c for c in [*tok.conjuncts, *P.children(tok, ("appos",))] if c.lemma_.lower() in _MEMBER_LIKE]
        orgs += [ix.name(m) for n in [tok, *alike]
                 for c in P.children(n, ("compound", "nmod", "amod")) for m in ix.phrase_mentions(c, _ORG)]
        orgs = list(dict.fromkeys(orgs))
        if not orgs and tok.dep_ == "attr" and tok.head.lemma_.lower() == "become" and not P.children(tok, ("prep",)):
            # "Uzbekistan became a full member in 2019": of the body the passage has just named
            last = ix.last_before(tok.idx, _ORG)
            orgs = [ix.name(last)] if last is not None and tok.idx - last.end < 600 else []
        if not orgs:
            return
        holders = [n for c in P.children(tok, ("poss",)) for n in ix.refers(c, ("country",))]
        if tok.dep_ in ("attr", "oprd") or (tok.dep_ == "pobj" and tok.head.lower_ == "as"):
            holders += _subjects(tok.head if tok.dep_ != "pobj" else tok.head.head, ix, ("country",))
        if tok.dep_ == "appos":   # "Turkey, a NATO member, ..."
            holders += ix.refers(tok.head, ("country",))
            before = tok.left_edge.i - 2   # the parser may hang "X – a NATO member –" on another noun
            if not holders and before >= sent.start and tok.doc[before + 1].is_punct:
                holders += ix.refers(tok.doc[before], ("country",))
        # "became a member ... in 2001", "has been a member ... since 2011"; not "members of A, founded in
        # 2009": the body's founding
        founding = [a for a in ix.sentence_times(sent) if not any(
            h.dep_ == "acl" and h.lemma_.lower() in _FOUNDING_VERBS for h in a.token.ancestors)]
        when = ix.time_of(tok, founding) if tok.dep_ in ("attr", "oprd") \
            and tok.head.lemma_.lower() in ("become", "be") else None
        when = when.iso if when else None
        for s in holders:
            for org in orgs:
                out.add("member_of", s, org, sent, time=when)
        # "a member of NATO since 2004 and of the EU since 2007", "members of A and of B": the gapped "and of"
        # names another body, with its own time (the parser hangs it on the first time or on the verb)
        for of in (t for t in sent if t.i > tok.i and t.lower_ == "of" and t.nbor(-1).lower_ == "and"):
            bodies = [ix.name(m) for o in P.children(of, ("pobj",)) for m in ix.phrase_mentions(o, _ORG)]
            own = [a.time.iso for a in ix.sentence_times(sent) if a.token.i > of.i
                   and a.token.head.lower_ == "since"][:1]
            for s in holders:
                for org in bodies if own or when is None else []:
                    out.add("member_of", s, org, sent, time=own[0] if own else None)
    elif lemma in P.ORG_LIST_NOUNS and tok.pos_ == "NOUN":
        # "(their efforts) in organizations such as A, B and C"
        listed = _listed(tok, ix, _ORG)
        if not listed or tok.dep_ not in ("pobj",):
            return
        members = _subjects(tok, ix, ("country",))
        for s in members:
            for m in listed:
                out.add("member_of", s, ix.name(m), sent)


def _listed(tok: Token, ix: Index, types: tuple[str, ...]) -> list[Mention]:
    """The examples a noun lists: "organizations such as A, B and C", "like A", "including A"."""
    listed = []
    for p in tok.children:
        if p.dep_ == "prep" and (p.lower_ == "like" or (p.lower_ == "as" and any(
                c.lower_ == "such" for c in p.children) or p.nbor(-1).lower_ == "such")):
            listed += [m for o in p.children if o.dep_ == "pobj" for m in ix.phrase_mentions(o, types)]
        if p.lower_ == "including" and p.dep_ in ("prep", "acl"):
            listed += [m for o in p.children if o.dep_ in ("pobj", "dobj") for m in ix.phrase_mentions(o, types)]
    return listed


def _member_states(tok: Token, sent: Span, ix: Index, out: _Collector) -> None:
    """"the complaints against the GUAM by member states such as Moldova and Ukraine", "NATO member
    states like Turkey": the states listed belong to the organisation that qualifies them or was named
    just before in the sentence; so do those a body is said to have as members ("X has five members: A, B,
    ...", "The members of X are A and B")."""
    if tok.lemma_.lower() in ("country", "state", "nation", "member") and tok.tag_ == "NNS":
        # "the other members of the Vestra Council: Moldova, Romania, Hungary, and Poland": the list after the colon
        of = [o for o in P.pobjs(tok, {"of"}) if ix.phrase_mentions(o, _ORG)]
        org = ix.phrase_mentions(of[0], _ORG)[0] if of else None
        end = of[0].right_edge.idx + len(of[0].right_edge.text) if of else 0
        if org is None and tok.lemma_.lower() == "member":
            # "The OTS has five members: A, B, ...", "The OTS's members are A, B and C"
            owner = [c for c in tok.children if c.dep_ == "poss"]
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("have", "count", "comprise", "include", "unite"):
                owner += P.children(tok.head, ("nsubj",))
            named = [m for o in owner for m in ix.phrase_mentions(o, _ORG)]
            org = named[0] if named else None
            end = tok.idx + len(tok.text)
        colon = re.match(r"\s*:", ix.text[end:end + 3])
        if org is not None and colon:
            for m in ix.mentions_in(end, sent.end_char, ("country",)):
                if m.form in ("name", "acronym"):
                    out.add("member_of", ix.name(m), ix.name(org), sent)
            return
        if org is not None and tok.lemma_.lower() == "member" and tok.dep_ == "nsubj" \
                and tok.head.lemma_.lower() == "be" and not P.is_hypothetical(tok.head):
            # "The members of the OTS are A, B and C"
            for a in P.children(tok.head, ("attr",)):
                for m in [ix.mention(c, ("country",)) for c in P.conjuncts(a)]:
                    if m is not None and m.form in ("name", "acronym"):
                        out.add("member_of", ix.name(m), ix.name(org), sent)
            return
    if tok.lemma_.lower() not in ("country", "state", "nation") or tok.tag_ != "NNS" or not any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() == "member" for c in tok.children):
        return
    listed = _listed(tok, ix, ("country",))
    if not listed:
        return
    own = [m for c in tok.children if c.dep_ in ("compound", "nmod") for m in ix.phrase_mentions(c, _ORG)]
    before = [m for m in ix.mentions_in(sent.start_char, tok.idx, _ORG) if m.form in ("name", "acronym")]
    org = own[0] if own else before[-1] if before else None
    if org is not None:
        for m in listed:
            out.add("member_of", ix.name(m), ix.name(org), sent)


def _subjects(tok: Token, ix: Index, types: tuple[str, ...]) -> list[str]:
    """Who the clause of ``tok`` is about (pronouns and "both countries" resolved)."""
    return list(dict.fromkeys(n for s in P.subject_of(tok) for n in ix.refers(s, types)))


def _countries(ix: Index) -> set[str]:
    return {ix.name(m) for m in ix.mentions if m.type == "country"}


_FOUNDING_VERBS = {"found", "establish", "create", "form", "launch", "set"}


def _time(tok: Token, ix: Index) -> str | None:
    t = ix.time_of(tok)
    return t.iso if t else None


# --- operator_of, owner_of --------------------------------------------------------------------

_COMPANY_NOUNS = {"company", "subsidiary", "firm", "corporation", "enterprise"}
_GROUP_NOUNS = {"consortium", "group", "partnership", "joint venture", "venture"}


def _co_holders(verb: Token, ix: Index) -> list[str]:
    """"A operates the field together with B", "... jointly with B", "... along with B": B as much as A."""
    joint = ("together", "jointly", "along")
    withs = [p for h in [verb, *(c for c in verb.children if c.lower_ in joint)] for p in h.children
             if p.dep_ == "prep" and p.lower_ == "with"
             and (h is not verb or any(a.lower_ in joint for a in [*verb.children, *p.children]))]
    # "in partnership with B", "in a joint venture with B"
    withs += [p for i in verb.children if i.dep_ == "prep" and i.lower_ == "in" for o in P.children(i, ("pobj",))
              if o.lemma_.lower() in ("partnership", "cooperation", "venture", "consortium") for p in o.children
              if p.dep_ == "prep" and p.lower_ == "with"]
    return [n for p in withs for w in P.children(p, ("pobj",)) for c in P.conjuncts(w)
            for n in ix.refers(c, ("organization", "country"))]


def _ownership(tok: Token, sent: Span, ix: Index, out: _Collector) -> None:
    lemma = tok.lemma_.lower()
    if lemma in P.OPERATOR_NOUNS | P.OWNER_NOUNS and tok.dep_ in ("attr", "appos") and tok.pos_ == "NOUN":
        pred = "operator_of" if lemma in P.OPERATOR_NOUNS else "owner_of"
        holder_tok = P.children(tok.head, ("nsubj",)) if tok.dep_ == "attr" else [tok.head]
        holders = [n for h in holder_tok for n in ix.refers(h, ("organization", "country"))]
        # a line, or a site ("X field"); "shareholders in X" too
        things = [_infrastructure_in(o, ix) for o in P.pobjs(tok, {"of", "in"} if pred == "owner_of" else {"of"})]
        for h in holders:
            for th in things:
                if th is not None:
                    out.add(pred, h, ix.name(th), sent)
    elif lemma in P.OPERATOR_NOUNS | P.OWNER_NOUNS and tok.pos_ == "NOUN" and P.children(tok, ("appos",)) \
            and P.children(tok, ("poss",)):
        # "Its owner, Baku International Sea Trade Port CJSC, plans ...", "The BTC pipeline's operator, BP,
        # said": the apposition holds the thing of the possessive (or the line or site named before "its")
        pred = "operator_of" if lemma in P.OPERATOR_NOUNS else "owner_of"
        holders = [n for a in P.children(tok, ("appos",)) for n in ix.refers(a, ("organization", "country"))]
        poss = P.children(tok, ("poss",))[0]
        thing = ix.last_before(poss.idx, ("infrastructure",)) if poss.lower_ in ("its", "their") else \
            _infrastructure_in(poss, ix)
        for h in holders:
            if thing is not None and ix.name(thing) != h:
                out.add(pred, h, ix.name(thing), sent)
    elif lemma in ("own", "operate", "control") and tok.lower_ in ("owned", "operated", "controlled") \
            and (holder := _owned_by_name_before(tok, ix)) is not None:
        # "the Gazprom-owned Blue Stream pipeline", "the pipeline from Iran is majority Gazprom owned"
        pred = "operator_of" if lemma == "operate" else "owner_of"
        thing = tok.head if tok.dep_ in ("amod", "acl") else next(
            iter(P.children(tok.head, ("nsubj",)) if tok.dep_ in ("ccomp", "acomp") else []), None)
        th = _infrastructure_in(thing, ix) if thing is not None else None
        if th is not None and ix.name(th) != holder:
            out.add(pred, holder, ix.name(th), sent)
    elif lemma in _SUBSIDIARY_NOUNS and tok.pos_ == "NOUN":
        _subsidiary(tok, sent, ix, out)
    elif lemma in P.OPERATE_VERBS | P.OWN_VERBS and tok.pos_ == "VERB" and not P.is_hypothetical(tok):
        pred = "operator_of" if lemma in P.OPERATE_VERBS else "owner_of"
        passive = P.children(tok, ("nsubjpass",))
        if not passive and P.children(tok, ("auxpass",)) and P.pobjs(tok, {"by"}):
            # "X, the national gas company, is 50% owned by Y" (the parser may hang X on "is")
            passive = P.children(tok, ("nsubj",)) + [s for a in P.children(tok, ("auxpass",))
                                                     for s in P.children(a, ("nsubj",))]
        acl = tok.head if tok.dep_ == "conj" and tok.head.dep_ == "acl" and tok.head.tag_ == "VBN" else tok
        if not passive and acl.dep_ == "acl" and tok.tag_ == "VBN":
            # "the Baku-Supsa pipeline, operated by BP,"; "the plant, located in X and owned by Y,"
            passive = [acl.head]
            if acl.head.dep_ == "attr":   # "X was a phased-array installation, operated by Y": X is
                passive = P.children(acl.head.head, ("nsubj",)) + passive
            elif acl.head.dep_ == "appos":   # "TurkStream, the pipeline operated by Gazprom,": TurkStream is
                passive = [acl.head.head, *passive]
            elif acl.head.dep_ == "npadvmod" and acl.head.left_edge.i >= 2 \
                    and acl.head.doc[acl.head.left_edge.i - 1].text == ",":
                # "flows through TurkStream, the pipeline operated by Gazprom": the parser misses the apposition
                passive = [acl.head.doc[acl.head.left_edge.i - 2], *passive]
        if not passive and tok.dep_ == "acomp" and tok.tag_ == "VBN" and P.pobjs(tok, {"by"}):
            passive = P.children(tok.head, ("nsubj",))   # "TANAP is majority-owned by SOCAR"
        jointly: list[str] = []
        if not passive and tok.dep_ == "conj" and tok.tag_ in ("VBN", "VBD") and P.children(tok.head, ("nsubjpass",)):
            # "the line will be built by A and operated jointly with B": A (the gapped agent) and B run it;
            # "... built by A and is operated by B": B does
            jointly = _co_holders(tok, ix)
            if jointly or P.pobjs(tok, {"by"}):
                passive = P.children(tok.head, ("nsubjpass",))
            if jointly and not P.pobjs(tok, {"by"}):
                jointly = [n for o in P.pobjs(tok.head, {"by"}) for n in ix.refers(o, ("organization", "country"))
                           ] + jointly
        if passive:
            holders = [n for o in P.pobjs(tok, {"by"}) for n in ix.refers(o, ("organization", "country"))]
            holders += [n for n in jointly if n not in holders]
            objs = passive
        else:
            holders = _subjects(tok, ix, ("organization", "country"))
            objs = P.children(tok, ("dobj",))
            if holders:
                holders += [n for n in _co_holders(tok, ix) if n not in holders]
        # "TANAP, which is (majority-)owned by SOCAR", "the pipeline, which SOCAR owns": what "which" stands for
        objs = [P.antecedent(o) or o for o in objs]
        if lemma == "hold":
            # "holds a stake in X", "holds 12% in X"
            objs = [o2 for o in objs if o.lemma_.lower() in ("stake", "share", "interest", "equity") or _percent(o)
                    for o2 in P.pobjs(o, {"in", "of"} if _percent(o) else {"in"})
                    + (P.pobjs(tok, {"in"}) if _percent(o) else [])]
        # "SOCAR owns 51% of Petkim": a part of a company is owned too
        parts = [x for o in objs if _percent(o) for p in P.pobjs(o, {"of", "in"})
                 for x in [ix.mention(p, ("organization",))] if x is not None]
        if passive and holders == [] and lemma == "own":
            # "owned by a consortium of BP, SOCAR and Snam": the consortium's members own it
            holders = [n for o in P.pobjs(tok, {"by"}) if o.lemma_.lower() in _GROUP_NOUNS
                       for m in P.pobjs(o, {"of"}) for n in ix.refers(m, ("organization", "country"))]
        for o in objs:
            th = _infrastructure_in(o, ix)
            if th is None and lemma in ("own", "control"):
                th = ix.mention(o, ("organization",))   # "Moldovagaz is 50% owned by Gazprom": a company too
            for h in holders:
                if th is not None and ix.name(th) != h:
                    out.add(pred, h, ix.name(th), sent)
        for h in holders:
            for x in parts:
                if ix.name(x) != h:
                    out.add("owner_of", h, ix.name(x), sent)
    elif lemma in ("have", "acquire", "buy", "purchase", "take") and tok.pos_ == "VERB" and not P.is_hypothetical(tok):
        # "SOCAR has a 51% stake in TANAP"; "SOCAR bought Petkim in 2008", "Petkim was acquired by SOCAR"
        passive = P.children(tok, ("nsubjpass",))
        holders = ([n for o in P.pobjs(tok, {"by"}) for n in ix.refers(o, ("organization", "country"))] if passive
                   else _subjects(tok, ix, ("organization", "country")))
        objs = passive or P.children(tok, ("dobj",))
        if lemma in ("have", "take"):
            objs = [o2 for o in objs if o.lemma_.lower() in ("stake", "share", "interest", "equity")
                    for o2 in P.pobjs(o, {"in"})]
        owned = [x for o in objs for x in [_infrastructure_in(o, ix) or ix.mention(o, ("organization",))]
                 if x is not None]
        when = _time(tok, ix) if lemma not in ("have",) else None
        for h in holders:
            for th in owned:
                if ix.name(th) != h:
                    out.add("owner_of", h, ix.name(th), sent, time=when)
    elif lemma == "belong" and tok.pos_ == "VERB":
        # "6.53% of equity belong to X": X holds part of what the passage is about
        subj = P.children(tok, ("nsubj",))
        if not subj or not any(t.lemma_.lower() in ("equity", "share", "stake", "%") or t.text == "%"
                               for t in subj[0].subtree):
            return
        holders = [n for o in P.pobjs(tok, {"to"}) for n in ix.refers(o, ("organization", "country"))]
        th = _infrastructure_in(subj[0], ix) or ix.topic_infrastructure(tok.idx)
        for h in holders:
            if th is not None:
                out.add("owner_of", h, ix.name(th), sent)
    elif lemma in _COMPANY_NOUNS and tok.pos_ == "NOUN":
        # "Azerbaijan and its company SOCAR", "Türkiye's state company BOTAŞ": the company is the owner's
        owned = [m for c in tok.children if c.dep_ == "appos" for m in ix.phrase_mentions(c, ("organization",))]
        owned += [m for c in tok.children if c.dep_ == "compound" and c.i > tok.i
                  for m in [ix.mention(c, ("organization",))] if m is not None]
        poss = P.children(tok, ("poss",))
        owners = [n for c in poss if c.lower_ not in ("its", "their")
                  for n in ix.refers(c, ("country", "organization"))]
        if poss and poss[0].lower_ in ("its", "their") and tok.dep_ == "conj":
            owners = ix.refers(tok.head, ("country", "organization"))
        for h in owners:
            for m in owned:
                if ix.name(m) != h:
                    out.add("owner_of", h, ix.name(m), sent)
    elif tok.lower_ in ("'s", "’s") and tok.dep_ == "case" and ix.mention(tok, ("infrastructure",)) is not None:
        # one mention for "SOCAR Türkiye's STAR Refinery": the owner is the part before "'s"
        m = ix.mention(tok, ("infrastructure",))
        owner = ix.text[m.start:tok.idx].strip()
        if owner and owner[:1].isupper() and not any(ix.name(c) == owner or c.text == owner
                                                     for c in ix.mentions if c.type == "country"):
            known = next((ix.name(c) for c in ix.mentions if c.type == "organization" and c.text == owner), owner)
            out.add("owner_of", known, ix.name(m), sent)
    elif tok.lower_ in ("'s", "’s") and tok.dep_ == "case":
        # "SOCAR Türkiye's STAR Refinery"
        owner = ix.mention(tok.head, ("organization",)) or (
            ix.mention(tok.nbor(-1), ("organization",)) if tok.i > 0 else None)
        if owner is None:
            return
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        owned = ix.mention(nxt, ("infrastructure",)) if nxt is not None else None
        if owned is None and tok.head.head is not None:
            owned = ix.mention(tok.head.head, ("infrastructure",))
        if owned is not None and owned is not owner:
            out.add("owner_of", ix.name(owner), ix.name(owned), sent)




_SUBSIDIARY_NOUNS = {"subsidiary", "affiliate"}


def _subsidiary(tok: Token, sent: Span, ix: Index, out: _Collector) -> None:
    """A company's subsidiary is the company's: "X is a subsidiary of Y", "X, a subsidiary of Y",
    "Y's subsidiary X", "X, Y's Romanian subsidiary"."""
    parents = [m for o in P.pobjs(tok, {"of"}) for m in ix.phrase_mentions(o, ("organization",))] \
        + [m for c in P.children(tok, ("poss",)) for m in ix.phrase_mentions(c, ("organization",))]
    if tok.dep_ == "attr":
        held = P.children(tok.head, ("nsubj",))
    elif tok.dep_ == "appos":
        held = [tok.head]
    elif tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ == "PROPN":
        held = [tok.head]   # "Y's subsidiary X"
        parents += [m for c in P.children(tok.head, ("poss",)) for m in ix.phrase_mentions(c, ("organization",))]
    else:
        held = P.children(tok, ("appos",))
    children = [m for h in held for m in [ix.mention(h, ("organization",))] if m is not None]
    for parent in parents:
        for child in children:
            if ix.name(parent) != ix.name(child):
                out.add("owner_of", ix.name(parent), ix.name(child), sent)


_SOLD = re.compile(r"\b(?:sold|sells?|selling|divest\w*|exit\w*)\b", re.I)


def owners_of_shares(figures: list[Quantity], found: list[Relation]) -> list[Relation]:
    """A holder of a stake owns part of the asset ("SOCAR holds 58% in TANAP, BOTAS 30% and BP 12%"): an
    ``owner_of`` for each actual share the figures read that the relations do not state already (not a
    stake sold: "BP sold its 12% stake"); one listed as "(operator, 29.99%)" is its ``operator_of`` too."""
    have = {(r.subject, r.object) for r in found if r.predicate == "owner_of"}
    have_ops = {(r.subject, r.object) for r in found if r.predicate == "operator_of"}
    out: dict[tuple[str, str], Relation] = {}
    operators: dict[tuple[str, str], Relation] = {}
    for q in figures:
        holder, asset = q.qualifiers.get("holder"), q.qualifiers.get("asset")
        if q.indicator != "equity_share" or q.modality != "actual" or not holder or not asset or holder == asset \
                or (holder, asset) in have or any(_SOLD.search(src.quote) for src in q.sources):
            continue
        if (holder, asset) in out:
            out[holder, asset].sources += [x for x in q.sources if x not in out[holder, asset].sources]
        else:
            out[holder, asset] = Relation(predicate="owner_of", subject=holder, object=asset, sources=list(q.sources))
        if any(_OPERATOR_SHARE.search(src.quote) for src in q.sources) and (holder, asset) not in operators:
            # "Its shareholders are BP (operator, 29.99%), ...": the holder runs the asset too
            operators[holder, asset] = Relation(predicate="operator_of", subject=holder, object=asset,
                                                sources=list(q.sources))
    return list(out.values()) + [r for k, r in operators.items() if k not in have_ops]


_OPERATOR_SHARE = re.compile(r"\(\s*(?:the\s+)?operator\s*[,;:]\s*[\d.,]+\s*(?:%|per\s*cent|percent)$", re.I)


def _owned_by_name_before(tok: Token, ix: Index) -> str | None:
    """"Gazprom-owned", "majority Gazprom owned": the company or state written right before the word."""
    k = tok.i - 1
    if k >= 0 and tok.doc[k].text in ("-", "–"):
        k -= 1
    m = ix.mention(tok.doc[k], ("organization", "country")) if k >= 0 else None
    return ix.name(m) if m is not None else None


def _percent(tok: Token) -> bool:
    """"51%", "51 percent", "51 per cent": a share written as a figure."""
    return tok.text == "%" or tok.lower_ in ("percent", "cent") and any(c.like_num for c in tok.children)


def _infrastructure_in(tok: Token, ix: Index) -> Mention | None:
    """The infrastructure a phrase is about: itself, or "the Turkish section of it"."""
    th = ix.infrastructure_for(tok)
    if th is not None:
        return th
    # a site worked or run by a company ("the Shah Deniz gas field is operated by BP")
    site = next((m for m in ix.phrase_mentions(tok, ("place",))
                 if ix.name(m).split()[-1].lower() in P.SITE_HEADS or m.text.split()[-1].lower() in P.SITE_HEADS), None)
    if site is not None:
        return site
    if tok.lemma_.lower() in ("field", "deposit", "block", "mine") and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        # "The Shah Deniz field produced 25 bcm. BP is the operator of the field": the site named just before
        return next((m for m in reversed(ix.mentions) if m.type == "place" and m.end <= tok.idx
                     and tok.idx - m.end < 600 and tok.lemma_.lower() in m.text.lower()), None)
    if tok.lemma_.lower() in P.PART_NOUNS | {"stake", "share", "equity"} or _percent(tok):
        for o in P.pobjs(tok, {"of", "in"}):
            th = ix.infrastructure_for(o)
            if th is not None:
                return th
    return None


def _state_owned(ix: Index, out: _Collector) -> None:
    """"Türkiye's state-owned X", "the Azerbaijani state oil company X", "State Oil Company of Y"."""
    for m, span in ix.spans(("organization",)):
        before = ix.text[max(0, m.start - 60):m.start]
        own = re.match(r"^(.+?)['’]s\s+state[- ](?:owned|run|controlled)\b", m.text)
        if own:
            # one mention for "Türkiye's state-owned Petroleum Pipeline Company"
            c = next((x for x in ix.mentions if x.type == "country" and own.group(1) in (x.text, ix.name(x))), None)
            if c is not None:
                out.add("owner_of", ix.name(c), ix.name(m), span.sent)
        if re.search(r"\bstate[- ](owned|run|controlled)\s+(\w+\s+){0,2}$", before, re.I) or \
                re.search(r"\bstate\s+(oil|gas|energy|pipeline)\s+compan(y|ies)\s*$", before, re.I):
            k = span.start - 1
            while k >= span.sent.start and ix.mention(span.doc[k], ("country",)) is None:
                if span.doc[k].text in (".", ";", ","):
                    break
                k -= 1
            c = ix.mention(span.doc[k], ("country",)) if k >= span.sent.start else None
            if c is not None and m.start - c.end < 60:
                out.add("owner_of", ix.name(c), ix.name(m), span.sent)
        named = re.match(r"(?:the\s+)?State\s+(?:\w+\s+){0,3}(?:Company|Corporation|Agency)\s+of\s+(.+)$",
                         m.text, re.I)
        inner = ix.mentions_in(m.start, m.end, ("country",)) if named else []
        for c in inner:
            out.add("owner_of", ix.name(c), ix.name(m), span.sent)
        if named and not inner:
            # the mention's name holds the country ("State Oil Company of the Azerbaijan Republic")
            tail = named.group(1)
            for c in ix.mentions:
                if c.type == "country" and c.text and c.text in tail:
                    out.add("owner_of", ix.name(c), ix.name(m), span.sent)
                    break


# --- connects ---------------------------------------------------------------------------------

_ROUTE = re.compile(r"\b([A-Z][\w'’.]+(?:\s?[-–—]\s?[A-Z][\w'’]+){1,4})")
_NOT_PLACES = {"Trans", "North", "South", "East", "West", "Central", "Middle", "Upper", "Lower", "Greater",
               "New", "Old", "Pan", "Inter", "Euro", "Afro", "Non", "Anti", "Pro", "Post", "Pre"}
_ROUTE_TAIL = re.compile(r"^\s*(?:\([A-Z]{2,6}\)\s*)?(?:(?:oil|gas|natural gas|crude|export|main|railway|rail|"
                         r"road|transport|power|energy|petroleum|ferry|shipping|freight|container|transmission)\s+)*"
                         r"(pipelines?|railways?|railroads?|roads?|"
                         r"highways?|corridors?|lines?|routes?|interconnectors?|links?|motorways?|cables?)\b"
                         # Turkish: "Bakü-Tiflis-Kars Demiryolu Hattı", "... Ham Petrol Boru Hattı", "... Koridoru"
                         r"|^\s*(?:\([A-Z]{2,6}\)\s*)?(?:(?:Ham|Doğal|Petrol|Gaz)\s+)*(?:Boru\s+Hatt|Demiryolu|"
                         r"Demir\s+Yolu|Karayolu|Otoyolu|Koridor|Enerji\s+Hatt)", re.I)


def _routes(ix: Index, out: _Collector) -> None:
    """"the Baku – Tbilisi – Ceyhan (BTC) oil pipeline" connects Baku and Ceyhan."""
    text = ix.text
    for m in _ROUTE.finditer(text):
        parts = [p.strip() for p in re.split(r"\s?[-–—]\s?", m.group(1))]
        if any(p in _NOT_PLACES or not p[:1].isupper() for p in parts):
            continue
        before = re.search(r"([A-Z][\w'’]*)\s$", text[max(0, m.start() - 30):m.start()])
        if before and not ix.sp.vocab[before.group(1).lower()].is_stop:
            continue   # "the Central Asia–Center pipeline": its first end is longer than one word
        if any(_plain_word(p, ix) for p in (parts[0], parts[-1])):
            continue   # "... Asia–Center pipeline": "Center" is no place
        # "Nagorno-Karabakh" is one place, not a route
        if any(x.start <= m.start() and m.end() <= x.end for x in ix.mentions if x.type in ("place", "country")):
            continue
        covering = next((x for x in ix.mentions if x.type == "infrastructure"
                         and x.start <= m.start() and m.end() <= x.end), None)
        # the route must name a line: "... pipeline", "... (BTC) railway", "A-B, C-D and E-F railways"
        if not _ROUTE_TAIL.match(_after_list(text, m.end())):
            continue
        if _names_event(text, m.end()):
            continue
        subject = ix.name(covering) if covering is not None else _route_entity(parts, ix) or m.group(1)
        for place in (parts[0], parts[-1]):
            out.add("connects", subject, _place_name(place, ix), (m.start(), m.end() + _tail_len(text, m.end())))


def _plain_word(part: str, ix: Index) -> bool:
    """A route's end that is an ordinary English word and no place or state the text names."""
    return " " not in part and not part.isupper() and ix.sp.vocab.has_vector(part.lower()) \
        and gazetteer.load().lookup(part) is None and not any(
            m.text == part for m in ix.mentions if m.type in ("place", "country"))


def _route_entity(parts: list[str], ix: Index) -> str | None:
    """The infrastructure named elsewhere by the same route ("Baku–Tbilisi–Kars railway")."""
    key = [p.lower() for p in parts]
    for m in ix.mentions:
        if m.type == "infrastructure":
            found = _ROUTE.search(m.text)
            if found and [p.strip().lower() for p in re.split(r"\s?[-–—]\s?", found.group(1))] == key:
                return ix.name(m)
    return None


def _after_list(text: str, end: int) -> str:
    """Text after a route name, skipping further route names of a list ("A-B, C-D and E-F railways")."""
    rest = text[end:end + 200]
    while True:
        nxt = re.match(r"^\s*(?:,|,?\s*and)\s*[A-Z][\w'’.]+(?:\s?[-–—]\s?[A-Z][\w'’]+){1,4}", rest)
        if not nxt:
            return rest
        rest = rest[nxt.end():]


def _tail_len(text: str, end: int) -> int:
    tail = _ROUTE_TAIL.match(text[end:end + 80])
    return tail.end() if tail else 0


def _names_event(text: str, end: int) -> bool:
    return bool(re.match(r"^\s*(?:trilateral\s+|business\s+|energy\s+)*(summit|forum|talks|meeting|format|"
                         r"declaration|agreement)", text[end:end + 40], re.I))


def _place_name(text: str, ix: Index) -> str:
    """A route's end as a place: its canonical name when the text is a place mention somewhere
    (never the country a capital stands for)."""
    for m in ix.mentions:
        if m.text == text and m.type == "place":
            return ix.name(m)
    # a capital's city under its usual name ("Bakü-Tiflis-Kars": Baku, Tbilisi)
    return gazetteer.load().city_of_capital(text) or text


_ROUTE_NOUNS = {"route", "corridor", "link", "line", "connection", "pipeline", "railway", "road", "artery"}


def _connections(tok: Token, sent: Span, ix: Index, out: _Collector) -> None:
    lemma = tok.lemma_.lower()
    if tok.lower_ in ("links", "connects", "joins") and tok.i > sent.start and (
            tok.pos_ != "VERB" or not P.children(tok, ("dobj", "nsubj"))):
        # "The Baku-Tbilisi-Kars railway links Azerbaijan, Georgia and Turkey": the parser may read "links"
        # as a plural noun after the line's name, or leave the verb without its subject and object; the
        # places listed right after it are what the line named before it links
        infra = ix.mention(tok.nbor(-1), ("infrastructure",))
        listed = _mention_run(ix, tok.idx + len(tok.text), ("country", "place")) \
            if infra is not None and infra.end <= tok.idx else []
        # "links A with B", "links A's Caspian coast to B": the other end
        other = re.match(r"(?:['’]s(?:\s+[\w-]+){0,3}?)?\s+(?:with|to)\s+(?:the\s+)?",
                         ix.text[listed[-1].end:listed[-1].end + 60]) if listed else None
        if other is not None:
            listed += _mention_run(ix, listed[-1].end + other.end(), ("country", "place"))
        for m in listed:
            out.add("connects", ix.name(infra), ix.name(m), sent)
        if listed:
            return
    if lemma in P.CONNECT_VERBS and tok.pos_ == "VERB":
        if P.is_hypothetical(tok):
            return
        infra = None
        if tok.dep_ in ("acl", "relcl"):
            head = tok.head
            infra = ix.infrastructure_for(head)
            if infra is None and head.dep_ == "attr":
                subj = P.children(head.head, ("nsubj",))
                infra = ix.infrastructure_for(subj[0]) if subj else None
            if infra is None and head.dep_ == "dobj" and head.head.pos_ == "VERB":
                # "the Zangezur corridor, which promises a route linking A to B"
                subj = P.subject_of(head.head)
                infra = ix.infrastructure_for(subj[0]) if subj else None
            if infra is None and head.dep_ == "appos":
                infra = ix.infrastructure_for(head.head)
        else:
            subj = _verb_subject(tok)
            infra = ix.infrastructure_for(subj[0]) if subj else None
        if infra is None:
            return
        ends: list[str] = []
        # "linking China and Europe via Kazakhstan and Azerbaijan": the places it passes are connected too
        for o in P.children(tok, ("dobj",)) + P.pobjs(tok, {"with", "to", "via", "through", "across"}):
            capitals = [c for t in o.subtree for c in [ix.capital_told(t)] if c is not None]   # "the Moldovan capital"
            # (not what a relative clause says of an end: "its Nakhchivan exclave, which borders Turkey")
            aside = [(c.left_edge.idx, c.right_edge.idx + 1) for c in o.subtree if c.dep_ == "relcl"]
            found = [m for m in ix.mentions_in(o.left_edge.idx, o.right_edge.idx + len(o.right_edge.text),
                                               ("country", "place"))
                     if not any(a <= m.start < b for a, b in aside)]
            if capitals or any(m.type == "place" for m in found):   # "the Romanian city of Iasi": Iasi, not Romania
                found = [m for m in found if m.form != "demonym"]
            ends += [ix.name(m) for m in found] + capitals
        for e in ends:
            out.add("connects", ix.name(infra), e, sent)
    # "the Prut Corridor, the quickest freight route between Moldova and Romania"
    if lemma in _ROUTE_NOUNS | {"way", "lifeline", "passage"} and tok.pos_ == "NOUN" and tok.dep_ == "appos":
        infra = ix.infrastructure_for(tok.head)
        # "the one road to move goods between A and B": the ends may hang deeper in the phrase
        ends = [o for t in tok.subtree if t.dep_ == "prep" and t.lower_ == "between"
                for o in t.children if o.dep_ == "pobj"]
        if infra is not None:
            for o in ends:
                for e in ix.mentions_in(o.left_edge.idx, o.right_edge.idx + len(o.right_edge.text),
                                        ("country", "place")):
                    out.add("connects", ix.name(infra), ix.name(e), sent)
    # "the Prut Corridor between Moldova and Romania": a named line and the ends it lies between
    if tok.lower_ == "between" and tok.dep_ == "prep" and tok.head.pos_ in ("NOUN", "PROPN"):
        infra = _named_infrastructure(tok.head, ix)
        # not "talks on the X corridor between Baku and Yerevan", where the talks are between them
        about = tok.head.dep_ == "pobj" and tok.head.head.lower_ in ("on", "over", "about", "regarding", "concerning") \
            and tok.head.head.head.lemma_.lower() in _TALK_NOUNS
        if infra is not None and not about and not P.is_hypothetical(tok.head):
            for o in P.children(tok, ("pobj",)):
                for e in ix.phrase_mentions(o, ("place", "country")):
                    if ix.name(e) != ix.name(infra):
                        out.add("connects", ix.name(infra), ix.name(e), sent)
    # "TANAP passes through Georgia and Turkey", "BTC crosses Georgia before reaching Turkey"
    if tok.lemma_.lower() in _PASS_VERBS | _LINE_CARRY_VERBS and tok.pos_ == "VERB" and not P.is_hypothetical(tok):
        subj = _verb_subject(tok)
        infra = _named_infrastructure(subj[0], ix) if subj else None
        if infra is not None:
            passed = P.pobjs(tok, {"through", "across", "via"})
            if tok.lemma_.lower() in _LINE_CARRY_VERBS:   # "TurkStream carries Russian gas to Turkey"
                passed += P.pobjs(tok, {"to", "into"})
            if tok.lemma_.lower() in ("cross", "traverse"):
                passed += [c for o in P.children(tok, ("dobj",)) for c in P.conjuncts(o)]
            # "... before reaching Turkey", "... to reach Europe"
            passed += [c for v in tok.children if v.dep_ in ("advcl", "xcomp", "prep", "pcomp")
                       for w in [v, *v.children] if w.lemma_.lower() == "reach"
                       for o in P.children(w, ("dobj",)) for c in P.conjuncts(o)]
            for o in passed:
                for e in ix.phrase_mentions(o, ("place", "country")):
                    if ix.name(e) != ix.name(infra):
                        out.add("connects", ix.name(infra), ix.name(e), sent)
    # "X ... from A to B": on the infrastructure or a verb about it
    if tok.lower_ == "from" and tok.dep_ == "prep":
        gov = tok.head
        # "from A to B", "from the Caspian through Georgia and Turkey"
        to = [o for o in P.pobjs(gov, {"to", "through", "via"})]
        nxt = tok.right_edge.i + 1
        if not to and nxt < sent.end and tok.doc[nxt].lower_ in ("to", "through", "via") \
                and tok.doc[nxt].dep_ == "prep":
            # "facilitating the X Corridor from Moscow to Mumbai": the parser hangs "to" on the verb
            to = [o for o in tok.doc[nxt].children if o.dep_ == "pobj"]
        if not to:
            return
        # only a named line: "the road from A to B" is too vague to say which one
        infra = _named_infrastructure(gov, ix)
        if infra is None and gov.pos_ == "VERB":
            if gov.dep_ in ("acl", "relcl", "pcomp"):
                h = gov.head if gov.dep_ != "pcomp" else gov.head.head
                infra = _named_infrastructure(h, ix)
            else:
                subj = P.subject_of(gov)
                infra = _named_infrastructure(subj[0], ix) if subj else None
        if infra is None:
            return
        ends = [o for o in P.pobjs(gov, {"from"})] + to
        for o in ends:
            for e in ix.phrase_mentions(o, ("place", "country")):
                out.add("connects", ix.name(infra), ix.name(e), sent)


# what may be "between" two sides rather than the line it is about ("talks on the X corridor between A and B")
_TALK_NOUNS = P.MEETING_NOUNS | {"talk", "negotiation", "dispute", "deal", "agreement", "discussion", "disagreement",
                                 "tension", "conflict", "consultation", "row", "standoff", "spat"}


def _verb_subject(verb: Token) -> list[Token]:
    """The verb's subject; when the parser took "the X pipeline links ..." for one noun phrase and left
    the verb without one, the noun it hung on the verb as a compound."""
    return P.subject_of(verb) or [c for c in verb.children if c.dep_ == "compound" and c.i < verb.i
                                  and c.pos_ in ("NOUN", "PROPN")]


_PASS_VERBS = {"pass", "run", "cross", "traverse", "go", "transit", "wind", "snake", "stretch", "extend"}
# what a line does with the goods it carries to a place
_LINE_CARRY_VERBS = P.CARRY_VERBS | {"deliver", "supply", "send", "feed"}
_LEG_NOUNS = {"leg", "section", "segment", "stretch", "part", "link", "branch", "arm"}
_FORM_VERBS = {"comprise", "form", "constitute", "make", "represent"}


def _legs(tok: Token, sent: Span, ix: Index, out: _Collector) -> None:
    """"Moldova and Romania, which make up the western leg of the Prut Corridor", "Hungary forms
    the eastern section of the route": the places that make up a stretch of a line lie on it."""
    if tok.lemma_.lower() not in _FORM_VERBS or tok.pos_ != "VERB" or P.is_hypothetical(tok):
        return
    legs = [o for o in P.children(tok, ("dobj", "attr")) if o.lemma_.lower() in _LEG_NOUNS]
    infra = [m for o in legs for p in P.pobjs(o, {"of"}) for m in [ix.infrastructure_for(p)] if m is not None]
    if not infra:
        return
    holders = P.subject_of(tok)
    if tok.dep_ == "relcl" and any(s.lower_ in ("which", "that", "who") for s in holders):
        holders = [tok.head]
    places = [m for h in holders for m in ix.phrase_mentions(h, ("country", "place"))]
    if not places:   # "states such as Moldova and Romania"
        places = [m for h in holders for m in _listed(h, ix, ("country", "place"))]
    for m in places:
        out.add("connects", ix.name(infra[0]), ix.name(m), sent)


def _named_infrastructure(tok: Token, ix: Index) -> Mention | None:
    m = ix.mention(tok, ("infrastructure",))
    if m is not None:
        return m
    return next((x for c in tok.children if c.dep_ in ("compound", "appos")
                 for x in [ix.mention(c, ("infrastructure",))] if x is not None), None)


# --- part_of, located_in ----------------------------------------------------------------------

def _part_of(tok: Token, sent: Span, ix: Index, out: _Collector) -> None:
    """"X is part of Y", "Nakhchivan is an exclave of Azerbaijan" (a region of a state)."""
    lemma = tok.lemma_.lower()
    if lemma == "belong" and tok.pos_ == "VERB" and not P.is_hypothetical(tok):
        # "the Gagauzia region, which belongs to Moldova"
        subj = P.children(tok, ("nsubj",))
        if subj and subj[0].lower_ in ("which", "that") and tok.dep_ == "relcl":
            subj = [tok.head]
        part = next(iter(ix.phrase_mentions(subj[0], ("place",))), None) if subj else None
        for o in P.pobjs(tok, {"to"}):
            whole = _head_mention(o, ix, ("country",))
            if part is not None and whole is not None:
                out.add("part_of", ix.name(part), ix.name(whole), sent)
        return
    if lemma == "part" and tok.dep_ == "pobj" and tok.head.lower_ == "as" \
            and tok.head.head.lemma_.lower() in _DEEM_VERBS and not P.is_hypothetical(tok.head.head):
        # "X, a region widely recognised as part of Y"; "the route is seen by the EU as part of Y"
        verb = tok.head.head
        held = P.children(verb, ("nsubjpass", "dobj"))
        if verb.dep_ == "acl":
            held.append(verb.head.head if verb.head.dep_ == "appos" else verb.head)
        parts = [m for h in held for m in ix.phrase_mentions(h, ("place", "infrastructure", "country"))]
        parts += [m for h in held for m in [ix.infrastructure_for(h)] if m is not None]
        for o in P.pobjs(tok, {"of"}):
            whole = _head_mention(o, ix, ("infrastructure", "organization", "place", "country"))
            for m in parts[:1]:
                if whole is not None and ix.name(m) != ix.name(whole):
                    out.add("part_of", ix.name(m), ix.name(whole), sent)
        return
    if lemma in ("consist", "comprise", "include") and tok.pos_ == "VERB" and not P.is_hypothetical(tok):
        # "the Southern Gas Corridor consists of the SCP, TANAP and TAP", "..., which includes the SCP, TANAP
        # and TAP": each line is part of the whole line
        whole = next((ix.infrastructure_for(sb) for sb in P.subject_of(tok)[:1]), None)
        objs = [c for o in (P.pobjs(tok, {"of"}) if lemma == "consist" else P.children(tok, ("dobj",)))
                for c in P.conjuncts(o)]
        for o in objs:
            m = ix.mention(o, ("infrastructure",))
            if whole is not None and m is not None and ix.name(m) != ix.name(whole):
                out.add("part_of", ix.name(m), ix.name(whole), sent)
        return
    segment = lemma in _SEGMENT_NOUNS and tok.head.lemma_.lower() in ("be", "form", "constitute", "make", "represent")
    if lemma not in {"part"} | P.WHOLE_REGION_NOUNS and not segment \
            or tok.dep_ not in ("attr", "dobj", "oprd", "appos") or P.is_hypothetical(tok) \
            or (lemma != "part" and not segment and tok.dep_ != "appos" and tok.head.lemma_.lower() != "be"):
        return
    whole_types = ("infrastructure", "organization", "place", "country")
    if tok.dep_ == "appos":
        # "Gagauzia, a part of Moldova long populated by Gagauz"
        m = ix.mention(tok.head, ("place", "infrastructure"))
        parts = [ix.name(m)] if m is not None else []
    else:
        subj = P.children(tok.head, ("nsubj",))
        if not subj:
            return
        part = ix.infrastructure_for(subj[0]) or next(iter(ix.phrase_mentions(subj[0], whole_types)), None)
        parts = [ix.name(part)] if part is not None else []
        if part is None or part.type == "country":
            # "Both states were part of the Ottoman Empire", "Moldova and Romania were part of one kingdom"
            parts = ix.refers(subj[0], ("country",)) or parts
    for o in P.pobjs(tok, {"of"}):
        whole = _head_mention(o, ix, whole_types)
        if whole is not None:
            for part_name in parts:
                if part_name != ix.name(whole):
                    out.add("part_of", part_name, ix.name(whole), sent)


# what a body's unit is called by its head noun ("the Institute for National Strategic Studies")
_UNIT_HEADS = {"institute", "program", "programme", "center", "centre", "department", "directorate", "division",
               "unit", "school", "faculty", "mission", "command", "academy", "college", "laboratory"}


_BODY_HEADS = {"group", "mission", "committee", "commission", "council", "assembly", "court", "secretariat",
               "parliament", "force", "forces"}


def _units(ix: Index, out: _Collector) -> None:
    """"Prut University's Institute for Regional Studies": a unit named with its
    body's possessive is part of it."""
    ms = ix.mentions
    gaz = gazetteer.load()
    for m in ms:
        # "the OSCE Minsk Group", "the UN Security Council": a body's unit named after the body's short name
        words = m.text.split()
        if m.type != "organization" or len(words) < 2 or words[-1].lower() not in _UNIT_HEADS | _BODY_HEADS:
            continue
        body = gaz.lookup(words[0])
        if body is not None and body.type == "organization" and body.canonical != ix.name(m):
            out.add("part_of", ix.name(m), body.canonical, (m.start, m.end))
    for a, b in zip(ms, ms[1:], strict=False):
        if a.type != "organization" or b.type != "organization" or ix.name(a) == ix.name(b) \
                or not re.fullmatch(r"['’]s\s+(?:the\s+)?", ix.text[a.end:b.start]):
            continue
        head = re.split(r"\s+(?:of|for|on|in)\s+", b.text)[0].split()[-1].lower()
        if head in _UNIT_HEADS:
            out.add("part_of", ix.name(b), ix.name(a), (a.start, b.end))


# a stretch of a line: "TANAP forms the central segment of the Southern Gas Corridor"
_SEGMENT_NOUNS = {"segment", "section", "leg", "component", "element", "link", "stretch", "branch"}
_DEEM_VERBS = {"recognise", "recognize", "see", "consider", "regard", "view", "treat", "know", "define"}


_PART_NOUNS_LISTED = {"branch", "component", "part", "element", "section", "segment", "leg", "service", "arm",
                      "division", "pillar"}


def _listed_parts(tok: Token, sent: Span, ix: Index, out: _Collector) -> None:
    """"The Southern Gas Corridor has three components: the SCP, TANAP and TAP", "The armed forces have
    three branches: A, B, and C": each name listed after the colon is part of the subject."""
    if tok.lemma_.lower() not in _PART_NOUNS_LISTED or tok.tag_ != "NNS" or tok.dep_ != "dobj" \
            or tok.head.lemma_.lower() not in ("have", "comprise", "include", "contain"):
        return
    end = tok.idx + len(tok.text)
    if not re.match(r"\s*:", ix.text[end:end + 3]):
        return
    types = ("organization", "infrastructure")
    subj = P.children(tok.head, ("nsubj",))
    whole = [m for s in subj for m in ix.phrase_mentions(s, types)]
    if not whole and subj and any(c.dep_ == "det" and c.lower_ == "the" for c in subj[0].children):
        # "the armed forces": the body or line named last before whose name ends so
        whole = [m for m in [ix.named_by_noun(subj[0], types, reach=1500)] if m is not None]
    if len(whole) != 1:
        return
    for m in ix.mentions_in(end, sent.end_char, types):
        if ix.name(m) != ix.name(whole[0]):
            out.add("part_of", ix.name(m), ix.name(whole[0]), sent)


def _head_mention(tok: Token, ix: Index, types: tuple[str, ...], depth: int = 3) -> Mention | None:
    """The mention heading a phrase, through "one of the routes of X" (not "Russia's broader X")."""
    found = ix.phrase_mentions(tok, types)
    if found:
        return found[0]
    if depth:
        for o in P.pobjs(tok, {"of"}):
            return _head_mention(o, ix, types, depth - 1)
    return None


def _located(ix: Index, out: _Collector) -> None:
    """"the Azerbaijani enclave – the X", "the Turkish port X", "X, located in Y"."""
    for m, span in ix.spans(("place", "infrastructure")):
        sent = span.sent
        # a kind word inside the name ("Shah-Deniz field") or just before it ("port Ceyhan")
        kind = None
        if span[-1].lower_ in P.LOCATION_NOUNS or span[0].lower_ in P.LOCATION_NOUNS:
            kind = span[-1] if span[-1].lower_ in P.LOCATION_NOUNS else span[0]
            k = span.start - 1
        else:
            k = span.start - 1
            while k >= sent.start and (span.doc[k].is_punct or span.doc[k].lower_ in ("the", "a", "an", "of")):
                k -= 1   # "its exclave of Nakhchivan", "the port of Poti"
            if k >= sent.start and span.doc[k].lower_ in P.LOCATION_NOUNS | P.WHOLE_REGION_NOUNS:
                kind = span.doc[k]
                k -= 1
        kind_before = kind is not None and kind.i < span.start
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        after = kind is None and nxt is not None and nxt.text.islower() \
            and nxt.lower_ in P.LOCATION_NOUNS | P.WHOLE_REGION_NOUNS
        if after:
            kind = nxt   # "Azerbaijan's Nakhchivan exclave": the kind word after the name, the owner before it
        if kind is None:
            continue
        demonym = None
        while k >= sent.start and (span.doc[k].pos_ in ("ADJ", "PROPN") or span.doc[k].dep_ == "compound"
                                   and span.doc[k].pos_ == "NOUN") and ix.mention(span.doc[k]) is None:
            # "the Azerbaijani city of Kelbajar", "the Iranian border town Jolfa": a demonym, which the
            # entity reader leaves unlinked, names the state
            demonym = demonym or (state_named(span.doc[k].text) if span.doc[k].text[:1].isupper() else None)
            if span.doc[k].pos_ == "PROPN" and demonym is None:
                break
            k -= 1
        possessive = k >= sent.start and span.doc[k].lower_ in ("'s", "’s")
        if possessive:
            k -= 1
        if after and not possessive:
            continue   # (only a possessive owner: "the ethnic Armenian Nagorno-Karabakh region" is no part of Armenia)
        c = ix.mention(span.doc[k], ("country",)) if k >= sent.start else None
        if c is not None and c.form == "demonym" and not kind_before and kind.lower_ in P.WHOLE_REGION_NOUNS:
            continue   # "the ethnic Armenian Karabakh region": a demonym on a region's name describes its people
            # (on a site's it locates it: "the Azerbaijani Shah Deniz field")
        # (a demonym on the kind word, "the Azerbaijani city of X"; not on the name, "ethnic Armenian X region")
        if c is None and demonym is not None and demonym != ix.name(m) and kind_before:
            out.add(_region_predicate(kind.lower_), ix.name(m), demonym, (span.doc[k + 1].idx, m.end))
            continue
        if c is None and k >= sent.start and span.doc[k].lower_ == "its":
            # "between Moldova and its exclave Vestra", "linking Moldova to its exclave": the
            # country joined to it, else the only one named before ("Azerbaijan demanded that Armenia
            # give ... to its exclave": grammar cannot tell whose)
            before = [x for x in ix.mentions_in(sent.start_char, span.doc[k].idx, ("country",))
                      if x.form in ("name", "acronym")]
            joined = before and re.fullmatch(r"\s+(?:and|to|with)\s+", ix.text[before[-1].end:span.doc[k].idx])
            c = before[-1] if joined or len({ix.name(x) for x in before}) == 1 else None
        if c is None or ix.name(c) == ix.name(m):
            continue
        out.add(_region_predicate(kind.lower_), ix.name(m), ix.name(c), (min(c.start, m.start), max(c.end, m.end)))
    _place_comma_country(ix, out)
    _place_in_country(ix, out)
    _site_in_place(ix, out)
    for tok in ix.sp:
        kind = tok.lemma_.lower()
        if kind in P.LOCATION_NOUNS and tok.pos_ == "NOUN" and (
                tok.dep_ == "appos" or tok.dep_ == "attr" and tok.head.lemma_ == "be"):
            # "Shusha is a city in the Karabakh region", "Poti, a port on the Black Sea,"
            what = [tok.head] if tok.dep_ == "appos" else P.children(tok.head, ("nsubj",))
            # ("The port of X is Moldova's only port": what the subject's kind word is of)
            what += [o for w in what if w.lemma_.lower() in P.LOCATION_NOUNS for o in P.pobjs(w, {"of"})]
            things = [x for w in what for x in [ix.mention(w, ("place", "infrastructure"))] if x is not None]
            where = [x for o in P.pobjs(tok, {"in", "on", "of"}) for x in ix.phrase_mentions(o, ("place", "country"))]
            # "Ganja, Azerbaijan's second-largest city"
            where = where or [x for c in P.children(tok, ("poss",)) for x in [ix.mention(c, ("country", "place"))]
                              if x is not None]
            for th in things:
                for w in where[:1]:
                    if ix.name(w) != ix.name(th):
                        out.add(_region_predicate(kind), ix.name(th), ix.name(w), tok.sent)
        if tok.lower_ in ("headquarters", "seat") and tok.pos_ == "NOUN":
            # "NATO's headquarters in Brussels", "the headquarters of the OSCE in Vienna": the body lies there
            bodies = [x for c in P.children(tok, ("poss",)) for x in [ix.mention(c, ("organization",))] if x]
            bodies += [x for o in P.pobjs(tok, {"of"}) for x in ix.phrase_mentions(o, ("organization",))]
            where = [x for o in P.pobjs(tok, {"in"}) for x in ix.phrase_mentions(o, ("place",))]
            for b in bodies[:1]:
                for w in where[:1]:
                    out.add("located_in", ix.name(b), ix.name(w), tok.sent)
        if kind in P.LOCATION_NOUNS and tok.pos_ == "NOUN" and tok.tag_ == "NN" and tok.dep_ not in ("appos", "attr"):
            # "Georgia's deep-sea port at Anaklia": a state's port or airport at a named place lies in the
            # state (not its base: "Russia's base at Gyumri" is abroad)
            states = [x for c in P.children(tok, ("poss",)) for x in [ix.mention(c, ("country",))] if x is not None]
            sites = [x for o in P.pobjs(tok, {"at"}) for x in ix.phrase_mentions(o, ("place",))]
            if kind in ("port", "airport", "harbour", "harbor", "terminal") and states:
                for x in sites:
                    if ix.name(x) != ix.name(states[0]):
                        out.add("located_in", ix.name(x), ix.name(states[0]), tok.sent)
        if kind in P.LOCATION_NOUNS | P.WHOLE_REGION_NOUNS and tok.pos_ == "NOUN" and tok.tag_ == "NNS":
            # "the Moldovan regions of A and B": each lies in the state that owns them
            owner = next((n for c in tok.children if c.dep_ in ("amod", "poss", "compound")
                          for n in [_state_of_modifier(c, ix)] if n), None)
            for o in P.pobjs(tok, {"of"}) if owner else ():
                for m in ix.phrase_mentions(o, ("place",)):
                    if ix.name(m) != owner:
                        pred = "part_of" if kind in P.WHOLE_REGION_NOUNS else "located_in"
                        out.add(pred, ix.name(m), owner, tok.sent)
        if kind in _COAST_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ in ("on", "along"):
            # "Ceyhan, on Turkey's Mediterranean coast,": the place on a state's coast lies in that state
            states = [x for c in tok.children if c.dep_ == "poss" for x in [ix.mention(c, ("country",))] if x]
            at = tok.head.head
            thing = ix.mention(at, ("place", "infrastructure")) or next(   # "the port of X on ..."
                (x for o in P.pobjs(at, {"of"}) for x in [ix.mention(o, ("place", "infrastructure"))] if x), None)
            if thing is None and tok.head.i > 1 and tok.head.nbor(-1).text == ",":
                thing = ix.mention(tok.head.nbor(-2), ("place", "infrastructure"))   # "X, on ...," hung on the verb
            if states and thing is not None and ix.name(thing) != ix.name(states[0]):
                out.add("located_in", ix.name(thing), ix.name(states[0]), tok.sent)
        if tok.lemma_.lower() in P.LOCATED_VERBS and tok.dep_ in ("acl", "relcl", "ROOT") and tok.tag_ == "VBN":
            # ("located on the Danube in Moldova": the parser hangs "in Moldova" on the river; the site lies in both)
            where = [x for o in P.pobjs(tok, {"in", "on", "at"}) for w in [o, *P.pobjs(o, {"in"})]
                     for x in ix.phrase_mentions(w, ("place", "country"))]
            where = [x for x in where if x.type == "country"] + [x for x in where if x.type != "country"] \
                if len(where) > 1 else where
            what = [tok.head] if tok.dep_ in ("acl", "relcl") else P.children(tok, ("nsubjpass",))
            things = [x for w in what for x in ix.phrase_mentions(w, ("place", "infrastructure", "organization"))]
            for th in things:
                for w in where[:1]:
                    out.add("located_in", ix.name(th), ix.name(w), tok.sent)


def _site_in_place(ix: Index, out: _Collector) -> None:
    """"the STAR refinery in Izmir", "the Shah Deniz field in the Caspian Sea": a site named with its kind word
    and followed by "in" a place lies there."""
    for m, span in ix.spans(("place", "infrastructure")):
        if span[-1].lower_ not in P.SITE_HEADS or ix.name(m).split()[-1].lower() not in P.SITE_HEADS or any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in span.root.children):
            continue   # (not "a Black Sea port in Georgia": no site of its own)
        for o in P.pobjs(span.root, {"in"}):
            where = [x for x in ix.phrase_mentions(o, ("place", "country")) if x.form in ("name", "acronym", "capital")]
            if where and ix.name(where[0]) != ix.name(m):
                # (a capital is the city: "in Baku" is Baku, not the state)
                out.add("located_in", ix.name(m), _place_name(where[0].text, ix) if where[0].form == "capital"
                        else ix.name(where[0]), span.sent)


def _region_predicate(kind: str) -> str:
    """A place called an exclave, a province ... of a state is part of it; a town, a port or a region lies
    in it."""
    return "part_of" if kind in P.WHOLE_REGION_NOUNS - {"region"} else "located_in"


_COAST_NOUNS = {"coast", "shore", "coastline", "bank"}
_SEAT_HEADS = {"government", "administration", "authority", "parliament", "assembly"}


def _place_in_country(ix: Index, out: _Collector) -> None:
    """"between Baku and Novorossiysk in Russia", "the port of Poti in Georgia": a place written just
    before "in <country>" lies there.  Read on the surface: the parser often hangs "in Russia" on the
    phrase around the place ("a pipeline between A and B in Russia").  An organisation lies in the city
    written after it ("the IISS in London"); in a country only a government does ("the Kurdistan
    Regional Government in Iraq"): "SOCAR in Turkey" is where it works, not where it is."""
    ms = ix.mentions
    kinds = "|".join(sorted(P.LOCATION_NOUNS - {"capital", "region", "enclave", "exclave", "district", "province"}))
    # "the Giurgiulesti river port in Moldova": a kind of site (and a word for it) may come between
    between = re.compile(r" (?:(?:[a-z]+-)?[a-z]+ ){0,2}(?:" + kinds + r") in ")
    for m, c in zip(ms, ms[1:], strict=False):
        gap = ix.text[m.end:c.start]
        if m.type == "place" and _COMPASS_IN.fullmatch(gap):
            gap = " in "   # "Iasi, in north-eastern Romania,", "Ungheni in western Moldova"
        if gap != " in " and not (m.type == "place" and between.fullmatch(gap)) \
                or ix.name(c) == ix.name(m) or c.form not in ("name", "acronym"):
            continue
        if not (m.type == "place" and c.type == "country"
                or m.type == "organization" and m.form in ("name", "acronym") and _seat(ix, m, c)):
            continue
        if _WATERS.search(ix.name(m)) and (gap != " in " or not _WATERS.search(m.text)):
            continue   # "Poti, a Black Sea port in Georgia": the port is in Georgia, not the sea
        if re.search(r"\b(?:on|along)\s+(?:the\s+)?$", ix.text[max(0, m.start - 10):m.start]):
            continue   # "a port on the Danube in Moldova": the port is in Moldova (a river runs through many)
        ends = re.match(r"\s*(?:[,.;:)–—]|$|and\b|or\b)", ix.text[c.end:c.end + 5])
        if ends or m.type == "organization" and not re.match(r"['’]s\b|\s+[A-Z]", ix.text[c.end:c.end + 3]):
            out.add("located_in", ix.name(m), ix.name(c), (m.start, c.end))


_COMPASS_IN = re.compile(r",?\s+in\s+(?:the\s+)?(?:(?:(?:far|extreme)[- ])?"
                         r"(?:(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|mid)"
                         r"\s+)?")
_WATERS = re.compile(r"\b(?:Sea|Ocean|Gulf|Lake|Basin|Strait|Straits|River|Bay)$")


def _seat(ix: Index, org: Mention, where: Mention) -> bool:
    """"the IISS in London": "in" hangs on the organisation itself (not "a meeting of the CSTO in
    Minsk"), and names a city, or a country for a government."""
    o = ix.sp.char_span(org.start, org.end, alignment_mode="expand")
    w = ix.sp.char_span(where.start, where.end, alignment_mode="expand")
    if o is None or w is None or w.root.head.lower_ != "in":
        return False
    # "in" hangs on the organisation, or on what "of <organisation>" qualifies ("X of the IISS in London")
    holder = w.root.head.head
    if holder.i not in range(o.start, o.end) and not (o.root.head.lower_ == "of" and o.root.head.head == holder):
        return False
    if any(a.lemma_.lower() in P.MEETING_NOUNS for a in list(o.root.ancestors)[:4]):
        return False   # the parser may hang "in Minsk" on the body a meeting is of
    if where.type == "place":
        return w.root.ent_type_ == "GPE"
    return where.type == "country" and org.text.split()[-1].casefold() in _SEAT_HEADS


def _place_comma_country(ix: Index, out: _Collector) -> None:
    """"held in Khankendi, Azerbaijan", "stop in Ankara, Türkiye, today": a place named with its country
    (a city standing for its country counts as the city); not a list ("Baku, Tbilisi and Kars")."""
    text = ix.text
    ms = ix.mentions
    starts = {m.start for m in ms}
    for a, b in zip(ms, ms[1:], strict=False):
        city = a.type == "place" or (a.type == "country" and a.form == "capital")
        if not city or b.type != "country" or b.form not in ("name", "acronym") or text[a.end:b.start] != ", ":
            continue
        after = text[b.end:b.end + 6]
        before = re.sub(r"\bthe\s+$", "", text[max(0, a.start - 6):a.start])
        if re.match(r"\s*(?:and|or|&)\b", after) or before.endswith(", ") or re.match(r"\s*,\s*(?:and|or)\b", after):
            continue
        nxt = re.match(r",\s+(?:the\s+)?", text[b.end:b.end + 7])
        if nxt and b.end + nxt.end() in starts:
            continue   # "via Kazakhstan, the Caspian Sea, Azerbaijan, Georgia and Turkey": a list
        if not re.match(r"\s*(?:[,.;:)–—-]|\s*$|\s+(?:on|in|at|to|for|today|tomorrow|yesterday|last|this|next)\b)",
                        after + " "):
            continue
        place = a.text if a.type == "country" else ix.name(a)
        if place != ix.name(b):
            out.add("located_in", place, ix.name(b), (a.start, b.end))


# --- supplies ---------------------------------------------------------------------------------

def _misread_verb(tok: Token) -> bool:
    """"Moldova imports almost all of its gas from Russia": the tagger may read the verb as a plural noun,
    the head of the sentence, with the state its compound and the goods its object."""
    return tok.dep_ == "ROOT" and tok.tag_ == "NNS" and any(c.dep_ == "dobj" for c in tok.children) and any(
        c.dep_ == "compound" and c.i == tok.i - 1 and c.pos_ == "PROPN" for c in tok.children)


def _commodity(tok: Token | None) -> str | None:
    if tok is None:
        return None
    for c in P.conjuncts(tok)[:1]:
        if c.lemma_.lower() in P.COMMODITIES or c.lower_ in P.COMMODITIES:
            return c.lower_ if c.lower_ in P.COMMODITIES else c.lemma_.lower() + ("s" if c.tag_ == "NNS" else "")
        for k in c.children:
            if k.dep_ == "compound" and k.lemma_.lower() in P.COMMODITIES:
                return k.lower_
        if any(k.like_num or k.dep_ == "nummod" for k in c.children) or c.lemma_.lower() in _SHARE_WORDS:
            # a measure of something: "12 billion cubic metres of gas", "two million barrels of crude";
            # a share of it: "a third of Europe's gas", "most of its gas"
            return next((g for g in (_commodity(o) for o in P.pobjs(c, {"of"})) if g), None)
    return None


_SHARE_WORDS = {"third", "half", "quarter", "fifth", "much", "most", "some", "part", "share", "bulk", "majority",
                "percent", "%", "all", "portion", "fraction"}


def _share_owner(goods_tok: Token | None) -> list[Token]:
    """"a third of Europe's gas": whose the commodity is (the buyer it is supplied to)."""
    if goods_tok is None or goods_tok.lemma_.lower() not in _SHARE_WORDS | {"%", "percent", "per cent"}:
        return []   # ("40% of the EU's gas")
    return [k for o in P.pobjs(goods_tok, {"of"}) for k in o.children if k.dep_ == "poss"]


def _dative_compound(verb: Token, goods: Token, ix: Index) -> list[Token]:
    """"Russia sold Armenia weapons", "Israel has sold Azerbaijan Harop drones": the parser makes the
    recipient right after the verb a compound of the goods; a state named there (not a demonym) is it."""
    first = goods.left_edge
    if first.i != verb.i + 1 or first.dep_ != "compound" or first.pos_ != "PROPN":
        return []
    m = ix.mention(first, ("country",))
    return [first] if m is not None and m.form in ("name", "acronym") else []


def _buyers_within(obj: Token) -> list[Token]:
    """"to X" inside the object phrase: "25 bcm of gas, including 13 bcm to the EU"."""
    return [o for t in obj.subtree if t.dep_ == "prep" and t.lower_ in ("including", "of")
            for q in t.children if q.dep_ == "pobj" for o in P.pobjs(q, {"to"})]


_BUYER_NOUNS = {"importer", "buyer", "customer", "purchaser", "consumer", "destination", "market", "recipient"}
_DEPEND_VERBS = {"depend", "rely"}
_DEPENDENCE_NOUNS = {"dependence", "dependency", "reliance"}
_USE_VERBS = {"use", "deploy", "operate", "field", "acquire", "employ"}
_ARRIVE_VERBS = {"come", "arrive", "flow", "originate", "reach"}
_SUPPLY_WORDS = (P.SUPPLIER_NOUNS | P.SUPPLY_VERBS | P.IMPORT_VERBS | _BUYER_NOUNS | _DEPEND_VERBS | _USE_VERBS
                 | _DEPENDENCE_NOUNS | _ARRIVE_VERBS | {"supply", "delivery", "export", "arm", "account", "take"})


def _its_before(tok: Token, ix: Index, exclude: set[str]) -> list[str]:
    """"Türkiye imported 50 bcm. Russia was its largest supplier": "its" of a clause whose subject is another
    state is the state the sentence before was about."""
    prev = ix.previous_sentence(tok.sent)
    subj = [t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"] if prev else []
    found = [ix.name(m) for s in subj[:1] for m in ix.phrase_mentions(s, ("country",))]
    return [n for n in found[:1] if n not in exclude] or [n for n in ix.refers(tok, ("country",)) if n not in exclude]


def _body_told_before(tok: Token, ix: Index, floor: int) -> str | None:
    """The organisation named last before ``tok`` (from character ``floor`` on), or the one a meeting named
    last before is of ("the 10th Summit of the OTS was held ... under the chairmanship of Kazakhstan")."""
    for m in reversed(ix.mentions):
        if m.end > tok.idx or m.start < floor:
            continue
        if m.type in _ORG:
            return ix.name(m)
        if m.type == "event":
            body = next((e.canonical for _, _, e in gazetteer.load().find(ix.name(m)) if e.type == "organization"),
                        None)
            if body is not None:
                return body
    return None


def _supply(out: _Collector, sellers: list[str], buyers: list[str], where: Span,
            qualifiers: dict | None = None) -> None:
    """Each seller supplies each buyer (the collector drops a state said to supply itself)."""
    for s in dict.fromkeys(sellers):
        for b in buyers:
            out.add("supplies", s, b, where, qualifiers)


def _via(tok: Token, ix: Index) -> str | None:
    """The state or line goods pass on their way: "via Georgia", "through the Prut pipeline"."""
    return next((n for o in P.pobjs(tok, {"via", "through"}) for n in ix.refers(o, ("country", "infrastructure"))),
                None)


def _makers(goods: Token, ix: Index) -> list[str]:
    """The states that made goods: "Turkish-made drones", "Russian-built S-300 missiles"."""
    return [n for a in goods.children if a.dep_ == "amod" and a.lemma_.lower() in ("make", "build")
            and a.tag_ == "VBN" for c in a.children if c.dep_ == "npadvmod"
            for n in [_state_of_modifier(c, ix)] if n]


def _states_on(goods: Token, ix: Index, deps: tuple[str, ...] = ("amod", "compound")) -> list[str]:
    """The states the modifiers of goods name ("Turkmen gas", "Russian weapons"): their seller or origin."""
    return [n for c in goods.children if c.dep_ in deps for n in [_state_of_modifier(c, ix)] if n]


def _state_of_modifier(tok: Token, ix: Index) -> str | None:
    """The state a modifier names: its mention, or a demonym on goods ("Russian gas"), which the entity
    reader leaves unlinked."""
    m = ix.mention(tok, ("country",))
    if m is not None:
        return ix.name(m)
    return state_named(tok.text) if tok.text[:1].isupper() else None


def _supplies(tok: Token, sent: Span, ix: Index, out: _Collector) -> None:
    lemma = tok.lemma_.lower()
    if lemma not in _SUPPLY_WORDS or P.is_hypothetical(tok):
        return
    as_role = tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ == "VERB"
    if lemma in P.SUPPLIER_NOUNS and tok.pos_ == "NOUN" and tok.dep_ in ("ccomp", "oprd", "xcomp") \
            and tok.head.lemma_.lower() == "make" and tok.head.dep_ in ("advcl", "conj", "relcl") \
            and any(c.lower_ in ("it", "them") for c in tok.head.subtree if c.i < tok.i):
        # "A supplied 9.5 bcm of gas to B, making it the second-largest supplier after C": the rank of the
        # supply the main clause tells (", which makes it ...": the parser may hang it on the clause's last noun)
        main = tok.head.head if tok.head.dep_ != "relcl" else next(
            (a for a in tok.head.ancestors if a.pos_ == "VERB"), tok.head.head)
        rank = P.ordinal_of([t for c in tok.lefts for t in c.subtree])
        # ("A supplied B with 9.5 bcm of gas": the goods after "with", the buyer its object)
        given = P.pobjs(main, {"with"})
        goods = next((g for o in P.children(main, ("dobj",)) + given for x in [o, *P.pobjs(o, {"of"})]
                      for g in [_commodity(x)] if g), None)
        suppliers = [n for sb in P.subject_of(main) for n in ix.refers(sb, ("country", "organization"))]
        buyers = [n for o in P.pobjs(main, {"to"}) + (P.children(main, ("dobj",)) if given else [])
                  for n in ix.refers(o, ("country", "organization", "place"))]
        flows = [sb for sb in P.subject_of(main) if sb.lemma_.lower() in ("export", "supply", "delivery", "sale")]
        if flows and not suppliers:
            # "Azerbaijan's gas exports to Türkiye rose to 11 bcm, making it Türkiye's second-largest supplier":
            # the exports' goods, whose they are and where they go
            goods = goods or next((g for f in flows for c in f.children if c.dep_ == "compound"
                                   for g in [_commodity(c)] if g), None)
            suppliers = [n for f in flows for n in [*_states_on(f, ix, ("poss", "amod", "compound"))]]
            buyers = [n for f in flows for o in P.pobjs(f, {"to"}) for n in ix.refers(o, ("country", "organization"))]
        buyers = buyers or [n for c in tok.children if c.dep_ == "poss" for n in ix.refers(c, ("country",))]
        if goods and rank:
            _supply(out, suppliers, buyers, sent, {"commodity": goods, "rank": rank})
            before = _ranked_before(tok, ix)
            for k, n in enumerate(before if len(before) < rank else []):
                _supply(out, [n], buyers, sent, {"commodity": goods, "rank": rank - len(before) + k})
        return
    if lemma in P.SUPPLIER_NOUNS and tok.pos_ == "NOUN" and (tok.dep_ in ("attr", "appos", "oprd") or as_role):
        # "X is Y's largest gas supplier"; "X ..., becoming a primary supplier to Y"; "X emerged as
        # (overtook Z as) Y's largest gas supplier"
        verb = tok.head.head if as_role else tok.head
        suppliers = [n for s in ((P.children(verb, ("nsubj",)) or P.subject_of(verb))
                                 if tok.dep_ != "appos" else [tok.head])
                     for n in ix.refers(s, ("country", "organization"))]
        goods = next((g for g in (_commodity(o) for o in P.pobjs(tok, {"of"})) if g), None)
        goods = goods or next((c.lower_ for c in tok.children if c.dep_ == "compound"
                               and c.lemma_.lower() in P.COMMODITIES), None)
        to = P.pobjs(tok, {"to", "for"}) or (P.pobjs(tok.head, {"to"}) if tok.dep_ in ("attr", "oprd") else [])
        buyers = [n for o in to for n in ix.refers(o, ("country", "organization", "place"))]
        buyers += [n for c in tok.children if c.dep_ == "poss"   # "Europe's largest gas supplier"
                   for n in (_its_before(c, ix, set(suppliers)) if c.lower_ in ("its", "their") else
                             ix.refers(c, ("country", "organization", "place")))]
        if not goods and any(t.lower_ in ("bcm", "barrels", "bbl") for t in tok.subtree):
            # "Russia was its largest supplier with 21.6 bcm": the measure says the goods
            goods = "gas" if any(t.lower_ == "bcm" for t in tok.subtree) else "oil"
        if not goods and tok.head.lemma_.lower() == "become" and to:
            # what it has become a supplier of is told in the clause around ("increasing its arms sales, notably
            # in time becoming a main supplier to Moldova"); else a supplier of unnamed goods
            clause = tok.head.head if tok.head.dep_ in ("advcl", "xcomp", "conj") else tok.head
            goods = next((g for c in clause.subtree if c.i < tok.i and c.pos_ == "NOUN" for g in [_commodity(c)]
                          if g), None)
            if goods is None:
                _supply(out, suppliers, buyers, sent)
                return
        if not goods:
            return
        rank = P.ordinal_of([t for c in tok.lefts for t in c.subtree])
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
            rank = None   # "a primary supplier": one of the main ones, not the first
        _supply(out, suppliers, buyers, sent, {"commodity": goods, "rank": rank})
        # "..., followed by A with 10.4 bcm and B with 7.2 bcm": they come next, in that order
        after = list(dict.fromkeys(ix.name(m) for a in tok.children if a.dep_ == "acl" and a.lower_ == "followed"
                                   for m in ix.mentions_in(a.idx, a.right_edge.idx + len(a.right_edge.text),
                                                           ("country", "organization"))))
        for k, n in enumerate(after if rank else []):
            _supply(out, [n], buyers, sent, {"commodity": goods, "rank": rank + k + 1})
        if rank and rank > 1:
            # "the second biggest supplier ... after Russia": Russia is the first
            before = _ranked_before(tok, ix)
            for k, n in enumerate(before if len(before) < rank else []):
                _supply(out, [n], buyers, sent, {"commodity": goods, "rank": rank - len(before) + k})
    elif lemma in _BUYER_NOUNS and tok.pos_ == "NOUN" and tok.dep_ in ("attr", "appos", "oprd"):
        # "Italy is the largest importer of Azerbaijani oil", "Turkey, the main market for Azerbaijan's gas":
        # the seller is whose the goods are (or where they come from); a buyer's rank is not a supplier's
        buyers = [n for b in (P.children(tok.head, ("nsubj",)) if tok.dep_ != "appos" else [tok.head])
                  for n in ix.refers(b, ("country", "organization", "place"))]
        goods_toks = [o for o in P.pobjs(tok, {"of", "for"}) if _commodity(o)]
        if not goods_toks or not buyers:
            return
        goods = _commodity(goods_toks[0])
        g = goods_toks[0]
        sellers = [ix.name(m) for c in [*g.children, *(k for c in g.children if c.dep_ == "compound"
                                                       for k in c.children)]
                   if c.dep_ in ("amod", "compound", "poss") for m in [ix.mention(c, ("country",))] if m is not None]
        sellers += [n for o in P.pobjs(g, {"from"}) + P.pobjs(tok, {"from"}) for n in ix.refers(o, ("country",))]
        _supply(out, sellers, buyers, sent, {"commodity": goods})
    elif lemma == "arm" and tok.pos_ == "VERB" and tok.tag_ != "VBN":
        # "Moscow was intensively arming Armenia": weapons, to the object
        _supply(out, _subjects(tok, ix, ("country", "organization")),
                [n for o in P.children(tok, ("dobj",)) for n in ix.refers(o, ("country", "organization"))], sent,
                {"commodity": "weapons"})
    elif lemma in P.SUPPLY_VERBS and tok.pos_ == "VERB":
        objs = P.children(tok, ("dobj",))
        # "the drones were supplied by Turkey to Azerbaijan": the goods are the passive's subject
        goods_tok = next((o for o in objs + P.children(tok, ("nsubjpass",)) if _commodity(o)), None)
        goods = _commodity(goods_tok)
        # (not a line the goods went through: "... most of it through pipelines and the Nord Stream pipeline")
        # (nor a part of the goods: "supplies 40% of Israel's oil, much of it through Ceyhan")
        buyers_tok = (P.pobjs(tok, {"to", "for"}) + [o for o in objs if o is not goods_tok
                                                      and o.lemma_.lower() not in P.INFRA_NOUNS | _SHARE_WORDS]
                      + P.children(tok, ("dative",)))
        if not buyers_tok and goods_tok is not None:
            buyers_tok = _buyers_within(goods_tok) or _share_owner(goods_tok) or _dative_compound(tok, goods_tok, ix)
        if goods is None:
            goods = next((g for g in (_commodity(o) for o in P.pobjs(tok, {"with"})) if g), None)
        if goods is None and not objs and not P.children(tok, ("nsubjpass",)) and lemma in ("export", "sell"):
            # "Baykar also exports to Qatar": a seller of goods the sentence does not name
            _supply(out, _subjects(tok, ix, ("country", "organization")),
                    [n for o in P.pobjs(tok, {"to"}) for n in ix.refers(o, ("country", "organization"))], sent)
            return
        if goods is None:
            # "Baykar has sold the TB2 to Ukraine": a named model sold is the goods
            goods_tok, goods = next(((o, ix.name(m)) for o in objs + P.children(tok, ("nsubjpass",))
                                     for m in _products(o, ix)), (None, None))
            buyers_tok = [b for b in buyers_tok if b is not goods_tok] or (
                P.pobjs(goods_tok, {"to"}) if goods_tok is not None else [])   # (the parser may hang "to X" on it)
        if goods is None:
            return
        suppliers = _subjects(tok, ix, ("country", "organization"))
        # "Romania already supplies its partner with drones", "supplying the small country with arms": the
        # state named before (not "Soviet" of its description)
        described = {o.i: ix.described_country(o, set(suppliers)) for o in buyers_tok}
        buyers = [n for o in buyers_tok for n in (
            [described[o.i]] if described[o.i] else ix.refers(o, ("country", "organization", "place")))]
        if P.children(tok, ("nsubjpass",)):
            suppliers = [n for o in P.pobjs(tok, {"by", "from"}) for n in ix.refers(o, ("country", "organization"))]
        # "the pipeline began delivering Turkish gas to X": a line that supplies carries what others supply
        by_line = any(sb.lemma_.lower() in P.INFRA_NOUNS or ix.mention(sb, ("infrastructure",)) is not None
                      for sb in P.subject_of(tok))
        if (lemma in P.CARRY_VERBS or by_line and not suppliers) and goods_tok is not None:
            # "transport Turkmen gas to Türkiye": the gas is Turkmenistan's
            origin = _states_on(goods_tok, ix)
            sources = [n for o in P.pobjs(tok, {"from"}) + P.pobjs(goods_tok, {"from"})   # "gas from X is carried"
                       for n in ix.refers(o, ("country",))]
            if origin:
                suppliers = origin
            elif sources and not suppliers:
                suppliers = sources   # "lines that carry oil and gas from Romania to Moldova"
            elif not P.pobjs(tok, {"from"}) and (not suppliers or any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
                # "Russia ships gas to China": a state or company carrying its goods supplies them (not "is
                # laying a pipeline to carry gas to X": a purpose)
                return
        line = next((n for sb in P.subject_of(tok) for n in ix.refers(sb, ("infrastructure",))), None) \
            if by_line else None
        _supply(out, suppliers, buyers, sent, {"commodity": goods, "via": _via(tok, ix) or line})
    elif (lemma in P.IMPORT_VERBS | {"take"} or lemma in _DEPEND_VERBS) and (tok.pos_ == "VERB" or _misread_verb(tok)):
        # "imports gas from Russia", "imports most of its gas from Russia", "depends on gas piped from Romania",
        # "relies on Russian gas", "takes 30 bcm of Turkmen gas a year" (goods only: "took control" is none)
        objs = P.children(tok, ("dobj",)) if lemma not in _DEPEND_VERBS else P.pobjs(tok, {"on", "upon"})
        # "imports most of its natural gas from Russia": the parser may make the share an adverb
        objs += [c for c in tok.children if c.dep_ in ("advmod", "npadvmod") and c.lemma_.lower() in _SHARE_WORDS]
        goods_tok = next((o for o in objs if _commodity(o)), None)
        goods = _commodity(goods_tok)
        if goods is None and lemma in _DEPEND_VERBS:
            # "Moldova relies on Romania for electricity": whom it relies on is the seller
            goods_tok = next((o for o in P.pobjs(tok, {"for"}) if _commodity(o)), None)
            goods = _commodity(goods_tok)
            sellers = [n for o in objs for n in ix.refers(o, ("country", "organization"))]
            buyers = _subjects(tok, ix, ("country", "organization", "place"))
            if goods:
                _supply(out, sellers, buyers, sent, {"commodity": goods, "via": _via(tok, ix)})
            return
        if goods is None and lemma in P.IMPORT_VERBS:
            # "purchased MiG-29 fighters from Ukraine": a named model bought is the goods
            goods_tok, goods = next(((o, ix.name(m)) for o in objs for m in _products(o, ix)), (None, None))
        if goods is None:
            return
        # "gas piped from Iran" (the parser may make the participle the head)
        piped = [goods_tok, *(v for v in goods_tok.children if v.dep_ == "acl" and v.tag_ == "VBN")]
        sellers = [n for o in P.pobjs(tok, {"from"}) + [o for v in piped for o in P.pobjs(v, {"from"})]
                   for n in ix.refers(o, ("country", "organization"))]
        # "received Israeli weaponry", "relies on Russian gas": the goods' nationality is their seller (a
        # demonym on goods is no mention of the state: read it here)
        # ("imports 3 bcm of Romanian gas": the demonym is on the goods a measure is of)
        measured = [goods_tok, *(o for o in P.pobjs(goods_tok, {"of"}) if _commodity(o))]
        sellers = sellers or [n for g in measured for n in _states_on(g, ix)] or _makers(goods_tok, ix)
        buyers = _subjects(tok, ix, ("country", "organization", "place")) or [   # "Europe imports ..."
            n for c in _verb_subject(tok) for n in ix.refers(c, ("country", "organization", "place"))] or [
            n for c in tok.children if c.dep_ == "compound" and _misread_verb(tok)
            for n in ix.refers(c, ("country", "organization"))]
        _supply(out, sellers, buyers, sent, {"commodity": goods, "via": _via(tok, ix)})
        if lemma in P.IMPORT_VERBS:
            # "bought drones from Baykar, as well as rocket launchers from Roketsan": more goods, each from its
            # own seller (the parser joins them to the verb)
            for more in (c for c in tok.children if c.i != goods_tok.i and c.dep_ in ("conj", "dobj")
                         and c.pos_ == "NOUN" and _commodity(c)):
                others = [n for o in P.pobjs(more, {"from"}) for n in ix.refers(o, ("country", "organization"))]
                if others:
                    _supply(out, others, buyers, sent, {"commodity": _commodity(more)})
    elif lemma == "account" and tok.pos_ == "VERB":
        # "Romania accounted for 60% of Moldova's arms imports": a share of a state's imports is supplied
        imports = [g for o in P.pobjs(tok, {"for"}) if o.lemma_.lower() in _SHARE_WORDS or o.like_num
                   for g in P.pobjs(o, {"of"}) if g.lemma_.lower() in ("import", "purchase", "supply")]
        for g in imports:
            goods = next((c.lower_ for c in g.children if c.dep_ in ("compound", "amod")
                          and c.lemma_.lower() in P.COMMODITIES), None)
            buyers = [n for c in P.children(g, ("poss",)) for n in ix.refers(c, ("country", "organization"))]
            _supply(out, _subjects(tok, ix, ("country", "organization")), buyers, sent, {"commodity": goods})
    elif lemma in _ARRIVE_VERBS and tok.pos_ == "VERB":
        # "most of Moldova's gas comes from Romania", "Russian gas flows to Moldova via Ukraine"
        subj = P.children(tok, ("nsubj",))
        goods_tok = next((g for s_ in subj for g in [*P.pobjs(s_, {"of"}), s_] if _commodity(g)), None)
        goods = _commodity(goods_tok)
        if goods is None:
            return
        sellers = [n for o in P.pobjs(tok, {"from"}) + P.pobjs(goods_tok, {"from"})
                   for n in ix.refers(o, ("country", "organization"))]
        # whose the goods are: their buyer when told where they come from ("Moldova's gas comes from
        # Romania"), else their seller ("Azerbaijan's gas reaches Italy")
        owners = [n for c in P.children(goods_tok, ("poss",)) if c.lower_ not in ("its", "their")
                  for n in ix.refers(c, ("country", "organization", "place"))]
        buyers = owners if sellers else []
        sellers = sellers or _states_on(goods_tok, ix) or owners
        buyers += [n for o in P.pobjs(tok, {"to", "into"} | ({"in"} if lemma == "arrive" else set()))
                   + (P.children(tok, ("dobj",)) if lemma == "reach" else [])   # "Caspian gas reaches Italy"
                   for n in ix.refers(o, ("country", "organization", "place"))]
        _supply(out, sellers, buyers, sent, {"commodity": goods, "via": _via(tok, ix)})
    elif lemma in _DEPENDENCE_NOUNS and tok.pos_ == "NOUN":
        # "Europe has slashed its dependence on Russian gas", "Armenia's reliance on Russian arms": the
        # goods' state supplies the one that depends (reduced or not, the dependence was there)
        goods_tok = next((o for o in P.pobjs(tok, {"on", "upon"}) if _commodity(o)), None)
        goods = _commodity(goods_tok)
        if goods is None:
            return
        sellers = [n for o in P.pobjs(goods_tok, {"from"}) + P.pobjs(tok, {"from"})
                   for n in ix.refers(o, ("country", "organization"))]
        sellers = sellers or _states_on(goods_tok, ix, ("amod", "compound", "poss"))
        poss = P.children(tok, ("poss",))
        buyers = [n for c in poss if c.lower_ not in ("its", "their")
                  for n in ix.refers(c, ("country", "organization", "place"))]
        if not buyers and (not poss or poss[0].lower_ in ("its", "their")) and tok.dep_ in ("dobj", "nsubj"):
            buyers = _subjects(tok.head, ix, ("country", "organization", "place")) if tok.dep_ == "dobj" else []
        _supply(out, sellers, buyers, sent, {"commodity": goods})
    elif lemma in _USE_VERBS and tok.pos_ == "VERB" and not P.children(tok, ("nsubjpass",)):
        # "Azerbaijan has used Turkish-made drones", "deployed Israeli-built drones": goods made by a state
        # and used by another were supplied by the maker
        for goods_tok in P.children(tok, ("dobj",)):
            goods = _commodity(goods_tok)
            if goods:
                _supply(out, _makers(goods_tok, ix), _subjects(tok, ix, ("country", "organization")), sent,
                        {"commodity": goods})
    elif lemma in ("supply", "delivery", "export") and tok.pos_ == "NOUN" and tok.tag_ == "NN":
        goods = next((c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")
                      and c.lemma_.lower() in P.COMMODITIES), None)
        goods = goods or next((g for g in (_commodity(o) for o in P.pobjs(tok, {"of"})) if g), None)
        buyers = [n for o in P.pobjs(tok, {"to"}) for n in ix.refers(o, ("country", "place"))]
        if not goods or not buyers:
            return
        suppliers = [n for c in P.children(tok, ("poss",)) for n in ix.refers(c, ("country", "organization"))]
        suppliers = suppliers or _subjects(tok, ix, ("country", "organization"))
        _supply(out, suppliers, buyers, sent, {"commodity": goods})


def _ranked_before(tok: Token, ix: Index) -> list[str]:
    """"the second largest supplier after Israel": who comes before, named after "after" on the ranked noun
    (or, as the parser may hang it, on its verb: "was the second largest supplier in 2023 after Israel")."""
    # (or on the list it ranks among: "ranked second among its trading partners after Italy")
    among = P.pobjs(tok.head, {"among"})
    # (or "behind": "..., providing 9.8 bcm, behind Russia", on the participle told after)
    told = [c for c in tok.head.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
    return list(dict.fromkeys(n for h in (tok, tok.head, *among, *told) for o in P.pobjs(h, {"after", "behind"})
                              for c in P.conjuncts(o) for n in ix.refers(c, ("country", "organization"))))


# --- trade_partner_rank, ranked -----------------------------------------------------------------

_TRADE_LIST = re.compile(r"\b(trad(e|ing) partners?|importers?|exporters?|export destinations?|"
                         r"import sources?)\b", re.I)


def _ranks(tok: Token, sent: Span, ix: Index, out: _Collector) -> None:
    lemma = tok.lemma_.lower()
    ranks: list[tuple[object, Token]] = []
    if lemma in P.RANK_VERBS and tok.pos_ == "VERB":
        # "was ranked third in X and first in Y" (the second ordinal may hang anywhere below)
        for t in tok.subtree:
            number = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", t.lower_)   # "ranked Azerbaijan 59th"
            if (t.lower_ in P.ORDINALS or number) and t.dep_ in ("advmod", "npadvmod", "oprd", "attr", "acomp",
                                                                "conj", "dobj", "xcomp"):
                ranks.append((P.ORDINALS[t.lower_] if not number else int(number.group(1)), t))
        subj = P.children(tok, ("nsubjpass", "nsubj"))
        if not subj and tok.dep_ == "conj":
            subj = P.subject_of(tok)   # "X accounted for 13% of Y's trade and ranked second among ..."
        if not P.children(tok, ("nsubjpass",)):
            # "Global Firepower ranked Azerbaijan 59th": the one ranked is the object, not the ranker
            ranked = P.children(tok, ("dobj",)) + [c for _, t in ranks for c in t.children if c.dep_ == "compound"]
            subj = ranked or subj
    elif lemma in P.RANK_NOUNS - {"top"} and tok.pos_ == "NOUN" or (
            lemma in _RANKED_ROLES and tok.tag_ == "NN" and tok.dep_ in ("attr", "appos")):
        # "took second place among ..."; "Romania is the third-largest investor in Moldova"
        r = P.ordinal_of([t for c in tok.lefts for t in c.subtree])
        if r is None:
            return
        ranks.append((r, tok))
        subj = P.subject_of(tok) if tok.dep_ != "appos" else [tok.head]
    elif lemma == "top" and any(c.like_num for c in tok.children):
        n = next(c.text for c in tok.children if c.like_num)
        ranks.append((f"top {n}", tok))
        subj = P.subject_of(tok)
    elif lemma in ("partner", "source", "destination", "market") and tok.dep_ in ("dobj", "oprd") \
            and tok.head.lemma_ == "make":
        # "..., making Romania Moldova's second largest trading partner" (the parser may glue the two names)
        r = P.ordinal_of([t for c in tok.lefts for t in c.subtree])
        made = [t for t in tok.doc[tok.head.i + 1:tok.left_edge.i + 1] if ix.mention(t, ("country",)) is not None
                and not (t.i + 1 < len(t.doc) and t.nbor().tag_ == "POS")]
        if r is None or not made:
            return
        ranks.append((r, tok))
        subj = made[:1]
    elif lemma in ("partner", "source", "destination", "market") and (
            tok.dep_ in ("attr", "appos") or tok.dep_ == "nsubj" and tok.head.lemma_ == "be"):
        # "X is Y's fourth-largest trading partner and Z's second-largest source of imports"; "Y's
        # second-largest trading partner is X"; "Y's main trading partners are A, B and C" (no rank told)
        for p in P.conjuncts(tok):
            r = P.ordinal_of([t for c in p.lefts for t in c.subtree])
            if p.tag_ == "NNS" and r == 1:
                r = None   # "the main trading partners": several, none of them first
            if r is not None or tok.dep_ == "nsubj" and p.tag_ == "NNS" and any(
                    c.lower_ in _MAIN_WORDS for c in p.children if c.dep_ == "amod"):
                ranks.append((r, p))
        if tok.dep_ == "nsubj":
            subj = [c for a in P.children(tok.head, ("attr",)) for c in P.conjuncts(a)]
        else:
            subj = P.children(tok.head, ("nsubj",)) if tok.dep_ == "attr" else [tok.head]
        # "X is Y's largest export market, followed by A and B": they come next, in that order
        after = sorted({c.i: c for a in tok.children if a.dep_ == "acl" and a.lower_ == "followed"
                        for o in P.pobjs(a, {"by"}) for c in P.conjuncts(o)}.values(), key=lambda t: t.i)
        if ranks and isinstance(ranks[0][0], int) and after:
            first, at = ranks[0]
            for k, o in enumerate(after):
                m = ix.mention(o, ("country", "organization"))
                if m is not None:
                    _trade_rank(ix.name(m), first + k + 1, at, sent, ix, out)
    else:
        return
    if not ranks or P.is_hypothetical(tok):
        return
    # "Romania, which is now Moldova's second-largest trade partner": what "which" stands for
    subj = [P.antecedent(s) or s for s in subj]
    who = [n for s in subj for n in ix.refers(s, ("country", "organization", "infrastructure"))]
    if not who:
        return
    for rank, at in ranks:
        phrase = doc_span(at)
        own = at.doc[at.left_edge.i:at.right_edge.i + 1].text if at.pos_ == "NOUN" else ""
        trade = bool(_TRADE_LIST.search(phrase.text) or _TRADE_LIST.search(own)) or (
            at.lemma_.lower() in ("source", "destination", "market") and re.search(r"\b(imports?|exports?)\b", own))
        if trade and at.pos_ == "NOUN" and any(t.lemma_.lower() in P.COMMODITIES for t in at.subtree if t.i > at.i):
            trade = False   # "the main destination of Azerbaijani gas exports": who buys the gas, not all trade
        when = ix.time_of(at)
        if trade:
            for s in who:
                _trade_rank(s, rank, at, sent, ix, out)
            # "Y's second largest trading partner after Z" (after A and B: the two before, in that order)
            ahead = _ranked_before(at, ix)
            if isinstance(rank, int) and ahead and len(ahead) < rank:
                for k, n in enumerate(ahead):
                    _trade_rank(n, rank - len(ahead) + k, at, sent, ix, out)
        elif at.lemma_.lower() not in ("partner", "source", "destination", "market"):
            # (a role ranks among those who play it: "investor in Moldova")
            # ("one of the largest investors" tells no rank: a plural is not read as a role)
            followed = [a for a in at.children if a.dep_ == "acl" and a.lower_ == "followed"]
            # (not a clause on what ranks: "Petkim, Türkiye's largest petrochemicals producer, which it acquired
            # in 2008": nor is its time the rank's)
            told = [a for a in at.children if a.dep_ == "relcl" and a.i > at.i]
            end = min([a.left_edge.i for a in followed + told], default=at.right_edge.i + 1)
            if when is not None and any(a.left_edge.idx <= when.start < a.right_edge.idx + len(a.right_edge)
                                        for a in told):
                when = None
            # (with the compound that says of what: "the largest petrochemicals producer")
            start = min([c.left_edge.i for c in at.lefts if c.dep_ == "compound"], default=at.i)
            listed = _list_phrase(at) if at.lemma_.lower() not in _RANKED_ROLES else \
                at.doc[start:end].text.rstrip(" ,")
            for s in who:
                out.add("ranked", s, None, sent, {"rank": rank, "list": listed}, when.iso if when else None)
            # "the largest investor, followed by A and B": they come next, in that order
            after = list(dict.fromkeys(ix.name(m) for a in followed for o in P.pobjs(a, {"by"})
                                       for c in P.conjuncts(o) for m in [ix.mention(c, ("country", "organization"))]
                                       if m is not None))
            for k, n in enumerate(after if isinstance(rank, int) and at.lemma_.lower() in _RANKED_ROLES else []):
                out.add("ranked", n, None, sent, {"rank": rank + k + 1, "list": listed}, when.iso if when else None)


_MAIN_WORDS = {"main", "major", "key", "principal", "top", "largest", "biggest", "leading", "chief"}
# roles a state or company ranks in ("the largest foreign investor in Georgia")
_RANKED_ROLES = {"investor", "producer", "donor", "creditor"}   # (buyers and sellers of goods: supplies)


def _trade_rank(partner: str, rank: int | None, at: Token, sent: Span, ix: Index, out: _Collector) -> None:
    """``partner`` holds ``rank`` among the trade partners of the state the phrase of ``at`` names
    ("Moldova's second-largest trading partner"), else of the one the text spoke of last."""
    phrase = doc_span(at)
    ahead = set(_ranked_before(at, ix))   # (who ranks before is no state whose partners they are)
    other = [ix.name(m) for m in ix.mentions_in(phrase.start_char, phrase.end_char, ("country",))
             if ix.name(m) != partner and not _modifier_only(m, ix) and ix.name(m) not in ahead]
    other = [n for c in at.children if c.dep_ == "poss" for n in ix.refers(c, ("country",))] + other
    its = [t for t in phrase if t.dep_ == "poss" and t.lower_ in ("its", "their")]
    if its:
        # "X accounted for 13% of Y's trade and ranked second among its trading partners": the state
        # named before "its" in the sentence
        named = [ix.name(m) for m in ix.mentions_in(sent.start_char, its[0].idx, ("country",))
                 if ix.name(m) != partner and not _modifier_only(m, ix)]
        other = named[-1:] + other
    if not other:
        prev = [r for r in out.items.values() if r.predicate == "trade_partner_rank"]
        other = [prev[-1].object] if prev else []
    when = ix.time_of(at)
    for o in other[:1]:
        if o != partner:
            out.add("trade_partner_rank", partner, o, sent, {"rank": rank}, when.iso if when else None)


def doc_span(tok: Token) -> Span:
    """The phrase of ``tok`` with its prepositional complements ("second position among ...")."""
    right = tok.right_edge
    if tok.dep_ in ("advmod", "npadvmod", "oprd", "attr", "acomp") and tok.head.pos_ == "VERB":
        right = max(right, *(c.right_edge for c in tok.head.rights if c.dep_ == "prep" and c.i > tok.i),
                    key=lambda t: t.i) if any(c.dep_ == "prep" and c.i > tok.i for c in tok.head.rights) else right
    return tok.doc[tok.i:right.i + 1]


def _list_phrase(tok: Token) -> str | None:
    span = doc_span(tok)
    text = span.text
    # (not a phrase after a comma: "first among foreign investors in Türkiye, with investments of $19.5 billion")
    text = re.split(r",\s+(?=[a-z])", text)[0]
    m = re.search(r"\b(?:among|in|of)\b\s+(.*)$", text)
    # (not the time the rank was held: "35th in the Doing Business index in 2020")
    return re.sub(r"\s+(?:in|as\s+of|since|for)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d$",
                  "", m.group(1).strip(" ,.")) if m else None


# --- manufacturer_of --------------------------------------------------------------------------

def _manufacturer(tok: Token, sent: Span, ix: Index, out: _Collector) -> None:
    lemma = tok.lemma_.lower()
    if lemma in P.MAKE_VERBS and tok.pos_ == "VERB":
        passive = P.children(tok, ("nsubjpass",)) or ([tok.head] if tok.dep_ == "acl" and tok.tag_ == "VBN" else [])
        if passive:
            makers = [n for o in P.pobjs(tok, {"by"}) for n in ix.refers(o, ("organization",))]
            products = [m for p in passive for m in ix.phrase_mentions(p, ("product",))]
        else:
            makers = _subjects(tok, ix, ("organization",))
            products = [m for o in P.children(tok, ("dobj",)) for m in _products(o, ix)]
        for mk in makers:
            for p in products:
                out.add("manufacturer_of", mk, ix.name(p), sent)
    elif lemma in _MAKER_NOUNS and tok.pos_ == "NOUN":
        # "Baykar, the manufacturer of the Bayraktar TB2": the name in apposition makes what follows "of"
        products = [m for o in P.pobjs(tok, {"of"}) for m in _products(o, ix)]
        maker = ix.last_before(tok.idx, ("organization",))
        if maker is not None and maker.start >= sent.start_char and re.fullmatch(
                r",\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}", ix.text[maker.end:tok.idx]):
            for p in products:
                out.add("manufacturer_of", ix.name(maker), ix.name(p), sent)
    elif tok.lower_ in ("'s", "’s") and tok.dep_ == "case":
        maker = ix.mention(tok.head, ("organization",))
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        product = ix.mention(nxt, ("product",)) if nxt is not None else None
        if maker is not None and product is not None:
            out.add("manufacturer_of", ix.name(maker), ix.name(product), sent)


_MAKER_NOUNS = {"manufacturer", "maker", "producer", "developer", "builder"}


def _products(tok: Token, ix: Index) -> list[Mention]:
    """Products named by a phrase ("promising UAVs Akinci", "the TB2 and Akinci drones")."""
    found = ix.phrase_mentions(tok, ("product",))
    if found:
        return found
    return ix.mentions_in(tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text), ("product",))


# --- party_to ---------------------------------------------------------------------------------

_AGREEMENT_WORD = re.compile(r"\b(" + "|".join(sorted(P.AGREEMENT_NOUNS)) + r")\b", re.I)
# plural documents with a subject of their own ("protocols for establishing diplomatic relations"), not a
# kind ("military agreements", "arms deals")
_AGREEMENTS_ON = re.compile(r"\b(" + "|".join(sorted(P.AGREEMENT_NOUNS)) + r")s\s+(?:on|for|of)\b", re.I)


def _parties(ctx: Context, ix: Index, positions, out: _Collector) -> None:
    """Signatories' countries of each signed agreement, and the parties its name gives."""
    country_of: dict[str, str] = {}
    for p in positions:
        if p.of in _countries(ix):
            country_of.setdefault(p.person, p.of)
    # a signatory known only by a surname shared with a titled person ("Aliyev") is of that country
    by_surname: dict[str, set[str]] = defaultdict(set)
    for person, of in country_of.items():
        by_surname[person.split()[-1]].add(of)
    agreement_names = {ix.name(m) for m in ix.mentions if m.type == "agreement"}
    signed = set()
    for ev in event_reader.find_events(ctx):
        if ev.type != "agreement_signed" or not ev.name:
            continue
        signed.add(ev.name)
        if ev.name not in agreement_names and not _AGREEMENT_WORD.search(ev.name) \
                and not _AGREEMENTS_ON.search(ev.name):
            continue
        src = ev.sources[0]
        orgs = {ix.name(m) for m in ix.mentions if m.type == "organization"}
        for p in ev.participants:
            party = country_of.get(p, p if p in _countries(ix) | orgs else None)
            if party is None and len(by_surname.get(p.split()[-1], ())) == 1 and p not in _countries(ix):
                party = next(iter(by_surname[p.split()[-1]]))
            if party:
                out.add("party_to", party, ev.name, (src.start, src.end))
    for m in ix.mentions:
        if m.type != "agreement":
            continue
        tail = ix.text[m.end:m.end + 120]
        between = re.match(r"^\s*between\s+(.{0,100}?)\s+and\s+(.{0,60}?)(?=[,.;)]|\s+(?:dated|signed|in|on|of)\b)",
                           tail)
        inner = [x for x in ix.mentions_in(m.start, m.end, ("country",))] if " between " in m.text else []
        if between:   # (a name that starts there: "... and the Republic of Turkey", cut at "of" above)
            inner += [c for c in ix.mentions if c.type == "country" and m.end <= c.start < m.end + between.end()]
            second = m.end + between.start(2)
            if not any(c.start >= second for c in inner):
                # "between the Government of A and the Government of B": the state the second government is of
                stop = re.search(r"[,.;)]", ix.text[second:second + 80])
                inner += [c for c in ix.mentions_in(second, second + (stop.start() if stop else 80), ("country",))][:1]
        sent = ix.ctx.sentence(m.start)
        if not (m.text[:1].isupper() or ix.name(m) in signed):
            continue    # "a formal peace treaty between A and B has not yet been signed"
        for c in inner:
            out.add("party_to", ix.name(c), ix.name(m), sent)


_ACCEDE_VERBS = {"accede", "ratify", "approve", "join", "adhere"}


def _acceded(ix: Index, out: _Collector) -> None:
    """"Moldova has acceded to the Prut Treaty", "ratified the Treaty on ...",
    "approved the CFE flank agreement": a state that accedes to, ratifies or joins an agreement is a party."""
    for m, span in ix.spans(("agreement",)):
        head = span.root
        verb = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "to" else head.head
        if head.dep_ not in ("dobj", "pobj") or verb.lemma_.lower() not in _ACCEDE_VERBS or verb.pos_ != "VERB" \
                or P.is_hypothetical(verb):
            continue
        for s in _subjects(verb, ix, ("country",)):
            out.add("party_to", s, ix.name(m), span.sent, time=_time(verb, ix))


# "Hazar Denizi'ndeki", "Türkiye'deki": the locative-adjective suffix, "(the one) in X"
_TR_IN = re.compile(r"^['’]?n?[dt][ae]ki\b")
# "Türkiye'nin sağladığı askeri teknoloji": what X provides, sells or exports
_TR_PROVIDED_BY = re.compile(r"^['’]?n?[ıiuü]n\s+(?:sağladığı|tedarik\s+ettiği|ihraç\s+ettiği|sattığı)\s+", re.I)
# "X tarafından satın alınması": being bought by X
_TR_BOUGHT_BY = re.compile(r"^['’]?\s*tarafından\s+satın\s+al", re.I)


# "bileşeni", "parçası", "ayağı", "halkası": a component, part, leg or link of what precedes it
_TR_PART_OF = re.compile(r"(?<![\wçğıöşü])(?:bileşen|parça|ayağ|halka)[ıi](?:s[ıi])?(?:d[ıi]r|n[ıi]n|y[ıi]z)?"
                         r"(?![\wçğıöşü])", re.I)


# Turkish titles and their English names (words, not facts); the state is the name written before the title
_TR_TITLES = {"Cumhurbaşkanı": "President", "Başbakan": "Prime Minister", "Başbakanı": "Prime Minister",
              "Dışişleri Bakanı": "Foreign Minister", "Savunma Bakanı": "Defence Minister",
              "Milli Savunma Bakanı": "Defence Minister", "Büyükelçisi": "Ambassador"}
_TR_POST = re.compile(r"(?<![\wçğıöşü])(?P<title>" + "|".join(sorted(map(re.escape, _TR_TITLES), key=len, reverse=True))
                      + r")\s(?=[A-ZÇĞİÖŞÜ])")


def _turkish_posts(ix: Index, out: _Collector) -> None:
    """"Azerbaycan Cumhurbaşkanı İlham Aliyev": the post named before a person, of the state named right before
    it ("Türkiye'nin Bakü Büyükelçisi" leaves the state to the ambassador's own words: none here). A post
    without its state is kept aside for other documents to place (``consolidate.place_posts``)."""
    text = ix.text
    posts = []
    for t in _TR_POST.finditer(text):
        person = next((m for m in ix.mentions if m.type == "person" and m.start == t.end()), None)
        if person is None:
            continue
        state = next((m for m in ix.mentions if m.type == "country" and m.form in ("name", "acronym")
                      and re.fullmatch(r"(?:['’]n?[ıiuü]n)?\s", text[m.end:t.start()])), None)
        s, e = next(((a, b) for a, b in turkish.sentences(text) if a <= t.start() < b), (t.start(), person.end))
        posts.append((ix.name(person), _TR_TITLES[t.group("title")], (s, e), ix.name(state) if state else None))
    home = _home_state(ix)
    for person, title, where, of in posts:
        mates = {o for p, t, w, o in posts if w == where and t == title and o and p != person}
        alone = sum(1 for p, t, w, o in posts if w == where and t == title and not o) == 1
        if of is None and home and alone and mates and home not in mates:
            # "ANKARA — Cumhurbaşkanı X, Azerbaycan Cumhurbaşkanı Y'yi karşıladı": the dateline's state's
            of = home
        out.add("position_held", person, title, where, {"of": of} if of else {})


def _turkish_locations_and_owners(ix: Index, out: _Collector) -> None:
    """Turkish suffixes that state a relation: "Hazar Denizi'ndeki ... Şahdeniz Projesi" (the line or
    field in a place) and "Petkim gibi tesislerin ... SOCAR tarafından satın alınması" (bought by X)."""
    text = ix.text
    for s, e in turkish.sentences(text):
        ms = ix.mentions_in(s, e)
        for i, m in enumerate(ms):
            tail = text[m.end:m.end + 20]
            if m.type in ("place", "country") and _TR_IN.match(tail):
                nxt = next((x for x in ms[i + 1:] if x.type in ("infrastructure", "place")), None)
                if nxt is not None and nxt.start - m.end <= 90 and ix.name(nxt) != ix.name(m):
                    out.add("located_in", ix.name(nxt), ix.name(m), (s, e))
            if m.type == "organization" and _TR_BOUGHT_BY.match(tail):
                bought = [x for x in ms[:i] if x.type in ("organization", "infrastructure")]
                if bought:
                    out.add("owner_of", ix.name(m), ix.name(bought[-1]), (s, e))
            provided = _TR_PROVIDED_BY.match(tail)
            if m.type == "country" and provided:
                # "Moldova Ordusu, Romanya'nın sağladığı askeri araçlar ...": the supplier is
                # the genitive, the receiver the sentence's other state
                takers = [ix.name(x) for x in ms if x.type == "country" and ix.name(x) != ix.name(m)]
                # "Azerbaycan Silahlı Kuvvetleri": a state's own body stands for the state
                takers += [g.canonical for x in ms if x.type == "organization"
                           for g in [gazetteer.load().lookup(x.text.split()[0])]
                           if g is not None and g.type == "country" and g.canonical != ix.name(m)]
                goods = " ".join(text[m.end + provided.end():m.end + provided.end() + 40].split()[:2])
                if takers:
                    out.add("supplies", ix.name(m), takers[0], (s, e), {"commodity": goods.strip(" ,.(")})
        # "Prut Demiryolu hattı, ... "Tuna Koridoru" planının önemli bir parçasıdır": the line opening the
        # sentence is a component (part, leg, link) of the line named just before that word
        lines = [x for x in ms if x.type == "infrastructure"]
        part = _TR_PART_OF.search(text, s, e)
        if part is not None and len(lines) >= 2 and len(text[s:lines[0].start].split()) <= 3:
            whole = [x for x in lines[1:] if x.end <= part.start() and len(text[x.end:part.start()].split()) <= 4]
            if whole and ix.name(whole[-1]) != ix.name(lines[0]):
                out.add("part_of", ix.name(lines[0]), ix.name(whole[-1]), (s, e))
        # "Azerbaycan ile Nahçıvan arasında ... bağlantı ... bu koridor": a line between two places
        this = turkish.THIS_LINE.search(text, s, e)
        line = lines[0] if lines else (ix.last_before(this.start(), ("infrastructure",), same_paragraph=False)
                                       if this else None)
        for a, b in zip(ms, ms[1:], strict=False):
            if line is None or a.type not in ("country", "place") or b.type not in ("country", "place"):
                continue
            if re.fullmatch(r"['’]?\w{0,3}\s+ile\s+", text[a.end:b.start]) \
                    and re.match(r"['’]?\w{0,3}\s+aras[ıi]nda", text[b.end:b.end + 20]):
                out.add("connects", ix.name(line), ix.name(a), (s, e))
                out.add("connects", ix.name(line), ix.name(b), (s, e))


def _turkish_connections(ix: Index, out: _Collector) -> None:
    """"Orta Koridor, Çin'den başlayarak Kazakistan, Azerbaycan ... üzerinden Avrupa'ya uzanır": a line
    that opens its sentence (or "bu hat", the line named before) with a verb of running, passing or
    linking connects the countries and places the sentence names after it."""
    text = ix.text
    seen: list[Mention] = []
    for s, e in turkish.sentences(text):
        ms = ix.mentions_in(s, e)
        lines = [m for m in ms if m.type == "infrastructure"]
        this = turkish.THIS_LINE.search(text, s, e)
        line = None
        if lines and len(text[s:lines[0].start].split()) <= 3:
            line = lines[0]
        elif this is not None and seen and len(text[s:this.start()].split()) <= 6:
            # "bu demiryolu": the last line named before whose name says it is one ("... Demiryolu Hattı")
            noun = gazetteer.fold(this.group(0).split()[-1]).casefold()[:6]
            line = next((m for m in reversed(seen) if noun in gazetteer.fold(text[m.start:m.end]).casefold()),
                        seen[-1])
        given = _turkish_participle_lines(ix, ms, s, e, out)
        if line is not None and turkish.ROUTE_VERBS.search(text, s, e):
            after = line.end if line in ms else s
            for m in ms:
                if m.start >= after and m.type in ("country", "place") and m.form in ("name", "acronym") \
                        and ix.name(m) != ix.name(line) and m.start not in given:
                    out.add("connects", ix.name(line), ix.name(m), (s, e))
        seen += lines


def _turkish_participle_lines(ix: Index, ms: list[Mention], s: int, e: int, out: _Collector) -> set[int]:
    """"Moldova ile Romanya'yı birleştiren Prut Köprüsü": a participle of linking qualifies the
    line named right after it, which connects the places named between the last line before and the
    participle.  Returns where those places start (they are that line's, not the sentence's first)."""
    text, given = ix.text, set()
    for verb in turkish.ROUTE_VERBS.finditer(text, s, e):
        if not turkish.participle(verb.group(0), ""):
            continue
        line = next((m for m in ms if m.start >= verb.end()), None)
        if line is None or line.type != "infrastructure" or len(text[verb.end():line.start].split()) > 1:
            continue
        start = max([m.end for m in ms if m.type == "infrastructure" and m.end <= verb.start()], default=s)
        for m in ms:
            if start <= m.start and m.end <= verb.start() and m.type in ("country", "place") \
                    and m.form in ("name", "acronym"):
                out.add("connects", ix.name(line), ix.name(m), (s, e))
                given.add(m.start)
    return given
