"""Ingestion: read -> clean -> dedup -> extract -> resolve -> store, one file at a time.

``ingest()`` is what ``dossier ingest`` calls.  A bad file is skipped with a
one-line reason and the batch goes on; every document is written in one
transaction, so an interrupted run leaves no half-written document.
"""

from __future__ import annotations

import copy
import os
import threading
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
    if options.engine == "local" and _worker_count(options.workers) > 1:
        _start_fork_server(options.extract)   # it loads the model while this process does the rest
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
    except Exception as exc:  # noqa: BLE001 — a fault of ours on one document must not stop the batch
        msg = _internal_error(path, exc)
        summary.failed.append((path, msg))
        return "failed", msg
    if doc.duplicate_of:
        summary.duplicates.append(doc.name)
        return "duplicate", f"near-duplicate of {doc.duplicate_of}"
    (summary.replaced if status == "changed" else summary.added).append(doc.name)
    return ("replaced" if status == "changed" else "added"), f"{len(doc.facts)} facts"


PARALLEL_FROM_BYTES = 256_000   # below this, starting workers (about 2.5 s) costs more than it saves


def auto_workers(files: list[tuple[str, InputError | None]]) -> int:
    """The default worker count of a run: every core when its files add up to ``PARALLEL_FROM_BYTES``
    (about 30,000 words of text, some 7 s in one process), else one."""
    total = 0
    for path, error in files:
        if error is None:
            try:
                total += os.path.getsize(path)
            except OSError:
                continue
    return _worker_count(0) if total >= PARALLEL_FROM_BYTES and len(files) > 1 else 1


def _worker_count(workers: int) -> int:
    return workers if workers > 0 else (os.cpu_count() or 1)


# --- parallel ingest -------------------------------------------------------------------------
# The parent reads each file and skips the unchanged ones; workers clean and extract; the parent is
# the one writer: it resolves (which reads the entities already stored, so order matters) and stores,
# in the order of ``files``.  At most ``_window(workers)`` documents are read ahead, so memory does not
# grow with the corpus.  Workers receive the document itself, so they need not see the files.

def prepare(doc: Document, extract: bool) -> tuple[str, Any]:
    """Worker side: clean and (optionally) extract one read document.

    Returns ("ok", (cleaned document, signature bytes, extracted document or None))
    or ("failed", message).  The cleaned document is kept apart for near-duplicates, which
    borrow the original's facts instead of their own extraction.
    """
    try:
        doc = clean.clean(doc)
        sig = dedup.to_bytes(dedup.signature(doc.text))
        done = None
        if extract:
            from dossier.extract.run import extract as run_extract

            done = run_extract(copy.deepcopy(doc))
        return "ok", (doc, sig, done)
    except InputError as exc:
        return "failed", str(exc)
    except Exception as exc:  # noqa: BLE001 — reported for this document; the others go on
        return "failed", _internal_error(doc.name, exc)


def _internal_error(name: str, exc: Exception) -> str:
    """One line for a fault of Dossier's own on one document (the run goes on, the exit code tells)."""
    return (f"{name}: internal error while processing it ({type(exc).__name__}: {exc}) — nothing of it was "
            "stored; the other files went on. Please report this with the file")


def _read_ahead(store: Store, path: str, error: InputError | None, options: IngestOptions) -> tuple[str, Any]:
    """Writer side, before any worker: ("read", document), ("skipped", name) for a file stored
    unchanged (no worker cleans or extracts it again), or ("failed", message)."""
    if error is not None:
        return "failed", str(error)
    try:
        doc = read.read_document(path, max_bytes=options.max_bytes)
    except InputError as exc:
        return "failed", str(exc)
    except OSError as exc:
        return "failed", f"{path}: could not be read ({exc.strerror or exc}) — check the file and run ingest again"
    if store.status(doc.name, doc.sha256) == "same":
        return "skipped", doc.name
    return "read", doc


def _pool_worker_init(extract: bool) -> None:
    """Initializer of our own workers (forked from the fork server, whose preload did the same, or
    spawned): no torch, leave with the parent, warm up."""
    import multiprocessing

    skip_torch()
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent.sentinel,), daemon=True).start()
    warm_up(extract)


def skip_torch() -> None:
    """thinc imports torch whenever it is installed (it is, for `dossier ask`), but en_core_web_md runs
    on numpy: a process that only extracts skips that import (about 1 s and 200 MB).  For our own
    workers only, not a Dask cluster's, whose workers may be shared."""
    import sys

    if "thinc" not in sys.modules:
        sys.modules.setdefault("torch", None)  # type: ignore[assignment]  # ``import torch`` -> ImportError


def _exit_with_parent(sentinel: int) -> None:
    """A worker whose parent is killed (SIGKILL, out of memory) would wait on its task queue forever,
    and keep the fork server alive with it: leave as soon as the parent is gone."""
    from multiprocessing.connection import wait

    wait([sentinel])
    os._exit(1)


# made-up text, stored nowhere: it only has to go through every reader once
_WARM_UP_PAGE = ("<html><head><title>Warm up</title><meta name=\"date\" content=\"4 May 2019\"></head><body>"
                 "<article><p>By Jane Doe. Published 4 May 2019, 10:00 GMT</p><p>Norway and Chile signed "
                 "an agreement in Oslo on 2 May 2019. Trade reached $3 billion.</p></article></body></html>")


_WARM: set[bool] = set()   # the ``extract`` values this process has warmed up for (forked workers inherit it)


def warm_up(extract: bool = True) -> None:
    """Load, once per process, what cleaning and extraction build on first use: the spaCy model, the
    date parser's locales, the gazetteer and its search pattern, word lists (about 2.5 s in all), by
    cleaning and extracting one small page.  A worker initializer; the fork server's preload."""
    if extract in _WARM:
        return
    doc = clean.clean(Document(path="warm-up.html", name="warm-up.html", original=_WARM_UP_PAGE))
    dedup.signature(doc.text)
    if extract:
        from dossier.extract.run import extract as run_extract

        run_extract(doc)
    _WARM.add(extract)


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

        try:
            doc = resolve(done, store.entities())
        except Exception as exc:  # noqa: BLE001 — as in the workers: this document fails, the run goes on
            msg = _internal_error(path, exc)
            summary.failed.append((path, msg))
            return "failed", msg
    else:
        doc.flags = flags.cleaning_flags(doc)
    store.put_document(doc, signature=sig_bytes)
    index.add(doc.name, sig)
    if doc.duplicate_of:
        summary.duplicates.append(doc.name)
        return "duplicate", f"near-duplicate of {doc.duplicate_of}"
    (summary.replaced if status == "changed" else summary.added).append(doc.name)
    return ("replaced" if status == "changed" else "added"), f"{len(doc.facts)} facts"


def _drive(submit: Callable[[Document], Any], wait_any: Callable[[list[Any]], Any], store: Store,
           files: list[tuple[str, InputError | None]], options: IngestOptions, index: dedup.DuplicateIndex,
           summary: RunSummary, progress: ProgressFn | None, workers: int,
           ready: Callable[[], None] = lambda: None) -> None:
    """Read files ahead, hand the changed ones to workers, and write their results in input order
    (``ready`` is called before the first write).

    The writer looks ahead ``_window(workers)`` files and hands the workers the largest of them first
    (longest-processing-time-first scheduling): a long document started last would leave one worker
    running alone at the end of the run.  Only ``workers + 1`` tasks wait in the pool at a time, so a
    long file that enters the window still goes before the shorter ones already in it.
    """
    window = _window(workers)
    jobs: dict[int, tuple[str, Any]] = {}   # ("read", doc) -> ("submitted", future); or failed/skipped
    head = ahead = 0
    while head < len(files):
        while ahead < len(files) and ahead - head < window:
            jobs[ahead] = _read_ahead(store, *files[ahead], options)
            ahead += 1
        running = [j[1] for j in jobs.values() if j[0] == "submitted" and not j[1].done()]
        waiting = sorted((i for i, j in jobs.items() if j[0] == "read"), key=lambda i: (-len(jobs[i][1].original), i))
        for i in waiting[:max(0, workers + 1 - len(running))]:
            future = submit(jobs[i][1])
            jobs[i] = ("submitted", future)
            running.append(future)
        kind, payload = jobs[head]
        if kind == "read" or (kind == "submitted" and not payload.done()):
            wait_any(running)
            continue
        if head == 0:
            ready()
        path = files[head][0]
        del jobs[head]
        head += 1
        if kind == "failed":
            summary.failed.append((path, payload))
            outcome, detail = "failed", payload
        elif kind == "skipped":
            summary.skipped.append(payload)
            outcome, detail = "skipped", "unchanged"
        else:
            outcome, detail = _write(store, path, payload.result(), options, index, summary)
        if progress:
            progress(path, outcome, detail)


def _ingest_pool(store: Store, files: list[tuple[str, InputError | None]], options: IngestOptions,
                 index: dedup.DuplicateIndex, summary: RunSummary, progress: ProgressFn | None) -> None:
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    n = _worker_count(options.workers)
    # load what resolving needs on a thread, while this one waits for the workers to start (the first
    # fork waits for the fork server's model) and for their first results; joined before the first write
    warmer = threading.Thread(target=_warm_writer, args=(options.extract,), daemon=True)
    warmer.start()
    with ProcessPoolExecutor(n, mp_context=_pool_context(options.extract), initializer=_pool_worker_init,
                             initargs=(options.extract,)) as pool:
        _drive(lambda doc: pool.submit(prepare, doc, options.extract),
               lambda fs: wait(fs, return_when=FIRST_COMPLETED),
               store, files, options, index, summary, progress, workers=n, ready=warmer.join)


def _warm_writer(extract: bool) -> None:
    if extract:
        from dossier.resolve import warm_up as warm_resolver

        warm_resolver()


def _pool_context(extract: bool):
    """How workers start.  Forking this process is unsafe (it may run threads: the progress bar, an
    open database); a fork server is a fresh single-threaded process that loads the model once and
    forks each worker with the model already in memory (about 1 s sooner than each worker loading
    its own).  Its preload is fixed when it first starts: a later pool that needs the model and finds
    a server without it still works, as each worker's initializer loads what is missing."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["dossier.extract.preload"] if extract else ["dossier.pipeline"])
    return ctx


def _start_fork_server(extract: bool) -> None:
    """Start the fork server now, without waiting: it imports and loads in its own process while this
    one reads the knowledge base and warms up; the first worker forked from it waits for it to be ready."""
    ctx = _pool_context(extract)
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _window(workers: int) -> int:
    """Documents in flight.  Results are written in input order (the entities a document resolves to
    depend on what is stored before it), so a long document at the head holds the writer back while the
    other workers go on: the window must cover what they do meanwhile.  It is bounded, so memory does
    not grow with the corpus (a prepared document is its text and its facts, no parse)."""
    return max(4 * workers, 16)


def _ingest_dask(store: Store, files: list[tuple[str, InputError | None]], options: IngestOptions,
                 index: dedup.DuplicateIndex, summary: RunSummary, progress: ProgressFn | None) -> None:
    """The same flow on a Dask cluster: this client reads and writes, workers clean and extract.

    Workers receive each document from the client (they need not see the files) and must have
    dossier installed.
    """
    from dask.distributed import Client, LocalCluster, wait

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
        _drive(lambda doc: client.submit(prepare, doc, options.extract, pure=False),
               lambda fs: wait(fs, return_when="FIRST_COMPLETED"),
               store, files, options, index, summary, progress, workers=n_workers)
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

