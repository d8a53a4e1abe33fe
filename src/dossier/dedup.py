"""Near-duplicate documents across the corpus (MinHash over word shingles).

Two saved copies of one article (another site's repost, a re-download with a
different footer) are recorded as copies of one another: both stay as
sources, the text is extracted once.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5          # words per shingle
THRESHOLD = 0.8      # estimated Jaccard similarity above which two texts are one document
SCHEME = "affine32"  # datasketch >= 2 permutation scheme; stored signatures must all use one

_WORD = re.compile(r"\w+", re.UNICODE)


def signature(text: str) -> MinHash:
    """MinHash of the text's word 5-grams (casefolded, punctuation ignored)."""
    words = _WORD.findall(text.casefold())
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    if len(words) < SHINGLE:
        shingles = [" ".join(words)] if words else []
    else:
        shingles = [" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def to_bytes(m: MinHash) -> bytes:
    """Compact form for the store."""
    return m.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    """Inverse of ``to_bytes``."""
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME)


class DuplicateIndex:
    """LSH index of the stored documents' signatures, for one ingestion run."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sigs: dict[str, MinHash] = {}

    def add(self, name: str, m: MinHash) -> None:
        """Index a document's signature (replacing an older one of the same name)."""
        if name in self._sigs:
            self._lsh.remove(name)
        self._sigs[name] = m
        self._lsh.insert(name, m)

    def find(self, name: str, m: MinHash) -> str | None:
        """Name of the most similar other indexed document above the threshold, if any."""
        best, best_sim = None, self.threshold
        for other in sorted(self._lsh.query(m)):   # the query is a set: ties go to the first name, every run
            if other == name:
                continue
            sim = m.jaccard(self._sigs[other])
            if sim > best_sim or (best is None and sim >= best_sim):
                best, best_sim = other, sim
        return best
