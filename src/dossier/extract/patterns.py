"""Trigger lexicons and parse helpers shared by the event and relation extractors.

The lexicons hold trigger *words* (lemmas, lower-cased) and nothing else: no
figure, date, name or relation ever lives here.  Everything an extractor states
comes from the document it reads.

``Index`` wraps a ``Context`` with the look-ups both extractors need: the
mention under a token, the most recent mention of a type before a position,
the document's two main countries (for "both countries", "the two nations"),
and the time expression governing a token (``time_of``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Span, Token

from dossier import gazetteer
from dossier.extract.context import Context, TimeExpr
from dossier.extract.times import published_date, recalled, vague
from dossier.records import Mention

# --- trigger lexicons (lemmas) ---------------------------------------------------------

SIGN_VERBS = {"sign", "conclude", "ink", "initial", "agree", "adopt"}
AGREEMENT_NOUNS = {"agreement", "treaty", "declaration", "memorandum", "deal", "accord", "protocol",
                   "contract", "charter", "convention", "pact", "communique", "roadmap", "mou", "ceasefire",
                   "truce", "armistice"}
FORCE_VERBS = {"enter", "come", "bring", "put", "go"}
RECOGNIZE_VERBS = {"recognize", "recognise"}
ESTABLISH_VERBS = {"establish", "restore", "resume", "reestablish", "re-establish", "normalize", "normalise",
                   "upgrade", "reinstate", "open", "sever", "break", "cut"}
ESTABLISH_NOUNS = {"establishment", "restoration", "resumption", "normalization", "normalisation",
                   "reinstatement", "re-establishment", "opening"}
EMBASSY_NOUNS = {"embassy"}
EMBASSY_VERBS = {"open", "inaugurate", "establish", "transform", "upgrade", "convert", "raise", "turn"}
EMBASSY_CHANGE_NOUNS = {"transformation", "upgrade", "upgrading", "conversion", "opening", "establishment"}
INDEPENDENCE_VERBS = {"proclaim", "declare", "gain", "win", "regain", "restore", "achieve", "obtain", "attain"}
STATE_PROCLAIM_VERBS = {"proclaim", "declare"}
VISIT_VERBS = {"visit"}
VISIT_NOUNS = {"visit", "trip", "tour"}
ARRIVE_VERBS = {"arrive", "land"}
TRAVEL_VERBS = {"travel", "fly", "head", "go", "come", "return", "journey"}   # "... to <place>"
STAY_VERBS = {"stop", "stay", "be"}    # "will stop in Ankara", "will be in Baku tomorrow"
MEET_VERBS = {"meet"}
# what an actor is reported to have declared ("say" and "state" too, but only where the date hangs on the
# verb itself: "said on September 28th"; an undated "he said" is every quote in the news)
STATEMENT_VERBS = {"announce", "say", "state", "declare", "emphasize", "emphasise", "stress", "report", "assess",
                   "warn", "pledge", "proclaim", "reaffirm", "underline", "unveil", "condemn"}
HOST_VERBS = {"host", "receive", "welcome"}   # "X hosted Y at the White House": a meeting of X and Y
# parts of speech that never trigger an event (the possessive "'s", a PART, may trigger a relation)
FUNCTION_POS = {"DET", "ADP", "CCONJ", "SCONJ", "PRON", "PUNCT", "SPACE", "NUM", "SYM"}
MEETING_NOUNS = {"meeting", "summit", "talks", "talk", "forum", "conference", "session", "congress",
                 "roundtable"}
CALL_NOUNS = {"call", "conversation"}
CALL_MODIFIERS = {"phone", "telephone", "video", "telephonic"}
# "spoke by phone to X", "talked on the phone with X": a call is a meeting
TALK_VERBS = {"speak", "talk", "chat", "converse", "discuss", "agree", "confer"}
PHONE_VERBS = {"phone", "telephone", "call"}
NAMED_ONLY_MEETING_NOUNS = {"week", "days", "assembly", "dialogue", "consultations"}
NOT_MET = {"demand", "need", "requirement", "criterion", "expectation", "standard", "target", "goal",
           "obligation", "condition", "challenge", "deadline", "end", "fate", "death", "cost"}
EXERCISE_NOUNS = {"exercise", "drill", "maneuver", "manoeuvre", "wargame", "war-game", "maneuvers"}
EXERCISE_MODIFIERS = {"military", "joint", "naval", "air", "tactical", "live", "live-fire", "command",
                      "staff", "army", "land", "special", "multinational", "bilateral", "trilateral",
                      "multilateral", "large-scale", "combat", "anti-terror", "counter-terrorism", "drone"}
EXERCISE_VERBS = {"hold", "conduct", "stage", "carry", "launch", "begin", "start", "participate", "join",
                  "take", "host", "organize", "organise"}
WAR_NOUNS = {"war", "conflict", "hostility", "hostilities", "offensive", "invasion", "fighting", "clash", "clashes",
             "escalation"}
WAR_START_VERBS = {"begin", "start", "break", "erupt", "resume", "launch", "outbreak", "flare", "reignite"}
OPEN_VERBS = {"open", "inaugurate", "launch", "commission", "unveil"}
OPEN_NOUNS = {"opening", "inauguration", "launch", "commissioning", "unveiling"}
OPERATION_NOUNS = {"operation", "operations", "service", "exploitation"}
START_VERBS = {"start", "begin", "commence"}
INFRA_NOUNS = {"pipeline", "railway", "railroad", "rail", "road", "bridge", "corridor", "port", "terminal",
               "refinery", "plant", "line", "highway", "airport", "route", "station", "tunnel", "canal",
               "interconnector", "link", "project", "motorway", "cable", "facility", "complex", "hub"}
RENAME_WORDS = {"rename", "renamed", "renaming", "re-name", "re-named", "rebrand", "rebranded"}
FOUND_VERBS = {"found", "establish", "create", "form", "set", "launch", "inaugurate"}
FOUND_NOUNS = {"formation", "foundation", "founding", "establishment", "creation"}
DISSOLVE_VERBS = {"dissolve", "disband", "abolish", "liquidate"}
DISSOLVE_NOUNS = {"dissolution", "disbandment", "abolition", "liquidation"}
JOIN_VERBS = {"join", "accede"}
EXHIBITION_NOUNS = {"festival", "exhibition", "expo", "fair", "exposition", "biennale", "showcase", "show"}
HOLD_VERBS = {"hold", "attend", "participate", "host", "join", "convene", "chair", "organize", "organise",
              "sign", "conduct", "stage", "pay", "make", "co-chair", "lead", "take"}

TEMPORAL_ANCHORS = {"following", "after", "since", "during"}
HYPOTHETICAL_AUX = {"may", "might", "could", "would", "should", "can", "must"}
# heads that make what they govern intended rather than done ("efforts to open", "plans for the signing")
INTENT_HEADS = {"plan", "intend", "hope", "expect", "aim", "want", "seek", "propose", "consider", "wish",
                "prepare", "try", "possibility", "prospect", "proposal", "idea", "need", "likely", "possible",
                "able", "unlikely", "ready", "willing", "agree", "aspire", "strive", "effort", "attempt", "bid",
                "push", "pressure", "precondition", "condition", "call", "demand", "urge", "open", "readiness",
                "intention", "intent", "offer", "prerequisite", "way", "option", "opportunity", "chance",
                "apply", "application", "candidacy", "ambition", "aspiration", "goal", "target"}
INTENT_OBJECT_HEADS = {"pursue", "seek", "want", "request", "await", "plan", "propose", "consider", "discuss",
                       "desire", "envisage"}
# heads that say it was stopped rather than done ("suspended the talks", "the cancellation of X")
STOP_HEADS = {"postpone", "cancel", "suspend", "boycott", "oppose", "reject", "block", "delay", "prevent",
              "halt", "freeze", "refuse", "fail", "avoid", "resist", "decline", "pause", "cancellation",
              "postponement", "suspension", "deny"}
CONDITIONAL_MARKS = {"if", "once", "unless", "until", "whether"}
HYPOTHETICAL_MODS = {"potential", "possible", "planned", "proposed", "future", "prospective", "expected",
                     "hypothetical", "eventual", "upcoming", "likely", "would-be", "envisaged"}
RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
ANAPHORIC_DETS = {"this", "that", "these", "those", "such"}
PAIR_NOUNS = {"country", "nation", "state", "side", "republic", "government", "capital", "ally", "partner"}

# --- relation lexicons ----------------------------------------------------------------------

TITLE_HEADS = {"president", "minister", "ambassador", "premier", "chancellor", "secretary", "chairman",
               "chairwoman", "chairperson", "chair", "speaker", "governor", "mayor", "envoy", "commissioner",
               "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide", "commander",
               "king", "queen", "emir", "sultan", "director", "ceo", "head", "chief", "leader",
               "representative", "consul", "attaché", "general", "marshal", "admiral", "vice-president",
               "president-elect", "prime", "deputy", "vice", "expert", "ombudsman", "prosecutor",
               "foreign", "defence", "defense", "energy", "economy", "trade", "finance", "interior",
               "parliament", "lawmaker", "member", "senator", "mp", "official", "executive", "founder", "officer"}
# words that alone make a position (the others only modify one)
TITLE_CORE = {"president", "minister", "ambassador", "premier", "chancellor", "secretary", "chairman",
              "chairwoman", "chairperson", "speaker", "governor", "mayor", "envoy", "commissioner",
              "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide", "commander", "king",
              "queen", "emir", "sultan", "director", "ceo", "chief", "head", "consul", "vice-president",
              "president-elect", "ombudsman", "prosecutor", "senator", "founder", "leader", "marshal",
              "admiral"}
# occupations that make a post only where the organisation they are held at is named ("an analyst at
# the International Crisis Group"); alone ("analyst John Smith") they say nothing of whom they serve
PROFESSIONS = {"analyst", "researcher", "fellow", "professor", "scholar", "economist", "editor", "correspondent",
               "journalist", "lecturer", "historian", "consultant", "strategist", "associate"}
# plural nouns for the people a country sends ("Georgian officials", "the Turkish delegation")
DELEGATES = {"official", "counterpart", "delegation", "delegate", "representative", "diplomat", "leader",
             "officer", "negotiator",
             # and the forces it fields ("Turkish and Azerbaijani troops held exercises")
             "troop", "force", "army", "navy", "soldier", "serviceman", "servicemen", "unit"}
_SENT_BY_STATE = TITLE_CORE | DELEGATES
TITLE_PRE = {"then", "former", "ex", "ex-", "current", "then-", "acting", "incumbent", "newly", "new",
             "outgoing", "incoming", "late"}
ORG_HEADS = {"council", "committee", "ministry", "agency", "institute", "center", "centre", "company",
             "corporation", "bank", "fund", "office", "observatory", "foundation", "party", "parliament",
             "assembly", "commission", "service", "organization", "organisation", "union", "forces", "army",
             "navy", "university", "association", "chamber", "group", "authority", "board", "administration",
             "government", "cabinet", "court", "federation", "society", "movement"}
OPERATOR_NOUNS = {"operator"}
OWNER_NOUNS = {"owner", "shareholder", "proprietor", "stakeholder"}
OPERATE_VERBS = {"operate", "run", "manage"}
OWN_VERBS = {"own", "hold", "control"}
CONNECT_VERBS = {"connect", "link", "join", "tie", "unite"}
PART_NOUNS = {"part", "section", "segment", "component", "leg", "element", "branch", "extension"}
WHOLE_REGION_NOUNS = {"enclave", "exclave", "province", "region", "autonomous", "territory", "district",
                      "oblast", "republic", "part"}
LOCATION_NOUNS = {"capital", "city", "town", "port", "field", "refinery", "terminal", "village", "region",
                  "province", "enclave", "exclave", "district", "resort", "island", "plant", "harbour",
                  "harbor", "base", "airport"}
# the head word of a place named for what is built there ("the Shah Deniz field", "the Giurgiulesti oil terminal")
SITE_HEADS = {"field", "fields", "deposit", "block", "terminal", "port", "refinery", "plant", "mine", "complex"}
LOCATED_VERBS = {"locate", "situate", "base", "lie", "sit", "headquarter"}
SUPPLIER_NOUNS = {"supplier", "exporter", "provider", "source", "seller", "vendor"}
SUPPLY_VERBS = {"supply", "deliver", "export", "sell", "provide", "ship", "send", "transport", "transit",
                "carry", "pump", "bring", "move"}
CARRY_VERBS = {"transport", "transit", "carry", "ship", "pump", "bring", "move"}
IMPORT_VERBS = {"import", "buy", "purchase", "receive", "procure", "get", "obtain", "source", "acquire"}
COMMODITIES = {"gas", "oil", "crude", "petroleum", "lng", "electricity", "power", "fuel", "coal", "condensate",
               "hydrocarbon", "weapon", "arm", "drone", "uav", "equipment", "ammunition", "munition",
               "missile", "aircraft", "grain", "wheat", "water", "petrochemical", "gasoline", "diesel",
               "energy", "armament", "hardware", "vehicle", "helicopter", "rifle", "tank", "weaponry",
               "jet", "warplane", "bomber", "warship", "frigate", "submarine", "artillery", "rocket",
               "howitzer", "launcher",
               # goods of trade
               "wine", "fruit", "vegetable", "cotton", "steel", "aluminium", "aluminum", "fertilizer", "fertiliser",
               "cement", "foodstuff", "textile", "gold", "uranium", "hydrogen", "methanol", "urea", "timber", "sugar",
               "tobacco", "copper", "hazelnut", "meat", "car", "medicine"}
TRADE_WORDS = {"trade", "trading", "importer", "exporter", "import", "export"}
RANK_NOUNS = {"position", "place", "spot", "rank", "ranking", "slot", "top"}
RANK_VERBS = {"rank"}
MEMBER_NOUNS = {"member", "membership", "participant"}
ORG_LIST_NOUNS = {"organization", "organisation", "institution", "bloc", "alliance", "body", "platform",
                  "grouping", "format", "union", "forum"}
SIT_VERBS = {"sit", "serve"}
CHAIR_WORDS = {"chair", "chairmanship", "chairing", "chairs", "presidency", "preside"}
MAKE_VERBS = {"manufacture", "produce", "build", "make", "develop", "design", "assemble"}
MAKE_NOUNS = {"manufacturer", "maker", "producer", "developer", "builder"}
INTENT_NOUNS = {"intent", "intention", "plan", "decision", "ability", "readiness", "bid", "effort", "attempt",
                "right", "commitment", "promise", "pledge", "willingness", "provision", "permission", "way"}
STATE_OWNED = {"state-owned", "state", "national", "government-owned", "state-run"}

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}
TOP_WORDS = {"largest", "biggest", "leading", "greatest", "foremost", "top", "main", "principal", "primary",
             "number-one", "no.1"}
AGENT_TYPES = ("country", "person", "organization")

_PRONOUNS_IT = {"it", "its"}
_PRONOUNS_THEY = {"they", "them", "their", "theirs"}


# --- small token helpers ---------------------------------------------------------------------

def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and every token coordinated with it ("A, B and C")."""
    return [tok, *[t for t in tok.conjuncts if t.i != tok.i]]


def children(tok: Token, deps: set[str] | tuple[str, ...]) -> list[Token]:
    """Children of ``tok`` with one of the dependency labels."""
    return [c for c in tok.children if c.dep_ in deps]


def pobjs(tok: Token, preps: set[str] | tuple[str, ...]) -> list[Token]:
    """Objects of the prepositions ``preps`` hanging from ``tok`` (and their conjuncts)."""
    out = []
    for p in tok.children:
        if p.dep_ in ("prep", "agent", "dative") and p.lower_ in preps:
            for o in p.children:
                if o.dep_ in ("pobj", "pcomp"):
                    out.extend(conjuncts(o))
    return out


def dep_distance(a: Token, b: Token) -> int:
    """Number of arcs between two tokens of one sentence."""
    up_a = {a.i: 0}
    t, n = a, 0
    while t.head.i != t.i:
        t, n = t.head, n + 1
        up_a[t.i] = n
    t, n = b, 0
    while t.i not in up_a:
        if t.head.i == t.i:
            return 99
        t, n = t.head, n + 1
    return n + up_a[t.i]


def antecedent(tok: Token) -> Token | None:
    """The noun a relative pronoun stands for ("TANAP, which is owned by ...", "the line, which was opened
    in 2014"), or None."""
    if tok.lower_ not in ("which", "that") or tok.head.dep_ != "relcl":
        return None
    return relative_head(tok.head)


def relative_head(relcl: Token) -> Token:
    """The noun a relative clause tells of.  The parser hangs "members of the OTS, which held its summit"
    on "members"; a singular clause ("its", "is", "has") after a plural noun tells of the name of its
    "of" phrase, the one right before the pronoun."""
    head = relcl.head
    if head.tag_ not in ("NNS", "NNPS"):
        return head
    singular = any(t.tag_ == "VBZ" or t.lower_ in ("its", "was") for t in relcl.subtree if t.i >= relcl.left_edge.i)
    before = relcl.left_edge.i - 1
    while before > head.i and relcl.doc[before].is_punct:
        before -= 1
    if not singular or before <= head.i:
        return head
    last = relcl.doc[before]
    if last.pos_ != "PROPN":
        return head
    nearest = None   # (the last of coordinated names: "of the Danube Council and the OTS, which ...")
    for t in [last, *last.ancestors]:   # (up through a name of its own: "the Organization of Turkic States")
        if t.dep_ == "conj" and t.pos_ == "PROPN" and nearest is None:
            nearest = t
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i == head.i:
            return (nearest or t) if t.pos_ == "PROPN" and all(
                w.pos_ in ("PROPN", "ADP", "DET", "CCONJ") for w in relcl.doc[t.i:before + 1]) else head
    return head


def along_with(verb: Token) -> list[Token]:
    """Who did the same as the subject: "along with A and B", "together with A", "alongside A"."""
    out = pobjs(verb, {"alongside"})
    for p in verb.children:
        if p.dep_ in ("prep", "advmod") and p.lower_ in ("along", "together"):
            out += [o for w in p.children if w.lower_ == "with" for o in w.children if o.dep_ == "pobj"]
            out += pobjs(p, {"with"})
        if p.dep_ == "prep" and p.lower_ == "with" and any(a.lower_ in ("along", "together") for a in p.children):
            out += [o for o in p.children if o.dep_ == "pobj"]   # ("together" hung on "with")
    return list(dict.fromkeys(out))


def what_subject_is(noun: Token, subject: Token) -> bool:
    """Whether ``noun`` says what ``subject`` is ("X is a politician who served as minister from 2015 to
    2023"): a clause on it tells of the subject."""
    return noun.dep_ == "attr" and subject.dep_ == "nsubj" and subject.head.i == noun.head.i


def describes_another(a: Anchored, anchor: Token, own: Callable[[Token], bool] | None = None) -> bool:
    """A stretch of time told of someone or something else in the sentence, in a clause or apposition of
    its own ("X, who was prime minister from 2003 to 2013, visited Y"; "X, minister since 2019, said ..."):
    it is that one's tenure, not the time of ``anchor``'s event or post. (A single year there may well be
    the event's too: "my meeting with X, who was then minister in 2003".) What describes a word ``own`` accepts
    (of a post's title: "X's term as president (2000-08)") is the anchor's own."""
    above = {anchor.i}
    t = anchor
    # (a name's conjunct head is someone else: "by X, minister from 2019 to 2020, and Y")
    while t.head.i != t.i and not (t.dep_ == "conj" and t.pos_ == "PROPN"):
        t = t.head
        above.add(t.i)
    if a.time.end_value is None and a.token.lower_ != "since" and a.token.head.lower_ != "since":
        return _told_in_relative_clause(a.token, above)
    t = a.token
    while t.i not in above and t.head.i != t.i:
        # (not one of a phrase the anchor is in: "during X's first term as president (2000-08)")
        if t.dep_ in ("relcl", "appos", "acl") and t.head.i not in above \
                and not (own is not None and own(t.head)) and not what_subject_is(t.head, anchor):
            return True
        t = t.head
    return False


# what a relative clause tells happened to the thing itself when it is an occasion ("the summit, which was
# held in Baku in 2022"): its time is the occasion's
_OCCASION_VERBS = {"hold", "take", "happen", "occur", "convene", "host", "organize", "organise", "attend", "be",
                   "have", "become", "remain"}


def _told_in_relative_clause(tok: Token, above: set[int]) -> bool:
    """"the second meeting of the commission, which was set up in 2022": a relative clause telling what was
    done to another thing ("set up", "built", "signed") dates that thing, not the event it is named in.
    (Not "X, who was then minister in 2003": a state told of someone may be the event's time too.)"""
    t = tok
    while t.i not in above and t.head.i != t.i:
        if t.dep_ == "relcl" and t.head.i not in above:
            return t.pos_ == "VERB" and t.lemma_.casefold() not in _OCCASION_VERBS and any(
                c.tag_ in ("WDT", "WP") for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))
        t = t.head
    return False


def clause_verb(tok: Token) -> Token:
    """The nearest verb or auxiliary at or above ``tok``."""
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return t


def misread_with(verb: Token) -> bool:
    """"signed a contract with B to buy gas": the parser reads "with B to buy" as a clause whose subject
    is B (marked by "with"); B is the counterpart of the verb it hangs from."""
    return verb.tag_ == "VB" and any(c.dep_ == "mark" and c.lower_ == "with" for c in verb.children) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def subject_of(tok: Token) -> list[Token]:
    """The subject of the clause ``tok`` belongs to, climbing through participles, conjuncts and xcomps."""
    t = tok
    for _ in range(8):
        subj = children(t, ("nsubj", "nsubjpass", "csubj"))
        if subj and subj[0].lower_ in RELATIVE_PRONOUNS and t.dep_ == "relcl":
            # "Uzbekistan, which joined ...": the noun the clause hangs from (only the nearest name for a
            # singular clause the parser hung on a plural noun: "members of A and B, which held its summit")
            told = relative_head(t)
            return conjuncts(told) if told.i == t.head.i else [told]
        if subj and t.dep_ == "advcl" and misread_with(t):
            t = t.head   # "A signed a contract with B to buy gas": A buys (B is no subject of "buy")
            continue
        if subj:
            # the parser sometimes gives "The company Aselsan" two nsubj: keep both, callers filter by type
            return [c for s in subj for c in conjuncts(s)]
        if t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.lower_ in ("of", "for") and t.head.head.pos_ == "VERB":
            # "A accused B of using drones", "A thanked B for sending aid": the one accused or thanked does it
            obj = children(t.head.head, ("dobj",))
            if obj:
                return conjuncts(obj[0])
        # "for SOCAR to supply": the subject hangs from the verb as nsubj; "X, chairing Y": climb
        if t.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acl", "ccomp", "dep", "relcl") and t.head.i != t.i:
            if t.dep_ in ("acl", "relcl") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
                if t.head.lemma_.lower() in INTENT_NOUNS:
                    t = t.head
                    continue
                if t.head.dep_ == "attr":
                    return [s for s in t.head.head.children if s.dep_ == "nsubj"][:1]
                return [relative_head(t) if t.dep_ == "relcl" else t.head]
            t = t.head
            continue
        if t.dep_ in ("pobj", "prep", "attr", "dobj", "appos", "amod", "acomp") and t.head.i != t.i:
            t = t.head
            continue
        break
    return []


def is_hypothetical(tok: Token) -> bool:
    """Whether ``tok`` is stated as possible, intended, negated or hoped for rather than as fact."""
    if any(c.lower_ in HYPOTHETICAL_MODS for c in tok.children if c.dep_ in ("amod", "compound", "advmod")):
        return True
    t, via = tok, ""
    for _ in range(6):
        kids = list(t.children)
        if any(c.dep_ == "neg" for c in kids):
            return True
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in kids):
            return True
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in kids):
            return True
        if t.i != tok.i:
            lemma = t.lemma_.lower()
            if lemma in STOP_HEADS:
                return True
            if lemma in INTENT_HEADS and via in ("xcomp", "acl", "ccomp", "advcl", "of", "for", "on"):
                return True
            if lemma in INTENT_OBJECT_HEADS and via == "dobj":   # "is pursuing membership in X"
                return True
            if via in ("towards", "toward"):     # "worked towards re-launching the ferry"
                return True
        if t.head.i == t.i or t.dep_ in ("ROOT",):
            break
        if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and (t.tag_ in ("VBD", "VBZ", "VBP") or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in kids)):
            # (not an infinitive: "agreed to set up a secretariat and to hold the next summit")
            break   # "would send aid and had already delivered fuel": a verb with its own tense is told as it is
        if t.dep_ == "acl" and t.tag_ == "VBN" and t.head.pos_ in ("NOUN", "PROPN") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in kids):
            break   # "the treaty, signed in Aktau in 2018, has not been ratified": the participle tells a fact
        # nouns inherit the modality of their verb ("the signing may happen"), but not the
        # subject of a copula ("the transformation was not the establishment, but ...")
        if t.dep_ == "nsubj" and t.head.lemma_.lower() == "be":
            break
        if t.dep_ == "prep" and t.lower_ in TEMPORAL_ANCHORS:
            break   # "efforts to mend ties following X's visit": what a plan is dated by did happen
        if t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "xcomp", "prep", "compound", "attr", "conj",
                      "acomp", "pcomp", "oprd", "acl"):
            via = t.lower_ if t.dep_ == "prep" else (via if t.dep_ in ("pobj", "pcomp") else t.dep_)
            t = t.head
            continue
        break
    return False


def habitual(tok: Token) -> bool:
    """A verb in the simple present ("when X meets Y, he always says"): a habit, not an event."""
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBZ", "VBP"):
        return False
    return not any(c.dep_ == "aux" for c in tok.children)


def ordinal_of(tokens) -> int | None:
    """The rank stated by ordinal or superlative words among ``tokens`` ("second biggest" -> 2)."""
    words = [t.lower_ for t in tokens]
    for w in words:
        if w in ORDINALS:
            return ORDINALS[w]
        if re.fullmatch(r"\d{1,3}(?:st|nd|rd|th)", w):   # "21st largest"
            return int(w[:-2])
    text = " ".join(words)
    m = re.search(r"\bno\.?\s*(\d+)\b|\bnumber\s+(\d+)\b|#(\d+)\b", text)
    if m:
        return int(next(g for g in m.groups() if g))
    if re.search(r"\bnumber[- ]one\b", text) or any(w in TOP_WORDS for w in words):
        return 1
    return None


# --- the document index --------------------------------------------------------------------

@dataclass
class Anchored:
    """A time expression with the token of the parse it hangs from."""

    time: TimeExpr
    token: Token


_SAME_POST = {"premier": r"premier|prime minister|pm", "pm": r"premier|prime minister|pm"}


# common nouns for a settlement or area, named by an "of" after them ("the town of Cahul")
_SETTLEMENT_NOUNS = {"town", "city", "village", "port", "region", "district", "province", "settlement"}


# nouns that describe a state already named ("its ally", "the ex-Soviet country")
_STATE_DESCRIPTIONS = {"ally", "country", "state", "nation", "republic", "neighbour", "neighbor", "partner"}


class Index:
    """Look-ups over one document's parse, mentions and times."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.sp = ctx.sp
        self.text = ctx.doc.text
        self.by_token: dict[int, Mention] = {}
        self.mentions = sorted(ctx.mentions, key=lambda m: (m.start, -m.end))
        self._spans: dict[int, Span] = {}
        for m in self.mentions:
            span = self.sp.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            self._spans[id(m)] = span
            for t in span:
                self.by_token.setdefault(t.i, m)
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", self.text)]
        counts = Counter(self.name(m) for m in self.mentions if m.type == "country")
        self.pair = [n for n, _ in counts.most_common(2)]
        self._sents = list(self.sp.sents)
        self._sent_index = {s.start: i for i, s in enumerate(self._sents)}

    @cached_property
    def report_day(self) -> TimeExpr | None:
        """The day a news report is about: the latest day its lead (first 700 characters) names within the
        three days before its publication ("Baku, May 28 (QNA) - ..."); None for an analysis or an undated
        page."""
        pub = published_date(self.ctx.doc.published)
        if pub is None:
            return None
        days = [t for t in self.ctx.times if t.start < 700 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value)
                and 0 <= (pub - dt.date.fromisoformat(t.value)).days <= 3]
        return max(days, key=lambda t: t.value) if days else None

    # mentions
    def name(self, m: Mention) -> str:
        """Canonical name of a mention (its text when unresolved)."""
        return m.entity or m.text

    def spans(self, types: tuple[str, ...]) -> Iterator[tuple[Mention, Span]]:
        """Each mention of ``types`` in text order with the tokens it covers (those no token boundary
        fits are left out)."""
        for m in self.mentions:
            if m.type in types and id(m) in self._spans:
                yield m, self._spans[id(m)]

    def mention(self, tok: Token, types: tuple[str, ...] | None = None) -> Mention | None:
        """The mention covering ``tok``, optionally only of some types."""
        m = self.by_token.get(tok.i)
        if m is not None and (types is None or m.type in types):
            return m
        return None

    def name_mention(self, tok: Token, types: tuple[str, ...] | None = None) -> Mention | None:
        """The mention covering ``tok`` when it names something (a title such as "President" that
        the entity reader linked to its holder does not count)."""
        m = self.mention(tok, types)
        return None if m is not None and m.form == "title" else m

    def is_title(self, tok: Token) -> bool:
        """Whether ``tok`` lies in a title the entity reader found ("Minister of Trade")."""
        m = self.by_token.get(tok.i)
        return m is not None and m.form == "title"

    def mentions_in(self, start: int, end: int, types: tuple[str, ...] | None = None) -> list[Mention]:
        """Mentions inside clean[start:end], in text order."""
        return [m for m in self.mentions
                if m.start >= start and m.end <= end and (types is None or m.type in types)]

    def phrase_mentions(self, tok: Token, types: tuple[str, ...] | None = None) -> list[Mention]:
        """Mentions naming the noun phrase headed by ``tok`` and its conjuncts (not its clauses)."""
        out: list[Mention] = []
        for c in conjuncts(tok):
            found = self.mention(c, types)
            if found is None:
                # "the Turkish capital Ankara", "port Ceyhan": the name is an apposition or compound
                for k in c.children:
                    if k.dep_ in ("appos", "compound", "flat", "nmod"):
                        found = self.mention(k, types)
                        # "a US company": a country modifying a common noun is its nationality
                        if found is not None and found.type == "country" and k.dep_ != "appos" \
                                and c.pos_ == "NOUN":
                            found = None
                        if found is not None:
                            break
            if found is None and c.lemma_.lower() in _SETTLEMENT_NOUNS and (types is None or "place" in types):
                # "the Moldovan town of Cahul": the place the "of" names
                found = next((m for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                              if o.dep_ == "pobj" for m in [self.mention(o, ("place",))] if m is not None), None)
            if found is None and c.dep_ == "conj":
                # "X and his counterpart Y": the parser may hang the name Y on X, right after the noun it names
                found = next((m for k in c.head.children if k.dep_ == "appos" and k.left_edge.i == c.i + 1
                              for m in [self.mention(k, types)] if m is not None), None)
            if found is None and c.lower_ in _PRONOUNS_IT | _PRONOUNS_THEY:
                continue
            if found is not None and found not in out:
                out.append(found)
                # "presidents Ion Rusu and Anna Petrova": the names in apposition, all of them
                for k in c.children:
                    if k.dep_ == "appos" and self.mention(k, types) is found:
                        for kc in conjuncts(k)[1:]:
                            more = self.mention(kc, types)
                            if more is not None and more not in out:
                                out.append(more)
        return out

    def last_before(self, pos: int, types: tuple[str, ...], same_paragraph: bool = True,
                    exclude: set[str] | None = None) -> Mention | None:
        """The most recent mention of ``types`` ending before ``pos`` (in its paragraph by default)."""
        floor = self.paragraph_start(pos) if same_paragraph else 0
        for m in reversed(self.mentions):
            if m.end <= pos and m.start >= floor and m.type in types:
                if exclude and self.name(m) in exclude:
                    continue
                return m
        return None

    def _subject_over(self, m: Mention, pronoun: Token) -> str | None:
        """"The Commissioner will meet Prime Minister X. ... She will hold talks": a pronoun in a later
        sentence stands for the person the clause was about, not the one it named as its object."""
        span = self._spans.get(id(m))
        if span is None or span.sent.start == pronoun.sent.start:
            return None
        root = span.root
        if root.dep_ == "dobj":
            verb = root.head            # "will meet X"
        elif root.dep_ == "pobj" and root.head.head.pos_ == "VERB":
            verb = root.head.head       # "met with X"
        elif root.dep_ == "pobj" and root.head.head.dep_ == "dobj":
            verb = root.head.head.head  # "held talks with X"
        else:
            return None
        if verb.pos_ != "VERB":
            return None
        for subj in children(verb, ("nsubj",)):
            found = self.mention(subj, ("person",))
            if found is not None and found.form in ("name", "acronym"):
                return self.name(found)
            if subj.lower_ in TITLE_CORE and any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
                return self.titled_before(subj)
        return None

    def paragraph_start(self, pos: int) -> int:
        """Start of the paragraph holding ``pos``."""
        return max(s for s in self.paragraph_starts if s <= pos)

    # sentences
    def sentences(self) -> list[Span]:
        """The sentences of the parse."""
        return self._sents

    def previous_sentence(self, sent: Span, same_paragraph: bool = True) -> Span | None:
        """The sentence before ``sent`` (None at a paragraph start by default)."""
        i = self._sent_index.get(sent.start, 0)
        if i == 0:
            return None
        prev = self._sents[i - 1]
        if same_paragraph and self.paragraph_start(sent.start_char) > prev.start_char:
            return None
        return prev

    def next_sentence(self, sent: Span) -> Span | None:
        """The sentence after ``sent`` in the same paragraph."""
        i = self._sent_index.get(sent.start, len(self._sents))
        if i + 1 >= len(self._sents):
            return None
        nxt = self._sents[i + 1]
        if self.paragraph_start(nxt.start_char) > sent.start_char:
            return None
        return nxt

    def quote(self, sent: Span) -> tuple[int, int]:
        """Character span of a sentence without surrounding white space."""
        text = sent.text
        start = sent.start_char + (len(text) - len(text.lstrip()))
        return start, start + len(text.strip())

    # references
    def is_pair_phrase(self, tok: Token) -> bool:
        """"both countries", "the two nations", "the two sides"; a bare "the countries" as a subject."""
        if tok.lemma_.lower() not in PAIR_NOUNS:
            return False
        if tok.tag_ == "NNS" and tok.dep_ == "nsubj" and tok.lemma_.lower() in (
                "country", "nation", "side") and [c.lower_ for c in tok.children] == ["the"]:
            return True   # "The countries signed a military cooperation agreement in 1996"
        return any(c.lower_ in ("both", "two") for c in tok.children)

    def _pair_before(self, tok: Token) -> list[str]:
        """"Azerbaijan and Armenia ... Both countries were ...": the last two countries coordinated
        in the sentence before (or earlier in this one), if any."""
        prev = self.previous_sentence(tok.sent)
        spans = [tok.sent.doc[tok.sent.start:tok.i]] + ([prev] if prev is not None else [])
        for span in spans:
            pairs = []
            for t in span:
                a = self.mention(t, ("country",))
                if a is None or a.form not in ("name", "acronym"):
                    continue
                for c in t.children:
                    b = self.mention(c, ("country",)) if c.dep_ == "conj" else None
                    if b is not None and b.form in ("name", "acronym") and self.name(b) != self.name(a):
                        pairs.append([self.name(a), self.name(b)])
            # the parser loses coordinations broken by a parenthesis ("Azerbaijan (Russia backed) and
            # Armenia (US backed)"): read the surface
            ms = [m for m in self.mentions_in(span.start_char, span.end_char, ("country",))
                  if m.form in ("name", "acronym")]
            for a in ms:
                link = re.match(r"\s*(?:\([^()]*\))?\s*(?:and|&)\s+", self.text[a.end:span.end_char])
                b = next((m for m in ms if link and m.start == a.end + link.end()), None)
                if b is not None and self.name(a) != self.name(b):
                    pairs.append([self.name(a), self.name(b)])
            if pairs:
                return pairs[-1]
        return []

    def refers(self, tok: Token, types: tuple[str, ...] = AGENT_TYPES) -> list[str]:
        """Canonical names a token stands for: its mention, or what a pronoun or 'both countries' points to."""
        if "country" in types and tok.tag_ in ("NNS", "NNPS") and (
                tok.lemma_.lower() in _SENT_BY_STATE or tok.lower_.rstrip("s") in _SENT_BY_STATE):
            # "with Georgian, Romanian and Bulgarian Ministers": the officials stand for their countries
            names = [self.name(m) for k in tok.children if k.dep_ in ("amod", "compound", "nmod")
                     for c in conjuncts(k) for m in [self.mention(c, ("country",))] if m is not None]
            # "the presidents of Turkey and Azerbaijan met": the states whose officials they are
            names = names or [self.name(m) for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                              for o in p.children if o.dep_ == "pobj" for c in conjuncts(o)
                              for m in [self.mention(c, ("country",))] if m is not None]
            if names:
                return list(dict.fromkeys(names))
            # "both countries' presidents": the two states named before
            pair = [k for k in tok.children if k.dep_ == "poss" and self.is_pair_phrase(k)]
            if pair:
                return self._pair_before(pair[0]) or list(self.pair)
        names = [self.name(m) for m in self.phrase_mentions(tok, types)]
        if names:
            return names
        if "person" in types and tok.lemma_.lower() in TITLE_CORE:
            # "European Commissioner for Trade and Energy X visited ...": the parser lays the name inside the
            # title's phrase; the one person it ends with is who holds it
            end = tok.right_edge.idx + len(tok.right_edge)
            held = [m for m in self.mentions_in(tok.left_edge.idx, end, ("person",)) if m.form == "name"]
            if len(held) == 1 and held[0].end == end:
                return [self.name(held[0])]
        if "country" in types and tok.tag_ == "NN" and tok.lemma_.lower() in _SENT_BY_STATE \
                and tok.dep_ == "conj" and tok.head.tag_ == "NNS":
            # "by the presidents of A and B and the prime minister of C": each unnamed official of a state
            # told with others stands for it as they do
            names = [self.name(m) for o in pobjs(tok, {"of"}) for m in [self.mention(o, ("country",))]
                     if m is not None]
            if names:
                return names
        if "person" in types and tok.tag_ == "NNS" and tok.lemma_.lower() in TITLE_CORE | {"leader"} and any(
                c.lower_ in ("two", "both") for c in tok.children):
            # "the two presidents met", "both leaders signed": the last two people named before
            two = self._two_named_before(tok)
            if two:
                return two
            if "country" in types:
                # "X paid a visit to Georgia, during which the two presidents signed": one of them unnamed, the
                # two states told together just before, or the two the text is about when the sentence names one
                before = self._pair_before(tok)
                named = {self.name(m) for m in self.mentions_in(tok.sent.start_char, tok.sent.end_char, ("country",))}
                if before or len(self.pair) == 2 and named & set(self.pair):
                    return before or list(self.pair)
        low = tok.lower_
        if self.is_pair_phrase(tok) and "country" in types:
            return self._pair_before(tok) or list(self.pair)
        if low in _PRONOUNS_THEY:
            prev = self._previous_subject(tok)
            return [n for n in prev if n] if len(prev) > 1 else []
        if low in _PRONOUNS_IT and "country" in types:
            ahead = self._main_subject_after(tok, ("country",))
            if ahead is not None:
                return [ahead]   # "Since its founding in 1991, Moldova has ...": Moldova
            back = self._country_subject_before(tok)
            if back is not None:
                return [back]    # "Though Romania is not a large state, it is a member of the EU": Romania
        if low in ("he", "she", "his", "her") and "person" in types:
            ahead = self._main_subject_after(tok)
            if ahead is not None:
                return [ahead]   # "During his visit to Baku, Foreign Minister X met ...": X
            m = self.last_before(tok.idx, ("person",), same_paragraph=False)
            if m is None:
                return []
            return [self._subject_over(m, tok) or self.name(m)]
        if "person" in types and tok.lower_ in TITLE_CORE and tok.tag_ in ("NN", "NNP") and any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            titled = self.titled_before(tok)
            return [titled] if titled else []
        if "country" in types and tok.lemma_.lower() == "government" and tok.tag_ in ("NN", "NNP"):
            # "between the Government of the Republic of A and ...": the state whose government it is
            return [self.name(m) for o in pobjs(tok, {"of"}) for m in [self.mention(o, ("country",))]
                    if m is not None][:1]
        return []

    def described_country(self, tok: Token, exclude: set[str]) -> str | None:
        """"its ally", "the ex-Soviet country": a state described, not named, is the last one named
        before it in the paragraph other than ``exclude`` (the clause's own actor: an ally is another)."""
        if tok.tag_ != "NN" or tok.lemma_.lower() not in _STATE_DESCRIPTIONS:
            return None
        if not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their", "his", "her")
                   for c in tok.children):
            return None
        m = self.last_before(tok.left_edge.idx, ("country",), exclude=exclude)   # not "Soviet" of "ex-Soviet"
        return self.name(m) if m else None

    def _main_subject_after(self, tok: Token, types: tuple[str, ...] = ("person",)) -> str | None:
        """The subject of the main clause (a mention of ``types``) when ``tok`` sits in a phrase fronted
        before it."""
        root = tok.sent.root
        subj = [s for s in root.children if s.dep_ in ("nsubj", "nsubjpass") and s.i > tok.i]
        fronted = [c for c in root.children if c.dep_ in ("prep", "advcl", "npadvmod")
                   and c.left_edge.i <= tok.i <= c.right_edge.i]
        if not subj or not fronted or fronted[0].right_edge.i >= subj[0].left_edge.i:
            return None
        found = self.phrase_mentions(subj[0], types)
        return self.name(found[0]) if found else None

    def _two_named_before(self, tok: Token, reach: int = 400) -> list[str]:
        """The last two people named before ``tok`` (within ``reach`` characters), those with the title
        beside their name first ("the two presidents": the two named as presidents)."""
        word = re.escape(tok.lemma_.lower())
        named, titled = [], []
        # (a person titled so at an earlier mention is titled: "President X met President Y. X was accompanied by
        # Foreign Minister Z ... The two presidents ...")
        for m in reversed(self.mentions):
            if m.end > tok.idx or m.start < tok.idx - 3 * reach or m.type != "person" \
                    or m.form not in ("name", "acronym"):
                continue
            if m.start >= tok.idx - reach and self.name(m) not in named:
                named.append(self.name(m))
            before = self.text[max(0, m.start - 30):m.start].lower()
            after = self.text[m.end:m.end + 40].lower()
            if self.name(m) not in titled and (re.search(r"\b" + word + r"\s+$", before) or re.match(
                    r",?\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}" + word + r"\b", after)):
                titled.append(self.name(m))   # "President X", "X, the Azerbaijani president"
        # (the order is the last mention's: the last two named before)
        titled.sort(key=lambda n: named.index(n) if n in named else len(named))
        pick = titled if len(titled) >= 2 else named
        return pick[:2][::-1] if len(pick) >= 2 else []

    def titled_before(self, tok: Token, window: int = 60) -> str | None:
        """"the Commissioner", "the premier": the last person named before with that title beside the name
        (and, for "the Turkish president", the same state beside it)."""
        word = tok.lower_
        # the same post in other words: "the premier" after "PM X" or "Prime Minister X"
        words = _SAME_POST.get(word, re.escape(word))
        states = {self.name(m) for c in tok.children if c.dep_ in ("amod", "compound", "poss")
                  for m in [self.mention(c, ("country",))] if m is not None}
        # "the Minister of Economy of Azerbaijan": the state and the portfolio the post is told with
        held = [o for o in pobjs(tok, {"of", "for"}) for o in [o, *pobjs(o, {"of"})]]
        states |= {self.name(m) for o in held for m in [self.mention(o, ("country",))] if m is not None}
        portfolio = [o.lower_ for o in held if self.mention(o, ("country",)) is None and o.pos_ in ("PROPN", "NOUN")]
        for m in reversed(self.mentions):
            if m.type != "person" or m.end > tok.idx or m.form not in ("name", "acronym"):
                continue
            # the title must stand beside the name, in the same sentence ("Commissioner ..., Dan Jørgensen,")
            lo = m.start - len(re.split(r"[.!?\n]", self.text[max(0, m.start - window):m.start])[-1])
            hi = m.end + len(re.split(r"[.!?\n]", self.text[m.end:min(m.end + window, tok.idx)])[0])
            # ... and not beside another person's ("A met Romanian President B": A is not Romanian)
            others = [x for x in self.mentions if x.type == "person" and x.form in ("name", "acronym")
                      and x.entity != m.entity and lo <= x.start < hi]
            lo = max([lo, *(x.end for x in others if x.end <= m.start)])
            hi = min([hi, *(x.start for x in others if x.start >= m.end)])
            if not re.search(r"\b(?:" + words + r")\b", (self.text[lo:m.start] + " " + self.text[m.end:hi]).lower()):
                continue
            if states and not states & {self.name(x) for x in self.mentions_in(lo, hi, ("country",))}:
                continue   # "the Turkish president" is not the Iranian President named last
            if any(w not in self.text[lo:hi].lower() for w in portfolio):
                continue   # "the Minister of Economy" is not the Prime Minister named last
            return self.name(m)
        return None

    def _previous_subject(self, tok: Token) -> list[str]:
        """Names in the subject of the previous sentence (for "they")."""
        sent = tok.sent
        prev = self.previous_sentence(sent, same_paragraph=False)
        if prev is None:
            return []
        types = ("country", "organization", "person")
        subj = [t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
        names = [self.name(m) for m in self.phrase_mentions(subj[0], types)] if subj else []
        if len(names) > 1:
            return names
        # a heading glued to the sentence breaks the parse: the first coordinated pair will do
        for t in prev:
            m = self.mention(t, types)
            if m is not None and any(self.mention(c, types) for c in t.conjuncts):
                return [self.name(x) for x in self.phrase_mentions(t, types)]
        return names

    def _country_subject_before(self, tok: Token) -> str | None:
        """A state "it"/"its" points back to: the last subject before it in its sentence, else the main
        subject of the previous sentence of its paragraph, when that subject names one state."""
        sent = tok.sent
        subj = [t for t in sent if t.i < tok.i and t.dep_ in ("nsubj", "nsubjpass")
                and not (t.left_edge.i <= tok.i <= t.right_edge.i)]
        if not subj:
            prev = self.previous_sentence(sent, same_paragraph=True)
            subj = [t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"] if prev else []
        if not subj:
            return None
        found = self.phrase_mentions(subj[-1])
        return self.name(found[0]) if len(found) == 1 and found[0].type == "country" else None

    def body_named_before(self, tok: Token) -> list[Mention]:
        """"The group was created in 1995", "joined the organisation": the body named last before, within two
        paragraphs, that the noun names ("... under the aegis of the Vestra Prut Group")."""
        if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
            return []
        m = self.named_by_noun(tok, ("organization",), reach=1200)
        return [m] if m is not None else []

    def named_by_noun(self, tok: Token, types: tuple[str, ...], reach: int) -> Mention | None:
        """"the group", "the armed forces": the mention of ``types`` named last in the ``reach`` characters
        before ``tok`` whose name ends with that noun ("... the OSCE Minsk Group")."""
        noun = tok.lemma_.lower().rstrip("s").replace("organis", "organiz")

        def fits(name: str) -> bool:
            words = [w.casefold().rstrip("s").replace("organis", "organiz") for w in name.split()]
            # ("the organisation": "Organization of Turkic States" is one, whatever word ends its name)
            return words[-1] == noun or noun == "organization" and noun in words
        before = [m for m in self.mentions_in(max(0, tok.idx - reach), tok.idx, types) if fits(self.name(m))]
        return before[-1] if before else None

    def subject_before(self, tok: Token, types: tuple[str, ...]) -> str | None:
        """What "its"/"their" most likely points to: the subject of the previous sentence (or of this
        one, before ``tok``) when it is of ``types``, else the last such mention."""
        sent = tok.sent
        prev = self.previous_sentence(sent, same_paragraph=False)
        for s in ([sent] if any(t.i < tok.i and t.dep_ == "nsubj" for t in sent) else []) + (
                [prev] if prev is not None else []):
            for t in s:
                if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and t.i < tok.i:
                    m = self.mention(t, types)
                    if m is not None:
                        return self.name(m)
        m = self.last_before(tok.idx, types, same_paragraph=False)
        return self.name(m) if m else None

    def infrastructure_for(self, tok: Token) -> Mention | None:
        """The infrastructure a token names: its own mention, or for "it", "the pipeline", "this
        railway" the most recent infrastructure mentioned before it."""
        m = self.mention(tok, ("infrastructure",))
        if m is not None:
            return m
        for k in tok.children:
            if k.dep_ in ("compound", "appos"):
                m = self.mention(k, ("infrastructure",))
                if m is not None:
                    return m
        low = tok.lemma_.lower()
        if tok.lower_ == "it":
            return self.topic_infrastructure(tok.idx)
        if low in INFRA_NOUNS and any(c.text[:1].isupper() and c.dep_ in ("compound", "amod", "nmod")
                                      and self.mention(c, ("country",)) is None for c in tok.children):
            return None   # "the Trans-Anatolian pipeline": another line, one the mentions missed
        if low in INFRA_NOUNS and any(c.dep_ in ("acl", "relcl") and c.i == tok.i + 1 and c.tag_ in ("VBG", "VBN")
                                      for c in tok.children) and not any(c.lower_ in ("this", "that", "its")
                                                                          for c in tok.children):
            return None   # "the railway connecting Kars and Nakhchivan": a line the words define, not one named
        if low in INFRA_NOUNS and any(c.lower_ in ("the", "this", "that", "its")
                                      for c in tok.children if c.dep_ in ("det", "poss")):
            # "the pipeline": the last pipeline named, else what the passage is about
            for m in reversed(self.mentions):
                if m.end <= tok.idx and m.type == "infrastructure" and low in (m.text + " " + m.entity).lower():
                    return m
            return self.topic_infrastructure(tok.idx) or self._line_of_paragraph_before(tok.idx, low)
        return None

    def _line_of_paragraph_before(self, pos: int, noun: str) -> Mention | None:
        """"The 95-km link is run by X" opening a paragraph after the one that named the line: the last
        infrastructure named in the paragraph before, unless its name says it is another kind of thing."""
        floor = self.paragraph_start(pos)
        before = [m for m in self.mentions if m.type == "infrastructure" and floor - 1500 <= m.start and m.end <= floor]
        if not before:
            return None
        last = before[-1]
        if self.paragraph_start(last.start) != self.paragraph_start(max(0, floor - 2)):
            return None   # only the paragraph right before
        generic = {"line", "link", "project", "interconnector"}
        words = set((last.text + " " + last.entity).lower().replace("-", " ").split())
        if noun not in generic and words & (INFRA_NOUNS - generic - {noun}):
            return None   # "the railway" is not the "Ungheni–Balti gas pipeline"
        return last

    def capital_told(self, tok: Token) -> str | None:
        """"the Moldovan capital": the capital the gazetteer lists for the state the demonym names (a name,
        not a fact: which city is a state's capital)."""
        if tok.lemma_.lower() != "capital" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        states = [self.name(m) for c in tok.children if c.dep_ in ("amod", "compound")
                  for m in [self.mention(c, ("country",))] if m is not None and m.form == "demonym"]
        return gazetteer.load().capitals.get(states[0]) if len(states) == 1 else None

    def topic_infrastructure(self, pos: int) -> Mention | None:
        """The infrastructure a paragraph is about, as of ``pos``: the last one that was the subject
        of a sentence, else the first one named in the paragraph."""
        floor = self.paragraph_start(pos)
        cands = [m for m in self.mentions if m.type == "infrastructure" and floor <= m.start and m.end <= pos]
        if not cands:
            return None
        for m in reversed(cands):
            tok = self.sp.char_span(m.start, m.end, alignment_mode="expand")
            if tok is not None and (tok.root.dep_ in ("nsubj", "nsubjpass", "ROOT")):
                return m
        return cands[0]

    # times
    def sentence_times(self, sent: Span) -> list[Anchored]:
        """Times stated in ``sent``, each with its token; "on that day" borrows the previous sentence's."""
        out = []
        for t in self.ctx.times_in(sent.start_char, sent.end_char):
            span = self.sp.char_span(t.start, t.end, alignment_mode="expand")
            if span is None:
                continue
            out.append(Anchored(t, span.root))
        for tok in sent:
            if (tok.lower_ in ("day", "year", "date", "month") and tok.i > sent.start
                    and tok.nbor(-1).lower_ in ("that", "same") and not any(tok.i in range(
                        a.token.left_edge.i, a.token.right_edge.i + 1) for a in out)):
                prev = self.previous_sentence(sent, same_paragraph=False)
                before = self.sentence_times(prev) if prev is not None else []
                # (not a day long past a clause recalls: "discussed the agreement signed on 21 February 2023.
                # On the same day, X met Y")
                if before and not (tok.lower_ == "day" and recalled(self.ctx, before[-1].time)):
                    out.append(Anchored(before[-1].time, tok))
        if not out:
            # "- 1992: A and B fight a war": the parser cuts a list item's label off; it dates the item
            label = self._item_label(sent)
            if label is not None:
                out.append(Anchored(label, sent.root))
        return [a for a in out if not vague(a.time)] or out

    def _item_label(self, sent: Span) -> TimeExpr | None:
        """The time labelling the list item a sentence continues on its line ("- 1992: ...", "2014 – ...")."""
        line_start = self.text.rfind("\n", 0, sent.start_char) + 1
        head = self.text[line_start:sent.start_char]
        if not head.strip() or not re.fullmatch(r"\s*(?:[-*•–—]\s*)?[^\n]{1,30}?\s*[:–—-]\s*", head):
            return None
        found = self.ctx.times_in(line_start, sent.start_char)
        return found[0] if len(found) == 1 else None

    def time_of(self, tok: Token, sent_times: list[Anchored] | None = None,
                fallback_previous: bool = False) -> TimeExpr | None:
        """The time of the sentence nearest ``tok`` in the parse (optionally the previous sentence's)."""
        times = self.sentence_times(tok.sent) if sent_times is None else sent_times
        # "members of the OTS, which held its summit in November": a relative clause's time is its own
        # nor a year or a stretch told in what someone said ("invested $2bn since 2017, Minister X said"): the
        # time of the words, not of the speaker's post (a day there is often the day they were said)
        times = [a for a in times if not _in_other_relative_clause(a.token, tok) and not (
            len(a.time.value or "") < 10 and _reported(a.token, tok))]
        if times:
            best = min(times, key=lambda a: (dep_distance(tok, a.token), abs(a.token.i - tok.i)))
            return best.time
        if fallback_previous:
            prev = self.previous_sentence(tok.sent)
            if prev is not None:
                ptimes = self.sentence_times(prev)
                if ptimes:
                    root = prev.root
                    return min(ptimes, key=lambda a: dep_distance(root, a.token)).time
        return None


def _in_other_relative_clause(tok: Token, other: Token) -> bool:
    """Whether ``tok`` sits in a relative clause ("..., which was built in 1963") that neither holds ``other``
    nor tells of it ("Gul, who was foreign minister in 2003")."""
    for a in [tok, *tok.ancestors]:
        if a.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP", "WP$", "WRB") for c in a.subtree):
            head = relative_head(a)   # (of the noun ``other`` is in apposition to: "his son X, who ...")
            return not (a.left_edge.i <= other.i <= a.right_edge.i) and head.i != other.i and not (
                other.dep_ == "appos" and other.head.i == head.i) and not what_subject_is(head, other)
    return False


_SPEAKING = STATEMENT_VERBS | {"tell", "add", "note", "say"}


def _reported(tok: Token, other: Token) -> bool:
    """Whether ``tok`` sits in what someone said ("X has invested $2bn since 2017, Minister Y said") and
    ``other`` does not (the speaker's title: the time of the words is not the time of the post)."""
    for a in [tok, *tok.ancestors]:
        if a.dep_ in ("ccomp", "parataxis") and a.head.lemma_.lower() in _SPEAKING:
            return not (a.left_edge.i <= other.i <= a.right_edge.i)
    return False
