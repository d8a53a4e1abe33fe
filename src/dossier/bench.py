"""Speed benchmark: the whole ingest pipeline against a bare ``en_core_web_md`` pass.

Both run in the same process over the same clean texts, so the ratio holds on
a shared, noisy machine where absolute timings do not.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from dossier import clean, read
from dossier.errors import InputError
from dossier.extract import nlp
from dossier.pipeline import IngestOptions, ingest
from dossier.store import open_store


@dataclass
class BenchResult:
    """Figures of one benchmark run."""

    documents: int
    words: int
    baseline_seconds: float
    pipeline_seconds: float

    @property
    def baseline_wps(self) -> float:
        """Words per second of the bare nlp.pipe pass."""
        return self.words / self.baseline_seconds

    @property
    def pipeline_wps(self) -> float:
        """Words per second of the whole ingest pipeline."""
        return self.words / self.pipeline_seconds

    @property
    def ratio(self) -> float:
        """Pipeline speed over baseline speed (>= 1.0: the pipeline costs no more than one full parse)."""
        return self.pipeline_wps / self.baseline_wps


def run(paths: list[str], options: IngestOptions | None = None) -> BenchResult:
    """Time a bare ``nlp.pipe`` pass and a full ingest into a fresh database over the same corpus."""
    texts = []
    for path, error in read.discover(paths):
        if error is None:
            try:
                texts.append(clean.clean(read.read_document(path)).text)
            except InputError:
                continue
    words = sum(len(t.split()) for t in texts)
    model = nlp.load()
    model("warm up")  # loading is not what we measure
    started = time.perf_counter()
    for _ in model.pipe(texts, batch_size=8):
        pass
    baseline = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        started = time.perf_counter()
        ingest(store, paths, options or IngestOptions())
        elapsed = time.perf_counter() - started
        store.close()
    return BenchResult(documents=len(texts), words=words, baseline_seconds=baseline, pipeline_seconds=elapsed)
