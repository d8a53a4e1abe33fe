"""Ingestion: read -> clean -> dedup -> extract -> resolve -> store, one file at a time.

``ingest()`` is what ``dossier ingest`` calls.  A bad file is skipped with a
one-line reason and the batch goes on; every document is written in one
transaction, so an interrupted run leaves no half-written document.
"""

from __future__ import annotations

import copy
import os
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from dossier import clean, dedup, flags, read
from dossier.errors import InputError
from dossier.records import Document, Mention, Source
from dossier.store import RunSummary, Store


@dataclass
class IngestOptions:
    """Settings of one ingestion run."""

    max_bytes: int = 50_000_000   # larger files are refused with a message
    extract: bool = True          # run the NLP extraction (off: clean and store only)
    workers: int = 1              # processes that read, clean and extract (0: all cores)
    engine: str = "local"         # "local" (process pool) or "dask"
    scheduler: str | None = None  # dask scheduler address; None starts a LocalCluster


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
        if options.engine == "dask":
            _ingest_dask(store, files, options, index, summary, progress)
        elif _worker_count(options.workers) > 1:
            _ingest_pool(store, files, options, index, summary, progress)
        else:
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


def _worker_count(workers: int) -> int:
    return workers if workers > 0 else (os.cpu_count() or 1)


# --- parallel ingest -------------------------------------------------------------------------
# Workers read, clean and extract; the parent is the one writer: it resolves (which reads the
# entities already stored, so order matters) and stores, in the order of ``files``.  At most
# ``2 * workers`` documents are in flight, so memory does not grow with the corpus.

def prepare(path: str, max_bytes: int, extract: bool) -> tuple[str, Any]:
    """Worker side: read, clean and (optionally) extract one file.

    Returns ("ok", (cleaned document, signature bytes, extracted document or None))
    or ("failed", message).  The cleaned document is kept apart for near-duplicates, which
    borrow the original's facts instead of their own extraction.
    """
    try:
        doc = read.read_document(path, max_bytes=max_bytes)
        doc = clean.clean(doc)
        sig = dedup.to_bytes(dedup.signature(doc.text))
        done = None
        if extract:
            from dossier.extract.run import extract as run_extract

            done = run_extract(copy.deepcopy(doc))
        return "ok", (doc, sig, done)
    except InputError as exc:
        return "failed", str(exc)
    except OSError as exc:
        return "failed", f"{path}: could not be read ({exc.strerror or exc}) — check the file and run ingest again"


def _pool_worker_init(extract: bool) -> None:
    """Initializer of our own spawned workers: thinc imports torch whenever it is installed (it is,
    for `dossier ask`), but en_core_web_md runs on numpy; a worker that only extracts skips that
    import (about 1 s and 200 MB each).  Not done on a Dask cluster, whose workers may be shared."""
    import sys

    if "thinc" not in sys.modules:
        sys.modules.setdefault("torch", None)  # type: ignore[assignment]  # ``import torch`` -> ImportError
    warm_up(extract)


def warm_up(extract: bool = True) -> None:
    """Worker initializer: load spaCy once per process, not once per document."""
    if extract:
        from dossier.extract import nlp

        nlp.load()


def _write(store: Store, path: str, result: tuple[str, Any], options: IngestOptions,
           index: dedup.DuplicateIndex, summary: RunSummary) -> tuple[Outcome, str]:
    """Writer side: dedup, resolve and store one prepared document (same outcomes as ``_one``)."""
    kind, payload = result
    if kind == "failed":
        summary.failed.append((path, payload))
        return "failed", payload
    doc, sig_bytes, done = payload
    status = store.status(doc.name, doc.sha256)
    if status == "same":
        summary.skipped.append(doc.name)
        return "skipped", "unchanged"
    sig = dedup.from_bytes(sig_bytes)
    original = index.find(doc.name, sig)
    if original is not None:
        doc.duplicate_of = original
        _borrow(doc, store.get_document(original))
    elif done is not None:
        from dossier.resolve import resolve

        doc = resolve(done, store.entities())
    else:
        doc.flags = flags.cleaning_flags(doc)
    store.put_document(doc, signature=sig_bytes)
    index.add(doc.name, sig)
    if doc.duplicate_of:
        summary.duplicates.append(doc.name)
        return "duplicate", f"near-duplicate of {doc.duplicate_of}"
    (summary.replaced if status == "changed" else summary.added).append(doc.name)
    return ("replaced" if status == "changed" else "added"), f"{len(doc.facts)} facts"


def _drive(submit: Callable[[str], Any], store: Store, files: list[tuple[str, InputError | None]],
           options: IngestOptions, index: dedup.DuplicateIndex, summary: RunSummary,
           progress: ProgressFn | None, in_flight: int) -> None:
    """Submit files to workers with at most ``in_flight`` pending; write results in input order."""
    pending: deque[tuple[str, InputError | None, Any]] = deque()

    def drain_one() -> None:
        path, error, future = pending.popleft()
        if error is not None:
            summary.failed.append((path, str(error)))
            outcome, detail = "failed", str(error)
        else:
            outcome, detail = _write(store, path, future.result(), options, index, summary)
        if progress:
            progress(path, outcome, detail)

    for path, error in files:
        pending.append((path, error, None if error is not None else submit(path)))
        while len(pending) >= in_flight:
            drain_one()
    while pending:
        drain_one()


def _ingest_pool(store: Store, files: list[tuple[str, InputError | None]], options: IngestOptions,
                 index: dedup.DuplicateIndex, summary: RunSummary, progress: ProgressFn | None) -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    n = _worker_count(options.workers)
    ctx = multiprocessing.get_context("spawn")  # fork after spaCy/threads is unsafe
    with ProcessPoolExecutor(n, mp_context=ctx, initializer=_pool_worker_init, initargs=(options.extract,)) as pool:
        _drive(lambda p: pool.submit(prepare, p, options.max_bytes, options.extract),
               store, files, options, index, summary, progress, in_flight=2 * n)


def _ingest_dask(store: Store, files: list[tuple[str, InputError | None]], options: IngestOptions,
                 index: dedup.DuplicateIndex, summary: RunSummary, progress: ProgressFn | None) -> None:
    """The same flow on a Dask cluster: workers prepare, this client is the one writer.

    Workers must see the files at the same paths (a shared folder) and have dossier installed.
    """
    from dask.distributed import Client, LocalCluster

    cluster = None
    if options.scheduler:
        client = Client(options.scheduler)
    else:
        n = _worker_count(options.workers) if options.workers != 1 else 2
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        if options.extract:
            client.run(warm_up, True)
        n_workers = max(1, len(client.scheduler_info()["workers"]))
        _drive(lambda p: client.submit(prepare, p, options.max_bytes, options.extract, pure=False),
               store, files, options, index, summary, progress, in_flight=2 * n_workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


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

