"""Events: something that happened (or is scheduled) at a date, read from the dependency parse.

A trigger word of the lexicons in ``patterns`` (a verb like *sign*, a noun like
*summit*) starts an event only when its arguments say what it is about: an
agreement for a signing, infrastructure for an opening, a country for a
recognition.  The rest is read off the same parse:

- **date**: the time expression of the sentence nearest the trigger in the
  parse; a time goes to the trigger it is closest to, so "signed X, which
  entered into force on Y" dates the two events apart.  "On that day" takes the
  previous sentence's date; "made such decision on D" dates the decision the
  sentence before reported.
- **participants**: countries, persons and organisations in the trigger's
  argument slots (subject, agent, "with", "between", possessor); "both
  countries" stands for the document's two main countries.
- **place**: a place after "in"/"at", or the place that hosts or organises.
- **name**: the agreement, infrastructure, named event or organisation.

Events stated as possible, intended or negated ("the signing may happen")
are skipped, so are habits in the simple present ("when X meets Y").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from itertools import islice

from spacy.tokens import Span, Token

from dossier import gazetteer
from dossier.extract import patterns as P
from dossier.extract import times as T
from dossier.extract import turkish
from dossier.extract.context import Context, TimeExpr
from dossier.extract.entities import state_named
from dossier.extract.name_shapes import WORKS_AT, names_a_place
from dossier.extract.patterns import Anchored, Index
from dossier.records import Event, Mention


@dataclass
class _Draft:
    """An event being built from one trigger."""

    type: str
    anchor: Token
    name: str | None = None
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    time: TimeExpr | None = None     # set by the detector when the phrase fixes it ("dated 9 May")
    span: tuple[int, int] | None = None
    own_time_only: bool = False      # named wars: only a time inside their own phrase dates them
    plural: bool = False             # "exercises", "visits": a habit unless named or dated
    standing: bool = False           # a fact whatever its clause intends ("within the 2017 agreement")

    def add(self, *names: str) -> None:
        for n in names:
            if n and n not in self.participants:
                self.participants.append(n)


def find_events(ctx: Context) -> list[Event]:
    """Events stated in the document, each citing the sentence that states it (read once per
    context: the relation reader asks again for the signings)."""
    if ctx.events is None:
        ctx.events = _find_events(ctx)
    return ctx.events


def _find_events(ctx: Context) -> list[Event]:
    ix = Index(ctx)
    if turkish.is_turkish(ctx.doc.language):
        return _merge(_turkish_events(ctx, ix))
    drafts_by_sent: list[tuple[Span, list[_Draft]]] = []
    everything: list[list[_Draft]] = []   # per sentence, before habits are dropped
    for sent in ix.sentences():
        drafts = _detect(sent, ix)
        # a sentence with another event states a saying only where the saying carries its own time and the
        # other event another one ("A claimed last month that B armed C after the clashes in July"; not "On
        # 2 May, A announced that it had signed the treaty": one time, the signing's as much as the saying's).
        # An event that would be dropped whenever it happened ("X said the talks were useful", "X told
        # Reuters the deal was signed": talks and a deal of nobody) is no other event.
        drafts = drafts + [d for d in _statement(sent, ix) if d.time is not None and not d.own_time_only
                           and not any(_said_at(d.anchor, o.anchor) for o in drafts)
                           and len({a.time.value for a in ix.sentence_times(sent)}) >= 2] \
            if any(_worth_keeping(replace(d, time=_SOME_TIME)) for d in drafts) else drafts + _statement(sent, ix)
        drafts += _enumerated(sent, ix, drafts, everything)
        drafts += _parallel(sent, ix, drafts)
        everything.append(drafts)
        _share_agents(drafts)
        _date(sent, ix, drafts)
        _visit_length(sent, drafts)
        _met_on_the_visit(drafts)
        # a plural trigger is a habit ("they hold exercises") unless named or dated ("held joint
        # exercises in September 2023")
        drafts = [d for d in drafts if not d.plural or _named_by_mention(d, ix) or _dated_once(d)
                  or d.time is not None and (_first_time(d.anchor) or _held_there_that_year(d))]
        drafts_by_sent.append((sent, drafts))
    _date_from_next_sentence(ix, drafts_by_sent)
    _date_from_previous_visit(ix, drafts_by_sent)
    _date_from_previous_sentence(ix, drafts_by_sent)
    _lead_of_the_day(ix, drafts_by_sent)
    _placed_by_visit_that_day(drafts_by_sent)
    _also_there(ix, drafts_by_sent)
    _the_leaders(ix, drafts_by_sent)
    _the_meeting_told_before(drafts_by_sent)
    _the_exercise_named_after(ix, drafts_by_sent)
    events = []
    for sent, drafts in drafts_by_sent:
        for d in drafts:
            if not _worth_keeping(d):
                continue
            e = _to_event(ctx, ix, sent, d)
            if e.type == "independence" and len(e.participants) > 1:
                # "Georgia, Armenia and Azerbaijan gained independence in 1991": each state its own
                events += [replace(e, participants=[p], sources=list(e.sources)) for p in e.participants]
            else:
                events.append(e)
    states = {ix.name(m) for m in ix.mentions if m.type in ("country", "organization")}
    return _parties_in_force(_merge(events), states)


def _parties_in_force(events: list[Event], states: set[str]) -> list[Event]:
    """"signed an Association Agreement with the EU in 2014, which came into force in 2016": an agreement
    in force without its parties told binds the states and bodies that signed it in the same document (and
    one signed without its signers told was signed by the parties it is in force for)."""
    for e in events:
        if e.type == "agreement_in_force" and not e.participants and e.name:
            e.participants = next(([p for p in o.participants if p in states] for o in events
                                   if o.type == "agreement_signed" and o.name
                                   and _same_name(o.name, e.name, o.date, e.date)), [])
    # "A ratified the agreement with B in 2022, two years after it was signed": the parties signed it
    for e in events:
        if e.type == "agreement_signed" and not e.participants and e.name:
            e.participants = next((list(o.participants) for o in events if o.type == "agreement_in_force"
                                   and len(o.participants) >= 2 and o.name
                                   and _same_name(o.name, e.name, o.date, e.date)), [])
    return events


# --- detection ------------------------------------------------------------------------------

def _detect(sent: Span, ix: Index) -> list[_Draft]:
    out: list[_Draft] = []
    for tok in sent:
        if tok.pos_ in P.FUNCTION_POS:   # every trigger is a content word: skip the rest cheaply
            continue
        for detector in _DETECTORS:
            for d in detector(tok, ix):
                if not d.standing and (P.is_hypothetical(d.anchor) or P.habitual(d.anchor)
                                       and not _historical_present(sent, ix) or _under_anniversary(d.anchor)
                                       or _told_as_a_habit(d.anchor)):
                    continue
                if any(o.type == d.type and o.anchor.i == d.anchor.i and o.name == d.name and o.place == d.place
                       and o.participants == d.participants for o in out):
                    continue
                out.append(d)
    return out


def _told_as_a_habit(anchor: Token) -> bool:
    """"Moldova holds talks with Romania every year", "they meet regularly", "has often visited": what recurs
    is no one event."""
    verb = next((t for t in [anchor, *anchor.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is not None and any(c.dep_ == "advmod" and c.lower_ in ("often", "frequently", "repeatedly")
                                for c in verb.children):
        return True   # "has visited Türkiye more often than any other country", "repeatedly met": in any tense
    if verb is None or verb.tag_ in ("VBD", "VBN"):
        return False
    return any(c.lower_ in ("annually", "regularly", "routinely", "usually", "often") or c.lemma_ in ("year", "month")
               and any(k.lower_ in ("every", "each") for k in c.children) for c in verb.children)


def _historical_present(sent: Span, ix: Index) -> bool:
    """"In 1991, Moldova declares independence", "- 1992: A and B fight a war": a simple present told of a
    past year or day (a timeline's) is an event, not a habit."""
    pub = ix.ctx.doc.published
    return any(re.fullmatch(r"\d{4}(?:-\d\d){0,2}", a.time.value) and (pub is None or a.time.value[:4] < pub[:4])
               for a in ix.sentence_times(sent))


def _said_at(verb: Token, event: Token) -> bool:
    """Whether an event is where or when a saying was made ("reported at the forum in December"), not
    what it reports ("claimed that Moscow armed Armenia after the clashes in July"): the event hangs on
    the saying verb itself, not inside the clause it reports."""
    t = event
    while t.i != verb.i and t.head.i != t.i:
        if t.dep_ in ("ccomp", "xcomp", "advcl", "conj", "parataxis"):
            return False
        if t.dep_ == "prep" and t.head.i == verb.i and t.lower_ in ("after", "before", "since", "following", "amid"):
            return False   # "claimed after the clashes in July": another time, not the saying's occasion
        t = t.head
    return t.i == verb.i


def _statement(sent: Span, ix: Index) -> list[_Draft]:
    """An announcement by a named actor ("On 3 June 2023, Romania announced ...", "In March 2020, the
    minister reported ...", "Peskov said ..."), read only from a sentence that states no other event: its
    date must hang from the verb itself, so that a statement merely reporting another event does not take
    that event's date; without one it has none."""
    out: list[_Draft] = []
    for tok in sent:
        # "... by Russia, where the spokeswoman, X, stated that ...": a clause about a place is no report
        where = tok.dep_ in ("advcl", "relcl") and _in_main_clause(tok.head) \
            and any(c.lower_ == "where" and c.dep_ == "advmod" for c in tok.children)
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in _SAYING_NOUNS and _in_main_clause(tok.head):
            out += _saying_noun(tok, ix)
            continue
        if tok.lower_ == "according" and tok.dep_ == "prep" and _in_main_clause(tok.head):
            # "according to X, the border will reopen": what X said
            out += _according_to(tok, ix)
            continue
        clause_verb = tok.lemma_.lower() in _CLAUSE_SAYING_VERBS and any(c.dep_ == "ccomp" for c in tok.children)
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in P.STATEMENT_VERBS | _SAYING_VERBS and not clause_verb \
                or not (_in_main_clause(tok) or where):
            continue
        if P.is_hypothetical(tok) or P.habitual(tok):
            continue
        # ("President of the State Gas Company of Y X stated": the name the parser hung inside the title)
        who = [n for s in P.children(tok, ("nsubj",))
               for n in _titled_within(s, ix) or _the_titled(s, ix) or ix.refers(s)] or _state_voice(tok, ix)
        # "... in the worst eruption since 1994": a time counted from is not the saying's
        # nor is the deadline of what was pledged ("pledged to raise imports to 2 bcm by 2027")
        # nor the time of what was said ("trade rose ... last year, the minister said on Thursday")
        when = [a for a in ix.sentence_times(sent) if P.dep_distance(tok, a.token) <= 2 and not _since(a)
                and not _deadline(a) and not _in_what_was_said(a.token, tok)]
        if who and when:
            d = _Draft("statement", tok, time=when[0].time, place=_place(tok, ix, heads_too=False))
            d.add(*who)
            out.append(d)
            continue   # "In 2014, X spoke of ..., but last year he slammed Y": a saying per dated clause
        # an undated saying by someone the text names ("Peskov said the situation ..."): a statement of no
        # known date (its sources say when it was reported)
        named = [n for s in P.children(tok, ("nsubj",)) for n in _the_titled(s, ix) or [
            ix.name(m) for m in ix.phrase_mentions(s, ("person", "country", "organization"))]]
        named = named or _state_voice(tok, ix)
        if named and not when and (tok.lemma_.lower() in _SAYING_VERBS or clause_verb):
            # in a news report (its lead dates what it reports to the last days before publication), a
            # saying told in the past or present is of the day reported
            reported = tok.tag_ in ("VBD", "VBZ", "VBP") or tok.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
            d = _Draft("statement", tok, own_time_only=True, place=_place(tok, ix, heads_too=False),
                       time=ix.report_day if reported else None)
            d.add(*named)
            return [*out, d]
    return out


def _in_what_was_said(tok: Token, verb: Token) -> bool:
    """``tok`` is inside the clause a saying verb reports ("trade rose last year, X said")."""
    return any(c.dep_ == "ccomp" and c.is_ancestor(tok) for c in verb.children)


def _the_titled(tok: Token, ix: Index) -> list[str]:
    """"The Azerbaijani President said": the person named before with that post (and state), not the state."""
    if tok.lower_ not in P.TITLE_CORE or tok.tag_ not in ("NN", "NNP") or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or P.children(tok, ("prep",)):
        return []   # (not "the minister of the oil industry": a post of its own)
    named = ix.titled_before(tok)
    last = next((m for m in reversed(ix.mentions) if m.end <= tok.idx and ix.name(m) == named), None)
    # named with that post in the passage: a page further back may name another holder
    return [named] if last is not None and tok.idx - last.end < _TITLED_REACH else []


_TITLED_REACH = 1500


def _state_voice(verb: Token, ix: Index) -> list[str]:
    """"The Moldovan government said", "Moldova's army said": the state speaking through its organs."""
    return [ix.name(m) for s in P.children(verb, ("nsubj",)) if s.lemma_.lower() in _STATE_VOICES
            for c in s.children if c.dep_ in ("amod", "poss", "compound")
            for k in P.conjuncts(c) for m in [ix.mention(k, ("country",))] if m is not None]


# a state's organs, which speak for it
_STATE_VOICES = {"government", "army", "military", "authority", "official", "leadership", "presidency", "parliament",
                 "side", "cabinet", "administration", "spokesman", "spokeswoman", "spokesperson", "diplomat"}


_SAYING_VERBS = {"say", "announce", "state", "warn", "stress", "emphasize", "emphasise", "pledge",
                 "condemn", "claim", "deny", "insist", "tell", "urge", "accuse", "vow", "slam", "criticize",
                 "criticise", "reject", "praise", "demand", "speak", "call", "indicate", "highlight", "reiterate",
                 "underline", "note"}


# verbs that tell a saying only with the clause said ("explained that ...", not "added two ships")
_CLAUSE_SAYING_VERBS = {"declare", "explain", "add", "argue", "assert", "acknowledge", "admit", "confirm", "suggest",
                        "mention", "remark", "comment", "reply", "respond", "promise", "threaten", "affirm",
                        "allege", "caution", "predict", "write", "tweet", "recall", "concede"}


def _according_to(tok: Token, ix: Index) -> list[_Draft]:
    """"According to X, ...", "..., according to Minister X": a saying of X, of no time of its own (a news
    report's day when the report is dated)."""
    sources = [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children
               if o.dep_ == "pobj"]
    # (a person: a body, a paper or a report cited is a source of data rather than a saying)
    who = [ix.name(m) for o in sources for m in ix.phrase_mentions(o, ("person",))]
    if not who:
        return []
    d = _Draft("statement", tok, own_time_only=True, time=ix.report_day)
    d.add(*who)
    return [d]


# nouns for a saying: "Mirzoyan's statement that ...", "Aliyev's speech in February"
_SAYING_NOUNS = {"statement", "speech", "remark", "announcement", "address", "testimony", "interview"}


def _saying_noun(tok: Token, ix: Index) -> list[_Draft]:
    """"X's statement that a deal will help", "in his speech in March": a saying by the
    owner, when its words or its time are given."""
    who = [n for c in P.children(tok, ("poss",)) for n in ix.refers(c, ("person", "country", "organization"))]
    said = any(c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children) for c in tok.children)
    when = [a for a in ix.sentence_times(tok.sent) if P.dep_distance(tok, a.token) <= 2 and not _since(a)]
    if not who or not (said or when) or P.is_hypothetical(tok):
        return []
    d = _Draft("statement", tok, time=when[0].time if when else None, own_time_only=not when,
               place=_place(tok, ix, heads_too=False))
    d.add(*who)
    return [d]


def _under_anniversary(tok: Token) -> bool:
    """"the 30th anniversary of establishing relations": the date is the anniversary's, not the event's."""
    return any(a.lemma_.lower() in ("anniversary", "jubilee") for a in tok.ancestors)


def _agreement_name(tok: Token, ix: Index) -> str | None:
    """The agreement a token names: its mention, or the noun phrase of an agreement noun."""
    for c in P.conjuncts(tok)[:1]:
        m = ix.mention(c, ("agreement",))
        if m is not None:
            return ix.name(m)
        signed = c.lemma_.lower() in ("partnership", "statement") and (
            c.dep_ in ("dobj", "nsubjpass") and c.head.lemma_.lower() in P.SIGN_VERBS or any(
                a.dep_ == "acl" and a.lemma_.lower() in P.SIGN_VERBS for a in c.children))
        # "Moldova and Romania signed a strategic partnership"; "the ceasefire statement signed by A and B"
        if c.lemma_.lower() in P.AGREEMENT_NOUNS or c.lower_ in P.AGREEMENT_NOUNS or signed:
            text = _np_text(c)
            if " " in text.strip():
                return text
            # "the agreement", "this treaty": the one named before; a bare "agreement" or "deal" names
            # nothing, yet it still says what was signed
            if c.lemma_.lower() != "contract" and not _dated_by_own_words(c, ix) and any(
                    d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in c.children):
                m = ix.last_before(c.idx, ("agreement",), same_paragraph=False)
                prev = ix.previous_sentence(c.sent, same_paragraph=False)
                if m is not None and m.start >= (prev.start_char if prev is not None else c.sent.start_char):
                    return ix.name(m)   # named in this sentence or the one before
                named = {ix.name(a) for a in ix.mentions if a.type == "agreement" and a.end <= c.idx}
                if m is not None and len(named) == 1 and c.lower_ == "agreement":
                    return ix.name(m)   # the only agreement the text has named ("The parliament ratified the
                    #                     agreement on 2 April", paragraphs after it was named)
            return _BARE

        if c.lower_ in ("it", "which", "that"):
            m = ix.last_before(c.idx, ("agreement",), same_paragraph=False)
            return ix.name(m) if m else None
    return None


_BARE = ""   # an agreement noun without a name of its own


def _np_text(tok: Token) -> str:
    """The noun phrase headed by ``tok``: modifiers and "of/on/between" complements, no clauses,
    determiners or parentheses."""
    drop = {"relcl", "acl", "advcl", "det", "poss", "punct", "appos", "cc", "conj", "predet", "nummod"}

    def grow(t: Token, top: bool) -> list[Token]:
        out = [t]
        for c in t.children:
            hyphened = c.i + 1 < len(c.doc) and c.nbor(1).text == "-"     # "a 30-year contract"
            if c.dep_ in drop and not hyphened and (top or c.dep_ not in ("cc", "conj", "punct", "det")):
                continue
            if c.dep_ == "prep" and c.lower_ not in ("of", "on", "between", "for", "in"):
                continue
            if c.lower_ in ("worth", "valued", "totalling", "totaling"):
                continue   # "contracts worth $300 million": how much, not what
            if c.dep_ == "prep" and c.lower_ == "in" and names_a_place(c):
                continue   # "a memorandum ... in Baku": where, not what
            if c.dep_ == "prep" and any(o.lemma_.lower().rstrip("s") in ("sideline", "margin", "occasion", "eve")
                                        for o in c.children if o.dep_ == "pobj"):
                continue   # "signed on the sidelines of the summit": when and where, not what
            out += grow(c, False)
        return out

    keep = sorted({t.i for t in grow(tok, True)})
    # only a contiguous run around the head, and never across a parenthesis or comma
    lo = hi = tok.i
    while lo - 1 in keep and tok.doc[lo - 1].text not in ("(", ",", "«", "\""):
        lo -= 1
    while hi + 1 in keep and tok.doc[hi + 1].text not in ("(", ",", ")", "«", "\""):
        hi += 1
    while lo < tok.i and tok.doc[lo].lower_ in ("various", "several", "some", "many", "new", "recent", "other",
                                                 "numerous", "further", "additional", "more", "two", "three"):
        lo += 1
    # (the run stops where a dropped word was: "a memorandum on the supply of [1.5] bcm", "on consultations
    # between [our] ministries": no name ends on the word before it)
    while hi > tok.i and tok.doc[hi].pos_ in ("ADP", "DET", "CCONJ", "PART"):
        hi -= 1
    return tok.doc[lo:hi + 1].text


def _agents(tok: Token, ix: Index, deps=("nsubj", "nsubjpass"), preps=("by", "with", "between", "among")
            ) -> list[str]:
    """Countries, persons and organisations in the argument slots of ``tok``."""
    names: list[str] = []
    slots = [c for c in tok.children if c.dep_ in deps]
    slots += P.pobjs(tok, set(preps))
    for s in slots:
        mine = [n for c in P.conjuncts(s) for n in ix.refers(c)]
        if s.dep_ == "pobj" and s.head.dep_ == "agent":
            # "signed by Azerbaijani Minister of Digital Development and Transport X and Turkish Minister of
            # Transport Y": the parser lays one signer inside the other's title; a person coordinated anywhere
            # in the slot signed too, and they are told in the order written
            inner = [t for t in s.subtree if t.dep_ == "conj" and t.ent_type_ == "PERSON"]
            mine += [ix.name(m) for t in inner for m in [ix.mention(t, ("person",))] if m is not None]
            at = {ix.name(m): m.start for m in ix.mentions_in(s.left_edge.idx, s.right_edge.idx + 1)}
            mine.sort(key=lambda n: at.get(n, len(ix.ctx.doc.text)))
        names += mine
    return list(dict.fromkeys(names))


def _place(tok: Token, ix: Index, preps=("in", "at"), heads_too: bool = True) -> str | None:
    """A place named after "in"/"at" on ``tok`` (or on the verb governing it)."""
    heads = [tok]
    # "the summit held in X", "a forum hosted at X": the participle describing the event says where
    heads += [c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if tok.pos_ == "VERB":   # "met X in Baku": the parser may hang the place on the object
        heads += [c for c in tok.children if c.dep_ == "dobj"]
        # ("met his counterpart X in Baku": or on the name in apposition to it)
        heads += [a for c in tok.children if c.dep_ == "dobj" for a in c.children if a.dep_ == "appos"]
    if heads_too and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr") and tok.head.i != tok.i:
        gov = tok.head if tok.dep_ != "pobj" else tok.head.head
        heads.append(gov)
        # "participation as a guest at the X Meeting, held in Dushanbe": the participle after the event
        # may hang on a noun above it
        for up in [gov, *islice(gov.ancestors, 3)]:
            if up.pos_ in ("NOUN", "PROPN"):
                heads += [c for c in up.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > tok.i]
    for h in heads:
        for o in P.pobjs(h, set(preps)):
            ms = ix.phrase_mentions(o, ("place",))
            if ms:
                return ix.name(ms[0])
            capital = ix.capital_told(o)   # "in the Moldovan capital"
            if capital is not None:
                return capital
            ms = ix.phrase_mentions(o, ("country",))
            if ms:
                return ix.name(ms[0])
    for c in tok.children:
        if c.dep_ == "compound":
            m = ix.mention(c, ("place",))
            if m is not None and not re.search(r"\d", m.text):   # not the event's own name ("Prut-2021")
                return ix.name(m)
    return None


def _place_closing_members(noun: Token, ix: Index) -> str | None:
    """"a session of the defence chiefs of the OBSS in Iasi": the parser may hang the place on the body
    whose members meet; a town closing the "of" phrases of the event's noun is where it was held."""
    last = noun.right_edge
    if last.dep_ != "pobj" or last.head.lower_ not in ("in", "at"):
        return None
    t = last.head.head   # what "in X" hangs on: must lie in the noun's "of" phrases
    while t.i != noun.i and t.dep_ in ("pobj", "prep") and t.head.i != t.i:
        t = t.head
    if t.i != noun.i or last.head.head.i == noun.i:
        return None
    m = ix.mention(last, ("place",))
    return ix.name(m) if m is not None and ix.mention(last.head.head, ("organization",)) is not None else None


def _place_after_phrase(noun: Token, ix: Index) -> str | None:
    """"signed a memorandum ... on energy cooperation in Baku on 10 March": a place closing the object's
    phrase, right before its date, is where it was signed (not what it is about)."""
    last = noun.right_edge
    if last.dep_ != "pobj" or last.head.lower_ not in ("in", "at"):
        return None
    m = ix.mention(last, ("place",))
    nxt = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    ends = nxt is not None and nxt.lower_ in ("on", "in") and any(
        a.token.i > last.i for a in ix.sentence_times(noun.sent))
    return ix.name(m) if m is not None and ends else None


def _place_before_date(verb: Token, ix: Index) -> str | None:
    """"signed a memorandum ... on cooperation in the area of transport in Iasi on 12 June 2021": a
    place written right before the date the verb itself is dated by is where it happened (the parser hangs
    it on the last noun before)."""
    text = ix.text
    for a in ix.sentence_times(verb.sent):
        if not (a.token.dep_ == "pobj" and a.token.head.head.i == verb.i):
            continue
        for m in ix.mentions:
            if m.type == "place" and re.fullmatch(r",?\s+(?:on|in)\s+", text[m.end:a.time.start]) \
                    and re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[max(0, m.start - 8):m.start]):
                return ix.name(m)
    return None


def _signed(tok: Token, ix: Index) -> list[_Draft]:
    low, lemma = tok.lower_, tok.lemma_.lower()
    out = []
    if lemma in P.SIGN_VERBS and tok.pos_ == "VERB":
        things = P.children(tok, ("dobj", "nsubjpass"))
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            things.append(tok.head)
            up = tok.head.head
            if tok.dep_ == "acl" and tok.head.dep_ == "pobj" and up.dep_ == "prep" and tok.doc[tok.i - 1].text == ",":
                # "the Preferential Trade Agreement between the two countries, signed in 2020, ...": the parser
                # hangs the aside on the last noun of the agreement's phrase
                things.append(up.head)
        if tok.dep_ == "advcl" and tok.tag_ == "VBN" and not things and not P.children(tok, ("nsubj",)) \
                and tok.doc[tok.i - 1].text == ",":
            # "ratified the agreement on trade with Romania, signed in 2020": the parser may hang the aside on
            # the verb; it tells of that verb's object
            things += P.children(tok.head, ("dobj",))
        # "signed X in 2018 and Y in 2023": objects coordinated with the verb itself
        things += [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        things += _included(things)   # "signed 11 documents, including a memorandum on X and an agreement on Y"
        if not any(_agreement_name(t, ix) is not None for t in things):
            things = _relative_antecedent(tok, ix) or things
        objects = list(dict.fromkeys(c for th in things for c in P.conjuncts(th)
                                     if _agreement_name(c, ix) is not None))
        if lemma == "adopt":
            # "adopted the Shusha Declaration": a text the parties agree; not a law one body passes ("the X
            # Act, adopted by the Senate")
            objects = [c for c in objects if c.lemma_.lower() in P.AGREEMENT_NOUNS]
        subj = [] if P.children(tok, ("nsubjpass",)) else P.subject_of(tok)
        if not subj and tok.dep_ == "acl" and ix.is_pair_phrase(tok.head):
            subj = [tok.head]   # "which the two countries signed", parsed as an acl
        signers = [n for s in subj for sc in P.conjuncts(s) for n in ix.refers(sc)]
        # ("the Treaty of Kars, signed in 1921 between Turkey and the Soviet republics": between whom)
        partners = _agents(tok, ix, deps=(), preps=("with", "between"))
        # "signed a contract with B to buy gas": the parser makes B the subject of "to buy"
        partners += [n for v in tok.children if v.dep_ == "advcl" and P.misread_with(v)
                     for s in P.children(v, ("nsubj",)) for n in ix.refers(s) if n not in partners]
        signers += [n for n in _agents(tok, ix, deps=(), preps=("by",)) if n not in partners]
        for c in objects:
            # "signed defence agreements with Moldova and Hungary": agreements (plural) with each
            # partner; "an agreement with A and B" is one, with both
            parties = _agreement_parties(c, ix)
            withs = list(dict.fromkeys(partners + [n for n in parties if n not in signers]))
            groups = [[p] for p in withs] if c.tag_ == "NNS" and len(withs) > 1 and signers else [partners]
            for group in groups:
                # several agreements signed: each is dated by the time nearest to it
                name = _agreement_name(c, ix) or None
                if name and len(groups) > 1:
                    name = f"{name} with {group[0]}"
                d = _Draft("agreement_signed", tok if len(objects) == 1 else c, name=name)
                d.add(*signers, *group, *(parties if len(groups) == 1 else ()))
                d.place = _place(tok, ix) or _place(c, ix, heads_too=False) or _place_after_phrase(c, ix) \
                    or _place_before_date(tok, ix)
                out.append(d)
    elif (dated := _dated_agreement(tok, ix)) is not None:
        # "the March 2019 Vestra Partnership Agreement", "the 2021 ceasefire
        # agreement": an agreement dated by its own words was signed then
        d = _Draft("agreement_signed", tok, name=dated, own_time_only=True, standing=True, time=_truce_time(tok, ix))
        d.add(*_agreement_parties(tok, ix))
        # "the 2021 Moldova–Romania ceasefire agreement": the parties its name gives
        d.add(*[e.canonical for _, _, e in gazetteer.load().find(d.name or "") if e.type == "country"
                and e.form in ("name", "acronym")])
        out.append(d)
    elif (low == "signing" and tok.pos_ in ("NOUN", "PROPN")) or lemma in ("signatory", "signatories"):
        # "the signing of X"; "the signatories of X" (X was signed; who signed it is the phrase's subject)
        for o in (objs := P.pobjs(tok, {"of", "to"})) + [c for i in _included(objs) for c in P.conjuncts(i)]:
            name = _agreement_name(o, ix)
            if name is not None:
                d = _Draft("agreement_signed", tok, name=name or None)
                d.add(*_agents(tok, ix, deps=("poss",), preps=("by", "between")))
                d.add(*_agents(o, ix, deps=(), preps=("with", "between")))
                if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("witness", "attend", "oversee", "hail"):
                    # "the two leaders witnessed the signing of ...": those who were there
                    d.add(*[n for sb in P.subject_of(tok.head) for c in P.conjuncts(sb) for n in ix.refers(c)])
                d.place = _place(tok, ix)
                out.append(d)
    elif low == "dated" and tok.i + 1 < len(tok.doc):
        # "the Memorandum ... dated 9 February 1994": the nearest agreement before it, the time after it
        m = ix.last_before(tok.idx, ("agreement",), same_paragraph=True)
        noun = None
        if m is None or m.start < tok.sent.start_char:
            noun = next((t for t in reversed(list(tok.sent.doc[tok.sent.start:tok.i]))
                         if t.lemma_.lower() in P.AGREEMENT_NOUNS), None)
            m = None
        name = ix.name(m) if m else (_np_text(noun) if noun is not None else None)
        when = next((t for t in ix.ctx.times if 0 <= t.start - (tok.idx + len(tok.text)) <= 2), None)
        if name and when:
            out.append(_Draft("agreement_signed", tok, name=name, time=when))
    return out


def _dated_agreement(tok: Token, ix: Index) -> str | None:
    """The name of an agreement a noun names with a date of its own, not the object of a signing verb
    (that verb dates it) and not a declaration of independence."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ == "compound" or not (
            tok.lemma_.lower() in P.AGREEMENT_NOUNS or tok.lower_ in P.AGREEMENT_NOUNS
            or ix.mention(tok, ("agreement",)) is not None):
        return None   # the cheap tests first: this runs on every noun
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in P.SIGN_VERBS:
        return None
    if any(o.lemma_.lower() == "independence" for o in P.pobjs(tok, {"of"})) or not _dated_by_own_words(tok, ix):
        return None
    name = _agreement_name(tok, ix) or None
    # "ceasefire in 1994": the date is not part of the name
    return re.sub(r"\s+in\s+(?:the\s+)?\d{4}\b.*$", "", name) if name else None


def _dated_by_own_words(tok: Token, ix: Index) -> bool:
    """A time expression among the words before the noun, inside its phrase ("the November 2017 X")."""
    lo = tok.left_edge.idx
    if any(lo <= t.start and t.end <= tok.idx for t in ix.ctx.times):
        return True
    m = ix.mention(tok, ("agreement",))
    if m is not None and m.text[:1].isupper() and re.match(r"\s*\(\s*(?:1[5-9]|20)\d\d\s*\)", ix.text[m.end:m.end + 9]):
        return True   # "the Treaty of Bucharest (1812)": a named treaty and the year it was signed
    return _truce_time(tok, ix) is not None


def _truce_time(tok: Token, ix: Index) -> TimeExpr | None:
    """"a ceasefire in 1994", "ended with an armistice in January 1919": a truce is dated by a year (or
    month) right after it (an "agreement in 2013" may be rejected or approved then, not signed)."""
    if tok.lemma_.lower() not in ("ceasefire", "truce", "armistice"):
        return None
    end = tok.idx + len(tok.text)
    return next((t for t in ix.ctx.times if 0 < t.start - end <= 9 and re.fullmatch(
        r"\s+in\s+(?:the\s+)?", ix.text[end:t.start] or "x") and re.fullmatch(r"\d{4}(-\d\d)?", t.value)), None)


def _countries_named_in(name: str) -> list[str]:
    """The states a formal title names as its parties ("Agreement between Moldova and Romania on ...")."""
    if not re.search(r"\bbetween\b", name):
        return []
    found = gazetteer.load().find(name)
    return [e.canonical for _, _, e in found if e.type == "country" and e.form in ("name", "acronym")]


def _agreement_parties(noun: Token, ix: Index) -> list[str]:
    """"an agreement with X", "a memorandum of understanding with X" (the parser may hang "with X" on the
    complement)."""
    heads = [noun, *P.pobjs(noun, {"of", "on"})]   # (and "an agreement on defence cooperation with X")
    return [n for h in heads for n in _agents(h, ix, deps=(), preps=("with", "between"))]


def _included(nouns: list[Token]) -> list[Token]:
    """What a plural is said to include: "11 documents, including a memorandum on X and an agreement on Y"."""
    return [o for n in nouns if n.tag_ == "NNS" for o in P.pobjs(n, {"including", "like"})]


def _relative_antecedent(tok: Token, ix: Index) -> list[Token]:
    """"the deal on X, which the two countries signed": when the parse loses the relative clause,
    the agreement named right before the relative pronoun."""
    sent = tok.sent
    window = tok.doc[max(sent.start, tok.i - 6):tok.i]
    rel = next((t for t in reversed(list(window)) if t.lower_ in ("which", "that")), None)
    if rel is None:
        return []
    for t in reversed(list(tok.doc[sent.start:rel.i])):
        if ix.mention(t, ("agreement",)) is not None or t.lemma_.lower() in P.AGREEMENT_NOUNS:
            m = ix.mention(t, ("agreement",))
            if m is not None:
                span = ix.sp.char_span(m.start, m.end, alignment_mode="expand")
                return [span.root] if span is not None else [t]
            return [t]
    return []


def _in_force(tok: Token, ix: Index) -> list[_Draft]:
    low = tok.lower_
    if low == "force" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ in ("since", "from") \
            and tok.i > 0 and tok.nbor(-1).lower_ == "in":
        return _in_force_since(tok, ix)
    if low in ("force", "effect") and tok.dep_ == "pobj" and tok.head.lower_ in ("into", "in"):
        verb = tok.head.head
        if verb.lemma_.lower() not in P.FORCE_VERBS:
            return []
        slots = P.children(verb, ("nsubj", "nsubjpass") if verb.lemma_.lower() in ("enter", "come", "go")
                           else ("dobj", "nsubjpass"))
        named = next(((s, n) for s in slots for n in [_agreement_name(s, ix)] if n), None)
        if named is None:
            return []
        d = _Draft("agreement_in_force", verb, name=named[1])
        # "the Preferential Trade Agreement between A and B entered into force": its parties
        d.add(*_agreement_parties(named[0], ix), *_countries_named_in(named[1]))
        return [d]
    if low == "effect" and tok.dep_ == "dobj" and tok.head.lemma_.lower() == "take":
        verb = tok.head
        name = next((n for n in (_agreement_name(s, ix) for s in P.children(verb, ("nsubj",))) if n), None)
        return [_Draft("agreement_in_force", verb, name=name)] if name else []
    if tok.lemma_.lower() == "ratify" and tok.pos_ == "VERB":
        # "In May 1995, Moldova ratified the Prut Treaty": in force for the state that ratified it
        objs = P.children(tok, ("dobj", "nsubjpass"))
        name = next((n for n in (_agreement_name(o, ix) for o in objs) if n), None)
        if not name:
            return []
        d = _Draft("agreement_in_force", tok, name=name)
        ratifiers = P.children(tok, ("nsubj",)) if not P.children(tok, ("nsubjpass",)) else P.pobjs(tok, {"by"})
        d.add(*_subject_states(tok, ix) if not P.children(tok, ("nsubjpass",)) else
              [n for o in ratifiers for n in ix.refers(o, ("country",))])
        # "Moldova's parliament ratified ...", "the Moldovan parliament", "the Milli Majlis, Azerbaijan's
        # parliament,": the state of the body that ratified it
        ratifiers += [a for r in ratifiers for a in r.children if a.dep_ == "appos"]
        d.add(*[n for r in ratifiers if r.lemma_.lower() in _LEGISLATURES for c in r.children
                if c.dep_ in ("poss", "amod", "compound")
                for n in ix.refers(c, ("country",)) or [state_named(c.text)] if n])
        # ("the Grand National Assembly of Türkiye ratified ...": the state its name ends with)
        d.add(*[n for r in ratifiers if r.lemma_.lower() in _LEGISLATURES for o in P.pobjs(r, {"of"})
                for n in ix.refers(o, ("country",)) or [state_named(o.text)] if n])
        # "... ratified the agreement on defence with Romania": the other party
        d.add(*[n for o in objs for n in _agreement_parties(o, ix)])
        return [d]
    if low == "effective" and any(c.dep_ == "prep" and c.lower_ in ("since", "from", "as", "on")
                                  for c in tok.children):
        head = tok.head
        if tok.dep_ in ("acomp", "oprd"):
            subj = P.children(head, ("nsubj",))
            head = subj[0] if subj else head
        name = _agreement_name(head, ix)
        return [_Draft("agreement_in_force", tok, name=name)] if name else []
    return []


def _in_force_since(tok: Token, ix: Index) -> list[_Draft]:
    """"The agreement, in force since 1 March 2021, ...", "the treaty has been in force since 2004": it
    entered into force at the time "since" gives."""
    start = tok.nbor().idx + len(tok.nbor().text)
    when = [a for a in ix.sentence_times(tok.sent) if 0 <= a.time.start - start <= 1]
    if not when:
        return []
    # the agreement the phrase is said of: the subject of "has been in force", or the noun it describes
    heads = list(tok.ancestors)
    subject = [s for h in heads for s in P.children(h, ("nsubj", "nsubjpass")) if h.lemma_ == "be"][:1]
    named = next(((t, n) for t in subject + heads for n in [_agreement_name(t, ix)] if n), None)
    if not named:
        return []
    d = _Draft("agreement_in_force", tok, name=named[1], time=when[0].time, own_time_only=True)
    d.add(*_agreement_parties(named[0], ix), *_countries_named_in(named[1]))
    return [d]


_LEGISLATURES = {"parliament", "legislature", "assembly", "senate", "congress", "government", "cabinet", "duma",
                 "majlis", "milli", "rada", "sejm", "bundestag"}


def _recognition(tok: Token, ix: Index) -> list[_Draft]:
    lemma = tok.lemma_.lower()
    if lemma in P.RECOGNIZE_VERBS and tok.pos_ == "VERB":
        recognizers = _recognizer(tok, ix)
        passive = P.children(tok, ("nsubjpass",))
        objs = P.children(tok, ("dobj",)) + passive
        if passive:
            recognizers = _agents(tok, ix, deps=(), preps=("by",))
        recognized = [n for o in objs for c in P.conjuncts(o) for n in _recognized(c, ix, recognizers)]
        if recognized:
            d = _Draft("recognition", tok)
            d.add(*recognizers, *recognized)
            return [d]
    elif lemma == "recognition" and tok.pos_ == "NOUN":
        recognized = [n for o in P.pobjs(tok, {"of"}) for n in _recognized(o, ix, [])]
        if recognized:
            d = _Draft("recognition", tok)
            d.add(*_agents(tok, ix, deps=("poss",), preps=("by",)))
            if not d.participants and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _GRANT_VERBS:
                # "Turkey ..., instead offering mere recognition of Armenia's independence"
                d.add(*[n for s in P.subject_of(tok.head) for n in ix.refers(s, ("country", "organization"))])
            d.add(*recognized)
            return [d]
    return []


_GRANT_VERBS = {"offer", "grant", "extend", "give", "accord", "announce", "declare"}


def _recognizer(tok: Token, ix: Index) -> list[str]:
    """Who recognises: the subject, or for "X was the first country to recognize" the copula's subject."""
    if tok.dep_ in ("relcl", "acl") and tok.head.dep_ == "attr":
        subj = P.children(tok.head.head, ("nsubj",))
        return [n for s in subj for n in ix.refers(s)]
    return [n for s in P.subject_of(tok) for n in ix.refers(s)]


def _recognized(tok: Token, ix: Index, recognizers: list[str]) -> list[str]:
    if tok.lower_ in ("it", "them"):
        # "After Azerbaijan became independent, Turkey recognised it": the state named before, not the one
        # recognising
        m = ix.last_before(tok.idx, ("country",), same_paragraph=False, exclude=set(recognizers))
        return [ix.name(m)] if m else []
    names = ix.refers(tok, ("country",))
    if names:
        return names
    if tok.lemma_.lower() in ("independence", "sovereignty", "state", "statehood", "government", "republic"):
        for c in tok.children:
            if c.dep_ == "poss":
                if c.lower_ in ("its", "their"):
                    m = ix.last_before(c.idx, ("country",), same_paragraph=False, exclude=set(recognizers))
                    return [ix.name(m)] if m else []
                return ix.refers(c, ("country",))
        return [n for o in P.pobjs(tok, {"of"}) for n in ix.refers(o, ("country",))]
    return []


def _diplomatic(tok: Token, ix: Index) -> list[_Draft]:
    lemma = tok.lemma_.lower()
    anchor = None
    if lemma in ("relation", "tie") and any(c.lower_ == "diplomatic" for c in tok.children):
        h = tok.head
        if tok.dep_ in ("dobj", "nsubjpass") and h.lemma_.lower() in P.ESTABLISH_VERBS:
            anchor = h
        elif tok.dep_ == "pobj" and h.lower_ == "of" and h.head.lemma_.lower() in P.ESTABLISH_NOUNS:
            anchor = h.head
        elif tok.dep_ == "pobj" and h.lower_ == "of" and h.head.lower_ == "establishing":
            anchor = h.head
        elif tok.dep_ == "dobj" and h.lemma_.lower() in ("have", "maintain", "enjoy") and _since_times([h], ix):
            anchor = h   # "have maintained diplomatic relations since 1991": established then
    elif lemma in P.EMBASSY_NOUNS:
        h = tok.head
        if tok.dep_ in ("dobj", "nsubjpass") and h.lemma_.lower() in P.EMBASSY_VERBS:
            anchor = h
        elif tok.dep_ == "pobj" and h.lower_ in ("into", "to", "of"):
            g = h.head
            if g.lemma_.lower() in P.EMBASSY_VERBS | P.EMBASSY_CHANGE_NOUNS:
                anchor = g
    if anchor is None:
        return []
    d = _Draft("diplomatic_relations", anchor)
    names = [ix.name(m) for m in ix.mentions_in(anchor.left_edge.idx, anchor.right_edge.idx + 1, ("country",))]
    d.add(*names)
    d.add(*_agents(anchor, ix, preps=("with", "between")))
    d.add(*_agents(tok, ix, deps=(), preps=("between", "with")))
    if not d.participants and anchor.pos_ == "VERB":
        # "A and B established relations in 1991 and opened embassies in 1992": the coordinated subject
        d.add(*[n for s in P.subject_of(anchor) for n in ix.refers(s, ("country",))])
    if any(ix.is_pair_phrase(t) for t in anchor.sent):
        d.add(*ix.pair)
    if not d.participants:
        # "Diplomatic relations were established on 17 July 1992." on a page titled "Armenia–Georgia
        # relations": the two states the title pairs, when the sentence names no other state ("Georgia
        # recognised Armenia on ..., and diplomatic relations were established on ...")
        pair = _title_pair(ix.ctx.doc.title)
        named = {ix.name(m) for m in ix.mentions_in(anchor.sent.start_char, anchor.sent.end_char, ("country",))}
        if named <= set(pair):
            d.add(*pair)
    d.place = _place(anchor, ix) or next(
        (ix.name(m) for m in ix.mentions_in(anchor.left_edge.idx, anchor.right_edge.idx + 1, ("place",))), None)
    return [d]


def _title_pair(title: str | None) -> list[str]:
    """The two states a title names as a pair of relations ("Armenia–Georgia relations", "Azerbaijan and
    Turkey: ties"), else none."""
    if not title or not re.search(r"\b(?:relations|ties)\b", title, re.I):
        return []
    gaz = gazetteer.load()
    states = list(dict.fromkeys(e.canonical for _, _, e in gaz.find(title)
                                if e.type == "country" and e.form in ("name", "acronym")))
    return states if len(states) == 2 else []


def _independence(tok: Token, ix: Index) -> list[_Draft]:
    lemma = tok.lemma_.lower()
    if lemma == "independence" and tok.pos_ in ("NOUN", "PROPN"):
        h = tok.head
        dated = [o for o in P.pobjs(tok, {"in", "on"}) if _is_time_word(o)]
        if dated and tok.dep_ != "dobj":
            # "since its independence in 1991", "Azerbaijan's independence on 18 October 1991"
            countries = [n for c in P.children(tok, ("poss",)) for n in ix.refers(c, ("country",))]
            if not countries and tok.dep_ == "pobj" and h.lower_ in ("since", "after", "following", "upon") \
                    and not P.children(tok, ("poss",)):
                # "Since independence in 1991, Moldova has been neutral": the state the clause is about
                clause = h.head
                countries = [n for sb in P.children(clause, ("nsubj", "nsubjpass"))
                             for n in ix.refers(sb, ("country",))][:1]
            if countries:
                d = _Draft("independence", tok, own_time_only=True)
                d.add(*countries)
                return [d]
        if tok.dep_ == "dobj" and h.lemma_.lower() in P.INDEPENDENCE_VERBS:
            countries = [n for s in P.subject_of(h) for n in ix.refers(s, ("country",))]
            # "the government of the Azerbaijan Democratic Republic, which had declared independence": its state
            countries = countries or [n for s in P.subject_of(h) if s.lemma_.lower() in _STATE_VOICES
                                      for o in P.pobjs(s, {"of"}) for n in ix.refers(o, ("country",))]
            if not countries and h.lemma_.lower() in ("declare", "proclaim") and not P.is_hypothetical(h):
                # "Transnistria, a breakaway region, declared independence in 1990": a region declares it too
                countries = [ix.name(m) for s in P.subject_of(h) for m in ix.phrase_mentions(s, ("place",))
                             if m.form != "capital"][:1]
            if countries:
                d = _Draft("independence", h)
                d.add(*countries)
                return [d]
        if tok.dep_ == "pobj" and h.lower_ == "of" and h.head.lemma_.lower() in (
                "declaration", "proclamation", "restoration"):
            noun = h.head
            countries = [n for c in P.children(noun, ("poss",)) for n in ix.refers(c, ("country",))]
            countries += _agents(noun, ix, deps=(), preps=("by",))
            if countries:
                d = _Draft("independence", noun)
                d.add(*countries)
                return [d]
    if lemma in P.STATE_PROCLAIM_VERBS and tok.pos_ == "VERB":
        subj = P.children(tok, ("nsubjpass",))
        if subj and subj[0].lower_ == "it":
            # "recognized Moldova's independence on the day it was declared": "it" is the independence
            told = [t for t in tok.sent if t.i < tok.i and t.lemma_.lower() == "independence"]
            states = [n for t in told[-1:] for c in P.children(t, ("poss",)) for n in ix.refers(c, ("country",))]
            if not states:
                return []
            d = _Draft("independence", tok)
            d.add(*states)
            return [d]
        states = [n for s in subj for n in ix.refers(s, ("country",))]
        if states:
            d = _Draft("independence", tok)
            d.add(*states)
            return [d]
    emerging = tok.head.head.head   # "the birth of the independent states of ..."
    if lemma == "independent" and tok.dep_ == "amod" and tok.head.lemma_.lower() in ("state", "republic", "country") \
            and tok.head.tag_ == "NNS" and tok.head.dep_ == "pobj" and emerging.lemma_.lower() in (
                "emergence", "birth", "creation", "rise", "appearance"):
        # "once the union broke up in 1991 came the rise of the new states of A, B and C":
        # each became independent then (dated by the sentence)
        states = [n for o in P.pobjs(tok.head, {"of"}) for n in ix.refers(o, ("country",))]
        out = []
        for n in dict.fromkeys(states):
            d = _Draft("independence", emerging)
            d.add(n)
            out.append(d)
        return out
    if lemma == "independent" and tok.dep_ == "acomp" and tok.head.lemma_.lower() == "become":
        countries = [n for s in P.children(tok.head, ("nsubj",)) for n in ix.refers(s, ("country",))]
        if countries:
            d = _Draft("independence", tok.head)
            d.add(*countries)
            return [d]
    return []


def _visit(tok: Token, ix: Index) -> list[_Draft]:
    lemma = tok.lemma_.lower()
    # ("A delegation led by Speaker X arrived in Baku", "visited": who leads the delegation)
    if lemma in P.VISIT_VERBS and tok.pos_ == "VERB" and tok.dep_ != "amod":
        who = [n for s in P.subject_of(tok) for n in ix.refers(s) or _delegation_head(s, ix)]
        where = [ix.name(m) for o in P.children(tok, ("dobj",)) for m in ix.phrase_mentions(o, ("place", "country"))]
        out = []
        # "after visiting Turkiye and Iran": a visit to each (before the one the clause dates: only a time
        # in its own phrase dates it)
        earlier = tok.dep_ == "pcomp" and tok.head.lower_ in ("after", "before", "following")
        for place in list(dict.fromkeys(where))[:4]:
            d = _Draft("visit", tok, place=place, own_time_only=earlier)
            d.add(*[w for w in who if w not in where])
            out.append(d)
        return out if who else []
    elif lemma in P.VISIT_NOUNS and tok.pos_ == "NOUN":
        if any(c.dep_ == "det" and c.lower_ in P.ANAPHORIC_DETS for c in tok.children):
            return []
        if tok.dep_ in ("appos", "npadvmod") and tok.head.lemma_.lower() in (
                P.VISIT_NOUNS | P.VISIT_VERBS | P.ARRIVE_VERBS | P.TRAVEL_VERBS):
            return []   # "arrived for a state visit, his third trip to Romania this year": the same visit
        who = [n for c in tok.children if c.dep_ in ("poss", "compound") for n in ix.refers(c, ("person", "country",
                                                                                               "organization"))]
        who += _agents(tok, ix, deps=(), preps=("by", "of"))
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in P.HOLD_VERBS:
            who += [n for s in P.subject_of(tok.head) for n in ix.refers(s)]
        if tok.dep_ == "conj" and tok.head.pos_ == "NOUN":
            who += [n for c in tok.head.children if c.dep_ == "poss" for n in ix.refers(c)]
        if not who and tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.lemma_.lower() in (
                "be", "embark", "go", "arrive", "set"):
            # "X is on a two-day official visit to Romania", "X embarked on a tour of the region": the traveller
            who += [n for s in P.subject_of(tok.head.head) for n in ix.refers(s, ("person",))]
        if not who and tok.dep_ == "pobj" and tok.head.lower_ in ("during", "on") and tok.head.head.pos_ == "VERB":
            # "During a trip to Bucharest on 5 May, X met Y": the traveller is who acts in the clause
            who += [n for s in P.subject_of(tok.head.head) for n in ix.refers(s, ("person",))]
        where = [ix.name(m) for o in P.pobjs(tok, {"to", "in"}) for m in ix.phrase_mentions(o, ("place", "country"))]
        if not where:
            # "paid the opening visit of her second term to Moldova"
            heads = [tok] + ([tok.head] if tok.dep_ == "dobj" else [])
            where = [ix.name(m) for h in heads for t in h.subtree if t.dep_ == "prep" and t.lower_ == "to"
                     and t.head.dep_ not in ("relcl", "acl") for o in t.children if o.dep_ == "pobj"
                     for m in ix.phrase_mentions(o, ("place", "country"))][:1]
        if lemma == "tour" and not where:
            where = [ix.name(m) for o in P.pobjs(tok, {"of"}) for m in ix.phrase_mentions(o, ("place", "country"))]
        listed = _dated_list(tok, ix)
        if listed and where:
            # "trips to the Balkans, like Polish President X (May 2022), Dutch Premier Y (October
            # 2023)": a visit by each, dated by its parenthesis
            out = []
            for person, when in listed:
                d = _Draft("visit", tok, place=where[0], time=when, own_time_only=True)
                d.add(person)
                out.append(d)
            return out
        if who and (where or lemma == "visit"):
            d = _Draft("visit", tok, place=where[0] if where else None, plural=tok.tag_ == "NNS")
            d.add(*[w for w in who if w not in where])
            if tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.lemma_ == "be" \
                    and tok.head.head.tag_ in ("VBZ", "VBP") and not ix.sentence_times(tok.sent):
                d.time = ix.report_day   # "X is on a visit to Y" in a dated report: under way that day
            return [d]
    elif (lemma in P.TRAVEL_VERBS and tok.pos_ == "VERB") or (lemma in P.STAY_VERBS and _scheduled_stay(tok, ix)):
        preps = {"to"} if lemma in P.TRAVEL_VERBS else {"in"}
        where = [ix.name(m) for o in P.pobjs(tok, preps) for m in ix.phrase_mentions(o, ("place", "country"))]
        who = [n for s in P.subject_of(tok) for n in ix.refers(s, ("person",)) or _delegation_head(s, ix)]
        if who and where:
            d = _Draft("visit", tok, place=where[0])
            d.add(*who)
            return [d]
    elif lemma in P.ARRIVE_VERBS and tok.pos_ == "VERB":
        where = [ix.name(m) for o in P.pobjs(tok, {"in", "at"}) for m in ix.phrase_mentions(o, ("place", "country"))]
        who = [n for s in P.subject_of(tok) for n in ix.refers(s, ("person", "organization"))
               or _delegation_head(s, ix)]
        if who and where:
            d = _Draft("visit", tok, place=where[0])
            d.add(*who)
            return [d]
    return []


def _dated_list(tok: Token, ix: Index, types: tuple[str, ...] = ("person",)) -> list[tuple[str, TimeExpr]]:
    """People (or ``types``) listed after ``tok`` in its sentence, each followed by a date in brackets
    ("X (June 2023), Y (November 2023)")."""
    sent = tok.sent
    out = []
    for m in ix.mentions_in(tok.idx, sent.end_char, types):
        if m.form not in ("name", "acronym"):
            continue
        bracket = re.match(r"\s*\(([^()]{3,40})\)", ix.text[m.end:sent.end_char])
        if not bracket:
            continue
        inside = ix.ctx.times_in(m.end + bracket.start(1), m.end + bracket.end(1))
        if inside:
            out.append((ix.name(m), inside[0]))
    return out if len(out) >= 2 else []


def _scheduled_stay(tok: Token, ix: Index) -> bool:
    """A person's stay stated as a dated plan or fact ("will be in Baku tomorrow", "stopped in Ankara")
    rather than a state ("is in talks"): a future auxiliary or a time expression on the verb."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in ("ROOT", "conj", "ccomp"):
        return False
    future = any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in tok.children)
    dated = ix.time_of(tok) is not None
    return (future or tok.lemma_.lower() != "be") and (dated or tok.lemma_.lower() != "be")


def _meeting(tok: Token, ix: Index) -> list[_Draft]:
    lemma, low = tok.lemma_.lower(), tok.lower_
    if lemma in P.MEET_VERBS and tok.pos_ == "VERB":
        dobjs = P.children(tok, ("dobj",))
        if dobjs and all(o.lemma_.lower() in P.NOT_MET for o in dobjs):
            return []   # "met the demands"
        # "(lately, the October 2023 Vestra Forum)": an occasion, not someone met
        # nor "met in X on Saturday, their first gathering there": the meeting itself, in apposition
        objs = [o for o in dobjs if o.lemma_.lower() not in P.NOT_MET | P.MEETING_NOUNS | {"gathering"}
                and not _parenthetical(tok, o) and not any(_is_time_word(c) for c in o.children)]
        others = [n for o in objs for c in P.conjuncts(o) for n in ix.refers(c) or _delegation_head(c, ix)]
        others += _agents(tok, ix, deps=(), preps=("with",))
        others += [n for o in P.pobjs(tok, {"with"}) for n in _delegation_head(o, ix)]
        if not others and not objs:
            # "A and B have met": a meeting among the subjects
            # ("The foreign ministers of A and B, X and Y, met": the names in apposition)
            subjects = [n for s in P.subject_of(tok) for n in [
                ix.name(m) for a in P.children(s, ("appos",)) for m in ix.phrase_mentions(a, ("person",))]
                or _titled_within(s, ix) or ix.refers(s, ("person", "country"))]
            others = subjects if len(set(subjects)) >= 2 else []
            if not others and not P.pobjs(tok, {"with"}):
                # "The UN Security Council met on Tuesday", "NATO leaders met in Brussels on 14 June": a body
                # (or its leaders) meeting on a day the sentence gives
                bodies = [ix.name(m) for s in P.subject_of(tok) for m in [_body_or_its_people(s, ix)] if m is not None]
                dated = any(P.dep_distance(tok, a.token) <= 2 for a in ix.sentence_times(tok.sent))
                if bodies and dated:
                    d = _Draft("meeting", tok, place=_place(tok, ix))
                    d.add(*bodies)
                    return [d]
        if not others:
            return []
        d = _Draft("meeting", tok, place=_place(tok, ix))
        d.add(*[n for s in P.subject_of(tok) for n in ix.refers(s)], *others)
        return [d]
    phones = [o for o in P.pobjs(tok, {"by", "on", "over", "via"}) if o.lemma_.lower() in P.CALL_MODIFIERS]
    if lemma in P.TALK_VERBS and tok.pos_ == "VERB" and phones:
        # "spoke by phone to X", "talked on the phone with X" (the parser may hang "with X" on the phone)
        others = _agents(tok, ix, deps=(), preps=("to", "with"))
        others += [n for o in phones for n in _agents(o, ix, deps=(), preps=("to", "with"))]
        if not others:
            # "A and B spoke by phone": the callers are the coordinated subject
            callers = list(dict.fromkeys(_subject_states(tok, ix) + [
                n for sub in P.subject_of(tok) for c in P.conjuncts(sub) for n in ix.refers(c, ("person",))]))
            others = callers if len(callers) >= 2 else []
        return [_call(tok, ix, others)] if others else []
    if lemma in P.PHONE_VERBS and tok.pos_ == "VERB" and not P.children(tok, ("oprd", "ccomp")) and (
            lemma != "call" or P.pobjs(tok, {"by", "on", "over", "via"}) == []):
        others = [n for o in P.children(tok, ("dobj",)) for c in P.conjuncts(o) for n in ix.refers(c, ("person",))]
        return [_call(tok, ix, others)] if others else []
    if low in ("hosting", "receiving", "welcoming") and tok.i == tok.sent.start:
        # "Hosting A and B at the palace, she proposed ...": the tagger often takes the sentence-initial
        # participle for a name; read the phrase up to its comma (where the parser may end the sentence)
        doc = tok.doc
        comma = next((t for t in doc[tok.i + 1:tok.i + 40] if t.text == ","), None)
        if comma is None:
            return []
        guests = [ix.name(m) for m in ix.mentions_in(tok.idx, comma.idx, ("person",))]
        if not guests:
            return []
        main = [t for t in doc[comma.i + 1:comma.i + 8] if t.dep_ == "nsubj"]
        if main and main[0].lower_ in ("he", "she"):
            # the pronoun points before the phrase, never at the guests it names
            m = ix.last_before(tok.idx, ("person",), same_paragraph=False)
            hosts = [ix.name(m)] if m is not None else []
        else:
            hosts = [n for t in main[:1] for n in ix.refers(t, ("person", "country"))]
        d = _Draft("meeting", tok)
        d.add(*hosts, *guests)
        place = next((ix.name(m) for m in ix.mentions_in(tok.idx, comma.idx, ("place", "organization", "country"))
                      if re.search(r"\b(?:at|in)\s+(?:the\s+)?$", ix.text[max(0, m.start - 8):m.start])), None)
        d.place = place
        return [d]
    if lemma in P.HOST_VERBS and tok.pos_ == "VERB":
        # only people are hosted or received in a meeting ("received support", "hosted a summit" are not)
        guests = [n for o in P.children(tok, ("dobj",)) for c in P.conjuncts(o)
                  for n in ix.refers(c, ("person",)) or _delegation_head(c, ix)]
        hosts = [n for s in P.subject_of(tok) for n in ix.refers(s)]
        if P.children(tok, ("auxpass",)):
            # "X was received by Prime Minister Y": the one received is the guest, the one after "by" the host
            guests = [n for s in P.subject_of(tok) for n in ix.refers(s, ("person",))]
            hosts = [n for o in P.pobjs(tok, {"by"}) for c in P.conjuncts(o) for n in ix.refers(c, ("person",))]
            guests = guests if hosts else []
        if not guests or P.is_hypothetical(tok):
            return []
        d = _Draft("meeting", tok, place=_place(tok, ix))
        d.add(*hosts, *guests)
        return [d]
    if tok.pos_ not in ("NOUN", "PROPN") and not (tok.pos_ == "ADJ" and low == "roundtable") or not (
            lemma in _MEETING_WORDS or low in _MEETING_WORDS):   # cheap test first: runs on every noun
        return []   # (the tagger reads "roundtable" as an adjective)
    named = ix.mention(tok, ("event",))
    is_call = lemma in P.CALL_NOUNS and any(c.lower_ in P.CALL_MODIFIERS for c in tok.children)
    if lemma == "talk" and low != "talks":
        return []   # "fighting talk": rhetoric; meetings are "talks"
    if lemma == "talk" and any(c.lower_ in _PROCESS_TALKS for c in tok.children if c.dep_ in ("compound", "amod")):
        return []   # "EU accession talks": a process of years, not a meeting
    if not (lemma in P.MEETING_NOUNS or low in P.MEETING_NOUNS or is_call
            or (named is not None and (lemma in P.NAMED_ONLY_MEETING_NOUNS or low in P.NAMED_ONLY_MEETING_NOUNS))):
        return []
    if named is not None and _event_kind(named.text) not in (None, "meeting"):
        return []
    if named is not None and len(named.text.split()) == 1 and named.text.casefold() in P.NAMED_ONLY_MEETING_NOUNS:
        return []   # "our Week in Review": a bare "Week" names no event
    if tok.dep_ == "compound" and named is None:
        return []   # "the Summit Declaration": the summit only qualifies something else
    if named is None and ix.mention(tok, ("organization",)) is not None:
        return []   # "the Conference on Interaction ... in Asia", "the US Congress": a body's name
    if lemma == "congress" and named is None and any(
            ix.mention(c, ("country",)) is not None for c in tok.children if c.dep_ in ("compound", "amod", "poss")):
        return []   # "the US Congress": a legislature
    if tok.tag_ == "NNS" and named is None and lemma != "talk":
        # "Forums ... have been hosted by Romania (May 2022) and Hungary (June 2022)": one each
        listed = _dated_list(tok, ix, ("country", "organization"))
        if listed:
            out = []
            for host, when in listed:
                d = _Draft("meeting", tok, time=when, own_time_only=True)
                d.add(host)
                out.append(d)
            return out
    # "EU accession talks" name a process, not a meeting: talks are named only by a known event
    name = ix.name(named) if named is not None else (None if lemma == "talk" else _event_name(tok, ix))
    d = _Draft("meeting", tok, name=name, plural=tok.tag_ == "NNS" and lemma != "talk" and not named)
    if any(c.dep_ == "det" and c.lower_ in P.ANAPHORIC_DETS for c in tok.children) and not name:
        return []
    _noun_event_args(tok, ix, d)
    return [d]


_MEETING_WORDS = P.MEETING_NOUNS | P.CALL_NOUNS | P.NAMED_ONLY_MEETING_NOUNS


def _titled_within(tok: Token, ix: Index) -> list[str]:
    """"the then head of the Moldovan Border Police Colonel Ion Rusu": the person a title phrase ends
    with, when the parser hung the name deep inside it."""
    if tok.lemma_.lower() not in P.TITLE_CORE:
        return []
    named = [m for m in ix.mentions_in(tok.idx, tok.right_edge.idx + len(tok.right_edge.text), ("person",))
             if m.form in ("name", "acronym")]
    return [ix.name(named[-1])] if named else []


def _delegation_head(tok: Token, ix: Index) -> list[str]:
    """"a Turkish delegation headed by Vice President X": the person who leads the party met."""
    if tok.lemma_.lower() not in ("delegation", "team", "mission", "group", "party"):
        return []
    return [n for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in ("head", "lead")
            for o in P.pobjs(c, {"by"}) for n in ix.refers(o, ("person",))]


def _parenthetical(head: Token, tok: Token) -> bool:
    """Whether ``tok`` sits inside brackets opened after ``head``."""
    lo, hi = sorted((head.i, tok.i))
    depth = 0
    for t in head.doc[lo + 1:hi]:
        depth += t.text == "(" or t.text == "["
        depth -= (t.text == ")" or t.text == "]") and depth > 0
    return depth > 0 and tok.i > head.i


def _call(tok: Token, ix: Index, others: list[str]) -> _Draft:
    d = _Draft("meeting", tok)
    d.add(*[n for s in P.subject_of(tok) for n in ix.refers(s)], *others)
    return d


def _named_or_referred(tok: Token, ix: Index) -> list[str]:
    """The name a token is, else what it refers to (without the conjuncts ``refers`` adds)."""
    m = ix.mention(tok)
    return [ix.name(m)] if m is not None else ix.refers(tok)


def _noun_event_args(tok: Token, ix: Index, d: _Draft) -> None:
    """Participants and place of an event named by a noun ("the summit of A, B and C in Baku")."""
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod"):
            d.add(*ix.refers(c))
    d.add(*_agents(tok, ix, deps=(), preps=("of", "between", "with", "among", "by")))
    for c in tok.children:
        if c.dep_ == "acl" and c.lemma_.lower() in ("hold", "conduct", "organise", "organize", "host", "stage"):
            # "expert talks held in Moldova between the two parties"
            d.add(*_agents(c, ix, deps=(), preps=("between", "with", "among")))
            d.place = d.place or _place(c, ix, heads_too=False)
    for o in P.pobjs(tok, {"of"}):
        if o.lemma_.lower() in _SENT_BY_BODY or o.lower_.rstrip("s") in _SENT_BY_BODY:
            # "a session of defence ministers of the GUAM": the body whose ministers meet
            d.add(*[n for x in P.pobjs(o, {"of"}) for n in ix.refers(x, ("country", "organization"))])
    for c in tok.children:
        if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in ("attend", "join") and P.children(c, ("auxpass",)) \
                or c.dep_ == "acl" and c.lemma_.lower() == "attend" and c.tag_ == "VBN":
            # "the meeting, which was attended by A, B and C", "a summit attended by A and B"
            d.add(*[n for o in P.pobjs(c, {"by"}) for k in P.conjuncts(o) for n in ix.refers(k)])
    h = tok.head
    # ("had a phone conversation with X", "had talks with X": one has a meeting as one holds it)
    if tok.dep_ == "dobj" and (h.lemma_.lower() in P.HOLD_VERBS or h.lemma_.lower() == "have"
                               and tok.lemma_.lower() in P.MEETING_NOUNS | P.CALL_NOUNS):
        # (a subject named is itself: subject_of already gave its conjuncts, "A and B held talks", and left
        # out those a singular relative clause does not tell of, "of A and B, which held its summit")
        for s in P.subject_of(h):
            m = ix.mention(s, ("place",))
            capital = gazetteer.load().lookup(m.text) if m is not None and h.lemma_.lower() == "host" else None
            if capital is not None and capital.form == "capital":
                # "Budapest hosted a summit": held in the city, by its state
                d.add(capital.canonical)
                d.place = d.place or ix.name(m)
            else:
                d.add(*_named_or_referred(s, ix))
    if tok.dep_ == "pobj" and h.lower_ == "of" and h.head.lemma_.lower() in _ROUNDS and h.head.dep_ == "dobj" \
            and h.head.head.lemma_.lower() in P.HOLD_VERBS:
        # "A and B held the sixth round of talks in Brussels": who holds the round holds the talks
        d.add(*[n for s in P.subject_of(h.head.head) for n in ix.refers(s)])
        d.place = d.place or _place(h.head.head, ix, heads_too=False)
    if tok.dep_ == "pobj" and h.lower_ == "for" and h.head.lemma_.lower() in P.TRAVEL_VERBS | P.ARRIVE_VERBS | (
            P.STAY_VERBS):
        # "X travelled to Baku for a summit with Y", "X was in Ankara for talks with Y": the traveller takes part
        d.add(*[n for s in P.subject_of(h.head) for n in ix.refers(s)])
    if tok.dep_ == "pobj" and h.lower_ == "in" and h.head.lemma_ == "be" and tok.lemma_.lower() == "talk" \
            and P.pobjs(tok, {"with"}):
        # "Bucharest is in talks with Kyiv": the subject talks with them
        d.add(*[n for s in P.subject_of(h.head) for n in ix.refers(s)])
    if tok.dep_ == "pobj" and h.lower_ in ("in", "during", "at", "on", "after", "following") \
            and h.head.pos_ == "VERB" and P.pobjs(tok, {"with"}) and h.head.lemma_.lower() not in _TAKING_PART:
        # "X discussed the border in a phone call with Y": who speaks with Y takes part ("X said after talks
        # with his counterpart Y": who tells of the talks held them)
        d.add(*[n for s in P.subject_of(h.head) for n in ix.refers(s)])
    if tok.dep_ == "pobj" and h.head.lemma_.lower() in _TAKING_PART:
        # "X participated in the summit alongside Y", "his participation in a summit with Y"
        g = h.head
        takers = P.children(g, ("poss",)) if g.pos_ == "NOUN" else P.subject_of(g)
        d.add(*[n for s in takers for n in ix.refers(s)])
        d.add(*_agents(g, ix, deps=(), preps=("with", "alongside")))
    d.place = _place(tok, ix) or d.place or _place_closing_members(tok, ix)
    if d.place is None and tok.dep_ == "appos":
        d.place = _place(tok.head, ix)   # "Teknofest, Türkiye's largest technology festival, was held in Baku"
    if d.place is None:
        # "Baku organized the festival": the host city
        if tok.dep_ == "dobj" and h.lemma_.lower() in ("organize", "organise", "host", "hold", "stage"):
            for s in P.children(h, ("nsubj",)):
                m = ix.mention(s, ("place",))
                if m is not None:
                    d.place = ix.name(m)


_SENT_BY_BODY = P.DELEGATES | P.TITLE_CORE   # "a session of defence ministers of the GUAM"
_ROUNDS = {"round", "series", "session"}   # "a round of talks"
# a body's own units: founding one is no change of the body
_UNIT_NOUNS = {"mission", "office", "branch", "representation", "delegation", "unit", "division", "department",
               "bureau", "centre", "center", "headquarters", "base", "programme", "program", "project", "fund",
               "embassy", "consulate", "committee", "commission", "subsidiary", "chapter"}
_PROCESS_TALKS = {"accession", "membership", "association", "normalization", "normalisation"}
_TAKING_PART = {"participate", "attend", "take", "engage", "join", "participation", "attendance", "presence", "speak",
                "speech", "address", "arrive"}


def _event_kind(text: str) -> str | None:
    """The event type a name's own words say ("... Festival" -> exhibition), if any."""
    words = set(re.findall(r"[a-z]+", text.lower()))
    if words & P.EXHIBITION_NOUNS - {"show"}:
        return "exhibition"
    if words & P.EXERCISE_NOUNS:
        return "military_exercise"
    if "war" in words:
        return "war"
    if words & (P.MEETING_NOUNS | P.NAMED_ONLY_MEETING_NOUNS | {"summit"}):
        return "meeting"
    return None


def _event_name(tok: Token, ix: Index | None = None) -> str | None:
    """A name built from proper-noun modifiers ("Istanbul summit", "Conference on Glaciers") and a
    quoted title after the noun; dates are left out ("the July 2024 SCO summit" -> "SCO summit")."""
    left = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod", "npadvmod")]
    proper = [c for c in left if any(t.pos_ == "PROPN" and t.i != t.sent.start and not _is_time_word(t)
                                     for t in c.subtree)]
    start = tok.i
    if proper:
        start = min(t.i for c in proper for t in c.subtree)
        while start < tok.i and (_is_time_word(tok.doc[start]) or tok.doc[start].is_punct):
            start += 1
    if proper and start > tok.sent.start and re.fullmatch(r"\d+(st|nd|rd|th)", tok.doc[start - 1].lower_) \
            and tok.doc[start - 1].head.i == tok.i:
        start -= 1   # "the 11th Ministerial Meeting": the ordinal tells one session from the next
    end = tok.i + 1
    # "Conference on Glaciers", "Summit of the Organization of Turkic States"
    k = end
    while k + 1 < len(tok.doc) and tok.doc[k].lower_ in ("on", "of", "for") and tok.doc[k].head.i in (tok.i, k - 1):
        j = k + 1
        if tok.doc[j].lower_ == "the":
            j += 1
        if ix is not None and ix.mention(tok.doc[j], ("country", "person")) is not None:
            break   # "the summit of Kazakhstan, Russia and Iran": its members, not its name
        run = j
        while run < len(tok.doc) and (
                (tok.doc[run].text[:1].isupper() and tok.doc[run].pos_ in ("PROPN", "ADJ", "NOUN")
                 and not _is_time_word(tok.doc[run]))   # (not "... on Monday")
                or (run > j and tok.doc[run].lower_ in ("and", "of"))
                # "the High-Level Strategic Cooperation Council": a hyphen inside a capitalised name
                or (run > j and tok.doc[run].text in ("-", "–") and run + 1 < len(tok.doc)
                    and tok.doc[run + 1].text[:1].isupper() and not tok.doc[run].whitespace_)
                or re.fullmatch(r"\d+(st|nd|rd|th)", tok.doc[run].lower_)):
            run += 1
        while run > j and tok.doc[run - 1].lower_ in ("and", "of"):
            run -= 1
        if run == j:
            break
        end = k = run
    name = tok.doc[start:end].text if (start < tok.i or end > tok.i + 1) else None
    quoted = re.fullmatch(r"[“\"«]?([^”\"»“«]+)[”\"»]\s+(?:[a-z][\w-]*\s*)+", name or "")
    if quoted:
        name = quoted.group(1).strip()   # '"Mustafa Kemal Ataturk-2021" joint exercises': the quoted name
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.text in ("«", "\"", "“"):
        close = {"«": "»", "\"": "\"", "“": "”"}[nxt.text]
        rest = tok.doc[nxt.i + 1:min(len(tok.doc), nxt.i + 25)]
        stop = next((t.i for t in rest if t.text == close), None)
        if stop is not None and tok.doc[nxt.i + 1].text[:1].isupper():
            title = tok.doc[nxt.i + 1:stop].text
            name = f"{name or tok.text} «{title}»"
    return name


_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"}


def _is_time_word(t: Token) -> bool:
    return t.ent_type_ in ("DATE", "TIME") or t.lower_ in _MONTHS or (t.like_num and len(t.text) == 4)


def _exercise(tok: Token, ix: Index) -> list[_Draft]:
    lemma = tok.lemma_.lower()
    if lemma not in P.EXERCISE_NOUNS:
        return []
    # (or the name before it: 'the "Mustafa Kemal Atatürk-2023" exercise')
    named = ix.mention(tok, ("event",)) or next((m for c in tok.lefts if c.dep_ in ("compound", "nmod")
                                                  for m in [ix.mention(c, ("event",))] if m is not None), None)
    if tok.pos_ not in ("NOUN", "PROPN") and tok.dep_ not in _NOUN_ROLES and named is None:
        return []   # (the tagger may call "the ... exercise" a verb where the parse or the name make it a noun)
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
    governed = tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in P.EXERCISE_VERBS
    verb = tok.head
    if not governed and named is not None:
        # "held the TurAz Qartalı-2024 air force exercise": the parser may split the name, leaving its first
        # word the verb's object
        span = ix.sp.char_span(named.start, named.end, alignment_mode="expand") or ()
        held = next((t.head for t in span if t.dep_ in ("dobj", "nsubjpass", "ccomp")
                     and t.head.lemma_.lower() in P.EXERCISE_VERBS and t.head.i < span[0].i), None)
        governed, verb = held is not None, held or tok.head
    # "the exercise took place near X on 5-9 June", "the drills began on Monday"
    happened = tok.dep_ == "nsubj" and (tok.head.lemma_.lower() in ("begin", "start", "end", "conclude") or (
        tok.head.lemma_.lower() == "take" and any(c.lower_ == "place" for c in tok.head.children)))
    # "the exercise, codenamed Prut Shield, ...": the name it is given
    given = next((m for c in tok.children if c.dep_ in ("acl", "appos")
                  and c.lower_ in _CALLED for t in c.subtree for m in [ix.mention(t)] if m is not None), None)
    if given is None and tok.i + 3 < len(tok.doc) and tok.doc[tok.i + 1].text == "," \
            and tok.doc[tok.i + 2].lower_ in _CALLED:
        # (the parser may make "codenamed" the sentence's root: read the name where it is written)
        given = ix.mention(tok.doc[tok.i + 3], ("event",))
    called = ix.name(given) if given is not None else None
    if not (named or called or mods & P.EXERCISE_MODIFIERS or governed or happened or tok.tag_ == "NNS"):
        return []
    d = _Draft("military_exercise", tok, name=ix.name(named) if named else called or _event_name(tok, ix),
               plural=tok.tag_ == "NNS")
    year = re.search(r"(?<![\d-])((?:19|20)\d\d)(?:\s+[a-z]+)*$", d.name or "")
    if year and not ix.sentence_times(tok.sent):
        # "the Prut Shield 2023 exercise": a yearly exercise's name says its year
        d.time = TimeExpr(year.group(1), 0, 0, year.group(1))
    _noun_event_args(tok, ix, d)
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("involve", "include", "bring", "gather", "feature"):
        # "the exercise will involve 3,000 troops from A and B", "brought together troops from both countries"
        d.add(*[n for o in P.children(tok.head, ("dobj",)) for f in P.pobjs(o, {"from", "of"})
                for c in P.conjuncts(f) for n in ix.refers(c, ("country",))])
    # "drills near Ungheni": troops train near a place as well as in it
    d.place = d.place or _place(tok, ix, preps=("in", "at", "near"))
    if d.place is None and given is not None:
        # "..., codenamed X, near Y": the parser hangs the place on X or on "codenamed"
        name_tok = ix.sp.char_span(given.start, given.end, alignment_mode="expand").root
        d.place = next((p for h in (name_tok, name_tok.head) if h is name_tok or h.lower_ in _CALLED
                        for p in [_place(h, ix, preps=("in", "at", "near"), heads_too=False)] if p), None)
    if governed:
        d.add(*[n for s in P.subject_of(verb) for n in ix.refers(s)])
        # "Moldova held joint exercises with Romania('s army)": the partner the verb names
        d.add(*[n for o in P.pobjs(verb, {"with"}) for c in P.conjuncts(o)
                for n in ix.refers(c, ("country", "organization")) or [
                    ix.name(m) for k in c.children if k.dep_ == "poss" for m in [ix.mention(k, ("country",))]
                    if m is not None]])
    return [d]


_NOUN_ROLES = {"dobj", "nsubj", "nsubjpass", "pobj", "attr"}
_CALLED = ("codenamed", "code-named", "dubbed", "named", "called")

_INVADE_VERBS = {"invade", "recapture", "retake", "reconquer", "annex", "bomb", "shell"}


def _war(tok: Token, ix: Index) -> list[_Draft]:
    drafts = _war_drafts(tok, ix)
    for d in drafts:
        if d.place is None:
            # "the war between Moldova and Transnistria": a region fought over or breaking away is where
            sides = [o for t in {tok.i: tok, d.anchor.i: d.anchor}.values()
                     for o in P.pobjs(t, ("between", "with", "against"))]
            # ("... and separatists in Transnistria": where a side is)
            d.place = next((ix.name(m) for o in sides for c in P.conjuncts(o) for w in [c, *P.pobjs(c, {"in"})]
                            for m in [ix.mention(w, ("place",))] if m is not None), None)
        if d.place is None:
            # "fought a six-week war over Transnistria": the land fought over
            d.place = next((ix.name(m) for t in {tok.i: tok, d.anchor.i: d.anchor}.values()
                            for o in P.pobjs(t, ("over",)) for m in [ix.mention(o, ("place",))] if m is not None),
                           None)
    return drafts


def _war_drafts(tok: Token, ix: Index) -> list[_Draft]:
    lemma = tok.lemma_.lower()
    if lemma in _INVADE_VERBS and tok.pos_ == "VERB":
        # "In 2021, Moldova retook the contested district", "Romania invaded Vestra in May 1999"
        sides = [n for s in P.subject_of(tok) for n in ix.refers(s, ("country",))]
        if not sides or P.children(tok, ("nsubjpass",)):
            return []
        objs = [c for o in P.children(tok, ("dobj",)) for c in P.conjuncts(o)]
        # "Vestra's invasions of Moldova (1999) and Romania (2003)": one war per invaded state its year follows
        own = {o.i: a.time for o in objs for a in ix.sentence_times(tok.sent)
               if re.fullmatch(r"\s*\(\s*", ix.text[o.idx + len(o.text):a.time.start])}
        if len(objs) > 1 and len(own) == len(objs):
            out = []
            for o in objs:
                d = _Draft("war", tok, time=own[o.i], own_time_only=True)
                d.add(*sides, *[ix.name(m) for m in [ix.mention(o, ("country",))] if m is not None])
                out.append(d)
            return out
        d = _Draft("war", tok)
        d.add(*sides, *[n for o in P.children(tok, ("dobj",)) for n in ix.refers(o, ("country",))])
        return [d]
    if tok.lower_ == "fighting" and tok.dep_ in ("nsubj", "dobj"):
        lemma = "fighting"   # the tagger often reads the gerund as a verb
    elif lemma not in P.WAR_NOUNS or tok.pos_ not in ("NOUN", "PROPN"):
        return []
    named = ix.mention(tok, ("event",))
    if named is not None and _event_kind(named.text) not in (None, "war"):
        return []
    h = tok.head
    started = (tok.dep_ == "nsubj" and h.lemma_.lower() in P.WAR_START_VERBS) or (
        tok.dep_ == "dobj" and h.lemma_.lower() in ("launch", "start", "begin", "wage"))
    # "the war, which started on 14 March": the relative clause says when it started
    began = next((c for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in P.WAR_START_VERBS
                  and any(s.lower_ in ("which", "that") for s in c.children if s.dep_ == "nsubj")), None)
    if began is not None:
        started, h = True, began
    if started:
        d = _Draft("war", h, name=ix.name(named) if named else _event_name(tok, ix))
        # "fighting erupted (anew) between A and B": the sides may hang on the verb or its adverb
        for side in [tok, h, *(c for c in h.children if c.dep_ == "advmod")]:
            d.add(*_agents(side, ix, deps=(), preps=("between", "with", "against")))
        if tok.dep_ == "dobj":   # "Russia launched a war against Georgia": who launched it is a side
            d.add(*_subject_states(h, ix))
        return [d]
    if lemma == "war" and tok.dep_ == "dobj" and h.lemma_.lower() in ("fight", "wage") and h.pos_ == "VERB" \
            and not P.is_hypothetical(h) and not P.habitual(h):
        # "Azerbaijan and Armenia fought a 44-day war in 2020", "Russia waged a war against Georgia"
        d = _Draft("war", h, name=ix.name(named) if named else None)
        d.add(*_subject_states(h, ix))
        for side in (tok, h):
            d.add(*_agents(side, ix, deps=(), preps=("with", "against")))
        # "Transnistria, a breakaway region, fought a war with Moldova", "Moldova and Transnistria fought a
        # war": a region fights one too
        regions = [ix.name(m) for s in P.subject_of(h) for m in ix.phrase_mentions(s, ("place",))
                   if m.form != "capital" and ix.name(m) not in d.participants]
        if d.participants and regions and _subject_states(h, ix):
            d.add(*regions)                       # told with a state
        elif d.participants and regions:
            d.participants.insert(0, regions[0])  # the subject, the other side after "with"
        return [d] if d.participants else []
    if lemma == "war" and tok.dep_ == "dobj" and h.lemma_.lower() in ("enter", "join") and h.pos_ == "VERB" \
            and not _only_spoken_of(tok):
        # "The Vestra kingdom joined the war alongside Hungary in 1916": a state goes to war, the
        # war named just before ("... during World War I") when this one is not
        d = _Draft("war", h, name=ix.name(named) if named else _war_named_before(tok, ix))
        d.add(*[n for sub in P.subject_of(h) for n in ix.refers(sub, ("country",))])
        return [d] if d.participants else []
    outbreak = h.head if tok.dep_ == "pobj" and h.lower_ == "of" and h.head.lemma_.lower() in _OUTBREAK_NOUNS \
        else None
    if (lemma == "war" or named is not None) and outbreak is not None and not _only_spoken_of(outbreak):
        # "the outbreak of open war in Moldova in March 1992": when it began, where it is fought
        sides = [n for c in tok.children if c.dep_ in ("poss", "amod", "compound") for n in ix.refers(c, ("country",))]
        sides += [n for o in P.pobjs(tok, ("between", "with", "against")) for n in ix.refers(o, ("country",))]
        theatre = [ix.name(m) for o in P.pobjs(tok, {"in"}) + P.pobjs(outbreak, {"in"})
                   for m in [ix.mention(o, ("country",))] if m is not None]
        dated = [a for a in ix.sentence_times(tok.sent) if a.token.head.dep_ == "prep"
                 and a.token.head.lower_ in ("in", "on") and a.token.head.head.i in (tok.i, outbreak.i)]
        where = [ix.name(m) for o in P.pobjs(tok, {"in"}) + P.pobjs(outbreak, {"in"})
                 for m in [ix.mention(o, ("place",))] if m is not None]
        d = _Draft("war", outbreak, name=ix.name(named) if named else None, own_time_only=True, standing=True,
                   place=where[0] if where else None)
        d.add(*sides, *theatre[:1])
        return [d] if dated or len(d.participants) >= 2 else []
    if named is not None and named.text.lower().endswith(("war", "conflict")):
        d = _Draft("war", tok, name=ix.name(named), own_time_only=True)
        d.add(*_states_in_name(d.name))   # "the Russo-Ukrainian war" is worth telling undated: it names its sides
        return [d]
    if lemma in ("war", "invasion", "offensive") and any(_is_time_word(t) for c in tok.lefts for t in c.subtree):
        # "the 2020 war", "the May 1999 Vestra–Moldova war", "Vestra's March 2003 invasion of
        # Ukraine": dated by its own words
        d = _Draft("war", tok, name=_event_name(tok, ix) if lemma == "war" else None, own_time_only=True,
                   standing=True)
        d.add(*[n for c in P.children(tok, ("poss",)) for n in ix.refers(c, ("country",))])
        d.add(*_agents(tok, ix, deps=(), preps=("between", "with", "against") + (("of",) if lemma != "war" else ())))
        if d.participants and P.pobjs(tok, {"with", "against"}) and tok.dep_ == "pobj":
            # "X received arms during the 2020 war with Y": the war's other side is the clause's subject
            d.add(*[n for s in P.subject_of(tok) for n in ix.refers(s, ("country",))])
        return [d]
    dated_by = [a for a in ix.sentence_times(tok.sent) if a.token.head.dep_ == "prep"
                and a.token.head.lower_ in ("in", "during") and a.token.head.head.i == tok.i]
    if lemma in ("war", "escalation", "offensive", "clash", "fighting", "hostility", "hostilities") and dated_by \
            and not _only_spoken_of(tok, indefinite_ok=True):
        # "A three-day flare-up in March 2015 became the worst", "the clashes in July": dated by its own
        # phrase (a war of nobody named: the sides may be told elsewhere)
        d = _Draft("war", tok, own_time_only=True, standing=True)
        d.add(*[n for c in tok.children if c.dep_ in ("poss", "amod", "compound") for n in ix.refers(c, ("country",))])
        d.add(*_agents(tok, ix, deps=(), preps=("between", "with", "against")))
        return [d]
    if lemma in ("war", "invasion", "conflict") and tok.tag_ != "NNS" and not _only_spoken_of(tok):
        # "Vestra's invasion of Moldova", "the war between Vestra and Moldova", "Romania's conflict with
        # Armenia": an undated war is worth telling when the text names both its sides
        sides = [n for c in tok.children if c.dep_ in ("poss", "amod", "compound")
                 for n in ix.refers(c, ("country",))]
        # "the Israel-Iran war", "the recent Iran–Israel conflict": two states written as one modifier
        left = ix.text[max(0, tok.idx - 60):tok.idx]
        pair = re.search(r"(\S+)\s?[-–‑]\s?(\S+)\s+$", left)
        if pair:
            base = tok.idx - len(left)
            for m in ix.mentions_in(base + pair.start(), tok.idx, ("country",)):
                sides.append(ix.name(m))
        sides += [n for o in P.pobjs(tok, ("between", "with", "against")) for n in ix.refers(o, ("country",))]
        # the invaded country or the theatre: the object itself, not what the parser strings onto it
        # ("the invasion of Moldova, Georgia looked east")
        own = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "in")
               and (p.lower_ == "in" or lemma == "invasion") for o in p.children if o.dep_ == "pobj"]
        theatre = [ix.name(m) for o in own for m in [ix.mention(o, ("country",))] if m is not None]
        if sides and len(theatre) == 1:
            sides += theatre   # "Russia's war in Ukraine"; not "the wars in Syria and Libya"
        sides = list(dict.fromkeys(sides))
        if len(sides) >= 2:
            d = _Draft("war", tok, name=ix.name(named) if named else None, own_time_only=True, standing=True)
            d.add(*sides)
            return [d]
    return []


_OUTBREAK_NOUNS = {"outbreak", "start", "beginning", "onset", "eruption", "launch"}


def _subject_states(verb: Token, ix: Index) -> list[str]:
    """The states a clause's (coordinated) subject names: "Azerbaijan and Armenia fought ..."."""
    return [n for sub in P.subject_of(verb) for c in P.conjuncts(sub) for n in ix.refers(c, ("country",))]


def _war_named_before(tok: Token, ix: Index, sentences: int = 2) -> str | None:
    """"the war": the war named last in its sentence or the ``sentences`` before it."""
    start = tok.sent.start
    for _ in range(sentences):
        if start > 0:
            start = tok.doc[start - 1].sent.start
    wars = [m for m in ix.mentions_in(tok.doc[start].idx, tok.idx, ("event",))
            if re.search(r"\b[Ww]ar\b", ix.name(m))]
    return ix.name(wars[-1]) if wars else None


_NOT_REAL_WAR = {"proxy", "trade", "price", "information", "cold", "civil", "tug", "bidding", "word", "hybrid",
                 "new", "renewed", "another", "wider", "full", "possible", "potential", "future"}
_HYPOTHESIS_NOUNS = {"possibility", "risk", "threat", "prospect", "fear", "danger", "brink", "spectre", "specter",
                     "chance", "likelihood", "scenario", "readiness", "avoidance"}


def _only_spoken_of(tok: Token, indefinite_ok: bool = False) -> bool:
    """A war only spoken of ("might turn into a proxy war", "the risk of a fresh war", "a war
    between X and Y"), not one that happened or is going on (a dated one may be "a four-day escalation
    in April 2016": ``indefinite_ok``)."""
    dets = ("any", "no") if indefinite_ok else ("a", "an", "any", "no")
    if any(c.dep_ == "det" and c.lower_ in dets for c in tok.children):
        return True
    if any(c.lower_ in _NOT_REAL_WAR for c in tok.children if c.dep_ in ("amod", "compound")):
        return True
    for a in tok.ancestors:
        if a.lemma_.lower() in _HYPOTHESIS_NOUNS:
            return True
        if a.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in ("could", "would", "might", "may")
                                             for c in a.children):
            return True
        if a.dep_ in ("ROOT", "ccomp", "advcl", "relcl"):
            break
    return False


def _works_site(tok: Token, ix: Index) -> Mention | None:
    """A port or terminal named as a place ("the Giurgiulesti port"): built works put into service too."""
    m = ix.mention(tok, ("place",))
    return m if m is not None and m.text.split()[-1].lower() in WORKS_AT else None


# verbs a scheduled opening hangs on ("is expected to open in 2025")
_SCHEDULING_VERBS = {"expect", "schedule", "set", "slate", "due"}


def _opening(tok: Token, ix: Index) -> list[_Draft]:
    lemma, low = tok.lemma_.lower(), tok.lower_
    thing = None
    anchor = tok
    if lemma in P.OPEN_VERBS and tok.pos_ == "VERB":
        slots = P.children(tok, ("dobj", "nsubjpass"))
        if not slots and lemma in ("open", "reopen") and not P.children(tok, ("ccomp", "xcomp", "prt")):
            slots = P.children(tok, ("nsubj",))   # "the railway opened in October 2017": it opened itself
        if not slots and tok.dep_ == "conj" and P.children(tok, ("auxpass",)):
            slots = P.subject_of(tok.head)   # "the pipeline connects A to B and was inaugurated in 2014"
        if not slots and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _SCHEDULING_VERBS:
            # "the railway, which is expected to open in 2025", "X is scheduled to be commissioned in 2029": a
            # scheduled opening, told as fact or not by the scheduling verb ("is not expected to open")
            slots = P.children(tok.head, ("nsubj", "nsubjpass"))
            anchor = tok.head
        slots = [P.antecedent(s) or s for s in slots]   # "the line, which was inaugurated in 2014"
        if tok.dep_ == "acl" and not slots and tok.tag_ == "VBN":
            slots = [tok.head]   # "the line, commissioned in 2014"
        if not slots:
            return []
        thing = ix.infrastructure_for(slots[0]) or _works_site(slots[0], ix)
    elif lemma in ("flow", "pass", "travel", "run", "arrive") and tok.pos_ == "VERB" and any(
            c.lower_ == "first" for s in P.children(tok, ("nsubj",)) for c in s.children if c.dep_ == "amod"):
        # "the first gas flowed through the X pipeline in 2014", "the first train ran on the X railway": the
        # line was put into service then
        thing = next((m for o in P.pobjs(tok, {"through", "via", "along", "on"})
                      for m in [ix.infrastructure_for(o)] if m is not None), None)
        if thing is None:
            return []
    elif low == "open" and tok.pos_ == "ADJ" and tok.dep_ == "acomp":
        subj = P.children(tok.head, ("nsubj",))
        if not subj:
            return []
        thing = ix.infrastructure_for(subj[0])
        anchor = tok.head
    elif lemma in P.OPEN_NOUNS and tok.pos_ == "NOUN":
        objs = P.pobjs(tok, {"of"})
        if objs:
            thing = ix.infrastructure_for(objs[0])
        elif tok.dep_ == "compound" and tok.head.lemma_.lower() == "ceremony" or lemma == "inauguration":
            # "the opening ceremony of the X pipeline": what the ceremony is of
            of = P.pobjs(tok.head, {"of"}) if tok.dep_ == "compound" else []
            thing = (ix.infrastructure_for(of[0]) if of else None) or ix.infrastructure_for(tok) \
                or _topic_infrastructure(tok, ix)
    elif lemma in P.OPERATION_NOUNS:
        h = tok.head
        if tok.dep_ == "nsubj" and h.lemma_.lower() in P.START_VERBS:
            anchor = h
        elif tok.dep_ == "dobj" and h.lemma_.lower() in P.START_VERBS:
            anchor = h
        elif tok.dep_ == "pobj" and h.lower_ == "into" and h.head.lemma_.lower() in ("put", "commission", "bring"):
            anchor = h.head
            slots = P.children(anchor, ("dobj", "nsubjpass"))
            thing = ix.infrastructure_for(slots[0]) if slots else None
        elif tok.dep_ == "pobj" and h.lower_ == "into" and h.head.lemma_.lower() in ("go", "come", "enter"):
            anchor = h.head   # "the pipeline went into operation in November 2020" (its subject, below)
        elif tok.dep_ == "dobj" and h.lemma_.lower() == "enter":
            anchor = h   # "the line entered service in 2020"
        else:
            return []
        if thing is None:
            subj = [s for s in P.subject_of(anchor) if s.i != tok.i]
            thing = ix.infrastructure_for(subj[0]) if subj else None
        if thing is None:
            thing = _topic_infrastructure(tok, ix, same_sentence_only=True)
    elif (low in ("operating", "operational") or tok.tag_ == "VBG" and lemma in _FLOW_VERBS) \
            and tok.head.lemma_.lower() in P.START_VERBS | {"become"} \
            or low == "online" and tok.head.lemma_.lower() in ("come", "go"):
        # "TANAP began operating in 2018", "started pumping gas", "the line, which began delivering gas in
        # 2019", "came online in 2018"
        anchor = tok.head
        subj = P.subject_of(anchor)   # (the noun a "which" stands for, in a relative clause)
        thing = ix.infrastructure_for(subj[0]) if subj else None
    if thing is None:
        return []
    d = _Draft("opening", anchor, name=ix.name(thing))
    # "inaugurated in Eskişehir in June 2018": where the ceremony was (not a place the line itself names)
    place = _place(anchor, ix, heads_too=False)
    d.place = place if place is not None and place not in ix.name(thing) else None
    # "opened at a ceremony in Baku": where the ceremony was, even a place the line's name holds
    d.place = d.place or next((ix.name(m) for o in P.pobjs(anchor, {"at"}) if o.lemma_.lower() == "ceremony"
                               for w in P.pobjs(o, {"in"}) for m in ix.phrase_mentions(w, ("place",))), None)
    if lemma in P.OPEN_VERBS and tok.pos_ == "VERB":
        # "Presidents X and Y inaugurated the bridge", "the bridge was inaugurated by X and Y": who opened it
        openers = P.pobjs(tok, {"by"}) if P.children(tok, ("nsubjpass",)) or tok.dep_ == "acl" else \
            P.children(tok, ("nsubj",))
        # ("by the presidents of A and B and the prime minister of C": each title's state)
        d.add(*dict.fromkeys(n for o in openers for c in P.conjuncts(o) for n in ix.refers(c, ("person", "country"))
                             if n != d.name and ix.mention(c, ("infrastructure",)) is None))
    return [d]


# what a line does once in service: "began pumping gas", "started delivering"
_FLOW_VERBS = {"pump", "deliver", "carry", "transport", "ship", "supply", "flow", "run", "export"}


def _topic_infrastructure(tok: Token, ix: Index, same_sentence_only: bool = False):
    """The infrastructure the passage is about: the last one named before ``tok``."""
    sent = tok.sent
    m = ix.last_before(tok.idx, ("infrastructure",), same_paragraph=True)
    if m is not None and (not same_sentence_only or m.start >= sent.start_char):
        return m
    return None


def _organization(tok: Token, ix: Index) -> list[_Draft]:
    low, lemma = tok.lower_, tok.lemma_.lower()
    orgs = ("organization",)
    if low in P.RENAME_WORDS or lemma == "rename" or (
            lemma == "name" and tok.i >= 2 and tok.doc[tok.i - 2:tok.i].text.lower().replace(" ", "") == "re-"):
        verb = tok.head if tok.dep_ != "ROOT" and tok.head.lower_ == "re" else tok
        new = [m for o in P.pobjs(tok, {"as", "to", "into"}) for m in ix.phrase_mentions(o, orgs)]
        # "it was renamed the Organization of Turkic States": the new name as the verb's complement
        new += [m for o in P.children(tok, ("oprd", "xcomp", "attr", "dobj")) for m in ix.phrase_mentions(o, orgs)
                if P.children(tok, ("nsubjpass",))]
        old = [m for s in P.children(verb, ("nsubjpass", "dobj")) + P.children(tok, ("nsubjpass", "dobj"))
               for m in ix.phrase_mentions(s, orgs)]
        if not old and tok.dep_ == "conj":
            # "The OTS, founded in 2009 ... and renamed in 2021", "X was founded in 2009 and renamed in 2021":
            # the body the first verb tells of
            base = tok
            while base.dep_ == "conj" and base.head.i != base.i:
                base = base.head
            told = P.children(base, ("nsubjpass",)) + ([base.head] if base.dep_ == "acl" else [])
            old = [m for s in told for m in ix.phrase_mentions(s, orgs)]
        target = (new or old)
        if target:
            d = _Draft("organization_change", tok, name=ix.name(target[0]))
            d.place = _place(tok, ix) or _place_in_objects(tok, ix)
            return [d]
    if lemma in P.FOUND_VERBS and tok.pos_ == "VERB":
        if lemma == "set" and not any(c.lower_ == "up" for c in tok.children):
            return []
        slots = P.children(tok, ("dobj", "nsubjpass"))
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            slots.append(tok.head)   # "the Council, established in 2010, ..."
        for s in slots:
            if s.pos_ == "NOUN" and s.lemma_.lower() in _UNIT_NOUNS and ix.mention(s, orgs) is None:
                continue   # "the OSCE mission in Moldova was established": a unit of the body, not the body
            ms = ix.phrase_mentions(s, orgs) or ix.body_named_before(s)
            if ms:
                d = _Draft("organization_change", tok, name=ix.name(ms[0]))
                d.add(*[n for x in P.children(tok, ("nsubj",)) for n in ix.refers(x, ("country", "person"))])
                # "founded in 1997 by Georgia, Ukraine, Azerbaijan and Moldova", "founded by billionaire X":
                # its founders
                d.add(*[n for o in P.pobjs(tok, {"by"}) for n in ix.refers(o, ("country", "person", "organization"))])
                d.place = _place(tok, ix, heads_too=False)   # "founded in Nakhchivan in October 2009"
                return [d]
    if lemma == "become" and tok.pos_ in ("VERB", "AUX"):
        # "Moldova became a full member of the Vestra Council in 2012": it joined then (a dated
        # becoming only; "has become a key member" says nothing of when)
        members = [a for a in P.children(tok, ("attr",)) if a.lemma_.lower() in P.MEMBER_NOUNS]
        ms = [m for a in members for o in P.pobjs(a, {"of", "in"}) for m in ix.phrase_mentions(o, orgs)]
        ms += [m for a in members for c in a.children if c.dep_ in ("compound", "nmod")
               for m in ix.phrase_mentions(c, orgs)]
        if members and not ms and not P.pobjs(members[0], {"of", "in"}):
            # "Uzbekistan became a full member in 2019": of the body the passage is about
            last = ix.last_before(tok.idx, orgs)
            ms = [last] if last is not None and tok.idx - last.end < 600 else []
        who = [n for s in P.subject_of(tok) for n in ix.refers(s, ("country",))]
        dated = [a for a in ix.sentence_times(tok.sent) if P.dep_distance(tok, a.token) <= 2]
        if ms and who and dated:
            d = _Draft("organization_change", tok, name=ix.name(ms[0]), time=dated[0].time, own_time_only=True)
            d.add(*who)
            return [d]
    if lemma in P.MEMBER_NOUNS and tok.pos_ == "NOUN" and tok.dep_ == "attr" and tok.head.lemma_ == "be":
        # "Romania has been an EU member since 2007", "X has been a member of Y since 1995": it joined then
        since = _since_times([tok, tok.head], ix)
        ms = [m for o in P.pobjs(tok, {"of", "in"}) for m in ix.phrase_mentions(o, orgs)]
        ms += [m for c in tok.children if c.dep_ in ("compound", "nmod") for m in ix.phrase_mentions(c, orgs)]
        who = [n for s in P.subject_of(tok.head) for n in ix.refers(s, ("country",))]
        if since and ms and who and not P.is_hypothetical(tok.head):
            d = _Draft("organization_change", tok.head, name=ix.name(ms[0]), time=since[0].time, own_time_only=True)
            d.add(*who)
            return [d]
    if lemma in ("accession", "admission") and tok.pos_ == "NOUN" and not P.is_hypothetical(tok):
        # "Moldova's accession to the WTO in 2001": it joined then (a dated accession only)
        dated = [a for a in ix.sentence_times(tok.sent) if a.token.head.head.i == tok.i and a.token.head.lower_ in
                 ("in", "on")]
        ms = [m for o in P.pobjs(tok, {"to", "into"}) for m in ix.phrase_mentions(o, orgs)]
        who = [n for c in P.children(tok, ("poss",)) for n in ix.refers(c, ("country",))]
        if dated and ms and who:
            d = _Draft("organization_change", tok, name=ix.name(ms[0]), time=dated[0].time, own_time_only=True)
            d.add(*who)
            return [d]
    if lemma in P.JOIN_VERBS and tok.pos_ == "VERB":
        objs = P.children(tok, ("dobj",)) + P.pobjs(tok, {"to"})
        # ("joined the organisation in 2018": the body named before)
        ms = [m for o in objs for m in ix.phrase_mentions(o, orgs) or ix.body_named_before(o)]
        who = [n for s in P.subject_of(tok) for n in ix.refers(s, ("country",))]
        # "Romania joined NATO in 2004 along with Bulgaria and Slovakia": they joined too
        who += [n for o in P.along_with(tok) for n in ix.refers(o, ("country",))] if who else []
        if not who:
            return []
        out = []
        for name in dict.fromkeys(ix.name(m) for m in ms):
            # "joined the Council of Europe and the WTO in 2001": each body joined is a change
            d = _Draft("organization_change", tok, name=name)
            d.add(*who)
            out.append(d)
        return out
    if lemma == "change" and tok.pos_ == "VERB" and any(o.lemma_.lower() == "name" for o in P.children(tok, ("dobj",))):
        # "the Turkic Council changed its name to the Organization of Turkic States"
        new = [m for o in P.pobjs(tok, {"to"}) for m in ix.phrase_mentions(o, orgs)]
        if new:
            return [_Draft("organization_change", tok, name=ix.name(new[0]))]
    means = tok.dep_ == "pcomp" and tok.head.lower_ == "by"   # "attempts to X by freezing ...": done, as a means
    if lemma in _LEAVE_VERBS and tok.pos_ == "VERB" and (means or not P.is_hypothetical(tok)):
        # "Georgia left the CIS", "withdrew from the treaty organisation", "freezing its participation in
        # the CSTO", "suspended its membership of X": a state's standing in a body changes
        objs = P.children(tok, ("dobj",)) + P.pobjs(tok, {"from"})
        held = [o for o in P.children(tok, ("dobj",)) if o.lemma_.lower() in ("participation", "membership")]
        objs += [x for o in held for x in P.pobjs(o, {"in", "within", "of", "from"})]
        ms = [m for o in objs for m in ix.phrase_mentions(o, orgs)]
        if lemma in ("freeze", "suspend", "end", "halt") and not held:
            ms = []   # "froze the assets of X" is no change of standing
        who = [n for s in P.subject_of(tok) for n in ix.refers(s, ("country",))]
        if not who and held and any(c.lower_ in ("its", "their") for o in held for c in P.children(o, ("poss",))):
            who = [n for n in [ix.subject_before(held[0], ("country",))] if n]   # "by freezing its participation"
        if ms and who:
            d = _Draft("organization_change", tok, name=ix.name(ms[0]), standing=means)
            d.add(*who)
            return [d]
    if lemma in P.FOUND_NOUNS and tok.pos_ == "NOUN":
        ms = [m for o in P.pobjs(tok, {"of"}) for m in ix.phrase_mentions(o, orgs)]
        if ms:
            return [_Draft("organization_change", tok, name=ix.name(ms[0]))]
    # "Azerbaijan's dissolution of the self-proclaimed Republic of Artsakh", "the council was disbanded"
    bodies = ("organization", "country")
    ms = []
    if (lemma in P.DISSOLVE_NOUNS or lemma in P.DISSOLVE_VERBS) and any(
            a.lemma_.lower() in _ASK_WORDS for a in list(tok.ancestors)[:3]):
        return []   # "calling for the dissolution of the Prut Group", "a request for the dissolution"
    if lemma in P.DISSOLVE_NOUNS and tok.pos_ == "NOUN":
        ms = [m for o in P.pobjs(tok, {"of"}) for m in ix.phrase_mentions(o, bodies)]
        who = [n for c in P.children(tok, ("poss",)) for n in ix.refers(c, ("country", "organization"))]
        if not who and any(c.lower_ in ("its", "their") for c in P.children(tok, ("poss",))):
            # "Azerbaijan achieved a victory, and its dissolution of ...": the state named before in the sentence
            m = ix.last_before(tok.idx, ("country",))
            who = [ix.name(m)] if m is not None and m.start >= tok.sent.start_char else []
    elif lemma in P.DISSOLVE_VERBS and tok.pos_ == "VERB":
        ms = [m for o in P.children(tok, ("dobj", "nsubjpass")) if o.pos_ != "PRON"
              for m in ix.phrase_mentions(o, bodies)]
        who = [n for s in P.children(tok, ("nsubj",)) for n in ix.refers(s, ("country", "organization"))]
    if ms:
        d = _Draft("organization_change", tok, name=ix.name(ms[0]))
        d.add(*[w for w in who if w != ix.name(ms[0])])
        return [d]
    return []


def _body_or_its_people(tok: Token, ix: Index) -> Mention | None:
    """The body a noun names ("the UN Security Council"), or whose people it names ("NATO leaders")."""
    m = ix.mention(tok, ("organization",))
    if m is not None or tok.lemma_.lower() not in P.DELEGATES | {"minister", "head"}:
        return m
    # "NATO leaders", "leaders of the Organization of Turkic States"
    return next((x for c in [*(c for c in tok.children if c.dep_ in ("compound", "nmod")), *P.pobjs(tok, {"of"})]
                 for x in [ix.mention(c, ("organization",))] if x is not None), None)


# a state leaving a body or putting its part in it on hold
_LEAVE_VERBS = {"leave", "quit", "exit", "withdraw", "freeze", "suspend", "end", "halt"}

_ASK_WORDS = {"demand", "request", "call", "seek", "urge", "propose", "proposal", "want", "push", "insist"}


def _place_in_objects(tok: Token, ix: Index) -> str | None:
    """A place inside the "at/in" phrases anywhere under ``tok`` ("at Istanbul summit")."""
    for t in tok.subtree:
        if t.dep_ == "prep" and t.lower_ in ("at", "in"):
            for m in ix.mentions_in(t.idx, t.right_edge.idx + len(t.right_edge.text), ("place",)):
                return ix.name(m)
    return None


def _exhibition(tok: Token, ix: Index) -> list[_Draft]:
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    named = ix.mention(tok, ("event",))
    if lemma not in P.EXHIBITION_NOUNS and not (named is not None and _event_kind(named.text) == "exhibition"):
        return []
    if lemma == "show" and not any(c.lower_ in ("air", "defence", "defense", "trade") for c in tok.children):
        return []
    name = ix.name(named) if named is not None else None
    if name is None:
        # "International ... Festival (TEKNOFEST)": the acronym, else the capitalised phrase
        nxt = tok.doc[tok.i + 1:tok.i + 4]
        if len(nxt) == 3 and nxt[0].text == "(" and nxt[2].text == ")":
            m = ix.mention(nxt[1], ("event",))
            name = ix.name(m) if m else nxt[1].text
        else:
            name = _event_name(tok, ix)
    if name is None and tok.dep_ == "appos" and tok.head.pos_ == "PROPN" and tok.head.i < tok.i:
        # "Teknofest, Türkiye's largest technology festival,": the name it is in apposition to
        name = tok.doc[tok.head.left_edge.i:tok.head.i + 1].text
    d = _Draft("exhibition", tok, name=name, plural=tok.tag_ == "NNS")
    _noun_event_args(tok, ix, d)
    return [d]


_DETECTORS = (_signed, _in_force, _recognition, _diplomatic, _independence, _visit, _meeting, _exercise,
              _war, _opening, _organization, _exhibition)


# --- lists and parallels ----------------------------------------------------------------------

def _enumerated(sent: Span, ix: Index, drafts: list[_Draft], earlier: list[list[_Draft]]) -> list[_Draft]:
    """Named events listed after a plural trigger ("the exercises ... Ephesus 2022 (May 2022, the
    Aegean Sea), Three Brothers 2021 (September 2021, A – B – C)"): one event each, dated and
    placed by what follows its name up to the next one."""
    collective = [d for d in drafts if d.plural and not d.name]
    if not collective:
        return []
    kind = collective[0].type
    used = {d.name for d in drafts if d.name}
    named = [m for m in ix.mentions_in(sent.start_char, sent.end_char, ("event",))
             if ix.name(m) not in used and _event_kind(m.text) in (None, kind)]
    if not named:
        return []
    inherited: list[str] = []
    for d in collective:
        inherited += d.participants
    if not inherited:
        for ds in reversed(earlier[-3:]):
            for d in ds:
                if d.type == kind and d.participants:
                    inherited = d.participants
                    break
            if inherited:
                break
    out = []
    for i, m in enumerate(named):
        end = named[i + 1].start if i + 1 < len(named) else sent.end_char
        seg_times = ix.ctx.times_in(m.end, end)
        seg_countries = [ix.name(x) for x in ix.mentions_in(m.end, end, ("country",))]
        seg_places = [ix.name(x) for x in ix.mentions_in(m.end, end, ("place",))]
        tok = ix.sp.char_span(m.start, m.end, alignment_mode="expand")
        d = _Draft(kind, tok.root if tok is not None else collective[0].anchor, name=ix.name(m),
                   time=seg_times[0] if seg_times else None, place=seg_places[0] if seg_places else None,
                   span=(m.start, _segment_end(ix.text, m.end, end)))
        d.add(*(seg_countries or inherited))
        out.append(d)
    return out


def _segment_end(text: str, start: int, end: int) -> int:
    """End of a list item: its closing parenthesis, else the next separator."""
    close = text.find(")", start, end)
    if close >= 0:
        return close + 1
    chunk = text[start:end].rstrip(" ,;.\n")
    return start + len(chunk)


def _parallel(sent: Span, ix: Index, drafts: list[_Draft]) -> list[_Draft]:
    """"TANAP (..., operations started in 2018) and TAP (..., 2020)": a coordinated parenthesis
    giving only a time is read like its sibling that says what the time is of."""
    groups = []
    for m in re.finditer(r"\(([^()]*)\)", ix.text[sent.start_char:sent.end_char]):
        s, e = sent.start_char + m.start(), sent.start_char + m.end()
        before = [x for x in ix.mentions_in(sent.start_char, s, ("infrastructure",)) if s - x.end <= 2]
        if before:
            groups.append((before[-1], s, e))
    if len(groups) < 2:
        return []
    out = []
    for d in drafts:
        if d.type != "opening":
            continue
        own = next((g for g in groups if g[1] <= d.anchor.idx < g[2]), None)
        if own is None:
            continue
        for infra, s, e in groups:
            if (infra, s, e) == own or any(g.anchor.idx in range(s, e) for g in drafts):
                continue
            times = ix.ctx.times_in(s, e)
            if times:
                tok = ix.sp.char_span(infra.start, infra.end, alignment_mode="expand")
                out.append(_Draft("opening", tok.root if tok is not None else d.anchor, name=ix.name(infra),
                                  time=times[0], span=(infra.start, e)))
    return out


def _dated_once(d: _Draft) -> bool:
    """A time that points at one occasion: a day or a month, not a year of many."""
    t = d.time
    # a day or a month, or days of one month ("1-5 February 2021")
    one = t is not None and len(t.value) >= 7 and (not t.end_value or t.end_value[:7] == t.value[:7])
    return one and d.type != "visit" and not T.vague(t)


def _held_there_that_year(d: _Draft) -> bool:
    """"A and B held joint drills in Nakhchivan in 2023": exercises held at one place in a year, told in the
    past with no count or habit ("held 12 exercises in 2023", "hold drills there every year"), are one."""
    verb = d.anchor.head
    return d.type == "military_exercise" and d.place is not None and d.anchor.dep_ == "dobj" \
        and verb.tag_ == "VBD" and not any(c.dep_ == "nummod" or c.lower_ in _MANY for c in d.anchor.children) \
        and not any(c.lower_ in ("regularly", "annually", "every", "each", "often", "routinely")
                    for c in verb.subtree)


_MANY = {"several", "many", "numerous", "various", "multiple", "regular", "annual", "some", "dozens", "two", "three"}


def _first_time(anchor: Token) -> bool:
    """"held joint exercises for the first time in 2022": one occasion, even dated by a year."""
    verb = anchor.head if anchor.dep_ in ("dobj", "nsubjpass") else anchor
    return any(o.lower_ == "time" and any(a.lower_ == "first" for a in o.children)
               for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children)


def _named_by_mention(d: _Draft, ix: Index) -> bool:
    """A plural trigger counts only as a named series ("the Three Brothers exercises")."""
    return ix.mention(d.anchor, ("event",)) is not None or any(
        ix.mention(c, ("event",)) is not None for c in d.anchor.children if c.dep_ in ("compound", "appos"))


def _met_on_the_visit(drafts: list[_Draft]) -> None:
    """"During his visit to Bucharest in May, X met Y": a meeting told with the visit of one of its
    participants, without a place of its own, was held where the visit went."""
    visits = [d for d in drafts if d.type == "visit" and d.place]
    for d in drafts:
        if d.type == "meeting" and d.place is None:
            went = [v for v in visits if set(v.participants) & set(d.participants)]
            if len({v.place for v in went}) == 1:
                d.place = went[0].place


def _share_agents(drafts: list[_Draft]) -> None:
    """"A's visit to X and meeting with B": the meeting is A's too. "A met B in X to sign a protocol": the
    signing the meeting was for is both A's and B's, where they met."""
    for d in drafts:
        for e in drafts:
            if e is not d and _coordinated(e, d) and e.participants:
                if d.type == "meeting":
                    d.participants[:0] = [p for p in e.participants if p not in d.participants]
            if e.type == "meeting" and d.type == "agreement_signed" and e.anchor.pos_ == "VERB" \
                    and _purpose(d.anchor) and d.anchor.head.i == e.anchor.i:
                d.add(*e.participants)
                d.place = d.place or e.place


# --- dates ------------------------------------------------------------------------------------

def _date(sent: Span, ix: Index, drafts: list[_Draft]) -> None:
    """Give each trigger the sentence times closest to it in the parse."""
    fixed = {id(d.time) for d in drafts if d.time is not None}
    times = [a for a in ix.sentence_times(sent) if id(a.time) not in fixed and not _inside_name(a, ix)]
    open_ = [d for d in drafts if d.time is None]
    if not open_ or not times:
        return
    owned: dict[int, list[Anchored]] = {}
    for a in times:
        cands = [d for d in open_ if (not d.own_time_only or _within(a.token, d.anchor))
                 and not ((_since(a) or _deadline(a) or _told_since(a, d.anchor)) and d.type in _POINT_EVENTS)
                 and not (_term(a) and d.type == "agreement_signed")
                 and not (d.type == "statement" and _in_what_was_said(a.token, d.anchor))
                 and not P.describes_another(a, d.anchor)]
        if not cands:
            continue
        best = min(cands, key=lambda d: (P.dep_distance(d.anchor, a.token), abs(d.anchor.i - a.token.i)))
        owned.setdefault(id(best), []).append(a)
    for d in open_:
        mine = owned.get(id(d))
        if mine and d.own_time_only:
            d.time = min(mine, key=lambda a: a.time.value).time     # "the war (2020 and 2023)": it began first
        elif mine:
            d.time = min(mine, key=lambda a: (P.dep_distance(d.anchor, a.token), abs(d.anchor.i - a.token.i))).time
            # "dates back to 1918, when it was created on 26 June 1918": the same time, told more exactly
            finer = [a.time for a in mine if a.time.value.startswith(d.time.value) and len(a.time.value) > len(
                d.time.value) and not a.time.end_value]
            d.time = max(finer, key=lambda t: len(t.value)) if finer and not d.time.end_value else d.time
            if d.type in _REPEATED and not d.plural:
                drafts += [replace(d, time=t, participants=list(d.participants))
                           for t in _times_listed_with(d.time, mine, ix)]
    # "made a visit to X on 16 May 2018, where he met Y": the parser hangs the "where" clause on the date,
    # which then goes to the meeting alone; it is the visit's too
    for e in open_:
        for a in owned.get(id(e), []):
            if e.time is a.time and e.anchor.dep_ == "relcl" and e.anchor.head.i == a.token.i:
                clause = {t.i for t in e.anchor.subtree}
                for d in open_:
                    if d.time is None and not d.own_time_only and d.anchor.i not in clause \
                            and P.dep_distance(d.anchor, a.token) <= 4:
                        d.time = a.time
    # an event inside another's phrase ("renamed ... at the Istanbul summit", "the session within
    # Baku Energy Week (June 2022)") or coordinated with it shares its time
    for d in open_:
        if d.time is None and not d.own_time_only:
            for e in drafts:
                # (or told by the same word: "joined A and B in 2001")
                # (not the signing a ratification tells of: "ratified the agreement, signed on 25 February
                # 2020")
                if e.time is not None and e is not d and not e.own_time_only and not (
                        d.type == "agreement_in_force" and e.type == "agreement_signed") and (
                        e.anchor.i == d.anchor.i or _nested(d.anchor, e.anchor) or _coordinated(d, e)
                        or _coordinated(e, d) or _during_which(d.anchor, e.anchor)):
                    d.time = e.time
                    break


# what happens again, each time an event of its own ("visited Chisinau in May 2004 and in October 2007")
_REPEATED = {"visit", "meeting", "military_exercise"}


def _times_listed_with(chosen: TimeExpr, mine: list[Anchored], ix: Index) -> list[TimeExpr]:
    """The other times coordinated right after the one an event was given ("in May 2004 and in October 2007",
    "in 2004, 2007 and 2011"), each a separate occasion."""
    out: list[TimeExpr] = []
    last = chosen
    for t in sorted((a.time for a in mine), key=lambda t: t.start):
        if t.start <= last.start:
            continue
        if not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:again\s+)?(?:in\s+|on\s+)?", ix.text[last.end:t.start]) \
                or t.value[:len(last.value)] == last.value or last.value[:len(t.value)] == t.value:
            break
        out.append(t)
        last = t
    return out


_DAYS_LONG = re.compile(r"\b(?P<n>\d|two|three|four|five|six|seven)[- ]day\s+(?:[a-z]+\s+){0,2}(?:visit|trip|tour)\b"
                        r"(?P<ended>.{0,40}\b(?:ended|ends|concluded|wrapped\s+up)\b)?", re.I)


def _visit_length(sent: Span, drafts: list[_Draft]) -> None:
    """"arrived on 3 May for a two-day official visit": the visit ends on the last of its days ("a three-day
    tour ... ended on 7 May": it began on the first)."""
    m = _DAYS_LONG.search(sent.text)
    if m is None:
        return
    n = int(m.group("n")) if m.group("n").isdigit() else T.NUMBER_WORDS[m.group("n").lower()]
    for d in drafts:
        if d.type == "visit" and d.time is not None and not d.time.end_value \
                and re.fullmatch(r"\d{4}-\d\d-\d\d", d.time.value) and n > 1:
            day = dt.date.fromisoformat(d.time.value)
            if m.group("ended"):   # "X's three-day tour of Romania ended on 7 May": it began two days before
                d.time = replace(d.time, value=(day - dt.timedelta(days=n - 1)).isoformat(), end_value=d.time.value)
            else:
                d.time = replace(d.time, end_value=(day + dt.timedelta(days=n - 1)).isoformat())


# events that happen at a point in time: "since X" never dates them (it does date a state that began:
# "in force since 1 March 2021", "open since 2017")
_POINT_EVENTS = {"agreement_signed", "visit", "meeting", "statement", "military_exercise", "exhibition"}


def _since_times(heads: list[Token], ix: Index) -> list[Anchored]:
    """The times in a "since" phrase hung on one of ``heads`` ("have had relations since 1991")."""
    return [a for a in ix.sentence_times(heads[0].sent) for h in heads for p in h.children
            if p.dep_ == "prep" and p.lower_ == "since" and _within(a.token, p)]


def _deadline(a: Anchored) -> bool:
    """"pledged to raise imports to 2 bcm by 2027": the time what was pledged or agreed is due, not the
    time of the pledge."""
    return a.token.dep_ == "pobj" and a.token.head.lower_ == "by" and a.token.head.head.pos_ == "VERB"


def _term(a: Anchored) -> bool:
    """"signed a memorandum on supplies from 2025", "signed a protocol for 2024–2026": when what was signed
    runs, not when it was signed."""
    tok = a.token
    return tok.dep_ == "pobj" and (tok.head.lower_ == "for" or tok.head.lower_ == "from" and not a.time.end_value)


def _since(a: Anchored) -> bool:
    """"since the 1990s", "the first visit since 2019": the start of a stretch of time."""
    tok = a.token
    return tok.dep_ == "pobj" and tok.head.lower_ == "since"


def _told_since(a: Anchored, anchor: Token) -> bool:
    """"his first visit abroad since his re-election in May": the time of what a stretch runs from (the event
    told in it keeps it: "the first talks since the visit in May")."""
    if any(p.lower_ == "since" and p.dep_ == "prep" and not (p.left_edge.i <= anchor.i <= p.right_edge.i)
           for p in a.token.ancestors):
        return True
    # (the parser may hang the time on the verb: read the words between)
    doc = anchor.doc
    since = next((t for t in doc[anchor.i + 1:a.token.i] if t.lower_ == "since"), None)
    return since is not None and not any(t.pos_ in ("VERB", "AUX") or t.text in ",;" for t in doc[since.i:a.token.i])


def _bound(a: Anchored) -> bool:
    """"since 2019", "until 2022", "before 2020", "by 2027": a time a stretch starts or ends at, no point in
    time of its own."""
    tok = a.token
    return tok.dep_ == "pobj" and tok.head.lower_ in ("since", "until", "till", "before", "by")


_CLAUSE_BOUNDARY = {"ccomp", "advcl", "csubj", "parataxis"}


def _purpose(t: Token) -> bool:
    """A purpose infinitive ("stop in Ankara today to meet X"): it happens when its head does."""
    return t.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def _during_which(a: Token, b: Token) -> bool:
    """"paid a visit to X, during which the two presidents signed ...": ``a`` happened within ``b``."""
    clause = next((t for t in [a, *a.ancestors] if t.dep_ in ("relcl", "advcl")), None)
    # (the parser may hang the clause on the verb of the event's noun: "paid a visit ...")
    return clause is not None and clause.head.i in (b.i, b.head.i) and any(
        c.dep_ == "prep" and c.lower_ in ("during", "at", "in") and any(o.lower_ == "which" for o in c.children)
        for c in clause.children)


def _nested(a: Token, b: Token, limit: int = 5) -> bool:
    """One token lies in the other's phrase, a few arcs away, without crossing into another clause."""
    for low, high in ((a, b), (b, a)):
        t, n = low, 0
        while t.i != high.i and t.head.i != t.i and n < limit:
            if t.dep_ in _CLAUSE_BOUNDARY and not _purpose(t):
                break
            t, n = t.head, n + 1
        if t.i == high.i and n > 0:
            return True
    return False


def _coordinated(first: _Draft, second: _Draft) -> bool:
    """"X's visit to Y and meeting with Z": ``second`` follows ``first``'s phrase after "and"."""
    a, b = first.anchor, second.anchor
    if b in a.conjuncts:
        return True
    return a.i < b.i and b.i >= 2 and b.nbor(-1).lower_ in ("and", ",") and a.right_edge.i >= b.i - 2 >= a.i


def _within(tok: Token, anchor: Token) -> bool:
    return anchor.left_edge.i <= tok.i <= anchor.right_edge.i


def _inside_name(a: Anchored, ix: Index) -> bool:
    """A year that is part of a name ("Three Brothers 2021") dates nothing by itself."""
    m = ix.by_token.get(a.token.i)
    return m is not None and m.type in ("event", "agreement", "product", "organization") and (
        m.start <= a.time.start and a.time.end <= m.end and m.end - m.start > a.time.end - a.time.start)


def _date_from_next_sentence(ix: Index, drafts_by_sent: list[tuple[Span, list[_Draft]]]) -> None:
    """"X was the first to recognize it. The Council made such decision on D." -> D dates the
    recognition: the next sentence refers back ("such/this decision") and reports nothing new."""
    for i, (sent, drafts) in enumerate(drafts_by_sent[:-1]):
        nxt, nxt_drafts = drafts_by_sent[i + 1]
        if nxt_drafts or ix.next_sentence(sent) is None:
            continue
        refers_back = any(t.dep_ in ("det", "amod", "predet") and t.lower_ in ("such", "this", "that")
                          and t.head.pos_ == "NOUN" for t in nxt)
        times = ix.sentence_times(nxt)
        if not refers_back or not times:
            continue
        main = [d for d in drafts if d.time is None and _in_main_clause(d.anchor)]
        if main:
            main[-1].time = min(times, key=lambda a: P.dep_distance(nxt.root, a.token)).time
            main[-1].span = (main[-1].anchor.sent.start_char, nxt.end_char)


def _lead_of_the_day(ix: Index, drafts_by_sent: list[tuple[Span, list[_Draft]]]) -> None:
    """"President X has received a delegation led by Y": a meeting or visit the first sentence of a report
    dated to the day tells in the present perfect, with no time of its own, happened that day (the news of
    the day; "has visited Baku five times" is several)."""
    pub = ix.ctx.doc.published or ""
    if not drafts_by_sent or not re.fullmatch(r"\d{4}-\d\d-\d\d", pub):
        return
    sent, drafts = drafts_by_sent[0]
    if sent.start_char > 0 or ix.sentence_times(sent):
        return
    for d in drafts:
        verb = d.anchor if d.anchor.pos_ == "VERB" else d.anchor.head
        perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP")
                                             for c in verb.children)
        if d.time is None and d.type in ("meeting", "visit") and not d.plural and perfect \
                and not any(t.lower_ in ("times", "often", "repeatedly", "regularly", "twice") for t in sent):
            d.time = TimeExpr(pub, 0, 0, pub)


def _date_from_previous_visit(ix: Index, drafts_by_sent: list[tuple[Span, list[_Draft]]]) -> None:
    """"X will be in Baku tomorrow. He will attend the summit ..." -> the summit is dated (and placed) by
    the visit: the next sentences continue with the visitor as a pronoun subject."""
    for i, (_sent, drafts) in enumerate(drafts_by_sent[:-1]):
        visits = [d for d in drafts if d.type == "visit" and d.time is not None and d.participants]
        # ("visited Baku and Ankara on 2-3 April": one trip to two places, at one time)
        if not visits or len({(v.time.iso, tuple(v.participants)) for v in visits}) != 1:
            continue
        visit = visits[0] if len(visits) == 1 else replace(visits[0], place=None)
        visitors = set(visit.participants)
        for nxt, nxt_drafts in drafts_by_sent[i + 1:i + 7]:
            if ix.sentence_times(nxt):
                break   # a time of its own: another occasion
            if any(t.lower_ == "later" or t.lemma_.lower() in _MOVING_ON for t in nxt):
                break   # "He will later depart for Dushanbe, where he will attend ...": a later stop
            # the visitor goes on as the subject ("He will attend", "Commissioner X will speak"), or the
            # event names the visitor ("X's visit to Azerbaijan"); other sentences are passed over
            by_visitor = any(t.dep_ in ("nsubj", "nsubjpass") and (
                t.lower_ in ("he", "she", "they") or visitors & set(ix.refers(t, ("person",)))) for t in nxt)
            for d in nxt_drafts:
                if d.time is None and d.type in ("meeting", "visit") and (
                        by_visitor or visitors & set(d.participants)):
                    d.time = visit.time
                    d.place = d.place or (visit.place if d.type == "meeting" else None)
                    d.add(*visit.participants)


def _placed_by_visit_that_day(drafts_by_sent: list[tuple[Span, list[_Draft]]], reach: int = 8) -> None:
    """"X arrived in Lachin yesterday. ... A day ago, X held a meeting with Y": a meeting told without a
    place, on the very day one of its participants arrived somewhere told just before, was held there."""
    for i, (_sent, drafts) in enumerate(drafts_by_sent):
        for d in drafts:
            if d.type != "meeting" or d.place is not None or d.time is None \
                    or not re.fullmatch(r"\d{4}-\d\d-\d\d", d.time.value):
                continue
            places = {v.place for _s, earlier in drafts_by_sent[max(0, i - reach):i + 1] for v in earlier
                      if v.type == "visit" and v.place and v.time is not None and v.time.value == d.time.value
                      and not v.time.end_value and set(v.participants) & set(d.participants)}
            if len(places) == 1:
                d.place = places.pop()


_AFTERWARDS = {"will", "later", "next", "soon", "would", "since", "afterwards", "subsequently", "recently", "lately"}
_MOVING_ON = {"depart", "leave", "head", "proceed", "continue", "move"}


_SHIFTED = re.compile(r"\b(?:a|an|one|two|three|four|five|six|several|a\s+few|\d+)\s+(?:days?|weeks?|months?|years?)"
                      r"\s+(?:after|before|earlier|later)\b", re.I)


def _date_from_previous_sentence(ix: Index, drafts_by_sent: list[tuple[Span, list[_Draft]]]) -> None:
    """"Then, in May 2021, X ended the stalemate. Hosting A and B at the palace, she proposed
    ...": a one-off event told without a time, right after a sentence of the same paragraph that gives
    exactly one, happened then."""
    told = {s.start: drafts for s, drafts in drafts_by_sent}
    for sent, drafts in drafts_by_sent:
        undated = [d for d in drafts if d.time is None and d.type in _POINT_EVENTS | {"agreement_in_force"}
                   and not d.plural]
        # (a time that could not date them does not stop it: "signed a memorandum on supplies from 2025")
        # (nor one a clause on a thing told of gives: "ratified the agreement, signed on 25 February 2020")
        told_of = [e for e in drafts if e.time is not None and (e.anchor.dep_ in ("acl", "relcl") or (
            e.anchor.dep_ == "advcl" and e.anchor.tag_ == "VBN"))]
        own = [a for a in ix.sentence_times(sent) if not (_since(a) or _deadline(a)) and not (
            _term(a) and all(d.type == "agreement_signed" for d in undated)) and not any(
            e.time is a.time and _within(a.token, e.anchor) for e in told_of)]
        if not undated or own or any(t.lower_ in _AFTERWARDS for t in sent) \
                or _SHIFTED.search(sent.text):
            # "He will later attend ...", "He has since said ...", "The visit came a week after X met Y",
            # "recently signed": a time other than the one told before
            continue
        prev = ix.previous_sentence(sent)
        if prev is None:
            # a news lead told in a paragraph of its own ("X on Wednesday said ... \n\n X took part in
            # the summit ...") dates the paragraph after it (not a figure's year: "Trade rose in 2024.")
            prev = ix.previous_sentence(sent, same_paragraph=False)
            if prev is None or ix.previous_sentence(prev) is not None or \
                    ix.paragraph_start(prev.start_char) != prev.start_char or not told.get(prev.start):
                continue
        # (not a time long past the sentence before recalls: "discussed the agreement signed on 21 February 2023.
        # On the same day, X met Y")
        times = ix.sentence_times(prev) if prev is not None else []
        times = [] if any(T.recalled(ix.ctx, a.time) for a in times) else times
        # ("... met in Tbilisi on Thursday and agreed to hold exercises in 2023": the time of the one occasion
        # the sentence before dates, when it tells others)
        met = {id(e.time): e.time for e in (told.get(prev.start, []) if prev is not None else []) if e.time is not None
               and e.type in ("meeting", "visit") and not e.time.end_value}
        if len(times) > 1 and len(met) == 1:
            for d in undated:
                if d.type in ("meeting", "visit"):   # (the same occasion told again, not a saying after it)
                    d.time = next(iter(met.values()))
            continue
        if len(times) != 1 or T.vague(times[0].time) or _bound(times[0]) or times[0].time.end_value:
            continue   # ("Until 2022, Vestra supplied it. Romania now does, X said.": no time of the saying)
        for d in undated:
            d.time = times[0].time


_GROUP_NOUNS = {"leader", "president", "minister", "side", "party", "delegation", "head", "premier"}


def _the_leaders(ix: Index, drafts_by_sent: list[tuple[Span, list[_Draft]]]) -> None:
    """"A and B met on Monday. The leaders also signed a joint declaration": "the leaders" (a plural, with
    nothing more said of them) are those who took part in the one event of several parties the sentence
    before tells."""
    for (_prev, before), (_sent, drafts) in zip(drafts_by_sent, drafts_by_sent[1:], strict=False):
        told = [d for d in before if len(d.participants) >= 2]
        if len({tuple(d.participants) for d in told}) != 1:
            continue
        for d in drafts:
            if d.participants:
                continue
            subj = P.subject_of(d.anchor)
            # ("the heads of state", "the heads of government")
            if len(subj) == 1 and subj[0].tag_ == "NNS" and subj[0].lemma_.lower() in _GROUP_NOUNS and all(
                    c.dep_ in ("det", "punct") and c.lower_ in ("the", ",") or c.dep_ == "prep" and c.lower_ == "of"
                    and [o.lower_ for o in c.children] in (["state"], ["government"]) for c in subj[0].children):
                d.add(*told[0].participants)


def _the_meeting_told_before(drafts_by_sent: list[tuple[Span, list[_Draft]]]) -> None:
    """"Leaders met in Shusha on Saturday. X hosted the meeting, which was attended by Y and Z", "The Summit of X
    was held in Astana. A and B attended the summit": a bare "the meeting" (summit, talks) of the next
    sentence is the one meeting the sentence before told (not "the
    second meeting of the commission"); both are told with every participant, place and day either gives,
    so that they merge into one."""
    for (_prev, before), (_sent, drafts) in zip(drafts_by_sent, drafts_by_sent[1:], strict=False):
        # (one meeting, told perhaps twice: "met in Shusha for a summit")
        meetings = [d for d in before if d.type == "meeting" and not d.plural]
        # ("The 10th Summit of X was held in Astana. A, B and C attended the summit": one told without its
        # participants is the one too)
        told = [d for d in meetings if d.participants] or (meetings if len(meetings) == 1 else [])
        if len(told) != 1 or len({d.time.value if d.time else None for d in meetings}) != 1:
            continue
        first = told[0]
        for d in drafts:
            a = d.anchor
            if d.type != "meeting" or d.name or a.pos_ != "NOUN" or a.lemma_.lower() not in P.MEETING_NOUNS \
                    or not any(c.dep_ == "det" and c.lower_ == "the" for c in a.children) \
                    or any(c.dep_ in ("amod", "nummod", "compound", "prep", "poss") for c in a.children) \
                    or d.time is not None and first.time is not None and d.time.value != first.time.value:
                continue
            first.add(*d.participants)
            d.participants, d.name = list(first.participants), first.name
            first.place = d.place = first.place or d.place
            first.time = d.time = first.time or d.time


def _the_exercise_named_after(ix: Index, drafts_by_sent: list[tuple[Span, list[_Draft]]]) -> None:
    """"Forces launched a joint exercise near Kars on Monday. The "X-2023" exercise will run until 8
    September": the named exercise of the next sentence, told with a definite article, is the one exercise
    the sentence before told unnamed; it gets the name, and a day it runs "until" ends it."""
    for (_prev, before), (_sent, drafts) in zip(drafts_by_sent, drafts_by_sent[1:], strict=False):
        told = [d for d in before if d.type == "military_exercise" and not d.plural]
        if len(told) != 1 or told[0].name:
            continue
        first = told[0]
        for d in drafts:
            if d.type != "military_exercise" or not d.name or d.plural or d.anchor.left_edge.lower_ != "the":
                continue
            first.name = d.name
            first.add(*d.participants)
            d.participants = list(first.participants)
            first.place = d.place = first.place or d.place
            if d.time is not None and first.time is not None and d.time is not first.time and re.search(
                    r"\b(?:until|till|through)\s+$", ix.text[max(0, d.time.start - 12):d.time.start]):
                first.time = replace(first.time, end_value=d.time.value)
            d.time = first.time or d.time


def _also_there(ix: Index, drafts_by_sent: list[tuple[Span, list[_Draft]]]) -> None:
    """"X attended the summit in Y. Z was also there, photographed with X and W." -> Z (and W) took part:
    a sentence stating no event of its own, whose subject was present, joins the one meeting before it."""
    for (_prev, drafts), (sent, own) in zip(drafts_by_sent, drafts_by_sent[1:], strict=False):
        meetings = [d for d in drafts if d.type == "meeting"]
        if own or len(meetings) != 1:
            continue
        root = sent.root
        present = root.lemma_.lower() == "be" and any(
            c.lower_ in ("there", "present") and c.dep_ in ("advmod", "acomp") for c in root.children)
        if not present or P.is_hypothetical(root):
            continue
        people = [n for s in P.children(root, ("nsubj",)) for n in ix.refers(s, ("person", "country"))]
        if not people:
            continue
        for verb in P.conjuncts(root)[1:]:
            people += [n for o in P.pobjs(verb, {"with"}) for c in P.conjuncts(o) for n in ix.refers(c, ("person",))]
        meetings[0].add(*people)


def _in_main_clause(tok: Token) -> bool:
    t = tok
    while t.head.i != t.i:
        if t.dep_ in ("advcl", "ccomp", "csubj", "pcomp"):
            return False
        t = t.head
    return True


# --- output -----------------------------------------------------------------------------------

_SOME_TIME = TimeExpr("", 0, 0, "0000")   # a stand-in: would a draft be kept once dated?


def _worth_keeping(d: _Draft) -> bool:
    """Fewer, right events: a trigger with nothing to say what it was about is dropped."""
    n = len(d.participants)
    if d.type == "meeting" and not d.name:
        return n >= 2 or (n >= 1 and bool(d.time or d.place))
    if d.type == "war":
        return d.time is not None or n >= 2
    if d.type in ("meeting", "military_exercise", "exhibition"):
        return bool(d.name or d.time)
    if d.type == "visit":
        return n >= 1 and bool(d.place or d.time)
    if d.type == "recognition":
        return n >= 2 or (n >= 1 and d.time is not None)
    if d.type == "diplomatic_relations":
        return d.time is not None or n >= 2
    if d.type in ("independence",):
        return n >= 1
    if d.type == "statement":
        return n >= 1
    return bool(d.name or n)


def _to_event(ctx: Context, ix: Index, sent: Span, d: _Draft) -> Event:
    start, end = d.span or ix.quote(sent)
    t = d.time
    if d.name:
        # a name part is no participant ("Shusha" of the Shusha Declaration), but the states an
        # agreement's name pairs are its parties ("the Armenia–Azerbaijan ceasefire agreement")
        countries = gazetteer.load().countries
        d.participants = [p for p in d.participants if _norm(p) not in _norm(d.name) or d.type == "independence"
                          or d.type.startswith("agreement") and p in countries]
        if d.type == "war":
            d.add(*_states_in_name(d.name))   # "the Russia-Georgia War", "the Iran–Iraq war": its sides
    return Event(type=d.type, sources=[ctx.doc.source(start, end)], name=d.name,
                 date=t.value if t else None, end_date=t.end_value if t else None,
                 participants=list(d.participants), place=d.place)


def _states_in_name(name: str) -> list[str]:
    """The states a war's name joins with a dash ("Russia-Georgia War", "Russo-Georgian war"); a name
    without a dash ("the Chechen war", "World War II") names no sides."""
    words = re.split(r"\s+", name.strip())
    joined = next((w for w in words if re.search(r"\w[-–—]\w", w)), None)
    if joined is None:
        return []
    out = []
    for part in re.split(r"[-–—]", joined):
        state = state_named(part)
        if state is None:
            return []   # "Nagorno-Karabakh War": a place, not two states
        out.append(state)
    return out if len(out) >= 2 else []


def _norm(name: str | None) -> str:
    return re.sub(r"[^\w]+", " ", (name or "").casefold()).strip()


def _same_name(a: str, b: str, date_a: str | None, date_b: str | None) -> bool:
    """Equal names, or one containing the other on the same known date ("Nagorno-Karabakh War" and
    "Second Nagorno-Karabakh War" in 2020)."""
    a, b = _norm(a), _norm(b)
    if a == b:
        return True
    return bool(date_a and date_b) and (f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _other_members(a: Event, b: Event) -> bool:
    """Two states joining or leaving one body are two changes ("Georgia left the CIS", "Ukraine left it")."""
    return a.type == "organization_change" and bool(a.participants) and bool(b.participants) \
        and not set(a.participants) & set(b.participants)


def _told_together(a: Event, b: Event) -> bool:
    """"The two presidents held a one-on-one meeting, followed by talks in an expanded format": unnamed
    events of one type in the same sentence, the same place, and one's participants among the other's."""
    if a.name or b.name or not a.participants or not b.participants or a.place != b.place:
        return False
    if not {(s.doc, s.start) for s in a.sources} & {(s.doc, s.start) for s in b.sources}:
        return False
    pa, pb = set(a.participants), set(b.participants)
    return pa <= pb or pb <= pa


def _merge(events: list[Event]) -> list[Event]:
    """One event per happening: the same type and name (or, unnamed, the same participants) on
    compatible dates is merged, keeping the most precise date and every source."""
    out: list[Event] = []
    for e in events:
        twin = next((o for o in out if o.type == e.type and _compatible(o.date, e.date) and (
            (e.name and o.name and _same_name(o.name, e.name, o.date, e.date) and not _other_members(o, e))
            or (not e.name and not o.name and set(e.participants) == set(o.participants)
                and (e.place == o.place or _one_sentence(o, e) and not (e.place and o.place))
                and (e.date is not None or o.date is not None))
            or _told_together(o, e))), None)
        if twin is None:
            out.append(e)
            continue
        if e.date and (twin.date is None or len(e.date) > len(twin.date)):
            twin.date, twin.end_date = e.date, e.end_date
        twin.participants += [p for p in e.participants if p not in twin.participants]
        twin.place = twin.place or e.place
        twin.sources += [s for s in e.sources if s not in twin.sources]
    return out


def _one_sentence(a: Event, b: Event) -> bool:
    """Whether two events are told by the same sentence ("arrived in Baku on a two-day official visit": the
    arrival and the visit, one placed)."""
    return bool(a.sources and b.sources) and (a.sources[0].doc, a.sources[0].start) == (
        b.sources[0].doc, b.sources[0].start)


# --- Turkish ----------------------------------------------------------------------------------

_TR_NEEDS_TIME = {"opening", "organization_change", "visit", "meeting", "military_exercise"}


def _place_of(m: Mention, ix: Index) -> str:
    """A place mention's name; for a capital, the city ("Bakü'de": Baku), not the state it stands for."""
    return (gazetteer.load().city_of_capital(m.text) if m.form == "capital" else None) or ix.name(m)


def _turkish_events(ctx: Context, ix: Index) -> list[Event]:
    """Events of a Turkish document from trigger stems and the names and dates around them
    (``extract/turkish.py``): no parse, so each reads the nearest fitting name."""
    out: list[Event] = []
    prev_times: list[TimeExpr] = []
    text = ctx.doc.text
    first = next(iter(turkish.sentences(text)), (0, 0))[0]
    for s, e in turkish.sentences(text):
        times_here = ctx.times_in(s, e)
        ms = ix.mentions_in(s, e)
        seen = set()
        for typ, off, off_end in turkish.triggers(text[s:e]):
            pos = s + off
            following = re.match(r"\s*([\wçğıöşü]*)", text[s + off_end:e]).group(1)
            qualifies_next = turkish.participle(text[s + off:s + off_end], following)
            before = [m for m in ms if m.end <= pos]
            after = [m for m in ms if m.start >= pos]
            inside = [m for m in ms if m.start <= pos < m.end]
            name, who = None, []
            if typ == "war":
                named = [m for m in inside + before[::-1] + after if m.type == "event"]
                if not named:
                    continue
                name = ix.name(named[0])
            elif typ == "independence":
                # "Azerbaycan'ın bağımsızlığını ilan etmesi" (the state in the genitive before), or
                # "bağımsızlığını kazanan Azerbaycan" (the noun the participle qualifies)
                gen = [m for m in before if turkish.case(text, m.end) == "genitive"]
                end = s + off_end
                nxt = [m for m in ms if m.start >= end]
                order = nxt + gen[::-1] if qualifies_next else gen[::-1] + nxt
                c = next((m for m in order if m.type == "country"), None)
                who = [ix.name(c)] if c else []
            elif typ == "organization_change":
                # "1918 yılında kurulan X" (the participle before its noun), "X ... kuruldu"
                kinds = ("organization", "country", "infrastructure", "agreement")
                order = after + before[::-1] if qualifies_next else before[::-1]
                c = next((m for m in order if m.type in kinds and m.form in ("name", "acronym")), None)
                name = ix.name(c) if c else None
            elif typ == "diplomatic_relations":
                # "Türkiye ile Azerbaycan arasında", "İki ülke arasında": the pair
                who = list(dict.fromkeys(ix.name(m) for m in ms if m.type == "country" and m.form == "name"))[:2]
                if len(who) < 2 and re.search(r"(?<![\wçğıöşü])(?:iki|her\siki)\sülke", text[s:e], re.I):
                    who = list(ix.pair)
                if len(who) < 2:
                    continue
            elif typ == "recognition":
                who = list(dict.fromkeys(ix.name(m) for m in ms if m.type == "country" and m.form == "name"))[:3]
                if len(who) < 2:
                    continue
            elif typ == "opening":
                c = next((m for m in before[::-1] if m.type == "infrastructure"), None)
                name = ix.name(c) if c else None
            elif typ in ("agreement_signed", "agreement_in_force"):
                c = next((m for m in ms if m.type == "agreement"), None)
                name = ix.name(c) if c else None
                who = list(dict.fromkeys(ix.name(m) for m in ms if m.type == "country" and m.form == "name"))
                if not who and re.search(r"(?<![\wçğıöşü])iki\s(?:lider|cumhurbaşkanı)", text[s:e], re.I):
                    # "iki lider ... bir anlaşma imzaladı": the two leaders, the last two people named before
                    who = list(dict.fromkeys(ix.name(m) for m in reversed(ix.mentions)
                                             if m.type == "person" and m.form == "name" and m.end <= s))[:2][::-1]
                elif not who and re.search(r"(?<![\wçğıöşü])iki\sülke", text[s:e], re.I):
                    who = list(ix.pair)
            else:
                named = [m for m in inside + after + before[::-1] if m.type == "event"]
                name = ix.name(named[0]) if named else None
                # (not a state that only says whose the title after it is: "Azerbaycan Cumhurbaşkanı X")
                who = list(dict.fromkeys(ix.name(m) for m in ms if m.type == "person" or m.type == "country" and not
                                         re.match(r"\s+(?:[\wçğıöşü]+\s+)?(?:Cumhurbaşkan|Başbakan|Bakan)",
                                                  text[m.end:m.end + 30])))
            if not (name or who):
                continue
            t = min(times_here, key=lambda x: (x.start > pos, abs(x.start - pos)), default=None)
            if t is None and typ in ("recognition", "independence") and len({x.value for x in prev_times}) == 1:
                t = prev_times[0]   # "... bağımsızlığını ilan etmesi (1991). Türkiye ... ilk tanıyan devlet"
            day = ctx.doc.published if re.fullmatch(r"\d{4}-\d\d-\d\d", ctx.doc.published or "") else None
            if t is None and day and s == first and re.search(r"[dt][ıiuü](?:r)?\.?\s*$", text[s:e].rstrip(".")):
                # a dated report's opening sentence, told in the past ("... İlham Aliyev'i Ankara'da karşıladı."):
                # the day of the report
                t = TimeExpr(day, s, s, day)
            if t is None and out and re.search(r"(?<![\wçğıöşü])(?:ardından|akabinde)\b", text[s:e], re.I):
                t = TimeExpr(out[-1].date, s, s, out[-1].date) if out[-1].date else None   # "after that": its day
            if t is None and typ in _TR_NEEDS_TIME:
                continue
            if (typ, name, tuple(who)) in seen:
                continue
            seen.add((typ, name, tuple(who)))
            # where a meeting or visit was: the place named in the locative ("Şuşa'da bir araya geldi")
            # (a visit goes where its dative says: "Nahçıvan'a ziyaret")
            cases = ("locative", "dative") if typ == "visit" else ("locative",)
            place = next((m for m in ms if m.type in ("place", "country") and m.form in ("name", "capital")
                          and turkish.case(text, m.end) in cases), None) \
                if typ in ("meeting", "visit", "agreement_signed") else None
            out.append(Event(type=typ, sources=[ctx.doc.source(s, e)], name=name,
                             date=t.value if t else None, end_date=t.end_value if t else None,
                             participants=who, place=_place_of(place, ix) if place else None))
        prev_times = times_here
    return out
