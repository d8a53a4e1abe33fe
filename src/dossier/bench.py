"""Speed benchmark: the whole ingest pipeline against a bare ``en_core_web_md`` pass.

Every pass runs in the same command over the same clean texts, so the ratios hold on
a shared, noisy machine where absolute timings do not.  ``generate`` builds a larger
corpus by repeating and perturbing real articles into a temporary folder.
"""

from __future__ import annotations

import random
import re
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier import clean, read
from dossier.errors import InputError
from dossier.extract import nlp
from dossier.pipeline import IngestOptions, ingest
from dossier.store import open_store


@dataclass
class Pass:
    """One pass over the corpus, timed once per round."""

    label: str
    runs: list[float] = field(default_factory=list)   # seconds, one per round
    peak_rss: int = 0  # bytes, the largest of its rounds (its process and their children together)

    @property
    def seconds(self) -> float:
        """The median of its rounds."""
        return statistics.median(self.runs)


@dataclass
class BenchResult:
    """Figures of one benchmark run: the bare baseline first, then each pipeline pass."""

    documents: int
    words: int
    baseline: Pass
    passes: list[Pass] = field(default_factory=list)

    def wps(self, p: Pass) -> float:
        """Words per second of a pass (median round)."""
        return self.words / p.seconds

    def ratios(self, p: Pass) -> list[float]:
        """Per round, the baseline's seconds over the pass's (>= 1.0: it costs no more than one bare
        parse).  A round runs the baseline and every pass back to back, so each ratio compares runs made
        under the same load of a shared machine."""
        return [b / s for b, s in zip(self.baseline.runs, p.runs, strict=True)]

    def ratio(self, p: Pass) -> float:
        """The median of the per-round ratios."""
        return statistics.median(self.ratios(p))


@contextmanager
def peak_memory(interval: float = 0.1) -> Iterator[list[int]]:
    """Sample the resident memory of this process and all its children; yields [peak bytes]."""
    import psutil

    peak = [0]
    stop = threading.Event()
    me = psutil.Process()

    def sample() -> None:
        while not stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    continue
            peak[0] = max(peak[0], total)
            stop.wait(interval)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield peak
    finally:
        stop.set()
        thread.join()


def _texts(paths: list[str]) -> list[str]:
    texts = []
    for path, error in read.discover(paths):
        if error is None:
            try:
                texts.append(clean.clean(read.read_document(path)).text)
            except InputError:
                continue
    return texts


def generate(sources: list[str], n: int, folder: Path, seed: int = 0) -> int:
    """Write ``n`` documents into ``folder`` by repeating the source articles with their paragraphs
    and sentences shuffled and their numbers changed (so none is a near-duplicate); returns n."""
    texts = _texts(sources)
    if not texts:
        raise InputError(f"{' '.join(sources)}: no readable article to generate a corpus from")
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        paras = [p for p in texts[i % len(texts)].split("\n\n") if p.strip()]
        rng.shuffle(paras)
        out = []
        for para in paras:
            sentences = re.split(r"(?<=[.!?])\s+", para)
            if rng.random() < 0.5:
                rng.shuffle(sentences)
            out.append(" ".join(sentences))
        text = re.sub(r"\d+", lambda m: str(rng.randint(1, 10 ** len(m.group())) ), "\n\n".join(out))
        (folder / f"gen_{i:06d}.txt").write_text(text, encoding="utf-8")
    return n


def _bare_pass(paths: list[str]) -> tuple[float, int]:
    """The baseline: seconds of one ``nlp.pipe`` over the clean texts (loading excluded), and their
    words."""
    texts = _texts(paths)
    model = nlp.load()
    model("warm up")  # loading is not what we measure
    started = time.perf_counter()
    for _ in model.pipe(texts, batch_size=8):
        pass
    return time.perf_counter() - started, sum(len(t.split()) for t in texts)


def _ingest_pass(paths: list[str], options: IngestOptions, preload: bool = False) -> tuple[float, int]:
    """A full ingest into a fresh database: seconds and documents.  The one-process pass loads the
    model (and what cleaning, extraction and resolving load on first use) first, as the baseline
    loads its model; a multi-process pass starts its workers inside the timing, as
    a user's run would, unless ``preload``: then the workers' fork server has loaded the model before
    the clock starts (the baseline's terms), and the timing holds forking the workers, not loading."""
    from dossier.pipeline import _pool_context, _warm_writer, warm_up

    if options.workers == 1 and options.engine == "local" and options.extract:
        warm_up()          # what the baseline's model load is to it: loading, not work
        _warm_writer(True)
    if preload and options.engine == "local":
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(1, mp_context=_pool_context(options.extract)) as pool:
            pool.submit(time.sleep, 0).result()   # starts the fork server, which stays up
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        started = time.perf_counter()
        summary = ingest(store, paths, options)
        elapsed = time.perf_counter() - started
        store.close()
    return elapsed, len(summary.added) + len(summary.duplicates)


def _in_own_process(fn: Callable[..., tuple[float, int]], *args: Any) -> tuple[float, int, int]:
    """Run one pass in a fresh process (so no pass inherits another's model, workers or fork server),
    sampling its memory with its children's; returns (seconds, count, peak RSS bytes)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("spawn")
    with peak_memory() as peak, ProcessPoolExecutor(1, mp_context=ctx) as pool:
        seconds, count = pool.submit(fn, *args).result()
    return seconds, count, peak[0]


def run(paths: list[str], workers: list[int] | None = None, dask: bool = False,
        options: IngestOptions | None = None, rounds: int = 1) -> BenchResult:
    """Time a bare ``nlp.pipe`` pass, then a full ingest into a fresh database per worker count (and
    on a local Dask cluster of 2 workers when ``dask``), each in a process of its own; ``rounds``
    times over, the passes of a round back to back."""
    options = options or IngestOptions()
    labels = []
    for w in workers or [1]:
        opts = IngestOptions(options.max_bytes, options.extract, workers=w)
        labels.append((f"dossier ingest --workers {w}", opts, False))
        if w > 1:
            labels.append((f"dossier ingest --workers {w}, model loaded before the clock", opts, True))
    if dask:
        labels.append(("dossier ingest --engine dask (LocalCluster, 2 workers)",
                       IngestOptions(options.max_bytes, options.extract, workers=2, engine="dask"), False))
    result = BenchResult(documents=-1, words=0, baseline=Pass("bare nlp.pipe (en_core_web_md, 1 process)"),
                         passes=[Pass(label) for label, _, _ in labels])
    for _ in range(max(1, rounds)):
        seconds, result.words, rss = _in_own_process(_bare_pass, paths)
        result.baseline.runs.append(seconds)
        result.baseline.peak_rss = max(result.baseline.peak_rss, rss)
        for p, (_, opts, preload) in zip(result.passes, labels, strict=True):
            seconds, result.documents, rss = _in_own_process(_ingest_pass, paths, opts, preload)
            p.runs.append(seconds)
            p.peak_rss = max(p.peak_rss, rss)
    return result


# --- query latency and load on a large knowledge base ----------------------------------------

ROUTES = ["/api/documents", "/api/entities", "/api/facts", "/api/timeline", "/api/flags",
          "/api/search?q=Turkey", "/api/network"]


@dataclass
class RouteFigures:
    """Latency of one route under the load generator."""

    route: str
    requests: int
    errors: int
    p50: float
    p95: float
    p99: float


def build_kb(db: str, paths: list[str], n_docs: int) -> int:
    """A knowledge base of ``n_docs`` documents, built cheaply: the corpus is extracted once and
    its stored documents are copied under new names (with every citation pointing at the copy)."""
    from dataclasses import replace

    store = open_store(db)
    try:
        ingest(store, paths, IngestOptions())
        originals = [store.get_document(d.name) for d in store.documents()]
        count = len(originals)
        i = 0
        while count < n_docs and originals:
            doc = originals[i % len(originals)]
            name = f"copy{i:06d}_{doc.name}"
            copy = replace(doc, name=name, sha256=f"{i:064x}", duplicate_of=None,
                           entities=[replace(e, docs=[name]) for e in doc.entities],
                           facts=[replace(f, sources=[replace(s, doc=name) for s in f.sources]) for f in doc.facts],
                           flags=[replace(f, sources=[replace(s, doc=name) for s in f.sources]) for f in doc.flags])
            store.put_document(copy)
            count += 1
            i += 1
        return count
    finally:
        store.close()


def load_test(db: str, requests_per_route: int = 200, concurrency: int = 8) -> tuple[list[RouteFigures], float]:
    """Serve the web app on 127.0.0.1 and request each route from ``concurrency`` threads;
    returns per-route latencies (seconds) and overall requests/s.  Only the loopback address."""
    import socket
    from concurrent.futures import ThreadPoolExecutor

    import httpx
    import uvicorn

    from dossier.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=base, timeout=60) as client:
        for _ in range(100):
            try:
                client.get("/api/documents")
                break
            except httpx.TransportError:
                time.sleep(0.1)
    figures = []
    total = 0
    started = time.perf_counter()
    try:
        with httpx.Client(base_url=base, timeout=60,
                          limits=httpx.Limits(max_connections=concurrency)) as client:
            for route in ROUTES:
                def one(_: int, route: str = route) -> tuple[float, bool]:
                    t0 = time.perf_counter()
                    try:
                        ok = client.get(route).status_code == 200
                    except httpx.HTTPError:
                        ok = False
                    return time.perf_counter() - t0, ok

                with ThreadPoolExecutor(concurrency) as pool:
                    results = list(pool.map(one, range(requests_per_route)))
                lat = sorted(r[0] for r in results)
                figures.append(RouteFigures(route, len(lat), sum(not r[1] for r in results),
                                            _pct(lat, 50), _pct(lat, 95), _pct(lat, 99)))
                total += len(lat)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return figures, total / (time.perf_counter() - started)


def _pct(sorted_values: list[float], p: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(len(sorted_values) * p / 100))]
