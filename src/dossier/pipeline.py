"""Ingestion: read -> clean -> dedup -> extract -> resolve -> store, one file at a time.

``ingest()`` is what ``dossier ingest`` calls.  A bad file is skipped with a
one-line reason and the batch goes on; every document is written in one
transaction, so an interrupted run leaves no half-written document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from dossier import clean, dedup, flags, read
from dossier.errors import InputError
from dossier.records import Document, Mention, Source
from dossier.store import RunSummary, Store


@dataclass
class IngestOptions:
    """Settings of one ingestion run."""

    max_bytes: int = 50_000_000   # larger files are refused with a message
    extract: bool = True          # run the NLP extraction (off: clean and store only)


Outcome = str  # "added" | "replaced" | "skipped" | "duplicate" | "failed"
ProgressFn = Callable[[str, Outcome, str], None]


def plan(paths: list[str]) -> list[tuple[str, InputError | None]]:
    """Every file the run will look at (or the error for a path that cannot be read)."""
    return list(read.discover(paths))


def ingest(store: Store, paths: list[str], options: IngestOptions | None = None,
           progress: ProgressFn | None = None,
           files: list[tuple[str, InputError | None]] | None = None) -> RunSummary:
    """Ingest files and folders into ``store``; returns what was added, replaced, skipped, failed."""
    options = options or IngestOptions()
    files = plan(paths) if files is None else files
    summary = RunSummary()
    run_id = store.start_run(list(paths))
    index = dedup.DuplicateIndex()
    for name, sig in store.signatures():
        index.add(name, dedup.from_bytes(sig))
    try:
        for path, error in files:
            outcome, detail = _one(store, path, error, options, index, summary)
            if progress:
                progress(path, outcome, detail)
    finally:
        store.finish_run(run_id, summary)
    return summary


def _one(store: Store, path: str, error: InputError | None, options: IngestOptions,
         index: dedup.DuplicateIndex, summary: RunSummary) -> tuple[Outcome, str]:
    """Ingest one file, recording its outcome in ``summary``."""
    if error is not None:
        summary.failed.append((path, str(error)))
        return "failed", str(error)
    try:
        doc = read.read_document(path, max_bytes=options.max_bytes)
        status = store.status(doc.name, doc.sha256)
        if status == "same":
            summary.skipped.append(doc.name)
            return "skipped", "unchanged"
        doc = clean.clean(doc)
        sig = dedup.signature(doc.text)
        original = index.find(doc.name, sig)
        if original is not None:
            doc.duplicate_of = original
            _borrow(doc, store.get_document(original))
        elif options.extract:
            from dossier.extract.run import extract  # the NLP stack loads only when needed
            from dossier.resolve import resolve

            doc = resolve(extract(doc), store.entities())
        else:
            doc.flags = flags.cleaning_flags(doc)
        store.put_document(doc, signature=dedup.to_bytes(sig))  # one transaction, signature included
        index.add(doc.name, sig)
    except InputError as exc:
        summary.failed.append((path, str(exc)))
        return "failed", str(exc)
    except OSError as exc:  # vanished or unreadable mid-run: the batch goes on
        msg = f"{path}: could not be read ({exc.strerror or exc}) — check the file and run ingest again"
        summary.failed.append((path, msg))
        return "failed", msg
    if doc.duplicate_of:
        summary.duplicates.append(doc.name)
        return "duplicate", f"near-duplicate of {doc.duplicate_of}"
    (summary.replaced if status == "changed" else summary.added).append(doc.name)
    return ("replaced" if status == "changed" else "added"), f"{len(doc.facts)} facts"


def _borrow(doc: Document, original: Document) -> None:
    """Give a near-duplicate the original's mentions and facts, re-anchored in its own text.

    The text is not extracted twice; what the original says is cited from the
    copy too wherever the same words appear in it.
    """
    doc.entities = [replace(e, docs=[doc.name]) for e in original.entities]
    doc.mentions = [m for m in (_anchor_mention(doc, m) for m in original.mentions) if m]
    facts = []
    for fact in original.facts:
        sources = [s for s in (_anchor(doc, s) for s in fact.sources if s.doc == original.name) if s]
        if sources:
            facts.append(replace(fact, sources=sources))
    doc.facts = facts


def _anchor(doc: Document, src: Source) -> Source | None:
    """The same quote in ``doc``'s text, nearest to the original position."""
    hits = list(_find_all(doc.text, src.quote))
    if not hits:
        return None
    start = min(hits, key=lambda h: abs(h - src.start))
    return doc.source(start, start + len(src.quote))


def _anchor_mention(doc: Document, m: Mention) -> Mention | None:
    hits = list(_find_all(doc.text, m.text))
    if not hits:
        return None
    start = min(hits, key=lambda h: abs(h - m.start))
    return replace(m, start=start, end=start + len(m.text))


def _find_all(text: str, needle: str) -> Iterator[int]:
    if not needle:
        return
    i = text.find(needle)
    while i >= 0:
        yield i
        i = text.find(needle, i + 1)

