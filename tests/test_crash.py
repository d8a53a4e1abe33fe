"""Crash safety: ingest is SIGKILLed at random points many times; after each kill the knowledge
base is sound (no half-written document, nothing duplicated) and a rerun completes."""

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from dossier import export
from dossier.store import open_store

N_DOCS = 150


def _doc(i: int) -> str:
    # hand-written shapes with varying numbers: every document differs from every other
    return "\n\n".join(
        f"Report {i}, part {k}: delegation {i * 7 + k} met officials from region {i * 13 + k * 3} "
        f"to discuss item {i * 31 + k} of agenda {i}." for k in range(5))


def _corpus(folder):
    folder.mkdir()
    for i in range(N_DOCS):
        (folder / f"d{i:03d}.txt").write_text(_doc(i), encoding="utf-8")


def _assert_sound(db):
    store = open_store(str(db))
    try:
        assert store.check() == []
        infos = store.documents()
        names = [info.name for info in infos]
        assert len(names) == len(set(names))  # nothing duplicated
        for info in infos:  # every stored document is whole
            assert len(store.get_document(info.name).text) == info.chars
        keys = [repr(sorted(r.items())) for r in export.records(store)]
        assert len(keys) == len(set(keys))
        return len(names)
    finally:
        store.close()


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_at_random_points(tmp_path, seed):
    rng = random.Random(seed)
    corpus = tmp_path / "corpus"
    _corpus(corpus)
    db = tmp_path / "kb.db"
    base = [sys.executable, "-m", "dossier.cli", "ingest", "--no-extract", "--db", str(db), str(corpus)]
    seen = 0
    for _ in range(4):  # 3 seeds x 4 kills = 12 kills
        cmd = base + (["--workers", "2"] if rng.random() < 0.3 else [])
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)  # its own group: pool workers die with it
        time.sleep(rng.uniform(0.6, 2.5))
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        if db.exists():
            seen = _assert_sound(db)
    assert seen <= N_DOCS
    done = subprocess.run(base, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert _assert_sound(db) == N_DOCS
