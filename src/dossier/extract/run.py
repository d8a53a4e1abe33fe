"""Run the extractors over one document (or a stream of them).

The text is parsed once; mentions and times come first because the fact
extractors read them.  Each extractor is a pure function over a ``Context``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from dossier import flags
from dossier.extract import entities, events, nlp, quantities, relations, times
from dossier.extract.context import Context
from dossier.records import Document


def extract(doc: Document, model: Language | None = None) -> Document:
    """Fill ``doc.mentions``, ``doc.entities`` and ``doc.facts`` from its clean text."""
    model = model or nlp.load()
    return extract_parsed(doc, model(doc.text))


def extract_many(docs: Iterable[Document], model: Language | None = None,
                 n_process: int = 1, batch_size: int = 8) -> Iterator[Document]:
    """``extract`` over a stream of documents, parsing them with ``nlp.pipe``."""
    model = model or nlp.load()
    pairs = ((d.text, d) for d in docs)
    for sp, doc in model.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield extract_parsed(doc, sp)


def extract_parsed(doc: Document, sp: Doc) -> Document:
    """Run the extractors over an already parsed text."""
    ctx = Context(doc=doc, sp=sp)
    ctx.mentions = entities.find_mentions(ctx)
    ctx.times = times.find_times(ctx)
    doc.mentions = ctx.mentions
    doc.entities = entities.entities_from_mentions(ctx.mentions, doc.name)
    figures = quantities.find_quantities(ctx)
    found = relations.find_relations(ctx)
    doc.facts = [*figures, *events.find_events(ctx), *found, *relations.owners_of_shares(figures, found)]
    doc.flags = flags.find_flags(ctx)
    return doc
